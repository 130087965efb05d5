"""Issue 10: intake workbooks out to the Front, returned rows merged back with nothing lost and
nothing counted twice, duplicate suggestions."""
import datetime as dt
import json
import os
import random
import re
import shutil
import unicodedata

import openpyxl
import pytest

import jsonbook
from jsonbook import actions, sheet_names
from doithoai.files import registry_copy
from doithoai import buttons, cli
from doithoai.documents import generate
from doithoai.files import reader
from doithoai.registry import schema
from doithoai.registry.problems import CLI, speaking_to
from doithoai.samples import sample
from doithoai.sharing import codes, dedupe, evaluate, intake, merge, samplefiles
from paths import DATA
import lo_convert

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def tu_minh(sample_copy):
    path = sample_copy("tu-minh")
    return path, reader.read_registry(path)


def _returned(reg, folder, names=None):
    csvs = samplefiles.sample_csvs(sample("tu-minh").folder)
    return [samplefiles.build_returned(reg, "KH-2026-01", c, str(folder), TODAY) for c in csvs
            if names is None or any(n in c for n in names)]


def _fill(path, rows, header=None, drop_identity=False, out=None):
    """Write ``rows`` (lists under the intake header, or under ``header``) into an exported
    intake file, as a village board would. Control characters are written as Excel escapes
    them in the file (_x000B_), which is how Word-pasted ones arrive."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Ý kiến"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    if header:                  # columns moved: the pre-printed codes moved with them
        for r in range(head + 1, ws.max_row + 1):
            ws.cell(row=r, column=1).value = None
    rows = [[_escape(v) for v in row] for row in rows]
    if header:
        for c, h in enumerate(header, start=1):
            ws.cell(row=head, column=c, value=h)
    for r, values in enumerate(rows, start=head + 1):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str) and v[:1] in "=+-@":
                cell.data_type = "s"
    if drop_identity:
        del wb[intake.ID_SHEET]
    wb.save(out or path)
    return out or path


def _escape(value):
    if not isinstance(value, str):
        return value
    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 and ch not in "\n\t" else ch
                   for ch in value)


# --- export ---------------------------------------------------------------------------------------

def test_village_codes():
    assert codes.village_code("TDP Cẩm Khê A") == "CKA"
    assert codes.village_code("Thôn Đông Hòa") == "DH"
    assert codes.village_codes(["Thôn Đông Hòa", "Xóm Đồng Hội", "Bon Bu Prăng"]) == \
        {"Thôn Đông Hòa": "DH", "Xóm Đồng Hội": "DH2", "Bon Bu Prăng": "BP"}


@pytest.mark.parametrize("seed", range(20))
def test_a_numbered_village_is_coded_by_its_whole_number(seed):
    """Seeded ward lists ("Tổ dân phố 12", "TDP 15", "Tổ 1", "Khối 21"...): every code is
    distinct, a village whose name holds a number has that number as its code (or the number
    and a letter, when two villages share it), so no code reads as another village's number
    (doithoai 0.4 coded "Tổ dân phố 15" "1" and "Tổ dân phố 12" "12")."""
    rng = random.Random(seed)
    kinds = ["Tổ dân phố", "TDP", "Tổ", "Khối", "Thôn", "Xóm"]
    villages = list(dict.fromkeys(f"{rng.choice(kinds)} {rng.randint(1, 40)}"
                                  for _ in range(rng.randint(2, 15))))
    got = codes.village_codes(villages)
    assert len(set(got.values())) == len(villages)
    numbers = {v: v.split()[-1] for v in villages}
    for v, code in got.items():
        assert re.fullmatch(re.escape(numbers[v]) + "[B-Z]?", code), (v, code, got)
        assert not any(code == n for w, n in numbers.items() if w != v and n != numbers[v])


def test_a_file_exported_with_the_old_codes_is_still_received(tu_minh):
    """A file the Front took before the upgrade carries the 0.4 code ("1" for Tổ dân phố 12):
    it is still recognised as a file of the plan."""
    import dataclasses
    from types import SimpleNamespace
    from doithoai.sharing import fitting
    _, reg = tu_minh
    villages = ["Tổ dân phố 12", "Tổ dân phố 15"]
    assert codes.village_codes(villages, whole_numbers=False) == \
        {"Tổ dân phố 12": "1", "Tổ dân phố 15": "12"}
    plan = dataclasses.replace(reg.plans[0], scope="; ".join(villages))
    for code, fits in (("1", True), ("12", True), ("15", True), ("7", False)):
        ret = SimpleNamespace(identity={"plan": plan.plan_id, "code": code}, header_plan=None,
                              identity_source="ẩn")
        assert (fitting.does_not_fit(ret, plan) is None) == fits, code


def test_export_one_file_per_village_with_identity_and_lists(tu_minh, tmp_path):
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), today=TODAY)
    assert [(e.village, e.code, e.rows) for e in made] == [("TDP Cẩm Khê A", "CKA", 40),
                                                           ("TDP Cẩm Khê B", "CKB", 40)]
    wb = openpyxl.load_workbook(made[0].path)
    assert wb.sheetnames == ["Ý kiến", "Danh mục", "_doithoai"]
    ident = wb["_doithoai"]
    assert ident.sheet_state == "veryHidden" and ident.protection.sheet
    assert wb["Danh mục"].sheet_state == "hidden"
    values = dict(ident.iter_rows(values_only=True))
    assert values["registry"] == "Phường Tứ Minh" and values["plan"] == "KH-2026-01"
    assert values["village"] == "TDP Cẩm Khê A" and values["batch"] == made[0].batch
    ws = wb["Ý kiến"]
    top = " ".join(str(ws.cell(row=r, column=1).value) for r in range(1, 7))
    assert "Mã KH: KH-2026-01" in top and "TDP Cẩm Khê A (mã CKA)" in top
    # the plan's THU_PHIEU milestone (22/05) is past on TODAY: the form asks for the
    # conference's day instead
    assert "chậm nhất ngày hội nghị 12/06/2026" in top
    head = [c.value for c in ws[8]]
    assert head == ["Mã phiếu", "Nguồn", "Ngày nhận", "Người nêu", "Địa chỉ", "Điện thoại",
                    "Nội dung", "Lĩnh vực", "Ghi chú"]
    assert all(h in schema.OPINIONS.headers for h in head[1:])       # the registry's headers
    assert ws["A9"].value == "CKA-001" and ws["A48"].value == "CKA-040"
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "'Danh mục'!$B$2:$B$13" in lists and "'Danh mục'!$A$2:$A$4" in lists
    # The PDK form prints the same village code.
    docs = generate.generate(reg, str(tmp_path / "vb"), codes=["PDK"], today=TODAY)
    from docx import Document
    text = "\n".join(p.text for p in Document(docs.files[0]).paragraphs)
    assert "Mã phiếu: KH-2026-01/CKA" in text


# --- merge: conservation on every messy file -------------------------------------------------------

def test_sample_round_trip_conserves_every_row(tu_minh, tmp_path):
    path, reg = tu_minh
    files = _returned(reg, tmp_path)
    res = merge.merge(reg, [intake.read_returned(f) for f in files], today=TODAY)
    assert [(f.read, f.added, f.duplicates, f.already, f.set_aside) for f in res.files] == \
        [(6, 4, 1, 0, 2), (3, 3, 3, 0, 0)]
    assert all(f.balanced for f in res.files)
    by_code = {o.code: o for o in res.outcomes}
    assert by_code["CKA-004"].status == "set_aside" and "Chỉ có tên" in by_code["CKA-004"].reason
    assert by_code["CKA-006"].status == "set_aside" and "tuần trước" in by_code["CKA-006"].reason
    assert by_code["CKA-002"].duplicate_of == "YK-2026-001"
    assert by_code["CKB-002"].duplicate_of == "YK-2026-014"
    assert "CKA-003" not in by_code                   # a blank row with its printed code
    assert "trang ẩn nhận dạng đã bị xóa" in res.files[1].problem
    assert by_code["CKB-003"].duplicate_of == "YK-2026-028"     # the same poor-household repair
    assert res.lines()[-1] == ("Tổng cộng: đọc 9 dòng = 7 thêm mới (trong đó 4 nghi trùng) + 0 "
                               "đã có + 2 chờ xử lý.")


def test_remerge_is_idempotent_and_nothing_is_set_aside_twice(tu_minh, tmp_path):
    path, reg = tu_minh
    files = _returned(reg, tmp_path)
    first = merge.merge(reg, [intake.read_returned(f) for f in files], today=TODAY)
    copy = registry_copy.registry_copy(path, first.changes, "nhan MTTQ")
    reg2 = reader.read_registry(copy)
    assert len(reg2.opinions) == len(reg.opinions) + 7 and len(reg2.pending) == 2
    again = merge.merge(reg2, [intake.read_returned(f) for f in files + files[:1]], today=TODAY)
    assert [(f.read, f.added, f.already, f.set_aside) for f in again.files] == \
        [(6, 0, 4, 2), (3, 0, 3, 0), (6, 0, 4, 2)]
    assert not any(b.sheet == schema.PENDING.name for b in again.changes.blocks)
    assert not again.changes.blocks


def test_formula_text_is_neutralised_and_control_characters_removed(tu_minh, tmp_path):
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    _fill(made.path, [["CKA-001", "Phiếu hỏi", "20/05/2026", "Ông A", "TDP Cẩm Khê A", None,
                       "=HYPERLINK(\"http://x\";\"bấm\")", None],
                      ["CKA-002", "Phiếu hỏi", "20/05/2026", "Bà\x0b B\u200b", None, None,
                       "+84 đề nghị\x07 sửa đường", None],
                      ["CKA-003", None, None, "Ông C", None, None, "@ kiểm tra", None],
                      ["CKA-004", None, None, "Ông D", None, None, "- Đường hỏng", None]])
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    added = res.changes.blocks[0].values
    col = reg.tables["opinions"].columns["content"]
    contents = [row[col] for row in added]
    assert contents == ["'=HYPERLINK(\"http://x\";\"bấm\")", "'+84 đề nghị sửa đường",
                        "'@ kiểm tra", "'- Đường hỏng"]
    assert added[1][reg.tables["opinions"].columns["raised_by"]] == "Bà B"
    copy = registry_copy.registry_copy(path, res.changes, "nhan")
    ws = openpyxl.load_workbook(copy)["Ý kiến"]
    cells = [ws.cell(row=r, column=col + 1) for r in range(38, 42)]
    assert [c.value for c in cells] == [t[1:] for t in contents]        # stored as the text
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)     # never a formula


@pytest.mark.parametrize("header", [
    ["Ma phieu", "Nguon", "Ngay nhan", "Ho va ten", "Dia chi", "Dien thoai", "Noi dung",
     "Linh vuc", "Ghi chu"],                                             # typed without accents
    [unicodedata.normalize("NFD", h) + "  " for h in
     ["Mã phiếu", "Nguồn", "Ngày nhận", "Người nêu", "Địa chỉ", "Điện thoại",
      "NỘI DUNG Ý KIẾN", "Lĩnh vực", "Ghi chú"]],                       # NFD, capitals, spaces
])
def test_retyped_headers_still_merge(tu_minh, tmp_path, header):
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê B"],
                         today=TODAY)[0]
    _fill(made.path, [["CKB-001", "Phiếu hỏi", "21/05/2026", "Ông Hà Văn Nam", "TDP Cẩm Khê B",
                       912000111, "Đề nghị lắp thêm camera ở ngã tư chợ.", "Khác"]],
          header=header)
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert (res.files[0].read, res.files[0].added) == (1, 1)
    row = res.changes.blocks[0].values[0]
    cols = reg.tables["opinions"].columns
    assert row[cols["phone"]] == "0912000111" and row[cols["received_date"]] == \
        dt.date(2026, 5, 21) and row[cols["source"]] == "MTTQ chuyển"
    assert row[cols["intake_ref"]] == f"MTTQ CKB-001 (lô {made.batch})"


def test_reordered_columns_and_extra_columns(tu_minh, tmp_path):
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    _fill(made.path, [["Đề nghị sửa cổng chợ.", "x", "CKA-001", "Bà Lò Thị Hoa", "21/05/2026",
                       None, None, None, "thêm"]],
          header=["Nội dung", "Cột của thôn", "Mã phiếu", "Người nêu", "Ngày nhận", None, None,
                  None, "Ghi chép riêng"])
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert (res.files[0].read, res.files[0].added, res.files[0].set_aside) == (1, 1, 0)


def test_identity_deleted_without_plan_line_asks_for_the_plan(tu_minh, tmp_path):
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    _fill(made.path, [["CKA-001", None, "21/05/2026", "Ông X", None, None, "Đề nghị A.", None]],
          drop_identity=True)
    wb = openpyxl.load_workbook(made.path)
    for r in range(1, 7):
        wb["Ý kiến"].cell(row=r, column=1).value = None           # the facts retyped away
    wb.save(made.path)
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert (res.files[0].read, res.files[0].set_aside) == (1, 1)
    assert "chọn một dòng của kế hoạch" in res.outcomes[0].reason       # at the ribbon
    with speaking_to(CLI):
        res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert "--plan" in res.outcomes[0].reason and "bấm" not in res.outcomes[0].reason
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY,
                      plan_hint="KH-2026-01")
    assert (res.files[0].read, res.files[0].added) == (1, 1)


def test_other_commune_and_unknown_plan_are_set_aside(tu_minh, sample_paths, tmp_path):
    path, reg = tu_minh
    other = reader.read_registry(sample_paths["quang-son"])
    made = intake.export(other, "KH-2026-01", str(tmp_path), one_file=True, today=TODAY)[0]
    _fill(made.path, [["TH-001", None, "21/05/2026", "Ông Y", None, None, "Đề nghị B.", None]])
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert res.files[0].set_aside == 1 and "gửi nhầm đơn vị" in res.outcomes[0].reason
    mine = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    _fill(mine.path, [["CKA-001", None, "21/05/2026", "Ông Z", None, None, "Đề nghị C.", None]])
    wb = openpyxl.load_workbook(mine.path)
    wb["_doithoai"]["B3"] = "KH-2099-01"
    wb.save(mine.path)
    res = merge.merge(reg, [intake.read_returned(mine.path)], today=TODAY)
    assert res.files[0].set_aside == 1 and "không có kế hoạch KH-2099-01" in \
        res.outcomes[0].reason


def test_unreadable_file_is_reported_not_crashed(tu_minh, tmp_path):
    path, reg = tu_minh
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    res = merge.merge(reg, [intake.read_returned(str(bad))], today=TODAY)
    assert res.files[0].read == 0 and "Không đọc được tệp" in res.files[0].problem


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot re-save files here")
@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_file_resaved_by_libreoffice_or_as_old_excel(tu_minh, tmp_path, fmt):
    path, reg = tu_minh
    files = _returned(reg, tmp_path / "a", names=["CKA"])
    out = tmp_path / "resaved"
    out.mkdir()
    lo_convert.convert(files[0], out, fmt)
    resaved = str(out / (os.path.splitext(os.path.basename(files[0]))[0] + "." + fmt))
    res = merge.merge(reg, [intake.read_returned(resaved)], today=TODAY)
    f = res.files[0]
    assert (f.read, f.added, f.already, f.set_aside) == (6, 4, 0, 2)
    assert res.outcomes[0].code == "CKA-001"


def test_old_registry_is_refused_before_anything_is_written(tu_minh, tmp_path):
    path, reg = tu_minh
    wb = openpyxl.load_workbook(path)
    del wb["Chờ xử lý"]
    wb.save(path)
    with pytest.raises(merge.RegistryTooOld, match="Chờ xử lý"):
        merge.merge(reader.read_registry(path), [], today=TODAY)


# --- the CLI -----------------------------------------------------------------------------------------

def test_cli_export_and_merge_write_a_new_workbook(tu_minh, tmp_path, capsys):
    path, reg = tu_minh
    before = open(path, "rb").read()
    assert cli.main(["intake", "export", path, "--plan", "KH-2026-01", "--out",
                     str(tmp_path / "out")]) == 0
    assert "phieu-y-kien-KH-2026-01-TDP-Cam-Khe-A.xlsx" in capsys.readouterr().out
    files = _returned(reg, tmp_path)
    target = str(tmp_path / "so-moi.xlsx")
    assert cli.main(["intake", "merge", path, *files, "--out", target, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == {"read": 9, "added": 7, "duplicates": 4, "already_present": 0,
                              "set_aside": 2}
    assert data["registry_written"] == target
    assert open(path, "rb").read() == before                 # the registry is never touched
    reg2 = reader.read_registry(target)
    assert reg2.opinions[-1].source == "MTTQ chuyển"
    wb = openpyxl.load_workbook(target)
    log = [r for r in wb["Nhật ký"].iter_rows(min_row=2, values_only=True) if r[2]]
    assert log[-1][2] == "Nhận ý kiến từ MTTQ" and "mttq-CKA-da-dien.xlsx" in log[-1][4]
    assert cli.main(["intake", "merge", target, *files]) == 0
    out = capsys.readouterr().out
    assert "Không có gì mới: không ghi bản sao nào; sổ giữ nguyên." in out and "0 thêm mới" in out


def test_cli_duplicates(sample_paths, capsys):
    assert cli.main(["duplicates", sample_paths["tu-minh"], "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    linked = {o.opinion_id: o.duplicate_of for o in
              reader.read_registry(sample_paths["tu-minh"]).opinions if o.duplicate_of}
    for k, v in linked.items():                 # the sample's own repeats are found
        assert {"opinion_id": k, "duplicate_of": v} in [
            {"opinion_id": f["opinion_id"], "duplicate_of": f["duplicate_of"]} for f in found]


# --- the duplicate finder ----------------------------------------------------------------------------

def test_labelled_sample_precision_and_recall():
    # The figures themselves are printed by bench/sharing_bench.py, not between the test dots.
    s = evaluate.evaluate(os.path.join(DATA, "dedupe_labelled.tsv"))
    assert s.pairs >= 200 and s.positives >= 90
    assert s.precision >= 0.95 and s.recall >= 0.95


def test_finder_ignores_accents_tones_and_order_and_picks_the_earlier():
    a = dedupe.Item("YK-2025-003", (dt.date(2025, 6, 1), 5),
                    "Đường liên thôn xuống cấp, đề nghị sửa chữa.", "Ông A", "Thôn Đông",
                    "Giao thông")
    b = dedupe.Item("YK-2026-010", (dt.date(2026, 6, 1), 2),
                    "de nghi sua chua duong lien thon xuong cap", "Bà B", "Thôn Đông",
                    "Giao thông")
    c = dedupe.Item("YK-2026-011", (dt.date(2026, 6, 1), 3),
                    "Đề nghị lắp đèn chiếu sáng ngõ 5.", "Bà B", "Thôn Đông", "Giao thông")
    found = dedupe.suggest([a, b, c])
    assert [(s.key, s.original) for s in found] == [("YK-2026-010", "YK-2025-003")]
    assert "Có thể trùng YK-2025-003" in found[0].note()


# --- the buttons, through the JSON book -----------------------------------------------------------

def _book(path, **kw):
    return jsonbook.book(path, name=path, **kw)


def test_merge_button_writes_in_bulk(tu_minh, tmp_path, shells):
    path, reg = tu_minh
    files = _returned(reg, tmp_path)
    book = _book(path, sheet="Kế hoạch", selection="C2")
    message = buttons.intake_merge(book, files=files, today=TODAY)
    assert "Tổng cộng: đọc 9 dòng = 7 thêm mới (trong đó 4 nghi trùng) + 0 đã có + 2 chờ xử lý." \
        in message
    writes = actions(book, "setValues")
    names = sheet_names(path)
    assert [names[a["sheet_position"]] for a in writes] == ["Ý kiến", "Chờ xử lý", "Nhật ký"]
    opinions = writes[0]
    assert opinions["start_row"] == 37 and len(opinions["values"]) == 7   # rows 38-44, one write
    content = schema.OPINIONS.keys.index("content")
    assert "'=giá điện tăng cao bất thường, đề nghị kiểm tra công tơ" in \
        [r[content] for r in opinions["values"]]
    notes = actions(book, "addNote")
    assert len(notes) == 4 and all("Có thể trùng" in n["args"][1] for n in notes)
    assert max(shells[0].reads.values()) == 1
    after = jsonbook.apply_actions(path, book.json()["actions"], str(tmp_path / "after.xlsx"))
    reg2 = reader.read_registry(after)
    assert len(reg2.opinions) == 43 and len(reg2.pending) == 2
    # Pressed again with the same files: nothing new is written to Ý kiến or Chờ xử lý.
    book2 = _book(after, sheet="Kế hoạch", selection="C2")
    message = buttons.intake_merge(book2, files=files, today=TODAY)
    assert "0 thêm mới" in message
    assert [sheet_names(after)[a["sheet_position"]] for a in actions(book2, "setValues")] == \
        ["Nhật ký"]


def test_export_button(tu_minh, shells):
    path, reg = tu_minh
    book = _book(path, sheet="Kế hoạch", selection="C2")
    message = buttons.intake_export(book, today=TODAY)
    assert message.startswith("Đã tạo 2 tệp phiếu cho MTTQ (KH-2026-01)")
    folder = os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01", "MTTQ")
    assert len(os.listdir(folder)) == 2
    assert [sheet_names(path)[a["sheet_position"]] for a in actions(book, "setValues")] == \
        ["Nhật ký"]
    assert "đã có" not in message
    # Pressed again: new files beside the first ones, each named, and why they have "(2)".
    again = buttons.intake_export(_book(path, sheet="Kế hoạch", selection="C2"), today=TODAY)
    new = [n for n in os.listdir(folder) if n.endswith(" (2).xlsx")]
    assert len(new) == 2 and all(name in again for name in new), (new, again)
    assert "đã có 2 tệp cùng tên" in again and "tệp cũ giữ nguyên" in again, again


def test_find_duplicates_button_fills_only_empty_cells(sample_copy, tmp_path, shells):
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    linked = {o.row: o.duplicate_of for o in reg.opinions}
    wb = openpyxl.load_workbook(path)
    col = schema.OPINIONS.keys.index("duplicate_of") + 1
    cleared = [r for r, v in linked.items() if v][0]
    wb["Ý kiến"].cell(row=cleared, column=col).value = None
    wb.save(path)
    book = _book(path, sheet="Ý kiến", selection="A2")
    message = buttons.find_duplicates(book)
    assert message.startswith("Đã gợi ý 1 ý kiến trùng")
    writes = [a for a in actions(book, "setValues") if sheet_names(path)[a["sheet_position"]]
              == "Ý kiến"]
    assert len(writes) == 1 and writes[0]["column_count"] == 1       # one block, one column
    assert writes[0]["row_count"] == 1 and writes[0]["start_row"] == cleared - 1   # that cell only
    after = jsonbook.apply_actions(path, book.json()["actions"], str(tmp_path / "after.xlsx"))
    again = {o.row: o.duplicate_of for o in reader.read_registry(after).opinions}
    assert again == linked                    # restored the cleared link, touched no other


def test_a_formula_saved_without_its_result_is_named_not_called_empty(tu_minh, tmp_path):
    """A board's file saved by a program that does not compute formulas: calamine reads the
    cell blank; the row is set aside saying so (it was "Chỉ có tên người nêu")."""
    path, reg = tu_minh
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    wb = openpyxl.load_workbook(made.path)
    ws = next(w for w in wb.worksheets if w.sheet_state == "visible")
    header = next(r for r in range(1, 30) if any(c.value == "Nội dung" for c in ws[r]))
    col = next(c.column for c in ws[header] if c.value == "Nội dung")
    name_col = next(c.column for c in ws[header] if c.value == "Người nêu")
    ws.cell(row=header + 1, column=name_col, value="Ông A")
    ws.cell(row=header + 1, column=col, value='=CONCATENATE("Đề nghị ","sửa đường")')
    wb.save(made.path)
    ret = intake.read_returned(made.path)
    assert [r.unresolved for r in ret.rows] == [("content",)]
    res = merge.merge(reg, [ret], today=TODAY)
    assert [o.status for o in res.outcomes] == ["set_aside"]
    assert "công thức chưa có kết quả" in res.outcomes[0].reason


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _other_tone(text):
    """``text`` with its first tone mark changed ("Tứ" → "Tử"): another name, the same letters."""
    d = unicodedata.normalize("NFD", text)
    k = next(k for k, ch in enumerate(d) if ch in _TONES)
    return unicodedata.normalize("NFC", d[:k] + _TONES[(_TONES.index(d[k]) + 1) % 5] + d[k + 1:])


def test_names_that_differ_by_a_tone_are_other_people_and_other_communes(tu_minh, tmp_path):
    """The same words from a person whose name differs from a registry row's by one tone are a
    new opinion, not one received before; a file from a commune whose name differs from ours by
    one tone is set aside as another commune's."""
    path, reg = tu_minh
    o = next(o for o in reg.opinions if o.plan_id == "KH-2026-01" and o.content and o.raised_by
             and any(t in unicodedata.normalize("NFD", o.raised_by) for t in _TONES))
    made = intake.export(reg, "KH-2026-01", str(tmp_path), villages=["TDP Cẩm Khê A"],
                         today=TODAY)[0]
    _fill(made.path, [["CKA-001", None, "21/05/2026", _other_tone(o.raised_by), None, None,
                       o.content, None]])
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert (res.files[0].added, res.files[0].already) == (1, 0), res.lines()
    wb = openpyxl.load_workbook(made.path)
    wb[intake.ID_SHEET]["B2"] = _other_tone(reg.settings.unit_name)
    wb.save(made.path)
    res = merge.merge(reg, [intake.read_returned(made.path)], today=TODAY)
    assert res.files[0].set_aside == 1 and "gửi nhầm đơn vị" in res.outcomes[0].reason


