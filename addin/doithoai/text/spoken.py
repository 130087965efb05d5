"""Text a reader speaks aloud: numbers, dates and times in words, abbreviations written out.

Used by the loudspeaker and social-network bulletin (Bản tin truyền thanh): the commune's radio
reader and the Zalo group read words, not "12/6/2026 (T6), 08h00, NVH TDP Cẩm Khê A".

- :func:`number` — 21 → "hai mươi mốt", 15 → "mười lăm", 2026 → "hai nghìn không trăm hai
  mươi sáu" (the usual spoken forms: "mốt" after "mươi", "lăm" for a final five after ten);
- :func:`date` — "thứ Sáu, ngày mười hai tháng sáu năm hai nghìn không trăm hai mươi sáu"
  (days one to ten take "mồng", as they are read on the radio);
- :func:`time` — 08:00 → "tám giờ sáng", 14:30 → "hai giờ ba mươi phút chiều";
- :func:`expand` — UBND → Ủy ban nhân dân, HĐND → Hội đồng nhân dân, MTTQ → Mặt trận Tổ quốc,
  TDP → tổ dân phố, ... (whole words only, as typed in capitals).
"""
from __future__ import annotations

import datetime as dt
import re

from doithoai.text.vnformat import weekday

_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

# Abbreviations a listener would not understand, as they are written out in full.
EXPANSIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "TDP": "tổ dân phố",
    "NVH": "nhà văn hóa",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "ĐU": "Đảng ủy",
    "CCB": "Cựu chiến binh",
    "LHPN": "Liên hiệp Phụ nữ",
    "TNCS": "Thanh niên Cộng sản",
    "HCM": "Hồ Chí Minh",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "ATGT": "an toàn giao thông",
    "GPMB": "giải phóng mặt bằng",
    "KT-XH": "kinh tế - xã hội",
    "QL": "quốc lộ",
    "VP": "Văn phòng",
    "TT": "Thường trực",
    "SĐT": "số điện thoại",
}
_ABBR = re.compile(r"(?<![\wÀ-ỹ-])(" + "|".join(
    re.escape(k) for k in sorted(EXPANSIONS, key=len, reverse=True)) + r")(?![\wÀ-ỹ])")


def _below_thousand(n: int, full: bool) -> str:
    """0-999; ``full``: inside a larger number, so "không trăm" and "linh" are said."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [_UNITS[hundreds], "trăm"]
    if tens == 0:
        if units and (hundreds or full):
            words.append("linh")
        if units or not words:
            words.append(_UNITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _UNITS[units])
    else:
        words += [_UNITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_UNITS[units])
    return " ".join(words)


_SCALES = ((1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1000, "nghìn"))


def number(n: int) -> str:
    """A whole number below a thousand billion in words: 1200000 → "một triệu hai trăm
    nghìn", 1000005 → "một triệu không trăm linh năm"."""
    if not 0 <= n < 1_000_000_000_000:
        raise ValueError(n)
    words: list[str] = []
    for scale, name in _SCALES:
        head, n = divmod(n, scale)
        if head:
            words.append(f"{_below_thousand(head, bool(words))} {name}")
    if n or not words:
        words.append(_below_thousand(n, bool(words)))
    return " ".join(words)


MONTHS = ("một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
          "mười hai")


def date(d: dt.date, with_weekday: bool = True) -> str:
    day = ("mồng " if d.day <= 10 else "") + number(d.day)
    text = f"ngày {day} tháng {MONTHS[d.month - 1]} năm {number(d.year)}"
    return f"{weekday(d)}, {text}" if with_weekday else text


def time(t: dt.time) -> str:
    """"tám giờ sáng", "hai giờ ba mươi phút chiều", "mười hai giờ trưa"."""
    h = t.hour
    part = "sáng" if h < 11 else "trưa" if h < 13 else "chiều" if h < 18 else "tối"
    shown = h if h <= 12 else h - 12
    minutes = f" {number(t.minute)} phút" if t.minute else ""
    return f"{number(shown)} giờ{minutes} {part}"


DOCUMENT_TYPES = {"KH": "Kế hoạch", "TB": "Thông báo", "BC": "Báo cáo", "QĐ": "Quyết định",
                  "GM": "Giấy mời", "CV": "Công văn", "HD": "Hướng dẫn", "CT": "Chỉ thị",
                  "NQ": "Nghị quyết"}
# A document's number and symbol ("Kế hoạch 12-KH/ĐU", "118/KH-UBND") is read as its number.
_SYMBOL = re.compile(r"(?:(Kế hoạch|Thông báo|Báo cáo|Quyết định|Hướng dẫn|Công văn)\s+)?"
                     r"(?:số\s+)?(\d+)\s*[-/]\s*(" + "|".join(DOCUMENT_TYPES) +
                     r")(?:[-/][A-ZĐ]+(?![\wÀ-ỹ]))*")


# A legal document's number and year ("Nghị định 30/2020/NĐ-CP", "Luật số 72/2025/QH15"):
# its number and its year, the issuer's letters left out.
_LEGAL = re.compile(r"(?:số\s+)?(\d+)/(\d{4})/[A-ZĐ][\wĐ-]*")


def expand(text: str | None) -> str:
    """Abbreviations and document symbols written out; the rest as typed."""
    text = _SYMBOL.sub(lambda m: f"{m.group(1) or DOCUMENT_TYPES[m.group(3)]} số {m.group(2)}",
                       text or "")
    text = _LEGAL.sub(lambda m: f"số {m.group(1)} năm {m.group(2)}", text)
    text = re.sub(r"(số \d+)/(?=[A-ZĐ])", r"\1 của ", text)
    return _ABBR.sub(lambda m: EXPANSIONS[m.group(1)], text)


