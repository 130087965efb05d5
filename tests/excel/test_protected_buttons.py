"""Issue 27 §4 through xlwings' JSON book: buttons that write new workbooks follow the open
workbook. Excel itself (Book.api.HasPassword over COM) cannot run here: the shell's answer is
set in each test, and what is checked is everything after it: the files, the actions sent to
the workbook (Mật khẩu phiếu, Nhật ký), the messages."""
import datetime as dt
import io
import os
import re

import openpyxl
import pytest

import jsonbook
from jsonbook import actions, sheet_names
from doithoai import buttons
from doithoai.excel import shell
from doithoai.files import protected, reader

TODAY = dt.date(2026, 5, 1)


def _book(path, **kw):
    return jsonbook.book(path, name=path, sheet="Kế hoạch", selection="C2", **kw)


@pytest.fixture
def with_password(monkeypatch):
    monkeypatch.setattr(shell.ExcelShell, "has_password", lambda self: True)


def _written(path, book, sheet) -> list[list]:
    names = sheet_names(path)
    return [row for a in actions(book, "setValues") if names[a["sheet_position"]] == sheet
            for row in a["values"]]


def test_the_json_book_says_no_password():
    """What the shell answers where it cannot ask Excel (the JSON book, the web)."""
    book = jsonbook.book(os.path.join(os.path.dirname(__file__), "..", "..",
                                      "workbook_templates", "so-doi-thoai-mau.xlsx"))
    assert shell.ExcelShell(book).has_password() is False


def test_intake_files_follow_a_workbook_with_a_password(sample_copy, with_password, shells):
    path = sample_copy("tu-minh")
    book = _book(path)
    message = buttons.intake_export(book, today=TODAY)
    assert message.startswith("Đã tạo 2 tệp phiếu cho MTTQ (KH-2026-01)") and \
        "mỗi tệp một mật khẩu" in message
    folder = os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01", "MTTQ")
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    assert len(files) == 2 and all(protected.is_encrypted(f) for f in files)
    keys = _written(path, book, "Mật khẩu phiếu")
    assert [k[4] for k in keys] == [os.path.basename(f) for f in files]
    for row, f in zip(keys, files):                   # each password opens its own file
        assert re.fullmatch(r"\d{4}-\d{4}-\d{4}", row[5])
        protected.open_file(f, tried=[row[5]])
    alerts = [a["args"][0] for a in actions(book, "alert")]
    assert any(all(k[5] in text for k in keys) for text in alerts)     # shown once
    log = _written(path, book, "Nhật ký")
    assert not any(k[5] in str(v) for row in log for v in row for k in keys)
    assert log[-1][5].startswith("Ủy ban MTTQ (TDP Cẩm Khê A; TDP Cẩm Khê B)")
    assert log[-1][6] == 0 and log[-1][7] == "Có"
    # Nhận ý kiến từ MTTQ opens the returned files with the passwords the workbook keeps.
    after = jsonbook.apply_actions(path, book.json()["actions"], path + ".after.xlsx")
    data = protected.decrypt(open(files[0], "rb").read(), keys[0][5])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Ý kiến"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    for c, v in enumerate(["Phiếu hỏi", "20/05/2026", "Ông Lê Văn Thử", "TDP Cẩm Khê A",
                           "0911222333", "Đề nghị sửa cống ngõ 3."], start=2):
        ws.cell(row=head + 1, column=c, value=v)
    buffer = io.BytesIO()
    wb.save(buffer)
    back = os.path.join(os.path.dirname(path), "ve.xlsx")
    with open(back, "wb") as fh:
        fh.write(protected.encrypt(buffer.getvalue(), keys[0][5]))
    merged = buttons.intake_merge(_book(after), files=[back], today=dt.date(2026, 5, 20))
    assert "ve.xlsx: đọc 1 dòng = 1 thêm mới" in merged


def test_intake_files_are_plain_when_the_workbook_has_no_password(sample_copy, shells):
    path = sample_copy("tu-minh")
    book = _book(path)
    buttons.intake_export(book, today=TODAY)
    folder = os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01", "MTTQ")
    assert not any(protected.is_encrypted(os.path.join(folder, f)) for f in os.listdir(folder))
    assert _written(path, book, "Mật khẩu phiếu") == []
    assert _written(path, book, "Nhật ký")[-1][7] == "Không"


def test_a_workbook_with_a_password_but_no_sheet_for_them_is_refused(sample_copy, tmp_path,
                                                                       with_password, shells):
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    del wb["Mật khẩu phiếu"]                  # a registry made before 0.4
    wb.save(path)
    book = _book(path)
    assert buttons.intake_export(book, today=TODAY) is None
    assert "Mật khẩu phiếu" in actions(book, "alert")[-1]["args"][0]
    assert not os.path.exists(os.path.join(os.path.dirname(path), "van-ban"))


def _with_names(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Cấu hình"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(row=r, column=1).value == "Ghi tên người nêu trong báo cáo theo dõi")
    ws.cell(row=row, column=2).value = "Có"
    wb.save(path)


@pytest.mark.parametrize("names,password", [(True, True), (True, False), (False, True)])
def test_the_monitoring_workbook_follows_the_workbook_when_it_names_people(
        sample_copy, monkeypatch, shells, names, password):
    path = sample_copy("tu-minh")
    if names:
        _with_names(path)
    monkeypatch.setattr(shell.ExcelShell, "has_password", lambda self: password)
    book = _book(path)
    message = buttons.monitor_report(book, as_of=dt.date(2026, 11, 20))
    made = re.search(r"Đã tạo báo cáo theo dõi: (\S+\.xlsx)", message).group(1)
    alerts = [a["args"][0] for a in actions(book, "alert")]
    assert protected.is_encrypted(made) == (names and password)
    if names and password:
        pw = re.search(r"mật khẩu: (\d{4}-\d{4}-\d{4})", alerts[0]).group(1)
        protected.open_file(made, tried=[pw])
        assert not any(pw in str(v) for row in _written(path, book, "Nhật ký") for v in row)
    log = _written(path, book, "Nhật ký")
    if names:          # personal data left: for whom, how many people, encrypted or not
        assert log[-1][5] == "Văn phòng Đảng ủy, Ủy ban MTTQ" and log[-1][6] > 0
        assert log[-1][7] == ("Có" if password else "Không")
    else:
        assert len(log) == 1 and not log[0][5]         # no personal data: no record


def test_documents_that_name_citizens_are_recorded(sample_copy, shells):
    path = sample_copy("tu-minh")
    book = _book(path)
    buttons.doc_citizen_notices(book, today=dt.date(2026, 11, 20))
    log = _written(path, book, "Nhật ký")
    reg = reader.read_registry(path)
    # One row: the press, its files and the one kind of document that named citizens
    # (registry.logbook: the first release shares the action's row).
    # Gửi cho: the citizens, then the copies the notices' Nơi nhận list (tests/documents/
    # test_log_recipients.py holds every kind to its documents).
    assert len(log) == 1 and log[0][5].startswith("người nêu ý kiến; ") and \
        "(để chuyển)" in log[0][5] and "(để giám sát)" in log[0][5] and log[0][7] == "Không"
    folder = os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01")
    notices = [f for f in os.listdir(os.path.join(folder, "TBCD")) if f.endswith(".docx")]
    assert log[0][6] == len(notices) > 0           # one citizen per notice
    assert log[0][6] <= len({o.raised_by for o in reg.opinions})
