"""A status typed with a word that turns it around is never hinted as its opposite.

A fresh-eyes trial typed "Đã hủy" for a cancelled conference and was asked "Có phải là 'Đã tổ
chức'?"; "Chưa giải quyết" drew "Đã giải quyết", "Hoãn" drew "Hoàn thành". Registries from the
corpus generator (tests/corpus), an opinion's and the plan's Trạng thái retyped from a seeded
draw (a list value with "chưa", "không", "hủy", "hoãn", "dừng" put in, in any case, with or
without accents), through `doithoai validate --json`; the hint is read as the clerk reads it.
The control: a value with a typing slip only is still hinted as the value meant.
"""
from __future__ import annotations

import dataclasses
import json
import random

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(6)
TURNING = ("Chưa", "Không", "Đã hủy", "Hoãn", "Tạm dừng", "chua", "KHÔNG")


def _turned(value: str, rng: random.Random) -> str:
    words = value.split()
    word = rng.choice(TURNING)
    if words[0] == "Đã" and rng.random() < 0.5:
        return " ".join([word] + words[1:])         # "Chưa giải quyết"
    return f"{word} {value[:1].lower()}{value[1:]}" if rng.random() < 0.5 else word


def _hints(case, path: str, capsys) -> dict[tuple[str, int], str]:
    cli.main(["validate", saved(case, path), "--json"])
    return {(p["sheet"], p["row"]): p["hint"] for p in json.loads(capsys.readouterr().out)[
        "issues"] if p["code"] == "not-in-list" and p["column"] == "Trạng thái"}


def _named(hint: str, values) -> list[str]:
    return [v for v in values if f'"{v}"' in hint]


def _unturned(values) -> list[str]:
    """The list values that carry no turning word themselves: a value typed with "hủy" may be
    hinted as "Đã hủy" (a plan status since 0.5), which says the same, never as another."""
    return [v for v in values if not set(v.casefold().split()) & {"hủy", "chưa", "không"}]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_turned_status_is_not_hinted_as_its_opposite(seed, tmp_path, capsys):
    rng = random.Random(seed)
    case = make_case(seed)
    plan_values = schema.lookup("Trạng thái kế hoạch").values
    opinion_values = schema.lookup("Trạng thái ý kiến").values
    plan_status = _turned(rng.choice(plan_values), rng)
    opinions = [dict(o, status=_turned(rng.choice(opinion_values), rng)) if n % 2 else o
                for n, o in enumerate(case.opinions)]
    turned = dataclasses.replace(case, plan=dict(case.plan, status=plan_status),
                                 opinions=opinions)
    hints = _hints(turned, str(tmp_path / "so.xlsx"), capsys)
    assert len(hints) >= 1 + len(opinions) // 2 - 1, hints
    for (sheet, _), hint in hints.items():
        values = plan_values if sheet == schema.PLANS.name else opinion_values
        assert _named(hint, _unturned(values)) == [], hint
    # The control: a slip (its last letter left out) is still hinted as the value meant.
    meant = rng.choice(plan_values)
    slips = dataclasses.replace(case, plan=dict(case.plan, status=meant[:-1]))
    hint = _hints(slips, str(tmp_path / "slip.xlsx"), capsys)[(schema.PLANS.name, 2)]
    assert _named(hint, plan_values) == [meant], hint
