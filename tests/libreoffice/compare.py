"""What a registry holds, read the same way from LibreOffice (the driver's dump) and from the
workbook the JSON-book path leaves (openpyxl), so the two can be compared sheet by sheet:
every non-empty cell (formulas as formulas), the marked cells (fill colour and note), the
hidden rows and each sheet's table.

Read the same way means: numbers without a spurious .0, dates as ISO text and times as HH:MM
(the JSON book carries dates as ISO text, LibreOffice as dates), formulas with ',' between
arguments, Excel's text marker (a leading apostrophe before = + - @) read as Excel shows it,
each press's own folder as <FOLDER>, the random code of an intake batch (lô 3FA21C, drawn
anew by every export) as <LÔ>, the moment of a press (a Nhật ký row, Tổng hợp's "Cập nhật
lúc") as <TIME>, and the one thing a message says differently by design: how the program follows
a link of the Kiểm tra sheet (Calc: Ctrl and a click; the shells' FOLLOW_LINK).
"""
import datetime as dt
import re

import openpyxl

from doithoai.libreoffice.shell import LibreOfficeShell
from doithoai.registry.changes import MARK_FILLS
from doithoai.spreadsheet.open_book import OpenWorkbook

MARK_COLOURS = set(MARK_FILLS.values())
# The moment of a press, as the Nhật ký row and Tổng hợp's "Cập nhật lúc" write it.
TIME_STAMP = re.compile(r"\b\d\d/\d\d/\d{4} \d\d:\d\d\b|\b\d\d:\d\d \d\d/\d\d/\d{4}\b")
BATCH = re.compile(r"\blô [0-9A-F]{6}\b")


def normal(value, folder: str | None = None):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else \
            value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
            value = value[1:]
        if value.startswith("="):
            value = excel_formula(value)
        if folder:
            value = value.replace(folder, "<FOLDER>")
        value = TIME_STAMP.sub("<TIME>", BATCH.sub("lô <LÔ>", value)).replace(
            LibreOfficeShell.FOLLOW_LINK, OpenWorkbook.FOLLOW_LINK)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):       # a date the JSON book sent as text
            return value
    return value


def a1_of(row: int, col: int) -> str:
    """The A1 name of (1-based row, 0-based column), as the core's Changes place cells."""
    from doithoai.registry.cellref import a1
    return a1(row, col)


def excel_formula(formula: str) -> str:
    """A formula with ',' between arguments (LibreOffice's API shows ';')."""
    out, quoted = [], False
    for ch in formula:
        if ch == '"':
            quoted = not quoted
        out.append("," if ch == ";" and not quoted else ch)
    return "".join(out)


def normal_sheet(name: str, cells: dict, folder: str) -> dict:
    out = {}
    for ref, v in cells.items():
        v = normal(v, folder)
        if v is None:
            continue
        out[ref] = v
    return out


def from_office(dump: dict, folder: str) -> dict:
    """The driver's dump of a LibreOffice document."""
    return {name: {"cells": normal_sheet(name, s["cells"], folder),
                   "marks": {k: v for k, v in s["marks"].items() if v in MARK_COLOURS},
                   "notes": {k: normal(v, folder) for k, v in s["notes"].items()},
                   "hidden": s["hidden"], "table": s["table"]}
            for name, s in dump.items()}


def from_workbook(wb, folder: str, sheets=None) -> dict:
    """The same of an openpyxl workbook (or its path): the JSON-book path's result, replayed."""
    if isinstance(wb, str):
        wb = openpyxl.load_workbook(wb)
    out = {}
    for ws in wb.worksheets:
        if sheets is not None and ws.title not in sheets:
            continue
        cells, marks, notes = {}, {}, {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = c.value
                colour = (c.fill.fgColor.rgb or "")[-6:] if c.fill and c.fill.fill_type else ""
                if colour in MARK_COLOURS:
                    marks[c.coordinate] = colour
                if c.comment is not None:
                    notes[c.coordinate] = normal(c.comment.text, folder)
        last = ws.max_row
        hidden = [r for r in range(1, last + 1) if ws.row_dimensions[r].hidden]
        table = next(iter(ws.tables.values()), None)
        out[ws.title] = {"cells": normal_sheet(ws.title, cells, folder), "marks": marks,
                         "notes": notes, "hidden": hidden,
                         "table": table.ref.split(":") if table is not None else None}
    return out


def differences(office: dict, book: dict, limit: int = 12) -> list[str]:
    """Where the two differ, sheet by sheet (at most ``limit`` lines)."""
    out = []
    for name in sorted(set(office) | set(book)):
        a, b = office.get(name), book.get(name)
        if a is None or b is None:
            out.append(f"{name}: only in {'LibreOffice' if b is None else 'the JSON book'}")
            continue
        for part in ("cells", "marks", "notes"):
            for ref in sorted(set(a[part]) | set(b[part])):
                if a[part].get(ref) != b[part].get(ref):
                    out.append(f"{name}!{ref} {part}: LibreOffice {a[part].get(ref)!r} / "
                               f"JSON book {b[part].get(ref)!r}")
        if a["table"] != b["table"]:
            out.append(f"{name} table: LibreOffice {a['table']} / JSON book {b['table']}")
        last = max([0] + [int(re.sub(r"[A-Z]", "", r)) for r in a["cells"]])
        hidden_a = [r for r in a["hidden"] if r <= last]
        hidden_b = [r for r in b["hidden"] if r <= last]
        if hidden_a != hidden_b:
            out.append(f"{name} hidden rows: LibreOffice {hidden_a} / JSON book {hidden_b}")
    return out[:limit]
