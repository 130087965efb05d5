"""A date of something done, typed after the day validation is run for: named at its cell.

A fresh-eyes trial typed a reply dated after today (a slip of the month): validate said nothing
though it names a future Ngày nhận, and a report as of the month's end counted the reply as
given. Registries from the corpus generator (tests/corpus), run on a day drawn from the seed;
some rows' Ngày nhận, Ngày phân công, Ngày trả lời, Ngày giải quyết xong and the invitations'
Ngày gửi moved after that day; read through `doithoai validate --json`. The control: the same
registry before the move has no such finding.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(6)
OPINION_DATES = ("received_date", "assigned_date", "reply_date", "resolved_date")
NOT_YET = "sau hôm nay"


def _later(case, today: dt.date, rng) -> tuple:
    """The case with some dates moved after ``today``: (case, {(sheet, row, header)})."""
    moved = set()
    opinions = []
    for n, o in enumerate(case.opinions):
        if rng.random() < 0.5:
            key = rng.choice(OPINION_DATES)
            o = dict(o, **{key: (today + dt.timedelta(days=rng.randint(1, 400))).isoformat()})
            moved.add((schema.OPINIONS.name, n + 2, schema.OPINIONS.column(key).header))
        opinions.append(o)
    invitees = []
    for n, i in enumerate(case.invitees):
        if rng.random() < 0.3:
            i = dict(i, sent_date=(today + dt.timedelta(days=rng.randint(1, 60))).isoformat())
            moved.add((schema.INVITEES.name, n + 2, schema.INVITEES.column("sent_date").header))
        invitees.append(i)
    return dataclasses.replace(case, opinions=opinions, invitees=invitees), moved


def _not_yet(case, path: str, today: dt.date, capsys) -> set:
    capsys.readouterr()
    cli.main(["validate", saved(case, path), "--json", "--today", today.isoformat()])
    return {(p["sheet"], p["row"], p["column"]) for p in json.loads(capsys.readouterr().out)[
        "issues"] if p["code"] == "date-order-warning" and NOT_YET in p["message"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_date_of_something_done_after_today_is_named(seed, tmp_path, capsys):
    rng = random.Random(seed)
    case = make_case(seed)
    today = case.meeting + dt.timedelta(days=rng.randint(400, 800))  # after all it typed
    assert _not_yet(case, str(tmp_path / "a.xlsx"), today, capsys) == set()
    later, moved = _later(case, today, rng)
    assert moved
    assert _not_yet(later, str(tmp_path / "b.xlsx"), today, capsys) == moved


def test_the_property_fails_when_only_ngay_nhan_is_read(tmp_path, capsys, monkeypatch):
    """Planted: only a future Ngày nhận named (the check before)."""
    from doithoai.rules.validation import opinions
    monkeypatch.setattr(opinions, "_HAPPENED", opinions._HAPPENED[:1])
    with pytest.raises(AssertionError):
        test_every_date_of_something_done_after_today_is_named(0, tmp_path, capsys)
