"""The deadline engine: the rules of Quy tắc thời hạn applied to plans and opinions.

Pure: it takes the registry as read and a "today", and returns the Mốc thời gian rows, each
opinion's Hạn trả lời, and the problems found (deadlines.md). Rules come from the sheet, so a
commune that edits a rule changes the result; a rule set to Sử dụng = Không is skipped.

Anchors:
- Ngày hội nghị, Ngày ban hành kế hoạch: the plan row.
- Ngày ban hành thông báo kết luận: the conclusion notice's date: an issued TBKL entry of the
  Sổ văn bản, else the Ngày hoàn thành the clerk wrote on the plan's KET_LUAN (or
  KET_LUAN_GIA_HAN) milestone. Until it exists, opinions have no Hạn trả lời.
- Ngày nhận ý kiến: the opinion row.

Opinion rules apply to each opinion not settled at the meeting and not a repeat of another.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from doithoai.registry import repeats, schema
from doithoai.registry.issued import ISSUED as ISSUED_DOC, issued_dates
from doithoai.registry.model import Opinion, Plan, Registry, Rule
from doithoai.registry.problems import Problem, make
from doithoai.rules import agencies, yearly
from doithoai.rules.workcalendar import Outcome, OverrideDay, WorkCalendar, fmt_long
from doithoai.text.vnformat import short_date, unit_village_kinds, with_village_words

ANCHOR_MEETING = "Ngày hội nghị"
ANCHOR_PLAN_ISSUED = "Ngày ban hành kế hoạch"
ANCHOR_CONCLUSION = "Ngày ban hành thông báo kết luận"
ANCHOR_RECEIVED = "Ngày nhận ý kiến"
CONCLUSION_CODES = ("KET_LUAN", "KET_LUAN_GIA_HAN")
CONCLUSION_DOC_KIND = "TBKL"      # Sổ văn bản: Loại of the conclusion notice
REPLY_CODE = "TRA_LOI"
RESOLVE_CODE = "GIAI_QUYET"      # done when the opinion's Ngày giải quyết xong is filled

NOT_DUE, DUE_SOON, OVERDUE, DONE_ON_TIME, DONE_LATE, NOT_APPLICABLE = \
    schema.lookup("Tình trạng mốc").values



@dataclass
class MilestoneResult:
    plan_id: str
    opinion_id: str | None
    code: str
    task: str
    unit: str
    due: dt.date
    basis: str
    done_date: dt.date | None
    status: str
    remaining: int | None
    mandatory: bool
    explanation: str
    provisional: bool
    existing_row: int | None = None
    held: dt.date | None = None     # its conference's day, past, the step due by it unrecorded
    # The unit as the plan's texts name it (agencies.host_unit); ``unit`` is the rule's, which
    # plans issued before printed (their fingerprints).
    shown_unit: str = ""

    @property
    def key(self) -> tuple:
        return (self.plan_id, self.opinion_id or "", self.code)

    def to_json(self) -> dict:
        return {"plan": self.plan_id, "opinion": self.opinion_id, "code": self.code,
                "task": self.task, "unit": self.shown_unit or self.unit,
                "due": self.due.isoformat(),
                "status": self.status, "remaining_working_days": self.remaining,
                "basis": self.basis,
                "unrecorded_after_meeting": self.held.isoformat() if self.held else None}


@dataclass
class DeadlineReport:
    milestones: list[MilestoneResult]
    reply_due: dict[str, dt.date]      # opinion_id → Hạn trả lời
    problems: list[Problem]
    today: dt.date
    resolve_due: dict[str, dt.date] = field(default_factory=dict)   # opinion_id → resolution


def calendar_for(reg: Registry) -> WorkCalendar:
    return WorkCalendar(OverrideDay(o.date, o.kind, o.reason or "", o.basis or "")
                        for o in reg.overrides if o.date and o.kind)


def compute_due(cal: WorkCalendar, anchor: dt.date, rule: Rule) -> Outcome:
    n = rule.days
    if rule.day_kind == "ngày làm việc":
        return cal.add_working_days(anchor, n if rule.direction == "sau" else -n)
    if rule.direction == "sau":
        return cal.add_days(anchor, n)
    return cal.days_before(anchor, n)


def status_of(cal: WorkCalendar, due: dt.date, done: dt.date | None, today: dt.date,
              soon: int) -> tuple[str, int | None]:
    if done is not None:
        return (DONE_ON_TIME if done <= due else DONE_LATE), None
    remaining = cal.working_days_between(today, due)
    if today > due:
        return OVERDUE, remaining
    if remaining <= soon:
        return DUE_SOON, remaining
    return NOT_DUE, remaining


MAX_RULE_DAYS = 365


def _rule_fields_ok(rule: Rule, problems: list[Problem], row_cols: dict) -> bool:
    checks = (("anchor", schema.lookup("Mốc gốc").values), ("direction", ("trước", "sau")),
              ("day_kind", ("ngày", "ngày làm việc")), ("applies_to", ("Kế hoạch", "Ý kiến")))
    for key, allowed in checks:
        if getattr(rule, key) not in allowed:
            problems.append(make("rule-incomplete", schema.RULES.name, row=rule.row,
                                 col=row_cols.get(key), column=schema.RULES.column(key).header,
                                 value=getattr(rule, key), code=rule.code or f"dòng {rule.row}"))
            return False
    # More than a year is a mistyped number (validation says so): it is not computed, so no
    # calendar walks decades for it.
    if rule.days is None or not 0 <= rule.days <= MAX_RULE_DAYS or not rule.code:
        key = "code" if not rule.code else "days"
        problems.append(make("rule-incomplete", schema.RULES.name, row=rule.row,
                             col=row_cols.get(key), column=schema.RULES.column(key).header,
                             value=getattr(rule, key), code=rule.code or f"dòng {rule.row}"))
        return False
    return True


# The milestones a document issued through Sổ văn bản completes (its first issue date is the
# milestone's Ngày hoàn thành when the clerk wrote none): kinds by their register code.
DONE_BY_DOCUMENT = {"THONG_BAO": ("TB",), "GIAY_MOI": ("GM",), "TONG_HOP": ("BCTH", "CVPC"),
                    "BAO_CAO_KET_QUA": ("BCKQ",),
                    # the conclusion notice is what is posted and read out (Nhật ký: "niêm yết")
                    "CONG_KHAI_KET_QUA": ("TBKL",)}


def invitations_sent(reg: Registry) -> dict[str, dt.date]:
    """Mã KH → the day its last invitation went out, once every invited delegate has a Ngày
    gửi (the GIAY_MOI milestone is done then)."""
    sent: dict[str, list] = {}
    for i in reg.invitees:
        if i.plan_id and i.full_name and i.invited != schema.NO:
            sent.setdefault(i.plan_id, []).append(i.sent_date)
    return {p: max(days) for p, days in sent.items() if days and None not in days}


def conclusion_dates(reg: Registry) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    for e in reg.register:
        if e.kind == CONCLUSION_DOC_KIND and e.status == ISSUED_DOC and e.plan_id and e.date:
            dates[e.plan_id] = min(e.date, dates.get(e.plan_id, e.date))
    for m in reg.milestones:
        if m.code in CONCLUSION_CODES and m.done_date and not m.opinion_id and m.plan_id:
            if m.plan_id not in dates:
                dates[m.plan_id] = m.done_date
            else:
                dates[m.plan_id] = min(dates[m.plan_id], m.done_date)
    return dates


def opinions_needing_reply(reg: Registry, plan_id: str,
                           by_plan: dict[str, list[Opinion]] | None = None) -> list[Opinion]:
    """The plan's opinions still owed a written reply (``by_plan``: the registry's opinions
    grouped by plan once, for a caller that asks for every plan)."""
    mine = by_plan.get(plan_id, []) if by_plan is not None else \
        [o for o in reg.opinions if o.plan_id == plan_id]
    return [o for o in mine if o.opinion_id and not o.duplicate_of and
            o.answered_at_meeting != schema.YES and o.status != schema.SETTLED_AT_MEETING]


def compute(reg: Registry, today: dt.date) -> DeadlineReport:
    """Every milestone of every plan and opinion, with its due date and status, the opinions'
    Hạn trả lời and resolution dates, and the problems found on the way."""
    return _Engine(reg, today, milestones=True).run()


def due_dates(reg: Registry, today: dt.date) -> DeadlineReport:
    """The opinions' due dates and the problems, without the milestone rows (monitoring needs
    no more: faster on a large registry)."""
    return _Engine(reg, today, milestones=False).run()


def explained(plan: Plan, code: str) -> bool:
    """The plan's Ghi chú gives the reason a step was late: a line or a sentence that begins with
    the step's code ("KET_LUAN_GIA_HAN: chờ ý kiến của tỉnh")."""
    return bool(plan.note) and re.search(rf"(?:^|[\n.;])\s*{re.escape(code)}\s*:", plan.note,
                                         re.IGNORECASE) is not None


