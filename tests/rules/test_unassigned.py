"""An opinion left without Cơ quan trả lời after its conference is named by validate.

A fresh-eyes trial merged a row from the Front's file and never chose its agency: validate said
nothing, the signed conclusion notice (TBKL) gave it to the Văn phòng, the minutes said "giao cơ
quan chuyên môn", monitoring "(chưa phân công)". Seeded: random opinions of a sample lose their
agency, with random outcomes (answered at the meeting, sent up, resolved, or still open); what is
read is `validate --json` and the conclusion notice."""
import contextlib
import glob
import io
import json
import os
import random

import pytest
from docx import Document

from doithoai import cli
from doithoai.files import reader
from doithoai.rules.validation import opinions
from xlsx_edit import cell_ref, edit


def _validate(path: str, today: str) -> set[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["validate", path, "--json", "--today", today])
    return {i["cell"] for i in json.loads(out.getvalue())["issues"]
            if i["code"] == "opinion-unassigned"}


def unassigned_violations(seed: int, path: str, out: str) -> list[str]:
    rng = random.Random(seed)
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    mine = [o for o in reg.opinions if o.plan_id == plan.plan_id and not o.duplicate_of]
    chosen = rng.sample(mine, min(len(mine), 10))
    edits, open_rows = [], set()
    for o in chosen:
        edits.append(("opinions", "agency", o.row, None))
        fate = rng.choice(["open", "open", "meeting", "up", "resolved"])
        if fate == "meeting":
            edits += [("opinions", "answered_at_meeting", o.row, "Có"),
                      ("opinions", "status", o.row, "Đã trả lời tại hội nghị")]
        elif fate == "up":
            edits += [("opinions", "competence", o.row, "Cấp trên"),
                      ("opinions", "status", o.row, "Đã chuyển cấp trên")]
        elif fate == "resolved":
            edits += [("opinions", "status", o.row, "Đã giải quyết"),
                      ("opinions", "resolved_date", o.row, "20/07/2026")]
        else:
            edits += [("opinions", "answered_at_meeting", o.row, "Không"),
                      ("opinions", "competence", o.row, "Xã"),
                      ("opinions", "status", o.row, "Mới"),
                      ("opinions", "resolved_date", o.row, None)]
            open_rows.add(o.row)
    edit(path, edits)
    bad = []
    before = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() - 2).isoformat()
    if _validate(path, before):
        bad.append("named before the conference was held")
    after = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() + 2).isoformat()
    expected = {cell_ref("opinions", "agency", r) for r in open_rows}
    found = _validate(path, after)
    bad += [f"missed {c}" for c in expected - found] + [f"named {c}" for c in found - expected]
    # What the message says the conclusion notice prints for them: the office.
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["generate", path, "--plan", plan.plan_id, "--docs", "TBKL", "--out", out,
                  "--today", after])
    tbkl = glob.glob(os.path.join(out, "**", "TBKL*.docx"), recursive=True)
    if open_rows and tbkl:
        rows = [[c.text for c in r.cells] for t in Document(tbkl[0]).tables for r in t.rows]
        words = {o.row: o.content[:30] for o in chosen if o.row in open_rows}
        for row, start in words.items():
            hit = next((r for r in rows if any(start[:20] in c for c in r)), None)
            if hit is not None and not any("Văn phòng" in c for c in hit):
                bad.append(f"row {row}: the notice does not name the office: {hit}")
    return bad


@pytest.mark.parametrize("seed", range(3))
def test_an_open_opinion_without_an_agency_is_named_once_held(seed, sample_copy, tmp_path):
    assert unassigned_violations(seed, sample_copy("tu-minh"), str(tmp_path / "vb")) == []


def test_the_unassigned_property_fails_on_a_planted_fault(sample_copy, tmp_path, monkeypatch):
    """Planted: every opinion without an agency named, settled or not."""
    def careless(f, o, plan):
        if not o.agency and plan is not None:
            f.add("opinion-unassigned", opinions.schema.OPINIONS, o.row, "agency", None,
                  plan=plan.plan_id, office="Văn phòng")
    monkeypatch.setattr(opinions, "_unassigned", careless)
    assert any(unassigned_violations(seed, sample_copy("tu-minh"), str(tmp_path / str(seed)))
               for seed in range(3))
