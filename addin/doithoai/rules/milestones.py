"""What the deadline engine's results become: the Mốc thời gian rows and each opinion's Hạn trả
lời written back as changes, and the text `doithoai deadlines` prints.

Rows never move: a milestone row the clerk has is updated in place (its Ngày hoàn thành stays
on it), a new one is appended, and one that no rule produces any more keeps what it says with a
note that it may be deleted.
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry import schema
from doithoai.registry.changes import Changes, append_layout, column_blocks
from doithoai.registry.model import Registry
from doithoai.rules.deadlines import (DUE_SOON, NOT_APPLICABLE, OVERDUE, DeadlineReport,
                                      MilestoneResult)
from doithoai.rules.workcalendar import fmt_long
from doithoai.text.vnformat import short_date, unit_village_kinds, with_village_words

STALE_NOTE = "Quy tắc không còn áp dụng cho dòng này; có thể xóa dòng."
COMPUTED_MILESTONE_KEYS = [c.key for c in schema.MILESTONES.columns if c.computed]


def status_words(status: str, remaining: int | None, held: dt.date | None = None) -> str:
    """A milestone's status as a clerk reads it: "Quá hạn 22 ngày làm việc", "Sắp đến hạn,
    còn 1 ngày làm việc", "Sắp đến hạn: hạn là hôm nay" (never "còn -22"); a step due by a
    conference already held and not recorded done: what to record, no count."""
    if status == NOT_APPLICABLE:
        return f"{NOT_APPLICABLE}: hội nghị đã hủy, bước này không còn phải làm"
    if held is not None:
        return (f"{OVERDUE}: chưa ghi Ngày hoàn thành, hội nghị đã họp ngày {short_date(held)} "
                "(đã làm thì ghi ngày đã làm xong)")
    if remaining is None:
        return status
    if status == OVERDUE:
        return f"{OVERDUE} {-remaining} ngày làm việc" if remaining < 0 else OVERDUE
    if remaining == 0:
        return f"{status}: hạn là hôm nay"
    return f"{status}, còn {remaining} ngày làm việc"


def plan_words(reg: Registry) -> dict[str, list[str]]:
    """Each plan → what its texts call its villages (vnformat.unit_village_kinds): a rule's
    "gửi trưởng thôn" reads "gửi tổ trưởng tổ dân phố" in a phường's milestones, as in its
    plan."""
    return {p.plan_id: unit_village_kinds(p.villages, reg.settings.unit_type)
            for p in reg.plans}


def _said(text: str, m: MilestoneResult, words: dict[str, list[str]]) -> str:
    return with_village_words(text, words.get(m.plan_id, []))


def _milestone_values(m: MilestoneResult, words: dict[str, list[str]]) -> dict:
    return {"plan_id": m.plan_id, "opinion_id": m.opinion_id, "code": m.code,
            "task": _said(m.task, m, words), "unit": _said(m.shown_unit or m.unit, m, words),
            "due": m.due,
            "basis": m.basis, "status": m.status, "remaining": m.remaining}


def to_changes(reg: Registry, report: DeadlineReport) -> Changes:
    """Mốc thời gian rows and Ý kiến's Hạn trả lời as bulk blocks (computed columns only)."""
    changes = Changes()
    words = plan_words(reg)
    table = reg.tables["milestones"]
    if table.present:
        produced = {m.key: m for m in report.milestones}
        rows: dict[int, dict] = {}
        kept = set()
        for r in table.rows:
            key = (r.values.get("plan_id"), r.values.get("opinion_id") or "",
                   r.values.get("code"))
            m = produced.get(key)
            if m is not None and key not in kept:
                rows[r.row] = _milestone_values(m, words)
                kept.add(key)
            else:   # nothing produces this row any more: keep what it says, mark it
                rows[r.row] = {k: r.values.get(k) for k in COMPUTED_MILESTONE_KEYS}
                rows[r.row].update(status=None, remaining=None, basis=STALE_NOTE)
        _, last = append_layout(reg, schema.MILESTONES)
        new = [m for m in report.milestones if m.key not in kept]
        for i, m in enumerate(new, start=last + 1):
            rows[i] = _milestone_values(m, words)
        end = last + len(new)
        if end >= 2:
            changes.blocks += column_blocks(schema.MILESTONES, table, COMPUTED_MILESTONE_KEYS,
                                            rows, 2, end)
            changes.table_rows[schema.MILESTONES.name] = end - 1
        changes.summary.append(f"{len(report.milestones)} mốc thời gian "
                               f"({len(new)} mốc mới).")
    ops = reg.tables["opinions"]
    if ops.present and "reply_due" in ops.columns and ops.rows:
        current = {r.row: r.values.get("reply_due") for r in ops.rows}
        wanted = {}
        for r in ops.rows:
            oid = r.values.get("opinion_id")
            wanted[r.row] = report.reply_due.get(oid) if oid else None
        if wanted != current:
            last = max(current)
            changes.blocks += column_blocks(schema.OPINIONS, ops, ["reply_due"],
                                            {r: {"reply_due": v} for r, v in wanted.items()},
                                            2, last)
        changes.summary.append(f"{sum(1 for v in wanted.values() if v)} ý kiến có hạn trả lời.")
    return changes


