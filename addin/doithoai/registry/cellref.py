"""Cell references as Excel writes them: column letters and A1 addresses (0-based columns)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)      # at most 16,384 columns: every address names one
def column_letter(col: int) -> str:
    """0-based column index to Excel letters (0 → A, 26 → AA)."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """The address of (row, 0-based column): a1(5, 1) → "B5"."""
    return f"{column_letter(col)}{row}"