@pytest.mark.parametrize("slug", ["tu-minh", "quang-son"])
def test_a_registry_given_as_a_returned_file_reads_no_row(sample_copy, tmp_path, capsys, slug):
    """The registry itself picked among the Front's files: its Kế hoạch sheet has a "Nội
    dung" column and would read as opinions; it is named for what it is and nothing is read."""
    from doithoai import cli
    path = sample_copy(slug)
    ret = intake.read_returned(path)
    assert ret.rows == [] and "là một sổ hội nghị đối thoại" in ret.problem
    out = tmp_path / "so-moi.xlsx"
    capsys.readouterr()
    cli.main(["intake", "merge", "--out", str(out), path, path])
    said = capsys.readouterr().out
    assert "đọc 0 dòng" in said and "không phải phiếu MTTQ" in said and not out.exists()


@pytest.mark.parametrize("seed", range(6))
def test_forms_ask_for_a_day_not_yet_past_and_after_the_conference_say_so(
        sample_copy, tmp_path, capsys, seed):
    """A form made after the conference is only for copying opinions received up to its day
    (a later one is set aside): the clerk is told. Before it, the date the form asks for is
    never already past, nor after the conference."""
    from doithoai import cli
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    plan = reader.read_registry(path).plan("KH-2026-01")
    band = [(-40, -22), (-20, 0), (1, 30)][seed % 3]     # forms due ahead, past, conference held
    day = plan.meeting_date + dt.timedelta(days=rng.randint(*band))
    out = tmp_path / f"phieu-{seed}"
    capsys.readouterr()
    code = cli.main(["intake", "export", path, "--plan", "KH-2026-01", "--out", str(out),
                     "--today", day.isoformat()])
    said = capsys.readouterr().out
    assert ("đã diễn ra" in said) == (day > plan.meeting_date)     # the clerk is told
    files = sorted(out.glob("*.xlsx"))
    assert code == 0 and files
    for f in files:
        text = " ".join(str(c.value) for row in openpyxl.load_workbook(f).worksheets[0].iter_rows()
                        for c in row if c.value)
        if day > plan.meeting_date:     # a form for catching up asks for no day
            assert "chậm nhất" not in text
            assert f"Hội nghị đã diễn ra ngày {plan.meeting_date:%d/%m/%Y}" in text
            continue
        asked = re.search(r"chậm nhất ngày (?:hội nghị )?(\d\d/\d\d/\d{4})", text).group(1)
        asked = dt.datetime.strptime(asked, "%d/%m/%Y").date()
        assert asked >= min(day, plan.meeting_date)      # never a deadline already past
        assert asked <= plan.meeting_date
