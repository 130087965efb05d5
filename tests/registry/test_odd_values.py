"""Wrong answers from odd values (issue 26 §3), each read back from what the clerk sees: the
validation report, the documents' text and the file names.

Negative counts, a code typed as a number, merged cells and repeated headers, invisible and
right-to-left characters in names, digits typed as text in a date column.
"""
import datetime as dt
import os
import re

import openpyxl
import pytest

from xlsx_edit import cell_ref, edit
from doithoai.documents import generate
from doithoai.files import reader
from doithoai.registry import parsing
from doithoai.rules import validation

TODAY = dt.date(2026, 11, 22)
RLO, ZWSP = "\u202e", "\u200b"


def found(path, code, today=TODAY):
    return [p for p in validation.validate(reader.read_registry(path, intact=False), today)
            if p.code == code]


def texts(folder):
    from docx import Document
    out = {}
    for root, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".docx"):
                d = Document(os.path.join(root, f))
                cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
                out[os.path.relpath(os.path.join(root, f), folder)] = "\n".join(
                    [p.text for p in d.paragraphs] + cells)
    return out


def test_a_negative_survey_count_is_an_error_and_no_report_prints_it(sample_copy, tmp_path):
    """Số phiếu -5: validation flagged nothing and BC kết quả printed "Rất hài lòng -5 phiếu
    (-8%); Hài lòng 64 phiếu (108%)"."""
    path = sample_copy("do-luong")
    edit(path, [("survey", "count", 2, -5)])
    bad = found(path, "number-out-of-range")
    assert [(p.sheet, p.cell) for p in bad] == [("Phiếu khảo sát", cell_ref("survey", "count", 2))]
    res = generate.generate(reader.read_registry(path), str(tmp_path / "out"), codes=["BCKQ"],
                            today=TODAY, plan_ids=["KH-2026-01"])
    assert not any(f.endswith("BCKQ.docx") for f in res.files)
    refusal = " ".join(res.refusal_lines())
    assert "Phiếu khảo sát" in refusal and "Báo cáo kết quả tổ chức đối thoại" in refusal \
        and "dòng 2" in refusal
    assert not re.search(r"-\d+ phiếu|\(-\d+%\)|1\d\d%", " ".join(texts(tmp_path / "out").values()))


def test_a_plan_code_typed_as_a_number_is_its_text(sample_copy, tmp_path):
    """A Mã KH typed as the number 2026 on Kế hoạch and on Phiếu khảo sát is the text "2026",
    and the tallies count for that plan; a tally of a plan that does not exist is named."""
    path = sample_copy("do-luong")
    reg = reader.read_registry(path)
    rows = [t.row for t in reg.survey if t.plan_id == "KH-2026-01"]
    changes = [("plans", "plan_id", 2, 2026)]
    changes += [("survey", "plan_id", r, 2026) for r in rows[:-1]]
    changes += [("survey", "plan_id", rows[-1], 2027)]
    for oid_row in [o.row for o in reg.opinions if o.plan_id == "KH-2026-01"]:
        changes.append(("opinions", "plan_id", oid_row, 2026.0))
    for inv_row in [i.row for i in reg.invitees if i.plan_id == "KH-2026-01"]:
        changes.append(("invitees", "plan_id", inv_row, "2026"))
    edit(path, changes)
    typed = reader.read_registry(path)
    assert typed.plans[0].plan_id == "2026"
    assert {t.plan_id for t in typed.survey} >= {"2026", "2027"}
    unknown = [p for p in found(path, "unknown-reference") if p.sheet == "Phiếu khảo sát"]
    assert [(p.sheet, p.cell) for p in unknown] == [
        ("Phiếu khảo sát", cell_ref("survey", "plan_id", rows[-1]))]


