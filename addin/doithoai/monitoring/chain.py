"""Each opinion's chain and the summaries built from it (pure: registry in, data out)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from doithoai.registry import repeats, schema
from doithoai.rules import agencies, deadlines, owed
from doithoai.text import places

# The stages a chain reaches: the opinion statuses' own words where a stage is one.
RAISED, ASSIGNED, AT_MEETING, UPWARD, REPLIED, RESOLVED = (
    "Mới nêu", schema.ASSIGNED_STATUS, schema.SETTLED_AT_MEETING, schema.SENT_UP_STATUS,
    schema.REPLIED_STATUS, "Đã giải quyết xong")
STAGES = (RAISED, ASSIGNED, AT_MEETING, UPWARD, REPLIED, RESOLVED)
SATISFIED, UNSATISFIED, NOT_ASKED = "Hài lòng", "Chưa hài lòng", "Chưa hỏi"
UNKNOWN_VILLAGE = "(không rõ thôn)"
OWED_UNDATED = "trả lời (chưa có hạn)"     # Còn nợ of an opinion owed a reply with no deadline


# Slots: a report holds one chain per opinion (50,000 of them), and past 30 attributes an
# object's attributes no longer share their keys (each chain would carry a dict of its own).
@dataclass(slots=True)
class Chain:
    opinion_id: str
    plan_id: str
    meeting: dt.date | None
    source: str
    received: dt.date | None
    person: str                  # only when the registry's setting allows; else ""
    village: str                 # the village the address names, never the address itself
    field: str
    content: str
    competence: str
    agency: str
    assigned: dt.date | None
    answered_at_meeting: bool
    conclusion: dt.date | None   # the conclusion notice of the plan (issued)
    reply_number: str
    reply_date: dt.date | None
    reply_due: dt.date | None
    resolved: dt.date | None
    resolve_due: dt.date | None
    satisfaction: str            # Hài lòng / Chưa hài lòng / Chưa hỏi
    duplicate_of: str
    stage: str
    overdue: bool
    late_days: int               # working days past the earliest missed due date (0 if none)
    owes: str                    # "trả lời", "giải quyết", "" — what the agency still owes
    upward: bool = False         # beyond the commune's authority: recommended to a superior
    level: str = agencies.OWN    # the level of its agency (rules.agencies)
    superior: str = ""           # when sent up: the superior it is recommended to
    # Given after its due date: working days from Hạn trả lời to Ngày trả lời (resp. Hạn giải
    # quyết to Ngày giải quyết xong); None when not given late or not given (yet).
    reply_late: int | None = None
    resolve_late: int | None = None
    # Owed a written reply that no Hạn trả lời will come to as the registry stands (rules.owed:
    # its conference cancelled, or its conclusion notice past its last day and unrecorded).
    undated: bool = False
    # Owed a written reply past its Hạn trả lời (of the overdue, those still owed the reply).
    reply_missed: bool = False
    # A row `carry-over --link` added (registry.repeats.linked): a repeat no citizen raised.
    linked: bool = False

    @property
    def waiting(self) -> bool:
        """Sent up and not yet answered: waiting for a superior, never the commune's overdue."""
        return self.upward and not self.answered and not self.resolved

    @property
    def answered(self) -> bool:
        return self.answered_at_meeting or bool(self.reply_number or self.reply_date)

    @property
    def answered_late(self) -> bool:
        return self.reply_late is not None

    @property
    def resolved_late(self) -> bool:
        return self.resolve_late is not None

    @property
    def counted(self) -> bool:   # a repeat is counted once, under its original
        return not self.duplicate_of


def village_of(address: str | None, villages) -> str:
    """The village an address names ("Số 5 ngõ 3, TDP Cẩm Khê A" → "TDP Cẩm Khê A"), as
    text.places finds it; UNKNOWN_VILLAGE when it names none (never the address itself)."""
    return places.PlaceFinder(villages).place_of(address) or UNKNOWN_VILLAGE


