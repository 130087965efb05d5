"""The plan gives the hall's preparation to the village that hosts the conference, by its name,
only when one does; held in the commune's own hall, the office prepares it.

A fresh-eyes trial: a plan held at "Hội trường UBND xã Mường Phăng" gave "Chuẩn bị hội trường,
loa máy" to "Bản nơi tổ chức", a village that hosts nothing. Registries from the corpus
generator (tests/corpus), their venue typed as a village's house of culture (as generated) or
as the commune's hall; the plan (KH) drafted through the command and its timetable read back, beside what
`deadlines --json` says of the same step (a re-trial: the plan said the office, `deadlines` and
Mốc thời gian still the village).
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(8)
HALL = "Chuẩn bị hội trường, loa máy"


def _hall_unit(case, venue: str | None, tmp_path, capsys, tag: str = "own") -> str | None:
    """The unit the drafted plan gives the hall's preparation, the venue typed as ``venue``
    (None: as generated), checked against what `deadlines --json` says of the same step."""
    if venue is not None:
        case.plan["venue"] = venue
    tag = f"{case.seed}-{tag}"
    out, day = str(tmp_path / f"vb{tag}"), (case.meeting - dt.timedelta(days=40)).isoformat()
    path = saved(case, str(tmp_path / f"so{tag}.xlsx"))
    cli.main(["generate", path, "--docs", "KH", "--out", out, "--today", day])
    capsys.readouterr()
    cli.main(["deadlines", "--json", "--today", day, path])
    listed = {m["unit"] for m in json.loads(capsys.readouterr().out)["milestones"]
              if m["code"] == "HOI_TRUONG"}
    for doc in glob.glob(os.path.join(out, "**", "KH*.docx"), recursive=True):
        for table in Document(doc).tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells]
                if len(cells) > 2 and cells[1] == HALL:
                    assert len(listed) == 1 and (cells[2].startswith("Văn phòng") ==
                                                 listed.pop().startswith("Văn phòng")), \
                        (case.seed, cells[2], listed)
                    return cells[2]
    return None


def test_the_hall_is_prepared_by_who_hosts_the_conference(tmp_path, capsys):
    checked = 0
    for seed in SEEDS:
        case = make_case(seed)
        own = _hall_unit(case, None, tmp_path, capsys)
        committee = ("UBND", "Ủy ban nhân dân")[seed % 2]
        hall = _hall_unit(make_case(seed), f"Hội trường {committee} {case.settings['unit_name']}",
                          tmp_path, capsys, "hall")
        # a village's hall outside the plan's villages still hosts it (the sample's "Hội
        # trường Thôn 1" once the plan's villages were typed anew)
        other = _hall_unit(make_case(seed), "Nhà văn hóa thôn Khác Xa", tmp_path, capsys,
                           "other")
        # the committee's hall with its street address, even one naming a village of the plan
        # (a re-trial in Hà Nội: "…, số 5 phố Hai Bà Trưng" gave it to a tổ dân phố)
        addressed = _hall_unit(make_case(seed), f"Hội trường {committee} "
                               f"{case.settings['unit_name']}, số 5 phố Hai Bà Trưng, "
                               f"{case.truth.villages[0]}", tmp_path, capsys, "addressed")
        if own is None or hall is None or other is None or addressed is None:
            continue
        # the village named: the one the venue names, as the plan's Phạm vi spells it (a
        # trial: "Nhà văn hóa cộng đồng Buôn Ea Sar" gave "Buôn, thôn nơi tổ chức")
        assert own == case.truth.villages[0], (seed, own, case.truth.villages[0])
        assert "nơi tổ chức" in other, (seed, other)
        assert hall.startswith("Văn phòng") and addressed.startswith("Văn phòng"), \
            (seed, hall, addressed)
        checked += 1
    assert checked >= 4, checked


def test_the_property_fails_when_the_village_always_prepares_it(tmp_path, capsys,
                                                               monkeypatch):
    """Planted: the rule's unit, wherever the conference is held (the plan and `deadlines`
    alike: one mechanism)."""
    from doithoai.rules import agencies
    monkeypatch.setattr(agencies, "host_unit", lambda unit, plan: unit)
    with pytest.raises(AssertionError):
        test_the_hall_is_prepared_by_who_hosts_the_conference(tmp_path, capsys)


def test_the_rule_names_the_host_village_once():
    """The default rule and the plan read one constant."""
    assert any(r["code"] == "HOI_TRUONG" and r["unit"] == schema.HOST_VILLAGE
               for r in schema.DEFAULT_RULES)
