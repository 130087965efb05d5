"""Conformance checker: a generated .docx read back against the layout rules of documents.md.

Decree 30/2020/NĐ-CP, Appendix I for state documents; Hướng dẫn 36-HD/VPTW for party ones.
Returns a list of violations (empty when the document conforms). Sizes are effective sizes:
a run's own, else its paragraph style's (following base styles), else the document defaults;
fonts likewise, so nothing inherited escapes the check.
"""
from __future__ import annotations

import re

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from doithoai.text import privacy, spoken
from doithoai.text.addressee import repeated_phrase
from doithoai.documents.tables import CELL_MARGINS
from doithoai.documents.engine import text_width

STATE_NUMBER = re.compile(r"^Số: ( {2,}|\d{2,})/[A-ZĐ]+-[A-ZĐ]+$")
PARTY_NUMBER = re.compile(r"^Số ( {2,}|\d{2,})-[A-Z]+/ĐU$")
DATE_LINE = re.compile(r"^[^,]+, ngày (0[1-9]|[12]\d|3[01]| {2,}) tháng (0[12]|[3-9]|1[0-2]| {2,}) "
                       r"năm \d{4}$")
FORMS = {"PDK", "PKS"}
LISTS = {"DSDB", "SGN"}          # printed for the day: landscape, no number, date or signature
CONG_VAN = {"CVPC", "CVTL", "CVDD", "CVKN"}
PARTY_REPORTS = {"CVKN"}       # a công văn from the People's Committee, a báo cáo from the party
TEXTS = {"TTTT"}


class Doc:
    def __init__(self, path: str):
        self.doc = Document(path)
        styles = self.doc.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        self.default_font = fonts.get(qn("w:ascii")) if fonts is not None else None
        sz = rpr.find(qn("w:sz"))
        self.default_size = int(sz.get(qn("w:val"))) / 2 if sz is not None else 10.0

    def font(self, run, paragraph) -> str | None:
        if run.font.name:
            return run.font.name
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        return self.default_font

    def size(self, run, paragraph) -> float:
        if run.font.size:
            return run.font.size.pt
        style = paragraph.style
        while style is not None:
            if style.font.size:
                return style.font.size.pt
            style = style.base_style
        return self.default_size

    def bold(self, run, paragraph) -> bool:
        if run.bold is not None:
            return run.bold
        style = paragraph.style
        while style is not None:
            if style.font.bold is not None:
                return style.font.bold
            style = style.base_style
        return False


