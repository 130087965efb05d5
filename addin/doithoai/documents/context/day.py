"""Printed for the day: the signing list, the invitation delivery book, the radio bulletin."""
from __future__ import annotations

import functools

from doithoai.documents.context.common import BaseBuilder, scope_text
from doithoai.documents.context.fields import Context
from doithoai.registry import schema
from doithoai.registry.issued import ISSUED
from doithoai.registry.model import Invitee
from doithoai.text import honorifics, spoken, unit_words, vnformat
from doithoai.text.addressee import compose
from doithoai.text.places import PlaceFinder


class DayDocs(BaseBuilder):
    def invitation_numbers(self) -> dict[int, str]:
        """Đại biểu row → the number of its invitation: Số giấy mời as typed, else its place in
        the merged print file (GM_003_… is the third)."""
        return {inv.row: inv.invitation_number or f"{n:03d}"
                for n, inv in enumerate(self.invitations(), 1)}

    def dsdb(self, ctx: Context) -> None:
        people = self.invited()
        numbers = self.invitation_numbers()
        groups: list[dict] = []
        for n, inv in enumerate(people, 1):
            self._row(ctx, schema.INVITEES, inv)
            if not groups or groups[-1]["ten"] != inv.group:
                groups.append({"ten": inv.group or "Khác", "so": 0, "dai_bieu": []})
            groups[-1]["so"] += 1
            groups[-1]["dai_bieu"].append({
                "stt": n, "ho_ten": honorifics.addressed(inv.honorific, inv.full_name),
                "chuc_vu": compose(inv.position, inv.organization),
                "so_giay_moi": numbers.get(inv.row, "")})        # a host has none
        self.put_groups(ctx, "nhom_dai_bieu_ds", groups)
        ctx.put("trich_yeu", f"Dự hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        ctx.put("so_moi", len(people))

    def delivery_route(self, inv: Invitee) -> str:
        """Who carries an invitation: the board of the village a resident's or a village
        official's Địa chỉ names (never the house address itself: "Số 12 ngõ 3, Thôn Đông" goes
        through "Ban điều hành Thôn Đông"), the office itself for everyone else."""
        village = self.village_finder.place_of(inv.address) if inv.address and inv.group in (
            "Cán bộ thôn, tổ dân phố", "Đại diện Nhân dân") else None
        return f"Ban điều hành {village}" if village else self.office

    @functools.cached_property
    def village_finder(self) -> PlaceFinder:
        """The villages an address may name: the plan's, then the commune's own list."""
        return PlaceFinder([*self.plan.villages, *self.reg.lookups.get("villages", [])])

    def sgn(self, ctx: Context) -> None:
        people = self.invitations()
        numbers = self.invitation_numbers()
        routes: dict[str, list] = {}
        for n, inv in enumerate(people, 1):
            self._row(ctx, schema.INVITEES, inv)
            routes.setdefault(self.delivery_route(inv), []).append((n, inv))
        out, stt = [], 0
        for route in sorted(routes, key=lambda r: (not r.startswith("Văn phòng"),
                                                   vnformat.collate(r))):
            rows = []
            for n, inv in routes[route]:
                stt += 1
                rows.append({"stt": stt, "so_giay_moi": numbers[inv.row],
                             "nguoi_nhan": self.addressee(inv), "nguoi_giao": route})
            out.append({"ten": f"Giao qua {route}", "so": len(rows), "dai_bieu": rows})
        ctx.put("tuyen_giao", out)
        ctx.put("trich_yeu", f"Hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        number, date = self.issued_now.get("GM") or ([     # the invitations in force: the last
            (e.number_symbol, e.date) for e in self.reg.register
            if e.plan_id == self.plan.plan_id and e.kind == "GM" and e.status == ISSUED
            and e.number_symbol] or [(None, None)])[-1]
        ctx.put("dong_giay_moi", f"Giấy mời số {number} ngày {vnformat.short_date(date)}"
                if number and date else
                "Giấy mời chưa ban hành: cột Giấy mời ghi số thứ tự của giấy mời trong tập in")
        m = self.milestones.get("GIAY_MOI")
        ctx.put("han_giay_moi", self.due_text(m) if m else None,
                (schema.RULES.name, None, "GIAY_MOI"))

    def tttt(self, ctx: Context) -> None:
        p, s = self.plan, self.s
        unit = unit_words.in_sentence(s.unit_name, s.unit_type)   # read aloud: "phường …"
        body = f"Ban Thường vụ Đảng ủy {unit}" if self.party else f"Ủy ban nhân dân {unit}"
        ctx.put("co_quan_doc", spoken.aloud(body), self._setting_src("unit_name"))
        if p.meeting_date:
            when = spoken.date(p.meeting_date)
            if p.start_time:
                when = f"{spoken.time(p.start_time)}, {when}"
            ctx.put("thoi_gian_doc", when, self._plan_src("meeting_date"))
        else:
            ctx.put("thoi_gian_doc", None, self._plan_src("meeting_date"))
        # Every typed text in the reader's words: figures too (text.spoken.aloud)
        ctx.put("dia_diem_doc", spoken.aloud(p.venue), self._plan_src("venue"))
        ctx.put("pham_vi_doc", spoken.aloud(scope_text(p)), self._plan_src("scope"))
        ctx.put("chu_tri_doc", spoken.aloud(p.chair_title), self._plan_src("chair_title"))
        ctx.put("noi_dung_doc", spoken.aloud(p.content), self._plan_src("content"))
        ctx.put("can_bo_dau_moi_doc", vnformat.comrade(s.contact_officer),
                self._setting_src("contact_officer"))
        m = self.milestones.get("THU_PHIEU")
        asks = self.asks_forms_by_deadline("TTTT", self.issue_date)
        if m is not None:       # read aloud: the date alone, never "dự kiến"
            self.marked(m.provisional, printed=asks)
        ctx.put("han_thu_phieu_doc", spoken.date(m.due) if m else None,
                (schema.RULES.name, None, "THU_PHIEU"), wording=None if asks else "")
