"""Long lists written straight into the saved sheet (files/listrows, through files/listsheet.write_rows): what openpyxl and
python-calamine read back is what was announced, and the sheet's own cells above and below
the list keep their places."""
import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill

from doithoai.files import listrows
from doithoai.files.listsheet import write_rows


def _book(rows, below=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.cell(row=1, column=1, value="Tiêu đề của trang").font = Font(bold=True)
    write_rows(ws, ["Mã", "Nội dung", "Ngày", "Số"], rows, Font(bold=True),
               PatternFill("solid", fgColor="DDEBF7"), top=2, total=True)
    if below:
        ws.cell(row=len(rows) + 4, column=1, value=below)
    return wb


ROWS = [["YK-1", "Sửa cống & mương <ngõ 5>", dt.date(2026, 3, 2), 3],
        ["YK-2", "=SUM(A1:A2) là chữ, không phải công thức", None, 2.5],
        ["YK-3", "Chuông\x07 reo", dt.date(2026, 12, 31), True],
        ["YK-4", "", None, None],
        ["YK-5", "Đường liên thôn " * 10, None, 1],
        ["Tổng cộng", "", None, 6]]


def test_the_list_reads_back_as_written(tmp_path):
    path = str(tmp_path / "ds.xlsx")
    listrows.save_atomic(_book(ROWS, below="Ghi chú dưới danh sách"), path)
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert ws["A1"].value == "Tiêu đề của trang" and ws["A2"].value == "Mã"
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=8, max_col=4)]
    want = [[v.date() if isinstance(v, dt.datetime) else v for v in r] for r in got]
    assert want == [["YK-1", "Sửa cống & mương <ngõ 5>", dt.date(2026, 3, 2), 3],
                    ["YK-2", "=SUM(A1:A2) là chữ, không phải công thức", None, 2.5],
                    ["YK-3", "Chuông reo", dt.date(2026, 12, 31), True],
                    ["YK-4", None, None, None],
                    ["YK-5", "Đường liên thôn " * 10, None, 1],
                    ["Tổng cộng", None, None, 6]]
    assert ws["A10"].value == "Ghi chú dưới danh sách"
    assert ws["C3"].number_format == "dd/mm/yyyy"
    assert ws["A8"].font.b and not ws["A7"].font.b            # the total row is bold
    assert ws["B7"].alignment.wrap_text and not ws["B3"].alignment.wrap_text
    assert ws.row_dimensions[7].height > 30 and not ws.row_dimensions[3].height
    assert ws.calculate_dimension() == "A1:D10"
    with zipfile.ZipFile(path) as z:
        assert "xl/sharedStrings.xml" in z.namelist()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    rows = [int(n) for n in __import__("re").findall(r'<row r="(\d+)"', sheet)]
    assert rows == sorted(rows)                       # Excel refuses rows out of order


def test_calamine_reads_the_same_grid(tmp_path):
    import python_calamine
    path = str(tmp_path / "ds.xlsx")
    listrows.save_atomic(_book(ROWS), path)
    grid = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name(
        "Danh sách").to_python(skip_empty_area=False)
    assert grid[2][:2] == ["YK-1", "Sửa cống & mương <ngõ 5>"]
    assert len(grid) == 8 and grid[7][0] == "Tổng cộng"


def test_a_cell_on_a_list_row_is_refused_not_lost(tmp_path):
    wb = _book(ROWS)
    wb["Danh sách"].cell(row=4, column=6, value="chen ngang")
    with pytest.raises(ValueError):
        listrows.save(wb, str(tmp_path / "x.xlsx"))


def test_a_workbook_without_lists_is_saved_as_openpyxl_saves_it(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    assert not listrows.announced(wb)
    listrows.save_atomic(wb, str(tmp_path / "y.xlsx"))
    assert openpyxl.load_workbook(tmp_path / "y.xlsx").active["A1"].value == "x"


def test_an_unsaved_workbook_with_lists_is_released():
    """The add-in runs in one long Python process: a workbook built and dropped (an error
    before saving) must not stay in memory through its announced lists."""
    import gc
    import weakref
    wb = _book(ROWS)
    ref = weakref.ref(wb)
    del wb
    gc.collect()
    assert ref() is None


def test_a_sheet_named_with_an_ampersand_and_quotes_gets_its_list(tmp_path):
    """An agency's sheet ("Nợ - Phòng Kinh tế & Hạ tầng") is found by its escaped name."""
    wb = openpyxl.Workbook()
    wb.active.title = 'Nợ - Kinh tế & Hạ tầng "A"'
    write_rows(wb.active, ["Mã", "Nội dung"], [["YK-1", "Sửa cống"]], Font(bold=True),
               PatternFill("solid", fgColor="DDEBF7"))
    listrows.save_atomic(wb, str(tmp_path / "n.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx").active
    assert [c.value for c in ws[2]] == ["YK-1", "Sửa cống"]


def test_a_plain_save_refuses_a_workbook_with_lists(tmp_path):
    """Saved by openpyxl alone, the lists would come out empty: the plain savers refuse, and
    nothing is written."""
    from doithoai.files import atomic
    for save in (atomic.save_atomic, atomic.save_new):
        with pytest.raises(ValueError):
            save(_book(ROWS), str(tmp_path / "plain.xlsx"))
    assert list(tmp_path.iterdir()) == []


def test_sheet_parts_are_read_whatever_the_attribute_order(tmp_path):
    """workbook.xml and its relationships are parsed as XML: a file written by another program
    (attributes in another order, single quotes) finds its sheets all the same."""
    path = str(tmp_path / "o.xlsx")
    listrows.save_atomic(_book(ROWS), path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    book = parts["xl/workbook.xml"].decode()
    book = __import__("re").sub(r'<sheet (xmlns:r="[^"]*") name="([^"]*)" sheetId="(\d+)" '
                                r'(?:state="visible" )?r:id="([^"]*)"/>',
                                r"<sheet \1 r:id='\4' sheetId='\3' name='\2'/>",
                                book)
    assert "r:id='" in book
    rels = __import__("re").sub(r'<Relationship Type="([^"]*)" Target="([^"]*)" Id="([^"]*)"',
                                r"<Relationship Id='\3' Target='\2' Type='\1'",
                                parts["xl/_rels/workbook.xml.rels"].decode())
    parts["xl/workbook.xml"], parts["xl/_rels/workbook.xml.rels"] = book.encode(), rels.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with zipfile.ZipFile(path) as z:
        assert listrows._sheet_parts(z) == {"Danh sách": "xl/worksheets/sheet1.xml"}
