"""Where WordprocessingML puts each child of the properties we write by hand.

Word checks the order of the children of a properties element against the schema and offers to
"recover" a file that breaks it (LibreOffice does not mind, so a PDF check cannot see it).
python-docx's oxml classes insert the children they know at their place; for the others
(``w:pBdr``, ``w:tblBorders``, ``w:pgNumType``, ``w:rPr`` in ``w:pPr`` …) :func:`place` does,
from the sequences below. They are the content models of ECMA-376 Part 1 (5th edition, 2016),
Annex A.1 (wml.xsd), the complex types named on each line; the element subclauses are
§17.3.1.26 pPr, §17.3.2.28 rPr (§17.3.1.29 for the paragraph mark's), §17.4.59 tblPr,
§17.4.81 trPr, §17.4.69 tcPr and §17.6.17/§17.6.18 sectPr. The children of ``w:trPr`` are a
choice (any order) followed by the change-tracking elements, so they share one rank. Elements of
later namespaces (w14:, w15: …, which Word writes when a clerk edits a template) come after the
ones of ECMA-376 in each of these types.

This module needs only lxml: the engine uses it on a fragment of a rendered document without
loading python-docx.
"""
from __future__ import annotations

import re

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Each sequence is a tuple of ranks; a rank is the local name of an element, or a tuple of names
# whose order among themselves is free (a choice).
SEQUENCES: dict[str, tuple] = {
    # CT_PPr = CT_PPrBase, then rPr, sectPr, pPrChange.
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    # CT_RPr = EG_RPrBase, then rPrChange (the run mark's CT_ParaRPr adds ins/del/move first).
    "rPr": ("ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs",
            "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint",
            "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
            "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
            "rPrChange"),
    # CT_TblPr = CT_TblPrBase, then tblPrChange.
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
              "tblPrChange"),
    # CT_TrPr = CT_TrPrBase (a choice, any order), then ins, del, trPrChange.
    "trPr": (("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
              "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"),
             "ins", "del", "trPrChange"),
    # CT_TcPr = CT_TcPrBase, then the cell's change marks, then tcPrChange.
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
             ("cellIns", "cellDel", "cellMerge"), "tcPrChange"),
    # CT_SectPr = EG_HdrFtrReferences (any order), EG_SectPrContents, then sectPrChange.
    "sectPr": (("headerReference", "footerReference"), "footnotePr", "endnotePr", "type",
               "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
               "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
               "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
}

RANKS: dict[str, dict[str, int]] = {
    parent: {name: rank for rank, names in enumerate(seq)
             for name in (names if isinstance(names, tuple) else (names,))}
    for parent, seq in SEQUENCES.items()
}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rank(ranks: dict[str, int], tag: str) -> int | None:
    if not tag.startswith("{" + W + "}"):
        return None
    return ranks.get(local(tag))


def place(parent, child):
    """Insert ``child`` into ``parent`` where the schema puts it, replacing a child of the same
    name (each of these children occurs at most once, but header and footer references).
    A child the schema does not allow in ``parent`` is an error, so a typo cannot slip into a
    template."""
    ranks = RANKS[local(parent.tag)]
    where = _rank(ranks, child.tag)
    if where is None:
        raise ValueError(f"w:{local(parent.tag)} has no child {child.tag}")
    if local(child.tag) not in ("headerReference", "footerReference"):
        for old in parent.findall(child.tag):
            parent.remove(old)
    for n, existing in enumerate(parent):
        if not isinstance(existing.tag, str):      # a comment or processing instruction
            continue
        at = _rank(ranks, existing.tag)
        if at is None or at > where:          # a later one, or one of a later namespace
            parent.insert(n, child)
            return child
    parent.append(child)
    return child


_NSDECL = re.compile(r'\sxmlns(?::\w+)?="[^"]*"')


