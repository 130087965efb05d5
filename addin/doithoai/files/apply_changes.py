"""Changes applied with openpyxl: to a workbook the product has just built (the demo, tests) or
to a new copy of a registry (:mod:`.registry_copy`), never to a clerk's registry in place."""
from __future__ import annotations

import datetime as dt

from doithoai.registry import schema
from doithoai.registry.changes import MARK_AUTHOR, MARK_FILLS, Changes


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
        for dr, values in enumerate(block.values):
            for dc, value in enumerate(values):
                text = excel_text(value)
                cell = ws.cell(row=block.row + dr, column=block.col + dc + 1,
                               value=value if text is None else text)
                if text is not None:         # what Excel's leading apostrophe means: text
                    cell.data_type = "s"
                    cell.quotePrefix = True
                fmt = formats.get((block.sheet, headers[block.col + dc]))
                if fmt and isinstance(value, dt.date):
                    cell.number_format = fmt
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
