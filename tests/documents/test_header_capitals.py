"""The header names the issuing body and its superior in capitals (Decree 30/2020/NĐ-CP,
Appendix I), however Cấu hình spells them.

A fresh-eyes trial typed "Ủy ban nhân dân phường Hải Bình" and every document printed
"Ủy ban nhân dân / phường Hải Bình" in its header. Registries from the corpus generator
(tests/corpus), their Tên cơ quan ban hành and Cơ quan chủ quản retyped in a seeded case (as
typed, lower, title case), documents made as the clerk makes them and their header read back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai.documents import generate
from doithoai.files import reader

SEEDS = range(6)
CASES = (str.lower, str.title, lambda s: s)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_header_names_the_bodies_in_capitals(seed, tmp_path):
    rng = random.Random(seed)
    case = make_case(seed)
    typed = {key: rng.choice(CASES)(case.settings[key])
             for key in ("issuer_name", "parent_agency", "party_superior",
                         "party_committee_name") if case.settings.get(key)}
    case = dataclasses.replace(case, settings=dict(case.settings, **typed))
    reg = reader.read_registry(saved(case, str(tmp_path / "so.xlsx")))
    res = generate.generate(reg, str(tmp_path / "vb"), codes=["TB", "KH"],
                            today=case.meeting - dt.timedelta(days=10))
    made = [f for f in res.files if f.endswith(".docx")]
    assert made, res.refusals
    for path in made:
        header = Document(path).tables[0].rows[0].cells[0].text
        lines = [line for line in header.replace("\xa0", " ").split("\n") if line.strip()]
        assert lines and all(line == line.upper() for line in lines), (path, lines)
        body = case.settings["party_committee_name" if case.party else "issuer_name"]
        assert " ".join(body.upper().split()) in " ".join(" ".join(lines).split()), (lines, body)
