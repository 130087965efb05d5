"""Invitees: nobody invited twice, the chair and the secretary among those present, and every
plan with someone invited."""
from __future__ import annotations

from doithoai.registry import parsing, personal, schema
from doithoai.rules.validation.findings import Findings, invitees_by_plan
from doithoai.text.vnformat import short_date
from doithoai.text import honorifics, vntext


def check_invitees(f: Findings) -> None:
    plans = {p.plan_id: p for p in f.reg.plans}
    _check_repeated(f)
    for i in f.reg.invitees:
        plan = plans.get(i.plan_id)
        if i.sent_date and i.sent_date > f.today:
            f.add("date-order-warning", schema.INVITEES, i.row, "sent_date",
                  short_date(i.sent_date),
                  what=f"Ngày gửi {short_date(i.sent_date)} sau hôm nay "
                       f"({short_date(f.today)}): giấy mời chưa thể gửi vào ngày đó (gõ nhầm "
                       "năm, tháng?).")
        elif plan and plan.meeting_date and i.sent_date and i.sent_date > plan.meeting_date:
            f.add("date-order-warning", schema.INVITEES, i.row, "sent_date",
                  short_date(i.sent_date),
                  what=f"Giấy mời gửi ngày {short_date(i.sent_date)}, sau ngày hội nghị "
                       f"{short_date(plan.meeting_date)}.")
        # a form typed before the name is printed as Danh xưng (names.check_names says so)
        if i.full_name and i.invited == schema.YES and not i.honorific and \
                not honorifics.form_of(i.full_name):
            f.add("invitee-no-honorific", schema.INVITEES, i.row, "honorific", i.full_name,
                  plan=i.plan_id or f"dòng {i.row}")
        if i.attendance and i.invited == schema.NO:
            f.add("status-doubt", schema.INVITEES, i.row, "attendance", i.attendance,
                  what="Có ghi Tham dự nhưng cột Mời là Không.",
                  fix="Sửa cột Mời thành Có, hoặc xóa Tham dự.")


def _check_repeated(f: Findings) -> None:
    """One person invited twice to one plan (invitee-duplicate): see :func:`_same_invitee`."""
    seen: dict = {}         # the plan and the name read without accents → its invitees
    for i in f.reg.invitees:
        if i.full_name and i.plan_id:
            fields = (personal.bare_name(i.full_name), i.position, i.organization)
            group = seen.setdefault((parsing.fold(i.plan_id), vntext.plain_key(fields[0])), [])
            first = next((row for row, other in group if _same_invitee(fields, other)), None)
            if first is not None:
                f.add("invitee-duplicate", schema.INVITEES, i.row, "full_name",
                      i.full_name, plan=i.plan_id, first=first)
            else:
                group.append((i.row, fields))


def _same_invitee(a: tuple, b: tuple) -> bool:
    """(name without its form of address, position, body) of two rows: the same person when
    the names are one (vntext.same_name: case and spacing aside, "Hùng" is not "Hưng", "Hung"
    typed without accents is "Hùng") and neither the position nor the body tells them apart
    (each the same, or left blank on one of the two rows: a name pasted again without them)."""
    return vntext.same_name(a[0], b[0]) and all(
        not x or not y or vntext.same_name(x, y) for x, y in zip(a[1:], b[1:]))


def check_chair_attendance(f: Findings) -> None:
    """The chair and the secretary must be among the invitees and not marked absent."""
    secretary = f.reg.settings.contact_officer
    named = invitees_by_plan(f)
    for plan in f.reg.plans:
        people = named.get(plan.plan_id, [])
        if not plan.plan_id or not people or plan.cancelled:
            continue
        bare = [(i, personal.bare_name(i.full_name)) for i in people]   # once for both roles
        for role, name, key in (("Người chủ trì", plan.chair_name, "chair_name"),
                                ("Thư ký (Cán bộ đầu mối)", secretary, None)):
            if not name:
                continue
            rows = _among(bare, name)
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


def _among(bare: list[tuple], name: str) -> list:
    """The invitees of (invitee, name without its form) who are ``name``."""
    wanted = personal.bare_name(name)
    return [i for i, other in bare if personal.same_bare(wanted, other)]


def check_plans_have_invitees(f: Findings) -> None:
    """A plan none of whose delegates is invited: its documents that list them are refused."""
    invited = {i.plan_id for i in f.reg.invitees if i.full_name and i.invited != schema.NO}
    for plan in f.reg.plans:
        if plan.plan_id and plan.plan_id not in invited and not plan.cancelled:
            f.add("plan-without-invitees", schema.PLANS, plan.row, "plan_id", plan.plan_id,
                  plan=plan.plan_id)
