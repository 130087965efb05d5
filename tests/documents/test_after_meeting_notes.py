"""What an issuing run after the conference says of the documents it does not number.

A ward's trial: every Ban hành after its conference printed "TB, GM, BCTH, CVPC … chỉ tạo bản
nháp, không cấp số … Nếu đã ban hành ngoài phần mềm, ghi số, ngày vào trang Sổ văn bản", though
the tool itself had issued all four in time (the clerk feared they were lost); and a results
report changed after it was issued got "bản dự thảo mới: BCKQ_v2", then "Lần này không cấp số
văn bản nào", no word of why or of what to do. Registries from the corpus generator
(tests/corpus) issued before their conference and after it, through the command; what is read:
the printed lines and the copy's Sổ văn bản.
"""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai.registry import schema
from test_postponed import _issue

SEEDS = range(6)
LATE = re.compile(r"^Lưu ý: ([A-Z, ]+) \([^)]*\) chỉ tạo bản nháp, không cấp số: hội nghị", re.M)


def _issued_kinds(copy: str, plan_id: str) -> set[str]:
    ws = openpyxl.load_workbook(copy)[schema.REGISTER.name]
    keys = schema.REGISTER.keys
    return {r[keys.index("kind")] for r in ws.iter_rows(min_row=2, values_only=True)
            if r[keys.index("plan_id")] == plan_id and r[keys.index("status")] == "Đã ban hành"}


def _late_named(said: str) -> set[str]:
    return {k.strip() for m in LATE.finditer(said) for k in m.group(1).split(",")}


@pytest.mark.parametrize("seed", SEEDS)
def test_documents_issued_in_time_are_not_told_of_as_never_numbered(seed, tmp_path, capsys):
    case = make_case(seed)
    plan = case.plan["plan_id"]
    out = str(tmp_path / "vb")
    _, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out,
                     case.meeting - dt.timedelta(days=2), capsys)
    issued = _issued_kinds(copy, plan) if copy else set()
    said, _ = _issue(copy or str(tmp_path / "so.xlsx"), out,
                     case.meeting + dt.timedelta(days=6), capsys)
    assert not _late_named(said) & issued, (issued, said)
    # a registry that issued nothing before its conference is still told of each kind
    (tmp_path / "khac").mkdir()
    fresh = saved(case, str(tmp_path / "khac" / "so.xlsx"))
    said, _ = _issue(fresh, str(tmp_path / "khac" / "vb"), case.meeting + dt.timedelta(days=6),
                     capsys)
    assert {"TB", "GM"} <= _late_named(said), said


def test_the_property_fails_when_issued_kinds_are_ignored(tmp_path, capsys, monkeypatch):
    """Planted: the note names every preparation kind, issued or not (the old run)."""
    from doithoai.documents import timing
    real = timing.out_of_time
    monkeypatch.setattr(timing, "out_of_time",
                        lambda plan, builder, kinds, today, issue, issued=frozenset():
                        real(plan, builder, kinds, today, issue))
    with pytest.raises(AssertionError):
        test_documents_issued_in_time_are_not_told_of_as_never_numbered(0, tmp_path, capsys)


@pytest.mark.parametrize("seed", range(3))
def test_a_report_changed_after_it_was_issued_says_why_it_is_not_numbered(seed, tmp_path,
                                                                          capsys):
    case = make_case(seed)
    out = str(tmp_path / "vb")
    _, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out,
                     case.meeting + dt.timedelta(days=3), capsys)
    assert "BCKQ" in _issued_kinds(copy, case.plan["plan_id"])
    wb = openpyxl.load_workbook(copy)       # an opinion's field corrected since: figures change
    ws = wb[schema.OPINIONS.name]
    column = schema.OPINIONS.keys.index("field") + 1
    fields = schema.lookup("Lĩnh vực").values
    typed = ws.cell(2, column).value
    ws.cell(2, column).value = next(f for f in fields if f != typed)
    wb.save(copy)
    said, _ = _issue(copy, out, case.meeting + dt.timedelta(days=10), capsys)
    line = next(x for x in said.splitlines() if "bản dự thảo mới: BCKQ_v2" in x)
    assert "không được phần mềm cấp số lại" in line and "Báo cáo theo dõi" in line, line
