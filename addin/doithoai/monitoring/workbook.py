"""The monitoring workbook: a separate, read-only .xlsx for the party office and the Front.

Sheets: Giới thiệu (what this file is, as of when, from which registry; totals with answered,
resolved and satisfied apart), Tổng hợp (tables by field, stage, agency, village, source,
satisfaction and conference, each with a native Excel chart over its own range), Theo dõi ý kiến
(one row per opinion with its chain; overdue rows marked by a conditional format), and one sheet
per agency that still owes a reply or a resolution. No phone number and no address ever: the
village is derived from the address, and names appear only where the registry's setting allows.
Every sheet is protected (no password: the point is that nobody types here by mistake, and the
file says plainly that it is not the registry).
"""
from __future__ import annotations

import datetime as dt

from doithoai.monitoring.chain import Chain, summary
from doithoai.text import privacy

TITLE = "BÁO CÁO THEO DÕI Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN"
NOT_REGISTRY = ("Tệp này chỉ để xem, do phần mềm doithoai tạo từ sổ theo dõi; không nhập, không "
                "chép dữ liệu từ tệp này vào sổ. Muốn số liệu mới: tạo lại tệp từ sổ.")
PRIVACY = ("Tệp không chứa số điện thoại, địa chỉ nhà của người dân; người nêu ý kiến chỉ ghi "
           "theo thôn, tổ dân phố{names}.")
FIELD_HEAD = ["Lĩnh vực", "Đã nêu", "Đã trả lời", "Đã giải quyết xong", "Hài lòng", "Quá hạn"]
COUNT_KEYS = ["raised", "answered", "resolved", "satisfied", "overdue"]
DETAIL_HEAD = ["Mã ý kiến", "Mã KH", "Ngày hội nghị", "Nguồn", "Ngày nhận", "Người nêu",
               "Thôn, tổ dân phố", "Lĩnh vực", "Nội dung", "Thẩm quyền", "Cơ quan trả lời",
               "Ngày phân công", "Trả lời tại hội nghị", "Ngày thông báo kết luận",
               "Số văn bản trả lời", "Ngày trả lời", "Hạn trả lời", "Ngày giải quyết xong",
               "Hạn giải quyết", "Hài lòng", "Giai đoạn", "Trùng với", "Còn nợ", "Quá hạn",
               "Số ngày làm việc trễ"]


def _detail_row(x: Chain, content: str) -> list:
    return [x.opinion_id, x.plan_id, x.meeting, x.source, x.received, x.person, x.village,
            x.field, content, x.competence, x.agency, x.assigned,
            "Có" if x.answered_at_meeting else "Không", x.conclusion, x.reply_number,
            x.reply_date, x.reply_due, x.resolved, x.resolve_due, x.satisfaction, x.stage,
            x.duplicate_of, x.owes, "Có" if x.overdue else "Không", x.late_days or None]


def _sheet_name(text: str, used: set[str]) -> str:
    base = "".join("-" if ch in '[]:*?/\\' else ch for ch in text)[:27].strip() or "Cơ quan"
    name, n = base, 2
    while name.casefold() in used:
        name = f"{base[:24]} ({n})"
        n += 1
    used.add(name.casefold())
    return name


