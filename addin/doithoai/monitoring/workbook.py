"""The monitoring workbook: a separate, read-only .xlsx for the party office and the Front.

Sheets: Giới thiệu (what this file is, as of when, from which registry; totals with answered,
resolved, satisfied, overdue and waiting for a superior apart, and of the answered and the
resolved, those given after their due date), Tổng hợp (tables by field, stage,
agency, village, source, satisfaction and conference), Biểu đồ (a native chart over each table,
one per printed page), Hội nghị (each conference and its date), Theo dõi ý kiến (one row per opinion with its chain; overdue rows marked
by a conditional format), Kiến nghị cấp trên (what was sent up, to whom, and whether it is
still waiting), one sheet per agency that still owes a reply or a resolution, and Nhận dạng
(who sent the file, as of when, in which format: what a province's roll-up reads). No phone number and no address ever: the
village is derived from the address, and names appear only where the registry's setting allows.
Every sheet is protected (no password: the point is that nobody types here by mistake, and the
file says plainly that it is not the registry).
"""
from __future__ import annotations

import datetime as dt

from doithoai.files import listrows, printing
from doithoai.files.listsheet import write_intro, write_rows
from doithoai.monitoring.chain import Chain, names_shown, summary
from doithoai.registry import asof, attendance, schema
from doithoai.text import pasted, privacy

TITLE = "BÁO CÁO THEO DÕI Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN"
NOT_REGISTRY = ("Tệp này chỉ để xem, do phần mềm doithoai tạo từ sổ theo dõi; không nhập, không "
                "chép dữ liệu từ tệp này vào sổ. Muốn số liệu mới: tạo lại tệp từ sổ.")
PRIVACY = ("Tệp không chứa số điện thoại, địa chỉ nhà của người dân; người nêu ý kiến chỉ ghi "
           "theo thôn, tổ dân phố{names}.")
# "Đã trả lời nhưng muộn" is a part of "Đã trả lời" (given after Hạn trả lời), never the
# "Quá hạn" still owed; likewise for the resolution.
LATE_ANSWER, LATE_RESOLUTION = "Đã trả lời nhưng muộn", "Đã giải quyết xong nhưng muộn"
FIELD_HEAD = ["Lĩnh vực", "Đã nêu", "Đã trả lời", "Đã giải quyết xong", "Hài lòng", "Quá hạn",
              LATE_ANSWER, LATE_RESOLUTION]
COUNT_KEYS = ["raised", "answered", "resolved", "satisfied", "overdue", "answered_late",
              "resolved_late"]
DETAIL_HEAD = ["Mã ý kiến", "Mã KH", "Ngày hội nghị", "Nguồn", "Ngày nhận", "Người nêu",
               "Thôn, tổ dân phố", "Lĩnh vực", "Nội dung", "Thẩm quyền", "Cơ quan trả lời",
               "Ngày phân công", "Trả lời tại hội nghị", "Ngày thông báo kết luận",
               "Số văn bản trả lời", "Ngày trả lời", "Hạn trả lời", "Ngày giải quyết xong",
               "Hạn giải quyết", "Hài lòng", "Giai đoạn", "Trùng với", "Còn nợ", "Quá hạn",
               "Số ngày làm việc trễ", "Trả lời muộn", "Số ngày làm việc trả lời muộn",
               "Giải quyết muộn", "Số ngày làm việc giải quyết muộn", "Cấp cơ quan",
               "Chờ cấp trên"]
MEETING_HEAD = ["Mã KH", "Ngày hội nghị", "Hình thức", "Cơ quan ban hành", "Trạng thái",
                "Số ý kiến", "Đại biểu được mời", "Có mặt", "Trong đó ủy quyền dự thay", "Vắng",
                "Chưa ghi tham dự"]
UPWARD_HEAD = ["Mã ý kiến", "Mã KH", "Ngày hội nghị", "Thôn, tổ dân phố", "Lĩnh vực", "Nội dung",
               "Kiến nghị tới", "Tình trạng"]
