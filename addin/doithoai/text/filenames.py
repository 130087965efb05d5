"""The one sanitiser for names built from what a clerk typed (a plan's code, a village, a
person, the documents folder): whatever the cell says, the result is a single file or folder
name that stays where it is put and opens on Windows.

No separator (``/``, ``\\``), no ``..``, none of Windows' reserved characters or names (CON,
NUL, COM1…), no control character, no leading or trailing space or dot, bounded length.
"""
from __future__ import annotations

import os
import re

_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | \
    {f"LPT{i}" for i in range(1, 10)}


def safe_name(text: str, *, limit: int = 80, fallback: str = "van-ban") -> str:
    """``text`` as one path component (see the module's rules); ``fallback`` if nothing is left."""
    name = _BAD.sub("-", str(text or ""))
    while ".." in name:
        name = name.replace("..", ".")
    name = name.strip(" .-")[:limit].rstrip(" .-")
    if not name:
        return fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name


def safe_file(stem: str, suffix: str, *, limit: int = 80, fallback: str = "van-ban") -> str:
    """A file name: the sanitised ``stem`` and its ``suffix`` (".docx", ".xlsx")."""
    return safe_name(stem, limit=limit, fallback=fallback) + suffix


def documents_folder(beside: str, typed: str | None) -> str:
    """The registry's Thư mục văn bản: the folder Cấu hình names (``typed``; "van-ban" when
    blank), made safe, beside the registry's own folder ``beside``."""
    return os.path.join(beside, safe_name(typed or "van-ban"))
