"""A form the Front sent, corrected and sent again, merged together with its first version in
one run: the later-saved file's rows are the ones taken, whatever order the files are given in;
the first version's rows end as already present, naming the later file; Chờ xử lý keeps only
what the later version still cannot give. Read from the merged copy of the registry (its Ý kiến
and Chờ xử lý sheets) and the printed lines, on generated forms."""
import datetime as dt
import random
import shutil
import zipfile

import openpyxl
import pytest

from doithoai.files import reader, registry_copy
from doithoai.sharing import intake, merge, versions
from doithoai.sharing.formulas import saved_at

TODAY = dt.date(2026, 6, 1)
PLAN, VILLAGE = "KH-2026-01", "TDP Cẩm Khê A"
FIRST, LATER = dt.datetime(2026, 5, 20, 2, 10), dt.datetime(2026, 5, 22, 9, 45)   # UTC


@pytest.fixture
def tu_minh(sample_copy):
    path = sample_copy("tu-minh")
    return path, reader.read_registry(path)


def _fill(path, rows):
    """The form's rows under its header, by position: {header: value}; None leaves a row
    blank (its pre-printed code only)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[intake.DATA_SHEET]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == intake.CODE_HEADER)
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    for r, values in enumerate(rows, start=head + 1):
        for header in ("Người nêu", "Nội dung"):
            ws.cell(row=r, column=cols[header]).value = (values or {}).get(header)
    wb.save(path)


def _stamp(path, when: dt.datetime | None):
    """The file's properties say it was saved at ``when`` (UTC), as Excel writes them; None:
    the properties part removed, as some programs leave it."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    core = parts.pop("docProps/core.xml").decode()
    if when is not None:
        import re
        parts["docProps/core.xml"] = re.sub(
            r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
            rf"\g<1>{when:%Y-%m-%dT%H:%M:%SZ}\g<2>", core).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _versions(rng, n):
    """The first version's rows and the corrected one's: some rows' words (at least one) or
    names corrected, a missing name filled in, a row cleared, a row added at the end; each None
    a blank row."""
    def person(i):
        return f"{rng.choice(['Ông', 'Bà'])} {rng.choice(['Lê', 'Trần', 'Hồ'])} Văn {chr(65 + i)}"
    first = [{"Người nêu": person(i) if rng.random() > 0.25 else None,
              "Nội dung": f"Đề nghị sửa đoạn đường số {rng.randint(1, 999)} ở tổ {i}."}
             for i in range(n)]
    later = [dict(r) for r in first]
    for k, i in enumerate(rng.sample(range(n), rng.randint(1, n - 1))):
        how = "words" if k == 0 else rng.choice(["words", "name", "clear"])
        if how == "words":
            later[i]["Nội dung"] += " Đường đã xuống cấp nặng."
        elif how == "name" or later[i]["Người nêu"] is None:
            later[i]["Người nêu"] = person(i) + " Tâm"
        else:
            later[i] = None
    later.append({"Người nêu": person(n), "Nội dung": "Đề nghị lắp thêm đèn đường."})
    return first, later


def _merged(path, reg, files):
    res = merge.merge(reg, [intake.read_returned(f) for f in files], today=TODAY)
    return res, reader.read_registry(registry_copy.registry_copy(path, res.changes, "nhan MTTQ"))


def _violations(first, later, res, merged, later_name) -> list[str]:
    """What the merged registry shows against what the later version says: every code's
    opinion holds the later words where the later file has that row, the first version's only
    where it does not; Chờ xử lý holds exactly the rows that have no name in the version
    taken, with that version's words; every row read ends in one outcome."""
    by_code = {o.intake_ref.split()[1]: o for o in merged.opinions
               if (o.intake_ref or "").startswith("MTTQ ")}
    waiting = {p.code: p.content for p in merged.pending}
    codes = sorted({o.code for o in res.outcomes})
    rows = {}
    for version in (first, later):          # the later version, where it has the row, wins
        for code, r in zip(codes, version):
            if r is not None:
                rows[code] = r
    bad = []
    for code, r in rows.items():
        if r["Người nêu"] is None:
            if waiting.get(code) != r["Nội dung"] or code in by_code:
                bad.append(f"{code}: no name in the version taken, yet not in Chờ xử lý alone "
                           "with its words")
        elif code in waiting or code not in by_code:
            bad.append(f"{code}: a named row of the version taken is not an opinion: "
                       f"{[o.reason for o in res.outcomes if o.code == code]}")
        elif (by_code[code].raised_by, by_code[code].content) != (r["Người nêu"], r["Nội dung"]):
            bad.append(f"{code}: the registry holds {by_code[code].content!r}, the version "
                       f"taken says {r['Nội dung']!r}")
    if not all(f.balanced for f in res.files):
        bad.append("a file's rows read ≠ added + already + set aside")
    old = [o for o in res.outcomes if o.file != later_name and later[codes.index(o.code)]]
    if any(o.status != "already" or later_name not in o.reason for o in old):
        bad.append("a row of the first version that the later one holds is not already present "
                   "naming the later file")
    return bad


