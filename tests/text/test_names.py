"""Names of people and places compared with their accents: "Đông" and "Đồng", "Hà" and "Hạ",
"Hùng" and "Hưng" are different; a name typed without any accent is the name it reads as."""
import datetime as dt

import pytest

from xlsx_edit import cell_ref, edit
from doithoai.files import reader
from doithoai.rules import validation
from doithoai.text import vntext


@pytest.mark.parametrize("a, b, same", [
    ("Nguyễn Văn Hùng", "nguyễn  văn hùng", True),        # case and spacing
    ("Xã Hoà Bình", "Xã Hòa Bình", True),                  # old and new tone placement
    ("Nguyen Van Hung", "Nguyễn Văn Hùng", True),          # typed without accents
    ("Nguyễn Văn Hùng", "Nguyễn Văn Hưng", False),         # two people
    ("Nguyễn Thị Hà", "Nguyễn Thị Hạ", False),
    ("Thôn Đông", "Thôn Đồng", False),                     # two villages
    ("Thon Dong", "Thôn Đồng", True),                      # which one: the reader decides
    ("Nguyễn Văn Hùng", "Nguyễn Văn Hùng Anh", False),
    ("", None, True),
])
def test_same_name(a, b, same):
    assert vntext.same_name(a, b) is same
    assert vntext.same_name(b, a) is same


def test_identity_key_keeps_accents_and_folds_the_rest():
    assert vntext.identity_key("  Xã  HOÀ   Bình ") == "xã hòa bình"
    assert vntext.identity_key("Thôn Đông") != vntext.identity_key("Thôn Đồng")
    assert vntext.identity_key(None) == ""


def test_invitees_one_tone_apart_are_two_people(sample_copy):
    """Two invitees of one plan whose names differ by a tone (same post, same body) are not
    reported as one invited twice; the same name typed without accents is."""
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    i = reg.invitees[8]
    rows = {11: "Nguyễn Văn Hùng", 12: "Nguyễn Văn Hưng", 13: "Nguyen Van Hung"}
    edit(path, [("invitees", key, row, value) for row, name in rows.items()
                for key, value in (("plan_id", i.plan_id), ("full_name", name),
                                   ("position", i.position), ("organization", i.organization))])
    problems = validation.validate(reader.read_registry(path), dt.date(2026, 11, 22))
    flagged = {p.cell for p in problems if p.code == "invitee-duplicate"}
    assert flagged == {cell_ref("invitees", "full_name", 13)}
