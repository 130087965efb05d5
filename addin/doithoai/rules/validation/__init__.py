"""Validation: every bad entry found in one pass, located where the clerk can fix it.

Pure: takes the registry as read (typed objects plus each cell's raw value) and a "today", and
returns problems from the catalogue (:mod:`.catalogue`). Checks, in order: cell checks
(:mod:`.cells`: required, lists, text hygiene, ranges) over every row of every data sheet; then
the cross-row checks (:mod:`.keys`, :mod:`.plans`, :mod:`.opinions`, :mod:`.invitees`);
settings and lists (:mod:`.config`); and the deadline rules of :mod:`doithoai.rules.deadlines`.
:mod:`.report` turns the result into the Kiểm tra sheet and cell marks, or a text table.

Severity: an error blocks generating documents from its row; a warning and an info do not.

To add a rule: register its code in :mod:`.catalogue`, write the check in the module of its
sheet, call it from :func:`validate`, and trigger it in tests/rules/test_validate_catalogue.py.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from doithoai.registry import schema
from doithoai.registry.model import Registry
from doithoai.registry.problems import ERROR, INFO, WARNING, Problem, catalogue, make
from doithoai.rules import deadlines
from doithoai.rules.validation import (cancelled, config, figures, identifiers, invitees, keys,
                                       names, opinions, places, plans, repeat_links, step_order,
                                       undated, wording)
from doithoai.rules.validation.catalogue import catalogue_markdown
from doithoai.rules.validation.cells import check_cells, text_flaws
from doithoai.rules.validation.findings import Findings
from doithoai.rules.validation.report import counts, render, to_changes
from doithoai.rules.validation.weekday import parse_weekday

__all__ = ["validate", "error_rows", "counts", "catalogue_codes", "to_changes", "render",
           "catalogue_markdown", "text_flaws", "parse_weekday"]


def validate(reg: Registry, today: dt.date | None = None,
             report: deadlines.DeadlineReport | None = None) -> list[Problem]:
    """Every problem of the registry, reader's and deadline engine's included, in sheet order.

    ``report``: the deadline engine's result for the same registry and day, when the caller has
    it already (it is computed here otherwise).
    """
    today = today or dt.date.today()
    f = Findings(reg, today)
    for sheet in (schema.PLANS, schema.INVITEES, schema.OPINIONS, schema.SURVEY,
                  schema.MILESTONES, schema.RULES, schema.OVERRIDES):
        check_cells(f, sheet)
    check_cells(f, schema.REGISTER, only=("status",))   # the one cell that guards a file
    for check in (keys.check_keys, keys.check_references, plans.check_plans,
                  figures.check_figures,
                  opinions.check_opinions, invitees.check_invitees,
                  invitees.check_chair_attendance, invitees.check_plans_have_invitees,
                  names.check_names, names.check_accented_elsewhere,
                  places.check_places, plans.check_milestones, cancelled.check_cancelled,
                  undated.check_undated_replies,
                  config.check_settings, config.check_setting_texts, config.check_lookups, wording.check_unit_words,
                  identifiers.check_fields, step_order.check_step_order,
                  repeat_links.check_repeat_links):
        check(f)
    found = report.problems if report is not None else \
        deadlines.mandatory_problems(reg, today)
    problems = list(reg.problems) + f.problems + found
    problems += _row_summaries(problems)
    order = {s.name: i for i, s in enumerate(schema.SHEETS)}
    sev = {ERROR: 0, WARNING: 1, INFO: 2}
    problems.sort(key=lambda p: (order.get(p.sheet, 99), p.row or 0, sev[p.severity],
                                 p.cell or ""))
    return _dedupe(problems)


def _row_summaries(problems: list[Problem]) -> list[Problem]:
    counts: dict = defaultdict(int)
    for p in problems:
        if p.severity == ERROR and p.row and p.sheet in (schema.PLANS.name, schema.INVITEES.name,
                                                         schema.OPINIONS.name):
            counts[(p.sheet, p.row)] += 1
    return [make("row-has-errors", sheet, row=row, count=n)
            for (sheet, row), n in sorted(counts.items())]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.code, p.sheet, p.cell, p.row, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def error_rows(problems: list[Problem]) -> set[tuple[str, int]]:
    """(sheet, row) pairs that must not be used for documents."""
    return {(p.sheet, p.row) for p in problems if p.severity == ERROR and p.row}


def catalogue_codes() -> list[str]:
    return [t.code for t in catalogue()]
