"""Word's own rules for the file (issue 25, item 11): every .docx we write is valid
WordprocessingML, each child of a properties element where the schema puts it.

Word checks this order and offers to "recover" a file that breaks it; LibreOffice does not, so the
PDF checks cannot see it. The judge is an independent validator, openxml-audit (pinned in the test
extra), run on every kind: the committed templates (state and party), drafts, issued documents
and the merged print files. A planted fault of each kind the issue found shows the check fails.

No finding of the validator is ignored. Two kinds it reported on the old files were not about our
order, and were judged: python-docx's default ``stylesWithEffects`` part (optional since Word
2013, and a stale copy of the default styles next to ours: the templates now leave it out, see
``layout._drop_styles_with_effects``), and ``w:tblHeader w:val="true"`` (Word reads it, the SDK's
schema types the value on/off: a bare ``<w:tblHeader/>`` means on for every reader, see
``tables.repeat_row``). With both causes gone there is nothing left to excuse, so any finding,
of any kind, fails.
"""
import datetime as dt
import os
import re
import shutil
import zipfile

import pytest
from docx import Document
from lxml import etree

from xlsx_edit import edit
from doithoai.documents import generate, wordml
from doithoai.documents.kinds import KINDS
from doithoai.files import reader
from paths import ROOT

TODAY = dt.date(2026, 11, 22)
TEMPLATES = os.path.join(ROOT, "workbook_templates")
W = wordml.W


@pytest.fixture(scope="module")
def validator():
    from openxml_audit import OpenXmlValidator
    return OpenXmlValidator(max_errors=0)


def findings(validator, path) -> list[str]:
    return [str(e) for e in validator.validate(path).errors]


def one_of_each_kind(files: list[str]) -> list[str]:
    """The first file of each kind, and every merged print file (<CODE>_tat-ca)."""
    chosen, seen = [], set()
    for path in files:
        name = os.path.basename(path)
        if not name.endswith(".docx"):
            continue
        kind = re.split(r"[_.]", name)[0]
        if kind not in seen or "_tat-ca" in name:
            chosen.append(path)
            seen.add(kind)
    return chosen


@pytest.fixture(scope="module")
def documents(sample_paths, tmp_path_factory):
    """(label, path) of one document per kind: Tứ Minh's issued ones (state format, numbered and
    dated) and Đô Lương's drafts (party format), with their merged print files."""
    out = []
    for slug, issue in (("tu-minh", True), ("do-luong", False)):
        folder = str(tmp_path_factory.mktemp(slug))
        res = generate.generate(reader.read_registry(sample_paths[slug]), folder, today=TODAY,
                                issue=issue)
        chosen = one_of_each_kind(res.files)
        kinds = {re.split(r"[_.]", os.path.basename(p))[0] for p in chosen}
        assert kinds == {k.code for k in KINDS if not k.text}, slug
        assert any("GM_tat-ca" in p for p in chosen), slug
        out += [(f"{slug}/{os.path.relpath(p, folder)}", p) for p in chosen]
    return out


def test_every_template_is_valid(validator):
    paths = sorted(p for p in os.listdir(TEMPLATES) if p.endswith(".docx"))
    assert len(paths) == 2 * sum(1 for k in KINDS if not k.text)
    bad = {name: found for name in paths
           if (found := findings(validator, os.path.join(TEMPLATES, name)))}
    assert bad == {}


def test_every_generated_kind_is_valid(validator, documents):
    assert any("GM_tat-ca" in label for label, _ in documents)
    assert any("/TBCD/" in label for label, _ in documents)
    bad = {label: found for label, path in documents if (found := findings(validator, path))}
    assert bad == {}


# --- the check fails on each fault the issue found, planted in a generated file ---------------

