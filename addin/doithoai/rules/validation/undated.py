"""Citizens' opinions still owed a written reply that have no Hạn trả lời because the reply rule
counts from the conclusion notice and the registry gives that notice no date: a conference
cancelled (it never concludes), or one held whose notice is past its last day and not recorded
(issued outside the tool, or not at all). Without a deadline nothing is overdue, and the
monitoring report would show a debt as on time: each plan is told once, with its opinions
(rules.owed finds them; the monitoring report counts them as owed)."""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.rules import deadlines, owed
from doithoai.rules.validation.findings import Findings, some
from doithoai.text.vnformat import short_date


def check_undated_replies(f: Findings) -> None:
    waiting = owed.without_deadline(f.reg, f.today)
    if not waiting:
        return
    concluded = deadlines.conclusion_dates(f.reg)
    for plan in f.reg.plans:
        if plan.plan_id not in waiting:
            continue
        ops = waiting.pop(plan.plan_id)       # a Mã KH typed twice: said at its first row
        fields = dict(plan=plan.plan_id, count=len(ops),
                      opinions=some([o.opinion_id for o in ops], "ý kiến"))
        if plan.cancelled:
            f.add("cancelled-plan-replies", schema.PLANS, plan.row, "status", plan.status,
                  **fields)
            continue
        last = owed.conclusion_overdue(f.reg, plan, f.today, concluded)
        f.add("conclusion-unrecorded-replies", schema.PLANS, plan.row, "meeting_date",
              short_date(plan.meeting_date), meeting=short_date(plan.meeting_date),
              due=short_date(last), **fields)
