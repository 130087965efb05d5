"""Issue 25, items 7 and 8: words a clerk can trust, and an --out that cannot be written.

What the command line prints is checked as the clerk reads it: no "còn -22", a basis and a
"dự kiến" mark on every date that needs them, one line per cause naming every row, no button to
press and no red cell to look for; and every command with --out (or a path to write) refuses a
folder it cannot write into with exit 1, naming it, leaving nothing behind.
"""
import datetime as dt
import json
import os
import re
import shutil
import sys

import pytest

import jsonbook
import xlsx_edit
from doithoai import buttons, cli
from doithoai.documents import generate
from doithoai.files import reader

TODAY = dt.date(2026, 11, 22)
BUTTON_WORDS = re.compile(r"[Bb]ấm |tô đỏ|được tô|\bnút ")


def _run(capsys, *argv):
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def in_2027(sample_copy):
    """Tứ Minh's registry with its conference moved to Friday 05/03/2027, a year whose
    holidays are not yet official."""
    path = sample_copy("tu-minh")
    xlsx_edit.edit(path, [("plans", "meeting_date", 2, "05/03/2027"),
                          ("plans", "issue_date", 2, "01/02/2027")])
    return path


@pytest.fixture
def with_row_errors(sample_copy):
    """Tứ Minh's registry with two opinions whose Ngày nhận cannot be read (rows 2 and 6: two
    opinions its own units answer in writing)."""
    path = sample_copy("tu-minh")
    cells = [("opinions", "received_date", 2, "31/02/2026"),
             ("opinions", "received_date", 6, "32/05/2026")]
    xlsx_edit.edit(path, cells, as_text={c[:3] for c in cells})
    return path


# --- item 7: deadlines ------------------------------------------------------------------------

def _milestone_lines(text):
    """(milestone line, the line under it) for each milestone the text output lists."""
    lines = text.splitlines()
    return [(line, lines[i + 1] if i + 1 < len(lines) else "")
            for i, line in enumerate(lines) if re.match(r"  \d\d/\d\d/\d{4}", line)]


@pytest.mark.parametrize("today", ["2027-03-12", "2027-06-30"])
def test_deadlines_say_how_late_the_basis_and_what_is_provisional(in_2027, capsys, today):
    code, text = _run(capsys, "deadlines", in_2027, "--today", today)
    assert code == 0
    code, raw = _run(capsys, "deadlines", in_2027, "--today", today, "--json")
    milestones = json.loads(raw)["milestones"]
    listed = _milestone_lines(text)
    assert len(listed) == len(milestones) > 0
    assert "còn -" not in text
    for (line, below), m in zip(listed, milestones):
        late = m["remaining_working_days"]
        if m["status"] == "Quá hạn" and late is not None and late < 0:
            assert f"Quá hạn {-late} ngày làm việc" in line, line
        elif late is not None and late > 0:
            assert f"còn {late} ngày làm việc" in line, line
        assert below.strip() == f"Căn cứ: {m['basis']}"          # the rule's legal basis
        provisional = "dự kiến" in m["basis"]
        assert ("(dự kiến)" in line.split("  ")[1]) == provisional, line
    assert any("(dự kiến)" in line for line, _ in listed)
    assert any(ln.startswith("Ngày ghi (dự kiến): tính theo lịch nghỉ chưa được công bố")
               for ln in text.splitlines())                  # what the mark means, said once


def test_a_confirmed_year_carries_no_provisional_mark(sample_paths, capsys):
    code, text = _run(capsys, "deadlines", sample_paths["tu-minh"], "--today", "2026-06-20")
    listed = _milestone_lines(text)
    confirmed = [line for line, below in listed if "dự kiến" not in below]
    assert confirmed and not any("(dự kiến)" in line for line in confirmed)
    assert "còn -" not in text and not any(ln.startswith("Ngày ghi (dự kiến)")
                                           for ln in text.splitlines())


# --- item 7: generate's refusals ----------------------------------------------------------------

def _refusal_lines(text):
    return [ln for ln in text.splitlines() if ln.startswith("Chưa tạo")]


def test_generate_says_each_cause_once_naming_every_row(with_row_errors, tmp_path, capsys):
    code, text = _run(capsys, "generate", with_row_errors, "--docs", "CVTL", "--out",
                      str(tmp_path / "vb"), "--today", "2026-11-22")
    assert code == 1
    refused = generate.generate(reader.read_registry(with_row_errors), str(tmp_path / "api"),
                                codes=["CVTL"], today=TODAY).refusals
    causes = {(p.code, p.sheet, p.column) for p in refused}
    lines = _refusal_lines(text)
    assert len(refused) >= len(causes) and len(lines) == len(causes)    # one line per cause
    for p in refused:                   # every refused opinion named with its row or its cell
        opinion = re.search(r"YK-\d{4}-\d{3}", p.message).group(0)
        line = next(ln for ln in lines if opinion in ln)
        assert (f"ô {p.cell}" if p.code == "document-missing-value" else f"dòng {p.row}") in line
    # Replies whose answer is not written yet wait, in one notice naming each cell (no
    # refusal: nothing is wrong with their rows).
    waiting = re.search(r"Lưu ý: (\d+) công văn trả lời \(KH-2026-01\) chờ ghi \"Nội dung trả "
                        r"lời\" ở trang Ý kiến: (.*)", text)
    assert waiting and int(waiting.group(1)) == len(re.findall(r"\(ô N\d+\)",
                                                                waiting.group(2)))


