"""The fault × command table, the hostile files on every reader, and the file fuzzer's counts.

1. Every CLI command on every damaged registry of tests/damage.py and every hostile registry of
   tests/hostile.py (issue 26 §1: far cells, zip bombs, a DOCTYPE, too many parts). Each cell
   is the exit code, with ✗ where the run broke a rule (exit 3 or a signal, a traceback, no
   Vietnamese, the registry written in place, a temporary file left, a refusal that wrote files
   or did not name the damaged sheet).
2. The hostile kinds on the other readers: a returned intake file in a merge, a monitoring
   workbook in the roll-up (each must be set aside, the others used), a Word template in
   mau-van-ban (its kind refused, the others generated).
3. The fuzzer (tests/fuzz.py): N mutated files, every reader and command on each, and how many
   runs broke a rule.

Every command runs in a process of its own whose address space is limited (tests/limited.py),
so an abort is counted, not suffered. ``--before DIR`` runs the same files against another
source tree (DIR is its ``addin`` folder, e.g. a checkout of the commit before these fixes) and
prints both. Run: python bench/fault_table.py [--fuzz 150] [--seed 1] [--before DIR]
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

import damage  # noqa: E402
import fuzz  # noqa: E402
import hostile  # noqa: E402
import limited  # noqa: E402
from doithoai.cli import demo  # noqa: E402
from doithoai.documents.generate import builtin_template_dir  # noqa: E402
from doithoai.files import reader  # noqa: E402
from doithoai.samples import SAMPLES, sample  # noqa: E402
from doithoai.sharing import samplefiles  # noqa: E402


def registry_rows(root, healthy, returned, env):
    """(fault, [cell per command]) for every damaged and hostile registry; the command names;
    runs; broken runs."""
    faults = [(f, lambda folder, f=f: damage.damaged(f, healthy, folder)) for f in damage.FAULTS]
    faults += [(k, lambda folder, k=k: (hostile.hostile(k, healthy, folder, sheet="Ý kiến"),
                                        None)) for k in hostile.KINDS]
    rows, names, runs, broken = [], None, 0, 0
    for i, (fault, make) in enumerate(faults):
        registry, sheet = make(os.path.join(root, f"f{i}", "so"))
        before = damage.digest(registry)
        cmds = damage.commands(registry, returned, os.path.join(root, f"f{i}", "out"))
        names = names or list(cmds)
        outs = {n: damage.files_under(out) for n, (argv, out) in cmds.items()}
        results = limited.run_each([argv for argv, _ in cmds.values()], env=env)
        cells = []
        for (name, (argv, out)), run in zip(cmds.items(), results):
            if run is None:
                wrong, shown = ["killed"], "sig"
            else:
                wrong = damage.verdict(run["code"], run["output"], sheet, before, registry,
                                       out, outs[name])
                shown = str(run["code"])
            runs += 1
            broken += bool(wrong)
            cells.append(f"{shown}{'✗' if wrong else ''}")
        rows.append((fault, cells))
    return rows, names, runs, broken


def reader_rows(root, registry, returned, monitors, env):
    """(kind, merge cell, roll-up cell, template cell) for each hostile kind."""
    rows = []
    kh = os.path.join(builtin_template_dir(), "KH.docx")
    for i, kind in enumerate(hostile.KINDS):
        folder = os.path.join(root, f"r{i}")
        bad_ret = hostile.hostile(kind, returned[1], os.path.join(folder, "nhan"), sheet="Ý kiến",
                                  name="hong.xlsx")
        bad_mon = hostile.hostile(kind, monitors[0], os.path.join(folder, "tinh"),
                                  sheet="Theo dõi ý kiến", name="hong.xlsx")
        argvs = [["intake", "merge", registry, returned[0], bad_ret, "--out",
                  os.path.join(folder, "nhan.xlsx"), "--today", "2026-11-29"],
                 ["rollup", *monitors, bad_mon, "--out", os.path.join(folder, "th.xlsx"),
                  "--all-provinces"]]
        template = None
        if kind not in hostile.SPREADSHEET_ONLY:
            so = os.path.join(folder, "so")
            os.makedirs(os.path.join(so, "mau-van-ban"))
            hostile.hostile(kind, kh, os.path.join(so, "mau-van-ban"), part="word/document.xml")
            template = shutil.copy(registry, so)
            argvs.append(["generate", template, "--docs", "KH,TB", "--out",
                          os.path.join(so, "vb"), "--today", "2026-11-29"])
        results = limited.run_each(argvs, env=env)
        cells = []
        for argv, run in zip(argvs, results):
            if run is None:
                cells.append("sig✗")
                continue
            out = run["output"]
            ok = run["code"] in (0, 1, 2) and "Traceback" not in out
            if argv[0] == "intake":
                ok = ok and "hong.xlsx: đọc 0 dòng" in out and "Không đọc được tệp" in out
                cells.append(("để riêng" if ok else str(run["code"])) + ("" if ok else "✗"))
            elif argv[0] == "rollup":
                ok = ok and any(line.startswith("- hong.xlsx") and ": để riêng — " in line
                                for line in out.splitlines()) and ": dùng" in out
                cells.append(("để riêng" if ok else str(run["code"])) + ("" if ok else "✗"))
            else:
                ok = ok and "KH.docx" in out and "mau-van-ban" in out
                cells.append(("KH từ chối" if ok else str(run["code"])) + ("" if ok else "✗"))
        rows.append((kind, cells + ([] if template else ["-"])))
    return rows


def fuzz_counts(root, paths, count, seed, env):
    sources, healthy = fuzz.sources_from(paths, os.path.join(root, "healthy"))
    files, runs = fuzz.campaign(sources, healthy, os.path.join(root, "runs"), count, seed,
                                env=env)
    bad = [(name, argv, wrong) for name, argv, wrong in runs if wrong]
    mutated = {path for _, path, _ in files}
    bad_files = {a for _, argv, _ in bad for a in argv if a in mutated}
    return len(files), len(runs), len(bad), len(bad_files), bad


def print_tables(title, rows, names, runs, broken, readers, counts, seconds):
    width = max(len(f) for f, _ in rows) + 2
    short = [n.split()[0][:9] if n != "intake merge" else "merge" for n in names]
    short = [s if s != "intake" else "export" for s in short]
    print(f"== {title}")
    print("exit code per command (0 done, 1 refused or problems found, 2 unusable registry; "
          "sig = killed by a signal; ✗ = a rule broken)")
    print(" " * width + " ".join(f"{s:>9}" for s in short))
    for fault, cells in rows:
        print(f"{fault:<{width}}" + " ".join(f"{c:>9}" for c in cells))
    print(f"{runs} runs ({len(rows)} faults × {len(names)} commands), {broken} broke a rule")
    print()
    print("hostile file on the other readers (merge: the returned file; roll-up: one monitoring "
          "workbook; template: KH.docx in mau-van-ban); ✗ = not set aside or refused with its "
          "reason, the others used")
    print(" " * width + f"{'merge':>12}{'roll-up':>12}{'mẫu Word':>12}")
    for kind, cells in readers:
        print(f"{kind:<{width}}" + "".join(f"{c:>12}" for c in cells))
    files, fuzz_runs, bad, bad_files, _ = counts
    print()
    print(f"fuzzer: {files} mutated files, {fuzz_runs} runs, {bad} runs broke a rule "
          f"({bad_files} files)")
    print(f"({seconds:.0f} s)")
    print()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=150, help="mutated files for the fuzzer")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--before", metavar="DIR", help="another tree's addin folder, run the same")
    args = ap.parse_args()
    root = tempfile.mkdtemp(prefix="doithoai-faults-")
    paths = {s.slug: demo.build_sample(s, os.path.join(root, "samples", s.slug))
             for s in SAMPLES}
    healthy = paths[damage.SAMPLE]
    reg = reader.read_registry(healthy)
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, os.path.join(root, "mttq"),
                                           damage.RETURNED_ON)
                for c in samplefiles.sample_csvs(sample(damage.SAMPLE).folder)]
    monitors = []
    for slug in ("tu-minh", "do-luong"):
        os.makedirs(os.path.join(root, "theo-doi", slug))
        out = os.path.join(root, "theo-doi", slug, "b.xlsx")
        damage.run_command(["monitor", paths[slug], "--out", out, "--as-of", "2026-11-29"])
        monitors.append(out)
    trees = [("sau (this tree)", None)]
    if args.before:
        trees.insert(0, (f"trước ({args.before})", {"PYTHONPATH": os.path.abspath(args.before)}))
    worst = 0
    for n, (title, env) in enumerate(trees):
        start = time.perf_counter()
        here = os.path.join(root, f"t{n}")
        rows, names, runs, broken = registry_rows(here, healthy, returned, env)
        readers = reader_rows(here, healthy, returned, monitors, env)
        counts = fuzz_counts(here, paths, args.fuzz, args.seed, env)
        print_tables(title, rows, names, runs, broken, readers, counts,
                     time.perf_counter() - start)
        worst = broken + counts[2] + sum("✗" in c for _, cells in readers for c in cells)
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
