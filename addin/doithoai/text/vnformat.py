"""Vietnamese formatting for documents (Decree 30/2020/NĐ-CP, Appendix I) and name order.

- the date line: day below 10 and months 1 and 2 padded ("ngày 05 tháng 02 năm 2026"), other
  months not ("ngày 15 tháng 5 năm 2026");
- weekday names ("thứ Hai" … "thứ Bảy", "Chủ nhật"), times ("08 giờ 00 phút");
- document numbers ("Số: 07/GM-UBND"; party: "Số 02-KH/ĐU");
- Vietnamese alphabetical order of people: given name first, then surname, then the middle
  names, by the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y)
  and the tones in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng). Python's plain sort
  puts "Đ" after "Z" and "Á" after "B": it gets this wrong.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from doithoai.text import honorifics

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def date_words(d: dt.date) -> str:
    """"ngày 05 tháng 02 năm 2026" (Decree 30: day < 10 and months 1-2 take a leading 0)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def date_line(place: str, d: dt.date | None, year: int | None = None) -> str:
    """"Tứ Minh, ngày 15 tháng 5 năm 2026"; a draft with no date keeps the day and month blank
    and prints ``year``, the year it will be issued in (the caller knows it: the computer's
    clock does not). With no year either, the year is a blank to fill too."""
    if d is None:
        return f"{place}, ngày      tháng      năm {year if year else '      '}"
    return f"{place}, {date_words(d)}"


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def time_words(t: dt.time) -> str:
    return f"{t.hour:02d} giờ {t.minute:02d} phút"


def short_date(d: dt.date) -> str:
    """"05/03/2026" (dd/mm/yyyy; the year as it is). Formatted by hand: strftime costs three
    times as much, and a registry of 50,000 opinions prints over a hundred thousand dates."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def meeting_time(start: dt.time | None, end: dt.time | None, d: dt.date) -> str:
    """"08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 12/6/2026" (after "Thời gian:")."""
    parts = []
    if start:
        parts.append(time_words(start) + (f" đến {time_words(end)}" if end else ""))
    parts.append(f"{weekday(d)}, ngày {d.day:02d}/{d.month:02d}/{d.year}")
    return ", ".join(parts)


def meeting_time_in_sentence(start: dt.time | None, end: dt.time | None, d: dt.date) -> str:
    """The same inside a sentence: "từ 08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày
    12/6/2026" when it ends at a stated hour, else "vào 08 giờ 00 phút, thứ Sáu, ngày …"."""
    when = meeting_time(start, end, d)
    return f"từ {when}" if start and end else f"vào {when}"


def number_line(number: int | None, symbol: str, party: bool) -> str:
    """State: "Số: 07/GM-UBND"; party: "Số 02-KH/ĐU". No number yet: blanks to fill."""
    if party:
        return f"Số {number:02d}-{symbol}" if number else f"Số      -{symbol}"
    return f"Số: {number:02d}/{symbol}" if number else f"Số:      /{symbol}"


def honorific(title: str | None, name: str) -> str:
    """Danh xưng and the name side by side, as typed (a form typed in the name too is not
    looked at: the value an issued invitation's fingerprint was made from; documents print
    honorifics.addressed)."""
    return f"{title} {name}".strip() if title else name


def listing(names: list[str]) -> str:
    """Names in a sentence: "A", "A và B", "A, B và C"; commas only when one of the last two
    has its own "và" (never "… công và Văn phòng HĐND và UBND", which reads as three)."""
    if len(names) <= 1:
        return "".join(names)
    if any(" và " in f" {name} " for name in names[-2:]):
        return ", ".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def comrade(name: str | None) -> str | None:
    """An officer named in running text ("liên hệ đồng chí Lê Thị Mai"), as the commune's
    documents name their own staff; a name typed with another form of address with that form,
    once and in lower case ("Bà Lê Thị Mai" → "bà Lê Thị Mai"; "Đ/c Mai" → "đồng chí Mai")."""
    form, bare = honorifics.split(name)
    if not bare:
        return None
    if form and form != "Đồng chí":
        return f"{form.lower()} {bare}"
    return f"đồng chí {bare}"


