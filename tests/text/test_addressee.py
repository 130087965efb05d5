"""Addressee composition: title and body typed as clerks type them, never a repeated phrase."""
import pytest

from doithoai.text.addressee import addressee_line, compose, repeated_phrase

CASES = [
    # (Chức vụ, Cơ quan/Đơn vị, expected)
    ("Chủ tịch HĐND", "HĐND phường Tứ Minh", "Chủ tịch HĐND phường Tứ Minh"),
    ("Chủ tịch HĐND phường", "HĐND phường Tứ Minh", "Chủ tịch HĐND phường Tứ Minh"),
    ("Chủ tịch Hội đồng nhân dân phường", "HĐND phường Tứ Minh",
     "Chủ tịch Hội đồng nhân dân phường Tứ Minh"),
    ("Chủ tịch HĐND", "Hội đồng nhân dân phường Tứ Minh", "Chủ tịch HĐND phường Tứ Minh"),
    ("Chủ tịch", "HĐND phường Tứ Minh", "Chủ tịch HĐND phường Tứ Minh"),
    ("Chủ tịch HĐND phường Tứ Minh", "HĐND phường Tứ Minh", "Chủ tịch HĐND phường Tứ Minh"),
    ("Chủ tịch HĐND phường Tứ Minh", "", "Chủ tịch HĐND phường Tứ Minh"),
    ("", "HĐND phường Tứ Minh", "HĐND phường Tứ Minh"),
    ("", "", ""),
    ("Phó Chủ tịch UBND phường", "Ủy ban nhân dân phường Tứ Minh",
     "Phó Chủ tịch UBND phường Tứ Minh"),
    ("Phó Chủ tịch Uỷ ban nhân dân", "UBND xã Quảng Sơn", "Phó Chủ tịch Ủy ban nhân dân xã Quảng Sơn"),
    ("Chủ tịch Ủy ban MTTQ Việt Nam phường", "Ủy ban MTTQ phường Tứ Minh",
     "Chủ tịch Ủy ban MTTQ Việt Nam phường Tứ Minh"),
    ("Chủ tịch Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đô Lương",
     "Chủ tịch Ủy ban MTTQ Việt Nam xã Đô Lương"),
    ("Tổ trưởng", "TDP Cẩm Khê A", "Tổ trưởng TDP Cẩm Khê A"),
    ("Tổ trưởng TDP Cẩm Khê A", "TDP Cẩm Khê A", "Tổ trưởng TDP Cẩm Khê A"),
    ("Tổ trưởng tổ dân phố Cẩm Khê A", "TDP Cẩm Khê A", "Tổ trưởng tổ dân phố Cẩm Khê A"),
    ("Bí thư Chi bộ", "Chi bộ TDP Cẩm Khê B", "Bí thư Chi bộ TDP Cẩm Khê B"),
    ("Trưởng Công an phường", "Công an phường Tứ Minh", "Trưởng Công an phường Tứ Minh"),
    ("Trưởng thôn", "Thôn Đông Hòa", "Trưởng thôn Đông Hòa"),
    ("Bí thư Đảng ủy", "Đảng ủy phường Tứ Minh", "Bí thư Đảng ủy phường Tứ Minh"),
    ("Phó Bí thư Thường trực Đảng ủy", "Đảng ủy phường Tứ Minh",
     "Phó Bí thư Thường trực Đảng ủy phường Tứ Minh"),
    ("Hiệu trưởng", "Trường Tiểu học Cẩm Khê", "Hiệu trưởng Trường Tiểu học Cẩm Khê"),
    ("Trạm trưởng", "Trạm Y tế phường", "Trạm trưởng Trạm Y tế phường"),
    ("Phó Trưởng ban", "Ban Tuyên giáo và Dân vận Thành ủy",
     "Phó Trưởng ban Tuyên giáo và Dân vận Thành ủy"),
    # a lower-case abbreviation shared with the body is spelt as the body spells it (never
    # "Tổ trưởng tdp"); the rest of the clerk's wording is kept
    ("  chủ tịch  hđnd ", " HĐND   phường Tứ Minh ", "chủ tịch HĐND phường Tứ Minh"),
    ("Tổ trưởng tdp", "TDP Cẩm Khê A", "Tổ trưởng TDP Cẩm Khê A"),
    ("Chủ tịch Hội Cựu chiến binh", "Hội CCB xã Bắc Thanh Miện",
     "Chủ tịch Hội Cựu chiến binh xã Bắc Thanh Miện"),
    ("Đại diện hộ gia đình", "", "Đại diện hộ gia đình"),
]


@pytest.mark.parametrize("title, body, expected", CASES)
def test_compose(title, body, expected):
    out = compose(title, body)
    assert out == expected
    assert repeated_phrase(out) is None


def test_at_least_twenty_combinations():
    assert len(CASES) >= 20


def test_addressee_line():
    assert addressee_line("Ông Nguyễn Văn An", "Tổ trưởng", "TDP Cẩm Khê A") == \
        "Ông Nguyễn Văn An - Tổ trưởng TDP Cẩm Khê A"
    assert addressee_line("Bà Lê Thị Hoa", "", "") == "Bà Lê Thị Hoa"


@pytest.mark.parametrize("text", ["Chủ tịch HĐND HĐND phường Tứ Minh",
                                  "Chủ tịch HĐND Hội đồng nhân dân phường",
                                  "Tổ trưởng TDP Cẩm Khê A TDP Cẩm Khê A"])
def test_repeated_phrase_found(text):
    assert repeated_phrase(text)
