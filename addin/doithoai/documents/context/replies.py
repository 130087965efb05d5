"""Each opinion's reply deadline and how it reached the commune, in the words documents print.

A reply is due by the rule TRA_LOI of Quy tắc thời hạn (by default 15 working days after the
conclusion notice is issued, rules/deadlines.py). Until its anchor has a date, documents print
the rule in words; a preparation milestone (DU_THAO_TRA_LOI, a week before the conference) is a
date for a draft reply, which only a letter written before the conference may ask of an opinion
received before it (ReplyDeadlines.reply_due, mixed into every builder, decides which
applies).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from doithoai.documents.context.dates import dated
from doithoai.registry import schema
from doithoai.registry.model import Opinion, Plan, RegisterEntry, Registry, Rule
from doithoai.rules import deadlines
from doithoai.text import vnformat

AT_MEETING_SOURCE = schema.SPOKEN_SOURCE
ISSUED = "Đã ban hành"          # Sổ văn bản: Trạng thái of an issued document
NO_RULE = "Theo quy định"       # no reply rule in use: the law's period, unstated
NO_ADDRESSEE = "không gửi văn bản trả lời (người nêu không ghi tên)"

# How each source of Danh mục reached the commune, as a sentence says it.
SOURCE_WORDS = {"Phiếu hỏi": "gửi qua phiếu hỏi", "Văn bản": "gửi bằng văn bản",
                "MTTQ chuyển": "do Ủy ban MTTQ chuyển đến",
                AT_MEETING_SOURCE: "phát biểu tại hội nghị"}


def reply_rule(reg: Registry) -> Rule | None:
    """The rule in use that gives an opinion its Hạn trả lời (the engine's last one wins)."""
    rules = [r for r in reg.rules if r.code == deadlines.REPLY_CODE and r.enabled != schema.NO
             and r.applies_to == "Ý kiến" and r.days is not None and r.anchor]
    return rules[-1] if rules else None


def rule_words(rule: Rule | None, this_notice: bool = False) -> str:
    """"15 ngày làm việc kể từ ngày ban hành thông báo kết luận": the rule as a period, for a
    document written before its anchor has a date (``this_notice``: the conclusion notice
    itself, "… kể từ ngày ban hành Thông báo này")."""
    if rule is None:
        return NO_RULE
    anchor = rule.anchor[:1].lower() + rule.anchor[1:]
    if this_notice and rule.anchor == deadlines.ANCHOR_CONCLUSION:
        anchor = "ngày ban hành Thông báo này"
    if rule.direction == "trước":
        return f"chậm nhất {rule.days} {rule.day_kind} trước {anchor}"
    return f"{rule.days} {rule.day_kind} kể từ {anchor}"


def _marked(report: deadlines.DeadlineReport, code: str,
            due: dict[str, dt.date]) -> dict[str, tuple[dt.date, bool]]:
    """opinion → (its date of the rule ``code``, whether it is provisional)."""
    provisional = {(m.opinion_id, m.due) for m in report.milestones
                   if m.code == code and m.provisional}
    return {oid: (d, (oid, d) in provisional) for oid, d in due.items()}


def with_conclusion(reg: Registry, plan: Plan, opinions: list[Opinion], concluded: dt.date,
                    today: dt.date) -> deadlines.DeadlineReport:
    """The plan's deadlines once its conclusion notice is issued on ``concluded``: the engine
    run on the registry with that notice in Sổ văn bản, as `doithoai deadlines` runs on the
    copy the issuing writes (the same dates, by the same code)."""
    notice = RegisterEntry(row=0, date=concluded, kind=deadlines.CONCLUSION_DOC_KIND,
                           plan_id=plan.plan_id, status=ISSUED)
    mine = dataclasses.replace(reg, plans=[plan], opinions=opinions,
                               register=list(reg.register) + [notice])
    return deadlines.compute(mine, today)


def source_of(o: Opinion) -> str:
    """``o``'s Nguồn as Danh mục spells it when it is one of the list typed in another case or
    with stray spaces ("phát biểu tại hội nghị "), else as typed."""
    typed = " ".join((o.source or "").split())
    return next((s for s in SOURCE_WORDS if s.lower() == typed.lower()), typed)


def at_meeting(o: Opinion, meeting: dt.date | None) -> bool:
    """Raised at the conference (spoken there), or received on its day or later."""
    if source_of(o) == AT_MEETING_SOURCE:
        return True
    return meeting is not None and o.received_date is not None and o.received_date >= meeting


def received_words(o: Opinion, meeting: dt.date | None) -> str:
    """How and when ``o`` reached the commune: "gửi qua phiếu hỏi, nhận ngày 10/02/2027",
    "phát biểu tại hội nghị ngày 05/03/2027" (its source and received date, as typed)."""
    source = source_of(o)
    if source == AT_MEETING_SOURCE:
        day = meeting or o.received_date
        return f"phát biểu tại hội nghị ngày {vnformat.short_date(day)}" if day else \
            "phát biểu tại hội nghị"
    how = SOURCE_WORDS.get(source, source.lower())
    when = f"nhận ngày {vnformat.short_date(o.received_date)}" if o.received_date else ""
    return ", ".join(part for part in (how, when) if part)


def sources_summary(opinions: list[Opinion], meeting: dt.date | None) -> str:
    """The opinions counted by how they came, with the days they were received: "16 ý kiến
    gửi qua phiếu hỏi, nhận từ ngày 10/02/2027 đến ngày 19/02/2027; 4 ý kiến phát biểu tại
    hội nghị"; those of one source received before the conference and on its day or later are
    counted apart, and the parts add up to ``len(opinions)``."""
    order = list(SOURCE_WORDS)
    groups: dict[tuple, list[Opinion]] = {}
    for o in opinions:
        source = source_of(o)
        spoken = source == AT_MEETING_SOURCE
        key = (spoken, at_meeting(o, meeting), order.index(source) if source in order
               else len(order), source)
        groups.setdefault(key, []).append(o)
    parts = []
    for (spoken, _, _, source), items in sorted(groups.items()):
        if spoken:
            parts.append(f"{len(items)} ý kiến phát biểu tại hội nghị")
            continue
        how = SOURCE_WORDS.get(source, source.lower()) or "chưa ghi nguồn"
        parts.append(f"{len(items)} ý kiến {how}{_received_span(items)}")
    return "; ".join(parts)


def _received_span(items: list[Opinion]) -> str:
    days = sorted(o.received_date for o in items if o.received_date)
    if not days:
        return ""
    if days[0] == days[-1]:
        return f", nhận ngày {vnformat.short_date(days[0])}"
    return (f", nhận từ ngày {vnformat.short_date(days[0])} đến ngày "
            f"{vnformat.short_date(days[-1])}")


def done_before_sending_up(o: Opinion, meeting: dt.date | None, as_issued: bool = False) -> str:
    """What the commune did with an opinion beyond its authority before recommending it to a
    superior (CVKN), starting from how and when it truly came: a form of February was reported
    to the conference, a speech there was answered there on who decides, or, not answered
    there, taken note of (``as_issued``: as recommendations issued before said both)."""
    how = received_words(o, meeting)
    told = "thông tin cho người nêu ý kiến về thẩm quyền giải quyết"
    if source_of(o) == AT_MEETING_SOURCE:
        said = as_issued or o.answered_at_meeting == schema.YES
        done = f"đã {'giải thích' if said else 'tiếp thu'} tại hội nghị và {told}"
    elif meeting is not None and not at_meeting(o, meeting) and o.received_date is not None:
        done = f"đã tổng hợp, báo cáo tại hội nghị ngày {vnformat.short_date(meeting)} và {told}"
    else:
        done = f"đã tổng hợp và {told}"
    return f"Ý kiến {how}; {done}." if how else f"{done[:1].upper()}{done[1:]}."


class ReplyDeadlines:
    """Mixed into every builder; uses its ``reg``, ``plan``, ``opinions``, ``report``,
    ``milestones``, ``today``, ``issue_date`` (None for a draft), ``up`` (Hierarchy),
    ``due_text`` (IssueDates) and ``unaddressed`` (Repeats)."""

    def document_day(self) -> dt.date:
        """The day of the document being filled: its issue date, else today (a draft)."""
        return self.issue_date or self.today

    def after_meeting(self) -> bool:
        """The document is written on its conference's day or later."""
        meeting = self.plan.meeting_date
        return meeting is not None and self.document_day() >= meeting

    def reply_due(self, o: Opinion, concluded: dt.date | None = None,
                  this_notice: bool = False) -> str:
        """When ``o`` is to be answered, as this document prints it ("" when no deadline is
        set: answered at the meeting, or sent up, since superiors are never given one).

        The date the rules give (``concluded``: the day of the conclusion notice being
        issued); before the conference, for an opinion received before it, the draft reply's
        milestone when still ahead; else the rule in words. A date before the conference is
        never printed after it, nor for an opinion raised there (it would come from a
        conclusion dated before the meeting: the rule in words instead)."""
        if o.answered_at_meeting == schema.YES or self.up(o):
            return ""
        due = self.reply_due_date(o, concluded)
        if due:
            return dated(due[0], self.marked(due[1]))
        if not self.after_meeting() and not at_meeting(o, self.plan.meeting_date):
            draft = self.draft_due()
            if draft:
                return draft
        return rule_words(reply_rule(self.reg), this_notice)

    def reply_due_date(self, o: Opinion, concluded: dt.date | None = None
                       ) -> tuple[dt.date, bool] | None:
        """(Hạn trả lời, provisional) of ``o`` as the rules give it, when its basis has a date
        and the date may be printed here (see reply_due)."""
        due = self.reply_dates(concluded).get(o.opinion_id)
        meeting = self.plan.meeting_date
        if due and meeting and due[0] < meeting and (
                self.after_meeting() or at_meeting(o, meeting)):
            return None
        return due

    def reply_cell(self, o: Opinion, concluded: dt.date | None = None,
                   this_notice: bool = False) -> str:
        """The "Hạn" cell of a list of opinions: the deadline, or why there is none."""
        if o.answered_at_meeting == schema.YES:
            return "Đã trả lời tại hội nghị"
        if self.up(o):
            return "Kiến nghị cấp trên"
        if o.opinion_id in self.unaddressed() and (
                self.after_meeting() or at_meeting(o, self.plan.meeting_date)):
            return self.unnamed_cell(o, concluded)
        return self.reply_due(o, concluded, this_notice)

    def unnamed_cell(self, o: Opinion, concluded: dt.date | None = None) -> str:
        """The "Hạn" cell of an opinion no reply can be addressed for (its citizen gave no
        name, nor did any repeat's), once the conference is held: no written reply is owed
        (the rules set none); the deadline to resolve it (GIAI_QUYET), when its basis has a
        date."""
        due = self.dates(concluded)[1].get(o.opinion_id)
        return (f"Giải quyết xong chậm nhất {dated(due[0], self.marked(due[1]))}; "
                f"{NO_ADDRESSEE}" if due else
                NO_ADDRESSEE[:1].upper() + NO_ADDRESSEE[1:])

    def reply_dates(self, concluded: dt.date | None = None) -> dict[str, tuple[dt.date, bool]]:
        """Each opinion's Hạn trả lời and whether it is provisional (see dates)."""
        return self.dates(concluded)[0]

    def dates(self, concluded: dt.date | None = None) -> tuple[dict, dict]:
        """Each opinion's (Hạn trả lời, provisional) and its (deadline to resolve,
        provisional), from the deadlines computed for the run, or, for the conclusion notice
        being issued on ``concluded`` (or issued in this run: ``concluded_now``, set by the
        generator), from the deadlines as they stand once it is (with_conclusion)."""
        concluded = concluded or self.concluded_now
        cache = self.__dict__.setdefault("_reply_dates", {})
        if concluded not in cache:
            known = deadlines.conclusion_dates(self.reg).get(self.plan.plan_id)
            report = self.report
            if concluded is not None and (known is None or concluded < known):
                report = with_conclusion(self.reg, self.plan, self.opinions, concluded,
                                         self.today)
            cache[concluded] = (_marked(report, deadlines.REPLY_CODE, report.reply_due),
                                _marked(report, deadlines.RESOLVE_CODE, report.resolve_due))
        return cache[concluded]

    def draft_due(self) -> str | None:
        """Before the conference: the day the assigned units send their draft replies, the
        milestone DU_THAO_TRA_LOI while it is ahead of this document, else the conference's
        eve; None when the conference has no date."""
        meeting = self.plan.meeting_date
        if meeting is None or self.document_day() >= meeting:
            return None
        m = self.milestones.get("DU_THAO_TRA_LOI")
        if m and m.due >= self.document_day():
            return f"dự thảo chậm nhất {self.due_text(m)}"
        return f"dự thảo trước ngày hội nghị {vnformat.short_date(meeting)}"

    def received(self, o: Opinion) -> str:
        """How and when ``o`` reached the commune (received_words)."""
        return received_words(o, self.plan.meeting_date)

    def sources(self, opinions: list[Opinion]) -> str:
        """The opinions counted by how and when they came (sources_summary)."""
        return sources_summary(opinions, self.plan.meeting_date)
