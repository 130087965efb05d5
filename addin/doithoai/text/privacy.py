"""Personal data inside free text, masked before the text leaves the registry.

A citizen writes their phone number, identity card, bank account or house number into the
content of an opinion as often as into the columns meant for them, and names people ("nhà bà
Ngô", "ông Nguyễn Văn Tám xóm 3"). Whatever leaves the registry (the monitoring workbook and the
province's roll-up built on it, the documents that are posted or read aloud) goes through
:func:`mask`, the one entry point: each identifier becomes a mask that says what it was, and
public places, numbers and names stay readable. :func:`find` gives the same spans with their
kind (validation uses :func:`kinds_in`). This module states the rules and puts the finders
together: numbers, plates and e-mails are read by :mod:`privacy_numbers`, house numbers by
:mod:`privacy_houses`, names by :mod:`privacy_names`, all with the words of
:mod:`privacy_words`.

What is masked
--------------
Invisible characters (zero-width space and joiners, soft hyphen, direction marks) are ignored
while reading, so "0912<ZWSP>345<ZWSP>678" is one number; a masked span takes them with it. A
text typed without any accent is read with the same words without accents.

Numbers are read as runs of digit groups joined by one or two spaces, a no-break space, a dot, a
dash or a thousands comma, with "+84", "(0)", "(0225)" groups; a run holding several numbers is
split at its groups ("0912345678 - 0987654321"). A word just before a number, in the same clause
with no digit between, names it: điện thoại, ĐT, SĐT, Zalo, gọi, liên hệ (phone); CCCD, CMND,
CMT, căn cước, chứng minh, định danh, hộ chiếu (identity); mã số thuế, MST, thuế (tax); số tài
khoản, STK, TK, a bank's name (bank).

- phone ``[số điện thoại]``: 0 + 9 digits of a mobile (03, 05, 07, 08, 09); the old 11-digit
  mobiles (01x); landlines (02x, 11 digits with the area code, in brackets or not); the +84,
  84, 0084 and "+84 (0)" forms; any 9 to 13 digits named a phone.
- identity ``[số giấy tờ]``: 12 digits beginning with 0 (CCCD, personal identification number)
  however grouped; 9 or 12 digits named (CMND); 9 digits beginning with 0; a letter and 7-8
  digits after "hộ chiếu".
- tax ``[mã số thuế]``: 10, 12 or 13 digits named a tax code; 10 digits not beginning with 0 (a
  personal tax code, 8…); 10 + 3 digits joined by a dash (a branch: 0101234567-001).
- bank ``[số tài khoản]``: 8 to 19 digits named an account (the name wins over the shape of a
  phone: many accounts are their owner's phone number); 11 to 19 digits that are no phone,
  CCCD or tax code ("0123456789012").
- plate ``[biển số xe]``: a province number, a series (one or two capitals, a digit for
  motorbikes, MĐ for electric ones) and 4 or 5 digits: 29A-123.45, 37C1-456.78, 29-B1 123.45,
  30A12345, 29LD-123.45; in lower case only after biển số, biển kiểm soát, BKS, BS or xe.
- boat ``[số đăng ký tàu cá]``: a fishing vessel's registration number, the province's letters,
  4 or 5 digits and "TS": QNg-90123-TS, BĐ 91234 TS, KG91234TS; in lower case only after tàu,
  thuyền, ghe, số hiệu or (số) đăng ký.
- email ``[thư điện tử]``: name@domain, also with a space before "@" or written "(at)".
- house ``[số nhà]``: the number after số nhà, nhà số, SN, căn hộ (số), căn số or nhà (the lead
  stays: "nhà số [số nhà]"); "số N" before a street or place word or a street's name ("số 12 Lê
  Lợi", "số 7 ngõ 45", "Nhà bà Ngô số 12 ngõ 5": all of "số 12" goes), or after ở, tại, địa
  chỉ ("hộ bà … ở số 40 lấn chiếm…", where someone lives), or in brackets right after a
  person's name ("hộ ông [họ tên] ([số nhà])"); a number after ở, tại,
  địa chỉ, đ/c before a street's name or a street word and its number ("Địa chỉ: 45 Trần Phú").
  In an address field (:func:`drop` with ``address``), which says where someone lives without
  any such word, also a number opening the field or one of its parts before a word ("12 Hai Bà
  Trưng, khu phố 1", "Khu phố 2, 45/7 Trần Quang Khải", "88 đường Đinh Tiên Hoàng"), unless
  money or a measure follows.
- name ``[họ tên]``: the name of a private person (see :mod:`privacy_names`): after a form of
  address (ông, bà, anh, chị, cô, chú, bác, cụ, em, cháu, thầy, cô giáo, thầy giáo, dì, dượng,
  cậu, mợ, thím, bé) or "tôi là", "tôi tên", "tên là", "họ tên", "họ và tên": "ông [họ tên] xóm
  3", "nhà bà [họ tên]"; a full name of three or four capitalised words beginning with a surname,
  with no form of address ("[họ tên] (thôn 2) hỏi…"); in lower case, a common surname + văn/thị
  + a name ("nhà ông [họ tên]" for "nhà ông trần văn bình"). The form of address stays.

What stays readable
-------------------
- Numbers of public things: after a public noun, up to three words before "số" (cầu, trạm
  bơm, kênh, cống, giếng, đội, tổ, xóm, thôn, lô, ô, đường, trường, phòng, phiếu, quyết định…:
  "Cầu số 3 thôn Đông", "Kênh số 4", "bể nước số 3"); after "tòa nhà", "dãy nhà"; after "nhà"
  when a count follows ("nhà 3 tầng", "nhà 5 gian", "cả nhà 5 người", "căn nhà 30 m2").
- Amounts and measures: a number not beginning with 0 followed by money or a measure (đồng, đ,
  VNĐ, triệu, tỷ, m2, ha…), by a count (người, hộ, khẩu, học sinh) unless a word names it, or
  grouped by thousands with dots or commas ("120.000.000.000 đồng"); dates, times, document
  numbers (next to "/"), years in a row, 1800/1900 hotlines.
- Public names: a name right after a public-place noun ("đường Lê Lợi", "Trường Tiểu học Ngô
  Quyền", "đường Bà Triệu", "xã Trần Phú") or an official title ("Chủ tịch UBND xã", "Chủ tịch
  xã Nguyễn Văn Hùng": officials act in their public role, and their names are printed on the
  commune's own documents; so are names after "đồng chí", "đ/c"); an official named by title
  after a form of address ("ông Trưởng thôn", "bà Chủ tịch Hội Phụ nữ"); historical and national
  figures ("Hồ Chí Minh", "Trần Hưng Đạo", also as a street: "số 12 Nguyễn Văn Cừ"); public names
  that begin with a capitalised form of address ("Bác Hồ", "Hai Bà Trưng", "Anh Sơn", "Cô Tô");
  two capitalised words with no form of address ("Lê Lợi", "Hà Nội", "Đền Hùng"): place names
  are mostly two words.

Limits, said plainly
--------------------
A name typed in lower case after a form of address without "văn"/"thị" ("ông tám") cannot be
told from an ordinary word and stays. Without accents, "dì", "cậu", "mợ", "dượng", "bé" read as
đi, cầu, mở, đường, bể and are not forms of address; a word that reads as a title or a public
figure is taken as one ("ong To Truong": tổ trưởng; "co Nguyen Van Linh"); "Duong" before a full
name without a middle name is the street ("Duong Le Loi"). A private person bearing a national
figure's full name, or called by a form that makes a public name ("Bà Triệu"), stays. A bare
9-digit number beginning with 1-9 (a CMND written with no word before it) is taken as an
amount. In a text typed in capitals a name runs until a small word ("ÔNG TÁM HÀNG XÓM" masks
"TÁM HÀNG"), and a full name with no form of address needs a common surname or middle name.
"""
from __future__ import annotations

