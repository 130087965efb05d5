"""Word documents: conformance of every sample document, seed facts, pre-flight, register."""
import datetime as dt
import glob
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document

import conformance
from xlsx_edit import cell_ref, edit
from doithoai.files import apply_changes, atomic
from doithoai import cli
from doithoai.documents import engine, generate, templates
from doithoai.documents.kinds import KINDS, template_name
from doithoai.files import blank, reader
from doithoai.samples import SAMPLES, load, sample
from paths import ROOT

TODAY = dt.date(2026, 11, 22)


def _text(path):
    """The document's text as a reader reads it: a non-breaking space (inside a header's name,
    "ĐẢNG ỦY PHƯỜNG LẠC THỊNH", and elsewhere) reads as a space."""
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts).replace("\xa0", " ")


@pytest.fixture(scope="module")
def generated(sample_paths, tmp_path_factory):
    """Every document of the five samples (Trung Hội with its weekday typo fixed, as a clerk
    would before printing: with the typo its plan row is refused, see the next test)."""
    out = {}
    for s in SAMPLES:
        path = sample_paths[s.slug]
        if s.slug == "trung-hoi":
            path = str(tmp_path_factory.mktemp("th") / "so.xlsx")
            shutil.copy(sample_paths["trung-hoi"], path)
            edit(path, [("plans", "weekday", 2, "Thứ Bảy")])
        folder = tmp_path_factory.mktemp(s.slug)
        res = generate.generate(reader.read_registry(path), str(folder), today=TODAY)
        out[s.slug] = (res, str(folder))
    return out


def test_every_generated_document_conforms(generated):
    checked = 0
    for slug, (res, folder) in generated.items():
        party = slug == "do-luong"
        kinds = set()
        for path in res.files:
            kind = os.path.basename(path).split("_")[0].split(".")[0]
            kinds.add(kind)
            assert conformance.check(path, kind, party) == [], path
            checked += 1
        assert kinds == {k.code for k in KINDS}, slug
    assert checked > 300


def test_refusals_are_only_missing_reply_texts(generated):
    for slug, (res, _) in generated.items():
        for p in res.refusals:
            assert p.code == "document-missing-value" and p.column == "Nội dung trả lời", p


def test_a_plan_row_with_errors_is_refused(sample_paths, tmp_path):
    res = generate.generate(reader.read_registry(sample_paths["trung-hoi"]), str(tmp_path),
                             today=TODAY)
    assert res.files == []
    assert {p.code for p in res.refusals} == {"document-row-has-errors"}
    assert all((p.sheet, p.row) == ("Kế hoạch", 2) for p in res.refusals)


def test_tu_minh_kh_carries_seed_003(generated):
    res, folder = generated["tu-minh"]
    text = _text(os.path.join(folder, "KH-2026-01", "KH.docx"))
    for fact in ("Số: 118/KH-UBND", "Tứ Minh, ngày 15 tháng 5 năm 2026",
                 "08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 12/06/2026",
                 # the seed writes "Tổ dân phố" with a capital inside the sentence; the
                 # documents write the kind word in lower case, as Decree 30 writes "phường"
                 "tổng số đại biểu dự kiến: 150", "Nhà văn hóa tổ dân phố Cẩm Khê A, phường Tứ Minh",
                 "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Thị Sâm",
                 "ỦY BAN NHÂN DÂN\nPHƯỜNG TỨ MINH", "Căn cứ Luật Tổ chức chính quyền địa phương"):
        assert fact in text, fact
    # The timetable carries the deadline engine's dates.
    for due in ("18/05/2026", "22/05/2026", "26/05/2026", "02/06/2026", "05/06/2026",
                "10/06/2026", "26/06/2026"):
        assert due in text


def test_do_luong_kh_is_in_party_format(generated):
    res, folder = generated["do-luong"]
    path = os.path.join(folder, "KH-2026-01", "KH.docx")
    text = _text(path)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA XÃ HỘI" not in text
    assert "Số 12-KH/ĐU" in text and "ĐẢNG BỘ TỈNH NGHỆ AN" in text
    assert "T/M BAN THƯỜNG VỤ\nBÍ THƯ" in text and "Hoàng Văn Hiệp" in text
    assert conformance.check(path, "KH", True) == []
    assert conformance.check(path, "KH", False) != []        # the state rules do not fit it


