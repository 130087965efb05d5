"""A conference postponed after its notice and invitations went out: pressing Ban hành issues
them again, under new numbers, and keeps the first ones as they were issued.

A fresh-eyes trial (the chairman moved the conference three weeks on): the tool drafted "_v2"
notices and invitations that could never be numbered, while its closing line said numbers had
been written; the delivery book went on citing the first invitations, and the notice step
counted as done by the notice of the old date. Registries from the corpus generator
(tests/corpus), issued a day before their conference, the meeting then moved in the saved copy
and issued again, through the command as the clerk runs it; what is read: the files' bytes,
the new documents' text (python-docx), the printed lines.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re

import openpyxl
import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(8)
MOVED = 25              # days the conference is put back (not THU_PHIEU's 21: the old
                        # day would come back as the forms' new deadline)


def _issue(path: str, out: str, today: dt.date, capsys) -> tuple[str, str | None]:
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--issue", "--out", out, "--today", today.isoformat()])
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return capsys.readouterr().out, (copies.pop() if copies else None)


def _move(copy: str, target: str, days: int = MOVED) -> dt.date:
    """The conference put back ``days`` in the registry (its Thứ cleared, as a clerk
    retyping the date would leave it for the tool to say)."""
    wb = openpyxl.load_workbook(copy)
    ws = wb[schema.PLANS.name]
    day_col = schema.PLANS.keys.index("meeting_date") + 1
    ws.cell(2, schema.PLANS.keys.index("weekday") + 1).value = None
    old = ws.cell(2, day_col).value
    new = (old.date() if isinstance(old, dt.datetime) else old) + dt.timedelta(days=days)
    ws.cell(2, day_col).value = new
    wb.save(target)
    return new


def _text(path: str) -> str:
    doc = Document(path)
    return "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for t in doc.tables for r in t.rows for c in r.cells])


def _numbers(said: str) -> dict[str, str]:
    """kind → the number the run says it gave ("Đã cấp số: 02/TB-UBND (TB), …")."""
    line = next((s for s in said.splitlines() if s.startswith("Đã cấp số: ")), "")
    return {kind: number for number, kind in re.findall(r"(\S+) \((\w+)\)", line)}


def _issued_files(copy: str, out: str) -> dict[str, bytes]:
    """The files Sổ văn bản records as issued (a merged batch's own folder with them)."""
    ws = openpyxl.load_workbook(copy)[schema.REGISTER.name]
    status, file = (schema.REGISTER.keys.index(k) for k in ("status", "file"))
    names = [r[file] for r in ws.iter_rows(min_row=2, values_only=True)
             if r[status] == "Đã ban hành" and r[file]]
    paths = [os.path.join(out, n) for n in names]
    paths += [p for n in paths for p in glob.glob(os.path.join(os.path.splitext(n)[0]
                                                               .replace("_tat-ca", ""), "*"))]
    return {p: open(p, "rb").read() for p in paths}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_postponed_conference_gets_its_notice_and_invitations_again(seed, tmp_path, capsys):
    case = make_case(seed)
    today = case.meeting - dt.timedelta(days=12)
    out = str(tmp_path / "van-ban")
    said, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, today, capsys)
    first = _numbers(said)
    if not {"TB", "GM"} <= set(first):
        raise AssertionError(f"seed {seed}: the corpus registry issued no notice or invitations")
    issued = _issued_files(copy, out)
    assert len(issued) > 2
    moved = str(tmp_path / "doi-ngay" / "so.xlsx")
    os.makedirs(os.path.dirname(moved))
    new_day = _move(copy, moved)
    said, again = _issue(moved, out, today + dt.timedelta(days=1), capsys)
    given = _numbers(said)
    assert {"TB", "GM"} <= set(given), said
    for kind in ("TB", "GM"):
        assert given[kind] != first[kind], (kind, given, first)
    for path, data in issued.items():                         # the first ones, as issued
        assert open(path, "rb").read() == data, path
    folder = glob.glob(os.path.join(out, "*", ""))[0]
    notice = _text(os.path.join(folder, "TB_v2.docx"))
    assert given["TB"] in notice and f"{new_day:%d/%m/%Y}" in notice, notice[:400]
    assert f"{case.meeting:%d/%m/%Y}" not in notice
    said, _ = _issue(again, out, today + dt.timedelta(days=2), capsys)
    changed = [line for line in said.splitlines() if "đã đổi" in line]
    assert not [line for line in changed if line.startswith(("Lưu ý: Thông báo tổ chức",
                                                              "Lưu ý: Giấy mời"))], said
    assert not _numbers(said), said                   # the new ones stand: nothing to issue
    assert "Lần này không cấp số văn bản nào" in said
    book = _text(os.path.join(folder, "SGN.docx"))
    assert f"Giấy mời số {given['GM']}" in book and first["GM"] not in book, book[:300]


def _notice_step(path: str, today: dt.date, capsys) -> str:
    import json
    cli.main(["deadlines", path, "--today", today.isoformat(), "--json"])
    data = json.loads(capsys.readouterr().out)
    return next(m["status"] for m in data["milestones"] if m["code"] == "THONG_BAO")


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_a_conference_brought_forward_counts_its_notice_by_the_one_in_force(seed, tmp_path,
                                                                              capsys):
    """The notice step (THONG_BAO, 7 days before) is done by the notice now in force: the
    conference brought forward, its notice issued again too late, the step is late, though
    the first notice (of the old day) went out in time."""
    case = make_case(seed)
    first_day = case.meeting - dt.timedelta(days=40)
    out = str(tmp_path / "van-ban")
    _, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, first_day, capsys)
    moved = str(tmp_path / "doi-ngay" / "so.xlsx")
    os.makedirs(os.path.dirname(moved))
    new_day = _move(copy, moved, days=-20)               # 20 days before: due 27 days ahead
    again_day = new_day - dt.timedelta(days=3)           # the new notice 3 days before it
    said, again = _issue(moved, out, again_day, capsys)
    assert "TB" in _numbers(said), said
    assert _notice_step(again, again_day, capsys) == "Hoàn thành trễ hạn"
    assert _notice_step(copy, first_day, capsys) == "Hoàn thành đúng hạn"     # the first, on time
