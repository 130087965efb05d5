"""Opinions: dates in order and a status the rest of the row supports."""
from __future__ import annotations

from doithoai.registry import repeats, schema
from doithoai.registry.issued import issued_plans
from doithoai.rules import agencies
from doithoai.rules.validation.findings import Findings
from doithoai.text.vnformat import short_date
from doithoai.text import privacy

WRITTEN_REPLY = schema.REPLIED_STATUS
# The kinds noted as content-has-identifier (a phone has content-has-phone; names are not noted).
IDENTIFIER_WORDS = {k: w for k, w in privacy.KIND_WORDS.items() if k not in ("phone", "name")}


def check_opinions(f: Findings) -> None:
    plans = {p.plan_id: p for p in f.reg.plans}
    originals = {o.opinion_id: o for o in f.reg.opinions if o.opinion_id}
    sent_up = issued_plans(f.reg, "CVKN")      # each plan's recommendation upward
    plans_issued = issued_plans(f.reg)
    for o in f.reg.opinions:
        if o.plan_id in sent_up:
            _sent_up_status(f, o, sent_up[o.plan_id])
        _identifiers(f, o)
        if o.duplicate_of:
            _repeat_outcome(f, o, originals.get(o.duplicate_of))
        if o.received_date and o.reply_date and o.reply_date < o.received_date:
            f.add("date-order", schema.OPINIONS, o.row, "reply_date", short_date(o.reply_date),
                  what=f"Ngày trả lời {short_date(o.reply_date)} trước ngày nhận ý kiến "
                       f"{short_date(o.received_date)}.")
        _not_yet(f, o)
        plan = plans.get(o.plan_id)
        if plan and plan.meeting_date and o.received_date and not plan.cancelled and \
                o.received_date > plan.meeting_date and o.source != "Văn bản":
            f.add("date-order-warning", schema.OPINIONS, o.row, "received_date",
                  short_date(o.received_date),
                  what=f"Ý kiến nhận ngày {short_date(o.received_date)}, sau ngày hội nghị "
                       f"{short_date(plan.meeting_date)} của {o.plan_id}.")
        _status(f, o)
        _unassigned(f, o, plan)
        if plan:
            _before_plan(f, o, plan, plans_issued.get(plan.plan_id))


# How an opinion came, by its Nguồn, when only a plan brings it; and the day to type instead.
_BROUGHT_BY_PLAN = {"Phiếu hỏi": ("Nguồn \"Phiếu hỏi\" là phiếu ý kiến của hội nghị",
                                  "nhận phiếu"),
                    schema.SPOKEN_SOURCE: (f"Nguồn \"{schema.SPOKEN_SOURCE}\"", "hội nghị")}


def _before_plan(f: Findings, o, plan, issued) -> None:
    """Received before its plan was issued (its Ngày ban hành, else its KH in Sổ văn bản:
    ``issued``), while its Nguồn says it came through the plan's forms or its conference (or
    the merge took it from a form the Front returned: Nguồn nhập): a day mistyped, or stamped
    by a computer's wrong date. A letter may come before any plan; a row the carry-over
    linked keeps its original's Nguồn."""
    made = plan.issue_date or (issued.date if issued else None)
    if not (made and o.received_date and o.received_date < made) or repeats.linked(o):
        return
    how, when = _BROUGHT_BY_PLAN.get(o.source, (None, None))
    if o.source == schema.FRONT_SOURCE and o.intake_ref:
        how, when = (f"ý kiến đến qua phiếu MTTQ gửi về (Nguồn nhập \"{o.intake_ref}\")",
                     "MTTQ nhận phiếu")
    if how is None:
        return
    if when == "hội nghị" and plan.meeting_date:
        when = f"hội nghị ({short_date(plan.meeting_date)})"
    f.add("received-before-plan", schema.OPINIONS, o.row, "received_date",
          short_date(o.received_date), opinion=o.opinion_id or f"dòng {o.row}",
          plan=plan.plan_id, issued=short_date(made), how=how, when=when)


# The dates of what has happened to an opinion, and what each says happened.
_HAPPENED = (("received_date", "Ngày nhận", "một ý kiến chưa thể nhận"),
             ("assigned_date", "Ngày phân công", "việc chưa thể giao"),
             ("reply_date", "Ngày trả lời", "văn bản chưa thể trả lời"),
             ("resolved_date", "Ngày giải quyết xong", "việc chưa thể xong"))


def _not_yet(f: Findings, o) -> None:
    """A date of something done typed after today: a slip of the year or month (a report as of
    a later day would count it as done already)."""
    for key, label, what in _HAPPENED:
        day = getattr(o, key)
        if day and day > f.today:
            f.add("date-order-warning", schema.OPINIONS, o.row, key, short_date(day),
                  what=f"{label} {short_date(day)} sau hôm nay ({short_date(f.today)}): "
                       f"{what} vào ngày đó (gõ nhầm năm, tháng?).")