# --- Vietnamese collation ------------------------------------------------------------------------

_ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPES = {"\u0306", "\u0302", "\u031b"}                                       # ă â, ê ô, ơ ư


def _letters(word: str) -> tuple[tuple, tuple]:
    """(letter ranks, tone ranks) of a word, case-insensitive."""
    letters, tones = [], []
    for ch in unicodedata.normalize("NFC", word.lower()):
        if ch == "đ":
            letters.append(_RANK["đ"])
            tones.append(0)
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        shape = "".join(m for m in marks if m in _SHAPES)
        letter = unicodedata.normalize("NFC", base + shape)
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        letters.append(_RANK.get(letter, 100 + ord(base)))
        tones.append(tone)
    return tuple(letters), tuple(tones)


@functools.lru_cache(maxsize=65536)
def collate(text: str) -> tuple:
    """Sort key for Vietnamese text: all letters first, tones only to break ties."""
    words = [_letters(w) for w in text.split()]
    return (tuple(w[0] for w in words), tuple(w[1] for w in words))


def name_key(full_name: str) -> tuple:
    """Given name, then surname, then middle names: "Nguyễn Văn An" sorts under "An"."""
    words = full_name.split()
    if not words:
        return ((), ())
    given, surname, middle = words[-1], words[0] if len(words) > 1 else "", words[1:-1]
    return (collate(given), collate(surname), collate(" ".join(middle)))


def sort_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_key)


def village_head(village: str) -> str:
    """Who heads a village, in full: "TDP Cẩm Khê A" → "Tổ trưởng tổ dân phố Cẩm Khê A",
    "Thôn Đông" → "Trưởng thôn Đông", "Khu 3" → "Trưởng khu 3" (never "Tổ trưởng tdp")."""
    name = " ".join((village or "").split())
    low = name.lower()
    for prefix in ("tdp ", "tổ dân phố "):
        if low.startswith(prefix):
            return "Tổ trưởng tổ dân phố " + name[len(prefix):]
    for prefix in ("thôn", "xóm", "bản", "ấp", "khu vực", "khu", "khối", "buôn", "làng", "khóm",
                   "sóc"):
        if low.startswith(prefix + " "):
            return f"Trưởng {prefix} {name[len(prefix) + 1:]}"
    return f"Trưởng thôn, tổ dân phố {name}" if name else "Trưởng thôn, tổ dân phố"


# The common noun before a place's own name is written in lower case inside a sentence (Decree
# 30/2020/NĐ-CP, Appendix II: "thôn Kim Trang Đông", "tổ dân phố Cẩm Khê A", "số 5 ngõ 3"): a
# kind word typed with its capital ("Thôn", "Tổ Dân Phố") at the start of a place, or of a
# part of an address after a comma, a semicolon or a bracket. An abbreviation (TDP, KP) and a
# text typed in capitals stay as typed; so does a proper name that is no kind word.
#
# Some kind words also begin the proper names of larger places: Buôn Ma Thuột, Sóc Sơn, Bản
# Lầu, Đội Cấn, Phố Lu, Đường Lâm. In a list of the plan's villages every first word is a kind
# word (but "Đội", "Cụm" only before a number). In an address or a venue, which may name a
# commune or a city, only the kind words that begin no such name are lowered, and the others
# only before a number ("Bản 3").
_VILLAGE_NOUNS = ("Tổ dân phố", "Khu dân cư", "Khu phố", "Thôn", "Xóm", "Ấp", "Khóm", "Khối")
_BEFORE_NUMBER = ("Bản", "Buôn", "Bon", "Làng", "Sóc", "Phum", "Plei", "Tổ", "Khu", "Đội", "Cụm")
_ADDRESS_NOUNS = ("Số nhà", "Số", "Ngõ", "Ngách", "Hẻm", "Kiệt")
_SPACE = "[ \u00a0]+"
_NUMBERED = "(?:" + "|".join(_BEFORE_NUMBER) + ")(?=[ \u00a0]+\\d)"


