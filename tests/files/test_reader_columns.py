"""Reading column by column (issue 19, a registry of 50,000 opinions): each distinct value is
typed once and each distinct text screened once, and the result is exactly what reading and
checking cell by cell gives: rows, values, problems and their order, on random grids with
blanks, ragged rows, True beside 1 and 1.0, unreadable and out-of-range dates, flawed texts."""
import datetime as dt
import os
import re
from unittest import mock

import pytest

from hypothesis import given, settings, strategies as st

from doithoai.files import headers, reader
from doithoai.registry import parsing, schema
from doithoai.registry.problems import make
from doithoai.rules.validation import cells
from doithoai.rules.validation.findings import Findings
from doithoai.text import pasted, vntext

SHEET = schema.OPINIONS
VALUES = st.one_of(
    st.none(), st.just(""), st.just("   "), st.booleans(), st.sampled_from([0, 1, 1.0, 2.5, 7]),
    st.dates(dt.date(1890, 1, 1), dt.date(2150, 1, 1)),
    st.sampled_from(["01/02/2026", "31/02/2026", "hôm qua", "Thôn Đông", "  Thôn  Đông ",
                     "Thuỷ lợi", "=SUM(A1)", "Giao thông", "Có", "Không", "0912 345 678",
                     "Đề nghị\u00a0sửa", "a\r\nb", "x\x07y", "YK-1", "KH-2026-01",
                     "Anh Nam 😊", "cầu tràn\u2028bị", "Hội trường\n(tầng 2)"]))
GRIDS = st.integers(1, 8).flatmap(lambda width: st.lists(
    st.lists(VALUES, min_size=0, max_size=width + 2), min_size=0, max_size=12))


def _cell_by_cell(sheet, grid):
    """Reading as it was done before issue 19: every cell typed on its own."""
    problems = []
    header = list(grid[0]) if grid else []
    positions = {}
    for idx, value in enumerate(header):
        key = headers.header_key(value)
        if key and key not in positions:
            positions[key] = idx
    columns = {c.key: positions[parsing.fold(c.header)] for c in sheet.columns
               if parsing.fold(c.header) in positions}
    rows = []
    for r, row in enumerate(grid[1:], start=2):
        raw = {k: (row[i] if i < len(row) else None) for k, i in columns.items()}
        if all(parsing.is_blank(v) for v in raw.values()):
            continue
        values = {}
        for key, value in raw.items():
            col = sheet.column(key)
            try:
                values[key] = reader.convert(col, value)
            except parsing.OutOfRange as exc:
                values[key] = None
                problems.append(make("date-out-of-range", sheet.name, row=r, col=columns[key],
                                     column=col.header, value=exc.date.strftime("%d/%m/%Y")))
            except parsing.Unreadable:
                values[key] = None
                problems.append(make(reader._PARSERS[col.type][1], sheet.name, row=r,
                                     col=columns[key], column=col.header, value=value))
        rows.append((r, raw, values))
    last = max([1] + [r for r, row in enumerate(grid, start=1)
                      if any(not parsing.is_blank(v) for v in row)])
    return rows, problems, last


def _typed_equal(a, b):
    return a == b and type(a) is type(b)


@settings(max_examples=150, deadline=None)
@given(grid=GRIDS, shuffle=st.randoms(use_true_random=False))
def test_reading_column_by_column_equals_reading_cell_by_cell(grid, shuffle):
    headers = [c.header for c in SHEET.columns]
    shuffle.shuffle(headers)
    width = max([len(r) for r in grid] + [1])
    head = headers[:width] + ["Cột thêm"]
    grid = [head] + grid
    problems = []
    table = reader.read_table(SHEET, grid, problems)
    rows, want_problems, last = _cell_by_cell(SHEET, grid)
    assert table.last_row == last
    assert [r.row for r in table.rows] == [r for r, _, _ in rows]
    for got, (_, raw, values) in zip(table.rows, rows):
        assert dict(got.raw) == raw
        assert all(_typed_equal(got.raw[k], raw[k]) for k in raw)
        assert all(_typed_equal(got.values[k], values[k]) for k in values)
    cell_problems = [p for p in problems if p.code not in ("column-missing",
                                                           "column-added-later")]
    assert [(p.code, p.cell, p.message) for p in cell_problems] == \
        [(p.code, p.cell, p.message) for p in want_problems]


def _judged_cell_by_cell(f, sheet):
    """The cell checks as they were before issue 19: every cell of every row judged in full,
    each text through every flaw test (no screen)."""
    table = f.reg.tables[sheet.key]
    with mock.patch.object(cells, "text_flaws", cells.find_flaws):
        _judge_rows(f, sheet, table)


def _judge_rows(f, sheet, table):
    for row in table.rows:
        for c in sheet.columns:
            if c.key not in table.columns or c.computed:
                continue
            choices = cells.Choices(f.list_values(c.lookup) if c.type == schema.CHOICE else [])
            for kind, value, params in cells._judge(sheet, c, row.raw[c.key],
                                                     row.values[c.key], choices):
                f.add(kind, sheet, row.row, c.key, value, **params)


