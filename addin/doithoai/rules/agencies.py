"""Who the commune writes to: the level of each agency that answers citizens' opinions.

A commune's People's Committee *assigns* its own units, *asks* the agencies on its territory that
answer to a higher level, and *recommends* to its superiors (issue 18 §1). The level decides the
document, its verb and its tone:

=================  ==============================================  ==============================
Level              Who (defaults after the 2025 reorganisation)    Documents
=================  ==============================================  ==============================
Trực thuộc         Văn phòng HĐND và UBND and the specialised      CVPC "giao" with a deadline;
                   offices (Nghị định 150/2025/NĐ-CP, Điều 3-5     CVDD "đôn đốc"
                   on the commune's offices); Trung tâm Phục vụ
                   hành chính công (Nghị định 118/2025/NĐ-CP);
                   Trạm Y tế (Thông tư 43/2025/TT-BYT, Điều 2:
                   "trực thuộc UBND cấp xã"); Ban Chỉ huy quân sự
                   (Luật Dân quân tự vệ 2019: cơ quan thường trực
                   công tác quốc phòng ở cấp xã); public schools
                   up to lower secondary (Nghị định 142/2025/NĐ-CP);
                   thôn, tổ dân phố
Trên địa bàn       Công an xã, phường (Luật Công an nhân dân      CVPC "đề nghị phối hợp", a
                   2018, Điều 18: a unit of the police's own      date asked, not imposed; CVDD
                   vertical system); Thuế cơ sở, Bảo hiểm xã hội  a courteous reminder
                   cơ sở, Kho bạc, Ngân hàng Chính sách xã hội,
                   Điện lực, viễn thông, cấp nước, chi nhánh Văn
                   phòng đăng ký đất đai, Kiểm lâm, upper
                   secondary schools, courts, procuracy; and Ủy
                   ban MTTQ and the mass organisations, which the
                   People's Committee works with, never assigns
Cấp trên           UBND tỉnh / thành phố, its sở and ngành, the    CVKN: a recommendation listing
                   Tỉnh ủy, ministries                             what the commune has done and
                                                                   asks; no deadline imposed
=================  ==============================================  ==============================

The defaults read the agency's name; the clerk corrects any of them in Danh mục, column "Cấp của
cơ quan trả lời", beside the agency. An opinion whose Thẩm quyền is "Cấp trên" goes to the
superiors whatever agency was typed.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from doithoai.registry import schema
from doithoai.text import places, unit_words, vntext

OWN, TERRITORY, SUPERIOR = "Trực thuộc", "Trên địa bàn", "Cấp trên"
LEVELS = (OWN, TERRITORY, SUPERIOR)

# Matched on the name in lower case, with its accents (without them "Sở" and "số" are one word),
# as whole words, superiors first, so "Công an tỉnh" is a superior and "Công an xã" an agency on
# the territory.
_SUPERIOR = (r"\btỉnh\b", r"\bthành phố\b", r"(?<!cơ )\bsở\b", r"\btrung ương\b", r"\bchính phủ\b",
             r"\bcấp trên\b", r"\btỉnh ủy\b", r"\bthành ủy\b", r"^bộ\b", r"\bquốc hội\b")
_TERRITORY = (r"\bcông an\b", r"\bđiện lực\b", r"\bquản lý điện\b", r"\bthuế\b",
              r"\bbảo hiểm xã hội\b", r"\bbhxh\b", r"\bkho bạc\b", r"\bngân hàng\b",
              r"\bviễn thông\b", r"\bbưu điện\b", r"\bcấp nước\b", r"\bnước sạch\b",
              r"\bđăng ký đất đai\b", r"\bkiểm lâm\b", r"\bthpt\b", r"\btrung học phổ thông\b",
              r"\btòa án\b", r"\bviện kiểm sát\b", r"\bthi hành án\b", r"\bmặt trận\b",
              r"\bmttq\b", r"\bđoàn thanh niên\b", r"\bhội (liên hiệp )?phụ nữ\b",
              r"\bhội nông dân\b", r"\bhội cựu chiến binh\b", r"\bcác đoàn thể\b",
              r"\bquản lý rừng\b", r"\bthủy lợi\b")


def _key(name: str) -> str:
    """The name in lower case, tones placed the new way, dashes and runs of spaces as one
    space (a name typed without accents has no tone to place)."""
    text = name or ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", vntext.normalize_tones(text))
    return " ".join(text.lower().replace("-", " ").split())


_SUPERIOR_WORDS = re.compile("|".join(_SUPERIOR))
_TERRITORY_WORDS = re.compile("|".join(_TERRITORY))


@functools.lru_cache(maxsize=4096)
def default_level(name: str) -> str:
    """The level an agency's name suggests (the clerk's Danh mục entry wins over it); a
    registry names a few dozen agencies over thousands of rows, so each is read once, and each
    list of words is one pattern."""
    key = _key(name)
    if _SUPERIOR_WORDS.search(key):
        return SUPERIOR
    if _TERRITORY_WORDS.search(key):
        return TERRITORY
    return OWN


def level_of(name: str | None, typed: Mapping[str, str] | None = None) -> str:
    """The level of an agency: as typed in Danh mục when it is one of the three, else the default.
    An empty agency is the commune's own business (it has not been assigned yet)."""
    if not name:
        return OWN
    value = (typed or {}).get(name)
    return value if value in LEVELS else default_level(name)


