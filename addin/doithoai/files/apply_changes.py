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
    formats = {}
    for s in schema.SHEETS:
        for i, c in enumerate(s.columns):
            if c.type == schema.DATE:
                formats[(s.name, c.header)] = schema.DATE_FORMAT
    for block in changes.blocks:
        ws = wb[block.sheet]
        headers = {i: ws.cell(row=1, column=i + 1).value for i in
                   range(block.col, block.col + block.width)}
        columns = {i: _column(ws, i + 1) for i in range(block.col, block.col + block.width)}
        for dr, values in enumerate(block.values):
            wrapped = []
            for dc, value in enumerate(values):
                text = excel_text(value)
                cell = ws.cell(row=block.row + dr, column=block.col + dc + 1)
                dim = columns[block.col + dc]
                if not cell.has_style and dim is not None and dim.has_style:
                    cell._style = copy(dim._style)      # as Excel formats a new cell: its column's
                cell.value = value if text is None else text
                if text is not None:         # what Excel's leading apostrophe means: text
                    cell.data_type = "s"
                    cell.quotePrefix = True
                fmt = formats.get((block.sheet, headers[block.col + dc]))
                if fmt and isinstance(value, dt.date):
                    cell.number_format = fmt
                if isinstance(cell.value, str) and cell.alignment.wrap_text:
                    wrapped.append((cell.value, _width(dim)))
            _fit_row(ws, block.row + dr, wrapped)
    for sheet_name, first, last, hidden in changes.rows_hidden:
        ws = wb[sheet_name]
        for r in range(first, last + 1):
            ws.row_dimensions[r].hidden = hidden
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
    for sheet_name, n in changes.table_rows.items():
        ws = wb[sheet_name]
        table = next(iter(ws.tables.values()), None)
        if table is None:       # converted to a range: the values are written, nothing to grow
            continue
        last_col = table.ref.split(":")[1].rstrip("0123456789")
        table.ref = f"A1:{last_col}{max(2, n + 1)}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
