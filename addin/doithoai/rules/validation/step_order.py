"""Steps one document completes, out of order: a step the rules give a later day than a mandatory
step that the same document completes (rules.deadlines.completed_by) cannot be done on its own
day without missing the mandatory one. The rules shipped up to 0.5.0 gave the conclusion notice
(KET_LUAN, 10 working days) a day after the publication of the results it is (CONG_KHAI_KET_QUA,
10 days): a plan followed to the letter broke the law. Said once for each pair of rules, at the
later rule's Số ngày, naming the plan it happens to first (a plan whose mandatory step is done,
or that was cancelled, is history: not judged)."""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.rules import deadlines
from doithoai.rules.validation.findings import Findings
from doithoai.text.vnformat import short_date, unit_village_kinds, with_village_words

# The kinds of document that complete a plan's steps, the conclusion notice first.
COMPLETING_KINDS = tuple(dict.fromkeys(
    [deadlines.CONCLUSION_DOC_KIND] + [k for ks in deadlines.DONE_BY_DOCUMENT.values()
                                       for k in ks]))


def late_pairs(steps: dict) -> list[tuple[str, object, object]]:
    """(kind, the later step, the mandatory step) of one plan's milestones by code: each pair
    that ``kind`` completes together, the mandatory one not done, the other due after it."""
    out = []
    for kind in COMPLETING_KINDS:
        codes = deadlines.completed_by(kind)
        for first in (steps.get(c) for c in codes):
            if first is None or not first.mandatory or first.done_date is not None:
                continue
            out += [(kind, steps[c], first) for c in codes
                    if c != first.code and c in steps and steps[c].due > first.due]
    return out


def check_step_order(f: Findings) -> None:
    plans = {p.plan_id: p for p in f.reg.plans if p.plan_id and not p.cancelled}
    by_plan: dict[str, dict] = {}
    paired = {c for kind in COMPLETING_KINDS for c in deadlines.completed_by(kind)}
    for m in deadlines.plan_steps(f.reg, f.today, paired):      # only the steps in a pair
        if m.plan_id in plans:
            by_plan.setdefault(m.plan_id, {})[m.code] = m
    found: dict[tuple, list] = {}
    for plan_id, steps in by_plan.items():
        for kind, later, first in late_pairs(steps):
            found.setdefault((later.code, first.code, kind), []).append((later, first))
    rules = {}
    for r in f.reg.rules:
        if r.enabled != schema.NO:
            rules.setdefault(r.code, r)
    for (code, first_code, kind), cases in found.items():
        later, first = min(cases, key=lambda c: (c[1].due, c[1].plan_id))
        plan = plans[later.plan_id]
        words = unit_village_kinds(plan.villages, f.reg.settings.unit_type)
        rule, by = rules[code], rules[first_code]
        more = f" (và {len(cases) - 1} kế hoạch khác)" if len(cases) > 1 else ""
        f.add("step-after-mandatory", schema.RULES, rule.row, "days", rule.days, code=code,
              task=with_village_words(later.task, words), due=short_date(later.due),
              plan=plan.plan_id + more, mandatory=first_code, document=kind,
              mandatory_task=with_village_words(first.task, words),
              mandatory_due=short_date(first.due),
              mandatory_rule=f"{by.days} {by.day_kind} {by.direction} {by.anchor}")
