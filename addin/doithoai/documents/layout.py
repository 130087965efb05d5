"""Layout primitives for the Word templates (Decree 30/2020/NĐ-CP; party: Hướng dẫn 36-HD/VPTW).

Used only to (re)build the .docx templates of workbook_templates/ (``scripts/update_templates.py``);
the engine renders those files, which a clerk may edit in Word. Placeholders are Jinja, as
docxtpl reads them: ``{{ field }}``, paragraph-level ``{%p for … %}`` and table-row ``{%tr … %}``.

Page: A4 portrait, margins top 20, bottom 20, left 30, right 15 mm; Times New Roman everywhere
(document defaults and every style), body 14 pt justified with a 1.27 cm first-line indent,
6 pt after, single-and-a-bit line spacing; the page number centred in the top margin from
page 2 (a first-page header with nothing in it).
"""
from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from doithoai.documents.tables import cell_para, fixed_widths, keep_rows, no_borders
from doithoai.documents.wordml import place

FONT = "Times New Roman"
CENTER, LEFT, JUSTIFY, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.RIGHT)
# The issuer's column holds a ward's name on one line ("PHƯỜNG HÒA THẠNH ĐÔNG", 12 pt bold,
# about 6.1 cm); the motto's keeps the Quốc hiệu on one (about 9.5 cm).
HEADER_LEFT, HEADER_RIGHT = Cm(7.0), Cm(10.0)
PARTY_LEFT, PARTY_RIGHT = Cm(7.5), Cm(9.5)


# --- document ------------------------------------------------------------------------------------

def _fonts(rpr) -> None:
    fonts = rpr.get_or_add_rFonts()     # python-docx puts it where CT_RPr has it
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def new_document(landscape: bool = False) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    if landscape:
        from docx.enum.section import WD_ORIENT
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    # Document defaults and every style: Times New Roman, so nothing inherits another face.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    for style in doc.styles:
        if style.type == 1 or style.type == 2:     # paragraph and character styles
            style.font.name = FONT
            _fonts(style.element.get_or_add_rPr())
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(6)
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    pf.line_spacing = 1.1
    # Page numbers from page 2, centred in the top margin.
    sec.different_first_page_header_footer = True
    p = sec.header.paragraphs[0]
    p.alignment = CENTER
    _page_field(p)
    sec.first_page_header.paragraphs[0].text = ""
    _drop_styles_with_effects(doc)
    return doc


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_styles_with_effects(doc) -> None:
    """Leave out python-docx's copy of the Word 2010 ``stylesWithEffects`` part. It is optional
    (Word 2007 never wrote it, Word 2013 and later no longer do) and, being the default
    template's, it still holds the old fonts and lacks the header styles: an auditor sees two
    different style sheets in one file. Without it styles.xml is the only one; Word 2010 writes
    its own copy when it saves the file. The part is also most of a template's weight."""
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            doc.part.drop_rel(r_id)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None),
                       ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = "2"
            run._r.append(t)


# --- paragraphs ----------------------------------------------------------------------------------

def para(container, text: str = "", *, size: float = 14, bold=False, italic=False,
         underline=False, align=JUSTIFY, indent: bool = False, after: float = 6,
         before: float = 0, keep: bool = False, spacing: float | None = None):
    """One paragraph with one run; ``container`` is a Document or a table cell."""
    p = container.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_after, pf.space_before = Pt(after), Pt(before)
    if spacing is not None:
        pf.line_spacing = spacing
    if indent:
        pf.first_line_indent = Cm(1.27)
    if keep:
        pf.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold, run.italic, run.underline = bold, italic, underline
    return p


def tag(container, text: str):
    """A paragraph holding only a Jinja tag ({%p ... %}): removed when rendered."""
    return para(container, text, after=0)


# Lines whose length depends on the text above them carry a marker indent that Word keeps and
# the engine replaces after rendering (a Jinja placeholder there would make Word reject the file).
ISSUER_LINE, MOTTO_LINE, SUBJECT_LINE = 9901, 9902, 9903


