"""The summary made for a later conference (BCTH) says how many matters of earlier conferences,
still not settled, citizens are raising again, and when those conferences met; it names no one.

A fresh-eyes trial: before the October conference the summary said only "không kể 1 ý kiến
trùng nội dung đã gộp vào ý kiến nêu trước", hiding from the chair and the Front that a
complaint of the July conference, still open, was coming back. Registries from the corpus
generator (tests/corpus) given a second conference of the same year (later_plan) where citizens
raise again, Trùng với naming it, some unsettled opinions of the first (two of them the same
matter), one settled opinion (not counted), and a row the carry-over linked (not raised by
anyone: not counted); some seeds with opinions of the second conference's own, some without.
The BCTH is drafted through the command a few days before the second conference and read with
python-docx.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import random

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import later_plan
from doithoai import cli
from doithoai.files import atomic, blank
from doithoai.registry import parsing, repeats, schema
from doithoai.registry.model import Opinion

SEEDS = range(8)
FIELD = schema.lookup("Lĩnh vực").values[0]
PHRASE = "nội dung đã nêu tại hội nghị đối thoại ngày {day}, chưa giải quyết xong, " \
         "nay được nêu lại"


def _settled(o: dict) -> bool:
    return bool(o.get("resolved_date")) or o.get("status") in (schema.RESOLVED_STATUS,
                                                              schema.SETTLED_AT_MEETING)


def _row(o: dict, code: str, plan_id: str, day: dt.date, **kw) -> dict:
    return {**o, "opinion_id": code, "plan_id": plan_id, "received_date": day.isoformat(),
            "duplicate_of": o["opinion_id"], "status": "Mới", "agency": None, "field": FIELD,
            "competence": None, "answered_at_meeting": "Không", "note": None,
            "resolved_date": None, "reply_date": None, "reply_number": None, **kw}


def _registry(seed: int, path: str):
    """(second plan's id and day, first plan's day, matters raised again unsettled, the
    citizens' names, addresses and phones of the rows raised again)."""
    case = make_case(seed)
    rng = random.Random(seed)
    first = case.plan
    second, later = later_plan(first, 60)
    mine = [o for o in case.opinions if o["opinion_id"] and not o.get("duplicate_of")]
    open_ = [o for o in mine if not _settled(o)]
    done = [o for o in mine if _settled(o)]
    again = open_[:rng.randint(1, max(1, len(open_) - 1))] if open_ else []
    year, rows = later.year, []
    for n, o in enumerate(again, start=1):
        rows.append(_row(o, f"YK-{year}-{800 + n}", second["plan_id"], later,
                         content=f"Nêu lại việc chưa xong, lần {n}."))
    if again:              # a second citizen raising the first matter: one matter, not two
        rows.append(_row(again[0], f"YK-{year}-850", second["plan_id"], later,
                         raised_by="Bà Lê Thị Mận", content="Cũng nêu lại việc đó."))
    if done:               # a settled matter raised again: not "chưa giải quyết xong"
        rows.append(_row(done[0], f"YK-{year}-860", second["plan_id"], later))
    rest = open_[len(again):]
    if rest:               # the carry-over's linked row: no one raised it
        rows.append(_row(rest[0], f"YK-{year}-870", second["plan_id"], later,
                         note=repeats.linked_note(Opinion(row=0, opinion_id=rest[0]["opinion_id"],
                                                          plan_id=rest[0]["plan_id"]))))
    if seed % 2 and mine:  # an opinion of the second conference's own
        rows.append(dict(_row(mine[-1], f"YK-{year}-880", second["plan_id"], later),
                         duplicate_of=None, content="Đề nghị lắp đèn đường ở ngõ mới mở."))
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": [first, second], "invitees": case.invitees, "opinions": case.opinions + rows,
        "survey": case.survey}), path)
    people = [x for r in rows if r["duplicate_of"] and r["opinion_id"] != f"YK-{year}-870"
              for x in (r.get("raised_by"), r.get("phone"), r.get("address")) if x]
    return (second["plan_id"], later, parsing.parse_date(first["meeting_date"]), len(again),
            people)


def _summary(seed: int, folder) -> tuple | None:
    """(the second conference's BCTH as paragraphs, drafted five days before it, through the
    command; the first conference's day; matters raised again; what names the citizens), or
    None when the case has no unsettled opinion to raise again."""
    path = str(folder / f"so{seed}.xlsx")
    plan_id, later, meeting, matters, people = _registry(seed, path)
    if not matters:
        return None
    out = str(folder / f"vb{seed}")
    cli.main(["generate", path, "--plan", plan_id, "--docs", "BCTH", "--out", out,
              "--today", (later - dt.timedelta(days=5)).isoformat()])
    bcth, = glob.glob(os.path.join(out, "**", "BCTH*.docx"), recursive=True)
    return [p.text for p in Document(bcth).paragraphs], meeting, matters, people


def test_the_summary_says_what_comes_back_unsettled_from_earlier_conferences(tmp_path,
                                                                              capsys):
    drafted = [x for x in (_summary(seed, tmp_path) for seed in SEEDS) if x]
    said = capsys.readouterr().out
    for paragraphs, meeting, matters, people in drafted:
        phrase = PHRASE.format(day=f"{meeting:%d/%m/%Y}")
        told = [p for p in paragraphs if phrase in p]
        assert len(told) == 1, (said, paragraphs[:6])
        assert f" {matters} {phrase}" in told[0], (matters, told[0])
        # read by the chair and the Front: no citizen named, no phone, no address
        for x in people:
            assert str(x) not in told[0], (x, told[0])
    assert len(drafted) >= 5, len(drafted)


def test_the_property_fails_when_the_summary_only_counts_repeats(tmp_path, capsys,
                                                                 monkeypatch):
    """Planted: the summary says nothing of matters raised again (the build before)."""
    from doithoai.documents.context.preparation import PreparationDocs
    monkeypatch.setattr(PreparationDocs, "back_unsettled", lambda self: "")
    with pytest.raises(AssertionError):
        test_the_summary_says_what_comes_back_unsettled_from_earlier_conferences(tmp_path,
                                                                                 capsys)


def test_the_property_fails_when_settled_or_linked_rows_count(tmp_path, capsys, monkeypatch):
    """Planted: settled matters and the carry-over's rows counted as raised again."""
    from doithoai.documents.context import repeats as context_repeats
    monkeypatch.setattr(context_repeats.repeats, "linked", lambda o: False)
    monkeypatch.setattr(repeats, "settled", lambda o: False)
    with pytest.raises(AssertionError):
        test_the_summary_says_what_comes_back_unsettled_from_earlier_conferences(tmp_path,
                                                                                 capsys)
