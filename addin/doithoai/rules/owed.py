"""The opinions the commune still owes a written reply, whatever their deadline: a reply rule
that counts from the conclusion notice gives none while that notice has no date in the
registry (not issued yet, issued outside the tool and not recorded, or a conference that was
cancelled and never concludes). Validation says why such opinions have no Hạn trả lời, and the
monitoring report still counts them as owed."""
from __future__ import annotations

import datetime as dt

from doithoai.registry import repeats, schema
from doithoai.registry.model import Opinion, Plan, Registry
from doithoai.rules import agencies, deadlines

# Statuses that say the reply was given or is no longer the commune's to give.
SETTLED = (schema.REPLIED_STATUS, schema.SENT_UP_STATUS, schema.RESOLVED_STATUS)


def reply_given(o: Opinion) -> bool:
    """A written reply or the resolution is recorded, or the status says it is settled."""
    return bool(o.reply_date or o.reply_number or o.resolved_date) or o.status in SETTLED


def replies_owed(reg: Registry, plan_id: str, by_plan: dict | None = None,
                 nobody: set[str] | None = None) -> list[Opinion]:
    """The plan's opinions still owed a written reply by the commune: needing one
    (deadlines.opinions_needing_reply), not sent to a superior, addressed to someone who gave
    a name (``nobody``: registry.repeats.unaddressed, when the caller has it), none recorded."""
    nobody = repeats.unaddressed(reg) if nobody is None else nobody
    return [o for o in deadlines.opinions_needing_reply(reg, plan_id, by_plan)
            if not reply_given(o) and o.opinion_id not in nobody
            and not agencies.sent_up(o, reg.agency_levels)]


def reply_counts_from_conclusion(reg: Registry) -> bool:
    """The reply rule in use counts from the conclusion notice (the default)."""
    rules = [r for r in reg.rules if r.code == deadlines.REPLY_CODE and r.enabled != schema.NO
             and r.applies_to == "Ý kiến"]
    return bool(rules) and rules[-1].anchor == deadlines.ANCHOR_CONCLUSION


def conclusion_overdue(reg: Registry, plan: Plan, today: dt.date,
                       concluded: dict) -> dt.date | None:
    """The last day the rules in use give a held conference to issue its conclusion notice,
    when it is past and the registry records no conclusion for the plan (``concluded``:
    deadlines.conclusion_dates); else None."""
    if plan.cancelled or plan.meeting_date is None or plan.meeting_date >= today or \
            plan.plan_id in concluded:
        return None
    cal = deadlines.calendar_for(reg)
    dues = [deadlines.compute_due(cal, plan.meeting_date, r).date for r in reg.rules
            if r.code in deadlines.CONCLUSION_CODES and r.enabled != schema.NO
            and r.anchor == deadlines.ANCHOR_MEETING and r.direction == "sau"
            and r.day_kind in ("ngày", "ngày làm việc")
            and r.days is not None and 0 <= r.days <= deadlines.MAX_RULE_DAYS]
    last = max(dues, default=None)
    return last if last is not None and last < today else None


def without_deadline(reg: Registry, today: dt.date) -> dict[str, list[Opinion]]:
    """Mã KH → its opinions still owed a written reply that no Hạn trả lời will come to while
    the registry stays as it is: the reply rule counts from the conclusion notice, and the
    conference was cancelled, or was held and its notice is past its last day unrecorded."""
    if not reply_counts_from_conclusion(reg):
        return {}
    concluded = deadlines.conclusion_dates(reg)
    late = [p for p in reg.plans if p.plan_id and p.plan_id not in concluded and
            (p.cancelled or conclusion_overdue(reg, p, today, concluded))]
    if not late:
        return {}
    nobody = repeats.unaddressed(reg)
    by_plan: dict[str, list[Opinion]] = {}
    for o in reg.opinions:
        by_plan.setdefault(o.plan_id, []).append(o)
    out = {p.plan_id: replies_owed(reg, p.plan_id, by_plan, nobody) for p in late}
    return {k: v for k, v in out.items() if v}
