"""Opening a spreadsheet from outside: the one way a file shell reads a workbook.

:func:`open_book` runs the package check (files/package.py) and opens the file with
python-calamine; :meth:`Book.grid` reads one sheet from A1, only once that sheet is found within
the limits, and turns the library's errors into refusals. The work overlaps where it safely
can, since python-calamine works without the interpreter's lock and numpy mostly does too:

- python-calamine opens the workbook (shared strings, styles: no sheet) in a thread of its own
  as soon as every part but the sheets has passed the check;
- the sheets are measured in another thread, the smallest first, while the caller already
  reads the small ones (:meth:`Book.sheet_order` gives that order): the large sheet of a
  registry of 50,000 opinions is measured while the others are read.

A sheet is read only after its own verdict; an old .xls or an .ods, which python-calamine
builds whole when it opens them, is checked whole first.
"""
from __future__ import annotations

import io
import os
import threading

from doithoai.files import package
from doithoai.files.zipparts import LIMITS, Limits, PackageDamaged

# python-calamine builds every sheet of these when it opens the file, not when one is asked for.
EAGER = ("xls", "ods")


class NotAWorkbook(Exception):
    """python-calamine could not open the file at all (the reason is found by the caller from
    the file's first bytes); ``str`` is the library's own words, for the log file."""


class _Opening:
    """python-calamine opening the workbook, in a thread once started; ``result`` waits for it
    (or opens now, if it was never started) and gives the workbook or the library's error."""

    def __init__(self, source):
        self.source = source
        self.thread = None
        self.value = None

    def run(self):
        import python_calamine
        try:
            if isinstance(self.source, (bytes, bytearray, memoryview)):
                self.value = python_calamine.CalamineWorkbook.from_filelike(
                    io.BytesIO(bytes(self.source)))
            else:
                self.value = python_calamine.CalamineWorkbook.from_path(os.fspath(self.source))
        except Exception as exc:
            self.value = exc
        return self.value

    def start(self) -> None:
        self.thread = threading.Thread(target=self.run, name="doithoai-open", daemon=True)
        self.thread.start()

    def result(self):
        if self.thread is None:
            return self.run()
        self.thread.join()
        return self.value


class _Measuring:
    """The sheets the check left pending, measured in a thread, the smallest first; ``wait``
    gives a part's verdict (a refusal is raised), or every part's."""

    def __init__(self, source, pkg: package.Package):
        self.events = {info.filename: threading.Event() for info, _ in pkg.pending}
        self.refused: dict[str, BaseException] = {}
        self.thread = threading.Thread(target=self._run, args=(source, pkg),
                                       name="doithoai-sheets", daemon=True)
        self.thread.start()

    def _run(self, source, pkg) -> None:
        try:
            package.measure_pending(pkg, source, self._done)
        except BaseException as exc:       # the file could not be read again: no sheet may be
            for name, event in self.events.items():
                if not event.is_set():
                    self.refused[name] = exc
                    event.set()

    def _done(self, part: str, refusal) -> None:
        if refusal is not None:
            self.refused[part] = refusal
        self.events[part].set()

    def wait(self, part: str | None = None) -> None:
        for name in [part] if part in self.events else list(self.events):
            self.events[name].wait()
            if name in self.refused:
                raise self.refused[name]


class Book:
    """A spreadsheet, its package checked (the sheets perhaps still being measured)."""

    def __init__(self, source, limits: Limits = LIMITS,
                 checked: package.Package | None = None):
        opening = _Opening(source)
        try:
            if checked is not None and checked.stamp is not None and \
                    checked.stamp == package.file_stamp(source):
                pkg = checked                  # checked moments ago, unchanged since
            else:
                pkg = package.check(source, limits, ready=lambda kind: opening.start(),
                                    defer=True)
            if pkg.kind in EAGER:
                for sheet in pkg.extents:
                    pkg.require_within(sheet)
        except BaseException:
            if opening.thread is not None:
                opening.thread.join()          # nothing left running behind a refusal
            raise
        self._package = pkg
        self._measuring = _Measuring(source, pkg) if pkg.pending and pkg is not checked \
            else None
        opened = opening.result()
        if isinstance(opened, Exception):     # calamine raises several kinds for a non-workbook
            raise NotAWorkbook(f"{type(opened).__name__}: {opened}") from opened
        self._book = opened
        self._merged: dict[str, tuple] = {}

    @property
    def package(self) -> package.Package:
        """What the check found, every sheet measured (waits for the last ones); raises the
        refusal of a sheet part, if one was refused, as reading that sheet would."""
        if self._measuring is not None:
            self._measuring.wait()
        return self._package

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheet_names)

    @property
    def metadata(self):
        """python-calamine's sheet metadata (name, type, visibility), None if unavailable."""
        try:
            return list(self._book.sheets_metadata)
        except Exception:
            return None

    def sheet_order(self, names) -> list[str]:
        """``names`` in the order their sheets are measured (the smallest first): reading them
        so, the caller reads while the large ones are still being measured."""
        size = {info.filename: info.file_size for info, _ in self._package.pending}
        parts = self._package.sheet_parts
        return sorted(names, key=lambda n: size.get(parts.get(n, ""), 0))

    def require_within(self, sheet: str) -> None:
        """Refused if ``sheet`` reaches beyond the limits (or its part was refused)."""
        if self._measuring is not None:
            self._measuring.wait(self._package.sheet_parts.get(sheet))
        self._package.require_within(sheet)

    def grid(self, sheet: str, **options) -> list[list]:
        """The sheet's rows from A1 (row 0 = Excel row 1, column 0 = column A); its merged
        ranges are kept for :meth:`merged`."""
        self.require_within(sheet)
        try:
            found = self._book.get_sheet_by_name(sheet)
            rows = found.to_python(skip_empty_area=False, **options)
            self._merged[sheet] = found.merged_cell_ranges or ()
        except Exception as exc:
            raise PackageDamaged(f"trang \"{sheet}\" bị hỏng, không đọc được dữ liệu của nó",
                                 f"{type(exc).__name__}: {exc}") from exc
        return rows

    def merged(self, sheet: str) -> tuple:
        """The merged ranges of a sheet :meth:`grid` read, as python-calamine gives them
        (((first row, first column), (last row, last column)), from 0); () for a sheet not
        read or without any."""
        return tuple(self._merged.get(sheet, ()))


def open_book(source, limits: Limits = LIMITS,
              checked: package.Package | None = None) -> Book:
    """The one way to open a spreadsheet: package.PackageRefused for a hostile or damaged
    package, :class:`NotAWorkbook` for a file that is no workbook at all. ``checked``: this
    file's package as a check of it found it moments ago (the roll-up identifies every input,
    then reads the used ones): not checked again if the file's size and time are the same."""
    return Book(source, limits, checked)
