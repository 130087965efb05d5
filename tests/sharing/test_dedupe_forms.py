"""One citizen, whatever form of address was typed before their name, is one person to the
duplicate finder ("cùng người nêu") and to the merge.

"Bà Nguyễn Thị Hà" on a form of February and "Nguyễn Thị Hà", "bà. Nguyễn Thị Hà" or "BÀ
NGUYỄN THỊ HÀ" raising the same again at the meeting were scored as two people. Registries from
the corpus generator (tests/corpus), each opinion of its first plan written again by its own
citizen, the form of address typed otherwise; read back through `doithoai duplicates --json`,
as the clerk runs it.
"""
from __future__ import annotations

import json
import random
import re

import pytest

from corpus.registries import make_case
from doithoai import cli
from doithoai.files import atomic, blank

SAME = "cùng người nêu"


def _retyped(rng: random.Random, typed: str) -> str:
    """The citizen of ``typed`` ("Bà Nguyễn Thị Hà") with the form typed otherwise."""
    form, name = typed.strip().split(" ", 1)
    return rng.choice((name, f"{form.lower()}. {name}", f"{form.upper()}  {name.upper()}",
                       f"{'Đ/c' if rng.random() < 0.3 else form} {name}"))


def _registry(seed: int, path: str) -> list[str]:
    """The case's registry with each named opinion of its first plan raised again by its
    citizen, typed with another form of address: the repeats' codes."""
    case = make_case(seed)
    rng = random.Random(seed)
    rows = case.rows()
    ops = rows["opinions"]
    first = [o for o in ops if o["plan_id"] == ops[0]["plan_id"]
             and case.truth.meant_person.get(o["opinion_id"])]
    year = re.search(r"\d{4}", first[0]["opinion_id"]).group()
    again = []
    for n, o in enumerate(first, start=1):
        o["raised_by"] = case.truth.meant_person[o["opinion_id"]]
        ops.append(dict(o, opinion_id=f"YK-{year}-{900 + n}", duplicate_of=None,
                        raised_by=_retyped(rng, o["raised_by"])))
        again.append(f"YK-{year}-{900 + n}")
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        k: rows[k] for k in ("plans", "invitees", "opinions", "survey")}), path)
    return again


@pytest.mark.parametrize("seed", range(4))
def test_a_citizen_typed_with_another_form_is_the_same_person(seed, tmp_path, capsys):
    path = str(tmp_path / "so.xlsx")
    again = _registry(seed, path)
    capsys.readouterr()
    cli.main(["duplicates", path, "--json"])
    found = {s["opinion_id"]: s["reasons"] for s in json.loads(capsys.readouterr().out)}
    assert not [c for c in again if SAME not in found.get(c, [])], found


def test_the_property_fails_when_the_form_is_compared(tmp_path, capsys, monkeypatch):
    """Planted: the person compared with the form typed before the name (the old finder)."""
    from doithoai.text import honorifics
    monkeypatch.setattr(honorifics, "bare", lambda text: text or "")
    with pytest.raises(AssertionError):
        test_a_citizen_typed_with_another_form_is_the_same_person(0, tmp_path, capsys)
