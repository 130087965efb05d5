"""The province workbook: one row per commune, the recommendations to superiors (the province's
own to-do list), the agencies most often late, the trend by quarter, charts, and what became of
each file received. Built only from monitoring workbooks: no citizen is named in it.
"""
from __future__ import annotations

import datetime as dt

from doithoai.files import printing
from doithoai.files.listsheet import write_intro, write_rows
from doithoai.province import queries
from doithoai.province.inputs import SET_ASIDE, SUPERSEDED, USED

TITLE = "TỔNG HỢP KẾT QUẢ ĐỐI THOẠI VỚI NHÂN DÂN CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU"
FILE_KIND = "Tổng hợp tỉnh (doithoai)"
LIST_LIMIT = 20000      # rows of the recommendation list in the workbook (all in the database)
INPUT_HEAD = ["Tệp", "Kết quả", "Lý do", "Đơn vị", "Tỉnh/Thành phố", "Số liệu đến ngày"]
NO_DATA = "không có số liệu"   # a commune's workbook of a format without the late answers
WIDTHS = {"Đơn vị": 22, "Tỉnh/Thành phố": 18, "Ngày hội nghị": 22, "Cơ quan": 30, "Tệp": 34,
          "Lý do": 50, "Kết quả": 16, "Kiến nghị tới": 28, "Quý": 12}


def build(con, items: list, province: str, year: int, database_name: str):
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    bold, fill = Font(name="Calibri", bold=True), PatternFill("solid", fgColor="DDEBF7")
    communes = queries.per_commune(con, year)
    # the sums of what the communes have: a late count no older workbook has is not a zero
    totals = [sum(r[i] for r in communes if r[i] is not None)
              for i in range(5, len(queries.PER_COMMUNE_HEAD))]
    none_held = [r[0] for r in communes if not r[3]]
    wb = Workbook()
    _intro(wb.active, items, province, year, communes, totals, none_held, database_name)

    ws = wb.create_sheet("Theo xã")
    rows = [[NO_DATA if v is None else v for v in r] for r in communes] + [
        ["Tổng cộng", "", None, sum(r[3] for r in communes), ""] + totals]
    write_rows(ws, queries.PER_COMMUNE_HEAD, rows, bold, fill, widths=WIDTHS, total=True)
    last = len(rows) + 1
    if none_held:
        ws.cell(row=last + 2, column=1,
                value=f"Chưa tổ chức hội nghị đối thoại năm {year} ({len(none_held)}):").font = bold
        for i, name in enumerate(none_held, start=last + 3):
            ws.cell(row=i, column=1, value=name)

    groups = queries.upward_groups(con)
    write_rows(wb.create_sheet("Kiến nghị cấp trên"), queries.UPWARD_GROUPS_HEAD,
               [list(r) for r in groups], bold, fill, widths=WIDTHS)
    listed = queries.upward_list(con, LIST_LIMIT + 1)
    sheet = wb.create_sheet("Danh sách kiến nghị")
    write_rows(sheet, queries.UPWARD_LIST_HEAD, [list(r) for r in listed[:LIST_LIMIT]], bold,
               fill, widths=WIDTHS)
    if len(listed) > LIST_LIMIT:           # a workbook stays openable; the database has all
        sheet.cell(row=LIST_LIMIT + 3, column=1,
                   value=f"Chỉ ghi {LIST_LIMIT:,} kiến nghị đầu tiên; đủ danh sách trong cơ sở "
                         f"dữ liệu {database_name} (bảng upward).".replace(",", ".")).font = bold
    late = queries.late_agencies(con)
    write_rows(wb.create_sheet("Cơ quan trễ hạn"), queries.LATE_HEAD, [list(r) for r in late],
               bold, fill, widths=WIDTHS)
    quarters = queries.quarters(con)
    write_rows(wb.create_sheet("Theo quý"), queries.QUARTERS_HEAD, [list(r) for r in quarters],
               bold, fill, widths=WIDTHS)
    _charts(wb, communes, groups, late, quarters, bold)
    write_rows(wb.create_sheet("Tệp đầu vào"), INPUT_HEAD,
               [[i.name, i.outcome, i.reason, i.unit, i.province, i.as_of] for i in items],
               bold, fill, widths=WIDTHS)
    from doithoai import __version__
    write_rows(wb.create_sheet("Nhận dạng"), ["Khóa", "Giá trị"], [
        ["Loại tệp", FILE_KIND], ["Tỉnh/Thành phố", province], ["Năm", year],
        ["Số đơn vị", len(communes)], ["Lập lúc", dt.datetime.now().replace(microsecond=0)],
        ["Cơ sở dữ liệu kèm theo", database_name], ["Phần mềm", f"doithoai {__version__}"]],
        bold, fill, widths=WIDTHS)
    for sheet in wb.worksheets:
        sheet.protection.sheet = True
        sheet.protection.autoFilter = False
        sheet.protection.sort = False
    wb.properties.title, wb.properties.creator = TITLE, "doithoai"
    return wb


