"""Who came to a conference, counted one way for the minutes, the result report and the
monitoring workbook.

Each invited delegate is in exactly one of: present (Tham dự "Có"), present through someone
sent in their place ("Ủy quyền": the seat is taken, by another person), absent ("Vắng"), or not
yet recorded (Tham dự blank). So invited = present + absent + not recorded, and those sent in
someone's place are a part of the present, never added beside them (issue 25: "được mời: 16;
có mặt: 15; vắng: 1; ủy quyền: 1" summed to 17).
"""
from __future__ import annotations

from dataclasses import dataclass

from doithoai.registry import schema

PRESENT, DELEGATED, ABSENT = "Có", "Ủy quyền", "Vắng"
BLANK = "……"            # a figure the clerk writes by hand: nothing recorded yet


def invited(invitees) -> list:
    """The invited delegates of a list of Đại biểu rows: named, and Mời not "Không"."""
    return [i for i in invitees if i.invited != schema.NO and i.full_name]


@dataclass(frozen=True)
class Attendance:
    invited: int
    present: int          # the delegated included
    delegated: int        # of the present: someone came in the delegate's place
    absent: int
    unrecorded: int       # Tham dự left blank

    @classmethod
    def of(cls, people) -> "Attendance":
        """The figures of ``people`` (invited delegates: see :func:`invited`)."""
        marks = [(i.attendance or "").strip() for i in people]
        delegated = marks.count(DELEGATED)
        present = marks.count(PRESENT) + delegated
        absent = marks.count(ABSENT)
        return cls(len(marks), present, delegated, absent, len(marks) - present - absent)

    @property
    def recorded(self) -> bool:
        """Whether anyone's Tham dự is filled in (before that, the figures are blanks)."""
        return self.unrecorded < self.invited

    def present_words(self) -> str:
        """"15, trong đó 1 người được ủy quyền dự thay" (blank when nothing is recorded)."""
        if not self.recorded:
            return BLANK
        extra = f", trong đó {self.delegated} người được ủy quyền dự thay" if self.delegated \
            else ""
        return f"{self.present}{extra}"

    def sentence(self) -> str:
        """The attendance as the minutes and the report state it: every figure a part of the
        invited, the parts adding up to it. "Đại biểu được mời: 16; có mặt: 15, trong đó 1
        người được ủy quyền dự thay; vắng: 1." Nothing recorded yet: blanks to fill by hand;
        some recorded: the rest are said to be not recorded, so the sum still holds."""
        if not self.recorded:
            return f"Đại biểu được mời: {self.invited}; có mặt: {BLANK}; vắng: {BLANK}."
        text = f"Đại biểu được mời: {self.invited}; có mặt: {self.present_words()}; " \
               f"vắng: {self.absent}"
        if self.unrecorded:
            text += f"; chưa ghi nhận tham dự: {self.unrecorded}"
        return text + "."

    def group_words(self, blank: bool) -> str:
        """One group's line: "4/5 đại biểu có mặt", "3/5 đại biểu có mặt, 1 chưa ghi nhận";
        ``blank``: nothing is recorded for the whole conference (a figure to fill by hand)."""
        text = f"{BLANK if blank else self.present}/{self.invited} đại biểu có mặt"
        if self.delegated:
            text += f" (trong đó {self.delegated} người được ủy quyền dự thay)"
        if not blank and self.unrecorded:
            text += f", {self.unrecorded} chưa ghi nhận tham dự"
        return text
