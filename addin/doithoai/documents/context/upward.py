"""Who the commune writes to beyond its own units: the recommendation to its superiors (CVKN) and
the notice that tells each citizen who handles what they raised, and by when (TBCD).

The level of each agency (rules.agencies) decides: own units are assigned with a deadline,
agencies on the territory are asked with a date they are requested to keep, superiors receive a
recommendation and no deadline.
"""
from __future__ import annotations

import datetime as dt

from doithoai.documents.context import replies
from doithoai.documents.context.common import BaseBuilder, recipients, scope_text
from doithoai.documents.context.fields import Context
from doithoai.registry import personal, repeats, schema, spelling
from doithoai.registry.model import Opinion
from doithoai.rules import agencies
from doithoai.text import honorifics, places, spoken, vnformat, vntext


class UpwardDocs(BaseBuilder):
    # --- the recommendation to superiors ----------------------------------------------------

    def upward(self) -> list[Opinion]:
        """Raised opinions beyond the commune's authority, not answered at the meeting (a
        matter raised again from an earlier conference was recommended upward with it)."""
        return [o for o in self.raised() if self.up(o) and o.answered_at_meeting != schema.YES]

    def cvkn(self, ctx: Context) -> None:
        items = self.upward()
        groups: dict[str, list[Opinion]] = {}
        for o in items:
            self._row(ctx, schema.OPINIONS, o)
            groups.setdefault(self.superior_of(o), []).append(o)
        names = sorted(groups, key=vnformat.collate)
        meeting = self.plan.meeting_date
        self.put_reworded(ctx, "kien_nghi", lambda issued: [
            {"stt": n, "ten": name, "so": len(groups[name]), "y_kien": [
                {"stt": i, "noi_dung": self.said(o), "nguoi_neu": self.who(o.raised_by),
                 "linh_vuc": o.field or "",
                 "da_lam": o.answer or replies.done_before_sending_up(o, meeting, issued)}
                for i, o in enumerate(groups[name], 1)]} for n, name in enumerate(names, 1)])
        ctx.put("so_kien_nghi", len(items))
        raised = self.raised()
        ctx.put("so_y_kien", len(raised))
        ctx.put("nguon_y_kien", self.sources(raised), optional=True)
        ctx.put("so_tra_loi_tai_hoi_nghi", sum(o.answered_at_meeting == schema.YES for o in raised))
        kinh_gui = ([agencies.province_committee(self.s.province or "", True)] if self.party else names)
        ctx.put("kinh_gui_ds", kinh_gui)
        ctx.put("quy_co_quan", kinh_gui[0] if self.party else
                ("Quý cơ quan" if len(kinh_gui) == 1 else "các cơ quan"))
        ctx.put("vv", "V/v kiến nghị giải quyết ý kiến, kiến nghị của Nhân dân vượt thẩm quyền")
        ctx.put("trich_yeu", "Kiến nghị giải quyết ý kiến, kiến nghị của Nhân dân vượt thẩm quyền "
                             f"qua hội nghị đối thoại {scope_text(self.plan)}")
        unit = self.s.unit_type or "xã"
        ctx.put("noi_nhan", recipients(
            ["Như trên"] + ([] if self.party else ["Thường trực Đảng ủy (để b/c)"]) +
            ["Thường trực HĐND " + unit, f"Ủy ban MTTQ Việt Nam {unit}"], self.party))

    # --- the notice to each citizen ---------------------------------------------------------

    def joined(self, on: dt.date | None = None) -> list[tuple[Opinion, Opinion]]:
        """(repeat, original) for each repeat of this plan, the original still pending (``on``:
        that day), raised by someone other than its original's citizen; or raised again at this
        conference (from an earlier one), by anyone, while the matter is not resolved (its
        reply sent, or a neighbour's): they asked too, and are told."""
        out = []
        for o in self.opinions:
            if not (o.duplicate_of and o.opinion_id and o.raised_by) or \
                    not self.pending(o, on):
                continue
            first = self.original_of(o)
            if first is None:
                continue
            again = self.raised_again(o)
            if again and not repeats.settled(first) or \
                    self.pending(first, on) and not self.same_person(o, first):
                out.append((o, first))
        return out

    def citizens(self, on: dt.date | None = None) -> list[tuple[str, str, list[Opinion]]]:
        """(name, village, opinions) of each citizen with opinions not answered at the meeting
        and not yet answered in writing (``on``: as they stood that day), by village then name
        (delivered village by village). A citizen whose opinion joined another's (Trùng với)
        is told of it too (tbcd names the opinion it joined)."""
        people: dict[tuple, list[Opinion]] = {}
        finder = places.PlaceFinder(self.plan.villages)         # one for the plan
        mine = [o for o in self.raised() if o.raised_by and self.pending(o, on)]
        # no one to address for a citizen who gave no name: the conclusion notice tells all
        told = [o for o in mine + [repeat for repeat, _ in self.joined(on)]
                if not spelling.is_anonymous(o.raised_by)]
        # One person in one village, as personal.person_keys reads them (the one way the
        # registry counts its people): however the address is written ("TDP 2", "Số 7, tổ dân
        # phố 2"), the name with or without accents; an address naming no known village, as
        # written.
        keys = personal.person_keys([(o.raised_by, o.address) for o in told], finder)
        for o, (who, village) in zip(told, keys):
            key = (who, village, "" if village else vntext.identity_key(o.address))
            people.setdefault(key, []).append(o)
        out = [(_spelled(who, items), village, items)
               for (who, village, _), items in people.items()]
        out.sort(key=lambda t: (vnformat.collate(t[1] or "~"), vnformat.name_key(t[0])))
        return out

    def told_content(self, o: Opinion, first: Opinion, as_issued: bool = False,
                     reader: str | None = None) -> str:
        """What the citizen raised; for a repeat, which opinion it joined (its code and words),
        whose handler and deadline it shares; identifiers masked in both (BaseBuilder.said).
        The citizen is told the words of the opinion theirs joined, not the office's code for
        it, and not twice when their own words are the same; a matter they raised at earlier
        conferences, the days they did (``as_issued``: as notices issued before said it);
        ``reader``: the citizen told, whose own name stays in their own words (BaseBuilder.said)."""
        reader = None if as_issued else reader
        if first is o:
            return self.said(o, reader)
        own, said = self.said(o, reader).strip(), self.said(first).strip().rstrip(".")
        before = "" if as_issued else self.other_occasions(first, o, later=False)
        if before:
            return (f"{own} (Nội dung này đã được nêu tại {before}, chưa giải quyết xong; "
                    "tiếp tục được giải quyết theo cơ quan và thời hạn đã giao.)")
        if vntext.plain_key(own.rstrip(".")) == vntext.plain_key(said):
            return (f"{own} (Ý kiến này trùng với một ý kiến khác đã nhận, được giải quyết "
                    "chung, cùng cơ quan và thời hạn.)")
        return (f"{own} (Ý kiến này trùng nội dung với ý kiến đã nhận \"{said}\", được giải "
                "quyết chung với ý kiến đó, cùng cơ quan và thời hạn.)")

    def _told_row(self, i: int, o: Opinion, as_issued: bool, reader: str | None = None) -> dict:
        """A row of a citizen's notice: what they raised, who handles it and by when; a matter
        raised again from an earlier conference, as the conclusion lists it (BaseBuilder)."""
        first = self.original_of(o) if o.duplicate_of else o
        who, when = self.handling(first)
        if self.raised_again(o):
            due = self.carried_due(first, as_issued, o)
            when = due if due.startswith(("Theo", "Kiến", "Đã")) else f"Hạn đã giao: {due}"
        return {"stt": i, "noi_dung": self.told_content(o, first, as_issued, reader),
                "co_quan": who, "han": when}

    def awaits_reply(self, o: Opinion) -> bool:
        """``o`` still awaits its written reply by a deadline not passed on this notice's day
        (a matter raised again whose reply was sent awaits its resolution, not a reply)."""
        if self.raised_again(o):
            first = self.original_of(o)
            return not self.carried_resolution(first, o) and not self.carried_late(first, o)
        first = self.original_of(o) if o.duplicate_of else o
        due = self.report.reply_due.get((first or o).opinion_id)
        return due is None or due >= self.document_day()

    def tbcd(self, ctx: Context, person: tuple) -> None:
        name, village, items = person
        for o in items:
            self._row(ctx, schema.OPINIONS, o)
        src = (schema.OPINIONS.name, items[0].row, "Người nêu")
        # printed with the form the citizen typed on a row (notices issued before: as the
        # name alone told it, their fingerprints)
        addressed = honorifics.citizen(self.who(name), as_issued=True)
        told = self.addressed_citizen(name, items[0].address)
        ctx.put("kinh_gui", addressed, src, wording=told)
        # In running text the form of address is lower case ("… đến ông Phạm Duy Cường").
        ctx.put("nguoi_nhan", honorifics.in_sentence(addressed), src,
                wording=honorifics.in_sentence(told))
        if village:
            ctx.put("noi_o", spoken.expand(village))
        else:
            ctx.put("noi_o", self.village_word(), wording=self.printed_village_word())
        self.put_reworded(ctx, "dia_chi", lambda issued: self.where(items[0].address, issued)
                          or village, optional=True)
        for o in items:
            if o.duplicate_of and self.original_of(o) is not None:
                self._row(ctx, schema.OPINIONS, self.original_of(o))
        self.put_reworded(ctx, "y_kien_cd", lambda issued: [
            self._told_row(i, o, issued, o.raised_by) for i, o in enumerate(items, 1)])
        ctx.put("so_y_kien", len(items))
        ctx.put("so_y_kien_chu", f"{len(items):02d}")
        # "If no reply comes by the deadline above, ask …": said while a deadline ahead awaits a
        # reply (notices issued before said it of any deadline: their fingerprints).
        self.put_reworded(ctx, "co_han", lambda issued: any(
            not self.up(self.original_of(o) if o.duplicate_of else o)
            and (issued or self.awaits_reply(o)) for o in items))
        ctx.put("nguon_nhan", self.received(items[0]) if len(items) == 1 else
                self.sources(items), optional=True)
        ctx.put("trich_yeu", "Về việc giải quyết ý kiến, kiến nghị gửi hội nghị đối thoại với "
                             f"Nhân dân {scope_text(self.plan)}")
        head = vnformat.village_head(village) if village else None
        ctx.put("noi_nhan", recipients(
            ["Như trên"] + ([f"{head} (để chuyển)"] if head else []) +
            [f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'} (để giám sát)"], self.party))


def _spelled(who: str, items: list[Opinion]) -> str:
    """The name of a citizen whose rows spell it more than one way: as the row whose name is
    the person's key (the accented one, when one is) spells it, else the first row's."""
    return next((o.raised_by for o in items
                 if vntext.identity_key(personal.bare_name(o.raised_by)) == who),
                items[0].raised_by)
