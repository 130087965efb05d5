"""Every button function, run through xlwings' JSON book built from the sample registries."""
import datetime as dt
import os

import openpyxl
import pytest

import jsonbook
from jsonbook import actions, sheet_names
from doithoai import buttons
from doithoai.buttons import common
from doithoai.excel.shell import ExcelShell
from doithoai.files import reader
from doithoai.registry import schema

TODAY = dt.date(2026, 11, 22)




def assert_writes_only_owned_cells(path, book):
    """Values go only to computed columns of data sheets, or to product-owned sheets."""
    names = sheet_names(path)
    for a in actions(book, "setValues"):
        sheet = schema.SHEETS_BY_NAME[names[a["sheet_position"]]]
        if sheet.role == "product":
            continue
        for c in range(a["start_column"], a["start_column"] + a["column_count"]):
            assert c < len(sheet.columns) and sheet.columns[c].computed, (sheet.name, c)


def test_validate_button(sample_paths, shells, tmp_path):
    path = sample_paths["trung-hoi"]
    book = jsonbook.book(path)
    message = buttons.validate_registry(book, today=TODAY)
    assert message.startswith("Kiểm tra xong: 1 lỗi, 3 cảnh báo, 1 lưu ý.")
    assert "Xem trang Kiểm tra; bấm vào địa chỉ ô để tới" in message     # Calc's needs Ctrl
    shell = shells[0]
    assert shell.status_log[-1] is None
    assert max(shell.reads.values()) == 1                       # one bulk read per table
    assert set(shell.reads) == set(reader.NEEDED_SHEETS) | {"Nhật ký"}
    assert shell.status_log[:2] == ["Đang đọc sổ…",
                                    "Đang kiểm tra 1 kế hoạch, 50 đại biểu, 22 ý kiến…"]
    writes = [(sheet_names(path)[a["sheet_position"]], a["row_count"])
              for a in actions(book, "setValues")]
    assert [w[0] for w in writes] == ["Kiểm tra", "Kiểm tra", "Nhật ký"]
    assert_writes_only_owned_cells(path, book)
    notes = actions(book, "addNote")
    assert [n["args"][0] for n in notes] == ["$K$2", "$J$2", "$U$2"]   # U2: "Hoàn thành" owed
    assert actions(book)[-1]["func"] == "alert" and actions(book)[-1]["args"][0] == message
    # The workbook a clerk would see.
    out = jsonbook.apply_actions(path, actions(book), str(tmp_path / "after.xlsx"))
    wb = openpyxl.load_workbook(out)
    assert wb["Kế hoạch"]["K2"].fill.fgColor.rgb.endswith("FFC7CE")
    kt = wb["Kiểm tra"]
    assert [kt.cell(row=r, column=2).value for r in range(2, 7)] == [
        "no-conference-in-year", "weekday-mismatch", "meeting-not-working-day",
        "plan-complete-owed", "row-has-errors"]
    assert kt["D3"].value == '=HYPERLINK("#\'Kế hoạch\'!K2","K2")'
    assert wb["Nhật ký"]["C2"].value == "Kiểm tra dữ liệu"
    assert wb["Nhật ký"].tables["NhatKy"].ref == "A1:H2"   # Nhật ký has the three columns of 0.4


def test_deadline_button_writes_the_same_blocks_whatever_the_size(sample_paths, shells,
                                                                  tmp_path):
    counts = {}
    for slug in ("trung-hoi", "tu-minh", "do-luong"):
        path = sample_paths[slug]
        book = jsonbook.book(path)
        message = buttons.compute_deadlines(book, today=TODAY)
        assert message.startswith("Đã tính ")
        shell = shells[-1]
        assert max(shell.reads.values()) == 1
        assert_writes_only_owned_cells(path, book)
        counts[slug] = [sheet_names(path)[a["sheet_position"]]
                        for a in actions(book, "setValues")]
        assert any(s.startswith("Đang tính hạn") for s in shell.status_log)
    # 2 blocks of Mốc thời gian (the columns either side of Ngày hoàn thành), 1 of Ý kiến,
    # 1 Nhật ký row: the same for 22 opinions as for 36.
    for written in counts.values():
        assert written == ["Mốc thời gian", "Mốc thời gian", "Ý kiến", "Nhật ký"]
    # Applied back: a clerk's registry with its milestones and reply deadlines.
    path = sample_paths["tu-minh"]
    book = jsonbook.book(path)
    buttons.compute_deadlines(book, today=TODAY)
    out = jsonbook.apply_actions(path, actions(book), str(tmp_path / "after.xlsx"))
    reg = reader.read_registry(out)
    # (KET_LUAN_GIA_HAN ships off: one step fewer than before 0.5.1)
    assert len(reg.milestones) == 49 and all(m.due and m.status for m in reg.milestones)
    assert sum(1 for o in reg.opinions if o.reply_due) == 19
    typed = {m.code: m.done_date for m in reader.read_registry(path).milestones}
    assert {m.code: m.done_date for m in reg.milestones if m.code in typed} == typed