def test_invitations_one_per_delegate_in_protocol_order(generated):
    res, folder = generated["tu-minh"]
    names = sorted(os.listdir(os.path.join(folder, "KH-2026-01", "GM")))
    # 99 invited, less the two hosts (the chair and the signer do not invite themselves)
    assert len(names) == 97 and names[0].startswith("GM_001_") and names[-1].startswith("GM_097_")
    first = _text(os.path.join(folder, "KH-2026-01", "GM", names[0]))
    assert "Đồng chí Dương Quang Thịnh - Phó Trưởng ban Tuyên giáo và Dân vận Thành ủy" in first
    merged = Document(os.path.join(folder, "KH-2026-01", "GM_tat-ca.docx"))
    assert len(merged.sections) == 97
    assert all(s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                              "titlePg") is not None for s in merged.sections)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not "
                    "installed here: apt-get install libreoffice-writer to run this check")
def test_merged_invitations_print_one_page_each(generated, tmp_path):
    res, folder = generated["quang-son"]
    merged = os.path.join(folder, "KH-2026-01", "GM_tat-ca.docx")
    n = len(os.listdir(os.path.join(folder, "KH-2026-01", "GM")))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), merged],
                   capture_output=True, timeout=300)
    pdf = tmp_path / "GM_tat-ca.pdf"
    assert pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == n


