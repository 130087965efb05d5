"""A citizen who raises again, at a later conference, what an earlier one left unsettled is in
that conference's minutes, conclusion and notices.

A fresh-eyes trial: an opinion typed for the November conference with Trùng với naming a June
opinion was in none of November's documents: the minutes did not record that she spoke, the
count said 19 opinions for 20, and she was not told who handles her request now. Registries
from the corpus generator (tests/corpus) given a second conference two months after the first,
where each citizen of a pending opinion raises it again (and a row the carry-over linked, which
no one raised, as the control); the second conference's minutes (BB), conclusion (TBKL) and
notices to citizens (TBCD) drafted through the command, their text read with python-docx; the
citizen's notice gives the deadline the conclusion lists, not a new one.

A later trial: a matter whose written reply had been sent on time, still being resolved, was
raised again; the minutes and the posted conclusion said "hạn đã giao 14/08/2026, đã quá hạn"
(the reply's deadline, met) and its citizen got no notice. Half the originals are now given a
reply before the second conference: their rows say the reply was sent and give the deadline to
resolve (`doithoai deadlines --json`), late only when it has passed, and the citizen is told.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re

import pytest
from docx import Document

from corpus.late import due_dates
from corpus.registries import make_case
from corpus.run import later_plan
from doithoai import cli
from doithoai.files import atomic, blank
from doithoai.registry import parsing, repeats, schema
from doithoai.registry.model import Opinion

SEEDS = range(8)
AGAIN = "Đề nghị trả lời dứt điểm việc đã nêu ở hội nghị trước, lần {n}."
LINKED = "Việc chỉ được văn phòng chuyển sang, không ai nêu lại {n}."
JOINED = "Tôi cũng đề nghị như ý kiến đã nêu về việc này, lần {n}."
NEIGHBOUR = "Đinh Công Tráng"
NEWCOMER = "Hà Thị Lệ Quyên"
FIELD = schema.lookup("Lĩnh vực").values[0]


def _pending(o: dict) -> bool:
    return not (o.get("reply_date") or o.get("resolved_date") or o.get("reply_number")
                or o.get("answered_at_meeting") == "Có" or o.get("duplicate_of")
                or o.get("status") in ("Đã giải quyết", "Đã trả lời tại hội nghị"))


def _two_conferences(seed: int, path: str):
    """The case with a second plan, its meeting 35 or 60 days after the first (whose
    conclusion is issued), every other original raised again given a written reply 10 days
    after the first meeting; (the registry, plan id, meeting day, the first plan's meeting,
    {repeat's words: original's code}, the linked row's words, {original's code: its reply's
    number and day})."""
    case = make_case(seed)
    first = case.plan
    meeting = parsing.parse_date(first["meeting_date"])
    second, later = later_plan(first, 35 if seed % 2 else 60)
    invitees = case.invitees + [dict(i, plan_id=second["plan_id"]) for i in case.invitees]
    pending = [o for o in case.opinions if _pending(o) and o["opinion_id"]
               and case.truth.meant_person.get(o["opinion_id"])]
    again, rows, replied = {}, [], {}
    for n, o in enumerate(pending[:-1] if len(pending) > 1 else pending, start=1):
        who = o
        if n % 2 == 0:
            replied[o["opinion_id"]] = (f"{40 + n}/UBND-VP", meeting + dt.timedelta(days=10))
            o.update(reply_number=replied[o["opinion_id"]][0], status="Đã trả lời bằng văn bản",
                     reply_date=replied[o["opinion_id"]][1].isoformat())
        if n % 4 == 2:       # raised again by a neighbour who joined it and got a letter too
            who = dict(o, opinion_id=f"YK-{meeting.year}-{700 + n}", raised_by=NEIGHBOUR,
                       duplicate_of=o["opinion_id"], content=JOINED.format(n=n),
                       reply_number=f"{70 + n}/UBND-VP",
                       reply_date=(meeting + dt.timedelta(days=12)).isoformat())
            rows.append(who)
            replied[o["opinion_id"]] = (who["reply_number"], meeting + dt.timedelta(days=12))
        elif n % 8 == 4:     # raised by a newcomer: the letter went to who raised it before
            who = dict(o, raised_by=NEWCOMER)
            replied[o["opinion_id"]] += (" cho người nêu trước",)
        words = AGAIN.format(n=n)
        again[words] = o["opinion_id"]
        rows.append(dict(o, opinion_id=f"YK-{later.year}-{800 + n}", plan_id=second["plan_id"],
                         raised_by=who["raised_by"],
                         source="Phát biểu tại hội nghị", received_date=later.isoformat(),
                         content=words, duplicate_of=o["opinion_id"], status="Mới",
                         agency=None, field=FIELD, competence=None, answered_at_meeting="Không",
                         note=None, reply_number=None, reply_date=None))
    linked_words = None
    if len(pending) > 1:                      # the control: a row the carry-over linked
        o = pending[-1]
        linked_words = LINKED.format(n=seed)
        rows.append(dict(o, opinion_id=f"YK-{later.year}-899", plan_id=second["plan_id"],
                         content=linked_words, duplicate_of=o["opinion_id"], status="Mới",
                         agency=None, field=FIELD, competence=None,
                         note=repeats.linked_note(Opinion(row=0, opinion_id=o["opinion_id"],
                                                          plan_id=o["plan_id"]))))
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": [first, second], "invitees": invitees, "opinions": case.opinions + rows,
        "survey": case.survey}), path)
    # the first conference's conclusion issued two days after it: the deadlines it gave hold
    cli.main(["generate", path, "--plan", first["plan_id"], "--docs", "TBKL", "--issue",
              "--out", path + "-vb", "--today", (meeting + dt.timedelta(days=2)).isoformat()])
    copies = glob.glob(os.path.join(os.path.dirname(path), "*cap so*.xlsx"))
    return (copies[0] if copies else path), second["plan_id"], later, meeting, again, \
        linked_words, replied


def _texts(folder: str, kind: str) -> list[str]:
    paths = sorted(glob.glob(os.path.join(folder, "**", f"{kind}*.docx"), recursive=True))
    return ["\n".join([p.text for p in Document(path).paragraphs] +
                      [c.text for t in Document(path).tables for r in t.rows for c in r.cells])
            for path in paths]


def _rows(folder: str, kind: str) -> list[list[str]]:
    """Every table row of the documents of ``kind``, as cell texts."""
    return [[c.text for c in r.cells]
            for path in glob.glob(os.path.join(folder, "**", f"{kind}*.docx"), recursive=True)
            for t in Document(path).tables for r in t.rows]


def test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys):
    checked = answered = newcomers = 0
    for seed in SEEDS:
        os.makedirs(tmp_path / f"s{seed}")
        path, plan_id, later, meeting, again, linked, replied = _two_conferences(
            seed, str(tmp_path / f"s{seed}" / "so.xlsx"))
        if not again:
            continue
        out = str(tmp_path / f"vb{seed}")
        day = later + dt.timedelta(days=2)
        capsys.readouterr()                  # what issuing the first conclusion printed
        dues = due_dates(path, day, capsys)
        cli.main(["generate", path, "--plan", plan_id, "--docs", "BB,TBKL,TBCD,BCKQ", "--out",
                  out, "--today", day.isoformat()])
        said = capsys.readouterr().out
        minutes, conclusion = _texts(out, "BB"), _texts(out, "TBKL")
        assert minutes and conclusion, said
        listed, told = _rows(out, "TBKL"), _rows(out, "TBCD")
        for words, code in again.items():
            assert words in minutes[0], (seed, words)
            where = f"đã nêu tại hội nghị ngày {meeting:%d/%m/%Y}, mã {code}"
            assert where in minutes[0] and where in conclusion[0], (seed, code)
            assert any(words in t for t in _texts(out, "TBCD")), (seed, words)
            # the citizen is told the deadline the conclusion lists, not a new one
            due = next(r[-1] for r in listed if words in r[1])
            assert next(r[-1] for r in told if words in r[1]).endswith(due), (seed, due, told)
            if code in replied:              # what it still owes is its resolution
                resolve = dues.get((code, "GIAI_QUYET"))
                number, on, *to_whom = replied[code]
                sent = f"Đã trả lời bằng văn bản số {number} ngày {on:%d/%m/%Y}" + \
                    "".join(to_whom)
                newcomers += bool(to_whom)
                assert due == f"{sent}; " + (f"hạn giải quyết {resolve:%d/%m/%Y}" + (
                    ", đã quá hạn" if resolve < day else "") if resolve else
                    "giải quyết theo hạn đã giao"), (seed, code, due)
                assert f"{where}, {sent[0].lower()}{sent[1:]}" in minutes[0], (seed, code)
                answered += 1
        _closing_words_fit_the_deadlines(out, conclusion[0], again, seed)
        assert f"nghe {len(again)} ý kiến" in minutes[0], (seed, minutes[0][:900])
        # its conclusion counts them apart: still in the hands an earlier conference gave them
        # to (a re-trial: "giao cơ quan chuyên môn giải quyết … 3 ý kiến", both repeats)
        kept = sum(1 for r in listed if any(w in r[1] for w in again)
                   and not r[-1].startswith("Kiến nghị"))
        assert (f"tiếp tục giải quyết {kept} ý kiến đã nêu tại hội nghị trước" in minutes[0]
                if kept else "tiếp tục giải quyết" not in minutes[0]), (seed, kept)
        assert "giao cơ quan chuyên môn" not in minutes[0], (seed, minutes[0][-600:])
        # the result report counts them among this conference's opinions, not again among
        # what earlier conferences still owe
        owed = {r[1] for r in _rows(out, "BCKQ") if len(r) > 2 and r[1].startswith("YK-")}
        assert not owed & set(again.values()), (seed, owed & set(again.values()))
        if linked:
            assert not any(linked in t for t in minutes + conclusion), seed
        checked += 1
    assert checked >= 4 and answered >= 4 and newcomers >= 1, (checked, answered, newcomers)


ASK_AFTER = "Nếu đến thời hạn trên chưa nhận được trả lời"
HURRY = "việc nào đã quá hạn phải khẩn trương hoàn thành"


def _awaits_reply(deadline: str) -> bool:
    """A Thời hạn cell that leaves its citizen waiting for a reply by a day not passed."""
    return not deadline.startswith(("Đã trả lời", "Kiến nghị")) and "đã quá hạn" not in deadline


def _closing_words_fit_the_deadlines(out: str, conclusion: str, again: dict, seed) -> None:
    """A citizen's notice asks to be told if no reply comes "by the deadline above" only when
    one of its deadlines still awaits a reply (the third trial: a deadline passed in May, then
    "if no reply comes by the deadline above"); the conclusion asks the handlers to hurry
    what is overdue among the matters raised again, and only then."""
    for path in glob.glob(os.path.join(out, "**", "TBCD*.docx"), recursive=True):
        doc = Document(path)
        text = "\n".join(p.text for p in doc.paragraphs)
        cells = [r.cells[-1].text for t in doc.tables for r in t.rows[1:]
                 if len(r.cells) == 4]
        assert (ASK_AFTER in text) == any(map(_awaits_reply, cells)), (seed, path, cells)
    carried = [r[-1] for r in _rows(out, "TBKL") if any(w in r[1] for w in again)]
    if carried:
        assert (HURRY in conclusion) == any("đã quá hạn" in c for c in carried), (seed, carried)


def test_the_property_fails_when_only_this_plans_opinions_are_heard(tmp_path, capsys,
                                                                  monkeypatch):
    """Planted: the documents hear only the plan's own opinions (the build before)."""
    from doithoai.documents.context.repeats import Repeats
    monkeypatch.setattr(Repeats, "heard", lambda self: self.raised())
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


