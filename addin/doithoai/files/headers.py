"""Which column of a sheet is which: each contract header found in row 1 (compared folded),
one written twice, one renamed where it stood, one a later version added, one missing."""
from __future__ import annotations

from typing import Sequence

from doithoai.registry import parsing, schema
from doithoai.registry.cellref import column_letter
from doithoai.registry.problems import Problem, make
from doithoai.text import vntext

Grid = Sequence[Sequence[object]]


def header_key(value) -> str:
    return parsing.fold(parsing.to_text(value)) if not parsing.is_blank(value) else ""


def positions(sheet: schema.Sheet, grid: Grid, problems: list[Problem]) -> dict:
    """Each header's comparison key → its first column; a contract header written twice is a
    problem (the second column would go unread)."""
    positions: dict[str, int] = {}
    contract = {parsing.fold(c.header): c.header for c in sheet.columns}
    for idx, value in enumerate(list(grid[0]) if grid else []):
        key = header_key(value)
        if key and key not in positions:
            positions[key] = idx
        elif key in contract:
            problems.append(make("header-repeated", sheet.name, row=1, col=idx,
                                 column=contract[key], first=column_letter(positions[key]),
                                 second=column_letter(idx)))
    return positions


def contract_columns(sheet: schema.Sheet, positions: dict, problems: list[Problem],
                      header: list) -> dict[str, int]:
    """Each contract column found by its header → its index; one missing is a problem: its
    header renamed where it stood (an error that stops every command, naming the cell: the
    column would read as empty), a column added in a later version (a note), or missing."""
    columns: dict[str, int] = {}
    for n, col in enumerate(sheet.columns):
        idx = positions.get(parsing.fold(col.header))
        renamed = None if idx is not None else _renamed(sheet, n, positions, header)
        if idx is not None:
            columns[col.key] = idx
        elif renamed is not None:
            problems.append(make("column-renamed", sheet.name, row=1, col=renamed,
                                 column=col.header, typed=parsing.to_text(header[renamed])))
        elif col.added:
            problems.append(make("column-added-later", sheet.name, column=col.header,
                                 version=col.added))
        else:
            problems.append(make("column-missing", sheet.name, row=1, column=col.header))
    return columns


def _renamed(sheet: schema.Sheet, n: int, positions: dict, header: list) -> int | None:
    """Where the n-th contract column's header stands renamed: a header that is no contract
    header, shares a word with it, and stands between the contract columns found before and
    after it ("Ngày xong" for Ngày giải quyết xong, "Mức hài lòng" for Hài lòng); None when
    there is none (a column a later version added is never put there: it goes at the end; a
    column of the commune's own names other things)."""
    found = [positions.get(parsing.fold(c.header)) for c in sheet.columns]
    before = max((i for i in found[:n] if i is not None), default=-1)
    after = min((i for i in found[n + 1:] if i is not None and i > before),
                default=len(header))
    known = {parsing.fold(c.header) for c in sheet.columns}
    words = set(vntext.plain_key(sheet.columns[n].header).split())
    return next((i for i in range(before + 1, min(after, len(header)))
                 if header_key(header[i]) and header_key(header[i]) not in known
                 and words & set(vntext.plain_key(parsing.to_text(header[i])).split())), None)
