"""A matter raised again at a later conference of the same year is suggested as a repeat of the
earlier conference's opinion, that conference named, and Trùng với proposed as the registry's
rules for repeats have it (the first opinion that is not itself a repeat).

A fresh-eyes trial: a citizen's compensation complaint of the July conference raised again,
almost word for word, at the October one of the same ward; the clerk wanted the suggestion to
say where it was raised before. Registries from the corpus generator (tests/corpus) given a
second conference of the same year (tests/corpus/run.py later_plan), where each named citizen
of the first writes the same request again with a few words changed (seeded edits), and a
third conference where the citizen repeats the words of the second, whose row already names
the first in Trùng với; read back through `doithoai duplicates` (printed lines and --json).
"""
from __future__ import annotations

import json
import random
import re

import pytest

from corpus.registries import make_case
from corpus.run import later_plan
from doithoai import cli
from doithoai.files import atomic, blank
from doithoai.registry import parsing
from doithoai.sharing import dedupe

SEEDS = range(6)
# Small edits a clerk's typing or a citizen's retelling makes (written here, not the product's).
EDITS = (lambda t: t + " nhé", lambda t: t.replace("Đề nghị", "Kiến nghị", 1),
         lambda t: "Tôi " + t[:1].lower() + t[1:], lambda t: t.rstrip(".") + ", mong sớm xem xét.")
AGAIN = " Đến nay việc này vẫn chưa được giải quyết dứt điểm."


def _edited(rng: random.Random, text: str) -> str:
    return rng.choice(EDITS)(text)


def _registry(seed: int, path: str):
    """The case with a second conference (60 days later) and a third (120 days later), of the
    same year's numbering. Each named opinion of the first plan with a text of its own is
    raised again at the second, a few words changed, Trùng với empty (``fresh``: repeat's code
    → the original's); the first of them is raised again at the third in the second's words,
    its second row already naming the original (``chained``). Returns (first plan, its
    meeting day, fresh, chained)."""
    case = make_case(seed)
    rng = random.Random(seed)
    first = case.plan
    second, later = later_plan(first, 60)
    third, _ = later_plan(second, 60)
    norms = [dedupe.normalize(o.get("content")) for o in case.opinions]
    sources = [o for o in case.opinions if o["plan_id"] == first["plan_id"] and o["opinion_id"]
               and o.get("content") and not o.get("duplicate_of")
               and case.truth.meant_person.get(o["opinion_id"])
               and norms.count(dedupe.normalize(o["content"])) == 1]
    year = re.search(r"\d{4}", first["plan_id"]).group()
    rows, fresh, chained = [], {}, {}
    for n, o in enumerate(sources, start=1):
        code = f"YK-{year}-{800 + n}"
        fresh[code] = o["opinion_id"]
        rows.append(dict(o, opinion_id=code, plan_id=second["plan_id"], duplicate_of=None,
                         raised_by=case.truth.meant_person[o["opinion_id"]],
                         received_date=later.isoformat(), status="Mới", note=None,
                         content=_edited(rng, o["content"])))
    if sources:
        linked = dict(rows[0], opinion_id=f"YK-{year}-700", duplicate_of=sources[0]["opinion_id"],
                      content=rows[0]["content"] + AGAIN)
        chained[f"YK-{year}-701"] = sources[0]["opinion_id"]
        rows += [linked, dict(linked, opinion_id=f"YK-{year}-701", plan_id=third["plan_id"],
                              duplicate_of=None, content=linked["content"] + " nhé")]
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": [first, second, third], "invitees": case.invitees,
        "opinions": case.opinions + rows, "survey": case.survey}), path)
    return first["plan_id"], parsing.parse_date(first["meeting_date"]), fresh, chained


def _run(path: str, capsys) -> tuple[dict, dict]:
    """(opinion → its --json suggestion, opinion → its printed line)."""
    cli.main(["duplicates", path, "--json"])
    found = {s["opinion_id"]: s for s in json.loads(capsys.readouterr().out)}
    cli.main(["duplicates", path])
    lines = {line.split(" ", 1)[0]: line for line in capsys.readouterr().out.splitlines()
             if " có thể trùng " in line}
    return found, lines


def test_a_matter_raised_again_later_the_same_year_names_the_earlier_conference(tmp_path,
                                                                                capsys):
    checked = 0
    for seed in SEEDS:
        path = str(tmp_path / f"so{seed}.xlsx")
        plan_id, meeting, fresh, chained = _registry(seed, path)
        found, lines = _run(path, capsys)
        where = f"đã nêu tại hội nghị {plan_id} ngày {meeting:%d/%m/%Y}"
        for code, original in {**fresh, **chained}.items():
            s = found.get(code)
            assert s is not None, (seed, code, sorted(found))
            # Trùng với: the first conference's opinion, never the later row it was copied from
            assert s["duplicate_of"] == original, (seed, code, s)
            assert s["original_plan_id"] == plan_id and s["conference"], (seed, s)
            assert f"có thể trùng {original}, {where} (" in lines[code], (seed, lines[code])
            checked += 1
    assert checked >= 20, checked


def test_the_property_fails_when_only_one_plan_is_compared(tmp_path, capsys, monkeypatch):
    """Planted: the finder compares opinions only within their own plan."""
    blocks = dedupe._blocks
    monkeypatch.setattr(dedupe, "_blocks", lambda items: {
        key + (items[i].plan_id,): [i] for key, idx in blocks(items).items() for i in idx})
    with pytest.raises(AssertionError):
        test_a_matter_raised_again_later_the_same_year_names_the_earlier_conference(tmp_path,
                                                                                    capsys)


def test_the_property_fails_without_the_conference_named(tmp_path, capsys, monkeypatch):
    """Planted: the suggestion does not say where the matter was raised before."""
    monkeypatch.setattr(dedupe, "_conference", lambda reg, plan_id: "")
    with pytest.raises(AssertionError):
        test_a_matter_raised_again_later_the_same_year_names_the_earlier_conference(tmp_path,
                                                                                    capsys)


def test_the_property_fails_when_the_closest_row_is_proposed(tmp_path, capsys, monkeypatch):
    """Planted: Trùng với proposes the row with the closest words, itself a repeat, instead
    of the opinion it joined."""
    monkeypatch.setattr(dedupe, "_first", lambda code, by_id, proposed, memo: by_id.get(code))
    with pytest.raises(AssertionError):
        test_a_matter_raised_again_later_the_same_year_names_the_earlier_conference(tmp_path,
                                                                                    capsys)