def _rewrite(src: str, dst: str, change) -> None:
    """Copy the package ``src`` to ``dst`` with ``change`` applied to word/document.xml."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            zout.writestr(name, data)


def _w(name):
    return f"{{{W}}}{name}"


def _first(root, path):
    return root.xpath(path, namespaces={"w": W})[0]


def jc_before_ind(root):
    """The old line under the issuer: spacing, jc, then ind (the schema has ind before jc)."""
    p_pr = _first(root, "//w:pPr[w:ind and w:jc]")
    p_pr.append(p_pr.find(_w("ind")))


def border_after_jc(root):
    """The old line: pBdr written after jc (the schema has it before spacing)."""
    p_pr = _first(root, "//w:pPr[w:pBdr]")
    p_pr.append(p_pr.find(_w("pBdr")))


def table_borders_after_look(root):
    tbl_pr = _first(root, "//w:tblPr[w:tblBorders and w:tblLook]")
    tbl_pr.append(tbl_pr.find(_w("tblBorders")))


def layout_twice(root):
    tbl_pr = _first(root, "//w:tblPr[w:tblLayout]")
    tbl_pr.append(etree.fromstring(f'<w:tblLayout xmlns:w="{W}" w:type="fixed"/>'))


def page_numbers_last(root):
    """The old merged file: pgNumType appended at the end of the section properties."""
    sect = _first(root, "//w:sectPr")
    sect.append(etree.fromstring(f'<w:pgNumType xmlns:w="{W}" w:start="1"/>'))


def size_before_bold(root):
    """Run properties too: a run's size written before its bold."""
    r_pr = _first(root, "//w:r/w:rPr[w:b and w:sz]")
    r_pr.insert(0, r_pr.find(_w("sz")))


@pytest.mark.parametrize("plant, element", [
    (jc_before_ind, "ind"), (border_after_jc, "pBdr"), (table_borders_after_look, "tblBorders"),
    (layout_twice, "tblLayout"), (page_numbers_last, "pgNumType"), (size_before_bold, "b"),
])
def test_a_planted_fault_is_found(validator, documents, tmp_path, plant, element):
    label, src = next((l, p) for l, p in documents if l.endswith("/TBKL.docx"))
    assert findings(validator, src) == []
    faulty = str(tmp_path / "faulty.docx")
    _rewrite(src, faulty, plant)
    found = findings(validator, faulty)
    assert len(found) == 1, found
    assert "/word/document.xml" in found[0]
    if element:
        assert f"'{element}'" in found[0]
    Document(faulty)                      # python-docx still opens it: only the order is wrong


# --- the helper that puts each child in its place -----------------------------------------

def _names(parent):
    return [etree.QName(c).localname for c in parent]


def test_place_puts_each_child_where_the_schema_does():
    p_pr = etree.fromstring(f'<w:pPr xmlns:w="{W}"><w:spacing/><w:jc/></w:pPr>')
    wordml.place(p_pr, etree.Element(_w("pBdr")))
    wordml.place(p_pr, etree.Element(_w("ind")))
    wordml.place(p_pr, etree.Element(_w("rPr")))
    wordml.place(p_pr, etree.Element(_w("keepNext")))
    assert _names(p_pr) == ["keepNext", "pBdr", "spacing", "ind", "jc", "rPr"]
    wordml.place(p_pr, etree.Element(_w("jc"), {_w("val"): "center"}))     # replaced, not added
    assert _names(p_pr).count("jc") == 1 and p_pr.find(_w("jc")).get(_w("val")) == "center"


def test_place_keeps_later_namespaces_last_and_refuses_a_stranger():
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    r_pr = etree.fromstring(f'<w:rPr xmlns:w="{W}" xmlns:w14="{w14}"><w:b/><w14:ligatures/>'
                            '</w:rPr>')
    wordml.place(r_pr, etree.Element(_w("sz")))
    wordml.place(r_pr, etree.Element(_w("rFonts")))
    assert _names(r_pr) == ["rFonts", "b", "sz", "ligatures"]
    with pytest.raises(ValueError):
        wordml.place(r_pr, etree.Element(_w("jc")))


