"""Rows that vanished (issue 26 §2): every returned row ends in exactly one outcome, a file
that does not fit its plan is set aside, and nothing is merged into the wrong conference.

Read from what the clerk sees: the conservation line, the outcomes, and the registry copy the
merge writes (merged again, the same file adds nothing and loses nothing).
"""
import datetime as dt

import openpyxl
import pytest

from test_remerge import _merged_copy, _write_rows
from doithoai.files import reader
from doithoai.sharing import intake, merge

ROW = {"Nguồn": "Phiếu hỏi", "Lĩnh vực": "Khác"}


def _row(code, who, words, received):
    return {**ROW, "Mã phiếu": code, "Người nêu": who, "Nội dung": words, "Ngày nhận": received}


@pytest.fixture
def tu_minh(sample_copy):
    path = sample_copy("tu-minh")
    return path, reader.read_registry(path)


def _returned(reg, folder, rows, plan="KH-2026-01", village="TDP Cẩm Khê A",
              today=dt.date(2026, 5, 18)):
    path = intake.export(reg, plan, str(folder), villages=[village], today=today)[0].path
    return _write_rows(path, rows)


def _outcomes(res):
    return [(o.row, o.status) for o in res.outcomes]


def test_one_code_on_two_citizens_rows_sets_the_second_aside(tu_minh, tmp_path):
    """The same Mã phiếu on two rows for two citizens: the line said "2 thêm mới + 1 đã có"
    and Bà Trần Thị Mẫu's row was neither added nor set aside."""
    path, reg = tu_minh
    d = dt.date(2026, 5, 20)
    file = _returned(reg, tmp_path, [
        _row("CKA-001", "Ông Lê Văn Tâm", "Đề nghị sửa cống ngõ 4.", d),
        _row("CKA-002", "Bà Phan Thị Nga", "Đề nghị lắp đèn ngõ 9.", d),
        _row("CKA-001", "Bà Trần Thị Mẫu", "Đề nghị nạo vét mương sau chợ.", d)])
    res = merge.merge(reg, [intake.read_returned(file)], today=d)
    f = res.files[0]
    assert (f.read, f.added, f.already, f.set_aside) == (3, 2, 0, 1) and f.balanced
    aside = [o for o in res.outcomes if o.status == "set_aside"]
    assert [o.code for o in aside] == ["CKA-001"] and "đã dùng ở dòng" in aside[0].reason
    copy = _merged_copy(path, res)
    assert [p.raised_by for p in copy.pending] == ["Bà Trần Thị Mẫu"]
    assert "Bà Trần Thị Mẫu" not in {o.raised_by for o in copy.opinions}
    again = merge.merge(copy, [intake.read_returned(file)], today=d)
    g = again.files[0]
    assert (g.read, g.added, g.already, g.set_aside) == (3, 0, 2, 1) and g.balanced
    assert not any(b.sheet == "Chờ xử lý" for b in again.changes.blocks)


def test_one_row_typed_twice_is_one_opinion(tu_minh, tmp_path):
    path, reg = tu_minh
    d = dt.date(2026, 5, 20)
    file = _returned(reg, tmp_path, [_row("CKA-001", "Ông Lê Văn Tâm", "Đề nghị sửa cống.", d),
                                     _row("CKA-001", "Ông Lê Văn Tâm", "Đề nghị sửa cống.", d)])
    res = merge.merge(reg, [intake.read_returned(file)], today=d)
    assert _outcomes(res)[1][1] == "already" and res.files[0].added == 1


@pytest.fixture
def do_luong(sample_copy):
    path = sample_copy("do-luong")
    return path, reader.read_registry(path)


def _edit_identity(path, plan):
    wb = openpyxl.load_workbook(path)
    ws = wb[intake.ID_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "plan":
            row[1].value = plan
    wb.save(path)


def test_a_file_whose_hidden_plan_was_edited_is_set_aside(do_luong, tmp_path):
    """November's forms (KH-2026-02, meeting 11/12) with the hidden plan id edited to June's
    KH-2026-01 went into June's plan without a word."""
    path, reg = do_luong
    d = dt.date(2026, 11, 20)
    file = _returned(reg, tmp_path, [_row("X1-001", "Ông Cao Văn Hải", "Đề nghị sửa đường.", d),
                                     _row("X1-002", "Bà Hồ Thị Lan", "Đề nghị lắp đèn.", d)],
                     plan="KH-2026-02", village="Xóm 1", today=dt.date(2026, 11, 2))
    _edit_identity(file, "KH-2026-01")
    res = merge.merge(reg, [intake.read_returned(file)], today=d)
    f = res.files[0]
    assert (f.read, f.added, f.set_aside) == (2, 0, 2) and f.balanced
    assert all("KH-2026-02" in o.reason for o in res.outcomes)


def test_a_file_made_after_its_plans_meeting_is_set_aside(do_luong, tmp_path):
    """The identity and the header both edited to June's plan: the file was made on 02/11,
    months after June's meeting; it cannot hold June's forms."""
    path, reg = do_luong
    d = dt.date(2026, 11, 20)
    file = _returned(reg, tmp_path, [_row("X1-001", "Ông Cao Văn Hải", "Đề nghị sửa đường.", d)],
                     plan="KH-2026-02", village="Xóm 1", today=dt.date(2026, 11, 2))
    _edit_identity(file, "KH-2026-01")
    wb = openpyxl.load_workbook(file)
    ws = wb[intake.DATA_SHEET]
    for row in ws.iter_rows(max_row=10):
        for c in row:
            if isinstance(c.value, str) and "KH-2026-02" in c.value:
                c.value = c.value.replace("KH-2026-02", "KH-2026-01")
    wb.save(file)
    res = merge.merge(reg, [intake.read_returned(file)], today=d)
    assert res.files[0].added == 0 and res.files[0].set_aside == 1
    assert "được tạo ngày 02/11/2026, sau hội nghị ngày 26/06/2026" in res.outcomes[0].reason


def test_a_row_received_after_the_meeting_is_not_that_meetings(do_luong, tmp_path):
    path, reg = do_luong
    file = _returned(reg, tmp_path, [
        _row("X1-001", "Ông Cao Văn Hải", "Đề nghị sửa đường.", dt.date(2026, 6, 20)),
        _row("X1-002", "Bà Hồ Thị Lan", "Đề nghị lắp đèn.", dt.date(2026, 11, 3))],
        plan="KH-2026-01", village="Xóm 1", today=dt.date(2026, 6, 1))
    res = merge.merge(reg, [intake.read_returned(file)], today=dt.date(2026, 11, 20))
    assert _outcomes(res) == [(res.outcomes[0].row, "added"), (res.outcomes[1].row, "set_aside")]
    assert "sau ngày hội nghị 26/06/2026" in res.outcomes[1].reason
