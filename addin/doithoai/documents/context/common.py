"""What every document of a plan shares: header, number, date, place, signature, the plan's facts."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection

from doithoai.documents.context.fields import Context, Source
from doithoai.documents.context.dates import IssueDates
from doithoai.documents.context.hierarchy import Hierarchy
from doithoai.documents.context.repeats import Repeats
from doithoai.documents.context.replies import ReplyDeadlines
from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.monitoring import chain
from doithoai.registry import parsing, personal, schema, spelling
from doithoai.registry.issued import issued_plans
from doithoai.registry.model import Invitee, Opinion, Plan, Registry
from doithoai.rules import agencies, deadlines
from doithoai.text import honorifics, privacy, unit_words, vnformat, vntext
from doithoai.text.addressee import addressee_line


def issuer_lines(name: str) -> tuple[str, str]:
    """"ỦY BAN NHÂN DÂN PHƯỜNG TỨ MINH" → ("ỦY BAN NHÂN DÂN", "PHƯỜNG TỨ MINH")."""
    for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"):
        if name.upper().startswith(head) and len(name) > len(head):
            return name[:len(head)], name[len(head):].strip()
    return name, ""


_NAMED_AFTER = re.compile(r"(?<!\w)(XÃ|PHƯỜNG|ĐẶC KHU|TỈNH|THÀNH PHỐ) (\w.*)$",
                          re.IGNORECASE)          # typed in capitals or not


def header_name(line: str | None) -> str | None:
    """A header line with its proper name kept on one line: "ĐẢNG ỦY PHƯỜNG LẠC THỊNH" may
    break after "PHƯỜNG" in a narrow column, never inside "LẠC THỊNH" (non-breaking spaces)."""
    m = _NAMED_AFTER.search(line or "")
    if not m:
        return line
    return line[:m.start(2)] + m.group(2).replace(" ", vnformat.NBSP)


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


def recipients(items: list[str], party: bool, kept: str = "VP",
               to: str | None = None) -> list[str]:
    """"- X;" for each, "- Lưu: VT, …." last (party: "- Lưu Văn phòng Đảng ủy."); each body
    once, whatever it is sent for ("Ủy ban MTTQ … (để giám sát)" is the Front among the
    agencies too), and not the addressee ``to`` (it is "Như trên"); a party document does not
    send to the office its last line files it in."""
    seen = {_recipient_key(to)} if to else set()
    if party:
        seen.add(_recipient_key(agencies.PARTY_OFFICE))
    out = []
    for item in items:
        key = _recipient_key(item)
        if key not in seen:
            seen.add(key)
            out.append(f"- {item.rstrip(';.')};")
    if party:
        out.append(f"- Lưu {agencies.PARTY_OFFICE}" + ("." if kept == "VP" else
                                                      f", {kept.lower()}."))
    else:
        out.append(f"- Lưu: VT, {kept}.")
    return out


def recipient_bodies(lines) -> list[str]:
    """The bodies :func:`recipients`' lines ("- X;") send copies to: not "Như trên" (the
    addressee), not the last line, which files the document ("- Lưu: VT, VP.")."""
    out = []
    for line in lines or ():
        body = str(line).strip().lstrip("-").strip().rstrip(";.").strip()
        if body and body != "Như trên" and not body.startswith("Lưu"):
            out.append(body)
    return out


def _recipient_key(item: str) -> str:
    """A body of Nơi nhận as one: without what it is sent for, in any case or spacing."""
    return vntext.identity_key(re.sub(r"\s*\([^()]*\)\s*$", "", item.rstrip(" ;.")))


_BASIS_WORDS = ("can cu", "xet", "theo", "thuc hien", "thi hanh")   # a basis's own first words


def bases_list(plan: Plan) -> list[str]:
    """The plan's legal bases as a document lists them: each one "Căn cứ …" (the word added
    when the clerk typed only the text's name), ";" after each, "." after the last."""
    bases = [b.rstrip(" ;.") for b in plan.bases]
    bases = [b if vntext.plain_key(b).startswith(_BASIS_WORDS) else f"Căn cứ {b}"
             for b in bases]
    return [b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases)]


def scope_text(plan: Plan) -> str:
    return ", ".join(plan.villages)


def signed_name(name: str | None) -> str | None:
    """An official's name where the document says the title itself (a signature, "đồng chí
    …", "Thư ký: …"): without a form of address typed before it (text.honorifics)."""
    return honorifics.bare(name) if name else None


