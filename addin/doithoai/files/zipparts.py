"""Reading a zip package without trusting it: its directory and its parts, each part unpacked
in chunks and counted, XML parts checked for what no Office file holds (files/package.py is the
door every reader goes through; this is its zip half).

- :func:`members`: the declared number of parts (read before Python's zipfile builds an object
  for each), their declared sizes, packing ratios, names, compression and encryption;
- :func:`data_spans`: where each part's data lies, refusing parts that overlap;
- :func:`unpacked`: a part's bytes, refused the moment they exceed the declared size;
- :class:`MarkupScan`: UTF-8 only, and no DOCTYPE or entity declaration anywhere.
"""
from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What a file may hold. A registry of 50,000 opinions has 70 parts, 67 MB unpacked, an
    Ý kiến sheet of 50,001 rows × 23 columns (1.15 million cells) packed 10:1."""
    parts: int = 2_000                 # parts in one package
    part_bytes: int = 256 * MiB        # one part, unpacked
    total_bytes: int = 512 * MiB       # all parts, unpacked
    ratio: int = 200                   # unpacked : packed, for a part over ratio_from bytes
    ratio_from: int = 4 * MiB
    rows: int = 300_000                # of one sheet, from row 1
    columns: int = 1_000               # of one sheet, from column A (ALL)
    cells: int = 6_000_000             # rows × columns of one sheet


LIMITS = Limits()


DAMAGED_FIX = ("Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx (.docx với mẫu văn "
               "bản), hoặc xin người gửi gửi lại")
# What to do about a file refused for how it is built (not for one cell of it).
REBUILT = ("Tệp này không phải do Excel, Word hay LibreOffice lưu bình thường (đã bị sửa, bị hỏng "
           "hoặc cố ý làm sai): hãy dùng bản gốc, hoặc mở tệp bằng Excel, Word rồi lưu lại, hay "
           "xin người gửi gửi lại")


class PackageRefused(Exception):
    """The file is not read; ``reason`` says why and ``fix`` what to do, in the clerk's words
    (without the file's name, which the caller puts in front); ``detail`` is for the log."""

    def __init__(self, reason: str, detail: str = "", fix: str = REBUILT):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.fix = fix

    def sentence(self) -> str:
        """Reason and fix as one text, for a line of its own after the file's name."""
        return f"{self.reason}. {self.fix}."


class PackageDamaged(PackageRefused):
    """Refused because it is damaged (cut short, not a zip, XML that cannot be parsed), not
    because of what it holds: a reader says so as it says of any file it cannot open."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason, detail, DAMAGED_FIX)


def size_text(size: int) -> str:
    """A size as the clerk reads it: "4.094 MB", "212 KB"."""
    if size < MiB:
        return f"{max(size, 1) / 1024:,.0f} KB".replace(",", ".")
    return f"{size / MiB:,.0f} MB".replace(",", ".")


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --- the zip directory ------------------------------------------------------------------------

_EOCD, _EOCD64_LOC, _EOCD64, _LOCAL = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06", b"PK\x03\x04"
DAMAGED = "tệp bị hỏng hoặc tải về chưa hết (phần nén bên trong không đọc được)"


def _declared_entries(fh, size: int) -> int:
    """The number of parts the end of the zip declares, read before Python's zipfile builds an
    object for each (a directory of a million entries would fill the memory first)."""
    tail = min(size, 22 + 65535)
    fh.seek(size - tail)
    data = fh.read(tail)
    at = data.rfind(_EOCD)
    if at < 0 or len(data) < at + 22:
        raise PackageDamaged(DAMAGED, "no end of central directory")
    entries, = struct.unpack("<H", data[at + 10:at + 12])
    if entries == 0xFFFF and at >= 20 and data[at - 20:at - 16] == _EOCD64_LOC:
        offset, = struct.unpack("<Q", data[at - 12:at - 4])
        if offset + 56 > size:
            raise PackageDamaged(DAMAGED, "zip64 end record outside the file")
        fh.seek(offset)
        record = fh.read(56)
        if record[:4] != _EOCD64:
            raise PackageDamaged(DAMAGED, "zip64 end record missing")
        entries, = struct.unpack("<Q", record[32:40])
    return entries


def members(fh, size: int, limits: Limits) -> list[zipfile.ZipInfo]:
    if _declared_entries(fh, size) > limits.parts:
        raise PackageRefused(f"tệp có quá nhiều phần bên trong (hơn {thousands(limits.parts)}), "
                             "không phải một sổ Excel hay văn bản Word bình thường")
    fh.seek(0)
    try:
        infos = zipfile.ZipFile(fh).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise PackageDamaged(DAMAGED, f"{type(exc).__name__}: {exc}") from None
    if len(infos) > limits.parts:
        raise PackageRefused(f"tệp có quá nhiều phần bên trong (hơn {thousands(limits.parts)})")
    names = [i.filename for i in infos]
    if len(set(n.lower() for n in names)) != len(names):
        raise PackageRefused("tệp có hai phần cùng tên (tệp nén bất thường, đã bị sửa)",
                             "duplicate member names")
    total = 0
    for info in infos:
        _declared_ok(info, limits)
        total += info.file_size
        if total > limits.total_bytes:
            raise PackageRefused(f"tệp giải nén ra hơn {size_text(limits.total_bytes)}, lớn hơn mọi "
                                 "sổ, phiếu hay mẫu văn bản (có thể là tệp nén kiểu \"bom giải "
                                 "nén\")")
    return infos


def _declared_ok(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    if info.flag_bits & 0x1:
        raise PackageRefused(f"phần \"{name}\" bị mã hóa kiểu zip (Excel, Word không làm thế)")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageRefused(f"phần \"{name}\" nén theo cách Excel, Word không dùng",
                             f"compression method {info.compress_type}")
    if info.file_size > limits.part_bytes:
        raise PackageRefused(f"phần \"{name}\" giải nén ra {size_text(info.file_size)}, quá "
                             f"{size_text(limits.part_bytes)} cho phép một phần")
    if info.file_size > limits.ratio_from and \
            info.file_size > limits.ratio * max(info.compress_size, 1):
        raise PackageRefused(
            f"phần \"{name}\" nén chặt bất thường ({size_text(info.compress_size)} giải nén ra "
            f"{size_text(info.file_size)}): đây là dấu hiệu tệp nén kiểu \"bom giải nén\"")


def data_spans(fh, infos, size: int) -> list[tuple[zipfile.ZipInfo, int]]:
    """Each part with the offset of its packed data; parts whose bytes overlap are refused (the
    overlapping-entries bomb: many parts, one packed block)."""
    spans = []
    for info in infos:
        fh.seek(info.header_offset)
        local = fh.read(30)
        if len(local) < 30 or local[:4] != _LOCAL:
            raise PackageDamaged(DAMAGED, f"{info.filename}: no local header")
        name_len, extra_len = struct.unpack("<HH", local[26:30])
        start = info.header_offset + 30 + name_len + extra_len
        if start + info.compress_size > size:
            raise PackageDamaged(DAMAGED, f"{info.filename}: data beyond the end of the file")
        spans.append((info, start))
    ordered = sorted(spans, key=lambda s: s[0].header_offset)
    for (a, start), (b, _) in zip(ordered, ordered[1:]):
        if start + a.compress_size > b.header_offset:
            raise PackageRefused("các phần bên trong tệp chồng lên nhau (tệp nén bất thường, "
                                 "có thể là \"bom giải nén\")", f"{a.filename} / {b.filename}")
    return spans


CHUNK = 1 << 20


def unpacked(fh, info: zipfile.ZipInfo, start: int):
    """The part's bytes in chunks, counted: refused the moment it unpacks to more than its
    declared size, and if it ends short of it or its packed data is damaged."""
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    produced = 0
    for out in _inflated(_packed(fh, info, start), inflate, info):
        produced += len(out)
        if produced > info.file_size:
            raise PackageRefused(
                f"phần \"{info.filename}\" giải nén ra nhiều hơn kích thước ghi trong tệp "
                f"({size_text(info.file_size)}): tệp đã bị sửa, có thể là \"bom giải nén\"",
                f"more than {info.file_size} bytes")
        if out:
            yield out
    if produced != info.file_size or (inflate is not None and not inflate.eof):
        raise PackageDamaged(_damaged_part(info), f"{produced} of {info.file_size} bytes")


def _packed(fh, info: zipfile.ZipInfo, start: int):
    """The part's packed bytes as stored, in chunks (fewer if the file ends first)."""
    fh.seek(start)
    left = info.compress_size
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk


def _inflated(chunks, inflate, info: zipfile.ZipInfo):
    """The packed chunks unpacked (as they are when stored), at most CHUNK bytes at a time, up
    to the end of the deflate stream."""
    for pending in chunks:
        if inflate is None:
            yield pending
            continue
        while pending:
            try:
                out = inflate.decompress(pending, CHUNK)
            except zlib.error as exc:
                raise PackageDamaged(_damaged_part(info), str(exc)) from None
            pending = inflate.unconsumed_tail
            yield out
            if inflate.eof:
                return


def _damaged_part(info) -> str:
    return f"phần \"{info.filename}\" bị hỏng (dữ liệu nén không đọc được, tệp tải về chưa hết?)"


# --- XML parts --------------------------------------------------------------------------------

_XML_NAMES = (".xml", ".rels", ".vml")
_DECLARATION = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)", re.I)
_UTF8 = {"utf-8", "utf8"}