def sent_up(opinion, typed: Mapping[str, str] | None = None) -> bool:
    """Beyond the commune's authority: Thẩm quyền "Cấp trên", or an agency at the superior level."""
    return (opinion.competence == "Cấp trên"
            or (bool(opinion.agency) and level_of(opinion.agency, typed) == SUPERIOR))


STATE_OFFICE, PARTY_OFFICE = "Văn phòng HĐND và UBND", "Văn phòng Đảng ủy"


def office_unit(unit: str | None, party: bool) -> str:
    """A deadline rule's unit as a plan names it: the office that prepares the documents (a
    rule with none, or the People's Committee's office) is the party committee's for a plan
    the party committee issues."""
    if not unit or unit == STATE_OFFICE:
        return PARTY_OFFICE if party else STATE_OFFICE
    return unit


# A venue in the People's Committee's own building ("Hội trường UBND phường Cửa Nam, số 5 phố
# Hai Bà Trưng"), whatever address follows it.
_COMMITTEE_HALL = re.compile(r"\b(?:ubnd|uy ban nhan dan|tru so)\b")


def host_unit(unit: str, plan) -> str:
    """A step's unit as the plan's texts name it: the village where the conference is held
    (schema.HOST_VILLAGE: the hall's preparation) by its name when the venue names one of the
    plan's ("Nhà văn hóa cộng đồng Buôn Ea Sar": Buôn Ea Sar), as the rule says it when the
    venue names a village by a kind word only; the office when the venue is the People's
    Committee's building, or names no village (the commune's own hall)."""
    if unit != schema.HOST_VILLAGE or not plan.venue:
        return unit if unit != schema.HOST_VILLAGE else office_unit(None, plan.is_party)
    if _COMMITTEE_HALL.search(vntext.plain_key(plan.venue)):
        return office_unit(None, plan.is_party)
    host = places.PlaceFinder(plan.villages).place_of(plan.venue)
    if host is not None:
        return host
    return unit if places.names_a_kind(plan.venue) else office_unit(None, plan.is_party)


# The words an office's name may carry besides its own: the unit ("Văn phòng HĐND - UBND xã"),
# the joints between HĐND and UBND ("và", "-", "–", "&").
_OFFICE_NOISE = re.compile(r"\b(xã|phường|đặc khu|và)\b|[–&]")


def _office_key(name: str) -> str:
    return " ".join(_OFFICE_NOISE.sub(" ", _key(name)).split())


def is_office(name: str | None, party: bool) -> bool:
    """Whether an agency is the office that prepares the plan's documents itself, however the
    registry writes it ("Văn phòng HĐND-UBND xã" is "Văn phòng HĐND và UBND"): a letter to it
    asks nobody to copy it to itself."""
    return bool(name) and _office_key(name) == _office_key(office_unit(None, party))


