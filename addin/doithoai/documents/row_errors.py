"""The documents a row with validation errors refuses (validation says such a row is used for
no document): each refusal names the cells to fix, as the command line and the ribbon say it."""
from __future__ import annotations

from doithoai.documents.kinds import Kind
from doithoai.registry import schema
from doithoai.registry.model import Plan
from doithoai.registry.problems import ERROR, Problem, make


def plan_refused(plan: Plan, kinds: list[Kind], error_rows: dict) -> list[Problem]:
    """Every kind refused, the plan's row having errors."""
    return [make("document-row-has-errors", schema.PLANS.name, row=plan.row,
                 document=f"{k.code} của {plan.plan_id}", document_kind=k.code,
                 subject=plan.plan_id, cells=error_rows[(schema.PLANS.name, plan.row)])
            for k in kinds]


def refused(ctx, error_rows: dict, document: str, kind: Kind, subject: str) -> list[Problem]:
    """The refusal of a document made from rows with errors (any sheet: an opinion that BCTH
    counts, an agency CVPC writes to), one per sheet naming its cells: validation said such a
    row is not used for documents, so none is printed from it, nor a count that leaves it
    out."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, row in sorted(ctx.rows):
        if (sheet, row) in error_rows:
            by_sheet.setdefault(sheet, []).append(row)
    return [make("document-row-has-errors", sheet, row=rows[0], document=document,
                 document_kind=kind.code, subject=subject,
                 cells=", ".join(error_rows[(sheet, r)] for r in rows))
            for sheet, rows in by_sheet.items()]


def cells_of(problems: list[Problem], rows: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Each (sheet, row) with errors → its cells with errors ("ô F6, ô H6"), or "dòng 6" when
    no error names a cell."""
    cells: dict[tuple[str, int], list[str]] = {key: [] for key in rows}
    for p in problems:
        if p.severity == ERROR and (p.sheet, p.row) in cells and p.cell:
            cells[(p.sheet, p.row)].append(f"ô {p.cell}")
    return {(sheet, row): ", ".join(dict.fromkeys(found)) or f"dòng {row}"
            for (sheet, row), found in cells.items()}
