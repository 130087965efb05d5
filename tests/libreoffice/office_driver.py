"""A LibreOffice driver for the tests, run by Debian's /usr/bin/python3 (python3-uno):

    /usr/bin/python3 office_driver.py PIPE_NAME

It connects to a soffice started with ``--accept=pipe,name=PIPE_NAME;urp;`` and answers one JSON
command per line on stdin with one JSON line on stdout: open a registry (hidden or on screen),
press a button the way the toolbar does (the dispatcher with the toolbar's own command URL),
dump what the document holds (values, formulas, marks, notes, hidden rows, tables), find the
toolbar's buttons and a dialog's text through the accessibility tree. Standard library and uno.
"""
import datetime as dt
import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.CellFlags import DATETIME, FORMULA

ROLE_TOOL_BAR, ROLE_DIALOG, ROLE_MENU_BAR, ROLE_POPUP_MENU, ROLE_MENU = 63, 12, 35, 43, 34
SKIP_ROLES = (58, 84, 51)           # table, spreadsheet, scroll pane: millions of cells
MARK_COLOURS = {0xFFC7CE: "FFC7CE", 0xFFEB9C: "FFEB9C"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def column_letter(i):
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def a1(col, row):
    return f"{column_letter(col)}{row + 1}"


class Driver:
    def __init__(self, pipe):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise RuntimeError("soffice did not answer")
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)
        self.toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        self.doc = None

    # -- documents -------------------------------------------------------------------------------
    def open(self, path, hidden=True, sheet=None, cell="A1"):
        """Open ``path``, then close the others (on screen, soffice quits with its last
        window)."""
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                (prop("Hidden", hidden),))
        self.close(keep=doc)
        self.doc = doc
        if sheet:
            self.select(sheet, cell)
        return True

    def select(self, sheet, cell):
        s = self.doc.getSheets().getByName(sheet)
        controller = self.doc.getCurrentController()
        controller.setActiveSheet(s)
        controller.select(s.getCellRangeByName(cell))
        return True

    def close(self, keep=None):
        """Close every document but ``keep`` (a press may have opened one: Tạo sổ mới)."""
        for c in list(self._components()):
            if c == keep:
                continue
            try:
                c.close(True)
            except Exception:
                pass
        self.doc = None
        return True

    def _components(self):
        e = self.desktop.getComponents().createEnumeration()
        while e.hasMoreElements():
            yield e.nextElement()

    def press(self, function, text=None):
        frame = self.doc.getCurrentController().getFrame()
        url = f"vnd.doithoai:{function}"
        args = (prop("Text", text),) if text is not None else ()
        result = self.helper.executeDispatch(frame, url, "", 0, args)
        for c in list(self._components()):      # what the press opened (not the registry)
            if c != self.doc:
                c.close(True)
        result = getattr(result, "Result", result)     # LibreOffice 7.4 returns the event
        return json.loads(result) if isinstance(result, str) else None

    def apply(self, changes):
        """Changes written by the extension's own code (office/doithoai_calc.py), run here."""
        office = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "addin",
                              "doithoai", "libreoffice", "office")
        if office not in sys.path:
            sys.path.insert(0, office)
        import doithoai_calc
        doithoai_calc.apply_changes(self.doc, changes)
        return True

    def new_sheet(self, name):
        """An empty sheet without any format (appended to the open document)."""
        sheets = self.doc.getSheets()
        sheets.insertNewByName(name, sheets.getCount())
        return True

    def note(self, sheet, ref, text):
        """A note typed by the clerk."""
        s = self.doc.getSheets().getByName(sheet)
        address = s.getCellRangeByName(ref).getCellAddress()
        s.getAnnotations().insertNew(address, text)
        return True

    def store(self, path):
        self.doc.storeToURL(uno.systemPathToFileUrl(path),
                            (prop("FilterName", "Calc MS Excel 2007 XML"),))
        return True

    # -- what the document holds ---------------------------------------------------------------------
    def state(self, sheets=None):
        """Every sheet (or those named) as the comparison reads it."""
        nd = self.doc.NullDate
        null = dt.date(nd.Year, nd.Month, nd.Day)
        tables = {}
        for name in self.doc.DatabaseRanges.getElementNames():
            area = self.doc.DatabaseRanges.getByName(name).getDataArea()
            tables[area.Sheet] = [a1(area.StartColumn, area.StartRow),
                                  a1(area.EndColumn, area.EndRow)]
        out = {}
        all_sheets = self.doc.getSheets()
        for index in range(all_sheets.getCount()):
            sheet = all_sheets.getByIndex(index)
            if sheets is None or sheet.getName() in sheets:
                out[sheet.getName()] = self.sheet_state(sheet, null, tables.get(index))
        return out

    def sheet_state(self, sheet, null, table):
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        rows = used.getDataArray()
        cells = {}
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v != "":
                    cells[a1(c, r)] = v
        for addr in sheet.queryContentCells(DATETIME).getRangeAddresses():
            for r in range(addr.StartRow, addr.EndRow + 1):
                for c in range(addr.StartColumn, addr.EndColumn + 1):
                    ref = a1(c, r)
                    if isinstance(cells.get(ref), float):
                        cells[ref] = serial_text(cells[ref], null)
        for addr in sheet.queryContentCells(FORMULA).getRangeAddresses():
            block = sheet.getCellRangeByPosition(addr.StartColumn, addr.StartRow,
                                                 addr.EndColumn, addr.EndRow).getFormulaArray()
            for i, row in enumerate(block):
                for j, f in enumerate(row):
                    cells[a1(addr.StartColumn + j, addr.StartRow + i)] = f
        notes = {}
        annotations = sheet.getAnnotations()
        for i in range(annotations.getCount()):
            a = annotations.getByIndex(i)
            p = a.getPosition()
            notes[a1(p.Column, p.Row)] = a.getString()
        return {"cells": cells, "notes": notes, "marks": self.marks(sheet, end),
                "hidden": self.hidden_rows(used, end.EndRow), "table": table}

    def marks(self, sheet, end):
        out = {}
        ranges = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        formats = ranges.getUniqueCellFormatRanges()
        for i in range(formats.getCount()):
            group = formats.getByIndex(i)
            colour = MARK_COLOURS.get(group.CellBackColor)
            if colour is None:
                continue
            for addr in group.getRangeAddresses():
                for r in range(addr.StartRow, addr.EndRow + 1):
                    for c in range(addr.StartColumn, addr.EndColumn + 1):
                        out[a1(c, r)] = colour
        return out

    def hidden_rows(self, used, last_row):
        visible = set()
        for addr in used.queryVisibleCells().getRangeAddresses():
            visible.update(range(addr.StartRow, addr.EndRow + 1))
        return [r + 1 for r in range(last_row + 1) if r not in visible]

    def where(self):
        """(sheet, first cell) of the selection, as the clerk sees it."""
        controller = self.doc.getCurrentController()
        sel = controller.getSelection()
        cell = a1(sel.getRangeAddress().StartColumn, sel.getRangeAddress().StartRow) \
            if hasattr(sel, "getRangeAddress") else None
        return [controller.getActiveSheet().getName(), cell]

    def cells(self, sheet, refs):
        s = self.doc.getSheets().getByName(sheet)
        out = {}
        for ref in refs:
            cell = s.getCellRangeByName(ref)
            out[ref] = {"colour": "%06X" % (cell.CellBackColor & 0xFFFFFF)
                        if cell.CellBackColor != -1 else None,
                        "note": cell.getAnnotation().getString(), "text": cell.getString()}
        return out

    # -- the screen, through the accessibility tree ------------------------------------------------
    def _find(self, acc, pred, depth=0, skip=SKIP_ROLES):
        c = acc.getAccessibleContext()
        if pred(c):
            return c
        if depth > 9 or c.getAccessibleRole() in skip:
            return None
        for i in range(c.getAccessibleChildCount()):
            found = self._find(c.getAccessibleChild(i), pred, depth + 1, skip)
            if found is not None:
                return found
        return None

    def toolbar(self, name):
        window = self.doc.getCurrentController().getFrame().getContainerWindow()
        bar = self._find(window, lambda c: c.getAccessibleRole() == ROLE_TOOL_BAR
                         and c.getAccessibleName() == name)
        return self._children(bar) if bar is not None else None

    def menubar(self):
        window = self.doc.getCurrentController().getFrame().getContainerWindow()
        bar = self._find(window, lambda c: c.getAccessibleRole() == ROLE_MENU_BAR)
        return self._children(bar) if bar is not None else None

    @staticmethod
    def _children(parent):
        out = []
        for i in range(parent.getAccessibleChildCount()):
            c = parent.getAccessibleChild(i).getAccessibleContext()
            p, s = c.getLocationOnScreen(), c.getSize()
            out.append({"role": c.getAccessibleRole(), "name": c.getAccessibleName(),
                        "x": p.X + s.Width // 2, "y": p.Y + s.Height // 2,
                        "width": s.Width, "height": s.Height})
        return out

    def cell_on_screen(self, sheet, ref, select=None):
        """Where a cell of the active sheet is on screen (its centre), through the sheet's
        accessible table, once ``select`` (default: the cell itself) is selected."""
        self.select(sheet, select or ref)
        col, row = _position(ref)
        window = self.doc.getCurrentController().getFrame().getContainerWindow()
        table = self._find(window, lambda c: c.getAccessibleRole() == 58, skip=(58,))
        cell = table.getAccessibleCellAt(row, col).getAccessibleContext()
        p, s = cell.getLocationOnScreen(), cell.getSize()
        return {"x": p.X + s.Width // 2, "y": p.Y + s.Height // 2}

    def popup(self, menu=None, timeout=10):
        """The items of a menu open on screen: the menu bar's ``menu``, else a drop-down's
        list (a popup window of its own)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            items = self._menu_items(menu) if menu else self._popup_items()
            if items:
                return items
            time.sleep(0.2)
        return None

    def _popup_items(self):
        for i in range(self.toolkit.getTopWindowCount()):
            w = self.toolkit.getTopWindow(i)
            c = w.getAccessibleContext() if w is not None and w.isVisible() else None
            if c is not None and c.getAccessibleRole() in (ROLE_POPUP_MENU, ROLE_MENU):
                return self._children(c)
        return None

    def _menu_items(self, name):
        window = self.doc.getCurrentController().getFrame().getContainerWindow()
        bar = self._find(window, lambda c: c.getAccessibleRole() == ROLE_MENU_BAR)
        for i in range(bar.getAccessibleChildCount()):
            m = bar.getAccessibleChild(i).getAccessibleContext()
            if m.getAccessibleName().replace("~", "") == name:
                items = [i for i in self._children(m) if i["width"] > 0]
                return items or None
        return None

    def dialog(self, timeout=120):
        """The texts of the first dialog on screen (waits for one): its text and buttons."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i in range(self.toolkit.getTopWindowCount()):
                w = self.toolkit.getTopWindow(i)
                c = w.getAccessibleContext() if w is not None else None
                if c is not None and c.getAccessibleRole() == ROLE_DIALOG and w.isVisible():
                    return {"title": c.getAccessibleName(), "texts": self._texts(c)}
            time.sleep(0.2)
        return None

    def _texts(self, context, depth=0):
        out = []
        for i in range(context.getAccessibleChildCount()):
            c = context.getAccessibleChild(i).getAccessibleContext()
            text = c.getAccessibleName()
            try:
                text = c.getText() or text            # XAccessibleText (an edit field)
            except AttributeError:
                pass
            if text:
                out.append({"role": c.getAccessibleRole(), "text": text})
            if depth < 4:
                out += self._texts(c, depth + 1)
        return out

    def dialogs_open(self):
        windows = [self.toolkit.getTopWindow(i) for i in range(self.toolkit.getTopWindowCount())]
        return sum(1 for w in windows if w is not None and w.isVisible()
                   and w.getAccessibleContext() is not None
                   and w.getAccessibleContext().getAccessibleRole() == ROLE_DIALOG)


def _position(ref):
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col - 1, int(ref[len(letters):]) - 1


def serial_text(value, null):
    """A date or time cell as the comparison reads it: ISO date, HH:MM, or both."""
    if 0 <= value < 1:
        seconds = round(value * 86400)
        return "%02d:%02d" % (seconds // 3600, seconds % 3600 // 60)
    moment = dt.datetime.combine(null, dt.time()) + dt.timedelta(days=value)
    moment = (moment + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
    return moment.date().isoformat() if moment.time() == dt.time() else \
        moment.strftime("%Y-%m-%d %H:%M")


def main(pipe):
    driver = Driver(pipe)
    print(json.dumps({"ok": "ready"}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        op = command.pop("op")
        try:
            answer = {"ok": getattr(driver, op)(**command)}
        except Exception as exc:
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(answer, ensure_ascii=True), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
