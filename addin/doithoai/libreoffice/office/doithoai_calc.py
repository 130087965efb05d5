"""The open Calc document for the extension's bridge (doithoai_bridge.Press), through UNO.

Each sheet is read with one getDataArray on its used range from A1 (and one query for the
ranges of its date and time cells); each block of changes is written with one setDataArray,
then its formulas and number formats; marks colour all cells of a colour in one call. The
document window takes no typing while a button works (as Excel during RunPython); the status
bar shows progress; a hidden document (headless) shows no dialog and answers no question.
"""
from __future__ import annotations

import datetime as dt
import os

import uno
from com.sun.star.sheet.CellFlags import ANNOTATION, DATETIME
from com.sun.star.table import CellAddress, CellRangeAddress

import doithoai_bridge as bridge
import doithoai_dialogs as dialogs

NOTE_SIZE = (8000, 3500)        # 1/100 mm: as the notes openpyxl writes (300 × 120 pt)
NUMBER_FORMATS = {"date": "DD/MM/YYYY", "datetime": "DD/MM/YYYY HH:MM", "time": "HH:MM"}


class CalcDocument:
    def __init__(self, ctx, frame):
        self.ctx = ctx
        self.frame = frame
        self.doc = frame.getController().getModel()
        self.window = frame.getContainerWindow()
        self.indicator = None

    # -- what the child is told first -------------------------------------------------------------
    def interactive(self):
        return bool(self.window is not None and self.window.isVisible())

    def hello(self):
        url = self.doc.getURL()
        path = uno.fileUrlToSystemPath(url) if url.startswith("file:") else None
        nd = self.doc.NullDate
        return {"name": os.path.basename(path) if path else self.doc.getTitle(),
                "folder": os.path.dirname(path) if path else None,
                "sheets": list(self.doc.getSheets().getElementNames()),
                "selection": self.selection(),
                "null_date": "%04d-%02d-%02d" % (nd.Year, nd.Month, nd.Day),
                "interactive": self.interactive(),
                "password": self.has_password()}

    def has_password(self):
        """Whether the document was opened with a password (its media descriptor then holds
        the key as EncryptionData, or the Password given)."""
        try:
            names = {a.Name for a in self.doc.getArgs()}
        except Exception:
            return False
        return "EncryptionData" in names or "Password" in names

    def selection(self):
        try:
            sel = self.doc.getCurrentController().getSelection()
            address = sel.getRangeAddress()
        except Exception:
            return None
        sheet = self.doc.getSheets().getByIndex(address.Sheet)
        return [sheet.getName(), address.StartRow + 1]

    # -- reading ----------------------------------------------------------------------------------
    def read(self, names):
        out = {}
        sheets = self.doc.getSheets()
        for name in names:
            sheet = sheets.getByName(name)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.getRangeAddress()
            rows = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
            dates = [[a.StartColumn, a.StartRow, a.EndColumn, a.EndRow]
                     for a in sheet.queryContentCells(DATETIME).getRangeAddresses()]
            out[name] = {"rows": [list(r) for r in rows], "dates": dates}
        return out

    # -- writing ----------------------------------------------------------------------------------
    def apply(self, changes):
        self.doc.lockControllers()
        try:
            apply_changes(self.doc, changes)
        finally:
            self.doc.unlockControllers()

    # -- talking to the clerk ---------------------------------------------------------------------
    def status(self, text):
        if text is None:
            if self.indicator is not None:
                self.indicator.end()
                self.indicator = None
            return
        if self.indicator is None:
            self.indicator = self.frame.createStatusIndicator()
            self.indicator.start(text, 100)
        self.indicator.setText(text)

    def message(self, text):
        if self.interactive():
            dialogs.message(self.ctx, self.window, text)

    def ask(self, text):
        return dialogs.ask(self.ctx, self.window, text) if self.interactive() else None

    def open(self, path):
        if not self.interactive():
            return False            # nobody would see it (a hidden or headless document)
        desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)
        return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                            ()) is not None

    def show_folder(self, path):
        if not self.interactive():
            return False
        shell = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.system.SystemShellExecute", self.ctx)
        shell.execute(uno.systemPathToFileUrl(path), "", 0)
        return True

    def pick_files(self, title, folder):
        return dialogs.pick_files(self.ctx, title, folder) if self.interactive() else None


# --- changes written in bulk -------------------------------------------------------------------

