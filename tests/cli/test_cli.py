"""The doithoai command, as a clerk or CI runs it."""
import argparse
import json
import os
import re
import subprocess
import sys

import openpyxl
import pytest

from doithoai import cli
from doithoai.registry import schema
from doithoai.rules import agencies

SUBCOMMANDS = ["demo", "init", "summary"]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "doithoai", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def test_demo_writes_one_registry_per_commune(tmp_path):
    res = run("demo", "--out", str(tmp_path / "demo"))
    assert res.returncode == 0, res.stdout + res.stderr
    folders = sorted(os.listdir(tmp_path / "demo"))
    assert folders == ["bac-thanh-mien", "do-luong", "quang-son", "trung-hoi", "tu-minh"]
    for f in folders:
        files = os.listdir(tmp_path / "demo" / f)
        assert [x for x in files if x.endswith(".xlsx")] == [f"so-doi-thoai-{f}.xlsx"]
    assert "[5/5] Đô Lương" in res.stdout
    assert "Hoàn tất 5 đơn vị" in res.stdout
    assert res.stderr == ""
    # the clerk reads severities and messages, not the catalogue's code names
    assert "no-conference-in-year" not in res.stdout and "Cảnh báo (Kế hoạch)" in res.stdout
    from doithoai.registry.problems import catalogue
    from doithoai.rules import validation  # noqa: F401  (registers every code)
    assert not [t.code for t in catalogue() if f" {t.code} " in res.stdout
                or f"- {t.code}" in res.stdout]


def test_demo_writes_milestones_and_reply_deadlines(tmp_path):
    from doithoai.files import reader
    res = run("demo", "--out", str(tmp_path), "--today", "2026-11-22")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Tính hạn: 49 mốc" in res.stdout
    reg = reader.read_registry(tmp_path / "tu-minh" / "so-doi-thoai-tu-minh.xlsx")
    # 3 opinions sent up: no deadline; KET_LUAN_GIA_HAN ships off (Sử dụng = Không)
    assert len(reg.milestones) == 49
    assert all(m.due and m.status and m.basis for m in reg.milestones)
    assert sum(1 for o in reg.opinions if o.reply_due) == 19
    assert reg.problems == []
    # Every document of the samples, under van-ban/; Trung Hội's plan row is refused (its
    # deliberate weekday typo), and no PDF line is printed for it.
    assert os.path.exists(tmp_path / "tu-minh" / "van-ban" / "KH-2026-01" / "KH.docx")
    assert not os.path.exists(tmp_path / "trung-hoi" / "van-ban" / "KH-2025-01")
    assert "Kế hoạch dòng 2 còn lỗi kiểm tra" in res.stdout
    trung_hoi = res.stdout.split("[3/5]")[1].split("[4/5]")[0]
    assert "PDF:" not in trung_hoi


def test_demo_defaults_to_a_demo_folder(tmp_path):
    res = run("demo", cwd=tmp_path)
    assert res.returncode == 0
    assert (tmp_path / "demo" / "tu-minh" / "so-doi-thoai-tu-minh.xlsx").exists()


def test_summary_json(sample_paths, capsys):
    assert cli.main(["summary", "--json", sample_paths["tu-minh"]]) == 0
    data = json.loads(capsys.readouterr().out)
    # Counted as the documents count them: Tứ Minh's 36 rows hold 4 repeats (Trùng với).
    assert data["plans"] == 1 and data["invitees"] == 104 and data["opinions"] == 32
    assert (data["opinion_rows"], data["repeats"]) == (36, 4)
    assert sum(data["opinions_by_status"].values()) == 36
    assert sum(data["opinions_by_field"].values()) == 32
    assert data["per_plan"][0] == {"plan": "KH-2026-01", "meeting_date": "2026-06-12",
                                   "status": "Đã kết luận", "cancelled": False,
                                   "invitees": 104, "invited": 99, "opinions": 32}


