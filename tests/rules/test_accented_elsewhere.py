"""A name typed without accents that another row spells with them is pointed out.

A trial in Đắk Lắk: "Y Ngong Nie Kdam" in Ý kiến and "Y Ngông Niê Kdăm" in Đại biểu were never
linked: the letter was addressed "Ông Y Ngong Nie Kdam", the documents counted two people. The
registries come from the corpus generator; some citizens are typed as a delegate's name with its
accents taken off (a form of address typed before some, "Ông", "ong"), the others keep theirs. `validate --json` names exactly the cells of the
stripped names, each with the delegate's spelling and row.
"""
from __future__ import annotations

import dataclasses
import json
import random
import unicodedata

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli

SEEDS = range(5)


def _stripped(name: str) -> str:
    """``name`` as typed on a keyboard without Vietnamese: each letter bare, case kept."""
    name = name.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _case(seed: int):
    rng = random.Random(seed)
    case = make_case(seed)
    delegates = [i for i in case.invitees if i.get("full_name") and not i["full_name"].isascii()]
    opinions, expected = [], {}
    for n, o in enumerate(case.opinions):
        if delegates and rng.random() < 0.5:
            d = rng.choice(delegates)
            form = rng.choice(["", "", "Ông ", "Bà ", "ong "])    # a form typed before it
            o = dict(o, raised_by=form + _stripped(d["full_name"]))
            expected[n] = d["full_name"]
        opinions.append(o)
    return dataclasses.replace(case, opinions=opinions), expected


@pytest.mark.parametrize("seed", SEEDS)
def test_a_name_without_accents_is_given_its_spelling(seed, tmp_path, capsys):
    case, expected = _case(seed)
    reg = saved(case, str(tmp_path / "so.xlsx"))
    capsys.readouterr()
    cli.main(["validate", "--json", reg, "--today", case.meeting.isoformat()])
    found = [p for p in json.loads(capsys.readouterr().out)["issues"]
             if p["code"] == "name-accented-elsewhere"]
    thi_van = {n for n, name in expected.items()
               if any(w in ("Thi", "Van") for w in _stripped(name).split()[1:-1])}
    rows = {p["row"] for p in found}
    assert rows == {n + 2 for n in expected if n not in thi_van}, (seed, found, expected)
    for p in found:
        name = expected[p["row"] - 2]
        assert f"\"{name}\"" in p["message"] and "Đại biểu, dòng" in p["message"], p


def test_the_property_fails_when_the_check_is_off(tmp_path, capsys, monkeypatch):
    """Planted: the check does nothing."""
    from doithoai.rules.validation import names
    monkeypatch.setattr(names, "check_accented_elsewhere", lambda f: None)
    with pytest.raises(AssertionError):
        for seed in SEEDS:
            test_a_name_without_accents_is_given_its_spelling(seed, tmp_path / str(seed), capsys)