def _nouns(words) -> str:
    """An alternation of ``words``, each word after the first in either case ("Tổ Dân Phố")."""
    def one(phrase):
        first, *rest = phrase.split()
        return _SPACE.join([re.escape(first)] + [f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
                                                 for w in rest])
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


_LISTED = _VILLAGE_NOUNS + tuple(w for w in _BEFORE_NUMBER if w not in ("Đội", "Cụm"))
_PLACE_KIND = re.compile(rf"(?:^|(?<=[,;(]))([ \u00a0]*)({_nouns(_LISTED)}|{_NUMBERED})"
                         rf"(?={_SPACE}\w)")
_ADDRESS_KIND = re.compile(rf"(?:^|(?<=[,;(]))([ \u00a0]*)"
                           rf"({_nouns(_VILLAGE_NOUNS + _ADDRESS_NOUNS)}|{_NUMBERED})(?={_SPACE}\w)")


def place_in_sentence(text: str | None) -> str | None:
    """A place, or a list of them, as it reads inside a sentence: "Thôn Kim Trang Đông, Thôn
    Kim Trang Tây" → "thôn Kim Trang Đông, thôn Kim Trang Tây"."""
    return _PLACE_KIND.sub(_lowered, text) if text else text


def address_in_sentence(text: str | None, places=()) -> str | None:
    """An address as it reads inside a sentence: its house number and street words too ("Số 5
    ngõ 3, Thôn Đông" → "số 5 ngõ 3, thôn Đông"), and each of ``places`` (the plan's villages)
    it names, wherever it stands ("Khu Hạ Long" → "khu Hạ Long")."""
    return _ADDRESS_KIND.sub(_lowered, _known(text, places)) if text else text


def places_in_sentence(text: str | None, places) -> str | None:
    """``text`` with each of ``places`` it names after its first word as inside a sentence
    ("Tổ chức hội nghị … với Nhân dân Thôn Đông" → "… với Nhân dân thôn Đông"; "Thôn Đông" and
    "- Thôn Đông;" begin a line and stay); spaces inside a name may be non-breaking
    (:func:`keep_together`)."""
    if not text:
        return text
    head, rest = _first_word(text)
    return head + _known(rest, places)


def _known(text: str, places) -> str:
    """``text`` with each of ``places`` it names written as inside a sentence."""
    for place in sorted({" ".join(p.split()) for p in places if p}, key=len, reverse=True):
        inside = place_in_sentence(place)
        if inside != place:
            for typed, printed in ((place, inside), (place.replace(" ", NBSP),
                                                      inside.replace(" ", NBSP))):
                text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", lambda _, p=printed: p,
                              text)
    return text


_FIRST_WORD = re.compile(r"\W*\w+")


def _first_word(text: str) -> tuple[str, str]:
    """``text`` cut after its first word (and what comes before it: "- Thôn", "Thôn")."""
    first = _FIRST_WORD.match(text)
    cut = first.end() if first else 0
    return text[:cut], text[cut:]

# A kind word inside a text that may name other things ("Nhà văn hóa Tổ dân phố Cẩm Khê A",
# "Hội trường Khu 3"): only the kind words that name nothing else, or one before a number.
_KIND_INSIDE = re.compile(rf"(?<=[ \u00a0,(])({_nouns(_VILLAGE_NOUNS)}|{_NUMBERED})(?={_SPACE}\w)")


