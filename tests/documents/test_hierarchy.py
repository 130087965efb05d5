"""Who writes to whom (issue 18 §1): own units are assigned, agencies on the territory asked,
superiors receive a recommendation with no deadline; each citizen is told who handles what."""
import datetime as dt
import os
import re

import pytest
from docx import Document

import conformance
import xlsx_edit
from doithoai.documents import generate
from doithoai.files import reader
from doithoai.monitoring import chain
from doithoai.registry import schema
from doithoai.rules import agencies, validation

AS_OF = dt.date(2026, 11, 22)


def text_of(path):
    doc = Document(path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.parametrize("name, level", [
    ("Văn phòng HĐND và UBND", agencies.OWN), ("Phòng Kinh tế, Hạ tầng và Đô thị", agencies.OWN),
    ("Trạm Y tế phường", agencies.OWN), ("Trung tâm Phục vụ hành chính công", agencies.OWN),
    ("Ban Chỉ huy Quân sự xã", agencies.OWN), ("Trường THCS Tứ Minh", agencies.OWN),
    ("Tổ dân phố số 5", agencies.OWN),            # "số" is not "Sở"
    ("Công an xã", agencies.TERRITORY), ("Công an phường", agencies.TERRITORY),
    ("Thuế cơ sở 3 Hải Phòng", agencies.TERRITORY),  # "cơ sở" is not a "Sở"
    ("Bảo hiểm xã hội cơ sở Tứ Kỳ", agencies.TERRITORY), ("Điện lực Tứ Kỳ", agencies.TERRITORY),
    ("Ủy ban MTTQ Việt Nam xã", agencies.TERRITORY),
    ("Công an tỉnh", agencies.SUPERIOR), ("Sở Nông nghiệp và Môi trường", agencies.SUPERIOR),
    ("UBND cấp tỉnh và các sở, ngành", agencies.SUPERIOR), ("Tỉnh uỷ Nghệ An", agencies.SUPERIOR),
])
def test_default_levels_read_the_agency_name(name, level):
    assert agencies.default_level(name) == level


def test_the_blank_registry_ships_the_defaults_beside_each_agency():
    agencies_lk = schema.LOOKUPS_BY_KEY["agencies"]
    paired = schema.LOOKUPS_BY_KEY["agency_level_of"]
    assert list(paired.values) == [agencies.default_level(a) for a in agencies_lk.values]
    assert schema.lookup("Cấp cơ quan").values == agencies.LEVELS


def test_the_clerk_corrects_a_level_in_danh_muc(sample_copy, tmp_path):
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    row = next(r.row for r in reg.tables["lookups"].rows
               if r.values.get("agencies") == "Phòng Văn hóa - Xã hội")
    xlsx_edit.edit(path, [("lookups", "agency_level_of", row, "Cấp trên")])
    reg = reader.read_registry(path)
    assert reg.agency_levels["Phòng Văn hóa - Xã hội"] == agencies.SUPERIOR
    res = generate.generate(reg, str(tmp_path / "out"), codes=["CVPC", "CVKN"], today=AS_OF)
    names = {os.path.basename(f) for f in res.files}
    assert "CVPC_Phong-Van-hoa-Xa-hoi.docx" not in names and "CVKN.docx" in names
    cvkn = text_of(next(f for f in res.files if f.endswith("CVKN.docx")))
    assert "Phòng Văn hóa - Xã hội" in cvkn
    # A value outside the list is refused where it was typed, with the nearest one.
    xlsx_edit.edit(path, [("lookups", "agency_level_of", row, "cap tren")])
    problems = validation.validate(reader.read_registry(path), AS_OF)
    bad = [p for p in problems if p.sheet == "Danh mục" and p.code == "not-in-list"]
    assert bad and bad[0].row == row and "Cấp trên" in bad[0].hint


def test_superiors_get_a_recommendation_and_no_deadline(sample_registries, tmp_path):
    reg = sample_registries["tu-minh"]
    res = generate.generate(reg, str(tmp_path), codes=["CVPC", "CVDD", "CVKN"], today=AS_OF)
    assert not res.refusals, [p.message for p in res.refusals]
    for f in res.files:
        text = text_of(f)
        to = re.search(r"Kính gửi: (.+?)\.\n", text)
        kind = os.path.basename(f).split("_")[0].split(".")[0]
        assert conformance.check(f, kind, False) == [], f
        if kind in ("CVPC", "CVDD"):      # never to a superior
            assert agencies.level_of(to.group(1), reg.agency_levels) != agencies.SUPERIOR, f
    cvkn = next(f for f in res.files if f.endswith("CVKN.docx"))
    text = text_of(cvkn)
    up = [o for o in reg.opinions if o.plan_id == "KH-2026-01" and not o.duplicate_of
          and agencies.sent_up(o, reg.agency_levels) and o.answered_at_meeting != "Có"]
    assert len(up) == 3 and all(o.content in text for o in up)
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng." in text
    assert f"Có {len(up)} ý kiến, kiến nghị thuộc thẩm quyền của cấp trên" in text
    for imposed in ("chậm nhất", "khẩn trương", "trước ngày", "đôn đốc"):
        assert imposed not in text
    # Agencies on the territory are asked, own units assigned.
    police = next(f for f in res.files if os.path.basename(f) == "CVPC_Cong-an-phuong.docx")
    assert "trân trọng đề nghị Công an phường" in text_of(police)
    assert "V/v đề nghị phối hợp" in text_of(police)
    office = next(f for f in res.files if "CVPC_Tram-Y-te" in f)
    assert "giao Trạm Y tế phường" in text_of(office)


def test_party_recommendation_is_a_report_to_the_superior_standing_committee(sample_registries,
                                                                             tmp_path):
    reg = sample_registries["do-luong"]
    res = generate.generate(reg, str(tmp_path), codes=["CVKN"], today=AS_OF)
    files = [f for f in res.files if f.endswith("CVKN.docx")]
    assert files
    for f in files:
        assert conformance.check(f, "CVKN", True) == [], f
        text = text_of(f)
        assert "BÁO CÁO" in text and "Kính gửi: Ban Thường vụ Tỉnh ủy Nghệ An." in text
        assert re.search(r"Số \d*\s*-?BC/ĐU|BC/ĐU", text)
        assert "Thường trực Đảng ủy (để b/c)" not in text


def test_each_citizen_is_told_who_handles_what_and_by_when(sample_registries, tmp_path):
    reg = sample_registries["tu-minh"]
    res = generate.generate(reg, str(tmp_path), codes=["TBCD"], today=AS_OF)
    folder = tmp_path / "KH-2026-01"
    singles = sorted(os.listdir(folder / "TBCD"))
    by_id = {o.opinion_id: o for o in reg.opinions}

    def waiting(o):
        return o.answered_at_meeting != "Có" and not o.reply_number and not o.reply_date \
            and not o.resolved_date

    def original(o):        # what a repeat (Trùng với) joined; the opinion itself otherwise
        return by_id[o.duplicate_of] if o.duplicate_of else o
    # A citizen whose opinion joined another's, still pending, is told too (issue 25 §9).
    pending = [o for o in reg.opinions if o.plan_id == "KH-2026-01" and o.raised_by
               and waiting(o) and waiting(original(o))
               and (not o.duplicate_of or original(o).raised_by != o.raised_by)]
    assert any(o.duplicate_of for o in pending)
    people = {o.raised_by for o in pending}
    assert len(singles) == len(people) > 0          # one notice per citizen
    assert not os.path.exists(folder / "TBCD_tat-ca.docx")      # each its own document
    for f in singles:
        assert conformance.check(str(folder / "TBCD" / f), "TBCD", False) == [], f
    text = "\n".join(text_of(str(folder / "TBCD" / f)) for f in singles)
    assert text.count("THÔNG BÁO") == len(people)
    for o in pending:
        assert o.content in text
    # Each notice groups that citizen's opinions; a sent-up one names the superior, no date.
    for f in singles:
        doc = Document(str(folder / "TBCD" / f))
        who = next(p.text for p in doc.paragraphs if p.text.startswith("Kính gửi:"))
        mine = [o for o in pending if f"Kính gửi: {o.raised_by}," in who]
        rows = doc.tables[1].rows[1:]
        assert len(rows) == len(mine) > 0, f
        for r in rows:
            o = next(o for o in mine if r.cells[1].text.startswith(o.content))
            if o.duplicate_of:      # handled as the one it joined, told by its words
                said = r.cells[1].text  # (not by the office's code for it)
                assert o.duplicate_of not in said
                assert (f"trùng nội dung với ý kiến đã nhận \"{original(o).content.rstrip('.')}"
                        in said or "trùng với một ý kiến khác đã nhận" in said), said
                o = original(o)
            if agencies.sent_up(o, reg.agency_levels):
                assert r.cells[2].text == "Ủy ban nhân dân thành phố Hải Phòng"
                assert "kiến nghị cấp trên" in r.cells[3].text
            else:
                assert re.search(r"\d\d/\d\d/\d{4}", r.cells[3].text), r.cells[3].text
        assert "Tổ trưởng tổ dân phố Cẩm Khê" in text_of(str(folder / "TBCD" / f))


def test_two_citizens_of_one_house_whose_names_differ_by_a_tone_get_a_notice_each(
        sample_paths, tmp_path):
    """"Nguyễn Thị Hà" and "Nguyễn Thị Hạ" at one address are two people: each notice names
    one of them and lists only her own opinion (a notice is never sent about someone else's)."""
    reg = reader.read_registry(sample_paths["tu-minh"])
    pending = [o for o in reg.opinions if o.plan_id == "KH-2026-01" and not o.duplicate_of
               and o.raised_by and o.answered_at_meeting != "Có" and not o.reply_number
               and not o.reply_date and not o.resolved_date]
    ha, ha2 = pending[0], next(o for o in pending[1:] if o.raised_by != pending[0].raised_by)
    for o, name in ((ha, "Nguyễn Thị Hà"), (ha2, "Nguyễn Thị Hạ")):
        o.raised_by, o.address = name, "Số 9, ngõ 2, TDP Cẩm Khê A"
    generate.generate(reg, str(tmp_path), codes=["TBCD"], today=AS_OF)
    folder = tmp_path / "KH-2026-01" / "TBCD"
    seen = {}
    for f in sorted(os.listdir(folder)):
        text = text_of(str(folder / f))
        for o, name in ((ha, "Nguyễn Thị Hà"), (ha2, "Nguyễn Thị Hạ")):
            if f"Kính gửi: Bà {name}," in text:
                seen[name] = text
    assert set(seen) == {"Nguyễn Thị Hà", "Nguyễn Thị Hạ"}
    assert ha.content in seen["Nguyễn Thị Hà"] and ha2.content not in seen["Nguyễn Thị Hà"]
    assert ha2.content in seen["Nguyễn Thị Hạ"] and ha.content not in seen["Nguyễn Thị Hạ"]


def test_waiting_for_a_superior_is_kept_apart_from_overdue(sample_registries):
    reg = sample_registries["tu-minh"]
    chains = chain.build(reg, AS_OF)
    waiting = [c for c in chains if c.waiting]
    assert waiting and not any(c.overdue for c in waiting)
    totals = chain.summary(reg, chains)["totals"]
    assert totals["waiting"] == sum(1 for c in chains if c.counted and c.waiting)
    raised = [o for o in reg.opinions if o.plan_id == "KH-2026-01" and not o.duplicate_of]
    parts = chain.outcomes(raised, chains)
    assert parts["cho_cap_tren"] <= parts[chain.PART_UPWARD]
    assert parts["qua_han"] <= parts[chain.PART_PROGRESS]


def test_validation_notes_a_superior_agency_under_commune_competence(sample_copy):
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    o = next(o for o in reg.opinions if o.competence == "Xã" and o.agency)
    xlsx_edit.edit(path, [("opinions", "agency", o.row, "UBND cấp tỉnh và các sở, ngành")])
    problems = validation.validate(reader.read_registry(path), AS_OF)
    hit = [p for p in problems if p.row == o.row and p.sheet == "Ý kiến"
           and "cấp trên" in p.message]
    assert hit and hit[0].severity == "warning"


def test_what_tells_of_the_meeting_waits_for_the_meeting(sample_registries, tmp_path):
    """Đô Lương's second plan meets on 11/12/2026: before that day no notice tells a citizen
    what happened at it, and no recommendation reports it; after it, both are made."""
    reg = sample_registries["do-luong"]
    plan = next(p for p in reg.plans if p.plan_id == "KH-2026-02")
    before = generate.generate(reg, str(tmp_path / "a"), plan_ids=["KH-2026-02"],
                               codes=["CVKN", "TBCD"], today=plan.meeting_date -
                               dt.timedelta(days=1))
    assert before.files == [] and not before.refusals
    assert len(before.notices) == 1 and "chưa diễn ra" in before.notices[0]   # one cause
    assert "Công văn kiến nghị" in before.notices[0] and "Thông báo cho người nêu ý kiến" in \
        before.notices[0]
    after = generate.generate(reg, str(tmp_path / "b"), plan_ids=["KH-2026-02"],
                              codes=["TBCD"], today=plan.meeting_date)
    assert after.files and not after.notices


def test_each_citizens_notice_is_issued_with_its_own_number(sample_paths, tmp_path):
    """Notices that say different things to different people are different documents: each
    has its own number and its own row in Sổ văn bản (the invitations, which say one thing to
    many, share one)."""
    reg = reader.read_registry(sample_paths["tu-minh"])
    res = generate.generate(reg, str(tmp_path), codes=["TBKL", "TBCD"], today=AS_OF, issue=True)
    folder = tmp_path / "KH-2026-01" / "TBCD"
    numbers = []
    for f in sorted(os.listdir(folder)):
        found = re.search(r"Số:\s*(\d+)/TB-UBND", text_of(str(folder / f)))
        assert found, f
        numbers.append(found.group(1))
    assert len(numbers) > 1 and len(set(numbers)) == len(numbers), numbers
    rows = [r for r in res.register_rows if r["kind"] == "TBCD"]
    assert sorted(str(int(r["number"])).zfill(2) for r in rows) == sorted(numbers)


def test_notices_issued_as_one_batch_before_stay_one_batch(sample_copy, tmp_path):
    """A registry whose notices were issued as one numbered batch (doithoai 0.4.0) keeps it:
    the same citizens are not given new numbers for notices they already received."""
    import openpyxl
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    ws = wb["Sổ văn bản"]
    ws.append([2, "TB-UBND", "02/TB-UBND", dt.datetime(2026, 6, 20), "TBCD",
               "Về việc giải quyết ý kiến", "KH-2026-01", None, "KH-2026-01/TBCD_tat-ca.docx",
               "Đã ban hành", "000000000000"])
    wb.save(path)
    reg = reader.read_registry(path)
    res = generate.generate(reg, str(tmp_path), codes=["TBCD"], today=AS_OF, issue=True)
    assert not [r for r in res.register_rows if r["kind"] == "TBCD" and r["number"]
                and r["number_symbol"] != "02/TB-UBND"]
    assert any("TBCD_tat-ca" in os.path.basename(f) for f in res.files)


@pytest.mark.parametrize("slug", ["do-luong", "quang-son", "tu-minh"])
@pytest.mark.parametrize("issuer", ["UBND", "Đảng ủy"])
def test_the_deadlines_and_the_plan_name_the_same_office(sample_copy, tmp_path, capsys, slug,
                                                         issuer):
    """A plan the party committee issues is prepared by its office: `deadlines` (and the Mốc
    thời gian sheet it fills) names the office as the plan's KH does, whoever issues it."""
    from doithoai import cli
    path = sample_copy(slug)
    plan = reader.read_registry(path).plans[0]
    xlsx_edit.edit(path, [("plans", "issuer", plan.row, issuer)])
    cli.main(["deadlines", path, "--today", "2026-01-05"])
    said = capsys.readouterr().out.split(f"Kế hoạch {plan.plan_id}:")[1].split("Kế hoạch KH-")[0]
    said = "\n".join(x for x in said.splitlines() if "[" not in x)   # the plan's own steps (an
    # opinion's name the agency it is assigned to, which may be the People's Committee's office)
    cli.main(["generate", path, "--plan", plan.plan_id, "--docs", "KH", "--out",
              str(tmp_path / "vb"), "--today", "2026-01-05"])
    kh = text_of(str(tmp_path / "vb" / plan.plan_id / "KH.docx"))
    own, other = ((agencies.PARTY_OFFICE, agencies.STATE_OFFICE) if issuer == "Đảng ủy" else
                  (agencies.STATE_OFFICE, agencies.PARTY_OFFICE))
    assert f"— {own} —" in said and own in kh
    assert f"— {other} —" not in said


@pytest.mark.parametrize("seed", range(3))
def test_the_minutes_ask_an_agency_on_the_territory_and_print_no_empty_brackets(
        sample_copy, tmp_path, seed):
    """BB: an agency on the territory (Công an, Điện lực) is asked to cooperate, as TBKL and
    CVDD ask it, never "giao"; a citizen with no address is printed without "()"."""
    import random
    from doithoai import cli
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    rows = [o for o in reg.opinions if o.plan_id == "KH-2026-01" and o.opinion_id
            and not o.duplicate_of and o.answered_at_meeting != "Có"]
    asked = rng.sample(rows, 3)
    bare = rng.sample([o for o in rows if o not in asked], 2)
    xlsx_edit.edit(path, [("opinions", "agency", o.row, "Công an phường") for o in asked] +
                   [("opinions", "competence", o.row, "Xã") for o in asked] +
                   [("opinions", "address", o.row, None) for o in bare])
    cli.main(["generate", path, "--docs", "BB", "--out", str(tmp_path / "vb"), "--today",
              "2026-11-22"])
    text = text_of(str(tmp_path / "vb" / "KH-2026-01" / "BB.docx"))
    assert "()" not in text
    assert "giao Công an phường" not in text
    assert text.count("đề nghị Công an phường phối hợp trả lời") >= 3
