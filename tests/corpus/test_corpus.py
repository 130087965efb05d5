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
def pressed(tmp_path_factory):
    """Every press of the corpus, held to every property: (property → violation lines, the
    kinds each press made)."""
    root = tmp_path_factory.mktemp("corpus")
    found: dict[str, list[str]] = {name: [] for name in properties.PROPERTIES}
    made: list[set[str]] = []
    for seed in SEEDS:
        for r in run.runs_of(seed, str(root / str(seed))):
            made.append({d.kind for d in r.docs})
            for name, lines in properties.check(r).items():
                found[name] += [f"seed {seed}: [{r.label} {r.today:%d/%m/%Y}] {line}"
                                for line in lines]
    return found, made


@pytest.mark.parametrize("name", list(properties.PROPERTIES))
def test_corpus_holds(pressed, name):
    lines = pressed[0][name]
    assert not lines, f"{len(lines)} vi phạm, ví dụ:\n" + "\n".join(lines[:12])


def test_corpus_makes_documents(pressed):
    """The generator's registries are documents' worth: most presses make files of most kinds
    (a generator whose every plan is refused would make every property hold vacuously)."""
    made = pressed[1]
    assert sum(1 for kinds in made if not kinds) <= len(made) // 10
    assert set().union(*made) >= {"KH", "TB", "GM", "PDK", "BCTH", "CVPC", "BB", "TBKL",
                                  "BCKQ", "PKS", "DSDB", "SGN", "TTTT", "CVKN", "TBCD"}
