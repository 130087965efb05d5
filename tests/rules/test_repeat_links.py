"""A repeat linked by a mistyped code to an opinion of another matter is told at its Trùng với.

A re-trial linked a flooded drain (Phòng Kinh tế) to night patrols (Công an) by a mistyped
Trùng với; validate said nothing and the citizen's notice gave him the patrols' words, handler
and deadline. Registries from the corpus generator (tests/corpus): each opinion of a plan linked
once to an opinion of another matter, another field and agency, both perhaps in one street (a
warning at that row's Trùng với), and once to its own matter raised again in other words or in the fewest words ("Tôi
cũng đề nghị như vậy"): no warning. Read from `validate --json`, as a script reads it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import random

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli

SEEDS = range(6)
OTHER_WORDS = ("{t} — xin nhắc lại.", "Tôi cũng đề nghị như vậy.", "Nhắc lại: {t}")


def _warned(path: str) -> set[int]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cli.main(["validate", path, "--json", "--today", "2030-01-01"])
    return {i["row"] for i in json.loads(buf.getvalue())["issues"] if i["code"] == "repeat-unlike"}


def _linked(seed: int, tmp_path, wrong: bool):
    """The case with one opinion made a repeat: of another matter (``wrong``), or of its own
    in other words; (registry path, the repeat's sheet row) or None when no pair fits."""
    case = make_case(seed)
    rng = random.Random(seed)
    ops = [o for o in case.opinions if not o.get("duplicate_of") and o["field"] and o["agency"]]
    pairs = [(a, b) for a in ops for b in ops if a is not b and a["field"] != b["field"]
             and a["agency"] != b["agency"] and a["content"].split("(")[0] !=
             b["content"].split("(")[0]]
    if not pairs:
        return None
    first, other = rng.choice(pairs)
    where = rng.choice(["", " ở ngõ 35 Hàng Bài", " đoạn phố Huế"])   # both in one street
    if wrong:
        repeat = dict(other, duplicate_of=first["opinion_id"], content=other["content"] + where)
        first = dict(first, content=first["content"] + where)
    else:
        said = first["content"].split(" (ý kiến")[0]
        repeat = dict(other, duplicate_of=first["opinion_id"],
                      content=rng.choice(OTHER_WORDS).format(t=said))
    opinions = [repeat if o is other else first if o["opinion_id"] == first["opinion_id"]
                else o for o in case.opinions]
    path = saved(dataclasses.replace(case, opinions=opinions), str(tmp_path / f"so{wrong}.xlsx"))
    return path, case.opinions.index(other) + 2


def test_a_link_to_another_matter_is_told_and_one_to_the_same_is_not(tmp_path):
    checked = 0
    for seed in SEEDS:
        (tmp_path / str(seed)).mkdir()
        wrong = _linked(seed, tmp_path / str(seed), wrong=True)
        right = _linked(seed, tmp_path / str(seed), wrong=False)
        if wrong is None:           # no two opinions of different fields and agencies
            continue
        assert wrong[1] in _warned(wrong[0]), seed
        assert right[1] not in _warned(right[0]), seed
        checked += 1
    assert checked >= 4, checked


def test_the_property_fails_without_the_check(tmp_path, monkeypatch):
    """Planted: no link looked at (the validate before)."""
    from doithoai.rules.validation import repeat_links
    monkeypatch.setattr(repeat_links, "check_repeat_links", lambda f: None)
    with pytest.raises(AssertionError):
        test_a_link_to_another_matter_is_told_and_one_to_the_same_is_not(tmp_path)