def _intro(ws, items, province, year, communes, totals, none_held, database_name) -> None:
    ws.title = "Giới thiệu"
    n = {o: sum(1 for i in items if i.outcome == o) for o in (USED, SUPERSEDED, SET_ASIDE)}
    raised, at_meeting, in_writing, resolved, satisfied, _, _, overdue, waiting, \
        cancelled, answered_late, resolved_late = totals
    lines = [(TITLE, True), (f"{province} — năm {year}", True),
             (f"Lập lúc {dt.datetime.now():%H:%M %d/%m/%Y} từ {len(items)} tệp nhận được: "
              f"{n[USED]} tệp dùng, {n[SUPERSEDED]} tệp thay bằng bản mới hơn, {n[SET_ASIDE]} tệp "
              "để riêng (trang Tệp đầu vào ghi từng tệp và lý do).", False),
             ("Tệp chỉ tổng hợp từ báo cáo theo dõi của các xã, phường, đặc khu (đã che số điện "
              "thoại, số giấy tờ, thư điện tử, số nhà, không có họ tên người dân); tỉnh che lại "
              "một lần nữa khi đọc. Mỗi ý kiến trùng chỉ tính một lần.", False), ("", False),
             (f"Đơn vị có số liệu: {len(communes)}; chưa tổ chức hội nghị năm {year}: "
              f"{len(none_held)}; hội nghị đã hủy trong năm (không tính là đã tổ chức): "
              f"{cancelled}.", False),
             (f"Ý kiến, kiến nghị (mọi ý kiến của các báo cáo theo dõi, mọi năm, tính đến ngày "
              f"số liệu của từng đơn vị; theo quý: trang Theo quý): {raised}; trả lời tại hội "
              f"nghị {at_meeting}; trả lời bằng văn bản {in_writing}; đã giải quyết xong "
              f"{resolved}; người nêu hài lòng {satisfied}.", False),
             (f"Quá hạn (việc của cấp xã): {overdue}. Đã kiến nghị cấp trên, đang chờ trả lời: "
              f"{waiting} (không tính là quá hạn; xem trang Kiến nghị cấp trên).", False),
             (_late_line(communes, answered_late, resolved_late), False),
             ("", False),
             (f"Số liệu chi tiết để phân tích thêm: {database_name} (cơ sở dữ liệu DuckDB, mở "
              "bằng DuckDB hoặc công cụ đọc được DuckDB; các bảng communes, meetings, opinions, "
              "upward).", False)]
    write_intro(ws, lines)


def _late_line(communes, answered_late: int, resolved_late: int) -> str:
    """The answers and resolutions given late (a part of those given, apart from the overdue),
    and the communes whose workbook, of an older format, does not say them."""
    line = (f"Đã trả lời nhưng muộn (sau hạn trả lời): {answered_late}; đã giải quyết xong nhưng "
            f"muộn: {resolved_late} (việc đã làm xong sau hạn, không tính vào quá hạn)")
    old = sum(1 for r in communes if r[-2] is None)
    if not old:
        return line + "."
    return (line + f". {old} đơn vị gửi báo cáo theo dõi định dạng cũ (phiên bản 2), chưa có "
            f"số liệu trả lời, giải quyết muộn (trang Theo xã ghi \"{NO_DATA}\"): hai số trên "
            "chưa tính các đơn vị này; đề nghị các đơn vị đó tạo lại báo cáo theo dõi bằng "
            "doithoai mới và gửi lại.")


