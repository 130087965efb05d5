"""The dates documents print of themselves and of their deadlines: the year an undated draft
will be issued in (never the computer's: issue 25 §2), and the "dự kiến" mark on a computed date
whose year's holidays are the package's guess (rules.workcalendar; README)."""
from __future__ import annotations

import datetime as dt

from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.rules import deadlines, workcalendar
from doithoai.text import vnformat

# The milestone (rules' codes, first found wins) by which each kind is issued: an undated draft
# prints that year. A kind not named here is issued on the day of its conference (BB, PKS, the
# papers of the day); KH precedes every task of its plan; CVDD and CVTL are placed in
# IssueDates.issue_anchor. tests/documents/test_dates_and_figures.py holds every kind to a rule.
ISSUED_BY: dict[str, tuple[str, ...]] = {
    "TB": ("THONG_BAO",), "TTTT": ("THONG_BAO",), "GM": ("GIAY_MOI",), "SGN": ("GIAY_MOI",),
    "PDK": ("PHAT_PHIEU",), "BCTH": ("TONG_HOP",), "CVPC": ("TONG_HOP",),
    "TBKL": deadlines.CONCLUSION_CODES, "CVKN": deadlines.CONCLUSION_CODES,
    "TBCD": deadlines.CONCLUSION_CODES, "BCKQ": ("BAO_CAO_KET_QUA",),
}
ON_THE_DAY = ("BB", "PKS", "DSDB")          # dated the day of the conference
FORM_ANNOUNCERS = ("TB", "TTTT")             # announce the conference, and the forms' deadline
FORM = "PDK"                                 # the form itself
# Handed, posted or read to citizens: a day is stated plainly, never "dự kiến" (the day a
# commune sets on its form is its own; the command tells the clerk the calendar is a guess).
FOR_CITIZENS = ("PDK", "TB", "TTTT", "GM", "TBCD")
PROVISIONAL = "dự kiến"


def dated(d: dt.date, provisional: bool, in_brackets: bool = False) -> str:
    """A computed date as documents print it: "26/02/2027 (dự kiến)" when its year's holidays
    are the package's guess (rules.workcalendar), as README promises; ``in_brackets``: the date
    stands inside brackets already ("(hạn 26/02/2027, dự kiến)")."""
    if not provisional:
        return vnformat.short_date(d)
    return f"{vnformat.short_date(d)}, {PROVISIONAL}" if in_brackets else \
        f"{vnformat.short_date(d)} ({PROVISIONAL})"


class IssueDates:
    """Mixed into every builder; uses its ``today``, ``plan``, ``milestones`` (the plan's,
    by code), ``report`` and ``office``."""

    def issue_year(self, code: str, due: dt.date | None = None) -> int:
        """The year an undated draft of ``code`` will be issued in: the due date of the milestone
        it is issued by (``due``: the caller's own, an opinion's reply), else its conference's
        day, else the plan's issue date, else today; never a year already past (a document not
        yet issued is issued today at the earliest). CVDD chases what is late: issued today.

        A paper with no number (the forms PDK and PKS) is not issued: citizens fill it in at
        its milestone, so it keeps that year whenever it is printed; so does a document that
        prepares a conference now past (it is no longer issued: generate), unless its text
        turned into the post-meeting one (:attr:`Kind.rewritten_after`)."""
        when = due or self.issue_anchor(code)
        if when is None:
            return self.today.year
        kind = KINDS_BY_CODE[code]
        meeting = self.plan.meeting_date
        past = kind.before_meeting and not kind.rewritten_after and meeting is not None \
            and meeting < self.today
        return max(when, self.today).year if kind.numbered and not past else when.year

    def asks_forms_by_deadline(self, code: str, date: dt.date | None) -> bool:
        """Whether a document of ``code`` dated ``date`` asks citizens for their forms by
        THU_PHIEU's day. The forms do, and an announcement when that day is not already past
        on its own date: under the default rules the forms are collected 21 days before the
        conference and the announcement is due 7 days before, and it would ask for them by a
        day gone by. Neither does once Mốc thời gian records the collection done by then (the
        forms are then handed in at the conference). Its date: the issue's; for a draft of TB,
        the day it is due (today at the earliest); for the bulletin and the forms, today (read
        out, handed out the day they are made)."""
        m = self.milestones.get("THU_PHIEU")
        if m is None or code not in FORM_ANNOUNCERS + (FORM,):
            return m is not None
        if code in ("TTTT", FORM):
            day = date or self.today
        else:
            day = date or max(self.issue_anchor(code) or self.today, self.today)
        if m.done_date is not None and m.done_date <= day:
            return False
        return code == FORM or m.due >= day

    def issue_anchor(self, code: str) -> dt.date | None:
        """The day a document of ``code`` is due (see ISSUED_BY), when the registry says it."""
        if code == "CVDD":
            return self.today
        if code == "KH":          # the plan is issued before the first task it schedules
            dues = [m.due for m in self.milestones.values()]
            if dues:
                return min(dues)
        for milestone in ISSUED_BY.get(code, ()):
            if milestone in self.milestones:
                return self.milestones[milestone].due
        return self.plan.meeting_date or self.plan.issue_date

    def marked(self, provisional: bool, printed: bool = True) -> bool:
        """Whether this document prints a provisional date's "dự kiến" mark: drafts do, for the
        clerk who checks them, and the plan does (a timetable is a forecast); a document issued
        with a number states its dates as they are (a chairman signs no deadline "dự kiến"),
        and so does one for citizens, draft or not (FOR_CITIZENS: the form, the announcement
        and its bulletin, the invitations, the notices to citizens); the command says which
        rest on a calendar not yet official. ``code`` and ``issue_date``: the document being
        filled (common()); ``printed``: the template prints the date (one it does not print
        is not noted among the dates to check)."""
        if not provisional:
            return False
        if self.code in FOR_CITIZENS or (self.issue_date is not None and self.code != "KH"):
            if printed:
                self.unmarked.add(self.code)
            return False
        return True

    def due_text(self, m: deadlines.MilestoneResult, in_brackets: bool = False,
                 printed: bool = True) -> str:
        return dated(m.due, self.marked(m.provisional, printed), in_brackets)

    def opinion_due_text(self, opinion_id: str | None, d: dt.date) -> str:
        """An opinion's computed due date ``d`` (reply or resolution), marked "dự kiến" when the
        milestone that gives it is provisional (and this document marks: see marked)."""
        if not hasattr(self, "_opinion_provisional"):
            self._opinion_provisional = {(m.opinion_id, m.due) for m in self.report.milestones
                                         if m.opinion_id and m.provisional}
        return dated(d, self.marked((opinion_id, d) in self._opinion_provisional))

    def provisional_note(self, milestones) -> str | None:
        """One sentence under a table of computed dates that carries "dự kiến" marks: why, and
        who checks them (None when no date is provisional)."""
        # The years not yet official that the dates rest on: a date in an official year that
        # is provisional was counted across the next one
        years = sorted({max(m.due.year, workcalendar.LAST_CONFIRMED_YEAR + 1)
                        for m in milestones if m.provisional})
        if not years:
            return None
        listed = ", ".join(str(y) for y in years)
        return (f"Thời hạn ghi \"{PROVISIONAL}\" được tính theo lịch nghỉ lễ, Tết năm {listed} "
                f"chưa được công bố chính thức; {self.office} rà soát, điều chỉnh khi có lịch "
                "nghỉ chính thức.")