import re
from typing import Callable
import unicodedata

from doithoai.text import privacy_houses, privacy_names, privacy_numbers
from doithoai.text import privacy_words as w

MASKS = {"phone": "[số điện thoại]", "identity": "[số giấy tờ]", "tax": "[mã số thuế]",
         "bank": "[số tài khoản]", "plate": "[biển số xe]", "boat": "[số đăng ký tàu cá]",
         "email": "[thư điện tử]", "house": "[số nhà]", "name": "[họ tên]"}
KINDS = tuple(MASKS)
# Each kind said in words (a validation note, privacy's answer to a person).
KIND_WORDS = {"phone": "số điện thoại", "identity": "số giấy tờ tùy thân", "tax": "mã số thuế",
              "bank": "số tài khoản", "plate": "biển số xe", "boat": "số đăng ký tàu cá",
              "email": "thư điện tử", "house": "số nhà", "name": "họ tên"}
PHONE_MASK = MASKS["phone"]
ID_MASK = MASKS["identity"]
EMAIL_MASK = MASKS["email"]
HOUSE_MASK = MASKS["house"]
Found = w.Found          # one identifier: text[start:end], masked as MASKS[kind]
_SCAN = re.compile(r"(\d+)|" + privacy_names.CAP_RUN)   # digit runs, runs of capitalised words
_DIGITS_ONLY = re.compile(r"(\d+)")
_DIGIT = re.compile(r"\d")               # what every digit run of _SCAN begins with


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and where each kept character was (None when
    nothing was removed)."""
    if not w.INVISIBLE.search(text):
        return text, None
    where = [i for i, ch in enumerate(text) if not w.INVISIBLE.match(ch)]
    return "".join(text[i] for i in where), where


def find(text: str | None, names: bool = True, address: bool = False) -> list[Found]:
    """Every identifier in ``text`` (read as NFC: pass the text :func:`normalized` returns),
    in order, none overlapping; ``names=False`` leaves out the names of persons; ``address``:
    the text is an address field, whose opening numbers are houses too."""
    if not text:
        return []
    view, where = _visible(text)
    runs, caps = _scan(view, names)
    found = _candidates(view, runs, caps, names)
    if address and runs:        # first: a flat's whole code wins over the number inside it
        found = privacy_houses.openings(view, runs) + found
    found = _first_wins(found)
    if where is None:
        return found
    return [Found(where[f.start], where[f.end - 1] + 1, f.kind) for f in found]


def _scan(view: str, names: bool) -> tuple[list[re.Match], list[re.Match]]:
    """One pass over the text: its runs of digits and (for names) of capitalised words."""
    runs, caps = [], []
    for m in (_SCAN if names else _DIGITS_ONLY).finditer(view):
        (runs if m.lastindex == 1 else caps).append(m)
    return runs, caps


def _candidates(view: str, runs, caps, names: bool) -> list[Found]:
    """What each finder reads, in the order that settles an overlap (each finder runs only
    if the text has what its identifiers need: an "@", enough digits, a capital)."""
    digits = sum(m.end() - m.start() for m in runs)
    without = w.without_accents(view)
    found: list[Found] = []
    if "@" in view or (("(" in view or "[" in view) and privacy_numbers.AT_WORD.search(view)):
        found += privacy_numbers.emails(view)
    if digits >= 4 and "ts" in view.lower():
        found += privacy_numbers.boats(view)
    if digits >= 6:
        found += privacy_numbers.plates(view, runs)
    if digits >= 7:
        found += privacy_numbers.passports(view)
    if digits >= 8:
        found += privacy_numbers.numbers(view, runs)
    if digits:
        found += privacy_houses.houses(view, without, runs)
    if names:
        people = privacy_names.names(view, without, caps)
        found += [Found(s, e, "name") for s, e in people]
        found += privacy_houses.after_names(view, people)     # "hộ ông [họ tên] (số 29)"
    return found


def _first_wins(found: list[Found]) -> list[Found]:
    """``found`` in text order, each dropped that overlaps one found before it."""
    kept: list[Found] = []
    for f in found:
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept


def normalized(text: str) -> str:
    """The text :func:`find` reads: composed (NFC), as Excel and Word store Vietnamese."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def mask(text: str | None, keep: frozenset[str] = frozenset(),
         spared: Callable[[str], bool] | None = None) -> str | None:
    """``text`` (composed, NFC) with every identifier replaced by the mask of its kind, but
    those of the kinds in ``keep`` and those ``spared`` says to keep (given the words found:
    the name of the person a text is shown to)."""
    if not text:
        return text
    text = normalized(text)
    found = [f for f in find(text) if f.kind not in keep
             and not (spared and spared(text[f.start:f.end]))]
    if not found:
        return text
    parts, last = [], 0
    for f in found:
        parts += (text[last:f.start], MASKS[f.kind])
        last = f.end
    parts.append(text[last:])
    return "".join(parts)


