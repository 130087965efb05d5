"""Build a registry workbook from the schema: the blank template, or one filled with rows.

Every sheet is one Excel Table with its header in row 1, frozen; dates show dd/mm/yyyy and
times hh:mm; choice columns get a dropdown fed by a named range over their Danh mục column,
with a Vietnamese input message; computed columns have a grey header with the note
"Tự động tính, không nhập", grey cells that are locked and a validation that refuses typing.
Every body cell is top-aligned, text wrapped inside its column (the column's own style too, so
a row typed or appended later looks the same); the header row is as tall as its wrapped
headers. Sheets print on A4 (landscape but Cấu hình) with gridlines, across as many pages as
keep the text at 80% or more (files/pagefit.py), the header row repeated on every page and the
row's key columns (Mã KH, Mã ý kiến …) at the left of every page across.

Why computed cells are not protected by sheet protection: a protected sheet stops an Excel
Table from growing when the clerk types below it, and would make every button unprotect and
re-protect. The cells are still marked locked, so an office that turns protection on keeps them.

This module writes *new* files only (docs/architecture.md, decision 3): it never opens an existing
registry to save it again.
"""
from __future__ import annotations

import math
import os
from typing import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from doithoai.registry import parsing, schema
from doithoai.rules import agencies
from doithoai.files import dashboard_sheet, pagefit
from doithoai.files.atomic import save_new
from doithoai.registry.cellref import column_letter

TEMPLATE_NAME = "so-doi-thoai-mau.xlsx"  # the committed blank registry in workbook_templates/
LAST_ROW = 10000          # validations and conditional formats reach this row
LOOKUP_ROWS = 500         # a Danh mục list may grow to this many values

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
COMPUTED_HEADER_FILL = PatternFill("solid", fgColor="BFBFBF")
COMPUTED_HEADER_FONT = Font(name="Calibri", bold=True, color="000000")
COMPUTED_FILL = PatternFill("solid", fgColor="F2F2F2")
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")
SOON_FILL = PatternFill("solid", fgColor="FFEB9C")
SOON_FONT = Font(color="9C5700")
DONE_FILL = PatternFill("solid", fgColor="C6EFCE")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
TEXT_TYPES = (schema.TEXT, schema.LONGTEXT, schema.CHOICE, schema.PHONE)   # wrap in the cell
# A machine's text, read by no one: its column hidden, the text one line shrunk into its cell
# if shown (wrapped it would make rows a page tall; a long text in a column that prints makes
# LibreOffice print the sheet as wide as the text would run, at a third of its size).
UNWRAPPED = {"fingerprint"}
SHRUNK = Alignment(vertical="top", shrink_to_fit=True)
PRINT_MARGIN = 0.4          # inches, left and right
# The columns that say which row a printed line is run from A through this key; they are
# repeated at the left of each page across. Not named here: through the sheet's unique column,
# else column A alone; Danh mục: none (its lists stand side by side).
PRINT_KEYS = {"invitees": "full_name", "milestones": "code", "register": "number_symbol"}
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

FIXED_LIST_NOTE = "Danh sách cố định: phần mềm dựa vào các giá trị này, không sửa."
PRODUCT_SHEET_NOTE = "Trang này do phần mềm ghi lại mỗi lần bấm nút; không nhập tay."


def _number_format(col: schema.Column) -> str | None:
    return {schema.DATE: schema.DATE_FORMAT, schema.TIME: schema.TIME_FORMAT,
            schema.INT: "0"}.get(col.type)


def _cell_value(col: schema.Column, value):
    """Sample/CSV values become real Excel dates, times and numbers where the column says so."""
    if parsing.is_blank(value):
        return None
    if col.type in (schema.DATE, schema.TIME, schema.INT) and isinstance(value, str):
        try:
            return {schema.DATE: parsing.parse_date, schema.TIME: parsing.parse_time,
                    schema.INT: parsing.parse_int}[col.type](value)
        except parsing.Unreadable:
            return value  # kept as typed: a deliberate sample error stays visible to validation
    return value


