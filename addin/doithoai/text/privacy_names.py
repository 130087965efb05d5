"""The names of private persons in a citizen's text, for :mod:`doithoai.text.privacy`.

A name is read from a run of capitalised words (or, in lower case, from "văn"/"thị"):

- after a form of address just before the run ("nhà bà Ngô", "Tôi là Nguyễn Văn Hùng") or
  beginning it ("Ông Tám …"; further in only in a text typed in title case or capitals, and
  never right after a surname: "Võ Anh Tư" is one name): one to four words, up to the first
  that ends a name (words.STOPS);
- with no form of address, three or four words beginning with a surname ("Nguyễn Thị Hoa (thôn
  2) hỏi…"; in title case or capitals only with a common surname or middle name, and where a
  name can begin);
- in lower case, a common surname, văn or thị and one more word ("nguyễn văn tám"; without
  accents only after a form of address: "tu van", "do thi" are ordinary words there).

What is not a person's name: a title or a thing after the form ("ông Trưởng thôn", "có Quyết
định"), a name right after a public-place noun or an official title ("đường Lê Lợi", "Chủ tịch
xã Nguyễn Văn Hùng"), after a house number ("số 12 Nguyễn Văn Cừ"), a public figure ("Trần
Hưng Đạo"), a public name made with a capitalised form ("Bác Hồ", "Anh Sơn", "Hai Bà Trưng").
"""
from __future__ import annotations

import re

from doithoai.text import privacy_words as w
from doithoai.text import honorifics, vntext

_FORMS = {a: w.seqs(w.ADDRESS_FORMS, a, plain_too=False) - {(f,) for f in w.PLAIN_NOT_FORMS}
          for a in (False, True)}
_FORM_FIRST = {a: frozenset(seq[0] for seq in _FORMS[a]) for a in (False, True)}
_FORM_LAST = {a: frozenset(seq[-1] for seq in _FORMS[a]) for a in (False, True)}
_FORM_TAILS = {a: tuple(_FORM_LAST[a]) for a in (False, True)}


def _capitalised(words, without: bool) -> frozenset:
    return frozenset(s.capitalize() for s in w.plain(words)) if without else frozenset(words)


_SURNAMES = {a: _capitalised(w.SURNAMES, a) for a in (False, True)}
_COMMON = {a: _capitalised(w.COMMON_SURNAMES, a) for a in (False, True)}
_MIDDLES = {a: _capitalised(w.MIDDLE_NAMES, a) for a in (False, True)}
_FIGURES = {False: frozenset(w.PUBLIC_FIGURES), True: frozenset(w.plain(w.PUBLIC_FIGURES))}
_PUBLIC_AFTER = {False: frozenset(w.PUBLIC_AFTER_ADDRESS),
                 True: frozenset(w.plain(w.PUBLIC_AFTER_ADDRESS)) | w.PLAIN_PUBLIC_AFTER_ADDRESS}
# A capitalised word, an apostrophe inside it ("H'Liên", "M'gar": vntext.APOSTROPHES, and
# the signs typed for one), and a run of them
_CAP_WORD_PATTERN = (w.UP + r"[^\W\d_]*(?:[" + vntext.APOSTROPHES + vntext.STRAY_APOSTROPHES
                     + r"][^\W\d_]+)*")
CAP_RUN = _CAP_WORD_PATTERN + r"(?:[ \u00a0]+" + _CAP_WORD_PATTERN + r")*"
_CAP_RUN = re.compile(CAP_RUN)
_CAP_WORD = re.compile(_CAP_WORD_PATTERN)


def _place_or_title_before(without: bool, bare: bool) -> re.Pattern:
    """A place noun or a title ending at a position; without accents, not the words that read
    as others there (words.PLACE_AND_TITLE_WORDS says which)."""
    skip = ("ho", "de") if bare else ("ho", "to", "ban", "de")
    words = [p for p in w.plain(w.PLACE_AND_TITLE_WORDS) if p not in skip] if without \
        else w.PLACE_AND_TITLE_WORDS
    return re.compile(r"(?<!\w)(?<!gia )(?<!gia\u00a0)" + w.alternation(words)
                      + r"[ \u00a0]*:?[ \u00a0]*$", re.IGNORECASE)


