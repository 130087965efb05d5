"""Known places (villages, tổ dân phố) found in what a clerk typed, as whole words.

An address names its village somewhere among other words ("Số 5 ngõ 3, TDP Cẩm Khê A"); a
clerk may type it in another case ("thôn bản chu"), with stray spaces, with old-style tones
("Thuỷ"), without any accent ("thon Ban Chu") or without the kind word ("Nà Làng"). A
:class:`PlaceFinder` knows a list of places in their proper spelling and finds which one a text
names, and where:

- words are compared whole ("Thôn 1" is not found in "Thôn 12"), the longest place first
  ("TDP Cẩm Khê A" before "TDP Cẩm Khê");
- accents are kept ("Thôn Đồng" is not "Thôn Đông": a commune often has both); a name typed
  without any accent ("Số 5, thon dong") finds a place only when no other place reads the same
  without accents;
- a place's own name without its kind word ("Nà Làng" for "Thôn Nà Làng") is found when it
  has a letter in it and no other place has the same own name ("1" is no village's name).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from doithoai.text import vntext

# Words that say what kind of place follows (unaccented, lower case); the longest first.
KIND_WORDS = ("to dan pho", "khu pho", "khu dan cu", "khu vuc", "tdp", "thon", "xom", "ban", "bon",
              "buon", "plei", "ap", "kv", "khu", "khoi", "to", "doi", "cum", "lang", "phum", "soc")
# A word; an abbreviated kind word glued to its number ("KV2", "TDP3") is two.
_WORD = re.compile(r"(?i:tdp|kp|kv)(?=\d)|\w+")


@dataclass(frozen=True)
class Found:
    place: str          # the proper spelling, as listed
    start: int          # where the text names it
    end: int

    def typed(self, text: str) -> str:
        return text[self.start:self.end]


def own_words(place: str) -> list[str]:
    """The place's name less its leading kind word, unaccented ("Thôn Bản Chu" → ["ban",
    "chu"]; "TDP Cẩm Khê A" → ["cam", "khe", "a"]); only one kind word goes, so a name that
    itself begins with one keeps it."""
    words = vntext.plain_key(place).split()
    for kind in KIND_WORDS:
        parts = kind.split()
        if words[:len(parts)] == parts and len(words) > len(parts):
            rest = words[len(parts):]
            return rest[1:] if rest[0] == "so" and len(rest) > 1 else rest   # "Tổ dân phố số 4"
    return words


def names_a_kind(text: str | None) -> bool:
    """``text`` holds a village's kind word ("Hội trường Thôn 1", "Nhà văn hóa bản Nà Nhạn",
    "khu phố 3"), whatever the village: a place of a village, not the commune's own."""
    words = vntext.plain_key(text or "").replace("uy ban", "").split()     # not "Ủy ban"'s bản
    return any(" ".join(words[i:i + n]) in KIND_WORDS
               for n in (1, 2, 3) for i in range(len(words) - n + 1))


def _keys(text: str) -> list[tuple[str, str]]:
    """(identity key, plain key) of each word of ``text`` (remembered word by word: addresses
    repeat the same words)."""
    return list(map(vntext.name_keys, _WORD.findall(text)))


def _find_run(tokens: list[str], words: list[str]) -> int:
    """Where ``words`` first stand in a row among ``tokens`` (-1 if nowhere)."""
    n = len(words)
    if not n:
        return -1
    for i in range(len(tokens) - n + 1):
        if tokens[i:i + n] == words:
            return i
    return -1


class _Index:
    """Places as runs of words, looked up by the whole run from the words that begin one: each
    word of a text is one dictionary look-up, however many places there are (a province's
    registry names thousands of villages, most of them "Thôn …")."""

    def __init__(self, runs: list[tuple[str, list[str]]]):
        self.by_words: dict[tuple, tuple[int, str]] = {}
        self.lengths: dict[str, list[int]] = {}      # first word → the lengths of its runs
        for n, (place, words) in enumerate(runs):
            if words and tuple(words) not in self.by_words:
                self.by_words[tuple(words)] = (n, place)
                have = self.lengths.setdefault(words[0], [])
                if len(words) not in have:
                    have.append(len(words))

    def first(self, tokens: list) -> tuple[str, int, int] | None:
        """(place, first token, last token) of the run found first in the places' order (the
        longest place first), at its first position."""
        best = None
        size = len(tokens)
        for i, token in enumerate(tokens):
            for n in self.lengths.get(token, ()):
                if i + n > size:
                    continue
                hit = self.by_words.get(tuple(tokens[i:i + n]))
                if hit is not None and (best is None or (hit[0], i) < best[0]):
                    best = ((hit[0], i), hit[1], i, i + n - 1)
        return best[1:] if best else None


# A kind word and its abbreviation name the same place: "TDP 2" is "Tổ dân phố 2" (the words
# as identity keys, then without accents).
ABBREVIATED = (("tdp", "tổ dân phố"), ("kp", "khu phố"), ("kv", "khu vực"), ("tổ", "tổ dân phố"))


def _abbreviations(plain: bool) -> list[tuple[list[str], list[str]]]:
    """(short, full) of ABBREVIATED as words: identity keys, or ``plain`` ones."""
    return [([vntext.plain_key(short) if plain else short],
             (vntext.plain_key(full) if plain else full).split()) for short, full in ABBREVIATED]