def _prompt(title: str, text: str) -> dict:
    return dict(showInputMessage=True, promptTitle=title[:32], prompt=text[:255])


def _column_validation(col: schema.Column, letter: str, prompt: str) -> DataValidation | None:
    sqref = f"{letter}2:{letter}{LAST_ROW}"
    if col.computed:
        dv = DataValidation(type="custom", formula1=f"LEN({letter}2)=0", allow_blank=True,
                            showErrorMessage=True, errorStyle="stop",
                            errorTitle="Cột tự động tính",
                            error="Cột này do phần mềm tự tính, không nhập tay. Bấm Esc để bỏ.",
                            **_prompt(col.header, schema.COMPUTED_NOTE))
    elif col.type == schema.CHOICE:
        lk = schema.lookup(col.lookup)
        dv = DataValidation(type="list", formula1=f"={lk.range_name}", allow_blank=True,
                            showErrorMessage=True, errorStyle="stop",
                            errorTitle="Giá trị không có trong danh sách",
                            error=(f"Chọn một giá trị trong danh sách \"{lk.header}\". "
                                   + ("Danh sách này cố định." if lk.fixed else
                                      "Muốn thêm giá trị mới, thêm vào trang Danh mục.")),
                            **_prompt(col.header, prompt))
    elif col.type == schema.DATE:
        dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                            formula2="DATE(2100,12,31)", allow_blank=True,
                            showErrorMessage=True, errorStyle="warning",
                            errorTitle="Ngày chưa đúng",
                            error="Nhập ngày theo dạng ngày/tháng/năm, ví dụ 12/06/2026.",
                            **_prompt(col.header, prompt))
    elif col.type == schema.TIME:
        dv = DataValidation(type="time", operator="between", formula1="0", formula2="0.999988",
                            allow_blank=True, showErrorMessage=True, errorStyle="warning",
                            errorTitle="Giờ chưa đúng",
                            error="Nhập giờ theo dạng giờ:phút, ví dụ 08:00.",
                            **_prompt(col.header, prompt))
    elif col.type == schema.INT:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True, errorStyle="stop",
                            errorTitle="Số chưa đúng", error="Chỉ nhập số nguyên, ví dụ 150.",
                            **_prompt(col.header, prompt))
    elif prompt:
        dv = DataValidation(allow_blank=True, **_prompt(col.header, prompt))
    else:
        return None
    dv.add(sqref)
    return dv


def _column_prompt(col: schema.Column) -> str:
    parts = []
    if col.required:
        parts.append("Bắt buộc.")
    if col.help:
        parts.append(col.help if col.help.endswith(".") else col.help + ".")
    if col.type == schema.DATE and not col.computed:
        parts.append("Dạng ngày/tháng/năm.")
    if col.type == schema.TIME:
        parts.append("Dạng giờ:phút.")
    if col.type == schema.CHOICE:
        parts.append(f"Chọn trong danh sách {col.lookup}.")
    return " ".join(parts)


def body_alignment(col: schema.Column) -> Alignment:
    """Every body cell top-aligned (a code level with its content), text wrapped inside its
    column."""
    if col.key in UNWRAPPED:
        return SHRUNK
    return WRAP if col.type in TEXT_TYPES else TOP


def header_height(sheet: schema.Sheet) -> float:
    """Points the header row needs for its wrapped bold headers (LibreOffice does not grow a
    row to its wrapped text)."""
    return pagefit.row_height([(c.header, c.width) for c in sheet.columns], bold=True)


def _body_heights(ws, sheet: schema.Sheet, count: int) -> None:
    """Rows 2.. as tall as their wrapped text (rows of plain short values keep Excel's own)."""
    values = ws.iter_rows(min_row=2, max_row=count + 1, max_col=len(sheet.columns),
                          values_only=True)
    widths = [c.width if body_alignment(c).wrap_text else math.inf for c in sheet.columns]
    for i, height in pagefit.row_heights(list(values), widths).items():
        ws.row_dimensions[i + 2].height = height