OTHER_GROUP = "Khác"
UNNAMED = "Ẩn danh"         # a citizen who gave no name, as documents print them


def group_name(inv: Invitee) -> str:
    return (inv.group or "").strip() or OTHER_GROUP


def group_order(people: list[Invitee], reg: Registry) -> list[str]:
    """The groups of ``people``: the registry's list order, then any other group typed, then
    "Khác" for those with none, so that the groups' figures add up to everyone."""
    order = [g for g in reg.lookups.get("groups", []) if g]
    typed = {group_name(i) for i in people}
    listed = [g for g in order if g in typed]
    others = sorted(typed - set(listed) - {OTHER_GROUP}, key=vnformat.collate)
    return listed + others + ([OTHER_GROUP] if OTHER_GROUP in typed else [])


class BaseBuilder(Hierarchy, IssueDates, Repeats, ReplyDeadlines):
    """The contexts of one plan's documents: what they share (deadlines computed once)."""

    def __init__(self, reg: Registry, plan: Plan, report: deadlines.DeadlineReport,
                 today: dt.date):
        self.reg, self.plan, self.report, self.today = reg, plan, report, today
        self.s = reg.settings
        self.party = plan.is_party
        self.milestones = {m.code: m for m in report.milestones
                           if m.plan_id == plan.plan_id and not m.opinion_id}
        self.invitees = [i for i in reg.invitees if i.plan_id == plan.plan_id]
        self.opinions = [o for o in reg.opinions if o.plan_id == plan.plan_id]
        self.issue_date: dt.date | None = None      # set by common() for each document
        # The conclusion notice's day when it is issued in this run (the generator sets it):
        # what is issued after it in the run counts its deadlines from it.
        self.concluded_now: dt.date | None = None
        # Each kind issued in this run: (Số ký hiệu, date), for what the run makes after it to
        # cite (the register read from the workbook does not have it yet).
        self.issued_now: dict[str, tuple[str | None, dt.date | None]] = {}
        self.code = ""                   # the kind of the document being filled
        self.unmarked: set[str] = set()  # issued kinds that printed a provisional date plain

    def _plan_src(self, key: str) -> Source:
        return (schema.PLANS.name, self.plan.row, schema.PLANS.column(key).header)

    def _setting_src(self, key: str) -> Source:
        return (schema.CONFIG.name, self.s.rows.get(key), schema.SETTINGS_BY_KEY[key].label)

    def _row(self, ctx: Context, sheet: schema.Sheet, obj) -> None:
        ctx.use_row(sheet.name, obj.row, {k: getattr(obj, k) for k in sheet.keys})

    def put_addressed(self, ctx: Context, agency: str) -> None:
        """What the "Kính gửi" line writes after an agency's name: the unit's own name when the
        name ends with the unit's kind word ("Công an phường" → "… phường Hòa Bình")."""
        full = unit_words.addressed(agency, self.s.unit_type, self.s.unit_name)
        ctx.put("ten_don_vi_kem", full[len(agency):] if full.startswith(agency) else "",
                self._setting_src("unit_name"), optional=True)

    def common(self, code: str, number: int | None, date: dt.date | None,
               prints: Collection[str] | None = None) -> Context:
        """The fields every document has; ``prints``: the fields its template prints (None:
        all), so that a deadline it does not print is not noted as one it states."""
        ctx = Context(places=tuple(self.plan.villages))
        p, s = self.plan, self.s
        self.code = code
        self._row(ctx, schema.PLANS, p)
        ctx.use_row(schema.CONFIG.name, 0, {st.key: getattr(s, st.key) for st in schema.SETTINGS})
        one, two = issuer_lines(s.issuer_name or "")
        # The header names the bodies in capitals (Decree 30/2020, Appendix I), however typed:
        # printed so, the values (and issued documents' fingerprints) as typed.
        for name, value, key, optional in (
                ("co_quan_chu_quan", s.parent_agency, "parent_agency", True),
                ("co_quan_dong_1", one, "issuer_name", False),
                ("co_quan_dong_2", header_name(two), "issuer_name", True),
                ("dang_bo_cap_tren", header_name(s.party_superior), "party_superior", False),
                ("ten_dang_uy", header_name(s.party_committee_name), "party_committee_name",
                 False)):
            ctx.put(name, value, self._setting_src(key), optional,
                    wording=value.upper() if value and value != value.upper() else None)
        unit = s.unit_type or "xã"
        ctx.put("cap_don_vi", unit, self._setting_src("unit_type"))
        ctx.put("ten_co_quan_ngan", f"Ban Thường vụ Đảng ủy {unit}" if self.party
                else f"Ủy ban nhân dân {unit}")
        # The unit's own words: a phường has tổ dân phố, a xã has thôn (issue 18 §4).
        ctx.put("cap_thon", self.village_word(), wording=self.printed_village_word())
        ctx.put("truong_thon", self.village_heads(), wording=self.printed_village_heads())
        ctx.put("van_phong", self.office)
        kind = KINDS_BY_CODE[code]
        if code == "KH" and date is None and p.number_symbol:
            date = p.issue_date          # the plan carries its own number and date
        ctx.put("dong_so", self.number_line(kind, number))
        self.issue_date = date       # of the document being filled; None: a draft
        ctx.put("dong_ngay", vnformat.date_line(s.place_name or "", date,
                                                self.issue_year(code)),
                self._setting_src("place_name"))
        ctx.put("chu_ky", signature_lines(p), self._plan_src("signer_title"))
        ctx.put("nguoi_ky", p.signer_name, self._plan_src("signer_name"),
                wording=signed_name(p.signer_name))
        ctx.put("pham_vi", scope_text(p), self._plan_src("scope"))
        if p.meeting_date:
            ctx.put("thoi_gian", vnformat.meeting_time(p.start_time, p.end_time, p.meeting_date),
                    self._plan_src("meeting_date"))
            ctx.put("thoi_gian_cau", vnformat.meeting_time_in_sentence(
                p.start_time, p.end_time, p.meeting_date), self._plan_src("meeting_date"))
            ctx.put("ngay_hoi_nghi", vnformat.short_date(p.meeting_date),
                    self._plan_src("meeting_date"))
        else:
            ctx.put("thoi_gian", None, self._plan_src("meeting_date"))
            ctx.put("thoi_gian_cau", None, self._plan_src("meeting_date"))
            ctx.put("ngay_hoi_nghi", None, self._plan_src("meeting_date"))
        ctx.put("gio_ket_thuc", p.end_time.strftime("%H giờ %M phút") if p.end_time else None,
                self._plan_src("end_time"))
        ctx.put("dia_diem", p.venue, self._plan_src("venue"))
        ctx.put("chu_tri", p.chair_title, self._plan_src("chair_title"))
        ctx.put("chu_tri_hoa", (p.chair_title or "")[:1].upper() + (p.chair_title or "")[1:],
                self._plan_src("chair_title"))
        ctx.put("nguoi_chu_tri", p.chair_name, self._plan_src("chair_name"), True,
                wording=signed_name(p.chair_name))      # after "đồng chí" in the template
        ctx.put("noi_dung", p.content, self._plan_src("content"))
        ctx.put("hinh_thuc", p.form, self._plan_src("form"))
        ctx.put("can_cu", bases_list(p), self._plan_src("legal_bases"))
        ctx.put("can_cu_ke_hoach", self.plan_reference(),
                wording=self.plan_reference(printed=True))
        ctx.put("can_bo_dau_moi", s.contact_officer, self._setting_src("contact_officer"),
                wording=vnformat.comrade(s.contact_officer))
        self.put_reworded(ctx, "dien_thoai_dau_moi", lambda issued: parsing.format_phone(
            s.contact_phone, issued) if s.contact_phone else None,
            self._setting_src("contact_phone"), True)
        for code_, name in (("THU_PHIEU", "han_thu_phieu"), ("DU_THAO_TRA_LOI", "han_du_thao")):
            m = self.milestones.get(code_)
            gone = code_ == "THU_PHIEU" and m is not None and \
                not self.asks_forms_by_deadline(code, date)       # a day gone by: not printed
            printed = not gone and (prints is None or name in prints)
            ctx.put(name, self.due_text(m, printed=printed) if m else None,
                    (schema.RULES.name, None, code_), wording="" if gone else None)
        # KH's title says KẾ HOẠCH already: a Trích yếu typed "Kế hoạch tổ chức …" prints
        # "Tổ chức …" under it
        ctx.put("trich_yeu", p.subject, self._plan_src("subject"), wording=vnformat.
                without_kind_word(p.subject, "Kế hoạch") if code == "KH" and p.subject else None)
        ctx.put("noi_nhan", [])
        return ctx

    def finish(self, ctx: Context) -> None:
        """Last touches to a filled context: titles keep proper names and years whole."""
        for key in ("trich_yeu", "vv", "kinh_gui", "pham_vi", "thon"):
            for held in (ctx.values, ctx.wording):
                if isinstance(held.get(key), str):
                    held[key] = vnformat.keep_together(held[key], self.plan.villages)

    def number_line(self, kind, number: int | None) -> str:
        p = self.plan
        if kind.code == "KH" and p.number_symbol:
            text = p.number_symbol.strip()
            return f"Số {text}" if self.party else f"Số: {text}"
        return vnformat.number_line(number, self.symbol(kind), self.party)

    def symbol(self, kind) -> str:
        if self.party and kind.party_abbr:
            return f"{kind.party_abbr}/ĐU"
        if kind.abbr is None:   # công văn: issuer, then the drafting unit
            return "CV/ĐU" if self.party else f"UBND-{self.s.drafting_unit or 'VP'}"
        return f"{kind.abbr}/ĐU" if self.party else f"{kind.abbr}-UBND"

    def plan_reference(self, printed: bool = False) -> str:
        """"Kế hoạch số 01/KH-UBND ngày … về tổ chức …", or without its number before it is
        issued; ``printed``: a Trích yếu typed "Kế hoạch tổ chức …" does not say "Kế hoạch"
        twice (the value keeps 0.4's words: see Context.wording)."""
        p = self.plan
        about = p.subject or ""
        if printed:
            about = vnformat.without_kind_word(about, "Kế hoạch")
        about = about[:1].lower() + about[1:]
        number, date = self.plan_as_issued()
        if number and date:
            return f"Kế hoạch số {number} ngày {vnformat.short_date(date)} về {about}"
        return f"Kế hoạch {about}"

    def plan_as_issued(self) -> tuple[str | None, dt.date | None]:
        """(Số ký hiệu, date) of the plan as cited: its KH as issued, by this run or as Sổ văn
        bản records it (the date the KH itself prints), else as Kế hoạch's cells say."""
        p = self.plan
        if "KH" in self.issued_now:
            number, date = self.issued_now["KH"]
            return p.number_symbol or number, date
        if "_issued_kh" not in self.__dict__:         # read once per plan, not per document
            self._issued_kh = issued_plans(self.reg).get(p.plan_id)
        entry = self._issued_kh
        if entry is not None and entry.date:
            return p.number_symbol or entry.number_symbol, entry.date
        return p.number_symbol, p.issue_date

    def invited(self) -> list[Invitee]:
        order = {g: i for i, g in enumerate(self.reg.lookups.get("groups", []))}
        people = [i for i in self.invitees if i.invited != schema.NO and i.full_name]
        return sorted(people, key=lambda i: (order.get(i.group, 99), i.seq or 0,
                                             vnformat.name_key(personal.bare_name(i.full_name))))

    def hosts(self) -> list[str]:
        """Who hosts the conference and signs its invitations (the chair, the signer)."""
        return [n for n in (self.plan.chair_name, self.plan.signer_name) if n]

    def invitations(self) -> list[Invitee]:
        """Who is sent an invitation: the invited less the hosts (nobody invites themselves;
        "Nguyễn Văn Hưng" is invited when "Nguyễn Văn Hùng" chairs); the hosts stay on the
        signing list and in the attendance."""
        hosts = self.hosts()
        return [i for i in self.invited()
                if not any(personal.same_person(i.full_name, h) for h in hosts)]

    def chains(self) -> list:
        """Each opinion's chain (monitoring.chain), built once per plan's documents."""
        if not hasattr(self, "_chains"):
            self._chains = chain.build(self.reg, self.today, self.report)
        return self._chains

    def put_groups(self, ctx: Context, name: str, groups: list[dict]) -> None:
        """A list of the delegates' groups, each group's name printed in the plan's village
        words ("Cán bộ thôn, tổ dân phố" of the shipped list is "Cán bộ ấp" in a commune of
        ấp); the values, and so the fingerprints, stay as typed."""
        ctx.put(name, groups, wording=[{**g, "ten": self.printed_words(g["ten"])}
                                       for g in groups])

    def group_counts(self) -> list[dict]:
        people = self.invited()
        counts = Counter(group_name(i) for i in people)
        return [{"ten": g, "so": counts[g]} for g in group_order(people, self.reg)]

    # The letter that assigns what a citizen wrote to the one agency that must act on it: it
    # needs the house, the plate or boat, the name, a way to reach the person; not their papers' or
    # accounts' numbers (the letter is copied to the party office and the Front). Every other
    # document, posted, read aloud, sent upward, filed, copied to other citizens (a reply goes
    # to those whose opinion joined it) or chasing the agency (CVDD names the opinion by its
    # code), shows the words with what identifies a person masked.
    UNMASKED = ("CVPC",)
    TO_ACT_ON = frozenset({"phone", "email", "plate", "boat", "house", "name"})

    def said(self, o, reader: str | None = None) -> str:
        """A citizen's words as this document prints them (text.privacy masks phone, identity
        and account numbers, e-mails, plates, boats, house numbers and private persons' names; in
        UNMASKED, only identity, tax and account numbers): the one place that decides what a
        document shows of what a person wrote. ``reader``: the citizen a letter is addressed
        to, who wrote these words: their own name stays ("Đơn của bà Đoàn Thị Lụa", in the
        letter to her; anyone else's is masked)."""
        keep = self.TO_ACT_ON if self.code in self.UNMASKED else frozenset()
        own = personal.bare_name(reader) if reader and personal.named(reader) else ""
        spared = (lambda words: personal.same_bare(own, personal.bare_name(words))) if own \
            else None
        return privacy.mask(o.content or "", keep, spared) or ""

    def where(self, address: str | None, as_issued: bool = False) -> str:
        """A citizen's address as this document prints it: never a phone, identity, tax or
        account number, e-mail or plate typed into it (each taken out with its word: "ấp 4,
        CCCD 0751…" prints "ấp 4"); the house number only in the letter to the agency that
        acts on the opinion (CVPC). A letter to the person is copied too (TBCD to the village
        head who hands it over and to the Front, CVTL to the citizens whose opinion joined
        theirs), so it names the village and the house stays in the registry. A number opening
        the address or a part of it is its house ("12 Hai Bà Trưng, khu phố 1" prints "Hai Bà
        Trưng, khu phố 1"); documents issued before read it as doithoai 0.4 did (as_issued)."""
        keep = {"name", "house"} if self.code in self.UNMASKED else {"name"}
        return privacy.drop(address, frozenset(keep), leads=not as_issued, address=not as_issued)

    def put_reworded(self, ctx: Context, name: str, make, source: Source | None = None,
                     optional: bool = False) -> None:
        """Put the field ``make(as_issued)`` builds: printed as ``make(False)`` words it,
        fingerprinted as ``make(True)``, the wording of documents issued before it changed
        (:meth:`where`'s house number lead, :meth:`answer_text` of an unnamed citizen's
        opinion): a wording change alone makes no issued document look changed, and no notice
        or report is numbered again for it."""
        ctx.put(name, make(True), source, optional, wording=make(False))

    @staticmethod
    def who(name: str | None) -> str:
        """A citizen's name as every document prints it: a number or e-mail typed into Người
        nêu ("Trần Thị Hồng 0912…") taken out with its word; one who gave none as the intake
        asks it written, whatever was typed ("(giấu tên)", "an danh": "Ẩn danh")."""
        if spelling.is_anonymous(name):
            return UNNAMED
        return privacy.drop(name, frozenset({"name", "house"}))

    def raised(self) -> list[Opinion]:
        """The plan's opinions, each repeat (Trùng với) left to its original."""
        return [o for o in self.opinions if not o.duplicate_of and o.opinion_id]

    def addressee(self, inv: Invitee) -> str:
        """"Ông Nguyễn Văn An - Tổ trưởng TDP Cẩm Khê A": title and body, nothing repeated;
        the form of address once (Danh xưng's, or the one typed before the name)."""
        who = honorifics.addressed(inv.honorific, inv.full_name)
        return addressee_line(who, inv.position, inv.organization)

    @staticmethod
    def addressee_as_typed(inv: Invitee) -> str:
        """:meth:`addressee` with Danh xưng and the cell side by side, as doithoai 0.4 made
        the value an issued invitation's fingerprint holds (its wording is :meth:`addressee`)."""
        who = vnformat.honorific(inv.honorific, inv.full_name or "")
        return addressee_line(who, inv.position, inv.organization)

    def meeting_subject(self) -> str:
        """The trích yếu of an invitation: which conference the delegate is invited to."""
        return (f"Dự hội nghị đối thoại giữa {self.plan.chair_title or ''} với Nhân dân "
                f"{scope_text(self.plan)}").replace("  ", " ")
