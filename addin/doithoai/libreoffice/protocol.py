"""The protocol between the extension inside LibreOffice and ``python -m doithoai lo-press``.

LibreOffice's own Python is not the one doithoai is installed in, so the extension starts the
installed doithoai as a child process and serves it the open document over the child's stdin
and stdout: one JSON object per line, ASCII only (``\\u`` escapes), whatever the code page.

The office writes first, a hello: ``{"book": {"name", "folder", "sheets", "selection",
"null_date", "interactive"}}``. Then the child asks and the office answers each request with
``{"ok": value}`` or ``{"error": text}``:

=============================  ==============================================================
``{"op": "read", "sheets"}``   each sheet's used range from A1 (``getDataArray``), with the
                               ranges of its date and time cells
``{"op": "apply", "changes"}`` :class:`~doithoai.registry.changes.Changes` as data
``{"op": "status", "text"}``   the status bar (null gives it back)
``{"op": "message", "text"}``  a message the clerk closes
``{"op": "ask", "text"}``      yes (true), no (false), or null where nobody can answer
``{"op": "open", "path"}``     open a workbook; ``show_folder`` shows a folder
``{"op": "pick_files", ...}``  the program's file dialog: paths, [] cancelled, null no dialog
``{"op": "done"}``             the press is over (no answer)
=============================  ==============================================================

Values travel as JSON; dates, times and date-times as ``{"date": "2026-06-12"}``,
``{"time": "08:30:00"}``, ``{"datetime": "2026-06-12T08:30:00"}``. The office side of this module
is ``office/doithoai_bridge.py`` (standard library only).
"""
from __future__ import annotations

import datetime as dt
import json

from doithoai.registry.changes import MARK_FILLS, MARK_PREFIX, Changes


class OfficeError(Exception):
    """LibreOffice answered a request with an error, or stopped answering."""


# --- values ------------------------------------------------------------------------------------

def encode_value(value):
    if isinstance(value, dt.datetime):
        return {"datetime": value.replace(microsecond=0).isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"time": value.replace(microsecond=0).isoformat()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def encode_changes(changes: Changes) -> dict:
    """Changes as JSON data, with the product's mark colours and note prefix alongside, so the
    office side needs no constant of its own."""
    return {
        "blocks": [{"sheet": b.sheet, "row": b.row, "col": b.col,
                    "values": [[encode_value(v) for v in r] for r in b.values]}
                   for b in changes.blocks],
        "table_rows": dict(changes.table_rows),
        "rows_hidden": [list(h) for h in changes.rows_hidden],
        "unmarks": [list(u) for u in changes.unmarks],
        "marks": [{"sheet": m.sheet, "cell": m.cell, "severity": m.severity, "note": m.note}
                  for m in changes.marks],
        "fills": dict(MARK_FILLS),
        "mark_prefix": MARK_PREFIX,
    }


def decode_grid(payload: dict, null_date: dt.date) -> list[list]:
    """A sheet as LibreOffice sent it (``rows``: numbers and texts, ``dates``: [first column,
    first row, last column, last row] of its date and time cells, 0-based) as the grid Excel's
    shell gives: dates as datetimes, times of day as times, empty cells as None."""
    rows = [[None if v == "" else v for v in r] for r in payload.get("rows") or []]
    for c0, r0, c1, r1 in payload.get("dates") or []:
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = _serial_value(row[c], null_date)
    return rows


def _serial_value(value, null_date: dt.date):
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    if 0 <= value < 1:
        seconds = round(value * 86400)
        return dt.time(seconds // 3600 % 24, seconds % 3600 // 60, seconds % 60)
    try:
        moment = dt.datetime.combine(null_date, dt.time()) + dt.timedelta(days=value)
    except OverflowError:
        return value
    return moment.replace(microsecond=0) if moment.microsecond < 500000 else \
        (moment + dt.timedelta(seconds=1)).replace(microsecond=0)


# --- the channel -------------------------------------------------------------------------------

class Channel:
    """Requests to the office over a pair of text streams (the child's stdout and stdin)."""

    def __init__(self, incoming, outgoing):
        self.incoming = incoming
        self.outgoing = outgoing

    def send(self, message: dict) -> None:
        self.outgoing.write(json.dumps(message, ensure_ascii=True) + "\n")
        self.outgoing.flush()

    def receive(self) -> dict:
        line = self.incoming.readline()
        if not line:
            raise OfficeError("LibreOffice đã ngừng trả lời.")
        return json.loads(line)

    def request(self, op: str, **fields):
        self.send({"op": op, **fields})
        answer = self.receive()
        if "error" in answer:
            raise OfficeError(answer["error"])
        return answer.get("ok")
