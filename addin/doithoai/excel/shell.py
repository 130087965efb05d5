"""The Excel shell: the only code that touches the open workbook (docs/architecture.md, decision 3).

It reads each needed table in one bulk call, applies :class:`~doithoai.registry.changes.Changes` with one
write per block, shows progress in the status bar, and talks to the clerk with a message box.
It works on any xlwings Book: the desktop one (RunPython over COM) and the JSON book of xlwings
Server / the tests, which has no status bar (the updates are then only recorded).

Counts of reads and writes are kept so tests can hold the shell to "one read per table, one
write per changed block, whatever the number of rows".
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
from collections import Counter

from doithoai.registry import schema
from doithoai.registry.changes import MARK_FILLS, MARK_PREFIX, Block, Changes
from doithoai.registry.problems import column_letter

TITLE = "Đối thoại"


class NotARegistry(Exception):
    """The active workbook is not a dialogue-conference registry; the message says why."""


class ExcelShell:
    def __init__(self, book):
        self.book = book
        self.reads: Counter = Counter()      # sheet name → bulk reads
        self.writes: Counter = Counter()     # sheet name → bulk value writes
        self.status_log: list[str] = []
        self.messages: list[str] = []
        self._sheets = {s.name: s for s in book.sheets}
        self._grids: dict[str, list] = {}    # read once per press; dropped when written

    # -- where is the registry ------------------------------------------------------------------
    @property
    def folder(self) -> str | None:
        """The registry's folder on disk, or None (a new, unsaved or web workbook)."""
        try:
            full = self.book.fullname
        except Exception:
            return None
        folder = os.path.dirname(full)
        return folder if folder and os.path.isdir(folder) else None

    def require_registry(self) -> None:
        missing = [s.name for s in schema.SHEETS
                   if s.role in ("data", "config", "lookup") and s.name not in self._sheets]
        if len(missing) == len([s for s in schema.SHEETS if s.role in ("data", "config",
                                                                      "lookup")]):
            raise NotARegistry(
                f"Sổ \"{self.book.name}\" không phải là sổ theo dõi hội nghị đối thoại (không có "
                "trang Kế hoạch, Đại biểu, Ý kiến...). Hãy mở đúng sổ, hoặc bấm Tạo sổ mới.")
        if missing:
            raise NotARegistry(
                f"Sổ \"{self.book.name}\" thiếu trang: {', '.join(missing)}. Không đổi tên hay "
                "xóa các trang của sổ; hãy lấy lại trang đó từ sổ mẫu (Tạo sổ mới) rồi bấm lại.")

    # -- reading -------------------------------------------------------------------------------
    def grid(self, sheet_name: str):
        """The sheet's used range from A1 as a list of rows: one bulk read per press.

        The used range, not the Excel Table: a table converted to a range reads the same, and
        a clerk's text below the table counts when rows are appended after the last one."""
        if sheet_name in self._grids:
            return self._grids[sheet_name]
        sheet = self._sheets.get(sheet_name)
        if sheet is None:
            return None
        self.reads[sheet_name] += 1
        rng = sheet.used_range
        values = rng.options(ndim=2, err_to_str=True).value
        if rng.row != 1 or rng.column != 1:   # the grid must start at A1 for cell addresses
            values = [[None] * (rng.column - 1) + list(r) for r in values]
            values = [[None] * len(values[0])] * (rng.row - 1) + values
        self._grids[sheet_name] = values
        return values

    def grids(self, names) -> dict:
        out = {}
        for name in names:
            g = self.grid(name)
            if g is not None:
                out[name] = g
        return out

    def selection(self) -> tuple[str, int] | None:
        """(sheet name, row) of the clerk's selection."""
        try:
            sel = self.book.selection
            return sel.sheet.name, sel.row
        except Exception:
            return None

    # -- writing -------------------------------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        for block in changes.blocks:
            sheet = self._sheets[block.sheet]
            sheet.range((block.row, block.col + 1)).value = [list(r) for r in block.values]
            self.writes[block.sheet] += 1
            self._grids.pop(block.sheet, None)
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

    def log(self, action: str, result: str, files: str = "", releases=()) -> None:
        """Append a row to Nhật ký, and one per release of personal data (registry.personal
        .Release), in one write (one read of its table, one resize)."""
        name = schema.LOG.name
        if name in self._sheets:
            self.apply(log_changes(self.grid(name), action, result, files, releases))

    def has_password(self) -> bool:
        """Whether the open workbook is saved with a password (Excel's Workbook.HasPassword,
        over COM on Windows); False where the client cannot say (the JSON book, the web)."""
        try:
            return bool(self.book.api.HasPassword)
        except Exception:
            return False

    # -- talking to the clerk --------------------------------------------------------------------
    def status(self, text: str | None) -> None:
        """Show ``text`` in Excel's status bar; None gives the bar back to Excel."""
        self.status_log.append(text)
        try:
            self.book.app.status_bar = text if text is not None else False
        except (NotImplementedError, AttributeError):
            pass

    def message(self, text: str) -> None:
        self.messages.append(text)
        self.book.app.alert(text, title=TITLE)

    def ask(self, text: str) -> bool | None:
        """A yes/no question; None where the client cannot answer synchronously."""
        try:
            answer = self.book.app.alert(text, title=TITLE, buttons="yes_no")
        except NotImplementedError:
            return None
        return answer == "yes" if isinstance(answer, str) else None



def log_changes(grid, action: str, result: str, files: str, releases) -> Changes:
    """The Nhật ký rows of a button press, below the sheet's last used row."""
    last = max([1] + [i + 1 for i, r in enumerate(grid) if any(v not in (None, "") for v in r)])
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    now = dt.datetime.now().strftime("%d/%m/%Y %H:%M")
    rows = [{"time": now, "user": user, "action": action, "result": result[:500],
             "files": files}]
    rows += [{"time": now, "user": user, "action": action, "result": r.summary()[:500],
              "files": files, **r.fields()} for r in releases]
    values = log_lines(grid[0] if grid else [], rows)
    changes = Changes()
    changes.blocks.append(Block(schema.LOG.name, last + 1, 0, values))
    changes.table_rows[schema.LOG.name] = last - 1 + len(values)
    return changes


def log_lines(header, rows: list[dict]) -> tuple[tuple, ...]:
    """Nhật ký rows (by key) as lines of cells, each column where ``header`` has it; a Nhật ký
    made before 0.4 keeps its first five columns in their places and lacks the others."""
    headers = [str(v).strip() if v is not None else "" for v in header]
    where = {c.key: headers.index(c.header) if c.header in headers else
             (i if i < 5 else None) for i, c in enumerate(schema.LOG.columns)}
    width = max(i for i in where.values() if i is not None) + 1
    lines = []
    for row in rows:
        line = [None] * width
        for key, i in where.items():
            if i is not None:
                line[i] = row.get(key)
        lines.append(tuple(line))
    return tuple(lines)
