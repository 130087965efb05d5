"""The kinds of document: code, name, number abbreviation, what each one is made per.

A new kind adds a line here, a template builder in :mod:`doithoai.documents.templates`, a method
on the context :class:`~doithoai.documents.context.Builder`, and (for a new "per") a batch
function in :mod:`doithoai.documents.batches`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str          # file and register code
    name: str          # Vietnamese name, for messages and the ribbon
    abbr: str | None   # Appendix III abbreviation in the number ("TB"); None: công văn
    per: str           # "plan", "invitee", "agency", "opinion", "village", "overdue",
    #                    "upward" (one per plan, when it has opinions to send up), "citizen"
    numbered: bool = True
    text: bool = False         # a plain-text document (.txt), not a Word one
    landscape: bool = False    # printed on A4 landscape (lists with many columns)
    party_abbr: str | None = None  # the party variant's abbreviation, when it is another kind
    # When in the cycle the document is made: BEFORE the conference (it announces or prepares
    # it: once the conference is past, only drafted, never numbered), on its DAY, AFTER it (it
    # tells what happened: made once it is held), or at ANY time.
    when: str = "any"
    # The step (a Quy tắc thời hạn code) it reports on: numbered only once that step's day has
    # come or the step is marked done (a summary of the forms is not issued while they are
    # still being collected).
    after_step: str | None = None
    # A BEFORE kind whose text turns into the post-meeting one once the conference is held
    # ("sau_hoi_nghi": the summary and the assignment letters then give opinions to answer in
    # writing): drafted then, it is dated as a document of that day, not of its preparation.
    rewritten_after: bool = False

    @property
    def after_meeting(self) -> bool:
        return self.when == AFTER

    @property
    def before_meeting(self) -> bool:
        return self.when == BEFORE


BEFORE, DAY, AFTER, ANY = "before", "day", "after", "any"


KINDS: tuple[Kind, ...] = (
    Kind("KH", "Kế hoạch", "KH", "plan", when=BEFORE),
    Kind("TB", "Thông báo tổ chức hội nghị", "TB", "plan", when=BEFORE),
    Kind("GM", "Giấy mời", "GM", "invitee", when=BEFORE),
    Kind("PDK", "Phiếu đăng ký phát biểu, gửi ý kiến", None, "village", numbered=False,
         when=BEFORE),
    # Opinions gathered before the conference, sorted and assigned for draft replies (milestone
    # TONG_HOP): preparation, never numbered once the conference is over.
    Kind("BCTH", "Báo cáo tổng hợp ý kiến, kiến nghị", "BC", "plan", when=BEFORE,
         after_step="THU_PHIEU", rewritten_after=True),
    Kind("CVPC", "Công văn phân công tham mưu trả lời", None, "agency", when=BEFORE,
         after_step="THU_PHIEU", rewritten_after=True),
    Kind("BB", "Biên bản hội nghị", "BB", "plan", when=DAY),
    Kind("TBKL", "Thông báo kết luận hội nghị", "TB", "plan", when=AFTER),
    Kind("CVTL", "Công văn trả lời ý kiến, kiến nghị", None, "opinion", when=AFTER),
    Kind("BCKQ", "Báo cáo kết quả tổ chức đối thoại", "BC", "plan", when=AFTER),
    Kind("PKS", "Phiếu lấy ý kiến về cuộc đối thoại", None, "plan", numbered=False, when=DAY),
    # What the clerk prints for the day of the conference, and the loudspeaker bulletin.
    Kind("DSDB", "Danh sách đại biểu ký nhận", None, "plan", numbered=False, landscape=True,
         when=DAY),
    Kind("SGN", "Sổ giao nhận giấy mời", None, "plan", numbered=False, landscape=True,
         when=BEFORE),
    Kind("TTTT", "Bản tin truyền thanh, mạng xã hội", None, "plan", numbered=False, text=True,
         when=BEFORE),
    # Follow-up: one per agency that owes replies or resolutions past their due date.
    Kind("CVDD", "Công văn đôn đốc trả lời, giải quyết ý kiến", None, "overdue"),
    # Beyond the commune: the recommendation to its superiors (a party committee reports to
    # its superior's Standing Committee: a báo cáo), and the notice to each citizen.
    Kind("CVKN", "Công văn kiến nghị cấp trên", None, "upward", party_abbr="BC", when=AFTER),
    Kind("TBCD", "Thông báo cho người nêu ý kiến", "TB", "citizen", when=AFTER),
)
KINDS_BY_CODE = {k.code: k for k in KINDS}


def template_name(code: str, party: bool) -> str:
    ext = ".txt" if KINDS_BY_CODE[code].text else ".docx"
    return f"{code}_dang{ext}" if party else f"{code}{ext}"
