"""Registries no one typed: a seeded generator of communes, plans, invitees and opinions.

Each :class:`Case` is what a clerk of some commune might have typed into a new registry: a
xã, phường or đặc khu; a plan of the People's Committee or of the Party committee; a meeting on
any weekday of 2026-2030 (Tết inside the preparation or not, years whose holidays are still the
package's guess); invitees of every group with every attendance; opinions received before, at
and after the meeting, at every agency level and in every status, some repeats, optional cells
left blank; and names, villages and agencies typed in another case, without accents or with
stray spaces, with phone numbers and identity numbers typed inside a citizen's words.

The case also keeps what the generator knows independently of the product (the truth): which
villages and agencies are meant, how many invitees came, which identifiers were typed. The
properties of :mod:`corpus.properties` compare the documents' text with that truth, never with
the product's own intermediate objects.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from doithoai.registry import schema
from doithoai.rules import agencies

UNIT_NAMES = ("Hòa Bình", "Tân Lập", "Đồng Tâm", "Quảng Phú", "Yên Thế", "Bắc Sơn", "Thượng Lâm",
              "Phú Quốc", "Côn Đảo", "Ngọc Hà", "Đông Hưng", "Thủy Nguyên", "Ea Kar", "Mường Lát",
              "Hải Châu", "Kim Liên")
PROVINCES = ("Tỉnh Lạng Sơn", "Tỉnh Nghệ An", "Thành phố Hải Phòng", "Tỉnh Đắk Lắk",
             "Tỉnh An Giang", "Thành phố Hà Nội", "Tỉnh Thanh Hóa", "Tỉnh Quảng Ninh")
VILLAGE_STEMS = ("Bản Chu", "Nà Làng", "Khuổi Phầy", "Đồng Mới", "Tân Tiến", "Phú Lợi", "Hạ Long",
                 "Cẩm Khê", "Đông Hòa", "Yên Bình", "Thống Nhất", "Quyết Thắng", "Hòa Lạc", "1",
                 "2", "3", "12")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Nông", "Lương", "Triệu", "Hà", "Đinh")
MIDDLES_M = ("Văn", "Đức", "Quang", "Minh", "Hữu", "Công")
MIDDLES_F = ("Thị", "Thanh", "Ngọc", "Thu", "Minh")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạ", "Hải", "Hằng", "Hùng", "Lan", "Lâm", "Mai",
         "Nga", "Phúc", "Quý", "Sơn", "Tâm", "Thắng", "Thủy", "Trung", "Yến", "Ánh")
POSITIONS = ("Bí thư chi bộ", "Trưởng thôn", "Chủ tịch Hội Nông dân", "Phó Chủ tịch UBND",
             "Chủ tịch Ủy ban MTTQ", "Trưởng Công an", "Hiệu trưởng", "Trạm trưởng", "Chuyên viên",
             None)
TOPICS = ("sửa đường liên thôn đoạn qua {v}", "nạo vét kênh tưới nội đồng ở {v}",
          "lắp đèn chiếu sáng ở ngã ba {v}", "cấp giấy chứng nhận quyền sử dụng đất cho hộ ở {v}",
          "kiểm tra an toàn thực phẩm ở quán ăn gần trường {v}", "tăng số lần thu gom rác ở {v}",
          "tuần tra đêm vì thanh niên đua xe ở {v}", "rút ngắn thời gian chứng thực giấy tờ",
          "hỗ trợ giống lúa chịu hạn cho hộ nghèo ở {v}", "sửa phòng học bị dột của điểm trường",
          "công khai quy hoạch sử dụng đất", "nâng cấp trạm biến áp vì điện yếu giờ cao điểm")
ANSWERS = ("Xã đã đưa vào kế hoạch sửa chữa trong quý tới.",
           "Công an đã bố trí tổ tuần tra vào các tối cuối tuần.",
           "Hồ sơ đã được chuyển cơ quan đăng ký đất đai; xã sẽ thông báo kết quả.")

# The levels of the default Danh mục's agencies, in its order (rules.agencies defaults).
LEVELS = schema.LOOKUPS_BY_KEY["agency_level_of"].values
FIELDS = schema.LOOKUPS_BY_KEY["fields"].values
GROUPS = schema.LOOKUPS_BY_KEY["groups"].values
SOURCES_BEFORE = ("Phiếu hỏi", "MTTQ chuyển", "Văn bản")
# Streets after a house number, as a city's addresses name them, no lead word before the number.
CITY_STREETS = ("Hai Bà Trưng", "Trần Quang Khải", "đường Đinh Tiên Hoàng", "Lê Văn Sỹ",
                "hẻm 12 Lý Chính Thắng")
MEETING_SOURCE = "Phát biểu tại hội nghị"


@dataclass
class Truth:
    """What the generator meant, kept apart from what it typed."""
    villages: list[str]                       # the plan's villages, proper spelling
    meant_village: dict[str, str | None]      # opinion id → the village it means (None: unknown)
    meant_agency: dict[str, str | None]       # opinion id → listed agency it means
    meant_person: dict[str, str | None]       # opinion id → the citizen's name, proper spelling
    #                                           (None: the citizen gave none, "Ẩn danh")
    identifiers: list[str] = field(default_factory=list)   # typed inside citizens' words
    in_addresses: list[str] = field(default_factory=list)  # typed into an Địa chỉ cell
    houses: list[str] = field(default_factory=list)        # "347 Hai Bà Trưng" opening a part
    variants: dict[str, str] = field(default_factory=dict)  # a typed variant → proper spelling


@dataclass
class Case:
    seed: int
    settings: dict
    plan: dict
    invitees: list[dict]
    opinions: list[dict]
    survey: list[dict]
    meeting: dt.date
    truth: Truth

    @property
    def party(self) -> bool:
        return self.plan["issuer"] == "Đảng ủy"

    def rows(self) -> dict[str, list[dict]]:
        return {"plans": [self.plan], "invitees": self.invitees, "opinions": self.opinions,
                "survey": self.survey}


def _fmt(d: dt.date, rng: random.Random) -> str:
    """A date as a clerk types it: 05/03/2027, 5/3/2027, 05-03-2027 or 2027-03-05."""
    return rng.choice((f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d-%m-%Y}",
                       f"{d:%Y-%m-%d}"))


def _meeting_date(rng: random.Random) -> dt.date:
    year = rng.randint(2026, 2030)
    pick = rng.random()
    if pick < 0.15:                         # early January: preparation in the year before
        return dt.date(year, 1, rng.randint(3, 20))
    if pick < 0.3:                          # around Tết (late January to early March)
        return dt.date(year, 2, 1) + dt.timedelta(days=rng.randint(0, 35))
    if pick < 0.4:                          # late December: replies due in the next year
        return dt.date(year, 12, rng.randint(10, 30))
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def _person(rng: random.Random, female: bool | None = None) -> tuple[str, str]:
    female = rng.random() < 0.5 if female is None else female
    middle = rng.choice(MIDDLES_F if female else MIDDLES_M)
    name = f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN)}"
    return ("Bà" if female else "Ông"), name


def _mangle(text: str, rng: random.Random, accents: bool = False) -> str:
    """The same name as a hurried clerk types it: other case, stray spaces, or (a place, never
    a person: a person's accents cannot be told back) without accents."""
    from doithoai.text import vntext
    kinds = ("lower", "upper-first", "spaces", "trailing") + (("plain",) if accents else ())
    kind = rng.choice(kinds)
    if kind == "lower":
        return text.lower() if text.lower() != text else text + " "
    if kind == "upper-first":
        words = text.split()
        return " ".join([words[0]] + [w.lower() for w in words[1:]]) if len(words) > 1 \
            else text.upper()
    if kind == "plain":
        plain = vntext.unaccent(text)
        return plain if plain != text else text.lower()
    if kind == "spaces":
        return text.replace(" ", "  ", 1) if " " in text else " " + text
    return text + " "


def _identifier(rng: random.Random) -> tuple[str, str]:
    """An identifier a citizen types into their words, and the phrase that carries it."""
    kind = rng.choice(("phone", "phone-spaced", "cccd", "email"))
    if kind == "phone":
        value = "09" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        return value, f"liên hệ số {value}"
    if kind == "phone-spaced":
        digits = "08" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        value = f"{digits[:4]} {digits[4:7]} {digits[7:]}"
        return value, f"điện thoại {value}"
    if kind == "cccd":
        value = "0" + "".join(str(rng.randint(0, 9)) for _ in range(11))
        return value, f"CCCD số {value}"
    value = f"dan{rng.randint(10, 999)}@gmail.com"
    side = random.Random(value)     # its own draws: the cases' other draws stay as they were
    if side.random() < 0.5:         # a fishing boat's registration number instead
        value = f"{side.choice(('QNg', 'BĐ', 'KG', 'CM', 'TTH'))}-9{side.randint(1000, 9999)}-TS"
        return value, f"tàu cá {value}"
    return value, f"thư điện tử {value}"


def make_case(seed: int) -> Case:
    rng = random.Random(seed)
    unit_type = rng.choice(("xã", "xã", "phường", "đặc khu"))
    unit = rng.choice(UNIT_NAMES)
    province = rng.choice(PROVINCES)
    word = {"xã": "Thôn", "phường": "Tổ dân phố", "đặc khu": "Khu"}[unit_type]
    stems = rng.sample(VILLAGE_STEMS, rng.randint(1, 4))
    villages = [f"{word} {s}" for s in stems]
    issuer = "Đảng ủy" if rng.random() < 0.3 else "UBND"
    meeting = _meeting_date(rng)
    _, chair = _person(rng, female=False)
    _, officer = _person(rng, female=True)
    settings = dict(
        unit_name=f"{unit_type.capitalize()} {unit}", unit_type=unit_type, province=province,
        place_name=unit, issuer_name=f"ỦY BAN NHÂN DÂN {unit_type.upper()} {unit.upper()}",
        party_superior=f"ĐẢNG BỘ {province.upper()}",
        party_committee_name=f"ĐẢNG ỦY {unit_type.upper()} {unit.upper()}",
        chairman=chair, party_secretary=_person(rng, False)[1], contact_officer=officer,
        contact_phone="09" + "".join(str(rng.randint(0, 9)) for _ in range(8)))
    chair_title = (f"Bí thư Đảng ủy {unit_type}" if issuer == "Đảng ủy"
                   else f"Chủ tịch UBND {unit_type}")
    start, end = rng.choice((("08:00", "11:00"), ("7:30", "11:30"), ("14:00", "17:00"),
                             ("8h30", None), ("07 giờ 30", "10:30")))
    issued_plan = rng.random() < 0.6
    issue_date = meeting - dt.timedelta(days=rng.randint(20, 45))
    plan = dict(
        plan_id=f"KH-{meeting.year}-{rng.randint(1, 9):02d}", issuer=issuer,
        number_symbol=(f"{rng.randint(2, 250)}/KH-UBND" if issuer == "UBND"
                       else f"{rng.randint(2, 60):02d}-KH/ĐU") if issued_plan else None,
        issue_date=_fmt(issue_date, rng) if issued_plan else None,
        subject=f"Tổ chức hội nghị đối thoại giữa {chair_title} với Nhân dân năm {meeting.year}",
        form=rng.choice(("định kỳ", "chuyên đề", "đột xuất")), chair_title=chair_title,
        chair_name=chair if rng.random() < 0.8 else None, scope="; ".join(villages),
        meeting_date=_fmt(meeting, rng),
        start_time=start, end_time=end,
        venue=f"Nhà văn hóa {villages[0]}, {unit_type} {unit}",
        expected_delegates=rng.choice((None, 60, 120)),
        content="Báo cáo tình hình kinh tế - xã hội; nghe ý kiến, kiến nghị của Nhân dân; "
                "trả lời và chỉ đạo giải quyết"      # typed with its full stop or without
                + random.Random(f"{unit}|{meeting}").choice((".", "", " ")),
        legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n"
                    "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022",
        signing_authority=("T/M" if issuer == "Đảng ủy" else rng.choice(("TM.", "KT."))),
        signer_title=("BÍ THƯ" if issuer == "Đảng ủy" else "CHỦ TỊCH"),
        signer_name=chair, status=("Đã ban hành" if issued_plan else "Dự thảo"))
    if plan["signing_authority"] == "KT.":
        plan["signer_title"] = "PHÓ CHỦ TỊCH"
        plan["signer_name"] = _person(rng)[1]
    if rng.random() < 0.5:
        plan["weekday"] = ("Thứ " + ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")[meeting.weekday()]
                           if meeting.weekday() < 6 else "Chủ nhật")
    truth = Truth(villages=villages, meant_village={}, meant_agency={}, meant_person={})
    invitees = _invitees(rng, plan, villages, chair, officer)
    opinions = _opinions(rng, plan, villages, meeting, truth, agencies_of(unit_type))
    survey = _survey(rng, plan)
    return Case(seed, settings, plan, invitees, opinions, survey, meeting, truth)


def _invitees(rng, plan, villages, chair, officer) -> list[dict]:
    rows = []
    people = [("Ông", chair, "Lãnh đạo UBND"), ("Bà", officer, "Lãnh đạo UBND")]
    for _ in range(rng.randint(2, 9)):
        honorific, name = _person(rng)
        people.append((honorific, name, rng.choice(GROUPS)))
    for seq, (honorific, name, group) in enumerate(people, start=1):
        rows.append(dict(
            plan_id=plan["plan_id"], seq=seq,
            honorific=rng.choice((honorific, honorific, "Đồng chí")), full_name=name,
            position=rng.choice(POSITIONS), organization=rng.choice((None, villages[0])),
            group=group, address=rng.choice((None, rng.choice(villages))), invited="Có",
            attendance=rng.choice(("Có", "Có", "Có", "Vắng", "Ủy quyền", None))))
    return rows


def lookups_of(unit_type: str) -> dict[str, list[str]]:
    """The Danh mục lists `doithoai init --unit-type` writes for such a unit (the agencies in
    the unit's own word), read from the product at each call so a planted fault shows."""
    return {"agencies": agencies.listed_for(unit_type)}


def agencies_of(unit_type: str) -> tuple[tuple[str, str], ...]:
    """The unit's listed agencies, each with its level."""
    return tuple(zip(lookups_of(unit_type)["agencies"], LEVELS))


def _opinions(rng, plan, villages, meeting, truth: Truth, listed) -> list[dict]:
    rows = []
    n = rng.randint(2, 10)
    for i in range(1, n + 1):
        oid = f"YK-{meeting.year}-{i:03d}"
        when = rng.random()
        if when < 0.6:
            source = rng.choice(SOURCES_BEFORE)
            received = meeting - dt.timedelta(days=rng.randint(1, 35))
        elif when < 0.9:
            source, received = MEETING_SOURCE, meeting
        else:
            source, received = "Văn bản", meeting + dt.timedelta(days=rng.randint(1, 4))
        honorific, name = _person(rng)
        typed_name = f"{honorific} {name}"
        if rng.random() < 0.2:
            typed_name = _mangle(typed_name, rng)
            truth.variants[typed_name.strip()] = f"{honorific} {name}"
        truth.meant_person[oid] = f"{honorific} {name}"
        unnamed = random.Random(f"{oid}|{plan['plan_id']}|tên")   # its own draws, as below
        if unnamed.random() < 0.1:                               # the citizen gave no name
            typed_name = unnamed.choice(("Ẩn danh", "Giấu tên", "không ghi tên", "(ẩn danh)"))
            truth.meant_person[oid] = None
        village = rng.choice(villages)
        address, meant = village, village
        pick = rng.random()
        if pick < 0.2:
            address = _mangle(village, rng, accents=True)
            if address.strip() != village:
                truth.variants[address.strip()] = village
        elif pick < 0.3:
            address = f"{village.split()[0]} Nà Pàn{i}"      # a place outside the plan
            meant = None
        elif pick < 0.4:
            address, meant = None, None
        truth.meant_village[oid] = meant
        home = random.Random(f"{oid}|{village}|nhà")   # its own draws: the rest is as before
        if address and home.random() < 0.15:            # "347 Hai Bà Trưng, Thôn Đông"
            house = (f"{home.randint(100, 999)}{home.choice(('', 'A', 'bis', '/4'))} "
                     f"{home.choice(CITY_STREETS)}")
            truth.houses.append(house)
            address = f"{house}, {address}" if home.random() < 0.6 else f"{address}, {house}"
        side = random.Random(f"{oid}|{village}")       # its own draws: the rest is as before
        if address and side.random() < 0.12:             # "thôn Đông - ĐT 0912…"
            value, phrase = _identifier(side)
            truth.in_addresses.append(value)
            address = f"{address}{side.choice([', ', ' - ', ' (', ' '])}{phrase}"
            address += ")" if address.count("(") > address.count(")") else ""
        agency, level = rng.choice(listed)
        status, answered, answer, reply_no, reply_date, resolved = _status(rng, meeting, level)
        drafted = random.Random(f"{oid}|{plan['plan_id']}|trả lời")   # its own draws
        if status in ("Đã phân công", "Đang giải quyết") and drafted.random() < 0.5:
            answer = drafted.choice(ANSWERS)    # the reply's words typed, not yet sent (CVTL)
        if status == "Mới" and rng.random() < 0.5:
            agency, level = None, None
        truth.meant_agency[oid] = agency
        typed_agency = agency
        if agency and rng.random() < 0.15:
            typed_agency = _mangle(agency, rng).strip() or agency
            if typed_agency != agency:
                truth.variants[typed_agency] = agency
        topic = rng.choice(TOPICS).format(v=village)
        content = f"Đề nghị {topic} (ý kiến thứ {i})."
        if rng.random() < 0.25:
            value, phrase = _identifier(rng)
            truth.identifiers.append(value)
            content = content[:-1] + f", {phrase}."
        rows.append(dict(
            opinion_id=oid, plan_id=plan["plan_id"], source=source,
            received_date=_fmt(received, rng), raised_by=typed_name, address=address,
            phone=rng.choice((None, "09" + "".join(str(rng.randint(0, 9)) for _ in range(8)))),
            content=content, field=rng.choice(FIELDS),
            competence="Cấp trên" if level == "Cấp trên" else rng.choice(("Xã", None)),
            agency=typed_agency, answered_at_meeting=answered, answer=answer,
            reply_number=reply_no, reply_date=reply_date and _fmt(reply_date, rng),
            status=status, resolved_date=resolved and _fmt(resolved, rng),
            assigned_date=(_fmt(max(received, meeting - dt.timedelta(days=10)), rng)
                           if agency and status != "Mới" else None),
            satisfaction=rng.choice((None, "Hài lòng", "Chưa hài lòng", "Chưa hỏi"))
            if resolved else None))
    _repeats(rng, rows)
    return rows


def _status(rng, meeting, level):
    """A status and the cells it needs, consistent with each other."""
    if level == "Cấp trên":
        return "Đã chuyển cấp trên", "Không", None, None, None, None
    status = rng.choice(("Mới", "Đã phân công", "Đã trả lời tại hội nghị", "Đang giải quyết",
                         "Đã trả lời bằng văn bản", "Đã giải quyết"))
    if status == "Đã trả lời tại hội nghị":
        return status, "Có", rng.choice(ANSWERS), None, None, None
    if status == "Đã trả lời bằng văn bản":
        return (status, "Không", rng.choice(ANSWERS), f"{rng.randint(10, 300)}/UBND-VP",
                meeting + dt.timedelta(days=rng.randint(5, 20)), None)
    if status == "Đã giải quyết":
        reply = meeting + dt.timedelta(days=rng.randint(5, 20))
        return (status, "Không", rng.choice(ANSWERS), f"{rng.randint(10, 300)}/UBND-VP", reply,
                reply + dt.timedelta(days=rng.randint(0, 20)))
    return status, rng.choice(("Không", None)), None, None, None, None


def _repeats(rng, rows) -> None:
    """Now and then a later opinion repeats an earlier one (Trùng với)."""
    if len(rows) > 3 and rng.random() < 0.4:
        later = rng.randrange(1, len(rows))
        rows[later]["duplicate_of"] = rows[rng.randrange(0, later)]["opinion_id"]


def _survey(rng, plan) -> list[dict]:
    if rng.random() < 0.5:
        return []
    return [dict(plan_id=plan["plan_id"], question=q, option=o, count=rng.randint(0, 40))
            for q, options in schema.SURVEY_OPTIONS.items() for o in options]
