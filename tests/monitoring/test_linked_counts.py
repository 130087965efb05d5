"""The rows `carry-over --link` adds are counted as what they are: matters of an earlier
conference carried to the next, not repeats a citizen raised.

A fresh-eyes trial: after `carry-over --link` added 12 rows to the October plan, the summary
before that conference said "không kể 14 ý kiến trùng nội dung" (12 of them the linked rows,
which the README says are not counted), `summary` said "14 ý kiến trùng" and the monitoring
workbook "Ý kiến trùng (đã gộp vào ý kiến gốc): 16". Registries from the corpus generator
(tests/corpus), each given a next plan six months on, linked through the command; the counts
read from what the clerk sees (the printed summary, the monitoring workbook's Tổng hợp sheet,
the next plan's BCTH) and held to the rows of the saved workbook.
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
from doithoai import cli
from doithoai.files import atomic, blank, reader

SEEDS = range(10)


def _with_next_plan(case, path: str) -> tuple[str, dt.date]:
    rows = case.rows()
    later = case.meeting + dt.timedelta(days=182)
    nxt = dict(rows["plans"][0], plan_id=f"KH-{later.year}-99", meeting_date=later,
               weekday=None, issue_date=None, number_symbol=None, status="Dự thảo")
    invitees = rows["invitees"] + [dict(i, plan_id=nxt["plan_id"], attendance=None)
                                   for i in rows["invitees"]]
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": rows["plans"] + [nxt], "invitees": invitees, "opinions": rows["opinions"],
        "survey": rows["survey"]}), path)
    return nxt["plan_id"], later


def _rows(path: str) -> tuple[int, int]:
    """(typed repeats, rows the carry-over linked) of the saved workbook."""
    linked = typed = 0
    for o in reader.read_registry(path, intact=False).opinions:
        if o.duplicate_of:
            if (o.note or "").startswith("Chuyển từ "):
                linked += 1
            else:
                typed += 1
    return typed, linked


def _linked_case(seed: int, tmp_path, capsys):
    """A case's registry with its next plan and the carry-over linked: (path, plan, day,
    typed repeats, linked rows), or None when nothing was carried."""
    case = make_case(seed)
    src = str(tmp_path / f"so{seed}.xlsx")
    plan, later = _with_next_plan(case, src)
    out = str(tmp_path / f"noi{seed}.xlsx")
    day = later - dt.timedelta(days=30)
    cli.main(["carry-over", src, "--plan", plan, "--link", "--out", out,
              "--today", day.isoformat()])
    capsys.readouterr()
    if not os.path.exists(out):
        return None
    typed, linked = _rows(out)
    return (out, plan, day, typed, linked) if linked else None


def _summary_counts(said: str) -> tuple[int, int]:
    typed = re.search(r"(\d+) ý kiến trùng đã gộp", said)
    linked = re.search(r"(\d+) dòng chuyển tiếp", said)
    return int(typed.group(1)) if typed else 0, int(linked.group(1)) if linked else 0


def _workbook_line(path: str) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str) and v.startswith("Ý kiến trùng (đã gộp"):
                    return v
    raise AssertionError("no line of repeats in " + path)


def test_linked_rows_are_not_counted_as_repeats(tmp_path, capsys):
    checked = 0
    for seed in SEEDS:
        found = _linked_case(seed, tmp_path, capsys)
        if found is None:
            continue
        path, plan, day, typed, linked = found
        cli.main(["summary", path])
        assert _summary_counts(capsys.readouterr().out) == (typed, linked), seed
        target = str(tmp_path / f"theo-doi{seed}.xlsx")
        cli.main(["monitor", path, "--out", target, "--as-of", day.isoformat()])
        capsys.readouterr()
        line = _workbook_line(target)
        assert line.startswith(f"Ý kiến trùng (đã gộp vào ý kiến gốc): {typed}"), (seed, line)
        assert f"ngoài ra {linked} dòng chuyển tiếp" in line, (seed, line)
        out = str(tmp_path / f"vb{seed}")
        cli.main(["generate", path, "--plan", plan, "--docs", "BCTH", "--out", out,
                  "--today", day.isoformat()])
        capsys.readouterr()
        for doc in glob.glob(os.path.join(out, "**", "BCTH*.docx"), recursive=True):
            text = "\n".join(p.text for p in Document(doc).paragraphs)
            # the next plan's own rows are all linked: no citizen's repeat to leave out
            assert "ý kiến trùng nội dung" not in text, (seed, text[:600])
        checked += 1
    assert checked >= 4, checked


def test_the_property_fails_when_linked_rows_count_as_repeats(tmp_path, capsys, monkeypatch):
    """Planted: no row is told apart as linked (the trial's counts)."""
    from doithoai.registry import repeats
    monkeypatch.setattr(repeats, "linked", lambda o: False)
    with pytest.raises(AssertionError):
        test_linked_rows_are_not_counted_as_repeats(tmp_path, capsys)
