"""When an intake form is made, as the form and the clerk are told, and as a returned form is
judged by it. Pure core.

Before the conference the form asks for its return by the Thu phiếu deadline while that is
still ahead, else by the conference's day. After the conference the form is for catching up:
copying the opinions received up to its day that were not typed yet; it says so, and its
hidden identity records the conference's day it was made after ("meeting"), which is how a
returned form made after its plan's conference is told from a form of another plan whose
identity was edited (:func:`made_for`, used by sharing.fitting). A row the Front left
without a Ngày nhận is dated by the day its form came back (:func:`returned_on`).
"""
from __future__ import annotations

import datetime as dt
import re

from doithoai.registry import parsing
from doithoai.registry.problems import said

_MEETING_IN_TEXT = re.compile(r"Thời gian:[^\n]*?ngày (\d{1,2}/\d{1,2}/\d{4})")


def catching_up(plan, today: dt.date) -> bool:
    """Whether a form made ``today`` is made after the plan's conference was held."""
    return bool(plan.meeting_date and plan.meeting_date < today)


def form_due(reg, plan, today: dt.date) -> dt.date | None:
    """The Thu phiếu deadline the form asks for, when it is still ahead ``today``."""
    from doithoai.rules import deadlines
    report = deadlines.compute(reg, today)
    due = next((m.due for m in report.milestones if m.plan_id == plan.plan_id and
                not m.opinion_id and m.code == "THU_PHIEU"), None)
    return due if due is not None and due >= today else None


def send_back(back: str, plan, due: dt.date | None, today: dt.date) -> str:
    """The form's line saying whom it goes back to, and by when (or, after the conference,
    what it is still for)."""
    if catching_up(plan, today):
        return (f"Gửi lại tệp này cho {back} sớm nhất có thể. Hội nghị đã diễn ra ngày "
                f"{plan.meeting_date:%d/%m/%Y}: tệp này chỉ để chép lại các ý kiến đã nhận đến "
                "ngày đó mà chưa gửi (Ngày nhận không sau ngày hội nghị); ý kiến nhận sau ngày "
                "đó không ghi vào đây, Văn phòng sẽ đưa vào hội nghị sau.")
    if due:
        return f"Gửi lại tệp này cho {back}, chậm nhất ngày {due:%d/%m/%Y}."
    if plan.meeting_date:
        return f"Gửi lại tệp này cho {back}, chậm nhất ngày hội nghị {plan.meeting_date:%d/%m/%Y}."
    return f"Gửi lại tệp này cho {back}."


def held_notice(plan, today: dt.date) -> str | None:
    """What the clerk is told when the forms are made after the conference: only opinions
    received up to its day are taken in (the Front may still be typing paper forms collected
    before it); a later one goes to Chờ xử lý."""
    if not catching_up(plan, today):
        return None
    return (f"Lưu ý: hội nghị {plan.plan_id} đã diễn ra ngày {plan.meeting_date:%d/%m/%Y}. Phiếu "
            "chỉ dùng để chép lại các ý kiến đã nhận đến ngày đó (Ngày nhận không sau ngày hội "
            "nghị); ý kiến nhận sau sẽ vào Chờ xử lý khi nhận lại: hãy nhập vào trang Ý kiến "
            "(nguồn Văn bản) hoặc đưa vào kế hoạch của hội nghị sau.")


def identity_row(plan) -> tuple[str, str]:
    """The hidden identity's record of the conference day the form was made for."""
    return ("meeting", plan.meeting_date.isoformat() if plan.meeting_date else "")


def header_meeting(top: str) -> dt.date | None:
    """The conference day a form's title prints ("Thời gian: …, ngày 12/06/2026"): the day it
    was made for, on a form made before the hidden identity recorded it."""
    found = _MEETING_IN_TEXT.search(top)
    try:
        return parsing.parse_date(found.group(1)) if found else None
    except parsing.Unreadable:
        return None


def made_for(identity: dict, header_day: dt.date | None) -> dt.date | None:
    """The conference day a returned form was made for: its hidden identity's, else its
    title's."""
    try:
        recorded = parsing.parse_date(identity["meeting"]) if identity.get("meeting") else None
    except parsing.Unreadable:
        recorded = None
    return recorded or header_day


# The commune's clock: a form saved at 20:00 UTC was saved the next morning in Vietnam.
VIETNAM_TIME = dt.timedelta(hours=7)


def returned_on(ret, today: dt.date) -> tuple[dt.date | None, str]:
    """(the Ngày nhận to record for a row the Front left undated, what the clerk is told of
    it), for a row merged no later than its conference (sharing.fitting.late_for sets aside
    one merged after): the day its form came back, as near as the file tells. That is the
    day the Front last saved it (the time its own properties give, sharing.formulas.saved_at)
    when that day lies between the day the form was made and ``today``; else ``today``, the
    day it is merged. (None, why the row is set aside) when ``today`` is before the form was
    made: the computer's date (or the --today typed) is wrong, and no day can be given."""
    made = made_on(ret.identity)
    if made and today < made:
        return None, (f"Chưa ghi Ngày nhận, và ngày nhận tệp vào sổ ({today:%d/%m/%Y}) trước "
                      f"ngày tạo tệp phiếu ({made:%d/%m/%Y}): không ghi được ngày nào. "
                      + said("Kiểm tra ngày, giờ của máy tính", "Kiểm tra ngày của máy tính "
                             "(hoặc ngày ghi ở --today)") + ", ghi Ngày nhận vào dòng trong "
                      "tệp, xóa dòng này ở trang Chờ xử lý rồi nhận lại.")
    saved = (ret.saved + VIETNAM_TIME).date() if ret.saved else None
    if saved and (made is None or saved >= made) and saved <= today:
        return saved, (f"MTTQ không ghi Ngày nhận: đã ghi {saved:%d/%m/%Y}, ngày MTTQ lưu tệp "
                       f"phiếu lần cuối (ghi trong tệp); {_IF_KNOWN}")
    why = ("tệp không ghi ngày lưu" if saved is None else
           f"ngày lưu ghi trong tệp, {saved:%d/%m/%Y}, nằm ngoài khoảng từ ngày tạo phiếu đến "
           "ngày nhận vào sổ")
    return today, (f"MTTQ không ghi Ngày nhận: đã ghi {today:%d/%m/%Y}, ngày nhận tệp vào sổ "
                   f"({why}); {_IF_KNOWN}")


_IF_KNOWN = "nếu biết ngày nhận đúng, sửa ô Ngày nhận của ý kiến."


def made_on(identity: dict) -> dt.date | None:
    """The day the form was made, by its hidden identity (None when it does not say)."""
    try:
        return parsing.parse_date(identity["created"]) if identity.get("created") else None
    except parsing.Unreadable:
        return None
