"""Tables of the Word templates: fixed column widths sized to their content, rows from a loop.

A column is either the widest text it will hold (a fixed column, sized to that text and its
header, e.g. "000" for STT) or a weight (a flexible column sharing what is left of the width).
"""
from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from doithoai.documents.wordml import place
from doithoai.text.textwidth import text_width

CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
TEXT_WIDTH = Mm(210 - 30 - 15)
LANDSCAPE_TEXT_WIDTH = Mm(297 - 30 - 15)


def fixed_widths(table, widths) -> None:
    """Fixed layout with explicit grid and cell widths (Word and LibreOffice both honour it)."""
    table.autofit = False               # python-docx writes w:tblLayout type="fixed" in place
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = place(tbl_pr, OxmlElement("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w


def keep_rows(table, *, with_next: tuple[int, ...] = (), may_split: tuple[int, ...] = ()) -> None:
    """No row of ``table`` is split across two pages (a printed list is read row by row), but
    the rows in ``may_split``; the rows in ``with_next`` (the header, a group heading) stay on
    the page of the row after them, so no heading is left alone at the foot of a page.

    ``may_split`` are the rows a loop repeats with what was typed (a citizen's words, a name):
    such a row can be taller than what is left of a page, or than a page, and a row that may
    not split then loses what does not fit: Word cuts it off at the foot of the page, and
    LibreOffice 7.4 drops the overflow and, after a header that keeps with the next row, whole
    rows (a table of the BCTH printed one of its five rows, no warning). Only rows of the
    template's own words (a header, a group heading, the signature) may be held whole."""
    for n, row in enumerate(table.rows):
        tr_pr = None if n in may_split else row._tr.get_or_add_trPr()
        if tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is None:
            place(tr_pr, OxmlElement("w:cantSplit"))
        if n in with_next:
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True


def repeat_row(row) -> None:
    """The row is repeated at the top of every page the table runs onto. A bare
    ``<w:tblHeader/>`` means on: the Open XML SDK types this element's value as on/off only and
    flags ``w:val="true"``, which Word reads anyway; without a value no reader can differ."""
    place(row._tr.get_or_add_trPr(), OxmlElement("w:tblHeader"))


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    place(tbl_pr, borders)


CELL_MARGINS = 2 * 108          # twips: Word's default left and right cell margins


def fit_width(texts: list[str], size: float, bold: bool = False) -> int:
    """Twips a fixed column needs so that none of ``texts`` wraps inside a word."""

    widest = max((text_width(word, size, bold) for t in texts for word in t.split()), default=0)
    whole = max((text_width(t, size, bold) for t in texts), default=0)
    # Short texts ("STT", "Hạn", "12/06/2026") stay on one line; long ones only keep their words.
    need = whole if whole <= 1700 else widest
    return int(need * 1.08) + CELL_MARGINS + 40


def column_widths(columns: list, header: list[str], size: float,
                  total: int | None = None) -> list[int]:
    """Widths in twips: a str is the widest content of a fixed column (sized to fit it and its
    header); a number is the weight of a flexible column sharing what is left of ``total``."""
    total = total or int(TEXT_WIDTH.twips)
    fixed = {i: fit_width([c, header[i]], size, bold=True) for i, c in enumerate(columns)
             if isinstance(c, str)}
    rest = total - sum(fixed.values())
    weights = {i: float(c) for i, c in enumerate(columns) if not isinstance(c, str)}
    scale = rest / sum(weights.values()) if weights else 0
    return [fixed[i] if i in fixed else int(weights[i] * scale) for i in range(len(columns))]


def grid_table(doc, columns: list, header: list[str], row: list[str],
               loop: str, size: float = 13, total: int | None = None, repeat_header=False):
    """A bordered table: a header row, then one row per item of ``loop`` ("m in moc").

    ``columns``: for each column, either the widest text it will hold (a fixed column, sized
    to that text and its header, e.g. "000" for STT) or a weight (a flexible column).
    """
    from docx.shared import Twips
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed_widths(table, [Twips(w) for w in column_widths(columns, header, size, total)])
    for i, h in enumerate(header):
        cell_text(table.rows[0].cells[i], h, size=size, bold=True, align=CENTER)
    if repeat_header:
        repeat_row(table.rows[0])
    cell_text(table.rows[1].cells[0], "{%tr for " + loop + " %}", size=size)
    for i, text in enumerate(row):
        cell_text(table.rows[2].cells[i], text, size=size,
                   align=CENTER if isinstance(columns[i], str) else LEFT)
    keep_rows(table, with_next=(0,), may_split=(2,))      # row 2: one item of the loop
    cell_text(table.rows[3].cells[0], "{%tr endfor %}", size=size)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def grouped_table(doc, columns: list, header: list[str], group_text: str, row: list[str],
                  outer: str, inner: str, size: float = 13, landscape: bool = False):
    """A bordered table whose rows come in groups: a header row repeated on every page, then for
    each item of ``outer`` a full-width bold group row and one row per item of ``inner``."""
    from docx.shared import Twips
    total = int((LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH).twips)
    table = doc.add_table(rows=7, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = column_widths(columns, header, size, total)
    fixed_widths(table, [Twips(w) for w in widths])
    for i, h in enumerate(header):
        cell_text(table.rows[0].cells[i], h, size=size, bold=True, align=CENTER)
    repeat_row(table.rows[0])
    cell_text(table.rows[1].cells[0], "{%tr for " + outer + " %}", size=size)
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[-1])
    merged.width = Twips(sum(widths))
    cell_text(merged, group_text, size=size, bold=True, align=LEFT)
    cell_text(table.rows[3].cells[0], "{%tr for " + inner + " %}", size=size)
    for i, text in enumerate(row):
        cell_text(table.rows[4].cells[i], text, size=size,
                   align=CENTER if isinstance(columns[i], str) else LEFT)
    cell_text(table.rows[5].cells[0], "{%tr endfor %}", size=size)
    cell_text(table.rows[6].cells[0], "{%tr endfor %}", size=size)
    table.rows[4].height = Cm(0.9)      # a signature needs room
    # the header and each group heading keep with a row; an item's row (4) may split
    keep_rows(table, with_next=(0, 2), may_split=(4,))
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def cell_text(cell, text, *, size=13, bold=False, italic=False, underline=False, align=CENTER,
               after=0):
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.line_spacing = 1.0
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold, run.italic, run.underline = bold, italic, underline
    return p


def cell_para(cell, text, **kw):
    """A further paragraph in a cell (the first one is reused when empty)."""
    first = cell.paragraphs[0]
    if not first.runs and not first.text and not getattr(cell, "_used", False):
        cell._used = True
        return cell_text(cell, text, **kw)
    p = cell.add_paragraph()
    p.alignment = kw.pop("align", CENTER)
    p.paragraph_format.space_after = Pt(kw.pop("after", 0))
    p.paragraph_format.line_spacing = 1.0
    if text:
        run = p.add_run(text)
        run.font.size = Pt(kw.get("size", 13))
        run.bold = kw.get("bold", False)
        run.italic = kw.get("italic", False)
        run.underline = kw.get("underline", False)
    return p
