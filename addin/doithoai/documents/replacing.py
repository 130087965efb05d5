"""A document issued again says which one it replaces.

When a conference moves before it is held, Ban hành issues its notice, invitations, summary
and assignment letters again as "…_v2" under new numbers (documents/generate.py). Whoever
holds both must see which one is in force: the new one's last sentence cites the version in
force before it ("Giấy mời này thay thế Giấy mời số 01/GM-UBND ngày 05/11/2026 của …"), its
kind, number and date as Sổ văn bản records them. The field is :data:`FIELD`; a first issue
has it empty (:data:`~doithoai.documents.context.fields.AS_BEFORE`: its text and fingerprint
are as before this sentence existed), and a draft of a new version cites the one in force.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from doithoai.documents.context import Context, combine
from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.registry import schema
from doithoai.text import spoken, vnformat

FIELD = "thay_the"
FOLLOWS = "tiep_theo"        # a reminder (CVDD) replaces none: it follows the one before it


def in_order(rows: list[dict]) -> list[dict]:
    """A document's issued rows, the first issued first: by date, rows of one day as Sổ văn
    bản lists them (whatever order the clerk sorted the sheet in, the last is in force)."""
    return sorted(rows, key=lambda r: day_of(r.get("date")))


def day_of(value) -> dt.date:
    """A register row's Ngày as a date (dt.date.min when none)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.min


def in_force_before(versions: list[dict], upto: int) -> dict | None:
    """The version in force before ``versions[upto]`` (``upto`` = len(versions): before a
    new one): the last earlier row with both a number and a date to cite, else None."""
    return next((r for r in reversed(versions[:max(upto, 0)])
                 if r.get("number_symbol") and r.get("date")), None)


def citation(row: dict) -> str:
    """"Giấy mời số 01/GM-UBND ngày 05/11/2026": the kind's name, number and date of a
    Sổ văn bản row (a party document's abbreviation where it has its own)."""
    kind = KINDS_BY_CODE.get(row.get("kind") or "")
    party = "/ĐU" in row["number_symbol"]
    abbr = kind and ((kind.party_abbr if party else None) or kind.abbr)
    name = spoken.DOCUMENT_TYPES.get(abbr or "CV", "Văn bản")
    return f"{name} số {row['number_symbol']} ngày {vnformat.short_date(row['date'])}"


def put(ctx: Context, replaced: dict | None, code: str = "") -> None:
    """The citation of the document ``replaced`` (None: a first issue, nothing cited); a
    reminder (``code`` CVDD) cites the one it follows ("Tiếp theo Công văn số …")."""
    ctx.put(FOLLOWS if code == "CVDD" else FIELD, citation(replaced) if replaced else "",
            (schema.REGISTER.name, None, schema.REGISTER.column("number_symbol").header),
            optional=True)


def fingerprint_holds(old: str, contexts: list[Context], used) -> tuple[str, bool]:
    """(the batch's fingerprint now, whether the issued one ``old`` still holds): as the
    documents print now, or, for a version issued before they cited what they replace,
    with the citation left out (it is not issued again for that sentence alone)."""
    now = combine([c.fingerprint(used) for c in contexts])
    heads = {now.split("|")[0]}
    if any(c.values.get(FIELD) for c in contexts):
        heads.add(combine([_without_citation(c).fingerprint(used)
                           for c in contexts]).split("|")[0])
    return now, old.split("|")[0] in heads


def _without_citation(ctx: Context) -> Context:
    return dataclasses.replace(ctx, values={**ctx.values, FIELD: ""})
