"""What a run of the document generator tells the clerk besides the files: documents that wait
for the conference or are only drafted after it, a day to collect forms already past, deadlines
on a calendar not yet official, documents dated on a day off. Each is one sentence, in
Vietnamese, naming the plan and the kinds."""
from __future__ import annotations

import datetime as dt

from doithoai.documents.batch_files import COPIES
from doithoai.documents.context import Builder
from doithoai.documents.kinds import Kind
from doithoai.registry import schema
from doithoai.registry.cellref import a1
from doithoai.registry.issued import DRAFT, ISSUED
from doithoai.registry.model import Plan, Registry
from doithoai.registry.problems import said
from doithoai.rules import deadlines, milestones
from doithoai.rules.workcalendar import OutsideCalendar
from doithoai.text import vnformat


def not_issued_after(plan: Plan, kinds: list[Kind]) -> str:
    return (f"{', '.join(k.code for k in kinds)} ({plan.plan_id}) chỉ tạo bản nháp, không cấp số: "
            f"hội nghị ngày {plan.meeting_date:%d/%m/%Y} đã diễn ra, văn bản chuẩn bị hội nghị "
            "không ban hành sau ngày đó. Nếu đã ban hành ngoài phần mềm, ghi số, ngày vào trang "
            "Sổ văn bản.")


def issued_before_meeting(plan: Plan, documents: list[str]) -> str:
    """Issued documents that prepared a conference now over, whose data changed since: kept,
    not drafted again (they could not be issued again: not_issued_after)."""
    return (f"{plan.plan_id}: hội nghị ngày {plan.meeting_date:%d/%m/%Y} đã diễn ra nên các văn "
            "bản chuẩn bị hội nghị đã ban hành không soạn lại dù dữ liệu đã đổi; bản đã ban hành "
            f"giữ nguyên: {'; '.join(documents)}. Những gì đổi từ hội nghị được ghi ở các văn bản "
            "sau hội nghị (thông báo kết luận, công văn trả lời, báo cáo kết quả).")


def numbers_given(numbered: list[str], shown: int = 12) -> str | None:
    """The numbers an issuing run gave, as the clerk writes them down ("Đã cấp số: 01/TB-UBND
    (TB), …"); None when it gave none."""
    if not numbered:
        return None
    more = len(numbered) - shown
    return ("Đã cấp số: " + ", ".join(numbered[:shown])
            + (f" và {more} văn bản khác (xem trang Sổ văn bản)" if more > 0 else "") + ".")


def plan_revised() -> str:
    """Said of a plan (KH) changed after it was issued: the tool does not issue it again."""
    return (" Kế hoạch đã ban hành không được cấp số lại: nếu Chủ tịch ban hành kế hoạch điều "
            "chỉnh, ghi số và ngày của văn bản đó vào Sổ văn bản; hội nghị đổi ngày thì các văn "
            "bản khác (thông báo, giấy mời) được ban hành lại với số mới khi bấm Ban hành.")


def told_after_meeting(kind: Kind) -> str:
    """Said of a document that tells of a conference held (minutes, conclusion, replies,
    reports), changed after it was issued: its new draft is never numbered by the tool."""
    if kind.before_meeting:
        return ""
    latest = (" Số liệu giải quyết ý kiến mới nhất có ở Báo cáo theo dõi (nút Báo cáo theo dõi,"
              " lệnh doithoai monitor)." if kind.code == "BCKQ" else "")
    return (" Văn bản đã ban hành sau hội nghị không được phần mềm cấp số lại: bản đã ban hành "
            "vẫn là văn bản có hiệu lực, bản dự thảo mới để đối chiếu những gì đã đổi." + latest)


def typed_statuses(register, plan_ids: set) -> list[str]:
    """Sổ văn bản rows of these plans whose Trạng thái is neither of the list's two ("Thu
    hồi", "Đã ký"): their files are kept as issued (documents.register.stands_issued)."""
    odd = [e for e in register if e.plan_id in plan_ids and e.file
           and e.status not in (DRAFT, ISSUED)]
    if not odd:
        return []
    listed = "; ".join(f"dòng {e.row} ({e.file}): \"{e.status or ''}\"" for e in odd[:5])
    more = f" và {len(odd) - 5} dòng khác" if len(odd) > 5 else ""
    return [f"Sổ văn bản ghi Trạng thái ngoài danh sách (Dự thảo, Đã ban hành) ở {listed}{more}: "
            "các tệp đó được giữ nguyên như văn bản đã ban hành, không tạo lại, không cấp số "
            "lại. Văn bản đã thu hồi vẫn ghi \"Đã ban hành\" (ghi việc thu hồi ở nơi khác); "
            "bấm Kiểm tra dữ liệu để thấy các ô này."]