def _write_table(ws, sheet: schema.Sheet, rows: list[Mapping]) -> None:
    product_sheet = sheet.role == "product"
    for c, col in enumerate(sheet.columns):
        letter = column_letter(c)
        cell = ws.cell(row=1, column=c + 1, value=col.header)
        grey = col.computed or product_sheet
        cell.fill = COMPUTED_HEADER_FILL if grey else HEADER_FILL
        cell.font = COMPUTED_HEADER_FONT if grey else HEADER_FONT
        cell.alignment = HEADER_ALIGNMENT
        if col.computed:
            cell.comment = Comment(schema.COMPUTED_NOTE, "doithoai", width=220, height=40)
        dim = ws.column_dimensions[letter]
        dim.width = col.width
        dim.alignment = body_alignment(col)     # cells typed or appended below the rows
        dim.hidden = col.key in UNWRAPPED
        fmt = _number_format(col)
        if fmt:
            dim.number_format = fmt
        for r, record in enumerate(rows or [{}], start=2):
            body = ws.cell(row=r, column=c + 1, value=_cell_value(col, record.get(col.key)))
            if fmt:
                body.number_format = fmt
            body.alignment = body_alignment(col)
            body.protection = LOCKED if grey else UNLOCKED
            if col.computed:
                body.fill = COMPUTED_FILL
        if not product_sheet:
            dv = _column_validation(col, letter, _column_prompt(col))
            if dv is not None:
                ws.add_data_validation(dv)
    if product_sheet:
        ws["A1"].comment = Comment(sheet.note or PRODUCT_SHEET_NOTE, "doithoai", width=220,
                                   height=110 if sheet.note else 50)
    ws.row_dimensions[1].height = header_height(sheet)
    _body_heights(ws, sheet, len(rows))
    last = column_letter(len(sheet.columns) - 1)
    table = Table(displayName=sheet.table, ref=f"A1:{last}{max(2, len(rows) + 1)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)


def _write_settings(ws, values: Mapping) -> None:
    sheet = schema.CONFIG
    rows = []
    for s in schema.SETTINGS:
        value = values.get(s.key, s.default)
        rows.append({"label": s.label, "value": value})
    _write_table(ws, sheet, rows)
    # Per-setting checks on the Giá trị cell (the column holds different kinds of value).
    for r, s in enumerate(schema.SETTINGS, start=2):
        ws.cell(row=r, column=1).protection = LOCKED
        ws.cell(row=r, column=1).font = Font(bold=s.required)
        text = ("Bắt buộc. " if s.required else "") + (s.help or "")
        if s.type == schema.CHOICE:
            lk = schema.lookup(s.lookup)
            dv = DataValidation(type="list", formula1=f"={lk.range_name}", allow_blank=True,
                                showErrorMessage=True, errorStyle="stop",
                                errorTitle="Giá trị không có trong danh sách",
                                error=f"Chọn trong danh sách \"{lk.header}\".",
                                **_prompt(s.label, text))
        elif s.type == schema.INT:
            dv = DataValidation(type="whole", operator="between", formula1="0", formula2="60",
                                allow_blank=True, showErrorMessage=True, errorStyle="stop",
                                errorTitle="Số chưa đúng", error="Nhập số nguyên từ 0 đến 60.",
                                **_prompt(s.label, text))
        elif text.strip():
            dv = DataValidation(allow_blank=True, **_prompt(s.label, text.strip()))
        else:
            continue
        dv.add(f"B{r}")
        ws.add_data_validation(dv)


def _write_lookups(wb, ws, lookups: Mapping[str, Iterable[str]]) -> None:
    sheet = schema.LOOKUP_SHEET
    columns = {lk.key: list(lookups.get(lk.key, lk.values)) for lk in schema.LOOKUPS}
    for lk in schema.LOOKUPS:
        if lk.pairs and lk.key not in lookups:     # the default of each value of the list
            columns[lk.key] = [agencies.default_level(v) for v in columns[lk.pairs]]
    height = max(len(v) for v in columns.values())
    rows = [{key: (values[i] if i < len(values) else None) for key, values in columns.items()}
            for i in range(height)]
    _write_table(ws, sheet, rows)
    for c, lk in enumerate(schema.LOOKUPS):
        letter = column_letter(c)
        header = ws.cell(row=1, column=c + 1)
        if lk.fixed:
            header.fill = COMPUTED_HEADER_FILL
            header.font = COMPUTED_HEADER_FONT
            header.comment = Comment(FIXED_LIST_NOTE, "doithoai", width=220, height=50)
            for r in range(2, height + 2):
                ws.cell(row=r, column=c + 1).protection = LOCKED
        if lk.pairs:                 # chosen row by row from its list; no list of its own
            choices = schema.lookup(lk.choices)
            dv = DataValidation(type="list", formula1=f"={choices.range_name}", allow_blank=True,
                                showErrorMessage=True, errorStyle="stop",
                                errorTitle="Giá trị không có trong danh sách",
                                error=f"Chọn trong danh sách \"{choices.header}\".",
                                **_prompt(lk.header, lk.description))
            dv.add(f"{letter}2:{letter}{LOOKUP_ROWS + 1}")
            ws.add_data_validation(dv)
            continue
        ref = (f"OFFSET('{sheet.name}'!${letter}$2,0,0,"
               f"MAX(1,COUNTA('{sheet.name}'!${letter}$2:${letter}${LOOKUP_ROWS + 1})),1)")
        wb.defined_names[lk.range_name] = DefinedName(lk.range_name, attr_text=ref)


def _conditional_formats(ws, sheet: schema.Sheet) -> None:
    """Overdue and near rows, defined once here (used by the deadline engine's statuses)."""
    last = column_letter(len(sheet.columns) - 1)
    area = f"A2:{last}{LAST_ROW}"
    if sheet.key == "milestones":
        status = column_letter(sheet.keys.index("status"))
        for text, fill, font in (("Quá hạn", OVERDUE_FILL, OVERDUE_FONT),
                                 ("Sắp đến hạn", SOON_FILL, SOON_FONT),
                                 ("Hoàn thành trễ hạn", SOON_FILL, None),
                                 ("Hoàn thành đúng hạn", DONE_FILL, None)):
            ws.conditional_formatting.add(area, FormulaRule(
                formula=[f'${status}2="{text}"'], fill=fill, font=font, stopIfTrue=True))
    elif sheet.key == "opinions":
        due = column_letter(sheet.keys.index("reply_due"))
        st = column_letter(sheet.keys.index("status"))
        pending = ",".join(f'${st}2="{s}"' for s in schema.NO_REPLY_YET + (schema.IN_PROGRESS_STATUS,))
        ws.conditional_formatting.add(f"{due}2:{due}{LAST_ROW}", FormulaRule(
            formula=[f"AND(${due}2<>\"\",${due}2<TODAY(),OR({pending}))"],
            fill=OVERDUE_FILL, font=OVERDUE_FONT, stopIfTrue=True))
    elif sheet.key == "checks":
        sev = column_letter(sheet.keys.index("severity"))
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f'${sev}2="Lỗi"'], fill=OVERDUE_FILL, font=OVERDUE_FONT))
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f'${sev}2="Cảnh báo"'], fill=SOON_FILL, font=SOON_FONT))


