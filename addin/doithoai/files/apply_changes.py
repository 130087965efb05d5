"""Changes applied with openpyxl: to a workbook the product has just built (the demo, tests) or
to a new copy of a registry (:mod:`.registry_copy`), never to a clerk's registry in place."""
from __future__ import annotations

import datetime as dt
from copy import copy

from doithoai.files import pagefit
from doithoai.registry import schema
from doithoai.registry.changes import MARK_AUTHOR, MARK_FILLS, Changes


def _column(ws, index: int):
    """The column dimension (width, style) that covers column ``index`` (1-based), or None: a
    workbook saved by Excel may describe several columns in one (min..max); one built here
    has its letter only."""
    from openpyxl.utils import column_index_from_string
    for letter, dim in ws.column_dimensions.items():
        first = dim.min or column_index_from_string(letter)
        if first <= index <= (dim.max or first):
            return dim
    return None


def _width(dim) -> float:
    return (dim.width if dim is not None else None) or 8.43       # Excel's default column


def _fit_row(ws, row: int, wrapped: list[tuple[str, float]]) -> None:
    """Row ``row`` as tall as its wrapped texts need when one just written into it is longer
    than its column (LibreOffice does not grow a row to its text). The need is of every
    wrapped text of the row, not only those written; a row is never made shorter."""
    if not any(len(text) > width for text, width in wrapped):
        return
    long = [(c.value, _width(_column(ws, c.column))) for c in ws[row]
            if isinstance(c.value, str) and c.alignment.wrap_text]
    need = pagefit.row_height([(t, w) for t, w in long if len(t) > w])
    current = ws.row_dimensions[row].height
    if current is None or need > current:
        ws.row_dimensions[row].height = need


def excel_text(value) -> str | None:
    """The text of a value written with Excel's text marker ("'=1+1" → "=1+1"), else None."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return None


def apply_to_openpyxl(wb, changes: Changes) -> None:
    """Every part of ``changes`` written into ``wb``: values, hidden rows, marks, table sizes."""
    formats = _date_formats()
    for block in changes.blocks:
        _write_block(wb[block.sheet], block, formats.get(block.sheet, set()))
    for sheet_name, first, last, hidden in changes.rows_hidden:
        ws = wb[sheet_name]
        for r in range(first, last + 1):
            ws.row_dimensions[r].hidden = hidden
    _write_marks(wb, changes)
    for sheet_name, n in changes.table_rows.items():
        _grow_table(wb[sheet_name], n)


def _date_formats() -> dict[str, set[str]]:
    """Per sheet, the headers of its date columns (they get the registry's date format)."""
    return {s.name: {c.header for c in s.columns if c.type == schema.DATE} for s in schema.SHEETS}


def _write_block(ws, block, date_headers: set[str]) -> None:
    """One rectangle of values, each cell styled as its column, rows grown to wrapped texts."""
    cols = range(block.col, block.col + block.width)
    dated = {i for i in cols if ws.cell(row=1, column=i + 1).value in date_headers}
    columns = {i: _column(ws, i + 1) for i in cols}
    for dr, values in enumerate(block.values):
        wrapped = []
        for dc, value in enumerate(values):
            col = block.col + dc
            cell = ws.cell(row=block.row + dr, column=col + 1)
            _write_cell(cell, value, columns[col], col in dated)
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                wrapped.append((cell.value, _width(columns[col])))
        _fit_row(ws, block.row + dr, wrapped)


def _write_cell(cell, value, dim, dated: bool) -> None:
    """A value written as Excel would: a new cell takes its column's style, a text marked with
    the leading apostrophe stays text, a date in a date column gets the date format."""
    if not cell.has_style and dim is not None and dim.has_style:
        cell._style = copy(dim._style)
    text = excel_text(value)
    cell.value = value if text is None else text
    if text is not None:             # what Excel's leading apostrophe means: text
        cell.data_type = "s"
        cell.quotePrefix = True
    if dated and isinstance(value, dt.date):
        cell.number_format = schema.DATE_FORMAT


def _write_marks(wb, changes: Changes) -> None:
    """The product's own notes removed where asked (a clerk's note is kept), then new ones."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    for sheet_name, ref in changes.unmarks:
        cell = wb[sheet_name][ref]
        if cell.comment is not None and cell.comment.author == MARK_AUTHOR:
            cell.comment = None
            cell.fill = PatternFill()
    for m in changes.marks:
        cell = wb[m.sheet][m.cell]
        cell.fill = PatternFill("solid", fgColor=MARK_FILLS[m.severity])
        cell.comment = Comment(m.note, MARK_AUTHOR, width=300, height=120)


def _grow_table(ws, n: int) -> None:
    """The sheet's Excel table (if it is still one) covers the header and ``n`` rows."""
    table = next(iter(ws.tables.values()), None)
    if table is None:           # converted to a range: the values are written, nothing to grow
        return
    last_col = table.ref.split(":")[1].rstrip("0123456789")
    table.ref = f"A1:{last_col}{max(2, n + 1)}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