def is_xml(name: str, first: bytes) -> bool:
    return name.lower().endswith(_XML_NAMES) or first.lstrip()[:1] == b"<" or \
        first[:3] == b"\xef\xbb\xbf" or first[:2] in (b"\xff\xfe", b"\xfe\xff")


class MarkupScan:
    """The markup of one XML part, chunk by chunk: UTF-8 only, and no declaration (``<!``
    other than a comment or CDATA: DOCTYPE, ENTITY, ELEMENT, ATTLIST) anywhere."""

    def __init__(self, name: str):
        self.name = name
        self.carry = b""
        self.first = True

    def feed(self, chunk: bytes) -> None:
        if self.first:
            self.first = False
            self._encoding(chunk)
        if self.carry:                         # a "<!" across the chunks' boundary
            self._declarations(self.carry + chunk[:16], len(self.carry))
        self._declarations(chunk, len(chunk) - 8)
        self.carry = chunk[-8:]

    def _declarations(self, data: bytes, upto: int) -> None:
        """Each "<!" starting before ``upto`` must open a comment or a CDATA section. Found
        from each "!" (a one-byte search runs at memory speed; "!" is rare in XML)."""
        at = data.find(b"!", 1, upto + 2)
        while at >= 0:
            if data[at - 1] == 0x3C:                             # "<!"
                tail = data[at - 1:at + 8]
                if not (tail.startswith(b"<!--") or tail.startswith(b"<![CDATA[")) and \
                        not (len(tail) < 9 and (b"<!--".startswith(tail) or
                                                b"<![CDATA[".startswith(tail))):
                    raise PackageRefused(
                        f"phần \"{self.name}\" có khai báo DOCTYPE hoặc ENTITY (tệp Excel, Word "
                        "không bao giờ có; đây là cách tấn công bằng thực thể XML)",
                        repr(data[at - 1:at + 40]))
            at = data.find(b"!", at + 1, upto + 2)

    def _encoding(self, chunk: bytes) -> None:
        if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]:
            raise PackageRefused(f"phần \"{self.name}\" không ghi bằng mã UTF-8 như Excel, Word "
                                 "ghi (UTF-16)")
        found = _DECLARATION.match(chunk.lstrip(b"\xef\xbb\xbf"))
        if found and found.group(1).decode("ascii", "replace").strip().lower() not in _UTF8:
            raise PackageRefused(f"phần \"{self.name}\" không ghi bằng mã UTF-8 như Excel, Word "
                                 f"ghi ({found.group(1).decode('ascii', 'replace')})")

    def close(self) -> None:
        self._declarations(self.carry, len(self.carry))


def scanned(fh, info: zipfile.ZipInfo, start: int):
    """The part's chunks, unpacked and counted, an XML part's markup checked on the way."""
    scan = None
    for chunk in unpacked(fh, info, start):
        if scan is None:
            scan = MarkupScan(info.filename) if is_xml(info.filename, chunk) else False
        if scan:
            scan.feed(chunk)
        yield chunk
    if scan:
        scan.close()
