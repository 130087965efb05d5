"""The Tổng hợp sheet of a new workbook: titles, headers and the four charts over its areas.

openpyxl writes the charts: once into the blank template, and again into every headless copy of
a registry (openpyxl drops the charts of a workbook it loads).
"""
from __future__ import annotations

from doithoai.registry.dashboard_layout import (AGENCIES, AREAS, CHART_PAGE_ROWS, CHART_TOP,
                                                 FIELDS, LAYOUT_MARK, PLANS, STAGE, STAMP_ROW)


def write_layout(ws) -> None:
    """Titles, headers, conditional formats and charts over the fixed areas (template only)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill

    ws["A1"] = LAYOUT_MARK
    ws["A1"].font = Font(bold=True, size=13)
    ws.cell(row=STAMP_ROW, column=1,
            value="Bấm Cập nhật Tổng hợp (thẻ Đối thoại) để tính lại. Trang do phần mềm ghi: "
                  "không nhập tay.").font = Font(italic=True)
    fill = PatternFill("solid", fgColor="D9D9D9")
    for area in AREAS:
        ws.cell(row=area.top - 1, column=1, value=area.title).font = Font(bold=True, size=12)
        for c, h in enumerate(area.header, start=1):
            cell = ws.cell(row=area.top, column=c, value=h)
            cell.font, cell.fill = Font(bold=True), fill
    red = PatternFill("solid", fgColor="FFC7CE")
    ws.conditional_formatting.add(f"F{FIELDS.first}:F{FIELDS.last}",
                                  CellIsRule(operator="greaterThan", formula=["0"], fill=red))
    ws.conditional_formatting.add(f"C{AGENCIES.first}:C{AGENCIES.last}",
                                  CellIsRule(operator="greaterThan", formula=["0"], fill=red))
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["A"].alignment = Alignment(wrap_text=True, vertical="top")
    for col in "BCDEF":
        ws.column_dimensions[col].width = 13
        ws.column_dimensions[col].alignment = Alignment(vertical="top")   # level with A's text
    ws.cell(row=CHART_TOP - 1, column=1, value="Biểu đồ (mỗi biểu đồ một trang khi in)").font = \
        Font(bold=True, size=12)
    add_charts(ws)


def print_setup(ws) -> None:
    """Landscape A4, one page wide: the tables on the first page(s), then one chart per page."""
    from openpyxl.worksheet.pagebreak import Break, RowBreak
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.row_breaks = RowBreak()
    # Tables: fields and stages on one page, agencies on the next, conferences on the third
    # (each fits a page even with all its rows in use), then one chart per page.
    for area in (STAGE, AGENCIES):
        ws.row_breaks.append(Break(id=area.last + 1))
    for n in range(len(CHARTS)):
        ws.row_breaks.append(Break(id=CHART_TOP - 2 + n * CHART_PAGE_ROWS))
    ws.print_area = f"A1:H{CHART_TOP + len(CHARTS) * CHART_PAGE_ROWS - 1}"
    ws.oddFooter.center.text = "Trang &P / &N"


# (title, area, value columns, horizontal bars). "Qua các hội nghị" is a column chart: a line
# with one conference prints nothing.
CHARTS = (("Ý kiến theo lĩnh vực", FIELDS, (2, 5), True),
          ("Ý kiến theo giai đoạn", STAGE, (2, 2), True),
          ("Quá hạn theo cơ quan", AGENCIES, (3, 3), True),
          ("Qua các hội nghị: đã nêu, đã trả lời, đã giải quyết xong, hài lòng", PLANS, (2, 5),
           False))


def add_charts(ws) -> None:
    """The four charts over the fixed areas, each on its own page below the tables. Used by the
    template, and by the file shell when it writes a copy of a registry (openpyxl would
    otherwise drop them)."""
    from openpyxl.chart import BarChart, Reference

    for n, (title, area, cols, horizontal) in enumerate(CHARTS):
        ch = BarChart()
        ch.title = title
        ch.type = "bar" if horizontal else "col"
        ch.y_axis.title = "Số ý kiến"
        ch.y_axis.delete = False
        ch.x_axis.delete = False
        ch.y_axis.majorGridlines = None
        ch.visible_cells_only = True        # the hidden padding rows are not categories
        ch.add_data(Reference(ws, min_col=cols[0], max_col=cols[1], min_row=area.top,
                              max_row=area.last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=1, min_row=area.first, max_row=area.last))
        ch.height, ch.width = 15, 22.5
        if cols[0] == cols[1]:
            ch.legend = None
        ws.add_chart(ch, f"A{CHART_TOP + n * CHART_PAGE_ROWS}")
