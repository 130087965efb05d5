"""A resolution typed half: "Đã giải quyết" without its day, or a day beside a status that says
the work goes on. Validate names the cell to complete.

A fresh-eyes trial: an opinion marked "Đã giải quyết" with no Ngày giải quyết xong was counted
resolved by the monitoring workbook's table of stages and not by its headline, settled for
carry-over and not for forgetting the citizen's phone; "Đang giải quyết" with a day of
resolution passed silently. Registries from the corpus generator (tests/corpus), some opinions
made half-typed by a seeded draw, through `doithoai validate --json`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli

SEEDS = range(6)


def _issues(case, path: str, capsys) -> list[dict]:
    cli.main(["validate", saved(case, path), "--json"])
    return json.loads(capsys.readouterr().out)["issues"]


def test_a_half_typed_resolution_is_named(tmp_path, capsys):
    tried = 0
    for seed in SEEDS:
        tried += _half_typed(seed, tmp_path, capsys)
    assert tried >= 10, tried


def _half_typed(seed: int, tmp_path, capsys) -> int:
    """One seed's registry, half-typed: how many opinions were made so (each checked)."""
    rng = random.Random(seed)
    case = make_case(seed)
    opinions, undated, going_on = [], set(), set()
    for n, o in enumerate(case.opinions):
        if o.get("duplicate_of") or o["status"] == "Đã chuyển cấp trên" or rng.random() < 0.4:
            opinions.append(o)
        elif rng.random() < 0.5:
            opinions.append(dict(o, status="Đã giải quyết", resolved_date=None))
            undated.add(o["opinion_id"])
        else:
            opinions.append(dict(o, status="Đang giải quyết", agency=o.get("agency") or
                                 "Văn phòng HĐND và UBND",
                                 resolved_date=(case.meeting + dt.timedelta(days=20)).isoformat()))
            going_on.add(o["opinion_id"])
    typed = dataclasses.replace(case, opinions=opinions)
    rows = {o["opinion_id"]: n + 2 for n, o in enumerate(opinions)}
    found = _issues(typed, str(tmp_path / f"so-{seed}.xlsx"), capsys)
    doubts = {(p["row"], p["column"]) for p in found
              if p["code"] == "status-doubt" and p["sheet"] == "Ý kiến"}
    for oid in undated:
        assert (rows[oid], "Ngày giải quyết xong") in doubts, (seed, oid)
    for oid in going_on:
        assert (rows[oid], "Trạng thái") in doubts, (seed, oid)
    return len(undated) + len(going_on)
