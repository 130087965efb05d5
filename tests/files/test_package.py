"""The package check (files/package.py): its measure of a sheet is never smaller than what
python-calamine builds, on sheets no one wrote by hand; and each way a zip can lie is refused,
from a path or from bytes in memory alike."""
import io
import random
import zipfile
import zlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import hostile
from doithoai.files import package, sheetextent, workbook_open
from doithoai.files.zipparts import LIMITS, Limits

HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def book(sheet_xml: bytes, extra: dict | None = None) -> bytes:
    """A one-sheet workbook ("S") around ``sheet_xml``, as bytes."""
    parts = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Default Extension="rels" ContentType="applicat'
                               b'ion/vnd.openxmlformats-package.relationships+xml"/><Default Ex'
                               b'tension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlfo'
                       b'rmats.org/officeDocument/2006/relationships/officeDocument" Target="x'
                       b'l/workbook.xml"/></Relationships>',
        "xl/workbook.xml": HEAD + b'<workbook ' + NS + b' xmlns:r="http://schemas.openxmlforma'
                           b'ts.org/officeDocument/2006/relationships"><sheets><sheet name="S" '
                           b'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org'
                                      b'/package/2006/relationships"><Relationship Id="rId1" Ty'
                                      b'pe="http://schemas.openxmlformats.org/officeDocument/20'
                                      b'06/relationships/worksheet" Target="worksheets/sheet1.x'
                                      b'ml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
        **(extra or {}),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def sheet(rows: str) -> bytes:
    return HEAD + b"<worksheet " + NS + b"><sheetData>" + rows.encode() + \
        b"</sheetData></worksheet>"


# --- sheets no one wrote by hand: python-calamine's ways of placing a cell ---------------------

def _letters(col: int) -> str:
    return sheetextent.column_name(col)


def random_sheet(rng: random.Random) -> str:
    """Rows and cells as Excel writes them, now and then (at a rate drawn for the sheet) with
    what python-calamine also accepts: cells and rows without r, a cell's r repeated (the last
    one counts, far beyond the first), single quotes, spaces around '=', a namespace prefix,
    lower-case references, empty and self-closing cells, comments, text that looks like tags."""
    rate = rng.choice([0.0, 0.01, 0.03, 0.1])

    def trick() -> bool:
        return rng.random() < rate
    out, row = [], 0
    for _ in range(rng.randint(1, 12)):
        row += rng.randint(1, 40)
        tag = "x:row" if trick() else "row"
        r_attr = "" if trick() else f' r="{row}"'
        cells, col = [], 0
        for _ in range(rng.randint(0, 6)):
            col += rng.randint(1, 12)
            ref = f"{_letters(col)}{row + (3 if trick() else 0)}"
            if trick():
                ref = ref.lower()
            quote = "'" if trick() else '"'
            eq = " = " if trick() else "="
            attrs = "" if trick() else f" r{eq}{quote}{ref}{quote}"
            if trick():                    # a second r, the one python-calamine keeps
                attrs += (f' r="{_letters(col + rng.randint(30, 300))}'
                          f'{row + rng.randint(100, 5000)}"')
            attrs += rng.choice(["", ' s="3"', ' t="s"', ' s="1" t="inlineStr"'])
            name = "x:c" if trick() else "c"
            body = rng.choice(["<v>1</v>", "<is><t>r=&quot;ZZ9&quot; &lt;c&gt;</t></is>",
                               "<is><t></t></is>", "", "<f>1+1</f>"])
            cells.append(f"<{name}{attrs}/>" if not body and rng.random() < 0.5 else
                         f"<{name}{attrs}>{body}</{name}>")
            if trick():
                cells.append("<!-- <c r=\"B2\"> -->")
        out.append(f"<{tag}{r_attr}>{''.join(cells)}</{tag}>")
    return "".join(out)


def calamine_extent(data: bytes):
    """(rows, columns) of python-calamine's rectangle from A1, or None if it refuses."""
    import python_calamine
    try:
        s = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) \
            .get_sheet_by_name("S")
    except Exception:
        return None
    return (s.end[0] + 1, s.end[1] + 1) if s.end else (0, 0)


