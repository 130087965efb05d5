"""Editing copies of sample registries the way a clerk would, for tests (openpyxl, test-side only)."""
import shutil
import zipfile

import openpyxl

from doithoai.registry import schema
from doithoai.registry.cellref import column_letter


def cell_ref(sheet_key, key, row):
    sheet = schema.sheet(sheet_key)
    return f"{column_letter(sheet.keys.index(key))}{row}"


def edit(path, edits, as_text=()):
    """edits: [(sheet_key, key, row, value)]; keys of ``as_text`` cells are stored as text."""
    wb = openpyxl.load_workbook(path)
    for sheet_key, key, row, value in edits:
        ws = wb[schema.sheet(sheet_key).name]
        cell = ws[cell_ref(sheet_key, key, row)]
        cell.value = value
        if (sheet_key, key, row) in as_text:
            cell.data_type = "s"
    wb.save(path)


def patch_text(path, marker, replacement):
    """Replace ``marker`` in the package XML (for values openpyxl refuses to write)."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace(marker.encode(), replacement.encode()))
    shutil.move(tmp, path)
