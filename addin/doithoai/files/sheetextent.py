"""How far a sheet's cells reach, measured in the file the way python-calamine places them.

python-calamine builds a sheet as one rectangle from its first to its last cell holding
something (32 bytes a cell, before a Python list of as many), so that rectangle is what must be
bounded before the sheet is read. A cell's place is its ``r`` attribute ("XFD1048576", the last
one if it has two, letters in either case), or for a cell without one, the next column of its
row; a row without ``r`` follows the one before. Each reader below is fed the unpacked part
chunk by chunk and gives an :class:`Extent` (the last row and column from A1), never smaller
than what python-calamine would build:

- :class:`XmlSheet`, for large .xlsx sheets: array operations (numpy) over the bytes; it only
  proves the file plain (every cell ``<c r="…"``, no other ``r`` it cannot see, no prefixed
  cell) and bounds the references; anything else is :class:`Undecided`;
- :class:`ExactXmlSheet`: an XML parser placing each cell (small sheets, and the undecided).

The other formats (.ods, .xlsb, .xls) are measured in sheetformats.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Extent:
    rows: int          # the last row holding something, from 1 (0: nothing)
    columns: int       # the last column holding something, from 1 (A)
    far: str = ""      # a cell at the far edge, for the clerk ("XFD1048576")

    def within(self, limits) -> bool:
        return (self.rows <= limits.rows and self.columns <= limits.columns
                and self.rows * self.columns <= limits.cells)


class Undecided(Exception):
    """The fast reading cannot vouch for this sheet; the exact one must measure it."""


class Damaged(Exception):
    """The part cannot be parsed (not well-formed XML, a reference nothing can place): no
    reader may be given it. The message is the library's, for the log file."""


def column_name(col: int) -> str:
    """1 → A, 16384 → XFD."""
    name = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_name(row: int, col: int) -> str:
    return f"{column_name(col)}{row}" if col > 0 else str(row)


