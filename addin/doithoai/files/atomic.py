"""Writing files so that a crash never leaves a half-written one."""
from __future__ import annotations

import os
import tempfile
from typing import Callable


def write_atomic(path: str | os.PathLike, write: Callable[[str], None], suffix: str) -> None:
    """``write(tmp)`` fills a temporary file beside ``path``, which is then renamed onto it.

    On any failure the temporary file is removed and ``path`` is left as it was.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_bytes_atomic(path: str | os.PathLike, data: bytes, suffix: str) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    write_atomic(path, write, suffix)


def save_atomic(wb, path: str | os.PathLike) -> None:
    """Save an openpyxl workbook through a temporary file beside ``path``, then rename."""
    write_atomic(path, wb.save, ".xlsx")


def free_path(path: str) -> str:
    """``path``, or "name (2).ext", "name (3).ext"… if it exists: nothing is ever replaced."""
    base, ext = os.path.splitext(path)
    n = 2
    while os.path.exists(path):
        path = f"{base} ({n}){ext}"
        n += 1
    return path
