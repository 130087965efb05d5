"""Issue 25, item 9: a returned row whose words are a formula's result is never taken as what a
citizen said, however the file was re-saved; and a row a batch already left in Chờ xử lý is not
slipped in by a second merge of that batch."""
import datetime as dt
import os
import shutil

import openpyxl
import pytest

from doithoai.files import reader, registry_copy
from doithoai.registry import schema
from doithoai.sharing import intake, merge
import lo_convert

TODAY = dt.date(2026, 6, 1)
PLAN, VILLAGE = "KH-2026-01", "TDP Cẩm Khê A"
FORMULA = '=HYPERLINK("http://x","bấm")'      # shows "bấm" once a program computes it
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed: the re-save "
                                          "by LibreOffice cannot be made here")


@pytest.fixture
def tu_minh(sample_copy):
    path = sample_copy("tu-minh")
    return path, reader.read_registry(path)


def _export(reg, folder):
    return intake.export(reg, PLAN, str(folder), villages=[VILLAGE], today=TODAY)[0].path


def _write_rows(path, rows):
    """Fill the rows under the header of an exported file: {column header: value}; a value
    starting with "=" is written as a formula (openpyxl stores no result for it)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[intake.DATA_SHEET]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == intake.CODE_HEADER)
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    for r, values in enumerate(rows, start=head + 1):
        for header, value in values.items():
            ws.cell(row=r, column=cols[header], value=value)
    wb.save(path)
    return path


def _resave(path, folder, fmt="xlsx"):
    """The file opened and saved again by LibreOffice, which computes and stores every
    formula's result."""
    os.makedirs(folder, exist_ok=True)
    lo_convert.convert(path, folder, fmt)
    return os.path.join(str(folder), os.path.splitext(os.path.basename(path))[0] + "." + fmt)


def _merged_copy(path, res):
    return reader.read_registry(registry_copy.registry_copy(path, res.changes, "nhan MTTQ"))


def _contents(reg):
    return [o.content for o in reg.opinions]


@needs_soffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_formula_keeps_out_after_libreoffice_stored_its_result(tu_minh, tmp_path, fmt):
    path, reg = tu_minh
    made = _write_rows(_export(reg, tmp_path / "out"),
                       [{"Người nêu": "Ông A", "Nội dung": FORMULA},
                        {"Người nêu": "Bà B", "Nội dung": "Đề nghị sửa cống thôn."}])
    first = merge.merge(reg, [intake.read_returned(made)], today=TODAY)
    assert [o.status for o in first.outcomes] == ["set_aside", "added"]
    reg2 = _merged_copy(path, first)
    assert len(reg2.pending) == 1
    resaved = _resave(made, tmp_path / "resaved", fmt)
    ret = intake.read_returned(resaved)
    assert ret.rows[0].values["content"] == "bấm"        # what calamine alone would take
    # merged again into the registry that holds the first merge …
    again = merge.merge(reg2, [ret], today=TODAY)
    assert [o.status for o in again.outcomes] == ["set_aside", "already"]
    assert again.files[0].balanced and not again.changes.blocks     # nothing added, nor twice
    # … and, as a first merge, into a registry that never saw the file
    fresh = merge.merge(reg, [ret], today=TODAY)
    o = fresh.outcomes[0]
    assert o.status == "set_aside" and "công thức" in o.reason and "bấm" in o.reason
    reg3 = _merged_copy(path, fresh)
    assert "bấm" not in _contents(reg3)
    assert [p.content for p in reg3.pending] == ["bấm"]         # kept for the clerk to see


def test_a_formula_with_a_stored_result_is_set_aside(tu_minh, tmp_path):
    """The same without LibreOffice: a result stored in the file by hand, as Excel stores it."""
    path, reg = tu_minh
    made = _write_rows(_export(reg, tmp_path), [{"Người nêu": "Ông A", "Nội dung": FORMULA}])
    _store_result(made, "G", "bấm")
    ret = intake.read_returned(made)
    assert ret.rows[0].values["content"] == "bấm"
    res = merge.merge(reg, [ret], today=TODAY)
    assert res.outcomes[0].status == "set_aside"
    assert "là công thức" in res.outcomes[0].reason
    assert "bấm" not in _contents(_merged_copy(path, res))


def _store_result(path, column, shown):
    """Write ``shown`` as the cached result of the formula cell in ``column`` (the sheet's XML
    edited as Excel writes a computed formula: <c t="str"><f>…</f><v>shown</v></c>)."""
    import re
    import zipfile
    src = zipfile.ZipFile(path)
    parts = {n: src.read(n) for n in src.namelist()}
    src.close()
    book = parts["xl/workbook.xml"].decode()
    assert "<sheet " in book
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet") and b"<f>" in data:
            xml = data.decode()
            xml = re.sub(r'<c r="(%s\d+)"([^>]*)><f>(.*?)</f>(<v>.*?</v>|<v\s*/>)?</c>' % column,
                         lambda m: f'<c r="{m.group(1)}" t="str"{_no_type(m.group(2))}><f>'
                                   f'{m.group(3)}</f><v>{shown}</v></c>', xml)
            parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _no_type(attrs):
    import re
    return re.sub(r'\s+t="[^"]*"', "", attrs)


