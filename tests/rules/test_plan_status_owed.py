"""A plan's Trạng thái against what its cells record (a fresh-eyes trial): a plan set to "Hoàn
thành" while an opinion of it had no reply, overdue, and ten were not settled passed `validate`
with no note; and an opinion the merge dated by a computer's wrong day, months before the plan
whose forms brought it, passed too.

Registries from the corpus generator (tests/corpus) with seeded edits: the plan "Hoàn thành"
(or "Đã kết luận"), its conclusion recorded or not, its opinions' outcomes as generated or all
settled; opinions' Nguồn, Ngày nhận, Nguồn nhập and carry-over notes drawn at random around
the plan's issue. What is owed and what came before the plan is worked out here from the rows
typed (the truth); `validate --json` is what the clerk is told.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random
import re

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(10)
STATUS_COL = schema.PLANS.column("status").header
RECEIVED_COL = schema.OPINIONS.column("received_date").header


def _validate(path: str, today: dt.date) -> list[dict]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        cli.main(["validate", path, "--json", "--today", today.isoformat()])
    return json.loads(buf.getvalue())["issues"]


def _issued(case, days_before: int) -> dt.date:
    issued = case.meeting - dt.timedelta(days=days_before)
    case.plan.update(number_symbol=case.plan["number_symbol"] or "7/KH-UBND",
                     issue_date=issued.isoformat())
    return issued


def _owed_truth(case) -> dict[str, list[str]]:
    """What the plan's opinions still owe, from the statuses the generator typed (each
    consistent with its cells): a written reply (not answered at the meeting, none sent, a
    citizen who gave a name, not sent to a superior), a resolution of the commune's own, and
    what waits on a superior."""
    replies, own, up = [], [], []
    for o in case.opinions:
        status, oid = o["status"], o["opinion_id"]
        if status == "Đã chuyển cấp trên":
            up.append(oid)
            continue
        if status in ("Mới", "Đã phân công", "Đang giải quyết") and \
                case.truth.meant_person.get(oid):
            replies.append(oid)
        if status not in ("Đã giải quyết", "Đã trả lời tại hội nghị"):
            own.append(oid)
    return {"chưa được trả lời bằng văn bản": replies, "chưa giải quyết xong": own,
            "đã chuyển cấp trên, chưa có kết quả": up}


def _settle_all(case) -> None:
    for o in case.opinions:
        if o["status"] != "Đã trả lời tại hội nghị":
            reply = case.meeting + dt.timedelta(days=7)
            o.update(status="Đã giải quyết", reply_number=o["reply_number"] or "9/UBND-VP",
                     reply_date=reply.isoformat(), resolved_date=reply.isoformat())


def _listed(ids: list[str]) -> str:
    return ", ".join(ids[:5]) + (f" và {len(ids) - 5} ý kiến khác" if len(ids) > 5 else "")


@pytest.mark.parametrize("settled", [False, True])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_plan_complete_while_opinions_still_owe_is_told_what_they_owe(seed, settled, tmp_path):
    """"Hoàn thành" with opinions owing a reply, a resolution, or a superior's answer: one
    warning at the plan's Trạng thái counting each, with its first codes, and saying to keep
    "Đã kết luận" until they are settled; none once every opinion is settled."""
    case = make_case(seed)
    _issued(case, 30)
    case.plan["status"] = "Hoàn thành"
    for o in case.opinions:
        o["duplicate_of"] = None          # each opinion its own (repeats: their own tests)
    if settled:
        _settle_all(case)
    path = saved(case, str(tmp_path / "so.xlsx"), more={"milestones": [dict(
        plan_id=case.plan["plan_id"], code="KET_LUAN",
        done_date=(case.meeting + dt.timedelta(days=5)).isoformat())]})
    found = [i for i in _validate(path, case.meeting + dt.timedelta(days=120))
             if i["code"] == "plan-complete-owed"]
    truth = {what: ids for what, ids in _owed_truth(case).items() if ids}
    if not truth:
        assert found == []
        return
    assert len(found) == 1 and found[0]["row"] == 2 and found[0]["column"] == STATUS_COL
    said = found[0]["message"]
    assert case.plan["plan_id"] in said and "\"Hoàn thành\"" in said
    for what in ("chưa được trả lời bằng văn bản", "chưa giải quyết xong",
                 "đã chuyển cấp trên, chưa có kết quả"):
        m = re.search(rf"(\d+) ý kiến {what} \(([^)]*)\)", said)
        if what not in truth:
            assert m is None, (what, said)
            continue
        assert m and int(m.group(1)) == len(truth[what]), (what, truth[what], said)
        assert m.group(2) == _listed(truth[what]), (what, said)
    assert "Giữ Trạng thái \"Đã kết luận\"" in found[0]["hint"]


@pytest.mark.parametrize("status", ["Đã kết luận", "Hoàn thành"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_plan_said_concluded_with_no_conclusion_recorded_is_doubted(seed, status, tmp_path):
    """"Đã kết luận" or "Hoàn thành" with no conclusion notice in Sổ văn bản and no Ngày hoàn
    thành of KET_LUAN: a doubt at the plan's Trạng thái naming the plan; recorded, none. A
    plan "Hoàn thành" with nothing recorded is told to keep "Đã tổ chức"."""
    case = make_case(seed)
    _issued(case, 30)
    case.plan["status"] = status
    recorded = seed % 2 == 0
    more = {"milestones": [dict(plan_id=case.plan["plan_id"], code="KET_LUAN",
                                done_date=(case.meeting + dt.timedelta(days=4)).isoformat())]
            } if recorded else None
    path = saved(case, str(tmp_path / "so.xlsx"), more=more)
    issues = _validate(path, case.meeting + dt.timedelta(days=60))
    doubts = [i for i in issues if i["code"] == "status-doubt" and i["row"] == 2
              and i["column"] == STATUS_COL]
    if recorded:
        assert doubts == []
        return
    assert len(doubts) == 1 and "thông báo kết luận" in doubts[0]["message"], doubts
    assert case.plan["plan_id"] in doubts[0]["message"]
    owed = [i for i in issues if i["code"] == "plan-complete-owed"]
    if status == "Hoàn thành" and owed:
        assert "Giữ Trạng thái \"Đã tổ chức\"" in owed[0]["hint"]


LINKED_NOTE = "Chuyển từ KH-2020-01 (YK-2020-001): chưa giải quyết xong, báo cáo lại tại hội nghị này."


def _dates_around(case, rng, issued: dt.date) -> dict[str, bool]:
    """Every opinion given a Nguồn, a Ngày nhận from a month before the plan to its
    conference, now and then a Nguồn nhập or a carry-over's note; opinion → whether it
    came, by what its row says, through the plan (its forms, its conference) before the plan
    was issued. The first two rows are one that did and a letter that came before."""
    truth = {}
    sources = ("Phiếu hỏi", schema.SPOKEN_SOURCE, "Văn bản", "MTTQ chuyển")
    span = (case.meeting - issued).days + 30
    for k, o in enumerate(case.opinions):
        source = ("Phiếu hỏi", "Văn bản")[k] if k < 2 else rng.choice(sources)
        day = issued - dt.timedelta(days=rng.randint(1, 30)) if k < 2 else \
            issued - dt.timedelta(days=30) + dt.timedelta(days=rng.randint(0, span))
        ref = f"MTTQ ABC-{k:03d} (lô 1A2B3C)" if source == "MTTQ chuyển" and \
            rng.random() < 0.6 else None
        linked = k >= 2 and rng.random() < 0.2
        o.update(source=source, received_date=day.isoformat(), intake_ref=ref,
                 note=LINKED_NOTE if linked else None,
                 duplicate_of=case.opinions[0]["opinion_id"] if linked else None)
        brought = source in ("Phiếu hỏi", schema.SPOKEN_SOURCE) or bool(ref)
        truth[o["opinion_id"]] = day < issued and brought and not linked
    return truth


@pytest.mark.parametrize("seed", SEEDS)
def test_an_opinion_of_the_plan_received_before_the_plan_is_warned_a_letter_not(seed,
                                                                              tmp_path):
    """Received before the plan was issued (its Ngày ban hành, or, left blank, its KH issued in
    Sổ văn bản) while its Nguồn says forms or the conference, or it was merged from a returned
    form: a warning at its Ngày nhận naming the plan's day; a letter, a hand-typed "MTTQ
    chuyển", a row the carry-over linked, or a day on or after the plan: none."""
    rng = random.Random(seed)
    case = make_case(seed)
    issued = _issued(case, rng.randint(20, 45))
    more = None
    if seed % 2:                # the plan's day only in Sổ văn bản
        case.plan["issue_date"] = None
        more = {"register": [dict(number=7, number_symbol=case.plan["number_symbol"],
                                  date=issued.isoformat(), kind="KH",
                                  plan_id=case.plan["plan_id"], status="Đã ban hành")]}
    truth = _dates_around(case, rng, issued)
    path = saved(case, str(tmp_path / "so.xlsx"), more=more)
    rows = {k + 2: o["opinion_id"] for k, o in enumerate(case.opinions)}
    found = [i for i in _validate(path, case.meeting + dt.timedelta(days=5))
             if i["code"] == "received-before-plan"]
    assert {rows[i["row"]] for i in found} == {oid for oid, yes in truth.items() if yes}
    for i in found:
        assert i["column"] == RECEIVED_COL and f"({issued:%d/%m/%Y})" in i["message"]
        assert rows[i["row"]] in i["message"] and case.plan["plan_id"] in i["message"]
