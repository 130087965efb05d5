"""Plans and their milestones: dates in order, the typed weekday, statuses the row supports."""
from __future__ import annotations

from doithoai.registry import repeats, schema
from doithoai.registry.issued import issued_plans
from doithoai.rules import agencies, deadlines, owed
from doithoai.rules.validation.findings import Findings, some
from doithoai.rules.validation.weekday import WEEKDAY_SHORT, parse_weekday
from doithoai.text.vnformat import short_date, weekday


def check_plans(f: Findings) -> None:
    issued = issued_plans(f.reg)
    concluded = deadlines.conclusion_dates(f.reg)
    by_plan = _opinions_of_complete(f)
    for p in f.reg.plans:
        _order(f, p)
        _weekday(f, p)
        _plan_status(f, p, issued.get(p.plan_id))
        if p.status in schema.HELD_STATUSES[1:]:      # "Đã kết luận", "Hoàn thành"
            _conclusion_status(f, p, p.plan_id in concluded, by_plan)
        if not p.cancelled:         # its documents are not made any more
            _cells_for_documents(f, p)
        _scope_commas(f, p)


def _scope_commas(f: Findings, p) -> None:
    """A Phạm vi whose villages are separated by commas: read as one place each part."""
    parts = p.villages
    if not any("," in v for v in parts):
        return
    fixed = "; ".join(w.strip() for v in parts for w in v.split(",") if w.strip())
    f.add("scope-comma", schema.PLANS, p.row, "scope", p.scope,
          first=next(v for v in parts if "," in v), fixed=fixed)


# The plan cells some documents print (schema: Column.documents).
_FOR_DOCUMENTS = [c for c in schema.PLANS.columns if c.documents]


def _cells_for_documents(f: Findings, p) -> None:
    """A blank cell that some kinds of document print: those would be refused."""
    for c in _FOR_DOCUMENTS:
        if getattr(p, c.key) in (None, ""):
            f.add("plan-cell-for-documents", schema.PLANS, p.row, c.key, None,
                  plan=p.plan_id or f"dòng {p.row}", documents=", ".join(c.documents))


def _order(f: Findings, p) -> None:
    """The meeting not before the plan is issued; the end not before the start."""
    if p.issue_date and p.meeting_date and p.meeting_date < p.issue_date:
        f.add("date-order", schema.PLANS, p.row, "meeting_date", short_date(p.meeting_date),
              what=f"Ngày hội nghị {short_date(p.meeting_date)} trước ngày ban hành kế "
                   f"hoạch {short_date(p.issue_date)}.")
    if p.start_time and p.end_time and p.end_time <= p.start_time:
        f.add("time-order", schema.PLANS, p.row, "end_time",
              p.end_time.strftime("%H:%M"), start=p.start_time.strftime("%H:%M"))


def _weekday(f: Findings, p) -> None:
    """The typed Thứ is the meeting date's weekday."""
    if not (p.weekday and p.meeting_date):
        return
    typed = parse_weekday(p.weekday)
    actual = p.meeting_date.weekday()
    if typed is None:
        f.add("weekday-unreadable", schema.PLANS, p.row, "weekday", p.weekday)
    elif typed != actual:
        f.add("weekday-mismatch", schema.PLANS, p.row, "weekday", p.weekday,
              date=short_date(p.meeting_date), actual=weekday(p.meeting_date),
              actual_short=WEEKDAY_SHORT[actual])


def _plan_status(f: Findings, p, issued) -> None:
    """An issued plan has its number and date (``issued``: its KH's Sổ văn bản row, if any),
    the date its KH was issued with; a held one's meeting date has come; one whose meeting is
    over says so."""
    if issued and issued.date and p.issue_date and issued.date != p.issue_date:
        f.add("plan-date-differs", schema.PLANS, p.row, "issue_date", short_date(p.issue_date),
              number=issued.number_symbol, issued=short_date(issued.date), entry=issued.row)
    if p.status in ("Đã ban hành", "Đã tổ chức", "Đã kết luận", "Hoàn thành"):
        for key, label, known in (("number_symbol", "Số ký hiệu",
                                   issued and issued.number_symbol),
                                  ("issue_date", "Ngày ban hành",
                                   issued and issued.date and short_date(issued.date))):
            if getattr(p, key) is None:
                f.add("status-contradiction", schema.PLANS, p.row, key, None,
                      what=f"Kế hoạch ở trạng thái \"{p.status}\" nhưng chưa có "
                           f"{label}.",
                      fix=(f"Ghi {label} {known}, như Sổ văn bản (dòng {issued.row}) đã cấp "
                           "cho kế hoạch này." if known else
                           f"Ghi {label} của kế hoạch đã ban hành, hoặc để trạng thái "
                           "Dự thảo."))
    if p.status in ("Dự thảo", "Đã ban hành") and p.meeting_date and p.meeting_date < f.today:
        f.add("plan-status-behind", schema.PLANS, p.row, "status", p.status,
              meeting=short_date(p.meeting_date))
    elif p.status == "Dự thảo" and issued and issued.number_symbol:
        f.add("plan-not-marked-issued", schema.PLANS, p.row, "status", p.status,
              number=issued.number_symbol, issued=short_date(issued.date), entry=issued.row)
    if p.status in schema.HELD_STATUSES and p.meeting_date \
            and p.meeting_date > f.today:
        f.add("status-doubt", schema.PLANS, p.row, "status", p.status,
              what=f"Trạng thái \"{p.status}\" nhưng ngày hội nghị "
                   f"{short_date(p.meeting_date)} chưa đến.",
              fix="Kiểm tra lại Trạng thái hoặc Ngày hội nghị.")


