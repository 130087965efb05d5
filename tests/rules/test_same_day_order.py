"""Steps due the same day are listed in the order Quy tắc thời hạn gives them.

A fresh-eyes trial read the plan's timetable (KH) with "Báo cáo kết quả…" (row 10) above "Ban
hành thông báo kết luận…" (row 11), both due 11/02/2027: same-day steps were ordered by the
letters of their codes. The rows of Quy tắc thời hạn are shuffled (seeded) in a sample; what is
read is `doithoai deadlines` and the KH's timetable, as printed."""
import contextlib
import io
import random
import re

import openpyxl
import pytest
from docx import Document

from doithoai import cli
from doithoai.registry import schema
from doithoai.rules import deadlines

LINE = re.compile(r"^  (\d\d/\d\d/\d{4})(?: \(dự kiến\))?  ([A-Z_]+): (.+?) — ")


def _shuffle_rules(path: str, rng: random.Random) -> list[str]:
    """The rows of Quy tắc thời hạn in a random order; returns the codes in that order."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.RULES.name]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value]
    rng.shuffle(rows)
    for n, values in enumerate(rows, start=2):
        for col, v in enumerate(values, start=1):
            ws.cell(n, col).value = v
    wb.save(path)
    return [r[0] for r in rows]


def _deadline_lines(path: str, plan_id: str, today: str) -> list[tuple[str, str, str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["deadlines", path, "--today", today])
    text = out.getvalue().split(f"Kế hoạch {plan_id}:")[1].split("\nKế hoạch ")[0]
    return [m.groups() for m in map(LINE.match, text.splitlines()) if m]


def same_day_violations(seed: int, path: str, tmp) -> list[str]:
    rng = random.Random(seed)
    order = _shuffle_rules(path, rng)
    from doithoai.files import reader
    plan = reader.read_registry(path).plans[0]
    lines = _deadline_lines(path, plan.plan_id, "2026-01-05")
    bad = []
    for (d1, c1, _), (d2, c2, _) in zip(lines, lines[1:]):
        if d1 == d2 and order.index(c1) > order.index(c2):
            bad.append(f"deadlines: {c1} above {c2} on {d1}")
    # The plan's timetable: its same-day tasks in the order `deadlines` printed them.
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["generate", path, "--plan", plan.plan_id, "--docs", "KH", "--out", str(tmp),
                  "--today", "2026-01-05"])
    kh = Document(next(tmp.rglob("KH*.docx")))
    table = next(t for t in kh.tables if "Công việc" in t.rows[0].cells[1].text)
    printed = [(r.cells[-1].text.split()[0], r.cells[1].text) for r in table.rows[1:]]
    tasks = {t: n for n, (_, _, t) in enumerate(lines)}
    for (d1, t1), (d2, t2) in zip(printed, printed[1:]):
        if d1 == d2 and t1 in tasks and t2 in tasks and tasks[t1] > tasks[t2]:
            bad.append(f"KH: {t1!r} above {t2!r} on {d1}")
    same_day = sum(d1 == d2 for (d1, *_), (d2, *_) in zip(lines, lines[1:]))
    assert same_day, "no two steps fell on one day: nothing was tried"
    return bad


@pytest.mark.parametrize("seed", range(3))
def test_same_day_steps_keep_the_rules_order(seed, sample_copy, tmp_path):
    assert same_day_violations(seed, sample_copy("tu-minh"), tmp_path) == []


def test_the_order_property_fails_on_the_codes_letters(sample_copy, tmp_path, monkeypatch):
    """Planted: the engine's old order (by the code's letters among same-day steps)."""
    real = deadlines.DeadlineReport

    def by_letters(results, *rest):
        results.sort(key=lambda m: (m.plan_id, m.opinion_id or "", m.due, m.code))
        return real(results, *rest)
    monkeypatch.setattr(deadlines, "DeadlineReport", by_letters)
    found = [v for seed in range(3)
             for v in same_day_violations(seed, sample_copy("tu-minh"), tmp_path / str(seed))]
    assert found