def _text_runs(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


def _all_paragraphs(doc):
    for p in doc.paragraphs:
        yield p
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield p
    for s in doc.sections:
        for part in (s.header, s.first_page_header):
            for p in part.paragraphs:
                yield p


def _bordered(paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None


def _line_length(paragraph, cell_width: int) -> int:
    ind = paragraph._p.pPr.find(qn("w:ind"))
    left = int(ind.get(qn("w:left")) or 0) if ind is not None else 0
    right = int(ind.get(qn("w:right")) or 0) if ind is not None else 0
    return cell_width - left - right


def _cell_width(cell) -> int:
    return int(cell.width.twips) if cell.width else 0


def check_text(path: str, kind: str, party: bool) -> list[str]:
    """The radio / social-network bulletin: UTF-8 text a reader speaks aloud."""
    v: list[str] = []
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ["not UTF-8"]
    if data.startswith(b"\xef\xbb\xbf"):
        v.append("byte-order mark at the start")
    if b"\n" in data.replace(b"\r\n", b""):
        v.append("a line ends in LF only (old Notepad shows one long line)")
    for word in spoken.leftover_abbreviations(text):
        v.append(f"abbreviation {word!r} left for the reader")
    for pattern, what in ((r"\d{1,2}/\d{1,2}(/\d{2,4})?", "a date in figures"),
                          (r"\d{1,2}(:|h|giờ ?)\d{2}", "a time in figures"),
                          (r"\b[Tt]\d\b|\bCN\b", "an abbreviated weekday"),
                          (r"\{\{|\{%", "a placeholder left")):
        m = re.search(pattern, text)
        if m:
            v.append(f"{what}: {m.group(0)!r}")
    spoken_text = _without_phones(text)            # a phone number is read digit by digit
    digits = re.findall(r"\d+(?:[/.,:%-]\d*)*", spoken_text)   # any figure: a month/year too
    if digits:
        v.append(f"a number in figures for the reader: {digits[0]!r}")
    if not re.search(r"thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật", text):
        v.append("no weekday in words")
    return v


def _without_phones(text: str) -> str:
    """``text`` with the phone numbers privacy.find reads taken out."""
    text = privacy.normalized(text)
    for f in reversed(privacy.find(text, names=False)):
        if f.kind == "phone":
            text = text[:f.start] + text[f.end:]
    return text


def _addressee_texts(doc) -> list[str]:
    """Every place a document names a person or body with a title: Kính gửi lines, the line
    after "... kính mời:", and the cells of title / recipient columns of tables."""
    out = []
    paras = [p.text.strip() for p in doc.paragraphs if p.text.strip()]
    for i, t in enumerate(paras):
        if t.startswith("Kính gửi"):
            out.append(t)
        if t.endswith("kính mời:") and i + 1 < len(paras):
            out.append(paras[i + 1])
    for t in doc.tables:
        head = [c.text for c in t.rows[0].cells]
        cols = [i for i, h in enumerate(head) if h.startswith(("Chức vụ", "Người nhận"))]
        for row in t.rows[1:]:
            cells = row.cells
            out += [cells[i].text for i in cols if i < len(cells)]
    return out


def _cell_size(cell, d) -> tuple[float, bool]:
    for p in cell.paragraphs:
        for r in p.runs:
            if r.text.strip():
                return d.size(r, p), d.bold(r, p)
    return 13.0, False


def check_tables(d) -> list[str]:
    """No word is wider than its cell (a narrow column breaks "STT" into "ST / T")."""
    v = []
    for t in d.doc.tables:
        if t.style is None or t.style.name != "Table Grid":
            continue
        for row in t.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen or not cell.width:
                    continue
                seen.add(id(cell._tc))
                size, bold = _cell_size(cell, d)
                room = int(cell.width.twips) - CELL_MARGINS
                for word in cell.text.split():
                    if text_width(word, size, bold) > room:
                        v.append(f"table cell {cell.text[:20]!r}: the word {word!r} is wider "
                                 f"than its column ({room} twips)")
                        break
    return v


def _row_keeps(row) -> tuple[bool, bool]:
    """(cannot split, keeps with the next row) of a table row."""
    tr_pr = row._tr.trPr
    cant = tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    keep = all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    return cant, keep


SIGNATURE_STARTS = ("Nơi nhận", "THƯ KÝ")    # the first words of a signature block's row


def _keeps(p) -> tuple[bool, bool]:
    """(keeps with the next, never splits) of a ``w:p`` element."""
    from docx.text.paragraph import Paragraph
    pf = Paragraph(p, None).paragraph_format
    return bool(pf.keep_with_next), bool(pf.keep_together)


def _text_keeps_with(tbl) -> list[str]:
    """The paragraphs before a signature block's table: the text's last one keeps with it and
    is not split itself, each empty one between them keeps with the next (else the chain
    breaks there)."""
    prev = tbl.getprevious()
    while prev is not None and prev.tag == qn("w:p") and not "".join(prev.itertext()).strip():
        if not _keeps(prev)[0]:
            return ["an empty paragraph before the signature does not keep with it: the "
                    "signature may stand alone at the top of a page"]
        prev = prev.getprevious()
    if prev is None or prev.tag != qn("w:p"):
        return []
    with_next, whole = _keeps(prev)
    v = [] if with_next else ["the signature may stand alone on the last page (the text before "
                              "it does not keep with it)"]
    if not whole:
        v.append("the text's last paragraph may split, leaving only its last lines with the "
                 "signature")
    return v


def check_signature_keeps(doc, kind: str) -> list[str]:
    """The signature block prints on one page, with the text's last paragraph above it (a
    trial: the minutes' THƯ KÝ / CHỦ TỌA at the foot of page 3, the names alone on page 4).
    Its row cannot split, so the signer's title lines, the room for the signature and seal, the
    name, and a letter's Nơi nhận beside them stay together; the minutes' Nơi nhận below keeps
    its heading with its entries."""
    if kind in FORMS or kind in LISTS:
        return []
    blocks = [t for t in doc.tables if t.rows and t.rows[0].cells[0].text.strip().startswith(
        SIGNATURE_STARTS)]
    if not blocks:
        return ["no signature block"]
    v = []
    for t in blocks:
        if len(t.rows) != 1:
            v.append(f"signature block in {len(t.rows)} rows: the signer's title and name may "
                     "print on two pages")
        v += [f"signature row {n} may split across pages (the signer's title and name on two "
              "pages)" for n, row in enumerate(t.rows) if not _row_keeps(row)[0]]
        v += _text_keeps_with(t._tbl)
    texts = [p for p in doc.paragraphs if p.text.strip()]
    below = next((texts[i:] for i, p in enumerate(texts) if p.text == "Nơi nhận:"), [])
    if not all(_keeps(p._p)[0] for p in below[:-1]):
        v.append("Nơi nhận below the signatures: its heading or an entry may be left alone at "
                 "the foot of a page")
    return v


def check_print(d, kind: str) -> list[str]:
    """Lists that print (issue 18 §5): headers and group headings never split and kept with their
    rows, an item's row free to split (a row that may not split loses what a page cannot hold:
    Word cuts it off, LibreOffice 7.4 drops it and the rows after it), the signature kept whole;
    titles never break inside a name or leave the year alone."""
    v = []
    for t in d.doc.tables:
        grid = t.style is not None and t.style.name == "Table Grid"
        for n, row in enumerate(t.rows):
            cant, keep = _row_keeps(row)
            heading = n == 0 or (len({id(c._tc) for c in row.cells}) == 1
                                 and row.cells[0].text.strip())
            if grid and heading and not cant:
                v.append(f"table row {n} ({row.cells[0].text[:20]!r}) may split across pages")
            if grid and not heading and cant:
                v.append(f"table row {n} ({row.cells[0].text[:20]!r}) cannot split: what a page "
                         "cannot hold of it is lost")
        if grid and t.rows and not _row_keeps(t.rows[0])[1]:
            v.append(f"table header {t.rows[0].cells[0].text[:20]!r} may be left alone at the "
                     "foot of a page")
        if grid:
            for row in t.rows[1:]:
                cells = {id(c._tc) for c in row.cells}
                if len(cells) == 1 and row.cells[0].text.strip() and not _row_keeps(row)[1]:
                    v.append(f"group heading {row.cells[0].text[:30]!r} may be left alone at "
                             "the foot of a page")
    v += check_signature_keeps(d.doc, kind)
    for p in d.doc.paragraphs:
        if p.alignment == 1 and p.runs and all(r.bold for r in p.runs if r.text.strip()):
            if re.search(r"\b[Nn]ăm \d{4}\b", p.text):
                v.append(f"title {p.text[:40]!r}: the year may break from 'năm'")
            if re.search(r"\bTDP [A-ZĐÀ-Ỹ]", p.text):
                v.append(f"title {p.text[:40]!r}: may break inside a place name")
    return v


INTERNAL = re.compile(r"\b\w+_tat-ca\b|\.docx\b|\{\{|\{%")
# The template's own words only: what the clerk typed (an answer quoting "xã") is printed as
# typed and noted by validation (unit-word), never rewritten.
VILLAGE_WORDS_OF_A_XA = re.compile(r"[Tt]rưởng thôn|Mặt trận ở thôn\b|tới thôn\b|"
                                   r"Ủy ban nhân dân xã\b|MTTQ Việt Nam xã\b|MTTQ, thôn\b")


def check_words(d, kind: str) -> list[str]:
    """What the document says (issue 18 §1, §3-5): no internal file name or placeholder, no
    "tdp" abbreviation, units named, a phường's own words, letters to the right level, nobody
    invited by themselves."""
    from doithoai.rules import agencies
    doc = d.doc
    paras = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    text = "\n".join(paras + cells)
    v = []
    m = INTERNAL.search(text)
    if m:
        v.append(f"an internal name or placeholder printed: {m.group(0)!r}")
    if re.search(r"\btdp\b", text):
        v.append("'tdp' abbreviation printed")
    if kind == "CVDD":
        for t in doc.tables[1:-1]:
            for r in t.rows[1:]:
                late = r.cells[-1].text.strip()
                if late and not late.endswith("ngày làm việc"):
                    v.append(f"days late {late!r} without their unit (ngày làm việc)")
            if t.rows and "Số ngày trễ" in t.rows[0].cells[-1].text:
                v.append("column 'Số ngày trễ' does not say the days are working days")
    if "PHƯỜNG" in (doc.tables[0].rows[0].cells[0].text if doc.tables else ""):
        m = VILLAGE_WORDS_OF_A_XA.search("\n".join(paras + cells))
        if m:
            v.append(f"a phường document says {m.group(0)!r}")
    if kind in ("CVPC", "CVDD"):
        to = re.search(r"Kính gửi: (.+?)\.$", "\n".join(paras), re.M)
        if to and re.search(r"(?<!\w)(xã|phường|đặc khu)$", to.group(1)):
            v.append(f"{kind} addressed without the unit's name: {to.group(1)!r}")
        if to and agencies.default_level(to.group(1)) == agencies.SUPERIOR:
            v.append(f"{kind} assigns or chases a superior: {to.group(1)!r}")
        if to and agencies.default_level(to.group(1)) == agencies.TERRITORY and \
                re.search(r"khẩn trương|\bgiao\b", "\n".join(paras)):
            v.append(f"{kind} orders an agency on the territory: {to.group(1)!r}")
    if kind == "CVKN" and re.search(r"chậm nhất|khẩn trương|trước ngày", text):
        v.append("a recommendation to superiors imposes a deadline")
    if kind == "BCKQ":
        m = re.search(r"đang giải quyết (\d+) \(quá hạn (\d+)\)", text)
        if m and int(m.group(2)) > int(m.group(1)):
            v.append(f"figures disagree: {m.group(0)!r}")
    if kind == "GM" and doc.tables:
        signer = [p.text for p in doc.tables[-1].rows[0].cells[-1].paragraphs if p.text.strip()]
        invited = next((p for p in paras if p.strip() and not p.startswith(("Tới", "Chủ trì",
                        "Thời gian", "Địa điểm", "Rất mong"))
                        and signer and signer[-1] in p), None)
        if invited:
            v.append(f"an invitation to its own signer: {invited[:40]!r}")
    return v


def check_recipients(entries, party: bool, runs_ok, v, label="Nơi nhận") -> None:
    if not entries or entries[0].text != "Nơi nhận:":
        v.append(f"no 'Nơi nhận:' ({label})")
        return
    if party:
        runs_ok(entries[0], (13, 14), underline=True, label="Nơi nhận")
    else:
        runs_ok(entries[0], (12, 12), bold=True, italic=True, label="Nơi nhận")
    items = entries[1:]
    if not items:
        v.append("Nơi nhận without entries")
    for i, p in enumerate(items):
        runs_ok(p, (12, 12) if party else (11, 11), bold=False, label="nơi nhận entry")
        if not p.text.startswith("- "):
            v.append(f"nơi nhận entry {p.text!r} does not start with '- '")
        last = i == len(items) - 1
        if last and not (p.text.startswith("- Lưu") and p.text.endswith(".")):
            v.append(f"last nơi nhận entry {p.text!r} is not '- Lưu...' ending '.'")
        if not last and not p.text.endswith(";"):
            v.append(f"nơi nhận entry {p.text!r} does not end with ';'")


def check(path: str, kind: str, party: bool) -> list[str]:
    if path.endswith(".txt"):
        return check_text(path, kind, party)
    d = Doc(path)
    doc = d.doc
    v: list[str] = []
    # Page and margins, every section (lists for the day may be landscape).
    for i, s in enumerate(doc.sections):
        portrait = abs(s.page_width - Mm(210)) <= Mm(1) and abs(s.page_height - Mm(297)) <= Mm(1)
        landscape = abs(s.page_width - Mm(297)) <= Mm(1) and abs(s.page_height - Mm(210)) <= Mm(1)
        if not (portrait or landscape and kind in LISTS):
            v.append(f"section {i}: not A4 portrait")
        for name, lo, hi in (("top_margin", 20, 25), ("bottom_margin", 20, 25),
                             ("left_margin", 30, 35), ("right_margin", 15, 20)):
            mm = getattr(s, name) / Mm(1)
            if not lo - 0.1 <= mm <= hi + 0.1:
                v.append(f"section {i}: {name} {mm:.1f} mm outside {lo}-{hi}")
        # Page numbers: centred in the top margin, none on the first page.
        sect = s._sectPr
        if sect.find(qn("w:titlePg")) is None:
            v.append(f"section {i}: no different first page (page 1 would be numbered)")
        header_xml = s.header._element.xml
        if "PAGE" not in header_xml:
            v.append(f"section {i}: no PAGE field in the header")
        if "PAGE" in s.first_page_header._element.xml:
            v.append(f"section {i}: page number on the first page")
        if s.header.paragraphs and s.header.paragraphs[0].alignment != 1:
            v.append(f"section {i}: page number not centred")
    # Fonts everywhere: Times New Roman, black.
    for p in _all_paragraphs(doc):
        for r in _text_runs(p):
            font = d.font(r, p)
            if font != "Times New Roman":
                v.append(f"run {r.text[:30]!r}: font {font}")
            if r.font.color is not None and r.font.color.rgb not in (None,) and \
                    str(r.font.color.rgb) not in ("000000",):
                v.append(f"run {r.text[:30]!r}: colour {r.font.color.rgb}")
    header = doc.tables[0]
    left, right = header.rows[0].cells
    left2, right2 = header.rows[1].cells

    def runs_ok(paragraph, sizes, bold=None, italic=None, underline=None, label=""):
        for r in _text_runs(paragraph):
            size = d.size(r, paragraph)
            if not sizes[0] <= size <= sizes[1]:
                v.append(f"{label} {r.text[:30]!r}: size {size} not in {sizes}")
            if bold is not None and d.bold(r, paragraph) != bold:
                v.append(f"{label} {r.text[:30]!r}: bold should be {bold}")
            if italic is not None and bool(r.italic) != italic:
                v.append(f"{label} {r.text[:30]!r}: italic should be {italic}")
            if underline is not None and bool(r.underline) != underline:
                v.append(f"{label} {r.text[:30]!r}: underline should be {underline}")

    texts_left = [p for p in left.paragraphs if p.text.strip()]
    texts_right = [p for p in right.paragraphs if p.text.strip()]
    if len(texts_left) < 2 or len(texts_right) < (1 if party else 2):
        return v + ["header block incomplete (issuer or Quốc hiệu/Tiêu ngữ missing)"]
    if party:
        if texts_right[0].text != "ĐẢNG CỘNG SẢN VIỆT NAM":
            v.append("party header: ĐẢNG CỘNG SẢN VIỆT NAM missing")
        runs_ok(texts_right[0], (14, 15), bold=True, underline=True, label="party header")
        if texts_left[-1].text != "*":
            v.append("party issuer: no asterisk under the issuer")
        runs_ok(texts_left[1], (13, 14), bold=True, label="party issuer")
        if texts_left[1].text != texts_left[1].text.upper():
            v.append("party issuer not upper case")
    else:
        if texts_right[0].text != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM":
            v.append("Quốc hiệu missing")
        runs_ok(texts_right[0], (12, 13), bold=True, label="Quốc hiệu")
        if texts_right[1].text != "Độc lập - Tự do - Hạnh phúc":
            v.append("Tiêu ngữ missing")
        runs_ok(texts_right[1], (13, 14), bold=True, label="Tiêu ngữ")
        lines = [p for p in right.paragraphs if _bordered(p)]
        if not lines:
            v.append("no line under the Tiêu ngữ")
        else:
            length = _line_length(lines[0], _cell_width(right))
            motto = text_width(texts_right[1].text, 13, True)
            if not 0.75 * motto <= length <= 1.25 * motto:
                v.append(f"line under the Tiêu ngữ {length} vs text {motto} twips")
        issuer = [p for p in texts_left if p.runs and d.bold(p.runs[0], p)]
        if not issuer:
            v.append("issuer name missing or not bold")
        for p in issuer:
            runs_ok(p, (12, 13), bold=True, label="issuer")
            if p.text != p.text.upper():
                v.append(f"issuer {p.text!r} not upper case")
        lines = [p for p in left.paragraphs if _bordered(p)]
        if not lines:
            v.append("no line under the issuer")
        elif issuer:
            length = _line_length(lines[0], _cell_width(left))
            text = max(text_width(p.text, 12, True) for p in issuer)
            if not 0.30 * text <= length <= 0.52 * text:
                v.append(f"line under the issuer {length} twips, text {text}: not 1/3-1/2")
    v += check_tables(d)
    v += check_print(d, kind)
    v += check_words(d, kind)
    for text in _addressee_texts(doc):
        rep = repeated_phrase(text)
        if rep:
            v.append(f"addressee {text[:60]!r} repeats {rep!r}")
    # Number and date lines.
    number = [p for p in left2.paragraphs if p.text.startswith("Số")]
    if kind in FORMS or kind in LISTS:
        if number:
            v.append("a form carries a number")
    else:
        if not number:
            v.append("no number line")
        else:
            pattern = PARTY_NUMBER if party else STATE_NUMBER
            if not pattern.match(number[0].text) and not (kind == "KH" and number[0].text):
                v.append(f"number line {number[0].text!r} not in the required form")
            runs_ok(number[0], (13, 14), bold=False, label="number line")
    dates = [p for p in right2.paragraphs if p.text.strip()]
    if kind == "BB" or kind in LISTS:
        if dates:
            v.append(f"a {kind} has a place/date line")
    else:
        if not dates or not DATE_LINE.match(dates[0].text):
            v.append(f"date line {dates[0].text if dates else None!r} not in the required form")
        else:
            runs_ok(dates[0], (13, 14), italic=True, label="date line")
    cong_van = kind in CONG_VAN and not (party and kind in PARTY_REPORTS)
    if cong_van:
        vv = [p for p in left2.paragraphs if p.text.startswith("V/v ")]
        if not vv:
            v.append("công văn without a V/v line")
        else:
            runs_ok(vv[0], (12, 13), bold=False, label="V/v")
    # Title: type name upper case bold, centred; subject bold.
    body = [p for p in doc.paragraphs if p.text.strip()]
    if not cong_van:
        t = body[0]
        if t.text != t.text.upper() or t.alignment != 1:
            v.append(f"document type {t.text!r} not upper case and centred")
        runs_ok(t, (13, 14), bold=True, label="type name")
        if kind == "GM":     # Mẫu 1.7: the type name, then the trích yếu and a short line under it
            subject = body[1] if len(body) > 1 else None
            if subject is None or not subject.text.startswith("Dự ") or subject.alignment != 1:
                v.append("giấy mời without its trích yếu (\"Dự hội nghị ...\") under GIẤY MỜI")
            else:
                runs_ok(subject, (13, 14), bold=True, label="trích yếu")
                after = doc.paragraphs[[p._p for p in doc.paragraphs].index(subject._p) + 1]
                if not _bordered(after):
                    v.append("giấy mời: no line under the trích yếu")
    # Căn cứ: italic, one per line, ";" and the last ".".
    bases = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Thực hiện Đề án"))]
    for i, p in enumerate(bases):
        runs_ok(p, (13, 14), italic=True, label="căn cứ")
        end = "." if i == len(bases) - 1 else ";"
        if not p.text.rstrip().endswith(end):
            v.append(f"căn cứ {p.text[:30]!r} should end with {end!r}")
    # Body paragraphs: justified, first-line indent 1-1.27 cm, spacing ≥ 6 pt, ≤ 1.5 lines.
    for p in doc.paragraphs:
        if not p.text.strip() or p.alignment != 3:
            continue
        pf = p.paragraph_format
        if pf.first_line_indent is None or not Cm(0.99) <= pf.first_line_indent <= Cm(1.28):
            v.append(f"body {p.text[:30]!r}: first-line indent not 1-1.27 cm")
        after = pf.space_after if pf.space_after is not None else \
            doc.styles["Normal"].paragraph_format.space_after
        if after is None or after.pt < 6:
            v.append(f"body {p.text[:30]!r}: paragraph spacing below 6 pt")
        spacing = pf.line_spacing or doc.styles["Normal"].paragraph_format.line_spacing
        if isinstance(spacing, float) and not 1.0 <= spacing <= 1.5:
            v.append(f"body {p.text[:30]!r}: line spacing {spacing}")
        runs_ok(p, (13, 14), label="body")
    texts = [p for p in doc.paragraphs if p.text.strip()]
    if kind == "BB":           # Mẫu 1.9: the Nơi nhận list follows the two signatures
        start = next((i for i, p in enumerate(texts) if p.text == "Nơi nhận:"), len(texts))
        below, texts = texts[start:], texts[:start]
    if kind not in FORMS and texts:
        last = texts[-1]
        if not last.text.rstrip().endswith("./."):
            v.append(f"body does not end with './.': {last.text[-30:]!r}")
    # Nơi nhận and the signature block.
    if kind in FORMS or kind in LISTS:
        return v
    sig_table = doc.tables[-1]
    sl, sr = sig_table.rows[0].cells
    if kind == "BB":
        if [p.text for p in sl.paragraphs if p.text.strip()][:1] != ["THƯ KÝ"] or \
                [p.text for p in sr.paragraphs if p.text.strip()][:1] != ["CHỦ TỌA"]:
            v.append("biên bản signatures are not THƯ KÝ (left) and CHỦ TỌA (right)")
        body_end = sig_table._tbl.getnext()
        if below and body_end is not None and below[0]._p not in list(sig_table._tbl.itersiblings()):
            v.append("biên bản: Nơi nhận is not below the signatures")
        check_recipients(below, party, runs_ok, v, "biên bản")
        if below and not below[-1].text.rstrip(".").endswith(("Hồ sơ", "hồ sơ")):
            v.append(f"biên bản: last entry {below[-1].text!r} is not '- Lưu: VT, Hồ sơ.'")
        return v
    entries = [p for p in sl.paragraphs if p.text.strip()]
    check_recipients(entries, party, runs_ok, v)
    sig = [p for p in sr.paragraphs if p.text.strip()]
    if len(sig) < 2:
        v.append("signature block incomplete")
    else:
        *titles, name = sig
        first = titles[0].text
        if not re.match(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.|T/M|K/T) ", first):
            v.append(f"signature authority {first!r} not TM./KT./T/M ...")
        for p in titles:
            runs_ok(p, (13, 14), bold=True, label="signer title")
            if p.text != p.text.upper():
                v.append(f"signer title {p.text!r} not upper case")
        runs_ok(name, (13, 14), bold=True, label="signer name")
        if name.text.upper() == name.text or not name.text.strip():
            v.append(f"signer name {name.text!r} not in title case")
    return v