class _Villages:
    """The village of each address, among its plan's villages and those of Danh mục › Thôn, tổ
    dân phố (validation accepts both): one finder a plan, made when first asked (a registry of
    1,000 plans asks for each), each address looked up once."""

    def __init__(self, reg):
        self.plans = {p.plan_id: p for p in reg.plans}
        self.listed = [v for v in reg.lookups.get("villages", []) if v]
        self.everywhere = sorted({v for p in reg.plans for v in p.villages})
        self.finders: dict[str | None, places.PlaceFinder] = {}
        self.found: dict[tuple, str] = {}

    def __call__(self, address: str | None, plan_id: str | None) -> str:
        key = (address, plan_id)
        if key not in self.found:
            finder = self.finders.get(plan_id)
            if finder is None:
                plan = self.plans.get(plan_id)
                own = list(plan.villages) if plan else self.everywhere
                finder = self.finders[plan_id] = places.PlaceFinder(
                    list(dict.fromkeys(own + self.listed)))
            self.found[key] = finder.place_of(address) or UNKNOWN_VILLAGE
        return self.found[key]


def stage_of(o, up: bool = False) -> str:
    if o.resolved_date or o.status == schema.RESOLVED_STATUS:
        return RESOLVED
    if o.reply_number or o.reply_date or o.status == REPLIED:
        return REPLIED
    if up or o.competence == "Cấp trên" or o.status == UPWARD:
        return UPWARD
    if o.answered_at_meeting == schema.YES or o.status == AT_MEETING:
        return AT_MEETING
    if o.agency or o.assigned_date or o.status in schema.CLAIMED:
        return ASSIGNED
    return RAISED


def names_shown(reg) -> bool:
    """Whether the monitoring workbook names the people who raised opinions (Cấu hình › Ghi
    tên người nêu trong báo cáo theo dõi): then it holds personal data, and travels encrypted
    when the registry does."""
    return (reg.settings.monitor_names or schema.NO) == schema.YES


def people_named(chains: list[Chain]) -> int:
    """How many citizens a report naming them names: one per person and village, a form of
    address or an emoji typed with the name aside (registry.personal.bare_name)."""
    from doithoai.registry import personal
    from doithoai.text import vntext
    return len({(vntext.identity_key(personal.bare_name(c.person)), c.village)
                for c in chains if c.person})


def days_late(cal, due: dt.date | None, done: dt.date | None) -> int | None:
    """How late a step was done: the working days from its due date to the day it was done
    (0 when done on a day off just after a due date), None when done by its due date or when
    there is no due date or no day done. The same calendar as the overdue's working days."""
    if due is None or done is None or done <= due:
        return None
    return cal.working_days_between(due, done)


def build(reg, as_of: dt.date, report: deadlines.DeadlineReport | None = None) -> list[Chain]:
    report = report or deadlines.due_dates(reg, as_of)
    cal = deadlines.calendar_for(reg)
    plans = {p.plan_id: p for p in reg.plans}
    village = _Villages(reg)
    conclusions = deadlines.conclusion_dates(reg)
    names = names_shown(reg)
    typed = reg.agency_levels
    undated = {o.opinion_id for ops in owed.without_deadline(reg, as_of).values() for o in ops}
    out = []
    for o in reg.opinions:
        if not o.opinion_id:
            continue
        up = agencies.sent_up(o, typed)
        plan = plans.get(o.plan_id)
        reply_due = report.reply_due.get(o.opinion_id)
        resolve_due = report.resolve_due.get(o.opinion_id)
        missed = []
        owes = []
        if reply_due and not (o.reply_date or o.reply_number) and not o.resolved_date:
            owes.append("trả lời")
            if reply_due < as_of:
                missed.append(reply_due)
        if o.opinion_id in undated and not reply_due:
            owes.append(OWED_UNDATED)
        if resolve_due and not o.resolved_date:
            owes.append("giải quyết")
            if resolve_due < as_of:
                missed.append(resolve_due)
        late = cal.working_days_between(min(missed), as_of) if missed else 0
        where = village(o.address, o.plan_id)
        out.append(Chain(
            # no day for a conference that was cancelled: it never met (Hội nghị says so)
            o.opinion_id, o.plan_id or "", plan.meeting_date if plan and not plan.cancelled
            else None, o.source or "",
            o.received_date, (o.raised_by or "") if names else "",
            where, o.field or "",
            o.content or "", o.competence or "", o.agency or "", o.assigned_date,
            o.answered_at_meeting == schema.YES, conclusions.get(o.plan_id), o.reply_number or "",
            o.reply_date, reply_due, o.resolved_date, resolve_due,
            o.satisfaction or NOT_ASKED, o.duplicate_of or "", stage_of(o, up), bool(missed),
            max(0, late), " và ".join(owes), up,
            agencies.SUPERIOR if up else agencies.level_of(o.agency, typed),
            agencies.superior_of(o.agency, typed, reg.settings.province or "") if up else "",
            # an answer at the meeting is never late; one sent up has no deadline of the
            # commune's (the deadline engine gives neither a Hạn trả lời)
            reply_late=None if up or o.answered_at_meeting == schema.YES
            else days_late(cal, reply_due, o.reply_date),
            resolve_late=None if up else days_late(cal, resolve_due, o.resolved_date),
            undated=o.opinion_id in undated and not reply_due,
            reply_missed="trả lời" in owes and reply_due < as_of,
            linked=bool(o.duplicate_of) and repeats.linked(o)))
    return out


