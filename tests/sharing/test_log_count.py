"""The Nhật ký row a merge writes counts the people its copy of the registry names, the
citizens it has just taken in included (a fresh-eyes trial read "nêu tên 10 người" after a
merge, the count of the registry before it, while the copy named 17). Generated returned forms,
merged by the command; the count read from the copy's Nhật ký and the people counted on the
copy as saved."""
import datetime as dt
import random

import openpyxl
import pytest

from doithoai import cli
from doithoai.files import reader
from doithoai.registry import personal, schema
from doithoai.sharing import intake

PLAN, VILLAGE = "KH-2026-01", "TDP Cẩm Khê A"


def _form(reg, folder, rng) -> tuple[str, int]:
    """An exported form filled with new citizens (one without a name, set aside)."""
    made = intake.export(reg, PLAN, str(folder), villages=[VILLAGE],
                         today=dt.date(2026, 6, 1))[0].path
    wb = openpyxl.load_workbook(made)
    ws = wb[intake.DATA_SHEET]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == intake.CODE_HEADER)
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    n = rng.randint(2, 7)
    for i in range(n):
        name = (f"{rng.choice(['Ông', 'Bà'])} {rng.choice(['Lương', 'Khổng', 'Âu'])} "
                f"{rng.choice(['Văn', 'Thị', 'Đình'])} {chr(65 + i)}{rng.randint(10, 99)}")
        ws.cell(row=head + 1 + i, column=cols["Người nêu"]).value = name if i else None
        ws.cell(row=head + 1 + i, column=cols["Nội dung"]).value = f"Đề nghị số {i} của tổ."
    wb.save(made)
    return made, n


def _logged(path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(wb[schema.LOG.name].iter_rows(values_only=True))
    finally:
        wb.close()
    col = rows[0].index("Số người nêu tên")
    return next(r[col] for r in reversed(rows) if r[col] is not None)


@pytest.mark.parametrize("seed", range(4))
def test_the_log_of_a_merge_counts_the_people_of_its_copy(sample_copy, tmp_path, seed, capsys):
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    made, n = _form(reader.read_registry(path), tmp_path / "phieu", rng)
    copy = str(tmp_path / "sau-khi-nhan.xlsx")
    assert cli.main(["intake", "merge", path, made, "--out", copy]) == 0, capsys.readouterr()
    before, after = reader.read_registry(path), reader.read_registry(copy)
    assert len(personal.people(after)) == len(personal.people(before)) + n - 1 > 0
    assert _logged(copy) == len(personal.people(after))


def test_the_check_fails_when_the_log_counts_the_registry_before(sample_copy, tmp_path,
                                                                capsys, monkeypatch):
    """Planted fault: the count taken from the registry as it was before the merge."""
    honest = personal.copy_release
    monkeypatch.setattr(personal, "copy_release",
                        lambda reg, encrypted, why, changes: honest(reg, encrypted, why, None))
    path = sample_copy("tu-minh")
    made, n = _form(reader.read_registry(path), tmp_path / "phieu", random.Random(0))
    copy = str(tmp_path / "sau-khi-nhan.xlsx")
    assert cli.main(["intake", "merge", path, made, "--out", copy]) == 0, capsys.readouterr()
    assert _logged(copy) != len(personal.people(reader.read_registry(copy)))