# A public-place noun or an official title just before a name (or before its form of address).
_PLACE_BEFORE = {(a, b): _place_or_title_before(a, b) for a in (False, True)
                 for b in (False, True)}
# A title or a thing where a name would begin ("ông Trưởng thôn", "có Quyết định").
_TITLE_AT = {a: re.compile(w.alternation(
    w.plain(w.OFFICES) + [p for p in w.plain(w.PLACES_AFTER_FORM)
                          if p not in w.NAME_LIKE_PLACES and p.capitalize() not in _SURNAMES[True]]
    if a else w.OFFICES + w.PLACES_AFTER_FORM) + r"(?!\w)", re.IGNORECASE)
    for a in (False, True)}
# A house number just before a full name: the name is the street's ("số 12 Nguyễn Văn Cừ").
_NUMBER_BEFORE = re.compile(r"(?<![\d/.,])\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?[ \u00a0]+$")
# Without accents these read as a place noun or a surname (duong: đường or Dương, ho: hồ or Hồ,
# doi: đội or Đới…): "Duong Le Loi" is Đường Lê Lợi, "Duong Van Minh" Dương Văn Minh (a middle
# name follows).
_PLACE_OR_SURNAME = frozenset(w.plain(p for p in w.PLACE_AND_TITLE_WORDS if " " not in p)) & \
    frozenset(w.plain(s.lower() for s in w.SURNAMES))
_LOWER_COMMON = {False: frozenset(s.lower() for s in w.COMMON_SURNAMES),
                 True: frozenset(w.plain(w.COMMON_SURNAMES))}
_MIDDLE = {False: ("văn", "thị"), True: ("van", "thi")}
_MIDDLE_SPACED = {a: tuple(f" {m} " for m in _MIDDLE[a]) for a in (False, True)}


def _public_before(view: str, without: bool, at: int, bare: bool = False) -> bool:
    """A public-place noun or an official title just before ``at``."""
    return bool(_PLACE_BEFORE[without, bare].search(view, max(0, at - 30), at))


def _figure(toks, i: int, n: int) -> int:
    """How many of the ``n`` words from ``toks[i]`` name a public figure (the longest), 0 if
    they do not begin with one; compared with accents, or without them in a text without."""
    words = [t for _, _, t in toks[i:i + n]]
    without = w.without_accents(" ".join(words))
    for k in range(n, 1, -1):
        said = " ".join(words[:k])
        if (w.fold(said) if without else said.lower()) in _FIGURES[without]:
            return k
    return 0


def _name_length(words: list[str], without: bool, casing: tuple[bool, bool]) -> int:
    """How many of the capitalised ``words`` (at most four) belong to the name: up to the first
    that ends one (a place word; in a text typed in title case or capitals, a verb or a small
    word too; an acronym in a text not typed in capitals)."""
    stop = w.STOPS[without, casing[0]]
    for n, word in enumerate(words[:4]):
        if word.lower() in stop or (not casing[1] and len(word) > 1 and word.isupper()):
            return n
    return min(len(words), 4)


