"""The values of the registry's Tổng hợp sheet: one bulk block per fixed area.

The areas are part of the workbook contract (:mod:`doithoai.registry.dashboard_layout`); the
Cập nhật Tổng hợp button writes only values, one block per area (padded with blanks to the
area's fixed size), whatever the number of opinions, so the charts the blank template defines
over the areas survive every press. An older registry, whose Tổng hợp sheet predates this
layout, gets the same tables and a hint to copy the sheet from a new registry.
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry.changes import Block, Changes
from doithoai.registry.dashboard_layout import (AGENCIES, FIELDS, PLANS, SHEET, STAGE, STAMP_ROW,
                                                 Area)


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
             f"{t['overdue']}; đã trả lời nhưng muộn {t['answered_late']}, đã giải quyết xong "
             f"nhưng muộn {t['resolved_late']} (làm xong sau hạn, không tính vào quá hạn). Cập "
             f"nhật lúc {dt.datetime.now():%H:%M %d/%m/%Y}.")
    ch.blocks.append(Block(SHEET, STAMP_ROW, 0, ((stamp,),)))
    for area, rows in ((FIELDS, field_rows), (STAGE, stage_rows), (AGENCIES, agency_rows),
                       (PLANS, plan_rows)):
        ch.blocks.append(Block(SHEET, area.first, 0, _pad(rows, area)))
        # The chart over the area plots visible rows only: the rows in use are shown (at least
        # one), the padding hidden, so 1 or 20 categories both read well.
        used = min(max(1, len(rows)), area.rows)
        ch.rows_hidden.append((SHEET, area.first, area.first + used - 1, False))
        if used < area.rows:
            ch.rows_hidden.append((SHEET, area.first + used, area.last, True))
    more = [n for area, rows in ((FIELDS, field_rows), (AGENCIES, agency_rows))
            if len(rows) > area.rows for n in [f"{area.title}: {len(rows)} dòng, hiện "
                                               f"{area.rows} dòng đầu"]]
    ch.summary += more
    return ch