def test_the_control_fails_when_linked_rows_are_heard(tmp_path, capsys, monkeypatch):
    """Planted: the carry-over's linked rows taken for citizens raising again."""
    monkeypatch.setattr(repeats, "linked", lambda o: False)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


def test_the_property_fails_when_the_matters_first_letter_is_cited(tmp_path, capsys,
                                                                     monkeypatch):
    """Planted: a neighbour who joined the matter, got a letter of his own and raised it again
    is cited the letter sent to the one who first raised it (the third trial: "số 14/UBND-VP",
    another villager's letter, in the posted conclusion)."""
    from doithoai.documents.context.repeats import Repeats
    monkeypatch.setattr(Repeats, "letter_to", lambda self, first, of: first)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


@pytest.mark.parametrize("fault", ["any deadline", "never hurried"])
def test_the_property_fails_when_the_closing_words_ignore_the_deadlines(tmp_path, capsys,
                                                                        monkeypatch, fault):
    """Planted: every notice asks to be told after any deadline (the build before), or the
    conclusion never asks to hurry what is overdue."""
    from doithoai.documents.context.repeats import Repeats
    from doithoai.documents.context.upward import UpwardDocs
    if fault == "any deadline":
        monkeypatch.setattr(UpwardDocs, "awaits_reply", lambda self, o: True)
    else:
        monkeypatch.setattr(Repeats, "carried_late", lambda self, first, of=None: False)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


