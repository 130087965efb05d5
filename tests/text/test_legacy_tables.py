"""Vietnamese copied from an old document typed in TCVN3 (.VnTime) or VNI (VNI-Times) into a cell.

The cell shows the name right where the old font is installed, and holds "NguyÔn V¨n Hßa" or
"Nguyeãn Vaên Hoøa", which every document prints so. Texts are encoded here by encoders of the
test's own: TCVN3 by the system's iconv (glibc's TCVN5712-1 table, the bytes read as Excel reads
an 8-bit font's text), VNI built from the scheme's rules (a letter, then its hat, breve or tone
as one Latin-1 character). Properties, read from what the clerk sees:

- every invitee name and every opinion of corpus registries (tests/corpus) typed in an old table
  is named by `validate --json` at its cell, and the hint gives it back in Unicode;
- no cell of the same registries left in Unicode is taken for an old table (over every text the
  corpus generator writes);
- hypothesis: a Vietnamese text made of syllables reads back exactly from either table (from
  VNI when a mark is typed after one of its letters), and is never itself read as one.
"""
from __future__ import annotations

import dataclasses
import json
import random
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.text import legacy

needs_iconv = pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv on this machine")

# --- the test's encoders -------------------------------------------------------------------

_TONE_OF = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
# VNI's circumflex and breve with a tone are one character each: (mark, tone) → character.
_HAT_WITH = {None: "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã",
             "\u0323": "ä"}
_BREVE_WITH = {None: "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü",
               "\u0323": "ë"}
_I_WITH = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> str:
    return "".join(_vni_letter(ch) for ch in unicodedata.normalize("NFC", text))


def _vni_letter(ch: str) -> str:
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    upper = base.isupper()
    low = base.lower()
    tone = next((m for m in marks if m in _TONE_OF), None)
    if ch in "đĐ":
        out = "ñ"
    elif low == "i" and tone:
        out = _I_WITH[tone]
    elif low == "y" and tone == "\u0323":
        out = "î"
    elif "\u031b" in marks:                       # the horn: ơ, ư
        out = ("ô" if low == "o" else "ö") + (_TONE_OF[tone] if tone else "")
    elif "\u0302" in marks:
        out = low + _HAT_WITH[tone]
    elif "\u0306" in marks:
        out = low + _BREVE_WITH[tone]
    elif tone and low in "aeouy":
        out = low + _TONE_OF[tone]
    else:
        return ch
    return out.upper() if upper else out


def to_tcvn3(text: str) -> str:
    """``text`` (small letters but ASCII capitals and Đ) as a .VnTime document holds it."""
    done = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], check=True,
                          input=unicodedata.normalize("NFC", text).encode(), capture_output=True)
    return done.stdout.decode("latin-1")


ENCODERS = {"TCVN3": to_tcvn3, "VNI": to_vni}

# --- generated Vietnamese ------------------------------------------------------------------

ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "h", "kh", "l", "m", "n", "ng", "nh", "ph",
          "qu", "r", "s", "t", "th", "tr", "v", "x")
NUCLEI = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô",
          "ươ", "ưa", "oa", "uy")
CODAS = ("", "c", "m", "n", "ng", "nh", "p", "t", "i", "o", "u")
GLIDES = ("i", "o", "u")            # a coda that is a vowel, where the language has the run
RUNS_WITH_GLIDES = {"ai", "ao", "au", "eo", "eu", "iu", "oi", "ui", "uu", "oai", "oao", "ieu",
                    "uoi", "uou"}
OPEN_ONLY = ("ia", "ua", "ưa")       # with an ending they are written iê, uô, ươ


def _bare(letters: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", letters)
                   if not unicodedata.combining(ch))
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@st.composite
def syllables(draw) -> str:
    nucleus = draw(st.sampled_from(NUCLEI))
    tone = draw(st.sampled_from(TONES))
    at = len(nucleus) - 1 if len(nucleus) > 1 and nucleus[-1] in "êôơ" else 0
    marked = nucleus[:at] + unicodedata.normalize("NFC", nucleus[at] + tone) + nucleus[at + 1:]
    # "qu" never comes before u, ư, o, ô, nor before "ia", "iê": no Vietnamese syllable is
    # "quỉa" (which an old table may hold as "qùa" as well: hypothesis found it)
    onsets = [o for o in ONSETS if o != "qu" or (nucleus[0] not in "uưoô"
                                                 and nucleus not in ("ia", "iê"))]
    codas = [""] if nucleus in OPEN_ONLY else \
        [c for c in CODAS if c not in GLIDES or _bare(nucleus) + c in RUNS_WITH_GLIDES]
    word = draw(st.sampled_from(onsets)) + marked + draw(st.sampled_from(codas))
    return word.capitalize() if draw(st.booleans()) and word[0].isascii() else word


def _readable(text: str) -> bool:
    """Encoded, ``text`` holds a sign of an old table (a text of "a", "â", "ê" alone does not,
    and is left alone by design)."""
    return any(ch in legacy.SIGNS for ch in to_vni(text)) and \
        (shutil.which("iconv") is None or any(ch in legacy.SIGNS for ch in to_tcvn3(text)))


texts = st.lists(syllables(), min_size=2, max_size=8).map(" ".join)


@needs_iconv
@settings(max_examples=150, deadline=None)
@given(texts)
def test_a_text_reads_back_exactly_from_either_table(text):
    for table, encode in ENCODERS.items():
        held = encode(text)
        if any(ch in legacy.SIGNS for ch in held) and (table == "TCVN3" or _joined(text)):
            assert legacy.recovered(held) == (table, unicodedata.normalize("NFC", text)), held


