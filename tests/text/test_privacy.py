"""Personal identifiers inside free text are masked; public places stay readable."""
import os
import re
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

from paths import DATA
from doithoai.text import privacy


def corpus():
    with open(os.path.join(DATA, "privacy_corpus.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                text, expected = line.rstrip("\n").split("\t")
                yield text, text if expected == "=" else expected


CASES = list(corpus())


def test_the_corpus_is_large_and_holds_both_kinds():
    kept = [t for t, e in CASES if t == e]
    masked = [t for t, e in CASES if t != e]
    assert len(CASES) >= 50 and len(kept) >= 20 and len(masked) >= 25


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:30] for t, _ in CASES])
def test_mask(text, expected):
    assert privacy.mask(text) == expected


def test_no_digit_run_of_a_masked_identifier_survives():
    import re
    for text, expected in CASES:
        out = privacy.mask(text)
        assert not re.search(r"\d{9,}", out.replace(" ", "").replace(".", "").replace("-", "")), out


def test_phone_detection_for_the_validation_note():
    assert privacy.has_phone("Ông Lộc (0912345678) phản ánh")
    assert not privacy.has_phone("Kế hoạch số 118/KH-UBND ngày 20/5/2026, 2 triệu đồng")


FRAGMENTS = ["số nhà ", "nhà số ", "căn nhà số ", "căn hộ số ", "Căn Hộ Số ", "nhà ", "Số ",
             "số ", "SỐ NHÀ ", "12", "5A", "/3", " ngõ 4", ", đường ", "thôn", "tổ dân phố ",
             "x", "ô", "ăn", " ", "\n", "đường số ", "căn", "hộ"]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join))
def test_house_numbers_searched_from_the_first_hint_as_in_the_whole_text(text):
    """mask() searches for house numbers from the first "nhà"/"số" before a number (less the
    longest lead), with a lookahead on the first letters: the same result as the pattern as
    written run over the whole text."""
    as_written = re.compile(privacy._HOUSE.pattern.removeprefix("(?=[nsc])"), re.IGNORECASE)
    assert as_written.pattern != privacy._HOUSE.pattern
    with mock.patch.object(privacy, "_HOUSE", as_written), \
            mock.patch.object(privacy, "_HOUSE_HINT", re.compile("")), \
            mock.patch.object(privacy, "_LEAD_BEFORE_HINT", 0):
        whole = privacy.mask(text)
    assert privacy.mask(text) == whole