def _aliased(runs: list[tuple[str, list[str]]], plain: bool = False
             ) -> list[tuple[str, list[str]]]:
    """``runs`` (identity keys, or ``plain`` ones) and each run that begins with a kind word
    written the other way ("tổ dân phố 2" for "TDP 2", and back), for the same place (a place
    listed under both spellings keeps its own): longest first, as the places are, so "TDP
    Đông Đông" names "Tổ dân phố Đông Đông", not "TDP Đông"; of equal length, a place's own
    spelling before another's written the other way."""
    more = []
    for place, words in runs:
        numbered = _numbered_kind(words)
        if numbered:                     # "Tổ dân phố số 4" is "Tổ dân phố 4", "TDP 4"
            runs = runs + [(place, numbered)]
    for place, words in runs:
        for short, full in _abbreviations(plain):
            for have, other in ((short, full), (full, short)):
                if words[:len(have)] == have and len(words) > len(have):
                    more.append((place, other + words[len(have):]))
    return sorted(runs + more, key=lambda run: -len(run[1]))


def _numbered_kind(words: list[str]) -> list[str] | None:
    """The words of a place named "<kind> số <number>" without the "số" (None otherwise)."""
    for kind in KIND_WORDS:
        n = len(kind.split())
        if [vntext.plain_key(w) for w in words[:n]] == kind.split() and len(words) == n + 2 \
                and vntext.plain_key(words[n]) == "so" and words[n + 1].isdigit():
            return words[:n] + words[n + 1:]
    return None


def _other_kind_form(typed: str, proper: str) -> bool:
    """``typed`` is ``proper`` with its kind word written the other way (ABBREVIATED), the
    name itself exactly as listed."""
    t, p = _WORD.findall(typed), _WORD.findall(proper)
    plain_t, plain_p = [vntext.plain_key(w) for w in t], [vntext.plain_key(w) for w in p]
    for short, full in _abbreviations(plain=True):     # compared without accents
        for a, b in ((short, full), (full, short)):
            if plain_t[:len(a)] == a and plain_p[:len(b)] == b:
                return t[len(a):] == p[len(b):]
    return False


class PlaceFinder:
    """Which of ``places`` a text names (see the module's docstring)."""

    def __init__(self, places):
        names = sorted({" ".join(p.split()) for p in places if p and p.strip()},
                       key=lambda p: (-len(p.split()), -len(p), p))
        self.places = names
        self.accented = _Index(_aliased([(p, [vntext.identity_key(w) for w in _WORD.findall(p)])
                                         for p in names]))
        plain = [(p, [vntext.plain_key(w) for w in _WORD.findall(p)]) for p in names]
        shared = Counter(tuple(words) for _, words in plain)
        self.plain = _Index(_aliased([(p, words) for p, words in plain
                                      if shared[tuple(words)] == 1], plain=True))
        own = [(p, own_words(p)) for p in names]
        own_shared = Counter(tuple(words) for _, words in own)
        kept = [(p, words) for p, words in own
                if own_shared[tuple(words)] == 1 and any(w.isalpha() for w in words)
                and not all(w in KIND_WORDS for w in words)
                and words != [vntext.plain_key(w) for w in _WORD.findall(p)]]
        self.own_plain = _Index(kept)
        self.own_accented = _Index([(p, [vntext.identity_key(w) for w in _WORD.findall(p)]
                                     [-len(words):]) for p, words in kept])
        self._memo: dict[str, Found | None] = {}

    def find(self, text: str | None) -> Found | None:
        """The place ``text`` names and where, or None."""
        if not text or not self.places:
            return None
        if text not in self._memo:
            self._memo[text] = self._find(text)
        return self._memo[text]

    def _find(self, text: str) -> Found | None:
        keys = _keys(text)
        accented = [k[0] for k in keys]
        hit = self.accented.first(accented)
        if hit is None:
            # A name typed without any accent ("thon dong"; the rest may have them)
            bare = [plain if plain == own else None for own, plain in keys]
            hit = self.plain.first(bare)
            if hit is None:                    # the name without its kind word
                hit = self.own_accented.first(accented) or self.own_plain.first(bare)
                if hit is not None and hit[1] > 0 and keys[hit[1] - 1][1] in KIND_WORDS:
                    hit = (hit[0], hit[1] - 1, hit[2])  # "Xóm Bản Chu": its kind word goes too
        if hit is None:
            return None
        place, first, last = hit
        spans = [m.span() for m in _WORD.finditer(text)]
        return Found(place, spans[first][0], spans[last][1])

    def place_of(self, text: str | None) -> str | None:
        found = self.find(text)
        return found.place if found else None

    def proper(self, text: str | None, address: bool = False) -> str | None:
        """``text`` with the place it names in its proper spelling ("thon Ban Chu" → "Thôn Bản
        Chu"; "Số 5, thôn nà làng" → "Số 5, thôn Nà Làng": a kind word inside an address may
        stay in lower case, and, with ``address``, at its start too: "thôn Nậm Cang"); ``text``
        itself when it names no known place or names it right."""
        found = self.find(text)
        if found is None:
            return text
        typed = found.typed(text)
        proper = found.place
        if typed == proper or _other_kind_form(typed, proper):
            return text                      # "Tổ dân phố 2" for "TDP 2": as typed
        free = found.start > 0 or address       # where the kind word may be in lower case
        if free and typed[:1].islower() and typed[1:] == proper[1:]:
            return text                      # "…, thôn Bản Chu": lower case inside a sentence
        if free and proper[:1].isupper() and typed[:1].islower() and \
                not proper.split()[0].isupper():         # "TDP" stays "TDP", never "tDP"
            proper = proper[:1].lower() + proper[1:]
            if typed == proper:
                return text
        return text[:found.start] + proper + text[found.end:]

    def nearest(self, text: str | None) -> str | None:
        """The known place ``text`` most resembles, for a hint (None when nothing is close)."""
        if not text:
            return None
        return vntext.Nearest(self.places).find(text)
