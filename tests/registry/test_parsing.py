import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.registry import parsing
from doithoai.registry.parsing import Unreadable


@pytest.mark.parametrize("value", [
    dt.date(2026, 6, 12), dt.datetime(2026, 6, 12, 0, 0), 46185, 46185.0, "46185",
    "12/6/2026", "12/06/2026", "12-06-2026", "12.06.2026", "2026-06-12", "2026/6/12",
    " 12/06/2026 ", "12/6/26", "ngày 12 tháng 6 năm 2026", "12 tháng 06 năm 2026",
    "2026-06-12 00:00:00", "12\u00a0/06/2026",
])
def test_dates_a_clerk_types(value):
    assert parsing.parse_date(value) == dt.date(2026, 6, 12)


@pytest.mark.parametrize("value", [
    "31/02/2026", "12/13/2026", "hôm qua", "12/6", "2026", "1.5", 0, -3, True, 46185.5,
    "Thứ 6", "",
])
def test_dates_that_cannot_be_read(value):
    with pytest.raises(Unreadable):
        parsing.parse_date(value)


def test_excel_serials_around_the_1900_bug():
    assert parsing.serial_to_date(1) == dt.date(1900, 1, 1)
    assert parsing.serial_to_date(61) == dt.date(1900, 3, 1)
    assert parsing.serial_to_date(45658) == dt.date(2025, 1, 1)


@pytest.mark.parametrize("value,expected", [
    (dt.time(8, 0), dt.time(8, 0)), (0.3333333333, dt.time(8, 0)), (0.5, dt.time(12, 0)),
    ("8:00", dt.time(8, 0)), ("08:00", dt.time(8, 0)), ("8:00:00", dt.time(8, 0)),
    ("08 giờ 00", dt.time(8, 0)), ("08 giờ 00 phút", dt.time(8, 0)), ("8h30", dt.time(8, 30)),
    ("8h", dt.time(8, 0)), ("14g30", dt.time(14, 30)), ("2 giờ chiều", dt.time(14, 0)),
    ("14 giờ 30 phút", dt.time(14, 30)), ("7 giờ 30 tối", dt.time(19, 30)),
    (dt.datetime(1899, 12, 30, 14, 30), dt.time(14, 30)), (dt.timedelta(hours=9), dt.time(9, 0)),
])
def test_times(value, expected):
    assert parsing.parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "8:75", "sáng sớm", 1.5, 8, "Thứ 6"])
def test_times_that_cannot_be_read(value):
    with pytest.raises(Unreadable):
        parsing.parse_time(value)


@pytest.mark.parametrize("value,expected", [
    (150, 150), (150.0, 150), ("150", 150), (" 150 ", 150), ("1.000", 1000), ("1,000", 1000)])
def test_whole_numbers(value, expected):
    assert parsing.parse_int(value) == expected


@pytest.mark.parametrize("value", ["150 người", 1.5, "một trăm", True])
def test_whole_numbers_refused(value):
    with pytest.raises(Unreadable):
        parsing.parse_int(value)


@pytest.mark.parametrize("value,expected", [
    ("0912345678", "0912345678"), ("0912 345 678", "0912345678"), ("0912.345.678", "0912345678"),
    (912345678, "0912345678"), (912345678.0, "0912345678"), ("+84 912 345 678", "0912345678"),
    ("84912345678", "0912345678"), ("0220 3123 456", "02203123456"),
])
def test_phones(value, expected):
    assert parsing.parse_phone(value) == expected


@pytest.mark.parametrize("value", ["12345", "0123456789", "09123456789", "abc", "0912-34x-678"])
def test_phones_refused(value):
    with pytest.raises(Unreadable):
        parsing.parse_phone(value)


def test_normalize_text_folds_spaces_and_composes():
    decomposed = "Thu\u0309y"   # u + combining hook above
    assert parsing.normalize_text("  Nguyễn   Thị\u00a0" + decomposed + " ") == "Nguyễn Thị Thủy"
    assert parsing.normalize_text("dòng 1  \n  dòng 2") == "dòng 1\ndòng 2"


def test_to_text_of_cell_values():
    assert parsing.to_text(118.0) == "118"
    assert parsing.to_text(dt.date(2026, 6, 5)) == "05/06/2026"
    assert parsing.to_text(dt.time(8, 0)) == "08:00"


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=0x7f)),
                 st.text(alphabet=st.sampled_from("aA Zz-09\t\n\r\u00a0\u200bĐđÁá\u0301")),
                 st.text()))
def test_fold_is_the_case_folded_normal_text_whatever_the_value(value):
    """The fast path of plain ASCII values gives the same key as the slow one."""
    assert parsing.fold(value) == parsing.normalize_text(value).casefold()