@pytest.mark.parametrize("fault", ["the reply's deadline", "no notice"])
def test_the_property_fails_when_a_sent_reply_is_not_said(tmp_path, capsys, monkeypatch,
                                                          fault):
    """Planted: the matter's reply deadline given though its reply was sent (the trial's
    minutes and conclusion), or its citizen not told (the trial's notices)."""
    from doithoai.documents.context.repeats import Repeats
    from doithoai.documents.context.upward import UpwardDocs
    if fault == "no notice":
        joined = UpwardDocs.joined
        monkeypatch.setattr(UpwardDocs, "joined", lambda self, on=None: [
            (o, first) for o, first in joined(self, on) if self.pending(first, on)])
    else:
        monkeypatch.setattr(Repeats, "carried_resolution", lambda self, first, of=None: None)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


def test_the_report_lists_a_matter_raised_again_once(tmp_path, capsys, monkeypatch):
    """Planted: the result report's carry-over keeps what this conference heard again (the
    re-trial's report counted the matter twice)."""
    from doithoai.documents.context.followup import FollowUpDocs
    put = FollowUpDocs.put_carry_over
    monkeypatch.setattr(FollowUpDocs, "put_carry_over",
                        lambda self, ctx, heard_here=False: put(self, ctx))
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


def test_the_property_fails_when_matters_raised_again_count_as_given_anew(tmp_path, capsys,
                                                                         monkeypatch):
    """Planted: the minutes count a matter raised again among those given to the offices (the
    re-trial's minutes)."""
    from doithoai.documents.context.conference import ConferenceDocs
    real = ConferenceDocs.put_assigned_counts

    def as_given(self, ctx, assigned):
        real(self, ctx, assigned)
        ctx.wording.update(so_giao_giai_quyet=ctx.wording["so_giao_giai_quyet"]
                           + ctx.wording["so_tiep_tuc"], so_tiep_tuc=0)
    monkeypatch.setattr(ConferenceDocs, "put_assigned_counts", as_given)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)


def test_the_property_fails_when_a_newcomer_is_cited_a_letter_as_his(tmp_path, capsys,
                                                                     monkeypatch):
    """Planted: a citizen raising the matter for the first time is cited the letter sent to
    who raised it before as if it were his (the re-trial's notice)."""
    from doithoai.documents.context.repeats import Repeats
    real = Repeats.carried_resolution

    def as_his(self, first, of=None):
        found = real(self, first, of)
        return found and (found[0].removesuffix(" cho người nêu trước"), found[1])
    monkeypatch.setattr(Repeats, "carried_resolution", as_his)
    with pytest.raises(AssertionError):
        test_what_is_raised_again_is_in_the_later_conferences_documents(tmp_path, capsys)