class _Names:
    """The names of persons in one text; :meth:`run` reads a run of capitalised words."""

    def __init__(self, view: str, without: bool):
        self.view, self.without = view, without
        self._casing: tuple[bool, bool] | None = None
        self.found: list[tuple[int, int]] = []

    def casing(self) -> tuple[bool, bool]:
        if self._casing is None:
            self._casing = w.casing(self.view)
        return self._casing

    def public_before(self, at: int, bare: bool = False) -> bool:
        return _public_before(self.view, self.without, at, bare)

    def run(self, start: int, end: int) -> None:
        toks = [(m.start(), m.end(), m.group())
                for m in _CAP_WORD.finditer(self.view, start, end)]
        i = 0
        while i < len(toks):
            i = self.bare(toks, i) or self.addressed(toks, i) or self.highland(toks, i) or i + 1

    # --- after a form of address ---------------------------------------------------------

    def addressed(self, toks, i: int) -> int:
        """A name after a form of address (just before the run, or inside it); returns the
        index after what was read, or 0."""
        form = (self.form_before(toks) if i == 0 else None) or self.form_in_run(toks, i)
        if form is None:
            return 0
        form_at, form_text, first = form
        if first >= len(toks) or _TITLE_AT[self.without].match(self.view, toks[first][0]) or \
                self.public_before(form_at):
            return first                             # ông Trưởng thôn, đường Bà Triệu
        n = _name_length([t for _, _, t in toks[first:]], self.without, self.casing())
        if not n:
            return first
        if self.without and w.fold(form_text) in w.PLAIN_WORD_FORMS:
            figure = _figure(toks, first, n)
            if figure:
                return first + figure                # "phan anh Tran Hung Dao": phản ánh
        if not self.public_after(form_text, toks, first, n):
            self.found.append((toks[first][0], toks[first + n - 1][1]))
        return first + n

    def form_before(self, toks):
        """The form of address just before the run ("nhà bà Ngô"): (where it begins, its text,
        0), or None."""
        at = toks[0][0]
        if not (at and self.view[at - 1] in " \u00a0\t:"
                and w.may_follow(self.view, at, _FORM_TAILS[self.without])):
            return None
        last = w.word_before(self.view, at)
        if last[0] not in _FORM_LAST[self.without]:
            return None
        words = w.words_before(self.view, at, 3, last)
        k = w.suffix_in(words, _FORMS[self.without])
        if not k:
            return None
        return words[-k][1], self.view[words[-k][1]:at].strip(" \u00a0:"), 0

    def form_in_run(self, toks, i: int):
        """A form of address that is the run's word ``i`` ("Ông Tám"): (where, text, index of
        the name), or None. Further in than the first word only in a text typed in title case
        or capitals, and never right after a surname: "Võ Anh Tư", "HUỲNH ANH TÁM" are one
        name."""
        if toks[i][2].lower() not in _FORM_FIRST[self.without] or \
                (i and (not self.casing()[0]
                        or toks[i - 1][2].capitalize() in _SURNAMES[self.without])):
            return None
        for size in (3, 2, 1):
            seq = tuple(t.lower() for _, _, t in toks[i:i + size])
            if len(seq) == size and seq in _FORMS[self.without]:
                return toks[i][0], " ".join(t for _, _, t in toks[i:i + size]), i + size
        return None

    def public_after(self, form_text: str, toks, first: int, n: int) -> bool:
        """The form and the name are a public name ("Bác Hồ", "Hai Bà Trưng", "Anh Sơn"), or
        the name is one ("phản ánh Bác Hồ"). The form must be capitalised: "anh Sơn" is a
        person. In a text typed in title case or capitals, where a name's end cannot be seen,
        the form and its first word suffice unless a middle name follows ("BÀ TRIỆU THỊ MAI"
        is a person)."""
        public = _PUBLIC_AFTER[self.without]
        said = w.fold(form_text) if self.without else form_text.lower()
        name = [w.fold(t) if self.without else t.lower() for _, _, t in toks[first:first + n]]
        if " ".join(name) in public:
            return True
        if not form_text[0].isupper():
            return False
        if f"{said} {' '.join(name)}" in public:
            return True
        return f"{said} {name[0]}" in public and (
            n == 1 or (self.casing()[0]
                       and toks[first + 1][2].capitalize() not in _MIDDLES[self.without]))

    # --- a full name with no form of address -----------------------------------------------

    def highland(self, toks, i: int) -> int:
        """An Ê Đê, M'nông or Jrai name at ``toks[i]`` (:func:`_highland`: "Y Bih Aleo", "H'Liên
        Niê", the clan name before "H'Phin" with it), unless a place or a title comes before
        it ("buôn H'Đơk", "đường Y Jút"); the index after it, or 0."""
        words = [t for _, _, t in toks[i:]]
        if not _highland_from(words, self.without):
            return 0
        if self.public_before(toks[0][0], bare=True) or \
                any(t.lower() in _PLACE_WORDS for _, _, t in toks[:i + 1]):
            return len(toks)                         # "Buôn H'Đơk", "Xã Ea H'Leo": a place
        # the words that open it are the name's, whatever they read as elsewhere ("NAY Y NHI",
        # "Neang So Phi": "so" is số without accents): the first, and the one after Y, Néang…
        head = 2 if words[0].capitalize() in _TOLD_BY_FIRST else 1
        n = head + _name_length(words[head:], self.without, self.casing())
        self.found.append((toks[i][0], toks[i + n - 1][1]))
        return i + n

    def bare(self, toks, i: int) -> int:
        """A full name of three or four words beginning with a surname; the index after it,
        or 0."""
        if len(toks) - i < 3 or toks[i][2].capitalize() not in _SURNAMES[self.without]:
            return 0
        if self.casing()[0] and not self.may_begin_name(toks, i):
            return 0                                 # "KINH PHÍ TỔNG ĐÀI", "HÙNG VƯƠNG…"
        n = _name_length([t for _, _, t in toks[i:]], self.without, self.casing())
        if n < 3:
            return 0
        figure = _figure(toks, i, n)
        if figure:
            return i + figure                        # Trần Hưng Đạo, Võ Thị Sáu
        if self.public_before(toks[i][0], bare=True) or \
                _NUMBER_BEFORE.search(self.view, 0, toks[i][0]) or \
                (self.casing()[0] and _TITLE_AT[self.without].match(self.view, toks[i + 1][0])):
            return 0                                 # đường …, số 12 …, XỬ LÝ CÔNG VĂN …
        if self.without and w.fold(toks[i][2]) in _PLACE_OR_SURNAME and \
                (_figure(toks, i + 1, n - 1) or
                 toks[i + 1][2].capitalize() not in _MIDDLES[True]):
            return i + n                             # "Duong Le Loi": Đường Lê Lợi, a street
        self.found.append((toks[i][0], toks[i + n - 1][1]))
        return i + n

    def may_begin_name(self, toks, i: int) -> bool:
        """In a text typed in title case or capitals: a common surname or a middle name next,
        and where a name can begin (the run's first word, after a small word "CHO NGUYỄN VĂN
        TÁM" or "phản ánh"; not inside a place's name "PHƯỜNG HÙNG VƯƠNG NGẬP NƯỚC")."""
        if toks[i][2].capitalize() not in _COMMON[self.without] and \
                toks[i + 1][2].capitalize() not in _MIDDLES[self.without]:
            return False
        if not i:
            return True
        before = toks[i - 1][2].lower()
        return before in w.STOPS[self.without, True] or \
            (i > 1 and f"{toks[i - 2][2]} {before}".lower() in w.NAME_INTRODUCERS)

