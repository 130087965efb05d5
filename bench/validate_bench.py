"""Benchmark: validate a registry of 5,000 opinions, 2,000 invitees and 50 plans.

Builds the registry (once, with openpyxl, like `doithoai init` plus rows), then times each stage
several times and prints the best and median: loading with python-calamine (what the reader
uses) against openpyxl read-only for comparison, turning grids into typed objects, the deadline
engine, validation, and the Kiểm tra changes. Run: python bench/validate_bench.py [--keep DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time

from doithoai.files import atomic
from doithoai.rules import deadlines, validation
from doithoai.files import blank, reader
from doithoai.samples import load, sample

PLANS, INVITEES, OPINIONS = 50, 2000, 5000
TODAY = dt.date(2026, 11, 22)


def build(path: str) -> None:
    base = load(sample("tu-minh"))
    rng = random.Random(7)
    plans, invitees, opinions = [], [], []
    tmpl_plan = base["rows"]["plans"][0]
    for p in range(PLANS):
        meeting = dt.date(2025, 1, 6) + dt.timedelta(days=14 * p)
        row = dict(tmpl_plan, plan_id=f"KH-{p + 1:03d}", meeting_date=meeting.strftime("%d/%m/%Y"),
                   issue_date=(meeting - dt.timedelta(days=30)).strftime("%d/%m/%Y"),
                   number_symbol=f"{p + 1}/KH-UBND", weekday=None)
        plans.append(row)
    inv = base["rows"]["invitees"]
    for i in range(INVITEES):
        src = dict(inv[i % len(inv)])
        src.update(plan_id=f"KH-{i % PLANS + 1:03d}", seq=i + 1,
                   full_name=f"{src['full_name']} {i}")
        invitees.append(src)
    ops = base["rows"]["opinions"]
    for i in range(OPINIONS):
        src = dict(ops[i % len(ops)])
        plan = plans[i % PLANS]
        src.update(opinion_id=f"YK-{i + 1:05d}", plan_id=plan["plan_id"],
                   received_date=plan["meeting_date"], duplicate_of=None, note=None,
                   # free text is unique per row, as in a real registry
                   content=f"{src['content']} (ý kiến số {i + 1})",
                   raised_by=f"{src['raised_by']} {i + 1}",
                   answer=f"{src['answer']} (số {i + 1})" if src.get("answer") else None)
        if src.get("reply_date"):
            src["reply_date"] = plan["meeting_date"]
        opinions.append(src)
    ms = [dict(plan_id=p["plan_id"], code="KET_LUAN",
               done_date=(dt.datetime.strptime(p["meeting_date"], "%d/%m/%Y").date()
                          + dt.timedelta(days=rng.randint(5, 14))).strftime("%d/%m/%Y"))
          for p in plans]
    rows = dict(plans=plans, invitees=invitees, opinions=opinions, milestones=ms)
    wb = blank.build_workbook(settings=base["settings"], lookups=base["lookups"], rows=rows)
    atomic.save_atomic(wb, path)


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, min(times), statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", help="folder to keep the generated registry in")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="doithoai-bench-")
    path = os.path.join(folder, "so-lon.xlsx")
    t0 = time.perf_counter()
    build(path)
    print(f"registry built: {PLANS} plans, {INVITEES} invitees, {OPINIONS} opinions "
          f"({os.path.getsize(path) / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")

    def openpyxl_load():
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}

    grids, b, m = timed(lambda: reader.load_grids(path), args.repeat)
    print(f"load (python-calamine, {len(grids)} sheets)      best {b * 1000:7.1f} ms  "
          f"median {m * 1000:7.1f} ms")
    _, b, m = timed(openpyxl_load, max(1, args.repeat // 2))
    print(f"load (openpyxl read-only, for comparison)  best {b * 1000:7.1f} ms  "
          f"median {m * 1000:7.1f} ms")
    reg, b, m_read = timed(lambda: reader.registry_from_grids(grids), args.repeat)
    print(f"grids → typed objects                      best {b * 1000:7.1f} ms  "
          f"median {m_read * 1000:7.1f} ms")
    report, b, m = timed(lambda: deadlines.compute(reg, TODAY), args.repeat)
    print(f"deadlines ({len(report.milestones)} milestones)             best {b * 1000:7.1f} ms  "
          f"median {m * 1000:7.1f} ms")
    problems, b1, m1 = timed(lambda: validation.validate(reg, TODAY), args.repeat)
    print(f"validate ({len(problems)} problems)                   best {b1 * 1000:7.1f} ms  "
          f"median {m1 * 1000:7.1f} ms")
    _, b, m = timed(lambda: validation.to_changes(reg, problems), args.repeat)
    print(f"Kiểm tra changes                           best {b * 1000:7.1f} ms  "
          f"median {m * 1000:7.1f} ms")
    cells = sum(len(t.rows) * len(t.columns) for t in reg.tables.values())
    print(f"cells checked: {cells}; validation work after loading (typed objects + validate): "
          f"median {(m1 + m_read) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