def print_titles(sheet: schema.Sheet) -> int:
    """How many leading columns say which row a printed line is (repeated on each page
    across): through the sheet's key column; none on Danh mục."""
    if sheet.key == "lookups":
        return 0
    key = PRINT_KEYS.get(sheet.key) or next((c.key for c in sheet.columns if c.unique),
                                            sheet.columns[0].key)
    return sheet.keys.index(key) + 1


def print_plan(sheet: schema.Sheet) -> tuple[int, float]:
    """(pages across, scale) the sheet prints at: pagefit.plan over its column widths."""
    return pagefit.plan([c.width for c in sheet.columns],
                        "landscape" if sheet.landscape else "portrait", PRINT_MARGIN,
                        print_titles(sheet))


def _print_setup(ws, sheet: schema.Sheet) -> None:
    if sheet.key == "dashboard":        # tables, then one chart per page
        dashboard_sheet.print_setup(ws)
        return
    ws.freeze_panes = "A2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    pages, _ = print_plan(sheet)
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = "overThenDown"    # the pages of one block of rows follow each other
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:1"
    titles = print_titles(sheet)
    if pages > 1 and titles:
        ws.print_title_cols = f"A:{column_letter(titles - 1)}"
    ws.page_margins.left = ws.page_margins.right = PRINT_MARGIN
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25     # clear of the table
    ws.oddFooter.center.text = "Trang &P / &N"
    ws.oddHeader.center.text = f"{sheet.name}"