def nothing_numbered() -> str:
    """An issuing run that numbered nothing (every document already issued and unchanged, or
    held back or refused: the Lưu ý and Chưa tạo lines say why)."""
    return "Lần này không cấp số văn bản nào (xem các dòng Lưu ý, Chưa tạo ở trên)."


def stale_drafts(files: list[str]) -> str:
    return (f"{_few(files)}: bản nháp của lần tạo trước, lập từ dữ liệu lúc đó; lần này chưa "
            "tạo lại được (xem dòng \"Chưa tạo\"). Đừng dùng các tệp đó cho đến khi sửa lỗi và "
            "tạo lại.")


def set_aside(kind: Kind, into: str, moved: list[str], left: list[str],
              folder: str | None = None) -> str:
    """Files of an earlier run this run does not make again, moved into ``into`` (or not
    movable): a merged batch's out of its ``folder`` (someone no longer invited, or now under
    another number), or drafts no longer made (``folder`` None: an agency with nothing left to
    assign or chase, a reply no longer due, a "_v2" replaced by a "_v3")."""
    if folder:
        text = f"{kind.name} đã đổi so với lần tạo trước (người được gửi hoặc số thứ tự):"
        if moved:
            text += (f" đã chuyển {len(moved)} tệp của lần trước ({_few(moved)}) vào thư mục "
                     f"{into}; thư mục {folder} chỉ còn các tệp của lần tạo này.")
    else:
        text = f"{kind.name}: lần này không còn tạo"
        drafts = [name for name in moved if not name.endswith(COPIES)]
        copies = len(moved) - len(drafts)
        if drafts:
            text += (f" {len(drafts)} bản nháp của lần trước ({_few(drafts)})"
                     + (f" cùng {copies} bản PDF, ODF của chúng" if copies else ""))
        elif moved:            # copies whose draft an earlier run set aside already
            text += f" các bản nháp có bản PDF, ODF ở đây ({_few(moved)})"
        else:                  # nothing moved: the files it could not move are said below
            text += " các bản nháp của lần trước."
        if moved:
            text += f", đã chuyển sang thư mục {into} để khỏi in nhầm."
    if left:
        text += (f" Không chuyển được {_few(left)} (tệp đang mở?): đó là bản của lần trước, "
                 "đừng dùng; đóng tệp rồi tạo lại.")
    return text


def _few(files: list[str]) -> str:
    return ", ".join(files[:5]) + (f" và {len(files) - 5} tệp khác" if len(files) > 5 else "")


def before_the_meeting(plan: Plan, kinds: list[Kind]) -> str:
    return (f"{', '.join(k.code for k in kinds)} ({plan.plan_id}) không tạo lại: hội nghị ngày "
            f"{plan.meeting_date:%d/%m/%Y} đã diễn ra, các văn bản này thông báo, chuẩn bị trước "
            "hội nghị; bản đã tạo trước đó giữ nguyên.")


def not_issued_before_step(plan: Plan, kinds: list[Kind], step, words) -> str:
    """``words``: the plan's own words for its villages (Hierarchy.printed_words)."""
    return (f"{', '.join(k.code for k in kinds)} ({plan.plan_id}) chỉ tạo bản nháp, không cấp số: "
            f"\"{words(step.task)}\" đến ngày {step.due:%d/%m/%Y} mới hết hạn ({step.code}); các văn "
            "bản này tổng hợp, phân công ý kiến đã thu nên cấp số từ ngày đó (hoặc khi đã ghi "
            "Ngày hoàn thành của bước này ở trang Mốc thời gian).")


def plan_date_differs(plan: Plan, typed: dt.date, issued: dt.date) -> str:
    return (f"{plan.plan_id}: đã ghi số {plan.number_symbol} vào Số ký hiệu; Ngày ban hành ghi "
            f"{typed:%d/%m/%Y} nhưng KH được cấp số ngày {issued:%d/%m/%Y} (Sổ văn bản). Các "
            f"văn bản dẫn Kế hoạch ghi ngày {issued:%d/%m/%Y}, như KH; sửa Ngày ban hành thành "
            f"{issued:%d/%m/%Y} cho khớp.")


