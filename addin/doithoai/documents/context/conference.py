"""The conference and after: minutes, conclusion, replies, result report, survey."""
from __future__ import annotations

from collections import Counter

from doithoai.documents.context import replies
from doithoai.documents.context.common import (BaseBuilder, group_name, group_order, recipients,
                                               scope_text, signed_name)
from doithoai.documents.context.fields import AS_BEFORE, Context, Source
from doithoai.monitoring import chain
from doithoai.registry import repeats, schema
from doithoai.registry.attendance import BLANK, Attendance
from doithoai.registry.model import Opinion
from doithoai.rules.agencies import TERRITORY, is_office
from doithoai.text import honorifics, vnformat


def _resolvers(agencies: list[str], asked: list[str]) -> str:
    """"Phòng Kinh tế; đề nghị Công an xã phối hợp": who resolves the unnamed citizens'
    opinions, as the conclusion's sentence begins (capitalised)."""
    own = [a for a in agencies if a not in asked]
    said = "; ".join(([vnformat.listing(own)] if own else []) +
                     ([f"đề nghị {vnformat.listing(asked)} phối hợp"] if asked else []))
    return said[:1].upper() + said[1:]


class ConferenceDocs(BaseBuilder):
    def attendance(self, ctx: Context) -> None:
        """Who came (registry.attendance): one sentence whose parts add up to the invited, the
        delegated counted among the present; before anything is recorded, blanks to fill."""
        people = self.invited()
        for i in people:
            self._row(ctx, schema.INVITEES, i)
        counts = Attendance.of(people)
        blank = not counts.recorded
        ctx.put("tham_du", counts.sentence())
        ctx.put("so_moi", counts.invited)
        ctx.put("so_co_mat", BLANK if blank else counts.present)
        ctx.put("so_vang", BLANK if blank else counts.absent)
        ctx.put("so_uy_quyen", BLANK if blank else counts.delegated)
        ctx.put("so_chua_ghi", counts.unrecorded)
        groups = []
        for g in group_order(people, self.reg):
            part = Attendance.of([i for i in people if group_name(i) == g])
            groups.append({"ten": g, "moi": part.invited,
                           "co_mat": BLANK if blank else part.present,
                           "tham_du": part.group_words(blank)})
        self.put_groups(ctx, "nhom_tham_du", groups)

    def answer_text(self, o: Opinion, as_issued: bool = False) -> str:
        """The minutes' answer to an opinion. One no written reply can be addressed for (its
        citizen gave no name, nor did anyone who raised it again) is given to be resolved, as
        the conclusion notice says; ``as_issued``: as minutes issued before said it."""
        if o.answered_at_meeting == schema.YES and o.answer:
            return o.answer
        if self.carried(o):
            return self.carried_answer(o, as_issued)
        if self.up(o):
            return "Tiếp thu, kiến nghị cơ quan có thẩm quyền xem xét, giải quyết."
        if not as_issued and o.opinion_id in self.unaddressed():
            asked = o.agency and self.level(o.agency) == TERRITORY
            return (f"Tiếp thu; {'đề nghị' if asked else 'giao'} "
                    f"{o.agency or 'cơ quan chuyên môn'} {'phối hợp ' if asked else ''}giải "
                    f"quyết, {replies.NO_ADDRESSEE}.")
        if o.agency and self.level(o.agency) == TERRITORY:     # asked, not ordered
            return f"Tiếp thu; đề nghị {o.agency} phối hợp trả lời bằng văn bản."
        return f"Tiếp thu; giao {o.agency or 'cơ quan chuyên môn'} trả lời bằng văn bản."

    def raised_before(self, o: Opinion) -> str:
        """"đã nêu tại hội nghị ngày 12/06/2026, mã YK-2026-002": where a carried matter was
        first raised."""
        first = self.original_of(o)
        earlier = self.reg.plan(first.plan_id)
        day = f" ngày {vnformat.short_date(earlier.meeting_date)}" \
            if earlier is not None and earlier.meeting_date else ""
        return f"đã nêu tại hội nghị{day}, mã {first.opinion_id}"

    def carried_answer(self, o: Opinion, as_issued: bool = False) -> str:
        """The minutes' answer to a matter raised again from an earlier conference: where it
        stands, as its original's handling says: its reply sent, the deadline to resolve it
        (``as_issued``: as minutes issued before said it, the reply's deadline)."""
        first = self.original_of(o)
        said = f"Ý kiến {self.raised_before(o)}"
        if repeats.settled(first):
            return f"{said}, đã được giải quyết."
        if self.up(first):
            return f"{said}, đã kiến nghị cấp trên giải quyết; tiếp tục theo dõi, đôn đốc."
        who = self.handling(first)[0]
        resolving = None if as_issued else self.carried_resolution(first, o)
        if resolving:
            sent, due = resolving
            return f"{said}, đã trả lời bằng văn bản{sent}; {who} tiếp tục giải quyết " + (
                f"(hạn giải quyết {due})." if due else "theo thời hạn đã giao.")
        due = self.carried_due(first, as_issued, o)
        return f"{said}; {who} tiếp tục giải quyết " + (
            "theo thời hạn đã giao." if due.startswith("Theo") else f"(hạn đã giao {due}).")

    def bb(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.heard()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("thu_ky", self.s.contact_officer, self._setting_src("contact_officer"),
                wording=signed_name(self.s.contact_officer))
        self.put_reworded(ctx, "y_kien", lambda issued: [
            {"stt": i, "ma": o.opinion_id,
             "noi_dung": self.said(o), "nguoi_neu": self.who(o.raised_by),
             "dia_chi": self.where(o.address, issued), "tra_loi": self.answer_text(o, issued),
             **({} if issued else {"cung_neu": self.joined_here(o)})}
            for i, o in enumerate(raised, 1)])
        ctx.put("so_y_kien", len(raised))
        ctx.put("nguon_y_kien", self.sources(raised), optional=True)   # sent, or spoken there
        at = [o for o in raised if o.answered_at_meeting == schema.YES]
        up = [o for o in raised if self.up(self.handled_as(o)) and o not in at]
        ctx.put("so_tra_loi_tai_hoi_nghi", len(at))
        ctx.put("so_cap_tren", len(up))
        answered = {id(o) for o in at + up}
        self.put_assigned_counts(ctx, [o for o in raised if id(o) not in answered])
        ctx.put("nguoi_ky", self.plan.chair_name, self._plan_src("chair_name"),
                wording=signed_name(self.plan.chair_name))
        ctx.put("trich_yeu", f"Hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        ctx.put("noi_nhan", recipients(
            ["Thường trực Đảng ủy", "Thường trực HĐND", "Lãnh đạo UBND",
             f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}"], self.party, kept="Hồ sơ"))

    def joined_here(self, o: Opinion) -> list[dict]:
        """The citizens who raised ``o``'s matter at this conference too (its repeats in this
        plan that name someone else, not the carry-over's rows), as the minutes record that
        they spoke ("… (Phan Thị Kim cũng nêu ý kiến này)"); each a Người nêu, so that Nhật ký
        counts them among those the minutes name. Minutes issued before left them out."""
        names = dict.fromkeys(         # inside a sentence: "(ông Nguyễn Văn Bảy, bà … cũng nêu…)"
            honorifics.in_sentence(self.who(r.raised_by)) for r in self.joined_to(o)
            if r.plan_id == self.plan.plan_id and not repeats.linked(r)
            and repeats.addressable(r) and not self.same_person(r, o))
        return [{"nguoi_neu": n} for n in names]

    def put_assigned_counts(self, ctx: Context, assigned: list[Opinion]) -> None:
        """How the minutes' conclusion counts what is left to be resolved: given to the
        commune's own offices to resolve and answer in writing; asked of agencies on the
        territory; resolved without a letter, its citizen unnamed; raised again from an earlier
        conference, still in the hands it was given to. Printed only: minutes issued before
        counted them all as given to the offices (their fingerprints)."""
        again = [o for o in assigned if self.carried(o)]
        rest = [o for o in assigned if not self.carried(o)]
        unnamed = [o for o in rest if o.opinion_id in self.unaddressed()]
        asked = [o for o in rest if o.opinion_id not in self.unaddressed() and o.agency
                 and self.level(o.agency) == TERRITORY]
        ctx.put("so_giao_giai_quyet", len(assigned),
                wording=len(rest) - len(unnamed) - len(asked))
        for name, items in (("so_phoi_hop", asked), ("so_khong_ten", unnamed),
                            ("so_tiep_tuc", again)):
            self.put_reworded(ctx, name, lambda issued, n=len(items): 0 if issued else n)

    def _assigned_row(self, i: int, o: Opinion, as_issued: bool = False) -> dict:
        """A row of the conclusion's list of what is given to be resolved: a matter carried
        from an earlier conference with where it was raised, its handler and deadline (its
        reply sent, the deadline to resolve it; ``as_issued``: as notices issued before
        said it)."""
        first = self.handled_as(o)
        said = self.said(o) + (f" ({self.raised_before(o)})" if first is not o else "")
        return {"stt": i, "noi_dung": said, "nguoi_neu": self.raiser(o),
                "co_quan": self.handling(first)[0],
                "han": self.reply_cell(o, self.issue_date, True) if first is o
                else self.carried_due(first, as_issued, o)}

    def tbkl(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.heard()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        at = [o for o in raised if o.answered_at_meeting == schema.YES]
        pending = [o for o in raised if o not in at]
        ctx.put("so_y_kien", len(raised))
        ctx.put("da_tra_loi", [{"stt": i, "noi_dung": self.said(o),
                                "nguoi_neu": self.who(o.raised_by),
                                "tra_loi": o.answer or ""} for i, o in enumerate(at, 1)])
        # An issued notice is the anchor of the deadlines it assigns: each is counted from its
        # own date, as `doithoai deadlines` counts it on the registry that records the notice.
        self.put_reworded(ctx, "giao_giai_quyet", lambda issued: [
            self._assigned_row(i, o, issued) for i, o in enumerate(pending, 1)])
        rule = replies.reply_rule(self.reg)
        ctx.put("so_ngay_tra_loi", rule.days if rule else 15)
        ctx.put("thoi_han_tra_loi", replies.rule_words(rule, this_notice=True) if rule
                else "quy định")
        ctx.put("nguon_y_kien", self.sources(raised), optional=True)
        ctx.put("trich_yeu", f"Kết luận của {self.plan.chair_title} tại hội nghị đối thoại với "
                             f"Nhân dân {scope_text(self.plan)}")
        own = [o for o in pending if not self.carried(o)]
        carried = [self.handled_as(o) for o in pending if self.carried(o)]
        agencies = self.handling_agencies(own + carried)
        self.put_reply_duties(ctx, own)
        # Matters raised again keep the handler and deadline their first conference gave them.
        ctx.put("co_quan_tiep_tuc", vnformat.listing(sorted(
            {self.handling(f)[0] for f in carried if not self.up(f)}, key=vnformat.collate)),
            optional=True)
        # Printed only: conclusions issued before said "theo thời hạn đã giao" of any.
        self.put_reworded(ctx, "tiep_tuc_qua_han", lambda issued: not issued and any(
            self.carried_late(self.handled_as(o), o) for o in pending
            if self.carried(o) and not self.up(self.handled_as(o))))
        bodies = agencies + (["Các cá nhân có ý kiến, kiến nghị"] if raised else []) + [
            f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}", "Văn phòng Đảng ủy",
            "Thường trực HĐND"]
        # Posted and read out (the publication step, CONG_KHAI_KET_QUA): the village heads
        # and the loudspeakers get it too, in the plan's words (printed only: the fingerprints
        # of notices issued before keep their value).
        ctx.put("noi_nhan", recipients(bodies, self.party), wording=recipients(bodies + [
            f"{self.printed_village_heads()} (để niêm yết)",
            "Đài truyền thanh (để thông báo)"], self.party))

    def handling_agencies(self, opinions: list[Opinion]) -> list[str]:
        """The commune's agencies and those on its territory that ``opinions`` are assigned
        to (a superior is recommended to, not assigned)."""
        return sorted({o.agency for o in opinions if o.agency and not self.up(o)})

    def put_reply_duties(self, ctx: Context, pending: list[Opinion]) -> None:
        """Who answers in writing (own units assigned, agencies on the territory asked), and
        who only resolves: an agency whose opinions name no one to write to (an unnamed
        citizen, no named repeat: registry.repeats)."""
        unnamed = self.unaddressed()
        written = [o for o in pending if o.opinion_id not in unnamed]
        writers = self.handling_agencies(written)
        asked = [a for a in writers if self.level(a) == TERRITORY]
        own = [a for a in writers if a not in asked]
        ctx.put("co_quan_giao", vnformat.listing(own) if own else
                ("" if asked or not written else "Các cơ quan, đơn vị được giao"),
                optional=True)
        ctx.put("co_quan_phoi_hop", vnformat.listing(asked), optional=True)
        resolving = self.handling_agencies([o for o in pending if o.opinion_id in unnamed])
        silent = [a for a in resolving if a not in writers]
        # Printed: every agency that has an unnamed citizen's opinion, those on the territory
        # asked (notices issued before named only those with no letter to write: fingerprints).
        ctx.put("co_quan_giai_quyet", vnformat.listing(silent), optional=True,
                wording=_resolvers(resolving, [a for a in resolving
                                               if self.level(a) == TERRITORY]))
        offices = [a for a in writers if is_office(a, self.party)]
        ctx.put("dong_gui", not writers or len(offices) < len(writers))
        # The office among several: the others copy it their replies, it does not copy itself.
        ctx.put("vp_cung_tra_loi", 0 < len(offices) < len(writers))

    def cvtl(self, ctx: Context, o: Opinion, to: Opinion | None = None) -> None:
        """The reply to the citizen of ``to`` (one of raisers(o); by default the one ``o``'s
        reply is addressed to) of the matter ``o``: their words, the conference they raised it
        at and those they raised it at again, ``o``'s answer."""
        self._row(ctx, schema.OPINIONS, o)
        ctx.put("hoi_nghi_huy", self.plan.cancelled)    # the reply says it never met
        if self.issue_date is None:     # a draft reply is issued by its own reply deadline
            ctx.put("dong_ngay", vnformat.date_line(
                self.s.place_name or "", None,
                self.issue_year("CVTL", self.report.reply_due.get(o.opinion_id) or o.reply_due)),
                self._setting_src("place_name"))
        # Addressed to its citizen; to a repeat's when its own gave no name (the words and
        # the day are then that citizen's, the answer the opinion's); each other citizen who
        # raised it gets a reply of their own (batches).
        to = to or self.written_to(o)
        if to is not o:
            self._row(ctx, schema.OPINIONS, to)

        def src(key: str, row: Opinion = to) -> Source:
            return (schema.OPINIONS.name, row.row, schema.OPINIONS.column(key).header)
        # printed with the form the citizen typed on another row (replies issued before: as
        # the name alone told it, their fingerprints)
        addressed = honorifics.citizen(self.who(to.raised_by), as_issued=True)
        told = self.addressed_citizen(to.raised_by, to.address)
        ctx.put("kinh_gui", addressed, src("raised_by"), wording=told)
        ctx.put("nguoi_nhan", honorifics.in_sentence(addressed), src("raised_by"),
                wording=honorifics.in_sentence(told))
        self.put_reworded(ctx, "dia_chi", lambda issued: self.where(to.address, issued),
                          src("address"))
        ctx.put("nguon", replies.SOURCE_WORDS.get(replies.source_of(to), to.source or ""),
                src("source"))
        ctx.put("ngay_nhan", vnformat.short_date(to.received_date) if to.received_date
                else None, src("received_date"))
        self.put_occasions(ctx, o, to)
        ctx.put("noi_dung", self.said(to), src("content"),            # issued: all masked
                wording=self.said(to, reader=to.raised_by))
        ctx.put("tra_loi", o.answer, src("answer", o))
        ctx.put("vv", f"V/v trả lời ý kiến, kiến nghị của {honorifics.in_sentence(addressed)}",
                wording=f"V/v trả lời ý kiến, kiến nghị của {honorifics.in_sentence(told)}")
        # Replies issued before each citizen who raised the same got one of their own were
        # copied to them (their fingerprints keep it); each now reads only its own.
        joined = self.copied_before(o, to)
        self.put_reworded(ctx, "noi_nhan", lambda issued: recipients(
            ["Như trên"] + ([self._copied_to(r, issued) for r in joined] if issued else [])
            + ([o.agency] if o.agency else []), self.party))

    def copied_before(self, o: Opinion, to: Opinion) -> list[Opinion]:
        """The citizens a reply of ``o`` to ``to`` was copied to before each got their own
        (repeats_of then): others who raised it, by the reply's day, and had it neither
        answered at a conference nor resolved; a reply of their own since does not change
        what the issued one said."""
        return [r for r in self.joined_to(o) if r is not to and repeats.addressable(r)
                and not self.same_person(r, o) and self.raised_by_now(r)
                and r.answered_at_meeting != schema.YES and not r.resolved_date]

    def put_occasions(self, ctx: Context, o: Opinion, to: Opinion) -> None:
        """The conference at which the addressee raised the matter ``o`` (theirs: one who
        joined it at a later conference was not at ``o``'s), and those at which they raised
        it again (neu_lai). Printed only: a reply issued before said ``o``'s conference and
        no more, and is not found changed for it (put_reworded)."""
        held = self.reg.plan(to.plan_id) or self.plan
        if held is not self.plan and held.meeting_date is not None:
            first = ctx.values.get("ngay_hoi_nghi")
            self.put_reworded(ctx, "ngay_hoi_nghi", lambda issued: first if issued else
                              vnformat.short_date(held.meeting_date),
                              (schema.PLANS.name, held.row,
                               schema.PLANS.column("meeting_date").header))
            self.put_reworded(ctx, "hoi_nghi_huy", lambda issued: self.plan.cancelled
                              if issued else held.cancelled)
        again = self.other_occasions(o, to)
        self.put_reworded(ctx, "neu_lai", lambda issued: "" if issued or not again
                          else f"được nêu lại tại {again}", optional=True)

    def _copied_to(self, r: Opinion, as_issued: bool) -> str:
        """A citizen whose opinion joined the one answered, as Nơi nhận of replies issued
        before each got their own listed them."""
        at = self.where(r.address, as_issued)
        return f"{self.who(r.raised_by)}{', ' + at if at else ''} (nêu ý kiến trùng nội dung)"

    def bckq(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.heard()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("so_y_kien", len(raised))
        ctx.put("theo_nguon", [{"ten": k, "so": v} for k, v in
                               Counter(o.source or "Chưa ghi nguồn" for o in raised).most_common()])
        ctx.put("theo_linh_vuc", [{"stt": i, "ten": k, "so": v} for i, (k, v) in enumerate(
            Counter(o.field or "Chưa phân loại lĩnh vực" for o in raised).most_common(), 1)])
        # One partition (monitoring.chain.outcome_of): the parts sum to so_y_kien, and the
        # overdue are a part of those in progress (it once read "10 in progress, 32 overdue").
        # A matter carried from an earlier conference stands where its original does, unless
        # answered at this one.
        parts = chain.outcomes([o if o.answered_at_meeting == schema.YES else self.handled_as(o)
                                for o in raised], self.chains())
        ctx.put("so_tra_loi_tai_hoi_nghi", parts[chain.PART_MEETING])
        ctx.put("so_da_tra_loi_van_ban", parts[chain.PART_WRITING])
        # Resolved with no letter: "đang giải quyết" in reports issued before (their
        # fingerprints), and counted as resolved too; told apart now.
        ctx.put("so_dang_giai_quyet", parts[chain.PART_PROGRESS] + parts[chain.PART_RESOLVED],
                wording=parts[chain.PART_PROGRESS])
        ctx.put("so_qua_han", parts["qua_han"])
        ctx.put("so_cap_tren", parts[chain.PART_UPWARD])
        ctx.put("so_cho_cap_tren", parts["cho_cap_tren"])
        # figures and words a report gained after reports were issued: as issued, absent
        for name, value in (("so_da_giai_quyet", parts["da_giai_quyet"]),
                            ("so_qua_han_tra_loi", parts["qua_han_tra_loi"]),
                            ("so_qua_han_giai_quyet", parts["qua_han_giai_quyet"]),
                            ("so_xong_khong_van_ban", parts[chain.PART_RESOLVED]),
                            ("chuan_bi_dung_han", self.prepared_on_time())):
            self.put_reworded(ctx, name, lambda issued, n=name, v=value: AS_BEFORE[n] if issued
                              else v)
        ctx.put("trich_yeu", f"Kết quả tổ chức hội nghị đối thoại với Nhân dân "
                             f"{scope_text(self.plan)}")
        self.survey(ctx)
        self.put_carry_over(ctx, heard_here=True)
        ctx.put("noi_nhan", recipients(["Cấp ủy, chính quyền cấp trên (b/c)",
                                        "Thường trực Đảng ủy, HĐND", "Lãnh đạo UBND",
                                        f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}"],
                                       self.party))

    def prepared_on_time(self) -> bool:
        """Every step due by the conference recorded done by its day (Mốc thời gian), mandatory
        or not (forms collected late are preparation late): only then does the report call the
        conference well prepared."""
        meeting = self.plan.meeting_date
        steps = [m for m in self.report.milestones if m.plan_id == self.plan.plan_id
                 and not m.opinion_id and meeting and m.due <= meeting]
        return all(m.done_date and m.done_date <= m.due for m in steps)

    def pks(self, ctx: Context) -> None:
        pass

    def survey(self, ctx: Context) -> None:
        """Kết quả phiếu lấy ý kiến: per question, each answer's count and share."""
        rows = [t for t in self.reg.survey if t.plan_id == self.plan.plan_id and t.question]
        for t in rows:
            ctx.use_row(schema.SURVEY.name, t.row, {k: getattr(t, k) for k in schema.SURVEY.keys})
        out = []
        total = 0
        for question, options in schema.SURVEY_OPTIONS.items():
            counts = {o: sum(t.count or 0 for t in rows if t.question == question and
                             t.option == o) for o in options}
            n = sum(counts.values())
            if not n:
                continue
            total = max(total, n)
            shares = whole_shares(list(counts.values()))
            parts = [f"{o} {c} phiếu ({p}%)" for (o, c), p in zip(counts.items(), shares)]
            out.append({"cau_hoi": question, "ket_qua": "; ".join(parts)})
        ctx.put("khao_sat", out, optional=True)
        ctx.put("so_phieu", total)


def whole_shares(counts: list[int]) -> list[int]:
    """Whole percentages of ``counts`` that add up to 100 (largest remainders get the points
    that plain rounding loses or adds: 1, 1, 1 is 34, 33, 33, never 33, 33, 33)."""
    total = sum(counts)
    exact = [100 * c / total for c in counts]
    shares = [int(e) for e in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_remainder[:100 - sum(shares)]:
        shares[i] += 1
    return shares
