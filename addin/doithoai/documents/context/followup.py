"""Follow-up: chasing overdue agencies, and the opinions carried over from earlier conferences."""
from __future__ import annotations

from doithoai.documents.context.common import BaseBuilder, recipients
from doithoai.documents.context.dates import dated
from doithoai.documents.context.fields import Context
from doithoai.documents.context.replies import NO_ADDRESSEE
from doithoai.monitoring import carryover
from doithoai.monitoring.chain import stage_of
from doithoai.registry import schema
from doithoai.rules import agencies, deadlines
from doithoai.text import vnformat


# Working days a reminder gives its agency to report (han_bao_cao); once they have passed, the
# next press of Ban hành may issue another reminder (documents/generate.py).
REPORT_WITHIN = 5


def report_by(reg, day):
    """The day by which a reminder dated ``day`` asks its agency to report (a Due)."""
    return deadlines.calendar_for(reg).add_working_days(day, REPORT_WITHIN)


def owed(late: list[tuple[str, object]]) -> str:
    """"chưa trả lời và giải quyết": what an opinion owes past its dates (FollowUpDocs.late)."""
    return "chưa " + " và ".join(what for what, _ in late)


def subject(asked: bool, replies: int, items: int, as_issued: bool = False) -> str:
    """The reminder's "V/v": what it asks for (the reply, the resolution, or both); a
    courteous request to an agency on the territory (``asked``), else an order to chase;
    ``as_issued``: as reminders were issued before they told the two apart."""
    if as_issued:
        return "V/v đề nghị sớm trả lời ý kiến, kiến nghị của Nhân dân" if asked else \
            "V/v đôn đốc trả lời, giải quyết ý kiến, kiến nghị của Nhân dân"
    if not replies:
        what = "giải quyết"
    elif replies == items and asked:
        what = "trả lời"           # what a courteous reminder asked for before it
    else:
        what = "trả lời, giải quyết"
    return f"V/v {'đề nghị sớm' if asked else 'đôn đốc'} {what} ý kiến, kiến nghị của Nhân dân"


