"""``doithoai demo``: every capability that exists, run on the five sample communes.

For each commune a folder under the output directory receives exactly one registry workbook
built from the sample CSVs; then each step below runs on it and reports one line. Later
capabilities add a step to ``STEPS``.
"""
from __future__ import annotations

import os
import time
from typing import Callable

from . import reader, summary, template
from .samples import SAMPLES, Sample, load

Echo = Callable[[str], None]


def build_sample(s: Sample, folder: str) -> str:
    """Write the sample's registry into ``folder``; returns its path."""
    path = os.path.join(folder, s.registry_name)
    template.save_atomic(template.build_workbook(**load(s)), path)
    return path


def step_summary(path: str, reg, echo: Echo) -> None:
    sm = summary.summarize(reg)
    by_status = ", ".join(f"{k} {v}" for k, v in sm["opinions_by_status"].items())
    echo(f"    Đọc lại sổ: {sm['plans']} kế hoạch, {sm['invitees']} đại biểu, "
         f"{sm['opinions']} ý kiến ({by_status}).")


STEPS: list[Callable] = [step_summary]


def run(out: str, echo: Echo = print) -> list[str]:
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    echo(f"Tạo dữ liệu mẫu của {len(SAMPLES)} đơn vị vào thư mục {out}")
    paths = []
    start = time.perf_counter()
    for n, s in enumerate(SAMPLES, start=1):
        t0 = time.perf_counter()
        folder = os.path.join(out, s.slug)
        path = build_sample(s, folder)
        echo(f"[{n}/{len(SAMPLES)}] {s.name} (kế hoạch mẫu {s.seed}): "
             f"{os.path.relpath(path, out)}")
        reg = reader.read_registry(path)
        for step in STEPS:
            step(path, reg, echo)
        echo(f"    Xong trong {time.perf_counter() - t0:.1f} giây.")
        paths.append(path)
    echo(f"Hoàn tất {len(SAMPLES)} đơn vị trong {time.perf_counter() - start:.1f} giây.")
    return paths
