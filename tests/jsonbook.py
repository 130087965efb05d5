"""xlwings JSON books from real .xlsx files, and their actions applied back to a copy (tests only).

The payload is what an xlwings client sends: every sheet's values from A1, its tables, the
selection. Dates travel as ISO text and times as day fractions, as Excel clients send them.
"""
import datetime as dt
import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")   # before xlwings is imported

import openpyxl  # noqa: E402
import xlwings as xw  # noqa: E402
from openpyxl.comments import Comment  # noqa: E402
from openpyxl.styles import PatternFill  # noqa: E402


def _value(v):
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second) / 86400
    return v


def _abs(ref):
    import re
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref)


def payload(path, sheet=None, selection="A1", name=None):
    wb = openpyxl.load_workbook(path, data_only=True)
    return payload_of_workbook(wb, name or os.path.basename(path), sheet, selection)


def _shown(cell):
    """What a client sends of a cell: its value; a formula openpyxl wrote has no stored
    result, so it sends nothing (as payload() reads such a file with data_only)."""
    return None if cell.data_type == "f" else _value(cell.value)


def payload_of_workbook(wb, name, sheet=None, selection="A1"):
    """The payload of an open openpyxl workbook (the tests keep one across presses)."""
    sheets = []
    for ws in wb.worksheets:
        values = [[_shown(c) for c in row] for row in ws.iter_rows()] or [[]]
        tables = []
        for t in ws.tables.values():
            first, last = t.ref.split(":")
            header_last = "".join(ch for ch in last if ch.isalpha()) + "1"
            body_first = "".join(ch for ch in first if ch.isalpha()) + "2"
            tables.append({"name": t.displayName, "range_address": _abs(t.ref),
                           "header_row_range_address": _abs(f"{first}:{header_last}"),
                           "data_body_range_address": _abs(f"{body_first}:{last}"),
                           "total_row_range_address": None, "show_headers": True,
                           "show_totals": False})
        sheets.append({"name": ws.title, "values": values, "tables": tables, "pictures": [],
                       "notes": [], "notes_supported": True})
    active = wb.sheetnames.index(sheet) if sheet else 0
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": name, "active_sheet_index": active,
                     "selection": selection},
            "names": [], "sheets": sheets}


def book(path, **kw):
    return xw.Book(json=payload(path, **kw))


def apply_actions(path, actions, out):
    """Replay the recorded actions on a copy (the workbook a clerk would see after the button)."""
    wb = openpyxl.load_workbook(path)
    replay(wb, actions)
    wb.save(out)
    return out


def replay(wb, actions):
    """The recorded actions applied to an open openpyxl workbook."""
    names = wb.sheetnames
    for a in actions:
        if a["sheet_position"] is None:
            continue
        ws = wb[names[a["sheet_position"]]]
        if a["func"] == "setValues":
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    ws.cell(row=a["start_row"] + i + 1, column=a["start_column"] + j + 1,
                            value=v)
        elif a["func"] == "resizeTable":
            table = list(ws.tables.values())[a["args"][0]]
            table.ref = a["args"][1].replace("$", "")
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref
        elif a["func"] == "setRangeColor":
            cell = ws.cell(row=a["start_row"] + 1, column=a["start_column"] + 1)
            cell.fill = PatternFill() if a["args"][0] is None else \
                PatternFill("solid", fgColor=a["args"][0].lstrip("#"))
        elif a["func"] == "setRowHidden":
            for r in range(a["start_row"] + 1, a["start_row"] + a["row_count"] + 1):
                ws.row_dimensions[r].hidden = a["args"][0]
        elif a["func"] == "addNote":
            ws[a["args"][0].replace("$", "")].comment = Comment(a["args"][1], "doithoai")
    return wb


def actions(book, func=None):
    """The actions a button asked of the client, optionally only those of ``func``."""
    acts = book.json()["actions"]
    return [a for a in acts if func is None or a["func"] == func]


def sheet_names(path):
    return openpyxl.load_workbook(path, read_only=True).sheetnames
