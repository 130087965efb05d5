"""The law asks for a dialogue conference at least once a year (Điều 43), not by February.

A trial: `validate` on a registry whose plans were all of last year, run on 10 February, warned
"Chưa có hội nghị đối thoại nào trong năm 2027", as did a new registry in February. Now a year
that is over without a conference is still warned of; the current year only from 60 days before
the last day a plan can be issued in time, a day the warning names: the due day of the earliest
step the registry's rules set before a conference on the year's last working day (rules/yearly.py).

Registries from the corpus generator (tests/corpus), their earliest step moved by a seeded number
of days or switched off, checked through `validate --json` on days drawn from each stretch of the
next year, against a last day worked out here with weekends alone (December has no public
holiday in Vietnam).
"""
from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import parsing, schema

CODE = "no-conference-in-year"
SEEDS = range(6)


def _working_back(d: dt.date) -> dt.date:
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


def _last_day(year: int, lead: int) -> dt.date:
    """A conference on the year's last working day, its earliest step ``lead`` calendar days
    before it (a day off rolls back)."""
    return _working_back(_working_back(dt.date(year, 12, 31)) - dt.timedelta(days=lead))


def _rules(rng: random.Random) -> tuple[list[dict], int]:
    """The default rules with the earliest step before the meeting (PHAT_PHIEU) moved to 26-34
    days, or switched off (THU_PHIEU's 21 days lead then); its lead."""
    rules = [dict(r) for r in schema.DEFAULT_RULES]
    first = next(r for r in rules if r["code"] == "PHAT_PHIEU")
    if rng.random() < 0.3:
        first["enabled"] = schema.NO
        return rules, next(r["days"] for r in rules if r["code"] == "THU_PHIEU")
    first["days"] = rng.randint(26, 34)
    return rules, first["days"]


def _findings(path: str, today: dt.date, capsys) -> dict[int, dict]:
    """The year → the no-conference finding `validate --json` gives on ``today``."""
    capsys.readouterr()
    cli.main(["validate", path, "--json", "--today", today.isoformat()])
    issues = json.loads(capsys.readouterr().out)["issues"]
    return {int(i["message"].split("trong năm ")[1][:4]): i for i in issues if i["code"] == CODE}


def _day_between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_year_after_the_last_conference(seed, tmp_path, capsys):
    rng = random.Random(seed * 101 + 7)
    case = make_case(seed)
    rules, lead = _rules(rng)
    path = saved(case, str(tmp_path / "so.xlsx"), more={"rules": rules})
    held = parsing.parse_date(case.plan["meeting_date"]).year
    year = held + 1
    last = _last_day(year, lead)
    early = _day_between(rng, dt.date(year, 1, 1), last - dt.timedelta(days=61))
    assert _findings(path, early, capsys) == {}, early              # February is early
    near = _day_between(rng, last - dt.timedelta(days=60), last)
    found = _findings(path, near, capsys)
    assert list(found) == [year] and found[year]["severity"] == "warning", near
    assert f"kế hoạch cần ban hành chậm nhất ngày {last:%d/%m/%Y}" in found[year]["message"]
    assert "Điều 43" in found[year]["hint"] and f"{last:%d/%m/%Y}" in found[year]["hint"]
    late = _day_between(rng, last + dt.timedelta(days=1), dt.date(year, 12, 31))
    found = _findings(path, late, capsys)
    assert list(found) == [year] and f"đã qua ngày {last:%d/%m/%Y}" in found[year]["message"]
    after = _day_between(rng, dt.date(year + 1, 1, 1), dt.date(year + 1, 3, 31))
    found = _findings(path, after, capsys)                          # the year is over
    assert list(found) == [year], after
    assert found[year]["message"] == f"Chưa có hội nghị đối thoại nào trong năm {year}."


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_the_year_of_a_conference_is_never_warned_of(seed, tmp_path, capsys):
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    held = parsing.parse_date(case.plan["meeting_date"]).year
    for today in (dt.date(held, 1, 2), dt.date(held, 11, 20), dt.date(held, 12, 31)):
        assert _findings(path, today, capsys) == {}, today


def test_a_new_registry_in_february_and_in_december(tmp_path, capsys):
    path = str(tmp_path / "so-moi.xlsx")
    assert cli.main(["init", path]) == 0
    for year in (2027, 2028, 2029):
        assert _findings(path, dt.date(year, 2, 10), capsys) == {}
        found = _findings(path, dt.date(year, 12, 20), capsys)
        assert list(found) == [year]
        assert f"đã qua ngày {_last_day(year, 25):%d/%m/%Y}" in found[year]["message"]
