"""The copy an issuing run writes has its deadlines as the documents just issued make them: once
the conclusion notice is issued, each opinion's Hạn trả lời is filled (a fresh-eyes trial found
it empty until Tính hạn was pressed), and Mốc thời gian shows the steps those documents
complete. So `deadlines --write` on that copy writes the same Hạn trả lời and milestones again.
Days and kinds drawn from a seed; read from the copies as saved."""
import datetime as dt
import glob
import os
import random

import openpyxl
import pytest

from doithoai import cli
from doithoai.registry import schema

KINDS = ("TBKL", "TBKL,CVTL", "TBKL,BB,BCKQ", "BB")


def _sheet(path, sheet: schema.Sheet, keys) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(wb[sheet.name].iter_rows(values_only=True))
    finally:
        wb.close()
    cols = [rows[0].index(sheet.column(k).header) for k in keys]
    return [tuple(r[c] for c in cols) for r in rows[1:] if any(v is not None for v in r)]


@pytest.mark.parametrize("seed", range(4))
def test_an_issuing_copy_holds_the_deadlines_tinh_han_would_write(sample_copy, tmp_path, seed,
                                                                  capsys):
    rng = random.Random(seed)
    path = sample_copy("tu-minh")                   # its conference: 12/06/2026
    today = dt.date(2026, 6, 12) + dt.timedelta(days=rng.randint(1, 20))
    docs = KINDS[seed % len(KINDS)]
    assert cli.main(["generate", path, "--issue", "--docs", docs, "--today",
                     today.isoformat()]) == 0, capsys.readouterr().out
    copy = next(p for p in glob.glob(os.path.join(os.path.dirname(path), "*cap so*.xlsx")))
    again = str(tmp_path / "tinh-han.xlsx")
    assert cli.main(["deadlines", copy, "--today", today.isoformat(), "--out", again]) == 0
    opinion_keys = ("opinion_id", "reply_due")
    milestone_keys = ("plan_id", "opinion_id", "code", "due", "status")
    assert _sheet(copy, schema.OPINIONS, opinion_keys) == \
        _sheet(again, schema.OPINIONS, opinion_keys)
    assert _sheet(copy, schema.MILESTONES, milestone_keys) == \
        _sheet(again, schema.MILESTONES, milestone_keys)
    if "TBKL" in docs:                      # the replies' anchor is issued: their days are set
        assert any(due for _, due in _sheet(copy, schema.OPINIONS, opinion_keys))
