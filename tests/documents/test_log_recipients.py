"""Nhật ký says where personal data went as the documents themselves say it (their Nơi nhận).

A fresh-eyes trial compared Nhật ký's "Gửi cho" with each document's Nơi nhận: the notice to a
citizen (TBCD) was logged "gửi người nêu ý kiến" while its copies went to the village head and
the Front; the minutes (BB) "hồ sơ hội nghị (lưu)" while they went to the party, the council,
the committee and the Front. Issued from samples on a seeded day after the meeting; what is read
is each document's Nơi nhận and the saved copy's Nhật ký."""
import glob
import os
import random
import re

import openpyxl
import pytest
from docx import Document

from doithoai import cli
from doithoai.documents import persons
from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.files import reader


def _copies(path: str) -> set[str]:
    """The bodies a document's Nơi nhận lists, as printed (not "Như trên", not "Lưu…")."""
    doc = Document(path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    lines = [line.strip() for block in [p.text for p in doc.paragraphs] + cells
             for line in block.splitlines()]
    out = set()
    for start in [n for n, line in enumerate(lines) if line.startswith("Nơi nhận:")]:
        for line in lines[start + 1:]:
            if not line.startswith("- "):
                break
            body = line[2:].strip().rstrip(";.").strip()
            if body and body != "Như trên" and not body.startswith("Lưu"):
                out.add(body)
    return out


def log_violations(seed: int, path: str, out: str) -> list[str]:
    rng = random.Random(seed)
    plan = reader.read_registry(path).plans[0]
    day = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() + rng.randint(2, 20))
    cli.main(["generate", path, "--plan", plan.plan_id, "--issue", "--out", out,
              "--today", day.isoformat()])
    copy = glob.glob(os.path.join(os.path.dirname(path), "*cap so*.xlsx"))[0]
    ws = openpyxl.load_workbook(copy)["Nhật ký"]
    head = [c.value for c in ws[1]]
    logged = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        r = dict(zip(head, row))
        found = re.match(r"Dữ liệu cá nhân ra khỏi sổ: (.+?) \(", r.get("Kết quả") or "")
        if found:
            logged[found.group(1)] = r.get("Gửi cho") or ""
    bad = []
    for code in ("BB", "TBKL", "TBCD", "CVTL", "CVKN", "BCKQ"):
        name = KINDS_BY_CODE[code].name
        files = glob.glob(os.path.join(out, "**", f"{code}*.docx"), recursive=True)
        if not files or name not in logged:
            continue
        listed = set().union(*map(_copies, files))
        # a citizen copied (a reply to those who raised the same) is said, not named
        bad += [f"{code}: Nơi nhận {body!r} not in Gửi cho {logged[name]!r}"
                for body in sorted(listed) if body not in logged[name] and not (
                    body.endswith("(nêu ý kiến trùng nội dung)")
                    and persons.COPIED_CITIZENS in logged[name])]
        bad += [f"{code}: a citizen named in Gửi cho {logged[name]!r}"
                for body in listed if body.endswith("(nêu ý kiến trùng nội dung)")
                and body.split(",")[0] in logged[name]]
    assert logged, "nothing was logged: nothing was tried"
    return bad


@pytest.mark.parametrize("seed", range(2))
def test_the_log_names_every_body_a_document_is_copied_to(seed, sample_copy, tmp_path):
    assert log_violations(seed, sample_copy("tu-minh"), str(tmp_path / "vb")) == []


def test_the_log_property_fails_on_the_usual_recipients_alone(sample_copy, tmp_path,
                                                               monkeypatch):
    """Planted: the old Gửi cho, a fixed phrase per kind."""
    monkeypatch.setattr(persons, "sent_to",
                        lambda code, copied: persons.RECIPIENTS.get(code, "theo nơi nhận"))
    assert log_violations(0, sample_copy("tu-minh"), str(tmp_path / "vb"))
