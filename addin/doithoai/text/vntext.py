"""Vietnamese text helpers: tone-mark placement, accent-free keys, nearest match.

Tone marks: the same word is written "Thuỷ" (old style, tone on the last vowel of oa/oe/uy) or
"Thủy" (the style of the Quốc hiệu "CỘNG HÒA" in Decree 30). Mixing both in one registry makes
names differ that are the same; :func:`normalize_tones` moves the mark to the new style, and only
in an open syllable (hoàng, thuyết are the same in both styles) and never after "q" (quý).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"          # grave, acute, tilde, hook, dot below

def _compose_table():
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()),
                         (first.upper(), second)):
                old = f + unicodedata.normalize("NFC", s + tone)
                new = unicodedata.normalize("NFC", f + tone) + s
                table[old] = new
    return table


_REPLACE = _compose_table()
# The old-style vowel pairs, as a regular expression (without the word-end condition).
OLD_PAIRS = "|".join(sorted(map(re.escape, _REPLACE), key=len, reverse=True))
_OLD = re.compile("(" + OLD_PAIRS + r")(?![^\W\d_])")
# The toned vowels that end an old-style pair (for a quick scan: o or u, then one of these).
OLD_SECONDS = "".join(sorted({pair[1] for pair in _REPLACE}))


def _fix(match: re.Match) -> str:
    start = match.start()
    text = match.string
    pair = match.group(1)
    if pair[0] in "uU" and start > 0 and text[start - 1] in "qQ":
        return pair                       # quý, Quỳnh: qu is one consonant
    return _REPLACE[pair]


def normalize_tones(text: str) -> str:
    """Old-style tone placement (hoà, thuỷ, khoẻ) to the new style (hòa, thủy, khỏe)."""
    return _OLD.sub(_fix, unicodedata.normalize("NFC", text))


def has_old_tones(text: str) -> bool:
    """True if ``text`` (NFC) has an old-style tone placement that normalize_tones would move."""
    for m in _OLD.finditer(text):
        start = m.start()
        if not (m.group(1)[0] in "uU" and start > 0 and text[start - 1] in "qQ"):
            return True
    return False


# What is typed for the apostrophe of an Ê Đê, Jrai or M'nông name ("H'Liên", "Cư M'gar"): the
# keyboard's, the typographic one Word puts in, the modifier letter; then signs that are not
# one but stand for it (an opening quote, the backquote, an acute accent, a turned comma).
# Every comparison key reads each as "'"; a person's name is spelled with the first three
# (registry.spelling), a place as the commune's list spells it.
APOSTROPHES = "'\u2019\u02bc"
STRAY_APOSTROPHES = "\u2018`\u00b4\u02bb"
_AS_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES[1:] + STRAY_APOSTROPHES})
_STRAIGHTENED = str.maketrans({c: "'" for c in STRAY_APOSTROPHES})


def straight_apostrophes(text: str) -> str:
    """``text`` with a sign typed for an apostrophe (:data:`STRAY_APOSTROPHES`: "H‘Liên",
    "H`Hen") as the apostrophe "'"; the others as typed."""
    return text.translate(_STRAIGHTENED)


class _Bare(dict):
    """Each character without its marks, worked out the first time it is met (str.translate
    then reads a whole text at C speed: names and addresses are read by the hundred thousand)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFD", ch.replace("đ", "d")
                                                             .replace("Đ", "D"))
                       if not unicodedata.combining(c))
        self[code] = bare
        return bare


_BARE = _Bare({code: "'" for code in _AS_APOSTROPHE})


def unaccent(text: str) -> str:
    """Accent-free, lower-case key: "Đồng chí" → "dong chi"; every apostrophe "'"."""
    if text.isascii():
        key = text.casefold().strip()
        return key.replace("`", "'") if "`" in key else key
    return unicodedata.normalize("NFC", text).translate(_BARE).casefold().strip()