def test_merged_cells_and_a_repeated_header_are_located(sample_copy):
    """Lĩnh vực merged over four rows counted three opinions "(chưa ghi)" without a word; two
    columns both headed "Nội dung" were read as one."""
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    ws = wb["Ý kiến"]
    field = cell_ref("opinions", "field", 3)
    ws.merge_cells(f"{field}:{field[0]}6")
    extra = ws.max_column + 1
    ws.cell(row=1, column=extra, value="Nội dung")
    ws.cell(row=2, column=extra, value="Ý kiến bổ sung của Nhân dân, đọc sót.")
    wb.save(path)
    merged = found(path, "cell-merged")
    assert [(p.sheet, p.cell) for p in merged] == [("Ý kiến", field)]
    assert f"{field}:{field[0]}6" in merged[0].message and "3 ô" in merged[0].message
    repeated = found(path, "header-repeated")
    assert [(p.sheet, p.row) for p in repeated] == [("Ý kiến", 1)]
    assert "Nội dung" in repeated[0].message


def test_invisible_and_right_to_left_characters_never_reach_a_document(sample_copy, tmp_path):
    """A right-to-left override and zero-width spaces in names passed validation and reached
    the invitations, DSDB, SGN, BB and TBCD (and the file names)."""
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    inv = next(i for i in reg.invitees if i.invited == "Có" and i.row > 10)
    edit(path, [("invitees", "full_name", inv.row, f"{RLO}{inv.full_name}"),
                ("invitees", "position", inv.row, f"Trưởng{ZWSP} ban"),
                ("opinions", "raised_by", 4, f"Ông Lê{ZWSP} Văn Hòa")])
    flagged = found(path, "text-invisible")
    assert {p.cell for p in flagged} == {cell_ref("invitees", "full_name", inv.row),
                                         cell_ref("invitees", "position", inv.row),
                                         cell_ref("opinions", "raised_by", 4)}
    assert "right-to-left override" in " ".join(p.message for p in flagged)
    out = tmp_path / "out"
    generate.generate(reader.read_registry(path), str(out), today=dt.date(2026, 6, 20))
    for name, text in texts(out).items():
        assert not parsing.has_invisible(text), name
        assert not parsing.has_invisible(name), name
    assert any(inv.full_name in t for t in texts(out).values())


def test_digits_typed_in_a_date_column_say_which_date_they_are(sample_copy):
    """The text "46367" in Ngày nhận was read silently as 11/12/2026."""
    path = sample_copy("tu-minh")
    edit(path, [("opinions", "received_date", 5, "46367")],
         as_text={("opinions", "received_date", 5)})
    said = found(path, "date-serial-text")
    assert [(p.cell, p.fields["date"]) for p in said] == [
        (cell_ref("opinions", "received_date", 5), "11/12/2026")]


@pytest.mark.parametrize("seed", range(4))
def test_only_a_serial_number_is_explained_as_one(sample_copy, capsys, seed):
    """Dates typed as text in the ways clerks write them: only the five digits of an Excel
    serial number are said to be one (with the date they are); "12.01.2027" is a date written
    with dots, read as that date without a word (it was called an Excel serial)."""
    import random
    from doithoai import cli
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    rows = rng.sample(range(3, 12), 5)
    serial, typed = set(), []
    for row in rows:
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        style = rng.choice(["%d.%m.%Y", "%-d.%-m.%y", "%Y.%m.%d", "%d/%m/%Y", "serial"])
        if style == "serial":
            text = str((day - dt.date(1899, 12, 30)).days) + rng.choice(["", ".0"])
            serial.add((cell_ref("opinions", "received_date", row), day.strftime("%d/%m/%Y")))
        else:
            text = day.strftime(style)
        typed.append(("opinions", "received_date", row, text))
    edit(path, typed, as_text={t[:3] for t in typed})
    cli.main(["validate", path])
    said = {(x.split()[0], re.search(r"tức ngày (\d\d/\d\d/\d{4})", x).group(1))
            for x in capsys.readouterr().out.splitlines() if "date-serial-text" in x}
    assert said == serial, (typed, said)
