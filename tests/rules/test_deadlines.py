"""The deadline engine: seed 003's timetable, statuses, rule edits, legal checks, changes."""
import datetime as dt
import json

import openpyxl
import pytest

from builders import plan, registry
from doithoai.files import apply_changes, atomic
from doithoai.registry import schema
from doithoai import cli
from doithoai.rules import agencies, deadlines, milestones
from doithoai.files import reader
from doithoai.registry.cellref import column_letter

D = dt.date
TODAY = D(2026, 11, 22)


def due_by_code(report, plan_id, opinion=None):
    return {m.code: m.due for m in report.milestones
            if m.plan_id == plan_id and m.opinion_id == opinion}


def test_seed_003_timetable(sample_registries):
    report = deadlines.compute(sample_registries["tu-minh"], TODAY)
    assert due_by_code(report, "KH-2026-01") == {
        "PHAT_PHIEU": D(2026, 5, 18), "THU_PHIEU": D(2026, 5, 22), "TONG_HOP": D(2026, 5, 26),
        "BAO_CAO_DON_VI": D(2026, 6, 2), "DU_THAO_TRA_LOI": D(2026, 6, 5),
        "GIAY_MOI": D(2026, 6, 5), "THONG_BAO": D(2026, 6, 5), "HOI_TRUONG": D(2026, 6, 10),
        "CONG_KHAI_KET_QUA": D(2026, 6, 22), "KET_LUAN": D(2026, 6, 22),
        "BAO_CAO_KET_QUA": D(2026, 6, 26)}


def test_reply_deadline_follows_the_conclusion_notice(sample_registries):
    reg = sample_registries["tu-minh"]
    report = deadlines.compute(reg, TODAY)
    # Conclusion notice done 24/06/2026 (Wed) + 15 working days = 15/07/2026.
    pending = deadlines.opinions_needing_reply(reg, "KH-2026-01")
    own = [o for o in pending if not agencies.sent_up(o, reg.agency_levels)]
    assert own and all(report.reply_due[o.opinion_id] == D(2026, 7, 15) for o in own)
    # What goes to a superior has no deadline: the commune recommends, it does not impose.
    up = [o for o in pending if agencies.sent_up(o, reg.agency_levels)]
    assert up and not any(o.opinion_id in report.reply_due or o.opinion_id in report.resolve_due
                          for o in up)
    settled = [o for o in reg.opinions if o.answered_at_meeting == "Có"]
    assert settled and not any(o.opinion_id in report.reply_due for o in settled)
    assert not any(o.duplicate_of and o.opinion_id in report.reply_due for o in reg.opinions)
    reply = next(m for m in report.milestones if m.code == "TRA_LOI")
    assert reply.unit == next(o.agency for o in reg.opinions if o.opinion_id == reply.opinion_id)


def test_no_reply_deadline_until_the_conclusion_has_a_date():
    reg = registry(plans=[plan()], opinions=[dict(
        opinion_id="YK-1", plan_id="KH-1", source="Phiếu hỏi", received_date="20/05/2026",
        raised_by="Ông A", content="Đường hỏng", field="Khác", status="Đã phân công")])
    assert deadlines.compute(reg, TODAY).reply_due == {}
    reg = registry(plans=[plan()], opinions=[dict(
        opinion_id="YK-1", plan_id="KH-1", source="Phiếu hỏi", received_date="20/05/2026",
        raised_by="Ông A", content="Đường hỏng", field="Khác", status="Đã phân công")],
        register=[dict(number=5, kind="TBKL", date="22/06/2026", plan_id="KH-1",
                       status="Đã ban hành")])
    assert deadlines.compute(reg, TODAY).reply_due == {"YK-1": D(2026, 7, 13)}


