"""One citizen, whatever form of address was typed before their name and whatever a chat app
pasted after it, is one person to the duplicate finder ("cùng người nêu") and to the merge.

"Bà Nguyễn Thị Hà" on a form of February and "Nguyễn Thị Hà", "bà. Nguyễn Thị Hà" or "BÀ
NGUYỄN THỊ HÀ" raising the same again at the meeting were scored as two people. Registries from
the corpus generator (tests/corpus), each opinion of its first plan written again by its own
citizen, the form of address typed otherwise; read back through `doithoai duplicates --json`,
as the clerk runs it.
"""
from __future__ import annotations

import glob
import json
import os
import random
import re

import openpyxl
import pytest

from corpus.registries import make_case
from doithoai import cli
from doithoai.files import atomic, blank, reader
from doithoai.sharing import intake

SAME = "cùng người nêu"


def _retyped(rng: random.Random, typed: str) -> str:
    """The citizen of ``typed`` ("Bà Nguyễn Thị Hà") with the form typed otherwise."""
    form, name = typed.strip().split(" ", 1)
    return rng.choice((name, f"{form.lower()}. {name}", f"{form.upper()}  {name.upper()}",
                       f"{'Đ/c' if rng.random() < 0.3 else form} {name}"))


# What chat apps paste after a name (written out here, not taken from the product).
PASTED = (" 😊", " 🙏🙏", " :)", "✅", " 👍", " ^^")


def _pasted(rng: random.Random, typed: str) -> str:
    """``typed`` with another form of address and something pasted after the name."""
    return _retyped(rng, typed) + rng.choice(PASTED)


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
                        raised_by=(_pasted if n % 2 else _retyped)(rng, o["raised_by"])))
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


def test_the_property_fails_when_the_emoji_is_compared(tmp_path, capsys, monkeypatch):
    """Planted: the person read as text.honorifics alone reads it, what was pasted after the
    name kept (the finder before registry.personal.bare_name)."""
    from doithoai.registry import personal
    from doithoai.text import honorifics
    monkeypatch.setattr(personal, "bare_name", honorifics.bare)
    with pytest.raises(AssertionError):
        test_a_citizen_typed_with_another_form_is_the_same_person(0, tmp_path, capsys)


def test_the_property_fails_when_the_form_is_compared(tmp_path, capsys, monkeypatch):
    """Planted: the person compared with the form typed before the name (the old finder)."""
    from doithoai.registry import personal
    monkeypatch.setattr(personal, "bare_name", lambda text: text or "")
    with pytest.raises(AssertionError):
        test_a_citizen_typed_with_another_form_is_the_same_person(0, tmp_path, capsys)


def _returned(seed: int, folder) -> tuple[str, str, int]:
    """The case's registry, and the Front's file returned for its first plan holding again
    each named opinion of that plan, its citizen retyped with a form and an emoji: (registry,
    returned file, rows written)."""
    case = make_case(seed)
    rng = random.Random(seed)
    rows = case.rows()
    path, out = str(folder / "so.xlsx"), str(folder / "mttq")
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        k: rows[k] for k in ("plans", "invitees", "opinions", "survey")}), path)
    plan = rows["plans"][0]["plan_id"]
    cli.main(["intake", "export", path, "--plan", plan, "--one-file", "--out", out])
    returned = glob.glob(os.path.join(out, "*.xlsx"))[0]
    again = [o for o in rows["opinions"] if o["plan_id"] == plan
             and case.truth.meant_person.get(o["opinion_id"]) and o["content"]]
    wb = openpyxl.load_workbook(returned)
    ws = wb[intake.DATA_SHEET]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == intake.CODE_HEADER)
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    for r, o in enumerate(again, start=head + 1):
        for header, value in (("Người nêu", _pasted(rng, o["raised_by"])),
                              ("Địa chỉ", o["address"]), ("Nội dung", o["content"])):
            ws.cell(row=r, column=cols[header], value=value)
    wb.save(returned)
    return path, returned, len(again)


@pytest.mark.parametrize("seed", range(4))
def test_an_opinion_returned_again_with_an_emoji_after_the_name_is_already_there(
        seed, tmp_path, capsys):
    """The Front returns opinions the registry holds, the citizen typed "Bà. Nguyễn Thị Hà 😊":
    each is recognised as already there, none added a second time (the merge's --json and the
    saved copy's Ý kiến)."""
    path, returned, n = _returned(seed, tmp_path)
    before = len(reader.read_registry(path).opinions)
    capsys.readouterr()
    copy = str(tmp_path / "so-moi.xlsx")
    cli.main(["intake", "merge", path, returned, "--out", copy, "--json"])
    said = json.loads(capsys.readouterr().out)
    assert n and said["totals"]["read"] == n, said
    assert said["totals"]["already_present"] == n, [
        (o["status"], o.get("reason") or o.get("detail")) for o in said["outcomes"]]
    kept = copy if os.path.exists(copy) else path        # nothing new: no copy written
    assert len(reader.read_registry(kept).opinions) == before


def test_the_merge_property_fails_when_the_emoji_is_compared(tmp_path, capsys, monkeypatch):
    """Planted: the merge compares the person as honorifics alone reads it, the emoji kept
    (the old key)."""
    from doithoai.sharing import fitting
    from doithoai.text import honorifics, vntext
    monkeypatch.setattr(fitting, "content_key", lambda plan_id, person, content: (
        plan_id or "", vntext.identity_key(honorifics.bare(person)),
        fitting.dedupe.normalize(content or "")))
    with pytest.raises(AssertionError):
        test_an_opinion_returned_again_with_an_emoji_after_the_name_is_already_there(
            0, tmp_path, capsys)
