"""Carry-over: what earlier conferences promised and have not yet resolved (seed 000).

:func:`unresolved_before` lists the opinions of earlier plans (a conference held before, among
the same villages) that are not settled (:func:`doithoai.registry.repeats.settled`: no Ngày giải
quyết xong, Trạng thái neither "Đã giải quyết" nor "Đã trả lời tại hội nghị"), repeats left to
their original; the new plan's KH and BC kết quả print them.
:func:`link` turns them into rows of the new plan without retyping: the text copied, Trùng với
naming the original (so the repeat is counted once, under the original), a note saying where
it came from. Originals are never changed; an opinion already linked into the plan is not
linked twice.
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry import repeats, schema
from doithoai.registry.cellref import a1
from doithoai.registry.problems import Refused
from doithoai.registry.spelling import is_whole_unit
from doithoai.registry.changes import Changes, append_rows
from doithoai.registry.ids import OpinionIds
from doithoai.text import places, vnformat


def unresolved_before(reg, plan, as_of: dt.date) -> list:
    """The unresolved opinions of the conferences held before ``plan``'s and before ``as_of``
    (the day of the document that reports them: a conference still to come has promised
    nothing yet), among the same people: an earlier plan of the whole commune, or one that
    shares a village with ``plan`` (a plan of other villages is theirs to report)."""
    return _unresolved(reg, _held_before(reg, plan, as_of, same_people=True))


def elsewhere_before(reg, plan, as_of: dt.date) -> dict[str, int]:
    """What :func:`unresolved_before` leaves out: each earlier conference of other villages
    → its unresolved opinions (a clerk told "0" should know they are not forgotten, only
    reported where they were raised)."""
    counts: dict[str, int] = {}
    for o in _unresolved(reg, _held_before(reg, plan, as_of, same_people=False)):
        counts[o.plan_id] = counts.get(o.plan_id, 0) + 1
    return counts


def elsewhere_note(reg, plan, as_of: dt.date) -> str | None:
    """One sentence on :func:`elsewhere_before` (None when there is nothing to say)."""
    counts = elsewhere_before(reg, plan, as_of)
    if not counts:
        return None
    listed = ", ".join(f"{pid}: {n} ý kiến" for pid, n in sorted(counts.items()))
    return vnformat.with_village_words(  # in the plan's words ("cùng bản với …")
        f"Không tính ý kiến tồn của các hội nghị trước ở địa bàn khác ({listed}): không "
        f"cùng thôn, tổ dân phố với {plan.plan_id}; các ý kiến đó được báo cáo tại hội nghị "
        "ở nơi đã nêu.", vnformat.unit_village_kinds(plan.villages, reg.settings.unit_type))


def refuse_cancelled(reg, plan) -> None:
    """Opinions are not carried into a plan whose conference was cancelled: it will not take
    them up (they go to the next conference, which finds the cancelled one's own)."""
    if plan.cancelled:
        table = reg.tables.get("plans")
        col = table.columns.get("status") if table is not None else None
        cell = f" (ô {a1(plan.row, col)})" if col is not None else ""
        raise Refused(f"Kế hoạch {plan.plan_id} ghi Trạng thái \"{plan.status}\" ở trang "
                      f"{schema.PLANS.name}, dòng {plan.row}, cột Trạng thái{cell}: hội nghị đã "
                      "hủy nên không chuyển ý kiến tồn vào đó. Chọn kế hoạch của hội nghị sẽ "
                      "tổ chức; ý kiến của hội nghị đã hủy cũng được chuyển sang hội nghị đó.")


def _held_before(reg, plan, as_of: dt.date, same_people: bool) -> set[str]:
    """The plans whose conference was held before ``plan``'s and ``as_of``, among the same
    people as ``plan`` or (``same_people`` False) among others; and a cancelled one planned
    before ``plan``'s (its citizens' opinions, never taken up there, are the next one's to
    report on, whatever ``as_of``)."""
    if plan.meeting_date is None:
        return set()
    held_by = min(plan.meeting_date, as_of)
    finder = places.PlaceFinder(plan.villages)
    return {p.plan_id for p in reg.plans if p.plan_id and p.plan_id != plan.plan_id
            and p.meeting_date and p.meeting_date < (plan.meeting_date if p.cancelled
                                                     else held_by)
            and _same_people(p, plan, finder) == same_people}


def _unresolved(reg, plan_ids: set[str]) -> list:
    return [o for o in reg.opinions if o.plan_id in plan_ids and o.opinion_id
            and not o.duplicate_of and not repeats.settled(o)]


def _same_people(a, b, b_places: places.PlaceFinder) -> bool:
    """Two plans with the same citizens: one of them is the whole commune (no villages
    listed, or "Toàn xã"), or they share a village, however each spells it ("TDP Hải
    Thượng" is "Tổ dân phố Hải Thượng": ``b_places`` finds ``b``'s villages)."""
    if any(not p.villages or any(map(is_whole_unit, p.villages)) for p in (a, b)):
        return True
    return any(b_places.place_of(v) for v in a.villages)


def link(reg, plan, today: dt.date | None = None) -> tuple[Changes, list[str]]:
    """Rows of ``plan`` repeating each unresolved earlier opinion not yet linked into it."""
    today = today or dt.date.today()
    linked = {o.duplicate_of for o in reg.opinions if o.plan_id == plan.plan_id}
    todo = [o for o in unresolved_before(reg, plan, today) if o.opinion_id not in linked]
    ids = OpinionIds(reg, today)
    rows, made = [], []
    for o in todo:
        oid = ids.next(plan)
        made.append(oid)
        rows.append({"opinion_id": oid, "plan_id": plan.plan_id, "source": o.source,
                     "received_date": plan.issue_date or today, "raised_by": o.raised_by,
                     "address": o.address, "phone": o.phone, "content": o.content,
                     "field": o.field, "competence": o.competence, "agency": o.agency,
                     "status": schema.NEW_STATUS, "duplicate_of": o.opinion_id,
                     "note": repeats.linked_note(o)})
    ch = Changes()
    append_rows(reg, schema.OPINIONS, rows, ch)
    return ch, made