def test_buttons_refuse_a_workbook_that_is_not_a_registry(tmp_path, shells):
    path = tmp_path / "bang-luong.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Bảng lương"
    wb.save(path)
    for button in (buttons.validate_registry, buttons.compute_deadlines, buttons.open_folder):
        book = jsonbook.book(str(path))
        assert button(book) is None
        acts = actions(book)
        assert [a["func"] for a in acts] == ["alert"]
        assert "không phải là sổ theo dõi" in acts[0]["args"][0]


def test_a_missing_sheet_is_named(sample_copy, shells):
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    del wb["Quy tắc thời hạn"]
    wb.save(path)
    book = jsonbook.book(path)
    buttons.compute_deadlines(book, today=TODAY)
    assert "thiếu trang: Quy tắc thời hạn" in actions(book)[-1]["args"][0]
    assert actions(book, "setValues") == []


def test_unexpected_errors_become_a_message_and_a_log(sample_paths, monkeypatch, tmp_path,
                                                      shells):
    import tempfile
    from doithoai.rules import validation
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(validation, "validate", lambda reg, today: 1 / 0)
    book = jsonbook.book(sample_paths["tu-minh"])
    assert buttons.validate_registry(book) is None
    last = actions(book)[-1]
    assert last["func"] == "alert" and "Có lỗi không mong đợi khi kiểm tra dữ liệu" in \
        last["args"][0]
    assert "Traceback" not in last["args"][0]
    log = tmp_path / "doithoai" / common.LOG_NAME
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert shells[0].status_log[-1] is None          # the status bar was given back to Excel


def test_new_registry_button(sample_paths, tmp_path, shells):
    book = jsonbook.book(sample_paths["tu-minh"])
    first = buttons.new_registry(book, folder=str(tmp_path))
    book2 = jsonbook.book(sample_paths["tu-minh"])
    second = buttons.new_registry(book2, folder=str(tmp_path))
    year = dt.date.today().year
    assert sorted(os.listdir(tmp_path)) == [f"so-doi-thoai-{year} (2).xlsx",
                                            f"so-doi-thoai-{year}.xlsx"]
    assert "Đã tạo sổ mới" in first and "(2)" in second and "đã có tệp" not in first
    assert f"đã có tệp so-doi-thoai-{year}.xlsx" in second and "tệp kia giữ nguyên" in second
    reg = reader.read_registry(tmp_path / f"so-doi-thoai-{year}.xlsx")
    assert len(reg.rules) == len(schema.DEFAULT_RULES)
    assert actions(book)[-1]["func"] == "alert"


def test_open_folder_button(sample_copy, tmp_path, shells):
    path = sample_copy("tu-minh")
    book = jsonbook.book(path, name=path)           # a registry saved on this disk
    message = buttons.open_folder(book)
    docs = os.path.join(os.path.dirname(path), "van-ban")
    assert os.path.isdir(docs) and docs in message
    unsaved = jsonbook.book(path)                  # only a name: not on this disk
    assert buttons.open_folder(unsaved) is None
    assert "chưa được lưu" in actions(unsaved)[-1]["args"][0]


def test_help_button(sample_paths, shells):
    book = jsonbook.book(sample_paths["tu-minh"])
    assert buttons.show_help(book) == common.HELP_TEXT
    assert actions(book)[-1]["args"][0].startswith("Các bước làm việc")
    # It only shows the steps: nothing is written, no Nhật ký row (a fresh-eyes trial found the
    # registry's log filling with the help's whole text at each press).
    assert actions(book, "setValues") == []


