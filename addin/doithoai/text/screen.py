"""Screening many texts at once: which of them may hold a flaw, found by a few scans of all the
texts joined, instead of a few calls for each text (a registry of 50,000 opinions holds about
200,000 distinct texts; one C-level scan of their ten million characters takes a hundredth of a
second, two hundred thousand calls a tenth).

A screen returns *suspects*: a superset of the texts with the flaw (a text holding the
separator may be caught by mistake). Callers judge the suspects one by one, so what a screen
keeps is exactly what the one-by-one test keeps.
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence

SEP = "\x00"                     # a control character: no clean text holds it
_LEADING_SPACE = re.compile(r"\x00\s")


class Joined:
    """Texts joined by :data:`SEP`, which also stands before the first and after the last."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.big = SEP + SEP.join(texts) + SEP
        # starts[i]: where text i begins; starts[len(texts)]: the end of the joined text
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=1))

    def _owner(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def _next(self, i: int) -> int:
        return self.starts[i + 1] if i + 1 < len(self.starts) else len(self.big)

    def holding(self, needle: str) -> set[int]:
        """The texts that hold ``needle`` (a plain substring without :data:`SEP`)."""
        found, big, pos = set(), self.big, self.big.find(needle)
        while pos >= 0:
            i = self._owner(pos)
            found.add(i)
            pos = big.find(needle, self._next(i))
        return found

    def matching(self, pattern: re.Pattern) -> set[int]:
        """The texts in which ``pattern`` matches (it must not match :data:`SEP`, nor a
        letter next to it decide a match)."""
        found, big = set(), self.big
        m = pattern.search(big)
        while m:
            i = self._owner(m.start())
            found.add(i)
            m = pattern.search(big, self._next(i))
        return found

    def starting_with(self, chars: str) -> set[int]:
        """The texts whose first character is one of ``chars`` or a space of any kind."""
        pattern = re.compile(r"\x00[\s" + re.escape(chars) + "]" if chars else _LEADING_SPACE)
        return {self._owner(m.start() + 1) for m in pattern.finditer(self.big)
                if m.start() + 1 < len(self.big)}

    def ending_with_space(self) -> set[int]:
        """The texts whose last character is a space of any kind (found in the joined text
        read backwards, where the last character comes right after a separator)."""
        backwards, last = self.big[::-1], len(self.big) - 1
        return {self._owner(last - (m.start() + 1))
                for m in _LEADING_SPACE.finditer(backwards)}

    def not_nfc(self) -> set[int]:
        """The texts not in Unicode NFC (all texts are, when the joined text is: the separator
        combines with nothing)."""
        if unicodedata.is_normalized("NFC", self.big):
            return set()
        nfc = unicodedata.is_normalized
        return {i for i, t in enumerate(self.texts) if not nfc("NFC", t)}

    def kept(self, suspects: set[int], judge) -> set[str]:
        """The texts that are not suspects, with those suspects that ``judge`` (a function from
        a list of texts to the set it keeps) keeps."""
        texts = self.texts
        if not suspects:
            return set(texts)
        cleared = judge([texts[i] for i in suspects])
        return {t for i, t in enumerate(texts) if i not in suspects} | cleared
