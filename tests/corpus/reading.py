"""Documents read back as their signer reads them: paragraphs and table rows, in order.

The saved package's document part is parsed as Word reads it (the text runs of each paragraph
of the body, each table row by row); nothing of the contexts that made it is looked at.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

KIND = re.compile(r"^([A-Z]+)(?:_|\.|$)")


@dataclass
class Table:
    rows: list[list[str]]

    @property
    def header(self) -> list[str]:
        return self.rows[0] if self.rows else []

    def column(self, *names: str) -> int | None:
        """The index of the first column whose header starts with one of ``names``."""
        for i, head in enumerate(self.header):
            if any(head.strip().startswith(n) for n in names):
                return i
        return None

    def body(self) -> list[list[str]]:
        return self.rows[1:]


@dataclass
class Doc:
    path: str                 # relative to the run's folder
    kind: str                 # KH, TB, GM, ...
    merged: bool              # GM_tat-ca: every item of the batch
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    parts: dict[str, bytes] = field(default_factory=dict)   # XML parts, for schema checks

    @property
    def text(self) -> str:
        cells = [" | ".join(r) for t in self.tables for r in t.rows]
        return "\n".join(self.paragraphs + cells)

    def lines(self) -> list[str]:
        """Every line a reader sees: paragraphs, then each paragraph of each table cell (the
        header block, with its date line, is a table)."""
        cells = [line for t in self.tables for r in t.rows for c in r for line in c.split("\n")]
        return self.paragraphs + cells


def _cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                     for p in tc.iter(qn("w:p"))).strip()


def read_docx(path: str, rel: str) -> Doc:
    name = os.path.basename(rel)
    kind = KIND.match(name).group(1)
    doc = Doc(rel, kind, "_tat-ca" in name)
    with zipfile.ZipFile(path) as z:
        doc.parts = {n: z.read(n) for n in z.namelist() if n.endswith(".xml")}
    body = etree.fromstring(doc.parts["word/document.xml"]).find(qn("w:body"))
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text.strip():
                doc.paragraphs.append(text)
        elif child.tag == qn("w:tbl"):
            rows = [[_cell_text(tc) for tc in tr.iterchildren(qn("w:tc"))]
                    for tr in child.iterchildren(qn("w:tr"))]
            doc.tables.append(Table(rows))
    return doc


def read_text(path: str, rel: str) -> Doc:
    kind = KIND.match(os.path.basename(rel)).group(1)
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh.read().splitlines() if line.strip()]
    return Doc(rel, kind, False, lines)


def read_folder(folder: str) -> tuple[list[Doc], list[str]]:
    """Every document under ``folder`` and every file name written there (relative paths)."""
    docs, names = [], []
    for root, _, files in os.walk(folder):
        for f in sorted(files):
            full = os.path.join(root, f)
            rel = os.path.relpath(full, folder)
            names.append(rel)
            if f.endswith(".docx"):
                docs.append(read_docx(full, rel))
            elif f.endswith(".txt"):
                docs.append(read_text(full, rel))
    return docs, names


# What the text says -------------------------------------------------------------------------

DATE_LINE = re.compile(r", ngày\s+(\d{1,2}|\s*)\s+tháng\s+(\d{1,2}|\s*)\s+năm (\d{4})\s*$")
SHORT_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
WEEKDAY_DATE = re.compile(
    r"\b(thứ (Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|[Cc]hủ nhật)\s*,?\s*"
    r"(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


def date_lines(doc: Doc) -> list[tuple[int | None, int | None, int]]:
    """(day, month, year) of each "Nơi, ngày … tháng … năm …" line; blanks as None."""
    out = []
    for p in doc.lines():
        m = DATE_LINE.search(p)
        if m:
            day = int(m.group(1)) if m.group(1).strip() else None
            month = int(m.group(2)) if m.group(2).strip() else None
            out.append((day, month, int(m.group(3))))
    return out


def dates_in(text: str) -> list[dt.date]:
    out = []
    for d, m, y in SHORT_DATE.findall(text):
        try:
            out.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            pass
    return out


def weekday_claims(text: str) -> list[tuple[str, dt.date | None]]:
    """Each "thứ Sáu, ngày 12/06/2026" printed: (the weekday words, the date)."""
    out = []
    for m in WEEKDAY_DATE.finditer(text):
        try:
            d = dt.date(int(m.group(5)), int(m.group(4)), int(m.group(3)))
        except ValueError:
            d = None
        out.append((m.group(1), d))
    return out


def weekday_of(words: str) -> int:
    words = words.lower()
    if words.startswith("chủ"):
        return 6
    rest = words.split(" ", 1)[1]
    return int(rest) - 2 if rest.isdigit() else WEEKDAYS[rest]