def build(reg, chains: list[Chain], as_of: dt.date, source_name: str = ""):
    """The workbook (openpyxl), not yet saved."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, PieChart, Reference
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sm = summary(reg, chains)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wb = Workbook()
    intro = wb.active
    intro.title = "Giới thiệu"
    t = sm["totals"]

    def pct(n):
        return f"{n} ({round(100 * n / t['raised'])}%)" if t["raised"] else str(n)
    names = (reg.settings.monitor_names or "Không") == "Có"
    lines = [(TITLE, True), (f"{reg.settings.unit_name or ''} — số liệu tính đến ngày "
                             f"{as_of:%d/%m/%Y}", False),
             (f"Lập lúc {dt.datetime.now():%H:%M %d/%m/%Y} từ sổ {source_name}", False),
             ("", False), (NOT_REGISTRY, True),
             (PRIVACY.format(names=" và họ tên (theo cấu hình của sổ)" if names else ""), False),
             ("", False), ("Tổng hợp (mỗi ý kiến trùng chỉ tính một lần):", True),
             (f"Ý kiến, kiến nghị đã nêu: {t['raised']}", False),
             (f"Đã trả lời (tại hội nghị hoặc bằng văn bản): {pct(t['answered'])}", False),
             (f"Đã giải quyết xong trên thực tế: {pct(t['resolved'])}", False),
             (f"Người nêu hài lòng với kết quả: {pct(t['satisfied'])}", False),
             (f"Quá hạn trả lời hoặc giải quyết: {pct(t['overdue'])}", False),
             (f"Ý kiến trùng (đã gộp vào ý kiến gốc): {sm['duplicates']}", False),
             ("", False),
             ("Đã trả lời, đã giải quyết và hài lòng là ba việc khác nhau, mỗi số đếm từ cột "
              "riêng của sổ (Trả lời tại hội nghị / Số, Ngày trả lời; Ngày giải quyết xong; Hài "
              "lòng).", False)]
    for r, (text, is_bold) in enumerate(lines, start=1):
        c = intro.cell(row=r, column=1, value=text)
        c.font = Font(bold=is_bold, size=13 if r == 1 else 11)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    intro.column_dimensions["A"].width = 110
    _fit(intro, landscape=False)

    # --- Tổng hợp: tables and charts --------------------------------------------------------
    ws = wb.create_sheet("Tổng hợp")
    row = 1

    def table(title, head, rows, width=None):
        nonlocal row
        ws.cell(row=row, column=1, value=title).font = Font(bold=True, size=12)
        top = row + 1
        for c, h in enumerate(head, start=1):
            cell = ws.cell(row=top, column=c, value=h)
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(wrap_text=True)
        for r, values in enumerate(rows, start=top + 1):
            for c, v in enumerate(values, start=1):
                ws.cell(row=r, column=c, value=v)
        row = top + len(rows) + 3
        return top, top + len(rows)

    def chart(kind, title, top, bottom, cols, anchor, y_title="Số ý kiến"):
        ch = kind()
        ch.title = title
        if kind is not PieChart:
            ch.y_axis.title = y_title
            ch.y_axis.delete = False
            ch.x_axis.delete = False
        data = Reference(ws, min_col=cols[0], max_col=cols[1], min_row=top, max_row=bottom)
        cats = Reference(ws, min_col=1, min_row=top + 1, max_row=bottom)
        ch.add_data(data, titles_from_data=True)
        ch.set_categories(cats)
        ch.height, ch.width = 9, 18
        ws.add_chart(ch, anchor)
        return ch

    field_rows = [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_field"]]
    top, bottom = table("1. Theo lĩnh vực", FIELD_HEAD, field_rows)
    if field_rows:
        c = chart(BarChart, "Ý kiến theo lĩnh vực: đã nêu, đã trả lời, đã giải quyết, hài lòng",
                  top, bottom, (2, 5), "H1")
        c.type, c.height = "bar", 14
    top, bottom = table("2. Theo giai đoạn", ["Giai đoạn", "Số ý kiến"],
                        [[s, n] for s, n in sm["by_stage"]])
    chart(BarChart, "Ý kiến theo giai đoạn", top, bottom, (2, 2), "H30")
    agency_rows = [[a, owed, late] for a, owed, late in sm["by_agency"]]
    top, bottom = table("3. Cơ quan còn nợ trả lời, giải quyết", ["Cơ quan", "Còn nợ", "Quá hạn"],
                        agency_rows)
    if agency_rows:
        chart(BarChart, "Quá hạn theo cơ quan", top, bottom, (3, 3), "H49")
    top, bottom = table("4. Theo thôn, tổ dân phố", ["Thôn, tổ dân phố"] + FIELD_HEAD[1:],
                        [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_village"]])
    top, bottom = table("5. Theo nguồn", ["Nguồn"] + FIELD_HEAD[1:],
                        [[k] + [v[c] for c in COUNT_KEYS] for k, v in sm["by_source"]])
    top, bottom = table("6. Mức độ hài lòng của người nêu", ["Hài lòng", "Số ý kiến"],
                        [list(x) for x in sm["by_satisfaction"]])
    chart(PieChart, "Mức độ hài lòng", top, bottom, (2, 2), "H68")
    plan_rows = [[k] + [v[c] for c in COUNT_KEYS[:4]] for k, v in sm["by_plan"]]
    top, bottom = table("7. Qua các hội nghị", ["Hội nghị (Mã KH)"] + FIELD_HEAD[1:5], plan_rows)
    if plan_rows:
        chart(LineChart, "Qua các hội nghị: đã nêu, đã trả lời, đã giải quyết, hài lòng",
              top, bottom, (2, 5), "H87")
    ws.column_dimensions["A"].width = 44
    for col in "BCDEF":
        ws.column_dimensions[col].width = 12
    _fit(ws)

    # --- Theo dõi ý kiến: one row per opinion ------------------------------------------------
    detail = wb.create_sheet("Theo dõi ý kiến")
    public = {x.opinion_id: privacy.mask(x.content) for x in chains}   # masked once each
    _rows(detail, DETAIL_HEAD, [_detail_row(x, public[x.opinion_id]) for x in chains], bold,
          head_fill)
    overdue_col = get_column_letter(DETAIL_HEAD.index("Quá hạn") + 1)
    last = get_column_letter(len(DETAIL_HEAD))
    detail.conditional_formatting.add(
        f"A2:{last}{max(2, len(chains) + 1)}",
        FormulaRule(formula=[f'${overdue_col}2="Có"'],
                    fill=PatternFill("solid", fgColor="FFC7CE"), font=Font(color="9C0006")))

    # --- one sheet per agency that still owes -------------------------------------------------
    used = {n.casefold() for n in wb.sheetnames}
    owing: dict[str, list[Chain]] = {}
    for x in chains:
        if x.counted and x.owes:
            owing.setdefault(x.agency or "(chưa phân công)", []).append(x)
    head = ["Mã ý kiến", "Mã KH", "Thôn, tổ dân phố", "Lĩnh vực", "Nội dung", "Còn nợ",
            "Hạn trả lời", "Hạn giải quyết", "Quá hạn", "Số ngày làm việc trễ"]
    for agency in sorted(owing, key=lambda a: (-sum(x.overdue for x in owing[a]), a)):
        sh = wb.create_sheet(_sheet_name(f"Nợ - {agency}", used))
        sh.cell(row=1, column=1, value=f"{agency}: còn nợ {len(owing[agency])} ý kiến "
                                       f"(tính đến {as_of:%d/%m/%Y})").font = bold
        items = sorted(owing[agency], key=lambda x: (-x.late_days, x.opinion_id))
        _rows(sh, head, [[x.opinion_id, x.plan_id, x.village, x.field, public[x.opinion_id],
                          x.owes,
                          x.reply_due, x.resolve_due, "Có" if x.overdue else "Không",
                          x.late_days or None] for x in items], bold, head_fill, top=3)
    for sheet in wb.worksheets:
        sheet.protection.sheet = True
        sheet.protection.autoFilter = False
        sheet.protection.sort = False
        sheet.sheet_properties.tabColor = "808080" if sheet.title.startswith("Nợ") else None
    wb.properties.title = TITLE
    wb.properties.creator = "doithoai"
    wb.properties.subject = NOT_REGISTRY
    return wb


def _fit(ws, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _rows(ws, head, rows, bold, fill, top=1):
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    for c, h in enumerate(head, start=1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(c)].width = 40 if h == "Nội dung" else \
            max(12, min(26, len(h) + 2))
    for r, values in enumerate(rows, start=top + 1):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(v, str) and v[:1] in "=+-@":
                cell.data_type = "s"          # a citizen's text is text, never a formula
    ws.freeze_panes = ws.cell(row=top + 1, column=2)
    ws.auto_filter.ref = f"A{top}:{get_column_letter(len(head))}{top + max(1, len(rows))}"
    _fit(ws)
    ws.print_title_rows = f"{top}:{top}"


def write(reg, path: str, as_of: dt.date, source_name: str = "") -> tuple[str, list[Chain]]:
    """Build and save atomically (never replacing a file); returns (path, chains)."""
    from doithoai.files.atomic import free_path
    from doithoai.files.atomic import save_atomic
    from doithoai.monitoring.chain import build as build_chains
    chains = build_chains(reg, as_of)
    target = free_path(path)
    save_atomic(build(reg, chains, as_of, source_name), target)
    return target, chains


def default_name(reg, as_of: dt.date) -> str:
    from doithoai.text.filenames import safe_file
    from doithoai.text.vntext import title_slug
    return safe_file(f"theo-doi-y-kien-{title_slug(reg.settings.unit_name or 'don-vi')}-"
                     f"{as_of:%Y%m%d}", ".xlsx")