def kinds_in(text: str | None, names: bool = False) -> list[str]:
    """The kinds of identifier ``text`` holds, each once, in the order of :data:`KINDS`
    (names of persons only if ``names``). Every other kind needs a digit or an "@"/"(at)": a
    text with none is not read further."""
    if not text or (not names and not _DIGIT.search(text) and not may_hold_email(text)):
        return []
    got = {f.kind for f in find(normalized(text), names=names)}
    return [k for k in KINDS if k in got]


def may_hold_email(text: str) -> bool:
    """Whether ``text`` has what every e-mail needs: an "@", or "(at)" written out."""
    return "@" in text or privacy_numbers.AT_WORD.search(text) is not None


def has_phone(text: str | None) -> bool:
    """``text`` holds a phone number (every phone has at least nine digits: a text with fewer
    is not read further)."""
    return bool(text) and sum(map(str.isdigit, text)) >= 9 and "phone" in kinds_in(text)


# The words that name an identifier in a short field ("ĐT 0912…", "CCCD số 0751…", "liên hệ
# 0903…"), left hanging once the number is gone: the words the finders read as naming a number
# (privacy_words.NAMING_WORDS) and an e-mail's, with accents or without, matched at the end of
# what precedes it.
_LABEL_WORDS = [word for words in w.NAMING_WORDS.values() for word in words] + [
    "email", "e-mail", "mail", "gmail", "thư điện tử"]
