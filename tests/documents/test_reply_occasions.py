"""Each citizen who raised a matter gets a written reply of their own that names every
conference at which they raised it, and only those.

A fresh-eyes trial: a citizen raised a matter at a conference, it was not settled, and she raised
it again at the next one (Trùng với). The reply (CVTL) said only "… nêu tại hội nghị ngày
<the first> …"; a different citizen who raised the same at the later conference got no reply of
their own, only a copy of the first citizen's, which cites a conference they never spoke at.

Registries from the corpus generator (tests/corpus) given a second conference 60 days after the
first. Of the first conference's opinions still waiting for their reply, whose answer is now
typed: one is raised again by its own citizen (written without the form of address, with an
emoji pasted after the name: the same person, registry.personal.bare_name) and by another
citizen, one by a citizen who gave no name (the control: no reply to them), one by its own
citizen only, one by another citizen at the same conference. The replies are drafted through the command and read
with python-docx; the notices of the second conference (TBCD) say when the citizen raised the
matter before. A reply issued before this version, with the repeats already in the registry, is
not found changed by it (tested by issuing with the earlier wording planted, then again).
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
from collections import Counter
from types import SimpleNamespace

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import later_plan
from doithoai import cli
from doithoai.documents.context.conference import ConferenceDocs
from doithoai.documents.context.repeats import Repeats
from doithoai.files import atomic, blank
from doithoai.registry import parsing, personal, schema
from doithoai.rules import agencies
from doithoai.text import vntext

SEEDS = range(20)
FIELD = schema.lookup("Lĩnh vực").values[0]
OTHER, LATER = "Bà Đinh Thị Quyên", "Ông Lục Văn Thuận"     # citizens the corpus has not


def _waiting(o: dict, case) -> bool:
    """Named, with an address to write to, still waiting for its written reply from the
    commune (not sent up)."""
    up = agencies.sent_up(SimpleNamespace(competence=o.get("competence"), agency=o.get("agency")))
    return bool(o["opinion_id"] and case.truth.meant_person.get(o["opinion_id"])
                and (o.get("address") or "").strip()) and not (
        up or
        o.get("reply_date") or o.get("resolved_date") or o.get("reply_number")
        or o.get("answered_at_meeting") == "Có" or o.get("duplicate_of")
        or o.get("status") in ("Đã giải quyết", "Đã trả lời tại hội nghị"))


def _build(seed: int, path: str):
    """The case with a second conference where its citizens raise again (up to) four waiting
    opinions, now answered; None when it has fewer than two. Returns (the first plan's id, its meeting, the second's meeting,
    {matter: {person: {meeting days}}}, {row code: matter}: who raised what, and where; the
    second plan's id, {row code: (words said again there by a named citizen, whether by the
    matter's own citizen)}."""
    case = make_case(seed)
    first = case.plan
    meeting = parsing.parse_date(first["meeting_date"])
    second, later = later_plan(first, 60)
    joined = {o.get("duplicate_of") for o in case.opinions}
    waiting = [o for o in case.opinions if _waiting(o, case) and o["opinion_id"] not in joined]
    if len(waiting) < 2:
        return None
    rows, who, code_of, spoken = [], {}, {}, {}
    n = 800

    def again(o, plan, day, raised_by, address):
        nonlocal n
        n += 1
        code = f"YK-{later.year}-{n}"
        rows.append(dict(o, opinion_id=code, plan_id=plan, source="Phát biểu tại hội nghị",
                         received_date=day.isoformat(), raised_by=raised_by, address=address,
                         content=f"Đề nghị trả lời dứt điểm việc đã nêu, lần {n}.",
                         duplicate_of=o["opinion_id"], status="Mới", agency=None, field=FIELD,
                         competence=None, answered_at_meeting="Không", answer=None,
                         reply_number=None, reply_date=None, note=None))
        code_of[code] = o["opinion_id"]
        if plan != first["plan_id"] and raised_by != "Ẩn danh":
            spoken[code] = (rows[-1]["content"], _person(raised_by) == _person(o["raised_by"]))
        if raised_by != "Ẩn danh":
            key = _person(raised_by)
            who[o["opinion_id"]].setdefault(key, set()).add(day)

    for k, o in enumerate(waiting[:4]):
        o["answer"] = f"Ủy ban đã chỉ đạo giải quyết dứt điểm nội dung số {k + 1}."
        who[o["opinion_id"]] = {_person(o["raised_by"]): {meeting}}
        code_of[o["opinion_id"]] = o["opinion_id"]
        own = f"{personal.bare_name(o['raised_by'])} 🙏"        # the same person
        if k in (0, 2):
            again(o, second["plan_id"], later, own, o["address"])
        if k == 0:
            again(o, second["plan_id"], later, OTHER, o["address"])
        if k == 1:
            again(o, second["plan_id"], later, "Ẩn danh", o["address"])
        if k == 3:
            again(o, first["plan_id"], meeting, LATER, o["address"])
    invitees = case.invitees + [dict(i, plan_id=second["plan_id"]) for i in case.invitees]
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": [first, second], "invitees": invitees, "opinions": case.opinions + rows,
        "survey": case.survey}), path)
    return first["plan_id"], meeting, later, who, code_of, second["plan_id"], spoken


