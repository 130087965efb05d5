import datetime as dt

import pytest

from doithoai.text import vnformat

D = dt.date


@pytest.mark.parametrize("d,expected", [
    (D(2026, 2, 5), "ngày 05 tháng 02 năm 2026"), (D(2026, 5, 15), "ngày 15 tháng 5 năm 2026"),
    (D(2026, 1, 15), "ngày 15 tháng 01 năm 2026"), (D(2026, 12, 1), "ngày 01 tháng 12 năm 2026"),
    (D(2026, 3, 9), "ngày 09 tháng 3 năm 2026"), (D(2026, 10, 20), "ngày 20 tháng 10 năm 2026")])
def test_date_padding_rule(d, expected):
    assert vnformat.date_words(d) == expected


def test_date_line_weekday_and_time():
    assert vnformat.date_line("Tứ Minh", D(2026, 5, 15)) == "Tứ Minh, ngày 15 tháng 5 năm 2026"
    assert vnformat.weekday(D(2026, 6, 12)) == "thứ Sáu"
    assert vnformat.weekday(D(2026, 6, 14)) == "Chủ nhật"
    assert vnformat.time_words(dt.time(8, 0)) == "08 giờ 00 phút"
    assert vnformat.meeting_time(dt.time(8), dt.time(11, 30), D(2026, 6, 12)) == \
        "08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 12/06/2026"


def test_number_lines():
    assert vnformat.number_line(7, "GM-UBND", False) == "Số: 07/GM-UBND"
    assert vnformat.number_line(123, "UBND-VP", False) == "Số: 123/UBND-VP"
    assert vnformat.number_line(2, "KH/ĐU", True) == "Số 02-KH/ĐU"
    assert vnformat.number_line(None, "TB-UBND", False).startswith("Số:  ")


def test_vietnamese_name_order():
    names = ["Nguyễn Văn Bình", "Trần Thị Ánh", "Lê Văn An", "Đỗ Văn Đạt", "Phạm Văn Dũng",
             "Hoàng Thị Anh", "Vũ Thị Ẩn", "Bùi Văn An", "Ngô Thị Ân", "Lý Văn Ă", "Mai Văn Ơn",
             "Hà Văn Ôn", "Tạ Văn Uyên", "Lã Văn Ưng"]
    assert vnformat.sort_names(names) == [
        "Bùi Văn An", "Lê Văn An", "Hoàng Thị Anh", "Trần Thị Ánh", "Lý Văn Ă", "Ngô Thị Ân",
        "Vũ Thị Ẩn", "Nguyễn Văn Bình", "Phạm Văn Dũng", "Đỗ Văn Đạt", "Hà Văn Ôn",
        "Mai Văn Ơn", "Tạ Văn Uyên", "Lã Văn Ưng"]
    # Python's own sort gets this wrong: Đ after Z-range letters, Á after B.
    assert sorted(["Đạt", "Dũng", "Ánh", "Bình"]) != \
        sorted(["Đạt", "Dũng", "Ánh", "Bình"], key=vnformat.collate)


def test_tones_in_dictionary_order():
    words = ["ạnh", "anh", "ánh", "ảnh", "ành", "ãnh"]
    assert sorted(words, key=vnformat.collate) == ["anh", "ành", "ảnh", "ãnh", "ánh", "ạnh"]