def test_documents_waiting_for_the_meeting_are_one_notice(sample_paths, tmp_path, capsys):
    code, text = _run(capsys, "generate", sample_paths["do-luong"], "--plan", "KH-2026-02",
                      "--docs", "CVKN,TBCD", "--out", str(tmp_path), "--today", "2026-12-10")
    notices = [ln for ln in text.splitlines() if "chưa diễn ra" in ln]
    assert len(notices) == 1, text
    assert "Công văn kiến nghị cấp trên" in notices[0] and \
        "Thông báo cho người nêu ý kiến" in notices[0]


def test_the_command_line_points_to_validate_and_the_cells(with_row_errors, tmp_path, capsys):
    code, text = _run(capsys, "generate", with_row_errors, "--docs", "CVTL", "--out",
                      str(tmp_path / "vb"), "--today", "2026-11-22")
    assert not BUTTON_WORDS.search(text), text
    line = next(ln for ln in _refusal_lines(text) if "lỗi kiểm tra" in ln)
    assert "doithoai validate" in line and "ô D2" in line and "ô D6" in line
    code, checked = _run(capsys, "validate", with_row_errors, "--today", "2026-11-22")
    assert "D2" in checked and "D6" in checked          # where validate shows what is wrong


def test_the_button_keeps_the_ribbons_words(with_row_errors, shells):
    book = jsonbook.book(with_row_errors, name=with_row_errors, sheet="Kế hoạch",
                         selection="C2")
    message = buttons.doc_replies(book, today=TODAY)
    lines = [ln for ln in message.splitlines() if ln.startswith("Chưa tạo")]
    assert len(lines) == 1                      # one cause (rows with errors), one line
    assert "Bấm Kiểm tra dữ liệu" in message and "doithoai validate" not in message
    assert "YK-2026-001 (dòng 2)" in message and "YK-2026-005 (dòng 6)" in message


def test_no_message_the_command_line_prints_asks_for_a_button(sample_copy, tmp_path, capsys):
    """The file shells' and the catalogue's texts, reached from the command line."""
    import openpyxl
    damaged = sample_copy("quang-son")
    wb = openpyxl.load_workbook(damaged)
    wb["Mốc thời gian"].title = "Moc"                   # a sheet renamed: sheet-missing
    wb.save(damaged)
    not_intake = str(tmp_path / "khac.xlsx")
    openpyxl.Workbook().save(not_intake)               # a workbook with no opinion table
    outputs = [_run(capsys, "validate", damaged)[1],
               _run(capsys, "summary", damaged)[1],
               _run(capsys, "intake", "merge", sample_copy("tu-minh"), not_intake,
                    "--out", str(tmp_path / "moi.xlsx"))[1]]
    for text in outputs:
        assert not BUTTON_WORDS.search(text), text
    assert "doithoai init" in outputs[0] and "doithoai intake export" in outputs[2]
    from doithoai.registry.problems import CLI, catalogue, make, speaking_to
    from doithoai.rules import validation  # noqa: F401  (registers every code)
    with speaking_to(CLI):                              # and the catalogue, said at a terminal
        for t in catalogue():
            p = make(t.code, "Ý kiến", row=2, col=1, column="Nội dung")
            assert not BUTTON_WORDS.search(p.message + " " + p.hint), t.code


# --- item 8: --out that cannot be written -------------------------------------------------------

UNWRITABLE = "/proc"            # exists, and nothing can be made in it, even by root


