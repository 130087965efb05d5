"""The one safety check every workbook or Word template passes before anything reads it.

A file from outside (a registry, a returned intake file, a commune's monitoring workbook, a Word
template in ``mau-van-ban``) is a zip package of XML parts, or an old compound file (.xls).
The libraries that read them trust it: python-calamine holds a sheet as a full rectangle from
its first to its last cell (one value in XFD1048576 asks for 512 GiB and aborts the process),
unpacks a part however large it turns out to be, and openpyxl and lxml parse whatever XML a part
holds. :func:`check` looks at the package first, without keeping it in memory, and refuses
(:class:`PackageRefused`, the reason in the clerk's words) a file that:

- declares more parts than a workbook has, a part or a total larger than the limits, or a part
  packed more tightly than any spreadsheet packs (a "zip bomb");
- unpacks to other sizes than its directory declares, has parts that overlap or share a name,
  or uses a compression or an encryption Office does not use;
- has a DOCTYPE or an entity declaration in any XML part (no Office file needs one; they are
  how entity expansion begins), or an XML part not in UTF-8;
- has a sheet whose cells reach beyond :data:`LIMITS` (rows, columns, cells from A1): the
  sheet's extent is measured from the cells that hold something (``sheetextent.py``).

``source`` is a path or the bytes of a file in memory (an encrypted registry is decrypted in
memory, never on disk). files/workbook_open.py's ``open_book`` is the one way a file shell opens
a spreadsheet: this check, then python-calamine, and ``Book.grid`` reads one sheet only once it
is found within the limits.
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
from dataclasses import dataclass, field

from doithoai.files import sheetextent, sheetformats
from doithoai.files.sheetextent import Extent
from doithoai.files.zipparts import (LIMITS, Limits, MiB, PackageDamaged, PackageRefused,
                                     data_spans, members, scanned, size_text, thousands,
                                     unpacked)


@dataclass
class Package:
    """What the check found: the kind of file, its sheets' parts and their extents."""
    kind: str                                     # "zip", "ods", "xlsb", "xls", "other"
    sheet_parts: dict[str, str] = field(default_factory=dict)     # sheet name → part
    extents: dict[str, Extent] = field(default_factory=dict)      # part (or ods table) → extent
    limits: Limits = LIMITS
    stamp: tuple | None = None          # (size, modified) of the file checked, from a path
    pending: list = field(default_factory=list)   # sheets left to measure (check's defer)
    measuring: tuple = ()

    def require_within(self, sheet: str) -> None:
        """Refused if ``sheet`` reaches beyond the limits. A sheet whose part the check could
        not name (a workbook.xml it could not read, an .xlsb) is held to the farthest-reaching
        sheet part of the file."""
        key = self.sheet_parts.get(sheet, sheet)
        extent = self.extents.get(key)
        if extent is None and self.extents:
            # A sheet whose part we could not name: every sheet part must then be within.
            extent = max(self.extents.values(), key=lambda e: e.rows * e.columns)
        if extent is not None and not extent.within(self.limits):
            where = f"ô {extent.far}" if extent.far else "một ô"
            raise PackageRefused(
                f"trang \"{sheet}\" có dữ liệu ở {where}, ngoài vùng phần mềm đọc (mỗi trang tối "
                f"đa {thousands(self.limits.rows)} dòng, {thousands(self.limits.columns)} cột và "
                f"{thousands(self.limits.cells)} ô tính từ A1)",
                f"{sheet}: {extent}",
                fix="Hãy mở tệp bằng Excel, xóa nội dung ô đó (Ctrl+End đưa đến ô cuối cùng có "
                    "dữ liệu), lưu lại rồi thử lại")


