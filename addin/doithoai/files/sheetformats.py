"""How far a sheet reaches in the other formats python-calamine reads (sheetextent.py has the
.xlsx sheets and the reasons): an OpenDocument spreadsheet's content.xml, with its repeated
rows and columns; an Excel binary workbook's (.xlsb) sheet records; an Excel 97-2003 (.xls)
workbook stream, from its compound file.
"""
from __future__ import annotations

import struct

from doithoai.files.sheetextent import Damaged, Extent, Farthest


class NotAWorkbookStream(Exception):
    """A compound file without an Excel workbook stream (an encrypted Office file, a .doc)."""


# --- OpenDocument: content.xml ----------------------------------------------------------------

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


class OdsTables:
    """Each table of content.xml: rows and cells carry repeat counts; a cell counts if it has a
    value type or any text (python-calamine expands repeated rows and cells between those)."""

    def __init__(self, limits):
        import xml.parsers.expat
        self.limits = limits
        self.out: dict[str, Extent] = {}
        self.table = None
        self.far = Farthest()
        self.row = 0
        self.row_repeat = 1
        self.col = 0
        self.row_last_col = 0
        self.cell = None
        self.error = None
        parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self.parser = parser

    @staticmethod
    def _repeat(attrs, key) -> int:
        value = attrs.get(f"{_TABLE_NS}}}{key}", "1")
        return int(value) if value.isdigit() else 1

    def _start(self, name: str, attrs: dict) -> None:
        ns, _, local = name.rpartition("}")
        if ns == _TABLE_NS and local == "table":
            self.table = attrs.get(f"{_TABLE_NS}}}name", "")
            self.far, self.row = Farthest(), 0
        elif ns == _TABLE_NS and local == "table-row":
            self.row_repeat, self.col, self.row_last_col = self._repeat(
                attrs, "number-rows-repeated"), 0, 0
        elif ns == _TABLE_NS and local in ("table-cell", "covered-table-cell"):
            span = self._repeat(attrs, "number-columns-repeated")
            has_value = any(k.endswith("value-type") for k in attrs)
            self.cell = (self.col + span, has_value)
            self.col += span
        elif self.cell is not None:
            self.cell = (self.cell[0], True)        # text inside the cell

    def _end(self, name: str) -> None:
        ns, _, local = name.rpartition("}")
        if ns != _TABLE_NS:
            return
        if local in ("table-cell", "covered-table-cell") and self.cell is not None:
            col, has_value = self.cell
            if has_value:
                self.row_last_col = col
            self.cell = None
        elif local == "table-row":
            if self.row_last_col:
                self.far.add(self.row + self.row_repeat, self.row_last_col)
            self.row += self.row_repeat
        elif local == "table" and self.table is not None:
            self.out[self.table] = self.far.extent(self.limits)
            self.table = None

    def feed(self, chunk: bytes) -> None:
        if self.error is None:
            try:
                self.parser.Parse(chunk, False)
            except Exception as exc:
                self.error = exc

    def result(self, name: str) -> dict[str, Extent]:
        if self.error is None:
            try:
                self.parser.Parse(b"", True)
            except Exception as exc:
                self.error = exc
        if self.error is not None:
            raise Damaged(f"{type(self.error).__name__}: {self.error}")
        return self.out


# --- Excel binary workbook (.xlsb) ------------------------------------------------------------

_BRT_ROW = 0x0000
_BRT_CELLS = range(0x0002, 0x000C)       # BrtCellRk … BrtFmlaError, what python-calamine reads


class BinarySheet:
    """A .xlsb sheet part: records (a variable-length type and size); BrtRowHdr gives the
    row, each cell record its column first."""

    def __init__(self, limits):
        self.limits = limits
        self.buf = b""
        self.far = Farthest()
        self.row = 0

    def feed(self, chunk: bytes) -> None:
        data = self.buf + chunk
        at = 0
        while True:
            record = _record(data, at)
            if record is None:
                break
            kind, body_at, size = record
            if kind == _BRT_ROW and size >= 4:
                self.row, = struct.unpack_from("<I", data, body_at)
            elif kind in _BRT_CELLS and size >= 4:
                col, = struct.unpack_from("<I", data, body_at)
                self.far.add(self.row + 1, col + 1)
            at = body_at + size
        self.buf = data[at:]

    def result(self, name: str) -> dict[str, Extent]:
        return {name: self.far.extent(self.limits)}


def _varint(data: bytes, at: int, most: int) -> tuple[int, int] | None:
    value = shift = 0
    for i in range(most):
        if at + i >= len(data):
            return None
        byte = data[at + i]
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at + i + 1
    return value, at + most


def _record(data: bytes, at: int):
    kind = _varint(data, at, 2)
    if kind is None:
        return None
    size = _varint(data, kind[1], 4)
    if size is None or size[1] + size[0] > len(data):
        return None
    return kind[0], size[1], size[0]


# --- Excel 97-2003 (.xls) ---------------------------------------------------------------------

_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x0085, 0x0200
# Number, Label, RString, BoolErr, Rk, LabelSst, Formula: a row and a column of two bytes each.
_XLS_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006}
_MULRK = 0x00BD


def _records(book: bytes, at: int):
    while at + 4 <= len(book):
        kind, size = struct.unpack_from("<HH", book, at)
        yield kind, at + 4, size
        at += 4 + size


def xls_extents(data: bytes, limits) -> dict[str, Extent]:
    """Each sheet of an .xls, from the sheet list of its workbook stream, measured from its
    cell records and its declared dimensions (python-calamine reserves room for those)."""
    import olefile
    try:
        ole = olefile.OleFileIO(data)
    except Exception as exc:
        raise NotAWorkbookStream(str(exc)) from None
    with ole:
        stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
        if stream is None:
            raise NotAWorkbookStream("no Workbook stream")
        book = ole.openstream(stream).read()
    sheets = []
    for kind, body, size in _records(book, 0):
        if kind == _BOUNDSHEET and size >= 8:
            position, = struct.unpack_from("<I", book, body)
            sheets.append((_sheet_name(book[body + 6:body + size]), position))
        elif kind == _EOF:
            break
    return {name or f"#{i + 1}": _xls_sheet(book, position, limits)
            for i, (name, position) in enumerate(sheets)}


def _xls_sheet(book: bytes, position: int, limits) -> Extent:
    """One sheet's substream, its embedded ones (charts) included."""
    far, depth = Farthest(), 0
    for kind, body, size in _records(book, position):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind in _XLS_CELLS and size >= 4:
            row, col = struct.unpack_from("<HH", book, body)
            far.add(row + 1, col + 1)
        elif kind == _MULRK and size >= 6:
            row, = struct.unpack_from("<H", book, body)
            last, = struct.unpack_from("<H", book, body + size - 2)
            far.add(row + 1, last + 1)
        elif kind == _DIMENSIONS and size >= 12:
            rows, = struct.unpack_from("<I", book, body + 4)
            cols, = struct.unpack_from("<H", book, body + 10)
            far.add(rows, cols)
    return far.extent(limits)


def _sheet_name(raw: bytes) -> str:
    """A BoundSheet8 name: a length, a flag (UTF-16 or compressed Latin-1), the characters."""
    if len(raw) < 2:
        return ""
    length, wide = raw[0], raw[1] & 1
    text = raw[2:2 + length * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")


__all__ = ["OdsTables", "BinarySheet", "xls_extents", "NotAWorkbookStream"]