# The office a ward names otherwise: a phường's economic office is named for infrastructure
# and urban affairs too (Nghị định 150/2025/NĐ-CP on the specialised offices of the commune
# level; the ward sample, Tứ Minh, has it so).
WARD_OFFICES = {"Phòng Kinh tế": "Phòng Kinh tế, Hạ tầng và Đô thị"}


def listed_for(unit_type: str) -> list[str]:
    """The agencies the blank registry lists, in the word of ``unit_type`` where the name
    carries the unit's kind ("Công an xã" → "Công an phường"), a ward's own offices by their
    names (:data:`WARD_OFFICES`)."""
    ward = (unit_type or "").strip().lower() == "phường"
    return [unit_words.in_unit(WARD_OFFICES.get(name, name) if ward else name, unit_type)
            for name in schema.lookup("Cơ quan trả lời").values]


# The cities under the central government (Nghị quyết 202/2025/QH15: six from 1 July 2025): a
# "thành phố" even where Cấu hình gives the name alone ("Hà Nội", "TP. Đà Nẵng").
CENTRAL_CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
_CENTRAL_BY_KEY = {vntext.plain_key(c): c for c in CENTRAL_CITIES}
# "Thành phố Hồ Chí Minh" keeps its capital T inside a sentence (Nghị định 30/2020/NĐ-CP, Phụ
# lục II, the special cases of capital letters), as the city's own name, party office included.
_HCM = "Hồ Chí Minh"
_KIND_TYPED = (("thành phố ", "thành phố"), ("tp. ", "thành phố"), ("tp.", "thành phố"),
               ("tp ", "thành phố"), ("tỉnh ", "tỉnh"))


def province_parts(province: str | None) -> tuple[str, str]:
    """(kind in lower case, name) of Cấu hình's Tỉnh/Thành phố: "Tỉnh Nghệ An" → ("tỉnh",
    "Nghệ An"); "TP.HCM", "Hồ Chí Minh" → ("thành phố", "Hồ Chí Minh"); "Đà Nẵng" →
    ("thành phố", "Đà Nẵng"); ("", "") when blank."""
    name = " ".join((province or "").split())
    kind = ""
    for typed, meant in _KIND_TYPED:
        if name.lower().startswith(typed):
            kind, name = meant, name[len(typed):].strip()
            break
    if vntext.plain_key(name) in ("hcm", "ho chi minh"):
        name = _HCM
    if not kind and name:
        central = _CENTRAL_BY_KEY.get(vntext.plain_key(name))
        kind, name = ("thành phố", central) if central else ("tỉnh", name)
    return kind, name


def province_committee(province: str, party: bool = False) -> str:
    """"Tỉnh Nghệ An" → "Ủy ban nhân dân tỉnh Nghệ An" (party: "Ban Thường vụ Tỉnh ủy Nghệ
    An"); "Thành phố Hồ Chí Minh" → "Ủy ban nhân dân Thành phố Hồ Chí Minh" ("Ban Thường vụ
    Thành ủy Thành phố Hồ Chí Minh")."""
    kind, name = province_parts(province)
    if not name:
        return "Ban Thường vụ cấp ủy cấp trên" if party else "Ủy ban nhân dân cấp tỉnh"
    said = f"Thành phố {name}" if name == _HCM else f"{kind} {name}"
    if party:
        body = "Thành ủy" if kind == "thành phố" else "Tỉnh ủy"
        return f"Ban Thường vụ {body} {said if name == _HCM else name}"
    return f"Ủy ban nhân dân {said}"


def superior_of(agency: str | None, typed: Mapping[str, str] | None, province: str) -> str:
    """Whom a recommendation goes to: the superior agency typed, else the province's People's
    Committee (a generic "UBND cấp tỉnh và các sở, ngành" is named as the province's own)."""
    if agency and level_of(agency, typed) == SUPERIOR and \
            "cap tinh" not in vntext.unaccent(agency).lower():
        return agency
    return province_committee(province, False)
