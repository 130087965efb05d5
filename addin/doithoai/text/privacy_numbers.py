"""Numbers in a citizen's text, for :mod:`doithoai.text.privacy`: phones, identity numbers, tax
codes and bank accounts (read from runs of digit groups, named by the word before them or told
by their shape), passports, licence plates and e-mail addresses. The rules are stated in
:mod:`doithoai.text.privacy`; each finder returns :class:`privacy_words.Found` spans.
"""
from __future__ import annotations

import re

from doithoai.text import privacy_words as w

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
    if w.UNIT_AFTER.match(view, end) or (named is None and _COUNT_AFTER.match(view, end)):
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

    def identifiers(self) -> list[w.Found]:
        """From each group, the longest stretch of groups that reads as one identifier:
        telling shapes first, then lengths alone."""
        out: list[w.Found] = []
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

    def longest(self, i: int, judge, taken: list[w.Found]) -> tuple[w.Found, int] | None:
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
                return w.Found(s, e, kind), j
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


def numbers(view: str, digit_runs: list[re.Match]) -> list[w.Found]:
    """Phones, identity numbers, tax codes and accounts, read from the runs of digit groups
    that the text's digits begin (no other scan of the text)."""
    out: list[w.Found] = []
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


def passports(view: str) -> list[w.Found]:
    low = view.lower()
    if "chiếu" not in low and "chieu" not in low and "passport" not in low:
        return []
    return [w.Found(m.start(1), m.end(1), "identity") for m in _PASSPORT.finditer(view)]


# --- plates and e-mails ------------------------------------------------------------------------

_PLATE_BODY = (r"[1-9]\d[ \u00a0]?[-–]?[ \u00a0]?(?:{series})[ \u00a0]?[-–.]?[ \u00a0]?"
               r"(?:\d{{3}}[.,]\d{{2}}|\d{{3}} \d{{2}}|\d{{4,5}})(?!\w)")
_PLATE = re.compile(_PLATE_BODY.format(series=r"MĐ\d|[A-ZĐ]{1,2}\d?"))
# In lower case only after a word naming a plate: "29 va 2018" is none.
_PLATE_LOWER = re.compile(_PLATE_BODY.format(series=r"(?i:mđ|md)\d|(?i:[a-zđ]{1,2})\d?"))
_PLATE_WORDS = {a: w.seqs(w.PLATE_WORDS, a) for a in (False, True)}
AT_WORD = re.compile(r"[(\[](?i:at)[)\]]")
_EMAIL = re.compile(r"[\w.+-]+ ?(?:@|\(at\)|\[at\]) ?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def plates(view: str, digit_runs: list[re.Match]) -> list[w.Found]:
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
        out.append(w.Found(s, m.end(), "plate"))
    return out


def _plate_named(view: str, s: int) -> bool:
    """A word naming a plate among the three words before ``s`` ("biển số là 29a…")."""
    return _named_by(view, s, _PLATE_WORDS)


def _named_by(view: str, s: int, named: dict) -> bool:
    """One of ``named``'s phrases among the three words before ``s``."""
    words = w.words_before(view, s, 3)
    phrases = named[w.without_accents(view)]
    return any(w.suffix_in(words[:k], phrases) for k in range(len(words), 0, -1))


# A fishing vessel's registration number as painted on its hull (Luật Thủy sản 2017; Thông tư
# 23/2018/TT-BNNPTNT): the province's letters, 4 or 5 digits, "TS": QNg-90123-TS, BĐ 91234 TS,
# KG91234TS; in lower case only after a word naming a boat ("tàu qng-90123-ts").
_BOAT_BODY = (r"(?<![\w-])[A-ZĐ][A-Za-zĐđ]{0,2}[ \u00a0]?[-–]?[ \u00a0]?\d{4,5}[ \u00a0]?[-–]?"
              r"[ \u00a0]?TS(?!\w)")
_BOAT = re.compile(_BOAT_BODY)
_BOAT_LOWER = re.compile(_BOAT_BODY, re.IGNORECASE)
_BOAT_WORDS = {a: w.seqs(w.BOAT_WORDS, a) for a in (False, True)}


def boats(view: str) -> list[w.Found]:
    """Fishing boats' registration numbers (the "TS" suffix is what tells them)."""
    return [w.Found(m.start(), m.end(), "boat") for m in _BOAT_LOWER.finditer(view)
            if _BOAT.fullmatch(m.group()) or _named_by(view, m.start(), _BOAT_WORDS)]


def emails(view: str) -> list[w.Found]:
    return [w.Found(m.start(), m.end(), "email") for m in _EMAIL.finditer(view)]
