"""What every check writes to: the registry, "today", and the problems found so far."""
from __future__ import annotations

import datetime as dt

from doithoai.registry import schema
from doithoai.registry.model import Registry
from doithoai.registry.problems import Problem, make


class Findings:
    def __init__(self, reg: Registry, today: dt.date):
        self.reg = reg
        self.today = today
        self.problems: list[Problem] = []

    def add(self, kind, sheet: schema.Sheet, row=None, key=None, value=None, **params):
        """A problem at ``sheet``'s column ``key`` (a schema key) of ``row``."""
        table = self.reg.tables.get(sheet.key)
        col = table.columns.get(key) if table and key else None
        header = sheet.column(key).header if key else None
        self.problems.append(make(kind, sheet.name, row=row, col=col, column=header,
                               value=value, **params))

    def list_values(self, header: str) -> list[str]:
        """The values of a Danh mục list: the fixed ones as shipped, the others as edited."""
        lk = schema.lookup(header)
        return list(lk.values) if lk.fixed else self.reg.lookups.get(lk.key, list(lk.values))


def some(items: list[str], noun: str, limit: int = 10) -> str:
    """The first ``limit`` items, then how many more ("5, 6, … và 140 dòng khác")."""
    more = len(items) - limit
    return ", ".join(items[:limit]) + (f" và {more} {noun} khác" if more > 0 else "")


def invitees_by_plan(f: Findings) -> dict[str, list]:
    """The named invitees of each plan, grouped once (a registry of many plans would otherwise
    scan every invitee for every plan)."""
    out: dict[str, list] = {}
    for i in f.reg.invitees:
        if i.full_name:
            out.setdefault(i.plan_id, []).append(i)
    return out
