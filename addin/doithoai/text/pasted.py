"""What a text pasted from Zalo, Facebook or Word brings that a document cannot print as it is.

Line ends other than the one Alt+Enter types ("\\n"): a line separator (U+2028, what Zalo,
Facebook and phones put in a message), a paragraph separator (U+2029), NEL (U+0085), Word's own
line break (the vertical tab) and page break (form feed), and the separators \\x1c-\\x1e: the
line ends :meth:`str.splitlines` knows besides "\\n" and "\\r". Excel shows them as nothing,
and a document that left them out would glue two words together ("cầu trànbị sạt lở"): each
is a line end, a line break in a free text and a space in a text printed on one line.

Pictographs: emoji and the symbols chat apps turn into pictures (☎, ✔, ★, ❤, 👍, 🌸, flags, with
their skin tones, variation selectors and keycaps). A document is set in Times New Roman, in
the Vietnamese character set of TCVN 6909:2001 (Decree 30/2020/NĐ-CP, Appendix I), which has
no picture: none is printed, in a name or anywhere else. The registry keeps what was typed.
"""
from __future__ import annotations

import re

LINE_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SEPARATOR = re.compile(f"[{LINE_SEPARATORS}]")
# Every line end, with the spaces around a run of them (a text printed on one line).
_LINE_BREAKS = re.compile(f"[ \t]*(?:[\n\r{LINE_SEPARATORS}][ \t]*)+")

# The pictographs, as ranges of code points (first, last): the emoji of Unicode's emoji data
# outside the Supplementary Multilingual Plane's pictograph blocks, then those blocks whole, the
# presentation selectors, the keycap and the tags of a subdivision flag. Not in it: letters,
# digits (the dingbat circled digits ❶-➓ number things), punctuation, © ® ™, arrows, maths.
PICTOGRAPH_RANGES = (
    (0x203C, 0x203C), (0x2049, 0x2049), (0x20E3, 0x20E3), (0x231A, 0x231B),
    (0x2328, 0x2328), (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA),
    (0x24C2, 0x24C2), (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0),
    (0x25FB, 0x25FE), (0x2600, 0x2775), (0x2794, 0x27BF), (0x2934, 0x2935),
    (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
    (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
    (0xFE0E, 0xFE0F), (0x1F000, 0x1FAFF), (0xE0020, 0xE007F),
)
# The same as a regular expression's class body.
PICTOGRAPHS = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in PICTOGRAPH_RANGES)
_PICTOGRAPH = re.compile(f"[{PICTOGRAPHS}]")
# A run of pictographs (joined by zero-width joiners: 👨‍👩‍👧), with the spaces around it.
_PICTOGRAPH_RUN = re.compile(f"[ \u00a0]*(?:[{PICTOGRAPHS}]\u200d?)+[ \u00a0]*")
_ATTACHED = ",.;:!?)]}…”’\"'"          # punctuation that follows a word without a space


def has_line_separator(text: str) -> bool:
    return _SEPARATOR.search(text) is not None


def line_separators_in(text: str) -> list[str]:
    """The line ends other than "\\n" a text holds, each once, in order."""
    return list(dict.fromkeys(_SEPARATOR.findall(text)))


def as_lines(text: str) -> str:
    """Every line end a newline, as Alt+Enter types it ("\\r\\n" and "\\r" too)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SEPARATOR.sub("\n", text) if _SEPARATOR.search(text) else text


def on_one_line(text: str) -> str:
    """Every line end, with the spaces around it, one space (none at either end)."""
    return _LINE_BREAKS.sub(lambda m: _between(m, " "), text)


def has_pictograph(text: str) -> bool:
    return _PICTOGRAPH.search(text) is not None


def pictographs_in(text: str) -> list[str]:
    """The runs of pictographs a text holds, each once, in order ("😊", "🌸🌸")."""
    return list(dict.fromkeys(run.strip(" \u00a0") for run in _PICTOGRAPH_RUN.findall(text)))


def without_pictographs(text: str) -> str:
    """The text with its pictographs taken out, each run with the spaces around it: one space
    is left between two words ("đất đai 🏠 và" → "đất đai và", "đường😡hỏng" → "đường hỏng"),
    none at the start or end of a line or before a comma ("Anh Hoàng Văn Nam 😊" → "Anh Hoàng
    Văn Nam")."""
    if not _PICTOGRAPH.search(text):
        return text
    return _PICTOGRAPH_RUN.sub(_dropped, text)


def _dropped(m: re.Match) -> str:
    t, start, end = m.string, m.start(), m.end()
    if end < len(t) and t[end] in _ATTACHED:
        return ""
    spaced = m.group() != m.group().strip(" \u00a0")
    return _between(m, " " if spaced or (t[start - 1:start].isalnum()
                                         and t[end:end + 1].isalnum()) else "")


def _between(m: re.Match, space: str) -> str:
    """``space``, or nothing where the match starts or ends a line."""
    t, start, end = m.string, m.start(), m.end()
    if start == 0 or end == len(t) or t[start - 1] == "\n" or t[end] == "\n":
        return ""
    return space


_NEEDS = re.compile(f"[\n\r{LINE_SEPARATORS}{PICTOGRAPHS}]")


def printable(text: str, one_line: bool) -> str:
    """A text as a document prints it: no pictograph, and every line end a newline (a free
    text's own lines) or, ``one_line``, a space."""
    if not _NEEDS.search(text):
        return text
    text = without_pictographs(as_lines(text))
    return on_one_line(text) if one_line else text
