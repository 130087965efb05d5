"""Answers and resolutions given LATE: the monitoring report says them, apart from the overdue.

An opinion answered one working day after its Hạn trả lời read "Quá hạn: Không" and counted
nowhere as late (the report only knew what was still owed). Registries from the corpus generator
(tests/corpus), given a conclusion notice (a KET_LUAN row of Mốc thời gian the clerk completed),
then seeded edits: written replies and resolutions dated before, on and after the due dates that
`doithoai deadlines --json` computes; answers at the meeting and opinions sent up given replies
long after any due date (never late for the commune). Then `doithoai monitor --as-of DAY`, the
saved workbook read back with openpyxl: every late figure equals the count of its own detail
rows, the count of rows whose date is after its due date as the detail shows them, and the
count recomputed from the typed rows, the due dates of `doithoai deadlines` and a working
calendar (rules.workcalendar) built from the registry's Ngày nghỉ sheet.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from corpus import late
from doithoai import cli
from doithoai.monitoring import chain, dashboard
from doithoai.monitoring.workbook import LATE_ANSWER, LATE_RESOLUTION
from doithoai.files import reader

YES = late.YES
REPLY, RESOLVE = ("Ngày trả lời", "Hạn trả lời", "Trả lời muộn", "Số ngày làm việc trả lời muộn"), \
    ("Ngày giải quyết xong", "Hạn giải quyết", "Giải quyết muộn",
     "Số ngày làm việc giải quyết muộn")


def _report(path: str, out: str, as_of: dt.date, capsys) -> tuple[openpyxl.Workbook, str]:
    assert cli.main(["monitor", path, "--as-of", as_of.isoformat(), "--out", out]) == 0
    return openpyxl.load_workbook(out), capsys.readouterr().out


def _day(value) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _table(wb, title_start: str) -> tuple[list, list[list]]:
    rows = list(wb["Tổng hợp"].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if isinstance(r[0], str)
               and r[0].startswith(title_start)) + 1
    body = []
    for r in rows[top + 1:]:
        if r[0] is None:
            break
        body.append(list(r))
    return list(rows[top]), body


def _intro_number(wb, start: str) -> int:
    line = next(c.value for c in wb["Giới thiệu"]["A"] if isinstance(c.value, str)
                and c.value.startswith(start))
    return int(line.split(": ", 1)[1].split()[0])


@pytest.mark.parametrize("seed", late.SEEDS)
def test_late_answers_and_resolutions_are_shown_and_counted(seed, tmp_path, capsys):
    case, path, dues, cal, days = late.made(seed, tmp_path, capsys)
    late_seen = 0
    for as_of in days:
        wb, said = _report(path, str(tmp_path / f"m-{as_of}.xlsx"), as_of, capsys)
        detail = late.detail(wb)
        for step, columns in enumerate((REPLY, RESOLVE)):
            want = late.expected(case, dues, cal, as_of, step)
            _one_step(detail, columns, want, step == 0)
            key, column = (("answered", LATE_ANSWER), ("resolved", LATE_RESOLUTION))[step]
            _tables_agree(wb, column, len(want), key)
            late_seen += len(want)
        _never_late(case, {r["Mã ý kiến"]: r for r in detail}, as_of)
        answers = late.expected(case, dues, cal, as_of, 0)
        assert f"(trong đó {len(answers)} trả lời muộn)" in said.splitlines()[0], said
        if as_of == days[1]:            # the registry's Tổng hợp says it too
            reg = reader.read_registry(path)
            stamp = dashboard.changes(reg, chain.build(reg, as_of), as_of).blocks[0].values[0][0]
            assert f"đã trả lời nhưng muộn {len(answers)}," in stamp, stamp
    assert late_seen, "no late answer at all: the seed tests nothing"


def _one_step(detail: list[dict], columns: tuple, want: dict, replies: bool) -> None:
    """The detail's late rows of one step (the reply, the resolution): the same as its own
    date and due date columns say, and as ``want`` (recomputed from the registry) says."""
    given_col, due_col, flag, days_col = columns
    counted = [r for r in detail if not r["Trùng với"]]
    shown = {r["Mã ý kiến"]: r[days_col] for r in counted if r[flag] == YES}
    # the detail's own columns: the date after the due date, as printed beside it
    by_dates = {r["Mã ý kiến"] for r in counted if r[given_col] and r[due_col]
                and _day(r[given_col]) > _day(r[due_col])}
    assert set(shown) == by_dates, flag
    # ... and recomputed from the typed rows, the deadlines and the working calendar
    assert shown == want, flag
    for r in detail:
        if r[flag] != YES:
            assert r[days_col] is None, (r["Mã ý kiến"], flag)
        if replies and r["Trả lời tại hội nghị"] == YES:     # answered, and never late
            assert r[flag] == "Không", r["Mã ý kiến"]
        elif _day(r[given_col]) is None:                      # not given by the day
            assert r[flag] is None, (r["Mã ý kiến"], flag)


def _never_late(case, rows: dict, as_of: dt.date) -> None:
    """An answer at the meeting, an opinion sent up: never late, however late their dates.
    A reply dated after the day is no reply yet: blank, never counted late."""
    for o in case.opinions:
        r = rows.get(o["opinion_id"])
        if r is None:
            continue
        if late.at_meeting(o) or late.up(o):
            assert r["Trả lời muộn"] != YES and r["Giải quyết muộn"] != YES, o["opinion_id"]
        given = late.typed_date(o.get("reply_date"))
        if given and given > as_of:
            assert r["Ngày trả lời"] is None
            assert r["Trả lời muộn"] is None or late.at_meeting(o)


def _tables_agree(wb, column: str, late: int, key: str) -> None:
    """Giới thiệu, the field table and the agency table say the same count; a part of the
    answered (resolved), never the overdue."""
    start = {"answered": "Đã trả lời nhưng muộn", "resolved": "Đã giải quyết xong nhưng muộn"}
    assert _intro_number(wb, start[key]) == late
    head, body = _table(wb, "1. Theo lĩnh vực")
    assert sum(r[head.index(column)] for r in body) == late
    whole = {"answered": "Đã trả lời", "resolved": "Đã giải quyết xong"}[key]
    assert all(r[head.index(column)] <= r[head.index(whole)] for r in body)
    head, body = _table(wb, "3. Theo cơ quan")
    assert sum(r[head.index(column)] for r in body) == late
    # the partition stays: every table sums to the opinions raised
    head, body = _table(wb, "1. Theo lĩnh vực")
    assert sum(r[head.index("Đã nêu")] for r in body) == _intro_number(wb, "Ý kiến, kiến nghị")
