"""An opinion sent up by an issued recommendation (CVKN) but still "Mới" is noted.

A fresh-eyes trial: after the recommendation upward was issued, the two opinions it carried to
the province stayed "Mới" until the clerk changed them by hand, and nothing said so; the
monitoring workbook the party office reads showed them as new. The tool does not advance a
typed status: validate says which rows are behind, naming the letter. Registries from the
corpus generator (tests/corpus), issued after the meeting through the command, the copy
validated as the clerk runs it (--json), and the same registry before issuing as the control.
"""
from __future__ import annotations

import glob
import json

from corpus.registries import make_case
from corpus.run import days_around
from doithoai import cli

SEEDS = range(12)


def _doubts(path: str, today, capsys) -> dict[str, str]:
    capsys.readouterr()
    cli.main(["validate", path, "--today", today.isoformat(), "--json"])
    found = json.loads(capsys.readouterr().out)
    items = found["issues"]
    return {p["cell"]: p["message"] for p in items
            if p["code"] == "status-doubt" and "công văn kiến nghị cấp trên" in p["message"]}


def _registry(case, path: str) -> list[str]:
    """The case saved, each opinion beyond the commune (Thẩm quyền Cấp trên) not answered at
    the meeting left "Mới", as a clerk who never changed it leaves it: their codes."""
    from doithoai.files import atomic, blank
    rows = case.rows()
    behind = []
    for o in rows["opinions"]:
        if o.get("competence") == "Cấp trên" and not o.get("duplicate_of") and \
                o.get("answered_at_meeting") != "Có" and o.get("opinion_id"):
            o.update(status="Mới", reply_number=None, reply_date=None, resolved_date=None)
            behind.append(o["opinion_id"])
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        k: rows[k] for k in ("plans", "invitees", "opinions", "survey")}), path)
    return behind


def test_an_opinion_sent_up_but_still_new_is_noted(tmp_path, capsys):
    noted = 0
    for seed in SEEDS:
        case = make_case(seed)
        _, after = days_around(case)
        path = str(tmp_path / f"so-{seed}.xlsx")
        behind = _registry(case, path)
        assert _doubts(path, after, capsys) == {}               # nothing issued yet
        out = tmp_path / f"vb-{seed}"
        before = set(glob.glob(str(tmp_path / "*.xlsx")))
        cli.main(["generate", path, "--issue", "--out", str(out), "--today", after.isoformat()])
        said = capsys.readouterr().out
        copies = sorted(set(glob.glob(str(tmp_path / "*.xlsx"))) - before)
        if not copies or "(CVKN)" not in said:
            continue                      # no recommendation issued (its rows had errors)
        doubts = _doubts(copies[0], after, capsys)
        reader_rows = _rows_of(copies[0])
        assert {reader_rows[c] for c in doubts} == set(behind), (seed, doubts, behind)
        noted += len(doubts)
    assert noted >= 3, noted


def _rows_of(path: str) -> dict[str, str]:
    """Each Trạng thái cell of Ý kiến → the opinion's code."""
    from doithoai.files import reader
    reg = reader.read_registry(path)
    col = reg.tables["opinions"].columns["status"]
    from doithoai.registry.cellref import a1
    return {a1(o.row, col): o.opinion_id for o in reg.opinions}