def _sent_up_status(f: Findings, o, issued) -> None:
    """An opinion beyond the commune that its plan's recommendation upward, issued, sent on,
    still "new" or "assigned": the tool does not advance a typed status, it says so."""
    before = not (o.received_date and issued.date and o.received_date > issued.date)
    if o.status in schema.NO_REPLY_YET and not o.duplicate_of and before and \
            o.answered_at_meeting != schema.YES and agencies.sent_up(o, f.reg.agency_levels):
        f.add("status-doubt", schema.OPINIONS, o.row, "status", o.status,
              what=f"Trạng thái \"{o.status}\" nhưng công văn kiến nghị cấp trên số "
                   f"{issued.number_symbol} (Sổ văn bản dòng {issued.row}) đã gửi ý kiến này.",
              fix="Đổi Trạng thái thành \"Đã chuyển cấp trên\".")


# Statuses of an opinion that needs no agency any more, and those that claim one (without it,
# a status-contradiction already).
_SETTLED = (schema.SETTLED_AT_MEETING, schema.SENT_UP_STATUS, schema.RESOLVED_STATUS)


def _unassigned(f: Findings, o, plan) -> None:
    """An opinion still to be answered in writing, its conference held, and no Cơ quan trả
    lời: the conclusion notice and the citizen's notice name the office as its handler (what
    they print when none is chosen), while no assignment letter goes to anyone."""
    if o.agency or o.duplicate_of or not o.opinion_id or o.answered_at_meeting == schema.YES \
            or o.status in _SETTLED + schema.CLAIMED or o.resolved_date or agencies.sent_up(o) or \
            plan is None or plan.meeting_date is None or plan.meeting_date > f.today or \
            plan.cancelled:        # said with its plan (cancelled-plan-replies)
        return
    f.add("opinion-unassigned", schema.OPINIONS, o.row, "agency", None, plan=plan.plan_id,
          office=agencies.office_unit(None, plan.is_party))


_OUTCOME = (("answer", "Nội dung trả lời"), ("reply_number", "Số văn bản trả lời"),
            ("reply_date", "Ngày trả lời"), ("resolved_date", "Ngày giải quyết xong"))


def _repeat_outcome(f: Findings, o, original) -> None:
    """A repeat (Trùng với) is answered and resolved with its original: an outcome typed on
    its own row that its original does not have is used by no document, report or deadline
    (a carried-over opinion answered at the new conference, typed on the linked row, would be
    lost). The same outcome typed on both, as registries often mirror it, is fine."""
    if original is None:
        return
    typed = next(((key, label) for key, label in _OUTCOME
                  if getattr(o, key) and not getattr(original, key)), None)
    if typed is None:
        return
    f.add("repeat-outcome", schema.OPINIONS, o.row, typed[0], getattr(o, typed[0]),
          label=typed[1], original=original.opinion_id, original_row=original.row)


def _identifiers(f: Findings, o) -> None:
    """Identifiers typed inside the content, as the masking reads them: a phone (its own
    note), the other kinds in one note naming them."""
    kinds = privacy.kinds_in(o.content)
    if not kinds:
        return
    shown = (o.content or "")[:60]
    if "phone" in kinds:
        f.add("content-has-phone", schema.OPINIONS, o.row, "content", shown)
    named = [IDENTIFIER_WORDS[k] for k in kinds if k in IDENTIFIER_WORDS]
    if named:
        f.add("content-has-identifier", schema.OPINIONS, o.row, "content", shown,
              what=", ".join(named))


def _status(f: Findings, o) -> None:
    """Trạng thái against what the row says of its reply, and Thẩm quyền against its agency."""
    _reply_status(f, o)
    _resolved_status(f, o)
    _competence(f, o)
    if o.status in schema.CLAIMED and not o.agency:
        f.add("status-contradiction", schema.OPINIONS, o.row, "agency", None,
              what=f"Trạng thái \"{o.status}\" nhưng chưa ghi Cơ quan trả lời.",
              fix="Chọn Cơ quan trả lời được phân công.")


