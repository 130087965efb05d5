"""Benchmark: the commune commands at province scale (issue 19): `validate`, `duplicates` and
`monitor` on registries of 5,000, 20,000 and 50,000 opinions (validate_bench's registry: 100
opinions per plan, texts that differ only by their sequence number, saved as Excel saves it:
excel_like.py), each command timed as the clerk runs it (the median of three runs), in its own
process, reading the registry included, beside the read floor (python-calamine alone reading
every sheet) and the same read through the package check every command goes through
(files/package.py). Also the duplicate finder on 5,000, 20,000 and 50,000 varied petitions
(sharing_bench's generator) in memory. Targets at 50,000: duplicates under 10 s, monitor under
5 s, validate under 2.5 s, each growing linearly.
Run: python bench/commune_scale_bench.py [--cache DIR]
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

SIZES = (5000, 20000, 50000)
COMMANDS = (("validate", ["--today", "2026-11-22"]), ("duplicates", []),
            ("monitor", ["--as-of", "2026-11-22"]))


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
    from doithoai.files import spreadsheet
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        book = spreadsheet.open_book(path)
        for name in book.sheet_names:
            book.grid(name)
        best = min(best, time.perf_counter() - t)
    return best


RUNS = 3


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "doithoai-scale"))
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    paths = {n: registry(args.cache, n) for n in SIZES}
    print(f"Lệnh của xã trên sổ lớn (giây, trung vị của {RUNS} lần chạy, mỗi lần một tiến trình, "
          "gồm cả đọc sổ):")
    print(f"  {'lệnh':<11}" + "".join(f"{n:>10,}" for n in SIZES) + "   tăng 20k→50k (x2,5 = tuyến tính)")
    floors = [read_floor(paths[n]) for n in SIZES]
    print(f"  {'(chỉ đọc)':<11}" + "".join(f"{t:>10.2f}" for t in floors) +
          f"   x{floors[2] / floors[1]:.1f}")
    try:
        checked = [read_checked(paths[n]) for n in SIZES]
        print(f"  {'(đọc+k.tra)':<11}" + "".join(f"{t:>10.2f}" for t in checked) +
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
        print(f"  {name:<11}" + "".join(f"{t:>10.1f}" for t in times) +
              f"   x{times[2] / times[1]:.1f}")
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
