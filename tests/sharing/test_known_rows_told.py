"""A row of the Front's file that the registry already holds by its words is named, not only
counted.

A ward's trial: a returned row by the same person with the same words as an opinion already in
the registry (from another file) was counted "1 đã có" and nothing said which opinion it was.
The same generated forms as test_undated_rows (corpus registries, forms exported through the
command, rows filled as a village board would), one more row copying a registry opinion of the
plan; read from the lines `intake merge` prints. A file merged again says nothing of the rows
it added before (known by their codes: the clerk expects it).
"""
from __future__ import annotations

import datetime as dt

import pytest

from test_remerge import _write_rows
from test_undated_rows import _cli, _form

HEADING = "Dòng không thêm vì sổ đã có ý kiến này"


def _with_a_known_row(seed: int, tmp_path):
    path, case, file, made, rows = _form(seed, tmp_path)
    plan = case.plan["plan_id"]
    known = next(o for o in case.opinions if o["plan_id"] == plan and o["raised_by"]
                 and o["content"])
    rows = [dict(r, **{"Ngày nhận": r["Ngày nhận"] or made}) for r in rows] + [
        {"Nguồn": "Phiếu hỏi", "Người nêu": known["raised_by"], "Nội dung": known["content"],
         "Lĩnh vực": rows[0]["Lĩnh vực"], "Ngày nhận": made}]
    _write_rows(file, rows)
    return path, case, file, rows, known


@pytest.mark.parametrize("seed", range(4))
def test_a_row_the_registry_holds_by_its_words_is_named(seed, tmp_path):
    path, case, file, rows, known = _with_a_known_row(seed, tmp_path)
    today = (case.meeting - dt.timedelta(days=1)).isoformat()
    code, said = _cli(["intake", "merge", path, file, "--out", str(tmp_path / "moi.xlsx"),
                       "--today", today])
    assert code == 0, said
    assert f"= {len(rows) - 1} thêm mới" in said and "+ 1 đã có" in said, said
    told = said[said.index(HEADING):].splitlines()[1:] if HEADING in said else []
    told = [line for line in told if line.startswith("  - ")]
    assert len(told) == 1 and f"dòng {len(rows) + _first_row(file) - 1}" in told[0] \
        and known["opinion_id"] in told[0], said
    # merged again into the new copy: the rows added are known by their codes, unnamed; the
    # one known by its words is named again, as it still was not added
    code, again = _cli(["intake", "merge", str(tmp_path / "moi.xlsx"), file, "--today", today])
    assert "= 0 thêm mới" in again and f"+ {len(rows)} đã có" in again, again
    assert [x for x in again.splitlines() if x.startswith("  - ")] == told, again


def _first_row(file: str) -> int:
    """The sheet row of the file's first data row."""
    import openpyxl
    ws = openpyxl.load_workbook(file)["Ý kiến"]
    return next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu") + 1


def test_the_property_fails_when_the_row_is_only_counted(tmp_path, monkeypatch):
    """Planted: the row found by its words carries no note (the merge before)."""
    from doithoai.sharing import merge
    real = merge._Known.earlier

    def silent(self, ref, key):
        found = real(self, ref, key)
        return found._replace(note="") if found else found
    monkeypatch.setattr(merge._Known, "earlier", silent)
    with pytest.raises(AssertionError):
        test_a_row_the_registry_holds_by_its_words_is_named(0, tmp_path)
