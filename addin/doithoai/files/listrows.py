"""Long lists written straight into a saved workbook's sheet XML.

openpyxl builds a Python object per cell and an XML element per cell on saving: for a list of
50,000 opinions over 27 columns (1.35 million cells) that took 25 of the 32 seconds the
monitoring workbook needed. Everything else of a sheet (header row, widths, styles, filter,
conditional formats, print settings, charts) is still built with openpyxl; the list's rows
are only *announced* (:func:`announce`) and written as text into the saved file's sheet part by
:func:`save_atomic`, one string per row.

A workbook with announced lists must be saved by :func:`save`, :func:`save_atomic` or
:func:`save_new`: the lists are kept by the workbook itself (its attribute named
``atomic.LISTS``), and the plain savers of :mod:`.atomic` refuse such a workbook rather than
write it with empty lists.

What a cell becomes: text → a shared string (each distinct text stored once for all the lists,
as Excel itself saves; never a formula, even when it starts with "="), characters XML forbids
removed, an empty text no cell; a number → a number; a date →
its serial with the date style; True/False → a boolean; None → no cell. Styles are the
workbook's registered style indexes, given by the caller: one for dates, one for texts that
wrap, one for every other cell (so that all of a row's cells can be aligned alike).
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import queue
import re
import threading
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from doithoai.files import atomic
from doithoai.registry.cellref import column_letter       # 0-based: 0 → A

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # not allowed in XML 1.0


@dataclass
class ListRows:
    """Rows to be written from ``first_row`` down, each a list of cell values from column A."""
    first_row: int
    rows: list[list]
    date_style: int                     # style index for dates
    wrap_style: int                     # style index for text that wraps
    wraps: list[int] = field(default_factory=list)      # per column: wrap text longer than
    plain_style: int = 0                # style index for any other cell
    heights: dict[int, float] = field(default_factory=dict)   # Excel row → height in points
    emphasis: dict[int, int] = field(default_factory=dict)    # Excel row → its cells' style

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1


def announce(ws, rows: ListRows) -> None:
    """``rows`` belong to sheet ``ws``: written there when the workbook is saved. The sheet's
    own cells (openpyxl's) may stand above and below them, never on their rows. (Kept by the
    workbook, under the sheet's id: the sheet refers to its workbook, and a workbook holding
    its sheets' lists by the sheets themselves would be a cycle the add-in's long-lived
    process frees only on a collection.)"""
    lists = getattr(ws.parent, atomic.LISTS, None)
    if lists is None:
        lists = {}
        setattr(ws.parent, atomic.LISTS, lists)
    lists[id(ws)] = rows


def announced(wb) -> bool:
    return bool(getattr(wb, atomic.LISTS, None))


def _cell(ref: str, value, wrap: str, date: str, other: str, texts: dict) -> str:
    """One cell's XML; ``wrap``, ``date``, ``other``: the style attribute (or "") of a text
    that wraps, of a date, of anything else; ``texts``: the shared texts, text → index."""
    if isinstance(value, str):
        return f'<c r="{ref}"{wrap} t="s"><v>{_shared(value, texts)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{other} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        days = (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}"{date}><v>{days!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}"{date}><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{other}><v>{value!r}</v></c>'
    return _cell(ref, str(value), wrap, date, other, texts)


def _shared(text: str, texts: dict) -> int:
    index = texts.get(text)
    if index is None:
        index = texts[text] = len(texts)
    return index


_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_xml(value: str) -> str:
    """A text as a shared-strings item."""
    text = value
    if _NEEDS_ESCAPE.search(text):
        text = (_FORBIDDEN.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;"))
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<si><t{space}>{text}</t></si>"


def _column_xml(letter: str, values: list, refs: list[str], wrap_at: int, wrapped: str,
                dated: str, plain: str, texts: dict) -> list[str]:
    """One column's cells, one string per row ("" where the cell is empty); ``refs``: the row
    numbers as text; ``wrapped``, ``dated``, ``plain``: the style attributes of a text longer
    than ``wrap_at``, of a date, of anything else. A column of texts or of dates (the most)
    gets each distinct value's end of cell once and one comprehension; a mixed one is written
    cell by cell."""
    kinds = set(map(type, values)) - {type(None)}
    if kinds <= {str} or kinds <= {dt.date}:
        distinct = set(values) - {None, ""}
        if kinds <= {str}:
            for v in distinct - texts.keys():
                texts[v] = len(texts)
            # '"[ wrap style] t="s"><v>index</v></c>' for each distinct text
            ends = {v: f'"{wrapped if len(v) > wrap_at else plain} t="s"><v>{texts[v]}</v></c>'
                    for v in distinct}
        else:
            ends = {v: f'"{dated}><v>{(v - _EXCEL_EPOCH).days}</v></c>' for v in distinct}
        return [f'<c r="{letter}{n}{ends[v]}' if v else "" for n, v in zip(refs, values)]
    return [_cell(f"{letter}{n}", v, wrapped if isinstance(v, str) and len(v) > wrap_at
                  else plain, dated, plain, texts) if v is not None and v != "" else ""
            for n, v in zip(refs, values)]


def rows_xml(lst: ListRows, texts: dict) -> str:
    """The ``<row>`` elements of ``lst``, built column by column; their texts are added to the
    shared ``texts`` (text → index): each distinct text is stored and escaped once, however
    many cells and sheets hold it (a field, a village, an opinion on three sheets)."""
    width = max((len(r) for r in lst.rows), default=0)
    wraps = list(lst.wraps) + [10 ** 9] * (width - len(lst.wraps))
    wrapped, dated = f' s="{lst.wrap_style}"', f' s="{lst.date_style}"'
    plain = f' s="{lst.plain_style}"' if lst.plain_style else ""
    columns = list(itertools.zip_longest(*lst.rows))
    refs = list(map(str, range(lst.first_row, lst.first_row + len(lst.rows))))
    cells = [_column_xml(column_letter(c), list(values), refs, wraps[c], wrapped, dated, plain,
                         texts) for c, values in enumerate(columns)]
    for r, style in lst.emphasis.items():      # a total row: every cell in its own style
        own = f' s="{style}"'
        i = r - lst.first_row
        for c, values in enumerate(columns):
            v = values[i]
            cells[c][i] = _cell(f"{column_letter(c)}{r}", v, own, own, own, texts) \
                if v is not None and v != "" else ""
    out = []
    for r, row in enumerate(zip(*cells), start=lst.first_row):
        height = lst.heights.get(r)
        out.append(f'<row r="{r}" ht="{height}" customHeight="1">' if height else
                   f'<row r="{r}">')
        out.append("".join(row))
        out.append("</row>")
    return "".join(out)


def shared_strings_xml(texts: dict) -> bytes:
    """The shared-strings part holding ``texts`` (text → index, indexes 0..n-1 in order)."""
    items = "".join(map(_text_xml, texts))        # a dict keeps the order indexes were given
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
            f'count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>').encode("utf-8")


_SHEET_DATA = re.compile(r"<sheetData\s*/>|</sheetData>")
_ROW = re.compile(r'<row r="(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*/>')


def _inject(xml: str, lst: ListRows, texts: dict) -> str:
    """The sheet part with ``lst``'s rows among its data (openpyxl wrote the rows above and
    below them: the header, a title, a note) and its dimension covering them."""
    body = rows_xml(lst, texts)
    m = _SHEET_DATA.search(xml)
    if m is None:
        raise ValueError("sheet part without sheetData")
    if m.group(0).endswith("/>"):
        xml = xml[:m.start()] + "<sheetData>" + body + "</sheetData>" + xml[m.end():]
    else:       # rows stay in ascending order: the list goes before the first row below it
        at = m.start()
        for row in _ROW.finditer(xml, 0, m.start()):
            number = int(row.group(1))
            if lst.first_row <= number <= lst.last_row:
                raise ValueError(f"row {number} is both a cell row and a list row")
            if number > lst.last_row:
                at = row.start()
                break
        xml = xml[:at] + body + xml[at:]
    last_row = lst.last_row
    width = max((len(r) for r in lst.rows), default=1)

    from openpyxl.utils import column_index_from_string

    def grow(d: re.Match) -> str:
        end_col = d.group(3) or d.group(1)
        end_row = int(d.group(4) or d.group(2))
        cols = max(column_index_from_string(end_col), width)
        return f'<dimension ref="A1:{column_letter(cols - 1)}{max(end_row, last_row)}"/>'
    return _DIMENSION.sub(grow, xml, count=1)


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_parts(data: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its part name, from the workbook part and its relationships (parsed as
    XML: attribute order, quoting and escaped names are the parser's business)."""
    rels = ElementTree.fromstring(data.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(_RELS)}
    book = ElementTree.fromstring(data.read("xl/workbook.xml"))
    parts = {}
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        target = targets[sheet.get(_R_ID)].lstrip("/")
        parts[sheet.get("name")] = target if target.startswith("xl/") else "xl/" + target
    return parts