def measures(xml: bytes) -> dict:
    """What each reading of the check says: an Extent, "undecided" or "damaged"."""
    out = {}
    for name, reader in (("fast", sheetextent.XmlSheet), ("exact", sheetextent.ExactXmlSheet)):
        r = reader(LIMITS)
        r.feed(xml)
        try:
            out[name] = r.result("x")["x"]
        except sheetextent.Undecided:
            out[name] = "undecided"
        except sheetextent.Damaged:
            out[name] = "damaged"
    return out


def never_smaller(xml: bytes) -> list[str]:
    """The property: every measure that decided covers python-calamine's rectangle."""
    actual = calamine_extent(book(xml))
    wrong = []
    for name, m in measures(xml).items():
        if actual is None or isinstance(m, str):
            continue
        if m.rows < actual[0] or m.columns < actual[1]:
            wrong.append(f"{name}: {m.rows}×{m.columns} < calamine {actual}")
    return wrong


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(min_value=0, max_value=2 ** 32))
def test_the_measure_is_never_smaller_than_what_calamine_builds(seed):
    xml = sheet(random_sheet(random.Random(seed)))
    assert never_smaller(xml) == [], xml


# Each a way python-calamine places a cell beyond what the first r of each cell says.
TRICKS = {
    "prefixed cell without r": '<row r="5"><c r="A5"><v>1</v></c><x:c><v>1</v></x:c></row>',
    "prefixed cell": '<row r="5"><c r="A5"><v>1</v></c><x:c r="Q50"><v>1</v></x:c></row>',
    "second r": '<row r="1"><c r="A1" r="Q50"><v>1</v></c></row>',
    "r not first": '<row r="1"><c s="1" r="Q50"><v>1</v></c></row>',
    "r after a quote": '<row r="1"><c s="1"r="Q50"><v>1</v></c></row>',
    "spaces around =": '<row r="1"><c r = "Q50"><v>1</v></c></row>',
    "single quotes": "<row r='1'><c r='Q50'><v>1</v></c></row>",
    "a new line before r": '<row r="1"><c\nr="Q50"><v>1</v></c></row>',
    "lower case": '<row r="1"><c r="q50"><v>1</v></c></row>',
    "rows without r": '<row><c><v>1</v></c></row>' * 30,
    "cells without r": '<row r="2"><c r="A2"><v>1</v></c>' + "<c><v>1</v></c>" * 20 + "</row>",
    "empty text counts": '<row r="1"><c r="A1"><v>1</v></c><c r="Q50" t="inlineStr">'
                         '<is><t></t></is></c></row>',
    # XML forbids these; python-calamine reads them (text pasted from Word): not "damaged"
    "control characters": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\x07b&#7;c&#x1F;</t>'
                          '</is></c><c r="Q50"><v>1</v></c></row>',
}


@pytest.mark.parametrize("trick", list(TRICKS))
def test_each_way_calamine_places_a_cell_is_measured(trick):
    xml = sheet(TRICKS[trick])
    assert calamine_extent(book(xml)) not in (None, (0, 0))
    assert never_smaller(xml) == [], measures(xml)
    decided = any(isinstance(m, sheetextent.Extent) for m in measures(xml).values())
    # Not XML at all (a repeated or unseparated attribute): refused as damaged, never read.
    assert decided != (trick in ("second r", "r after a quote")), measures(xml)


def test_the_fast_measure_decides_plain_sheets_and_only_them():
    rng = random.Random(7)
    plain = "".join(f'<row r="{r}">' + "".join(f'<c r="{_letters(c)}{r}" s="2"><v>{r}</v></c>'
                                              for c in range(1, 24)) + "</row>"
                    for r in range(1, 300))
    assert measures(sheet(plain))["fast"] == sheetextent.Extent(299, 23)
    decided = sum(isinstance(measures(sheet(random_sheet(rng)))["fast"], sheetextent.Extent)
                  for _ in range(200))
    assert 0 < decided < 200       # the tricks send some to the exact reading, not all