def _cases(tmp_path):
    """(seed, registry's path, documents' folder, what _build returned) of each seed that
    has a case."""
    for seed in SEEDS:
        path = str(tmp_path / f"so{seed}.xlsx")
        built = _build(seed, path)
        if built is not None:
            yield seed, path, str(tmp_path / f"vb{seed}"), built


def _replies(folder: str) -> dict[str, list[str]]:
    """file name → its paragraphs, of every reply made."""
    return {os.path.basename(p): [x.text for x in Document(p).paragraphs]
            for p in sorted(glob.glob(os.path.join(folder, "**", "CVTL_*.docx"),
                                      recursive=True)) if "ban-cu" not in p}


def _occasions(lines: list[str]) -> set[dt.date]:
    """The conference days the reply's opening sentence names."""
    sentence = next(x for x in lines if "nhận được ý kiến của" in x)
    days = set()
    for run in re.finditer(r"hội nghị đối thoại (?:dự kiến tổ chức )?((?:ngày [\d/]+"
                           r"(?:, | và )?)+)", sentence):
        days |= {dt.datetime.strptime(d, "%d/%m/%Y").date()
                 for d in re.findall(r"\d\d/\d\d/\d{4}", run.group(1))}
    return days


def _person(name: str) -> str:
    """A citizen as one: the name without form of address or emoji, in any case."""
    return vntext.identity_key(personal.bare_name(name))


def _addressee(lines: list[str]) -> str:
    line = next(x for x in lines if x.startswith("Kính gửi:"))
    return _person(line.removeprefix("Kính gửi:").split(",")[0])


def test_each_citizen_gets_a_reply_naming_the_conferences_they_raised_it_at(tmp_path, capsys):
    seen, others = Counter(), 0           # replies naming one or two conferences; to OTHER
    for seed, path, out, built in _cases(tmp_path):
        plan_id, meeting, later, who, code_of, *_ = built
        cli.main(["generate", path, "--plan", plan_id, "--docs", "CVTL", "--out", out,
                  "--today", (later + dt.timedelta(days=5)).isoformat()])
        said = capsys.readouterr().out
        got: dict[str, dict[str, set]] = {}
        for name, lines in _replies(out).items():
            code = re.match(r"CVTL_(YK-\d{4}-\d+)_", name).group(1)
            if code not in code_of:
                continue                      # a reply of the corpus's own
            matter = got.setdefault(code_of[code], {})
            person = _addressee(lines)
            assert person not in matter, (seed, name, "two replies to one citizen")
            matter[person] = _occasions(lines)
        # a row the corpus planted an error in (or left without what a reply needs) is
        # refused, naming it: no reply is expected of it
        refused = {c for line in said.splitlines() if line.startswith("Chưa tạo")
                   for c in re.findall(r"YK-\d{4}-\d+", line)}
        who = {m: people for m, people in who.items() if m not in refused}
        # every citizen who gave a name, once, each with the conferences they spoke at
        assert {m: p for m, p in got.items() if m in who} == who, (seed, said, got, who)
        seen.update(len(days) for people in who.values() for days in people.values())
        others += sum(_person(OTHER) in people for people in who.values())
    assert seen[2] >= 5 and seen[1] >= 10 and others >= 5, (seen, others)


def test_the_property_fails_when_the_reply_names_only_the_first_conference(
        tmp_path, capsys, monkeypatch):
    """Planted: no conference at which the citizen raised it again (the build before)."""
    monkeypatch.setattr(Repeats, "other_occasions", lambda self, *a, **k: "")
    with pytest.raises(AssertionError):
        test_each_citizen_gets_a_reply_naming_the_conferences_they_raised_it_at(tmp_path,
                                                                                capsys)


def test_the_property_fails_when_others_only_get_a_copy(tmp_path, capsys, monkeypatch):
    """Planted: one reply for the matter, to its own citizen (the build before)."""
    monkeypatch.setattr(Repeats, "raisers", lambda self, o: [self.written_to(o)])
    with pytest.raises(AssertionError):
        test_each_citizen_gets_a_reply_naming_the_conferences_they_raised_it_at(tmp_path,
                                                                                capsys)


