"""The conclusion notice never leaves a heading with nothing under it.

The final read of this stop: a TBKL whose conference answered no opinion on the spot printed
"1. Các ý kiến đã được trả lời tại hội nghị" straight above "2. …". Registries from the corpus
generator (tests/corpus), with no opinion answered at the meeting (every "Có" retyped "Không",
a status of the meeting made "Mới") and as generated (the control), the TBKL made after the
meeting and read back with python-docx.
"""
from __future__ import annotations

import dataclasses

from docx import Document

from corpus.registries import make_case
from corpus.run import days_around, saved
from doithoai.documents import generate
from doithoai.files import reader

SEEDS = range(10)
NONE_SAID = "Không có ý kiến nào được trả lời ngay tại hội nghị."


def _conclusion(case, path: str, folder: str) -> list[str] | None:
    """The TBKL's lines; None where the generated registry's own errors refuse it."""
    _, after = days_around(case)
    res = generate.generate(reader.read_registry(saved(case, path)), folder, codes=["TBKL"],
                            today=after)
    made = [f for f in res.files if f.endswith("TBKL.docx")]
    if not made:
        return None
    return [p.text.strip() for p in Document(made[0]).paragraphs if p.text.strip()]


def test_no_heading_of_the_conclusion_is_left_empty(tmp_path):
    made = sum(_empty_first_section(seed, tmp_path / str(seed)) for seed in SEEDS)
    assert made >= len(SEEDS) // 2, made


def _empty_first_section(seed: int, tmp_path) -> bool:
    """One seed checked (with its control); whether its TBKL could be made."""
    tmp_path.mkdir()
    case = make_case(seed)
    none = dataclasses.replace(case, opinions=[
        dict(o, answered_at_meeting="Không", status="Mới" if o["status"] ==
             "Đã trả lời tại hội nghị" else o["status"]) for o in case.opinions])
    lines = _conclusion(none, str(tmp_path / "a.xlsx"), str(tmp_path / "a"))
    if lines is None:
        return False
    first = next(n for n, line in enumerate(lines) if line.startswith("1. "))
    assert lines[first + 1] == NONE_SAID, lines[first:first + 3]
    control = _conclusion(case, str(tmp_path / "b.xlsx"), str(tmp_path / "b"))
    answered = any(o.get("answered_at_meeting") == "Có" and not o.get("duplicate_of")
                   for o in case.opinions)
    assert (NONE_SAID in control) != answered, control
    return True