def check(source, limits: Limits = LIMITS, ready=None, defer: bool = False) -> Package:
    """The package at ``source`` (a path, or bytes in memory), checked; :class:`PackageRefused`
    if it must not be read. Memory stays bounded whatever the file: parts are unpacked in
    chunks and only counted and scanned. For a format whose sheets are read one by one when
    asked for (.xlsx, .xlsb): ``ready(kind)`` is called once every part but the sheets passed
    (the workbook may be opened then); with ``defer``, the sheets are left in
    ``Package.pending`` for :func:`measure_pending` (files/workbook_open.py measures them while
    the caller reads the first ones)."""
    stamp = file_stamp(source)
    with _opened(source) as fh:
        head = fh.read(8)
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if head.startswith(b"PK"):
            pkg = _check_zip(fh, size, limits, ready, defer)
        elif head.startswith(b"\xd0\xcf\x11\xe0"):
            pkg = _check_compound(fh, limits)
        else:
            pkg = Package("other", limits=limits)
    pkg.stamp = stamp if stamp == file_stamp(source) else None      # changed while read: none
    return pkg


def file_stamp(source) -> tuple | None:
    """A path's size and time of change (a file replaced or written to changes one of them);
    None for bytes in memory."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return None
    try:
        st = os.stat(os.fspath(source))
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class _opened:
    """A seekable binary file for a path or for bytes in memory."""

    def __init__(self, source):
        self.source = source
        self.fh = None

    def __enter__(self):
        if isinstance(self.source, (bytes, bytearray, memoryview)):
            self.fh = io.BytesIO(bytes(self.source))
        else:
            self.fh = open(os.fspath(self.source), "rb")
        return self.fh

    def __exit__(self, *exc):
        self.fh.close()


# --- zip packages: xlsx, xlsm, xlsb, docx, ods --------------------------------------------------

def _check_zip(fh, size: int, limits: Limits, ready=None, defer: bool = False) -> Package:
    infos = members(fh, size, limits)
    spans = data_spans(fh, infos, size)
    names = {i.filename for i in infos}
    kind = "ods" if "content.xml" in names and "mimetype" in names else \
        "xlsb" if any(n.lower().endswith(".bin") and "/worksheets/" in n for n in names) else "zip"
    pkg = Package(kind, limits=limits)
    # First the parts that name the sheets: a sheet is wherever the workbook says it is.
    naming = {info.filename: b"".join(scanned(fh, info, start)) for info, start in spans
              if info.filename in _NAMING_PARTS}
    if kind in ("zip", "xlsb"):
        pkg.sheet_parts = _sheet_names(naming)
    sheets = _sheet_part_names(names) | (set(pkg.sheet_parts.values()) & names)
    fast = "numpy" in sys.modules or \
        sum(i.file_size for i in infos if i.filename in sheets) >= FAST_FROM
    later = [s for s in spans if s[0].filename in sheets and kind != "ods"]
    for info, start in spans:           # every part but the sheets, then the sheets
        if info.filename not in naming and (info, start) not in later:
            _measure(pkg, kind, info, fh, start, sheets, fast, limits)
    if ready is not None and later:
        ready(kind)
    if defer:
        pkg.pending = sorted(later, key=lambda s: s[0].file_size)
        pkg.measuring = (sheets, fast)
        return pkg
    for info, start in later:
        _measure(pkg, kind, info, fh, start, sheets, fast, limits)
    return pkg


def measure_pending(pkg: Package, source, done) -> None:
    """The sheets :func:`check` left in ``pkg.pending`` measured, the smallest first, from the
    file opened again; ``done(part, refusal or None)`` after each (a refused part does not stop
    the others: it refuses its sheet when that is read)."""
    sheets, fast = pkg.measuring
    with _opened(source) as fh:
        for info, start in pkg.pending:
            try:
                _measure(pkg, pkg.kind, info, fh, start, sheets, fast, pkg.limits)
            except PackageRefused as exc:
                done(info.filename, exc)
            else:
                done(info.filename, None)


def _measure(pkg, kind, info, fh, start, sheets, fast, limits) -> None:
    """One part unpacked, counted and scanned; a sheet's extent recorded."""
    extent_of = _extent_reader(kind, info, sheets, fast, limits)
    for chunk in scanned(fh, info, start):
        if extent_of is not None:
            extent_of.feed(chunk)
    if extent_of is not None:
        pkg.extents.update(_finish(extent_of, info, fh, start, limits))


_NAMING_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_SHEET_FOLDERS = ("/worksheets/", "/dialogsheets/", "/macrosheets/")


