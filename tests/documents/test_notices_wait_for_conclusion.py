"""The notices to citizens (TBCD) are numbered only with, or after, the conclusion notice.

A fresh-eyes trial: with a row error holding back the minutes and the conclusion, Ban hành
still numbered the notices to citizens, which say the reply comes "trong thời hạn 15 ngày làm
việc kể từ ngày ban hành thông báo kết luận": a notice no one had issued. Registries from the
corpus generator (tests/corpus), after their meeting: Ban hành pressed for the citizens'
notices alone, then for the conclusion and them together; the numbers the command prints are
read.
"""
from __future__ import annotations

import datetime as dt

import pytest

from corpus.registries import make_case
from corpus.run import saved
from test_second_reminder import _issue

SEEDS = range(8)


def _numbered(said: str) -> set[str]:
    line = next((s for s in said.splitlines() if s.startswith("Đã cấp số: ")), "")
    return {part.rsplit("(", 1)[1].rstrip(").") for part in line.split(", ") if "(" in part}


def test_a_citizens_notice_waits_for_the_conclusion(tmp_path, capsys):
    told = 0
    for seed in SEEDS:
        case = make_case(seed)
        day = case.meeting + dt.timedelta(days=3)
        out = str(tmp_path / f"vb{seed}")
        alone, copy = _issue(saved(case, str(tmp_path / f"so{seed}.xlsx")), out, day, capsys,
                             "TBCD")
        assert "TBCD" not in _numbered(alone), (seed, alone)
        together, _ = _issue(copy, out, day, capsys, "TBKL,TBCD")
        if "TBKL" in _numbered(together) and "TBCD" in _numbered(together):
            told += 1
        assert "TBCD" not in _numbered(together) or "TBKL" in _numbered(together), together
    assert told >= 3, told


def test_the_property_fails_when_the_notices_do_not_wait(tmp_path, capsys, monkeypatch):
    """Planted: no notice waits (the build before)."""
    from doithoai.documents import timing
    monkeypatch.setattr(timing, "awaiting_conclusion", lambda *a: [])
    with pytest.raises(AssertionError):
        test_a_citizens_notice_waits_for_the_conclusion(tmp_path, capsys)