def _lower_case(view: str, without: bool) -> list[tuple[int, int]]:
    """Names in lower case, read from each "văn"/"thị" (in lower case too): a common surname
    before it, one word after; without accents, a form of address before the surname."""
    first, second = _MIDDLE_SPACED[without]
    if first not in view and second not in view:
        return []
    low, out = view.lower(), []
    for middle in _MIDDLE[without]:
        at = low.find(middle + " ")
        while at > 0:
            span = _lower_case_at(low, at, len(middle), without)
            if span:
                out.append(span)
            at = low.find(middle + " ", at + 1)
    return out


def _lower_case_at(low: str, at: int, size: int, without: bool) -> tuple[int, int] | None:
    surname, start = w.word_before(low, at)
    given = w.WORD.match(low, at + size + 1)
    if surname not in _LOWER_COMMON[without] or low[start:at].strip() != surname or \
            not given or (start and low[start - 1].isalnum()):
        return None
    if without and w.word_before(low, start)[0] not in _FORM_LAST[True]:
        return None                       # "tu van", "do thi": ordinary words without accents
    said = low[start:given.end()]
    if (w.fold(said) if without else said) in _FIGURES[without] or \
            _public_before(low, without, start):
        return None
    return start, given.end()


# An Ê Đê, M'nông, Jrai or Khmer name tells itself, whatever its clan name: a man's begins "Y"
# ("Y Bih Aleo"; not "Y Tế", "Y Học") or "Chau", a woman's own name is "H'" before it ("H'Liên
# Niê", "Ksor H'Phin", "Rơ Mah H'Lan") or begins "Néang" (honorifics.MAN_FIRST, WOMAN_FIRST).
def _key(word: str) -> str:
    """A word as the clan names below hold it: without accents, capitalised ("KSOR", "Rơ",
    "Ro" all read so, in any case, with accents or without)."""
    return vntext.unaccent(word).capitalize()