def apply_changes(doc, changes):
    nd = doc.NullDate
    null_date = dt.date(nd.Year, nd.Month, nd.Day)
    for block in changes["blocks"]:
        _write_block(doc, bridge.plan_block(block, null_date))
    for sheet, n in changes["table_rows"].items():
        _resize_table(doc, sheet, n)
    for sheet, first, last, hidden in changes["rows_hidden"]:
        rows = doc.getSheets().getByName(sheet).getCellRangeByPosition(0, first - 1, 0, last - 1)
        rows.getRows().IsVisible = not hidden
    for sheet, ref in changes["unmarks"]:
        _unmark(doc.getSheets().getByName(sheet), ref, changes["mark_prefix"])
    _mark(doc, changes["marks"], changes["fills"])


def _write_block(doc, plan):
    sheet = doc.getSheets().getByName(plan["sheet"])
    height, width = len(plan["data"]), len(plan["data"][0]) if plan["data"] else 0
    if not width:
        return
    r0, c0 = plan["row"], plan["col"]
    kept = _notes_in(sheet, c0, r0, c0 + width - 1, r0 + height - 1)
    sheet.getCellRangeByPosition(c0, r0, c0 + width - 1, r0 + height - 1).setDataArray(
        plan["data"])
    for row, col, formula in plan["formulas"]:
        sheet.getCellByPosition(col, row).setFormula(formula)
    for first, last, col, kind in plan["formats"]:
        cells = sheet.getCellRangeByPosition(col, first, col, last)
        cells.NumberFormat = _format_key(doc, NUMBER_FORMATS[kind])
    for (col, row), text in kept.items():    # setDataArray drops notes; Excel keeps them
        sheet.getAnnotations().insertNew(_address(sheet, col, row), text)


def _notes_in(sheet, c0, r0, c1, r1):
    notes = sheet.getAnnotations()
    kept = {}
    for i in range(notes.getCount()):
        note = notes.getByIndex(i)
        p = note.getPosition()
        if c0 <= p.Column <= c1 and r0 <= p.Row <= r1:
            kept[(p.Column, p.Row)] = note.getString()
    return kept


def _format_key(doc, code):
    formats = doc.getNumberFormats()
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    return key if key >= 0 else formats.addNew(code, locale)


def _resize_table(doc, sheet_name, n):
    """The sheet's table (a database range after import from .xlsx) grown or shrunk to n body
    rows, at least one, as Excel's ListObject.Resize."""
    index = doc.getSheets().getByName(sheet_name).getRangeAddress().Sheet
    ranges = doc.DatabaseRanges
    for name in ranges.getElementNames():
        db = ranges.getByName(name)
        area = db.getDataArea()
        if area.Sheet == index:
            grown = CellRangeAddress()
            grown.Sheet, grown.StartColumn, grown.StartRow = index, area.StartColumn, 0
            grown.EndColumn, grown.EndRow = area.EndColumn, max(1, n)
            db.setDataArea(grown)
            return


def _unmark(sheet, ref, prefix):
    col, row = bridge.cell_position(ref)
    cell = sheet.getCellByPosition(col, row)
    text = cell.getAnnotation().getString()
    if text and not text.startswith(prefix):
        return      # the clerk's own note: leave the cell as it is
    cell.CellBackColor = -1
    cell.clearContents(ANNOTATION)


def _mark(doc, marks, fills):
    """Each mark's note; then every cell of one colour on a sheet filled in one call."""
    by_colour = {}
    for m in marks:
        sheet = doc.getSheets().getByName(m["sheet"])
        col, row = bridge.cell_position(m["cell"])
        sheet.getCellByPosition(col, row).clearContents(ANNOTATION)
        sheet.getAnnotations().insertNew(_address(sheet, col, row), m["note"])
        _size_note(sheet.getCellByPosition(col, row))
        by_colour.setdefault((m["sheet"], fills[m["severity"]]), []).append((col, row))
    for (sheet_name, colour), cells in by_colour.items():
        sheet = doc.getSheets().getByName(sheet_name)
        ranges = doc.createInstance("com.sun.star.sheet.SheetCellRanges")
        for col, row in cells:
            ranges.addRangeAddress(sheet.getCellByPosition(col, row).getRangeAddress(), False)
        ranges.CellBackColor = int(colour, 16)


def _size_note(cell):
    """A note wide enough to read its messages (LibreOffice's default is a narrow column)."""
    try:
        shape = cell.getAnnotation().getAnnotationShape()
        size = uno.createUnoStruct("com.sun.star.awt.Size")
        size.Width, size.Height = NOTE_SIZE
        shape.setSize(size)
    except Exception:
        pass


def _address(sheet, col, row):
    a = CellAddress()
    a.Sheet, a.Column, a.Row = sheet.getRangeAddress().Sheet, col, row
    return a
