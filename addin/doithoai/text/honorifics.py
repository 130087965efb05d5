"""A person's name and the form of address typed before it: the one place that decides where
the form ends and the name begins.

Clerks type the form of address into the name cell as often as into Danh xưng: "ĐỒNG CHÍ LÊ
VĂN TÁM", "bà  Trần Thị Hoa", "Anh Đỗ Quang Huy", "Đ/c Mai", "Bà. Nguyễn Thị Hoa", "ong Hoang
Van Nam". :func:`split` reads such a cell as (the form, in its own spelling; the name): documents
print the form once (:func:`addressed`) and people are compared by the name alone
(registry.personal.bare_name). The cell itself is never changed. A letter to a citizen whose
cell has no form is addressed with the one the name tells (:func:`citizen`: "Thị", an Ê Đê or
Jrai woman's "H'", a man's "Y"), else "Ông (Bà)".

What is a form of address: the first word or two, in any case, followed by spaces or a dot, then
a name (a word beginning with a letter):

- typed with its accents: đồng chí, đ/c (or đc), ông, bà, ông (bà), anh, chị, em, cô, chú, bác,
  cháu, cụ. An accent tells these from the surnames and given names that share their letters:
  Cù, Châu, Cồ, Bạch, Ánh are names, not forms; "Đồng" alone is a surname (only "Đồng chí" is
  the form); Cao, Chu are surnames and look like no form;
- typed without any accent, only the forms whose plain spelling is no Vietnamese surname nor a
  word a name begins with: dong chi, d/c, ong, ba (and anh, em, spelt alike). "co", "chu",
  "cu", "chi", "bac", "chau" are the plain spellings of Cồ, Chu, Cù, Chi, Bạc, Châu as well:
  not forms;
- not a form when the word after it makes another word: "bác sĩ", "cô giáo", "anh hùng", "bà
  mẹ" (Việt Nam anh hùng), "bà con", "anh em", "chị em", "ông bà", "cô chú"; nor when the name
  after it has capitals but its first word has none ("Bác sĩ Nguyễn Văn A", "Bà con Thôn 1"):
  a title or a group, not a form before a name.

What is not caught, said plainly: "Ông" is also a rare surname (Ông Ích Khiêm); "Ông Văn Tùng"
reads as Mr Văn Tùng. Printed where Danh xưng is blank, such a name reads as typed; validate
names the cell and says to ignore the warning for a surname. A given name typed without its
surname that begins with a form's word ("Anh Thư") reads as a form; the full name ("Nguyễn Anh
Thư") never does.
"""
from __future__ import annotations

import re
import unicodedata

from doithoai.text import vntext

# The form as typed (case folded, spaces taken out) → as documents print it.
_SPELLED = {
    "đồngchí": "Đồng chí", "đ/c": "Đồng chí", "đc": "Đồng chí", "dongchi": "Đồng chí",
    "d/c": "Đồng chí", "ông(bà)": "Ông (Bà)", "ông/bà": "Ông (Bà)", "ong(ba)": "Ông (Bà)",
    "ông": "Ông", "ong": "Ông", "bà": "Bà", "ba": "Bà", "anh": "Anh", "chị": "Chị", "em": "Em",
    "cô": "Cô", "chú": "Chú", "bác": "Bác", "cháu": "Cháu", "cụ": "Cụ"}
FORMS = tuple(dict.fromkeys(_SPELLED.values()))       # as printed: "Đồng chí", "Ông (Bà)", …
# First words of a name that tell the person's sex: an Ê Đê or M'nông man's name begins "Y"
# ("Y Bih Aleo"); an elder called by a child's name is "Ama" (its father) or "Ami" (its
# mother): "Ama Thuột"; a Khmer name of An Giang begins "Chau" for a man, "Néang" for a woman
# ("Chau Sóc Khonl", "Néang Sa Ry"). (A woman's own name has "H" before it: "H'Liên", "H Yăm".)
MAN_FIRST = ("Y", "Ama", "Chau")
WOMAN_FIRST = ("Ami", "Néang", "Neang")
_LEAD = re.compile(
    r"\s*(đồng\s+chí|dong\s+chi|[đd]\s*/\s*c|đc|ông\s*\(\s*bà\s*\)|ông\s*/\s*bà|ong\s*\(\s*ba\s*\)"
    r"|ông|ong|bà|ba|anh|chị|em|cô|chú|bác|cháu|cụ)(?:\s*\.\s*|\s+)(?=[^\W\d_])", re.IGNORECASE)
# The form's word and the next one make another word: a title or a group, not a form.
_NOT_FORMS = frozenset({"bác sĩ", "bác sỹ", "cô giáo", "anh hùng", "bà mẹ", "bà con", "anh em",
                        "chị em", "ông bà", "cô chú", "bac si", "anh hung", "ba con", "ong ba"})


# The words a form of address begins with, with accents. A name that begins with one not read
# as a form ("bà con thôn Đông", "Bác sĩ Lê Văn A") is a group or a title, not a person's name.
# ("đồng" is not one: Đồng is a surname, and "đồng chí" is always the form.)
FORM_WORDS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ"})