def _sheet_part_names(names) -> set[str]:
    """Every part python-calamine or openpyxl could read as a sheet: by folder, whatever the
    workbook's relationships say (they are read too, below, for the sheets' names)."""
    return {n for n in names if any(f in n for f in _SHEET_FOLDERS) and "/_rels/" not in n}


# Sheets smaller than this together are measured exactly, cell by cell (some 20 ms a
# megabyte); larger ones by the array reading (a few ms a megabyte, once numpy is loaded, which
# takes about 0.1 s); any, once numpy is loaded (openpyxl loads it, so does a roll-up's first
# large file): both readings are sound, this one is the faster.
FAST_FROM = 2 * MiB


def many_files_ahead() -> None:
    """Said by a caller about to check many files (a roll-up of hundreds of communes): numpy
    is loaded once now, so every check after it takes the faster reading of the sheets."""
    try:
        import numpy  # noqa: F401
    except ImportError:             # the exact reading serves, only slower
        pass


def _extent_reader(kind: str, info: zipfile.ZipInfo, sheets: set[str], fast: bool,
                   limits: Limits):
    name = info.filename
    if kind == "ods" and name == "content.xml":
        return sheetformats.OdsTables(limits)
    if name not in sheets:
        return None
    if name.lower().endswith(".bin"):
        return sheetformats.BinarySheet(limits)
    return sheetextent.XmlSheet(limits) if fast else sheetextent.ExactXmlSheet(limits)


def _finish(reader, info: zipfile.ZipInfo, fh, start: int, limits: Limits) -> dict[str, Extent]:
    """A sheet reader's extents; a sheet the fast reading could not vouch for (an unusual
    layout, or perhaps beyond the limits) is read again, exactly."""
    try:
        return reader.result(info.filename)
    except sheetextent.Undecided:
        reader = sheetextent.ExactXmlSheet(limits)
        for chunk in unpacked(fh, info, start):
            reader.feed(chunk)
        return _finish(reader, info, fh, start, limits)
    except sheetextent.Damaged as exc:
        raise PackageDamaged(f"phần \"{info.filename}\" của tệp bị hỏng (XML không hợp lệ, "
                             "hoặc địa chỉ ô không đọc được)", str(exc)) from None


def _sheet_names(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name → part, from xl/workbook.xml and its relationships (empty if unreadable: the
    sheets are then each held to the limits whatever their names)."""
    import xml.etree.ElementTree as ET
    try:
        book = ET.fromstring(parts["xl/workbook.xml"])
        rels = ET.fromstring(parts["xl/_rels/workbook.xml.rels"])
    except (KeyError, ET.ParseError):
        return {}
    targets = {}
    for rel in rels:
        target = (rel.get("Target") or "").replace("\\", "/")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else \
            os.path.normpath("xl/" + target).replace("\\", "/")
    out = {}
    for el in book.iter():
        if el.tag.rpartition("}")[2] == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.rpartition("}")[2] == "id"), None)
            if el.get("name") and rid in targets:
                out[el.get("name")] = targets[rid]
    return out


# --- compound files: .xls ---------------------------------------------------------------------

def _check_compound(fh, limits: Limits) -> Package:
    """An old .xls (or an Office file encrypted with a password): its Workbook stream's cells
    measured record by record (the file is read whole: its size is bounded first)."""
    fh.seek(0, os.SEEK_END)
    if fh.tell() > limits.part_bytes:
        raise PackageRefused(f"tệp Excel 97-2003 nặng {size_text(fh.tell())}, quá "
                             f"{size_text(limits.part_bytes)} cho phép")
    fh.seek(0)
    data = fh.read()
    try:
        extents = sheetformats.xls_extents(data, limits)
    except sheetformats.NotAWorkbookStream:
        return Package("other", limits=limits)
    pkg = Package("xls", extents=extents, limits=limits)
    pkg.sheet_parts = {name: name for name in extents}
    return pkg


__all__ = ["LIMITS", "Limits", "PackageRefused", "PackageDamaged", "Package", "Extent", "check",
           "measure_pending", "file_stamp", "unpacked", "many_files_ahead"]