class FollowUpDocs(BaseBuilder):
    def overdue_agencies(self) -> list[str]:
        return sorted({c.agency for c in self.chains() if c.plan_id == self.plan.plan_id
                       and c.counted and c.overdue and c.agency}, key=vnformat.collate)

    def late(self, c) -> list[tuple[str, object]]:
        """What an opinion's agency owes past its date, and that date: the reply, the
        resolution, or both (a resolution not yet due is not chased)."""
        out = []
        if c.reply_due and c.reply_due < self.today and not (c.reply_number or c.reply_date) \
                and not c.resolved:
            out.append(("trả lời", c.reply_due))
        if c.resolve_due and c.resolve_due < self.today and not c.resolved:
            out.append(("giải quyết", c.resolve_due))
        return out

    def cvdd(self, ctx: Context, agency: str) -> None:
        items = [c for c in self.chains() if c.plan_id == self.plan.plan_id and c.counted
                 and c.overdue and c.agency == agency]
        items.sort(key=lambda c: (-c.late_days, c.opinion_id))
        by_id = {o.opinion_id: o for o in self.opinions}
        for c in items:
            self._row(ctx, schema.OPINIONS, by_id[c.opinion_id])
        ctx.put("co_quan_tra_loi", agency)
        self.put_addressed(ctx, agency)
        # What each opinion still owes words the letter (reminder_items); a reminder issued
        # before it did keeps its fingerprint (put_reworded: as issued, one list, one "Hạn").
        replies = sum(map(self.owes_reply, items))
        self.put_reworded(ctx, "qua_han", lambda issued: self.reminder_items(items, issued))
        self.put_reworded(ctx, "so_chua_tra_loi", lambda issued: 0 if issued else replies)
        self.put_reworded(ctx, "so_chua_giai_quyet",
                          lambda issued: 0 if issued else len(items) - replies)
        ctx.put("so_y_kien", len(items))
        ctx.put("ngay_xet", vnformat.short_date(self.today))
        due = report_by(self.reg, self.today)
        ctx.put("han_bao_cao", dated(due.date, self.marked(due.provisional)))
        asked = self.level(agency) == agencies.TERRITORY    # a courteous reminder, not an order
        ctx.put("phoi_hop", asked)
        ctx.put("dong_gui", not agencies.is_office(agency, self.party))
        self.put_reworded(ctx, "vv", lambda issued: subject(asked, replies, len(items), issued))
        # A party document is signed for the Standing Committee: it does not report to itself.
        ctx.put("noi_nhan", recipients(["Như trên"] + ([] if self.party else
                                                       ["Thường trực Đảng ủy (để b/c)"]) +
                                       [f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'} (để "
                                        "giám sát)"], self.party, to=agency))

    def owes_reply(self, c) -> bool:
        """Whether the reminder asks for ``c``'s written reply (its date passed, none recorded);
        else it asks only for the resolution: the reply sent, none owed (no name to write to)
        or not yet due under the commune's rules."""
        return any(what == "trả lời" for what, _ in self.late(c))

    def reminder_items(self, items: list, as_issued: bool) -> list[dict]:
        """The rows of the reminder's lists: those owing the written reply first, each with its
        Hạn trả lời, then those owing only the resolution, each with the reply already sent and
        its deadline to resolve; ``as_issued``: one list, each row's earliest missed date, as
        reminders were issued before they told the two apart (their fingerprints)."""
        if as_issued:
            return [{"stt": i, "ma": c.opinion_id, "noi_dung": self.said(c),
                     "con_no": owed(self.late(c)),
                     "han": self.opinion_due_text(c.opinion_id,
                                                  min(d for _, d in self.late(c))),
                     "tre": f"{c.late_days} ngày làm việc"} for i, c in enumerate(items, 1)]
        # worked out once for the letter (an agency may owe thousands of opinions)
        cal = deadlines.calendar_for(self.reg)
        concluded = self.plan.plan_id in deadlines.conclusion_dates(self.reg)
        owing = [self.owes_reply(c) for c in items]
        # each list numbered from 1
        return [self.reminder_item(i, c, cal, concluded) for part in (True, False)
                for i, c in enumerate((c for c, o in zip(items, owing) if o == part), 1)]

    def reminder_item(self, stt: int, c, cal, concluded: bool) -> dict:
        reply = self.owes_reply(c)
        due = c.reply_due if reply else c.resolve_due
        late = cal.working_days_between(due, self.today)
        return {"stt": stt, "ma": c.opinion_id, "noi_dung": self.said(c),
                "con_no": owed(self.late(c)), "han": self.stated_due(c, due, reply, concluded),
                "tre": f"{late} ngày làm việc", "chua_tra_loi": reply,
                "da_tra_loi": "" if reply else self.reply_sent(c, concluded)}

    def stated_due(self, c, due, reply: bool, concluded: bool) -> str:
        """A deadline of ``c`` as the reminder prints it: as a fact when the conclusion notice
        stated it (its table gives each opinion's Hạn trả lời, and the day to resolve one no
        reply can be addressed for: ReplyDeadlines.reply_cell); a deadline first printed here
        (to resolve, under the commune's GIAI_QUYET rule) as every computed date
        (IssueDates.marked: "dự kiến" in a draft on a calendar not yet official); ``concluded``:
        the plan's conclusion notice has a date."""
        if concluded and (reply or c.opinion_id in self.unaddressed()):
            return vnformat.short_date(due)
        return self.opinion_due_text(c.opinion_id, due)

    def reply_sent(self, c, concluded: bool) -> str:
        """What an opinion owing only its resolution has had for a reply: the letter recorded
        ("Đã trả lời: Văn bản số 125/ĐBP-NH ngày 31/05/2027"), none owed, or none yet (its day
        not come)."""
        if c.reply_number or c.reply_date:
            said = " ".join(([f"số {c.reply_number}"] if c.reply_number else []) +
                            ([f"ngày {vnformat.short_date(c.reply_date)}"] if c.reply_date
                             else []))
            return "Đã trả lời: Văn bản " + said
        if c.opinion_id in self.unaddressed():
            return NO_ADDRESSEE[:1].upper() + NO_ADDRESSEE[1:]
        due = self.stated_due(c, c.reply_due, True, concluded) if c.reply_due else None
        return "Chưa trả lời" + (f" (hạn trả lời {due})" if due else "")

    def carry_over(self) -> list:
        """Opinions of earlier conferences not yet resolved (seed 000: the next conference
        reports on what the previous one promised), as of the document's day. Repeats are left
        to their original."""
        return carryover.unresolved_before(self.reg, self.plan, self.issue_date or self.today)

    def conference_words(self, plan_id: str) -> str:
        """"hội nghị ngày 16/07/2026": the earlier conference an opinion was raised at, as its
        signer knows it (the plan's code where the plan has no meeting day)."""
        earlier = self.reg.plan(plan_id)
        if earlier is None or not earlier.meeting_date:
            return f"kế hoạch {plan_id}"
        return f"hội nghị ngày {vnformat.short_date(earlier.meeting_date)}"

    def put_carry_over(self, ctx: Context, heard_here: bool = False) -> None:
        """What earlier conferences still owe; ``heard_here`` (the result report): less the
        matters citizens raised again at this one, counted among its own figures (reports
        issued before listed them too: their fingerprints)."""
        rows = self.carry_over()
        for o in rows:
            self._row(ctx, schema.OPINIONS, o)
        again = {self.original_of(o).opinion_id for o in self.opinions
                 if self.raised_again(o)} if heard_here else set()

        def listed(issued: bool) -> list:
            return [o for o in rows if issued or o.opinion_id not in again]
        self.put_reworded(ctx, "ton_dong", lambda issued: [
            {"stt": i, "ma": o.opinion_id, "ma_kh": o.plan_id, "noi_dung": self.said(o),
             "co_quan": self.agency_printed(o), "giai_doan": stage_of(o),
             **({} if issued else {"hoi_nghi": self.conference_words(o.plan_id)})}
            for i, o in enumerate(listed(issued), 1)], optional=True)
        self.put_reworded(ctx, "so_ton_dong", lambda issued: len(listed(issued)))
