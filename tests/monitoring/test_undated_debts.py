"""An opinion owed a written reply with no Hạn trả lời because its conclusion notice was never
recorded (issued outside the tool, or not at all) is still a debt: a fresh-eyes trial's Front
officer read "quá hạn 0" and no "Nợ - …" sheet for a conference held three months before, its
unanswered opinions with Còn nợ blank, and validate said nothing of them.

Corpus registries (no conclusion recorded), through `validate --json` and `monitor` as the clerk
runs them on a day drawn after the conclusion's last day: validate names each plan once, with
the opinions the monitoring workbook shows as owed with no deadline, and each of those is, in
the saved registry, unanswered. Then the clerk records the conclusion (its Mốc thời gian row
done): the warning goes, and the same opinions get a Hạn trả lời in the report, overdue. The
control: the same registry before the conclusion's last day is told nothing.
"""
from __future__ import annotations

import datetime as dt
import json
import random

import openpyxl
import pytest

from corpus.late import conclusion, detail, owed_a_reply
from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.monitoring.chain import OWED_UNDATED
from xlsx_edit import cell_ref

SEEDS = [s for s in range(40) if sum(map(owed_a_reply, make_case(s).opinions)) >= 2][:6]
CODE = "conclusion-unrecorded-replies"


def _validate(path: str, today: dt.date, capsys) -> list[dict]:
    cli.main(["validate", path, "--today", today.isoformat(), "--json"])
    return [p for p in json.loads(capsys.readouterr().out)["issues"] if p["code"] == CODE]


def _report(path: str, as_of: dt.date, out, capsys) -> list[dict]:
    assert cli.main(["monitor", path, "--as-of", as_of.isoformat(), "--out", str(out)]) == 0
    capsys.readouterr()
    return detail(openpyxl.load_workbook(out))


def _unanswered(path: str) -> set[str]:
    """The opinions the saved registry shows with no reply, resolution or answer at the
    meeting."""
    ws = openpyxl.load_workbook(path)["Ý kiến"]
    heads = [c.value for c in ws[1]]
    rows = [dict(zip(heads, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    return {r["Mã ý kiến"] for r in rows if r["Mã ý kiến"] and not any(
        r[k] for k in ("Số văn bản trả lời", "Ngày trả lời", "Ngày giải quyết xong"))
        and r["Trả lời tại hội nghị"] != "Có"}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_debt_with_no_deadline_is_told_and_counted_until_the_conclusion_is_recorded(
        seed, tmp_path, capsys):
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    today = case.meeting + dt.timedelta(days=random.Random(seed).randint(40, 300))
    told = _validate(path, today, capsys)
    rows = _report(path, today, tmp_path / "a.xlsx", capsys)
    owed = {r["Mã ý kiến"] for r in rows if r["Còn nợ"] == OWED_UNDATED}
    assert owed and owed <= _unanswered(path)
    assert all(r["Quá hạn"] == "Không" and not r["Hạn trả lời"] for r in rows
               if r["Mã ý kiến"] in owed)
    assert len(told) == 1, told
    warning = told[0]
    assert warning["cell"] == cell_ref("plans", "meeting_date", 2), warning
    assert f"{len(owed)} ý kiến chưa được trả lời" in warning["message"], warning
    named = sorted(owed)[:10]
    assert all(o in warning["message"] for o in named), (named, warning["message"])
    assert f"họp ngày {case.meeting:%d/%m/%Y}" in warning["message"]
    # the clerk records the conclusion: no warning, and the same debts are now overdue
    recorded = saved(case, str(tmp_path / "da-ghi.xlsx"), {"milestones": conclusion(case)})
    assert _validate(recorded, today, capsys) == []
    after = {r["Mã ý kiến"]: r for r in _report(recorded, today, tmp_path / "b.xlsx", capsys)}
    assert not any(r["Còn nợ"] == OWED_UNDATED for r in after.values())
    for oid in owed:
        assert after[oid]["Hạn trả lời"] and after[oid]["Quá hạn"] == "Có", after[oid]


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_the_control_before_the_conclusions_last_day_nothing_is_told(seed, tmp_path, capsys):
    case = make_case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    today = case.meeting + dt.timedelta(days=3)
    assert _validate(path, today, capsys) == []
    rows = _report(path, today, tmp_path / "a.xlsx", capsys)
    assert not any(r["Còn nợ"] == OWED_UNDATED for r in rows)