def after_issuing(register) -> list[str]:
    """What an issuing run says of the rows it wrote to (documents/register.py): a plan whose
    typed date is not its KH's, replies numbered on rows whose status says none was sent."""
    said = [plan_date_differs(*d) for d in register.plan_dates_differ()]
    behind = register.answered_behind()
    return said + ([status_behind_reply(behind)] if behind else [])


def status_behind_reply(opinions: list[tuple]) -> str:
    """Replies numbered by this run on rows whose Trạng thái still says none was sent
    ((opinion, its Trạng thái cell)): the status is the clerk's to change (the run never
    overwrites what was typed)."""
    rows = ", ".join(f"{o.opinion_id} ({'ô ' + cell + ': ' if cell else ''}{o.status})"
                     for o, cell in opinions[:12])
    more = f" và {len(opinions) - 12} ý kiến khác" if len(opinions) > 12 else ""
    return (f"Đã ghi số và ngày văn bản trả lời vào trang Ý kiến cho {rows}{more}. Trạng thái "
            "của các dòng này chưa đổi: khi văn bản đã gửi, đổi thành \"Đã trả lời bằng văn "
            "bản\" (hoặc \"Đang giải quyết\" nếu văn bản hẹn việc còn phải làm).")


def replies_waiting(reg: Registry, plan: Plan, waiting: list) -> str:
    """The replies of ``plan`` that wait for their Nội dung trả lời, each by its cell."""
    column = schema.OPINIONS.column("answer").header
    table = reg.tables.get("opinions")
    col = table.columns.get("answer") if table is not None else None
    cells = ", ".join(f"{o.opinion_id}" + (f" (ô {a1(o.row, col)})" if col is not None else "")
                      for o in waiting[:20])
    more = f" và {len(waiting) - 20} ý kiến khác" if len(waiting) > 20 else ""
    return (f"{len(waiting)} công văn trả lời ({plan.plan_id}) chờ ghi \"{column}\" ở trang "
            f"{schema.OPINIONS.name}: {cells}{more}; ghi nội dung trả lời rồi tạo lại.")


def before_the_conclusion(plan: Plan, kinds: list[Kind]) -> str:
    """Notices to citizens kept as drafts until the conclusion notice is issued."""
    return (f"{', '.join(k.code for k in kinds)} ({plan.plan_id}) chỉ tạo bản nháp, không cấp "
            "số: thông báo kết luận (TBKL) của hội nghị chưa ban hành, mà hạn trả lời ghi trong "
            "các thông báo này tính từ ngày ban hành thông báo kết luận. Ban hành TBKL trước "
            "(sửa các lỗi giữ nó lại, nếu có), rồi bấm Ban hành lại.")


def next_reminder(label: str, last: dict, target: str, due: dt.date, issued: bool,
                  today: dt.date) -> str:
    """What became of the reminder that follows ``last`` (issued, or drafted: too soon, or a
    run that does not issue)."""
    if issued:
        return reminder_again(label, last, target)
    if due >= today:
        return reminder_too_soon(label, last, due, target)
    return (f"{label}: bản dự thảo công văn đôn đốc tiếp theo {target}, nhắc lại công văn số "
            f"{last.get('number_symbol')} đã quá hạn báo cáo ngày {due:%d/%m/%Y}; bấm Ban hành "
            "(hoặc generate --issue) để cấp số.")


def reminder_too_soon(label: str, last: dict, due: dt.date, target: str) -> str:
    """A reminder whose agency may still report (its days run to ``due``): not issued again."""
    return (f"{label} đã ban hành ({last.get('number_symbol')}), hạn báo cáo đến "
            f"{due:%d/%m/%Y}: chưa ban hành công văn đôn đốc tiếp theo, chỉ tạo bản dự thảo "
            f"{target}. Sau ngày đó, nếu cơ quan vẫn chưa trả lời, bấm Ban hành (hoặc chạy lại "
            "generate --issue) để ban hành công văn đôn đốc tiếp theo.")


