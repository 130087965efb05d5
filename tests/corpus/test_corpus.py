"""Registries no one typed, through every document, held to what a signer checks.

``DOITHOAI_CORPUS`` registries (default 200) are generated from seeds (corpus.registries); for
each, every document is generated as drafts some days before the meeting and issued some days
after it, read back from the saved files, and held to each property of corpus.properties. Each
property is also shown failing on a build with a fault planted in it (test_planted_*), so a
property that cannot fail would be seen. ``python bench/corpus_bench.py`` runs thousands.
"""
from __future__ import annotations

import os

import pytest

from corpus import properties, run

SEEDS = range(int(os.environ.get("DOITHOAI_CORPUS", "200")))


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """Every violation of every property over the corpus: property → lines."""
    root = tmp_path_factory.mktemp("corpus")
    out: dict[str, list[str]] = {name: [] for name in properties.PROPERTIES}
    for seed in SEEDS:
        for name, lines in run.violations(seed, str(root / str(seed))).items():
            out[name] += [f"seed {seed}: {line}" for line in lines]
    return out


@pytest.mark.parametrize("name", list(properties.PROPERTIES))
def test_corpus_holds(found, name):
    lines = found[name]
    assert not lines, f"{len(lines)} vi phạm, ví dụ:\n" + "\n".join(lines[:12])


def test_corpus_makes_documents(tmp_path):
    """The generator's registries are documents' worth: most presses make files of most kinds
    (a generator whose every plan is refused would make every property hold vacuously)."""
    kinds, presses, empty = set(), 0, 0
    for seed in range(0, 40):
        for r in run.runs_of(seed, str(tmp_path / str(seed))):
            presses += 1
            empty += not r.docs
            kinds |= {d.kind for d in r.docs}
    assert empty <= presses // 10
    assert kinds >= {"KH", "TB", "GM", "PDK", "BCTH", "CVPC", "BB", "TBKL", "BCKQ", "PKS",
                     "DSDB", "SGN", "TTTT", "CVKN", "TBCD"}
