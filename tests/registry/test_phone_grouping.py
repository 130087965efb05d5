"""A contact phone printed in the groups its owner reads it in.

A ward of Hồ Chí Minh City typed its office's phone "028 3820 4571"; the notice, the Front's
intake form and the loudspeaker text printed "0283 8204 571", the area code split, and a reader
on the loudspeaker reads the groups printed. Landlines generated here with every kind of area
code (three digits for Hà Nội and Hồ Chí Minh City, four for the others: the table is written
here from the 2017 area codes, not read from the product), typed as clerks type them; the
printed number keeps the area code as its first group and every digit; and the notice (TB) and
the loudspeaker text (TTTT) of a corpus registry, read from their files, print it so.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
import random

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import parsing

SHORT = ("024", "028")
LONG = ("0203", "0204", "0206", "0208", "0210", "0212", "0215", "0220", "0225", "0228",
        "0232", "0236", "0251", "0254", "0263", "0269", "0270", "0290", "0292", "0299")


def _landline(rng: random.Random) -> tuple[str, str]:
    """(area code, the whole number's digits)."""
    code = rng.choice(SHORT + LONG)
    rest = "".join(str(rng.randint(0, 9)) for _ in range(11 - len(code)))
    return code, code + rest


def _typed(rng: random.Random, digits: str) -> str:
    return rng.choice([digits, f"{digits[:3]} {digits[3:]}", f"{digits[:3]}.{digits[3:7]}."
                       f"{digits[7:]}", f"({digits[:4]}) {digits[4:]}", f"+84 {digits[1:]}"])


@pytest.mark.parametrize("seed", range(4))
def test_a_landline_is_printed_with_its_area_code_apart(seed):
    rng = random.Random(seed)
    wrong = []
    for _ in range(300):
        code, digits = _landline(rng)
        printed = parsing.format_phone(parsing.parse_phone(_typed(rng, digits)))
        if printed.split()[0] != code or printed.replace(" ", "") != digits:
            wrong.append((digits, printed))
    assert not wrong, wrong[:10]


def test_the_property_fails_on_the_old_grouping(monkeypatch):
    """Planted: every landline grouped 4-4-3 (the old format_phone)."""
    monkeypatch.setattr(parsing, "format_phone",
                        lambda d, as_issued=False: f"{d[:4]} {d[4:8]} {d[8:]}" if len(d) == 11
                        else f"{d[:4]} {d[4:7]} {d[7:]}")
    with pytest.raises(AssertionError):
        test_a_landline_is_printed_with_its_area_code_apart(0)


def test_the_notice_and_the_loudspeaker_text_print_the_city_number_as_typed(tmp_path, capsys):
    case = make_case(1)
    case = dataclasses.replace(case, settings={**case.settings, "contact_phone": "028 3820 4571"})
    reg = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "vb")
    cli.main(["generate", reg, "--docs", "TB,TTTT", "--out", out, "--today",
              (case.meeting - dt.timedelta(days=25)).isoformat()])
    capsys.readouterr()
    texts = ["\n".join(p.text for p in Document(path).paragraphs)
             for path in glob.glob(os.path.join(out, "**", "TB.docx"), recursive=True)]
    texts += [open(path, encoding="utf-8").read()
              for path in glob.glob(os.path.join(out, "**", "TTTT*.txt"), recursive=True)]
    assert len(texts) == 2, texts
    for text in texts:
        assert "028 3820 4571" in text and "0283 8204 571" not in text