def reminder_again(label: str, last: dict, target: str) -> str:
    """A reminder issued again after the one before it went unanswered."""
    return (f"{label}: đã ban hành công văn đôn đốc tiếp theo {target} (số mới, ngày hôm nay), "
            f"nhắc lại công văn số {last.get('number_symbol')} đã quá hạn báo cáo; công văn "
            "trước giữ nguyên trong hồ sơ.")


def nothing_overdue(today: dt.date) -> str:
    return (f"Không cơ quan nào còn nợ trả lời hay giải quyết quá hạn tính đến ngày "
            f"{today:%d/%m/%Y}: không cần công văn đôn đốc.")


def not_issued_before(plan: Plan, kinds: list[Kind]) -> str:
    return (f"{', '.join(k.code for k in kinds)} ({plan.plan_id}) chỉ tạo bản nháp, không cấp số: "
            f"hội nghị ngày {plan.meeting_date:%d/%m/%Y} chưa diễn ra; biên bản được ký khi "
            "hội nghị kết thúc, cấp số từ ngày hội nghị.")


ASKS_FOR_FORMS = ("TB", "TTTT", "PDK")      # tell citizens the day forms are collected


def stale_form_deadline(plan: Plan, builder: Builder, kinds: list[Kind], today: dt.date
                         ) -> str | None:
    """Before the conference, documents that ask citizens for their forms by a day already past
    (THU_PHIEU) would go out with that day: said once, with what to change (the forms'
    collection recorded done, they ask for none by that day: asks_forms_by_deadline)."""
    m = builder.milestones.get("THU_PHIEU")
    codes = [k.code for k in kinds if k.code in ASKS_FOR_FORMS
             and builder.asks_forms_by_deadline(k.code, None)]
    if m is None or not codes or m.due >= today or \
            (plan.meeting_date is not None and plan.meeting_date <= today):
        return None
    return (f"{', '.join(codes)} ({plan.plan_id}) ghi hạn thu phiếu ý kiến {m.due:%d/%m/%Y}, "
            f"đã qua (hôm nay {today:%d/%m/%Y}): nếu chưa gửi các văn bản này, sửa Số ngày của "
            "mốc THU_PHIEU ở trang Quy tắc thời hạn (hoặc lùi việc phát hành) trước khi gửi; "
            "nếu đã thu xong phiếu, ghi Ngày hoàn thành của mốc THU_PHIEU ở trang Mốc thời "
            "gian.")


def plan_steps_past(plan: Plan, builder: Builder, kinds: list[Kind], today: dt.date,
                    issue: bool = False) -> str | None:
    """A plan (KH) not yet issued, made before its conference, whose timetable gives steps a
    day already past and not recorded done: a signer would set deadlines that are over. Said
    once, naming them, with what to do; the plan is still made (``issue``: numbered by this
    run, with the documents citing it: not to be used unless those steps were done, as the
    notice of a day off says of its run). A plan already issued (its Số ký hiệu known) is
    history: nothing is said."""
    if not any(k.code == "KH" for k in kinds) or plan.meeting_date is None or \
            plan.meeting_date <= today or plan.number_symbol:
        return None
    past = sorted((m for m in builder.milestones.values() if m.code != "KET_LUAN_GIA_HAN"
                   and m.due < today and m.done_date is None), key=lambda m: m.due)
    if not past:
        return None
    tasks = [builder.printed_words(m.task) for m in past]       # as the plan prints them
    steps = "; ".join(f"{t[:1].lower() + t[1:]} ({m.due:%d/%m/%Y})" for t, m in zip(tasks, past))
    said = (f"Kế hoạch {plan.plan_id} có {len(past)} việc có hạn đã qua (hôm nay "
            f"{today:%d/%m/%Y}): {steps}. ")
    if issue:           # numbered in this run: the clerk decides before anyone signs
        return said + ("Nếu các việc này chưa làm, đừng dùng bản sao vừa tạo và các văn bản "
                       "vừa cấp số: từ sổ cũ, lùi ngày hội nghị hoặc sửa Số ngày ở trang Quy "
                       "tắc thời hạn rồi bấm Ban hành lại; việc đã làm thì ghi Ngày hoàn thành "
                       "ở trang Mốc thời gian.")
    return said + ("Việc đã làm: ghi Ngày hoàn thành ở trang Mốc thời gian; việc chưa làm: lùi "
                   "ngày hội nghị hoặc sửa Số ngày ở trang Quy tắc thời hạn, rồi tạo lại kế "
                   "hoạch trước khi trình ký.")