_Y_NOUNS = frozenset({"Te", "Hoc", "Khoa", "Si", "Duoc", "Duc", "Lenh", "Ba", "An", "Phuc",
                      "Nguyen"})
_H_NAME = re.compile("H[" + vntext.APOSTROPHES + vntext.STRAY_APOSTROPHES + "]" + w.UP)
# Words that begin a place of the Central Highlands ("Ea H'Leo", "Cư M'gar", "Krông Búk",
# "Ia Grai"), or any place or title: a run holding one before is a place, not a person.
_PLACE_WORDS = frozenset({"ea", "cư", "krông", "đắk", "đăk", "ia", "kon"}) | \
    frozenset(p for p in w.PLACE_AND_TITLE_WORDS if " " not in p)
# The Jrai clan names, which come before the person's own name ("Ksor H'Phin", "Rơ Mah H'Lan",
# "Rơ Châm Khiên", "Nay Y Hlai"; an Ê Đê clan name comes after it: "H'Liên Niê"); each but
# "Nay" ("now", opening many a sentence) begins a name by itself.
_CLANS_BEFORE = frozenset({"Ksor", "Siu", "Ro", "Nay", "Rah", "Kpa", "Puih", "Kpuih", "Rmah",
                           "Rcom", "Romah"})
_CLANS_ALONE = _CLANS_BEFORE - {"Nay"}
# (compared in any case, but with their own letters: "Ý Kiến", "Châu Đốc" are no names)
_TOLD_BY_FIRST = frozenset(honorifics.MAN_FIRST + honorifics.WOMAN_FIRST)


def _tells(first: str, second: str, without: bool) -> bool:
    """``first`` begins a name that tells itself, ``second`` after it: "Y Bih", "AMA THUỘT",
    "Chau Sóc" (not "Y Tế"; nor, in a text typed ``without`` accents, "Chau Doc": Châu Đốc)."""
    first = first.capitalize()
    return first in _TOLD_BY_FIRST and _key(second) not in _Y_NOUNS and \
        not (without and first == "Chau")


def _highland(words: list[str], without: bool) -> bool:
    """A run's ``words`` hold an Ê Đê, M'nông, Jrai or Khmer name somewhere."""
    return any(map(_H_NAME.match, words)) or \
        any(_tells(a, b, without) for a, b in zip(words, words[1:])) or \
        any(_key(k) in _CLANS_ALONE for k in words[:-1])


def _highland_from(words: list[str], without: bool) -> bool:
    """Such a name may begin at ``words[0]``: its "Y" or "Ama", its "H'", or the clan name
    before it (:data:`_CLANS_BEFORE`, of one or two words; "Nay Ksor Y Bhin": at Ksor)."""
    keys = [_key(word) for word in words[:3]]
    if keys[0] in _CLANS_BEFORE:
        return len(keys) > 1 and not (keys[0] == "Nay" and keys[1] in _CLANS_BEFORE) and (
            keys[0] in _CLANS_ALONE or "Y" in keys[1:] or any(map(_H_NAME.match, words[1:3])))
    return bool(_H_NAME.match(words[0])) or \
        (len(words) > 1 and _tells(words[0], words[1], without))


def names(view: str, without: bool, caps=None) -> list[tuple[int, int]]:
    """Where the names of persons are in ``view`` (invisible characters removed; ``without``:
    typed without accents); ``caps`` are its runs of capitalised words (:data:`CAP_RUN`), if
    already found. A run is read only if a form of address comes before it or in it, or it can
    hold a full name: most runs are one word beginning a sentence."""
    found = _Names(view, without)
    firsts, surnames = _FORM_FIRST[without], _SURNAMES[without]
    for run in (_CAP_RUN.finditer(view) if caps is None else caps):
        words = run.group().split()
        if len(words) == 1:
            if not found.form_before([(run.start(), run.end(), words[0])]):
                continue              # most runs: one word beginning a sentence
        elif firsts.isdisjoint(map(str.lower, words[:-1])) and \
                (len(words) < 3 or surnames.isdisjoint(map(str.capitalize, words[:-2]))) and \
                not _highland(words, without) and \
                not found.form_before([(run.start(), run.end(), words[0])]):
            continue
        found.run(run.start(), run.end())
    return found.found + _lower_case(view, without)
