"""The registry as it stood on a day: what a report "as of" that day may count.

A monitoring report made in January "tính đến ngày 31/12" must not count what the registry
records after that day: opinions received later, replies, resolutions, assignments and
attendance dated later, documents issued later, conferences held later. :func:`as_it_stood`
returns the registry without them, and :class:`LeftOut` says how many (the report says so).
Nothing is guessed: a date never typed stays untyped, and a typed Trạng thái is moved back only
when the date that supported it is after the day (it then becomes what the remaining cells
support). With nothing dated after the day, the registry itself is returned.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from doithoai.registry import schema
from doithoai.registry.model import Opinion, Plan, Registry



@dataclasses.dataclass
class LeftOut:
    """How much of the registry is dated after the day, by what a reader counts."""
    opinions: int = 0        # received after the day (or raised at a conference held after)
    replies: int = 0
    resolutions: int = 0
    documents: int = 0       # Sổ văn bản rows dated after the day
    conferences: int = 0     # held after the day, though typed as held

    def __bool__(self) -> bool:
        return any(dataclasses.astuple(self))

    def sentence(self, day: dt.date) -> str | None:
        """What the report leaves out, for its reader (None when nothing)."""
        parts = [f"{n} {what}" for n, what in (
            (self.opinions, "ý kiến nhận sau ngày đó"), (self.replies, "trả lời bằng văn bản"),
            (self.resolutions, "kết quả giải quyết xong"), (self.documents, "văn bản ban hành"),
            (self.conferences, "hội nghị tổ chức sau ngày đó")) if n]
        if not parts:
            return None
        return (f"Số liệu như sổ ghi đến hết ngày {day:%d/%m/%Y}; không tính những gì sổ ghi sau "
                f"ngày đó: {'; '.join(parts)}.")


@dataclasses.dataclass
class _Later:
    """What the day tells apart, found once for the whole registry."""
    day: dt.date
    held_later: set[str]          # plans whose conference is after the day
    replied_later: set[str]       # opinions whose reply (CVTL) was issued after the day
    concluded_later: set[str]     # plans whose conclusion (TBKL) was issued after the day


def as_it_stood(reg: Registry, day: dt.date) -> tuple[Registry, LeftOut]:
    """The registry as it stood at the end of ``day``, and what was left out."""
    left = LeftOut()
    later = _Later(day, {p.plan_id for p in reg.plans if _after(p.meeting_date, day)},
                   {e.opinion_id for e in reg.register if e.kind == "CVTL" and e.opinion_id
                    and _after(e.date, day)},
                   {e.plan_id for e in reg.register if e.kind == "TBKL" and _after(e.date, day)})
    register = [e for e in reg.register if not _after(e.date, day)]
    left.documents = len(reg.register) - len(register)
    plans = [_plan_then(p, later, left) for p in reg.plans]
    opinions = [o for o in (_opinion_then(o, later, left) for o in reg.opinions) if o is not None]
    if not left and not _other_dates_after(reg, later):
        return reg, left
    return dataclasses.replace(
        reg, plans=plans, opinions=opinions, register=register,
        milestones=[dataclasses.replace(m, done_date=None) if _after(m.done_date, day) else m
                    for m in reg.milestones],
        invitees=[_invitee_then(i, later) for i in reg.invitees]), left


def _after(date: dt.date | None, day: dt.date) -> bool:
    return date is not None and date > day


def _other_dates_after(reg: Registry, later: _Later) -> bool:
    """Dates after the day that :class:`LeftOut` does not count (a milestone done, an
    invitation sent, an assignment, attendance of a conference still to come)."""
    return (any(_after(m.done_date, later.day) for m in reg.milestones)
            or any(_after(i.sent_date, later.day) or (i.plan_id in later.held_later and
                                                      i.attendance) for i in reg.invitees)
            or any(_after(o.assigned_date, later.day) for o in reg.opinions))


def _plan_then(p: Plan, later: _Later, left: LeftOut) -> Plan:
    """A plan typed as held (or concluded) whose conference is after the day: issued then,
    if its Ngày ban hành is on or before the day, else a draft. One typed as concluded whose
    conclusion notice was issued after the day: held, not concluded."""
    if p.plan_id in later.held_later and p.status in schema.HELD_STATUSES:
        left.conferences += 1
        issued = p.issue_date is not None and p.issue_date <= later.day
        return dataclasses.replace(p, status="Đã ban hành" if issued else "Dự thảo")
    if p.plan_id in later.concluded_later and p.status in schema.HELD_STATUSES[1:]:
        return dataclasses.replace(p, status=schema.HELD_STATUSES[0])
    return p


def _invitee_then(i, later: _Later):
    sent = None if _after(i.sent_date, later.day) else i.sent_date
    came = None if i.plan_id in later.held_later else i.attendance
    if sent == i.sent_date and came == i.attendance:
        return i
    return dataclasses.replace(i, sent_date=sent, attendance=came)


def _opinion_then(o: Opinion, later: _Later, left: LeftOut) -> Opinion | None:
    """The opinion at the end of the day; None when it was not raised yet."""
    spoken_later = o.source == schema.SPOKEN_SOURCE and o.plan_id in later.held_later
    if _after(o.received_date, later.day) or (o.received_date is None and spoken_later):
        left.opinions += 1
        return None
    changes: dict = {}
    if _after(o.reply_date, later.day) or o.opinion_id in later.replied_later:
        changes.update(reply_date=None, reply_number=None)
        left.replies += 1
    if _after(o.resolved_date, later.day):
        changes.update(resolved_date=None, satisfaction=None)
        left.resolutions += 1
    if _after(o.assigned_date, later.day):
        changes["assigned_date"] = None
    if o.plan_id in later.held_later and o.answered_at_meeting == schema.YES:
        changes["answered_at_meeting"] = None
    if not changes:
        return o
    then = dataclasses.replace(o, **changes)
    then.status = _status_then(o, then, o.plan_id in later.held_later)
    return then


def _status_then(before: Opinion, then: Opinion, held_later: bool) -> str | None:
    """The typed status, unless the date that supported it is after the day."""
    lost = {schema.RESOLVED_STATUS: bool(before.resolved_date and not then.resolved_date),
            schema.REPLIED_STATUS: bool((before.reply_date or before.reply_number)
                                 and not (then.reply_date or then.reply_number)),
            schema.SETTLED_AT_MEETING: held_later}
    return supported(then) if lost.get(before.status or "") else before.status


def supported(o: Opinion) -> str:
    """The status an opinion's own cells support: replied in writing, being resolved after
    an answer at the meeting, assigned, answered at the meeting, or new."""
    if o.reply_date or o.reply_number:
        return schema.REPLIED_STATUS
    if o.agency or o.assigned_date:
        return schema.IN_PROGRESS_STATUS if o.answered_at_meeting == schema.YES \
            else schema.ASSIGNED_STATUS
    if o.answered_at_meeting == schema.YES:
        return schema.SETTLED_AT_MEETING
    return schema.NEW_STATUS