def test_a_row_waiting_in_cho_xu_ly_stays_there_when_its_batch_comes_back(tu_minh, tmp_path):
    path, reg = tu_minh
    made = _write_rows(_export(reg, tmp_path),
                       [{"Nội dung": "Đề nghị lắp đèn đường."},                 # no name
                        {"Mã phiếu": None, "Nội dung": "Đề nghị nạo vét mương."}])  # no code
    first = merge.merge(reg, [intake.read_returned(made)], today=TODAY)
    assert [o.status for o in first.outcomes] == ["set_aside", "set_aside"]
    reg2 = _merged_copy(path, first)
    assert len(reg2.pending) == 2
    # The Front types the names into the same file and sends it back.
    _write_rows(made, [{"Người nêu": "Ông C"}, {"Người nêu": "Bà D"}])
    again = merge.merge(reg2, [intake.read_returned(made)], today=TODAY)
    assert [o.status for o in again.outcomes] == ["set_aside", "set_aside"]
    assert all("đã nằm ở trang Chờ xử lý" in o.reason for o in again.outcomes)
    assert again.files[0].balanced and not again.changes.blocks     # no row added, none twice
    # The clerk, having seen them, removes them from Chờ xử lý: the next merge takes them in.
    copy = reg2.source
    wb = openpyxl.load_workbook(copy)
    wb[schema.PENDING.name].delete_rows(2, 2)
    wb.save(copy)
    third = merge.merge(reader.read_registry(copy), [intake.read_returned(made)], today=TODAY)
    assert [o.status for o in third.outcomes] == ["added", "added"]


@needs_soffice
def test_an_old_excel_file_says_its_formulas_cannot_be_seen(tu_minh, tmp_path):
    """.xls keeps a formula's result where calamine reads it, and nothing here can tell it
    from typed text: the file's line says so, so the clerk looks at what was added."""
    path, reg = tu_minh
    made = _write_rows(_export(reg, tmp_path / "out"),
                       [{"Người nêu": "Bà B", "Nội dung": "Đề nghị sửa cống thôn."}])
    old = _resave(made, tmp_path / "xls", "xls")
    res = merge.merge(reg, [intake.read_returned(old)], today=TODAY)
    assert [o.status for o in res.outcomes] == ["added"]
    assert "không phân biệt được ô công thức" in res.lines()[0]


@pytest.mark.parametrize("seed", range(3))
def test_a_row_the_front_corrected_after_sending_is_shown_to_the_clerk_never_dropped(
        tu_minh, tmp_path, seed):
    """The Front sends its file, then corrects some rows (a name, the words) and sends it again:
    each corrected row goes to Chờ xử lý once, saying which opinion it was taken in as and what
    differs; the others are already there; the registry's opinions are not touched."""
    import random
    rng = random.Random(seed)
    path, reg = tu_minh
    n = rng.randint(3, 8)
    rows = [{"Người nêu": f"Ông Nguyễn Văn {chr(65 + i)}{rng.randint(1, 99)}",
             "Nội dung": f"Đề nghị sửa đoạn đường số {rng.randint(1, 999)} của xóm."}
            for i in range(n)]
    made = _write_rows(_export(reg, tmp_path / "out"), rows)
    first = merge.merge(reg, [intake.read_returned(made)], today=TODAY)
    assert [o.status for o in first.outcomes] == ["added"] * n
    current = registry_copy.registry_copy(path, first.changes, "nhan MTTQ")
    reg2 = reader.read_registry(current)
    before = {o.opinion_id: (o.raised_by, o.content) for o in reg2.opinions}
    fixed = sorted(rng.sample(range(n), rng.randint(1, n - 1)))
    for i in fixed:
        key = rng.choice(["Người nêu", "Nội dung"])
        rows[i][key] = rows[i][key] + (" Tâm" if key == "Người nêu" else " Rất cần.")
    _write_rows(made, rows)                          # the same file, corrected
    for _ in range(2):                               # and sent once more: nothing twice
        res = merge.merge(reg2, [intake.read_returned(made)], today=TODAY)
        statuses = [o.status for o in res.outcomes]
        assert statuses == ["set_aside" if i in fixed else "already" for i in range(n)]
        assert all("khác với dòng YK-" in o.reason for o in res.outcomes
                   if o.status == "set_aside")
        assert res.files[0].balanced
        current = registry_copy.registry_copy(current, res.changes, "nhan MTTQ")
        reg2 = reader.read_registry(current)
        assert {o.opinion_id: (o.raised_by, o.content) for o in reg2.opinions} == before
        assert len(reg2.pending) == len(fixed)


@pytest.mark.parametrize("seed", range(3))
def test_a_field_the_front_typed_otherwise_is_chosen_and_said(tu_minh, tmp_path, seed):
    """A Lĩnh vực typed without accents or in other case is the listed one, silently; one cut
    short or misspelt is replaced by the nearest listed one, and the row's Ghi chú says so (the
    clerk checks it); nothing is changed in silence."""
    import random

    from doithoai.text import vntext
    rng = random.Random(seed)
    path, reg = tu_minh
    fields = [f for f in reg.lookups["fields"] if len(f) > 12]
    rows, expect = [], []
    for i, f in enumerate(rng.sample(fields, 4)):
        how = rng.choice(["plain", "upper", "cut"])
        typed = {"plain": vntext.unaccent(f), "upper": f.upper(),
                 "cut": f[:max(6, len(f) // 2)].rstrip(" ,-")}[how]
        rows.append({"Người nêu": f"Bà Lê Thị {chr(65 + i)}", "Nội dung": f"Ý kiến số {i} về "
                     f"{f.lower()}.", "Lĩnh vực": typed})
        expect.append((f, typed, how))
    made = _write_rows(_export(reg, tmp_path / "out"), rows)
    res = merge.merge(reg, [intake.read_returned(made)], today=TODAY)
    merged = {o.content: o for o in _merged_copy(path, res).opinions}
    for i, (f, typed, how) in enumerate(expect):
        o = merged[rows[i]["Nội dung"]]
        assert o.field == f, (typed, o.field)
        said = f"MTTQ ghi lĩnh vực \"{typed}\"" in (o.note or "")
        assert said == (how == "cut" and vntext.plain_key(typed) != vntext.plain_key(f)), \
            (typed, o.note)
