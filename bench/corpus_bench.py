"""The generated corpus at scale: thousands of registries no one typed, every document read back.

Prints how many registries it made, how many documents it read, and how many registries broke
each property (tests/corpus/properties.py), with one example per property, and the time.
Run: python bench/corpus_bench.py [--registries N] [--start SEED]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--registries", type=int, default=2000)
    ap.add_argument("--start", type=int, default=10_000,
                    help="first seed (the test suite uses 0..199)")
    ap.add_argument("--schema-docs", type=int, default=2,
                    help="documents of each press judged by the schema validator, about 0.2 s "
                         "each (0: every document); the suite judges 1 of every 4th registry")
    args = ap.parse_args()
    os.environ["DOITHOAI_CORPUS_SCHEMA"] = str(args.schema_docs)
    os.environ["DOITHOAI_CORPUS_SCHEMA_EVERY"] = "1"
    from corpus import properties, run
    broke = {name: 0 for name in properties.PROPERTIES}
    example: dict[str, str] = {}
    documents = presses = 0
    started = time.perf_counter()
    for seed in range(args.start, args.start + args.registries):
        root = tempfile.mkdtemp(prefix="doithoai-corpus-")
        try:
            runs = run.runs_of(seed, root)
            for r in runs:
                presses += 1
                documents += len(r.docs)
            found = {}
            for r in runs:
                for name, lines in properties.check(r).items():
                    found.setdefault(name, []).extend(lines)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        for name, lines in found.items():
            if lines:
                broke[name] += 1
                example.setdefault(name, f"seed {seed}: {lines[0]}")
    took = time.perf_counter() - started
    print(f"registries made: {args.registries} (seeds {args.start}..{args.start + args.registries - 1}); "
          f"presses: {presses}; documents read: {documents}; {took:.1f} s "
          f"({took / args.registries:.2f} s a registry)")
    width = max(len(n) for n in broke)
    for name, n in broke.items():
        print(f"  {name:<{width}}  registries broken: {n}")
    for name, line in example.items():
        print(f"  e.g. {name}: {line[:300]}")
    return 1 if any(broke.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
