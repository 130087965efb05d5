"""A phone or identity number written into a citizen's words does not hide a repeat.

A fresh-eyes trial: the Front returned a form where a man raised again the power cuts he had
raised before; his first opinion ended "tôi đã gọi số 0936 555 777". `duplicates` scored the
pair 68: the phone's digits counted as numbers that make two requests different (a lane, an
amount). Contact and identity numbers say who asks, not what: they are taken out before
comparing. The numbers of the request itself still count (the control below).

Registries from the corpus generator (tests/corpus), each opinion of a plan written again by
someone else, one of the two carrying a contact number drawn by the privacy texts' generator
(tests/privacy_texts: phones, identity cards, tax codes, bank accounts, e-mails, with the
words that name them and their many spellings); saved as a file and read back through
`doithoai duplicates --json`, as the clerk runs it.
"""
from __future__ import annotations

import json
import random
import re

import pytest

from corpus.registries import make_case
from doithoai import cli
from doithoai.files import atomic, blank
from privacy_texts import generator

SEEDS = range(8)
CONTACTS = ("phone", "identity", "tax", "bank", "email")


def _contact(rng: random.Random) -> str:
    kind = rng.choice(CONTACTS)
    said = generator.identifier(rng, kind, rng.choice(["accented", "plain"])).labelled("x").text
    return rng.choice([f" {said}.", f" Liên hệ: {said}", f" ({said})", f", tôi đã báo {said}"])


def _registry(seed: int, path: str, change_number: bool) -> list[tuple[str, str]]:
    """The case's registry with every opinion of its first plan written again by another
    person (a new code, the same plan), one of each pair carrying a contact number; with
    ``change_number``, the repeat asks for another number ("thứ 1" → "thứ 91"). The
    (repeat, original) codes."""
    case = make_case(seed)
    rng = random.Random(seed)
    rows = case.rows()
    ops = rows["opinions"]
    first = [o for o in ops if o.get("content") and o["plan_id"] == ops[0]["plan_id"]]
    year = re.search(r"\d{4}", first[0]["opinion_id"]).group()
    pairs = []
    for n, o in enumerate(first, start=1):
        words = o["content"]
        if change_number:
            words = re.sub(r"\d+", lambda m: str(int(m.group()) + 90), words, count=1)
        again = dict(o, opinion_id=f"YK-{year}-{900 + n}", raised_by=f"Ông Lại Văn Khải {n}",
                     content=words, phone=None, address=None)
        if rng.random() < 0.5:
            o["content"] = o["content"] + _contact(rng)
        else:
            again["content"] = again["content"] + _contact(rng)
        ops.append(again)
        pairs.append((again["opinion_id"], o["opinion_id"]))
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        k: rows[k] for k in ("plans", "invitees", "opinions", "survey")}), path)
    return pairs


def _suggested(path: str, capsys) -> dict[str, str]:
    capsys.readouterr()
    cli.main(["duplicates", path, "--json"])
    return {s["opinion_id"]: s["duplicate_of"] for s in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_contact_number_in_the_words_hides_no_repeat(seed, tmp_path, capsys):
    path = str(tmp_path / "so.xlsx")
    pairs = _registry(seed, path, change_number=False)
    found = _suggested(path, capsys)
    missed = [(a, b) for a, b in pairs if found.get(a) != b]
    assert not missed, (missed, found)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_requests_own_numbers_still_count(seed, tmp_path, capsys):
    path = str(tmp_path / "so.xlsx")
    pairs = _registry(seed, path, change_number=True)
    found = _suggested(path, capsys)
    assert not [(a, b) for a, b in pairs if found.get(a) == b], found
