"""Personal identifiers inside free text are masked; public places stay readable."""
import os

import pytest

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
