"""Writing files so that a crash never leaves a half-written one."""
from __future__ import annotations

import os
import secrets
from typing import Callable


# Temporary files being written now, and the files finished in this run: an interrupted
# command removes the first (see doithoai.cli.signals) and reports the second.
PENDING: set[str] = set()
FINISHED: list[str] = []


def _ordinary_mode() -> int:
    """The permissions an ordinary save gets (0666 less the umask), not mkstemp's 0600."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | os.PathLike, write: Callable[[str], None], suffix: str) -> None:
    """``write(tmp)`` fills a temporary file beside ``path``, which is then renamed onto it.

    On any failure, a signal included (it arrives as an exception: doithoai.cli.signals), the
    temporary file is removed and ``path`` is left as it was.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = _new_temporary(folder, suffix)
    try:
        write(tmp)
        os.chmod(tmp, _ordinary_mode())
        os.replace(tmp, path)
        FINISHED.append(path)
    finally:
        remove_pending(tmp)


def _new_temporary(folder: str, suffix: str) -> str:
    """An empty new file ".~<random><suffix>" in ``folder``, registered as pending *before* it
    exists, so that a signal arriving at any moment leaves nothing behind."""
    while True:
        tmp = os.path.join(folder, f".~{secrets.token_hex(6)}{suffix}")
        PENDING.add(tmp)
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return tmp
        except FileExistsError:
            PENDING.discard(tmp)


def can_write_in(folder: str) -> bool:
    """Whether a new file can be made in ``folder``, found by making one (and removing it):
    permissions alone do not tell (root is allowed everywhere, yet nothing can be written
    into /proc or onto a read-only disk)."""
    try:
        tmp = _new_temporary(folder, ".tmp")
    except OSError:
        return False
    remove_pending(tmp)
    return True


def remove_pending(tmp: str | None = None) -> None:
    """Remove ``tmp`` (or every pending temporary file) if it is still there."""
    for name in [tmp] if tmp else list(PENDING):
        PENDING.discard(name)
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass


def write_bytes_atomic(path: str | os.PathLike, data: bytes, suffix: str) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    write_atomic(path, write, suffix)


# The attribute under which an openpyxl workbook keeps the long lists that files.listrows
# writes into it when it saves it: such a workbook is saved by listrows, never by a plain save.
LISTS = "doithoai_lists"


def _plain(wb):
    """``wb.save``, refused for a workbook with lists (it would write them empty)."""
    if getattr(wb, LISTS, None):
        raise ValueError("a workbook with announced lists is saved by files.listrows")
    return wb.save


def save_atomic(wb, path: str | os.PathLike) -> None:
    """Save an openpyxl workbook through a temporary file beside ``path``, then rename."""
    write_atomic(path, _plain(wb), ".xlsx")


def free_path(path: str) -> str:
    """``path``, or "name (2).ext", "name (3).ext"… if it exists (a name to propose; a file is
    written under it with :func:`write_new`, which claims the name)."""
    base, ext = os.path.splitext(path)
    n = 2
    while os.path.lexists(path):
        path = f"{base} ({n}){ext}"
        n += 1
    return path


def claim(path: str, next_free: bool = True) -> str:
    """A free name at ``path`` ("name (2).ext"… when taken; FileExistsError without
    ``next_free``), made as an empty file by an exclusive create: two commands writing to one
    name at the same moment each get their own (the second, "name (2)"), never one file for
    both. The empty file is pending (removed if the command stops) until :func:`write_atomic`
    puts the written one in its place."""
    base, ext = os.path.splitext(os.fspath(path))
    candidate, n = os.fspath(path), 2
    while True:
        PENDING.add(candidate)
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _ordinary_mode()))
            return candidate
        except FileExistsError:
            PENDING.discard(candidate)
            if not next_free:
                raise
            candidate = f"{base} ({n}){ext}"
            n += 1


def write_new(path: str | os.PathLike, write: Callable[[str], None], suffix: str,
              next_free: bool = True) -> str:
    """Write a new file at ``path`` (or the free name :func:`claim` gives), atomically, never
    replacing a file that exists or that another command is writing; returns where it went."""
    target = claim(os.fspath(path), next_free)
    try:
        write_atomic(target, write, suffix)
    except BaseException:
        remove_pending(target)
        raise
    PENDING.discard(target)
    return target


def save_new(wb, path: str | os.PathLike, next_free: bool = True) -> str:
    """:func:`write_new` for an openpyxl workbook."""
    return write_new(path, _plain(wb), ".xlsx", next_free)
