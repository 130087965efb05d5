"""The package check on the other formats python-calamine reads (files/sheetformats.py): an
OpenDocument spreadsheet (.ods), an Excel 97-2003 workbook (.xls), an Excel binary workbook's
sheet records (.xlsb). Each measured no smaller than what python-calamine builds; a far cell
in each refused. The .ods and .xls are a returned intake file saved again by LibreOffice."""
import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import zipfile

import pytest

import hostile
from doithoai.files import package, reader, sheetformats
from doithoai.files.zipparts import LIMITS
from doithoai.samples import sample
from doithoai.sharing import intake, samplefiles

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed: no .ods or "
                                          ".xls can be made here")


def _calamine(path, sheet):
    import python_calamine
    s = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name(sheet)
    return (s.end[0] + 1, s.end[1] + 1) if s.end else (0, 0)


@pytest.fixture(scope="module")
def resaved(sample_paths, tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    reg = reader.read_registry(sample_paths["tu-minh"])
    csv = samplefiles.sample_csvs(sample("tu-minh").folder)[0]
    made = samplefiles.build_returned(reg, "KH-2026-01", csv, str(folder),
                                      dt.date(2026, 6, 1))    # before the plan's meeting
    out = {}
    for fmt in ("ods", "xls"):
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(folder),
                        made], check=True, capture_output=True, timeout=180)
        out[fmt] = os.path.splitext(made)[0] + "." + fmt
    return out


@needs_soffice
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_a_resaved_returned_file_is_measured_and_read(resaved, fmt):
    path = resaved[fmt]
    pkg = package.check(path)
    assert pkg.kind == fmt
    for name, extent in pkg.extents.items():
        rows, cols = _calamine(path, name)
        assert extent.rows >= rows and extent.columns >= cols, (name, extent, rows, cols)
    ret = intake.read_returned(path)
    assert ret.problem is None and ret.rows


@needs_soffice
def test_a_far_cell_in_an_ods_is_refused(resaved, tmp_path):
    """One value repeated across 16384 columns, then 1048575 rows: python-calamine would
    build the whole rectangle."""
    with zipfile.ZipFile(resaved["ods"]) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    far = (b'<table:table-row table:number-rows-repeated="1048575"><table:table-cell/>'
           b'</table:table-row><table:table-row><table:table-cell '
           b'table:number-columns-repeated="16383"/><table:table-cell office:value-type="float"'
           b' office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>')
    content = parts["content.xml"]
    end = content.index(b"</table:table>")
    parts["content.xml"] = content[:end] + far + content[end:]
    path = str(tmp_path / "xa.ods")
    hostile.write_zip(path, [hostile.member(n, d) for n, d in parts.items()])
    pkg = package.check(path)
    first = next(iter(pkg.extents))
    with pytest.raises(package.PackageRefused, match="ngoài vùng"):
        pkg.require_within(first)
    assert "Không đọc được tệp" in intake.read_returned(path).problem


@needs_soffice
def test_a_far_cell_in_an_xls_is_refused(resaved, tmp_path):
    """A Number record moved to row 65536, column 65535 (two bytes each: an .xls can say it)."""
    import olefile
    path = str(tmp_path / "xa.xls")
    shutil.copy(resaved["xls"], path)
    with olefile.OleFileIO(path, write_mode=True) as ole:
        book = bytearray(ole.openstream("Workbook").read())
        at = 0
        while at + 4 <= len(book):
            kind, size = struct.unpack_from("<HH", book, at)
            if kind in (0x00FD, 0x0203, 0x027E):              # LabelSst, Number, Rk
                struct.pack_into("<HH", book, at + 4, 0xFFFF, 0xFFFE)
                break
            at += 4 + size
        ole.write_stream("Workbook", bytes(book))
    pkg = package.check(path)
    assert any(e.rows == 65536 and e.columns == 65535 for e in pkg.extents.values())
    assert "ngoài vùng" in intake.read_returned(path).problem


def _record(kind: int, body: bytes) -> bytes:
    def varint(n):
        out = b""
        while True:
            out += bytes([(n & 0x7F) | (0x80 if n > 0x7F else 0)])
            n >>= 7
            if not n:
                return out
    return varint(kind) + varint(len(body)) + body


def test_an_xlsb_sheet_is_measured_from_its_records():
    """BrtRowHdr gives the row, each cell record (BrtCellReal …) its column first; a blank
    cell (BrtCellBlank) holds nothing; records split anywhere between the chunks."""
    data = (_record(0x0000, struct.pack("<I", 4) + b"\0" * 8)
            + _record(0x0005, struct.pack("<I", 2) + b"\0" * 12)
            + _record(0x0000, struct.pack("<I", 1048575) + b"\0" * 8)
            + _record(0x0001, struct.pack("<I", 16383) + b"\0" * 4)
            + _record(0x0007, struct.pack("<I", 16383) + b"\0" * 8))
    for cut in range(0, len(data), 3):
        reader_ = sheetformats.BinarySheet(LIMITS)
        reader_.feed(data[:cut])
        reader_.feed(data[cut:])
        extent = reader_.result("s")["s"]
        assert (extent.rows, extent.columns, extent.far) == (1048576, 16384, "XFD1048576")
    assert not extent.within(LIMITS)


def test_a_compound_file_without_a_workbook_is_left_to_the_readers(tmp_path):
    import olefile  # noqa: F401  (the check needs it; a plain compound file header is enough)
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    assert package.check(data).kind == "other"
    assert re.search("xls|mật khẩu", reader.unreadable_reason(_write(tmp_path, data)))


def _write(tmp_path, data):
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    return str(path)


def test_an_xlsb_package_is_checked_as_a_zip(tmp_path):
    """The zip rules hold for .xlsb too: its sheet parts are records, its other parts XML."""
    records = _record(0x0000, struct.pack("<I", 0) + b"\0" * 8) + \
        _record(0x0005, struct.pack("<I", 0) + b"\0" * 12)
    members = [hostile.member("xl/workbook.bin", b"\0"),
               hostile.member("xl/worksheets/sheet1.bin", records),
               hostile.member("[Content_Types].xml", b'<!DOCTYPE x><Types/>')]
    path = hostile.write_zip(str(tmp_path / "a.xlsb"), members)
    with pytest.raises(package.PackageRefused, match="DOCTYPE"):
        package.check(path)
    members[-1] = hostile.member("[Content_Types].xml", b"<Types/>")
    pkg = package.check(hostile.write_zip(path, members))
    assert pkg.kind == "xlsb" and pkg.extents["xl/worksheets/sheet1.bin"].rows == 1
    assert io.BytesIO(b"").read() == b""