def _reference(text: str) -> tuple[int, int]:
    """(row, column) from 1 as python-calamine reads an ``r`` value; ValueError if it cannot."""
    letters = len(text) - len(text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    digits = text[letters:]
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(text)
    col = 0
    for ch in text[:letters].upper():
        col = col * 26 + ord(ch) - 64
    row = int(digits)
    if row < 1:
        raise ValueError(text)
    return row, col


class Farthest:
    """The last row and column seen, and a cell at each."""

    def __init__(self):
        self.row = self.col = 0
        self.row_cell = self.col_cell = ""

    def add(self, row: int, col: int) -> None:
        if row > self.row:
            self.row, self.row_cell = row, cell_name(row, col)
        if col > self.col:
            self.col, self.col_cell = col, cell_name(row, col)

    def extent(self, limits) -> Extent:
        far = self.col_cell if self.col > limits.columns else self.row_cell
        return Extent(self.row, self.col, far)


# --- exact: an XML parser placing each cell ----------------------------------------------------

class ExactXmlSheet:
    """Each cell placed as python-calamine places it (rows and cells with or without ``r``); a
    cell counts if it has any child (a value, an inline string), empty or not."""

    def __init__(self, limits):
        import xml.parsers.expat
        self.limits = limits
        self.far = Farthest()
        self.row = 0                      # the current row (0-based), as calamine counts
        self.col = 0
        self.cell = None                  # (row, col) of the open cell
        self.error = None
        self.held = b""                   # the end of a piece kept for the next one
        parser = xml.parsers.expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self.parser = parser

    def _start(self, name: str, attrs: dict) -> None:
        local = name.rpartition(":")[2]
        if self.cell is not None:
            self.far.add(*self.cell)      # a child: the cell may hold a value
            self.cell = None
        if local == "c":
            ref = attrs.get("r")
            if ref is None:
                row, col = self.row + 1, self.col + 1
            else:
                row, col = _reference(ref)
                if col < 1:
                    raise ValueError(ref)
                self.col = col - 1
            self.cell = (row, col)
        elif local == "row" and attrs.get("r") is not None:
            self.row = _reference(attrs["r"])[0] - 1

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local == "c":
            self.cell = None
            self.col += 1
        elif local == "row":
            self.row += 1
            self.col = 0

    def feed(self, chunk: bytes) -> None:
        if self.error is not None:
            return
        data = self.held + chunk
        cut = _whole_references(data)
        self.held = data[cut:]
        try:
            self.parser.Parse(_tolerated(data[:cut]), False)
        except Exception as exc:          # not well-formed, or a reference nothing can place
            self.error = exc

    def result(self, name: str) -> dict[str, Extent]:
        if self.error is None:
            try:
                self.parser.Parse(_tolerated(self.held), True)
            except Exception as exc:
                self.error = exc
        if self.error is not None:
            raise Damaged(f"{type(self.error).__name__}: {self.error}")
        return {name: self.far.extent(self.limits)}


# Characters XML 1.0 forbids, which python-calamine reads all the same (text pasted from Word
# carries them): blanked for the parser here; they cannot open or close an element.
_CONTROLS = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
_BLANKED = bytes.maketrans(_CONTROLS, b" " * len(_CONTROLS))
_CONTROL_REFERENCE = re.compile(
    rb"&#(?:x0*(?:[0-8bcef]|1[0-9a-f])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));", re.I)


def _tolerated(data: bytes) -> bytes:
    return _CONTROL_REFERENCE.sub(b" ", data.translate(_BLANKED))


def _whole_references(data: bytes) -> int:
    """Where to cut ``data`` so that no character reference ("&#7;") is split between two
    pieces: before a last '&' with no ';' after it, if it is near the end."""
    amp = data.rfind(b"&", max(len(data) - 12, 0))
    return amp if amp >= 0 and data.find(b";", amp) < 0 else len(data)


# --- fast: the bytes as arrays, for large sheets ----------------------------------------------

WINDOW = 8 << 20          # bytes analysed at a time, cut just before a '<'
PAD = b"\0" * 32          # read past a window's end without a bound check


def _word(text: bytes) -> int:
    return int.from_bytes(text, "little")


_CELL_R, _ROW_R = _word(b'<c r="'), _word(b'<row r="')
_SIX = (1 << 48) - 1


class XmlSheet:
    """The fast reading of a large sheet part: plain sheets, as Excel, LibreOffice and openpyxl
    write them, are bounded from their references; anything else is :class:`Undecided` (and
    then measured exactly). Plain means:

    - every element named ``c`` (a cell) begins ``<c r="``, and none is named ``…:c``;
    - every attribute named ``r`` (the letter r after a space or a quote, before ``=`` or a
      space: how python-calamine finds one) is the first of a cell or a row, so a cell has one
      reference, the one read here.

    Rows, text and everything else do not move a cell that has its own reference. The bound:
    the most letters and the largest column among references, the most digits and the largest
    first digit among those (a reference python-calamine cannot read stops it before it builds
    anything, so only readable ones need a bound).
    """

    def __init__(self, limits):
        self.limits = limits
        self.buf = bytearray()              # one buffer for every window: touched once
        self.size = 0                       # bytes of it in use
        self.undecided = False
        self.letters = self.col = self.digits = self.lead = 0

    def feed(self, chunk: bytes) -> None:
        if self.undecided:
            return
        end = self.size + len(chunk)
        if len(self.buf) < end + len(PAD):
            self.buf.extend(bytes(end + len(PAD) - len(self.buf)))
        self.buf[self.size:end] = chunk
        self.size = end
        if self.size >= WINDOW:
            self._window(final=False)

    def _window(self, final: bool) -> None:
        buf, size = self.buf, self.size
        if size == 0:
            return
        cut = size if final else buf.rfind(b"<", 0, size)
        if cut <= 0:
            cut = size
        rest = bytes(buf[cut:size])
        buf[cut:cut + len(PAD)] = PAD
        try:
            self._analyse(buf, cut)
        except Undecided:
            self.undecided = True
        buf[:len(rest)] = rest
        self.size = len(rest)

    def _analyse(self, data, n: int) -> None:
        """The first ``n`` bytes of ``data`` (followed by at least PAD's length of bytes)."""
        import numpy as np
        a = np.frombuffer(data, np.uint8, n + len(PAD))
        words = np.ndarray((n + len(PAD) - 8,), "<u8", data, 0, (1,))   # 8 bytes from each
        cells = _cell_tags(np, a, n)
        if ((words[cells] & _SIX) != _CELL_R).any():
            raise Undecided                                  # a cell not '<c r="…'
        _only_first_references(np, a, words, n)
        if len(cells):
            self._bound(np, words[cells + 6])

    def _bound(self, np, ref) -> None:
        """``ref``: the first 8 bytes of each reference as one little-endian word each."""
        byte = [(ref >> np.uint64(8 * k)).astype(np.uint8) for k in range(8)]
        quote = _first_quote(np, ref)
        run = np.ones(len(ref), bool)
        letters = np.zeros(len(ref), np.int64)
        for k in range(4):
            run &= ((byte[k] | np.uint8(32)) - np.uint8(97)) < 26
            letters += run
        if letters.max() > 3:
            raise Undecided                                  # beyond column ZZZ
        digits = quote - letters
        most = int(letters.max())
        if most >= self.letters:
            picked = letters == most
            col = np.zeros(int(picked.sum()), np.int64)
            for k in range(most):
                col = col * 26 + (byte[k][picked] | np.uint8(32)).astype(np.int64) - 96
            self.col = max(self.col if most == self.letters else 0, int(col.max()))
            self.letters = most
        most = int(digits.max())
        if most >= self.digits and most > 0:
            picked = digits == most
            first = (ref[picked] >> (np.uint64(8) * letters[picked].astype(np.uint64)))
            lead = int((first & np.uint64(0xFF)).max()) - 48
            self.lead = max(self.lead if most == self.digits else 0, min(max(lead, 0), 9))
            self.digits = most

    def result(self, name: str) -> dict[str, Extent]:
        if not self.undecided:
            self._window(final=True)
        if self.undecided:
            raise Undecided
        rows = (self.lead + 1) * 10 ** (self.digits - 1) - 1 if self.digits else 0
        extent = Extent(rows, self.col)
        if not extent.within(self.limits):
            raise Undecided          # a bound only: the exact reading says how far it is
        return {name: extent}


def _cell_tags(np, a, n):
    """Where each ``<c`` followed by the end of a name stands; Undecided if an element named
    ``…:c`` exists. Both from the byte pairs ending in 'c' whose first byte is '<' or ':'
    (one test for both: the two differ in two bits)."""
    found = []
    for start in (0, 1):
        pairs = np.frombuffer(a.data, "<u2", (n - start) // 2, start)
        found.append(np.flatnonzero((pairs & 0xFFF9) == 0x6338) * 2 + start)
    at = np.concatenate(found)
    after = a[at + 2]
    at = at[(after <= 32) | (after == 47) | (after == 62)]     # space, '/', '>'
    first = a[at]
    if (first == 58).any():
        raise Undecided
    return at[first == 60]


def _first_quote(np, words):
    """The place (0-7) of the first '"' in each 8-byte word; Undecided if one has none (a
    reference of eight characters or more). A byte equal to '"' is a zero byte of the word
    xor '"' repeated, found by the has-zero-byte bit trick (its lowest flag is exact)."""
    x = words ^ np.uint64(0x2222222222222222)
    flags = (x - np.uint64(0x0101010101010101)) & ~x & np.uint64(0x8080808080808080)
    if not flags.all():
        raise Undecided
    lowest = flags & (~flags + np.uint64(1))
    return (np.log2(lowest.astype(np.float64)).astype(np.int64) - 7) // 8


def _only_first_references(np, a, words, n) -> None:
    """Undecided unless every attribute named r is the first of a cell or of a row."""
    r = np.flatnonzero(a[:n] == 114)
    r = r[r >= 8]
    before, after = a[r - 1], a[r + 1]
    r = r[((before <= 32) | (before == 34) | (before == 39)) & ((after <= 32) | (after == 61))]
    first = ((words[r - 3] & _SIX) == _CELL_R) | (words[r - 5] == _ROW_R)
    if not first.all():
        raise Undecided


__all__ = ["Extent", "Undecided", "Damaged", "Farthest", "ExactXmlSheet", "XmlSheet",
           "cell_name", "column_name"]
