"""The LibreOffice shell: the open document in LibreOffice Calc, as the buttons see it.

:class:`LibreOfficeShell` is the :class:`~doithoai.spreadsheet.open_book.OpenWorkbook` of
``doithoai lo-press``: every primitive is a request over :mod:`.protocol` to the extension
that started this process, which reads the sheets (one ``getDataArray`` per sheet), applies the
changes in bulk, and shows the status bar, messages and questions in LibreOffice.
"""
from __future__ import annotations

import datetime as dt

from doithoai.libreoffice.protocol import Channel, decode_grid, encode_changes
from doithoai.registry.changes import Changes
from doithoai.spreadsheet.open_book import OpenWorkbook


class LibreOfficeShell(OpenWorkbook):
    #: Calc follows a link only on Ctrl and a click on its text (Tools ▸ Options ▸ Security, on
    #: by default); a plain click selects the cell.
    FOLLOW_LINK = "giữ phím Ctrl và bấm vào chữ ghi địa chỉ ô"

    def __init__(self, channel: Channel, book: dict):
        super().__init__()
        self.channel = channel
        self.book = book
        self.null_date = dt.date.fromisoformat(book.get("null_date") or "1899-12-30")

    @classmethod
    def connect(cls, channel: Channel) -> "LibreOfficeShell":
        """The shell of the document whose hello the office sends first."""
        return cls(channel, channel.receive()["book"])

    @property
    def name(self) -> str:
        return self.book.get("name") or "Sổ"

    @property
    def folder(self) -> str | None:
        return self.book.get("folder") or None

    def sheet_names(self) -> list[str]:
        return list(self.book.get("sheets") or [])

    def has_password(self) -> bool:
        return bool(self.book.get("password"))

    def grids(self, names) -> dict:
        """Every sheet not read yet in one request (one getDataArray per sheet)."""
        wanted = [n for n in names if n not in self._grids and self.has_sheet(n)]
        if wanted:
            sent = self.channel.request("read", sheets=wanted)
            for n in wanted:
                self.reads[n] += 1
                self._grids[n] = decode_grid(sent[n], self.null_date)
        return super().grids(names)

    def _read(self, sheet_name: str):
        sent = self.channel.request("read", sheets=[sheet_name])
        return decode_grid(sent[sheet_name], self.null_date)

    def _write(self, changes: Changes) -> None:
        self.channel.request("apply", changes=encode_changes(changes))

    def selection(self) -> tuple[str, int] | None:
        sel = self.book.get("selection")
        return (sel[0], int(sel[1])) if sel else None

    def _show_status(self, text: str | None) -> None:
        self.channel.request("status", text=text)

    def _show_message(self, text: str) -> None:
        self.channel.request("message", text=text)

    def ask(self, text: str) -> bool | None:
        return self.channel.request("ask", text=text)

    def open_workbook(self, path: str) -> bool:
        return bool(self.channel.request("open", path=path))

    def show_folder(self, path: str) -> bool:
        return bool(self.channel.request("show_folder", path=path))

    def pick_files(self, title: str, folder: str | None) -> list[str] | None:
        return self.channel.request("pick_files", title=title, folder=folder)
