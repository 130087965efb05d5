"""A cancelled plan's documents: none of a conference that will not be held; the citizens who
sent opinions are still answered (CVTL), and agencies late with those answers reminded (CVDD)."""
from __future__ import annotations

from doithoai.documents.kinds import Kind
from doithoai.registry import schema
from doithoai.registry.model import Plan, Registry
from doithoai.registry.problems import Problem, make

# What a cancelled plan still gets: answers owed to citizens for what they sent, and the
# reminders to agencies late with them. Everything else tells of, prepares or records the
# conference.
STILL_MADE = ("CVTL", "CVDD")


def still_made(reg: Registry, plan: Plan, kinds: list[Kind]) -> tuple[list[Kind],
                                                                      list[Problem]]:
    """(the kinds still made for ``plan``, the one refusal naming the others); every kind
    and no refusal for a plan not cancelled."""
    if not plan.cancelled:
        return kinds, []
    kept = [k for k in kinds if k.code in STILL_MADE]
    refused = [k for k in kinds if k.code not in STILL_MADE]
    if not refused:
        return kept, []
    table = reg.tables.get("plans")
    col = table.columns.get("status") if table is not None else None
    return kept, [make("document-plan-cancelled", schema.PLANS.name, row=plan.row, col=col,
                       column=schema.PLANS.column("status").header, value=plan.status,
                       plan=plan.plan_id, documents=", ".join(k.code for k in refused))]