def line_under(container, marker: int):
    """A solid line: an empty paragraph with a bottom border, shortened by equal side indents."""
    p = para(container, "", align=CENTER, after=0, spacing=1.0)
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    place(p_pr, borders)
    ind = p_pr.get_or_add_ind()         # left, then right: the engine replaces that pair
    ind.set(qn("w:left"), str(marker))
    ind.set(qn("w:right"), str(marker))
    mark = OxmlElement("w:rPr")         # a 4 pt paragraph mark: the empty line takes little room
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "8")
    mark.append(sz)
    place(p_pr, mark)
    return p


# --- the blocks of an official document -----------------------------------------------------------

def header_block(doc, *, party: bool, number: bool = True, date: bool = True,
                 subject_line: bool = False) -> None:
    """Issuer (left) and Quốc hiệu / ĐẢNG CỘNG SẢN VIỆT NAM (right); number and date line."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    fixed_widths(table, [PARTY_LEFT, PARTY_RIGHT] if party else [HEADER_LEFT, HEADER_RIGHT])
    left, right = table.rows[0].cells
    if party:
        cell_para(left, "{{ dang_bo_cap_tren }}", size=14)
        cell_para(left, "{{ ten_dang_uy }}", size=14, bold=True)
        cell_para(left, "*", size=14)
        cell_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True)
    else:
        cell_para(left, "{%p if co_quan_chu_quan %}", size=12)
        cell_para(left, "{{ co_quan_chu_quan }}", size=12)
        cell_para(left, "{%p endif %}", size=12)
        cell_para(left, "{{ co_quan_dong_1 }}", size=12, bold=True)
        cell_para(left, "{%p if co_quan_dong_2 %}", size=12)
        cell_para(left, "{{ co_quan_dong_2 }}", size=12, bold=True)
        cell_para(left, "{%p endif %}", size=12)
        line_under(left, ISSUER_LINE)
        cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
        cell_para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
        line_under(right, MOTTO_LINE)
    left2, right2 = table.rows[1].cells
    if number:
        cell_para(left2, "{{ dong_so }}", size=14 if party else 13, after=0)
    if subject_line:
        cell_para(left2, "{{ vv }}", size=12 if not party else 13)
    if date:
        cell_para(right2, "{{ dong_ngay }}", size=14, italic=True)
    para(doc, "", after=6)


def title(doc, kind_title: str, subject: str | None = "{{ trich_yeu }}", line: bool = True):
    para(doc, kind_title, size=14, bold=True, align=CENTER, after=0, keep=True)
    if subject:
        para(doc, subject, size=14, bold=True, align=CENTER, after=0, keep=True)
    if line:
        line_under(doc, SUBJECT_LINE)
    para(doc, "", after=0)


def bases(doc, intro: str | None = None) -> None:
    tag(doc, "{%p for b in can_cu %}")
    para(doc, "{{ b }}", italic=True, indent=True)
    tag(doc, "{%p endfor %}")
    if intro:
        para(doc, intro, indent=True)


def heading(doc, text: str) -> None:
    para(doc, text, bold=True, indent=True, keep=True)


def body(doc, text: str, **kw):
    return para(doc, text, indent=True, **kw)


# The body's last words, "./." (Decree 30/2020, Appendix I): a document that replaces an
# earlier version ends with the sentence saying so (:func:`replaces`), which carries them then.
CLOSE = "{{ '.' if thay_the else './.' }}"


def _last_text(doc):
    """The last paragraph of the text so far (a Jinja tag's paragraph is not text: it is removed
    when rendered)."""
    return next((p for p in reversed(doc.paragraphs) if p.text.strip()
                 and not p.text.strip().startswith("{%p")), None)


def with_signature(paragraph):
    """``paragraph``, the last of the text (or of one branch of it), prints whole on the page of
    the signature block after it (w:keepNext, w:keepLines): the block never stands at the top
    of a page with no text above it."""
    if paragraph is not None:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.keep_together = True
    return paragraph


def replaces(doc, kind_name: str) -> None:
    """The last sentence of the body of a document issued again ("Giấy mời này thay thế Giấy
    mời số … ngày … của …./."; nothing in a first issue), after paragraphs that end with
    :data:`CLOSE`; the paragraph before it keeps with the signature too, as it did alone."""
    with_signature(_last_text(doc))
    tag(doc, "{%p if thay_the %}")
    body(doc, kind_name + " này thay thế {{ thay_the }} của {{ ten_co_quan_ngan }}./.")
    tag(doc, "{%p endif %}")


def bullets(doc, loop: str, text: str) -> None:
    tag(doc, "{%p for " + loop + " %}")
    para(doc, text, indent=True)
    tag(doc, "{%p endfor %}")


def _signature_table(doc, widths):
    """The borderless one-row table of a signature block, kept on one page with the text's
    last paragraph (:func:`with_signature`). Its row never splits (w:cantSplit, which Word and
    LibreOffice both honour): the signer's title lines, the room for the signature and seal and
    the name print together, and so does a letter's Nơi nhận beside them."""
    with_signature(_last_text(doc))
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    fixed_widths(table, widths)
    keep_rows(table)
    return table


def recipients_and_signature(doc, *, party: bool) -> None:
    """Nơi nhận (left, level with the signer's title) and the signature block (right), in one
    row that prints on the page of the text's last paragraph (:func:`_signature_table`)."""
    table = _signature_table(doc, [Cm(7.5), Cm(9.0)])
    left, right = table.rows[0].cells
    if party:
        cell_para(left, "Nơi nhận:", size=14, underline=True, align=LEFT)
        cell_para(left, "{%p for n in noi_nhan %}", size=12, align=LEFT)
        cell_para(left, "{{ n }}", size=12, align=LEFT)
        cell_para(left, "{%p endfor %}", size=12, align=LEFT)
    else:
        cell_para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
        cell_para(left, "{%p for n in noi_nhan %}", size=11, align=LEFT)
        cell_para(left, "{{ n }}", size=11, align=LEFT)
        cell_para(left, "{%p endfor %}", size=11, align=LEFT)
    signature(right)


def recipients_below(doc, *, party: bool) -> None:
    """Nơi nhận under a two-signature block (the biên bản, Mẫu 1.9): left, after the signatures,
    the heading and its entries on one page (each keeps with the next; the last entry ends the
    document)."""
    para(doc, "", after=0, keep=True)
    if party:
        para(doc, "Nơi nhận:", size=14, underline=True, align=LEFT, after=0, keep=True)
        size = 12
    else:
        para(doc, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, after=0, keep=True)
        size = 11
    tag(doc, "{%p for n in noi_nhan %}")
    para(doc, "{{ n }}", size=size, align=LEFT, after=0, spacing=1.0, keep=True)
    tag(doc, "{%p endfor %}")


def signature(cell, lines: str = "chu_ky", name: str = "nguoi_ky") -> None:
    cell_para(cell, "{%p for d in " + lines + " %}", size=14)
    cell_para(cell, "{{ d }}", size=14, bold=True)
    cell_para(cell, "{%p endfor %}", size=14)
    for _ in range(4):
        cell_para(cell, "", size=14)
    cell_para(cell, "{{ " + name + " }}", size=14, bold=True)


def two_signatures(doc, left_title: str, left_name: str, right_title: str, right_name: str):
    """Two signers side by side (the biên bản: THƯ KÝ, CHỦ TỌA), in one row that prints on the
    page of the text's last paragraph (:func:`_signature_table`)."""
    table = _signature_table(doc, [Cm(8.25), Cm(8.25)])
    for cell, t, n in ((table.rows[0].cells[0], left_title, left_name),
                       (table.rows[0].cells[1], right_title, right_name)):
        cell_para(cell, t, size=14, bold=True)
        for _ in range(4):
            cell_para(cell, "", size=14)
        cell_para(cell, n, size=14, bold=True)


def page_break_section(doc) -> None:
    doc.add_section(WD_SECTION.NEW_PAGE)