# The identity a province's roll-up reads (Nhận dạng: Khóa, Giá trị). A new format adds rows
# and raises the version; a reader refuses a version it does not know. Version 3 added the
# answers and resolutions given late (Theo dõi ý kiến › Trả lời muộn, Giải quyết muộn).
IDENTITY_SHEET = "Nhận dạng"
FILE_KIND = "Báo cáo theo dõi ý kiến (doithoai)"
NAMES_KEY = "Ghi tên người nêu"           # Nhận dạng: Có when the workbook names citizens
FORMAT_VERSION = 3


def _detail_row(x: Chain, content: str) -> list:
    return [x.opinion_id, x.plan_id, x.meeting, x.source, x.received, x.person, x.village,
            x.field, content, x.competence, x.superior if x.upward else x.agency, x.assigned,
            schema.YES if x.answered_at_meeting else schema.NO, x.conclusion, x.reply_number,
            x.reply_date, x.reply_due, x.resolved, x.resolve_due, x.satisfaction, x.stage,
            x.duplicate_of, x.owes, schema.YES if x.overdue else schema.NO, x.late_days or None,
            *_late_cells(x.answered, x.reply_late), *_late_cells(bool(x.resolved), x.resolve_late),
            x.level, schema.YES if x.waiting else schema.NO]


def _late_cells(done: bool, late: int | None) -> list:
    """Given late or not, and by how many working days: Có and the days when late, Không when
    given in time (an answer at the meeting, or one sent up, always is), blank when not given
    by the report's day."""
    if late is not None:
        return [schema.YES, late]
    return [schema.NO if done else None, None]


def _attendance_cells(invitees: list, plan) -> list:
    """Invited, present (the delegated among them), of whom delegated, absent, not recorded, of
    one plan's Đại biểu rows: counted as the minutes count them (registry.attendance), present
    + absent + not recorded = invited. Before anything is recorded, or when the conference was
    cancelled, only the invited (the rest left empty)."""
    counts = attendance.Attendance.of(attendance.invited(invitees))
    if plan.cancelled:          # no one came to a conference that was not held
        return [counts.invited, None, None, None, None]
    if not counts.recorded:
        return [counts.invited, None, None, None, counts.unrecorded]
    return [counts.invited, counts.present, counts.delegated, counts.absent, counts.unrecorded]


def conferences_line(reg, as_of: dt.date) -> str:
    """The conferences as of the day: held, still ahead, cancelled (never counted as held;
    the opinions citizens sent them are followed above like every other)."""
    plans = [p for p in reg.plans if p.plan_id]
    cancelled = sum(1 for p in plans if p.cancelled)
    held = sum(1 for p in plans if not p.cancelled and p.meeting_date and
               p.meeting_date <= as_of)
    return (f"Hội nghị: {held} đã tổ chức, {len(plans) - held - cancelled} chưa tổ chức, "
            f"{cancelled} đã hủy (không tổ chức; ý kiến Nhân dân đã gửi cho hội nghị đã hủy "
            "vẫn phải trả lời và được tính ở các số trên).")


def identity(reg, as_of: dt.date, source_name: str) -> list[tuple[str, object]]:
    from doithoai import __version__
    s = reg.settings
    return [("Loại tệp", FILE_KIND), ("Phiên bản định dạng", FORMAT_VERSION),
            ("Đơn vị", s.unit_name or ""), ("Loại đơn vị", s.unit_type or ""),
            ("Tỉnh/Thành phố", s.province or ""), ("Tính đến ngày", as_of),
            ("Lập lúc", dt.datetime.now().replace(microsecond=0)), ("Từ sổ", source_name),
            ("Phần mềm", f"doithoai {__version__}"),
            # whether it names citizens: the province's roll-up says so of a file sent it
            (NAMES_KEY, schema.YES if names_shown(reg) else schema.NO)]


