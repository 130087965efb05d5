"""What validation says a document needs is what the templates need.

A fresh-eyes trial left Cấu hình's "Đảng bộ cấp trên" and "Tên Đảng ủy" empty for a plan of the
Đảng ủy: `validate` said "Không phát hiện lỗi nào", then `generate` made no document ("cần "Đảng
bộ cấp trên" nhưng ô này còn trống"). The same held for plan cells (Người ký, Nội dung, Căn cứ,
Giờ kết thúc…). Here every optional plan cell of a sample's plan and every optional setting are
left blank at once; `generate`, before the meeting and after it, names each cell a document was
refused for; `validate` must name the same cells (an error for a setting every document
prints, a warning for a plan cell) and, for a plan cell, at least the kinds refused."""
import datetime as dt
import io
import json
import re
import contextlib

import openpyxl
import pytest

from doithoai import cli
from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.files import reader
from doithoai.registry import schema
from doithoai.rules.validation import config, plans
from xlsx_edit import edit

# Tied to Trạng thái (status-contradiction): not blanked.
TIED = {"number_symbol", "issue_date"}
_NAMES = {k.name: code for code, k in KINDS_BY_CODE.items()}


def _run(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        cli.main(argv)
    return out.getvalue()


def _blank_everything_optional(path: str) -> str:
    """The first plan's optional cells and every optional setting without a default, blank;
    returns the plan's code."""
    plan = reader.read_registry(path).plans[0]
    edit(path, [("plans", c.key, plan.row, None) for c in schema.PLANS.columns
                if not c.required and c.key not in TIED])
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.CONFIG.name]
    optional = {s.label for s in schema.SETTINGS if not s.required and s.default is None}
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value in optional:
            ws.cell(row, 2).value = None
    wb.save(path)
    return plan.plan_id


def _refused(out: str) -> dict[str, set[str]]:
    """Each header generate refused a document for → the kinds refused."""
    found: dict[str, set[str]] = {}
    for line in out.splitlines():
        m = re.search(r'cần "([^"]+)" nhưng ô (?:này )?còn trống', line)
        if not m:
            continue
        head = line.split(" cần ")[0]
        listed = re.search(r"văn bản ([A-Z, ]+)$", head)
        kinds = {k.strip() for k in listed.group(1).split(",")} if listed else \
            {code for name, code in _NAMES.items() if f"Văn bản {name} " in head}
        found.setdefault(m.group(1), set()).update(kinds)
    return found


def _said(path: str, plan_id: str) -> dict[str, tuple[str, set[str]]]:
    """Each header validate names for the plan's documents → (severity, kinds named)."""
    issues = json.loads(_run(["validate", path, "--json"]))["issues"]
    out = {}
    for i in issues:
        if i["code"] == "plan-cell-for-documents" and plan_id in i["message"]:
            kinds = set(re.search(r"văn bản ([A-Z, ]+) cần", i["message"]).group(1).split(", "))
            out[i["column"]] = (i["severity"], kinds)
        elif i["code"] == "setting-needed-by-plans" and plan_id in i["message"]:
            out[i["column"]] = (i["severity"], set(KINDS_BY_CODE))
    return out


def needed_cell_violations(path: str) -> list[str]:
    plan_id = _blank_everything_optional(path)
    meeting = reader.read_registry(path).plans[0].meeting_date
    refused: dict[str, set[str]] = {}
    for n, day in enumerate((meeting - dt.timedelta(days=3), meeting + dt.timedelta(days=40))):
        out = _run(["generate", path, "--plan", plan_id, "--today", day.isoformat(),
                    "--out", f"{path}-vb{n}"])
        for header, kinds in _refused(out).items():
            refused.setdefault(header, set()).update(kinds)
    said = _said(path, plan_id)
    bad = [f"{h}: generate refused {sorted(k)}, validate said nothing"
           for h, k in refused.items() if h not in said]
    bad += [f"{h}: validate named it, generate needed it for no document"
            for h in said if h not in refused]
    bad += [f"{h}: refused {sorted(k - said[h][1])} that validate did not name"
            for h, k in refused.items() if h in said and k - said[h][1]]
    bad += [f"{h}: a setting every document prints is no error" for h, (sev, _) in said.items()
            if h in {s.label for s in schema.SETTINGS} and sev != "error"]
    assert refused, "nothing was refused: the test blanked nothing a template prints"
    return bad


@pytest.mark.parametrize("slug", ["tu-minh", "do-luong", "quang-son"])
def test_validate_names_every_cell_a_document_needs(slug, sample_copy):
    assert needed_cell_violations(sample_copy(slug)) == []


def test_the_needed_cells_property_fails_on_planted_faults(sample_copy, monkeypatch):
    """Planted: one plan cell forgotten by the schema; the party's settings unchecked."""
    monkeypatch.setattr(plans, "_FOR_DOCUMENTS",
                        [c for c in plans._FOR_DOCUMENTS if c.key != "legal_bases"])
    assert any("Căn cứ" in v for v in needed_cell_violations(sample_copy("tu-minh")))
    monkeypatch.setattr(config, "_printed_for_plans", lambda f: None)
    assert any("Đảng bộ cấp trên" in v for v in needed_cell_violations(sample_copy("do-luong")))