def test_a_planted_blind_spot_is_caught_by_the_property(monkeypatch):
    """The fast reading made blind to a cell's second r (the one python-calamine keeps): the
    property finds sheets it under-measures."""
    monkeypatch.setattr(sheetextent, "_only_first_references", lambda *a: None)
    rng = random.Random(11)
    caught = [s for s in (sheet(random_sheet(rng)) for _ in range(400)) if never_smaller(s)]
    assert caught


# --- the zip: each way it can lie --------------------------------------------------------------

def _refused(data, *words):
    for source in (data, io.BytesIO(data).getvalue()):
        with pytest.raises(package.PackageRefused) as exc:
            package.check(source)
        assert all(w in exc.value.reason for w in words), exc.value.reason
    return exc.value


def test_a_plain_workbook_passes_from_a_path_or_from_memory(tmp_path):
    data = book(sheet('<row r="2"><c r="C2"><v>1</v></c></row>'))
    path = tmp_path / "a.xlsx"
    path.write_bytes(data)
    for source in (str(path), data, bytearray(data), memoryview(data)):
        pkg = package.check(source)
        assert pkg.sheet_parts == {"S": "xl/worksheets/sheet1.xml"}
        extent = pkg.extents["xl/worksheets/sheet1.xml"]
        assert (extent.rows, extent.columns) == (2, 3) or extent.far == ""   # fast: a bound
        assert extent.rows >= 2 and extent.columns >= 3
        pkg.require_within("S")
    assert workbook_open.open_book(data).grid("S") == [["", "", ""], ["", "", 1.0]]


def test_sizes_that_lie_are_refused(tmp_path):
    xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>')
    good = zipfile.ZipFile(io.BytesIO(book(xml)))
    members = [hostile.member(n, good.read(n)) for n in good.namelist()]
    sheet_at = [m.name for m in members].index("xl/worksheets/sheet1.xml")
    path = str(tmp_path / "x.xlsx")

    def variant(**change):
        ms = list(members)
        m = ms[sheet_at]
        ms[sheet_at] = hostile.Member(**{**m.__dict__, **change})
        with open(hostile.write_zip(path, ms), "rb") as fh:
            return fh.read()
    _refused(variant(size=len(xml) - 10), "nhiều hơn kích thước ghi trong tệp")
    _refused(variant(size=len(xml) + 10), "bị hỏng")
    _refused(variant(packed=members[sheet_at].packed[:-5]), "bị hỏng")
    _refused(variant(method=12), "nén theo cách")
    with open(hostile.write_zip(path, members + [members[0]]), "rb") as fh:
        _refused(fh.read(), "hai phần cùng tên")
    small = Limits(part_bytes=100)
    with pytest.raises(package.PackageRefused, match="quá"):
        package.check(book(xml), small)


