"""A monitoring report "tính đến" a past day counts what the registry held that day, not what it
holds now.

A fresh-eyes trial: the year-end report for 31/12/2026, made in January from the registry as it
then was, counted a conference of March 2027 and its opinions, replies dated January as given
and resolutions dated January as done. Registries from the corpus generator (tests/corpus),
each saved twice: as generated, and after later events (replies and resolutions dated after the
day, their statuses advanced as a clerk types them, new opinions received after it); both
through `doithoai monitor --as-of DAY`; the two workbooks, read back, must say the same.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import days_around, saved
from doithoai import cli

SEEDS = range(8)
MOMENT = ("Lập lúc", "Số liệu như sổ ghi đến hết ngày")      # lines that differ by design


def _consistent(o: dict) -> bool:
    """A row whose typed status is the one its cells support (a clerk advances it from there)."""
    if o.get("duplicate_of") or o.get("answered_at_meeting") == "Có" or o.get("reply_number"):
        return False
    return (o["status"] == "Mới" and not o.get("agency")) or \
        (o["status"] == "Đã phân công" and bool(o.get("agency")))


def _later(case, day: dt.date, rng: random.Random):
    """The case after ``day``: some opinions replied to, some resolved, three new ones."""
    def after() -> str:
        return (day + dt.timedelta(days=rng.randint(1, 60))).isoformat()
    opinions, advanced = [], 0
    for o in case.opinions:
        if _consistent(o) and rng.random() < 0.6:
            o = dict(o, reply_number=f"{rng.randint(400, 900)}/UBND-VP", reply_date=after(),
                     answer="Đã có văn bản trả lời.", status="Đã trả lời bằng văn bản")
            if rng.random() < 0.5:
                o.update(resolved_date=(day + dt.timedelta(days=61)).isoformat(),
                         status="Đã giải quyết", satisfaction="Hài lòng")
            advanced += 1
        opinions.append(o)
    first = case.opinions[0]
    for n in range(3):
        opinions.append(dict(first, opinion_id=f"{first['opinion_id'][:-3]}9{n:02d}",
                             received_date=after(), source="Văn bản", status="Mới",
                             agency=None, competence=None, answered_at_meeting=None, answer=None,
                             reply_number=None, reply_date=None, resolved_date=None,
                             assigned_date=None, satisfaction=None, duplicate_of=None,
                             content=f"Đề nghị mới nêu sau ngày báo cáo, số {n + 1}."))
    return dataclasses.replace(case, opinions=opinions), advanced


def _report(path: str, out: str, day: dt.date, capsys) -> tuple[dict, str]:
    """The workbook's sheets as their reader sees them (the moment it was made aside), and
    what the command said."""
    cli.main(["monitor", path, "--as-of", day.isoformat(), "--out", out])
    said = capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    sheets = {ws.title: [row for row in ws.iter_rows(values_only=True)
                         if not (isinstance(row[0], str) and row[0].startswith(MOMENT))]
              for ws in wb.worksheets if ws.title != "Nhận dạng"}
    return sheets, said


@pytest.mark.parametrize("seed", SEEDS)
def test_a_report_as_of_a_day_counts_what_the_registry_held_that_day(seed, tmp_path, capsys):
    case = make_case(seed)
    _, day = days_around(case)
    grown, advanced = _later(case, day, random.Random(seed))
    then, said_then = _report(saved(case, str(tmp_path / "khi-do.xlsx")),
                              str(tmp_path / "a.xlsx"), day, capsys)
    now, said_now = _report(saved(grown, str(tmp_path / "bay-gio.xlsx")),
                            str(tmp_path / "b.xlsx"), day, capsys)
    assert set(now) == set(then)
    for title in then:
        assert now[title] == then[title], (title, advanced)
    first = said_then.splitlines()[0].split(": ", 1)[1]
    assert said_now.splitlines()[0].split(": ", 1)[1] == first       # the counts it prints
    assert "không tính những gì sổ ghi sau ngày đó: " in said_now and \
        "ý kiến nhận sau ngày đó" in said_now, said_now


def test_the_later_events_change_the_report_of_today(tmp_path, capsys):
    """The control: the same registries as of a day after every event differ, so the test
    above compares reports the later events could change."""
    changed = 0
    for seed in SEEDS:
        case = make_case(seed)
        _, day = days_around(case)
        grown, _ = _later(case, day, random.Random(seed))
        far = day + dt.timedelta(days=400)
        then, _ = _report(saved(case, str(tmp_path / f"a{seed}.xlsx")),
                          str(tmp_path / f"ma{seed}.xlsx"), far, capsys)
        now, _ = _report(saved(grown, str(tmp_path / f"b{seed}.xlsx")),
                         str(tmp_path / f"mb{seed}.xlsx"), far, capsys)
        changed += then != now
    assert changed == len(SEEDS)
