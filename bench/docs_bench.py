"""Benchmark: 1,000 invitations with the engine against a plain docxtpl loop, same run.

Both render the same GM template with the same 1,000 contexts (the Tứ Minh sample's delegates,
repeated with distinct names). The engine compiles the template once and writes each file from
the kept parts, then the merged print file in one pass; the baseline does what a plain docxtpl
script does per row: load the template, render, save. Prints both timings and the ratio.
Run: python bench/docs_bench.py [--n 1000]
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import sys
import tempfile
import time

from doithoai.files import atomic
from doithoai.rules import deadlines
from doithoai.documents import engine, generate, wordml
from doithoai.files import blank, reader
from doithoai.documents.context import Builder
from doithoai.samples import load, sample

TODAY = dt.date(2026, 11, 22)


def contexts(n: int):
    folder = tempfile.mkdtemp(prefix="doithoai-docbench-")
    path = os.path.join(folder, "so.xlsx")
    atomic.save_atomic(blank.build_workbook(**load(sample("tu-minh"))), path)
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    builder = Builder(reg, plan, deadlines.compute(reg, TODAY), TODAY)
    people = builder.invited()
    out = []
    for i in range(n):
        inv = copy.copy(people[i % len(people)])
        inv.full_name = f"{inv.full_name} {i + 1}"
        ctx = builder.common("GM", None, None)
        builder.gm(ctx, inv)
        out.append(ctx)
    return out


def with_engine(ctxs, folder: str, tpl: str) -> float:
    t0 = time.perf_counter()
    compiled = engine.compile_template(tpl)
    xmls = []
    for i, ctx in enumerate(ctxs, start=1):
        xml = engine.render(compiled, ctx)
        engine.write_docx(compiled, xml, os.path.join(folder, f"GM_{i:04d}.docx"))
        xmls.append(xml)
    engine.write_docx(compiled, wordml.merged(xmls), os.path.join(folder, "GM_tat-ca.docx"))
    return time.perf_counter() - t0


def baseline(ctxs, folder: str, tpl: str) -> float:
    from docxtpl import DocxTemplate
    t0 = time.perf_counter()
    for i, ctx in enumerate(ctxs, start=1):
        doc = DocxTemplate(tpl)
        doc.render(ctx.values, autoescape=True)
        doc.save(os.path.join(folder, f"GM_{i:04d}.docx"))
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    tpl = os.path.join(generate.builtin_template_dir(), "GM.docx")
    ctxs = contexts(args.n)
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        fast = with_engine(ctxs, a, tpl)
        slow = baseline(ctxs, b, tpl)
        files = len(os.listdir(a))
    print(f"engine  : {args.n} invitations + merged file ({files} files) in {fast:6.2f} s "
          f"({fast / args.n * 1000:.1f} ms each)")
    print(f"docxtpl : {args.n} invitations, load/render/save per row   in {slow:6.2f} s "
          f"({slow / args.n * 1000:.1f} ms each)")
    print(f"ratio   : {slow / fast:.1f}x faster (target: at least 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
