"""The province's roll-up of the answers and resolutions given late (monitoring format 3), beside
communes that have not updated and still send format 2 (without them).

Communes from the corpus generator with replies dated around their due dates
(tests/monitoring/test_late.py), each through `doithoai monitor`; one of them sent as its older
copy of doithoai made it: the four late columns gone, Phiên bản định dạng 2. The roll-up's
Theo xã, read back with openpyxl: each commune's late counts equal its own workbook's, the
old-format commune's say "không có số liệu" (never 0) while its other figures still count, the
total sums those that have them, and Giới thiệu says one commune lacks them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import openpyxl
import pytest

from corpus import late
from corpus.run import saved
from doithoai import cli
from doithoai.monitoring import workbook
from doithoai.province import book, inputs, rollup

duckdb = pytest.importorskip("duckdb", reason="the province extra (duckdb) is not installed")

LATE_COLUMNS = ("Trả lời muộn", "Số ngày làm việc trả lời muộn", "Giải quyết muộn",
                "Số ngày làm việc giải quyết muộn")


def _as_format_2(path: str) -> None:
    """The workbook as a commune's older doithoai made it: no late columns, format 2."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Theo dõi ý kiến"]
    for name in LATE_COLUMNS:
        head = [c.value for c in ws[1]]
        ws.delete_cols(head.index(name) + 1)
    for row in wb[workbook.IDENTITY_SHEET].iter_rows(min_row=2):
        if row[0].value == "Phiên bản định dạng":
            row[1].value = 2
    wb.save(path)


def _commune(seed: int, n: int, tmp_path, capsys) -> tuple[str, dict]:
    """A commune's monitoring workbook (as of a day after every event) and its own figures."""
    case, path, _, _, days = late.made(seed, tmp_path, capsys)
    case = dataclasses.replace(case, settings=dict(case.settings, unit_name=f"Xã Thử Số {n}",
                                                   province="Tỉnh Nghệ An"))
    path = saved(case, str(tmp_path / f"xa-{n}.xlsx"), {"milestones": late.conclusion(case)})
    out = str(tmp_path / f"theo-doi-{n}.xlsx")
    assert cli.main(["monitor", path, "--as-of", days[1].isoformat(), "--out", out]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(out)
    counted = [r for r in late.detail(wb) if not r["Trùng với"]]
    return out, {"Ý kiến": len(counted),
                 "Đã trả lời nhưng muộn": sum(r["Trả lời muộn"] == "Có" for r in counted),
                 "Đã giải quyết xong nhưng muộn": sum(r["Giải quyết muộn"] == "Có"
                                                      for r in counted)}


def test_late_answers_roll_up_and_an_older_format_says_it_has_none(tmp_path, capsys):
    made = [_commune(seed, n, tmp_path, capsys) for n, seed in enumerate(late.SEEDS[:4], 1)]
    assert sum(f["Đã trả lời nhưng muộn"] for _, f in made) > 0
    old_path, old = made[-1]
    _as_format_2(old_path)
    res = rollup.rollup([p for p, _ in made], str(tmp_path / "tinh.xlsx"))
    assert [i.outcome for i in res.items] == [inputs.USED] * 4, [i.line for i in res.items]
    wb = openpyxl.load_workbook(res.workbook)
    rows = list(wb["Theo xã"].iter_rows(values_only=True))
    head = rows[0]
    by_unit = {r[0]: dict(zip(head, r)) for r in rows[1:] if r[0] and r[1]}
    total = dict(zip(head, next(r for r in rows if r[0] == "Tổng cộng")))
    for n, (_, figures) in enumerate(made, 1):
        got = by_unit[f"Xã Thử Số {n}"]
        assert got["Ý kiến"] == figures["Ý kiến"]          # an old format still counts
        for key in ("Đã trả lời nhưng muộn", "Đã giải quyết xong nhưng muộn"):
            want = book.NO_DATA if n == len(made) else figures[key]
            assert got[key] == want, (n, key)
    for key in ("Đã trả lời nhưng muộn", "Đã giải quyết xong nhưng muộn"):
        assert total[key] == sum(f[key] for _, f in made[:-1]), key
    assert total["Ý kiến"] == sum(f["Ý kiến"] for _, f in made)
    intro = " ".join(c.value for c in wb["Giới thiệu"]["A"] if isinstance(c.value, str))
    assert (f"Đã trả lời nhưng muộn (sau hạn trả lời): {total['Đã trả lời nhưng muộn']};"
            in intro)
    assert "1 đơn vị gửi báo cáo theo dõi định dạng cũ (phiên bản 2)" in intro, intro
    con = duckdb.connect(res.database, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM opinions o JOIN communes c USING (commune_id) "
                           "WHERE c.format_version = 2 AND o.answered_late IS NOT NULL"
                           ).fetchone()[0] == 0
    finally:
        con.close()
    # Without any older workbook: no such sentence.
    res = rollup.rollup([p for p, _ in made[:-1]], str(tmp_path / "tinh-moi.xlsx"))
    intro = " ".join(c.value for c in openpyxl.load_workbook(res.workbook)["Giới thiệu"]["A"]
                     if isinstance(c.value, str))
    assert "định dạng cũ" not in intro
