"""The fault × command table: every CLI command on every damaged registry of tests/damage.py.

Each cell is the exit code, with ✗ where the run broke a rule (exit 3, a traceback, no
Vietnamese, the registry written in place, a temporary file left, a refusal that wrote files
or did not name the damaged sheet). Run: python bench/fault_table.py
"""
import datetime as dt
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import damage  # noqa: E402
from doithoai.cli import demo  # noqa: E402
from doithoai.files import reader  # noqa: E402
from doithoai.samples import sample  # noqa: E402
from doithoai.sharing import samplefiles  # noqa: E402


def main() -> int:
    root = tempfile.mkdtemp(prefix="doithoai-faults-")
    healthy = demo.build_sample(sample(damage.SAMPLE), os.path.join(root, "healthy"))
    reg = reader.read_registry(healthy)
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, os.path.join(root, "mttq"),
                                           dt.date(2026, 11, 29))
                for c in samplefiles.sample_csvs(sample(damage.SAMPLE).folder)]
    names = None
    rows, broken, runs = [], 0, 0
    start = time.perf_counter()
    for i, fault in enumerate(damage.FAULTS):
        registry, sheet = damage.damaged(fault, healthy, os.path.join(root, f"f{i}", "so"))
        before = damage.digest(registry)
        cmds = damage.commands(registry, returned, os.path.join(root, f"f{i}", "out"))
        names = names or list(cmds)
        cells = []
        for name, (argv, out) in cmds.items():
            out_before = damage.files_under(out)
            code, output = damage.run_command(argv)
            wrong = damage.verdict(code, output, sheet, before, registry, out, out_before)
            runs += 1
            broken += bool(wrong)
            cells.append(f"{code}{'✗' if wrong else ''}")
        rows.append((fault, cells))
    width = max(len(f) for f in damage.FAULTS) + 2
    short = [n.split()[0][:9] if n != "intake merge" else "merge" for n in names]
    short = [s if s != "intake" else "export" for s in short]
    print("exit code per command (0 done, 1 refused or problems found, 2 unusable registry; "
          "✗ = a rule broken)")
    print(" " * width + " ".join(f"{s:>9}" for s in short))
    for fault, cells in rows:
        print(f"{fault:<{width}}" + " ".join(f"{c:>9}" for c in cells))
    print(f"{runs} runs ({len(rows)} faults × {len(names)} commands), {broken} broke a rule, "
          f"{time.perf_counter() - start:.1f} s")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
