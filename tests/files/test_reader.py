"""Reading registries: typed objects, and located problems instead of exceptions."""
import datetime as dt

import openpyxl
import pytest

from doithoai.files import reader
from doithoai.registry import schema
from doithoai.files.reader import RegistryUnreadable


def _set(path, sheet, cells):
    """Write cells into a copy with openpyxl (a test fixture, never the product's path)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)


def _col(sheet, key):
    from doithoai.registry.cellref import column_letter
    return column_letter(sheet.keys.index(key))


def test_text_dates_and_times_typed_by_a_clerk_are_read(sample_copy):
    path = sample_copy("tu-minh")
    P = schema.PLANS
    _set(path, P.name, {f"{_col(P, 'meeting_date')}2": "12/6/2026",
                        f"{_col(P, 'issue_date')}2": "2026-05-15",
                        f"{_col(P, 'start_time')}2": "08 giờ 00",
                        f"{_col(P, 'end_time')}2": "11:30"})
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    assert plan.meeting_date == dt.date(2026, 6, 12)
    assert plan.issue_date == dt.date(2026, 5, 15)
    assert plan.start_time == dt.time(8, 0)
    assert plan.end_time == dt.time(11, 30)
    assert reg.problems == []


def test_unreadable_values_become_located_problems(sample_copy):
    path = sample_copy("tu-minh")
    P, O = schema.PLANS, schema.OPINIONS
    _set(path, P.name, {f"{_col(P, 'meeting_date')}2": "31/02/2026",
                        f"{_col(P, 'start_time')}2": "sáng sớm",
                        f"{_col(P, 'expected_delegates')}2": "khoảng 150"})
    _set(path, O.name, {f"{_col(O, 'received_date')}5": "hôm qua",
                        f"{_col(O, 'phone')}6": "12345"})
    reg = reader.read_registry(path)
    found = {(p.code, p.sheet, p.cell, p.value) for p in reg.problems}
    assert found == {
        ("date-unreadable", "Kế hoạch", f"{_col(P, 'meeting_date')}2", "31/02/2026"),
        ("time-unreadable", "Kế hoạch", f"{_col(P, 'start_time')}2", "sáng sớm"),
        ("number-unreadable", "Kế hoạch", f"{_col(P, 'expected_delegates')}2", "khoảng 150"),
        ("date-unreadable", "Ý kiến", f"{_col(O, 'received_date')}5", "hôm qua"),
        ("phone-unreadable", "Ý kiến", f"{_col(O, 'phone')}6", "12345"),
    }
    assert reg.plans[0].meeting_date is None
    p = next(p for p in reg.problems if p.code == "date-unreadable" and p.sheet == "Kế hoạch")
    assert p.row == 2 and p.column == "Ngày hội nghị"
    assert "31/02/2026" in p.message and "Ngày hội nghị" in p.message
    assert p.hint.startswith("Nhập ngày")


def test_columns_are_found_by_header_not_position():
    header = list(reversed(schema.PLANS.headers)) + ["Cột thêm của xã"]
    row = {h: None for h in header}
    row["Mã KH"] = "KH-1"
    row["Ngày hội nghị"] = "05/06/2026"
    grids = {schema.PLANS.name: [header, [row[h] for h in header]]}
    reg = reader.registry_from_grids(grids)
    assert reg.plans[0].plan_id == "KH-1"
    assert reg.plans[0].meeting_date == dt.date(2026, 6, 5)
    assert reg.plans[0].row == 2


def test_missing_sheets_and_columns_are_reported():
    header = [h for h in schema.OPINIONS.headers if h != "Lĩnh vực"]
    reg = reader.registry_from_grids({schema.OPINIONS.name: [header]})
    missing_col = [p for p in reg.problems if p.code == "column-missing"]
    assert [(p.sheet, p.column) for p in missing_col] == [("Ý kiến", "Lĩnh vực")]
    missing_sheets = {p.sheet for p in reg.problems if p.code == "sheet-missing"}
    assert "Kế hoạch" in missing_sheets and "Ý kiến" not in missing_sheets


def test_blank_rows_are_skipped_and_rows_keep_their_excel_number():
    header = schema.INVITEES.headers
    blank = [None] * len(header)
    row = ["KH-1", 1, "Ông", "Nguyễn Văn An"] + [None] * (len(header) - 4)
    reg = reader.registry_from_grids({schema.INVITEES.name: [header, blank, row, ["", " "]]})
    assert [(i.row, i.full_name) for i in reg.invitees] == [(3, "Nguyễn Văn An")]


def test_a_file_that_is_not_a_workbook_is_refused_clearly(tmp_path):
    bad = tmp_path / "so.xlsx"
    bad.write_text("không phải Excel")
    with pytest.raises(RegistryUnreadable) as exc:
        reader.read_registry(bad)
    assert "Không mở được" in str(exc.value)
    with pytest.raises(RegistryUnreadable, match="Không tìm thấy"):
        reader.read_registry(tmp_path / "khong-co.xlsx")


def test_a_workbook_that_is_not_a_registry_is_refused(tmp_path):
    path = tmp_path / "khac.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Bảng lương"
    wb.save(path)
    with pytest.raises(RegistryUnreadable, match="không phải là sổ"):
        reader.read_registry(path)


def test_settings_are_read_with_their_types_and_defaults(blank_path, sample_registries):
    blank = reader.read_registry(blank_path)
    assert blank.settings.due_soon_days == 3
    assert blank.settings.numbering == "theo loại"
    assert blank.settings.unit_name is None
    s = sample_registries["tu-minh"].settings
    assert s.unit_name == "Phường Tứ Minh"
    assert s.place_name == "Tứ Minh"
    assert s.contact_phone == "0900444000"