def _opinions_of_complete(f: Findings) -> dict[str, list]:
    """The opinions of each plan said to be complete, grouped in one pass."""
    complete = {p.plan_id for p in f.reg.plans if p.status == schema.HELD_STATUSES[-1]}
    out: dict[str, list] = {}
    for o in f.reg.opinions if complete else ():
        if o.plan_id in complete:
            out.setdefault(o.plan_id, []).append(o)
    return out


def _conclusion_status(f: Findings, p, concluded: bool, by_plan: dict) -> None:
    """A plan said to be concluded, or complete, with no conclusion notice recorded (what its
    replies' deadlines count from); one said to be complete while its opinions (``by_plan``)
    still owe."""
    if not concluded:
        f.add("status-doubt", schema.PLANS, p.row, "status", p.status,
              what=f"Trạng thái \"{p.status}\" nhưng sổ chưa ghi thông báo kết luận nào của "
                   f"{p.plan_id} (Sổ văn bản: TBKL đã ban hành; hoặc Ngày hoàn thành của mốc "
                   "KET_LUAN): các ý kiến chưa có Hạn trả lời.",
              fix="Nếu đã ban hành thông báo kết luận, ghi số, ngày vào Sổ văn bản (Loại TBKL, "
                  f"Mã KH {p.plan_id}, Trạng thái \"Đã ban hành\") hoặc Ngày hoàn thành của "
                  "mốc KET_LUAN ở trang Mốc thời gian; nếu chưa, để Trạng thái \"Đã tổ "
                  "chức\".")
    if p.status == schema.HELD_STATUSES[-1]:
        owing = _still_owed(f, p, by_plan.get(p.plan_id, []))
        if owing:
            f.add("plan-complete-owed", schema.PLANS, p.row, "status", p.status,
                  plan=p.plan_id, owed=owing,
                  keep=schema.HELD_STATUSES[1 if concluded else 0])


def _still_owed(f: Findings, p, mine: list) -> str:
    """What the plan's opinions (``mine``) still owe, in words ("" when nothing): written
    replies (rules.owed), resolutions (registry.repeats.settled), and apart from these the
    opinions sent to a superior and not settled yet, each with its first codes."""
    replies = [o.opinion_id for o in owed.replies_owed(f.reg, p.plan_id, {p.plan_id: mine})]
    unsettled = [o for o in mine if o.opinion_id and not o.duplicate_of
                 and not repeats.settled(o)]
    up = [o.opinion_id for o in unsettled if agencies.sent_up(o, f.reg.agency_levels)]
    own = [o.opinion_id for o in unsettled if o.opinion_id not in up]
    parts = [f"{len(ids)} ý kiến {what} ({some(ids, 'ý kiến', 5)})" for ids, what in (
        (replies, "chưa được trả lời bằng văn bản"), (own, "chưa giải quyết xong"),
        (up, "đã chuyển cấp trên, chưa có kết quả")) if ids]
    return ("còn " + "; ".join(parts)) if parts else ""


def check_milestones(f: Findings) -> None:
    plans = {p.plan_id: p for p in f.reg.plans}
    for m in f.reg.milestones:
        plan = plans.get(m.plan_id)
        if plan and plan.issue_date and m.done_date and m.done_date < plan.issue_date \
                and m.code not in ("PHAT_PHIEU",):
            f.add("date-order", schema.MILESTONES, m.row, "done_date", short_date(m.done_date),
                  what=f"Mốc {m.code} hoàn thành ngày {short_date(m.done_date)}, trước khi kế "
                       f"hoạch {m.plan_id} ban hành ({short_date(plan.issue_date)}).")
        if m.done_date and m.done_date > f.today:
            f.add("date-order-warning", schema.MILESTONES, m.row, "done_date",
                  short_date(m.done_date),
                  what=f"Ngày hoàn thành {short_date(m.done_date)} chưa đến "
                       f"(hôm nay {short_date(f.today)}).")
