"""The Tổng hợp sheet of a new workbook: titles, headers and the four charts over its areas.

openpyxl writes the charts: once into the blank template, and again into every headless copy of
a registry (openpyxl drops the charts of a workbook it loads).
"""
from __future__ import annotations

from doithoai.registry.dashboard_layout import (AGENCIES, AREAS, FIELDS, LAYOUT_MARK, PLANS,
                                                 STAGE, STAMP_ROW)


def write_layout(ws) -> None:
    """Titles, headers, conditional formats and charts over the fixed areas (template only)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

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
    for col in "BCDEF":
        ws.column_dimensions[col].width = 13
    add_charts(ws)


def add_charts(ws) -> None:
    """The four charts over the fixed areas. Used by the template, and by the file shell when
    it writes a copy of a registry (openpyxl would otherwise drop them)."""
    from openpyxl.chart import BarChart, LineChart, Reference

    def chart(kind, title, area, cols, anchor, bar=False, height=9.0):
        ch = kind()
        ch.title = title
        if bar:
            ch.type = "bar"
        ch.y_axis.title = "Số ý kiến"
        ch.y_axis.delete = False
        ch.x_axis.delete = False
        ch.add_data(Reference(ws, min_col=cols[0], max_col=cols[1], min_row=area.top,
                              max_row=area.last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=1, min_row=area.first, max_row=area.last))
        ch.height, ch.width = height, 18
        ws.add_chart(ch, anchor)

    chart(BarChart, "Ý kiến theo lĩnh vực", FIELDS, (2, 5), "H3", bar=True, height=13)
    chart(BarChart, "Ý kiến theo giai đoạn", STAGE, (2, 2), "H30")
    chart(BarChart, "Quá hạn theo cơ quan", AGENCIES, (3, 3), "H47")
    chart(LineChart, "Qua các hội nghị", PLANS, (2, 5), "H64")


