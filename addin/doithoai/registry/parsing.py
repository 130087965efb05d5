"""Reading what a clerk typed: dates, times, whole numbers, phone numbers and text.

Values arrive from calamine (files), xlwings (the open workbook) or CSV text (the samples), so
each parser accepts Python dates and times, Excel serial numbers and the text forms a clerk
types. A value that cannot be read raises :class:`Unreadable`; the reader turns it into a
located problem. Day comes before month, always (Vietnamese usage).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

EXCEL_EPOCH = dt.date(1899, 12, 30)   # serial 1 = 1900-01-01, with Excel's 1900 leap-year bug
MAX_SERIAL = 2958465                  # 9999-12-31


class Unreadable(ValueError):
    pass


# Dates a dialogue registry can hold: anything outside is a mistyped year (9999, 1899, 2206),
# refused where it is read so that no calendar ever walks centuries.
MIN_YEAR, MAX_YEAR = 2000, 2100


class OutOfRange(Unreadable):
    """A real date, but not a plausible one for the registry (outside MIN_YEAR..MAX_YEAR)."""

    def __init__(self, value, date: dt.date):
        super().__init__(value)
        self.date = date


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


# Anything normalize_text would change besides NFC: edge spaces, runs, NBSP, spaces by a newline.
# Characters that are a spacing flaw wherever they stand (normalize_text replaces them).
SPACING_MARKS = "\t\u00a0\r"
_SPACING = re.compile(f"[{SPACING_MARKS}]")


def has_whitespace_flaw(value: str) -> bool:
    """True if normalize_text would change the spacing of ``value`` (plain substring scans: a
    registry has hundreds of thousands of texts, and an alternation regex costs ten times more)."""
    if not value:
        return False
    if value[0].isspace() or value[-1].isspace():
        return True
    return (_SPACING.search(value) is not None or "  " in value or " \n" in value
            or "\n " in value)


# Characters that show nothing, or turn the text around: zero-width spaces and joiners, the
# soft hyphen, the byte-order mark, bidirectional marks, embeddings, overrides (U+202E makes
# "Nguyễn Văn An" print backwards) and isolates. Pasted from web pages and chat, or planted;
# never part of a name or an opinion: normalize_text removes them, validation flags them.
INVISIBLE_CHARS = ("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                   "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_INVISIBLE = re.compile("[" + INVISIBLE_CHARS + "]")


def has_invisible(value: str) -> bool:
    return bool(value) and _INVISIBLE.search(value) is not None


def normalize_text(value: str) -> str:
    """NFC, invisible characters removed, non-breaking spaces to spaces, runs of spaces folded,
    ends stripped (lines kept)."""
    if unicodedata.is_normalized("NFC", value) and not has_whitespace_flaw(value) \
            and not has_invisible(value):
        return value
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", value)).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(lines).strip()


def plain_texts(texts) -> set[str]:
    """The texts that normalize_text leaves as they are and that are not blank, screened with a
    few C-level tests each (a registry holds hundreds of thousands of distinct texts)."""
    nfc = unicodedata.is_normalized
    invisible = _INVISIBLE.search
    return {t for t in texts
            if t and not t[0].isspace() and not t[-1].isspace() and "  " not in t
            and "\t" not in t and "\u00a0" not in t and "\r" not in t and " \n" not in t
            and "\n " not in t and nfc("NFC", t) and (t.isascii() or not invisible(t))}


_NUMBERS = {bool, int, float}


def cell_keys(values: list) -> list:
    """Cell values as dictionary keys, for working on each distinct value once: True, 1 and
    1.0 are equal in Python but not as cells (they read and print differently), so a column
    holding more than one of those types is keyed by (type, value)."""
    if len(set(map(type, values)) & _NUMBERS) > 1:
        return [(v.__class__, v) for v in values]
    return values


# Printable ASCII words with single spaces between: what normalize_text leaves as it is, and
# what casefold folds as lower() does (codes, most list values, names typed without accents).
_PLAIN_ASCII = re.compile(r"[!-~]+(?: [!-~]+)*")


def fold(value: str) -> str:
    """A comparison key: normalised and case-folded. A plain ASCII value (a code) is folded on
    the spot; the others are remembered (a registry compares the same list values tens of
    thousands of times, and 50,000 codes would crowd them out of the memory)."""
    if value.isascii() and _PLAIN_ASCII.fullmatch(value):
        return value.lower()
    return _fold_text(value)


@functools.lru_cache(maxsize=65536)
def _fold_text(value: str) -> str:
    return normalize_text(value).casefold()


# --- dates -----------------------------------------------------------------------------------

_DMY = re.compile(r"^(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_WORDS = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$")


def serial_to_date(serial: float) -> dt.date:
    if not (1 <= serial <= MAX_SERIAL) or serial != int(serial):
        raise Unreadable(serial)
    days = int(serial)
    if days < 61:   # Excel counts a 29/02/1900 that never was
        days += 1
    return EXCEL_EPOCH + dt.timedelta(days=days)


def parse_date(value) -> dt.date:
    """A date from an Excel date, a serial number or text; :class:`OutOfRange` outside
    MIN_YEAR..MAX_YEAR, :class:`Unreadable` for anything else that is not a date."""
    d = _parse_date(value)
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise OutOfRange(value, d)
    return d


def _parse_date(value) -> dt.date:
    if isinstance(value, (dt.time, dt.timedelta)):
        # A date cell holding less than one day: Excel's day 0, shown as a time by readers.
        return EXCEL_EPOCH
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return serial_to_date(value)
    if isinstance(value, str):
        return _date_from_text(value)
    raise Unreadable(value)


def _date_from_text(value: str) -> dt.date:
    """dd/mm/yyyy (also . or -, two-digit years in 2000s), yyyy-mm-dd, "ngày 5 tháng 3 năm
    2027", or an Excel serial number exported as text."""
    text = normalize_text(value).lower()
    for pattern, order in ((_DMY, "dmy"), (_YMD, "ymd"), (_WORDS, "dmy")):
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups())))
            year = parts["y"] + (2000 if parts["y"] < 100 else 0)
            try:
                return dt.date(year, parts["m"], parts["d"])
            except ValueError:
                raise Unreadable(value) from None
    if is_serial_text(text):
        return serial_to_date(float(text))
    raise Unreadable(value)


