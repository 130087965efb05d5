"""The validate command's contract, the Kiểm tra sheet and the cell marks."""
import datetime as dt
import json
import os

from doithoai.files import apply_changes, atomic
from doithoai.registry import changes, schema
from doithoai import cli
from doithoai.files import blank, reader
from doithoai.rules import validation
from doithoai.samples import load, sample
from paths import ROOT



def test_json_contract_and_exit_code(sample_paths, capsys):
    code = cli.main(["validate", sample_paths["trung-hoi"], "--json", "--today", "2026-11-22"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert set(data) == {"issues", "counts"}
    # warnings: the weekday's day off, no conference in 2026, "Hoàn thành" with replies owed
    assert data["counts"] == {"error": 1, "warning": 3, "info": 1}
    for issue in data["issues"]:
        assert set(issue) == {"code", "severity", "sheet", "cell", "row", "column", "value",
                              "message", "hint"}
    wm = next(i for i in data["issues"] if i["code"] == "weekday-mismatch")
    assert wm == {"code": "weekday-mismatch", "severity": "error", "sheet": "Kế hoạch",
                  "cell": "K2", "row": 2, "column": "Thứ", "value": "Thứ 2",
                  "message": wm["message"], "hint": wm["hint"]}


def test_exit_codes(sample_paths, tmp_path, capsys):
    assert cli.main(["validate", sample_paths["tu-minh"], "--today", "2026-11-22"]) == 0
    assert "Không phát hiện lỗi nào" in capsys.readouterr().out
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert cli.main(["validate", str(bad)]) == 2
    assert "Không mở được" in capsys.readouterr().out


def test_human_output_is_grouped_by_sheet(sample_paths, capsys):
    cli.main(["validate", sample_paths["trung-hoi"], "--today", "2026-11-22"])
    out = capsys.readouterr().out
    assert out.startswith('Trang "Kế hoạch" (1 lỗi, 3 cảnh báo, 1 lưu ý)')
    assert "K2  Lỗi" in out and "→ Sửa cột Thứ" in out
    assert out.strip().endswith("Tổng cộng: 1 lỗi, 3 cảnh báo, 1 lưu ý.")


def test_catalogue_doc_is_generated():
    doc = open(os.path.join(ROOT, "docs", "catalogue.md"), encoding="utf-8").read()
    assert doc.strip() == validation.catalogue_markdown().strip(), \
        "docs/catalogue.md is stale: python -m doithoai catalogue > docs/catalogue.md"


def _built(tmp_path, slug):
    wb = blank.build_workbook(**load(sample(slug)))
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(wb, path)
    return wb, path


def test_kiem_tra_sheet_and_marks_then_cleared_once_fixed(tmp_path):
    wb, path = _built(tmp_path, "trung-hoi")
    reg = reader.read_registry(path)
    problems = validation.validate(reg, dt.date(2026, 11, 22))
    ch = validation.to_changes(reg, problems)
    body = next(b for b in ch.blocks if b.sheet == "Kiểm tra" and b.col == 0)
    assert body.height == len(problems) and body.row == 2
    first = body.values[[r[1] for r in body.values].index("weekday-mismatch")]
    assert first[0] == "Lỗi" and first[3] == '=HYPERLINK("#\'Kế hoạch\'!K2","K2")'
    assert [(m.sheet, m.cell, m.severity) for m in ch.marks] == [
        ("Kế hoạch", "K2", "error"), ("Kế hoạch", "J2", "warning"),
        ("Kế hoạch", "U2", "warning")]         # "Hoàn thành" with replies still owed
    assert ch.unmarks == []
    apply_changes.apply_to_openpyxl(wb, ch)
    atomic.save_atomic(wb, path)
    ws = wb["Kế hoạch"]
    assert ws["K2"].fill.fgColor.rgb.endswith("FFC7CE") and "Thứ 2" in ws["K2"].comment.text
    summary = next(b for b in ch.blocks if b.sheet == "Kiểm tra" and b.col > 0)
    assert summary.values[1] == ("Lỗi", None, 1)
    # The clerk fixes the weekday; the next run clears the mark it no longer needs.
    ws["K2"] = "Thứ Bảy"
    atomic.save_atomic(wb, path)
    reg2 = reader.read_registry(path)
    problems2 = validation.validate(reg2, dt.date(2026, 11, 22))
    ch2 = validation.to_changes(reg2, problems2)
    assert ("Kế hoạch", "K2") in ch2.unmarks
    assert [(m.sheet, m.cell) for m in ch2.marks] == [("Kế hoạch", "J2"), ("Kế hoạch", "U2")]
    body2 = next(b for b in ch2.blocks if b.sheet == "Kiểm tra" and b.col == 0)
    assert body2.height == len(problems)                 # old rows overwritten with blanks
    assert body2.values[-1] == (None,) * len(schema.CHECKS.columns)
    apply_changes.apply_to_openpyxl(wb, ch2)
    assert wb["Kế hoạch"]["K2"].comment is None
    assert wb["Kế hoạch"]["J2"].comment is not None


def test_a_clerks_own_note_is_never_removed(tmp_path):
    from openpyxl.comments import Comment
    wb, path = _built(tmp_path, "tu-minh")
    wb["Kế hoạch"]["N2"].comment = Comment("Ghi chú của chị Hiên", "Hiên")
    ch = changes.Changes(unmarks=[("Kế hoạch", "N2")])
    apply_changes.apply_to_openpyxl(wb, ch)
    assert wb["Kế hoạch"]["N2"].comment.text == "Ghi chú của chị Hiên"


def test_problems_block_document_rows(sample_registries):
    problems = validation.validate(sample_registries["trung-hoi"], dt.date(2026, 11, 22))
    assert validation.error_rows(problems) == {("Kế hoạch", 2)}
