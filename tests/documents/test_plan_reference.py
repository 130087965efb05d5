"""The plan as the documents cite it: issued in a run, its number and date are cited by what the
same run issues after it and written on its row in the copy (so that the next run, and
validation, know it); a Trích yếu typed "Kế hoạch tổ chức …" never makes "Kế hoạch kế hoạch"."""
import datetime as dt
import glob
import json
import re

import openpyxl
import pytest
from docx import Document

from doithoai import cli
from doithoai.registry import schema
from xlsx_edit import edit

SUBJECTS = ["Kế hoạch tổ chức hội nghị đối thoại năm 2026", "KẾ HOẠCH tổ chức đối thoại",
            "Tổ chức hội nghị đối thoại giữa Lãnh đạo UBND xã với Nhân dân năm 2026",
            "kế hoạch  đối thoại quý II"]


def texts(folder) -> dict[str, str]:
    out = {}
    for path in glob.glob(str(folder / "**" / "*.docx"), recursive=True):
        doc = Document(path)
        out[path] = "\n".join([p.text for p in doc.paragraphs] + [
            c.text for t in doc.tables for r in t.rows for c in r.cells]).replace("\u00a0", " ")
    return out


def _record_steps_done_before(path: str, day: dt.date, capsys) -> None:
    """Each step of the plan due before ``day`` recorded done on its day (Mốc thời gian, on
    the rows after those the sample holds), as `doithoai deadlines --json` gives them."""
    cli.main(["deadlines", "--json", "--today", day.isoformat(), path])
    steps = [m for m in json.loads(capsys.readouterr().out)["milestones"]
             if m["plan"] == "KH-2026-01" and not m["opinion"]
             and dt.date.fromisoformat(m["due"]) < day and not m["status"].startswith("Hoàn")]
    first = openpyxl.load_workbook(path)[schema.MILESTONES.name].max_row + 1
    edit(path, [(key, field, first + n, value) for n, m in enumerate(steps)
                for key, field, value in (
                    ("milestones", "plan_id", "KH-2026-01"), ("milestones", "code", m["code"]),
                    ("milestones", "done_date", dt.date.fromisoformat(m["due"])))])


@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_plan_issued_in_the_run_is_cited_by_number_and_written_back(sample_copy, tmp_path,
                                                                      capsys, subject):
    path = sample_copy("quang-son")
    edit(path, [("plans", "number_symbol", 2, None), ("plans", "issue_date", 2, None),
                ("plans", "status", 2, "Dự thảo"), ("plans", "subject", 2, subject)])
    out = tmp_path / "vb"
    # CVPC is numbered once the forms are due back (24/04); the steps due before the plan is
    # issued recorded done (a plan setting days gone by is not numbered: test_plan_steps_past)
    _record_steps_done_before(path, dt.date(2026, 4, 27), capsys)
    args = ["--docs", "KH,TB,CVPC", "--out", str(out), "--today", "2026-04-27"]
    assert cli.main(["generate", path, *args, "--issue"]) == 0
    made = texts(out)
    letters = [t for p, t in made.items() if "/CVPC_" in p]
    assert letters and all("Thực hiện Kế hoạch số 01/KH-UBND ngày 27/04/2026 về " in t
                           for t in letters)
    assert not [p for p, t in made.items() if re.search(r"(?i)kế hoạch\s+kế hoạch", t)]
    kh = made[str(out / "KH-2026-01" / "KH.docx")].splitlines()
    title = kh[kh.index("KẾ HOẠCH") + 1]
    assert not title.lower().startswith("kế hoạch") and title[:1].isupper(), title
    [copy] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    ws = openpyxl.load_workbook(copy)[schema.PLANS.name]
    head = [c.value for c in ws[1]]
    row = dict(zip(head, [c.value for c in ws[2]]))
    assert row["Số ký hiệu"] == "01/KH-UBND" and row["Ngày ban hành"].date().isoformat() == \
        "2026-04-27"
    capsys.readouterr()
    assert cli.main(["generate", copy, *args]) == 0            # the copy knows them: unchanged
    assert "Đã tạo 0 tệp văn bản;" in capsys.readouterr().out
    assert not glob.glob(str(out / "KH-2026-01" / "*_v2*"))
    assert cli.main(["validate", copy, "--today", "2026-04-27"]) in (0, 1)
    assert "Ghi Số ký hiệu" not in capsys.readouterr().out


@pytest.mark.parametrize("typed", [None, "2026-04-01", "2026-03-30"])
def test_the_plans_number_is_written_back_whatever_date_was_typed_and_what_the_run_issues_cites_it(
        sample_copy, tmp_path, capsys, typed):
    """A clerk types Ngày ban hành before issuing (the day the plan is meant to be signed):
    the run's number still goes on the row (the date typed stays; one that is not the KH's is
    said); and the invitations issued in the same run are cited by the delivery book (SGN)."""
    import datetime as dt
    path = sample_copy("quang-son")
    day = dt.date.fromisoformat(typed) if typed else None
    edit(path, [("plans", "number_symbol", 2, None), ("plans", "issue_date", 2, day),
                ("plans", "status", 2, "Dự thảo")])
    out = tmp_path / "vb"
    capsys.readouterr()
    assert cli.main(["generate", path, "--docs", "KH,GM,SGN,CVPC", "--out", str(out),
                     "--today", "2026-04-01", "--issue"]) == 0
    said = capsys.readouterr().out
    [copy] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    ws = openpyxl.load_workbook(copy)[schema.PLANS.name]
    row = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]]))
    assert row["Số ký hiệu"] == "01/KH-UBND"
    assert row["Ngày ban hành"].date() == (day or dt.date(2026, 4, 1))     # typed: kept
    assert ("sửa Ngày ban hành thành 01/04/2026" in said) == (typed == "2026-03-30")
    # What the run issues cites the plan as its KH was issued, whatever date was typed.
    cited = {m for t in texts(out).values()
             for m in re.findall(r"Kế hoạch số \S+ ngày [\d/]+", t)}
    assert cited == {"Kế hoạch số 01/KH-UBND ngày 01/04/2026"}, cited
    sgn = texts(out)[str(out / "KH-2026-01" / "SGN.docx")]
    assert re.search(r"Giấy mời số \d+/GM-UBND ngày 01/04/2026", sgn), sgn[:300]


def test_a_plan_held_without_its_number_is_told_the_number_the_register_gave(
        sample_copy, tmp_path, capsys):
    """Số ký hiệu left empty (or cleared) on a plan whose KH the tool issued: validation's fix
    gives the number and the date from Sổ văn bản, not only "write the number"."""
    path = sample_copy("quang-son")
    edit(path, [("plans", "number_symbol", 2, None), ("plans", "issue_date", 2, None),
                ("plans", "status", 2, "Dự thảo")])
    cli.main(["generate", path, "--docs", "KH", "--out", str(tmp_path / "vb"), "--today",
              "2026-04-01", "--issue"])
    [copy] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    edit(copy, [("plans", "number_symbol", 2, None), ("plans", "issue_date", 2, None),
                ("plans", "status", 2, "Đã tổ chức")])
    capsys.readouterr()
    cli.main(["validate", copy, "--today", "2026-05-20"])
    said = capsys.readouterr().out
    assert "Ghi Số ký hiệu 01/KH-UBND, như Sổ văn bản (dòng" in said
    assert "Ghi Ngày ban hành 01/04/2026, như Sổ văn bản (dòng" in said
