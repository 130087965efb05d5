"""A new copy of a registry with changes applied: the headless way to "save" what a command did.

The headless path never saves a registry in place (docs/architecture.md, decision 3); in Excel the
buttons write into the open workbook instead.
"""
from __future__ import annotations

import datetime as dt
import os

from doithoai.files import dashboard_sheet
from doithoai.files.atomic import save_new
from doithoai.files.apply_changes import apply_to_openpyxl
from doithoai.registry.changes import Changes
from doithoai.registry.dashboard_layout import LAYOUT_MARK, SHEET


def registry_copy(path: str, changes: Changes, label: str = "cap so",
                  target: str | None = None) -> str:
    """A new workbook beside ``path`` with ``changes`` applied; the registry itself is untouched.

    The headless path never saves a registry in place (docs/architecture.md, decision 3); in Excel
    the buttons write into the open workbook instead. An existing ``target`` is never replaced.
    """
    import openpyxl
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    stem, ext = os.path.splitext(path)
    target = target or f"{stem} ({label} {stamp}){ext}"
    wb = openpyxl.load_workbook(path)
    _restore_charts(wb)
    apply_to_openpyxl(wb, changes)
    return save_new(wb, target)           # never the registry, never an existing file


def _restore_charts(wb) -> None:
    """openpyxl drops charts it loads: the Tổng hợp charts, defined by the template over fixed
    ranges, are put back on a copy whose sheet has that layout."""
    if SHEET in wb.sheetnames:
        ws = wb[SHEET]
        if ws["A1"].value == LAYOUT_MARK and not ws._charts:
            dashboard_sheet.add_charts(ws)
