"""The Excel shell: the open workbook through xlwings (docs/architecture.md, decision 3).

:class:`ExcelShell` is the :class:`~doithoai.spreadsheet.open_book.OpenWorkbook` of any xlwings
Book: the desktop one (RunPython over COM) and the JSON book of xlwings Server / the tests,
which has no status bar, notes or dialogs (the updates are then only recorded). It reads each
sheet's used range in one bulk call, applies :class:`~doithoai.registry.changes.Changes` with
one write per block, and talks to the clerk with Excel's message box.
"""
from __future__ import annotations

import os
import sys

from doithoai.registry.changes import MARK_FILLS, MARK_PREFIX, Changes
from doithoai.registry.cellref import column_letter
from doithoai.spreadsheet.open_book import TITLE, NotARegistry, OpenWorkbook

__all__ = ["ExcelShell", "NotARegistry", "TITLE"]


class ExcelShell(OpenWorkbook):
    def __init__(self, book):
        super().__init__()
        self.book = book
        self._sheets = {s.name: s for s in book.sheets}

    # -- where is the registry ------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.book.name

    @property
    def folder(self) -> str | None:
        try:
            full = self.book.fullname
        except Exception:
            return None
        folder = os.path.dirname(full)
        return folder if folder and os.path.isdir(folder) else None

    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    # -- reading -------------------------------------------------------------------------------
    def _read(self, sheet_name: str):
        rng = self._sheets[sheet_name].used_range
        values = rng.options(ndim=2, err_to_str=True).value
        if rng.row != 1 or rng.column != 1:   # the grid must start at A1 for cell addresses
            values = [[None] * (rng.column - 1) + list(r) for r in values]
            values = [[None] * len(values[0])] * (rng.row - 1) + values
        return values

    def selection(self) -> tuple[str, int] | None:
        try:
            sel = self.book.selection
            return sel.sheet.name, sel.row
        except Exception:
            return None

    # -- writing -------------------------------------------------------------------------------
    def _write(self, changes: Changes) -> None:
        for block in changes.blocks:
            sheet = self._sheets[block.sheet]
            sheet.range((block.row, block.col + 1)).value = [list(r) for r in block.values]
        for sheet_name, n in changes.table_rows.items():
            sheet = self._sheets[sheet_name]
            tables = list(sheet.tables)
            if not tables:      # converted to a range: the values are written, nothing to grow
                continue
            table = tables[0]
            last = column_letter(table.range.columns.count - 1 + table.range.column - 1)
            table.resize(sheet.range(f"A1:{last}{max(2, n + 1)}"))
        for sheet_name, first, last, hidden in changes.rows_hidden:
            try:
                self._sheets[sheet_name].range((first, 1), (last, 1)).rows.hidden = hidden
            except (NotImplementedError, AttributeError):
                pass        # an engine without row visibility: the values are written anyway
        for sheet_name, ref in changes.unmarks:
            self._unmark(self._sheets[sheet_name].range(ref))
        for m in changes.marks:
            cell = self._sheets[m.sheet].range(m.cell)
            cell.color = "#" + MARK_FILLS[m.severity]
            self._note(cell, m.note)

    def _note(self, cell, text: str) -> None:
        try:
            note = cell.note
            if note is not None:
                note.delete()
            cell.add_note(text)
        except NotImplementedError:   # clients with no notes: the colour and Kiểm tra remain
            pass

    def _unmark(self, cell) -> None:
        try:
            note = cell.note
            text = getattr(note, "text", None) if note is not None else None
        except NotImplementedError:
            note, text = None, None
        if note is not None and text is not None and not text.startswith(MARK_PREFIX):
            return      # the clerk's own note: leave the cell as it is
        cell.color = None
        if note is not None:
            try:
                note.delete()
            except NotImplementedError:
                pass

    def has_password(self) -> bool:
        """Whether the open workbook is saved with a password (Excel's Workbook.HasPassword,
        over COM on Windows); False where the client cannot say (the JSON book, the web)."""
        try:
            return bool(self.book.api.HasPassword)
        except Exception:
            return False

    # -- talking to the clerk --------------------------------------------------------------------
    def _show_status(self, text: str | None) -> None:
        try:
            self.book.app.status_bar = text if text is not None else False
        except (NotImplementedError, AttributeError):
            pass

    def _show_message(self, text: str) -> None:
        self.book.app.alert(text, title=TITLE)

    def ask(self, text: str) -> bool | None:
        try:
            answer = self.book.app.alert(text, title=TITLE, buttons="yes_no")
        except NotImplementedError:
            return None
        return answer == "yes" if isinstance(answer, str) else None

    def open_workbook(self, path: str) -> bool:
        try:
            self.book.app.books.open(path)
            return True
        except Exception:   # the JSON book and web clients cannot open files
            return False

    def show_folder(self, path: str) -> bool:
        if sys.platform.startswith("win"):
            os.startfile(path)  # noqa: S606 (a folder the product created)
            return True
        return False

    def pick_files(self, title: str, folder: str | None) -> list[str] | None:
        """Excel's own Open dialog (several files); None where the client has none."""
        try:
            picked = self.book.app.api.GetOpenFilename(
                "Excel (*.xlsx;*.xls),*.xlsx;*.xls", 1, title, None, True)
        except Exception:
            return None
        if isinstance(picked, (list, tuple)):
            return [str(p) for p in picked]
        return [] if picked is False else None
