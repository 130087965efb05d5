"""Changes to a registry workbook, as data (docs/architecture.md, decision 4).

The core never touches a workbook. It returns :class:`Changes`: rectangular blocks of values
to write (one bulk write each, whatever the number of rows), Tables to resize. Two shells
apply them: the Excel shell (xlwings, in the add-in) and
:func:`doithoai.files.apply_changes.apply_to_openpyxl`, for workbooks the product has just built
itself (the demo, tests) and for the headless copies of a registry.

Only computed columns and product-owned sheets are written. Rows never move: a row the clerk
has is updated in place, new rows are appended below, so anything typed beside them (Ngày hoàn
thành, a column the commune added) stays on its row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from doithoai.registry import schema
from doithoai.registry.model import TableData


@dataclass(frozen=True)
class Block:
    sheet: str
    row: int                      # top Excel row (1-based)
    col: int                      # left column, 0-based
    values: tuple[tuple, ...]     # rectangular

    @property
    def height(self) -> int:
        return len(self.values)

    @property
    def width(self) -> int:
        return len(self.values[0]) if self.values else 0


MARK_AUTHOR = "doithoai"
MARK_PREFIX = "doithoai kiểm tra:"       # first line of every note the product writes
MARK_FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}


@dataclass(frozen=True)
class Mark:
    """A cell the clerk must look at: a fill by severity and a note with the messages."""

    sheet: str
    cell: str
    severity: str      # "error" or "warning"
    note: str


@dataclass
class Changes:
    blocks: list[Block] = field(default_factory=list)
    table_rows: dict[str, int] = field(default_factory=dict)   # sheet → body rows needed
    marks: list[Mark] = field(default_factory=list)
    unmarks: list[tuple[str, str]] = field(default_factory=list)  # (sheet, A1) to clear
    summary: list[str] = field(default_factory=list)           # Vietnamese, for the clerk
    # (sheet, first row, last row, hidden): rows a product sheet shows or hides, so a chart
    # over a fixed area plots only the rows in use (charts plot visible cells only).
    rows_hidden: list[tuple[str, int, int, bool]] = field(default_factory=list)

    def extend(self, other: "Changes") -> None:
        self.blocks += other.blocks
        self.rows_hidden += other.rows_hidden
        self.table_rows.update(other.table_rows)
        self.marks += other.marks
        self.unmarks += other.unmarks
        self.summary += other.summary


def column_blocks(sheet: schema.Sheet, table: TableData, keys: list[str],
                  rows: dict[int, dict[str, object]], first: int, last: int) -> list[Block]:
    """One block per run of adjacent columns among ``keys``, rows ``first``..``last``.

    ``rows`` maps an Excel row to its values by key; rows not in it are written blank.
    Columns are placed where the sheet actually has them (found by header).
    """
    positions = sorted((table.columns[k], k) for k in keys if k in table.columns)
    runs: list[list[tuple[int, str]]] = []
    for pos, key in positions:
        if runs and runs[-1][-1][0] == pos - 1:
            runs[-1].append((pos, key))
        else:
            runs.append([(pos, key)])
    blocks = []
    for run in runs:
        values = tuple(tuple(rows.get(r, {}).get(k) for _, k in run)
                       for r in range(first, last + 1))
        blocks.append(Block(sheet.name, first, run[0][0], values))
    return blocks


def append_layout(reg, sheet: schema.Sheet) -> tuple[dict[str, int], int]:
    """(each column's index, the sheet's last used row) where rows are appended: below
    whatever column holds text (a clerk's own text below the table is never overwritten)."""
    table = reg.tables.get(sheet.key)
    columns = table.columns if table is not None and table.present else \
        {c.key: i for i, c in enumerate(sheet.columns)}
    last = max([1, table.last_row] + [r.row for r in table.rows]) if table is not None else 1
    return columns, last


def append_rows(reg, sheet: schema.Sheet, rows: list[dict], changes: Changes) -> int:
    """Rows appended below the sheet's last used row (append_layout), one block, columns
    where the sheet has them. Returns the first new Excel row."""
    columns, last = append_layout(reg, sheet)
    width = max(columns.values()) + 1
    values = []
    for r in rows:
        line = [None] * width
        for k, i in columns.items():
            line[i] = r.get(k)
        values.append(tuple(line))
    if values:
        changes.blocks.append(Block(sheet.name, last + 1, 0, tuple(values)))
        changes.table_rows[sheet.name] = last - 1 + len(values)
    return last + 1


# --- the file shell for workbooks the product built itself ------------------------------------
