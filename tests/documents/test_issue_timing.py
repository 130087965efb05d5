"""When a document may be numbered: the summary of the citizens' opinions (BCTH) and the letters
assigning them (CVPC) report on the forms collected, so `--issue` numbers them only from the
day the forms are due back (THU_PHIEU) or once that step is marked done; before it they are
drafts, and the run says why (an empty report once numbered can never be replaced)."""
import datetime as dt
import json
import random
import re

import pytest
from docx import Document

from doithoai import cli
from xlsx_edit import edit

PLAN = "KH-2026-01"


def number_line(path) -> str:
    return next(p.text for p in Document(path).paragraphs + [
        p for t in Document(path).tables for r in t.rows for c in r.cells for p in c.paragraphs]
        if p.text.strip().startswith("Số"))


def collection_day(path, capsys) -> dt.date:
    capsys.readouterr()
    cli.main(["deadlines", path, "--json", "--today", "2026-04-01"])
    milestones = json.loads(capsys.readouterr().out)["milestones"]
    return dt.date.fromisoformat(next(m["due"] for m in milestones
                                      if m["plan"] == PLAN and m["code"] == "THU_PHIEU"))


@pytest.mark.parametrize("seed", range(3))
def test_the_summary_is_numbered_only_once_the_forms_are_due_back(sample_copy, tmp_path, capsys,
                                                                   seed):
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    edit(path, [("plans", "status", 2, "Dự thảo")])
    due = collection_day(path, capsys)
    day = due + dt.timedelta(days=rng.randint(-12, 8))
    out = tmp_path / "vb"
    capsys.readouterr()
    cli.main(["generate", path, "--plan", PLAN, "--docs", "BCTH", "--out", str(out),
              "--today", day.isoformat(), "--issue"])
    said = capsys.readouterr().out
    line = number_line(str(out / PLAN / "BCTH.docx"))
    numbered = bool(re.search(r"\d+\s*/\s*BC", line))
    assert numbered == (day >= due), (day, due, line)
    assert ("THU_PHIEU" in said) == (day < due)


@pytest.mark.parametrize("seed", range(3))
def test_what_announces_the_conference_is_not_made_again_once_it_is_held(sample_copy, tmp_path,
                                                                          capsys, seed):
    """The bulletin (TTTT), the forms (PDK) and the delivery book (SGN) are made up to the day
    of the conference; a run after it leaves the ones made before as they are (a bulletin
    announcing a conference already held would replace the one read out), and makes those
    never made (for the record)."""
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    meeting = dt.date(2026, 5, 15)
    out = tmp_path / "vb"
    cli.main(["generate", path, "--plan", PLAN, "--docs", "TTTT,PDK,SGN", "--out", str(out),
              "--today", "2026-05-01"])
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert any(p.name == "TTTT.txt" for p in before)
    day = meeting + dt.timedelta(days=rng.randint(-3, 20))
    capsys.readouterr()
    cli.main(["generate", path, "--plan", PLAN, "--docs", "TTTT,PDK,SGN", "--out", str(out),
              "--today", day.isoformat()])
    said = capsys.readouterr().out
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    if day > meeting:
        assert after == before and "không tạo lại" in said
    else:
        assert "không tạo lại" not in said and set(after) == set(before)
    capsys.readouterr()                   # made for the first time after it: for the record
    fresh = tmp_path / "lan-dau"
    cli.main(["generate", path, "--plan", PLAN, "--docs", "TTTT,PDK,SGN", "--out", str(fresh),
              "--today", day.isoformat()])
    assert {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()} == \
        {p.relative_to(out) for p in before}
