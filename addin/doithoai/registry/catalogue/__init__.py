"""Every kind of problem the tool reports, declared in one place as data: a stable code, a
severity, a Vietnamese title, message and fix templates, and a description for the docs (in
the manner of frictionless-py's error catalogue). One module per part of the tool that reports
them; :data:`TYPES` holds them all by code, checked once here (no code twice, known severities).
"""
from __future__ import annotations

from doithoai.registry.catalogue import deadlines, documents, reading, statuses, validation
from doithoai.registry.problem_kinds import SEVERITY_LABELS, ProblemType


def _by_code(*parts: tuple[ProblemType, ...]) -> dict[str, ProblemType]:
    types: dict[str, ProblemType] = {}
    for t in (t for part in parts for t in part):
        if t.code in types:
            raise ValueError(f"duplicate problem code {t.code}")
        if t.severity not in SEVERITY_LABELS:
            raise ValueError(f"{t.code}: bad severity {t.severity}")
        types[t.code] = t
    return types


TYPES = _by_code(reading.TYPES, validation.TYPES, statuses.TYPES, deadlines.TYPES,
                 documents.TYPES)