def parts(text: str | None) -> tuple[str, str | None, str]:
    """(the form as typed, with its dot: "bà.", "ĐỒNG CHÍ", or ""; the form as documents print
    it ("Bà", "Đồng chí"), or None; the name without it, its spaces collapsed). Where a form is
    found the two texts are read in Unicode's composed form (NFC)."""
    text = text or ""
    nfc = unicodedata.normalize("NFC", text)
    m = _LEAD.match(nfc)
    if m is None:
        return "", None, " ".join(text.split())
    name = " ".join(nfc[m.end():].split())
    first = name.split(" ")[0]
    if f"{m.group(1).casefold().split()[-1]} {first.casefold()}" in _NOT_FORMS or \
            (first[:1].islower() and any(c.isupper() for c in name)):
        return "", None, " ".join(text.split())
    return nfc[:m.end()].strip(), _SPELLED["".join(m.group(1).casefold().split())], name


def split(text: str | None) -> tuple[str | None, str]:
    """(the form of address typed before the name, as documents print it ("Ông", "Đồng chí"),
    or None; the name without it, its spaces collapsed). ``"bà  Trần Thị Hoa"`` → ("Bà",
    "Trần Thị Hoa"); ``"Trần Thị Hoa"`` → (None, "Trần Thị Hoa")."""
    return parts(text)[1:]


def bare(text: str | None) -> str:
    """The name without the form of address typed before it (:func:`split`)."""
    return split(text)[1]


def form_of(text: str | None) -> str | None:
    """The form of address typed before the name, as documents print it, or None."""
    return split(text)[0]


def addressed(honorific: str | None, name: str | None) -> str:
    """A person as a document addresses them, the form once: Danh xưng (``honorific``) when
    one is chosen, else the form typed before the name ("Ông" with "Anh Đỗ Quang Huy": "Ông Đỗ
    Quang Huy"; nothing with "ông Phạm Văn Tư": "Ông Phạm Văn Tư"), then the name."""
    typed, name = split(name)
    form = " ".join((honorific or "").split()) or typed
    return f"{form} {name}" if form and name else (name or form or "")


def in_sentence(addressed_name: str) -> str:
    """A person addressed inside running text: the form in lower case ("Bà Lê Thị Mai" → "bà
    Lê Thị Mai", "Ông (Bà) X" → "ông (bà) X"); a name without a form as it is."""
    form, name = split(addressed_name)
    return f"{form.lower()} {name}" if form else addressed_name


# Names that tell a citizen's sex where Thị does not (and MAN_FIRST, WOMAN_FIRST):
# an Ê Đê, M'nông or Jrai woman's own name has "H" before it ("H Yăm", "H'Đơk", "Ksor H'Phin").
_HIGHLAND_WOMAN = re.compile(r"^H |(?:^|\s)H[" + vntext.APOSTROPHES + vntext.STRAY_APOSTROPHES
                             + r"]\w")
_HIGHLAND_WOMAN_AS_ISSUED = re.compile(r"H(?: |['’ʼ`]\w)")   # doithoai 0.5: at the start only


def citizen(name: str, as_issued: bool = False) -> str:
    """A citizen as a letter addresses them: with the form of address typed before the name,
    that form once, in its own spelling ("Bà Nguyễn Thị Hoa", "bà. Nguyễn Thị Hoa", "cô Lê Thị
    Mai", "Đ/c Trần Văn Bảy" → "Đồng chí Trần Văn Bảy": :func:`split`); a text that is no
    name as typed ("MTTQ"); else "Bà" for a middle name Thị ("Thi" in a name typed without
    accents) or a highland name that tells (:data:`_HIGHLAND_WOMAN`), "Ông" for one that tells
    a man, "Ông (Bà)" for one that does not tell ("Ngô Văn Tài", a name of one word: "Khăm").
    ``as_issued``: as letters issued before the highland names and one-word names were read
    (the value their fingerprints hold)."""
    form, bare = split(name)
    if form:
        return f"{form} {bare}"
    name = " ".join((name or "").split())
    words = name.split()
    if not name or name in FORMS or not words[0][:1].isupper() or \
            (len(words) == 1 and (as_issued or not _one_word_name(name))):
        return name
    if words[1:2] == ["Thị"] or "Thị" in words[1:-1] or \
            (name.isascii() and "Thi" in words[1:-1]) or _tells_woman(name, words, as_issued):
        return f"Bà {name}"
    men = ("Y",) if as_issued else MAN_FIRST
    return f"Ông {name}" if words[0] in men else f"Ông (Bà) {name}"


def _tells_woman(name: str, words: list[str], as_issued: bool) -> bool:
    if as_issued:
        return bool(_HIGHLAND_WOMAN_AS_ISSUED.match(name))
    return bool(_HIGHLAND_WOMAN.search(name)) or words[0] in WOMAN_FIRST


def _one_word_name(word: str) -> bool:
    """A name of one word ("Khăm", "H'Nhi"): letters (an apostrophe between), a capital then
    small ones: not "MTTQ"."""
    return word.istitle() and vntext.identity_key(word).replace("'", "").isalpha()
