"""Workbooks that print (issue 18 §6): A4, readable widths, sheet names cut at a word, rows as
tall as their wrapped text, charts sized to 1, 3 or 30 categories."""
import datetime as dt

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from doithoai.files import printing
from doithoai.monitoring import workbook
from doithoai.files import reader

AS_OF = dt.date(2026, 11, 22)


def test_sheet_names_are_cut_at_a_word_and_stay_unique():
    used = set()
    a = printing.sheet_name("Nợ - UBND cấp tỉnh và các sở, ngành liên quan", used)
    b = printing.sheet_name("Nợ - UBND cấp tỉnh và các sở, ngành khác nữa", used)
    assert a == "Nợ - UBND cấp tỉnh và các sở" and len(a) <= 31
    assert b != a and len(b) <= 31 and b.endswith("(2)") and " s (" not in b
    assert printing.sheet_name("Nợ - Công an: phường [1]", set()) == "Nợ - Công an- phường -1-"


CELLS = st.one_of(st.none(), st.integers(0, 99), st.dates(), st.sampled_from([
    "", "ngắn", "Đề nghị sửa đường liên thôn", "a" * 40, "b" * 12, "c" * 30,
    "dòng một\ndòng hai", "x\n\n" * 9,
    "Ủy ban nhân dân xã Tự Minh, thôn Đông, tổ dân phố số 3"]))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(CELLS, max_size=6), max_size=8),
       widths=st.lists(st.sampled_from([6, 9.5, 12, 30, 50]), min_size=1, max_size=6),
       size=st.sampled_from([10, 11, 13]))
def test_row_heights_column_by_column_equal_each_row_on_its_own(rows, widths, size):
    """row_heights (each column's distinct long texts once) gives every row what row_height of
    its texts longer than their width gives, and nothing to rows without one (ragged rows)."""
    want = {}
    for i, values in enumerate(rows):
        long = [(v, w) for v, w in zip(values, widths) if isinstance(v, str) and len(v) > w]
        if long:
            want[i] = printing.row_height(long, size)
    assert printing.row_heights(rows, widths, size) == want


@pytest.mark.parametrize("n", [1, 3, 30])
def test_a_chart_is_sized_to_its_categories_within_a_page(n):
    height, width = printing.chart_size(n, horizontal=True)
    assert 7 <= height <= 15 and width <= 25       # a landscape page: 27.7 × 19 cm printable
    assert height >= 0.45 * n or height == 15
    col_h, col_w = printing.chart_size(n, horizontal=False)
    assert col_h <= 17 and 12 <= col_w <= 24


def test_wide_lists_spread_across_pages_at_a_readable_size(sample_paths, tmp_path):
    reg = reader.read_registry(sample_paths["tu-minh"])
    path, _ = workbook.write(reg, str(tmp_path / "theo-doi.xlsx"), AS_OF, "so.xlsx")
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert str(setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        widths = sum((d.width or 8.43) for d in ws.column_dimensions.values())
        pages = setup.fitToWidth
        # never more than one page-width of columns squeezed onto one page
        assert widths / max(1, pages) <= printing.PAGE_UNITS[setup.orientation] * printing.SHRINK + 1, ws.title
    detail = wb["Theo dõi ý kiến"]
    assert detail.page_setup.fitToWidth >= 3 and detail.print_title_rows == "$1:$1"
    assert detail.print_title_cols == "$A:$A"
    intro = wb["Giới thiệu"]
    for r in range(1, intro.max_row + 1):       # wrapped lines have the height they need
        text = intro.cell(row=r, column=1).value or ""
        assert intro.row_dimensions[r].height >= 15 * (len(text) // 110 + 1) - 1
    ident = dict(wb[workbook.IDENTITY_SHEET].iter_rows(min_row=2, values_only=True))
    assert ident["Đơn vị"] == "Phường Tứ Minh" and ident["Phiên bản định dạng"] == 3
    assert ident["Tính đến ngày"].date() == AS_OF
