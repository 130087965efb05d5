"""Personal data inside free text, masked before the text leaves the registry.

A citizen writes their phone number, identity card, bank account or house number into the
content of an opinion as often as into the columns meant for them, and names people ("nhà bà
Ngô", "ông Nguyễn Văn Tám xóm 3"). Whatever leaves the registry (the monitoring workbook and the
province's roll-up built on it, the documents that are posted or read aloud) goes through
:func:`mask`, the one entry point: each identifier becomes a mask that says what it was, and
public places, numbers and names stay readable. :func:`find` gives the same spans with their
kind (validation uses :func:`kinds_in`). The words read by are in :mod:`privacy_words`; names
are read by :mod:`privacy_names`.

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
- email ``[thư điện tử]``: name@domain, also with a space before "@" or written "(at)".
- house ``[số nhà]``: the number after số nhà, nhà số, SN, căn hộ (số), căn số or nhà (the lead
  stays: "nhà số [số nhà]"); "số N" before a street or place word or a street's name ("số 12 Lê
  Lợi", "số 7 ngõ 45", "Nhà bà Ngô số 12 ngõ 5": all of "số 12" goes); a number after ở, tại,
  địa chỉ, đ/c before a street's name or a street word and its number ("Địa chỉ: 45 Trần Phú").
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

import dataclasses
import re
import unicodedata

from doithoai.text import privacy_names
from doithoai.text import privacy_words as w

MASKS = {"phone": "[số điện thoại]", "identity": "[số giấy tờ]", "tax": "[mã số thuế]",
         "bank": "[số tài khoản]", "plate": "[biển số xe]", "email": "[thư điện tử]",
         "house": "[số nhà]", "name": "[họ tên]"}
KINDS = tuple(MASKS)
PHONE_MASK = MASKS["phone"]
ID_MASK = MASKS["identity"]
EMAIL_MASK = MASKS["email"]
HOUSE_MASK = MASKS["house"]


@dataclasses.dataclass(frozen=True, slots=True)
class Found:
    """One identifier: ``text[start:end]`` is masked as ``MASKS[kind]``."""
    start: int
    end: int
    kind: str


# --- numbers -----------------------------------------------------------------------------------

_GROUP = r"(?:\(\+?\d{1,4}\)|\+?\d+)"
_SEP = (r"(?:[ \u00a0\u202f]?[.\-–—_·][ \u00a0\u202f]?|[ \u00a0\u202f\t]{1,3}"
        r"|,(?=\d{3}(?!\d)))")
_RUN = re.compile(_GROUP + "(?:" + _SEP + _GROUP + ")*")       # digit groups and separators
_DIGITS = re.compile(r"\d+")
_NAMING = {" ".join(p.split()): kind for kind, words in w.NAMING_WORDS.items()
           for p in words + w.plain(words)}
_NAMING_LONGEST = max(len(p.split()) for p in _NAMING)
_NAMING_REACH = 40          # characters before a number searched for the word naming it
_CLAUSE_END = re.compile(r"[\d;!?\n]|\.\s")
_UNIT_AFTER = re.compile(r"[ \u00a0]*(?:%|\$|" + w.alternation(w.UNITS) + r"(?!\w))",
                         re.IGNORECASE)
_COUNT_AFTER = re.compile(r"[ \u00a0]*" + w.alternation(w.COUNTS) + r"(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _named(view: str, start: int) -> tuple[str | None, bool]:
    """The kind the nearest naming word before ``start`` gives, if nothing but a few words
    (no digit, no end of clause) lies between; and whether it ends right at ``start``
    ("sdt0912…")."""
    window = view[max(0, start - _NAMING_REACH):start]
    if "]" in window:
        window = window[window.rfind("]") + 1:]   # a mask names nothing ("[số tài khoản]")
    cut = None
    for cut in _CLAUSE_END.finditer(window):
        pass
    words = w.WORD.findall(window[cut.end() if cut else 0:].lower())
    for end in range(len(words), 0, -1):
        for size in range(min(_NAMING_LONGEST, end), 0, -1):
            kind = _NAMING.get(" ".join(words[end - size:end]))
            if kind:
                return kind, end == len(words) and window[-1:].isalpha()
    return None, False


def _phone_shape(d: str) -> bool:
    n = len(d)
    if n == 10:
        return d[0] == "0" and d[1] in "35789"
    if n == 11:
        return d[:2] in ("01", "02") or (d[:2] == "84" and d[2] in "35789")
    if n == 12:
        return d[:3] == "840" and d[3] in "35789"
    return n == 13 and d[:4] == "0084" and d[4] in "35789"


def _strong(d: str, named: str | None, groups: list[str], seps: list[str]) -> str | None:
    """The kind a number is by the word naming it, or by a shape nothing else has."""
    n = len(d)
    if named == "bank" and 8 <= n <= 19:
        return "bank"
    if named == "tax" and n in (10, 12, 13):
        return "tax"
    if named == "identity" and n in (9, 12):
        return "identity"
    if named == "phone" and 9 <= n <= 13:
        return "phone"
    if _phone_shape(d):
        return "phone"
    if n == 12 and d[0] == "0":
        return "identity"
    if n == 13 and len(groups) == 2 and len(groups[0]) == 10 and seps[0].strip() == "-":
        return "tax"
    return None


def _weak(d: str, named: str | None, groups: list[str], seps: list[str]) -> str | None:
    """The kind of a number only its length tells (no naming word, no telling shape)."""
    n = len(d)
    if n == 10 and d[0] != "0":
        return "tax"
    if n == 9 and d[0] == "0":
        return "identity"
    if 11 <= n <= 19:
        return "bank"
    return None


def _public_number(d: str, groups: list[str], seps: list[str], named: str | None,
                   view: str, end: int) -> bool:
    """An amount, a measure, years in a row or a public hotline, not an identifier."""
    if d[:4] in ("1800", "1900") and len(d) in (8, 10) and named is None:
        return True
    if len(groups) > 1 and all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups):
        return True
    if d[0] == "0":
        return False                  # amounts never begin with 0; identifiers often do
    if _UNIT_AFTER.match(view, end) or (named is None and _COUNT_AFTER.match(view, end)):
        return True                   # 1.200.000.000 đồng; 12345678 người (unless named)
    thousands = (len(groups) > 1 and len(groups[0]) <= 3
                 and all(len(g) == 3 for g in groups[1:])
                 and all(s in (".", ",") for s in seps))
    return thousands and named is None


class _Run:
    """One run of digit groups, read into the identifiers it holds."""

    def __init__(self, view: str, run: re.Match):
        self.view = view
        self.parts = list(_DIGITS.finditer(view, run.start(), run.end()))
        self.named_at: dict[int, tuple[str | None, bool]] = {}
        before = view[run.start() - 1] if run.start() else " "
        self.glued = before.isalpha()           # "sdt0912…", or a code "H40-250612-0001"

    def named(self, start: int) -> tuple[str | None, bool]:
        if start not in self.named_at:
            self.named_at[start] = _named(self.view, start)
        return self.named_at[start]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Where groups i..j begin and end, with the "+" and the brackets of a code that leads
        them ("+84", "(0225) 3845 678", "(+84) 912…"); a number wholly in brackets keeps
        them."""
        view, s, e = self.view, self.parts[i].start(), self.parts[j].end()
        if s and view[s - 1] == "+":
            s -= 1
        if i < j and s and view[s - 1] == "(" and view.startswith(")", self.parts[i].end()):
            s -= 1
        return s, e

    def identifiers(self) -> list[Found]:
        """From each group, the longest stretch of groups that reads as one identifier:
        telling shapes first, then lengths alone."""
        out: list[Found] = []
        for judge in (_strong, _weak):
            if all(any(f.start <= p.start() and p.end() <= f.end for f in out)
                   for p in self.parts):
                break
            i = 0
            while i < len(self.parts):
                hit = self.longest(i, judge, out)
                if hit:
                    out.append(hit[0])
                i = hit[1] + 1 if hit else i + 1
        return out

    def longest(self, i: int, judge, taken: list[Found]) -> tuple[Found, int] | None:
        for j in range(len(self.parts) - 1, i - 1, -1):
            groups = [p.group() for p in self.parts[i:j + 1]]
            d = "".join(groups)
            if not 8 <= len(d) <= 19:
                continue
            s, e = self.span(i, j)
            seps = [self.view[self.parts[k].end():self.parts[k + 1].start()]
                    for k in range(i, j)]
            if any(f.start < e and s < f.end for f in taken) or \
                    any(len(x.strip(" \u00a0\u202f()+")) > 1 for x in seps):
                continue
            named, touching = self.named(s)
            if i == 0 and self.glued and not touching:
                return None               # part of a code ("H40-250612-0001"), not a number
            seps = [x.strip() for x in seps]
            if _public_number(d, groups, seps, named, self.view, e):
                continue
            kind = judge(d, named, groups, seps)
            if kind:
                return Found(s, e, kind), j
        return None