def test_statuses_as_of_a_fixed_today():
    ms = [dict(plan_id="KH-1", code="PHAT_PHIEU", done_date="18/05/2026"),
          dict(plan_id="KH-1", code="THU_PHIEU", done_date="25/05/2026")]
    reg = registry(plans=[plan()], milestones=ms)
    report = deadlines.compute(reg, D(2026, 6, 2))   # Tue
    by = {m.code: m for m in report.milestones}
    assert by["PHAT_PHIEU"].status == "Hoàn thành đúng hạn" and by["PHAT_PHIEU"].remaining is None
    assert by["THU_PHIEU"].status == "Hoàn thành trễ hạn"
    assert by["TONG_HOP"].status == "Quá hạn" and by["TONG_HOP"].remaining == -5   # 26/5
    assert by["BAO_CAO_DON_VI"].status == "Sắp đến hạn" and by["BAO_CAO_DON_VI"].remaining == 0
    assert by["THONG_BAO"].status == "Sắp đến hạn" and by["THONG_BAO"].remaining == 3  # 5/6
    assert by["HOI_TRUONG"].status == "Chưa đến hạn" and by["HOI_TRUONG"].remaining == 6
    # The threshold comes from Cấu hình.
    reg = registry(plans=[plan()], settings={"due_soon_days": 1})
    by = {m.code: m for m in deadlines.compute(reg, D(2026, 6, 2)).milestones}
    assert by["THONG_BAO"].status == "Chưa đến hạn"


def test_a_rule_edited_in_the_sheet_changes_the_result(sample_copy):
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.RULES.name]
    days_col = schema.RULES.keys.index("days") + 1
    kind_col = schema.RULES.keys.index("day_kind") + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == "THONG_BAO":
            ws.cell(row=r, column=days_col, value=10)
        if ws.cell(row=r, column=1).value == "KET_LUAN":
            ws.cell(row=r, column=kind_col, value="ngày")
        if ws.cell(row=r, column=1).value == "HOI_TRUONG":
            ws.cell(row=r, column=schema.RULES.keys.index("enabled") + 1, value="Không")
    wb.save(path)
    report = deadlines.compute(reader.read_registry(path), TODAY)
    dues = due_by_code(report, "KH-2026-01")
    assert dues["THONG_BAO"] == D(2026, 6, 2)          # 12/6 − 10 days
    assert dues["KET_LUAN"] == D(2026, 6, 22)          # 12/6 + 10 calendar days (Mon)
    assert "HOI_TRUONG" not in dues


def test_a_broken_rule_is_reported_not_applied():
    rules = [dict(r) for r in schema.DEFAULT_RULES]
    rules[0]["anchor"] = "Ngày đẹp trời"
    reg = registry(plans=[plan()], rules=rules)
    report = deadlines.compute(reg, TODAY)
    assert "THONG_BAO" not in due_by_code(report, "KH-1")
    p = next(p for p in report.problems if p.code == "rule-incomplete")
    assert (p.sheet, p.row, p.column) == ("Quy tắc thời hạn", 2, "Mốc gốc")


def test_late_completion_of_a_mandatory_rule_is_an_error_citing_the_law():
    ms = [dict(plan_id="KH-1", code="THONG_BAO", done_date="08/06/2026"),
          dict(plan_id="KH-1", code="GIAY_MOI", done_date="08/06/2026")]
    reg = registry(plans=[plan()], milestones=ms)
    problems = deadlines.compute(reg, TODAY).problems
    late = [p for p in problems if p.code == "deadline-missed-mandatory"]
    assert len(late) == 1                                # GIAY_MOI is practice, not law
    p = late[0]
    assert p.severity == "error" and "Điều 43" in p.message
    assert (p.sheet, p.cell) == ("Mốc thời gian", column_letter(7) + "2")


def test_plan_issued_after_the_notice_deadline_is_an_error():
    reg = registry(plans=[plan(issue_date="08/06/2026")])
    p = next(p for p in deadlines.compute(reg, TODAY).problems
             if p.code == "plan-issued-too-late")
    assert p.severity == "error" and p.cell == "D2" and "Điều 43" in p.message