# --- one partition of a conference's opinions, for every document that counts them --------------

PART_MEETING, PART_UPWARD, PART_WRITING, PART_PROGRESS, PART_RESOLVED = (
    "tai_hoi_nghi", "cap_tren", "van_ban", "dang_giai_quyet", "xong_khong_van_ban")


def outcome_of(o, up: bool | None = None) -> str:
    """Where a raised opinion stands, one answer each, so the parts always sum to the whole:
    answered at the meeting; else beyond the commune's authority (sent up); else answered in
    writing (a reply number or date); else resolved with no letter (an unnamed citizen's);
    else in progress."""
    if o.answered_at_meeting == schema.YES:
        return PART_MEETING
    if up if up is not None else o.competence == "Cấp trên":
        return PART_UPWARD
    if o.reply_number or o.reply_date:
        return PART_WRITING
    if o.resolved_date or o.status == schema.RESOLVED_STATUS:
        return PART_RESOLVED
    return PART_PROGRESS


def outcomes(opinions, chains: list[Chain]) -> dict[str, int]:
    """The partition's counts; how many of those in progress are overdue (a subset); of the
    overdue answered in writing or in progress, those still owed their reply past its deadline
    and those owing only their resolution past its deadline; how many are resolved."""
    overdue = {c.opinion_id for c in chains if c.overdue}
    missed = {c.opinion_id for c in chains if c.reply_missed}
    upward = {c.opinion_id for c in chains if c.upward}
    waiting = {c.opinion_id for c in chains if c.waiting}
    # one part each, in the list's order (an opinion may stand twice: two matters raised at
    # a conference, each again, standing where one original does)
    part = [outcome_of(o, o.opinion_id in upward) for o in opinions]
    counts = Counter(part)
    out = {k: counts.get(k, 0) for k in (PART_MEETING, PART_UPWARD, PART_WRITING, PART_PROGRESS,
                                         PART_RESOLVED)}
    out["qua_han"] = sum(1 for o, p in zip(opinions, part) if p == PART_PROGRESS
                         and o.opinion_id in overdue)
    out["qua_han_tra_loi"] = sum(1 for o, p in zip(opinions, part) if p == PART_PROGRESS
                                 and o.opinion_id in missed)
    out["qua_han_giai_quyet"] = sum(1 for o, p in zip(opinions, part)
                                    if p in (PART_WRITING, PART_PROGRESS, PART_RESOLVED)
                                    and o.opinion_id in overdue and o.opinion_id not in missed)
    out["da_giai_quyet"] = sum(1 for o in opinions
                               if o.resolved_date or o.status == schema.RESOLVED_STATUS)
    # Of those sent up, how many still wait for the superior's answer (a subset of cap_tren).
    out["cho_cap_tren"] = sum(1 for o, p in zip(opinions, part) if p == PART_UPWARD
                              and o.opinion_id in waiting)
    return out


# --- summaries ----------------------------------------------------------------------------------

_TALLIED = ("answered", "resolved", "satisfied", "overdue", "waiting", "answered_late",
            "resolved_late")


def _marks(x: Chain) -> tuple[bool, ...]:
    """What a counted chain adds to each count of :data:`_TALLIED`, in that order."""
    return (x.answered, bool(x.resolved), x.satisfaction == SATISFIED, x.overdue, x.waiting,
            x.answered_late, x.resolved_late)


