"""A row the Front returned without a Ngày nhận (a fresh-eyes trial): `intake merge`, run on a
computer whose date was months before the plan, gave the opinion that date; the merge had no
`--today`, and `validate` said nothing of an opinion received, through the plan's forms,
before the plan was issued.

Registries from the corpus generator (tests/corpus), their plan issued; forms exported through
the command on a day between the plan and the conference, rows filled as a village board
would (openpyxl), some left without a date, the file's own saved time (docProps/core.xml) set
to a day between the form and the merge, to a day before the form (a computer's wrong clock),
or removed. Read back from what the clerk sees: the lines `intake merge --today` prints, the
registry copy it saves (Ý kiến, Chờ xử lý) and `validate --json` on that copy.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random
import re

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.files import reader
from test_remerge import _write_rows
from test_versions import _stamp

SEEDS = range(9)
STAMPS = ("inside", "before", "none")       # the file's saved time, seed by seed
FIELD = "Khác"
VN = dt.timedelta(hours=7)                  # the commune's clock against the file's UTC


def _cli(args: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(args)
    return code, buf.getvalue()


def _issued_case(seed: int, path: str):
    """The case with its plan issued 20 to 45 days before its conference; (case, issue day)."""
    case = make_case(seed)
    issued = case.meeting - dt.timedelta(days=random.Random(seed).randint(20, 45))
    case.plan.update(number_symbol=case.plan["number_symbol"] or "7/KH-UBND",
                     issue_date=issued.isoformat(), status="Đã ban hành")
    saved(case, path)
    return case, issued


def _form(seed: int, tmp_path, capsys=None):
    """A form exported between the plan's issue and its conference, filled with rows, some
    without a Ngày nhận; (case, file, the day it was made, the rows, the rows' sheet rows)."""
    rng = random.Random(seed)
    path = str(tmp_path / "so.xlsx")
    case, issued = _issued_case(seed, path)
    made = case.meeting - dt.timedelta(days=rng.randint(3, 19))
    made = max(made, issued)
    out = tmp_path / "phieu"
    code, _ = _cli(["intake", "export", path, "--plan", case.plan["plan_id"], "--out", str(out),
                    "--today", made.isoformat()])
    assert code == 0
    file = sorted(str(p) for p in out.glob("*.xlsx"))[0]
    n = rng.randint(2, 7)
    undated = set(rng.sample(range(n), rng.randint(1, n)))
    rows = [{"Nguồn": "Phiếu hỏi", "Người nêu": f"Bà Lò Thị Chăm {seed}-{i}",
             "Nội dung": f"Đề nghị sửa rãnh thoát nước số {seed}-{i} trước mùa mưa.",
             "Lĩnh vực": FIELD,
             "Ngày nhận": None if i in undated else
             made + dt.timedelta(days=rng.randint(0, (case.meeting - made).days))}
            for i in range(n)]
    _write_rows(file, rows)
    return path, case, file, made, rows


def _header_row(file: str) -> int:
    import openpyxl
    ws = openpyxl.load_workbook(file)["Ý kiến"]
    return next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")


@pytest.mark.parametrize("seed", SEEDS)
def test_an_undated_row_gets_the_day_its_form_came_back_and_says_so(seed, tmp_path):
    """Each undated row is dated by the day the Front last saved the form, in the commune's
    time, when that lies between the form and the merge; else by the merge's day; never before
    the form was made nor after the merge; its Ghi chú and a printed line naming file and row
    say which day and why; the dated rows keep theirs; validate finds none of them received
    before the plan."""
    rng = random.Random(1000 + seed)
    path, case, file, made, rows = _form(seed, tmp_path)
    merged_on = made + dt.timedelta(days=rng.randint(1, (case.meeting - made).days))
    stamp = STAMPS[seed % 3]
    if stamp == "inside":       # any hour of a day from the form to the day before the merge
        when = dt.datetime.combine(made + dt.timedelta(days=rng.randint(
            0, (merged_on - made).days - 1)), dt.time(rng.randint(0, 23), rng.randint(0, 59)))
        expected = (when + VN).date()
    else:                       # the Front's clock a year off, or no saved time at all
        when = dt.datetime.combine(made - dt.timedelta(days=rng.randint(60, 400)),
                                   dt.time(9)) if stamp == "before" else None
        expected = merged_on
    _stamp(file, when)
    out = tmp_path / "moi.xlsx"
    code, said = _cli(["intake", "merge", path, file, "--out", str(out),
                       "--today", merged_on.isoformat()])
    assert code == 0, said
    assert f"đọc {len(rows)} dòng = {len(rows)} thêm mới" in said, said
    copy = reader.read_registry(str(out))
    taken = {o.content: o for o in copy.opinions}
    head = _header_row(file)
    name = file.rsplit("/", 1)[-1]
    for i, row in enumerate(rows):
        o = taken[row["Nội dung"]]
        if row["Ngày nhận"] is not None:
            assert o.received_date == row["Ngày nhận"]
            assert "không ghi Ngày nhận" not in (o.note or "")
            continue
        assert o.received_date == expected, (stamp, when, said)
        assert made <= o.received_date <= merged_on
        assert f"không ghi Ngày nhận: đã ghi {expected:%d/%m/%Y}" in o.note
        line = next(ln for ln in said.splitlines() if f", dòng {head + 1 + i} (" in ln)
        assert name in line and f"thành {o.opinion_id}" in line
        assert f"{expected:%d/%m/%Y}" in line
        assert ("ngày MTTQ lưu tệp" if stamp == "inside" else "ngày nhận tệp vào sổ") in line
    code, text = _cli(["validate", str(out), "--json", "--today", merged_on.isoformat()])
    merged = {taken[r["Nội dung"]].row for r in rows}
    found = [i for i in json.loads(text)["issues"] if i["code"] == "received-before-plan"
             and i["row"] in merged]
    assert found == [], found


@pytest.mark.parametrize("seed", SEEDS)
def test_a_merge_dated_before_the_form_was_made_sets_its_undated_rows_aside(seed, tmp_path):
    """The trial's merge: the merge's day (the computer's, or --today) before the form was
    made. An undated row cannot be given a day: it goes to Chờ xử lý, its reason naming both
    days; the dated rows are added as before."""
    rng = random.Random(2000 + seed)
    path, case, file, made, rows = _form(seed, tmp_path)
    merged_on = made - dt.timedelta(days=rng.randint(1, 300))
    out = tmp_path / "moi.xlsx"
    code, said = _cli(["intake", "merge", path, file, "--out", str(out),
                       "--today", merged_on.isoformat()])
    undated = [r for r in rows if r["Ngày nhận"] is None]
    m = re.search(r"đọc (\d+) dòng = (\d+) thêm mới.*?\+ (\d+) đã có \+ (\d+) chờ xử lý", said)
    assert m and tuple(map(int, m.groups())) == (len(rows), len(rows) - len(undated), 0,
                                                 len(undated)), said
    copy = reader.read_registry(str(out))
    assert sorted(p.content for p in copy.pending) == sorted(r["Nội dung"] for r in undated)
    for p in copy.pending:
        assert f"({merged_on:%d/%m/%Y})" in p.reason and f"({made:%d/%m/%Y})" in p.reason
    assert not {r["Nội dung"] for r in undated} & {o.content for o in copy.opinions}


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_the_button_says_the_same_of_each_undated_row(seed, tmp_path, shells):
    """Nhận ý kiến từ MTTQ, pressed in the open workbook (the tests' JSON book): its message
    names each undated row (file, row, the opinion it became) and the day given, which is the
    day written into Ngày nhận."""
    import jsonbook
    from doithoai import buttons
    path, case, file, made, rows = _form(seed, tmp_path)
    merged_on = case.meeting
    _stamp(file, None)                      # no saved time: the day of the press
    book = jsonbook.book(path, name=path, sheet="Kế hoạch", selection="C2")
    message = buttons.intake_merge(book, files=[file], today=merged_on)
    head = _header_row(file)
    after = reader.read_registry(jsonbook.apply_actions(path, book.json()["actions"],
                                                        str(tmp_path / "after.xlsx")))
    taken = {o.content: o for o in after.opinions}
    for i, row in enumerate(rows):
        if row["Ngày nhận"] is None:
            o = taken[row["Nội dung"]]
            assert o.received_date == merged_on
            line = next(ln for ln in message.splitlines() if f", dòng {head + 1 + i} (" in ln)
            assert f"thành {o.opinion_id}" in line and f"{merged_on:%d/%m/%Y}" in line
