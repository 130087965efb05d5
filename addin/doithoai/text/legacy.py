"""Vietnamese kept in the old 8-bit tables (TCVN3, also called ABC; VNI) inside a Unicode cell.

Offices kept their documents for years in the .VnTime (TCVN3) and VNI-Times fonts. Copied from
such a document into Excel, a name keeps its font: the cell shows "Nguyễn Văn Hòa" on a computer
that has the font, but it holds "NguyÔn V¨n Hßa" (TCVN3) or "Nguyeãn Vaên Hoøa" (VNI), and every
document prints it so, in Times New Roman. Unicode fonts show the clerk the same garbage only
once the cell's font is changed.

:func:`recovered` reads such a text back: (the table's name, the text in Unicode), or None. A
text is read as one of them only when

- every character of it is one those tables are made of (Latin-1: a text holding "ệ", "ư" or
  "đ" is Unicode already);
- it holds a character that Vietnamese written in Unicode does not use and that is not a
  common symbol (:data:`SIGNS`: "¨", "ß", "ø", "ñ"…: "Lê Hà" is never read as TCVN3);
- each word of the reading that holds a letter beyond ASCII is one Vietnamese syllable (an
  onset, a run of vowels and an ending the language has, one tone mark at most), and no such
  character is left, nor any other of the tables' range that is no letter.

What cannot be told apart, said plainly: a VNI text whose every sign is a letter standing alone
("öa", "ñi": ưa, đi) is a TCVN3 text as well ("ửa", "ủi"), and is read as TCVN3; a text of
such a length is rare, and the hint is checked by the clerk before it is typed.

The tables: TCVN 5712:1993 (its 8-bit table, VN3, as the .VnTime fonts lay it out; the
capitals with a tone are typed in the .VnTimeH font with the small letters' codes, and read
back in small letters) and VNI for Windows (a letter, then a character for its hat, breve or
tone: "a" "ê" is "ă", "e" "ã" is "ễ"; "ô" is "ơ", "ö" "ư", "ñ" "đ").
"""
from __future__ import annotations

import re
import unicodedata

# The fonts each table was typed with, as the clerk knows them.
FONTS = {"TCVN3": ".VnTime", "VNI": "VNI-Times"}

# TCVN3: each character as Excel holds it (the byte read as Latin-1) → the letter it stands for.
_TCVN3 = str.maketrans(
    "¡¢£¤¥¦§¨©ª«¬\xad®¯µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
    "ĂÂÊÔƠƯĐăâêôơưđẰàảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ")

# VNI: the characters that are a letter on their own, and the marks typed after a letter.
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_AS_TYPED = set("íì")     # í, ì: VNI's own codes for them are Unicode's
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_HAT, _BREVE = "\u0302", "\u0306"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_HATS = {"â": _HAT, "à": _HAT + _GRAVE, "á": _HAT + _ACUTE, "å": _HAT + _HOOK,
             "ã": _HAT + _TILDE, "ä": _HAT + _DOT}
_VNI_BREVES = {"ê": _BREVE, "è": _BREVE + _GRAVE, "é": _BREVE + _ACUTE, "ú": _BREVE + _HOOK,
               "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT}

# Latin-1 characters Vietnamese in Unicode does not use and that are no common symbol (°, ×,
# «, ©, ½ may stand in a clean text): one of them is what makes a text worth reading again.
SIGNS = "¡¢£¤¥¦¨ª¬\xad¯´¸º¿ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ"
_TONES = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}
_VOWELS = set("aeiouy")
_WORD = re.compile(r"[^\W\d_]+")


def recovered(text: str | None) -> tuple[str, str] | None:
    """("TCVN3" or "VNI", the text in Unicode) when ``text`` is Vietnamese kept in one of the
    old tables, else None. VNI reads every character beyond ASCII as a letter or a mark on the
    letter before it ("Vaên": a, ê: ă); one it cannot ("nùa": no vowel before "ù") makes the
    text no VNI. Where both readings make syllables, VNI is the one when it joined a letter
    with a mark typed after it; a VNI reading of letters standing alone ("ö", "ñ", "î") is also
    a TCVN3 one ("TriÖu" is "Triệu" in TCVN3, not "TriƯu")."""
    if not text or not any(ch in SIGNS for ch in text) or max(map(ord, text)) > 0xFF:
        return None
    vni, joined, stray = _from_vni(text)
    tcvn3 = _from_tcvn3(text)
    readings = [("VNI", vni)] if joined and not stray else []
    readings += [("TCVN3", tcvn3)] + ([("VNI", vni)] if not stray else [])
    return next(((name, fixed) for name, fixed in readings
                 if _reads_as_vietnamese(text, fixed)), None)


def _from_tcvn3(text: str) -> str:
    return text.translate(_TCVN3)


def _from_vni(text: str) -> tuple[str, int, int]:
    """The VNI reading; how many marks it joined with the letter before them; how many
    characters beyond ASCII it could read neither as a letter nor as a mark."""
    out: list[str] = []
    joined = stray = 0
    for ch in text:
        low = ch.lower()
        marks = _vni_marks(out[-1].lower() if out else "", low)
        if marks is not None:
            out[-1] = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[-1])
                                            + marks)
            joined += 1
        elif low in _VNI_LETTERS:
            letter = _VNI_LETTERS[low]
            out.append(letter.upper() if ch.isupper() else letter)
        else:
            stray += 0x80 <= ord(ch) <= 0xFF and low not in _VNI_AS_TYPED
            out.append(ch)
    return "".join(out), joined, stray


def _vni_marks(base: str, mark: str) -> str | None:
    """The combining marks the VNI character ``mark`` puts on the letter before it (NFD of
    ``base`` read for its bare letter and what it carries already), or None."""
    bare = unicodedata.normalize("NFD", base)[:1]
    if bare not in _VOWELS or any(m in _TONES for m in unicodedata.normalize("NFD", base)):
        return None
    if mark in _VNI_TONES:
        return _VNI_TONES[mark]
    if bare == "a" and mark in _VNI_BREVES:
        return _VNI_BREVES[mark]
    if bare in "aeo" and mark in _VNI_HATS and base == bare:
        return _VNI_HATS[mark]
    return None


def _reads_as_vietnamese(text: str, fixed: str) -> bool:
    """The reading changed the text, left none of its signs nor any other character of the
    table's range that is no letter (a "×" it did not read), and each word holding a letter
    beyond ASCII is one syllable."""
    if fixed == text or any(ch in SIGNS or (0x80 <= ord(ch) <= 0xFF and not ch.isalpha())
                            for ch in fixed):
        return False
    return all(_syllable(w) for w in _WORD.findall(fixed) if not w.isascii())


def _syllable(word: str) -> bool:
    """One Vietnamese syllable: an onset the language has, a run of vowels it has, an ending
    it has ("qu" is an onset: "qù" is none; "aa" is no run), one tone mark at most."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    m = _SYLLABLE.fullmatch(bare)
    return m is not None and m.group(1) in _VOWEL_RUNS


_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aeiouy]{1,3})"
                       r"(?:ch|ng|nh|[cmnpt])?")
# The runs of vowels of Vietnamese syllables, their marks aside ("ươi" is "uoi", "uyê" "uye").
_VOWEL_RUNS = frozenset(
    "a e i o u y ai ao au ay eo eu ia ie iu oa oe oi ua ue ui uo uu uy ye "
    "ieu yeu oai oay oao oeo uay uoi uou uya uye uyu".split())
