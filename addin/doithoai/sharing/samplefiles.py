"""Returned intake files of the samples, built from reviewable text (samples/<slug>/mttq-*.csv).

Each CSV is what a village board typed into the intake workbook, headers as they typed them
(re-typed, reordered, with an extra column), rows with the usual mess. The demo and the tests
turn it into a real returned .xlsx: the intake workbook exported from the sample registry, its
table overwritten with the CSV. A file named ``mttq-<CODE>-mat-nhan-dang.csv`` also loses its
hidden identity sheet, as when someone copies the table into a new workbook.
"""
from __future__ import annotations

import csv
import glob
import os

from doithoai.sharing.intake import ID_SHEET, export

LOST_IDENTITY = "-mat-nhan-dang"


def sample_csvs(sample_folder: str) -> list[str]:
    return sorted(glob.glob(os.path.join(sample_folder, "mttq-*.csv")))


def build_returned(reg, plan_id: str, csv_path: str, out_dir: str, today=None) -> str:
    """The returned .xlsx for one sample CSV; returns its path."""
    import openpyxl

    name = os.path.splitext(os.path.basename(csv_path))[0]
    code = name[len("mttq-"):].replace(LOST_IDENTITY, "")
    plan = reg.plan(plan_id)
    from doithoai.sharing.codes import village_codes
    village = next(v for v, c in village_codes(plan.villages).items() if c == code)
    exported = export(reg, plan_id, out_dir, villages=[village], today=today)[0]
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    wb = openpyxl.load_workbook(exported.path)
    ws = wb["Ý kiến"]
    header_row = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    for tbl in list(ws.tables):
        del ws.tables[tbl]                 # a board that retypes the table breaks it anyway
    for r in range(header_row, ws.max_row + 1):
        for c in range(1, max(ws.max_column, len(rows[0])) + 1):
            ws.cell(row=r, column=c).value = None
    for dr, values in enumerate(rows):
        for dc, value in enumerate(values):
            cell = ws.cell(row=header_row + dr, column=dc + 1, value=value or None)
            if value and value[0] in "=+-@":
                cell.data_type = "s"          # typed as text, as Excel keeps it
    if name.endswith(LOST_IDENTITY):
        del wb[ID_SHEET]
    target = os.path.join(out_dir, f"{name}-da-dien.xlsx")
    wb.save(target)
    os.remove(exported.path)
    return target
