"""One generated registry through the product: drafts before the meeting, issued after it.

The registry goes through the real reader from grids of typed values (what the Excel shell hands
it), then ``documents.generate`` writes the files as the command does; the files are read back
(:mod:`corpus.reading`) and held to :mod:`corpus.properties`.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import random
import tempfile

import openpyxl

from corpus import properties, reading
from corpus.registries import Case, lookups_of, make_case
from doithoai.documents import engine, generate
from doithoai.files import reader
from doithoai.monitoring import workbook
from doithoai.registry import schema


def _grid(sheet: schema.Sheet, rows: list[dict]) -> list[list]:
    return [sheet.headers] + [[row.get(c.key) for c in sheet.columns] for row in rows]


def registry_of(case: Case):
    config = [["Khóa", "Giá trị"]] + [[s.label, case.settings.get(s.key, s.default)]
                                      for s in schema.SETTINGS]
    unit = lookups_of(case.settings["unit_type"])         # as `init --unit-type` writes them
    lists = [unit.get(lk.key, lk.values) for lk in schema.LOOKUPS]
    height = max(len(values) for values in lists)
    danh_muc = [[lk.header for lk in schema.LOOKUPS]] + [
        [values[i] if i < len(values) else None for values in lists] for i in range(height)]
    rows = case.rows()
    grids = {
        schema.CONFIG.name: config,
        schema.LOOKUP_SHEET.name: danh_muc,
        schema.PLANS.name: _grid(schema.PLANS, rows["plans"]),
        schema.INVITEES.name: _grid(schema.INVITEES, rows["invitees"]),
        schema.OPINIONS.name: _grid(schema.OPINIONS, rows["opinions"]),
        schema.SURVEY.name: _grid(schema.SURVEY, rows["survey"]),
        schema.MILESTONES.name: _grid(schema.MILESTONES, []),
        schema.RULES.name: _grid(schema.RULES, list(schema.DEFAULT_RULES)),
        schema.OVERRIDES.name: _grid(schema.OVERRIDES, list(schema.DEFAULT_OVERRIDES)),
        schema.REGISTER.name: _grid(schema.REGISTER, []),
    }
    for sheet in (schema.CHECKS, schema.PENDING, schema.DASHBOARD, schema.LOG):
        grids[sheet.name] = _grid(sheet, [])
    return reader.registry_from_grids(grids)


def saved(case: Case, path: str, more: dict[str, list[dict]] | None = None) -> str:
    """The case as a registry file a clerk would hold (the blank workbook, rows typed in);
    ``more``: rows of other sheets by key (a Mốc thời gian row the clerk completed)."""
    from doithoai.files import atomic, blank
    rows = case.rows()
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        **{k: rows[k] for k in ("plans", "invitees", "opinions", "survey")}, **(more or {})}),
        path)
    return path


def later_plan(first: dict, days: int) -> tuple[dict, dt.date]:
    """A plan row for the next conference of the plan row ``first``, its meeting ``days``
    after the first's (its number the next, issued 25 days after the first met); and that
    meeting's day."""
    import re
    from doithoai.registry import parsing
    meeting = parsing.parse_date(first["meeting_date"])
    year, number = re.fullmatch(r"KH-(\d{4})-(\d+)", first["plan_id"]).groups()
    later = meeting + dt.timedelta(days=days)
    return dict(first, plan_id=f"KH-{year}-{int(number) + 1:02d}",
                number_symbol=f"{int(number) + 1}/KH-UBND" if first["issuer"] != "Đảng ủy"
                else f"{int(number) + 1}-KH/ĐU",
                issue_date=(meeting + dt.timedelta(days=25)).isoformat(),
                meeting_date=later.isoformat(), weekday=None,
                chair_name=first["chair_name"] or first["signer_name"]), later


def days_around(case: Case) -> tuple[dt.date, dt.date]:
    """A day of preparation before the meeting and a day after it, drawn from the seed."""
    rng = random.Random(case.seed * 7919 + 1)
    return (case.meeting - dt.timedelta(days=rng.randint(1, 30)),
            case.meeting + dt.timedelta(days=rng.randint(0, 25)))


@functools.lru_cache(maxsize=64)
def _compiled(path: str, mtime: float, size: int):
    return _COMPILE(path)


_COMPILE = engine.compile_template


def compile_once(path: str):
    """Templates compiled once for the whole corpus (the product compiles once per run; a
    template that changes on disk is compiled again)."""
    st = os.stat(path)
    return _compiled(path, st.st_mtime, st.st_size)


def press(case: Case, folder: str, today: dt.date, issue: bool) -> properties.Run:
    reg = registry_of(case)
    saved = engine.compile_template
    engine.compile_template = compile_once
    try:
        result = generate.generate(reg, folder, today=today, issue=issue)
    finally:
        engine.compile_template = saved
    docs, names = reading.read_folder(folder) if os.path.isdir(folder) else ([], [])
    ups = {o["opinion_id"] for o in case.opinions if o.get("competence") == "Cấp trên"}
    return properties.Run(case, "issued" if issue else "draft", today, docs, names, ups,
                          monitoring_rows(reg, folder, today) if issue else None, folder,
                          list(result.notices))


def monitoring_rows(reg, folder: str, today: dt.date) -> dict[str, list[tuple]]:
    """The monitoring workbook the party office gets, written and read back as saved."""
    path = os.path.join(folder, "theo-doi.xlsx")
    os.makedirs(folder, exist_ok=True)
    workbook.write(reg, path, today, "so.xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [r for r in ws.iter_rows(values_only=True) if any(
            v is not None for v in r)] for ws in wb.worksheets}
    finally:
        wb.close()


def runs_of(seed: int, root: str | None = None) -> list[properties.Run]:
    case = make_case(seed)
    root = root or tempfile.mkdtemp(prefix=f"doithoai-corpus-{seed}-")
    before, after = days_around(case)
    return [press(case, os.path.join(root, "du-thao"), before, issue=False),
            press(case, os.path.join(root, "ban-hanh"), after, issue=True)]
