"""The open workbook as the buttons see it (architecture.md, decision 4).

:class:`OpenWorkbook` holds what every spreadsheet program shares: one bulk read per sheet
per press (kept until the sheet is written), the refusal of a workbook that is not a registry,
the Nhật ký row, and the counts tests hold the shells to ("one read per table, one write per
changed block, whatever the number of rows"). A program's shell supplies the primitives: read
a sheet's used range from A1, apply :class:`~doithoai.registry.changes.Changes` in bulk, the
selection, the status bar, a message, a yes/no question, opening a file or a folder, and a
file dialog.

Grids hold what a spreadsheet program hands Python: text, numbers, booleans, None, and dates
as the program gives them (``datetime`` from Excel and LibreOffice, ISO text from xlwings'
JSON book); :func:`doithoai.files.reader.registry_from_grids` reads every one of them.
"""
from __future__ import annotations

from collections import Counter

from doithoai.registry import logbook, schema
from doithoai.registry.changes import Block, Changes

TITLE = "Đối thoại"


class NotARegistry(Exception):
    """The active workbook is not a dialogue-conference registry; the message says why."""


class OpenWorkbook:
    """The workbook the clerk has open, as one interface for every program's shell."""

    #: How the clerk follows a link of the Kiểm tra sheet in this program: a click in Excel.
    FOLLOW_LINK = "bấm vào địa chỉ ô"

    def __init__(self):
        self.reads: Counter = Counter()      # sheet name → bulk reads
        self.writes: Counter = Counter()     # sheet name → bulk value writes
        self.status_log: list[str | None] = []
        self.messages: list[str] = []
        self._grids: dict[str, list] = {}    # read once per press; dropped when written

    # -- what a program's shell supplies ----------------------------------------------------------
    @property
    def name(self) -> str:
        """The workbook's file name (or the title of an unsaved one)."""
        raise NotImplementedError

    @property
    def folder(self) -> str | None:
        """The registry's folder on disk, or None (a new, unsaved or web workbook)."""
        raise NotImplementedError

    def sheet_names(self) -> list[str]:
        raise NotImplementedError

    def _read(self, sheet_name: str) -> list[list]:
        """The sheet's used range from A1, as rows of values (one bulk call)."""
        raise NotImplementedError

    def _write(self, changes: Changes) -> None:
        """Apply ``changes`` to the open workbook, one write per block."""
        raise NotImplementedError

    def selection(self) -> tuple[str, int] | None:
        """(sheet name, row) of the clerk's selection."""
        raise NotImplementedError

    def _show_status(self, text: str | None) -> None:
        raise NotImplementedError

    def _show_message(self, text: str) -> None:
        raise NotImplementedError

    def ask(self, text: str) -> bool | None:
        """A yes/no question; None where nobody can answer (a hidden or web workbook)."""
        raise NotImplementedError

    def open_workbook(self, path: str) -> bool:
        """Open ``path`` in the program; False where it cannot."""
        return False

    def has_password(self) -> bool:
        """Whether the open workbook is saved with a password; False where the program cannot
        say (then a file made from it with citizens' names gets no password of its own)."""
        return False

    def show_folder(self, path: str) -> bool:
        """Show ``path`` in the file manager; False where it cannot."""
        return False

    def pick_files(self, title: str, folder: str | None) -> list[str] | None:
        """Workbooks the clerk picks in the program's own dialog ([] when cancelled); None where
        the program shows no dialog here."""
        return None

    # -- shared by every program ------------------------------------------------------------------
    def has_sheet(self, sheet_name: str) -> bool:
        return sheet_name in self.sheet_names()

    def require_registry(self) -> None:
        present = set(self.sheet_names())
        needed = [s.name for s in schema.SHEETS if s.role in ("data", "config", "lookup")]
        missing = [n for n in needed if n not in present]
        if len(missing) == len(needed):
            raise NotARegistry(
                f"Sổ \"{self.name}\" không phải là sổ theo dõi hội nghị đối thoại (không có "
                "trang Kế hoạch, Đại biểu, Ý kiến...). Hãy mở đúng sổ, hoặc bấm Tạo sổ mới.")
        if missing:
            raise NotARegistry(
                f"Sổ \"{self.name}\" thiếu trang: {', '.join(missing)}. Không đổi tên hay "
                "xóa các trang của sổ; hãy lấy lại trang đó từ sổ mẫu (Tạo sổ mới) rồi bấm lại.")

    def grid(self, sheet_name: str):
        """The sheet's used range from A1 as a list of rows: one bulk read per press.

        The used range, not the table: a table converted to a range reads the same, and a
        clerk's text below the table counts when rows are appended after the last one."""
        if sheet_name in self._grids:
            return self._grids[sheet_name]
        if not self.has_sheet(sheet_name):
            return None
        self.reads[sheet_name] += 1
        self._grids[sheet_name] = self._read(sheet_name)
        return self._grids[sheet_name]

    def grids(self, names) -> dict:
        out = {}
        for name in names:
            g = self.grid(name)
            if g is not None:
                out[name] = g
        return out

    def apply(self, changes: Changes) -> None:
        self._write(changes)
        for block in changes.blocks:
            self.writes[block.sheet] += 1
            self._grids.pop(block.sheet, None)

    def log(self, action: str, result: str, files: str = "", releases=()) -> None:
        """Append the Nhật ký rows of ``action`` (:mod:`doithoai.registry.logbook`: one, and one
        more per further release of personal data) below the sheet's last used row: one read
        of its sheet, one write, one table resize."""
        name = schema.LOG.name
        if not self.has_sheet(name):
            return
        grid = self.grid(name) or []
        last = max([1] + [i + 1 for i, r in enumerate(grid)
                          if any(v not in (None, "") for v in r)])
        values = logbook.lines(grid[0] if grid else [], logbook.rows(action, result, files,
                                                                     releases))
        changes = Changes()
        changes.blocks.append(Block(name, last + 1, 0, values))
        changes.table_rows[name] = last - 1 + len(values)
        self.apply(changes)

    def status(self, text: str | None) -> None:
        """Show ``text`` in the program's status bar; None gives the bar back."""
        self.status_log.append(text)
        self._show_status(text)

    def message(self, text: str) -> None:
        self.messages.append(text)
        self._show_message(text)
