"""Benchmark: follow-up on 50 plans and 5,000 opinions.

Prints (best of 3, after reading the registry once):
- the monitoring workbook with its charts: chains, tables, one sheet per agency, saved to disk
  (target: under 2 s);
- the Cập nhật Tổng hợp button's work after reading: chains, summaries and the value blocks
  (target: under 0.5 s), with the number of blocks it writes (one per summary area).
Run: python bench/monitor_bench.py
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from validate_bench import build  # noqa: E402  (50 plans, 2,000 invitees, 5,000 opinions)

from doithoai.files import reader  # noqa: E402
from doithoai.monitoring import chain, dashboard, workbook  # noqa: E402

# A day after every date of the built registry: the report counts all of it (a report as of an
# earlier day counts what the registry held then: registry.asof).
AS_OF = dt.date(2045, 1, 1)


def best(fn, repeat=3):
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), sorted(times)[len(times) // 2], out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "so.xlsx")
        build(path)
        reg = reader.read_registry(path)
        print(f"Registry: {len(reg.plans)} plans, {len(reg.opinions)} opinions")
        n = iter(range(100))

        def monitoring():
            target = os.path.join(tmp, f"theo-doi-{next(n)}.xlsx")
            return workbook.write(reg, target, AS_OF, "so.xlsx")
        b, m, (target, chains) = best(monitoring)
        size = os.path.getsize(target) / 1024
        print(f"Monitoring workbook (chains + tables + charts + save): best {b:.2f} s, "
              f"median {m:.2f} s; {len(chains)} rows, {size:.0f} KiB")

        def update():
            return dashboard.changes(reg, chain.build(reg, AS_OF), AS_OF)
        b, m, ch = best(update)
        print(f"Cập nhật Tổng hợp after reading (chains + summaries + blocks): best {b:.3f} s, "
              f"median {m:.3f} s; {len(ch.blocks)} value blocks written")


if __name__ == "__main__":
    main()