def _forms(tu_minh, tmp_path, seed):
    rng = random.Random(seed)
    path, reg = tu_minh
    made = intake.export(reg, PLAN, str(tmp_path / "out"), villages=[VILLAGE],
                         today=TODAY)[0].path
    first, later = _versions(rng, rng.randint(3, 7))
    _fill(made, first)
    old = str(tmp_path / "phieu-lan-1.xlsx")
    shutil.copy(made, old)
    _fill(made, later)
    new = str(tmp_path / "phieu-da-sua.xlsx")
    shutil.copy(made, new)
    _stamp(old, FIRST)
    _stamp(new, LATER)
    return rng, path, reg, first, later, old, new


@pytest.mark.parametrize("seed", range(6))
def test_the_later_saved_version_of_a_form_is_the_one_taken_in_either_order(
        tu_minh, tmp_path, seed):
    rng, path, reg, first, later, old, new = _forms(tu_minh, tmp_path, seed)
    files = [old, new] if rng.random() < 0.5 else [new, old]
    res, merged = _merged(path, reg, files)
    assert _violations(first, later, res, merged, "phieu-da-sua.xlsx") == []
    line = next(x for x in res.lines() if x.startswith("phieu-lan-1.xlsx"))
    assert "cũng có trong tệp phieu-da-sua.xlsx (cùng phiếu, lưu sau)" in line
    codes = sorted({o.code for o in res.outcomes})
    corrected = [codes[i] for i, (a, b) in enumerate(zip(first, later)) if a and b and a != b]
    assert f"MTTQ đã sửa {len(corrected)} dòng: " in line and all(
        f"{c} (" in line for c in corrected), line          # which rows the Front changed
    assert line.endswith(".")
    superseded = [o for o in res.outcomes if "bản cũ" in o.reason]
    assert superseded                                       # the later time, in Vietnam's hours
    assert all("16:45 ngày 22/05/2026" in o.reason for o in superseded)


@pytest.mark.parametrize("seed", range(3))
def test_the_property_fails_when_the_versions_are_not_compared(tu_minh, tmp_path, seed,
                                                                 monkeypatch):
    """Planted fault: the merge no longer compares the versions (each file judged in the order
    given, as before): the check above finds the first version kept or a stale Chờ xử lý row."""
    rng, path, reg, first, later, old, new = _forms(tu_minh, tmp_path, seed)
    monkeypatch.setattr(versions, "superseded", lambda files: {})
    res, merged = _merged(path, reg, [old, new])
    found = _violations(first, later, res, merged, "phieu-da-sua.xlsx")
    assert any(not v.startswith("a row of the first") for v in found), found


@pytest.mark.parametrize("unknown", ["old", "new", "equal"])
def test_without_save_times_that_tell_nothing_is_dropped(tu_minh, tmp_path, unknown):
    """When the save times cannot tell which file is later (one without properties, or both
    saved in the same second) neither replaces the other: a row the two give differently ends
    in Chờ xử lý, naming the opinion and the file it was taken from in this merge; none is
    counted as an older version."""
    rng, path, reg, first, later, old, new = _forms(tu_minh, tmp_path, 1)
    if unknown == "equal":
        _stamp(new, FIRST)
    else:
        _stamp(old if unknown == "old" else new, None)
    res, merged = _merged(path, reg, [old, new])
    assert all(f.balanced for f in res.files)
    assert not any("bản cũ" in o.reason for o in res.outcomes)
    assert merged.pending and all(p.reason[0].isupper() and p.reason.endswith(".")
                                  for p in merged.pending)     # each a sentence in the sheet
    differ = [i for i, (a, b) in enumerate(zip(first, later))
              if a and b and a != b and a["Người nêu"]]
    codes = sorted({o.code for o in res.outcomes})
    aside = {o.code: o.reason for o in res.outcomes
             if o.file == "phieu-da-sua.xlsx" and o.status == "set_aside"}
    for i in differ:
        assert codes[i] in aside
        assert "tệp phieu-lan-1.xlsx trong lần nhận này" in aside[codes[i]], aside[codes[i]]


def test_the_save_time_is_read_from_the_file_not_the_disk(tmp_path):
    """saved_at reads what the saving program wrote: a workbook openpyxl saved, the same with
    a time stamped, one without its properties part, a damaged part, not a zip at all, and an
    .ods whose time has a zone or, as LibreOffice writes it, none (then it tells nothing)."""
    path = str(tmp_path / "a.xlsx")
    openpyxl.Workbook().save(path)
    got = saved_at(path)
    assert got is not None and abs(got - dt.datetime.utcnow()) < dt.timedelta(minutes=5)
    _stamp(path, LATER)
    assert saved_at(path) == LATER
    _stamp(path, None)
    assert saved_at(path) is None
    broken = str(tmp_path / "b.xlsx")
    openpyxl.Workbook().save(broken)
    with zipfile.ZipFile(broken) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts["docProps/core.xml"] = b"<cp:coreProperties"
    with zipfile.ZipFile(broken, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert saved_at(broken) is None
    text = tmp_path / "c.xlsx"
    text.write_bytes(b"not a workbook")
    assert saved_at(str(text)) is None
    for stamp, expect in (("2026-05-22T16:45:00+07:00", LATER), ("2026-05-22T16:45:00", None)):
        ods = tmp_path / "d.ods"                  # an .ods's meta.xml, with and without a zone
        with zipfile.ZipFile(ods, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("meta.xml", '<office:document-meta xmlns:office="urn:oasis:names:tc:'
                       'opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/'
                       f'1.1/"><office:meta><dc:date>{stamp}</dc:date></office:meta>'
                       '</office:document-meta>')
        assert saved_at(str(ods)) == expect, stamp