def build_workbook(*, settings: Mapping | None = None,
                   rows: Mapping[str, list[Mapping]] | None = None,
                   lookups: Mapping[str, Iterable[str]] | None = None,
                   rules: list[Mapping] | None = None,
                   overrides: list[Mapping] | None = None) -> Workbook:
    """A registry workbook. With no arguments: the blank template (defaults pre-filled)."""
    rows = dict(rows or {})
    rows.setdefault("rules", list(rules if rules is not None else schema.DEFAULT_RULES))
    rows.setdefault("overrides",
                    list(overrides if overrides is not None else schema.DEFAULT_OVERRIDES))
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "doithoai"
    wb.properties.title = "Sổ theo dõi hội nghị đối thoại"
    for sheet in schema.SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.key == "settings":
            _write_settings(ws, settings or {})
        elif sheet.key == "lookups":
            _write_lookups(wb, ws, lookups or {})
        elif sheet.key == "dashboard":
            dashboard_sheet.write_layout(ws)
        else:
            _write_table(ws, sheet, rows.get(sheet.key, []))
        _finish(ws, sheet)
    wb.active = 0
    return wb


def _finish(ws, sheet: schema.Sheet) -> None:
    _conditional_formats(ws, sheet)
    _print_setup(ws, sheet)
    if sheet.role == "product":
        ws.sheet_properties.tabColor = "808080"
    if sheet.key == "checks":
        for i, width in enumerate(schema.CHECKS_SUMMARY_WIDTHS):
            ws.column_dimensions[column_letter(schema.CHECKS_SUMMARY_COL + i)].width = width


def add_product_sheet(wb, sheet: schema.Sheet) -> None:
    """A product sheet (a Table with its headers) added to a copy of a registry made before
    the sheet existed, so that rows written to it have a place."""
    _write_table(wb.create_sheet(sheet.name), sheet, [])
    _finish(wb[sheet.name], sheet)


class AlreadyExists(Exception):
    pass


def create_blank(path: str | os.PathLike, unit_type: str | None = None) -> str:
    """``doithoai init``: a new blank registry; refuses to replace an existing file. With
    ``unit_type``, Loại đơn vị is filled in and the agencies listed in its word."""
    path = os.fspath(path) + ("" if os.fspath(path).lower().endswith(".xlsx") else ".xlsx")
    if os.path.lexists(path):
        raise AlreadyExists(path)
    try:
        unit = dict(settings={"unit_type": unit_type}, lookups={
            "agencies": agencies.listed_for(unit_type)}) if unit_type else {}
        return save_new(build_workbook(**unit), path, next_free=False)
    except FileExistsError:             # made by someone else meanwhile: never replaced
        raise AlreadyExists(path) from None


def create_new(path: str | os.PathLike) -> str:
    """The Tạo sổ mới button: a new blank registry at ``path``, or "name (2).xlsx"… beside it
    when that name is taken; returns where it went."""
    return save_new(build_workbook(), os.fspath(path))
