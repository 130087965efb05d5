"""Every button on every damaged registry, through xlwings' JSON book: no exception reaches
Excel, the clerk gets one Vietnamese message, and a refused press writes nothing (not even a
Nhật ký row); a structural fault is refused by every button but Kiểm tra dữ liệu, which
reports it, naming the sheet."""
import datetime as dt

import pytest

import damage
import jsonbook
from doithoai import buttons

TODAY = dt.date(2026, 11, 29)
BUTTONS = {
    "validate_registry": lambda b: buttons.validate_registry(b, today=TODAY),
    "compute_deadlines": lambda b: buttons.compute_deadlines(b, today=TODAY),
    "doc_announcement": lambda b: buttons.doc_announcement(b, today=TODAY),
    "intake_export": lambda b: buttons.intake_export(b, today=TODAY),
    "find_duplicates": buttons.find_duplicates,
    "monitor_report": lambda b: buttons.monitor_report(b, as_of=TODAY),
    "update_dashboard": lambda b: buttons.update_dashboard(b, as_of=TODAY),
    "chase_overdue": lambda b: buttons.chase_overdue(b, today=TODAY),
    "carry_over": lambda b: buttons.carry_over(b, today=TODAY),
}
STRUCTURAL = {"sheet renamed": "Ý kiến", "header renamed": "Nội dung",
              "log sheet deleted": "Nhật ký"}


def writes(book):
    return [a for a in book.json()["actions"] if a["func"] == "setValues"]


@pytest.mark.parametrize("fault", list(damage.FAULTS))
def test_every_button_on_a_damaged_registry(sample_paths, tmp_path, shells, fault):
    registry, _ = damage.damaged(fault, sample_paths[damage.SAMPLE], str(tmp_path))
    wrong = {}
    for name, press in BUTTONS.items():
        book = jsonbook.book(registry, sheet="Kế hoạch", selection="B2")
        try:
            press(book)
        except Exception as exc:                      # would reach Excel as a VBA error
            wrong[name] = f"raised {type(exc).__name__}: {exc}"
            continue
        messages = shells[-1].messages
        if len(messages) != 1 or not damage.VIETNAMESE & set(messages[0].lower()):
            wrong[name] = f"messages {messages}"
            continue
        if "Có lỗi không mong đợi" in messages[0]:
            wrong[name] = messages[0]
        if fault in STRUCTURAL and name != "validate_registry":
            if writes(book) or STRUCTURAL[fault] not in messages[0]:
                wrong[name] = f"not refused before writing: {messages[0][:200]}"
    assert not wrong, wrong