def test_selected_plan(sample_paths):
    path = sample_paths["do-luong"]
    reg = reader.read_registry(path)
    k2_row = next(o.row for o in reg.opinions if o.plan_id == "KH-2026-02")
    cases = [("Ý kiến", f"C{k2_row}", "KH-2026-02"), ("Kế hoạch", "B2", "KH-2026-01"),
             ("Kế hoạch", "E3", "KH-2026-02"), ("Đại biểu", "D5", "KH-2026-01")]
    day = dt.date(2026, 6, 1)
    for sheet, sel, expected in cases:
        shell = ExcelShell(jsonbook.book(path, sheet=sheet, selection=sel))
        assert common.selected_plan(shell, reg, day).plan_id == expected
    # Ambiguous: the clerk is asked; a client that cannot answer gets the instruction.
    shell = ExcelShell(jsonbook.book(path, sheet="Cấu hình", selection="B2"))
    with pytest.raises(common.Refused, match="Hãy chọn một dòng"):
        common.selected_plan(shell, reg, day)
    assert shell.book.json()["actions"][-1]["func"] == "alert"
    # The plan asked about is the one nearest the button's day, not the computer's.
    asked = []
    shell.ask = lambda text: asked.append(text) or True
    for p in (p for p in reg.plans if p.meeting_date):
        assert common.selected_plan(shell, reg, p.meeting_date).plan_id == p.plan_id
    assert asked
    single = reader.read_registry(sample_paths["tu-minh"])
    shell = ExcelShell(jsonbook.book(sample_paths["tu-minh"], sheet="Cấu hình"))
    assert common.selected_plan(shell, single, day).plan_id == "KH-2026-01"


def test_importing_the_buttons_loads_no_heavy_library():
    import subprocess
    import sys
    heavy = ("openpyxl", "holidays", "docx", "docxtpl", "python_calamine", "xlwings", "lxml",
             "pyopenvba")
    code = ("import sys, doithoai.buttons; "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == ""


# --- the document buttons ----------------------------------------------------------------------

def _saved_book(sample_copy, slug, **kw):
    path = sample_copy(slug)
    return path, jsonbook.book(path, name=path, **kw)


def test_invitations_button(sample_copy, shells, tmp_path):
    path, book = _saved_book(sample_copy, "tu-minh", sheet="Kế hoạch", selection="C2")
    message = buttons.doc_invitations(book, today=TODAY)
    assert message.startswith("Tạo giấy mời (KH-2026-01): Đã tạo 98 tệp văn bản.")
    folder = os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01")
    assert len(os.listdir(os.path.join(folder, "GM"))) == 97          # 99 invited, less the two hosts
    assert os.path.exists(os.path.join(folder, "GM_tat-ca.docx"))
    shell = shells[0]
    assert max(shell.reads.values()) == 1
    assert "Đang tạo giấy mời 25/97…" in shell.status_log
    assert "Đang tạo giấy mời 97/97…" in shell.status_log
    assert [sheet_names(path)[a["sheet_position"]] for a in actions(book, "setValues")] == \
        ["Sổ văn bản", "Nhật ký"]
    assert_writes_only_owned_cells(path, book)
    out = jsonbook.apply_actions(path, actions(book), str(tmp_path / "after.xlsx"))
    reg = reader.read_registry(out)
    assert [(e.kind, e.status, e.file) for e in reg.register] == [
        ("GM", "Dự thảo", os.path.join("KH-2026-01", "GM_tat-ca.docx"))]


def test_a_cancelled_plans_invitations_are_refused_at_its_status_cell(sample_copy, shells):
    """The button on a plan typed "Đã hủy": no invitation is made, and the message says why,
    where (sheet Kế hoạch, its row, column Trạng thái) and what to do, in Vietnamese."""
    from xlsx_edit import cell_ref, edit
    path = sample_copy("tu-minh")
    edit(path, [("plans", "status", 2, schema.CANCELLED_STATUS)])
    book = jsonbook.book(path, name=path, sheet="Kế hoạch", selection="C2")
    message = buttons.doc_invitations(book, today=TODAY)
    for words in ("Không tạo GM của kế hoạch KH-2026-01", "trang Kế hoạch, dòng 2",
                  "cột \"Trạng thái\" ghi \"Đã hủy\"", cell_ref("plans", "status", 2),
                  "Nếu hội nghị chỉ dời ngày"):
        assert words in message, (words, message)
    assert "Traceback" not in message
    assert not os.path.exists(os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01",
                                           "GM"))