def save(wb, path: str) -> None:
    """Save ``wb`` to ``path`` with its announced lists written in. The parts are compressed
    by a second thread (zlib lets Python run meanwhile) while the next list is built."""
    from doithoai.files.protected import save_workbook     # openpyxl without temporary files
    lists = getattr(wb, atomic.LISTS, None) or {}
    if not lists:
        save_workbook(wb, path)
        return
    buffer = io.BytesIO()
    save_workbook(wb, buffer)
    texts: dict[str, int] = {}
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        parts = _sheet_parts(src)
        wanted = {parts[ws.title]: lists[id(ws)] for ws in wb.worksheets
                  if id(ws) in lists and ws.title in parts}
        if "xl/sharedStrings.xml" in src.namelist():        # openpyxl writes inline strings
            raise ValueError("the workbook has shared strings already")
        with _Writer(out) as write:
            for item in src.infolist():
                data = src.read(item.filename)
                lst = wanted.get(item.filename)
                if lst is not None:
                    write(item, _inject(data.decode("utf-8"), lst, texts).encode("utf-8"),
                          fast=True)
                    continue
                if item.filename == "[Content_Types].xml":
                    data = data.replace(b"</Types>", (
                        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/>'
                        "</Types>").encode())
                elif item.filename == "xl/_rels/workbook.xml.rels":
                    data = data.replace(b"</Relationships>", (
                        f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" '
                        'Id="rIdSharedStrings"/></Relationships>').encode())
                write(item, data)
            write("xl/sharedStrings.xml", shared_strings_xml(texts), fast=True)


class _Writer:
    """Parts handed to a thread that writes them into the zip in the order given; an error
    there is raised here when the block ends."""

    def __init__(self, out: zipfile.ZipFile):
        self.out = out
        self.jobs: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if self.error is None:
                try:
                    name, data, fast = job
                    # The big parts compress fast: a third of the time, a tenth more bytes.
                    self.out.writestr(name, data, compresslevel=1 if fast else None)
                except BaseException as exc:        # raised again in the caller's thread
                    self.error = exc

    def __call__(self, name, data: bytes, fast: bool = False) -> None:
        if self.error is not None:
            raise self.error
        self.jobs.put((name, data, fast))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.jobs.put(None)
        self.thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error


def save_atomic(wb, path: str) -> None:
    """:func:`save` through a temporary file beside ``path`` (doithoai.files.atomic)."""
    atomic.write_atomic(path, lambda tmp: save(wb, tmp), ".xlsx")


def save_new(wb, path: str) -> str:
    """:func:`save` as a new file at ``path`` or a free name beside it, claimed so that two
    commands at once never write one file (doithoai.files.atomic.write_new); returns it."""
    return atomic.write_new(path, lambda tmp: save(wb, tmp), ".xlsx")
