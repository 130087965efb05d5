"""When a plan's documents may be made and numbered, by the day of the run: what tells of the
conference waits for it; what announces or prepares it is only drafted once it is over (the
bulletin, the forms, the delivery book are not made again then); the minutes are numbered from
its day; a report on a step (the forms collected) is numbered from that step's day."""
from __future__ import annotations

import datetime as dt

from doithoai.documents import notices
from doithoai.documents.context import Builder
from doithoai.documents.kinds import DAY, Kind
from doithoai.registry.model import Plan


def out_of_time(plan: Plan, builder: Builder, kinds: list[Kind], today: dt.date, issue: bool,
                issued: frozenset[str] = frozenset()
                ) -> tuple[list[Kind], list[Kind], list[Kind], list[str]]:
    """(the kinds not made in this run, the kinds drafted but not numbered, the kinds not
    made again where a file of them is there already, the notices that say why). ``issued``:
    the codes of the kinds Sổ văn bản holds issued for the plan (a preparation document issued
    in time is not told of as one that will not be numbered)."""
    waiting, late, early = _out_of_time(plan, kinds, today, issue)
    uncollected = _before_their_step(builder, kinds, today, issue, late + early)
    past = _announced_past(plan, kinds, today)
    never = [k for k in late if k.code not in issued]
    said = ([notices.after_the_meeting(plan, waiting)] if waiting else []) + \
        ([notices.not_issued_after(plan, never)] if never else []) + \
        ([notices.not_issued_before(plan, early)] if early else []) + \
        [notices.not_issued_before_step(plan, before, builder.milestones[step],
                                         builder.printed_words)
         for step, before in uncollected.items()]
    unissued = late + early + [k for before in uncollected.values() for k in before]
    return waiting, unissued, past, said


def _out_of_time(plan: Plan, kinds: list[Kind], today: dt.date, issue: bool
                 ) -> tuple[list[Kind], list[Kind], list[Kind]]:
    """(kinds that wait for the conference, kinds drafted but not numbered: too late, too
    early). A document that tells of the conference waits for it; one that announces or
    prepares it is never issued once it is over (an invitation numbered and dated after its
    meeting cannot be signed); the minutes are drafted before the day but numbered from it
    (they are signed when the conference closes)."""
    meeting = plan.meeting_date
    held = meeting is not None and meeting <= today
    over = is_over(plan, today)
    # a cancelled plan's replies wait for no conference (documents/cancelled.py)
    waiting = [k for k in kinds if k.after_meeting and not held and not plan.cancelled]
    numbered = [k for k in kinds if issue and k.numbered and not own_number(plan, k)]
    late = [k for k in numbered if k.before_meeting and over]
    early = [k for k in numbered if k.when == DAY and meeting is not None and not held]
    return waiting, late, early


def _announced_past(plan: Plan, kinds: list[Kind], today: dt.date) -> list[Kind]:
    """The kinds never numbered that announce or prepare the conference (the bulletin, the
    forms, the delivery book), once it is over: made where none was made before (for the
    record), not made again over one made before (which was read out, printed, maybe edited:
    it would be replaced by one announcing a conference already held)."""
    return [k for k in kinds if is_over(plan, today) and k.before_meeting and not k.numbered]


def _before_their_step(builder: Builder, kinds: list[Kind], today: dt.date, issue: bool,
                       unissued: list[Kind]) -> dict[str, list[Kind]]:
    """Each step whose day has not come (nor is it marked done) → the kinds to be issued in
    this run that report on it (:attr:`Kind.after_step`): drafted, not numbered."""
    out: dict[str, list[Kind]] = {}
    for k in kinds:
        m = builder.milestones.get(k.after_step or "")
        if issue and k.numbered and k not in unissued and m is not None and \
                m.done_date is None and m.due > today:
            out.setdefault(k.after_step, []).append(k)
    return out


# What counts its deadlines from the conclusion notice's day, and says so to its reader.
COUNTED_FROM_CONCLUSION = ("TBCD",)


def awaiting_conclusion(reg, builder: Builder, kinds: list[Kind], unissued: list[Kind],
                        said: list[str]) -> list[Kind]:
    """The notices to citizens (TBCD), drafted but not numbered while the plan's conclusion
    notice is neither issued before nor by this run (a row with errors may keep it back): a
    citizen must not hold a deadline counted from a notice that does not exist. The reason
    goes into ``said``."""
    from doithoai.rules.deadlines import conclusion_dates
    plan = builder.plan
    held = [k for k in kinds if k.code in COUNTED_FROM_CONCLUSION and k not in unissued]
    if not held or builder.concluded_now or plan.plan_id in conclusion_dates(reg):
        return []
    said.append(notices.before_the_conclusion(plan, held))
    return held


def is_over(plan: Plan, today: dt.date) -> bool:
    """The plan's conference is over: its day is before ``today`` (on the day itself, what
    prepares it may still be made)."""
    return plan.meeting_date is not None and plan.meeting_date < today


def own_number(plan: Plan, kind: Kind) -> bool:
    """A plan typed with its own Số ký hiệu and date was issued outside the tool: it keeps them."""
    return kind.code == "KH" and bool(plan.number_symbol and plan.issue_date)