def edit_fragment(fragment: str, declarations_from: str, edit) -> str:
    """Apply ``edit`` (a function of one lxml element) to the element written in ``fragment``,
    a piece of a part whose root start tag, in ``declarations_from``, declares the prefixes;
    the edited element comes back as text with the same prefixes and no new declarations."""
    from lxml import etree
    start = declarations_from[:declarations_from.index(">", declarations_from.index("<w:"))]
    decls = "".join(_NSDECL.findall(start))
    wrapper = etree.fromstring(f"<wrap{decls}>{fragment}</wrap>".encode("utf-8"))
    edit(wrapper[0])
    text = etree.tostring(wrapper, encoding="unicode")
    return text[text.index(">") + 1:text.rindex("</wrap>")]


# --- edits of a rendered document.xml as text ---------------------------------------------------
# A batch renders thousands of documents: these few edits are made on the text, each by one
# function here, and tested in tests/documents/test_wordml.py.

_SECT = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_LINE = re.compile(r"\n<w:p([ >])")
_BODY, _BODY_END = "<w:body>", "</w:body>"


def paragraphs_on_lines(xml: str) -> str:
    """Each paragraph on a line of its own (a template's syntax error then names a line)."""
    return _PARAGRAPH.sub(r"\n<w:p\1", xml)


def paragraphs_joined(xml: str) -> str:
    """:func:`paragraphs_on_lines` undone."""
    return _PARAGRAPH_LINE.sub(r"<w:p\1", xml)


def text_width(xml: str, default: int) -> int:
    """The width between the margins of the document's last section, in twips (``default``
    when the section does not say)."""
    size = re.findall(r'<w:pgSz [^>]*w:w="(\d+)"', xml)
    left = re.findall(r'<w:pgMar [^>]*w:left="(\d+)"', xml)
    right = re.findall(r'<w:pgMar [^>]*w:right="(\d+)"', xml)
    if not (size and left and right):
        return default
    return int(size[-1]) - int(left[-1]) - int(right[-1])


def marked_indents(xml: str, indents: dict[int, int]) -> str:
    """Each paragraph indented by a marker value (layout.ISSUER_LINE, MOTTO_LINE, SUBJECT_LINE:
    the same left and right indent, which no real paragraph has) gets its real indent."""
    for marker, indent in indents.items():
        xml = xml.replace(f'w:left="{marker}" w:right="{marker}"',
                          f'w:left="{indent}" w:right="{indent}"')
    return xml


def merged(documents: list[str]) -> str:
    """One document.xml holding every rendered document, each in its own section.

    All were rendered from one template, so they share its styles, numbering, headers and
    relationships: their bodies can follow one another (docxcompose, which reconciles those
    between different documents, is not needed). Each section repeats the template's section
    properties (page, margins, headers), restarts page numbering and keeps a blank first-page
    header: one invitation per page, no number."""
    first = documents[0]
    head = first[:first.index(_BODY) + len(_BODY)]
    sect = restart_numbering(_SECT.search(first).group(0), head)
    bodies = []
    for i, doc in enumerate(documents):
        inner = _SECT.sub("", doc[doc.index(_BODY) + len(_BODY):doc.rindex(_BODY_END)])
        bodies.append(inner + (f"<w:p><w:pPr>{sect}</w:pPr></w:p>" if i < len(documents) - 1
                               else sect))
    return head + "".join(bodies) + _BODY_END + "</w:document>"


def restart_numbering(sect: str, head: str) -> str:
    """The section properties ``sect`` (text of a ``w:sectPr`` of the document whose start is
    ``head``) with page numbers starting at 1, ``w:pgNumType`` where the schema puts it."""
    def edit(sect_pr):
        from lxml import etree
        tag = f"{{{W}}}pgNumType"
        numbering = sect_pr.find(tag)
        if numbering is None:
            numbering = place(sect_pr, etree.Element(tag))
        numbering.set(f"{{{W}}}start", "1")
    return edit_fragment(sect, head, edit)
