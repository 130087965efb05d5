"""No opinion's row is lost where a list crosses a page (the BCTH of a trial printed one of the
five rows of its field "7. … người nghèo" in LibreOffice 7.4, the other four only in the .docx).

A generated commune (corpus.registries) with opinions of every length, from a few words to a
text taller than a page, grouped in a few fields so that the tables cross several page breaks.
Each opinion starts and ends with a word of its own; the summary report and the letter
assigning them to one agency are converted to PDF by LibreOffice, and both words of every opinion
must be in the PDF's text (they are in the .docx: the test checks that first). A row that may
not split (``w:cantSplit``) failed both ways: its end was cut off where it ran past a page, and
the rows after a header that keeps with the next row were dropped.
"""
import datetime as dt
import os
import random
import shutil
import subprocess

import pytest
from docx import Document

import lo_convert
from corpus.registries import agencies_of, make_case
from corpus.run import registry_of
from doithoai.documents import generate

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to read the printed rows")

SEED = 1
WORDS = ("đề nghị xã sớm kiểm tra sửa chữa tuyến đường liên thôn bị sạt lở sau mưa lớn gây "
         "nguy hiểm cho học sinh người già đi lại buổi tối hỗ trợ kinh phí công khai danh sách "
         "hộ nghèo nước sạch rác thải ruộng đồng kênh mương điện chiếu sáng").split()
# Words of an opinion: mostly a line or a few, some a long paragraph, some of about a page and
# some of several pages.
LENGTHS = [3, 6, 10, 14, 20, 28, 40, 60, 90, 140] * 2 + [250, 400, 550, 700, 850, 1000, 1300]


def mark(n: int) -> tuple[str, str]:
    return f"ykdau{n:02d}", f"ykcuoi{n:02d}"


def opinions(case, rng: random.Random) -> list[dict]:
    meeting = case.meeting
    plan_id = case.plan["plan_id"]
    own = [a for a, level in agencies_of(case.settings["unit_type"]) if level == "Trực thuộc"]
    fields = rng.sample(["Kinh tế - Giao thông, thủy lợi, điện, nước",
                         "Văn hóa - xã hội - Chính sách người có công, người nghèo",
                         "An ninh - Trật tự, an toàn giao thông", "Thủ tục hành chính"], 3)
    lengths = LENGTHS[:]
    rng.shuffle(lengths)
    rows = []
    for n, length in enumerate(lengths, 1):
        first, last = mark(n)
        words = " ".join(rng.choice(WORDS) for _ in range(length))
        rows.append(dict(
            opinion_id=f"YK-{meeting.year}-{n:03d}", plan_id=plan_id, source="Phiếu hỏi",
            received_date=meeting - dt.timedelta(days=20), raised_by=f"Ông Lò Văn Minh {n}",
            address=rng.choice(case.truth.villages), content=f"{first} {words} {last}.",
            field=fields[n % len(fields)], competence="Xã", agency=own[1],
            answered_at_meeting="Không", status="Đã phân công",
            assigned_date=meeting - dt.timedelta(days=10)))
    return rows


def pdf_text(docx: str, outdir) -> str:
    lo_convert.convert(docx, outdir)
    pdf = os.path.join(str(outdir), os.path.basename(docx)[:-5] + ".pdf")
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout


def docx_text(path: str) -> str:
    doc = Document(path)
    return "\n".join([p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_every_opinion_is_printed_whole_where_its_table_crosses_pages(tmp_path):
    case = make_case(SEED)
    case.opinions = opinions(case, random.Random(SEED))
    out = tmp_path / "vb"
    generate.generate(registry_of(case), str(out), today=case.meeting - dt.timedelta(days=3),
                      codes=["BCTH", "CVPC"])
    folder = out / case.plan["plan_id"]
    [letter] = [f for f in os.listdir(folder) if f.startswith("CVPC_")]   # the one agency's
    words = [w for n in range(1, len(case.opinions) + 1) for w in mark(n)]
    lost = {}
    for name in ("BCTH.docx", letter):
        path = str(folder / name)
        assert [w for w in words if w not in docx_text(path)] == [], name
        printed = pdf_text(path, tmp_path / "pdf")
        lost[name] = [w for w in words if w not in printed]
    assert lost == {"BCTH.docx": [], letter: []}, f"words of {len(words)} not printed: {lost}"
