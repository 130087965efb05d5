"""Invitees: nobody invited twice, and the chair and the secretary among those present."""
from __future__ import annotations

from doithoai.registry import parsing, schema
from doithoai.rules.validation.findings import Findings, invitees_by_plan
from doithoai.rules.workcalendar import fmt
from doithoai.text import vntext


def check_invitees(f: Findings) -> None:
    plans = {p.plan_id: p for p in f.reg.plans}
    seen: dict = {}
    for i in f.reg.invitees:
        if i.full_name and i.plan_id:
            who = (parsing.fold(i.plan_id), vntext.unaccent(i.full_name),
                   vntext.unaccent(i.position or ""), vntext.unaccent(i.organization or ""))
            if who in seen:
                f.add("invitee-duplicate", schema.INVITEES, i.row, "full_name",
                      i.full_name, plan=i.plan_id, first=seen[who])
            else:
                seen[who] = i.row
        plan = plans.get(i.plan_id)
        if plan and plan.meeting_date and i.sent_date and i.sent_date > plan.meeting_date:
            f.add("date-order-warning", schema.INVITEES, i.row, "sent_date",
                  fmt(i.sent_date),
                  what=f"Giấy mời gửi ngày {fmt(i.sent_date)}, sau ngày hội nghị "
                       f"{fmt(plan.meeting_date)}.")
        if i.attendance and i.invited == "Không":
            f.add("status-doubt", schema.INVITEES, i.row, "attendance", i.attendance,
                  what="Có ghi Tham dự nhưng cột Mời là Không.",
                  fix="Sửa cột Mời thành Có, hoặc xóa Tham dự.")


def check_chair_attendance(f: Findings) -> None:
    """The chair and the secretary must be among the invitees and not marked absent."""
    secretary = f.reg.settings.contact_officer
    named = invitees_by_plan(f)
    for plan in f.reg.plans:
        people = named.get(plan.plan_id, [])
        if not plan.plan_id or not people:
            continue
        by_name: dict[str, list] = {}
        for i in people:
            by_name.setdefault(vntext.unaccent(i.full_name), []).append(i)
        for role, name, key in (("Người chủ trì", plan.chair_name, "chair_name"),
                                ("Thư ký (Cán bộ đầu mối)", secretary, None)):
            if not name:
                continue
            rows = by_name.get(vntext.unaccent(name))
            if not rows:
                sheet, row, col = (schema.PLANS, plan.row, key) if key else \
                    (schema.CONFIG, f.reg.settings.rows.get("contact_officer"), "value")
                f.add("chair-attendance", sheet, row, col, name,
                      what=f"{role} {name} của {plan.plan_id} không có trong danh sách "
                           "Đại biểu của kế hoạch.",
                      fix=f"Thêm {name} vào trang Đại biểu (Mã KH {plan.plan_id}), hoặc "
                          "sửa tên cho khớp.")
                continue
            absent = [i for i in rows if i.attendance == "Vắng"]
            if absent:
                f.add("chair-attendance", schema.INVITEES, absent[0].row, "attendance",
                      "Vắng", what=f"{name} là {role.lower()} hội nghị {plan.plan_id} "
                                   "nhưng được ghi Vắng.",
                      fix="Sửa Tham dự thành Có (hoặc Ủy quyền nếu có người dự thay).")
