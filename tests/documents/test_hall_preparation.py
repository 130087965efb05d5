"""The plan gives the hall's preparation to the village that hosts the conference only when one
does; held in the commune's own hall, the office prepares it.

A fresh-eyes trial: a plan held at "Hội trường UBND xã Mường Phăng" gave "Chuẩn bị hội trường,
loa máy" to "Bản nơi tổ chức", a village that hosts nothing. Registries from the corpus
generator (tests/corpus), their venue typed as a village's house of culture (as generated) or
as the commune's hall; the plan (KH) drafted through the command and its timetable read back.
"""
from __future__ import annotations

import datetime as dt
import glob
import os

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(8)
HALL = "Chuẩn bị hội trường, loa máy"


def _hall_unit(case, venue: str | None, tmp_path, capsys) -> str | None:
    """The unit the drafted plan gives the hall's preparation, the venue typed as ``venue``
    (None: as generated)."""
    if venue is not None:
        case.plan["venue"] = venue
    tag = f"{case.seed}-{'own' if venue is None else 'hall'}"
    out = str(tmp_path / f"vb{tag}")
    cli.main(["generate", saved(case, str(tmp_path / f"so{tag}.xlsx")), "--docs", "KH",
              "--out", out, "--today", (case.meeting - dt.timedelta(days=40)).isoformat()])
    capsys.readouterr()
    for path in glob.glob(os.path.join(out, "**", "KH*.docx"), recursive=True):
        for table in Document(path).tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells]
                if len(cells) > 2 and cells[1] == HALL:
                    return cells[2]
    return None


def test_the_hall_is_prepared_by_who_hosts_the_conference(tmp_path, capsys):
    checked = 0
    for seed in SEEDS:
        case = make_case(seed)
        own = _hall_unit(case, None, tmp_path, capsys)
        hall = _hall_unit(make_case(seed), f"Hội trường UBND {case.settings['unit_name']}",
                          tmp_path, capsys)
        if own is None or hall is None:
            continue
        assert "nơi tổ chức" in own, (seed, own)           # "Thôn nơi tổ chức", "Bản …"
        assert hall.startswith("Văn phòng"), (seed, hall)
        checked += 1
    assert checked >= 4, checked


def test_the_property_fails_when_the_village_always_prepares_it(tmp_path, capsys,
                                                               monkeypatch):
    """Planted: the rule's unit printed as it is, wherever the conference is held."""
    from doithoai.documents.context.preparation import PreparationDocs
    monkeypatch.setattr(PreparationDocs, "host", lambda self, unit: self.unit(unit))
    with pytest.raises(AssertionError):
        test_the_hall_is_prepared_by_who_hosts_the_conference(tmp_path, capsys)


def test_the_rule_names_the_host_village_once():
    """The default rule and the plan read one constant."""
    assert any(r["code"] == "HOI_TRUONG" and r["unit"] == schema.HOST_VILLAGE
               for r in schema.DEFAULT_RULES)