def _resolved_status(f: Findings, o) -> None:
    """"Đã giải quyết" with no day it was (the reports count a resolution by its Ngày giải
    quyết xong, and contacts are kept until a day after it), and a day with a status that
    says the work goes on."""
    if o.duplicate_of:
        return                      # a repeat's outcome is its original's (repeat-outcome)
    if o.status == schema.RESOLVED_STATUS and not o.resolved_date:
        f.add("status-doubt", schema.OPINIONS, o.row, "resolved_date", None,
              what=f"Trạng thái \"{o.status}\" nhưng chưa ghi Ngày giải quyết xong: báo cáo "
                   "theo dõi chưa đếm là đã giải quyết xong, và số điện thoại, địa chỉ của người "
                   "nêu chưa có ngày để tính thời hạn giữ.",
              fix="Ghi Ngày giải quyết xong (ngày có kết quả).")
    elif o.resolved_date and o.status in schema.NO_REPLY_YET + (schema.IN_PROGRESS_STATUS,):
        f.add("status-doubt", schema.OPINIONS, o.row, "status", o.status,
              what=f"Đã ghi Ngày giải quyết xong {short_date(o.resolved_date)} nhưng Trạng thái "
                   f"còn \"{o.status}\".",
              fix=f"Đổi Trạng thái thành \"{schema.RESOLVED_STATUS}\", hoặc xóa Ngày giải "
                  "quyết xong nếu việc chưa xong.")


def _reply_status(f: Findings, o) -> None:
    """A status that claims a reply the row does not have, or denies one it has."""
    S = schema.OPINIONS
    if o.status == WRITTEN_REPLY:
        for key, label in (("reply_number", "Số văn bản trả lời"),
                           ("reply_date", "Ngày trả lời")):
            if getattr(o, key) is None:
                f.add("status-contradiction", S, o.row, key, None,
                      what=f"Trạng thái \"{WRITTEN_REPLY}\" nhưng chưa có {label}.",
                      fix=f"Ghi {label}, hoặc đổi Trạng thái cho đúng.")
    if o.status == "Đã trả lời tại hội nghị" and o.answered_at_meeting != schema.YES:
        f.add("status-contradiction", S, o.row, "answered_at_meeting",
              o.answered_at_meeting,
              what="Trạng thái \"Đã trả lời tại hội nghị\" nhưng cột Trả lời tại hội "
                   "nghị không ghi Có.",
              fix="Ghi Có ở Trả lời tại hội nghị, hoặc đổi Trạng thái.")
    if o.answered_at_meeting == schema.YES and not o.answer:
        f.add("status-doubt", S, o.row, "answer", None,
              what="Đã trả lời tại hội nghị nhưng chưa ghi Nội dung trả lời.",
              fix="Ghi tóm tắt câu trả lời tại hội nghị (dùng cho biên bản, thông báo "
                  "kết luận).")
    # A reply issued by doithoai writes its number on the row and leaves the typed status to the
    # clerk: one still "new" or "assigned" is behind (one "being resolved" may be: a reply can
    # promise work still to do).
    if o.status in schema.NO_REPLY_YET and (o.reply_number or o.reply_date):
        f.add("status-doubt", S, o.row, "status", o.status,
              what=f"Trạng thái \"{o.status}\" nhưng đã có văn bản trả lời"
                   f"{' số ' + o.reply_number if o.reply_number else ''}.",
              fix=f"Đổi Trạng thái thành \"{WRITTEN_REPLY}\" (hoặc \"Đang giải quyết\" nếu "
                  "văn bản hẹn việc còn phải làm).")


def _competence(f: Findings, o) -> None:
    """Thẩm quyền (Xã / Cấp trên) against the status and the level of the agency assigned."""
    S = schema.OPINIONS
    if o.status == schema.SENT_UP_STATUS and o.competence == "Xã":
        f.add("status-doubt", S, o.row, "competence", o.competence,
              what="Đã chuyển cấp trên nhưng Thẩm quyền ghi là Xã.",
              fix="Sửa Thẩm quyền thành Cấp trên, hoặc đổi Trạng thái.")
    if o.competence == "Xã" and o.agency and \
            agencies.level_of(o.agency, f.reg.agency_levels) == agencies.SUPERIOR:
        f.add("status-doubt", S, o.row, "competence", o.competence,
              what=f"Giao cho \"{o.agency}\" (cấp trên) nhưng Thẩm quyền ghi là Xã; ý kiến "
                   "được đưa vào công văn kiến nghị cấp trên.",
              fix="Sửa Thẩm quyền thành Cấp trên, hoặc chọn cơ quan của xã được giao; nếu cơ "
                  "quan này không phải cấp trên, sửa cột Cấp của cơ quan trả lời ở Danh mục.")
    if o.competence == "Cấp trên" and o.agency and \
            agencies.level_of(o.agency, f.reg.agency_levels) != agencies.SUPERIOR:
        f.add("status-doubt", S, o.row, "agency", o.agency,
              what=f"Thẩm quyền Cấp trên nhưng Cơ quan trả lời là \"{o.agency}\" (không phải cấp "
                   "trên): ý kiến được đưa vào công văn kiến nghị cấp trên, không giao cho cơ "
                   "quan này.",
              fix="Chọn cơ quan cấp trên có thẩm quyền ở Cơ quan trả lời (hoặc để trống), hoặc "
                  "sửa Thẩm quyền thành Xã nếu xã giải quyết.")
