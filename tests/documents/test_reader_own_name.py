"""A letter to a citizen quotes her own words with her own name in them.

A ward's trial: the reply to Bà Đoàn Thị Lụa (CVTL) quoted her letter as "Đơn của bà [họ tên]
…", her own name masked in the letter addressed to her by that name. The letters addressed to
the citizen who wrote the words (CVTL, TBCD) keep that citizen's own name in them; any other
person's name stays masked there, and every name stays masked in what is posted or sent on
(BB, TBKL). Registries from the corpus generator, each named citizen's words signed with their
own name and naming a neighbour; the documents issued after the conference through the command,
their text read with python-docx.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
import re

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import personal

SEEDS = (1, 2, 3)
NEIGHBOUR = "Nguyễn Văn Tám"                 # written here: a person no row names


def _case(seed: int):
    case = make_case(seed)
    opinions = []
    for o in case.opinions:
        meant = case.truth.meant_person.get(o["opinion_id"])     # the name, proper spelling
        if meant and personal.named(o["raised_by"]):
            o = dict(o, content=f"{o['content']} Nhà ông {NEIGHBOUR} bên cạnh lấn chiếm lối đi "
                     f"(đơn do bà {personal.bare_name(meant)} ký).")
        opinions.append(o)
    return dataclasses.replace(case, opinions=opinions)


def _texts(out: str, kind: str) -> dict[str, str]:
    return {os.path.basename(p): "\n".join([x.text for x in Document(p).paragraphs] + [
        c.text for t in Document(p).tables for r in t.rows for c in r.cells])
        for p in glob.glob(os.path.join(out, "**", f"{kind}*.docx"), recursive=True)}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_letter_keeps_its_readers_own_name_and_masks_every_other(seed, tmp_path, capsys):
    case = _case(seed)
    reg = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "vb")
    cli.main(["generate", reg, "--docs", "CVTL,TBCD,TBKL,BB", "--out", out, "--today",
              (case.meeting + dt.timedelta(days=4)).isoformat()])
    capsys.readouterr()
    names = {o["opinion_id"]: personal.bare_name(case.truth.meant_person[o["opinion_id"]])
             for o in case.opinions if "(đơn do bà" in o["content"]}
    letters = _texts(out, "CVTL")
    checked = 0
    for file, text in letters.items():
        oid = re.search(r"YK-\d{4}-\d+", file).group(0)
        if oid in names:
            assert f"(đơn do bà {names[oid]} ký)" in text, (file, text[-600:])
            checked += 1
    notices = _texts(out, "TBCD")
    for file, text in notices.items():
        told = re.search(r"Kính gửi:\s*(?:Ông|Bà|Ông \(Bà\))\s+([^,\n.]+)", text)
        assert told and f"(đơn do bà {told.group(1).strip()} ký)" in text, (file, text[:800])
        checked += 1
    assert checked, "no letter to a named citizen in these registries"
    for file, text in {**letters, **notices, **_texts(out, "TBKL"), **_texts(out, "BB")}.items():
        assert NEIGHBOUR not in text, file
    for file, text in {**_texts(out, "TBKL"), **_texts(out, "BB")}.items():
        assert not any(f"bà {name} ký)" in text for name in names.values()), file


def test_the_property_fails_when_every_name_is_masked(tmp_path, capsys, monkeypatch):
    """Planted: the reader's own name masked too (the letters before)."""
    from doithoai.documents.context.common import BaseBuilder
    real = BaseBuilder.said
    monkeypatch.setattr(BaseBuilder, "said", lambda self, o, reader=None: real(self, o))
    with pytest.raises(AssertionError):
        test_a_letter_keeps_its_readers_own_name_and_masks_every_other(SEEDS[0], tmp_path,
                                                                         capsys)
