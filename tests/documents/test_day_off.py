"""Documents issued on a day that is not a working day (a Sunday, a holiday, a day off typed in
Ngày nghỉ) carry that date: legal, but seldom meant (a computer's clock, a date typed wrong).
The clerk is told, at the command line after the run and at the button before it asks."""
import dataclasses
import datetime as dt

import pytest

from doithoai import cli
from doithoai.documents import notices
from doithoai.registry.model import Override
from doithoai.rules import workcalendar

SUNDAY, MONDAY, NATIONAL_DAY = dt.date(2026, 11, 22), dt.date(2026, 11, 23), dt.date(2026, 9, 2)


def _issue(path, out, day, *extra) -> str:
    code = cli.main(["generate", path, "--out", str(out), "--today", day.isoformat(), *extra])
    assert code in (0, 1)
    return out


@pytest.mark.parametrize("day,said,next_day", [
    (SUNDAY, "(Chủ nhật), ngày nghỉ cuối tuần.", "thứ Hai 23/11/2026"),
    (NATIONAL_DAY, "nghỉ lễ", "thứ Năm 03/09/2026")])
def test_issuing_on_a_day_off_says_so_and_how_to_date_it_otherwise(sample_copy, tmp_path, capsys,
                                                                   day, said, next_day):
    path = sample_copy("tu-minh")
    _issue(path, tmp_path / "vb", day, "--issue")
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "văn bản ban hành lần này ghi ngày" in x)
    assert line.startswith("Lưu ý: ") and f"{day:%d/%m/%Y}" in line and said in line
    assert f"ngày làm việc gần nhất: {next_day}" in line and "bản sao vừa tạo" in line
    d, m, y = next_day.split()[-1].split("/")
    assert f"--today {y}-{m}-{d} (hoặc ngày ký)" in line


def test_issuing_on_a_working_day_or_drafting_on_a_sunday_says_nothing_of_it(
        sample_copy, tmp_path, capsys):
    path = sample_copy("tu-minh")
    _issue(path, tmp_path / "vb", MONDAY, "--issue")
    _issue(path, tmp_path / "nhap", SUNDAY)
    assert "văn bản ban hành lần này ghi ngày" not in capsys.readouterr().out


def test_a_day_off_typed_in_ngay_nghi_counts(sample_registries):
    reg = sample_registries["tu-minh"]
    assert notices.day_off(reg, MONDAY) is None
    declared = dataclasses.replace(reg, overrides=[*reg.overrides, Override(
        row=99, date=MONDAY, kind=workcalendar.OFF, reason="bão số 5")])
    said = notices.day_off(declared, MONDAY)
    assert said and "ngày nghỉ theo trang Ngày nghỉ (bão số 5)" in said and "thứ Hai" in said


def test_the_issue_button_warns_before_it_asks(sample_copy, monkeypatch):
    import jsonbook
    from doithoai import buttons
    from doithoai.excel.shell import ExcelShell
    asked = []
    monkeypatch.setattr(ExcelShell, "ask", lambda self, text: asked.append(text) or False)
    path = sample_copy("tu-minh")
    buttons.issue_documents(jsonbook.book(path, name=path), today=SUNDAY)
    assert asked and "Lưu ý: văn bản ban hành lần này ghi ngày 22/11/2026 (Chủ nhật)" in asked[0]
    asked.clear()
    buttons.issue_documents(jsonbook.book(path, name=path), today=MONDAY)
    assert asked and "Lưu ý" not in asked[0]
