"""Benchmark: the province's roll-up (issue 19), with figures printed.

1. Roll-up time and peak memory (each run in its own process, so each peak is its own) for a
   province (150 communes x 500 opinions), 1,000 communes, and the country (3,300 communes),
   synthetic monitoring workbooks with distinct identities (bench/synthetic_monitoring.py; made
   once under the cache folder and reused). Targets: a province under 10 s; the country under 3
   minutes, with memory that does not grow with the number of files.
2. The engine, compared on the country's rows once they are read: DuckDB (CSV COPY, then SQL),
   SQLite from the standard library (rows inserted with executemany, the same SQL) and plain
   Python (one pass over the CSV with dictionaries), each computing the per-commune table.
Run: python bench/rollup_bench.py [--cache DIR] [--quick]
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synthetic_monitoring  # noqa: E402

SIZES = (("tỉnh", 150, 1), ("1.000 xã", 1000, 12), ("cả nước", 3300, 34))


def run_rollup(folder: str, out: str) -> tuple[float, float]:
    """(seconds, peak MB) of `doithoai rollup` on ``folder`` in a fresh process."""
    code = ("import resource, sys, time\n"
            "from doithoai.province import rollup\n"
            "t = time.perf_counter()\n"
            f"res = rollup.rollup([{folder!r}], {out!r}, all_provinces=True)\n"
            "dt = time.perf_counter() - t\n"
            "assert res.workbook, [i.line for i in res.items][:3]\n"
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "print(dt, peak, len(res.used))\n")
    out_text = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                              text=True).stdout.split()
    return float(out_text[0]), float(out_text[1])


def engines(folder: str) -> None:
    import sqlite3
    from doithoai.province import inputs, queries
    from doithoai.province.store import TABLES, Store
    items, _ = inputs.decide([inputs.identify(p) for p in inputs.expand([folder])],
                             all_provinces=True)
    store = Store(tempfile.mkdtemp(prefix="bench-"))
    t = time.perf_counter()
    for item in items:
        if item.outcome == inputs.USED:
            store.add(item)
    read = time.perf_counter() - t
    for f in store._files.values():
        f.close()
    opinions = os.path.join(store.folder, "opinions.csv")
    rows = sum(1 for _ in open(opinions, encoding="utf-8"))
    print(f"  đọc {len(items)} tệp, {rows:,} dòng ý kiến ra CSV: {read:.1f} s")

    t = time.perf_counter()
    con = store.load()
    result = queries.per_commune(con, 2026)
    duck = time.perf_counter() - t
    print(f"  DuckDB (COPY + SQL): {duck:.2f} s, {len(result)} đơn vị")

    t = time.perf_counter()
    lite = sqlite3.connect(":memory:")
    for table, columns in TABLES.items():
        lite.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        with open(os.path.join(store.folder, f"{table}.csv"), encoding="utf-8") as fh:
            marks = ",".join("?" * len(columns))
            lite.executemany(f"INSERT INTO {table} VALUES ({marks})",
                             ([v if v != "" else None for v in r] for r in csv.reader(fh)))
    lite_rows = lite.execute("""
        SELECT commune_id, count(*), sum(at_meeting = 'true'),
               sum(at_meeting = 'false' AND (reply_number IS NOT NULL OR reply_date IS NOT NULL)),
               sum(resolved IS NOT NULL), sum(satisfaction = 'Hài lòng'), sum(overdue = 'true'),
               sum(waiting = 'true')
        FROM opinions WHERE duplicate_of IS NULL GROUP BY commune_id""").fetchall()
    sqlite_s = time.perf_counter() - t
    print(f"  SQLite (executemany + SQL): {sqlite_s:.2f} s, {len(lite_rows)} đơn vị")

    t = time.perf_counter()
    counts: dict[str, list[int]] = {}
    with open(opinions, encoding="utf-8") as fh:
        for r in csv.reader(fh):
            if r[18]:                 # duplicate_of (columns as in store.TABLES)
                continue
            c = counts.setdefault(r[0], [0] * 7)
            c[0] += 1
            c[1] += r[12] == "true"
            c[2] += r[12] == "false" and bool(r[13] or r[14])
            c[3] += bool(r[15])
            c[4] += r[16] == "Hài lòng"
            c[5] += r[19] == "true"
            c[6] += r[21] == "true"
    python_s = time.perf_counter() - t
    print(f"  Python thuần (csv + dict): {python_s:.2f} s, {len(counts)} đơn vị")
    agree = sorted((int(k), v[0]) for k, v in counts.items()) == \
        sorted((r[0], r[1]) for r in lite_rows)
    print(f"  ba cách cho cùng số ý kiến mỗi đơn vị: {'có' if agree else 'KHÔNG'}")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "doithoai-rollup"))
    ap.add_argument("--quick", action="store_true", help="only the province")
    args = ap.parse_args()
    print("Tổng hợp báo cáo theo dõi (doithoai rollup), 500 ý kiến mỗi xã:")
    figures = []
    for label, n, provinces in SIZES[:1] if args.quick else SIZES:
        folder = os.path.join(args.cache, f"{n}")
        t = time.perf_counter()
        synthetic_monitoring.make(folder, n, 500, provinces)
        made = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak = run_rollup(folder, os.path.join(tmp, "tong-hop.xlsx"))
        figures.append((label, n, seconds, peak))
        print(f"  {label}: {n:,} tệp, {n * 500:,} ý kiến: {seconds:.1f} s, bộ nhớ đỉnh "
              f"{peak:.0f} MB (tạo tệp thử {made:.0f} s, dùng lại nếu đã có)")
    if len(figures) > 1:
        (_, n0, s0, m0), (_, n1, s1, m1) = figures[0], figures[-1]
        print(f"  thời gian mỗi tệp: {1000 * s0 / n0:.0f} ms ({n0} tệp) / "
              f"{1000 * s1 / n1:.0f} ms ({n1} tệp); bộ nhớ đỉnh x{m1 / m0:.1f} khi số tệp x"
              f"{n1 / n0:.0f}")
    print("So sánh bộ máy trên cùng các dòng đã đọc:")
    engines(os.path.join(args.cache, f"{SIZES[0 if args.quick else -1][1]}"))


if __name__ == "__main__":
    main()
