"""The working-day calendar against the official schedules (deadlines.md)."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from doithoai.registry import schema
from doithoai.rules.workcalendar import OverrideDay, WorkCalendar

D = dt.date
OFFICIAL_2026 = [OverrideDay(D(2026, 1, 2), "Nghỉ"), OverrideDay(D(2026, 1, 10), "Làm bù")]


def sample_overrides():
    from doithoai.registry.parsing import parse_date
    return [OverrideDay(parse_date(o["date"]), o["kind"]) for o in schema.DEFAULT_OVERRIDES]


def test_2025_has_the_250_working_days_of_the_official_schedule():
    cal = WorkCalendar()
    assert cal.working_days_in_year(2025) == 250
    # Tết 25/1-2/2, Fri 2/5 off with Sat 26/4 worked, 1/9-2/9 off.
    assert not cal.is_working_day(D(2025, 1, 27)) and not cal.is_working_day(D(2025, 1, 31))
    assert cal.is_working_day(D(2025, 2, 3))
    assert cal.is_working_day(D(2025, 4, 26)) and not cal.is_working_day(D(2025, 5, 2))
    assert not cal.is_working_day(D(2025, 9, 1)) and not cal.is_working_day(D(2025, 9, 2))


def test_2026_with_the_sample_overrides():
    bare = WorkCalendar()
    assert bare.is_working_day(D(2026, 1, 2))          # the package misses this day off
    assert not bare.is_working_day(D(2026, 1, 10))     # and this Saturday worked
    cal = WorkCalendar(sample_overrides())
    assert not cal.is_working_day(D(2026, 1, 2))
    assert cal.is_working_day(D(2026, 1, 10))
    assert cal.is_working_day(D(2026, 8, 22)) and not cal.is_working_day(D(2026, 8, 31))
    assert not cal.is_working_day(D(2026, 4, 27))      # Hùng Kings falls on Sun 26/4
    assert not cal.is_working_day(D(2026, 4, 30)) and not cal.is_working_day(D(2026, 5, 1))
    assert cal.is_working_day(D(2026, 11, 24))         # Không nghỉ row
    assert cal.working_days_in_year(2026) == 250
    assert bare.working_days_in_year(2026) == 249


def test_tet_2026():
    cal = WorkCalendar(OFFICIAL_2026)
    off = [D(2026, 2, d) for d in range(14, 23)]
    assert not any(cal.is_working_day(d) for d in off)
    assert cal.is_working_day(D(2026, 2, 13)) and cal.is_working_day(D(2026, 2, 23))
    out = cal.add_working_days(D(2026, 2, 13), 1)
    assert out.date == D(2026, 2, 23)
    assert len(out.moved_by) == 9
    assert "Tết Nguyên Đán" in out.explain()
    assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1


def test_roll_forward_over_holidays_and_weekend():
    cal = WorkCalendar(OFFICIAL_2026)
    out = cal.add_days(D(2026, 4, 23), 7)               # Thu 30/4, Fri 1/5, weekend
    assert out.date == D(2026, 5, 4)
    assert [m.date.day for m in out.moved_by] == [30, 1, 2, 3]
    assert "chuyển sang ngày làm việc tiếp theo" in out.explain()
    assert cal.add_days(D(2026, 6, 1), 5).date == D(2026, 6, 8)   # Sat 6/6 → Mon 8/6


def test_roll_back_over_holidays_and_weekend():
    cal = WorkCalendar(OFFICIAL_2026)
    assert cal.days_before(D(2026, 6, 12), 7).date == D(2026, 6, 5)   # seed 003
    out = cal.days_before(D(2026, 5, 4), 3)              # Fri 1/5, Thu 30/4 are holidays
    assert out.date == D(2026, 4, 29)
    assert "lùi về ngày làm việc liền trước" in out.explain()
    assert cal.days_before(D(2026, 6, 15), 2).date == D(2026, 6, 12)  # Sat 13/6 → Fri 12/6


def test_seed_003_working_day_examples():
    cal = WorkCalendar(OFFICIAL_2026)
    assert cal.add_working_days(D(2026, 6, 12), 10).date == D(2026, 6, 26)
    assert cal.add_working_days(D(2026, 6, 12), 15).date == D(2026, 7, 3)


def test_overrides_win_and_explain_themselves():
    cal = WorkCalendar([OverrideDay(D(2026, 6, 15), "Nghỉ", "Bầu cử bổ sung"),
                        OverrideDay(D(2026, 6, 13), "Làm bù", "Làm bù"),
                        OverrideDay(D(2026, 9, 2), "Không nghỉ")])
    assert not cal.is_working_day(D(2026, 6, 15))
    assert "Bầu cử bổ sung" in cal.day(D(2026, 6, 15)).reason
    assert cal.is_working_day(D(2026, 6, 13))
    assert cal.is_working_day(D(2026, 9, 2))
    out = cal.add_working_days(D(2026, 6, 12), 2)
    assert out.date == D(2026, 6, 16)   # Sat 13 worked (1), Sun 14 off, Mon 15 off, Tue 16 (2)


def test_later_years_are_provisional():
    cal = WorkCalendar()
    assert not cal.is_provisional(2026) and cal.is_provisional(2027)
    out = cal.add_working_days(D(2027, 2, 1), 5)
    assert out.provisional and "dự kiến" in out.explain()
    assert not cal.add_days(D(2026, 6, 1), 3).provisional


# --- properties -----------------------------------------------------------------------------

dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))
overrides = st.lists(st.builds(OverrideDay, dates, st.sampled_from(["Nghỉ", "Làm bù",
                                                                     "Không nghỉ"])),
                     max_size=12)


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=0, max_value=60), overrides)
def test_adding_working_days_lands_on_a_working_day_and_counts_back(start, n, ovr):
    cal = WorkCalendar(ovr)
    end = cal.add_working_days(start, n).date
    if n > 0:
        assert cal.is_working_day(end)
    assert cal.working_days_between(start, end) == n


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=1, max_value=60), overrides)
def test_subtracting_working_days_counts_back(start, n, ovr):
    cal = WorkCalendar(ovr)
    end = cal.add_working_days(start, -n).date
    assert cal.is_working_day(end)
    # Counting back, the start day is not counted: the working days in [end, start) are n.
    span = (start - end).days
    assert sum(cal.is_working_day(end + dt.timedelta(days=i)) for i in range(span)) == n


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=0, max_value=40), overrides)
def test_calendar_rolls_land_on_working_days(start, n, ovr):
    cal = WorkCalendar(ovr)
    fwd, back = cal.add_days(start, n), cal.days_before(start, n)
    assert cal.is_working_day(fwd.date) and fwd.date >= start + dt.timedelta(days=n)
    assert cal.is_working_day(back.date) and back.date <= start - dt.timedelta(days=n)
    # Nothing between the raw target and the rolled date is a working day.
    for d in (start + dt.timedelta(days=n) + dt.timedelta(days=i)
              for i in range((fwd.date - start).days - n)):
        assert not cal.is_working_day(d)


@settings(max_examples=200, deadline=None)
@given(dates, st.sampled_from(["Nghỉ", "Làm bù", "Không nghỉ"]))
def test_overrides_always_win(day, kind):
    cal = WorkCalendar([OverrideDay(day, kind)])
    if kind == "Nghỉ":
        assert not cal.is_working_day(day)
    elif kind == "Làm bù":
        assert cal.is_working_day(day)
    else:   # cancels a package holiday: never off because of one; a weekend stays a weekend
        info = cal.day(day)
        assert not (info.source == "holiday" and not info.working)
        if day.weekday() < 5:
            assert info.working


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(2025, 1, 10), dt.date(2028, 12, 20)), st.integers(0, 60),
       st.booleans())
def test_a_calendar_day_count_is_provisional_only_by_the_days_it_rests_on(start, n, forward):
    """N calendar days before or after a day: the days between are not looked at, only the day
    reached and those a roll passes. So "14/01/2027 − 25 ngày" = 18/12/2026 rests on 2026
    alone, an official year: never marked dự kiến (it was, the start lying in 2027)."""
    from doithoai.rules.workcalendar import LAST_CONFIRMED_YEAR
    cal = WorkCalendar()
    out = cal.add_days(start, n) if forward else cal.days_before(start, n)
    target = start + dt.timedelta(days=n if forward else -n)
    looked_at = {target.year, out.date.year}
    assert out.provisional == any(y > LAST_CONFIRMED_YEAR for y in looked_at), \
        (start, n, forward, out.date)


def test_a_working_day_count_across_an_unofficial_year_is_provisional():
    """Working days are counted one by one: a date in 2026 counted back from 2027 rests on
    2027's days, and is provisional."""
    out = WorkCalendar().add_working_days(dt.date(2027, 1, 14), -10)
    assert out.date.year == 2026 and out.provisional
