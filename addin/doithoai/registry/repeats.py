"""Repeats (Ý kiến › Trùng với), who a written reply can be addressed to, and when an opinion
is settled.

A repeat joins the opinion it names, followed to the first one that is not itself a repeat
(its original). The original is answered once: each citizen who raised it and gave a name,
its own or a repeat's still waiting, is owed that answer in a reply of their own
(documents.context.repeats). A citizen who gave no name ("Ẩn danh") can
be written to by no one: an original of theirs is owed a written reply only through a repeat
raised by someone who did give one (rules.deadlines sets its Hạn trả lời; the reply goes to
that citizen).
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry import schema, spelling
from doithoai.registry.model import Opinion, Registry


def waiting(o: Opinion, on: dt.date | None = None) -> bool:
    """Not answered at the meeting, nor yet in writing, nor resolved: its citizen is still
    to be told who handles it and by when. ``on``: as it stood that day, by the days its
    reply and its resolution are dated (a reply numbered with no day counts as given)."""
    if o.answered_at_meeting == schema.YES:
        return False
    if on is None or (o.reply_number and not o.reply_date):
        return not (o.reply_number or o.reply_date or o.resolved_date)
    return not any(day and day <= on for day in (o.reply_date, o.resolved_date))


def settled(o: Opinion) -> bool:
    """Nothing is left to do on it: a Ngày giải quyết xong, Trạng thái "Đã giải quyết", or
    answered at the conference and left so ("Đã trả lời tại hội nghị"). The one rule of what
    earlier conferences still owe (monitoring.carryover) and of whose contacts may be
    forgotten (registry.personal.settled_on)."""
    return bool(o.resolved_date) or o.status in (schema.RESOLVED_STATUS,
                                                 schema.SETTLED_AT_MEETING)


def addressable(o: Opinion) -> bool:
    """Its citizen gave a name a letter can be addressed to."""
    return bool((o.raised_by or "").strip()) and not spelling.is_anonymous(o.raised_by)


LINKED = "Chuyển từ"


def linked_note(original: Opinion) -> str:
    """Ghi chú of a row `carry-over --link` adds to a new plan for an earlier opinion not
    settled: the office's own tracking, reported on at the new conference, not raised there."""
    return (f"{LINKED} {original.plan_id} ({original.opinion_id}): chưa giải quyết xong, báo "
            "cáo lại tại hội nghị này.")


def linked(o: Opinion) -> bool:
    """A row the carry-over added (:func:`linked_note`), as its Ghi chú still says."""
    return (o.note or "").startswith(LINKED + " ")


def first_of(o: Opinion | None, by_id: dict[str, Opinion]) -> Opinion | None:
    """The opinion that ``o`` joined (Trùng với), followed to the first one that is not itself
    a repeat, in any plan; ``o`` itself when it is none; None when the chain leads nowhere (a
    code no row has, or a circle)."""
    seen = set()
    while o is not None and o.duplicate_of:
        if o.opinion_id in seen:
            return None
        seen.add(o.opinion_id)
        o = by_id.get(o.duplicate_of.strip())
    return o


def unaddressed(reg: Registry) -> set[str]:
    """The opinions whose citizen gave no name and that no waiting repeat (with its own code)
    by a named citizen joined: no written reply can be addressed for them."""
    by_id = {o.opinion_id: o for o in reg.opinions if o.opinion_id}
    reached = set()
    for o in reg.opinions:
        if o.duplicate_of and o.opinion_id and addressable(o) and waiting(o):
            first = first_of(o, by_id)
            if first is not None:
                reached.add(first.opinion_id)
    return {oid for oid, o in by_id.items()
            if spelling.is_anonymous(o.raised_by) and oid not in reached}
