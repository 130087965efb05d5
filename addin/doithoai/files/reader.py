"""Registry reader: sheet grids → typed domain objects and located problems.

The pure part, :func:`registry_from_grids`, takes each sheet as a list of rows of cell values
(row 0 = Excel row 1, column 0 = column A), as calamine, xlwings or a test produce them. The
file shell, :func:`read_registry`, loads an .xlsx with python-calamine (read-only, fast).
Columns are found by header text, never by position; extra columns are ignored. Nothing here
raises on a bad cell: it becomes a :class:`~doithoai.registry.problems.Problem`.
"""
from __future__ import annotations

import dataclasses
import itertools
import os
from typing import Iterable, Sequence

from doithoai.files import headers
from doithoai.files.protected import Opened, is_encrypted
from doithoai.registry import parsing, schema, spelling
from doithoai.registry.model import ROW_CLASSES, Registry, Settings, TableData
from doithoai.registry.cellref import column_letter
from doithoai.registry.problems import Problem, make

Grid = Sequence[Sequence[object]]


class RegistryUnreadable(Exception):
    """The file cannot be opened as a workbook at all; the message is for the clerk.

    ``detail`` keeps the library's own (English, technical) words for the log file: they never
    reach the clerk's screen.
    """

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.detail = detail


class RegistryDamaged(RegistryUnreadable):
    """The workbook opens, but a sheet or header of the contract is gone (renamed, deleted): no
    command may act on it, since a missing column would read as empty cells and give a
    confident wrong answer. The message names every sheet and header and what to do."""

    def __init__(self, message: str, faults: list[Problem]):
        super().__init__(message)
        self.faults = faults


STRUCTURE_CODES = ("sheet-missing", "column-missing", "column-renamed")


def structure_faults(reg: Registry) -> list[Problem]:
    """The registry's missing sheets and headers (those added by a later version excepted)."""
    return [p for p in reg.problems if p.code in STRUCTURE_CODES]


def require_intact(reg: Registry) -> Registry:
    """``reg`` itself, or :class:`RegistryDamaged` naming each missing sheet and header."""
    faults = structure_faults(reg)
    if not faults:
        return reg
    name = os.path.basename(reg.source or "") or "Sổ"
    lines = [f"{name} đã bị thay đổi cấu trúc nên phần mềm chưa làm gì (không ghi tệp nào):"]
    for p in faults[:12]:
        lines.append(f"- {p.message} {p.hint}")
    if len(faults) > 12:
        lines.append(f"- … và {len(faults) - 12} chỗ khác (lệnh doithoai validate liệt kê đủ).")
    raise RegistryDamaged("\n".join(lines), faults)


def unreadable_reason(path: str) -> str:
    """Why a file that should be a workbook is not one, in the clerk's words."""
    if not os.path.lexists(path):
        return "không có tệp này (kiểm tra lại tên và thư mục)"
    if os.path.isdir(path):
        return "đây là một thư mục, không phải tệp: hãy chọn tệp .xlsx trong thư mục đó"
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(8)
    except PermissionError:
        return "không có quyền đọc tệp (hoặc tệp đang bị chương trình khác khóa)"
    except OSError:
        return "không đọc được tệp (tệp đang bị chương trình khác khóa, hoặc ổ đĩa bị lỗi)"
    if size == 0:
        return "tệp rỗng (0 byte): có thể tệp chưa được lưu xong hoặc tải về bị lỗi"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if is_encrypted(path):
            return "tệp đặt mật khẩu, mà chưa có mật khẩu để mở"
        return ("tệp là dạng Excel 97-2003 (.xls) hoặc đang được đặt mật khẩu; phần mềm chỉ đọc "
                "dạng Excel Workbook (.xlsx)")
    if not head.startswith(b"PK"):
        return "tệp không phải dạng Excel Workbook (.xlsx) (có thể là .csv, .pdf hay tệp khác)"
    return "tệp .xlsx bị hỏng hoặc tải về chưa hết"


_PARSERS = {
    schema.DATE: (parsing.parse_date, "date-unreadable"),
    schema.TIME: (parsing.parse_time, "time-unreadable"),
    schema.INT: (parsing.parse_int, "number-unreadable"),
    schema.PHONE: (parsing.parse_phone, "phone-unreadable"),
}


def convert(column: schema.Column, value):
    """A cell value as the column's type. Raises parsing.Unreadable."""
    if parsing.is_blank(value):
        return None
    parser = _PARSERS.get(column.type)
    if parser:
        return parser[0](value)
    return parsing.normalize_text(parsing.to_text(value))


