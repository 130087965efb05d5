"""The raw edits of a rendered document.xml (documents/wordml.py), on generated text: what a
reader of the merged file sees is each document once, in order, each on pages numbered from 1."""
import re

from hypothesis import given, settings, strategies as st

from doithoai.documents import layout, wordml

W = wordml.W
HEAD = f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="urn:r"><w:body>'
SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" '
        'w:bottom="1134" w:left="1701"/><w:titlePg/></w:sectPr>')
WORDS = st.lists(st.sampled_from(list("aăâđ bc<>&;\n{}%") + ["<w:p>", "<w:pPr/>", "<w:p "]),
                 max_size=30).map("".join)


def _document(texts: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return HEAD + body + SECT + "</w:body></w:document>"


def _texts(xml: str) -> list[str]:
    return re.findall(r"<w:t>(.*?)</w:t>", xml)


@settings(max_examples=200, deadline=None)
@given(text=WORDS)
def test_paragraphs_on_lines_and_back(text):
    xml = HEAD + text + "<w:p w:rsidR='1'>x</w:p><w:pPr/>" + "</w:body></w:document>"
    lined = wordml.paragraphs_on_lines(xml)
    assert not re.search(r"(?<!\n)<w:p[ >]", lined)          # each paragraph starts a line
    assert lined.replace("\n", "") == xml.replace("\n", "")   # only line breaks added
    assert wordml.paragraphs_joined(lined) == xml


@settings(max_examples=100, deadline=None)
@given(docs=st.lists(st.lists(st.text(alphabet="abcđơ 0123", min_size=1, max_size=12),
                              min_size=1, max_size=4), min_size=1, max_size=6))
def test_merged_holds_each_document_once_in_order_each_section_from_page_one(docs):
    merged = wordml.merged([_document(texts) for texts in docs])
    assert _texts(merged) == [t for texts in docs for t in texts]
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", merged, re.S)
    assert len(sections) == len(docs)
    assert all('w:start="1"' in s and "<w:titlePg/>" in s for s in sections)
    # document i's texts lie after section i-1 and before section i
    ends = [0] + [m.end() for m in re.finditer(r"</w:sectPr>", merged)]
    pos = 0
    for i, texts in enumerate(docs):
        for t in texts:
            pos = merged.index(f"<w:t>{t}</w:t>", pos) + 1
            assert ends[i] < pos < ends[i + 1]
    assert merged.startswith(HEAD) and merged.endswith("</w:body></w:document>")


def test_marked_indents_reach_only_the_marked_paragraphs():
    marker = layout.SUBJECT_LINE
    xml = (f'<w:ind w:left="{marker}" w:right="{marker}"/><w:ind w:left="567" w:right="567"/>'
           f'<w:ind w:left="{marker}" w:right="0"/>')
    done = wordml.marked_indents(xml, {marker: 1234})
    assert done == ('<w:ind w:left="1234" w:right="1234"/><w:ind w:left="567" w:right="567"/>'
                    f'<w:ind w:left="{marker}" w:right="0"/>')


def test_text_width_is_the_last_sections_between_margins():
    assert wordml.text_width(_document(["a"]), 9355) == 11906 - 1701 - 851
    assert wordml.text_width(HEAD + "</w:body></w:document>", 9355) == 9355