def test_weekend_conference_is_a_warning(sample_registries):
    problems = deadlines.compute(sample_registries["trung-hoi"], TODAY).problems
    p = next(p for p in problems if p.code == "meeting-not-working-day")
    assert p.severity == "warning" and p.cell == "J2" and "thứ Bảy" in p.message


def test_every_year_needs_a_conference():
    """A year over without one is warned of; the current year not in March, only once the
    last day to issue a plan in time is near (tests/rules/test_yearly_conference.py)."""
    reg = registry(plans=[plan(meeting_date="12/06/2024")])
    years = sorted(p.message for p in deadlines.compute(reg, D(2026, 3, 1)).problems
                   if p.code == "no-conference-in-year")
    assert years == ["Chưa có hội nghị đối thoại nào trong năm 2025."]
    years = sorted(p.message for p in deadlines.compute(reg, D(2026, 11, 2)).problems
                   if p.code == "no-conference-in-year")
    assert years[0] == "Chưa có hội nghị đối thoại nào trong năm 2025."
    assert years[1].startswith("Chưa có hội nghị đối thoại nào trong năm 2026: muốn tổ chức")
    assert all(p.severity == "warning" for p in deadlines.compute(reg, D(2026, 11, 2)).problems
               if p.code == "no-conference-in-year")


def test_changes_write_only_computed_columns_in_two_blocks(sample_registries):
    reg = sample_registries["tu-minh"]
    report = deadlines.compute(reg, TODAY)
    ch = milestones.to_changes(reg, report)
    ms_blocks = [b for b in ch.blocks if b.sheet == "Mốc thời gian"]
    op_blocks = [b for b in ch.blocks if b.sheet == "Ý kiến"]
    done_col = schema.MILESTONES.keys.index("done_date")
    assert [(b.col, b.width) for b in ms_blocks] == [(0, done_col), (done_col + 1, 2)]
    assert all(b.height == len(report.milestones) for b in ms_blocks)
    assert [(b.col, b.width) for b in op_blocks] == [(schema.OPINIONS.keys.index("reply_due"), 1)]
    assert ch.table_rows["Mốc thời gian"] == len(report.milestones)
    # The rows the clerk seeded keep their place (row 2 is PHAT_PHIEU with its typed date).
    assert ms_blocks[0].values[0][:3] == ("KH-2026-01", None, "PHAT_PHIEU")


def test_changes_keep_typed_dates_and_rows_in_place(sample_copy, tmp_path):
    from doithoai.files import blank
    from doithoai.samples import load, sample
    s = sample("tu-minh")
    wb = blank.build_workbook(**load(s))
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(wb, path)
    reg = reader.read_registry(path)
    apply_changes.apply_to_openpyxl(wb, milestones.to_changes(reg, deadlines.compute(reg, TODAY)))
    atomic.save_atomic(wb, path)
    again = reader.read_registry(path)
    before = {(m.plan_id, m.code): (m.row, m.done_date) for m in reg.milestones}
    after = {(m.plan_id, m.code): (m.row, m.done_date) for m in again.milestones
             if not m.opinion_id}
    for key, value in before.items():
        assert after[key] == value
    assert all(m.due and m.status for m in again.milestones)
    # A second run changes nothing but statuses: same rows, and the reply column is unchanged.
    ch2 = milestones.to_changes(again, deadlines.compute(again, TODAY))
    assert [b for b in ch2.blocks if b.sheet == "Ý kiến"] == []
    assert ch2.table_rows["Mốc thời gian"] == len(again.milestones)


def test_stale_rows_are_kept_and_marked():
    ms = [dict(plan_id="KH-9", code="THONG_BAO", done_date="01/06/2026", due="05/06/2026")]
    reg = registry(plans=[plan()], milestones=ms)
    ch = milestones.to_changes(reg, deadlines.compute(reg, TODAY))
    first = [b for b in ch.blocks if b.sheet == "Mốc thời gian" and b.col == 0][0]
    assert first.values[0][0] == "KH-9" and first.values[0][6] == milestones.STALE_NOTE


