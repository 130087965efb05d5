"""Personal identifiers inside free text, masked before the text leaves the registry.

A citizen writes their phone number, identity card or house number into the content of an
opinion as often as into the columns meant for them. The monitoring workbook (and whatever is
built on it) leaves out the Điện thoại and Địa chỉ columns, so it must also mask what the text
itself carries: phone numbers however they are written (spaces, dots, dashes, +84, landlines),
identity numbers (CCCD 12 digits; CMND 9 digits when named), e-mail addresses, and house
numbers ("số nhà 12", "nhà số 7", "số 12 ngõ 5"), while public places stay readable ("cống ngõ
5", "đường liên thôn", "tổ dân phố số 3", "Quốc lộ 10", "Kế hoạch số 118/KH-UBND").
"""
from __future__ import annotations

import re

PHONE_MASK = "[số điện thoại]"
_DIGIT = re.compile(r"\d")
ID_MASK = "[số giấy tờ]"
EMAIL_MASK = "[thư điện tử]"
HOUSE_MASK = "[số nhà]"

_SEP = r"[ .\-]?"
# Mobiles: 0 + 9 digits (03x, 05x, 07x, 08x, 09x), or +84 / 84 + 9 digits; landlines: 02x + 8
# digits (11 digits), possibly with the area code in brackets. Separators anywhere.
_PHONE = re.compile(
    r"(?<![\d/.,])(?:"
    r"(?:\+|00)?84" + _SEP + r"\(?0?\)?" + _SEP + r"[35789](?:" + _SEP + r"\d){8}"
    r"|0[35789](?:" + _SEP + r"\d){8}"
    r"|\(?02\d{1,2}\)?" + _SEP + r"(?:\d" + _SEP + r"){6,7}\d"
    r")(?![\d/])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Identity numbers: 12 digits (CCCD, possibly grouped 3-3-3-3 or 4-4-4), anywhere; 9 digits
# only after a word that names an identity paper.
_CCCD = re.compile(r"(?<![\d/.,])\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?![\d/])|"
                   r"(?<![\d/.,])\d{4} \d{4} \d{4}(?![\d/])")
_NAMED_ID = re.compile(r"(\b(?:CMND|CCCD|CMT|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?|"
                       r"định danh(?: cá nhân)?|hộ chiếu)\s*(?:số|:|là)?\s*:?\s*)"
                       r"([A-Z]?\d[\d .]{5,14}\d)", re.IGNORECASE)
_STREET = (r"ngõ|ngách|hẻm|kiệt|đường|phố|tổ|thôn|xóm|khu|ấp|khối|cụm|tổ dân phố|"
           r"khu phố|đội|chung cư|tập thể|lô|ô")
_HOUSE = re.compile(
    r"(?=[nsc])"    # every lead begins so (in any case): the engine skips other places fast
    r"(?:\b(?P<lead>số nhà|nhà số|căn nhà số|căn hộ số|nhà)\s+"
    r"(?P<num>\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*)(?![\d/])"
    r"|\b(?P<lead2>[Ss]ố)\s+(?P<num2>\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*)"
    r"(?=\s*,?\s*(?:" + _STREET + r")\b))", re.IGNORECASE)

# Every house number the pattern masks follows "nhà" or "số" and a space: a text without that
# skips the pattern (three times cheaper than the pattern itself, which tries each position),
# and a text with it is searched from the first such word, less the longest lead before it
# ("căn nhà " before "số"): no house number can begin earlier.
_HOUSE_HINT = re.compile(r"(?=[ns])(?:nhà|số)\s+\d", re.IGNORECASE)
_LEAD_BEFORE_HINT = len("căn nhà ")


# "đường số 2", "lô ô số 7", "tổ dân phố số 3": a number after a place word names the place.
_PLACE_BEFORE = re.compile(r"(?:" + _STREET + r"|quốc lộ|tỉnh lộ|huyện lộ|lô đất|phòng|tầng|"
                           r"trường|khu đô thị)\s*$", re.IGNORECASE)


def _house(m: re.Match) -> str:
    if m.group("lead"):
        return f"{m.group('lead')} {HOUSE_MASK}"
    if _PLACE_BEFORE.search(m.string[:m.start()]):
        return m.group(0)
    return HOUSE_MASK


def mask(text: str | None) -> str | None:
    """``text`` with phone numbers, identity numbers, e-mails and house numbers masked."""
    if not text:
        return text
    # Each pattern needs its own minimum of digits (or an "@"): texts without them skip it.
    digits = len(_DIGIT.findall(text))
    out = _EMAIL.sub(EMAIL_MASK, text) if "@" in text else text
    if digits >= 7:
        out = _NAMED_ID.sub(lambda m: m.group(1) + ID_MASK, out)
    if digits >= 9:
        out = _CCCD.sub(ID_MASK, out)
        out = _PHONE.sub(PHONE_MASK, out)
    hint = _HOUSE_HINT.search(out) if digits else None
    if hint:
        out = _sub_from(_HOUSE, _house, out, max(0, hint.start() - _LEAD_BEFORE_HINT))
    return out


def _sub_from(pattern: re.Pattern, replace, text: str, start: int) -> str:
    """``pattern.sub(replace, text)`` where no match begins before ``start``: the search
    begins there, with the text before it still seen (a word boundary, the place before)."""
    parts, last = [], 0
    for m in pattern.finditer(text, start):
        parts += (text[last:m.start()], replace(m))
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def has_phone(text: str | None) -> bool:
    # Every phone pattern holds at least ten digits: counting them is five times cheaper
    # than the pattern's search, and most texts have far fewer.
    return bool(text) and len(_DIGIT.findall(text)) >= 9 and bool(_PHONE.search(text))