_LABEL = re.compile(r"(?<!\w)(?:(?:số\s+)?" + w.alternation(_LABEL_WORDS + w.plain(_LABEL_WORDS))
                    + r"(?:\s+(?:số|so|là|la))?|số)?\s*[:.]?\s*$", re.I)
# The words that lead a house number ("số nhà 27", "nhà số 5", "SN 12"): the house finder
# leaves them out of what it finds (a masked text keeps them: "ở số nhà [số nhà]"); a house
# number dropped from a field takes them with it ("số nhà 27 đường Trần Phú" → "đường Trần
# Phú", never "số nhà đường Trần Phú").
_HOUSE_LEAD = re.compile(r"(?<!\w)(?:" + w.alternation(w.LEADS + w.plain(w.LEADS))
                         + r")\s*[:.]?\s*$", re.I)
# Where a field's parts meet: a comma, a semicolon, a spaced dash.
_JOINT = re.compile(r"(\s*(?:[,;]|\s[-–](?:\s|$))\s*)")


def drop(text: str | None, keep: frozenset[str] = frozenset({"name", "house"}),
         leads: bool = True, address: bool = False) -> str:
    """A short field (an address) without the identifiers typed into it, each taken out with
    the word naming it and its separator ("số 12, ấp Phú Thạnh - ĐT 0912 345 678" → "số 12,
    ấp Phú Thạnh"); kinds in ``keep`` stay as typed. A field is printed where a mask would read
    as a blank to fill ("Kính gửi: Bà …, [số điện thoại]."), so what goes leaves no mark. A
    house number goes with the words leading it ("số nhà 27 đường X" → "đường X"); with
    ``leads`` False they stay, as doithoai 0.4 left them (what issued documents' fingerprints
    hold: documents.context.common.where). ``address``: the field is an address (see
    :func:`find`)."""
    if not text:
        return text or ""
    if "name" in keep and not _DIGIT.search(text) and not may_hold_email(text):
        return text                      # every kind but a name needs a digit or an "@"
    text = normalized(text)
    found = [f for f in find(text, names="name" not in keep, address=address)
             if f.kind not in keep]
    if not found:
        return text
    for f in reversed(found):
        label = _HOUSE_LEAD if f.kind == "house" and leads else _LABEL
        before, rest = label.sub("", text[:f.start]), text[f.end:]
        if address and f.kind == "house" and _JOINT_END.search(before):
            rest = _street_named(rest)
        text = before + rest
    return _tidy(text)


# A part of an address that begins where a house number was taken out: the address's start, or
# after a comma, a semicolon, a dash.
_JOINT_END = re.compile(rf"(?:^|{w.PART_JOINT})[ \u00a0]*$")
_NAME_FIRST = re.compile(rf"([ \u00a0]*(?:{w.PART_JOINT}[ \u00a0]*)?)([^\W\d_]+)"
                         r"(?:[ \u00a0]+([^\W\d_]+))?")
# What a part of an address may begin with that is no street's own name ("ngõ 12", "Khu phố 3",
# "Quốc lộ 1A", "nhà B2", "TT Kim Liên").
_NOT_A_NAME = frozenset(w.PLACE_STOPS + w.PLAIN_PLACE_STOPS + w.STREET_WORDS + w.plain(
    w.STREET_WORDS) + ["quốc lộ", "tỉnh lộ", "đại lộ", "ql", "tl", "tòa", "toa", "dãy", "day",
                       "tt", "kđt", "kdt", "chung cư", "tập thể", "căn", "phòng", "lô"])


def _street_named(rest: str) -> str:
    """``rest`` of an address part whose house number was taken out: a street named by its
    name alone gets "đường" ("12 Mai Thị Lựu" prints "đường Mai Thị Lựu", never a name that
    reads as a second person beside the citizen's: "Bà Võ Thị Dung, Mai Thị Lựu")."""
    m = _NAME_FIRST.match(rest)
    if m is None or not m.group(2)[0].isupper():
        return rest
    first = m.group(2).lower()
    pair = f"{first} {m.group(3).lower()}" if m.group(3) else ""
    if first in _NOT_A_NAME or pair in _NOT_A_NAME:
        return rest
    return f"{m.group(1) or ' '}đường {rest[m.end(1):]}"           # "Nhà 12, Mai Thị Lựu"


def _tidy(text: str) -> str:
    """A field with parts taken out: brackets left empty removed, each part that is left
    empty taken out with the joint before it (or after it, at the start)."""
    pieces = _JOINT.split(re.sub(r"[(\[]\s*[)\]]", "", text))
    parts, joints = pieces[0::2], pieces[1::2]
    out: list[str] = []
    for i, part in enumerate(parts):
        if part.strip():
            out += ([joints[i - 1]] if out else []) + [part.strip()]
    return " ".join("".join(out).split())