def called_off(plan: Plan, op: Opinion | None, done: dt.date | None) -> bool:
    """A step of the conference itself (not an opinion's reply) not done when its plan was
    cancelled: no longer due, never overdue (a step done before stays as it was)."""
    return plan.cancelled and op is None and done is None


def unrecorded_when_held(plan: Plan, op: Opinion | None, due: dt.date, done: dt.date | None,
                         today: dt.date) -> bool:
    """A step of the conference due by its day, no day it was done, the day past: done or not,
    the step can no longer be late by more, and its working days stop counting."""
    return op is None and done is None and not plan.cancelled and \
        plan.meeting_date is not None and due <= plan.meeting_date < today


def completed_by(kind: str) -> tuple[str, ...]:
    """The plan's steps an issued document of ``kind`` completes (TBKL: the conclusion, and
    the publication of the results, since it is what is posted)."""
    by_document = tuple(code for code, kinds in DONE_BY_DOCUMENT.items() if kind in kinds)
    return (CONCLUSION_CODES if kind == CONCLUSION_DOC_KIND else ()) + by_document


def mandatory_problems(reg: Registry, today: dt.date) -> list[Problem]:
    """The problems alone (validation): only mandatory rules raise them, so only those run."""
    return _Engine(reg, today, milestones=False, mandatory_only=True).run().problems


