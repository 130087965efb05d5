"""The documents a row with validation errors refuses (validation says such a row is used for
no document): each refusal names the cells to fix, as the command line and the ribbon say it."""
from __future__ import annotations

from doithoai.documents.kinds import Kind
from doithoai.registry import schema
from doithoai.registry.model import Plan
from doithoai.registry.problems import ERROR, Problem, make


# What names a row of these sheets in a refusal, before its number ("YK-2026-039 (dòng 40)",
# a delegate by name, as the invitations do); a row of another sheet by its number alone.
ROW_CODES = {schema.OPINIONS.name: "opinion_id", schema.PLANS.name: "plan_id",
             schema.INVITEES.name: "full_name"}


def plan_refused(plan: Plan, kinds: list[Kind], error_rows: dict) -> list[Problem]:
    """Every kind refused, the plan's row having errors."""
    return [make("document-row-has-errors", schema.PLANS.name, row=plan.row,
                 document=f"{k.code} của {plan.plan_id}", document_kind=k.code,
                 where=f"{plan.plan_id} (dòng {plan.row})",
                 cells=error_rows[(schema.PLANS.name, plan.row)])
            for k in kinds]


def _where(sheet: str, rows: list[int], values: dict) -> str:
    """The rows of one sheet as a refusal names them: "YK-2026-039 (dòng 40), dòng 41"."""
    def one(row: int) -> str:
        code = values.get((sheet, row), {}).get(ROW_CODES.get(sheet, ""))
        return f"{code} (dòng {row})" if code else f"dòng {row}"
    return ", ".join(one(r) for r in rows)


def refused(ctx, error_rows: dict, document: str, kind: Kind) -> list[Problem]:
    """The refusal of a document made from rows with errors (any sheet: an opinion that BCTH
    counts, an agency CVPC writes to), one per sheet naming its cells: validation said such a
    row is not used for documents, so none is printed from it, nor a count that leaves it
    out."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, row in sorted(ctx.rows):
        if (sheet, row) in error_rows:
            by_sheet.setdefault(sheet, []).append(row)
    return [make("document-row-has-errors", sheet, row=rows[0], document=document,
                 document_kind=kind.code, where=_where(sheet, rows, ctx.rows),
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
