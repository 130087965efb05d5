"""A list sheet: a header row and its rows, printed well, the rows written into the saved file
by :mod:`.listrows` (the monitoring workbook's lists and the province's)."""
from __future__ import annotations

from doithoai.files import listrows, printing


# Columns wider than their header: long texts wrap inside them, the rest keep one line.
WIDTHS = {"Nội dung": 40, "Lĩnh vực": 24, "Thôn, tổ dân phố": 16, "Cơ quan trả lời": 22,
          "Còn nợ": 14, "Kiến nghị tới": 26, "Tình trạng": 16, "Người nêu": 18, "Giá trị": 48,
          "Khóa": 22, "Giai đoạn": 16, "Cấp cơ quan": 13}


def style_index(wb, **attributes) -> int:
    """The index of the cell style ``attributes`` make, registered in ``wb`` (through a cell of
    a scratch sheet, removed again: no cell of a real sheet is touched)."""
    scratch = wb.create_sheet("~")
    cell = scratch.cell(row=1, column=1)
    for name, value in attributes.items():
        setattr(cell, name, value)
    index = cell.style_id
    wb.remove(scratch)
    return index


def write_rows(ws, head, rows, bold, fill, top=1, widths: dict | None = None,
               total: bool = False):
    """A list with its header row: widths by column, wrapped text with the height it needs,
    every cell top-aligned (a code level with its content), frozen header, filter, A4 across
    as many pages as the columns need, with gridlines, header and first column repeated on
    each page; ``total``: the last row is a total, in bold.

    The rows are written into the saved file (doithoai.files.listrows: a list of 50,000 rows
    as openpyxl cells took most of a minute), so the workbook must be saved by
    listrows.save, save_atomic or save_new; cells may be added above and below the list,
    not on its rows."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    chosen = {**WIDTHS, **(widths or {})}
    widths = [chosen.get(h, max(12, min(14, len(h) + 2))) for h in head]
    wrap = Alignment(wrap_text=True, vertical="top")
    level = Alignment(vertical="top")
    for c, h in enumerate(head, start=1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.row_dimensions[top].height = printing.row_height(list(zip(head, widths)), bold=True)
    listed = listrows.ListRows(
        top + 1, rows, style_index(ws.parent, number_format="dd/mm/yyyy", alignment=level),
        style_index(ws.parent, alignment=wrap), wraps=widths,
        plain_style=style_index(ws.parent, alignment=level))
    # Wrapped text gets the height it needs (LibreOffice does not grow rows).
    listed.heights.update((top + 1 + i, h) for i, h in printing.row_heights(rows, widths).items())
    if total and rows:
        listed.emphasis[top + len(rows)] = style_index(ws.parent, font=bold, alignment=level)
    listrows.announce(ws, listed)
    ws.freeze_panes = f"B{top + 1}"
    ws.auto_filter.ref = f"A{top}:{get_column_letter(len(head))}{top + max(1, len(rows))}"
    titles = 1 if len(head) > 2 else 0   # each page across says which opinion a row is
    printing.fit(ws, widths, landscape=True, titles=titles, grid=True)
    ws.print_title_rows = f"{top}:{top}"
    if titles:
        ws.print_title_cols = "A:A"


def write_intro(ws, lines: list[tuple[str, bool]]) -> None:
    """An introduction sheet: one paragraph a row in column A, (text, bold) each, the first a
    title (13 pt, the rest 11), wrapped to a portrait page at 100 % (nothing cut), each row as
    tall as its text."""
    from openpyxl.styles import Alignment, Font
    width = int(printing.PAGE_UNITS["portrait"])
    for r, (text, is_bold) in enumerate(lines, start=1):
        size = 13 if r == 1 else 11
        c = ws.cell(row=r, column=1, value=text)
        c.font = Font(name="Calibri", bold=is_bold, size=size)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = printing.row_height([(text, width)], size, is_bold)
    ws.column_dimensions["A"].width = width
    printing.fit(ws, [width], landscape=False)
