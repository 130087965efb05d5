"""Where a form of address ends and a person's name begins (text.honorifics), on generated names.

A hurried clerk types the form into the name cell in every way: any case, with or without the
accents of forms that no surname spells without them, followed by spaces or a dot, "Đ/c" for
"Đồng chí". Each such name reads as its form and the name; a name that only begins like a form
(Cao, Chu, Cù, Châu, Đồng are surnames; "Bác sĩ", "bà con" are no forms) reads whole.
"""
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.registries import GIVEN, MIDDLES_F, MIDDLES_M, SURNAMES
from doithoai.text import honorifics

# A form as printed → how a clerk may type it (accents dropped only where no name is spelt so).
TYPED = {"Ông": ("Ông", "ông", "ÔNG", "ong", "Ong"), "Bà": ("Bà", "bà", "BÀ", "ba", "Ba"),
         "Đồng chí": ("Đồng chí", "đồng chí", "ĐỒNG CHÍ", "Đ/c", "đ/c", "Đ/C", "dong chi",
                      "Đồng  chí"),
         "Anh": ("Anh", "anh", "ANH"), "Chị": ("Chị", "chị"), "Cô": ("Cô", "cô", "CÔ"),
         "Chú": ("Chú", "chú"), "Bác": ("Bác", "bác"), "Em": ("Em", "em"), "Cụ": ("Cụ", "cụ"),
         "Cháu": ("Cháu", "cháu")}
# Surnames that begin like a form, or are one without its accents, and are names.
LOOKALIKES = ("Cao", "Chu", "Cù", "Châu", "Đồng", "Cồ", "Bạch", "Ánh", "Bá", "Chi")

NAMES = st.builds(lambda s, m, g: f"{s} {m} {g}", st.sampled_from(SURNAMES + LOOKALIKES),
                  st.sampled_from(MIDDLES_F + MIDDLES_M), st.sampled_from(GIVEN))


def cased(name: str, how: str) -> str:
    return {"as-is": name, "lower": name.lower(), "upper": name.upper()}[how]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(TYPED)), st.data(), NAMES,
       st.sampled_from((" ", "  ", ". ", ".", " . ")), st.sampled_from(("as-is", "lower", "upper")),
       st.booleans())
def test_a_form_typed_before_a_name_is_read_apart_from_it(form, data, name, gap, how, nfd):
    typed_form = data.draw(st.sampled_from(TYPED[form]))
    typed_name = cased(name, how if typed_form.islower() or typed_form.isupper() else "as-is")
    typed = f"{typed_form}{gap}{typed_name} "
    if nfd:
        typed = unicodedata.normalize("NFD", typed)
    assert honorifics.split(typed) == (form, unicodedata.normalize("NFC", typed_name))
    # printed once: Danh xưng's when one is chosen, else the one typed
    assert honorifics.addressed(None, typed) == f"{form} {typed_name}"
    assert honorifics.addressed("Bà", typed) == f"Bà {typed_name}"


@settings(max_examples=300, deadline=None)
@given(NAMES, st.sampled_from(("as-is", "lower", "upper")))
def test_a_name_with_no_form_is_read_whole(name, how):
    typed = cased(name, how)
    assert honorifics.split(f" {typed.replace(' ', '  ')}") == (None, typed)
    assert honorifics.addressed("Ông", typed) == f"Ông {typed}"


def test_what_only_looks_like_a_form_stays_whole():
    for text in ("Bác sĩ Nguyễn Văn An", "bác sĩ nguyễn văn an", "Cô giáo Lê Thị Mai",
                 "Anh hùng lao động Hoàng Văn Thắng", "Bà con Thôn 1", "bà con thôn Đông",
                 "Ông", "Bà 2", "Chu Văn An", "Cao Phương Yến", "Đồng Sỹ Nguyên", "Y Sơn Niê",
                 "H'Hen Niê", "Ông (Bà)"):
        assert honorifics.split(text) == (None, " ".join(text.split())), text


def test_a_form_in_running_text_is_in_lower_case():
    assert honorifics.in_sentence("Ông (Bà) Đỗ Văn Khải") == "ông (bà) Đỗ Văn Khải"
    assert honorifics.in_sentence("Đồng chí Lê Văn Tám") == "đồng chí Lê Văn Tám"
    assert honorifics.in_sentence("Cụ Tám") == "cụ Tám"
    assert honorifics.in_sentence("Các hộ dân xóm 1") == "Các hộ dân xóm 1"
