"""Group Văn bản of the tab: every document of the selected plan, each kind, issuing."""
from __future__ import annotations

import datetime as dt
import os

from doithoai.text.filenames import safe_name
from doithoai.buttons.common import Refused, documents_root, read_registry, run, selected_plan


SHOWN_REFUSALS = 6      # causes listed in the closing message (each names all of its rows)


def documents_button(book, codes: list[str] | None, label: str, issue: bool = False,
                     today: dt.date | None = None, confirm: bool | None = None,
                     all_plans: bool = False):
    """Generate (or issue) the documents ``codes`` of the plan of the selected row (or of every
    plan: the công văn đôn đốc chase whatever is late, whichever conference it came from)."""
    def work(shell):
        from doithoai.documents import generate, notices
        reg = read_registry(shell)
        plan = None if all_plans else selected_plan(shell, reg, today or dt.date.today())
        out = documents_root(shell, reg.settings)
        if issue:
            off = notices.day_off(reg, today or dt.date.today())
            warning = f" Lưu ý: {off}" if off else ""
            ok = confirm if confirm is not None else shell.ask(
                f"Ban hành các văn bản của {plan.plan_id}: cấp số, ghi ngày hôm nay, ghi vào "
                "Sổ văn bản và tính lại các hạn (Mốc thời gian, Hạn trả lời) theo văn bản vừa "
                f"ban hành? Văn bản đã ban hành sẽ không bị ghi đè về sau.{warning}")
            if not ok:
                raise Refused("Chưa ban hành. Muốn ban hành, bấm lại và chọn Yes (Có).")
        res = generate.generate(reg, out, plan_ids=[plan.plan_id] if plan else None,
                                 codes=codes, issue=issue, today=today or dt.date.today(),
                                 progress=shell.status)
        shell.status("Đang ghi Sổ văn bản…")
        shell.apply(res.changes)
        lines = [f"{label} ({plan.plan_id if plan else 'mọi kế hoạch'}): {res.summary()}",
                 f"Thư mục: {os.path.join(out, safe_name(plan.plan_id)) if plan else out}"]
        given = notices.numbers_given(res.numbered)
        lines += [given] if given else [notices.nothing_numbered()] if issue else []
        lines += [f"Lưu ý: {n}" for n in res.notices[:3]]
        refused = res.refusal_lines()       # one line per cause, every row named
        lines += refused[:SHOWN_REFUSALS]
        if len(refused) > SHOWN_REFUSALS:
            lines.append(f"… và {len(refused) - SHOWN_REFUSALS} lý do khác chưa tạo được văn "
                         "bản: sửa các chỗ trên rồi bấm lại để xem tiếp.")
        return "\n".join(lines), f"{len(res.files)} tệp trong {out}", res.releases()
    return run(label, book, work)


def documents_all(book=None, **kw):
    """Tất cả văn bản: every document of the selected plan, as drafts."""
    return documents_button(book, None, "Tạo tất cả văn bản", **kw)


def issue_documents(book=None, **kw):
    """Ban hành: number, date and register the selected plan's numbered documents."""
    return documents_button(book, None, "Ban hành văn bản", issue=True, **kw)


def doc_plan(book=None, **kw):
    return documents_button(book, ["KH"], "Tạo kế hoạch", **kw)


def doc_announcement(book=None, **kw):
    return documents_button(book, ["TB"], "Tạo thông báo", **kw)


def doc_invitations(book=None, **kw):
    return documents_button(book, ["GM"], "Tạo giấy mời", **kw)


def doc_forms(book=None, **kw):
    return documents_button(book, ["PDK"], "Tạo phiếu đăng ký", **kw)


def doc_summary_report(book=None, **kw):
    return documents_button(book, ["BCTH"], "Tạo báo cáo tổng hợp", **kw)


def doc_assignments(book=None, **kw):
    return documents_button(book, ["CVPC"], "Tạo công văn phân công", **kw)


def doc_recommendations(book=None, **kw):
    return documents_button(book, ["CVKN"], "Tạo công văn kiến nghị cấp trên", **kw)


def doc_citizen_notices(book=None, **kw):
    return documents_button(book, ["TBCD"], "Tạo thông báo cho người nêu ý kiến", **kw)


def doc_minutes(book=None, **kw):
    return documents_button(book, ["BB"], "Tạo biên bản", **kw)


def doc_conclusion(book=None, **kw):
    return documents_button(book, ["TBKL"], "Tạo thông báo kết luận", **kw)


def doc_replies(book=None, **kw):
    return documents_button(book, ["CVTL"], "Tạo công văn trả lời", **kw)


def doc_result_report(book=None, **kw):
    return documents_button(book, ["BCKQ"], "Tạo báo cáo kết quả", **kw)


def doc_survey(book=None, **kw):
    return documents_button(book, ["PKS"], "Tạo phiếu lấy ý kiến", **kw)


def doc_attendance_list(book=None, **kw):
    return documents_button(book, ["DSDB"], "Tạo danh sách đại biểu ký nhận", **kw)


def doc_delivery_book(book=None, **kw):
    return documents_button(book, ["SGN"], "Tạo sổ giao nhận giấy mời", **kw)


def doc_bulletin(book=None, **kw):
    return documents_button(book, ["TTTT"], "Tạo bản tin truyền thanh", **kw)
