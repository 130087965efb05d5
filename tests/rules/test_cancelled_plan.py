"""A conference that is cancelled (not postponed): Trạng thái "Đã hủy" on its plan.

Its steps not done are no longer due nor overdue; a step done stays as it was; the opinions
citizens sent keep every deadline they had. A registry made before "Đã hủy" was a plan status
(its Danh mục list, and the drop-down, end at "Hoàn thành") reads a plan typed "Đã hủy" and is
told the one cell to type the value into. Registries from the corpus generator (tests/corpus),
issued before the conference as a clerk issues them, the status then typed into the saved copy;
through the commands as the clerk runs them (`generate --issue`, `deadlines --json`,
`deadlines --write`, `validate --json`), reading the printed lines, the JSON and the saved
workbook. The control is the same registry not cancelled.
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(6)
CANCELLED = schema.CANCELLED_STATUS
DONE = ("Hoàn thành đúng hạn", "Hoàn thành trễ hạn")
# A rule a commune may add (validation's advice for a cancelled plan): every opinion handled
# within 10 working days of its receipt; its milestones exist whatever becomes of the meeting.
RECEIPT_RULE = dict(code="XU_LY", task="Xử lý ý kiến nhận được", anchor="Ngày nhận ý kiến",
                    direction="sau", days=10, day_kind="ngày làm việc", unit="Văn phòng HĐND và "
                    "UBND", applies_to="Ý kiến", legal_basis="Quy định của xã", mandatory="Không",
                    enabled="Có")


def _issued_copy(case, tmp_path, capsys) -> str:
    """The case saved, a rule on receipt added, then issued 12 days before its conference (the
    notice and invitations go out: steps done); the copy the command wrote."""
    path = saved(case, str(tmp_path / "so.xlsx"))
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.RULES.name]
    row = ws.max_row + 1
    for n, key in enumerate(schema.RULES.keys, start=1):
        ws.cell(row, n).value = RECEIPT_RULE[key]
    wb.save(path)
    cli.main(["generate", path, "--issue", "--out", str(tmp_path / "van-ban"), "--today",
              (case.meeting - dt.timedelta(days=12)).isoformat()])
    capsys.readouterr()
    return next(p for p in glob.glob(str(tmp_path / "*.xlsx")) if "cap so" in p)


def _with_status(path: str, target: str, status: str) -> str:
    wb = openpyxl.load_workbook(path)
    wb[schema.PLANS.name].cell(2, schema.PLANS.keys.index("status") + 1).value = status
    os.makedirs(os.path.dirname(target), exist_ok=True)
    wb.save(target)
    return target


def _milestones(path: str, today: dt.date, capsys) -> dict[tuple, dict]:
    cli.main(["deadlines", path, "--today", today.isoformat(), "--json"])
    data = json.loads(capsys.readouterr().out)
    return {(m["plan"], m["opinion"] or "", m["code"]): m for m in data["milestones"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_cancelled_plans_steps_are_not_applicable_and_opinions_keep_theirs(seed, tmp_path,
                                                                              capsys):
    case = make_case(seed)
    copy = _issued_copy(case, tmp_path, capsys)
    cancelled = _with_status(copy, str(tmp_path / "huy" / "so.xlsx"), CANCELLED)
    after = case.meeting + dt.timedelta(days=30)
    control = _milestones(copy, after, capsys)
    said = _milestones(cancelled, after, capsys)
    assert set(said) == set(control)
    steps = [k for k in control if not k[1]]
    assert any(control[k]["status"] == "Quá hạn" for k in steps)         # the test bites
    assert any(control[k]["status"] in DONE for k in steps), control       # steps done
    assert any(k[1] for k in control)                                      # opinions' own
    for key, m in control.items():
        if key[1] or m["status"] in DONE:
            assert said[key] == m, (key, said[key], m)
        else:
            assert said[key]["status"] == "Không áp dụng", (key, said[key])
            assert said[key]["remaining_working_days"] is None
    cli.main(["deadlines", cancelled, "--today", after.isoformat()])
    printed = capsys.readouterr().out
    assert "Không áp dụng: hội nghị đã hủy" in printed
    assert not [line for line in printed.splitlines() if "Quá hạn" in line and "[" not in line
                and "Căn cứ" not in line and line.startswith("  ")], printed


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_tinh_han_writes_not_applicable_and_keeps_what_the_clerk_typed(seed, tmp_path, capsys):
    """`deadlines --write` (what Tính hạn writes): Mốc thời gian says Không áp dụng for the
    cancelled plan's steps not done, never Quá hạn; every Ngày hoàn thành is as it was."""
    case = make_case(seed)
    copy = _issued_copy(case, tmp_path, capsys)
    cancelled = _with_status(copy, str(tmp_path / "huy" / "so.xlsx"), CANCELLED)
    out = str(tmp_path / "huy" / "tinh-han.xlsx")
    after = case.meeting + dt.timedelta(days=30)
    assert cli.main(["deadlines", cancelled, "--today", after.isoformat(), "--out", out]) == 0
    capsys.readouterr()

    def rows(path):
        ws = openpyxl.load_workbook(path)[schema.MILESTONES.name]
        keys = schema.MILESTONES.keys
        return [dict(zip(keys, r)) for r in ws.iter_rows(min_row=2, values_only=True)
                if any(r)]
    written = rows(out)
    steps = [r for r in written if not r["opinion_id"]]
    assert steps and {r["status"] for r in steps} <= {"Không áp dụng", *DONE}, steps
    assert any(r["status"] == "Không áp dụng" for r in steps)
    before = {(r["plan_id"], r["opinion_id"], r["code"]): r["done_date"] for r in rows(cancelled)}
    for r in written:
        key = (r["plan_id"], r["opinion_id"], r["code"])
        if key in before:
            assert r["done_date"] == before[key], key