def _chart(ws, title: str, kind: str, head: list[str], col: int, top: int, n: int):
    """A chart of the ``n`` rows of data under ``head`` at (top, col): "trend" is a line over
    three points or more, else columns; "bar" is horizontal bars."""
    from openpyxl.chart import BarChart, LineChart, Reference
    if kind == "trend":
        kind = "line" if n >= 3 else "col"
    ch = LineChart() if kind == "line" else BarChart()
    if kind != "line":
        ch.type = kind
    ch.title = title
    ch.y_axis.title = "Số ý kiến"
    ch.y_axis.delete = ch.x_axis.delete = False
    ch.y_axis.majorGridlines = None
    ch.add_data(Reference(ws, min_col=col + 1, max_col=col + len(head) - 1, min_row=top,
                          max_row=top + n), titles_from_data=True)
    ch.set_categories(Reference(ws, min_col=col, min_row=top + 1, max_row=top + n))
    if kind == "line":
        for series in ch.series:
            series.marker.symbol = "circle"
    if len(head) == 2:
        ch.legend = None
    ch.height, ch.width = printing.chart_size(n, kind == "bar", len(head) - 1)
    printing.label_size(ch, n)
    return ch


def _charts(wb, communes, groups, late, quarters, bold) -> None:
    """Biểu đồ: each chart's data beside it (column R on), each chart on its own page."""
    from openpyxl.worksheet.pagebreak import RowBreak
    ws = wb.create_sheet("Biểu đồ")
    ws.row_breaks = RowBreak()
    by_superior: dict[str, int] = {}
    for superior, _, items, _, _ in groups:
        by_superior[superior] = by_superior.get(superior, 0) + items
    busiest = sorted(communes, key=lambda r: (-r[5], r[0]))[:30]
    charts = [
        ("Ý kiến theo quý: đã nêu, đã trả lời, đã giải quyết xong, quá hạn", "trend",
         ["Quý", "Ý kiến", "Đã trả lời", "Đã giải quyết xong", "Quá hạn"],
         [[q[0], q[2], q[3], q[4], q[5]] for q in quarters]),
        ("Kiến nghị cấp trên theo nơi nhận", "bar", ["Kiến nghị tới", "Số kiến nghị"],
         sorted(by_superior.items(), key=lambda kv: -kv[1])[:30]),
        ("Cơ quan có nhiều ý kiến quá hạn nhất", "bar", ["Cơ quan", "Số ý kiến quá hạn"],
         [[f"{r[1]} ({r[0].lower()})" if r[0] else r[1], r[3]] for r in late[:30]]),
        ("Các đơn vị nhiều ý kiến nhất: đã nêu, đã giải quyết xong, quá hạn", "bar",
         ["Đơn vị", "Ý kiến", "Đã giải quyết xong", "Quá hạn"],
         [[r[0], r[5], r[8], r[12]] for r in busiest]),
    ]
    col = 18                       # data from column R, beyond the printed area
    index = 0
    for title, kind, head, rows in charts:
        if not rows:
            continue
        top = 1 + index * printing.CHART_PAGE_ROWS
        for c, h in enumerate(head):
            ws.cell(row=top, column=col + c, value=h).font = bold
        for r, values in enumerate(rows, start=top + 1):
            for c, v in enumerate(values):
                ws.cell(row=r, column=col + c, value=v)
        ch = _chart(ws, title, kind, head, col, top, len(rows))
        printing.add_chart_page(ws, ch, index)
        index += 1
    ws.print_area = f"A1:P{max(1, index) * printing.CHART_PAGE_ROWS}"
    printing.fit(ws, [8.43 * 14], landscape=True)
