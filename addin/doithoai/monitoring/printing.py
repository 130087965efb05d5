"""How the monitoring workbook prints and how its charts read (issue 18 §6).

Every sheet prints on A4 with its header row repeated; a wide list is spread over as many pages
across as keep its text at a readable size (never 25 columns squeezed onto one page); text that
wraps gets the row height it needs (LibreOffice does not grow a row openpyxl wrote); sheet names
are cut at a word, never mid-word; each chart has a landscape page of its own on the Biểu đồ
sheet, sized to its number of categories, so 1, 3 or 30 categories all read.
"""
from __future__ import annotations

import itertools
import math

# Printable width of A4 in Excel's column units at 100% with the margins set below, as
# LibreOffice prints Calibri 11 (measured: a portrait page shows 85 units).
PAGE_UNITS = {"portrait": 85, "landscape": 122}
SHEET_NAME_MAX = 31            # Excel's limit
CHART_PAGE_ROWS = 30           # rows of one landscape page on the Biểu đồ sheet (15 pt each)
SHRINK = 1.15                  # a page may be scaled down to about 87% and still read well


def fit(ws, widths: list[float], landscape: bool = True) -> None:
    """A4, as many pages across as the columns need at a readable size, rows flowing down."""
    orientation = "landscape" if landscape else "portrait"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = max(1, math.ceil(sum(widths) / (PAGE_UNITS[orientation] * SHRINK)))
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P / &N"


def row_height(texts_and_widths: list[tuple[str, float]], size: float = 11) -> float:
    """Points a row needs for its wrapped cells (about 1.1 characters per width unit)."""
    lines = 1
    for text, width in texts_and_widths:
        if text:
            lines = max(lines, _lines(str(text), width, size))
    return _points(lines, size)


def row_heights(rows, widths: list[float], size: float = 11) -> dict[int, float]:
    """:func:`row_height` of each row's texts longer than their column's width, for the rows
    that have any (row offset → points). Worked out column by column, each distinct long text
    once: a list of 50,000 opinions has 27 columns and long texts in a few of them."""
    lines: dict[int, int] = {}
    for values, width in zip(itertools.zip_longest(*rows), widths):
        need = {t: _lines(t, width, size) for t in set(values)
                if t.__class__ is str and len(t) > width}
        if not need:
            continue
        for i, n in enumerate(map(need.get, values)):      # n: a text's lines, at least 1
            if n is not None and n > lines.get(i, 0):
                lines[i] = n
    return {i: _points(n, size) for i, n in lines.items()}


def _lines(text: str, width: float, size: float) -> int:
    per_line = max(1, int(width * 0.95 * 11 / size))
    if "\n" in text:
        return sum(math.ceil(max(1, len(part)) / per_line) for part in text.split("\n"))
    return -(-len(text) // per_line)


def _points(lines: int, size: float) -> float:
    return round(lines * size * 1.35 + 3, 1)


def sheet_name(text: str, used: set[str]) -> str:
    """A sheet name within Excel's 31 characters, cut at a word ("Nợ - Trung tâm Phục vụ hành
    chính công" → "Nợ - Trung tâm Phục vụ hành"), unique, without the characters Excel refuses."""
    clean = " ".join("".join("-" if ch in '[]:*?/\\' else ch for ch in text).split())

    def cut(limit: int) -> str:
        if len(clean) <= limit:
            return clean
        head = clean[:limit + 1]
        words = head[:head.rfind(" ")] if " " in head else clean[:limit]
        return words.rstrip(" ,;-–") or clean[:limit]
    base = cut(SHEET_NAME_MAX) or "Cơ quan"
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name = cut(SHEET_NAME_MAX - len(suffix)) + suffix
        n += 1
    used.add(name.casefold())
    return name


def chart_size(categories: int, horizontal: bool, series: int = 1) -> tuple[float, float]:
    """(height, width) in cm: each category's bars with room for its label, within one page."""
    per = 0.45 + 0.12 * (series - 1)
    if horizontal:
        return min(15.0, max(7.0, 3.0 + per * categories)), 24.0
    return 14.0, min(24.0, max(12.0, 4 + (0.8 + 0.3 * series) * categories))


def label_size(chart, categories: int) -> None:
    """Category labels small enough that LibreOffice and Excel print every one of them."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
    size = 1000 if categories <= 12 else 800 if categories <= 24 else 700
    chart.x_axis.txPr = RichText(p=[Paragraph(pPr=ParagraphProperties(
        defRPr=CharacterProperties(sz=size)), endParaRPr=CharacterProperties(sz=size))])


def add_chart_page(charts_ws, chart, index: int) -> None:
    """Chart ``index`` on its own landscape page of the Biểu đồ sheet."""
    from openpyxl.worksheet.pagebreak import Break
    top = 1 + index * CHART_PAGE_ROWS
    charts_ws.add_chart(chart, f"A{top}")
    if index:
        charts_ws.row_breaks.append(Break(id=top - 1))
