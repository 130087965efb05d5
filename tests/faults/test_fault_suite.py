"""Every command on every damaged registry: exit 0, 1 or 2, never 3; no traceback; Vietnamese;
the registry never written in place; no temporary file; nothing written on a refusal; and a
refusal names the damaged sheet. The figures: python bench/fault_table.py."""
import os
import re

import pytest

import damage
from doithoai.files import reader
from doithoai.samples import sample
from doithoai.sharing import samplefiles

STRUCTURAL = {"sheet renamed", "header renamed", "log sheet deleted"}


@pytest.fixture(scope="module")
def healthy(sample_paths, tmp_path_factory):
    path = sample_paths[damage.SAMPLE]
    folder = str(tmp_path_factory.mktemp("returned"))
    reg = reader.read_registry(path)
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, folder, damage.RETURNED_ON)
                for c in samplefiles.sample_csvs(sample(damage.SAMPLE).folder)]
    return path, returned


@pytest.mark.parametrize("fault", list(damage.FAULTS))
def test_every_command_on_a_damaged_registry(healthy, tmp_path, fault):
    path, returned = healthy
    registry, sheet = damage.damaged(fault, path, str(tmp_path / "so"))
    before = damage.digest(registry)
    problems = {}
    codes = {}
    for name, (argv, out) in damage.commands(registry, returned, str(tmp_path / "out")).items():
        out_before = damage.files_under(out)
        code, output = damage.run_command(argv)
        codes[name] = code
        wrong = damage.verdict(code, output, sheet, before, registry, out, out_before)
        if wrong:
            problems[name] = (wrong, output[-400:])
    assert not problems, problems
    if fault in STRUCTURAL:          # refused by every command but due (no registry sheet used)
        refused = {n for n, c in codes.items() if c == 2}
        assert refused >= set(codes) - {"due --registry"}, codes


def test_two_merges_in_a_row_keep_every_log_row(healthy, tmp_path):
    """Merge into copy A, then A into copy B: B keeps both Nhật ký rows (it kept only the
    second), and a clerk's note below the log survives."""
    import openpyxl
    path, returned = healthy
    registry, _ = damage.damaged("clerk text below log", path, str(tmp_path))
    a, b = str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")
    assert damage.run_command(["intake", "merge", registry, returned[0], "--out", a])[0] == 0
    assert damage.run_command(["intake", "merge", a, *returned, "--out", b])[0] == 0
    ws = openpyxl.load_workbook(b)["Nhật ký"]
    actions = [r[2] for r in ws.iter_rows(min_row=2, values_only=True) if r[2]]
    assert actions.count("Nhận ý kiến từ MTTQ") == 2, actions
    notes = [c.value for row in ws.iter_rows() for c in row if c.value and "Ghi chú riêng" in
             str(c.value)]
    assert notes == ["Ghi chú riêng của cán bộ: không được mất"]


def test_a_hostile_documents_folder_stays_beside_the_registry(healthy, tmp_path):
    path, _ = healthy
    registry, _ = damage.damaged("folder ../../..", path, str(tmp_path / "a" / "b" / "so"))
    code, output = damage.run_command(["generate", registry, "--docs", "TB"])
    assert code in (0, 1), output
    made = damage.files_under(str(tmp_path))
    assert made and all(p.startswith(os.path.join("a", "b", "so")) for p in made), made


def test_a_plan_code_with_a_path_is_an_error_and_goes_nowhere(healthy, tmp_path):
    path, _ = healthy
    registry, _ = damage.damaged("code ../../x", path, str(tmp_path / "so"))
    code, output = damage.run_command(["validate", registry])
    assert code == 1 and "../../x" in output and "Mã chỉ gồm" in output
    out = tmp_path / "so" / "phieu"
    code, output = damage.run_command(["intake", "export", registry, "--plan", "../../x",
                                       "--out", str(out)])
    assert code in (0, 1), output
    assert all(not p.startswith("..") for p in damage.files_under(str(out)))
    assert not os.path.exists(tmp_path / "x") and not os.path.exists(tmp_path.parent / "x")


def test_dates_outside_the_calendar_are_located_in_milliseconds(healthy, tmp_path):
    import time
    path, _ = healthy
    for fault, cell in (("date 9999", "J2"), ("date 9999 as text", "J2"), ("date 2206", "J2"),
                        ("date 1899", "D3")):
        registry, _ = damage.damaged(fault, path, str(tmp_path / fault.replace(" ", "-")))
        start = time.perf_counter()
        code, output = damage.run_command(["validate", registry, "--today", "2026-11-29"])
        elapsed = time.perf_counter() - start
        assert code == 1 and "ngoài khoảng năm 2000-2100" in output, output
        assert cell in output and "00:00:00" not in output, output
        assert elapsed < 5, elapsed           # was 14 s and 760 MB, then a crash
        code, output = damage.run_command(["deadlines", registry, "--today", "2026-11-29"])
        assert code == 0, output
        assert not re.search(r"còn -?\d{4,} ngày", output), output   # was "còn 45932 ngày"
