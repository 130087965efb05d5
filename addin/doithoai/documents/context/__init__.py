"""The fields the document engine provides to templates, and where each value comes from.

A :class:`Context` holds each field's value with its source (sheet, row, column), so a field a
template uses but the registry leaves empty is refused naming that cell. :data:`FIELDS` lists
every top-level field any template may use (the pre-flight names the nearest one for a misspelt
placeholder); :data:`ITEM_FIELDS` the attributes of the items of each list.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from doithoai.rules import deadlines
from doithoai.registry import parsing, schema
from doithoai.text import vnformat
from doithoai.text import spoken
from doithoai.text.addressee import addressee_line, compose
from doithoai.registry.model import Invitee, Opinion, Plan, Registry
from doithoai.documents.templates import KINDS_BY_CODE

Source = tuple  # (sheet name, row, column header)

FIELDS: dict[str, str] = {
    "co_quan_chu_quan": "Cơ quan chủ quản (Cấu hình), có thể trống",
    "co_quan_dong_1": "Dòng 1 tên cơ quan ban hành, ví dụ ỦY BAN NHÂN DÂN",
    "co_quan_dong_2": "Dòng 2 tên cơ quan ban hành, ví dụ PHƯỜNG TỨ MINH",
    "dang_bo_cap_tren": "Đảng bộ cấp trên (Cấu hình)", "ten_dang_uy": "Tên Đảng ủy (Cấu hình)",
    "ten_co_quan_ngan": "Tên cơ quan trong câu văn", "cap_don_vi": "xã / phường / đặc khu",
    "dong_so": "Dòng số, ký hiệu", "dong_ngay": "Dòng địa danh, ngày tháng năm",
    "trich_yeu": "Trích yếu", "vv": "Dòng V/v của công văn",
    "chu_ky": "Các dòng quyền hạn, chức vụ người ký", "nguoi_ky": "Họ tên người ký",
    "noi_nhan": "Danh sách nơi nhận", "can_cu": "Các căn cứ",
    "can_cu_ke_hoach": "Kế hoạch số ... ngày ... (để dẫn chiếu)",
    "pham_vi": "Phạm vi (thôn, tổ dân phố)", "thoi_gian": "Giờ, thứ, ngày hội nghị",
    "ngay_hoi_nghi": "Ngày hội nghị dd/mm/yyyy", "gio_ket_thuc": "Giờ kết thúc",
    "dia_diem": "Địa điểm", "chu_tri": "Chức danh chủ trì", "chu_tri_hoa": "Chủ trì, viết hoa đầu câu",
    "nguoi_chu_tri": "Người chủ trì", "noi_dung": "Nội dung", "hinh_thuc": "Hình thức",
    "so_dai_bieu": "Số đại biểu dự kiến", "nhom_dai_bieu": "Đại biểu theo nhóm",
    "tien_do": "Tiến độ (các mốc)", "phan_cong": "Phân công theo đơn vị",
    "can_bo_dau_moi": "Cán bộ đầu mối", "dien_thoai_dau_moi": "Điện thoại đầu mối",
    "han_thu_phieu": "Hạn thu phiếu", "han_du_thao": "Hạn gửi dự thảo trả lời",
    "kinh_gui": "Người nhận", "danh_xung_goi": "Cách gọi người nhận",
    "thon": "Thôn, tổ dân phố của phiếu", "ma_phieu": "Mã phiếu", "linh_vuc": "Các lĩnh vực",
    "so_y_kien": "Số ý kiến", "so_trung": "Số ý kiến trùng", "so_cap_tren": "Số ý kiến vượt thẩm quyền",
    "nhom_linh_vuc": "Ý kiến theo lĩnh vực", "co_quan_tra_loi": "Cơ quan trả lời",
    "y_kien": "Danh sách ý kiến", "thu_ky": "Thư ký hội nghị", "so_moi": "Số đại biểu được mời",
    "so_co_mat": "Số có mặt", "so_vang": "Số vắng", "so_uy_quyen": "Số ủy quyền",
    "nhom_tham_du": "Tham dự theo nhóm", "so_tra_loi_tai_hoi_nghi": "Số trả lời tại hội nghị",
    "so_giao_giai_quyet": "Số giao giải quyết", "da_tra_loi": "Ý kiến đã trả lời tại hội nghị",
    "giao_giai_quyet": "Ý kiến giao giải quyết", "so_ngay_tra_loi": "Số ngày làm việc để trả lời",
    "dia_chi": "Địa chỉ người nêu", "nguon": "Nguồn ý kiến", "ngay_nhan": "Ngày nhận",
    "tra_loi": "Nội dung trả lời", "theo_nguon": "Ý kiến theo nguồn",
    "theo_linh_vuc": "Ý kiến theo lĩnh vực (số)", "so_da_tra_loi_van_ban": "Số đã trả lời bằng văn bản",
    "so_dang_giai_quyet": "Số đang giải quyết", "so_qua_han": "Số quá hạn",
    "nhom_dai_bieu_ds": "Đại biểu theo nhóm, từng người (danh sách ký nhận)",
    "tuyen_giao": "Giấy mời theo tuyến giao", "dong_giay_moi": "Số, ngày của giấy mời",
    "han_giay_moi": "Hạn phát hành giấy mời",
    "khao_sat": "Kết quả phiếu lấy ý kiến theo câu hỏi", "so_phieu": "Số phiếu thu về",
    "co_quan_doc": "Tên cơ quan, viết đủ để đọc", "thoi_gian_doc": "Thời gian, bằng chữ",
    "dia_diem_doc": "Địa điểm, viết đủ", "pham_vi_doc": "Phạm vi, viết đủ",
    "chu_tri_doc": "Chủ trì, viết đủ", "noi_dung_doc": "Nội dung, viết đủ",
    "can_bo_dau_moi_doc": "Cán bộ đầu mối, viết đủ", "han_thu_phieu_doc": "Hạn thu phiếu, bằng chữ",
    "qua_han": "Ý kiến quá hạn của cơ quan", "ngay_xet": "Ngày xét quá hạn",
    "han_bao_cao": "Hạn báo cáo kết quả đôn đốc",
    "ton_dong": "Ý kiến các hội nghị trước chưa giải quyết xong",
    "so_ton_dong": "Số ý kiến tồn từ các hội nghị trước",
}
ITEM_FIELDS: dict[str, set[str]] = {
    "nhom_dai_bieu": {"ten", "so"}, "tien_do": {"stt", "cong_viec", "don_vi", "han"},
    "phan_cong": {"stt", "don_vi", "viec"},
    "nhom_linh_vuc": {"stt", "ten", "so", "y_kien"},
    "nhom_linh_vuc.y_kien": {"stt", "noi_dung", "nguoi_neu", "dia_chi", "co_quan", "han"},
    "y_kien": {"stt", "ma", "noi_dung", "nguoi_neu", "dia_chi", "tra_loi"},
    "nhom_tham_du": {"ten", "moi", "co_mat"},
    "da_tra_loi": {"stt", "noi_dung", "nguoi_neu", "tra_loi"},
    "giao_giai_quyet": {"stt", "noi_dung", "nguoi_neu", "co_quan", "han"},
    "theo_nguon": {"ten", "so"}, "theo_linh_vuc": {"stt", "ten", "so"},
    "nhom_dai_bieu_ds": {"ten", "so", "dai_bieu"},
    "nhom_dai_bieu_ds.dai_bieu": {"stt", "ho_ten", "chuc_vu", "so_giay_moi"},
    "tuyen_giao": {"ten", "so", "dai_bieu"},
    "tuyen_giao.dai_bieu": {"stt", "so_giay_moi", "nguoi_nhan", "nguoi_giao"},
    "khao_sat": {"cau_hoi", "ket_qua"},
    "qua_han": {"stt", "ma", "noi_dung", "con_no", "han", "tre"},
    "ton_dong": {"stt", "ma", "ma_kh", "noi_dung", "co_quan", "giai_doan"},
}


@dataclass
class Context:
    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)      # field → (sheet, row, column)
    optional: set = field(default_factory=set)
    rows: dict = field(default_factory=dict)          # (sheet, row) → raw values, for fingerprints

    def put(self, name: str, value, source: Source | None = None, optional: bool = False):
        self.values[name] = value
        if source:
            self.sources[name] = source
        if optional:
            self.optional.add(name)

    def use_row(self, sheet: str, row: int, values: dict) -> None:
        self.rows[(sheet, row)] = values

    def missing(self, used: set[str]) -> list[str]:
        return sorted(n for n in used if n in self.values and n not in self.optional
                      and self.values[n] in (None, "", []))

    def fingerprint(self) -> str:
        """"<12 hex of everything>|Sheet!row:<6 hex>|…" — says which rows changed later."""
        def h(obj) -> str:
            text = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
            return hashlib.sha256(text.encode("utf-8")).hexdigest()
        parts = [f"{sheet}!{row}:{h(vals)[:6]}" for (sheet, row), vals in sorted(self.rows.items())]
        return "|".join([h(self.values)[:12]] + parts)


def changed_rows(old: str, new: str) -> list[str]:
    """The rows whose inputs differ between two fingerprints ("Ý kiến!5", …)."""
    def rows(fp):
        return dict(p.split(":", 1) for p in (fp or "").split("|")[1:] if ":" in p)
    a, b = rows(old), rows(new)
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


# --- helpers -------------------------------------------------------------------------------------

def issuer_lines(name: str) -> tuple[str, str]:
    """"ỦY BAN NHÂN DÂN PHƯỜNG TỨ MINH" → ("ỦY BAN NHÂN DÂN", "PHƯỜNG TỨ MINH")."""
    for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"):
        if name.upper().startswith(head) and len(name) > len(head):
            return name[:len(head)], name[len(head):].strip()
    return name, ""


def signature_lines(plan: Plan) -> list[str]:
    title = (plan.signer_title or "").upper()
    auth = plan.signing_authority or ("T/M" if plan.is_party else "TM.")
    if plan.is_party:
        if auth == "K/T":
            return ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", title]
        return ["T/M BAN THƯỜNG VỤ", title]
    if auth == "KT.":
        return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", title]
    if auth in ("Q.", "TL.", "TUQ."):
        return ["TM. ỦY BAN NHÂN DÂN", f"{auth} CHỦ TỊCH", title] if auth != "Q." else \
            ["TM. ỦY BAN NHÂN DÂN", f"Q. {title}"]
    return ["TM. ỦY BAN NHÂN DÂN", title]


def recipients(items: list[str], party: bool, kept: str = "VP") -> list[str]:
    """"- X;" for each, "- Lưu: VT, …." last (party: "- Lưu Văn phòng Đảng ủy.")."""
    out = [f"- {i.rstrip(';.')};" for i in items]
    if party:
        out.append("- Lưu Văn phòng Đảng ủy" + ("." if kept == "VP" else f", {kept.lower()}."))
    else:
        out.append(f"- Lưu: VT, {kept}.")
    return out


def bases_list(plan: Plan) -> list[str]:
    bases = [b.rstrip(" ;.") for b in plan.bases]
    return [b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases)]


def scope_text(plan: Plan) -> str:
    return ", ".join(plan.villages)


# --- the context of one document -----------------------------------------------------------------

class Builder:
    """Builds contexts for the documents of one plan (deadlines computed once)."""

    def __init__(self, reg: Registry, plan: Plan, report: deadlines.DeadlineReport,
                 today: dt.date):
        self.reg, self.plan, self.report, self.today = reg, plan, report, today
        self.s = reg.settings
        self.party = plan.is_party
        self.milestones = {m.code: m for m in report.milestones
                           if m.plan_id == plan.plan_id and not m.opinion_id}
        self.invitees = [i for i in reg.invitees if i.plan_id == plan.plan_id]
        self.opinions = [o for o in reg.opinions if o.plan_id == plan.plan_id]

    # sources ----------------------------------------------------------------------------------
    def _plan_src(self, key: str) -> Source:
        return (schema.PLANS.name, self.plan.row, schema.PLANS.column(key).header)

    def _setting_src(self, key: str) -> Source:
        return (schema.CONFIG.name, self.s.rows.get(key), schema.SETTINGS_BY_KEY[key].label)

    def _row(self, ctx: Context, sheet: schema.Sheet, obj) -> None:
        ctx.use_row(sheet.name, obj.row, {k: getattr(obj, k) for k in sheet.keys})

    def common(self, code: str, number: int | None, date: dt.date | None) -> Context:
        ctx = Context()
        p, s = self.plan, self.s
        self._row(ctx, schema.PLANS, p)
        ctx.use_row(schema.CONFIG.name, 0, {st.key: getattr(s, st.key) for st in schema.SETTINGS})
        one, two = issuer_lines(s.issuer_name or "")
        ctx.put("co_quan_chu_quan", s.parent_agency, self._setting_src("parent_agency"), True)
        ctx.put("co_quan_dong_1", one, self._setting_src("issuer_name"))
        ctx.put("co_quan_dong_2", two, self._setting_src("issuer_name"), True)
        ctx.put("dang_bo_cap_tren", s.party_superior, self._setting_src("party_superior"))
        ctx.put("ten_dang_uy", s.party_committee_name, self._setting_src("party_committee_name"))
        unit = s.unit_type or "xã"
        ctx.put("cap_don_vi", unit, self._setting_src("unit_type"))
        ctx.put("ten_co_quan_ngan", f"Ban Thường vụ Đảng ủy {unit}" if self.party
                else f"Ủy ban nhân dân {unit}")
        kind = KINDS_BY_CODE[code]
        if code == "KH" and date is None and p.number_symbol:
            date = p.issue_date          # the plan carries its own number and date
        ctx.put("dong_so", self.number_line(kind, number))
        ctx.put("dong_ngay", vnformat.date_line(s.place_name or "", date),
                self._setting_src("place_name"))
        ctx.put("chu_ky", signature_lines(p), self._plan_src("signer_title"))
        ctx.put("nguoi_ky", p.signer_name, self._plan_src("signer_name"))
        ctx.put("pham_vi", scope_text(p), self._plan_src("scope"))
        if p.meeting_date:
            ctx.put("thoi_gian", vnformat.meeting_time(p.start_time, p.end_time, p.meeting_date),
                    self._plan_src("meeting_date"))
            ctx.put("ngay_hoi_nghi", vnformat.short_date(p.meeting_date),
                    self._plan_src("meeting_date"))
        else:
            ctx.put("thoi_gian", None, self._plan_src("meeting_date"))
            ctx.put("ngay_hoi_nghi", None, self._plan_src("meeting_date"))
        ctx.put("gio_ket_thuc", p.end_time.strftime("%H giờ %M phút") if p.end_time else None,
                self._plan_src("end_time"))
        ctx.put("dia_diem", p.venue, self._plan_src("venue"))
        ctx.put("chu_tri", p.chair_title, self._plan_src("chair_title"))
        ctx.put("chu_tri_hoa", (p.chair_title or "")[:1].upper() + (p.chair_title or "")[1:],
                self._plan_src("chair_title"))
        ctx.put("nguoi_chu_tri", p.chair_name, self._plan_src("chair_name"), True)
        ctx.put("noi_dung", p.content, self._plan_src("content"))
        ctx.put("hinh_thuc", p.form, self._plan_src("form"))
        ctx.put("can_cu", bases_list(p), self._plan_src("legal_bases"))
        ctx.put("can_cu_ke_hoach", self.plan_reference())
        ctx.put("can_bo_dau_moi", s.contact_officer, self._setting_src("contact_officer"))
        ctx.put("dien_thoai_dau_moi", parsing.format_phone(s.contact_phone)
                if s.contact_phone else None, self._setting_src("contact_phone"), True)
        for code_, name in (("THU_PHIEU", "han_thu_phieu"), ("DU_THAO_TRA_LOI", "han_du_thao")):
            m = self.milestones.get(code_)
            ctx.put(name, vnformat.short_date(m.due) if m else None,
                    (schema.RULES.name, None, code_))
        ctx.put("trich_yeu", p.subject, self._plan_src("subject"))
        ctx.put("noi_nhan", [])
        return ctx

    def number_line(self, kind, number: int | None) -> str:
        p = self.plan
        if kind.code == "KH" and p.number_symbol:
            text = p.number_symbol.strip()
            return f"Số {text}" if self.party else f"Số: {text}"
        return vnformat.number_line(number, self.symbol(kind), self.party)

    def symbol(self, kind) -> str:
        if kind.abbr is None:   # công văn: issuer, then the drafting unit
            return "CV/ĐU" if self.party else f"UBND-{self.s.drafting_unit or 'VP'}"
        return f"{kind.abbr}/ĐU" if self.party else f"{kind.abbr}-UBND"

    def plan_reference(self) -> str:
        p = self.plan
        if p.number_symbol and p.issue_date:
            return (f"Kế hoạch số {p.number_symbol} ngày {vnformat.short_date(p.issue_date)} "
                    f"về {(p.subject or '')[:1].lower() + (p.subject or '')[1:]}")
        return f"Kế hoạch {(p.subject or '')[:1].lower() + (p.subject or '')[1:]}"

    # groups -----------------------------------------------------------------------------------
    def invited(self) -> list[Invitee]:
        order = {g: i for i, g in enumerate(self.reg.lookups.get("groups", []))}
        people = [i for i in self.invitees if i.invited != "Không" and i.full_name]
        return sorted(people, key=lambda i: (order.get(i.group, 99), i.seq or 0,
                                             vnformat.name_key(i.full_name)))

    def group_counts(self) -> list[dict]:
        counts = Counter(i.group for i in self.invited())
        order = self.reg.lookups.get("groups", [])
        return [{"ten": g, "so": counts[g]} for g in order if counts.get(g)]

    def raised(self) -> list[Opinion]:
        return [o for o in self.opinions if not o.duplicate_of and o.opinion_id]

    def reply_due(self, o: Opinion) -> str:
        due = self.report.reply_due.get(o.opinion_id) or o.reply_due
        if due:
            return vnformat.short_date(due)
        m = self.milestones.get("DU_THAO_TRA_LOI")
        return f"dự thảo trước {vnformat.short_date(m.due)}" if m else ""

    def addressee(self, inv: Invitee) -> str:
        """"Ông Nguyễn Văn An - Tổ trưởng TDP Cẩm Khê A": title and body, nothing repeated."""
        who = vnformat.honorific(inv.honorific, inv.full_name or "")
        return addressee_line(who, inv.position, inv.organization)

    def meeting_subject(self) -> str:
        """The trích yếu of an invitation: which conference the delegate is invited to."""
        return (f"Dự hội nghị đối thoại giữa {self.plan.chair_title or ''} với Nhân dân "
                f"{scope_text(self.plan)}").replace("  ", " ")

    # kinds ------------------------------------------------------------------------------------
    def kh(self, ctx: Context) -> None:
        p = self.plan
        ctx.put("so_dai_bieu", p.expected_delegates, self._plan_src("expected_delegates"))
        ctx.put("nhom_dai_bieu", self.group_counts())
        rows = sorted((m for m in self.milestones.values() if m.code != "KET_LUAN_GIA_HAN"),
                      key=lambda m: (m.due, m.code))
        ctx.put("tien_do", [{"stt": i, "cong_viec": m.task, "don_vi": m.unit,
                             "han": vnformat.short_date(m.due)} for i, m in enumerate(rows, 1)])
        units: dict[str, list[str]] = {}
        for m in rows:
            units.setdefault(m.unit or "Văn phòng", []).append(
                f"{m.task[:1].lower() + m.task[1:]} (hạn {vnformat.short_date(m.due)})")
        ctx.put("phan_cong", [{"stt": i, "don_vi": u, "viec": "; ".join(t) + "."}
                              for i, (u, t) in enumerate(units.items(), 1)])
        self.put_carry_over(ctx)
        ctx.put("noi_nhan", recipients(
            ["Cấp ủy, chính quyền cấp trên (b/c)", "Thường trực Đảng ủy", "Thường trực HĐND",
             "Lãnh đạo UBND", "Ủy ban MTTQ và các đoàn thể", "Các cơ quan, đơn vị liên quan",
             "Trưởng thôn, tổ trưởng tổ dân phố"], self.party))

    def tb(self, ctx: Context) -> None:
        ctx.put("trich_yeu", f"Tổ chức hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        ctx.put("noi_nhan", recipients(["Thường trực Đảng ủy, HĐND", "Lãnh đạo UBND",
                                        "Ủy ban MTTQ và các đoàn thể", "Đài truyền thanh",
                                        "Trưởng thôn, tổ trưởng tổ dân phố"], self.party))

    def gm(self, ctx: Context, inv: Invitee) -> None:
        self._row(ctx, schema.INVITEES, inv)
        src = (schema.INVITEES.name, inv.row, "Họ và tên")
        ctx.put("kinh_gui", self.addressee(inv), src)
        ctx.put("trich_yeu", self.meeting_subject())
        ctx.put("danh_xung_goi", {"Đồng chí": "đồng chí", "Ông": "Ông", "Bà": "Bà"}.get(
            inv.honorific or "", "Quý vị"))
        ctx.put("noi_nhan", recipients(["Như trên"], self.party))

    def pdk(self, ctx: Context, village: str) -> None:
        ctx.put("thon", village, self._plan_src("scope"))
        from doithoai.sharing.codes import village_codes
        ctx.put("ma_phieu", f"{self.plan.plan_id}/{village_codes(self.plan.villages)[village]}")
        ctx.put("linh_vuc", list(self.reg.lookups.get("fields", [])))

    def bcth(self, ctx: Context) -> None:
        raised = self.raised()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        order = self.reg.lookups.get("fields", [])
        groups = []
        for f in order + sorted({o.field for o in raised if o.field not in order and o.field}):
            items = [o for o in raised if o.field == f]
            if items:
                groups.append({"stt": len(groups) + 1, "ten": f, "so": len(items), "y_kien": [
                    {"stt": i, "noi_dung": o.content, "nguoi_neu": o.raised_by,
                     "dia_chi": o.address or "", "co_quan": o.agency or "",
                     "han": self.reply_due(o)} for i, o in enumerate(items, 1)]})
        ctx.put("nhom_linh_vuc", groups)
        ctx.put("so_y_kien", len(raised))
        ctx.put("so_trung", len(self.opinions) - len(raised))
        ctx.put("so_cap_tren", sum(1 for o in raised if o.competence == "Cấp trên"))
        ctx.put("trich_yeu", "Tổng hợp ý kiến, kiến nghị của Nhân dân gửi hội nghị đối thoại")
        ctx.put("noi_nhan", recipients(["Thường trực Đảng ủy", "Lãnh đạo UBND",
                                        "Ủy ban MTTQ Việt Nam " + (self.s.unit_type or "xã"),
                                        "Các cơ quan, đơn vị được phân công"], self.party))

    def cvpc(self, ctx: Context, agency: str) -> None:
        items = [o for o in self.raised() if o.agency == agency]
        for o in items:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("co_quan_tra_loi", agency)
        ctx.put("y_kien", [{"stt": i, "ma": o.opinion_id, "noi_dung": o.content,
                            "nguoi_neu": o.raised_by, "dia_chi": o.address or "", "tra_loi": ""}
                           for i, o in enumerate(items, 1)])
        ctx.put("so_y_kien", len(items))
        ctx.put("vv", "V/v phân công tham mưu trả lời ý kiến, kiến nghị của Nhân dân")
        ctx.put("noi_nhan", recipients(["Như trên", "Lãnh đạo UBND"], self.party))

    def attendance(self, ctx: Context) -> None:
        people = self.invited()
        for i in people:
            self._row(ctx, schema.INVITEES, i)
        present = [i for i in people if i.attendance in ("Có", "Ủy quyền")]
        ctx.put("so_moi", len(people))
        ctx.put("so_co_mat", len(present))
        ctx.put("so_vang", sum(1 for i in people if i.attendance == "Vắng"))
        ctx.put("so_uy_quyen", sum(1 for i in people if i.attendance == "Ủy quyền"))
        order = self.reg.lookups.get("groups", [])
        ctx.put("nhom_tham_du", [{"ten": g, "moi": sum(1 for i in people if i.group == g),
                                  "co_mat": sum(1 for i in present if i.group == g)}
                                 for g in order if any(i.group == g for i in people)])

    def answer_text(self, o: Opinion) -> str:
        if o.answered_at_meeting == "Có" and o.answer:
            return o.answer
        if o.competence == "Cấp trên":
            return "Tiếp thu, chuyển cơ quan có thẩm quyền xem xét, giải quyết."
        return f"Tiếp thu; giao {o.agency or 'cơ quan chuyên môn'} trả lời bằng văn bản."

    def bb(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.raised()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("thu_ky", self.s.contact_officer, self._setting_src("contact_officer"))
        ctx.put("y_kien", [{"stt": i, "ma": o.opinion_id, "noi_dung": o.content,
                            "nguoi_neu": o.raised_by, "dia_chi": o.address or "",
                            "tra_loi": self.answer_text(o)} for i, o in enumerate(raised, 1)])
        ctx.put("so_y_kien", len(raised))
        at = [o for o in raised if o.answered_at_meeting == "Có"]
        up = [o for o in raised if o.competence == "Cấp trên" and o not in at]
        ctx.put("so_tra_loi_tai_hoi_nghi", len(at))
        ctx.put("so_cap_tren", len(up))
        ctx.put("so_giao_giai_quyet", len(raised) - len(at) - len(up))
        ctx.put("nguoi_ky", self.plan.chair_name, self._plan_src("chair_name"))
        ctx.put("trich_yeu", f"Hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        ctx.put("noi_nhan", recipients(
            ["Thường trực Đảng ủy", "Thường trực HĐND", "Lãnh đạo UBND",
             f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}"], self.party, kept="Hồ sơ"))

    def tbkl(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.raised()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        at = [o for o in raised if o.answered_at_meeting == "Có"]
        pending = [o for o in raised if o not in at]
        ctx.put("so_y_kien", len(raised))
        ctx.put("da_tra_loi", [{"stt": i, "noi_dung": o.content, "nguoi_neu": o.raised_by,
                                "tra_loi": o.answer or ""} for i, o in enumerate(at, 1)])
        ctx.put("giao_giai_quyet", [{"stt": i, "noi_dung": o.content, "nguoi_neu": o.raised_by,
                                     "co_quan": o.agency or "", "han": self.reply_due(o) or
                                     "15 ngày làm việc"} for i, o in enumerate(pending, 1)])
        rule = next((r for r in self.reg.rules if r.code == deadlines.REPLY_CODE), None)
        ctx.put("so_ngay_tra_loi", rule.days if rule and rule.days else 15)
        ctx.put("trich_yeu", f"Kết luận của {self.plan.chair_title} tại hội nghị đối thoại với "
                             f"Nhân dân {scope_text(self.plan)}")
        agencies = sorted({o.agency for o in pending if o.agency})
        ctx.put("noi_nhan", recipients(agencies + [
            "Các cá nhân có ý kiến, kiến nghị", f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}",
            "Văn phòng Đảng ủy", "Thường trực HĐND"], self.party))

    def cvtl(self, ctx: Context, o: Opinion) -> None:
        self._row(ctx, schema.OPINIONS, o)
        def src(key: str) -> Source:
            return (schema.OPINIONS.name, o.row, schema.OPINIONS.column(key).header)
        ctx.put("kinh_gui", o.raised_by, src("raised_by"))
        ctx.put("dia_chi", o.address, src("address"))
        ctx.put("nguon", (o.source or "").lower(), src("source"))
        ctx.put("ngay_nhan", vnformat.short_date(o.received_date) if o.received_date else None,
                src("received_date"))
        ctx.put("noi_dung", o.content, src("content"))
        ctx.put("tra_loi", o.answer, src("answer"))
        ctx.put("vv", f"V/v trả lời ý kiến, kiến nghị của {o.raised_by}")
        ctx.put("noi_nhan", recipients(["Như trên"] + ([o.agency] if o.agency else []),
                                       self.party))

    def bckq(self, ctx: Context) -> None:
        self.attendance(ctx)
        raised = self.raised()
        for o in self.opinions:
            self._row(ctx, schema.OPINIONS, o)
        ctx.put("so_y_kien", len(raised))
        ctx.put("theo_nguon", [{"ten": k, "so": v} for k, v in
                               Counter(o.source for o in raised).most_common()])
        ctx.put("theo_linh_vuc", [{"stt": i, "ten": k, "so": v} for i, (k, v) in enumerate(
            Counter(o.field for o in raised).most_common(), 1)])
        ctx.put("so_tra_loi_tai_hoi_nghi", sum(1 for o in raised if o.answered_at_meeting == "Có"))
        ctx.put("so_da_tra_loi_van_ban", sum(1 for o in raised
                                             if o.status == "Đã trả lời bằng văn bản"))
        ctx.put("so_dang_giai_quyet", sum(1 for o in raised if o.status in
                                          ("Mới", "Đã phân công", "Đang giải quyết")))
        ctx.put("so_qua_han", sum(1 for m in self.report.milestones
                                  if m.plan_id == self.plan.plan_id and m.opinion_id
                                  and m.status == deadlines.OVERDUE))
        ctx.put("so_cap_tren", sum(1 for o in raised if o.competence == "Cấp trên"))
        ctx.put("trich_yeu", f"Kết quả tổ chức hội nghị đối thoại với Nhân dân "
                             f"{scope_text(self.plan)}")
        self.survey(ctx)
        self.put_carry_over(ctx)
        ctx.put("noi_nhan", recipients(["Cấp ủy, chính quyền cấp trên (b/c)",
                                        "Thường trực Đảng ủy, HĐND", "Lãnh đạo UBND",
                                        f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'}"],
                                       self.party))

    def pks(self, ctx: Context) -> None:
        pass

    # what the clerk prints for the day ----------------------------------------------------------
    def invitation_numbers(self) -> dict[int, str]:
        """Đại biểu row → the number of its invitation: Số giấy mời as typed, else its place in
        the merged print file (GM_003_… is the third)."""
        return {inv.row: inv.invitation_number or f"{n:03d}"
                for n, inv in enumerate(self.invited(), 1)}

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
                "stt": n, "ho_ten": vnformat.honorific(inv.honorific, inv.full_name or ""),
                "chuc_vu": compose(inv.position, inv.organization),
                "so_giay_moi": numbers[inv.row]})
        ctx.put("nhom_dai_bieu_ds", groups)
        ctx.put("trich_yeu", f"Dự hội nghị đối thoại với Nhân dân {scope_text(self.plan)}")
        ctx.put("so_moi", len(people))

    def delivery_route(self, inv: Invitee) -> str:
        """Who carries an invitation: the village board for residents and village officials
        (by their Địa chỉ), the office itself for everyone else."""
        if inv.address and inv.group in ("Cán bộ thôn, tổ dân phố", "Đại diện Nhân dân"):
            return f"Ban điều hành {inv.address}"
        return "Văn phòng HĐND và UBND"

    def sgn(self, ctx: Context) -> None:
        people = self.invited()
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
        issued = next((e for e in self.reg.register if e.plan_id == self.plan.plan_id
                       and e.kind == "GM" and e.status == "Đã ban hành" and e.number_symbol),
                      None)
        ctx.put("dong_giay_moi", f"Giấy mời số {issued.number_symbol} ngày "
                                 f"{vnformat.short_date(issued.date)}" if issued and issued.date
                else "Giấy mời chưa ban hành: số giấy mời là thứ tự trong tệp in GM_tat-ca")
        m = self.milestones.get("GIAY_MOI")
        ctx.put("han_giay_moi", vnformat.short_date(m.due) if m else None,
                (schema.RULES.name, None, "GIAY_MOI"))

    def tttt(self, ctx: Context) -> None:
        p, s = self.plan, self.s
        unit = s.unit_name or ""
        body = (f"Ban Thường vụ Đảng ủy {unit[:1].lower() + unit[1:]}" if self.party
                else f"Ủy ban nhân dân {unit[:1].lower() + unit[1:]}")
        ctx.put("co_quan_doc", body, self._setting_src("unit_name"))
        if p.meeting_date:
            when = spoken.date(p.meeting_date)
            if p.start_time:
                when = f"{spoken.time(p.start_time)}, {when}"
            ctx.put("thoi_gian_doc", when, self._plan_src("meeting_date"))
        else:
            ctx.put("thoi_gian_doc", None, self._plan_src("meeting_date"))
        ctx.put("dia_diem_doc", spoken.expand(p.venue), self._plan_src("venue"))
        ctx.put("pham_vi_doc", spoken.expand(scope_text(p)), self._plan_src("scope"))
        ctx.put("chu_tri_doc", spoken.expand(p.chair_title), self._plan_src("chair_title"))
        ctx.put("noi_dung_doc", spoken.expand(p.content), self._plan_src("content"))
        ctx.put("can_bo_dau_moi_doc", f"đồng chí {s.contact_officer}" if s.contact_officer
                else None, self._setting_src("contact_officer"))
        m = self.milestones.get("THU_PHIEU")
        ctx.put("han_thu_phieu_doc", spoken.date(m.due) if m else None,
                (schema.RULES.name, None, "THU_PHIEU"))

    # follow-up ---------------------------------------------------------------------------------
    def chains(self) -> list:
        if not hasattr(self, "_chains"):
            from doithoai.monitoring import chain
            self._chains = chain.build(self.reg, self.today, self.report)
        return self._chains

    def overdue_agencies(self) -> list[str]:
        return sorted({c.agency for c in self.chains() if c.plan_id == self.plan.plan_id
                       and c.counted and c.overdue and c.agency}, key=vnformat.collate)

    def cvdd(self, ctx: Context, agency: str) -> None:
        items = [c for c in self.chains() if c.plan_id == self.plan.plan_id and c.counted
                 and c.overdue and c.agency == agency]
        items.sort(key=lambda c: (-c.late_days, c.opinion_id))
        by_id = {o.opinion_id: o for o in self.opinions}
        for c in items:
            self._row(ctx, schema.OPINIONS, by_id[c.opinion_id])
        ctx.put("co_quan_tra_loi", agency)
        ctx.put("qua_han", [{"stt": i, "ma": c.opinion_id, "noi_dung": c.content,
                             "con_no": f"chưa {c.owes}",
                             "han": vnformat.short_date(min(d for d in (c.reply_due,
                                                                       c.resolve_due) if d)),
                             "tre": f"{c.late_days} ngày"} for i, c in enumerate(items, 1)])
        ctx.put("so_y_kien", len(items))
        ctx.put("ngay_xet", vnformat.short_date(self.today))
        cal = deadlines.calendar_for(self.reg)
        ctx.put("han_bao_cao", vnformat.short_date(cal.add_working_days(self.today, 5).date))
        ctx.put("vv", "V/v đôn đốc trả lời, giải quyết ý kiến, kiến nghị của Nhân dân")
        ctx.put("noi_nhan", recipients(["Như trên", "Thường trực Đảng ủy (để b/c)",
                                        f"Ủy ban MTTQ Việt Nam {self.s.unit_type or 'xã'} (để "
                                        "giám sát)"], self.party))

    def carry_over(self) -> list:
        """Opinions of earlier conferences not yet resolved (seed 000: the next conference
        reports on what the previous one promised). Repeats are left to their original."""
        from doithoai.monitoring import carryover
        return carryover.unresolved_before(self.reg, self.plan)

    def put_carry_over(self, ctx: Context) -> None:
        rows = self.carry_over()
        for o in rows:
            self._row(ctx, schema.OPINIONS, o)
        from doithoai.monitoring.chain import stage_of
        ctx.put("ton_dong", [{"stt": i, "ma": o.opinion_id, "ma_kh": o.plan_id,
                              "noi_dung": o.content, "co_quan": o.agency or "",
                              "giai_doan": stage_of(o)} for i, o in enumerate(rows, 1)],
                optional=True)
        ctx.put("so_ton_dong", len(rows))

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
            parts = [f"{o} {c} phiếu ({round(100 * c / n)}%)" for o, c in counts.items()]
            out.append({"cau_hoi": question, "ket_qua": "; ".join(parts)})
        ctx.put("khao_sat", out, optional=True)
        ctx.put("so_phieu", total)