def test_merged_sections_restart_numbering_in_place():
    """A clerk's template may already number its pages (pgNumType without a start): the merged
    file restarts each section at 1 with the element left where it was."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="urn:r"><w:body>'
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId9"/><w:pgSz w:w="1"/>'
            '<w:pgMar w:top="1"/><w:pgNumType w:fmt="decimal"/><w:cols/><w:titlePg/></w:sectPr>')
    done = wordml.restart_numbering(sect, head)
    assert done == sect.replace('w:fmt="decimal"/>', 'w:fmt="decimal" w:start="1"/>')
    bare = wordml.restart_numbering(sect.replace('<w:pgNumType w:fmt="decimal"/>', ""), head)
    assert '<w:pgMar w:top="1"/><w:pgNumType w:start="1"/><w:cols/>' in bare


# --- raw markup of the engine: a line break inside a value ----------------------------------

def test_a_value_on_two_lines_keeps_its_formatting_on_both(sample_paths, tmp_path):
    """BB prints each answer in italics ("Trả lời: …"); an answer typed on two lines (Alt+Enter)
    keeps the italics on its second line."""
    path = str(tmp_path / "so.xlsx")
    shutil.copy(sample_paths["tu-minh"], path)
    edit(path, [("opinions", "answer", 9, "Dòng thứ nhất của câu trả lời.\nDòng thứ hai.")])
    res = generate.generate(reader.read_registry(path), str(tmp_path / "out"), today=TODAY,
                            codes=["BB"])
    bb = next(p for p in res.files if p.endswith("BB.docx"))
    para = next(p for p in Document(bb).paragraphs if "Dòng thứ hai." in p.text)
    assert "Dòng thứ nhất của câu trả lời.\nDòng thứ hai." in para.text
    assert [r.italic for r in para.runs if r.text.strip()] == [True] * len(
        [r for r in para.runs if r.text.strip()])


def test_a_control_character_in_a_setting_never_breaks_the_file(validator, sample_paths,
                                                                tmp_path):
    """Text pasted from Word into Cấu hình carries a vertical tab (Word's line break), which XML
    cannot hold: the issuer's name prints on two lines and the file stays one Word opens."""
    import openpyxl
    from xlsx_edit import patch_text
    path = str(tmp_path / "so.xlsx")
    shutil.copy(sample_paths["tu-minh"], path)
    book = openpyxl.load_workbook(path)
    sheet = book["Cấu hình"]
    row = next(r for r in range(1, sheet.max_row + 1)
               if sheet.cell(r, 1).value == "Tên cơ quan ban hành")
    sheet.cell(row, 2).value = "MARKER-ISSUER"
    book.save(path)
    patch_text(path, "MARKER-ISSUER", "ỦY BAN NHÂN DÂN_x000B_PHƯỜNG TỨ MINH\u0007")
    res = generate.generate(reader.read_registry(path), str(tmp_path / "out"), today=TODAY,
                            codes=["TB"])
    tb = next(p for p in res.files if p.endswith("TB.docx"))
    issuer = Document(tb).tables[0].rows[0].cells[0].text
    assert "ỦY BAN NHÂN DÂN\nPHƯỜNG TỨ\u00a0MINH" in issuer and "\u0007" not in issuer
    assert findings(validator, tb) == []


@pytest.mark.parametrize("typed,kept", [
    ("ĐẢNG ỦY PHƯỜNG LẠC THỊNH", "ĐẢNG ỦY PHƯỜNG LẠC\u00a0THỊNH"),
    ("Đảng ủy phường Lạc Thịnh", "Đảng ủy phường Lạc\u00a0Thịnh"),
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG BỘ THÀNH PHỐ HẢI\u00a0PHÒNG"),
    ("ĐẢNG ỦY ĐẶC KHU CÔN ĐẢO", "ĐẢNG ỦY ĐẶC KHU CÔN\u00a0ĐẢO"),
    ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN")])
def test_a_header_name_breaks_only_before_its_proper_name(typed, kept):
    """A header line may break after its kind word, never inside the name, however typed."""
    from doithoai.documents.context.common import header_name
    assert header_name(typed) == kept