# What a listener hears as a number, a date, a time, a range or a share, written in figures
# (read by _aloud): a phone number is left as typed (it is read digit by digit); a code or a
# name with letters inside ("YK-2027-001", "QL6") is not a number.
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNIT_WORDS = {"km": "ki-lô-mét", "cm": "xăng-ti-mét", "m2": "mét vuông", "m²": "mét vuông",
               "m3": "mét khối", "m³": "mét khối", "m": "mét", "ha": "héc-ta",
               "kg": "ki-lô-gam", "đ": "đồng", "%": "phần trăm"}
_FIGURES = re.compile(
    r"(?<![\w/.,:-])(?:"
    r"(?P<phone>0\d(?:[ .]?\d){8,9})"
    r"|(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"|(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<my_m>\d{1,2})/(?P<my_y>\d{4})"
    r"|(?P<dm_d>\d{1,2})/(?P<dm_m>\d{1,2})"
    r"|(?P<h>\d{1,2})(?:h|:)(?P<min>\d{2})?"
    rf"|(?P<a>{_NUM})\s?[-–]\s?(?P<b>{_NUM})"
    rf"|(?P<n>{_NUM})(?:\s?(?P<unit>%|km|cm|m2|m²|m3|m³|kg|ha|m|đ))?"
    r")(?![\w/:%-]|[.,]\d)")


def _amount(text: str) -> str:
    """"1.200.000" → "một triệu hai trăm nghìn", "1,5" → "một phẩy năm", "0,05" → "không
    phẩy không năm"."""
    whole, _, fraction = text.replace(".", "").partition(",")
    said = number(int(whole))
    if not fraction:
        return said
    if fraction.startswith("0"):
        return f"{said} phẩy {' '.join(_UNITS[int(c)] for c in fraction)}"
    return f"{said} phẩy {number(int(fraction))}"


def _after(text: str, start: int, word: str) -> bool:
    """The figure at ``start`` follows ``word`` ("ngày 15/5": the date says "ngày" already)."""
    return re.search(rf"\b{word}\s+$", text[max(0, start - 12):start], re.IGNORECASE) is not None


def _day_month(m: re.Match, day: int, month: int, year: int | None) -> str:
    try:
        said = date(dt.date(year or 2000, month, day), with_weekday=False)
    except ValueError:                  # not a date: each number, as typed
        return " trên ".join(number(int(g)) for g in (day, month, year) if g is not None)
    if year is None:
        said = said.rsplit(" năm ", 1)[0]
    return said[len("ngày "):] if _after(m.string, m.start(), "ngày") else said


def _plain(m: re.Match) -> str:
    """A number alone, as the word before it reads it: "tháng 4" → "tháng tư", "ngày 5" →
    "ngày mồng năm", "thứ 4" → "thứ tư", "lần thứ 1" → "lần thứ nhất"."""
    text, value = m.group("n"), None
    if re.fullmatch(r"\d+", text):
        value = int(text)
    if value is not None and 1 <= value <= 12 and _after(m.string, m.start(), "tháng"):
        return MONTHS[value - 1]
    if value is not None and 1 <= value <= 10 and _after(m.string, m.start(), "ngày"):
        return f"mồng {number(value)}"
    if value in (1, 4) and _after(m.string, m.start(), "thứ"):
        return {1: "nhất", 4: "tư"}[value]
    said = _amount(text)
    return f"{said} {_UNIT_WORDS[m.group('unit')]}" if m.group("unit") else said


def _aloud(m: re.Match) -> str:
    g = m.group
    if g("phone"):
        return g("phone")
    if g("y") or g("iso_y"):
        day, month, year = (g("d"), g("m"), g("y")) if g("y") else \
            (g("iso_d"), g("iso_m"), g("iso_y"))
        return _day_month(m, int(day), int(month), int(year))
    if g("my_y"):
        month = int(g("my_m"))
        if not 1 <= month <= 12:
            return f"{number(month)} trên {number(int(g('my_y')))}"
        said = f"{MONTHS[month - 1]} năm {number(int(g('my_y')))}"
        return said if _after(m.string, m.start(), "tháng") else f"tháng {said}"
    if g("dm_d"):
        return _day_month(m, int(g("dm_d")), int(g("dm_m")), None)
    if g("h"):
        minutes = f" {number(int(g('min')))} phút" if g("min") and int(g("min")) else ""
        return f"{number(int(g('h')))} giờ{minutes}"
    if g("a"):
        return f"{_amount(g('a'))} đến {_amount(g('b'))}"
    return _plain(m)


def numbers_in_words(text: str | None) -> str:
    """Every figure a listener hears, in words: "tháng 4/2027" → "tháng tư năm hai nghìn
    không trăm hai mươi bảy", "mùa khô 2027-2028" → "… hai nghìn không trăm hai mươi bảy đến
    hai nghìn không trăm hai mươi tám", "ngày 15/5" → "ngày mười lăm tháng năm", "20%" → "hai
    mươi phần trăm", "1.200.000 đ" → "một triệu hai trăm nghìn đồng"; a phone number as typed."""
    return _FIGURES.sub(_aloud, text or "")


def aloud(text: str | None) -> str:
    """A typed text as the reader says it: abbreviations, symbols and figures in words."""
    return numbers_in_words(expand(text))


def leftover_abbreviations(text: str) -> list[str]:
    """Words of two or more capitals (with Đ) that a listener would hear as letters."""
    out = []
    for line in text.splitlines():
        if line.strip() and line.upper() == line:
            continue            # a heading in capitals is read as words
        out += [w for w in re.findall(r"(?<![\wÀ-ỹ])[A-ZĐ]{2,}(?![\wÀ-ỹ])", line)
                if w not in {"II", "III", "IV"}]
    return out
