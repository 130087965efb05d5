"""The result for a clerk: the Kiểm tra sheet and the cell marks (as changes), or a text table."""
from __future__ import annotations

from collections import defaultdict

from doithoai.registry import parsing, schema
from doithoai.registry.changes import MARK_PREFIX, Block, Changes, Mark
from doithoai.registry.model import Registry
from doithoai.registry.cellref import column_letter
from doithoai.registry.problems import (ERROR, INFO, SEVERITY_LABELS, WARNING, Problem, catalogue,
                                       problem_type)

def counts(problems: list[Problem]) -> dict[str, int]:
    c = {ERROR: 0, WARNING: 0, INFO: 0}
    for p in problems:
        c[p.severity] += 1
    return c


DATA_SHEETS = {s.name for s in schema.SHEETS if s.role in ("data", "config", "lookup")}


def hyperlink(sheet: str, cell: str) -> str:
    return f'=HYPERLINK("#\'{sheet}\'!{cell}","{cell}")'


def _previous_marks(reg: Registry) -> set[tuple[str, str]]:
    """Cells the last report marked, from its Trang tính, Dòng and Cột (not its formulas)."""
    table = reg.tables.get("checks")
    if table is None:
        return set()
    cells = set()
    for r in table.rows:
        sheet, row, header = (r.values.get("sheet"), r.values.get("row"),
                              r.values.get("column"))
        sheet_schema = schema.SHEETS_BY_NAME.get(sheet or "")
        if not (sheet_schema and row and header):
            continue
        target = reg.tables.get(sheet_schema.key)
        if target is None:
            continue
        key = next((c.key for c in sheet_schema.columns if c.header == header), None)
        if sheet_schema.key == "settings":
            key = "value"
        if key in target.columns:
            cells.add((sheet, f"{column_letter(target.columns[key])}{row}"))
    return cells


def to_changes(reg: Registry, problems: list[Problem]) -> Changes:
    ch = Changes()
    rows = [(SEVERITY_LABELS[p.severity], p.code, p.sheet,
             hyperlink(p.sheet, p.cell) if p.cell else None, p.row, p.column,
             None if p.value is None else parsing.to_text(p.value)[:200], p.message, p.hint)
            for p in problems]
    previous = reg.tables.get("checks")
    old_height = max([1] + [r.row for r in previous.rows]) - 1 if previous else 0
    height = max(len(rows), old_height, 1)
    width = len(schema.CHECKS.columns)
    body = rows + [(None,) * width] * (height - len(rows))
    ch.blocks.append(Block(schema.CHECKS.name, 2, 0, tuple(body)))
    ch.table_rows[schema.CHECKS.name] = max(1, len(rows))
    ch.blocks.append(Block(schema.CHECKS.name, 1, schema.CHECKS_SUMMARY_COL,
                           _summary_rows(problems)))
    notes: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for p in problems:
        if p.cell and p.sheet in DATA_SHEETS and p.severity in (ERROR, WARNING):
            notes[(p.sheet, p.cell)].append(p)
    for (sheet, cell), ps in notes.items():
        worst = ERROR if any(p.severity == ERROR for p in ps) else WARNING
        text = "\n".join(f"{SEVERITY_LABELS[p.severity]}: {p.message} {p.hint}" for p in ps)
        ch.marks.append(Mark(sheet, cell, worst, MARK_PREFIX + "\n" + text))
    ch.unmarks = sorted(_previous_marks(reg) - set(notes))
    c = counts(problems)
    ch.summary.append(f"{c[ERROR]} lỗi, {c[WARNING]} cảnh báo, {c[INFO]} lưu ý.")
    return ch


def _summary_rows(problems: list[Problem]) -> tuple[tuple, ...]:
    """Counts per code at the top right of Kiểm tra; fixed height so old counts are cleared."""
    by_code: dict[str, int] = defaultdict(int)
    for p in problems:
        by_code[p.code] += 1
    c = counts(problems)
    rows = [("Tổng hợp kiểm tra", None, None),
            ("Lỗi", None, c[ERROR]), ("Cảnh báo", None, c[WARNING]), ("Lưu ý", None, c[INFO]),
            ("Mã lỗi", "Tên", "Số lượng")]
    kinds = {t.code: t for t in catalogue()}
    for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append((code, kinds[code].title, n))
    height = 5 + len(kinds)
    rows += [(None, None, None)] * (height - len(rows))
    return tuple(rows)


def _title(p: Problem) -> str:
    """The problem's kind in the clerk's words (the catalogue's title); its stable code, for
    docs/catalogue.md, is printed at the end of the line."""
    try:
        return problem_type(p.code).title
    except KeyError:
        return p.code


def render(problems: list[Problem]) -> str:
    """A readable table grouped by sheet, for a terminal."""
    c = counts(problems)
    if not problems:
        return "Không phát hiện lỗi nào."
    lines = []
    by_sheet: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_sheet[p.sheet].append(p)
    for sheet, ps in by_sheet.items():
        sc = counts(ps)
        parts = [f"{sc[k]} {SEVERITY_LABELS[k].lower()}" for k in (ERROR, WARNING, INFO)
                 if sc[k]]
        lines.append(f"Trang \"{sheet}\" ({', '.join(parts)})")
        width = max(len(p.cell or "") for p in ps)
        for p in ps:
            where = (p.cell or "").ljust(width)
            lines.append(f"  {where}  {SEVERITY_LABELS[p.severity]} – {_title(p)}: {p.message} "
                         f"(mã {p.code})")
            lines.append(f"  {' ' * width}  {'':<8} → {p.hint}")
        lines.append("")
    lines.append(f"Tổng cộng: {c[ERROR]} lỗi, {c[WARNING]} cảnh báo, {c[INFO]} lưu ý.")
    return "\n".join(lines)
