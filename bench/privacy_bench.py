"""Benchmark: how well and how fast doithoai.text.privacy masks personal data in free text.

1. The labelled corpus (tests/data/privacy_corpus.txt): recall and precision per kind of
   identifier, whether each mask names the right kind, and the share of public places,
   numbers and names kept readable.
2. Texts no one typed (tests/privacy_texts/generator.py, seeds the test suite does not use):
   how many of each kind, the same table, and how many texts break each property.
3. Speed: masking 50,000 contents, best of five (CPU time): registry-like contents (the
   samples' petitions, each made unique as validate_bench makes them) with one in five taken
   from the corpus (identifiers in most), and the samples' petitions alone.

With --baseline FILE (a privacy.py of an earlier version, e.g. from `git show
6c95c0d:addin/doithoai/text/privacy.py > /tmp/privacy_before.py`) every table and time is
printed for it too, scored the same way: from what mask() returns.
Run: python bench/privacy_bench.py [--baseline FILE] [--generated N]
"""
from __future__ import annotations

import argparse
import csv
import glob
import importlib.util
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from privacy_texts import checks, generator, labelled  # noqa: E402

from doithoai.text import privacy  # noqa: E402

SAMPLES = os.path.join(HERE, "..", "addin", "doithoai", "samples")
FIRST_SEED = 10_000           # the test suite uses seeds 0..9


def load_baseline(path: str):
    spec = importlib.util.spec_from_file_location("privacy_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["privacy_baseline"] = module          # its dataclasses look themselves up
    spec.loader.exec_module(module)
    return module


def contents(n: int, corpus_share: float, seed: int = 1) -> list[str]:
    petitions = []
    for path in sorted(glob.glob(os.path.join(SAMPLES, "*", "y-kien.csv"))):
        with open(path, encoding="utf-8", newline="") as fh:
            petitions += [row["Nội dung"] for row in csv.DictReader(fh)]
    corpus = [t.text for t in labelled.load()]
    rng = random.Random(seed)
    return [(rng.choice(corpus) if rng.random() < corpus_share else rng.choice(petitions))
            + f" (ý kiến số {i + 1})" for i in range(n)]


def best_time(mask, texts: list[str], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for t in texts:
            mask(t)
        best = min(best, time.process_time() - start)
    return best


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", help="a privacy.py of another version, to compare with")
    ap.add_argument("--generated", type=int, default=20_000, help="generated texts (default "
                    "20,000)")
    args = ap.parse_args()
    versions = [("this version", privacy.mask)]
    if args.baseline:
        versions.append((f"baseline {os.path.basename(args.baseline)}",
                         load_baseline(args.baseline).mask))

    corpus = labelled.load()
    section(f"labelled corpus: {len(corpus)} texts")
    for name, mask in versions:
        sc = labelled.score(mask, corpus)
        print(f"-- {name}")
        print("\n".join(labelled.table(sc)))

    per_seed = 1000
    seeds = range(FIRST_SEED, FIRST_SEED + max(1, args.generated // per_seed))
    texts = [t for seed in seeds for t in generator.texts(seed, per_seed)]
    section(f"generated texts: {len(texts)} (seeds {seeds.start}..{seeds.stop - 1})")
    counts = {k: sum(len(t.of(k)) for t in texts) for k in labelled.IDENTIFIER_KINDS}
    print("identifiers: " + ", ".join(f"{k} {n}" for k, n in counts.items())
          + f"; public places {sum(len(t.of(labelled.PUBLIC)) for t in texts)}")
    print(f"texts without accents {sum(t.text.isascii() for t in texts)}, in capitals "
          f"{sum(t.text.isupper() for t in texts)}, with invisible characters "
          f"{sum(any(c in t.text for c in generator.ZERO_WIDTH) for t in texts)}")
    for name, mask in versions:
        sc = labelled.score(mask, texts)
        print(f"-- {name}")
        print("\n".join(labelled.table(sc)))
        broken = checks.check(mask, texts)
        print("texts breaking each property: " + ", ".join(
            f"{prop} {len(lines)}" for prop, lines in broken.items()))
        for prop, lines in broken.items():
            for line in lines[:3]:
                print(f"   e.g. {prop}: {line[:160]}")

    section("speed: 50,000 contents, best of 5 (CPU seconds)")
    for label, share in (("registry-like, 1 in 5 from the corpus", 0.2),
                         ("the samples' petitions only", 0.0)):
        data = contents(50_000, share)
        times = [(name, best_time(mask, data)) for name, mask in versions]
        line = ", ".join(f"{name} {t:.3f} s" for name, t in times)
        if len(times) == 2:
            line += f" ({times[0][1] / times[1][1]:.2f}x the baseline)"
        print(f"{label}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