def is_serial_text(text: str) -> bool:
    """An Excel serial number exported as text ("46367", "46367.0"), not a date written with
    dots ("12.01.2027")."""
    return re.fullmatch(r"\d{5}(\.0+)?", normalize_text(text)) is not None


# --- times -----------------------------------------------------------------------------------

_TIME = re.compile(
    r"^(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút|p|')?)?\s*(?::\s*(\d{1,2}))?"
    r"\s*(sáng|trưa|chiều|tối|am|pm)?$")


def parse_time(value) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    if isinstance(value, dt.timedelta):
        value = value.total_seconds() / 86400
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _time_from_fraction(value)
    if isinstance(value, str):
        return _time_from_text(value)
    raise Unreadable(value)


def _time_from_fraction(value: float) -> dt.time:
    """Excel's time: a fraction of a day."""
    if 0 <= value < 1:
        seconds = round(value * 86400)
        return dt.time(seconds // 3600, seconds % 3600 // 60)
    raise Unreadable(value)


def _time_from_text(value: str) -> dt.time:
    """"7:30", "7h30", "14 giờ", "2 giờ chiều", or a fraction of a day typed as text."""
    text = normalize_text(value).lower()
    m = _TIME.match(text)
    if m:
        hour, minute = _afternoon(int(m.group(1)), m.group(4)), int(m.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise Unreadable(value) from None
    return _time_from_fraction(number)


def _afternoon(hour: int, part: str | None) -> int:
    """The 24-hour hour of "2 giờ chiều", "8 giờ tối", "12 giờ trưa", "1 giờ trưa"."""
    if part in ("chiều", "tối", "pm") and hour < 12:
        return hour + 12
    if part == "trưa" and hour < 11:
        return hour + 12
    return hour


# --- whole numbers and phones ----------------------------------------------------------------

def parse_int(value) -> int:
    if isinstance(value, bool):
        raise Unreadable(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise Unreadable(value)
    if isinstance(value, str):
        text = normalize_text(value)
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
            return int(re.sub(r"[.,]", "", text))
        if re.fullmatch(r"-?\d+\.0+", text):
            return int(float(text))
    raise Unreadable(value)


def parse_phone(value) -> str:
    """Digits only, with the leading 0 that Excel drops from numbers restored."""
    if isinstance(value, bool):
        raise Unreadable(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise Unreadable(value)
        value = int(value)
    text = str(value)
    digits = re.sub(r"[\s.\-()]", "", normalize_text(text))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not digits.isdigit():
        raise Unreadable(value)
    if not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    if re.fullmatch(r"0[35789]\d{8}|02\d{9}", digits):
        return digits
    raise Unreadable(value)


# The landline area codes of three digits (Hà Nội, Hồ Chí Minh City: eight-digit numbers); every
# other area code has four (Thông tư 22/2014/TT-BTTTT, the area codes from 2017).
_SHORT_AREA_CODES = ("024", "028")


def format_phone(digits: str, as_issued: bool = False) -> str:
    """0912345678 → 0912 345 678; 02203123456 → 0220 3123 456; 02838204571 → 028 3820 4571
    (its area code apart, as the city writes it; ``as_issued``: as doithoai 0.4 grouped it,
    0283 8204 571, what documents issued before hold)."""
    if len(digits) == 10:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if digits.startswith(_SHORT_AREA_CODES) and not as_issued:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


# --- text ------------------------------------------------------------------------------------

def to_text(value) -> str:
    """Any cell value as the text a clerk sees (numbers without a spurious .0)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)
