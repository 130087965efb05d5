"""What a returned intake file tells of itself beyond the values python-calamine reads
(sharing/intake.read_returned asks): which cells hold a formula, and when it was last saved.

python-calamine reads a formula's stored result, or blank when none was stored, and cannot
tell it from typed text: the file itself can. .xlsx and .xlsm through openpyxl, .ods from its
content.xml; an old .xls or an .xlsb gives None (their formulas cannot be seen here). The save
time is the one the program that saved it wrote into the file's properties (docProps/core.xml,
or meta.xml of an .ods), not the file system's, which a copy or a download changes.
"""
from __future__ import annotations

import datetime as dt


def formula_cells(path, sheet: str) -> set[tuple[int, int]] | None:
    """(row, column), 1-based, of every formula cell of ``sheet``, whatever value it shows:
    calamine reads a formula's stored result (what Excel or LibreOffice displayed when it last
    saved: "bấm") or blank when none was stored, and cannot tell it from typed text; the file
    itself can. .xlsx and .xlsm through openpyxl, .ods from its content.xml; None for a format
    whose formulas this cannot see (.xls, .xlsb)."""
    import zipfile
    from doithoai.files.protected import Opened
    opened = path if isinstance(path, Opened) else Opened(path)
    try:
        with zipfile.ZipFile(opened.source()) as z:
            names = set(z.namelist())
            if "content.xml" in names:
                with z.open("content.xml") as fh:
                    return _ods_formulas(fh, sheet)
    except zipfile.BadZipFile:
        return None             # an old .xls (a compound file, not a zip)
    except Exception:           # a part that cannot be parsed: its formulas cannot be seen
        return None
    if "xl/workbook.xml" not in names:
        return None             # .xlsb: binary parts
    return _xlsx_formulas(opened.source(), sheet)


def _xlsx_formulas(path: str, sheet: str) -> set[tuple[int, int]] | None:
    try:
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:
        return None
    try:
        ws = wb[sheet]
        ws.reset_dimensions()       # the declared size may be anything: only the cells there are
        return {(c.row, c.column) for row in ws.iter_rows() for c in row
                if getattr(c, "data_type", None) == "f"}
    except Exception:
        return None
    finally:
        wb.close()


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_formulas(stream, sheet: str) -> set[tuple[int, int]]:
    """Formula cells of an OpenDocument sheet: rows and cells carry repeat counts; a cell with
    a formula has the table:formula attribute."""
    import xml.etree.ElementTree as ET
    row_tag, name_attr = f"{_ODS_TABLE}table-row", f"{_ODS_TABLE}name"
    cells = (f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell")
    found: set[tuple[int, int]] = set()
    for _, table in ET.iterparse(stream):
        if table.tag != f"{_ODS_TABLE}table":
            continue
        if table.get(name_attr) == sheet:
            r = 0
            for row in table.iter(row_tag):
                r += 1
                rows = int(row.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
                c = 0
                for cell in row:
                    if cell.tag not in cells:
                        continue
                    span = int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                    if cell.get(f"{_ODS_TABLE}formula") is not None:
                        found |= {(r + i, c + j + 1) for i in range(min(rows, 10_000))
                                  for j in range(min(span, 1_000))}
                    c += span
                r += rows - 1
            return found
        table.clear()
    return found


_PROPERTIES = (("docProps/core.xml", "{http://purl.org/dc/terms/}modified"),
               ("meta.xml", "{http://purl.org/dc/elements/1.1/}date"))
_PROPERTIES_LIMIT = 256 * 1024     # a properties part is a few hundred bytes


def saved_at(path) -> dt.datetime | None:
    """When the file was last saved, in UTC (the datetime itself without a zone), by what the
    saving program wrote in the file; None when the file has no such part, it cannot be read,
    or the time has no zone (LibreOffice writes an .ods's in the local time of whatever
    machine saved it, so it cannot be set against a time in UTC)."""
    import zipfile
    import xml.etree.ElementTree as ET
    from doithoai.files.protected import Opened
    opened = path if isinstance(path, Opened) else Opened(path)
    try:
        with zipfile.ZipFile(opened.source()) as z:
            names = set(z.namelist())
            for part, tag in _PROPERTIES:
                if part in names and z.getinfo(part).file_size <= _PROPERTIES_LIMIT:
                    found = ET.fromstring(z.read(part)).find(f".//{tag}")
                    return _utc(found.text) if found is not None and found.text else None
    except Exception:           # an old .xls, a damaged part: the time cannot be known
        return None
    return None


def _utc(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    return when.astimezone(dt.timezone.utc).replace(tzinfo=None)