def test_all_documents_button_on_the_selected_plan(sample_copy, shells):
    reg = reader.read_registry(sample_copy("do-luong"))
    row = next(o.row for o in reg.opinions if o.plan_id == "KH-2026-02")
    path, book = _saved_book(sample_copy, "do-luong", sheet="Ý kiến", selection=f"B{row}")
    message = buttons.documents_all(book, today=TODAY)
    assert message.startswith("Tạo tất cả văn bản (KH-2026-02):")
    assert os.path.isdir(os.path.join(os.path.dirname(path), "van-ban", "KH-2026-02"))
    assert not os.path.exists(os.path.join(os.path.dirname(path), "van-ban", "KH-2026-01"))
    assert max(shells[0].reads.values()) == 1


def test_issue_button_numbers_and_writes_back(sample_copy, shells, tmp_path):
    path, book = _saved_book(sample_copy, "tu-minh", sheet="Kế hoạch", selection="A2")
    message = buttons.issue_documents(book, today=TODAY, confirm=True)
    assert message.startswith("Ban hành văn bản (KH-2026-01): Đã tạo")
    names = sheet_names(path)
    written = [names[a["sheet_position"]] for a in actions(book, "setValues")]
    assert written[0] == "Sổ văn bản" and written[-1] == "Nhật ký"
    # Besides the product sheets, only the issued replies' number and date, where still empty,
    # and the computed Hạn trả lời, as the documents just issued make it (what Tính hạn writes).
    before = reader.read_registry(path)
    reply_col = schema.OPINIONS.keys.index("reply_number")
    due_col = schema.OPINIONS.keys.index("reply_due")
    for a in actions(book, "setValues"):
        if names[a["sheet_position"]] == "Ý kiến" and a["start_column"] == due_col:
            assert a["column_count"] == 1 and schema.OPINIONS.columns[due_col].computed
        elif names[a["sheet_position"]] == "Ý kiến":
            assert (a["start_column"], a["column_count"], a["row_count"]) == (reply_col, 2, 1)
            row = a["start_row"] + 1
            o = next(o for o in before.opinions if o.row == row)
            assert o.reply_number is None and o.reply_date is None
    out = jsonbook.apply_actions(path, actions(book), str(tmp_path / "after.xlsx"))
    after = reader.read_registry(out)
    issued = [e for e in after.register if e.status == "Đã ban hành"]
    # After the conference (12/06/2026) what announced or prepared it (the announcement, the
    # invitations, the summary of opinions, the assignment letters) is not issued; the plan
    # keeps the number it was typed with.
    assert {e.kind for e in issued} == {"KH", "BB", "TBKL", "CVTL", "CVDD", "CVKN", "TBCD",
                                        "BCKQ"}
    assert "TB, GM, BCTH, CVPC (KH-2026-01) chỉ tạo bản nháp, không cấp số" in message
    assert next(e.number_symbol for e in issued if e.kind == "KH") == "118/KH-UBND"
    # The message says the numbers given, as the command prints them (a fresh-eyes trial had
    # to open Sổ văn bản to find them), each as Sổ văn bản records it.
    given = next(line for line in message.split("\n") if line.startswith("Đã cấp số: "))
    numbered = [e for e in issued if e.kind != "KH"]
    assert all(f"{e.number_symbol} ({e.kind})" in given for e in numbered[:12]), given
    replied = [o for o in after.opinions if o.reply_number and o.reply_number.endswith("UBND-VP")
               and o.opinion_id in {e.opinion_id for e in issued}]
    assert replied and all(o.reply_date for o in replied)


def test_issue_asks_first(sample_copy, shells):
    path, book = _saved_book(sample_copy, "tu-minh", sheet="Kế hoạch", selection="A2")
    assert buttons.issue_documents(book, today=TODAY) is None     # no answer from this client
    assert "Chưa ban hành" in actions(book)[-1]["args"][0]
    assert actions(book, "setValues") == []


def test_document_buttons_need_a_saved_registry(sample_paths, shells):
    book = jsonbook.book(sample_paths["tu-minh"])
    assert buttons.doc_plan(book) is None
    assert "chưa được lưu" in actions(book)[-1]["args"][0]