def status_counts(report: DeadlineReport) -> str:
    """What the Tính hạn button says of the milestones: how many are overdue (of which, steps
    due by a conference already held with no Ngày hoàn thành) and due soon."""
    overdue = [m for m in report.milestones if m.status == OVERDUE]
    soon = sum(1 for m in report.milestones if m.status == DUE_SOON)
    unrecorded = sum(1 for m in overdue if m.held)
    parts = [f"{len(overdue)} quá hạn" + (f", trong đó {unrecorded} bước chuẩn bị chưa ghi "
                                           "Ngày hoàn thành dù hội nghị đã họp"
                                           if unrecorded else "")] if overdue else []
    parts += [f"{soon} sắp đến hạn"] if soon else []
    return f" ({'; '.join(parts)})" if parts else ""


def json_rows(report: DeadlineReport, words: dict[str, list[str]]) -> list[dict]:
    """The milestones as `doithoai deadlines --json` prints them, tasks and units in each
    plan's ``words`` as :func:`render` says them."""
    return [dict(m.to_json(), task=_said(m.task, m, words),
                 unit=_said(m.shown_unit or m.unit, m, words)) for m in report.milestones]


PROVISIONAL_MARK = "(dự kiến)"


def render(report: DeadlineReport, words: dict[str, list[str]]) -> str:
    """The milestones grouped by plan, each with its basis below it and a date worked out on a
    calendar not yet official marked "(dự kiến)", then the problems, for a terminal; tasks in
    each plan's ``words`` (:func:`plan_words`)."""
    from doithoai.registry.problems import SEVERITY_LABELS
    from doithoai.rules.workcalendar import LAST_CONFIRMED_YEAR
    lines = [f"Tình trạng tính đến {fmt_long(report.today)}:"]
    plan = None
    for m in report.milestones:
        if m.plan_id != plan:
            plan = m.plan_id
            lines.append(f"Kế hoạch {plan}:")
        due = f"{short_date(m.due)} {PROVISIONAL_MARK}" if m.provisional else short_date(m.due)
        who = f" [{m.opinion_id}]" if m.opinion_id else ""
        lines.append(f"  {due}  {m.code}{who}: {_said(m.task, m, words)} — "
                     f"{_said(m.shown_unit or m.unit, m, words)} — "
                     f"{status_words(m.status, m.remaining, m.held)}")
        if m.basis:
            lines.append(f"      Căn cứ: {m.basis}")
    if not report.milestones:
        lines.append("  (không có mốc nào: kiểm tra Ngày hội nghị và Quy tắc thời hạn)")
    if any(m.provisional for m in report.milestones):
        lines.append(f"Ngày ghi {PROVISIONAL_MARK}: tính theo lịch nghỉ chưa được công bố chính "
                     f"thức (phần mềm có lịch chính thức đến năm {LAST_CONFIRMED_YEAR}); khi có "
                     "lịch chính thức, ghi các ngày nghỉ, ngày làm bù vào trang Ngày nghỉ rồi "
                     "tính lại.")
    for p in report.problems:
        where = f" ({p.sheet}, ô {p.cell})" if p.cell else f" ({p.sheet})"
        lines.append(f"{SEVERITY_LABELS[p.severity]}{where}: {p.message} {p.hint}")
    return "\n".join(lines)