def plan_steps(reg: Registry, today: dt.date, codes=None) -> list[MilestoneResult]:
    """The plans' own milestones as :func:`compute` gives them, without the opinions' (only
    the steps of ``codes``, when given)."""
    return _Engine(reg, today, milestones=True, plans_only=True, codes=codes).run().milestones


class _Engine:
    """One run of the rules in use over a registry: each plan's rules, then each rule for each
    opinion still owed a reply (what compute, due_dates, mandatory_problems and plan_steps
    share). A rule that cannot be applied is a problem (rule-incomplete) and is not run."""

    def __init__(self, reg: Registry, today: dt.date, *, milestones: bool,
                 mandatory_only: bool = False, plans_only: bool = False, codes=None):
        self.reg, self.today, self.want_milestones = reg, today, milestones
        self.cal = calendar_for(reg)
        self.soon = reg.settings.due_soon_days if reg.settings.due_soon_days is not None else 3
        self.problems: list[Problem] = []
        cols = reg.tables["rules"].columns if "rules" in reg.tables else {}
        self.rules = [r for r in reg.rules if r.enabled != schema.NO
                      and _rule_fields_ok(r, self.problems, cols)
                      and (r.mandatory == schema.YES or not mandatory_only)
                      and (r.applies_to == "Kế hoạch" or not plans_only)
                      and (codes is None or r.code in codes)]
        self.existing = {(m.plan_id, m.opinion_id or "", m.code): m for m in reg.milestones}
        self.conclusions = conclusion_dates(reg)
        self.issued = issued_dates(reg)
        self.invited = invitations_sent(reg)
        self.results: list[MilestoneResult] = []
        self.reply_due: dict[str, dt.date] = {}
        self.resolve_due: dict[str, dt.date] = {}
        # Many opinions share one anchor and rule: each due date, its basis and its
        # explanation are worked out once.
        self._dues: dict[tuple, tuple[Outcome, str, str]] = {}

    def run(self) -> DeadlineReport:
        by_plan: dict[str, list[Opinion]] = {}
        for o in self.reg.opinions:
            by_plan.setdefault(o.plan_id, []).append(o)
        plan_rules = [r for r in self.rules if r.applies_to == "Kế hoạch"]
        opinion_rules = [r for r in self.rules if r.applies_to == "Ý kiến"]
        # No one to write to: a citizen who gave no name, whom no named repeat joined.
        nobody = repeats.unaddressed(self.reg) if opinion_rules else set()
        for plan in self.reg.plans:
            if not plan.plan_id:
                continue
            for rule in plan_rules:
                self.add(rule, plan, None)
            for op in (opinions_needing_reply(self.reg, plan.plan_id, by_plan)
                       if opinion_rules else ()):
                # Beyond the commune's authority: recommended upward, no deadline imposed on a
                # superior (monitoring counts them as waiting, apart from the overdue).
                up = agencies.sent_up(op, self.reg.agency_levels)
                unaddressed = op.opinion_id in nobody
                for rule in opinion_rules:
                    if not (up and rule.code in (REPLY_CODE, RESOLVE_CODE)) and \
                            not (unaddressed and rule.code == REPLY_CODE):
                        self.add(rule, plan, op)
            self._meeting_day(plan)
        self.problems += self._yearly()
        # Steps due the same day in the order Quy tắc thời hạn lists them (the conclusion
        # before the report of results), not by their codes' letters.
        listed = {r.code: n for n, r in reversed(list(enumerate(self.rules)))}
        self.results.sort(key=lambda m: (m.plan_id, m.opinion_id or "", m.due,
                                         listed.get(m.code, len(listed)), m.code))
        return DeadlineReport(self.results, self.reply_due, self.problems, self.today,
                              self.resolve_due)

    def anchor_of(self, rule: Rule, plan: Plan, op: Opinion | None) -> dt.date | None:
        anchor = rule.anchor
        if anchor == ANCHOR_RECEIVED:
            return op.received_date if op else None
        if anchor == ANCHOR_MEETING:
            return plan.meeting_date
        if anchor == ANCHOR_PLAN_ISSUED:
            return plan.issue_date
        if anchor == ANCHOR_CONCLUSION:
            return self.conclusions.get(plan.plan_id)
        return None

    def due(self, rule: Rule, anchor: dt.date) -> tuple[Outcome, str, str]:
        """(the due date, its basis as Mốc thời gian prints it, its explanation)."""
        known = self._dues.get((anchor, rule.row))
        if known is None:
            out = compute_due(self.cal, anchor, rule)
            sign = "+" if rule.direction == "sau" else "−"
            basis = (f"{rule.anchor} {short_date(anchor)} {sign} {rule.days} {rule.day_kind}"
                     f"{' (đã tránh ngày nghỉ)' if out.moved_by else ''}"
                     f"{' (lịch nghỉ dự kiến)' if out.provisional else ''}; "
                     f"{rule.legal_basis or ''}").rstrip("; ")
            known = self._dues[(anchor, rule.row)] = (out, basis, out.explain())
        return known

    def done_of(self, rule: Rule, plan: Plan, op: Opinion | None, prior) -> dt.date | None:
        """When the milestone was done: its Ngày hoàn thành, else what the registry says (a
        reply's date, a resolution's, the conclusion notice that completes both of its
        milestones, the document that completes a plan's step: DONE_BY_DOCUMENT; the
        invitations all sent)."""
        done = prior.done_date if prior else None
        if op is not None and op.reply_date and rule.code == REPLY_CODE:
            done = done or op.reply_date
        if op is not None and op.resolved_date and rule.code == RESOLVE_CODE:
            done = done or op.resolved_date
        if op is None and rule.code in CONCLUSION_CODES:
            done = done or self.conclusions.get(plan.plan_id)
        if op is None and done is None:
            issued = [self.issued[(plan.plan_id, k)] for k in DONE_BY_DOCUMENT.get(rule.code, ())
                      if (plan.plan_id, k) in self.issued]
            done = min(issued, default=None)
        if op is None and done is None and rule.code == "GIAY_MOI":
            done = self.invited.get(plan.plan_id)
        return done

    def add(self, rule: Rule, plan: Plan, op: Opinion | None) -> None:
        anchor = self.anchor_of(rule, plan, op)
        if anchor is None:
            return
        out, basis, explanation = self.due(rule, anchor)
        prior = self.existing.get((plan.plan_id, op.opinion_id if op else "", rule.code))
        done = self.done_of(rule, plan, op, prior)
        if self.want_milestones:
            self.results.append(self._milestone(rule, plan, op, out, basis, explanation, done,
                                                prior))
        if op is not None and rule.code == REPLY_CODE:
            self.reply_due[op.opinion_id] = out.date
        if op is not None and rule.code == RESOLVE_CODE:
            self.resolve_due[op.opinion_id] = out.date
        if rule.mandatory == schema.YES:
            self._mandatory(rule, plan, op, out.date, done, prior)

    def _milestone(self, rule, plan, op, out, basis, explanation, done, prior
                   ) -> MilestoneResult:
        held = unrecorded_when_held(plan, op, out.date, done, self.today)
        status, remaining = (NOT_APPLICABLE, None) if called_off(plan, op, done) else \
            (OVERDUE, None) if held else status_of(self.cal, out.date, done, self.today,
                                                    self.soon)
        unit = agencies.office_unit(rule.unit, plan.is_party) if rule.unit else ""
        if op is not None and op.agency and rule.code in (REPLY_CODE, RESOLVE_CODE):
            unit = op.agency
        return MilestoneResult(
            plan.plan_id, op.opinion_id if op else None, rule.code, rule.task or "", unit,
            out.date, basis, done, status, remaining, rule.mandatory == schema.YES,
            explanation, out.provisional, prior.row if prior else None,
            plan.meeting_date if held else None, agencies.host_unit(unit, plan))

    def _mandatory(self, rule, plan, op, due: dt.date, done, prior) -> None:
        """A mandatory step done late or past its day unrecorded, or a plan issued after such a
        step before its conference: each a note (unrecorded: nothing) once the plan's Ghi chú
        gives the reason, beginning with the step's code. The step in the plan's words."""
        task = with_village_words(rule.task, unit_village_kinds(plan.villages,
                                                                self.reg.settings.unit_type))
        cols = self.reg.tables["milestones"].columns
        at = dict(row=prior.row if prior else None, col=cols.get("done_date") if prior else None,
                  column="Ngày hoàn thành", code=rule.code, task=task, due=short_date(due),
                  basis=rule.legal_basis or "quy tắc", plan=plan.plan_id)
        if done is not None and done > due:
            self.problems.append(make("deadline-missed-explained" if explained(plan, rule.code)
                                      else "deadline-missed-mandatory", schema.MILESTONES.name,
                                      value=short_date(done), **at))
        elif called_off(plan, op, done):
            return
        elif done is None and op is None and due < self.today and not explained(plan, rule.code):
            self.problems.append(make("deadline-not-recorded", schema.MILESTONES.name,
                                      value=None, **at))
        if (op is None and rule.direction == "trước" and plan.issue_date
                and rule.anchor == ANCHOR_MEETING and plan.issue_date > due):
            cols = self.reg.tables["plans"].columns
            self.problems.append(make(
                "plan-issued-late-explained" if explained(plan, rule.code)
                else "plan-issued-too-late", schema.PLANS.name, row=plan.row,
                col=cols.get("issue_date"), column="Ngày ban hành",
                value=short_date(plan.issue_date), code=rule.code, task=task,
                due=short_date(due), basis=rule.legal_basis or "quy tắc"))

    def _yearly(self) -> list[Problem]:
        """Điều 43's conference a year (rules/yearly.py), the last day to issue a plan counted
        back from a meeting on the year's last working day by every rule in use before it."""
        meeting = self.cal.days_before(dt.date(self.today.year, 12, 31), 0).date
        steps = [(compute_due(self.cal, meeting, r).date, r) for r in self.reg.rules
                 if r.enabled != schema.NO and _rule_fields_ok(r, [], {}) and r.days
                 and r.applies_to == "Kế hoạch" and r.anchor == ANCHOR_MEETING
                 and r.direction == "trước"]
        first = min(steps, key=lambda s: s[0], default=(meeting, None))
        return yearly.yearly_coverage(self.reg, self.today, meeting, *first)

    def _meeting_day(self, plan: Plan) -> None:
        if plan.meeting_date and not plan.cancelled and \
                not self.cal.is_working_day(plan.meeting_date):
            cols = self.reg.tables["plans"].columns
            self.problems.append(make(
                "meeting-not-working-day", schema.PLANS.name, row=plan.row,
                col=cols.get("meeting_date"), column="Ngày hội nghị",
                value=fmt_long(plan.meeting_date),
                reason=self.cal.day(plan.meeting_date).reason))