def _tally(marks) -> dict:
    """The counts of a group of chains from their marks (None: a repeat, not counted)."""
    rows = [m for m in marks if m is not None]
    sums = [sum(column) for column in zip(*rows)] if rows else [0] * len(_TALLIED)
    return {"raised": len(rows), **dict(zip(_TALLIED, sums))}


def counts_said(chains: list[Chain]) -> str:
    """The totals as the command and the buttons say them, each repeat counted once: those given
    late are a part of the answered (resolved), apart from the overdue still owed."""
    t = _tally(_marks(x) for x in chains if x.counted)
    undated = sum(1 for x in chains if x.counted and x.undated)
    return (f"{t['raised']} ý kiến; đã trả lời {t['answered']} (trong đó {t['answered_late']} "
            f"trả lời muộn), đã giải quyết xong {t['resolved']} (trong đó {t['resolved_late']} "
            f"giải quyết muộn), người nêu hài lòng {t['satisfied']}, quá hạn {t['overdue']}"
            + (f", còn nợ trả lời chưa có hạn {undated}" if undated else ""))


def by(chains, key, order: list[str] | None = None, marks: list | None = None
       ) -> list[tuple[str, dict]]:
    """The counts by ``key``, in ``order`` then the largest group first; ``marks``: each
    chain's :func:`_marks` (None if not counted), when the caller has them already."""
    if marks is None:
        marks = [_marks(x) if x.counted else None for x in chains]
    groups: dict[str, list] = {}
    for x, m in zip(chains, marks):
        groups.setdefault(key(x) or "(chưa ghi)", []).append(m)
    keys = [k for k in (order or []) if k in groups] + sorted(
        (k for k in groups if k not in (order or [])), key=lambda k: (-len(groups[k]), k))
    return [(k, _tally(groups[k])) for k in keys]


def _agencies(counted: list[Chain]) -> list[tuple[str, int, int, int, int]]:
    """(agency, still owed, overdue, answered late, resolved late): the agencies that still owe,
    the most overdue first, then those that only answered or resolved late, the latest first."""
    def count(has) -> Counter:
        return Counter(x.agency or "(chưa phân công)" for x in counted if has(x))
    owed, late = count(lambda x: x.owes), count(lambda x: x.overdue)
    answered, resolved = count(lambda x: x.answered_late), count(lambda x: x.resolved_late)
    rest = (set(answered) | set(resolved)) - set(owed)
    order = sorted(owed, key=lambda a: (-late[a], -owed[a], a)) + sorted(
        rest, key=lambda a: (-answered[a] - resolved[a], a))
    return [(a, owed[a], late[a], answered[a], resolved[a]) for a in order]


def summary(reg, chains: list[Chain]) -> dict:
    """The tables the monitoring workbook and the Tổng hợp sheet show."""
    counted = [x for x in chains if x.counted]
    marks = [_marks(x) if x.counted else None for x in chains]     # each chain looked at once
    plans = sorted(reg.plans, key=lambda p: (p.meeting_date or dt.date.max, p.plan_id or ""))
    agency_rows = _agencies(counted)
    stages = Counter(x.stage for x in counted)
    satisfaction = Counter(x.satisfaction for x in counted)
    of_plan: dict[str, list] = {}
    for x, m in zip(chains, marks):
        of_plan.setdefault(x.plan_id, []).append(m)
    return {
        "totals": _tally(marks),
        "by_field": by(chains, lambda x: x.field, reg.lookups.get("fields"), marks),
        "by_stage": [(s, stages[s]) for s in STAGES],
        # those that still owe (the registry's Tổng hợp), and every agency of the monitoring
        # workbook's table, with its answers and resolutions given late
        "by_agency": [r[:3] for r in agency_rows if r[1]],
        "agencies": agency_rows,
        "by_village": by(chains, lambda x: x.village, None, marks),
        "by_source": by(chains, lambda x: x.source, reg.lookups.get("sources"), marks),
        "by_satisfaction": [(s, satisfaction[s]) for s in (SATISFIED, UNSATISFIED, NOT_ASKED)],
        "by_plan": [(p.plan_id + (" (đã hủy)" if p.cancelled else ""),
                     _tally(of_plan.get(p.plan_id, []))) for p in plans if p.plan_id],
        "duplicates": sum(1 for x in chains if not x.counted and not x.linked),
        "linked": sum(1 for x in chains if x.linked),
        "undated": sum(1 for x in counted if x.undated),
    }