def venue_in_sentence(text: str | None, places=()) -> str | None:
    """A venue inside a sentence: the places it names after its first word with their kind
    word in lower case ("Nhà văn hóa Tổ dân phố Cẩm Khê A" → "Nhà văn hóa tổ dân phố Cẩm Khê
    A", "Hội trường Thôn 1" → "Hội trường thôn 1"), listed in ``places`` or not."""
    text = places_in_sentence(text, places)
    if not text:
        return text
    head, rest = _first_word(text)
    return head + _KIND_INSIDE.sub(lambda m: m.group(1).lower(), rest)


def _lowered(m: re.Match) -> str:
    return m.group(1) + m.group(2).lower()


# The word a village's name begins with: what its people call that kind of village, and the
# general kind it belongs to. "Thôn" and "tổ dân phố" are the general terms (Thông tư
# 04/2012/TT-BNV, Điều 2: thôn for làng, ấp, bản, buôn, bon, phum, sóc…; tổ dân phố for khu
# phố, khối phố, khóm…); a commune whose villages are "Xóm 1" and "Khối Yên Sơn" calls them xóm
# and khối, a đặc khu whose are "Khu 3" calls them khu. The general kind is "" for the words doithoai 0.4 did not know: it goes into values
# that issued documents' fingerprints hold (documents.context.hierarchy.village_word).
_KIND_WORDS = (("tdp ", "tổ dân phố", "tổ dân phố"), ("tổ dân phố ", "tổ dân phố", "tổ dân phố"),
               ("tổ ", "tổ dân phố", "tổ dân phố"), ("thôn ", "thôn", "thôn"),
               ("xóm ", "xóm", "thôn"), ("bản ", "bản", "thôn"), ("ấp ", "ấp", "thôn"),
               ("làng ", "làng", "thôn"), ("buôn ", "buôn", "thôn"), ("bon ", "bon", ""),
               ("phum ", "phum", ""), ("sóc ", "sóc", ""), ("khối phố ", "khối phố", ""),
               ("khối ", "khối", ""), ("khu phố ", "khu phố", ""), ("khóm ", "khóm", ""),
               ("khu dân cư ", "khu dân cư", ""), ("khu vực ", "khu vực", ""), ("khu ", "khu", ""))
GENERAL_KINDS = ("thôn", "tổ dân phố")


def _kind_words(village: str) -> tuple[str, str]:
    """(local word, general kind) of the village's name; ("", "") when it does not say."""
    low = " ".join((village or "").split()).lower() + " "
    return next(((local, general) for prefix, local, general in _KIND_WORDS
                 if low.startswith(prefix)), ("", ""))


def village_kind(village: str) -> str:
    """"TDP Cẩm Khê A" → "tổ dân phố", "Thôn Đông" → "thôn"; "" when the name does not say."""
    return _kind_words(village)[1]


def local_kind(village: str) -> str:
    """"Xóm 2" → "xóm", "Khối Yên Sơn" → "khối", "TDP Cẩm Khê A" → "tổ dân phố"; "" when
    the name does not say."""
    return _kind_words(village)[0]


def without_kind_word(subject: str, kind: str) -> str:
    """A subject typed with the document's own kind before it ("Kế hoạch tổ chức hội nghị…"),
    which its title or its reference already says: the rest ("Tổ chức hội nghị…"), or the
    subject itself when it does not begin so or is nothing more."""
    m = re.match(rf"\s*{re.escape(kind)}\s+(?=\S)", subject or "", re.IGNORECASE)
    if not m:
        return subject or ""
    rest = subject[m.end():]
    return rest[:1].upper() + rest[1:]


def head_of(kind: str) -> str:
    """Who heads a village of that kind: "Tổ trưởng tổ dân phố", "Trưởng thôn", "Trưởng
    xóm"."""
    return "Tổ trưởng tổ dân phố" if kind == "tổ dân phố" else f"Trưởng {kind}"


def local_kinds(villages) -> list[str]:
    """The kinds the villages' own names say, each once, in their order ("" ones left
    out)."""
    return [k for k in dict.fromkeys(local_kind(v) for v in villages) if k]


