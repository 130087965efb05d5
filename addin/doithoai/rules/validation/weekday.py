"""The weekday a clerk types beside a date: "Thứ 2", "thứ Hai", "T2", "Chủ nhật", "CN"."""
from __future__ import annotations

import re

from doithoai.registry import parsing

_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "tu": 2, "bốn": 2, "năm": 3, "nam": 3, "sáu": 4,
                  "sau": 4, "bảy": 5, "bay": 5}
WEEKDAY_SHORT = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def parse_weekday(text: str) -> int | None:
    """"Thứ 2", "thứ Hai", "T2", "Chủ nhật", "CN", "(Thứ 6)" → Monday=0 … Sunday=6."""
    t = parsing.normalize_text(text).lower().strip("() .,")
    if t in ("chủ nhật", "chu nhat", "cn", "chủ nhựt"):
        return 6
    m = re.fullmatch(r"(?:thứ|thu|t)\s*\.?\s*([2-7])", t)
    if m:
        return int(m.group(1)) - 2
    m = re.fullmatch(r"(?:thứ|thu)\s+(\w+)", t)
    if m and m.group(1) in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[m.group(1)]
    return None
