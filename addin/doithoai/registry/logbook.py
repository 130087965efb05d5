"""Nhật ký, the registry's journal: the rows one action leaves there.

One mechanism for the command line (which appends them to a copy of the registry through
:func:`doithoai.registry.changes.append_rows`) and every spreadsheet program's shell (which
writes them below the sheet's last row, cell by cell under the sheet's own headers:
:func:`lines`). An action that sends personal data out of the registry leaves a row per
release (:class:`doithoai.registry.personal.Release`): the first release is said on the
action's own row (with the files it made), every further one on a row of its own.
"""
from __future__ import annotations

import datetime as dt
import getpass

from doithoai.registry import schema


def rows(action: str, result: str, files: str = "", releases=(),
         now: dt.datetime | None = None) -> list[dict]:
    """The Nhật ký rows (by column key) of ``action``; a result of several lines (a button's
    closing message) is kept as one line of clauses, as the command line writes it."""
    if "\n" in result:
        result = clauses(result.splitlines())
    try:
        user = getpass.getuser()
    except Exception:           # no user name to be had (a service account, a container)
        user = ""
    base = {"time": (now or dt.datetime.now()).strftime("%d/%m/%Y %H:%M"), "user": user,
            "action": action, "files": files}
    out = [{**base, "result": shortened(result)}]
    for i, release in enumerate(releases):
        said = " ".join(t for t in (release.summary(), result if i == 0 else "") if t)
        if i == 0:
            out[0] = {**base, "result": shortened(said), **release.fields()}
        else:                   # the files were named on the action's row
            out.append({**base, "files": "", "result": shortened(said), **release.fields()})
    return out


def clauses(parts) -> str:
    """Sentences said one after another (a command's lines) as one Nhật ký result: "…; …",
    each without its own full stop, one at the end."""
    kept = [p.strip().rstrip(" .;") for p in parts if p and p.strip()]
    return "; ".join(kept) + "." if kept else ""


RESULT_MOST = 500      # characters of a result a Nhật ký row keeps (a cell read at a glance)


def shortened(text: str, most: int = RESULT_MOST) -> str:
    """``text`` as a Nhật ký cell keeps it: whole when it fits, else cut after its last whole
    clause ("; " or ". ") that fits, or its last whole word, and marked "…" (a result cut
    mid-word, "Tổng cộng: đọc 8 ", read as a figure)."""
    if len(text) <= most:
        return text
    head = text[:most - 1]
    cut = max(head.rfind("; "), head.rfind(". "))
    if cut < most // 2:
        cut = head.rfind(" ")
    return (head[:cut] if cut > 0 else head).rstrip(" ;,.:") + "…"


def lines(header, rows_: list[dict]) -> tuple[tuple, ...]:
    """Nhật ký rows as lines of cells, each value under its column in ``header`` (the sheet's
    first row); a Nhật ký made before 0.4 keeps its first five columns in their places and
    lacks the others."""
    headers = [str(v).strip() if v is not None else "" for v in header]
    where = {c.key: headers.index(c.header) if c.header in headers else
             (i if i < 5 else None) for i, c in enumerate(schema.LOG.columns)}
    width = max(i for i in where.values() if i is not None) + 1
    out = []
    for row in rows_:
        line = [None] * width
        for key, i in where.items():
            if i is not None:
                line[i] = row.get(key)
        out.append(tuple(line))
    return tuple(out)