def _convert_distinct(column: schema.Column, distinct: dict) -> tuple[dict, dict, set]:
    """Each distinct value of a column (key → value) converted once: (key → typed value,
    key → problem code and fields for the unreadable ones and for digits read as a date, the
    keys of blank values)."""
    typed, failed, blank = {}, {}, set()
    if column.type not in _PARSERS:     # texts already as normalize_text leaves them: kept
        typed = {t: t for t in parsing.plain_texts(k for k in distinct if k.__class__ is str)}
    for key, value in distinct.items():
        if key in typed:
            continue
        if parsing.is_blank(value):
            typed[key] = None
            blank.add(key)
            continue
        try:
            typed[key] = convert(column, value)
            if column.type == schema.DATE and value.__class__ is str and \
                    parsing.is_serial_text(value):
                failed[key] = ("date-serial-text",
                               {"value": value, "date": typed[key].strftime("%d/%m/%Y")})
        except parsing.OutOfRange as exc:
            typed[key] = None
            failed[key] = ("date-out-of-range", {"value": exc.date.strftime("%d/%m/%Y")})
        except parsing.Unreadable:
            typed[key] = None
            failed[key] = (_PARSERS[column.type][1], {"value": value})
    return typed, failed, blank


def _last_used_row(columns: list[tuple]) -> int:
    last = 1
    for cells in columns:
        for offset in range(len(cells) - 1, last - 2, -1):
            if not parsing.is_blank(cells[offset]):
                last = offset + 1
                break
    return last


def read_table(sheet: schema.Sheet, grid: Grid | None,
               problems: list[Problem], merged: Sequence = ()) -> TableData:
    """One sheet's rows, typed column by column: a value is converted once however many cells
    hold it (a registry of 50,000 opinions has about a million cells and far fewer values).
    ``merged``: the sheet's merged ranges ((first row, column), (last row, column)), 0-based,
    where the file shell knows them."""
    if grid is None:
        problems.append(make("sheet-added-later", sheet.name, version=sheet.added) if sheet.added
                        else make("sheet-missing", sheet.name))
        return TableData(sheet.name, present=False, columns={})
    columns = headers.contract_columns(sheet, headers.positions(sheet, grid, problems),
                                       problems, list(grid[0]) if grid else [])
    # The grid turned on its side (rows may be ragged: a short row reads as blanks).
    by_column = list(itertools.zip_longest(*grid)) if grid else []
    table = TableData(sheet.name, present=True, columns=columns,
                      last_row=_last_used_row(by_column))
    if len(grid) < 2 or not columns:
        return table
    found = _type_columns(sheet, table, by_column, len(grid) - 1)
    for offset, _, idx, code, header, fields in sorted(found, key=lambda x: x[:2]):
        problems.append(make(code, sheet.name, row=offset + 2, col=idx, column=header,
                             **fields))
    problems += merged_cells(sheet, columns, merged)
    return table


def _type_columns(sheet: schema.Sheet, table: TableData, by_column: list, rows: int) -> list:
    """The table's columns typed, each distinct value once (``table.by_value``), the rows where
    every contract cell is blank left out (``table.by_column``, ``table.numbers``); returns the
    cells that could not be typed: (offset, order, column index, code, header, fields)."""
    keys = list(table.columns)
    raw_columns, typed_columns, used, found = [], [], [], []
    for order, key in enumerate(keys):
        col = sheet.column(key)
        idx = table.columns[key]
        cells = list(by_column[idx][1:]) if idx < len(by_column) else [None] * rows
        keyed = parsing.cell_keys(cells)
        distinct = dict(zip(keyed, cells))
        typed, failed, blank = _convert_distinct(col, distinct)
        table.by_value[key] = (distinct, typed)
        raw_columns.append(cells)
        typed_columns.append(list(map(typed.__getitem__, keyed)))
        used.append([k not in blank for k in keyed] if blank else None)
        if failed:
            found += [(offset, order, idx, failed[k][0], col.header, failed[k][1])
                      for offset, k in enumerate(keyed) if k in failed]
    filled = [u for u in used if u is not None]
    keep = list(map(any, zip(*filled))) if len(filled) == len(used) else None
    numbers = range(2, rows + 2)
    if keep is not None:
        numbers = list(itertools.compress(numbers, keep))
        raw_columns = [tuple(itertools.compress(c, keep)) for c in raw_columns]
        typed_columns = [tuple(itertools.compress(c, keep)) for c in typed_columns]
    table.by_column = {key: (tuple(raw), tuple(typed))
                       for key, raw, typed in zip(keys, raw_columns, typed_columns)}
    table.numbers = tuple(numbers)
    return found


