"""How a list prints on A4: how many pages across keep it readable, and how tall a row of
wrapped text must be. Used by the registry (files/blank.py), the Front's intake file and the
monitoring and province workbooks (files/printing.py).

A list wider than a page is printed over several pages across, with its header row and its key
column (Mã KH, Mã ý kiến …) repeated on each, at a scale that is never below ``MIN_SCALE``. The
page width is measured in Excel's column units as LibreOffice prints them where Calibri is not
installed (it falls back to DejaVu Sans, whose digits are wider): one unit is 0.0972 inch
(measured: a column of width 10 is 0.972 inch). Excel with Calibri fits about a third more
into the same page, so a page count chosen here is never too few in either program.
"""
from __future__ import annotations

import itertools
import math

INCH_PER_UNIT = 0.0972                    # one column unit as LibreOffice prints it (DejaVu Sans)
PAPER_INCHES = {"portrait": 8.27, "landscape": 11.69}       # A4 width across the page
MIN_SCALE = 0.8     # never smaller: Calibri 11 prints at 8.8 pt at least
BODY_SIZE = 11      # the lists' font size in points


def page_units(orientation: str, margin: float) -> float:
    """Column units across one A4 page at 100% between left and right margins of ``margin``
    inches."""
    return (PAPER_INCHES[orientation] - 2 * margin) / INCH_PER_UNIT


def pages_across(widths: list[float], titles: int, room: float) -> int:
    """Pages across that ``widths`` take when each page holds ``room`` units, the first
    ``titles`` columns repeated at the left of every page after the first. Columns are never
    split: a column that does not fit the rest of a page starts the next one (as Excel and
    LibreOffice break pages)."""
    repeated = sum(widths[:titles])
    pages, used = 1, 0.0
    for width in widths:
        if used and used + width > room:
            pages, used = pages + 1, repeated
        used += width
    return pages


def plan(widths: list[float], orientation: str, margin: float, titles: int = 0,
         min_scale: float = MIN_SCALE) -> tuple[int, float]:
    """(pages across, scale): the fewest pages across at which the columns print at
    ``min_scale`` or larger, and the largest scale (at most 100%) at which they fit that many
    pages; the program told to fit the width to that many pages prints at that scale."""
    units = page_units(orientation, margin)
    pages = pages_across(widths, titles, units / min_scale)
    low, high = min_scale, 1.0                 # fits at low; find the largest that still fits
    if pages_across(widths, titles, units) <= pages:
        return pages, 1.0
    for _ in range(30):
        middle = (low + high) / 2
        if pages_across(widths, titles, units / middle) <= pages:
            low = middle
        else:
            high = middle
    return pages, math.floor(low * 1000) / 1000


def row_height(texts_and_widths: list[tuple[str, float]], size: float = BODY_SIZE,
               bold: bool = False) -> float:
    """Points a row needs for its wrapped cells: words wrapped at about 0.95 characters per
    width unit at 11 pt (0.85 in bold), as LibreOffice prints DejaVu Sans; Calibri in Excel
    needs less."""
    lines = 1
    for text, width in texts_and_widths:
        if text:
            lines = max(lines, _lines(str(text), width, size, bold))
    return _points(lines, size)


def row_heights(rows, widths: list[float], size: float = BODY_SIZE) -> dict[int, float]:
    """:func:`row_height` of each row's texts longer than their column's width, for the rows
    that have any (row offset → points). Worked out column by column, each distinct long text
    once: a list of 50,000 opinions has 27 columns and long texts in a few of them."""
    lines: dict[int, int] = {}
    for values, width in zip(itertools.zip_longest(*rows), widths):
        need = {t: _lines(t, width, size) for t in set(values)
                if t.__class__ is str and len(t) > width}
        if not need:
            continue
        for i, n in enumerate(map(need.get, values)):      # n: a text's lines, at least 1
            if n is not None and n > lines.get(i, 0):
                lines[i] = n
    return {i: _points(n, size) for i, n in lines.items()}


def _lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines ``text`` takes in a column of ``width``, wrapped at spaces as a cell wraps it
    (a word longer than a line is broken), each line break of the text starting a line."""
    per_line = max(1, int(width * (0.85 if bold else 0.95) * 11 / size))
    return sum(_wrapped(part, per_line) for part in text.split("\n"))


def _wrapped(line: str, per_line: int) -> int:
    lines, used = 1, 0
    for word in line.split():
        n = len(word)
        if used and used + 1 + n <= per_line:
            used += 1 + n
            continue
        if used:
            lines += 1
        lines += (n - 1) // per_line          # a word longer than a line runs over more
        used = n - (n - 1) // per_line * per_line
    return lines


def _points(lines: int, size: float) -> float:
    return round(lines * size * 1.35 + 3, 1)