@settings(max_examples=150, deadline=None)
@given(grid=GRIDS, shuffle=st.randoms(use_true_random=False))
def test_cell_checks_on_the_readers_values_equal_judging_every_cell(grid, shuffle):
    """check_cells judges each distinct value once, on the values the reader kept, and passes
    the texts the reader found plain after a shorter screen: the same findings, in the same
    order, as judging every cell in full; and the same again once the rows were built."""
    headers = [c.header for c in SHEET.columns]
    shuffle.shuffle(headers)
    width = max([len(r) for r in grid] + [1])
    reg = reader.registry_from_grids({SHEET.name: [headers[:width]] + grid})
    day = dt.date(2026, 11, 22)
    fast, slow, again = Findings(reg, day), Findings(reg, day), Findings(reg, day)
    cells.check_cells(fast, SHEET)
    _judged_cell_by_cell(slow, SHEET)       # builds the rows: check_cells now reads them
    cells.check_cells(again, SHEET)
    seen = [(p.code, p.cell, p.message) for p in fast.problems]
    assert seen == [(p.code, p.cell, p.message) for p in slow.problems]
    assert seen == [(p.code, p.cell, p.message) for p in again.problems]


# The characters each check looks for, taken from the checks themselves (a new screened
# character or a new old-style tone is drawn without editing this list), with letters, spaces
# and the starts of formulas around them; the pictographs by the ends of their ranges.
PICTOGRAPH_ENDS = {chr(end) for pair in pasted.PICTOGRAPH_RANGES for end in pair}
SCREENED = sorted(set(cells.SCREENED + cells.ONE_LINE_SCREENED + vntext.OLD_SECONDS
                      + "".join(cells._EDGE) + "\x07\x1f\x7f") | PICTOGRAPH_ENDS)
TEXTS = st.lists(st.sampled_from(["a", "o", "O", "u", "U", "y", "Y", " ", "\n", "á", "ạ", "â"]
                                 + SCREENED + ["a\u0301", "quý", "hoà ", "Thuỷ", "Ã¡", "á»‡",
                                               "â€œ", "Ä‘"]),
                 max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, one_line=st.booleans())
def test_a_screened_clean_text_has_no_flaw(text, one_line):
    if cells.clean_texts([text], schema.EXCEL_CELL_LIMIT, one_line):
        assert cells.find_flaws(text, one_line) == []
    assert cells.text_flaws(text, one_line) == cells.find_flaws(text, one_line)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["a", " ", "á", "Ã", "Ä", "Æ", "º", "»", "¼", "½", "¾", "¿",
                                      "€", "™", "œ", "\u0090", "\u0081", "‘", "°", "¡", "â",
                                      "“"]), max_size=6).map("".join))
def test_every_mojibake_sign_holds_a_screened_mark(text):
    """The screen looks for encoding.SIGN_MARKS alone: each sign the check finds holds one."""
    from doithoai.text import encoding
    for sign in encoding._SIGNS.findall(text):
        assert set(sign) & set(encoding.SIGN_MARKS), sign


SPACING = re.compile(r"^\s|\s$|[ \t]{2}|[\u00a0\t\r]| \n|\n ")     # the rule as it was written


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(" \t\n\r\u00a0\u3000\x1cab")), max_size=8))
def test_the_spacing_test_is_the_rule_as_written(text):
    assert parsing.has_whitespace_flaw(text) == bool(SPACING.search(text))
    plain = parsing.plain_texts([text])
    assert bool(plain) == (bool(text.strip()) and parsing.normalize_text(text) == text)


@pytest.mark.parametrize("seed", range(4))
def test_a_header_renamed_in_place_stops_every_command_and_is_named(sample_copy, capsys, seed):
    """A contract header renamed where it stands ("Ngày xong", "Mức hài lòng") would read as an
    empty column (reminders for opinions already resolved): refused, naming the cell. A column
    of the commune's own added at the end, and a column a later version added left out, are
    not."""
    import random

    import openpyxl

    from doithoai import cli
    from xlsx_edit import cell_ref
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    sheet = schema.OPINIONS
    col = rng.choice([c for c in sheet.columns if len(c.header.split()) >= 2])
    words = col.header.split()
    typed = rng.choice([f"Mức {col.header.lower()}", " ".join(words[:-1]) + " (ghi tay)",
                        f"{col.header} ghi tay"])
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.name]
    ws[cell_ref("opinions", col.key, 1)] = typed
    ws.cell(row=1, column=ws.max_column + 1, value="Ghi chú riêng của xã")
    wb.save(path)
    capsys.readouterr()
    assert cli.main(["validate", path, "--today", "2026-11-22"]) == 2
    said = capsys.readouterr().out
    assert f"ô {cell_ref('opinions', col.key, 1)} ghi \"{typed}\"" in said
    assert "Ghi chú riêng" not in said
    assert cli.main(["overdue", path, "--today", "2026-11-22", "--out",
                     os.path.dirname(path) + "/dd"]) == 2
