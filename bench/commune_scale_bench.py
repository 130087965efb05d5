"""Benchmark: the commune commands at province scale: `validate`, `duplicates` and `monitor`
on registries of 5,000, 20,000 and 50,000 opinions, each command timed as the clerk runs it
(the median of three runs), in its own process, reading the registry included, beside the read
floor (python-calamine alone reading every sheet), and as a multiple of that floor; also the
same read through the package check every command goes through (files/package.py).

Two kinds of registry, saved as Excel saves them (excel_like.py): the kind one (validate_bench:
100 opinions per plan, texts that differ only by their sequence number) and the worst one
(worst_registry.py: every text distinct, every row with an error, every reference dangling,
1,000 plans, 500 agencies, 20,000 invitees). Also the duplicate finder on varied petitions
(sharing_bench's generator) in memory. Targets at 50,000 opinions, on both: validate at most
2.2 times the read floor, monitor 4.2 times, duplicates 8.3 times, each growing linearly.
Run: python bench/commune_scale_bench.py [--cache DIR] [--only kind|worst]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import excel_like  # noqa: E402
import validate_bench  # noqa: E402
import worst_registry  # noqa: E402

SIZES = (5000, 20000, 50000)
# monitor counts the registry as it stood on its --as-of day (registry.asof): a day after every
# date the generated registries hold (the kind one runs to 2044), so that it reports all of them.
COMMANDS = (("validate", ["--today", "2026-11-22"]), ("duplicates", []),
            ("monitor", ["--as-of", "2045-01-01"]))


def registry(folder: str, n: int) -> str:
    """The registry of ``n`` opinions as the clerk's Excel saves it (excel_like.py)."""
    path = os.path.join(folder, f"so-{n}-excel.xlsx")
    if not os.path.exists(path):
        built = os.path.join(folder, f"so-{n}.xlsx")
        validate_bench.OPINIONS, validate_bench.PLANS = n, max(50, n // 100)
        validate_bench.build(built)
        excel_like.resave(built, path)
    return path


def read_floor(path: str) -> float:
    """python-calamine alone reading every sheet: what no command can go below (best of
    three)."""
    import python_calamine
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        book = python_calamine.CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        best = min(best, time.perf_counter() - t)
    return best


def read_checked(path: str) -> float:
    """The same read through files/package.py, as every command reads: the package checked
    first (sizes, markup, each sheet's reach), the workbook opened meanwhile (best of three;
    numpy already loaded, as by a first read)."""
    from doithoai.files import workbook_open
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        book = workbook_open.open_book(path)
        for name in book.sheet_names:
            book.grid(name)
        best = min(best, time.perf_counter() - t)
    return best


RUNS = 3
TARGETS = {"validate": 2.2, "monitor": 4.2, "duplicates": 8.3}     # × the read floor at 50k


def timed(cmd: list[str], out: str | None = None) -> float:
    """The median wall time of RUNS runs of the command (``out``: its output file, removed
    before each run: monitor never replaces a file)."""
    times = []
    for _ in range(RUNS):
        if out and os.path.exists(out):
            os.remove(out)
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "doithoai"] + cmd, capture_output=True,
                              check=False)
        times.append(time.perf_counter() - t)
        if done.returncode not in (0, 1):       # 1: problems found, as in any registry
            raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stdout[-500:]!r}")
    return sorted(times)[RUNS // 2]


def table(label: str, paths: dict[int, str]) -> None:
    print(f"{label} (giây, trung vị của {RUNS} lần chạy, mỗi lần một tiến trình, gồm cả đọc "
          "sổ; trong ngoặc: bội số của thời gian chỉ đọc):")
    print(f"  {'lệnh':<11}" + "".join(f"{n:>16,}" for n in SIZES) +
          "   tăng 20k→50k (x2,5 = tuyến tính)   mục tiêu ở 50k")
    floors = [read_floor(paths[n]) for n in SIZES]
    print(f"  {'(chỉ đọc)':<11}" + "".join(f"{t:>16.2f}" for t in floors) +
          f"   x{floors[2] / floors[1]:.1f}")
    try:
        checked = [read_checked(paths[n]) for n in SIZES]
        print(f"  {'(đọc+k.tra)':<11}" + "".join(f"{t:>16.2f}" for t in checked) +
              f"   x{checked[2] / checked[1]:.1f}   (qua files/package.py: kiểm tra gói trước)")
    except ImportError:             # a tree from before the package check (PYTHONPATH)
        print(f"  {'(đọc+k.tra)':<11}   (chưa có files/package.py ở bản này)")
    for name, extra in COMMANDS:
        out = tempfile.mkdtemp()
        times = []
        for n in SIZES:
            target = os.path.join(out, f"m{n}.xlsx") if name == "monitor" else None
            times.append(timed([name, paths[n]] + extra + (["--out", target] if target else []),
                               target))
        cells = "".join(f"{f'{t:.2f} ({t / f:.1f}x)':>16}" for t, f in zip(times, floors))
        verdict = "đạt" if times[2] / floors[2] <= TARGETS[name] else "CHƯA ĐẠT"
        print(f"  {name:<11}{cells}   x{times[2] / times[1]:.1f}"
              f"{'':>30}≤ {TARGETS[name]}x: {verdict}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "doithoai-scale"))
    ap.add_argument("--only", choices=("kind", "worst"))
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    if args.only != "worst":
        table("Sổ dễ (validate_bench)", {n: registry(args.cache, n) for n in SIZES})
    if args.only != "kind":
        table("Sổ khó nhất (worst_registry)",
              {n: worst_registry.registry(args.cache, n) for n in SIZES})
    if args.only:
        return
    import sharing_bench
    from doithoai.sharing import dedupe
    its = sharing_bench.items(max(SIZES))
    times, found = [], 0
    for n in SIZES:
        t = time.perf_counter()
        found = len(dedupe.suggest(its[:n]))
        times.append(time.perf_counter() - t)
    print(f"  {'tìm trùng*':<11}" + "".join(f"{t:>10.1f}" for t in times) +
          f"   x{times[2] / times[1]:.1f}")
    print(f"  * trong bộ nhớ, kiến nghị đa dạng (sharing_bench): {found:,} gợi ý ở 50,000; "
          "số cặp phải so trong một lĩnh vực, một thôn tăng theo bình phương.")


if __name__ == "__main__":
    main()
