"""The masking held to properties on texts no one typed (tests/privacy_texts/generator.py,
seeded): every generated identifier is masked, every generated public place stays readable,
a masked text masks to itself, a decomposed text masks as the composed one. Each property is
shown failing on a planted fault. bench/privacy_bench.py runs many more seeds."""
import re

import pytest

from privacy_texts import checks, generator, labelled
from doithoai.text import privacy, privacy_houses, privacy_numbers, privacy_words

SEEDS = range(10)            # 10,000 texts; the bench uses other seeds
TEXTS = [t for seed in SEEDS for t in generator.texts(seed, 1000)]
NEVER = re.compile(r"(?!)")


def test_the_generator_makes_texts_the_corpus_does_not_hold():
    corpus = {t.text for t in labelled.load()}
    assert not corpus & {t.text for t in TEXTS}
    kinds = {s.kind for t in TEXTS for s in t.spans}
    assert kinds == set(labelled.IDENTIFIER_KINDS) | {labelled.PUBLIC}
    assert any(t.text.isascii() for t in TEXTS) and any(t.text.isupper() for t in TEXTS)
    assert any("\u200b" in t.text or "\u2060" in t.text for t in TEXTS)
    assert generator.texts(3, 50) == generator.texts(3, 50)          # seeded: the same again
    assert len({t.text for t in TEXTS}) > 0.95 * len(TEXTS)


@pytest.mark.parametrize("name", sorted(checks.PROPERTIES))
def test_property_holds_on_generated_texts(name):
    broken = checks.PROPERTIES[name](privacy.mask, TEXTS)
    assert not broken, f"{len(broken)} texts break {name}:\n" + "\n".join(broken[:20])


# --- each property fails on a planted fault -------------------------------------------------

SAMPLE = TEXTS[:3000]


@pytest.mark.parametrize("kind, patterns", [("plate", ("_PLATE", "_PLATE_LOWER")),
                                             ("boat", ("_BOAT", "_BOAT_LOWER"))])
def test_identifier_masked_fails_when_a_kind_is_not_read(monkeypatch, kind, patterns):
    for name in patterns:
        monkeypatch.setattr(privacy_numbers, name, NEVER)
    broken = checks.identifier_masked(privacy.mask, SAMPLE)
    assert broken and all(f"{kind} not masked" in b for b in broken)


def test_identifier_masked_fails_when_invisible_characters_are_read(monkeypatch):
    monkeypatch.setattr(privacy_words, "INVISIBLE", NEVER)
    broken = checks.identifier_masked(privacy.mask, SAMPLE)
    assert broken
    hidden = [t for t in SAMPLE if re.search("[\u200b-\u200d\u2060\ufeff]", t.text)]
    assert hidden and all(any(t.where + ":" in b for t in hidden) for b in broken)


def test_identifier_masked_fails_when_a_named_number_is_not_read(monkeypatch):
    monkeypatch.setattr(privacy_numbers, "_NAMING", {})
    broken = checks.identifier_masked(privacy.mask, SAMPLE)
    assert any("identity not masked" in b for b in broken)           # CMND, 9 digits named


def test_public_kept_fails_when_public_nouns_are_forgotten(monkeypatch):
    monkeypatch.setattr(privacy_houses, "_PUBLIC_NOUNS", {False: frozenset(), True: frozenset()})
    broken = checks.public_kept(privacy.mask, SAMPLE)
    assert broken and all("public place masked" in b and re.search(r"\bs[ốo]\b", b, re.I)
                          for b in broken)


def test_public_kept_fails_when_counts_after_nha_are_forgotten(monkeypatch):
    monkeypatch.setattr(privacy_houses, "_UNIT_NEXT", {False: NEVER, True: NEVER})
    broken = checks.public_kept(privacy.mask, SAMPLE)
    assert broken and all("public place masked: 'nh" in b.lower() for b in broken)


def test_idempotent_fails_when_a_mask_reads_as_an_identifier(monkeypatch):
    monkeypatch.setitem(privacy.MASKS, "house", "[nhà 5]")
    assert checks.idempotent(privacy.mask, SAMPLE)


def test_composed_same_fails_when_texts_are_not_composed(monkeypatch):
    monkeypatch.setattr(privacy, "normalized", lambda text: text)
    assert checks.composed_same(privacy.mask, SAMPLE)


def test_identifier_masked_fails_when_lower_case_boats_need_no_word(monkeypatch):
    """Lower case is read only after a word naming the boat: with no such word, the
    generator's lower-case numbers are left (and only those)."""
    monkeypatch.setattr(privacy_numbers, "_BOAT_WORDS", {False: frozenset(), True: frozenset()})
    broken = checks.identifier_masked(privacy.mask, SAMPLE)
    assert broken and all("boat not masked" in b and re.search(r"'[a-zđ]", b.split(": ", 2)[2])
                          for b in broken)
