"""The registry's own figures that contradict each other: a plan expecting fewer delegates than
it invites; more survey forms returned than people present."""
from __future__ import annotations

from doithoai.registry import attendance, schema
from doithoai.rules.validation.findings import Findings, invitees_by_plan


def check_figures(f: Findings) -> None:
    named = invitees_by_plan(f)
    for p in f.reg.plans:
        if not p.plan_id:
            continue
        people = named.get(p.plan_id, [])
        invited = [i for i in people if i.invited != schema.NO]
        if p.expected_delegates and len(invited) > p.expected_delegates:
            f.add("figures-disagree", schema.PLANS, p.row, "expected_delegates",
                  p.expected_delegates,
                  what=f"Kế hoạch {p.plan_id} dự kiến {p.expected_delegates} đại biểu nhưng "
                       f"danh sách mời có {len(invited)} người.",
                  fix="Sửa Số đại biểu dự kiến (tính cả Nhân dân đến dự), hoặc rà lại danh "
                      "sách mời.")
        present = sum(1 for i in invited
                      if i.attendance in (attendance.PRESENT, attendance.DELEGATED))
        tallies = [t for t in f.reg.survey if t.plan_id == p.plan_id and t.question]
        forms = max((sum(t.count or 0 for t in tallies if t.question == q)
                     for q in {t.question for t in tallies}), default=0)
        if present and forms > max(present, p.expected_delegates or 0):
            first = min(tallies, key=lambda t: t.row)
            f.add("figures-disagree", schema.SURVEY, first.row, "count", forms,
                  what=f"{forms} phiếu lấy ý kiến thu về nhưng hội nghị {p.plan_id} có "
                       f"{present} đại biểu có mặt theo danh sách"
                       + (f" (dự kiến {p.expected_delegates})" if p.expected_delegates else "")
                       + ".",
                  fix="Kiểm tra lại Số phiếu; nếu Nhân dân dự ngoài danh sách mời, ghi tổng số "
                      "người dự vào Số đại biểu dự kiến của kế hoạch.")