def identity_key(text: str | None) -> str:
    """A name as a key that keeps its accents: NFC, new-style tone placement, case, spacing and
    apostrophes folded ("Xã  Hoà Bình" → "xã hòa bình"). "Đông" and "Đồng", "Hà" and "Hạ" stay
    apart: they name different places and people."""
    return " ".join(normalize_tones(text or "").translate(_AS_APOSTROPHE).casefold().split())


def same_name(a: str | None, b: str | None) -> bool:
    """``a`` and ``b`` name the same person or place: their :func:`identity_key` agree, or one
    of them is typed without any accent and reads as the other does without its accents
    ("Nguyen Van Hung" is "Nguyễn Văn Hùng"; "Nguyễn Văn Hưng" is not)."""
    (ka, pa), (kb, pb) = name_keys(a or ""), name_keys(b or "")
    return ka == kb or (pa == pb and (ka == pa or kb == pb))


def plain_key(text: str | None) -> str:
    """:func:`identity_key` read without accents ("Thôn  Đồng" → "thon dong")."""
    return " ".join(unaccent(text or "").split())


@functools.lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, str]:
    """(identity key, plain key), remembered: a registry compares the same names again and
    again."""
    return identity_key(text), plain_key(text)


def nearest(value: str, choices: list[str]) -> str | None:
    """The closest valid value, ignoring case, accents and spacing; None if nothing is close
    (one look-up: a caller with many values for the same choices keeps a :class:`Nearest`)."""
    return Nearest(choices).find(value)


# Words that turn a status around: a value typed with one is never hinted as a value without
# it ("Đã hủy" is not "Đã tổ chức", "Chưa giải quyết" not "Đã giải quyết", "Hoãn" not "Hoàn
# thành"). Spelt with their accents (the plain "huy", "hoan" are names), "chua", "khong" too.
_TURNING = frozenset({"chưa", "không", "hủy", "huỷ", "hoãn", "dừng", "chua", "khong"})


def meant(value: str | None, near: str | None) -> str | None:
    """``near`` as the hint for ``value``, unless ``value`` says a word that turns its meaning
    around and ``near`` does not (:data:`_TURNING`)."""
    if near is None or not value:
        return near
    said = set(unicodedata.normalize("NFC", value).casefold().split())
    if said & _TURNING and not said & _TURNING & \
            set(unicodedata.normalize("NFC", near).casefold().split()):
        return None
    return near