def test_the_property_fails_when_the_other_citizen_is_given_the_first_conference(
        tmp_path, capsys, monkeypatch):
    """Planted: a reply to a citizen who raised it at a later conference dated at the first."""
    monkeypatch.setattr(ConferenceDocs, "put_occasions", _again_only)
    with pytest.raises(AssertionError):
        test_each_citizen_gets_a_reply_naming_the_conferences_they_raised_it_at(tmp_path,
                                                                                capsys)


def _issue(path: str, out: str, day: dt.date, capsys) -> tuple[str, str | None]:
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--docs", "CVTL", "--issue", "--out", out,
              "--today", day.isoformat()])
    said = capsys.readouterr().out
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return said, (copies.pop() if copies else None)


def test_a_reply_issued_before_is_not_found_changed(tmp_path, capsys, monkeypatch):
    """Replies issued with the earlier wording (one reply, copied to the others; no
    conference but the first), the repeats already typed: pressed again with this version,
    none is found changed or drafted anew; the other citizens get theirs."""
    checked = 0
    for seed, path, out, built in _cases(tmp_path):
        plan_id, meeting, later, who, code_of, *_ = built
        with monkeypatch.context() as old:
            old.setattr(Repeats, "other_occasions", lambda self, *a, **k: "")
            old.setattr(Repeats, "raisers", lambda self, o: [self.written_to(o)])
            old.setattr(ConferenceDocs, "put_occasions",
                        lambda self, ctx, o, to: ctx.put("neu_lai", "", optional=True))
            said, copy = _issue(path, out, later + dt.timedelta(days=5), capsys)
        if copy is None:               # every reply refused for a row the corpus spoiled
            continue
        issued = set(_replies(out))
        said, _ = _issue(copy, out, later + dt.timedelta(days=9), capsys)
        assert "đã đổi" not in said, (seed, said)
        made = set(_replies(out))
        assert issued <= made and not [f for f in made if "_v2" in f], (seed, made - issued)
        others = [o for o in code_of if o != code_of[o]]
        assert any(o in f for f in made - issued for o in others), (seed, made - issued)
        checked += 1
    assert checked >= 8, checked


def _again_only(self, ctx, o, to):
    """put_occasions planted: the later conferences put as a value of their own (not
    reworded), the addressee's own conference not put (the plan's stays)."""
    again = self.other_occasions(o, to)
    ctx.put("neu_lai", f"được nêu lại tại {again}" if again else "", optional=True)


def test_the_issued_control_fails_when_the_new_words_are_fingerprinted(tmp_path, capsys,
                                                                       monkeypatch):
    """Planted: the conferences raised again put as a value of their own (not reworded)."""
    monkeypatch.setattr(ConferenceDocs, "put_occasions", _again_only)
    with pytest.raises(AssertionError):
        test_a_reply_issued_before_is_not_found_changed(tmp_path, capsys, monkeypatch)


def test_the_notice_tells_a_citizen_raising_again_when_they_raised_it_before(tmp_path, capsys):
    """The second conference's notice to each citizen (TBCD): a matter its own citizen raised
    again says at which conference they raised it first; one another citizen joined there
    does not (they never raised it before)."""
    told = Counter()
    for seed, path, out, built in _cases(tmp_path):
        _, meeting, later, _, code_of, second, spoken = built
        cli.main(["generate", path, "--plan", second, "--docs", "BB,TBKL,TBCD", "--out", out,
                  "--today", (later + dt.timedelta(days=2)).isoformat()])
        said = capsys.readouterr().out
        rows = [c.text for p in glob.glob(os.path.join(out, "**", "TBCD*.docx"), recursive=True)
                for t in Document(p).tables for r in t.rows for c in r.cells]
        before = f"đã được nêu tại hội nghị đối thoại ngày {meeting:%d/%m/%Y}"
        refused = {c for line in said.splitlines() if line.startswith("Chưa tạo")
                   for c in re.findall(r"YK-\d{4}-\d+", line)}
        for words, own in [v for code, v in spoken.items()
                           if not {code, code_of[code]} & refused]:
            cells = [c for c in rows if words in c]
            assert cells, (seed, words, said)
            assert all((before in c) == own for c in cells), (seed, own, cells)
            told[own] += 1
    assert told[True] >= 10 and told[False] >= 5, told


def test_the_notice_property_fails_when_the_earlier_conference_is_not_said(tmp_path, capsys,
                                                                          monkeypatch):
    """Planted: the notice says nothing of the conference the citizen raised it at before."""
    monkeypatch.setattr(Repeats, "other_occasions", lambda self, *a, **k: "")
    with pytest.raises(AssertionError):
        test_the_notice_tells_a_citizen_raising_again_when_they_raised_it_before(tmp_path,
                                                                                 capsys)