def day_off(reg: Registry, day: dt.date) -> str | None:
    """What to say when documents issued on ``day`` would carry a day that is not a working
    day (a weekend, a holiday, a day off in Ngày nghỉ): legal, but seldom meant (a computer's
    clock, a date typed wrong). None on a working day."""
    return _day_off(deadlines.calendar_for(reg), day)


def _day_off(cal, day: dt.date) -> str | None:
    try:
        info = cal.day(day)
    except OutsideCalendar:
        return None
    if info.working:
        return None
    return (f"văn bản ban hành lần này ghi ngày {day:%d/%m/%Y} ({vnformat.weekday(day)}), "
            f"{info.reason}.")


def issued_on_day_off(reg: Registry, day: dt.date) -> str | None:
    """:func:`day_off` after a run that issued documents, with what to do if they are signed
    on another day."""
    cal = deadlines.calendar_for(reg)          # the registry's Ngày nghỉ read once
    off = _day_off(cal, day)
    if not off:
        return None
    try:
        next_day = cal.add_working_days(day, 1).date
    except OutsideCalendar:
        next_day = day + dt.timedelta(days=1)
    return off + " " + said(
        "Kiểm tra lại ngày ký trước khi gửi các văn bản này.",
        f"Nếu văn bản được ký vào ngày khác (ngày làm việc gần nhất: {vnformat.weekday(next_day)}"
        f" {next_day:%d/%m/%Y}), đừng dùng bản sao vừa tạo và các văn bản vừa cấp số: chạy lại "
        f"lệnh từ sổ với --today {next_day:%Y-%m-%d} (hoặc ngày ký).")


def provisional_plain(plan: Plan, codes: list[str]) -> str:
    """Issued documents and those for citizens print dates without "dự kiến"
    (context.dates.IssueDates.marked): say which rest on a calendar not yet official, so the
    clerk checks them when the official one comes."""
    return (f"{', '.join(codes)} ({plan.plan_id}) ghi thời hạn tính theo lịch nghỉ lễ, Tết chưa "
            "được công bố chính thức, không kèm chữ \"dự kiến\" (văn bản đã ban hành, văn bản "
            "phát, đọc cho Nhân dân ghi ngày rõ ràng): khi có lịch chính thức, ghi vào trang "
            "Ngày nghỉ và kiểm tra lại các thời hạn này.")


def after_the_meeting(plan: Plan, kinds: list[Kind]) -> str:
    """One notice for the plan's documents that tell of a conference not yet held."""
    when = f"ngày {plan.meeting_date:%d/%m/%Y}" if plan.meeting_date else "chưa có ngày"
    return (f"{', '.join(k.name for k in kinds)} ({plan.plan_id}) chưa tạo: hội nghị {when} "
            f"chưa diễn ra; {'các văn bản' if len(kinds) > 1 else 'văn bản'} này kể lại hội nghị, "
            "tạo sau ngày hội nghị.")


def issued_late(reg: Registry, report: deadlines.DeadlineReport,
                issued: list[tuple[Plan, str, dt.date]]) -> list[str]:
    """Documents issued in this run that complete a mandatory step after its due date (a
    conclusion notice past the 10 days of the publication of the results): issuing still
    beats never, but the lateness is an error in the registry from now on, until the plan's
    Ghi chú gives the reason. Each step in its plan's words ("gửi trưởng bản")."""
    steps = {(m.plan_id, m.code): m for m in report.milestones
             if m.opinion_id is None and m.mandatory and m.done_date is None}
    words = milestones.plan_words(reg)
    out = []
    for plan, kind, day in issued:
        for code in deadlines.completed_by(kind):
            m = steps.get((plan.plan_id, code))
            if m is not None and day > m.due and not deadlines.explained(plan, code):
                task = vnformat.with_village_words(m.task, words.get(plan.plan_id, []))
                out.append(f"{kind} ({plan.plan_id}) ban hành ngày {day:%d/%m/%Y}, sau hạn bắt "
                           f"buộc {m.due:%d/%m/%Y} của mốc {code} ({task}): ghi lý do chậm ở "
                           f"Ghi chú của kế hoạch, bắt đầu bằng \"{code}:\", và báo cáo cấp "
                           "trên.")
    return out