class Nearest:
    """The closest of ``choices`` to a value a clerk typed, the choices prepared once (a
    column's list, or 50,000 opinion codes, is read without accents once, not at every hint).

    In order: the same words without accents; a truncated value ("Đã phân" → "Đã phân công")
    or one with more typed after it; then the most similar whole value (rapidfuzz's ratio, at
    least ``cutoff``) and a value whose words stand, whole, inside exactly one choice ("Môi
    trường" → "Kinh tế - Môi trường, rác thải"). A long list of codes is not compared with
    every value typed: only the codes one typing slip away (a letter left out, added or
    changed, found through their one-letter deletions) are. None when nothing is close, or
    when the words stand in several choices."""

    LONG = 2000          # more choices than this: codes, compared through their deletions

    def __init__(self, choices, cutoff: float = 60):
        self.choices = list(dict.fromkeys(c for c in choices if c))
        self.keys = [plain_key(c) for c in self.choices]
        self.exact: dict[str, str] = {}
        for k, c in zip(self.keys, self.choices):
            self.exact.setdefault(k, c)
        self.sorted = sorted(self.exact)
        self.order = {c: n for n, c in enumerate(self.choices)}
        self.lengths = sorted({len(k) for k in self.exact}, reverse=True)
        self.cutoff = cutoff
        self._deletions: dict[str, list[str]] | None = None
        self._words: dict[str, list] | None = None

    def find(self, value: str | None) -> str | None:
        return meant(value, self._find(value))

    def _find(self, value: str | None) -> str | None:
        key = plain_key(value)
        if not key or not self.choices:
            return None
        if key in self.exact:
            return self.exact[key]
        if len(key) >= 3:
            found = self._prefixed(key)
            if found:
                return found
        if len(self.choices) > self.LONG:
            return self._one_slip(key)
        from rapidfuzz import fuzz, process
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        if best is not None:
            return self.choices[best[2]]
        return self._inside(key)

    def find_many(self, values) -> dict[str, str | None]:
        """:meth:`find` of each value, the whole-value comparisons of a short list made in one
        batch over every processor (rapidfuzz's cdist): a column of 50,000 values that are
        not in its list costs a fraction of a second, not a minute."""
        out: dict[str, str | None] = {}
        rest: dict[str, list[str]] = {}
        for value in dict.fromkeys(values):
            key = plain_key(value)
            if not key or not self.choices:
                out[value] = None
            elif key in self.exact:
                out[value] = self.exact[key]
            elif len(key) >= 3 and (prefixed := self._prefixed(key)):
                out[value] = prefixed
            elif len(self.choices) > self.LONG:
                out[value] = self._one_slip(key)
            else:
                rest.setdefault(key, []).append(value)
        if rest:
            from rapidfuzz import fuzz, process
            queries = list(rest)
            scores = process.cdist(queries, self.keys, scorer=fuzz.ratio, workers=-1,
                                   score_cutoff=self.cutoff)
            best = scores.argmax(axis=1)
            for q, key in enumerate(queries):
                near = self.choices[best[q]] if scores[q, best[q]] >= self.cutoff else \
                    self._inside(key)
                for value in rest[key]:
                    out[value] = near
        return {value: meant(value, near) for value, near in out.items()}

    def _prefixed(self, key: str) -> str | None:
        """A choice that begins with what was typed, or the longest that what was typed
        begins with (at least three letters each)."""
        at = bisect.bisect_left(self.sorted, key)
        longer = []
        while at < len(self.sorted) and self.sorted[at].startswith(key) and len(longer) < 50:
            longer.append(self.exact[self.sorted[at]])
            at += 1
        if longer:                       # the first of them in the list's own order
            return min(longer, key=self.order.__getitem__)
        for end in self.lengths:
            if 3 <= end < len(key) and key[:end] in self.exact:
                return self.exact[key[:end]]
        return None

    def _one_slip(self, key: str) -> str | None:
        if self._deletions is None:
            self._deletions = {}
            add = self._deletions.setdefault
            for k in self.exact:
                add(k, []).append(k)
                for i in range(len(k)):
                    add(k[:i] + k[i + 1:], []).append(k)
        found = self._deletions.get
        near = {k for v in _deletions(key) for k in found(v, ())}
        if not near:
            return None
        if len(near) == 1:
            return self.exact[near.pop()]
        from rapidfuzz import fuzz
        best = max(sorted(near), key=lambda k: fuzz.ratio(key, k))
        return self.exact[best]

    def _inside(self, key: str) -> str | None:
        if self._words is None:          # each word → the choices it stands in, and where
            self._words = {}
            for n, k in enumerate(self.keys):
                have = tuple(re.findall(r"\w+", k))
                for i, w in enumerate(have):
                    self._words.setdefault(w, []).append((n, have, i))
        words = tuple(re.findall(r"\w+", key))
        hits = {n for n, have, i in (self._words.get(words[0], ()) if words else ())
                if have[i:i + len(words)] == words}
        return self.choices[hits.pop()] if len(hits) == 1 else None


def _deletions(key: str) -> set[str]:
    """``key`` and each string one character shorter than it."""
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def _nfc_spaces(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def title_slug(text: str, limit: int = 40) -> str:
    """Readable ASCII with capitals kept: "Nguyễn Văn An" → "Nguyen-Van-An"."""
    decomposed = _nfc_spaces(text).replace("đ", "d").replace("Đ", "D")
    plain = "".join(ch for ch in unicodedata.normalize("NFD", decomposed)
                    if not unicodedata.combining(ch))
    keep = "".join(ch if ch.isalnum() else "-" for ch in plain)
    while "--" in keep:
        keep = keep.replace("--", "-")
    return keep.strip("-")[:limit].strip("-") or "x"