def left_out(reg, as_of: dt.date) -> str | None:
    """What a report as of ``as_of`` leaves out of the registry (:func:`write` leaves it out
    and says so on Giới thiệu), for the command's and the button's message."""
    return asof.as_it_stood(reg, as_of)[1].sentence(as_of)


def build(reg, chains: list[Chain], as_of: dt.date, source_name: str = "",
          left: str | None = None):
    """The workbook (openpyxl), not yet saved."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sm = summary(reg, chains)
    bold = Font(name="Calibri", bold=True)     # named: LibreOffice prints a nameless font in serif
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wb = Workbook()
    _intro(wb.active, reg, sm, as_of, source_name, left)
    ws = wb.create_sheet("Tổng hợp")
    tables = _summary_tables(ws, sm, bold, head_fill)
    _charts(wb.create_sheet("Biểu đồ"), ws, tables)

    # --- the conferences: when each was (or will be) held -------------------------------------
    meetings = wb.create_sheet("Hội nghị")
    counted = {}
    for x in chains:
        if x.counted:
            counted[x.plan_id] = counted.get(x.plan_id, 0) + 1
    plans = sorted((p for p in reg.plans if p.plan_id),
                   key=lambda p: (p.meeting_date or dt.date.max, p.plan_id))
    invitees: dict[str, list] = {}                  # grouped once: 1,000 plans × 20,000 rows
    for i in reg.invitees:
        invitees.setdefault(i.plan_id, []).append(i)
    write_rows(meetings, MEETING_HEAD, [[p.plan_id, p.meeting_date, p.form or "", p.issuer or "",
                                    p.status or "", counted.get(p.plan_id, 0)]
                                   + _attendance_cells(invitees.get(p.plan_id, []), p)
                                   for p in plans],
          bold, head_fill)

    # --- Theo dõi ý kiến: one row per opinion ------------------------------------------------
    detail = wb.create_sheet("Theo dõi ý kiến")
    public = {x.opinion_id: privacy.mask(pasted.as_lines(x.content))   # masked once each; a
              for x in chains}                                            # pasted U+2028 a line
    write_rows(detail, DETAIL_HEAD, [_detail_row(x, public[x.opinion_id]) for x in chains], bold,
          head_fill)
    overdue_col = get_column_letter(DETAIL_HEAD.index("Quá hạn") + 1)
    last = get_column_letter(len(DETAIL_HEAD))
    detail.conditional_formatting.add(
        f"A2:{last}{max(2, len(chains) + 1)}",
        FormulaRule(formula=[f'${overdue_col}2="{schema.YES}"'],
                    fill=PatternFill("solid", fgColor="FFC7CE"), font=Font(color="9C0006")))

    # --- what was sent up: the province's to-do list, waiting apart from overdue -------------
    up = wb.create_sheet("Kiến nghị cấp trên")
    sent = sorted((x for x in chains if x.counted and x.upward),
                  key=lambda x: (x.superior, x.field, x.opinion_id))
    write_rows(up, UPWARD_HEAD, [[x.opinion_id, x.plan_id, x.meeting, x.village, x.field,
                             public[x.opinion_id], x.superior,
                             "Chờ cấp trên trả lời" if x.waiting else
                             ("Đã giải quyết xong" if x.resolved else "Đã trả lời")]
                            for x in sent], bold, head_fill)

    # --- one sheet per agency that still owes -------------------------------------------------
    used = {n.casefold() for n in wb.sheetnames} | {IDENTITY_SHEET.casefold()}
    owing: dict[str, list[Chain]] = {}
    for x in chains:
        if x.counted and x.owes:
            owing.setdefault(x.agency or "(chưa phân công)", []).append(x)
    head = ["Mã ý kiến", "Mã KH", "Thôn, tổ dân phố", "Lĩnh vực", "Nội dung", "Còn nợ",
            "Hạn trả lời", "Hạn giải quyết", "Quá hạn", "Số ngày làm việc trễ"]
    for agency in sorted(owing, key=lambda a: (-sum(x.overdue for x in owing[a]), a)):
        sh = wb.create_sheet(printing.sheet_name(f"Nợ - {agency}", used))
        sh.cell(row=1, column=1, value=f"{agency}: còn nợ {len(owing[agency])} ý kiến "
                                       f"(tính đến {as_of:%d/%m/%Y})").font = bold
        items = sorted(owing[agency], key=lambda x: (-x.late_days, x.opinion_id))
        write_rows(sh, head, [[x.opinion_id, x.plan_id, x.village, x.field, public[x.opinion_id],
                          x.owes,
                          x.reply_due, x.resolve_due, schema.YES if x.overdue else schema.NO,
                          x.late_days or None] for x in items], bold, head_fill, top=3)

    # --- who sent it: what a province's roll-up reads ------------------------------------------
    ident = wb.create_sheet(IDENTITY_SHEET)
    write_rows(ident, ["Khóa", "Giá trị"], [list(r) for r in identity(reg, as_of, source_name)],
          bold, head_fill)
    for sheet in wb.worksheets:
        sheet.protection.sheet = True
        sheet.protection.autoFilter = False
        sheet.protection.sort = False
        sheet.sheet_properties.tabColor = "808080" if sheet.title.startswith("Nợ") else None
    wb.properties.title = TITLE
    wb.properties.creator = "doithoai"
    wb.properties.subject = NOT_REGISTRY
    return wb


def _intro(intro, reg, sm, as_of, source_name, left) -> None:
    t = sm["totals"]
    intro.title = "Giới thiệu"

    def pct(n):
        return f"{n} ({round(100 * n / t['raised'])}%)" if t["raised"] else str(n)
    names = names_shown(reg)
    unit = reg.settings.unit_type or "xã"
    lines = [(TITLE, True), (f"{reg.settings.unit_name or ''} — số liệu tính đến ngày "
                             f"{as_of:%d/%m/%Y}", False),
             (f"Lập lúc {dt.datetime.now():%H:%M %d/%m/%Y} từ sổ {source_name}", False)]
    lines += [(left, False)] if left else []
    lines += [("", False), (NOT_REGISTRY, True),
             (PRIVACY.format(names=" và họ tên (theo cấu hình của sổ)" if names else ""), False),
             ("", False), ("Tổng hợp (mỗi ý kiến trùng chỉ tính một lần):", True),
             (f"Ý kiến, kiến nghị đã nêu: {t['raised']}", False),
             (f"Đã trả lời (tại hội nghị hoặc bằng văn bản): {pct(t['answered'])}", False),
             (f"Đã giải quyết xong trên thực tế: {pct(t['resolved'])}", False),
             (f"Người nêu hài lòng với kết quả: {pct(t['satisfied'])}", False),
             (f"Quá hạn trả lời hoặc giải quyết (việc của {unit}): "
              f"{pct(t['overdue'])}", False),
             (f"Đã kiến nghị cấp trên, đang chờ trả lời (không tính là quá hạn): "
              f"{pct(t['waiting'])}", False),
             *([(f"Còn nợ trả lời nhưng chưa có Hạn trả lời (hội nghị đã hủy, hoặc sổ chưa "
                 f"ghi thông báo kết luận đã quá hạn ban hành), không tính được quá hạn: "
                 f"{pct(sm['undated'])}", False)] if sm["undated"] else []),
             (f"Đã trả lời nhưng muộn (ngày trả lời sau Hạn trả lời): {t['answered_late']} "
              f"trong {t['answered']} ý kiến đã trả lời", False),
             (f"Đã giải quyết xong nhưng muộn (ngày giải quyết xong sau Hạn giải quyết): "
              f"{t['resolved_late']} trong {t['resolved']} ý kiến đã giải quyết xong", False),
             (f"Ý kiến trùng (đã gộp vào ý kiến gốc): {sm['duplicates']}" + (
                 f"; ngoài ra {sm['linked']} dòng chuyển tiếp ý kiến chưa giải quyết của hội "
                 "nghị trước (không phải ý kiến mới)" if sm["linked"] else ""), False),
             (conferences_line(reg, as_of), False),
             ("", False),
             ("Đã trả lời, đã giải quyết và hài lòng là ba việc khác nhau, mỗi số đếm từ cột "
              "riêng của sổ (Trả lời tại hội nghị / Số, Ngày trả lời; Ngày giải quyết xong; Hài "
              "lòng).", False),
             ("Quá hạn là việc còn nợ đã qua hạn tại ngày tính số liệu; trả lời muộn, giải quyết "
              "muộn là việc đã làm xong nhưng sau hạn (số ngày làm việc muộn ghi ở trang Theo dõi "
              f"ý kiến). Trả lời ngay tại hội nghị không bao giờ tính là muộn; ý kiến đã kiến "
              f"nghị cấp trên không có hạn của {unit} nên không tính muộn.", False),
             ("Trang Hội nghị: số có mặt gồm cả người được ủy quyền dự thay (cột Trong đó ủy "
              "quyền dự thay là một phần của số có mặt); có mặt, vắng và chưa ghi tham dự cộng "
              "lại bằng số đại biểu được mời.", False)]
    write_intro(intro, lines)


def _summary_tables(ws, sm, bold, head_fill) -> dict:
    """The tables of Tổng hợp, ruled, every cell top-aligned (a figure level with its wrapped
    label); returns each table's (header row, last row)."""
    from openpyxl.styles import Alignment, Border, Font, Side
    row = 1
    out = {}
    thin = Side(style="thin", color="808080")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap, level = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")

    def table(key, title, head, rows):
        nonlocal row
        ws.cell(row=row, column=1, value=title).font = Font(name="Calibri", bold=True, size=12)
        top = row + 1
        for c, h in enumerate(head, start=1):
            cell = ws.cell(row=top, column=c, value=h)
            cell.font, cell.fill, cell.alignment, cell.border = bold, head_fill, wrap, ruled
        ws.row_dimensions[top].height = printing.row_height([(h, 9) for h in head[1:]],
                                                            bold=True)
        for r, values in enumerate(rows, start=top + 1):
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c, value=v)
                cell.alignment, cell.border = (wrap if c == 1 else level), ruled
            ws.row_dimensions[r].height = printing.row_height([(values[0], 38)])
        row = top + len(rows) + 2
        out[key] = (top, top + len(rows))

    table("field", "1. Theo lĩnh vực", FIELD_HEAD,
          [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_field"]])
    table("stage", "2. Theo giai đoạn", ["Giai đoạn", "Số ý kiến"],
          [[s, n] for s, n in sm["by_stage"]])
    table("agency", "3. Theo cơ quan: còn nợ, quá hạn; đã trả lời, giải quyết xong nhưng muộn",
          ["Cơ quan", "Còn nợ", "Quá hạn", LATE_ANSWER, LATE_RESOLUTION],
          [list(r) for r in sm["agencies"]])
    table("village", "4. Theo thôn, tổ dân phố", ["Thôn, tổ dân phố"] + FIELD_HEAD[1:],
          [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_village"]])
    table("source", "5. Theo nguồn", ["Nguồn"] + FIELD_HEAD[1:],
          [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_source"]])
    table("satisfaction", "6. Mức độ hài lòng của người nêu", ["Hài lòng", "Số ý kiến"],
          [list(x) for x in sm["by_satisfaction"]])
    table("plan", "7. Qua các hội nghị", ["Hội nghị (Mã KH)"] + FIELD_HEAD[1:5],
          [[k] + [v[c] for c in COUNT_KEYS[:4]] for k, v in sm["by_plan"]])
    # one landscape page, 38 + 7 × 9 = 101: 100% in Excel, about 90% where LibreOffice lacks
    # Calibri
    ws.column_dimensions["A"].width = 38
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 9
    printing.fit(ws, [38] + [9] * 7, landscape=True)
    return out


# (table, title, value columns, kind): "bar" horizontal bars, "pie", "trend" (a line through
# the conferences with markers; columns when there are fewer than three: a line through one
# point prints nothing).
CHARTS = (("field", "Ý kiến theo lĩnh vực: đã nêu, đã trả lời, đã giải quyết, hài lòng", (2, 5),
           "bar"),
          ("stage", "Ý kiến theo giai đoạn", (2, 2), "bar"),
          ("agency", "Quá hạn theo cơ quan", (3, 3), "bar"),
          ("village", "Ý kiến theo thôn, tổ dân phố", (2, 2), "bar"),
          ("satisfaction", "Mức độ hài lòng", (2, 2), "pie"),
          ("plan", "Qua các hội nghị: đã nêu, đã trả lời, đã giải quyết, hài lòng", (2, 5),
           "trend"))


def _charts(charts_ws, data_ws, tables: dict) -> None:
    """Each table's chart on its own landscape page of Biểu đồ (empty tables: no chart)."""
    from openpyxl.chart import BarChart, LineChart, PieChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.worksheet.pagebreak import RowBreak
    charts_ws.row_breaks = RowBreak()
    index = 0
    for key, title, cols, kind in CHARTS:
        top, bottom = tables[key]
        n = bottom - top
        if not n:
            continue
        if kind == "trend":
            kind = "line" if n >= 3 else "col"
        ch = {"pie": PieChart, "line": LineChart}.get(kind, BarChart)()
        ch.title = title
        if kind in ("bar", "col"):
            ch.type = kind
        if kind == "pie":           # a pie says each share and its percentage
            ch.dataLabels = DataLabelList()
            ch.dataLabels.showPercent = True
            ch.dataLabels.showVal = True
        else:
            ch.y_axis.title = "Số ý kiến"
            ch.y_axis.delete = False
            ch.x_axis.delete = False
            ch.y_axis.majorGridlines = None
        ch.add_data(Reference(data_ws, min_col=cols[0], max_col=cols[1], min_row=top,
                              max_row=bottom), titles_from_data=True)
        ch.set_categories(Reference(data_ws, min_col=1, min_row=top + 1, max_row=bottom))
        if kind == "line":
            for series in ch.series:
                series.marker.symbol = "circle"
        if cols[0] == cols[1] and kind != "pie":
            ch.legend = None
        ch.height, ch.width = printing.chart_size(n, kind == "bar", cols[1] - cols[0] + 1)
        if kind != "pie":
            printing.label_size(ch, n)
        printing.add_chart_page(charts_ws, ch, index)
        index += 1
    printing.fit(charts_ws, [8.43 * 14], landscape=True)


def write(reg, path: str, as_of: dt.date, source_name: str = "",
          password: str | None = None) -> tuple[str, list[Chain]]:
    """Build and save atomically (never replacing a file), encrypted in memory when given a
    password (files.protected); returns (path, chains)."""
    from doithoai.files import protected
    from doithoai.monitoring.chain import build as build_chains
    reg, left = asof.as_it_stood(reg, as_of)
    chains = build_chains(reg, as_of)
    wb = build(reg, chains, as_of, source_name, left.sentence(as_of))
    return protected.write_new(path, lambda target: listrows.save(wb, target), password), chains


def default_name(reg, as_of: dt.date) -> str:
    from doithoai.text.filenames import safe_file
    from doithoai.text.vntext import title_slug
    return safe_file(f"theo-doi-y-kien-{title_slug(reg.settings.unit_name or 'don-vi')}-"
                     f"{as_of:%Y%m%d}", ".xlsx")


