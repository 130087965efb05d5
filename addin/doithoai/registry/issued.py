"""What Sổ văn bản says was issued, as the deadline engine, validation and the documents read
it: each plan's document of a kind, the day a step's document went out, the versions of one
document (the tool's "_v2"…).
"""
from __future__ import annotations

import datetime as dt
import os
import re

from doithoai.registry.model import Registry

ISSUED = "Đã ban hành"        # Sổ văn bản: Trạng thái of an issued document
DRAFT = "Dự thảo"             # and of a draft


def issued_plans(reg: Registry, kind: str = "KH") -> dict:
    """Mã KH → the Sổ văn bản row of the plan's own KH (or of its document of ``kind``),
    issued with its number (the first such row): the number and the date every document
    citing the plan gives. One pass over the register, whatever the number of plans."""
    out: dict = {}
    for e in reg.register:
        if e.kind == kind and e.status == ISSUED and e.number_symbol and e.plan_id:
            out.setdefault(e.plan_id, e)
    return out


def version_base(file: str | None) -> str:
    """The file stem a document's versions share: "KH-2026-01/TB_v2.docx" → "TB"."""
    stem = os.path.splitext(os.path.basename(file or ""))[0]
    return re.sub(r"_v\d+$", "", stem)


def version_number(file: str | None) -> int:
    """Which version of its document a file is: "KH-2026-01/TB_v3.docx" → 3, "TB.docx" → 1."""
    found = re.search(r"_v(\d+)$", os.path.splitext(os.path.basename(file or ""))[0])
    return int(found.group(1)) if found else 1


def issued_dates(reg: Registry) -> dict[tuple[str, str], dt.date]:
    """(Mã KH, kind) → the first day a document of that kind was issued for the plan, each
    document counted by the version in force (the last issued: a notice issued again when
    the conference moved is done when the new one went out)."""
    latest: dict[tuple[str, str, str], dt.date] = {}
    for e in reg.register:
        if e.status == ISSUED and e.plan_id and e.kind and e.date:
            latest[(e.plan_id, e.kind, version_base(e.file).casefold())] = e.date
    out: dict[tuple[str, str], dt.date] = {}
    for (plan_id, kind, _), day in latest.items():
        out[(plan_id, kind)] = min(day, out.get((plan_id, kind), day))
    return out
