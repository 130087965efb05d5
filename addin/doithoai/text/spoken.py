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


def number(n: int) -> str:
    """A whole number from 0 to 999,999 in words."""
    if not 0 <= n < 1_000_000:
        raise ValueError(n)
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand(rest, False)
    head = _below_thousand(thousands, False) + " nghìn"
    return head if rest == 0 else f"{head} {_below_thousand(rest, True)}"


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


def expand(text: str | None) -> str:
    """Abbreviations and document symbols written out; the rest as typed."""
    text = _SYMBOL.sub(lambda m: f"{m.group(1) or DOCUMENT_TYPES[m.group(3)]} số {m.group(2)}",
                       text or "")
    text = re.sub(r"(số \d+)/(?=[A-ZĐ])", r"\1 của ", text)
    return _ABBR.sub(lambda m: EXPANSIONS[m.group(1)], text)


# A whole number a listener hears as a number ("5 tháng đầu năm 2026"), not part of a date,
# a time, a code or a document symbol (those have their own readings above).
_NUMBER = re.compile(r"(?<![\w/.,:-])(\d{1,9})(?![\w/:%-]|[.,]\d)")


def numbers_in_words(text: str | None) -> str:
    """"5 tháng đầu năm 2026" → "năm tháng đầu năm hai nghìn không trăm hai mươi sáu"."""
    return _NUMBER.sub(lambda m: number(int(m.group(1))), text or "")


def leftover_abbreviations(text: str) -> list[str]:
    """Words of two or more capitals (with Đ) that a listener would hear as letters."""
    out = []
    for line in text.splitlines():
        if line.strip() and line.upper() == line:
            continue            # a heading in capitals is read as words
        out += [w for w in re.findall(r"(?<![\wÀ-ỹ])[A-ZĐ]{2,}(?![\wÀ-ỹ])", line)
                if w not in {"II", "III", "IV"}]
    return out