def merged_cells(sheet: schema.Sheet, columns: dict[str, int], merged: Sequence
                 ) -> list[Problem]:
    """A located problem for each merged range of the data rows that spans rows of a contract
    column (the rows under its first read as empty)."""
    by_index = {i: sheet.column(k).header for k, i in columns.items()}
    out = []
    for (r1, c1), (r2, c2) in merged:
        if r2 <= r1 or r2 < 1:
            continue
        for c in range(c1, c2 + 1):
            if c in by_index:
                first = max(r1, 1)
                out.append(make("cell-merged", sheet.name, row=first + 1, col=c,
                                column=by_index[c],
                                range=f"{column_letter(c1)}{first + 1}:"
                                      f"{column_letter(c2)}{r2 + 1}",
                                hidden=(r2 - first) * (c2 - c1 + 1)))
                break
    return out


def read_settings(grid: Grid | None, problems: list[Problem]) -> tuple[Settings, TableData]:
    table = read_table(schema.CONFIG, grid, problems)
    settings = Settings()
    by_label = {parsing.fold(s.label): s for s in schema.SETTINGS}
    value_col = table.columns.get("value")
    for row in table.rows:
        label = row.values.get("label")
        setting = by_label.get(parsing.fold(label)) if label else None
        if setting is None or setting.key in settings.rows:
            continue
        settings.rows[setting.key] = row.row
        raw = row.raw.get("value")
        column = schema.Column(setting.label, setting.key, setting.type, lookup=setting.lookup)
        try:
            setattr(settings, setting.key, convert(column, raw))
        except parsing.Unreadable:      # no setting is a date: out of range is unreadable too
            problems.append(make(_PARSERS[setting.type][1], schema.CONFIG.name, row=row.row,
                                 col=value_col, column=f"Giá trị — {setting.label}",
                                 value=raw))
    for setting in schema.SETTINGS:
        if getattr(settings, setting.key) is None and setting.default is not None:
            setattr(settings, setting.key, setting.default)
    return settings, table


def read_lookups(grid: Grid | None, problems: list[Problem]) -> tuple[dict, TableData]:
    table = read_table(schema.LOOKUP_SHEET, grid, problems)
    lookups: dict[str, list[str]] = {}
    for lk in schema.LOOKUPS:
        if lk.pairs:
            continue
        if lk.key in table.columns:
            values = [r.values[lk.key] for r in table.rows if r.values.get(lk.key)]
            lookups[lk.key] = values
        else:
            lookups[lk.key] = list(lk.values)
    return lookups, table


def paired_values(table: TableData, key: str) -> dict[str, str]:
    """A paired Danh mục column as a mapping: the value of its list on each row → its own value
    (e.g. agency → level). Rows where either is empty say nothing."""
    lk = schema.LOOKUPS_BY_KEY[key]
    if key not in table.columns or lk.pairs not in table.columns:
        return {}
    return {r.values[lk.pairs]: r.values[key] for r in table.rows
            if r.values.get(lk.pairs) and r.values.get(key)}


def _objects(cls, table: TableData) -> list:
    """The table's rows as ``cls`` objects, built from its columns (the fields of a row class
    are its sheet's keys, in order; a column the sheet lacks gives the field's default)."""
    columns = []
    for f in dataclasses.fields(cls)[1:]:
        if f.name in table.by_column:
            columns.append(table.by_column[f.name][1])
        elif f.default_factory is not dataclasses.MISSING:
            columns.append([f.default_factory() for _ in table.numbers])
        else:
            columns.append(itertools.repeat(None if f.default is dataclasses.MISSING
                                            else f.default))
    return list(itertools.starmap(cls, zip(table.numbers, *columns)))