def _local_template(tmp_path, sample_paths, code, old, new):
    """A commune's own copy of a template, beside its registry, with ``old`` → ``new``."""
    reg_path = str(tmp_path / "so.xlsx")
    shutil.copy(sample_paths["tu-minh"], reg_path)
    local = tmp_path / "mau-van-ban"
    local.mkdir()
    src = os.path.join(ROOT, "workbook_templates", f"{code}.docx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(local / f"{code}.docx", "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            zout.writestr(name, data)
    return reg_path


def test_misspelt_placeholder_is_refused_with_the_nearest_field(tmp_path, sample_paths):
    reg_path = _local_template(tmp_path, sample_paths, "TB", "{{ dia_diem }}", "{{ dia_diam }}")
    res = generate.generate(reader.read_registry(reg_path), str(tmp_path / "out"),
                             codes=["TB"], today=TODAY)
    assert res.files == []
    p = res.refusals[0]
    assert p.code == "template-unknown-field" and p.sheet == "TB.docx"
    assert "dia_diam" in p.message and "{{ dia_diem }}" in p.hint


def test_an_unreadable_template_refuses_its_kind_the_others_generated(tmp_path, sample_paths):
    """A commune's TB.docx that is no Word file, or a zip bomb (tests/hostile.py), or holds a
    placeholder Jinja cannot parse: TB is refused naming the template and its folder (it used
    to end in an unexpected error), KH is generated."""
    import hostile
    reg_path = _local_template(tmp_path, sample_paths, "TB", "{{ dia_diem }}", "{{ dia_diem }}")
    local = os.path.join(os.path.dirname(reg_path), "mau-van-ban", "TB.docx")
    kh = os.path.join(ROOT, "workbook_templates", "KH.docx")
    cases = {"text": lambda: open(local, "w").write("không phải Word"),
             "bomb": lambda: hostile.bomb(os.path.join(ROOT, "workbook_templates", "TB.docx"),
                                          local, "word/document.xml"),
             "syntax": lambda: [os.makedirs(tmp_path / "s"),
                                _local_template(tmp_path / "s", sample_paths, "TB",
                                                "{{ dia_diem }}", "{{ dia_diem }")][1]}
    for case, make in cases.items():
        made = make()
        path = made if case == "syntax" else reg_path
        res = generate.generate(reader.read_registry(path), str(tmp_path / "out" / case),
                                codes=["KH", "TB"], today=TODAY)
        assert [os.path.basename(f) for f in res.files] == ["KH.docx"], (case, res.files)
        p = res.refusals[0]
        assert p.sheet == "TB.docx", case
        if case == "syntax":
            assert p.code == "template-unknown-field" and "cú pháp" in p.message
        else:
            assert p.code == "template-unreadable" and "mau-van-ban" in p.message, p.message
    assert os.path.exists(kh)


def test_the_communes_own_template_wins(tmp_path, sample_paths):
    reg_path = _local_template(tmp_path, sample_paths, "TB", "thông báo tổ chức hội nghị",
                               "kính báo tổ chức hội nghị")
    res = generate.generate(reader.read_registry(reg_path), str(tmp_path / "out"),
                             codes=["TB"], today=TODAY)
    assert "kính báo tổ chức hội nghị" in _text(res.files[0])


def test_missing_value_names_sheet_row_and_column(sample_copy, tmp_path):
    path = sample_copy("tu-minh")
    edit(path, [("plans", "content", 2, None)])
    res = generate.generate(reader.read_registry(path), str(tmp_path), codes=["KH", "PKS"],
                             today=TODAY)
    kh = [p for p in res.refusals if "Kế hoạch KH-2026-01" in p.message]
    assert kh and (kh[0].sheet, kh[0].cell, kh[0].column) == ("Kế hoạch", "P2", "Nội dung")
    assert [os.path.basename(f) for f in res.files] == ["PKS.docx"]   # the survey needs none


def test_rows_with_errors_are_refused_the_others_generated(sample_copy, tmp_path):
    path = sample_copy("tu-minh")
    edit(path, [("invitees", "group", 5, "Nhóm không có")])
    res = generate.generate(reader.read_registry(path), str(tmp_path), codes=["GM"], today=TODAY)
    assert [(p.code, p.sheet, p.row) for p in res.refusals] == [
        ("document-row-has-errors", "Đại biểu", 5)]
    assert len(os.listdir(tmp_path / "KH-2026-01" / "GM")) == 96      # 99 invited, 2 hosts, 1 refused


@pytest.mark.parametrize("seed", range(4))
def test_a_plan_with_nobody_invited_gets_no_empty_list(seed, tmp_path, capsys):
    """A plan whose delegates are not typed yet (made by carry-over, or typed before its list)
    printed "Thành phần mời dự:" with nothing under it, an empty signing list and delivery
    book. Those are refused, naming the plan and the sheet; validate warns; the plan's other
    documents are made. Registries from the corpus generator (tests/corpus), as the clerk runs
    the commands."""
    from corpus.registries import make_case
    from corpus.run import saved
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    plan = case.rows()["plans"][0]["plan_id"]
    reg = reader.read_registry(path)
    edit(path, [("invitees", "invited", i.row, "Không") for i in reg.invitees
                if i.plan_id == plan])
    out = tmp_path / "van-ban"
    cli.main(["generate", path, "--plan", plan, "--out", str(out), "--today",
              (case.meeting - dt.timedelta(days=10)).isoformat()])
    said = capsys.readouterr().out
    made = {os.path.basename(f).split("_")[0].split(".")[0]
            for f in glob.glob(str(out / "**" / "*.*"), recursive=True)}
    assert made and not made & {"KH", "GM", "DSDB", "SGN"}, made
    assert "TB" in made or "PDK" in made, (made, said)
    assert f"chưa có ai được mời ở trang Đại biểu: KH của {plan}" in said, said
    cli.main(["validate", path, "--today", (case.meeting - dt.timedelta(days=10)).isoformat()])
    said = capsys.readouterr().out
    assert f"Kế hoạch {plan} chưa có ai được mời ở trang Đại biểu" in said, said


def _build(tmp_path, slug="tu-minh"):
    wb = blank.build_workbook(**load(sample(slug)))
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(wb, path)
    return wb, path


def test_issue_numbers_and_never_overwrite_an_issued_document(tmp_path):
    wb, path = _build(tmp_path)
    out = str(tmp_path / "van-ban")
    reg = reader.read_registry(path)
    # What prepares the conference is issued before it (12/06/2026), the rest after it.
    first = generate.generate(reg, out, codes=["KH", "TB", "GM", "BCTH"], issue=True,
                              today=dt.date(2026, 6, 1))
    apply_changes.apply_to_openpyxl(wb, first.changes)
    atomic.save_atomic(wb, path)
    res = generate.generate(reader.read_registry(path), out, codes=["TBKL", "CVTL"],
                            issue=True, today=TODAY)
    rows = {r["file"]: r for r in res.register_rows}
    kh = rows["KH-2026-01/KH.docx"]
    assert (kh["number"], kh["number_symbol"], kh["status"]) == (118, "118/KH-UBND",
                                                                "Đã ban hành")
    tb, tbkl = rows["KH-2026-01/TB.docx"], rows["KH-2026-01/TBKL.docx"]
    assert (tb["number_symbol"], tbkl["number_symbol"]) == ("01/TB-UBND", "02/TB-UBND")
    assert rows["KH-2026-01/GM_tat-ca.docx"]["number_symbol"] == "01/GM-UBND"
    assert rows["KH-2026-01/BCTH.docx"]["number_symbol"] == "01/BC-UBND"
    cv = [r for r in res.register_rows if r["kind"] == "CVTL"]
    assert [r["number_symbol"] for r in cv][:2] == ["01/UBND-VP", "02/UBND-VP"]
    assert "Số: 01/TB-UBND" in _text(os.path.join(out, "KH-2026-01", "TB.docx"))
    assert "ngày 01 tháng 6 năm 2026" in _text(os.path.join(out, "KH-2026-01", "TB.docx"))
    assert "ngày 22 tháng 11 năm 2026" in _text(os.path.join(out, "KH-2026-01", "TBKL.docx"))
    # The plan typed with its own number keeps its own date, issued or not.
    assert "ngày 15 tháng 5 năm 2026" in _text(os.path.join(out, "KH-2026-01", "KH.docx"))
    # The register goes into Sổ văn bản; the issued replies' numbers to their opinion rows.
    apply_changes.apply_to_openpyxl(wb, res.changes)
    atomic.save_atomic(wb, path)
    reg2 = reader.read_registry(path)
    assert len(reg2.register) == len(res.register_rows)
    replied = {o.opinion_id: o.reply_number for o in reg2.opinions if o.reply_number}
    assert replied[cv[0]["opinion_id"]] == "01/UBND-VP"
    tb_path = os.path.join(out, "KH-2026-01", "TB.docx")
    before = open(tb_path, "rb").read()
    # Unchanged inputs: nothing issued is rewritten.
    again = generate.generate(reg2, out, codes=["TB", "TBKL"], today=TODAY + dt.timedelta(1))
    assert again.files == [] and len(again.unchanged) == 2
    # Changed inputs before the conference (12/06/2026): a new draft beside the issued file,
    # and the clerk is told which rows.
    ws = wb["Kế hoạch"]
    ws[cell_ref("plans", "venue", 2)] = "Hội trường UBND phường Tứ Minh"
    atomic.save_atomic(wb, path)
    after = generate.generate(reader.read_registry(path), out, codes=["TB"],
                               today=TODAY + dt.timedelta(2))
    # ... but not once it is over: TB prepared it and can no longer be issued.
    assert after.files == [] and "TB-UBND; đổi ở Kế hoạch dòng 2" in after.notices[0]
    third = generate.generate(reader.read_registry(path), out, codes=["TB"],
                               today=dt.date(2026, 6, 2))
    assert [os.path.basename(f) for f in third.files] == ["TB_v2.docx"]
    assert "Kế hoạch dòng 2" in third.notices[0] and "01/TB-UBND" in third.notices[0]
    assert open(tb_path, "rb").read() == before
    assert "Số:      /TB-UBND" in _text(third.files[0])
    # Issuing again numbers no revision and reuses no number.
    apply_changes.apply_to_openpyxl(wb, third.changes)
    atomic.save_atomic(wb, path)
    fourth = generate.generate(reader.read_registry(path), out, codes=["TB"], issue=True,
                                today=dt.date(2026, 6, 3))
    issued = [r["number_symbol"] for r in fourth.register_rows if r["status"] == "Đã ban hành"]
    assert len(issued) == len(set(issued)) and "01/TB-UBND" in issued
    assert [os.path.basename(f) for f in fourth.files] == ["TB_v2.docx"]   # a draft again


def test_a_document_issued_from_another_copy_is_not_written_over(tmp_path, capsys):
    """document-issued-elsewhere: the registry run again after a copy was numbered from it
    (tests/documents/test_issued_elsewhere.py, corpus registries, the planted fault there)."""
    from test_issued_elsewhere import test_an_issued_document_is_never_written_over_by_another_copy
    test_an_issued_document_is_never_written_over_by_another_copy(1, tmp_path, capsys)


def test_shared_numbering_runs_across_kinds(tmp_path):
    wb, path = _build(tmp_path)
    wb["Cấu hình"]["B16"] = "chung"
    assert wb["Cấu hình"]["A16"].value == "Đánh số văn bản"
    atomic.save_atomic(wb, path)
    res = generate.generate(reader.read_registry(path), str(tmp_path / "o"),
                             codes=["TB", "BCTH", "TBKL"], issue=True,
                             today=dt.date(2026, 6, 12))      # the conference's day
    assert sorted(r["number_symbol"] for r in res.register_rows) == [
        "01/TB-UBND", "02/BC-UBND", "03/TB-UBND"]


def test_no_two_documents_issued_by_a_party_plan_print_the_same_number(sample_copy, tmp_path):
    """A party plan's recommendation upward (CVKN) is printed as a báo cáo, "02-BC/ĐU": it takes
    its number from the reports' series. It was taken from the công văn series and printed
    "01-BC/ĐU", the number of the BC kết quả issued the same day. Every printed number of the
    run is distinct."""
    path = sample_copy("do-luong")                        # Đảng ủy, KH-2026-01 held 26/06/2026
    res = generate.generate(reader.read_registry(path), str(tmp_path / "o"),
                            plan_ids=["KH-2026-01"], codes=["BCKQ", "CVKN", "TBKL", "CVTL"],
                            issue=True, today=dt.date(2026, 7, 1))
    printed = [r["number_symbol"] for r in res.register_rows if r["status"] == "Đã ban hành"
               and r["date"] == dt.date(2026, 7, 1)]
    assert {"01-BC/ĐU", "02-BC/ĐU"} <= set(printed), printed
    assert len(printed) == len(set(printed)), printed


@pytest.mark.parametrize("stem,expected", [
    ("CON", "_CON.docx"), ("com1", "_com1.docx"), ("a/b\\c:d*e?", "a-b-c-d-e.docx"),
    ("../../etc/passwd", "etc-passwd.docx"), ("x" * 200, "x" * 80 + ".docx"),
    ("GM_003_Nguyen-Van-An", "GM_003_Nguyen-Van-An.docx")])
def test_safe_file_names(stem, expected):
    name = engine.safe_filename(stem)
    assert name == expected and "/" not in name and "\\" not in name and ".." not in name


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    compiled = engine.compile_template(os.path.join(ROOT, "workbook_templates", "PKS.docx"))
    xml = compiled.parts["word/document.xml"].decode()
    target = tmp_path / "PKS.docx"

    def boom(src, dst):
        assert os.path.exists(src)            # the temporary file was complete...
        raise OSError("đĩa đầy")              # ...and the rename failed
    monkeypatch.setattr("doithoai.files.atomic.os.replace", boom)
    with pytest.raises(OSError):
        engine.write_docx(compiled, xml, str(target))
    assert os.listdir(tmp_path) == []         # no temporary file, no half-written document
    monkeypatch.undo()
    engine.write_docx(compiled, xml, str(target))
    assert Document(str(target)).paragraphs   # the same bytes make a valid document


def test_committed_templates_match_the_builder(tmp_path):
    templates.build_all(str(tmp_path))
    for kind in KINDS:
        for party in (False, True):
            name = template_name(kind.code, party)
            fresh = templates.template_parts(str(tmp_path / name))
            committed = templates.template_parts(os.path.join(ROOT, "workbook_templates",
                                                                  name))
            assert fresh == committed, f"{name} is stale: python scripts/update_templates.py"


def test_every_template_uses_only_known_fields():
    for path in glob.glob(os.path.join(ROOT, "workbook_templates", "*.docx")):
        assert engine.compile_template(path).problems == [], path


def test_cli_generate(sample_paths, tmp_path, capsys):
    assert cli.main(["generate", sample_paths["tu-minh"], "--docs", "KH,TB", "--out",
                     str(tmp_path), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo 2 tệp văn bản" in out
    assert cli.main(["generate", sample_paths["tu-minh"], "--docs", "KH,XYZ"]) == 1
    assert "Không có loại văn bản XYZ" in capsys.readouterr().out
    # A reply whose answer is not written yet is waited for, not refused: one line, naming
    # each cell to fill.
    assert cli.main(["generate", sample_paths["tu-minh"], "--docs", "CVTL", "--out",
                     str(tmp_path)]) == 0
    assert re.search(r"Lưu ý: \d+ công văn trả lời \(KH-2026-01\) chờ ghi \"Nội dung trả "
                     r"lời\" ở trang Ý kiến: YK-\S+ \(ô N\d+\)", capsys.readouterr().out)


def test_cli_issue_writes_a_copy_never_the_registry(sample_copy, tmp_path, capsys):
    path = sample_copy("tu-minh")
    before = open(path, "rb").read()
    assert cli.main(["generate", path, "--docs", "TB", "--issue", "--out", str(tmp_path / "o"),
                     "--today", "2026-06-05"]) == 0
    assert open(path, "rb").read() == before
    copies = [f for f in os.listdir(os.path.dirname(path)) if "(cap so" in f]
    assert len(copies) == 1
    reg = reader.read_registry(os.path.join(os.path.dirname(path), copies[0]))
    assert [e.number_symbol for e in reg.register] == ["01/TB-UBND"]


@pytest.mark.parametrize("slug", ["tu-minh", "do-luong"])
def test_no_one_invites_themselves(generated, sample_registries, slug):
    """The chair and the signer get no invitation (Đô Lương's Bí thư Hoàng Văn Hiệp signed one
    to himself; Tứ Minh's Nguyễn Thị Sâm too), and stay on the signing list."""
    from doithoai.text.vntext import title_slug
    res, folder = generated[slug]
    reg = sample_registries[slug]
    plan = reg.plans[0]
    hosts = {n for n in (plan.chair_name, plan.signer_name) if n}
    assert hosts
    gm = os.listdir(os.path.join(folder, plan.plan_id, "GM"))
    signing = _text(os.path.join(folder, plan.plan_id, "DSDB.docx"))
    for host in hosts:
        assert not [n for n in gm if title_slug(host) in n], host
        assert host in signing, host


def test_an_invitee_whose_name_differs_from_the_chairs_by_a_tone_is_invited(sample_paths,
                                                                             tmp_path):
    """The chair does not invite themselves, but a name one tone away from the chair's
    ("Nguyển Thị Sâm" beside "Nguyễn Thị Sâm") is someone else, who still gets an invitation."""
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"

    def other_tone(text):
        d = unicodedata.normalize("NFD", text)
        k = next(k for k, ch in enumerate(d) if ch in tones)
        return unicodedata.normalize("NFC", d[:k] + tones[(tones.index(d[k]) + 1) % 5] +
                                     d[k + 1:])
    counts = []
    for rename in (False, True):
        reg = reader.read_registry(sample_paths["tu-minh"])
        plan = reg.plans[0]
        hosts = [n for n in (plan.chair_name, plan.signer_name) if n]
        guest = next(i for i in reg.invitees if i.plan_id == plan.plan_id and i.full_name
                     and i.full_name not in hosts and i.invited != "Không")
        if rename:
            guest.full_name = other_tone(plan.chair_name)
        folder = tmp_path / str(rename)
        generate.generate(reg, str(folder), codes=["GM"], today=TODAY)
        made = os.listdir(folder / plan.plan_id / "GM")
        counts.append(len(made))
    assert counts[0] == counts[1] > 0


@pytest.mark.parametrize("slug", ["tu-minh", "do-luong", "bac-thanh-mien", "quang-son",
                                  "trung-hoi"])
def test_the_result_report_figures_add_up(sample_registries, slug):
    """BC kết quả: at the meeting + in writing + in progress + sent up = raised; the overdue
    are a part of those in progress (Tứ Minh printed "đang giải quyết 10 (quá hạn 32)")."""
    from doithoai.documents.context import Builder, Context
    from doithoai.monitoring import chain
    from doithoai.rules import deadlines
    reg = sample_registries[slug]
    report = deadlines.compute(reg, TODAY)
    for plan in reg.plans:
        b = Builder(reg, plan, report, TODAY)
        ctx = Context()
        b.bckq(ctx)
        v = ctx.values
        parts = (v["so_tra_loi_tai_hoi_nghi"], v["so_da_tra_loi_van_ban"],
                 v["so_dang_giai_quyet"], v["so_cap_tren"])
        assert sum(parts) == v["so_y_kien"], (plan.plan_id, parts, v["so_y_kien"])
        assert 0 <= v["so_qua_han"] <= v["so_dang_giai_quyet"], plan.plan_id
        # the same definition as the minutes: at the meeting and sent up agree
        bb = Context()
        b.bb(bb)
        assert bb.values["so_tra_loi_tai_hoi_nghi"] == v["so_tra_loi_tai_hoi_nghi"]
        assert bb.values["so_cap_tren"] == v["so_cap_tren"]
        assert bb.values["so_giao_giai_quyet"] == v["so_da_tra_loi_van_ban"] + \
            v["so_dang_giai_quyet"]
        # and each opinion is in exactly one part
        raised = b.raised()
        assert sum(chain.outcomes(raised, b.chains())[k] for k in (
            chain.PART_MEETING, chain.PART_WRITING, chain.PART_PROGRESS, chain.PART_UPWARD)) == \
            len(raised)


def test_the_result_report_does_not_promise_on_time_beside_overdue_items(generated):
    res, folder = generated["tu-minh"]
    text = _text(os.path.join(folder, "KH-2026-01", "BCKQ.docx"))
    import re
    pending, overdue = map(int, re.search(r"đang giải quyết (\d+) \(quá hạn (\d+)\)",
                                          text).groups())
    assert 0 < overdue <= pending
    assert "trả lời đúng hạn" not in text and \
        f"còn {overdue} ý kiến chưa được trả lời dù đã quá hạn" in text


def test_a_party_document_goes_through_the_party_office(sample_registries):
    """Đô Lương's plan is the party committee's: its timetable, its delivery book and its
    chasing letters name Văn phòng Đảng ủy, and the Bí thư does not report to himself."""
    from doithoai.documents.context import Builder, Context
    from doithoai.rules import deadlines
    reg = sample_registries["do-luong"]
    plan = reg.plans[0]
    assert plan.is_party
    b = Builder(reg, plan, deadlines.compute(reg, TODAY), TODAY)
    kh, sgn, cvdd = Context(), Context(), Context()
    b.kh(kh)
    b.sgn(sgn)
    b.cvdd(cvdd, "Phòng Kinh tế")
    units = {r["don_vi"] for r in kh.values["tien_do"] + kh.values["phan_cong"]}
    carriers = {d["nguoi_giao"] for g in sgn.values["tuyen_giao"] for d in g["dai_bieu"]}
    assert "Văn phòng HĐND và UBND" not in units | carriers
    assert "Văn phòng Đảng ủy" in units and "Văn phòng Đảng ủy" in carriers
    assert not [r for r in cvdd.values["noi_nhan"] if "Thường trực Đảng ủy" in r]
    state = sample_registries["tu-minh"]
    sb = Builder(state, state.plans[0], deadlines.compute(state, TODAY), TODAY)
    sc = Context()
    sb.cvdd(sc, "Phòng Kinh tế")
    assert any("Thường trực Đảng ủy (để b/c)" in r for r in sc.values["noi_nhan"])


def _files(folder) -> dict[str, bytes]:
    return {p: open(p, "rb").read() for p in glob.glob(str(folder / "**" / "*.*"),
                                                         recursive=True)}


@pytest.mark.parametrize("seed", range(4))
def test_a_cancelled_plan_gets_no_document_of_its_conference(seed, tmp_path, capsys):
    """A conference called off after its notice and invitations were issued: Trạng thái
    "Đã hủy" typed on the plan. Generating again (every kind) makes none of the conference's
    documents, saying so once (not a failure: exit 0; a kind named with --docs is refused),
    naming sheet Kế hoạch, the row and the column Trạng thái;
    the issued files and the drafts are left byte for byte; only replies to the opinions
    citizens sent (CVTL) and reminders (CVDD) may be new. The control: the same registry not
    cancelled makes the conference's documents. Registries from the corpus generator, as
    the clerk runs the command."""
    import openpyxl
    from corpus.registries import make_case
    from corpus.run import saved
    from doithoai.registry import schema
    case = make_case(seed)
    out = tmp_path / "van-ban"
    before = case.meeting - dt.timedelta(days=12)
    cli.main(["generate", saved(case, str(tmp_path / "so.xlsx")), "--issue", "--out", str(out),
              "--today", before.isoformat()])
    said = capsys.readouterr().out
    copy = next(p for p in glob.glob(str(tmp_path / "*.xlsx")) if "cap so" in p)
    made = _files(out)
    assert made, said
    wb = openpyxl.load_workbook(copy)
    wb[schema.PLANS.name].cell(2, schema.PLANS.keys.index("status") + 1).value = "Đã hủy"
    os.makedirs(tmp_path / "huy")
    cancelled = str(tmp_path / "huy" / "so.xlsx")
    wb.save(cancelled)
    later = (before + dt.timedelta(days=3)).isoformat()
    # named by the clerk: refused (exit 1)
    asked = cli.main(["generate", cancelled, "--docs", "GM,TBKL", "--out", str(out), "--today",
                      later])
    refused = capsys.readouterr().out
    assert asked == 1 and "hội nghị không diễn ra" in refused, refused
    # every kind: said once, not a failure to fix (exit 0)
    code = cli.main(["generate", cancelled, "--out", str(out), "--today", later])
    said = capsys.readouterr().out
    others = [line for line in said.splitlines() if line.startswith("Chưa tạo")]
    assert code == (1 if others else 0), said          # another refusal (a reply) may remain
    refusal = [line for line in said.splitlines() if "hội nghị không diễn ra" in line]
    assert len(refusal) == 1 and refusal[0].startswith("Lưu ý: "), said
    status = chr(ord("A") + schema.PLANS.keys.index("status"))
    for words in ("Kế hoạch", f"ô {status}2", "dòng 2", "\"Trạng thái\"", "\"Đã hủy\"", "TB",
                  "GM", "TBKL", "BB"):
        assert words in refusal[0], (words, refusal[0])
    assert "Traceback" not in said
    now = _files(out)
    for path, data in made.items():
        assert now[path] == data, path                     # issued and drafts, as they were
    new = set(now) - set(made)
    assert all(os.sep + "CVTL" + os.sep in p or os.path.basename(p).startswith(("CVTL", "CVDD"))
               for p in new), new
    # the citizens who sent opinions are answered, without waiting for a conference
    replies = [p for p in new if os.path.basename(p).startswith("CVTL")]
    assert replies or "chờ ghi \"Nội dung trả lời\"" in said, (new, said)
    for p in replies:                  # each says the conference it was sent to never met
        text = _text(p)
        assert f"dự kiến tổ chức ngày {case.meeting:%d/%m/%Y} (hội nghị đã hủy, không tổ " \
               "chức)" in text, text[:600]
    # the control: the registry not cancelled gets its conference's documents
    cli.main(["generate", copy, "--out", str(tmp_path / "doi-chung"), "--today", later])
    said = capsys.readouterr().out
    control = {os.path.basename(p).split("_")[0].split(".")[0]
               for p in _files(tmp_path / "doi-chung")}
    assert {"PKS", "DSDB"} <= control, (control, said)
    assert "hội nghị không diễn ra" not in said


@pytest.mark.parametrize("seed", range(3))
def test_kinds_named_for_every_plan_are_no_refusal_for_a_cancelled_one(seed, tmp_path, capsys):
    """A registry with a conference held and a later one cancelled: `--docs` naming the held
    one's kinds, with no --plan, tells of the cancelled plan once as a note (a fresh-eyes
    trial read "1 chỗ cần sửa nên chưa tạo" and exit 1, with nothing to fix); `--plan` naming
    the cancelled plan with those kinds is refused (exit 1)."""
    from corpus.registries import make_case
    from corpus.run import later_plan
    from doithoai.files import atomic, blank
    case = make_case(seed)
    second, _ = later_plan(case.plan, 60)
    second["status"] = "Đã hủy"
    rows = case.rows()
    rows["plans"] = [case.plan, second]
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows=rows), path)
    today = (case.meeting + dt.timedelta(days=20)).isoformat()
    code = cli.main(["generate", path, "--docs", "BCKQ,TBKL", "--out", str(tmp_path / "a"),
                     "--today", today])
    said = capsys.readouterr().out
    told = [line for line in said.splitlines() if "hội nghị không diễn ra" in line]
    assert len(told) == 1 and told[0].startswith("Lưu ý: "), said
    assert second["plan_id"] in told[0]
    others = [line for line in said.splitlines() if line.startswith("Chưa tạo")]
    assert code == (1 if others else 0), said
    assert not any(second["plan_id"] in line for line in others), others
    assert _files(tmp_path / "a"), said                  # the held conference's documents
    code = cli.main(["generate", path, "--plan", second["plan_id"], "--docs", "BCKQ,TBKL",
                     "--out", str(tmp_path / "b"), "--today", today])
    said = capsys.readouterr().out
    assert code == 1 and "hội nghị không diễn ra" in said and \
        not any(line.startswith("Lưu ý: ") and "hội nghị không diễn ra" in line
                for line in said.splitlines()), said
