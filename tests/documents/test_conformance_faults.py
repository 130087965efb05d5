"""The conformance checker fails on a copy of each fault issue 18 observed, and passes on the
originals (test_documents checks every document of the five samples)."""
import datetime as dt
import os
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

import conformance
from doithoai.documents import generate
from doithoai.files import reader

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def docs(sample_paths, tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    generate.generate(reader.read_registry(sample_paths["tu-minh"]), str(folder), today=TODAY,
                      codes=["KH", "TB", "GM", "SGN", "DSDB", "CVPC", "CVDD", "CVKN", "BCKQ",
                             "TTTT"])
    return os.path.join(str(folder), "KH-2026-01")


def set_text(p, text):
    p.runs[0].text = text
    for r in p.runs[1:]:
        r.text = ""


def para(doc, start):
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def faulty(docs, tmp_path, name, change):
    doc = Document(os.path.join(docs, name))
    change(doc)
    out = str(tmp_path / name.replace("/", "_"))
    doc.save(out)
    return out


def _unsplit(doc):
    tr_pr = doc.tables[1].rows[0]._tr.trPr
    tr_pr.remove(tr_pr.find(qn("w:cantSplit")))


def _held_whole(doc):
    """An item's row that may not split (the BCTH whose rows LibreOffice dropped)."""
    tr_pr = doc.tables[1].rows[2]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))


def _lone_heading(doc):
    table = doc.tables[1]
    row = next(r for r in table.rows[1:] if len({id(c._tc) for c in r.cells}) == 1)
    for p in row.cells[0].paragraphs:
        p.paragraph_format.keep_with_next = False


def _title_breaks(doc):
    title = next(p for p in doc.paragraphs if p.alignment == 1 and "\u00a0" in p.text)
    set_text(title, title.text.replace("\u00a0", " "))


def _last_cell(doc, text):
    doc.tables[1].rows[1].cells[-1].paragraphs[0].runs[0].text = text


def _bckq_figures(doc):
    p = para(doc, "Kết quả giải quyết")
    set_text(p, re.sub(r"đang giải quyết \d+ \(quá hạn \d+\)", "đang giải quyết 10 (quá hạn 32)",
                       p.text))


def _invite_signer(doc):
    signer = [p.text for p in doc.tables[-1].rows[0].cells[-1].paragraphs if p.text.strip()][-1]
    p = next(p for p in doc.paragraphs if " - " in p.text and p.alignment == 1)
    set_text(p, f"Bà {signer} - Phó Chủ tịch UBND phường")


def _signature_alone(doc):
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    last.paragraph_format.keep_with_next = False


FAULTS = [
    ("CVKN.docx", _signature_alone, "signature may stand alone"),
    ("SGN.docx", _unsplit, "may split across pages"),
    ("SGN.docx", _held_whole, "cannot split"),
    ("CVPC_Tram-Y-te-phuong.docx", _held_whole, "cannot split"),
    ("DSDB.docx", _lone_heading, "left alone at the foot of a page"),
    ("SGN.docx", lambda d: d.add_paragraph("Số giấy mời là thứ tự trong tệp in GM_tat-ca"),
     "internal name"),
    ("GM/GM_022_Ly-Ngoc-Hang.docx",
     lambda d: set_text(para(d, "Bà Lý Ngọc Hằng"), "Bà Lý Ngọc Hằng - Tổ trưởng tdp Cẩm Khê A"),
     "'tdp'"),
    ("KH.docx", _title_breaks, "break"),
    ("CVDD_Tram-Y-te-phuong.docx", lambda d: _last_cell(d, "95"), "without their unit"),
    ("TB.docx", lambda d: d.add_paragraph("Đề nghị Trưởng thôn thông báo rộng rãi."),
     "a phường document says"),
    ("CVPC_Tram-Y-te-phuong.docx",
     lambda d: set_text(para(d, "Kính gửi:"), "Kính gửi: UBND cấp tỉnh và các sở, ngành."),
     "assigns or chases a superior"),
    ("CVPC_Tram-Y-te-phuong.docx",
     lambda d: set_text(para(d, "Kính gửi:"), "Kính gửi: Công an phường."),
     "orders an agency on the territory"),
    ("CVDD_Tram-Y-te-phuong.docx",
     lambda d: set_text(para(d, "Kính gửi:"), "Kính gửi: Trạm Y tế phường."),
     "without the unit's name"),
    ("CVKN.docx", lambda d: d.add_paragraph("Đề nghị trả lời chậm nhất ngày 04/12/2026."),
     "imposes a deadline"),
    ("BCKQ.docx", _bckq_figures, "figures disagree"),
    ("GM/GM_001_Duong-Quang-Thinh.docx", _invite_signer, "its own signer"),
]


@pytest.mark.parametrize("name, change, expected", FAULTS,
                         ids=[f"{n}:{e}" for n, _, e in FAULTS])
def test_the_checker_fails_on_each_fault(docs, tmp_path, name, change, expected):
    kind = os.path.basename(name).split("_")[0].split(".")[0]
    original = os.path.join(docs, name)
    assert os.path.exists(original), sorted(os.listdir(os.path.dirname(original)))
    assert conformance.check(original, kind, False) == []
    found = conformance.check(faulty(docs, tmp_path, name, change), kind, False)
    assert any(expected in v for v in found), found


def test_the_checker_fails_on_figures_in_the_bulletin(docs, tmp_path):
    original = os.path.join(docs, "TTTT.txt")
    assert conformance.check(original, "TTTT", False) == []
    text = open(original, encoding="utf-8").read()
    bad = tmp_path / "TTTT.txt"
    bad.write_bytes(text.replace("Nội dung hội nghị: ",
                                 "Nội dung hội nghị: kết quả 5 tháng đầu năm; ").encode("utf-8"))
    assert any("a number in figures" in v for v in conformance.check(str(bad), "TTTT", False))
