"""A cancelled plan (Trạng thái "Đã hủy"): what in the registry says its conference took place
after all (the citizens' opinions it still owes a written reply: validation/undated.py).

Nothing is changed: each finding names the cell and says what the clerk may do (the
conference may in fact have been held and the status be the mistake)."""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.registry.issued import ISSUED
from doithoai.rules import deadlines
from doithoai.rules.validation.findings import Findings, some


def check_cancelled(f: Findings) -> None:
    cancelled = {p.plan_id: p for p in f.reg.plans if p.plan_id and p.cancelled}
    if not cancelled:
        return
    _attendance(f, cancelled)
    _at_the_meeting(f, cancelled)
    _concluded(f, cancelled)
    _surveyed(f, cancelled)


def _said(f: Findings, sheet: schema.Sheet, row: int, key: str, value, plan, what: str,
          fix: str) -> None:
    f.add("cancelled-plan-contradiction", sheet, row, key, value, plan=plan.plan_id,
          plan_row=plan.row, what=what, fix=fix)


def _attendance(f: Findings, cancelled: dict) -> None:
    """One finding a cancelled plan, at its first delegate with Tham dự filled, naming the
    others' rows (150 delegates marked present are one slip, not 150)."""
    marked: dict[str, list] = {}
    for i in f.reg.invitees:
        if i.plan_id in cancelled and i.attendance:
            marked.setdefault(i.plan_id, []).append(i)
    for plan_id, rows in marked.items():
        first = rows[0]
        whom = (f"cho {first.full_name or 'một đại biểu'}" if len(rows) == 1 else
                f"cho {len(rows)} đại biểu (dòng {some([str(i.row) for i in rows], 'dòng')})")
        _said(f, schema.INVITEES, first.row, "attendance", first.attendance, cancelled[plan_id],
              f"trang {schema.INVITEES.name} ghi Tham dự {whom}",
              "Xóa ô Tham dự của " + ("dòng này" if len(rows) == 1 else "các dòng đó") +
              " (hội nghị không họp thì không ai dự, không ai vắng).")


def _at_the_meeting(f: Findings, cancelled: dict) -> None:
    for o in f.reg.opinions:
        plan = cancelled.get(o.plan_id)
        if plan is None:
            continue
        if o.source == schema.SPOKEN_SOURCE:
            _said(f, schema.OPINIONS, o.row, "source", o.source, plan,
                  f"ý kiến {o.opinion_id or f'dòng {o.row}'} (trang {schema.OPINIONS.name}) "
                  f"ghi Nguồn \"{o.source}\"",
                  "Sửa Nguồn theo cách người dân đã gửi (Phiếu hỏi, Văn bản, MTTQ chuyển).")
        if o.answered_at_meeting == schema.YES or o.status == schema.SETTLED_AT_MEETING:
            key = "answered_at_meeting" if o.answered_at_meeting == schema.YES else "status"
            _said(f, schema.OPINIONS, o.row, key, getattr(o, key), plan,
                  f"ý kiến {o.opinion_id or f'dòng {o.row}'} (trang {schema.OPINIONS.name}) "
                  "ghi đã trả lời tại hội nghị",
                  "Ý kiến này phải trả lời bằng văn bản: bỏ \"Có\" ở cột Trả lời tại hội nghị "
                  "và sửa Trạng thái (Mới hoặc Đã phân công).")


def _concluded(f: Findings, cancelled: dict) -> None:
    for e in f.reg.register:
        plan = cancelled.get(e.plan_id)
        if plan is not None and e.kind == deadlines.CONCLUSION_DOC_KIND and e.status == ISSUED:
            _said(f, schema.REGISTER, e.row, "kind", e.kind, plan,
                  f"{schema.REGISTER.name}, dòng {e.row} ghi đã ban hành thông báo kết luận "
                  f"{e.number_symbol or ''}".rstrip(),
                  "Văn bản đã ban hành thì giữ nguyên; kiểm tra lại hội nghị có họp không.")
    for m in f.reg.milestones:
        plan = cancelled.get(m.plan_id)
        if plan is not None and m.code in deadlines.CONCLUSION_CODES and m.done_date \
                and not m.opinion_id:
            _said(f, schema.MILESTONES, m.row, "done_date", m.done_date.strftime("%d/%m/%Y"),
                  plan, f"mốc {m.code} (trang {schema.MILESTONES.name}, dòng {m.row}) ghi đã "
                  "kết luận hội nghị",
                  "Xóa Ngày hoàn thành của mốc này nếu không có thông báo kết luận.")


def _surveyed(f: Findings, cancelled: dict) -> None:
    """The first form tallied for each cancelled plan (one finding a plan, not a question)."""
    said = set()
    for s in f.reg.survey:
        plan = cancelled.get(s.plan_id)
        if plan is not None and s.count and s.plan_id not in said:
            said.add(s.plan_id)
            _said(f, schema.SURVEY, s.row, "plan_id", s.plan_id, plan,
                  f"trang {schema.SURVEY.name}, dòng {s.row} ghi phiếu lấy ý kiến về cuộc đối "
                  "thoại này",
                  "Xóa dòng phiếu khảo sát nếu hội nghị không họp.")