def test_cli_due_prints_the_date_last(capsys):
    assert cli.main(["due", "2026-06-12", "7", "--before"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2026-06-05"
    assert cli.main(["due", "12/06/2026", "10", "--working", "--explain"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == "2026-06-26" and len(lines) > 1 and "ngày làm việc" in lines[0]
    assert cli.main(["due", "2026-04-23", "7"]) == 0
    assert capsys.readouterr().out.strip() == "2026-05-04"
    assert cli.main(["due", "2026-02-13", "1", "--working", "--before"]) == 0
    assert capsys.readouterr().out.strip() == "2026-02-12"


def test_cli_due_applies_the_registry_overrides(sample_paths, capsys):
    assert cli.main(["due", "2026-01-01", "1", "--working"]) == 0
    assert capsys.readouterr().out.strip() == "2026-01-02"
    assert cli.main(["due", "2026-01-01", "1", "--working", "--registry",
                     sample_paths["tu-minh"], "--explain"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "2026-01-05" and "Ngày nghỉ" in "\n".join(out)


def test_cli_deadlines_json_contract(sample_paths, capsys):
    assert cli.main(["deadlines", sample_paths["do-luong"], "--today", "2026-11-22",
                     "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    m = data["milestones"][0]
    assert set(m) == {"plan", "opinion", "code", "task", "unit", "due", "status",
                      "remaining_working_days", "basis", "unrecorded_after_meeting"}
    k2 = {x["code"]: x for x in data["milestones"] if x["plan"] == "KH-2026-02"}
    assert k2["THONG_BAO"]["due"] == "2026-12-04" and k2["THONG_BAO"]["status"] == "Chưa đến hạn"
    assert k2["THONG_BAO"]["remaining_working_days"] == 10   # 24/11 is worked (Không nghỉ)
    assert k2["THU_PHIEU"]["status"] == "Hoàn thành đúng hạn"
    assert k2["TONG_HOP"]["due"] == "2026-11-24" and k2["TONG_HOP"]["status"] == "Sắp đến hạn"
    assert k2["TONG_HOP"]["remaining_working_days"] == 2
    assert all(x["opinion"] is None or x["code"] in ("TRA_LOI", "GIAI_QUYET")
               for x in data["milestones"])


def test_cli_deadlines_text(sample_paths, capsys):
    assert cli.main(["deadlines", sample_paths["trung-hoi"], "--today", "2025-06-01"]) == 0
    out = capsys.readouterr().out
    assert "Kế hoạch KH-2025-01:" in out and "Cảnh báo" in out


def test_asking_for_less_gives_the_same(sample_registries):
    """Validation asks the deadline engine for its problems alone, monitoring for the due
    dates and problems (a registry of 50,000 opinions spends most of the engine's time on
    milestones neither shows): they are those of the full computation, also when every rule
    is mandatory."""
    import dataclasses
    from doithoai.rules import validation
    for name, reg in sample_registries.items():
        strict = dataclasses.replace(               # every rule mandatory, every reply late
            reg, rules=[dataclasses.replace(r, mandatory="Có") for r in reg.rules],
            opinions=[dataclasses.replace(o, reply_date=dt.date(2027, 5, 31))
                      for o in reg.opinions])
        for r in (reg, strict):
            full = deadlines.compute(r, dt.date(2027, 6, 1))
            alone = deadlines.mandatory_problems(r, dt.date(2027, 6, 1))
            dues = deadlines.due_dates(r, dt.date(2027, 6, 1))
            assert [p.to_json() for p in alone] == \
                [p.to_json() for p in full.problems] == \
                [p.to_json() for p in dues.problems], name
            assert (dues.reply_due, dues.resolve_due) == (full.reply_due, full.resolve_due)
            assert dues.milestones == [] and len(full.milestones) > 0
            assert validation.validate(r, dt.date(2027, 6, 1)) == \
                validation.validate(r, dt.date(2027, 6, 1), report=full)
        missed = [p for p in deadlines.mandatory_problems(strict, dt.date(2027, 6, 1))
                  if p.code == "deadline-missed-mandatory"]
        assert missed or not reg.opinions, name


@pytest.mark.parametrize("slug", ["tu-minh", "do-luong", "trung-hoi"])
def test_the_command_writes_the_milestones_the_clerk_completes(sample_copy, tmp_path, capsys,
                                                                slug):
    """`deadlines --write` fills Mốc thời gian and Hạn trả lời of a copy, as the Tính hạn
    button does: the saved sheet holds what `deadlines --json` prints, the registry itself is
    not touched, and writing again from the copy adds no row."""
    import hashlib
    import random
    rng = random.Random(slug)
    day = (dt.date(2026, 3, 1) + dt.timedelta(days=rng.randint(0, 300))).isoformat()
    path = sample_copy(slug)
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    capsys.readouterr()
    cli.main(["deadlines", path, "--json", "--today", day])
    printed = json.loads(capsys.readouterr().out)["milestones"]
    copy = str(tmp_path / "tinh-han.xlsx")
    assert cli.main(["deadlines", path, "--out", copy, "--today", day]) == 0
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before
    ws = openpyxl.load_workbook(copy)[schema.MILESTONES.name]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
    saved = {(r["Mã KH"], r["Mã ý kiến"] or None, r["Mã mốc"]): r["Hạn"].date().isoformat()
             for r in rows if r["Mã mốc"]}
    assert saved == {(m["plan"], m["opinion"], m["code"]): m["due"] for m in printed}
    capsys.readouterr()
    again = str(tmp_path / "lan-hai.xlsx")
    assert cli.main(["deadlines", copy, "--out", again, "--today", day]) == 0
    assert "(0 mốc mới)" in capsys.readouterr().out


@pytest.mark.parametrize("seed", range(4))
def test_the_conclusion_notice_is_the_publication_of_the_results(sample_copy, tmp_path, capsys,
                                                                  seed):
    """The conclusion notice (TBKL) is what is posted: issuing it completes the mandatory
    publication (CONG_KHAI_KET_QUA, 10 days after the conference), on time or late, and a late
    one is said by the run that issues it, with what to write."""
    import glob
    import random
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    wb = openpyxl.load_workbook(path)             # no Ngày hoàn thành typed for these steps
    ws = wb[schema.MILESTONES.name]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[head.index("Mã mốc")].value in ("CONG_KHAI_KET_QUA", "KET_LUAN"):
            row[head.index("Ngày hoàn thành")].value = None
    wb.save(path)
    meeting = dt.date(2026, 5, 15)
    day = meeting + dt.timedelta(days=rng.randint(1, 10) if seed % 2 else rng.randint(11, 20))
    capsys.readouterr()
    cli.main(["generate", path, "--docs", "TBKL", "--out", str(tmp_path / "vb"), "--today",
              day.isoformat(), "--issue"])
    said = capsys.readouterr().out
    [copy] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    cli.main(["deadlines", copy, "--json", "--today", (day + dt.timedelta(days=30)).isoformat()])
    step = next(m for m in json.loads(capsys.readouterr().out)["milestones"]
                if m["plan"] == "KH-2026-01" and m["code"] == "CONG_KHAI_KET_QUA")
    late = day > meeting + dt.timedelta(days=10)
    assert step["status"] == ("Hoàn thành trễ hạn" if late else "Hoàn thành đúng hạn"), step
    assert ("mốc CONG_KHAI_KET_QUA" in said) == late


@pytest.mark.parametrize("seed", range(6))
def test_milestones_say_the_plans_own_village_words(seed, tmp_path, capsys):
    """A rule says "gửi trưởng thôn" and "Thôn, tổ dân phố nơi tổ chức" for every unit; a
    phường's milestones (the `deadlines` text and the Mốc thời gian sheet `--write` saves) say
    tổ dân phố, as its plan does, and a xã's whose villages are xóm say xóm. Generated
    registries (tests/corpus) of every kind of unit."""
    import glob
    import os
    import re
    from corpus.registries import make_case
    case = make_case(seed)
    rows = case.rows()
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(blank_workbook(case, rows), path)
    # what the generator named its villages by (corpus.registries.make_case)
    head = {"xã": "trưởng thôn", "phường": "tổ trưởng tổ dân phố",
            "đặc khu": "trưởng khu"}[case.settings["unit_type"]]
    cli.main(["deadlines", path, "--today", case.meeting.isoformat()])
    text = capsys.readouterr().out
    cli.main(["deadlines", path, "--today", case.meeting.isoformat(), "--write"])
    [copy] = [p for p in glob.glob(str(tmp_path / "*.xlsx")) if os.path.basename(p) != "so.xlsx"]
    ws = openpyxl.load_workbook(copy)[schema.MILESTONES.name]
    cells = " ".join(str(v) for r in ws.iter_rows(min_row=2, values_only=True) for v in r if v)
    for said in (text, cells):
        assert "Thôn, tổ dân phố" not in said and "thôn, tổ dân phố" not in said
        heads = set(re.findall(r"gửi (trưởng \w+|tổ trưởng tổ dân phố)", said))
        assert heads == {head}, (case.settings["unit_type"], case.truth.villages, heads)


def blank_workbook(case, rows):
    from doithoai.files import blank
    return blank.build_workbook(settings=case.settings, rows={
        k: rows[k] for k in ("plans", "invitees", "opinions", "survey")})


@pytest.mark.parametrize("seed", range(3))
def test_a_copy_of_a_copy_carries_one_stamp(seed, sample_copy, capsys):
    """Each command that saves writes a copy beside the registry ("so (cap so 20261206-1650)");
    a clerk who goes on from the copy, as told, got names growing a stamp each time
    ("… (cap so …) (cap so …) (tinh han …)"). A seeded run of saving commands, each from
    the newest copy: every name has one stamp, the last command's, and no file is replaced."""
    import glob
    import os
    import random
    import re
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    folder = os.path.dirname(path)
    seen = {path}
    for step in range(5):
        command = rng.choice(["deadlines", "issue"])
        before = set(glob.glob(os.path.join(folder, "*.xlsx")))
        if command == "deadlines":
            cli.main(["deadlines", path, "--write", "--today", "2026-12-07"])
        else:
            cli.main(["generate", path, "--docs", "TBKL", "--issue", "--out",
                      os.path.join(folder, f"vb{step}"), "--today", "2026-12-07"])
        capsys.readouterr()
        new = set(glob.glob(os.path.join(folder, "*.xlsx"))) - before
        if not new:                        # nothing to number again: no copy
            continue
        [path] = new
        assert path not in seen
        seen.add(path)
        stamps = re.findall(r"\((cap so|tinh han) \d{8}-\d{4}\)", os.path.basename(path))
        assert stamps == [{"deadlines": "tinh han", "issue": "cap so"}[command]], path


def test_every_commands_copy_of_a_copy_carries_one_stamp(sample_copy):
    """The same for each label a command stamps its copy with, in a seeded order (the
    Front's intake writes "nhan MTTQ", with capitals)."""
    import os
    import random
    import re
    from doithoai.files import registry_copy
    from doithoai.registry.changes import Changes
    labels = ["cap so", "nhan MTTQ", "tinh han", "xoa lien lac", "chuyen ton", "mat khau phieu"]
    random.Random(7).shuffle(labels)
    path = sample_copy("trung-hoi")
    for label in labels:
        path = registry_copy.registry_copy(path, Changes(), label)
        stamps = re.findall(r"\(([A-Za-z ]+) \d{8}-\d{4}\)", os.path.basename(path))
        assert stamps == [label], path
