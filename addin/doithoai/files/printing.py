"""How the list workbooks (the monitoring workbook, the province's) print and how their charts
read (issue 18 §6, issue 25 §10).

Every sheet prints on A4 with its header row repeated; a wide list is spread over as many pages
across as keep its text at 80% or more (doithoai.files.pagefit: never 25 columns squeezed onto
one page), its first column (the opinion's code) repeated at the left of each page across, with
gridlines, every cell top-aligned; text that wraps gets the row height it needs (LibreOffice
does not grow a row openpyxl wrote); sheet names are cut at a word, never mid-word; each chart
has a landscape page of its own on the Biểu đồ sheet, sized to its number of categories, so 1,
3 or 30 categories all read.
"""
from __future__ import annotations

from doithoai.files import pagefit
from doithoai.files.pagefit import row_height, row_heights      # noqa: F401  (this module's face)

MARGIN = 0.5                   # inches, left and right
# Printable width of A4 in Excel's column units at 100% with the margins set below, as
# LibreOffice prints where Calibri is missing (doithoai.files.pagefit).
PAGE_UNITS = {o: pagefit.page_units(o, MARGIN) for o in ("portrait", "landscape")}
SHEET_NAME_MAX = 31            # Excel's limit
CHART_PAGE_ROWS = 30           # rows of one landscape page on the Biểu đồ sheet (15 pt each)
SHRINK = 1 / pagefit.MIN_SCALE  # a page holds this much more than at 100%, and still reads well


def fit(ws, widths: list[float], landscape: bool = True, titles: int = 0,
        grid: bool = False) -> None:
    """A4, as many pages across as the columns need at a readable size, rows flowing down, the
    pages of one block of rows one after the other; ``titles``: the leading columns repeated
    at the left of each page across (the caller names them as print titles); ``grid``:
    gridlines printed."""
    orientation = "landscape" if landscape else "portrait"
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, _ = pagefit.plan(widths, orientation, MARGIN, titles)
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = grid
    ws.page_margins.left = ws.page_margins.right = MARGIN
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25     # clear of the table
    ws.oddFooter.center.text = "Trang &P / &N"


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
