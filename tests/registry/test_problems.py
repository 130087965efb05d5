"""A located problem is a value: immutable, equal to another with the same words at the same
place whatever template fields it was worded from, and said in one line with its kind's others
(registry/problems.py)."""
import pytest

from doithoai.registry import schema
from doithoai.registry.problems import Problem, grouped, make


def test_a_problem_cannot_be_changed():
    p = make("required-missing", schema.OPINIONS.name, row=5, col=7, column="Nội dung")
    with pytest.raises(AttributeError):
        p.row = 6
    assert p.cell == "H5" and p.row == 5 and p.column == "Nội dung"


def test_problems_are_equal_by_their_words_and_place_not_by_their_fields():
    a = make("unknown-reference", "Ý kiến", row=3, col=1, column="Mã KH", value="KH-9",
             target="trang Kế hoạch", key_label="Mã KH", suggestion="")
    b = Problem(*a[:9], fields={"other": "fields"})
    assert a == b and hash(a) == hash(b) and not a != b
    assert len({a, b}) == 1
    moved = make("unknown-reference", "Ý kiến", row=4, col=1, column="Mã KH", value="KH-9",
                 target="trang Kế hoạch", key_label="Mã KH", suggestion="")
    assert a != moved and a != tuple(a)
    assert "fields" not in repr(a) and "row=3" in repr(a)


def test_grouped_problems_name_each_row_and_keep_their_members():
    rows = [make("document-missing-value", "Ý kiến", row=r, col=7, column="Nội dung",
                 document=f"CVTL_{r}", document_kind="CVTL", subject=f"YK-{r}") for r in (3, 4)]
    (one,) = grouped(rows)
    assert one.members == tuple(rows) and one.row is None
    assert one.to_json()["rows"] == [3, 4] and one.to_json()["cells"] == ["H3", "H4"]
    assert "YK-3 (ô H3), YK-4 (ô H4)" in one.message