def unit_village_word(villages, unit_type: str | None) -> str:
    """What a unit calls its villages: the plan's own names decide ("TDP Cẩm Khê A" is a tổ
    dân phố), else the unit type (phường: tổ dân phố; xã: thôn; đặc khu: both)."""
    kinds = {village_kind(v) for v in villages} - {""}
    if len(kinds) == 1:
        return kinds.pop()
    if len(kinds) > 1:
        return "thôn, tổ dân phố"
    return {"phường": "tổ dân phố", "xã": "thôn"}.get(unit_type or "xã", "thôn, tổ dân phố")


def unit_village_kinds(villages, unit_type: str | None) -> list[str]:
    """What a plan's texts call its villages: the kinds their own names say ("Xóm 1", "Khối
    Yên Sơn": xóm, khối), else the unit's (:func:`unit_village_word`); empty when only the
    general "thôn, tổ dân phố" fits."""
    kinds = local_kinds(villages)
    if kinds:
        return kinds
    word = unit_village_word(villages, unit_type)
    return [word] if word in GENERAL_KINDS else []


_GENERAL_PAIR = re.compile(r"\b([Tt])rưởng thôn, [Tt]ổ trưởng tổ dân phố\b")
_GENERAL_UNITS = re.compile(r"\b([Tt])hôn, tổ dân phố\b")
_TO_EVERY = re.compile(r"(?:, |\btới |\bđến |\bvà |\bcho )$")
# "trưởng thôn" said of every village: not of one by its name ("Trưởng thôn Đông", "trưởng
# thôn 3": a capital or a digit follows)
_GENERAL_HEAD = re.compile(r"\b([Tt])rưởng thôn\b(?!,? tổ dân phố)(?= *(\w?))")


def with_village_words(text: str | None, kinds: list[str]) -> str:
    """``text`` with the general "thôn, tổ dân phố" and "trưởng thôn" said in ``kinds`` ("xóm,
    khối", "trưởng xóm, trưởng khối"), a capital kept where the text had one; ``text`` as it
    is when ``kinds`` is empty."""
    if not text or not kinds:
        return text or ""
    words = ", ".join(kinds)
    heads = ", ".join(head_of(k) for k in kinds)

    def cased(phrase: str, capital: str) -> str:
        if capital.isupper():
            return phrase[:1].upper() + phrase[1:]
        return ", ".join(p[:1].lower() + p[1:] for p in phrase.split(", "))

    def head(m: re.Match) -> str:
        after = m.group(2)
        if after.isdigit() or after.isupper():
            return m.group(0)
        return cased(heads, m.group(1))

    def units(m: re.Match) -> str:
        # every village as one of several bodies ("Ủy ban MTTQ, thôn, tổ dân phố") or where
        # something goes ("tới thôn, tổ dân phố"): "Ủy ban MTTQ, các ấp", "tới các ấp"
        every = _TO_EVERY.search(text, 0, m.start()) is not None and \
            words != m.group(0).lower()          # the general words, as they were
        return ("các " if every else "") + cased(words, m.group(1))

    text = _GENERAL_PAIR.sub(lambda m: cased(heads, m.group(1)), text)
    text = _GENERAL_UNITS.sub(units, text)
    return _GENERAL_HEAD.sub(head, text)


NBSP = "\u00a0"


def keep_together(text: str, names=()) -> str:
    """Non-breaking spaces inside each proper name of ``names`` and between "năm" and its year,
    so a title never breaks inside "TDP Cẩm Khê B" nor leaves "2026" alone on its last line."""
    for name in sorted((n for n in names if n and " " in n), key=len, reverse=True):
        text = text.replace(name, name.replace(" ", NBSP))
    return re.sub(r"\b(năm|Năm|NĂM) (\d{4})\b", lambda m: m.group(1) + NBSP + m.group(2), text)
