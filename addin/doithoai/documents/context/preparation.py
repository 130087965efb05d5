"""Before the conference: plan, announcement, invitations, forms, summary, assignments."""
from __future__ import annotations

from doithoai.documents.context.common import BaseBuilder, recipients, scope_text
from doithoai.documents.context.fields import Context
from doithoai.registry import repeats, schema
from doithoai.rules import agencies
from doithoai.registry.model import Invitee
from doithoai.sharing.codes import village_codes
from doithoai.text import honorifics, vnformat


def _asked(form: str | None) -> str:
    """Who "Rất mong … đến dự" asks: the person by their form of address, else "Quý vị"."""
    return {"Đồng chí": "đồng chí", "Ông": "Ông", "Bà": "Bà"}.get(form or "", "Quý vị")


class PreparationDocs(BaseBuilder):
    def kh(self, ctx: Context) -> None:
        p = self.plan
        for i in self.invited():               # counted below: a row with errors refuses KH
            self._row(ctx, schema.INVITEES, i)
        n = len(self.invited())
        expected = p.expected_delegates
        if expected and expected > n and n:      # the plan's figure counts citizens too: say so
            expected = (f"{expected}, gồm {n} đại biểu mời theo danh sách và khoảng "
                        f"{expected - n} người dân đến dự ngoài danh sách")
        ctx.put("so_dai_bieu", expected, self._plan_src("expected_delegates"))
        self.put_groups(ctx, "nhom_dai_bieu", self.group_counts())
        rows = [m for m in self.milestones.values() if m.code != "KET_LUAN_GIA_HAN"]
        rows.sort(key=lambda m: m.due)      # stable: same-day steps as the engine orders them
        (tien_do, phan_cong), printed = (self._schedule(rows, self.local_words),
                                         self._schedule(rows, self.printed_words, True))
        ctx.put("tien_do", tien_do, wording=printed[0])
        ctx.put("ghi_chu_du_kien", self.provisional_note(rows), optional=True)
        ctx.put("phan_cong", phan_cong, wording=printed[1])
        self.put_carry_over(ctx)
        self._put_recipients(ctx, [
            "Cấp ủy, chính quyền cấp trên (b/c)", "Thường trực Đảng ủy", "Thường trực HĐND",
            "Lãnh đạo UBND", "Ủy ban MTTQ và các đoàn thể", "Các cơ quan, đơn vị liên quan"])

    def _schedule(self, rows, words, printed: bool = False) -> tuple[list[dict], list[dict]]:
        """(tien_do, phan_cong): the milestones in order, and the same by unit, their texts
        through ``words`` (:meth:`local_words`, or :meth:`printed_words` for the wording,
        ``printed``: each unit as the plan's texts name it, rules.agencies.host_unit; plans
        issued before named the rule's, their fingerprints)."""
        def unit(m) -> str:
            return self.unit(m.shown_unit or m.unit if printed else m.unit)
        tien_do = [{"stt": i, "cong_viec": words(m.task), "don_vi": words(unit(m)),
                    "han": self.due_text(m)} for i, m in enumerate(rows, 1)]
        units: dict[str, list[str]] = {}
        for m in rows:
            task = words(m.task)
            units.setdefault(words(unit(m)), []).append(
                f"{task[:1].lower() + task[1:]} (hạn {self.due_text(m, in_brackets=True)})")
        return tien_do, [{"stt": i, "don_vi": u, "viec": "; ".join(t) + "."}
                         for i, (u, t) in enumerate(units.items(), 1)]

    def _put_recipients(self, ctx: Context, items: list[str]) -> None:
        """Nơi nhận of a plan-wide document, the heads of the villages last (printed in the
        plan's own words)."""
        ctx.put("noi_nhan", recipients(items + [self.village_heads()], self.party),
                wording=recipients(items + [self.printed_village_heads()], self.party))

    def tb(self, ctx: Context) -> None:
        ctx.put("trich_yeu", f"Tổ chức hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        self._put_recipients(ctx, ["Thường trực Đảng ủy, HĐND", "Lãnh đạo UBND",
                                   "Ủy ban MTTQ và các đoàn thể", "Đài truyền thanh"])

    def gm(self, ctx: Context, inv: Invitee) -> None:
        self._row(ctx, schema.INVITEES, inv)
        src = (schema.INVITEES.name, inv.row, "Họ và tên")
        # Printed with the form of address once (the wording); the value stays as 0.4 made it,
        # so an invitation issued before is not found changed.
        ctx.put("kinh_gui", self.addressee_as_typed(inv), src, wording=self.addressee(inv))
        ctx.put("trich_yeu", self.meeting_subject())
        ctx.put("danh_xung_goi", _asked(inv.honorific), wording=_asked(
            inv.honorific or honorifics.form_of(inv.full_name)))
        ctx.put("noi_nhan", recipients(["Như trên"], self.party))

    def pdk(self, ctx: Context, village: str) -> None:
        ctx.put("thon", village, self._plan_src("scope"))
        # "Địa chỉ (khối): Khối Yên Sơn": the form of one village asks for that kind
        ctx.put("cap_thon", self.village_word(),
                wording=vnformat.local_kind(village) or self.printed_village_word())
        ctx.put("ma_phieu", f"{self.plan.plan_id}/{village_codes(self.plan.villages)[village]}")
        ctx.put("linh_vuc", list(self.reg.lookups.get("fields", [])))

    def _groups(self, raised: list, as_issued: bool) -> list[dict]:
        """BCTH's table: the opinions by field, in Danh mục's order (:meth:`put_reworded`)."""
        order = self.reg.lookups.get("fields", [])
        groups = []
        for f in order + sorted({o.field for o in raised if o.field not in order and o.field}):
            items = [o for o in raised if o.field == f]
            if items:
                groups.append({"stt": len(groups) + 1, "ten": f, "so": len(items), "y_kien": [
                    {"stt": i, "noi_dung": self.said(o), "nguoi_neu": self.raiser(o),
                     "dia_chi": self.where(o.address, as_issued),
                     # a superior is recommended to (CVKN), never given a deadline
                     "co_quan": self.agency_printed(o),
                     "han": self.reply_cell(o)} for i, o in enumerate(items, 1)]})
        return groups

    def bcth(self, ctx: Context) -> None:
        raised = self.raised()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        self.put_reworded(ctx, "nhom_linh_vuc", lambda issued: self._groups(raised, issued))
        ctx.put("so_y_kien", len(raised))
        ctx.put("nguon_y_kien", self.sources(raised), optional=True)
        ctx.put("sau_hoi_nghi", self.after_meeting())
        # the rows `carry-over --link` added are no citizen's repeat (summaries issued before
        # counted them: their fingerprints)
        ctx.put("so_trung", len(self.opinions) - len(raised), wording=sum(
            1 for o in self.opinions if o.duplicate_of and o.opinion_id and not repeats.linked(o))
            + sum(1 for o in self.opinions if not o.opinion_id))
        ctx.put("neu_lai_chua_xong", self.back_unsettled(), optional=True)
        ctx.put("so_cap_tren", sum(1 for o in raised if self.up(o)))
        ctx.put("trich_yeu", "Tổng hợp ý kiến, kiến nghị của Nhân dân gửi hội nghị đối thoại")
        bodies = ["Thường trực Đảng ủy", "Lãnh đạo UBND",
                  "Ủy ban MTTQ Việt Nam " + (self.s.unit_type or "xã")]
        assigned = ["Các cơ quan, đơn vị được phân công"]
        # none assigned when no opinion came (summaries issued before listed them: printed only)
        ctx.put("noi_nhan", recipients(bodies + assigned, self.party),
                wording=recipients(bodies + (assigned if raised else []), self.party))

    def back_unsettled(self) -> str:
        """"1 nội dung đã nêu tại hội nghị đối thoại ngày 12/06/2026, chưa giải quyết
        xong, nay được nêu lại": the matters of earlier conferences, not settled,
        that citizens raised again for this plan (Repeats.raised_again: not the rows the
        carry-over linked), each once, by count and conference day only (no one named: the
        report goes to the chair and the Front); "" when none."""
        firsts = {}
        for o in self.opinions:
            first = self.original_of(o) if self.raised_again(o) else None
            if first is not None and not repeats.settled(first):
                firsts[first.opinion_id] = first
        if not firsts:
            return ""
        plans = {f.plan_id: self.reg.plan(f.plan_id) for f in firsts.values()}
        days = sorted({p.meeting_date for p in plans.values() if p and p.meeting_date})
        said = vnformat.listing([f"ngày {vnformat.short_date(d)}" for d in days])
        where = (f"{'các ' if len(days) > 1 else ''}hội nghị đối thoại {said}" if days
                 else "hội nghị trước")
        return (f"{len(firsts)} nội dung đã nêu tại {where}, chưa giải quyết xong, "
                "nay được nêu lại")

    def to_assign(self) -> list:
        """The opinions an assignment letter gives its agency: of the commune's own units or
        those on the territory (what goes to a superior is in CVKN, whatever agency was
        typed), and not already answered at the conference."""
        return [o for o in self.raised() if o.agency and not self.up(o)
                and o.answered_at_meeting != schema.YES]

    def cvpc(self, ctx: Context, agency: str) -> None:
        items = [o for o in self.to_assign() if o.agency == agency]
        for o in items:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("co_quan_tra_loi", agency)
        self.put_addressed(ctx, agency)
        ctx.put("y_kien", [{"stt": i, "ma": o.opinion_id, "noi_dung": self.said(o),
                            "nguoi_neu": self.raiser(o), "dia_chi": self.where(o.address),
                            "tra_loi": "",
                            "han": self.reply_cell(o)} for i, o in enumerate(items, 1)])
        ctx.put("so_y_kien", len(items))
        # Before the conference a unit drafts the answers given there; from its day on, it
        # answers in writing by the deadline of each opinion (reply_due).
        after = self.after_meeting()
        ctx.put("sau_hoi_nghi", after)
        # Own units are assigned; an agency on the territory answers to its own hierarchy and
        # is asked to cooperate (rules.agencies). Superiors never get this letter (CVKN).
        asked = self.level(agency) == agencies.TERRITORY
        ctx.put("phoi_hop", asked)
        ctx.put("dong_gui", not agencies.is_office(agency, self.party))
        ctx.put("vv", "V/v đề nghị phối hợp trả lời ý kiến, kiến nghị của Nhân dân" if asked
                else "V/v giao trả lời ý kiến, kiến nghị của Nhân dân" if after
                else "V/v phân công tham mưu trả lời ý kiến, kiến nghị của Nhân dân")
        ctx.put("noi_nhan", recipients(["Như trên", "Lãnh đạo UBND" if not self.party else
                                        "Thường trực Đảng ủy"], self.party, to=agency))
