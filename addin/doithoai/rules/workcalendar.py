"""The working-day calendar of a commune office (docs/deadlines.md).

Layers, the later winning over the earlier:
1. Saturday and Sunday are rest days.
2. Official holidays and announced swaps from the pinned ``holidays`` package (country VN):
   Labour Code 2019, Art. 112, with nghỉ bù and the Prime Minister's yearly decisions.
3. The registry's Ngày nghỉ sheet: ``Nghỉ`` (an extra day off), ``Làm bù`` (a weekend day
   worked), ``Không nghỉ`` (cancel a package holiday). Overrides always win.

Years after the last officially confirmed schedule are the package's guess and are marked
provisional ("dự kiến"). Every operation returns an :class:`Outcome` that can explain itself
in Vietnamese: which rule, how many days, and which holidays or overrides moved the date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from doithoai.registry.parsing import MAX_YEAR, MIN_YEAR
from doithoai.text.vnformat import short_date, weekday

# Schedules checked against the government's notices (deadlines.md). Later years: provisional.
OFFICIAL_SCHEDULES = {
    2025: "lịch nghỉ chính thức năm 2025 (250 ngày làm việc)",
    2026: "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
}
LAST_CONFIRMED_YEAR = max(OFFICIAL_SCHEDULES)

OFF, WORKED, NOT_OFF = "Nghỉ", "Làm bù", "Không nghỉ"

# The calendar serves the registry's plausible years (doithoai.registry.parsing refuses any
# other date where it reads it) and a year either side for deadlines across New Year.
FIRST_YEAR, LAST_YEAR = MIN_YEAR - 1, MAX_YEAR + 1


class OutsideCalendar(ValueError):
    """A date outside the years the calendar serves: refused at once, never walked to."""

    def __init__(self, d: dt.date):
        super().__init__(f"Ngày {d:%d/%m/%Y} nằm ngoài khoảng năm {FIRST_YEAR}-{LAST_YEAR} mà "
                         "lịch làm việc tính được: kiểm tra lại năm.")
        self.date = d


def fmt_long(d: dt.date) -> str:
    """"thứ Sáu 05/03/2027": the calendar's way of naming a day in its explanations."""
    return f"{weekday(d)} {short_date(d)}"


@dataclass(frozen=True)
class Day:
    date: dt.date
    working: bool
    reason: str            # why it is (not) a working day, in Vietnamese
    source: str            # "weekend", "holiday", "override", "normal"
    provisional: bool = False


@dataclass(frozen=True)
class OverrideDay:
    date: dt.date
    kind: str               # Nghỉ / Làm bù / Không nghỉ
    reason: str = ""
    basis: str = ""


@dataclass
class Outcome:
    date: dt.date
    lines: list[str] = field(default_factory=list)   # the reasoning, in Vietnamese
    moved_by: list[Day] = field(default_factory=list)  # non-working days skipped or rolled over
    provisional: bool = False

    def explain(self) -> str:
        return "\n".join(self.lines)