def _commands(reg, tmp_path):
    bad = os.path.join(UNWRITABLE, "doithoai-x")
    returned = str(tmp_path / "tra-ve.xlsx")
    shutil.copy(reg, returned)
    return {
        "generate": ["generate", reg, "--docs", "KH", "--out", bad],
        "overdue": ["overdue", reg, "--out", bad],
        "intake export": ["intake", "export", reg, "--plan", "KH-2026-01", "--out", bad],
        "intake merge": ["intake", "merge", reg, returned, "--out", bad + ".xlsx"],
        "monitor": ["monitor", reg, "--out", bad + ".xlsx"],
        "carry-over": ["carry-over", reg, "--plan", "KH-2026-01", "--link", "--out",
                       bad + ".xlsx"],
        "rollup": ["rollup", reg, "--out", bad + ".xlsx"],
        "build-addin": ["build-addin", "--out", bad],
        "bundle": ["bundle", "--out", bad],
        "demo": ["demo", "--out", bad],
        "init": ["init", bad + ".xlsx"],
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_every_out_that_cannot_be_written_exits_1_naming_the_folder(sample_copy, tmp_path,
                                                                    capsys):
    reg = sample_copy("tu-minh")
    for name, argv in _commands(reg, tmp_path).items():
        code, text = _run(capsys, *argv)
        if name == "rollup" and "DuckDB" in text:
            continue                    # the province extra is not installed here
        assert code == 1, (name, text)
        assert f"\"{UNWRITABLE}\"" in text and "Có lỗi không mong đợi" not in text, (name, text)


def test_a_refused_command_leaves_no_folder_behind(sample_copy, tmp_path, capsys):
    reg = sample_copy("tu-minh")
    out = tmp_path / "phieu"
    code, text = _run(capsys, "intake", "export", reg, "--plan", "KH-2026-01", "--village",
                      "Thôn Không Có", "--out", str(out))
    assert code == 1 and "Thôn Không Có" in text
    assert not out.exists()
    code, text = _run(capsys, "generate", reg, "--plan", "KH-2099-01", "--out",
                      str(tmp_path / "vb"))
    assert code == 1 and not (tmp_path / "vb").exists()


def test_a_mistyped_folder_is_named_not_made(tmp_path, capsys):
    target = tmp_path / "khong-co" / "con" / "so.xlsx"
    code, text = _run(capsys, "init", str(target))
    assert code == 1 and f"\"{target.parent}\" không có" in text
    assert not (tmp_path / "khong-co").exists()
    code, text = _run(capsys, "init", str(tmp_path))
    assert code == 1 and "là một thư mục" in text
    code, text = _run(capsys, "init", str(tmp_path / "so"))
    assert code == 0 and (tmp_path / "so.xlsx").exists()
    code, text = _run(capsys, "demo", "--out", str(tmp_path / "a" / "b"))
    assert code == 1 and f"\"{tmp_path / 'a'}\" không có" in text
    assert not (tmp_path / "a").exists()


def test_a_folder_typed_with_its_slash_is_never_taken_for_a_file_name(sample_copy, tmp_path,
                                                                      capsys):
    """`monitor --out theo-doi/` wrote "theo-doi.xlsx" when the folder did not exist: a path
    ending with a separator is a folder, for every command that writes one file: made inside
    a folder that exists, as any --out DIR (a re-trial found it refused, against README's
    rule), the file written inside it; refused and named when its parent is missing too."""
    reg = sample_copy("tu-minh")
    returned = str(tmp_path / "tra-ve.xlsx")
    shutil.copy(reg, returned)
    for n, argv in enumerate((["monitor", reg], ["intake", "merge", reg, returned],
                              ["carry-over", reg, "--plan", "KH-2026-01", "--link"],
                              ["deadlines", reg, "--write"],
                              ["privacy", reg, "--forget-contacts", "--today", "2030-01-01"])):
        deep = tmp_path / "chua-co" / "ben-trong"
        code, text = _run(capsys, *argv, "--out", str(deep) + os.sep)
        assert code == 1 and f"\"{deep.parent}\" không có" in text, (argv, text)
        assert not any(p.name.startswith("chua-co") for p in tmp_path.iterdir()), argv
        made = tmp_path / f"moi-{n}"
        code, text = _run(capsys, *argv, "--out", str(made) + os.sep)
        written = made.is_dir() and len(os.listdir(made)) == 1 and "không có\"" not in text
        assert code in (0, 1, 2) and (written or (not made.exists() and "không ghi" in text)), \
            (argv, text)             # nothing to write (no contact due): the folder not kept
    code, text = _run(capsys, "init", str(tmp_path / "moi") + os.sep)
    assert code == 0 and [p.suffix for p in (tmp_path / "moi").iterdir()] == [".xlsx"], text
    code, text = _run(capsys, "init", str(tmp_path / "khong" / "moi") + os.sep)
    assert code == 1 and f"\"{tmp_path / 'khong'}\" không có" in text
    (tmp_path / "co").mkdir()
    code, text = _run(capsys, "monitor", reg, "--out", str(tmp_path / "co") + os.sep)
    assert code == 0 and len(os.listdir(tmp_path / "co")) == 1, text     # inside it


def test_a_score_or_a_plan_out_of_reach_is_refused(sample_copy, tmp_path, capsys):
    """A re-trial: `duplicates --threshold 150` printed nothing found, `intake merge --plan
    KH-2099-01` went on as if the plan were there. Each is refused, saying why."""
    reg = sample_copy("tu-minh")
    for bad in ("150", "-1", "tám mươi"):
        with pytest.raises(SystemExit) as stop:
            cli.main(["duplicates", reg, "--threshold", bad])
        assert stop.value.code == 1 and "--threshold" in capsys.readouterr().err
    returned = str(tmp_path / "tra-ve.xlsx")
    shutil.copy(reg, returned)
    code, text = _run(capsys, "intake", "merge", reg, returned, "--plan", "KH-2099-01")
    assert code == 1 and "Sổ không có kế hoạch KH-2099-01. Có: KH-2026-01" in text, text
