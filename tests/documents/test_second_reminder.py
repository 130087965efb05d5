"""An agency that does not answer a reminder gets another: numbered, citing the one before it.

A fresh-eyes trial issued reminders (CVDD) in January; a month later three agencies still owed,
and Ban hành only drafted "_v3" copies it could not number, word for word the first ones.
Registries from the corpus generator (tests/corpus) whose agencies owe replies: reminders issued
a quarter after the meeting (its conclusion notice issued two days after it, the replies' dates
counted from it); Ban hành pressed again three days later (within the five working
days the reminder gave to report: nothing numbered) and three weeks later (a new reminder,
numbered, "Tiếp theo Công văn số … ngày …"; drafted first, it is told as the next reminder,
not as "data changed"); read from the printed lines, the files' bytes and the documents' text
(python-docx).
"""
from __future__ import annotations

import datetime as dt
import glob
import os

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved

SEEDS = range(8)


def _reminders(said: str) -> list[str]:
    """The numbers given to reminders, as the run prints them."""
    line = next((s for s in said.splitlines() if s.startswith("Đã cấp số: ")), "")
    return [part.split(" (")[0] for part in line.removeprefix("Đã cấp số: ").split(", ")
            if part.endswith("(CVDD)") or part.endswith("(CVDD).")]


def _text(path: str) -> str:
    doc = Document(path)
    return "\n".join(p.text for p in doc.paragraphs)


def test_an_agency_still_owing_gets_a_second_reminder_after_its_days_to_report(tmp_path,
                                                                               capsys):
    chased = 0
    for seed in SEEDS:
        case = make_case(seed)
        first_day = case.meeting + dt.timedelta(days=90)
        out = str(tmp_path / f"vb{seed}")
        _, concluded = _issue(saved(case, str(tmp_path / f"so{seed}.xlsx")), out,
                              case.meeting + dt.timedelta(days=2), capsys, "TBKL")
        said, copy = _issue(concluded, out, first_day, capsys)
        first = _reminders(said)
        if not first:
            continue                       # no agency owes anything in this registry
        chased += 1
        issued = {p: open(p, "rb").read() for p in glob.glob(os.path.join(out, "*", "CVDD*"))}
        soon, again = _issue(copy, out, first_day + dt.timedelta(days=3), capsys)
        assert not _reminders(soon), soon
        assert "chưa ban hành công văn đôn đốc tiếp theo" in soon, soon
        drafted = _draft(again, out, first_day + dt.timedelta(days=21), capsys)
        assert "bản dự thảo công văn đôn đốc tiếp theo" in drafted, drafted
        assert not [line for line in drafted.splitlines() if "dữ liệu đã đổi" in line], drafted
        later, _ = _issue(again, out, first_day + dt.timedelta(days=21), capsys)
        second = _reminders(later)
        assert second and not set(second) & set(first), (first, later)
        for path, data in issued.items():
            assert open(path, "rb").read() == data, path
        newest = [p for p in glob.glob(os.path.join(out, "*", "CVDD*_v*.docx"))]
        assert newest, later
        cites = [t for t in map(_text, newest) if "Tiếp theo Công văn số" in t]
        assert len(cites) >= len(second), newest
        assert all(any(f"số {n} ngày {first_day:%d/%m/%Y}" in t for n in first) for t in cites)
    assert chased >= 3, chased


def _draft(path, out, today, capsys) -> str:
    """The reminders drafted (generate without --issue, as Đôn đốc does): what it printed."""
    from doithoai import cli
    cli.main(["generate", path, "--docs", "CVDD", "--out", out, "--today", today.isoformat()])
    return capsys.readouterr().out


def _issue(path, out, today, capsys, docs="CVDD"):
    """Ban hành of ``docs`` on ``today``: (what it printed, the registry copy it wrote, else
    ``path``)."""
    from doithoai import cli
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--docs", docs, "--issue", "--out", out, "--today",
              today.isoformat()])
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return capsys.readouterr().out, (copies.pop() if copies else path)


def test_the_property_fails_when_a_reminder_is_only_drafted_again(tmp_path, capsys,
                                                                  monkeypatch):
    """Planted: the reminder drafted again whatever its days (the build before)."""
    from doithoai.documents import generate
    real = generate.Generator._next_reminder

    def drafted(self, builder, kind, compiled, batch, target_base, versions):
        self.today, today = generate.dt.date.min, self.today
        try:
            return real(self, builder, kind, compiled, batch, target_base, versions)
        finally:
            self.today = today
    monkeypatch.setattr(generate.Generator, "_next_reminder", drafted)
    with pytest.raises(AssertionError):
        test_an_agency_still_owing_gets_a_second_reminder_after_its_days_to_report(
            tmp_path, capsys)
