"""Follow-up: chasing overdue agencies, and the opinions carried over from earlier conferences."""
from __future__ import annotations

from doithoai.documents.context.common import BaseBuilder, recipients
from doithoai.documents.context.dates import dated
from doithoai.documents.context.fields import Context
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
        ctx.put("qua_han", [{"stt": i, "ma": c.opinion_id, "noi_dung": self.said(c),
                             "con_no": "chưa " + " và ".join(late for late, _ in self.late(c)),
                             "han": self.opinion_due_text(c.opinion_id,
                                                          min(d for _, d in self.late(c))),
                             "tre": f"{c.late_days} ngày làm việc"}
                            for i, c in enumerate(items, 1)])
        ctx.put("so_y_kien", len(items))
        ctx.put("ngay_xet", vnformat.short_date(self.today))
        due = report_by(self.reg, self.today)
        ctx.put("han_bao_cao", dated(due.date, self.marked(due.provisional)))
        asked = self.level(agency) == agencies.TERRITORY    # a courteous reminder, not an order
        ctx.put("phoi_hop", asked)
        ctx.put("dong_gui", not agencies.is_office(agency, self.party))
        ctx.put("vv", "V/v đề nghị sớm trả lời ý kiến, kiến nghị của Nhân dân" if asked
                else "V/v đôn đốc trả lời, giải quyết ý kiến, kiến nghị của Nhân dân")
        # A party document is signed for the Standing Committee: it does not report to itself.
        ctx.put("noi_nhan", recipients(["Như trên"] + ([] if self.party else
                                                       ["Thường trực Đảng ủy (để b/c)"]) +
                                       [f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'} (để "
                                        "giám sát)"], self.party, to=agency))

    def carry_over(self) -> list:
        """Opinions of earlier conferences not yet resolved (seed 000: the next conference
        reports on what the previous one promised), as of the document's day. Repeats are left
        to their original."""
        return carryover.unresolved_before(self.reg, self.plan, self.issue_date or self.today)

    def put_carry_over(self, ctx: Context) -> None:
        rows = self.carry_over()
        for o in rows:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("ton_dong", [{"stt": i, "ma": o.opinion_id, "ma_kh": o.plan_id,
                              "noi_dung": self.said(o), "co_quan": self.agency_printed(o),
                              "giai_doan": stage_of(o)} for i, o in enumerate(rows, 1)],
                optional=True)
        ctx.put("so_ton_dong", len(rows))
