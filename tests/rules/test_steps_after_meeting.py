"""A preparation step never marked done, its conference held: it stays "Quá hạn" (done or not,
no one recorded it) but its count of working days stops at the conference, and the clerk is told
what to record; a fresh-eyes trial read "Quá hạn 143 ngày làm việc" for the invitations of a
conference held half a year before.

Registries from the corpus generator (every kind of unit, years 2026-2030), through
`deadlines --write` and `deadlines` as the clerk runs them on a day drawn after the conference;
read from the saved workbook's Mốc thời gian and Kế hoạch and from the printed lines. Controls:
the same registry on the conference's own day (still counted), and the steps due after it.
"""
from __future__ import annotations

import datetime as dt
import glob
import random

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(8)


def _written(path: str, today: dt.date, out) -> dict[str, dict]:
    """Mốc thời gian as `deadlines --write` saved it: each plan step (no Mã ý kiến) by code,
    with the plan's Ngày hội nghị."""
    assert cli.main(["deadlines", path, "--today", today.isoformat(), "--write", "--out",
                     str(out)]) == 0
    wb = openpyxl.load_workbook(glob.glob(str(out))[0])
    plans = wb[schema.PLANS.name]
    meeting = plans.cell(2, schema.PLANS.keys.index("meeting_date") + 1).value.date()
    ws = wb[schema.MILESTONES.name]
    heads = [c.value for c in ws[1]]
    rows = [dict(zip(heads, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    return {r["Mã mốc"]: dict(r, meeting=meeting) for r in rows
            if r["Mã mốc"] and not r["Mã ý kiến"]}


def _day(value) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


@pytest.mark.parametrize("seed", SEEDS)
def test_a_step_due_by_a_held_conference_stops_counting_and_says_what_to_record(seed, tmp_path,
                                                                                  capsys):
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    rng = random.Random(seed)
    later = case.meeting + dt.timedelta(days=rng.randint(20, 400))
    much_later = later + dt.timedelta(days=rng.randint(30, 300))
    first = _written(path, later, tmp_path / "a.xlsx")
    second = _written(path, much_later, tmp_path / "b.xlsx")
    meeting = next(iter(first.values()))["meeting"]
    before = {c: r for c, r in first.items()
              if _day(r["Hạn"]) <= meeting and not r["Ngày hoàn thành"]}
    after = {c: r for c, r in first.items() if _day(r["Hạn"]) > meeting
             and not r["Ngày hoàn thành"] and r["Tình trạng"] == "Quá hạn"}
    assert before, "the generated plan has preparation steps"
    for code, r in before.items():
        assert r["Tình trạng"] == "Quá hạn" and r["Còn lại (ngày làm việc)"] is None, r
        assert second[code]["Tình trạng"] == "Quá hạn"
        assert second[code]["Còn lại (ngày làm việc)"] is None, second[code]
    for code, r in after.items():       # due after the conference: still counted, and growing
        assert r["Còn lại (ngày làm việc)"] < 0, r
        assert second[code]["Còn lại (ngày làm việc)"] < r["Còn lại (ngày làm việc)"]
    capsys.readouterr()
    assert cli.main(["deadlines", path, "--today", later.isoformat()]) == 0
    text = capsys.readouterr().out
    said = f"Quá hạn: chưa ghi Ngày hoàn thành, hội nghị đã họp ngày {meeting:%d/%m/%Y}"
    lines = [ln for ln in text.splitlines() if not ln.startswith(" " * 6)]
    for code in before:
        line = next(ln for ln in lines if f" {code}: " in ln)
        assert said in line, line
    for code in after:
        line = next(ln for ln in lines if f" {code}: " in ln)
        assert said not in line and "Quá hạn " in line and "ngày làm việc" in line, line


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_the_control_on_the_conference_day_the_step_is_still_counted(seed, tmp_path):
    """On the conference's own day it is not yet held: an unrecorded step due before it is
    counted as before (the clerk still has the day to record it)."""
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    steps = _written(path, case.meeting, tmp_path / "a.xlsx")
    meeting = next(iter(steps.values()))["meeting"]
    late = [r for r in steps.values() if _day(r["Hạn"]) < meeting and not r["Ngày hoàn thành"]]
    assert late
    for r in late:
        assert r["Tình trạng"] == "Quá hạn" and r["Còn lại (ngày làm việc)"] is not None, r


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_the_button_says_how_many_steps_wait_for_their_day(seed, tmp_path):
    """Tính hạn through xlwings' JSON book: its message counts the steps the saved workbook
    shows as overdue with no count (of those overdue), as many as there are."""
    import jsonbook
    from jsonbook import actions
    from doithoai import buttons
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    later = case.meeting + dt.timedelta(days=random.Random(seed).randint(20, 400))
    book = jsonbook.book(path)
    message = buttons.compute_deadlines(book, today=later)
    out = jsonbook.apply_actions(path, actions(book), str(tmp_path / "after.xlsx"))
    ws = openpyxl.load_workbook(out)[schema.MILESTONES.name]
    heads = [c.value for c in ws[1]]
    rows = [dict(zip(heads, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    overdue = [r for r in rows if r["Tình trạng"] == "Quá hạn"]
    waiting = [r for r in overdue if r["Còn lại (ngày làm việc)"] is None]
    assert waiting
    assert f"({len(overdue)} quá hạn, trong đó {len(waiting)} bước chuẩn bị chưa ghi Ngày " \
           "hoàn thành dù hội nghị đã họp" in message, message
