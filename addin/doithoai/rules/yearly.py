"""At least one dialogue conference a year (Luật Tổ chức chính quyền địa phương 2025, Điều 43).

A year that is over without a conference is said plainly. The current year is judged only once
it matters: the law asks for one conference in the year, not one by February, so a registry
whose plans are all of last year (or a new one) is not warned early in the year. The warning
comes when the last day a plan can still be issued in time draws near, and names that day: the
due day of the earliest step before the meeting that the registry's Quy tắc thời hạn set, for a
conference on the year's last working day (with the default rules, PHAT_PHIEU, 25 days before:
early December). The deadline engine (rules/deadlines.py) counts that day back with its rules.
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry import schema
from doithoai.registry.model import Registry, Rule
from doithoai.registry.problems import Problem, make
from doithoai.text.vnformat import short_date

# How long before the last day a plan can be issued the clerk is told: about two months, the
# time to agree a date with the Front, put it on the People's Committee's agenda and issue the
# plan. Earlier in the year a missing conference is not a fault.
REMIND_DAYS = 60


def yearly_coverage(reg: Registry, today: dt.date, meeting: dt.date, first: dt.date,
                    rule: Rule | None) -> list[Problem]:
    """A year up to today with no conference. ``meeting``: this year's last working day;
    ``first``: the due day of ``rule``, the earliest step before a conference that day (the
    meeting itself when no rule sets one). Not judged while a plan's Ngày hội nghị cannot be
    read: that plan may be the year's conference, and its cell has an error of its own."""
    if any(p.code in ("date-unreadable", "date-out-of-range") and p.sheet == schema.PLANS.name
           and p.column == schema.PLANS.column("meeting_date").header for p in reg.problems):
        return []
    years = {p.meeting_date.year for p in reg.plans if p.meeting_date and not p.cancelled}
    found = [make("no-conference-in-year", schema.PLANS.name, year=y)
             for y in range(min(years, default=today.year), today.year) if y not in years]
    if today.year in years or today < first - dt.timedelta(days=REMIND_DAYS):
        return found
    late = today > first
    when = (f", và đã qua ngày {short_date(first)}, ngày cuối cùng kế hoạch ban hành còn kịp "
            "mọi mốc chuẩn bị" if late else f": muốn tổ chức trong năm, kế hoạch cần ban hành "
            f"chậm nhất ngày {short_date(first)}")
    return found + [make("no-conference-in-year", schema.PLANS.name, year=today.year,
                         when=when, how=_why_that_day(first, meeting, rule, late))]


def _why_that_day(first: dt.date, meeting: dt.date, rule: Rule | None, late: bool) -> str:
    """The hint's second sentence: where the last day comes from, and what is left once past."""
    why = (f" Ngày {short_date(first)} là hạn của mốc {rule.code} ({rule.task or 'chuẩn bị'}: "
           f"{rule.days} {rule.day_kind} trước hội nghị) khi hội nghị họp ngày "
           f"{short_date(meeting)}, ngày làm việc cuối năm, theo Quy tắc thời hạn của sổ"
           if rule else f" Ngày {short_date(first)} là ngày làm việc cuối năm (Quy tắc thời hạn "
           "của sổ không đặt bước chuẩn bị nào trước hội nghị)")
    return why + ("; vẫn có thể tổ chức trước hết năm với thời gian chuẩn bị ngắn hơn (ghi lý do "
                  "ở Ghi chú của kế hoạch), hoặc báo cáo cấp trên lý do chưa tổ chức." if late
                  else ".")
