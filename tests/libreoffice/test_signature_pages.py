"""In print, the signer's title and name are on one page, with the text's last lines above them.

A fresh-eyes trial converted the minutes (BB) to PDF with LibreOffice: THƯ KÝ / CHỦ TỌA sat at
the foot of page 3 and the two names alone at the top of page 4. Two generated communes
(corpus.registries: a xã's People's Committee and a Đảng ủy) are given six opinions, the first of
which grows by a few lines from one variant to the next (seeded words), so that the end of the
text, and the signature block after it, moves down the page across a page end. The minutes, the
summary report, the conclusion notice, the letter assigning the opinions and the reply to the
citizen of the growing opinion are drafted, converted to PDF by one LibreOffice, and read back
with pdftotext: every line of the signature block (the signer's title lines and name, both
signers of the minutes, a letter's "Nơi nhận:" beside them) and the last words of the text are
on one page. tests/documents/test_signature_keeps.py checks the properties in the .docx.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict

import pytest
from docx import Document

import conformance
import lo_convert
from corpus.registries import agencies_of, make_case
from corpus.run import registry_of
from doithoai.documents import generate

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to read the printed pages")

SEEDS = (1, 4)              # a xã's UBND, a Đảng ủy
VARIANTS = 12
# Words the first opinion gains from one variant to the next: about three lines, less than the
# height of a signature block, so that in some variant the block meets each page end it crosses.
GROWTH = 40
KINDS = ("BB", "BCTH", "TBKL", "CVPC", "CVTL")
WORDS = ("sửa chữa nâng cấp tuyến đường bê tông liên thôn mương thoát nước bị bồi lấp sau mùa "
         "mưa bão làm ngập úng nhà dân hỗ trợ kinh phí hộ nghèo đèn chiếu sáng công cộng").split()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _opinions(case, grow: int) -> list[dict]:
    """Six opinions of the plan, the first ``grow`` words longer; every third answered at the
    meeting, the others assigned to one of the commune's own agencies with a reply typed."""
    rng = random.Random(case.seed)
    meeting, plan_id = case.meeting, case.plan["plan_id"]
    agency = [a for a, level in agencies_of(case.settings["unit_type"])
              if level == "Trực thuộc"][1]
    rows = []
    for n in range(1, 7):
        there = n % 3 == 0
        rows.append(dict(
            opinion_id=f"YK-{meeting.year}-{n:03d}", plan_id=plan_id, source="Phiếu hỏi",
            received_date=meeting - dt.timedelta(days=20), raised_by=f"Ông Lường Văn Sáng {n}",
            address=rng.choice(case.truth.villages),
            content=f"Đề nghị {_words(rng, rng.randint(15, 40) + (grow if n == 1 else 0))}.",
            field="Thủ tục hành chính", competence="Xã", agency=agency,
            answered_at_meeting="Có" if there else "Không",
            status="Đã trả lời tại hội nghị" if there else "Đã phân công",
            answer=f"Ủy ban trả lời: {_words(rng, rng.randint(10, 30))}.",
            assigned_date=meeting - dt.timedelta(days=10)))
    return rows


def _drafted(seed: int, variant: int, folder) -> dict[str, str]:
    """Kind → the drafted document of that kind of one variant (the reply: to the citizen of
    the growing opinion)."""
    case = make_case(seed)
    case.opinions = _opinions(case, variant * GROWTH)
    out = folder / f"{seed}-{variant:02d}"
    generate.generate(registry_of(case), str(out), today=case.meeting + dt.timedelta(days=1),
                      codes=list(KINDS))
    made = {}
    for path in sorted(out.rglob("*.docx")):
        kind = path.name.split("_")[0].split(".")[0]
        if kind != "CVTL" or "-001_" in path.name:
            made.setdefault(kind, str(path))
    return made


def _squashed(text: str) -> str:
    """Text without its spaces and line ends (pdftotext spaces out justified lines), in NFC."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _block_lines(path: str) -> tuple[list[str], str]:
    """The lines of the document's signature block as printed (a letter's Nơi nhận heading and
    its signer's lines; both signers of the minutes), and the last words of the text above."""
    doc = Document(path)
    [block] = [t for t in doc.tables if t.rows[0].cells[0].text.strip().startswith(
        conformance.SIGNATURE_STARTS)]
    cells = [[p.text for p in c.paragraphs if p.text.strip()] for c in block.rows[0].cells]
    lines = cells[0][:1] + cells[1] if cells[0][0].startswith("Nơi nhận") else cells[0] + cells[1]
    prev = block._tbl.getprevious()
    while not "".join(prev.itertext()).strip():
        prev = prev.getprevious()
    return lines, _squashed("".join(prev.itertext()))[-20:]


def _pages(pdf: str) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    return [_squashed(page) for page in text.split("\f")[:-1]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> list[tuple[str, str, str]]:
    """(kind, .docx, .pdf) of every document of every variant, converted by one LibreOffice."""
    folder = tmp_path_factory.mktemp("chu-ky-in")
    flat = folder / "in"
    flat.mkdir()
    docs = []
    for seed in SEEDS:
        for variant in range(VARIANTS):
            for kind, path in _drafted(seed, variant, folder).items():
                copy = flat / f"{seed}-{variant:02d}-{os.path.basename(path)}"
                shutil.copy(path, copy)
                docs.append((kind, str(copy), str(copy)[:-5] + ".pdf"))
    lo_convert.convert([docx for _, docx, _ in docs], flat, timeout=300)
    return docs


def test_the_signature_block_prints_on_one_page_with_the_end_of_the_text(printed):
    split, last_pages = {}, defaultdict(set)
    for kind, docx, pdf in printed:
        lines, text_end = _block_lines(docx)
        pages = _pages(pdf)
        where = {line: max((n for n, page in enumerate(pages, 1) if _squashed(line) in page),
                           default=None) for line in lines}
        where["… " + text_end] = max((n for n, page in enumerate(pages, 1) if text_end in page),
                                     default=None)
        if len(set(where.values())) != 1 or None in where.values():
            split[os.path.basename(pdf)] = where
        last_pages[kind].add(len(pages))
    assert {kind for kind, _, _ in printed} == set(KINDS)
    # The variants moved each kind's end across a page end, so the block met it somewhere.
    assert all(len(counts) > 1 for counts in last_pages.values()), dict(last_pages)
    assert split == {}, f"{len(split)} of {len(printed)} documents print their signature " \
                        f"block apart (the page of each line): {split}"