def _issues(path: str, capsys) -> tuple[int, list[dict]]:
    code = cli.main(["validate", path, "--json"])
    return code, json.loads(capsys.readouterr().out)["issues"]


def _old_lists(path: str, drop: tuple[str, ...]) -> dict[str, str]:
    """The registry's Danh mục as a version before 0.5 wrote it (``drop``: the values a later
    version appended, each list's last); list header → the cell emptied."""
    from doithoai.registry.cellref import column_letter
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.LOOKUP_SHEET.name]
    headers = [c.value for c in ws[1]]
    emptied = {}
    for lk in schema.LOOKUPS:
        col = headers.index(lk.header) + 1
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, col).value in drop:
                ws.cell(r, col).value = None
                emptied[lk.header] = f"{column_letter(col - 1)}{r}"
    wb.save(path)
    return emptied


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_an_older_registry_reads_a_cancelled_plan_and_says_where_to_add_the_value(seed,
                                                                                    tmp_path,
                                                                                    capsys):
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    emptied = _old_lists(path, (CANCELLED, schema.NOT_APPLICABLE))
    assert set(emptied) == {"Trạng thái kế hoạch", "Tình trạng mốc"}
    _with_status(path, path, CANCELLED)
    _, issues = _issues(path, capsys)
    notes = {(p["column"], p["cell"]): p for p in issues if p["code"] == "list-value-added-later"}
    assert set(notes) == {(h, c) for h, c in emptied.items()}, issues
    note = notes[("Trạng thái kế hoạch", emptied["Trạng thái kế hoạch"])]
    assert note["severity"] == "info" and note["sheet"] == "Danh mục"
    assert f"\"{CANCELLED}\" vào ô {emptied['Trạng thái kế hoạch']}" in note["hint"], note
    assert "Hoàn thành" in note["hint"]
    assert not [p for p in issues if p["code"] in ("lookup-fixed-changed", "not-in-list")], issues
    steps = _milestones(path, case.meeting + dt.timedelta(days=30), capsys)
    assert {m["status"] for k, m in steps.items() if not k[1]} == {"Không áp dụng"}
    # the drop-down counts the column: the value typed below the list is offered
    wb = openpyxl.load_workbook(path)
    assert "COUNTA" in wb.defined_names["DM_plan_statuses"].attr_text
    # as the note says: typed into that cell, the note goes
    ws = wb[schema.LOOKUP_SHEET.name]
    ws[emptied["Trạng thái kế hoạch"]] = CANCELLED
    ws[emptied["Tình trạng mốc"]] = schema.NOT_APPLICABLE
    wb.save(path)
    _, issues = _issues(path, capsys)
    assert not [p for p in issues if p["code"] in ("list-value-added-later",
                                                    "lookup-fixed-changed")], issues


def test_the_control_a_fixed_list_really_edited_is_still_an_error(tmp_path, capsys):
    """A value of the version's own list removed (not one a later version added) is still an
    error: only the later values are a note."""
    path = saved(make_case(0), str(tmp_path / "so.xlsx"))
    _old_lists(path, ("Đã kết luận",))
    code, issues = _issues(path, capsys)
    assert code == 1
    assert [p for p in issues if p["code"] == "lookup-fixed-changed"
            and p["column"] == "Trạng thái kế hoạch"], issues
    assert not [p for p in issues if p["code"] == "list-value-added-later"]


@pytest.mark.parametrize("seed", SEEDS)
def test_attendance_typed_for_a_cancelled_plan_is_one_finding_naming_every_row(seed, tmp_path,
                                                                                capsys):
    """The corpus case's delegates, their Tham dự as the generator typed it, the plan then
    cancelled: validate says it once, at the first such row, and names every other row (a
    plan with 150 delegates marked present was 150 warnings)."""
    case = make_case(seed)
    path = _with_status(saved(case, str(tmp_path / "so.xlsx")), str(tmp_path / "huy.xlsx"),
                        CANCELLED)
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.INVITEES.name]
    col = schema.INVITEES.keys.index("attendance") + 1
    marked = [r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value]
    assert marked, "the generator types attendance"
    _, issues = _issues(path, capsys)
    said = [p for p in issues if p["code"] == "cancelled-plan-contradiction"
            and p["sheet"] == schema.INVITEES.name]
    assert len(said) == 1, said
    text = said[0]["message"]
    assert said[0]["row"] == marked[0]
    if len(marked) > 1:
        assert f"cho {len(marked)} đại biểu" in text, text
        shown = marked[:10]
        assert f"dòng {', '.join(map(str, shown))}" in text, text
        if len(marked) > 10:
            assert f"và {len(marked) - 10} dòng khác" in text, text
    assert "Xóa ô Tham dự" in said[0]["hint"]