def _joined(text: str) -> bool:
    """VNI types a mark after one of the letters of ``text`` (a text whose every VNI letter
    stands alone, "öa" for "ưa", is TCVN3's "ửa" too: text/legacy.py reads it so)."""
    return any(len(_vni_letter(ch)) == 2 for ch in unicodedata.normalize("NFC", text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_unicode_text_is_never_read_as_an_old_table(text):
    assert legacy.recovered(text) is None


# --- through validate, on corpus registries -------------------------------------------------

SEEDS = range(6)


def _findings(case, path: str, capsys) -> dict[tuple[str, int], str]:
    capsys.readouterr()
    cli.main(["validate", saved(case, path), "--json"])
    return {(p["sheet"], p["row"]): p["hint"] for p in json.loads(capsys.readouterr().out)[
        "issues"] if p["code"] == "text-legacy-encoding"}


def _small(text: str) -> str:
    """``text`` as TCVN3 can hold it: capitals only where ASCII or Đ."""
    return "".join(ch if ch.isascii() or ch in "Đđ" or not ch.isupper() else ch.lower()
                   for ch in text)


@needs_iconv
@pytest.mark.parametrize("seed", SEEDS)
def test_every_cell_typed_in_an_old_table_is_named_with_its_unicode(seed, tmp_path, capsys):
    rng = random.Random(seed)
    case = make_case(seed)
    assert _findings(case, str(tmp_path / "clean.xlsx"), capsys) == {}     # no false alarm
    meant: dict[tuple[str, int], str] = {}
    invitees = []
    for n, i in enumerate(case.invitees):
        name = _small(i["full_name"] or "")
        table = rng.choice(list(ENCODERS))
        if name and any(ch in legacy.SIGNS for ch in ENCODERS[table](name)):
            i = dict(i, full_name=ENCODERS[table](name))
            meant[("Đại biểu", n + 2)] = name
        invitees.append(i)
    opinions = []
    for n, o in enumerate(case.opinions):
        text = _small(o["content"] or "")
        table = rng.choice(list(ENCODERS))
        if n % 2 and text and any(ch in legacy.SIGNS for ch in ENCODERS[table](text)):
            o = dict(o, content=ENCODERS[table](text))
            meant[("Ý kiến", n + 2)] = text
        opinions.append(o)
    assert meant
    found = _findings(dataclasses.replace(case, invitees=invitees, opinions=opinions),
                      str(tmp_path / "old.xlsx"), capsys)
    assert set(found) == set(meant), (found, meant)
    for at, text in meant.items():
        assert f'"{text[:120]}"' in found[at], (found[at], text)


def test_the_property_fails_without_the_check(tmp_path, capsys, monkeypatch):
    """Planted: the cell check without text/legacy.py."""
    monkeypatch.setattr(legacy, "recovered", lambda text: None)
    with pytest.raises(AssertionError):
        test_every_cell_typed_in_an_old_table_is_named_with_its_unicode(0, tmp_path, capsys)


# --- the Front's returned file --------------------------------------------------------------

def _returned_in_old_tables(seed: int, folder) -> tuple[str, str, list[str]]:
    """The case's registry and the Front's file for its plan, its rows typed in an old table
    (new opinions: the case's words with another number): (registry, file, the Unicode)."""
    import glob
    import os

    import openpyxl

    from doithoai.files import atomic, blank
    from doithoai.sharing import intake
    case = make_case(seed)
    rng = random.Random(seed)
    path, out = str(folder / "so.xlsx"), str(folder / "mttq")
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows=case.rows()), path)
    cli.main(["intake", "export", path, "--plan", case.plan["plan_id"], "--one-file",
              "--out", out])
    returned = glob.glob(os.path.join(out, "*.xlsx"))[0]
    wb = openpyxl.load_workbook(returned)
    ws = wb[intake.DATA_SHEET]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == intake.CODE_HEADER)
    cols = {ws.cell(row=head, column=c).value: c for c in range(1, ws.max_column + 1)}
    meant = []
    for o in case.opinions:
        text = _small(f"{o['content']} Lần {len(meant) + 2}.")
        held = ENCODERS[rng.choice(list(ENCODERS))](text)
        if any(ch in legacy.SIGNS for ch in held):
            r = head + 1 + len(meant)
            ws.cell(row=r, column=cols["Người nêu"], value="Ẩn danh")
            ws.cell(row=r, column=cols["Nội dung"], value=held)
            meant.append(text)
    wb.save(returned)
    return path, returned, meant


@needs_iconv
@pytest.mark.parametrize("seed", range(4))
def test_a_returned_row_typed_in_an_old_table_is_set_aside_with_its_unicode(seed, tmp_path,
                                                                          capsys):
    path, returned, meant = _returned_in_old_tables(seed, tmp_path)
    assert meant
    capsys.readouterr()
    cli.main(["intake", "merge", path, returned, "--out", str(tmp_path / "moi.xlsx"), "--json"])
    said = json.loads(capsys.readouterr().out)
    reasons = [o["reason"] for o in said["outcomes"]]
    assert [o["status"] for o in said["outcomes"]] == ["set_aside"] * len(meant), reasons
    for reason, text in zip(reasons, meant):
        assert f'"{text[:120]}"' in reason, (reason, text)


def test_the_returned_file_property_fails_without_the_check(tmp_path, capsys, monkeypatch):
    """Planted: the returned file's rows read without text/legacy.py."""
    monkeypatch.setattr(legacy, "recovered", lambda text: None)
    with pytest.raises(AssertionError):
        test_a_returned_row_typed_in_an_old_table_is_set_aside_with_its_unicode(0, tmp_path,
                                                                               capsys)
