"""Located problems, made from the catalogue of their kinds.

In the manner of frictionless-py's error catalogue: each kind of problem has a stable code, a
severity, a Vietnamese title, a message template, a fix hint template and a description. A
:class:`Problem` is one occurrence, located by sheet, row, column and A1 cell, so a clerk can
go straight to it. The catalogue is documented by ``doithoai catalogue`` (generated, never
written by hand).

A problem is worded for whoever reads it (:func:`speaking_to`: the ribbon, or the command line,
which has no button and colours no cell), and problems of one kind that differ only by row can
be said in one line naming every row (:func:`grouped`).
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, Mapping, NamedTuple

from doithoai.registry.catalogue import TYPES
from doithoai.registry.cellref import a1
# The kinds' vocabulary, used with problems everywhere: imported from here as one API.
from doithoai.registry.problem_kinds import (  # noqa: F401
    CLI, ERROR, EXCEL, INFO, SEVERITY_LABELS, WARNING, Many, ProblemType, Worded, audience,
    said, speaking_to, wording)

IDENTITY = 9                           # code … hint: what tells two problems apart
_NO_FIELDS: Mapping = MappingProxyType({})


def catalogue() -> list[ProblemType]:
    """Every kind of problem, by code (declared in :mod:`doithoai.registry.catalogue`)."""
    return sorted(TYPES.values(), key=lambda t: t.code)


def problem_type(code: str) -> ProblemType:
    return TYPES[code]


class Problem(NamedTuple):
    """One problem, located: immutable. A named tuple rather than a frozen dataclass because
    a registry of 50,000 opinions can hold a few hundred thousand of them (one is made in a
    fifth of the time); it compares and hashes as a value of its first nine fields only."""
    code: str
    severity: str
    sheet: str
    cell: str | None       # A1 reference, None for a whole sheet or file
    row: int | None        # Excel row number
    column: str | None     # header text
    value: object
    message: str
    hint: str
    # the template fields it was worded from (for :func:`grouped`); not part of its identity
    fields: Mapping = _NO_FIELDS
    members: tuple = ()    # a group: the problems it says in one line

    def __eq__(self, other):
        return isinstance(other, Problem) and self[:IDENTITY] == other[:IDENTITY]

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self[:IDENTITY])

    def __repr__(self):
        return "Problem(" + ", ".join(f"{name}={value!r}" for name, value in
                                      zip(self._fields[:IDENTITY], self)) + ")"

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("code", "severity", "sheet", "cell", "row", "column",
                                           "value", "message", "hint")}
        v = d["value"]
        if v is not None and not isinstance(v, (str, int, float, bool)):
            d["value"] = str(v)
        if self.members:
            d["rows"] = [p.row for p in self.members]
            d["cells"] = [p.cell for p in self.members]
        return d


class Refused(Exception):
    """A command or a button cannot do what was asked; the message, in Vietnamese, says why and
    what to do (the command exits 1; the button shows it). One class for both entry points."""


class _Blank(dict):
    def __missing__(self, key):  # a template field nobody passed renders empty, never raises
        return ""


def make(kind: str, sheet: str, *, row: int | None = None, col: int | None = None,
         column: str | None = None, value: object = None, **params) -> Problem:
    """One problem of kind ``kind`` at (row, col); col is the 0-based column index. Its words
    are those for the current reader (:func:`speaking_to`)."""
    t = TYPES[kind]
    cell = a1(row, col) if row is not None and col is not None else None
    fields = _Blank(params, value="" if value is None else value, column=column or "",
                    sheet=sheet, row="" if row is None else row, cell=cell or "")
    return Problem(t.code, t.severity, sheet, cell, row, column, value,
                   wording(t.message).format_map(fields), wording(t.hint).format_map(fields),
                   fields)


def grouped(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with those of a kind that has a :class:`Many` wording, and that share sheet
    and column, said as one problem naming each of them (in the order they came, each group
    where its first member was). The others, and a group of one, as they are."""
    groups: dict[tuple, list[Problem]] = {}
    order: list[tuple] = []
    for i, p in enumerate(problems):
        key = (p.code, p.sheet, p.column) if TYPES[p.code].many else (i,)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(p)
    return [_one_line(groups[k]) if len(groups[k]) > 1 else groups[k][0] for k in order]


def _one_line(members: list[Problem]) -> Problem:
    many = TYPES[members[0].code].many
    fields = _Blank(count=len(members),
                    items=_joined(many.item.format_map(_Blank(p.fields)) for p in members))
    for name in {k for p in members for k in p.fields}:
        values = [str(p.fields.get(name, "")) for p in members]
        fields[name] = _joined(part for v in values for part in v.split(", ")) \
            if name in many.parts else _joined(values)
    first = members[0]
    return Problem(code=first.code, severity=first.severity, sheet=first.sheet, cell=None,
                   row=None, column=first.column, value=None,
                   message=wording(many.message).format_map(fields),
                   hint=wording(many.hint).format_map(fields), fields=dict(fields),
                   members=tuple(members))


def _joined(values: Iterable[str]) -> str:
    """Each non-blank value once, in order, joined by commas."""
    return ", ".join(v for v in dict.fromkeys(values) if v)