def _run_at(view: str, s: int) -> re.Match:
    """The run of digit groups that begins with the digits at ``s`` (or with the "+", "(+"
    or "(" just before them: "+84 912…", "(0225) 3845 678")."""
    for back in (2, 1):
        if s >= back and view[s - back] in "(+" and (back == 1 or view[s - 1] == "+"):
            m = _RUN.match(view, s - back)
            if m:
                return m
    return _RUN.match(view, s)


def _numbers(view: str, digit_runs: list[re.Match]) -> list[Found]:
    """Phones, identity numbers, tax codes and accounts, read from the runs of digit groups
    that the text's digits begin (no other scan of the text)."""
    out: list[Found] = []
    done = 0
    for digits_at in digit_runs:
        if digits_at.start() < done:
            continue                  # already read as part of an earlier run
        match = _run_at(view, digits_at.start())
        done = match.end()
        run = _Run(view, match)
        groups = [p.group() for p in run.parts]
        before = view[match.start() - 1] if match.start() else " "
        if sum(map(len, groups)) < 8 or before.isdigit() or before in ".," or \
                (before == "/" and sum(map(len, groups)) < 9):
            continue                  # too short, or the tail of a decimal, date, document
        seps = [view[a.end():b.start()].strip() for a, b in zip(run.parts, run.parts[1:])]
        if _public_number("".join(groups), groups, seps, run.named(match.start())[0], view,
                          match.end()):
            continue                  # 120.000.000.000 đồng: no part of it is an identifier
        out += run.identifiers()
    return out


