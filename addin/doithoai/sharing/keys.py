"""The passwords of intake files written encrypted, kept in the registry (Mật khẩu phiếu), so
that a returned file is opened without asking anyone. Pure core.

A returned file is tried first with the password of the file it was exported as (its name),
then with every other password the registry keeps, newest first: the Front may have renamed
it. A file that comes back unencrypted although it left encrypted is still read; the merge says
so on its line.
"""
from __future__ import annotations

import datetime as dt
import os

from doithoai.registry import schema
from doithoai.registry.changes import Changes, append_rows


def key_rows(plan_id: str, exported, now: dt.datetime) -> list[dict]:
    """Rows of Mật khẩu phiếu for the files just exported (each with ``path``, ``village``,
    ``code``, ``batch``, ``password``)."""
    return [{"plan_id": plan_id, "village": e.village or "", "code": e.code or "",
             "batch": e.batch, "file": os.path.basename(e.path), "password": e.password,
             "created": now.strftime("%d/%m/%Y %H:%M")} for e in exported if e.password]


def keep(reg, plan_id: str, exported, changes: Changes, now: dt.datetime | None = None) -> None:
    """Append the exported files' passwords to Mật khẩu phiếu (in ``changes``)."""
    rows = key_rows(plan_id, exported, now or dt.datetime.now())
    if rows:
        append_rows(reg, schema.INTAKE_KEYS, rows, changes)


def candidates(reg, path: str) -> list[str]:
    """The passwords to try on a returned file: the one kept for its name first, then the
    others, newest first; each once."""
    name = os.path.basename(path).casefold()
    keys = [k for k in reversed(reg.intake_keys) if k.password]
    first = [k.password for k in keys if (k.file or "").casefold() == name]
    return list(dict.fromkeys(first + [k.password for k in keys]))


def encrypted_batches(reg) -> set[str]:
    """The batches that left the office encrypted."""
    return {k.batch for k in reg.intake_keys if k.batch and k.password}
