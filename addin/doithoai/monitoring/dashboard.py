"""The registry's Tổng hợp sheet: fixed summary ranges, charts defined once, values in bulk.

Only Excel writes into the open registry, and the product must never destroy a chart: so the
charts are defined once, in the blank template, over the fixed ranges below; the Cập nhật Tổng
hợp button writes only values, one bulk block per summary table (padded with blanks to the
block's fixed size), whatever the number of opinions. An older registry, whose Tổng hợp sheet
predates this layout, gets the same tables and a hint to copy the sheet from a new registry.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from doithoai.registry.changes import Block, Changes
from doithoai.monitoring.chain import STAGES

LAYOUT_MARK = "TỔNG HỢP Ý KIẾN, KIẾN NGHỊ"   # A1 of the sheet in registries made since 0.2


@dataclass(frozen=True)
class Area:
    title: str
    header: tuple[str, ...]
    top: int          # the header's row (1-based); values start on the next row
    rows: int         # fixed number of value rows

    @property
    def first(self) -> int:
        return self.top + 1

    @property
    def last(self) -> int:
        return self.top + self.rows


FIELDS = Area("1. Theo lĩnh vực", ("Lĩnh vực", "Đã nêu", "Đã trả lời", "Đã giải quyết xong",
                                   "Hài lòng", "Quá hạn"), 4, 20)
STAGE = Area("2. Theo giai đoạn", ("Giai đoạn", "Số ý kiến"), 27, len(STAGES))
AGENCIES = Area("3. Cơ quan còn nợ trả lời, giải quyết", ("Cơ quan", "Còn nợ", "Quá hạn"), 36, 20)
PLANS = Area("4. Qua các hội nghị", ("Hội nghị (Mã KH)", "Đã nêu", "Đã trả lời",
                                     "Đã giải quyết xong", "Hài lòng"), 59, 20)
AREAS = (FIELDS, STAGE, AGENCIES, PLANS)
STAMP_ROW = 2
SHEET = "Tổng hợp"


def _pad(rows: list[tuple], area: Area) -> tuple[tuple, ...]:
    width = len(area.header)
    rows = [tuple(r) + (None,) * (width - len(r)) for r in rows[:area.rows]]
    return tuple(rows + [(None,) * width] * (area.rows - len(rows)))


def changes(reg, chains, as_of: dt.date) -> Changes:
    """One block of values per area, plus the stamp line."""
    from doithoai.monitoring.chain import summary
    sm = summary(reg, chains)
    keys = ("raised", "answered", "resolved", "satisfied", "overdue")
    field_rows = [(k,) + tuple(v[c] for c in keys) for k, v in sm["by_field"]]
    stage_rows = list(sm["by_stage"])
    agency_rows = [tuple(r) for r in sm["by_agency"]]
    plan_rows = [(k,) + tuple(v[c] for c in keys[:4]) for k, v in sm["by_plan"]][-PLANS.rows:]
    ch = Changes()
    t = sm["totals"]
    stamp = (f"Tính đến {as_of:%d/%m/%Y}: {t['raised']} ý kiến; đã trả lời {t['answered']}; đã "
             f"giải quyết xong {t['resolved']}; người nêu hài lòng {t['satisfied']}; quá hạn "
             f"{t['overdue']}. Cập nhật lúc {dt.datetime.now():%H:%M %d/%m/%Y}.")
    ch.blocks.append(Block(SHEET, STAMP_ROW, 0, ((stamp,),)))
    for area, rows in ((FIELDS, field_rows), (STAGE, stage_rows), (AGENCIES, agency_rows),
                       (PLANS, plan_rows)):
        ch.blocks.append(Block(SHEET, area.first, 0, _pad(rows, area)))
    more = [n for area, rows in ((FIELDS, field_rows), (AGENCIES, agency_rows))
            if len(rows) > area.rows for n in [f"{area.title}: {len(rows)} dòng, hiện "
                                               f"{area.rows} dòng đầu"]]
    ch.summary += more
    return ch


# --- the layout and charts of the blank template -----------------------------------------------------

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


def has_layout(grid) -> bool:
    return bool(grid) and bool(grid[0]) and grid[0][0] == LAYOUT_MARK
