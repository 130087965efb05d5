"""Hostile files built by code, from healthy ones: what issue 26 §1 saw abort or flood the
memory, for every reader (a registry, a returned intake file, a monitoring workbook, a Word
template).

- :func:`far_cell`: one value in a far cell (XFD1048576, XFD60000) of a sheet;
- :func:`bomb`: a part replaced by a deflate stream that unpacks to gigabytes, its directory
  honest about the size or lying (declaring a few kilobytes);
- :func:`doctype`: a DOCTYPE with an entity declaration (and its use) in a part;
- :func:`many_parts`: thousands of empty parts.

The zip is written here byte by byte (:func:`write_zip`), since Python's zipfile cannot store a
member whose declared and real sizes differ.
"""
from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass

GiB = 1 << 30


@dataclass
class Member:
    name: str
    packed: bytes            # the data as stored
    method: int              # zipfile.ZIP_STORED or ZIP_DEFLATED
    size: int                # the unpacked size the directory declares
    crc: int


def member(name: str, data: bytes) -> Member:
    """A plain deflated member."""
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, co.compress(data) + co.flush(), zipfile.ZIP_DEFLATED, len(data),
                  zlib.crc32(data))


def read_members(path: str) -> list[Member]:
    with zipfile.ZipFile(path) as z:
        return [member(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_zip(path: str, members: list[Member]) -> str:
    """The members as a zip, sizes and checksums as given (32-bit fields: under 4 GiB)."""
    body, directory = bytearray(), bytearray()
    for m in members:
        name = m.name.encode("utf-8")
        head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x0800, m.method, 0, 0x21,
                           m.crc & 0xFFFFFFFF, len(m.packed), m.size, len(name), 0)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x0800, m.method,
                                 0, 0x21, m.crc & 0xFFFFFFFF, len(m.packed), m.size, len(name),
                                 0, 0, 0, 0, 0, len(body)) + name
        body += head + name + m.packed
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                      len(directory), len(body), 0)
    with open(path, "wb") as fh:
        fh.write(bytes(body) + bytes(directory) + end)
    return path


def sheet_part(path: str, sheet: str) -> str:
    """The part holding ``sheet`` (from xl/workbook.xml and its relationships)."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for el in book.iter():
        if el.tag.endswith("}sheet") and el.get("name") == sheet:
            rid = next(v for k, v in el.attrib.items() if k.endswith("}id"))
            target = targets[rid].lstrip("/")
            return target if target.startswith("xl/") else "xl/" + target
    raise KeyError(sheet)


def _replace(src: str, dst: str, name: str, make) -> str:
    members = read_members(src)
    out = []
    for m in members:
        if m.name == name:
            with zipfile.ZipFile(src) as z:
                m = make(z.read(name))
        out.append(m)
    return write_zip(dst, out)


def far_cell(src: str, dst: str, sheet: str, ref: str = "XFD1048576") -> str:
    """One text value in ``ref`` of ``sheet``, as a row of its own after the others."""
    row = re.sub(r"[A-Z]+", "", ref)
    cell = (f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>ghi chú lạc</t></is></c>'
            "</row>").encode()

    def make(data: bytes) -> Member:
        if b"<sheetData/>" in data:
            data = data.replace(b"<sheetData/>", b"<sheetData>" + cell + b"</sheetData>")
        else:
            data = data.replace(b"</sheetData>", cell + b"</sheetData>")
        return member(part, data)
    part = sheet_part(src, sheet)
    return _replace(src, dst, part, make)


def _bomb_stream(head: bytes, tail: bytes, size: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``head``, spaces, ``tail``, unpacking to about ``size`` bytes:
    one megabyte of spaces compressed once, its bytes repeated (a full flush before and after
    makes each copy stand alone). Returns the stream and its exact unpacked size."""
    block = b" " * (1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    piece = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    end = co.compress(tail) + co.flush(zlib.Z_FINISH)
    copies = max(1, (size - len(head) - len(tail)) // len(block))
    return start + piece * copies + end, len(head) + copies * len(block) + len(tail)


def bomb(src: str, dst: str, part: str, size: int = 4 * GiB - (1 << 20),
         honest: bool = True) -> str:
    """``part`` replaced by a stream unpacking to ``size`` bytes of well-formed XML (its start,
    spaces, its end): the directory declares that size (``honest``) or a few kilobytes. The
    checksum is left at 0: nothing that reads it gets that far before refusing or dying."""
    def make(data: bytes) -> Member:
        at = data.rindex(b"</")                  # spaces before the root's end tag
        stream, real = _bomb_stream(data[:at], data[at:], size)
        return Member(part, stream, zipfile.ZIP_DEFLATED, real if honest else len(data), 0)
    return _replace(src, dst, part, make)


def doctype(src: str, dst: str, part: str) -> str:
    """A DOCTYPE declaring an entity before the root element of ``part``, and the entity used
    in the first text of the part (if it has one)."""
    def make(data: bytes) -> Member:
        decl = b'<!DOCTYPE root [<!ENTITY e "ha ha ha ha ha ha">]>'
        end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
        data = data[:end] + decl + data[end:]
        data = re.sub(rb"(<(?:\w+:)?t(?:\s[^>]*)?>)", rb"\1&e;", data, count=1)
        return member(part, data)
    return _replace(src, dst, part, make)


def many_parts(src: str, dst: str, count: int = 3000) -> str:
    members = read_members(src) + [member(f"customXml/item{i}.xml", b"<a/>")
                                   for i in range(count)]
    return write_zip(dst, members)


# The kinds, each a function (src, dst, sheet, part) -> dst, for the tests and the fault table.
KINDS = {
    "ô XFD1048576": lambda s, d, sheet, part: far_cell(s, d, sheet, "XFD1048576"),
    "ô XFD60000": lambda s, d, sheet, part: far_cell(s, d, sheet, "XFD60000"),
    "bom 4 GiB (khai thật)": lambda s, d, sheet, part: bomb(s, d, part, honest=True),
    "bom 4 GiB (khai 1 KB)": lambda s, d, sheet, part: bomb(s, d, part, honest=False),
    "bom 200 MB (nén 1000:1)": lambda s, d, sheet, part: bomb(s, d, part, 200 << 20, True),
    "DOCTYPE + ENTITY": lambda s, d, sheet, part: doctype(s, d, part),
    "3000 phần": lambda s, d, sheet, part: many_parts(s, d),
}
SPREADSHEET_ONLY = {"ô XFD1048576", "ô XFD60000"}


def hostile(kind: str, src: str, folder: str, sheet: str | None = None,
            part: str | None = None, name: str | None = None) -> str:
    """A hostile copy of ``src`` in ``folder``, named ``name`` (default: as ``src``)."""
    os.makedirs(folder, exist_ok=True)
    dst = os.path.join(folder, name or os.path.basename(src))
    if part is None and sheet is not None:
        part = sheet_part(src, sheet)
    return KINDS[kind](src, dst, sheet, part)
