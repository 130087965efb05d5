"""Watching the disk while a command runs in this process: every file it writes is read back at
the last moment it exists (before it is renamed or removed, and at the end), and any that holds
a decrypted registry or a citizen's phone number in the clear is reported (tests only).

Python's audit hooks (PEP 578) announce every ``open`` for writing, every rename and every
removal before it happens, whatever library does it (zipfile, openpyxl, our atomic writer), so a
temporary file that lived a millisecond is read as it was. An audit hook cannot be removed: one
is installed for the test session, and does nothing unless a :class:`DiskWatch` is active.
"""
from __future__ import annotations

import io
import os
import sys
import zipfile

from doithoai.files import protected

_ACTIVE: list["DiskWatch"] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
REGISTRY_SHEETS = ("Cấu hình", "Ý kiến", "Đại biểu")


def _hook(event, args):
    if not _ACTIVE or _ACTIVE[-1].busy:
        return
    watch = _ACTIVE[-1]
    watch.busy = True
    try:
        if event == "open" and len(args) >= 3 and isinstance(args[0], (str, os.PathLike)):
            path, mode, flags = args[:3]
            writes = (isinstance(flags, int) and flags & _WRITE_FLAGS) or \
                (isinstance(mode, str) and any(c in mode for c in "wax+"))
            if writes:
                watch.written.add(os.path.abspath(os.fspath(path)))
        elif event == "os.rename":
            watch.look(os.fspath(args[0]), "renamed")
        elif event == "os.remove":
            watch.look(os.fspath(args[0]), "removed")
    finally:
        watch.busy = False


sys.addaudithook(_hook)


def findings(data: bytes, secrets: list[str]) -> list[str]:
    """What a file's bytes give away: a plain registry workbook, a compound file that is not an
    encrypted package, or one of ``secrets`` (citizens' phone numbers) in the clear."""
    if data.startswith(protected.OLE_MAGIC):
        return [] if protected.is_encrypted(data) else ["an unencrypted compound file"]
    texts = []
    if data.startswith(protected.ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for name in z.namelist():
                    texts.append(z.read(name).decode("utf-8", "replace"))
                if "xl/workbook.xml" in z.namelist():
                    book = z.read("xl/workbook.xml").decode("utf-8", "replace")
                    if all(f'name="{s}"' in book for s in REGISTRY_SHEETS):
                        return ["a registry workbook in the clear"]
        except (zipfile.BadZipFile, EOFError, OSError, ValueError):
            texts.append(data.decode("utf-8", "replace"))     # half a zip: read it raw
    else:
        texts.append(data.decode("utf-8", "replace"))
    return [f"the phone number {s} in the clear" for s in secrets if any(s in t for t in texts)]


class DiskWatch:
    """``with DiskWatch(roots, secrets) as w:`` run a command; ``w.problems`` lists every file
    under ``roots`` that gave something away, and ``w.written`` every file opened to write."""

    def __init__(self, roots, secrets):
        self.roots = [os.path.abspath(os.fspath(r)) for r in roots]
        self.secrets = list(secrets)
        self.written: set[str] = set()
        self.seen: dict[str, bytes] = {}
        self.problems: list[str] = []
        self.busy = False

    def _under(self, path: str) -> bool:
        path = os.path.abspath(path)
        return any(path == r or path.startswith(r + os.sep) for r in self.roots)

    def look(self, path: str, when: str) -> None:
        path = os.path.abspath(path)
        if not self._under(path) or not os.path.isfile(path):
            return
        with open(path, "rb") as fh:
            data = fh.read()
        self.seen[path] = data
        for f in findings(data, self.secrets):
            self.problems.append(f"{path} ({when}): {f}")

    def __enter__(self):
        _ACTIVE.append(self)
        return self

    def __exit__(self, *exc):
        _ACTIVE.remove(self)
        for path in sorted(self.written):
            self.look(path, "left")
        for root in self.roots:                 # and whatever else is there now
            for folder, _, files in os.walk(root):
                for f in files:
                    self.look(os.path.join(folder, f), "left")
        unseen = [p for p in self.written if self._under(p) and p not in self.seen]
        self.problems += [f"{p}: written and gone without being seen" for p in unseen]
        return False
