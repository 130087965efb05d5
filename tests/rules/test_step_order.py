"""The shipped timetable keeps the law. A fresh-eyes trial (Xã Mường Phăng, 2027): the KH made
from a new registry listed the publication of the results (CONG_KHAI_KET_QUA, mandatory, 10
days after the conference) on 04/05 and the conclusion notice (KET_LUAN) on 11/05; the tool
counts the publication done when that notice is issued, so a clerk who followed the plan broke
the law and `validate` said "Quá hạn bắt buộc". Now no default step that a document completes
together with a mandatory one is due after it, for meetings on generated days (tests/corpus, with
days off of the province's own); following the KH's timetable breaks no mandatory deadline; and
a registry with the rules shipped up to 0.5.0 is read and told at the rule's cell."""
import datetime as dt
import glob
import json
import random
import re

import pytest
from docx import Document

from builders import plan as plan_row, registry
from corpus.registries import make_case
from corpus.registries import lookups_of
from doithoai import cli
from doithoai.registry import schema
from doithoai.registry.cellref import column_letter
from doithoai.rules import deadlines

OLD_RULES = [dict(r, day_kind="ngày làm việc") if r["code"] == "KET_LUAN" else
             dict(r, enabled="Có") if r["code"] == "KET_LUAN_GIA_HAN" else dict(r)
             for r in schema.DEFAULT_RULES]          # as registries made up to 0.5.0 hold them


def _meetings(seed: int, n: int) -> list[dt.date]:
    """Meeting days of 2026-2031, some just before the 30/4-1/5 holidays, Tết or New Year."""
    rng = random.Random(seed)
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365)) for _ in range(n)]
    return days + [dt.date(y, m, d) - dt.timedelta(days=rng.randint(1, 12))
                   for y in range(2026, 2032) for m, d in ((5, 1), (2, 10), (1, 1), (9, 2))]


def saved(case, path: str, more: dict | None = None) -> str:
    """The case as the registry `doithoai init --unit-type` begins (its agencies in the unit's
    word), rows typed in; ``more``: rows of other sheets by key."""
    from doithoai.files import atomic, blank
    rows = case.rows()
    atomic.save_atomic(blank.build_workbook(
        settings=case.settings, lookups=lookups_of(case.settings["unit_type"]),
        rows={**rows, **(more or {})}), path)
    return path


def late_pairs(milestones) -> list[str]:
    """Each plan's step due after a mandatory step that the same document completes (as the
    tool counts them: rules.deadlines.completed_by), with both days."""
    kinds = {k for ks in deadlines.DONE_BY_DOCUMENT.values() for k in ks} | {"TBKL"}
    by_plan: dict[str, dict] = {}
    for m in milestones:
        if not m.opinion_id:
            by_plan.setdefault(m.plan_id, {})[m.code] = m
    out = []
    for steps in by_plan.values():
        for kind in sorted(kinds):
            codes = [c for c in deadlines.completed_by(kind) if c in steps]
            out += [f"{kind}: {c} {steps[c].due} > {m} {steps[m].due}" for m in codes
                    if steps[m].mandatory for c in codes if steps[c].due > steps[m].due]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_no_default_step_is_due_after_the_mandatory_one_it_completes(seed):
    """Every meeting day (official and provisional years, holidays right after it, a day off
    the province adds inside the ten days), the default rules: none."""
    rng = random.Random(seed)
    plans, overrides = [], []
    for n, day in enumerate(_meetings(seed, 60)):
        plans.append(plan_row(plan_id=f"KH-{n}", meeting_date=day.strftime("%d/%m/%Y"),
                              issue_date=(day - dt.timedelta(days=40)).strftime("%d/%m/%Y")))
        if rng.random() < 0.3:               # "Kỷ niệm Chiến thắng Điện Biên Phủ - tỉnh cho nghỉ"
            off = day + dt.timedelta(days=rng.randint(1, 14))
            overrides.append(dict(date=off.strftime("%d/%m/%Y"), kind="Nghỉ",
                                  reason="Tỉnh cho nghỉ", basis="Quyết định của UBND tỉnh"))
    reg = registry(plans=plans, overrides=list(schema.DEFAULT_OVERRIDES) + overrides)
    assert late_pairs(deadlines.compute(reg, dt.date(2026, 1, 1)).milestones) == []
    assert not [p for p in deadlines.compute(reg, dt.date(2026, 1, 1)).problems
                if p.code == "rule-incomplete"]


def test_the_rules_shipped_up_to_0_5_0_fail_the_same_check():
    """Planted fault: the old values (KET_LUAN 10 working days, KET_LUAN_GIA_HAN on)."""
    plans = [plan_row(plan_id=f"KH-{n}", meeting_date=d.strftime("%d/%m/%Y"))
             for n, d in enumerate(_meetings(0, 20))]
    found = late_pairs(deadlines.compute(registry(plans=plans, rules=OLD_RULES),
                                         dt.date(2026, 1, 1)).milestones)
    assert any("KET_LUAN " in f for f in found) and any("KET_LUAN_GIA_HAN" in f for f in found)


