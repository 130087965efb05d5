"""Seeded edits of generated registries: replies and resolutions dated before, on and after
the due dates `doithoai deadlines --json` computes, and what a report as of a day must then say
of the late ones, recomputed from the typed rows and a working calendar of the registry's Ngày
nghỉ sheet (rules.workcalendar). Used by tests/monitoring/test_late.py and the province's
roll-up tests.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import openpyxl

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.rules.workcalendar import OverrideDay, WorkCalendar

YES = "Có"


def up(o: dict) -> bool:
    return o.get("competence") == "Cấp trên"


def at_meeting(o: dict) -> bool:
    return o.get("answered_at_meeting") == YES


def owed_a_reply(o: dict) -> bool:
    return not (o.get("duplicate_of") or at_meeting(o) or up(o))


# Cases with three opinions or more owed a written reply (before, on and after the due date)
SEEDS = [s for s in range(40) if sum(map(owed_a_reply, make_case(s).opinions)) >= 3][:6]
REPLY_SHIFT = (-3, 1, 0, 6, -1, 2)       # days from the due date, in turn
RESOLVE_SHIFT = (4, -2, 0, 1)


def conclusion(case) -> list[dict]:
    """The conclusion notice, as the clerk records it on Mốc thời gian (KET_LUAN done)."""
    day = case.meeting + dt.timedelta(days=random.Random(case.seed).randint(3, 12))
    return [dict(plan_id=case.plan["plan_id"], code="KET_LUAN", done_date=f"{day:%d/%m/%Y}")]


def due_dates(path: str, today: dt.date, capsys) -> dict[tuple[str, str], dt.date]:
    """(opinion, TRA_LOI | GIAI_QUYET) → due date, as `doithoai deadlines --json` prints it."""
    assert cli.main(["deadlines", "--json", "--today", today.isoformat(), path]) == 0
    printed = json.loads(capsys.readouterr().out)
    return {(m["opinion"], m["code"]): dt.date.fromisoformat(m["due"])
            for m in printed["milestones"] if m["code"] in ("TRA_LOI", "GIAI_QUYET")}


def edited(case, dues: dict, rng: random.Random):
    """Replies and resolutions dated around their due dates (before, on, after); answers at the
    meeting and opinions sent up answered two months after the conclusion."""
    far = case.meeting + dt.timedelta(days=75)
    opinions, n = [], rng.randrange(6)
    for o in case.opinions:
        oid = o["opinion_id"]
        if (oid, "TRA_LOI") in dues and rng.random() < 0.9:
            n += 1
            when = dues[oid, "TRA_LOI"] + dt.timedelta(days=REPLY_SHIFT[n % len(REPLY_SHIFT)])
            o = dict(o, reply_number=f"{rng.randint(10, 900)}/UBND-VP",
                     reply_date=f"{when:%d/%m/%Y}", answer="Đã có văn bản trả lời.",
                     status="Đã trả lời bằng văn bản", resolved_date=None, satisfaction=None)
            if (oid, "GIAI_QUYET") in dues and rng.random() < 0.7:
                shift = RESOLVE_SHIFT[n % len(RESOLVE_SHIFT)]
                done = dues[oid, "GIAI_QUYET"] + dt.timedelta(days=shift)
                o.update(resolved_date=f"{max(done, when):%d/%m/%Y}", status="Đã giải quyết",
                         satisfaction="Hài lòng")
        elif at_meeting(o) or up(o):
            o = dict(o, reply_number=f"{rng.randint(10, 900)}/UBND-VP",
                     reply_date=f"{far:%d/%m/%Y}", resolved_date=f"{far:%d/%m/%Y}")
        opinions.append(o)
    return dataclasses.replace(case, opinions=opinions)


def typed_date(value) -> dt.date | None:
    """A date as the generator typed it: 05/03/2027, 5/3/2027, 05-03-2027 or 2027-03-05."""
    if not value:
        return None
    for form in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            pass
    raise AssertionError(f"not a date the generator types: {value!r}")


def calendar(path: str) -> WorkCalendar:
    """The working calendar of the registry's Ngày nghỉ sheet, read here with openpyxl."""
    rows = list(openpyxl.load_workbook(path)["Ngày nghỉ"].iter_rows(values_only=True))
    head = rows[0]
    days = []
    for r in rows[1:]:
        day, kind = r[head.index("Ngày")], r[head.index("Loại")]
        if day and kind:
            day = day.date() if isinstance(day, dt.datetime) else typed_date(str(day))
            days.append(OverrideDay(day, kind))
    return WorkCalendar(days)


def expected(case, dues, cal, as_of: dt.date, step: int) -> dict[str, int]:
    """Opinion → working days late, from the typed rows: counted (no repeat), received by the
    day, not answered at the meeting, not sent up, given by the day and after its due date."""
    date_key, code = (("reply_date", "TRA_LOI"), ("resolved_date", "GIAI_QUYET"))[step]
    out = {}
    for o in case.opinions:
        given, due = typed_date(o.get(date_key)), dues.get((o["opinion_id"], code))
        received = typed_date(o["received_date"])
        if o.get("duplicate_of") or at_meeting(o) or up(o) or received > as_of:
            continue
        if given and due and due < given <= as_of:
            out[o["opinion_id"]] = cal.working_days_between(due, given)
    return out


def detail(wb) -> list[dict]:
    rows = list(wb["Theo dõi ý kiến"].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def made(seed: int, tmp_path, capsys):
    """The edited case saved as a registry, its due dates, its calendar and two days: one
    between the replies (some late ones after it), one after every event."""
    case = make_case(seed)
    more = {"milestones": conclusion(case)}
    first = saved(case, str(tmp_path / f"truoc-{seed}.xlsx"), more)
    today = case.meeting + dt.timedelta(days=200)
    due = due_dates(first, today, capsys)
    case = edited(case, due, random.Random(seed))
    path = saved(case, str(tmp_path / f"so-{seed}.xlsx"), more)
    assert due_dates(path, today, capsys) == due         # the replies do not move them
    replies = sorted(d for o in case.opinions if (d := typed_date(o.get("reply_date"))))
    middle = replies[len(replies) // 2] if replies else case.meeting
    return case, path, due, calendar(path), (middle, case.meeting + dt.timedelta(days=400))