_PASSPORT = re.compile(r"(?<!\w)(?:hộ chiếu|ho chieu|passport)[\s:]*(?:(?:số|so|là|la)[\s:]*)"
                       r"{0,2}([A-Z]\s?\d{7,8})(?!\w)", re.IGNORECASE)


def _passports(view: str) -> list[Found]:
    low = view.lower()
    if "chiếu" not in low and "chieu" not in low and "passport" not in low:
        return []
    return [Found(m.start(1), m.end(1), "identity") for m in _PASSPORT.finditer(view)]


# --- plates and e-mails ------------------------------------------------------------------------

_PLATE_BODY = (r"[1-9]\d[ \u00a0]?[-–]?[ \u00a0]?(?:{series})[ \u00a0]?[-–.]?[ \u00a0]?"
               r"(?:\d{{3}}[.,]\d{{2}}|\d{{3}} \d{{2}}|\d{{4,5}})(?!\w)")
_PLATE = re.compile(_PLATE_BODY.format(series=r"MĐ\d|[A-ZĐ]{1,2}\d?"))
# In lower case only after a word naming a plate: "29 va 2018" is none.
_PLATE_LOWER = re.compile(_PLATE_BODY.format(series=r"(?i:mđ|md)\d|(?i:[a-zđ]{1,2})\d?"))
_PLATE_WORDS = {a: w.seqs(w.PLATE_WORDS, a) for a in (False, True)}
_AT_WORD = re.compile(r"[(\[](?i:at)[)\]]")
_EMAIL = re.compile(r"[\w.+-]+ ?(?:@|\(at\)|\[at\]) ?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _plates(view: str, digit_runs: list[re.Match]) -> list[Found]:
    """Plates, each read from a run of two digits (the province) that begins one."""
    out = []
    for r in digit_runs:
        s = r.start()
        if r.end() - s != 2 or (s and (view[s - 1].isalnum() or view[s - 1] in ".,/+-")):
            continue
        m = _PLATE.match(view, s)
        if m is None:
            m = _PLATE_LOWER.match(view, s)
            if m is None or not _plate_named(view, s):
                continue
        out.append(Found(s, m.end(), "plate"))
    return out


def _plate_named(view: str, s: int) -> bool:
    """A word naming a plate among the three words before ``s`` ("biển số là 29a…")."""
    words = w.words_before(view, s, 3)
    phrases = _PLATE_WORDS[w.without_accents(view)]
    return any(w.suffix_in(words[:k], phrases) for k in range(len(words), 0, -1))


def _emails(view: str) -> list[Found]:
    return [Found(m.start(), m.end(), "email") for m in _EMAIL.finditer(view)]


# --- house numbers -------------------------------------------------------------------------------

_HOUSE_NUM = re.compile(r"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*(?![\w/])")
_LEADS = {a: w.seqs(w.LEADS, a) for a in (False, True)}
_AT = {a: w.seqs(w.AT_WORDS, a) for a in (False, True)}
_SO = {False: frozenset({"số", "so"}), True: frozenset({"so"})}
# The word before "số" that makes it a lead ("nhà số", "căn hộ số", "căn số").
_SO_LEAD_PREV = {a: frozenset(seq[-2] for seq in _LEADS[a] if len(seq) > 1 and seq[-1] in _SO[a])
                 for a in (False, True)}
# The last word before a number that can make it a house number: any other is passed over.
_HOUSE_LAST = {a: frozenset(seq[-1] for seq in _LEADS[a] | _AT[a]) | _SO[a]
               for a in (False, True)}
_HOUSE_TAILS = {a: tuple(_HOUSE_LAST[a]) for a in (False, True)}
_PUBLIC_NOUNS = {False: frozenset(w.PUBLIC_NOUNS),
                 True: frozenset(w.plain(n for n in w.PUBLIC_NOUNS if n not in w.ACCENT_ONLY))}
_BREAKS = {False: frozenset(w.PHRASE_BREAKS),
           True: frozenset(w.plain(w.PHRASE_BREAKS)) - _PUBLIC_NOUNS[True]}
_GROUPED = {False: frozenset(w.GROUPED), True: frozenset(w.plain(w.GROUPED))}
_UNIT_NEXT = {a: re.compile(r"[ \u00a0]*" + w.alternation(w.PLAIN_UNIT_WORDS if a else
                                                         w.UNIT_WORDS) + r"(?!\w)",
                            re.IGNORECASE) for a in (False, True)}


def _after_patterns(without: bool) -> tuple[re.Pattern, re.Pattern]:
    words = w.plain(w.STREET_WORDS) if without else w.STREET_WORDS + w.plain(w.STREET_WORDS)
    gap = r"[ \u00a0]*,?[ \u00a0]*"
    street = r"(?i:" + w.alternation(words) + r")(?!\w)"
    name = r"(?P<cap>" + w.UP + r"[^\W\d_])"   # Lê Lợi, Hàng Bông (LÊ LỢI in a text in capitals)
    return (re.compile(gap + "(?:" + street + "|" + name + ")"),
            re.compile(gap + "(?:" + street + r"[ \u00a0]+(?:\d|" + w.UP + ")|" + name + ")"))


# After "số N": a street or place word, or a street's name ("số 12 ngõ 5", "số 12 Lê Lợi");
# after "ở N", "địa chỉ: N": a street word and its number or name, or a street's name.
_AFTER_SO, _AFTER_AT = ({a: _after_patterns(a)[k] for a in (False, True)} for k in (0, 1))


def _houses(view: str, without: bool, digit_runs: list[re.Match]) -> list[Found]:
    """House numbers, found from each run of digits back to the words before it."""
    out = []
    for run in digit_runs:
        s = run.start()
        if (s and view[s - 1] in "/.,") or not w.may_follow(view, s, _HOUSE_TAILS[without]):
            continue                      # 12/34 is read from the 12
        last = w.word_before(view, s)
        if last[0] in _HOUSE_LAST[without]:
            m = _HOUSE_NUM.match(view, s)
            found = m and _house_at(view, without, s, m.end(), last)
            if found:
                out.append(found)
    return out


def _house_at(view: str, without: bool, s: int, e: int, last: tuple[str, int]) -> Found | None:
    """The house number ``view[s:e]``, if the words before it (``last`` the nearest) make it
    one."""
    if last[0] in _SO[without] and w.word_before(view, last[1])[0] not in _SO_LEAD_PREV[without]:
        return _numbered(view, without, last[1], e)      # "số 12 ngõ 5", not "nhà số 12"
    words = w.words_before(view, s, 4, last)
    k = w.suffix_in(words, _LEADS[without])
    if k:
        lead = [word for word, _ in words[-k:]]
        if len(words) > k and words[-k - 1][0] in _GROUPED[without] and \
                ("nhà" in lead or "nha" in lead):
            return None                   # tòa nhà số 3, dãy nhà 2, cả nhà 5 người
        if lead in (["nhà"], ["nha"]) and _UNIT_NEXT[without].match(view, e):
            return None                   # nhà 3 tầng, nhà 5 gian
        return Found(s, e, "house")
    if w.suffix_in(words, _AT[without]):
        after = _AFTER_AT[without].match(view, e)
        if after and not _UNIT_AFTER.match(view, e) and \
                not (after.group("cap") and _not_a_street(view, after.start("cap"))):
            return Found(s, e, "house")   # "Địa chỉ: 45 Trần Phú", not "ở 14 ha"
    return None


def _numbered(view: str, without: bool, at: int, e: int) -> Found | None:
    """"số N" (beginning at ``at``) as a house number: before a street or place word or a
    street's name, and not after a public noun ("cầu số 3") nor an amount ("số 3 triệu")."""
    after = _AFTER_SO[without].match(view, e)
    if after is None or _UNIT_AFTER.match(view, e) or _public_before_so(view, at, without) or \
            (after.group("cap") and _not_a_street(view, after.start("cap"))):
        return None
    return Found(at, e, "house")


def _public_before_so(view: str, at: int, without: bool) -> bool:
    """A public noun among the (up to three) words before "số" at ``at``, back to a word that
    ends the noun phrase: "cầu số 3", "bể nước số 3", "giếng khoan số 5", not "cửa hàng ở số
    45"."""
    words = [word for word, _ in w.words_before(view, at, 3)]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _BREAKS[without]:
            words = words[k + 1:]
            break
    return any(" ".join(words[i:j]) in _PUBLIC_NOUNS[without] for i in range(len(words))
               for j in range(i + 1, len(words) + 1))


def _not_a_street(view: str, at: int) -> bool:
    """The capitalised word at ``at`` cannot begin a street's name: a small word of a text in
    title case ("Số 3 Của …"), or an acronym in a text not typed in capitals."""
    word = w.WORD.match(view, at).group()
    if word.lower() in w.STOPS[False, True] or word.lower() in w.STOPS[True, True]:
        return True
    return len(word) > 1 and word.isupper() and not w.casing(view)[1]


# --- putting it together -------------------------------------------------------------------------

_SCAN = re.compile(r"(\d+)|" + privacy_names.CAP_RUN)   # digit runs, runs of capitalised words
_DIGITS_ONLY = re.compile(r"(\d+)")


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and where each kept character was (None when
    nothing was removed)."""
    if not w.INVISIBLE.search(text):
        return text, None
    where = [i for i, ch in enumerate(text) if not w.INVISIBLE.match(ch)]
    return "".join(text[i] for i in where), where


def find(text: str | None, names: bool = True) -> list[Found]:
    """Every identifier in ``text`` (read as NFC: pass the text :func:`normalized` returns),
    in order, none overlapping; ``names=False`` leaves out the names of persons."""
    if not text:
        return []
    view, where = _visible(text)
    without = w.without_accents(view)
    runs, caps, digits = [], [], 0
    for m in (_SCAN if names else _DIGITS_ONLY).finditer(view):    # one pass over the text
        if m.lastindex == 1:
            runs.append(m)
            digits += m.end() - m.start()
        else:
            caps.append(m)
    found: list[Found] = []
    if "@" in view or ("(" in view or "[" in view) and _AT_WORD.search(view):
        found += _emails(view)
    if digits >= 6:
        found += _plates(view, runs)
    if digits >= 7:
        found += _passports(view)
    if digits >= 8:
        found += _numbers(view, runs)
    if digits:
        found += _houses(view, without, runs)
    if names:
        found += [Found(s, e, "name") for s, e in privacy_names.names(view, without, caps)]
    kept: list[Found] = []
    for f in found:                              # earlier finders win an overlap
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f.start)
    if where is None:
        return kept
    return [Found(where[f.start], where[f.end - 1] + 1, f.kind) for f in kept]


def normalized(text: str) -> str:
    """The text :func:`find` reads: composed (NFC), as Excel and Word store Vietnamese."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def mask(text: str | None) -> str | None:
    """``text`` (composed, NFC) with every identifier replaced by the mask of its kind."""
    if not text:
        return text
    text = normalized(text)
    found = find(text)
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
    if not text or (not names and not any(map(str.isdigit, text)) and "@" not in text
                    and not _AT_WORD.search(text)):
        return []
    got = {f.kind for f in find(normalized(text), names=names)}
    return [k for k in KINDS if k in got]


def has_phone(text: str | None) -> bool:
    """``text`` holds a phone number (every phone has at least nine digits: a text with fewer
    is not read further)."""
    return bool(text) and sum(map(str.isdigit, text)) >= 9 and "phone" in kinds_in(text)