def test_summary_text_is_vietnamese(sample_paths, capsys):
    assert cli.main(["summary", sample_paths["trung-hoi"]]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị: Xã Trung Hội" in out and "Ý kiến theo lĩnh vực (ý kiến trùng tính một lần):" in out


def test_init_and_refusal(tmp_path, capsys):
    path = str(tmp_path / "so.xlsx")
    assert cli.main(["init", path]) == 0
    assert os.path.exists(path)
    before = open(path, "rb").read()
    assert cli.main(["init", path]) == cli.EXIT_REFUSED
    assert "đã có" in capsys.readouterr().out
    assert open(path, "rb").read() == before


@pytest.mark.parametrize("seed, unit", list(enumerate(("xã", "phường", "đặc khu"))))
def test_init_for_a_unit_writes_its_own_words(tmp_path, capsys, seed, unit):
    """`init --unit-type`: the saved Cấu hình says the unit's kind and no agency of its Danh
    mục says "xã" unless it is a xã; a registry made without it and set to phường later is
    warned, naming each such agency's cell, and one made with it is not."""
    path = str(tmp_path / f"so-{seed}.xlsx")
    assert cli.main(["init", path, "--unit-type", unit]) == 0
    wb = openpyxl.load_workbook(path)
    settings = {r[0]: r[1] for r in wb["Cấu hình"].iter_rows(min_row=2, values_only=True)}
    assert settings["Loại đơn vị"] == unit
    lists = wb["Danh mục"]
    col = next(c.column for c in lists[1] if c.value == "Cơ quan trả lời")
    names = [r[0] for r in lists.iter_rows(min_row=2, min_col=col, max_col=col,
                                           values_only=True) if r[0]]
    assert len(names) == len(schema.lookup("Cơ quan trả lời").values)
    said_xa = [n for n in names if re.search(r"(?<!\w)xã$", n)]
    assert bool(said_xa) == (unit == "xã"), names
    ward = {v: k for k, v in agencies.WARD_OFFICES.items()} if unit == "phường" else {}
    assert [ward.get(n, n.replace(unit, "xã") if n.endswith(unit) else n) for n in names] == \
        list(schema.lookup("Cơ quan trả lời").values)
    # a ward's economic office by the name it has (the trial's clerk typed it by hand)
    assert ("Phòng Kinh tế, Hạ tầng và Đô thị" in names) == (unit == "phường"), names
    capsys.readouterr()
    cli.main(["validate", path])
    assert "unit-word-agency" not in capsys.readouterr().out
    plain = str(tmp_path / f"plain-{seed}.xlsx")
    cli.main(["init", plain])
    wb = openpyxl.load_workbook(plain)
    row = next(c.row for c in wb["Cấu hình"]["A"] if c.value == "Loại đơn vị")
    wb["Cấu hình"].cell(row=row, column=2, value=unit)
    wb.save(plain)
    capsys.readouterr()
    cli.main(["validate", plain])
    warned = [x for x in capsys.readouterr().out.splitlines() if "unit-word-agency" in x]
    letter = openpyxl.utils.get_column_letter(col)
    expected = [f"{letter}{r}" for r, n in enumerate(
        schema.lookup("Cơ quan trả lời").values, start=2) if n.endswith(" xã")]
    assert [x.split()[0] for x in warned] == ([] if unit == "xã" else expected), warned
    for x in warned:
        assert f"đơn vị là {unit}" in x


def test_unreadable_file_exits_2_with_a_message(tmp_path, capsys):
    bad = tmp_path / "x.xlsx"
    bad.write_text("rác")
    assert cli.main(["summary", str(bad)]) == cli.EXIT_UNREADABLE
    out = capsys.readouterr().out
    assert "Không mở được" in out and "Traceback" not in out


def test_unexpected_errors_never_show_a_traceback(monkeypatch, capsys, tmp_path):
    from doithoai.cli import registry_commands
    monkeypatch.setattr(registry_commands, "cmd_summary", lambda args: 1 / 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    parser_main = cli.main
    # Rebuild the parser so it picks the patched function.
    assert parser_main(["summary", "x.xlsx"]) == cli.EXIT_CRASH
    out = capsys.readouterr().out
    assert "lỗi không mong đợi" in out and "Traceback" not in out
    assert "ZeroDivisionError" in open(tmp_path / "doithoai" / "loi.log", encoding="utf-8").read()


@pytest.mark.parametrize("sub", [None] + SUBCOMMANDS)
def test_help_everywhere(sub):
    res = run(*([sub] if sub else []), "--help")
    assert res.returncode == 0
    assert "cách dùng: doithoai" in res.stdout and "tùy chọn:" in res.stdout
    for english in ("usage:", "options:", "positional arguments", "show this help",
                    "show program's"):
        assert english not in res.stdout, english


def _every_command():
    from doithoai.cli import build_parser, reference
    return [(name, sub) for name, sub in reference.parsers(build_parser())]


@pytest.mark.parametrize("name, sub", _every_command(), ids=lambda x: x if isinstance(x, str)
                         else "")
def test_every_command_helps_in_vietnamese_naming_each_option(name, sub, capsys):
    """Every command and action (`intake export` too), not three: `--help` exits 0, in
    Vietnamese, and names each of the command's options."""
    with pytest.raises(SystemExit) as done:
        cli.main(name.split() + ["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert f"cách dùng: doithoai {name}" in out and "tùy chọn:" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out, english
    options = [o for a in sub._actions if a.help != argparse.SUPPRESS
               for o in a.option_strings if o not in ("-h", "--help")]
    missing = [o for o in options if o not in out]
    assert not missing, missing


@pytest.mark.parametrize("argv", [[], ["generat"], ["intake"], ["due", "2026-01-01"],
                                  ["due", "abc", "3"], ["due", "2026-01-01", "x"],
                                  ["validate"], ["summary", "a", "b"], ["--nope"],
                                  ["due", "9999-01-01", "3"]])
def test_a_mistyped_command_is_refused_in_vietnamese(argv):
    res = run(*argv)
    assert res.returncode == 1, res
    text = res.stdout + res.stderr
    assert "cách dùng: doithoai" in text and "Xem hướng dẫn: doithoai" in text
    for english in ("usage:", "error:", "required", "invalid choice", "unrecognized",
                    "Traceback", "expected"):
        assert english not in text, (english, text)


@pytest.mark.parametrize("typed", ["KH-2026-01 ", " kh-2026-01", "Kh-2026-01\u00a0"])
def test_a_plan_id_is_read_at_the_command_line_as_in_the_registry(sample_copy, tmp_path, capsys,
                                                                   typed):
    """Spaces around a Mã KH, its case: tolerated in the sheet, so at the command line too
    (generate and intake export); the files use the registry's own spelling."""
    path = sample_copy("quang-son")
    assert cli.main(["generate", path, "--plan", typed, "--docs", "KH", "--out",
                     str(tmp_path / "vb"), "--today", "2026-05-04"]) == 0
    assert (tmp_path / "vb" / "KH-2026-01" / "KH.docx").exists()
    assert cli.main(["intake", "export", path, "--plan", typed, "--out",
                     str(tmp_path / "mttq"), "--today", "2026-04-01"]) == 0
    assert "Sổ không có kế hoạch" not in capsys.readouterr().out


def test_overdue_with_nothing_overdue_says_so(sample_copy, tmp_path, capsys):
    path = sample_copy("quang-son")
    assert cli.main(["overdue", path, "--out", str(tmp_path), "--today", "2026-05-01"]) == 0
    assert "Lưu ý: Không cơ quan nào còn nợ trả lời hay giải quyết quá hạn tính đến ngày " \
           "01/05/2026" in capsys.readouterr().out