def _timetable(path: str) -> dict[str, dt.date]:
    """The KH's timetable as printed: each task's first words → its date."""
    doc = Document(path)
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Thời hạn")
    out = {}
    for r in table.rows[1:]:
        d, m, y = map(int, re.search(r"(\d\d)/(\d\d)/(\d{4})", r.cells[-1].text).groups())
        out[r.cells[1].text] = dt.date(y, m, d)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_following_the_plan_breaks_no_mandatory_deadline(seed, tmp_path, capsys):
    """A generated commune's KH (drafted before its conference) gives the conclusion notice a
    day no later than the publication of the results; the notice issued on that day (Ban
    hành) is not said to be late, and `validate` of the copy finds no mandatory step late."""
    case = make_case(seed)
    case.plan["expected_delegates"] = case.plan["expected_delegates"] or 90    # KH prints it
    path = saved(case, str(tmp_path / "so.xlsx"))
    before = case.meeting - dt.timedelta(days=40)
    cli.main(["generate", path, "--docs", "KH", "--out", str(tmp_path / "kh"), "--today",
              before.isoformat()])
    capsys.readouterr()
    [kh] = glob.glob(str(tmp_path / "kh" / "*" / "KH.docx"))
    table = _timetable(kh)
    conclusion = next(d for t, d in table.items() if t.startswith("Ban hành thông báo kết luận"))
    published = next(d for t, d in table.items() if t.startswith("Công bố kết quả"))
    assert conclusion <= published, table
    cli.main(["generate", path, "--docs", "TBKL", "--issue", "--out", str(tmp_path / "vb"),
              "--today", conclusion.isoformat()])
    said = capsys.readouterr().out
    assert "sau hạn bắt buộc" not in said, said
    copies = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    assert copies, said                     # the notice was issued
    cli.main(["validate", copies[0], "--json", "--today",
              (conclusion + dt.timedelta(days=1)).isoformat()])
    issues = json.loads(capsys.readouterr().out)["issues"]
    assert not [i for i in issues if i["code"] in ("deadline-missed-mandatory",
                                                   "step-after-mandatory")], issues


@pytest.mark.parametrize("seed", range(6))
def test_a_registry_with_the_old_rules_is_read_and_told(seed, tmp_path, capsys):
    """A registry made up to 0.5.0 (rules as shipped then) reads as before; `validate` warns
    at the Số ngày of KET_LUAN and KET_LUAN_GIA_HAN, naming the plan, both days and the fix,
    in the plan's own words; with today's defaults, nothing. Planted fault: the check off."""
    case = make_case(seed)
    old = saved(case, str(tmp_path / "cu.xlsx"), more={"rules": OLD_RULES})
    new = saved(case, str(tmp_path / "moi.xlsx"))
    today = case.meeting - dt.timedelta(days=3)
    assert cli.main(["deadlines", old, "--json", "--today", today.isoformat()]) == 0
    codes = {m["code"] for m in json.loads(capsys.readouterr().out)["milestones"]}
    assert {"KET_LUAN", "KET_LUAN_GIA_HAN", "CONG_KHAI_KET_QUA"} <= codes
    cli.main(["validate", old, "--json", "--today", today.isoformat()])
    told = [i for i in json.loads(capsys.readouterr().out)["issues"]
            if i["code"] == "step-after-mandatory"]
    days = column_letter(schema.RULES.keys.index("days"))
    rows = {r["code"]: n for n, r in enumerate(OLD_RULES, start=2)}
    assert sorted(i["cell"] for i in told) == sorted(
        f"{days}{rows[c]}" for c in ("KET_LUAN", "KET_LUAN_GIA_HAN")), told
    for i in told:
        assert i["sheet"] == schema.RULES.name and case.plan["plan_id"] in i["message"]
        assert "CONG_KHAI_KET_QUA" in i["message"] and "Sử dụng = Không" in i["hint"]
        assert "thôn, tổ dân phố" not in i["message"]
    cli.main(["validate", new, "--json", "--today", today.isoformat()])
    assert not [i for i in json.loads(capsys.readouterr().out)["issues"]
                if i["code"] == "step-after-mandatory"]


def test_a_plan_whose_results_were_published_otherwise_is_not_told(tmp_path, capsys):
    """The publication recorded done (Ngày hoàn thành typed: the results posted before the
    notice), the old rules are no risk to that plan: nothing said."""
    case = make_case(2)
    more = {"rules": OLD_RULES, "milestones": [dict(
        plan_id=case.plan["plan_id"], code="CONG_KHAI_KET_QUA",
        done_date=(case.meeting + dt.timedelta(days=5)).strftime("%d/%m/%Y"))]}
    path = saved(case, str(tmp_path / "so.xlsx"), more=more)
    cli.main(["validate", path, "--json", "--today",
              (case.meeting - dt.timedelta(days=1)).isoformat()])
    assert not [i for i in json.loads(capsys.readouterr().out)["issues"]
                if i["code"] == "step-after-mandatory"]


def test_the_new_registry_ships_the_extension_off():
    """KET_LUAN_GIA_HAN stays in the sheet for a commune that publishes the results
    otherwise, shipped with Sử dụng = Không; KET_LUAN listed before the publication."""
    by_code = {r["code"]: r for r in schema.DEFAULT_RULES}
    assert by_code["KET_LUAN_GIA_HAN"]["enabled"] == "Không"
    codes = [r["code"] for r in schema.DEFAULT_RULES]
    assert codes.index("KET_LUAN") < codes.index("CONG_KHAI_KET_QUA")