class WorkCalendar:
    def __init__(self, overrides: Iterable[OverrideDay] = ()):
        self.overrides: dict[dt.date, OverrideDay] = {}
        for o in overrides:
            self.overrides[o.date] = o
        self._holidays: dict[int, object] = {}
        self._days: dict[dt.date, Day] = {}            # memo of day()
        self._prefix: dict[int, list[int]] = {}        # year → working days through day i
        self._between: dict[tuple, int] = {}           # (a, b) → working days between them

    # -- the layers ---------------------------------------------------------------------------
    def _package(self, year: int):
        if year not in self._holidays:
            import holidays
            self._holidays[year] = holidays.country_holidays("VN", years=year, language="vi")
        return self._holidays[year]

    def is_provisional(self, year: int) -> bool:
        return year > LAST_CONFIRMED_YEAR

    def day(self, d: dt.date) -> Day:
        info = self._days.get(d)
        if info is None:
            if not FIRST_YEAR <= d.year <= LAST_YEAR:
                raise OutsideCalendar(d)
            info = self._days[d] = self._day(d)
        return info

    def _day(self, d: dt.date) -> Day:
        prov = self.is_provisional(d.year)
        o = self.overrides.get(d)
        weekend = d.weekday() >= 5
        if o is not None:
            why = f" ({o.reason})" if o.reason else ""
            if o.kind == OFF:
                return Day(d, False, f"ngày nghỉ theo trang Ngày nghỉ{why}", "override", prov)
            if o.kind == WORKED:
                return Day(d, True, f"ngày làm bù theo trang Ngày nghỉ{why}", "override", prov)
            if o.kind == NOT_OFF and not weekend:
                return Day(d, True, f"không nghỉ theo trang Ngày nghỉ{why}", "override", prov)
        pkg = self._package(d.year)
        name = pkg.get(d)
        if name and not (o is not None and o.kind == NOT_OFF):
            note = " (dự kiến)" if prov else ""
            return Day(d, False, f"nghỉ lễ: {name}{note}", "holiday", prov)
        if weekend:
            if d in pkg.weekend_workdays:
                return Day(d, True, "ngày làm bù theo lịch nghỉ của Chính phủ", "holiday", prov)
            return Day(d, False, "ngày nghỉ cuối tuần", "weekend", prov)
        return Day(d, True, "ngày làm việc", "normal", prov)

    def is_working_day(self, d: dt.date) -> bool:
        return self.day(d).working

    # -- operations ---------------------------------------------------------------------------
    def add_working_days(self, start: dt.date, n: int) -> Outcome:
        """N working days after (n > 0) or before (n < 0) ``start``; ``start`` is not counted."""
        step = 1 if n >= 0 else -1
        d, counted, skipped = start, 0, []
        while counted < abs(n):
            d += dt.timedelta(days=step)
            info = self.day(d)
            if info.working:
                counted += 1
            else:
                skipped.append(info)
        word = "sau" if step > 0 else "trước"
        out = Outcome(d, moved_by=skipped)
        out.lines.append(f"{fmt_long(start)}: không tính ngày này; đếm {abs(n)} ngày làm việc "
                         f"{word} → {fmt_long(d)}.")
        if skipped:
            out.lines.append("Bỏ qua các ngày không làm việc: " + "; ".join(
                f"{fmt_long(s.date)} ({s.reason})" for s in skipped) + ".")
        self._provisional(out, start, d)
        return out

    def add_days(self, start: dt.date, n: int) -> Outcome:
        """N calendar days after ``start``; a non-working end rolls forward to the next working day."""
        target = start + dt.timedelta(days=n)
        out = Outcome(target)
        out.lines.append(f"{fmt_long(start)} + {n} ngày = {fmt_long(target)}.")
        self._roll(out, target, +1)
        self._provisional(out, target, out.date)     # the days between are not looked at
        return out

    def days_before(self, start: dt.date, n: int) -> Outcome:
        """No later than N calendar days before ``start``; a non-working day rolls back."""
        target = start - dt.timedelta(days=n)
        out = Outcome(target)
        out.lines.append(f"{fmt_long(start)} − {n} ngày = {fmt_long(target)}.")
        self._roll(out, target, -1)
        self._provisional(out, target, out.date)     # the days between are not looked at
        return out

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b] when a ≤ b; minus the working days in (b, a] otherwise."""
        if a == b:
            return 0
        known = self._between.get((a, b))
        if known is not None:       # a registry asks for the same pair thousands of times
            return known
        for d in (a, b):
            if not FIRST_YEAR <= d.year <= LAST_YEAR:
                raise OutsideCalendar(d)
        lo, hi, sign = (a, b, 1) if a < b else (b, a, -1)
        whole_years = sum(self._year_prefix(y)[-1] for y in range(lo.year, hi.year))
        known = self._between[(a, b)] = sign * (whole_years + self._through(hi) -
                                                self._through(lo))
        return known

    def _year_prefix(self, year: int) -> list[int]:
        """p[i] = working days among the first i days of ``year`` (p[0] = 0)."""
        p = self._prefix.get(year)
        if p is None:
            p, count, d = [0], 0, dt.date(year, 1, 1)
            while d.year == year:
                count += self.is_working_day(d)
                p.append(count)
                d += dt.timedelta(days=1)
            self._prefix[year] = p
        return p

    def _through(self, d: dt.date) -> int:
        return self._year_prefix(d.year)[d.timetuple().tm_yday]

    def working_days_in_year(self, year: int) -> int:
        start = dt.date(year, 1, 1)
        return self.working_days_between(start - dt.timedelta(days=1), dt.date(year, 12, 31))

    # -- helpers ------------------------------------------------------------------------------
    def _roll(self, out: Outcome, target: dt.date, step: int) -> None:
        d = target
        while True:
            info = self.day(d)
            if info.working:
                break
            out.moved_by.append(info)
            d += dt.timedelta(days=step)
        if d != target:
            word = "lùi về ngày làm việc liền trước" if step < 0 else \
                "chuyển sang ngày làm việc tiếp theo"
            reasons = "; ".join(f"{fmt_long(m.date)}: {m.reason}" for m in out.moved_by)
            out.lines.append(f"Ngày đó không phải ngày làm việc ({reasons}): {word}, "
                             f"{fmt_long(d)}.")
        out.date = d

    def _provisional(self, out: Outcome, a: dt.date, b: dt.date) -> None:
        """The result is provisional when a day it was worked out from (``a`` to ``b``) lies in
        a year whose schedule is not yet official."""
        years = sorted({y for y in range(min(a, b).year, max(a, b).year + 1)
                        if self.is_provisional(y)})
        if years:
            out.provisional = True
            out.lines.append("Lưu ý: lịch nghỉ năm " + ", ".join(map(str, years)) +
                             " chưa được công bố chính thức; kết quả là dự kiến.")