def test_overlapping_parts_are_refused():
    """The overlapping-entries bomb: two directory entries, one packed block."""
    data = bytearray(book(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')))
    first, second = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[:2]
    at = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)    # the second entry
    assert data[at + 46:at + 46 + len(second.filename)] == second.filename.encode()
    data[at + 42:at + 46] = first.header_offset.to_bytes(4, "little")
    _refused(bytes(data), "chồng lên nhau")


def test_markup_no_office_file_has_is_refused():
    for pre in (b'<!DOCTYPE worksheet [<!ENTITY e "x">]>', b'<!doctype worksheet>',
                b'<!ENTITY e "x">'):
        _refused(book(HEAD + pre + sheet("")[len(HEAD):]), "DOCTYPE hoặc ENTITY")
    utf16 = sheet('<row r="1"><c r="A1"><v>1</v></c></row>').decode() \
        .replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    _refused(book(utf16), "UTF-8")
    latin = sheet("").replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')
    _refused(book(latin), "UTF-8")
    # comments and CDATA are what Office may write: they pass
    fine = sheet('<row r="1"><!-- ghi chú --><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]>'
                 '</t></is></c></row>')
    package.check(book(fine)).require_within("S")


def test_a_doctype_split_across_chunks_is_still_seen(monkeypatch):
    from doithoai.files import zipparts
    monkeypatch.setattr(zipparts, "CHUNK", 7)
    for cut in range(len(HEAD) - 3, len(HEAD) + 12):
        xml = HEAD + b"<!DOCTYPE w>" + sheet("")[len(HEAD):]
        scan = zipparts.MarkupScan("p")
        with pytest.raises(package.PackageRefused):
            scan.feed(xml[:cut])
            scan.feed(xml[cut:])
            scan.close()


def test_the_bombs_of_the_issue_are_refused_before_unpacking(tmp_path, sample_paths):
    registry = sample_paths["tu-minh"]
    for kind in ("bom 4 GiB (khai thật)", "bom 4 GiB (khai 1 KB)", "bom 200 MB (nén 1000:1)",
                 "3000 phần"):
        path = hostile.hostile(kind, registry, str(tmp_path / kind.replace(" ", "-")),
                               sheet="Ý kiến")
        with open(path, "rb") as fh:
            data = fh.read()
        assert len(data) < 6 << 20
        for source in (path, data):
            with pytest.raises(package.PackageRefused):
                package.check(source)


def test_a_far_cell_is_named_with_its_sheet(tmp_path, sample_paths):
    for ref in ("XFD1048576", "XFD60000", "A300001", "ALM2"):
        path = hostile.far_cell(sample_paths["tu-minh"], str(tmp_path / f"{ref}.xlsx"),
                                "Đại biểu", ref)
        pkg = package.check(path)
        pkg.require_within("Ý kiến")                       # another sheet: read as ever
        with pytest.raises(package.PackageRefused) as exc:
            pkg.require_within("Đại biểu")
        assert f"ô {ref}" in exc.value.reason and "Đại biểu" in exc.value.reason
    near = hostile.far_cell(sample_paths["tu-minh"], str(tmp_path / "near.xlsx"), "Đại biểu",
                            "ALL5000")
    package.check(near).require_within("Đại biểu")          # 1000 columns: within


def test_raw_deflate_stream_of_the_bomb_is_what_it_claims():
    stream, size = hostile._bomb_stream(b"<a>", b"</a>", 3 << 20)
    out = zlib.decompressobj(-15).decompress(stream)
    assert len(out) == size and out.startswith(b"<a>") and out.endswith(b"</a>")


@pytest.mark.parametrize("kind", ["ô XFD1048576", "DOCTYPE"])
def test_an_encrypted_hostile_registry_is_checked_once_decrypted(sample_paths, tmp_path, kind):
    """A registry protected with a password is decrypted in memory (files/protected.py) and its
    package checked there like any file's: refused, naming the file, before python-calamine
    reads it; a package refused whole (a DOCTYPE) is refused to openpyxl too (the copy --issue
    writes; openpyxl keeps a far cell as one cell, so it is the reader that refuses that)."""
    import os
    from doithoai.files import protected, reader, registry_copy
    kinds = [k for k in hostile.KINDS if k.startswith(kind)]
    bad = hostile.hostile(kinds[0], sample_paths["tu-minh"], str(tmp_path / "h"), sheet="Ý kiến")
    path = str(tmp_path / "co-mat-khau.xlsx")
    with open(bad, "rb") as fh, open(path, "wb") as out:
        out.write(protected.encrypt(fh.read(), "mật khẩu"))
    opened = protected.open_file(path, tried=["mật khẩu"])
    assert opened.encrypted
    readers = [reader.read_registry] + ([registry_copy.load_for_copy] if kind == "DOCTYPE"
                                        else [])
    for read in readers:
        with pytest.raises(reader.RegistryUnreadable) as caught:
            read(opened)
        assert os.path.basename(path) in str(caught.value), str(caught.value)
        assert "Không đọc được tệp" in str(caught.value)