def registry_from_grids(grids: dict[str, Grid], source: str | None = None,
                        merged: dict[str, Sequence] | None = None) -> Registry:
    """Build the registry from sheet grids keyed by sheet name (missing sheets are problems);
    ``merged``: each sheet's merged ranges, where the reader of the file knows them."""
    merged = merged or {}
    problems: list[Problem] = []
    tables: dict[str, TableData] = {}
    objects: dict[str, list] = {}
    settings, tables["settings"] = read_settings(grids.get(schema.CONFIG.name), problems)
    lookups, tables["lookups"] = read_lookups(grids.get(schema.LOOKUP_SHEET.name), problems)
    for key in ROW_CLASSES:
        sheet = schema.sheet(key)
        tables[key] = read_table(sheet, grids.get(sheet.name), problems,
                                 merged.get(sheet.name, ()))
    spelling.respell(tables, lookups)        # one name, one spelling (validation says where)
    for key, cls in ROW_CLASSES.items():
        objects[key] = _objects(cls, tables[key])
    # Sheets the product writes: read for their headers, their last used row (rows are appended
    # below it) and, for Kiểm tra, the cells the last report marked.
    for sheet in (schema.CHECKS, schema.LOG):
        tables[sheet.key] = read_table(sheet, grids.get(sheet.name), problems)
    if schema.DASHBOARD.name not in grids:
        problems.append(make("sheet-missing", schema.DASHBOARD.name))
    return Registry(settings=settings, lookups=lookups, tables=tables, problems=problems,
                    source=source,
                    agency_levels=paired_values(tables["lookups"], "agency_level_of"), **objects)


# --- the file shell --------------------------------------------------------------------------

NEEDED_SHEETS = [s.name for s in schema.SHEETS]


def load_grids(path: str | os.PathLike | Opened, names: Iterable[str] = NEEDED_SHEETS,
               merged: dict | None = None) -> dict[str, list]:
    """Each wanted sheet of an .xlsx as a grid from A1, read with python-calamine once the
    package passed its checks (files/package.py: sizes, XML, how far each sheet reaches); each
    sheet's merged ranges go into ``merged`` when given. ``path`` may be a file already opened
    with its password (files.protected.Opened): its package is checked and read from memory."""
    from doithoai.files import package, workbook_open

    opened = path if isinstance(path, Opened) else Opened(os.fspath(path))
    path = opened.path
    if not os.path.exists(path):
        raise RegistryUnreadable(f"Không tìm thấy tệp \"{path}\". Kiểm tra lại đường dẫn.")
    if os.path.isdir(path):
        raise RegistryUnreadable(f"\"{path}\" là một thư mục, không phải tệp sổ: hãy chỉ đúng "
                                 "tệp .xlsx của sổ.")
    name = os.path.basename(path)
    try:
        book = workbook_open.open_book(opened.plain if opened.encrypted else path)
        available = {parsing.fold(n): n for n in book.sheet_names}
        wanted_of = {available[parsing.fold(w)]: w for w in names
                     if parsing.fold(w) in available}
        # The small sheets first: they are read while the large one is still measured.
        grids = {wanted_of[a]: book.grid(a) for a in book.sheet_order(wanted_of)}
    except package.PackageDamaged as exc:
        raise RegistryUnreadable(
            f"Không mở được \"{name}\" như một sổ Excel: {exc.reason}. Hãy mở tệp bằng Excel, "
            "lưu lại dạng Excel Workbook (.xlsx) rồi thử lại.",
            detail=exc.detail or exc.reason) from None
    except package.PackageRefused as exc:
        raise RegistryUnreadable(f"Không đọc được tệp \"{name}\": {exc.sentence()} Phần mềm "
                                 "chưa làm gì với tệp này.", detail=exc.detail or exc.reason) \
            from None
    except (workbook_open.NotAWorkbook, OSError) as exc:
        raise RegistryUnreadable(
            f"Không mở được \"{name}\" như một sổ Excel: {unreadable_reason(path)}. Hãy mở tệp "
            "bằng Excel, lưu lại dạng Excel Workbook (.xlsx) rồi thử lại.",
            detail=f"{type(exc).__name__}: {exc}") from None
    if merged is not None:
        for actual, wanted in wanted_of.items():
            merged[wanted] = book.merged(actual)
    return grids


def read_registry(path: str | os.PathLike | Opened, *, intact: bool = True) -> Registry:
    """The registry at ``path`` (or opened with its password). With ``intact`` (every command
    but validate), a registry whose sheets or headers were renamed or deleted is refused
    (:class:`RegistryDamaged`)."""
    merged: dict = {}
    grids = load_grids(path, merged=merged)
    path = path.path if isinstance(path, Opened) else path
    if not grids:
        raise RegistryUnreadable(
            f"Tệp \"{os.path.basename(os.fspath(path))}\" không phải là sổ hội nghị đối thoại: "
            "không có trang tính nào của sổ (Kế hoạch, Đại biểu, Ý kiến...). "
            "Hãy tạo sổ mới bằng lệnh doithoai init hoặc nút Tạo sổ mới.")
    reg = registry_from_grids(grids, source=os.fspath(path), merged=merged)
    return require_intact(reg) if intact else reg
