"""The fixed layout of the registry's Tổng hợp sheet: part of the workbook contract.

Only Excel writes into the open registry, and the product must never destroy a chart: so the
charts are defined once, in the blank template, over the fixed areas below, and the Cập nhật
Tổng hợp button writes values only, one block per area padded to the area's size. The blank
workbook (:mod:`doithoai.files.dashboard_sheet`) and the values
(:mod:`doithoai.monitoring.dashboard`) both read the areas from here.
"""
from __future__ import annotations

from dataclasses import dataclass

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
# One row per stage of doithoai.monitoring.chain.STAGES (a test holds them equal).
STAGE_ROWS = 6
STAGE = Area("2. Theo giai đoạn", ("Giai đoạn", "Số ý kiến"), 27, STAGE_ROWS)
AGENCIES = Area("3. Cơ quan còn nợ trả lời, giải quyết", ("Cơ quan", "Còn nợ", "Quá hạn"), 36, 20)
PLANS = Area("4. Qua các hội nghị", ("Hội nghị (Mã KH)", "Đã nêu", "Đã trả lời",
                                     "Đã giải quyết xong", "Hài lòng"), 59, 20)
AREAS = (FIELDS, STAGE, AGENCIES, PLANS)
# The charts sit below the tables, one per printed page, on rows the product never hides: the
# rows of an area not in use are hidden (charts plot visible cells only), so an anchor inside
# an area could vanish with them, and charts beside the tables would overlap.
CHART_TOP = PLANS.last + 3          # first row of the first chart's page
CHART_PAGE_ROWS = 34                # one landscape A4 page at the default row height
STAMP_ROW = 2
SHEET = "Tổng hợp"


def has_layout(grid) -> bool:
    return bool(grid) and bool(grid[0]) and grid[0][0] == LAYOUT_MARK
