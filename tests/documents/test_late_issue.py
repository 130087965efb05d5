"""A document issued after a mandatory step's due date (the conclusion notice past its 15
working days) is still issued, and the clerk is told, with what to write so that the registry
validates again: a reason in the plan's Ghi chú beginning with the step's code. Held on
registries no one typed (tests/corpus), read from the notices the clerk sees."""
import dataclasses
import datetime as dt
import os
import random
import re

import pytest

from corpus.registries import make_case
from corpus.run import registry_of
from doithoai.documents import generate
from doithoai.rules import deadlines
from doithoai.text import vnformat

SEEDS = range(16)


def _late_lines(res) -> list[str]:
    return [n for n in res.notices if "sau hạn bắt buộc" in n]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_conclusion_issued_after_its_mandatory_day_is_told(seed, tmp_path):
    case = make_case(seed)
    reg = registry_of(case)
    # the conclusion notice is also the publication of the results: 10 days, Điều 43
    steps = {m.code: m for m in deadlines.compute(reg, case.meeting).milestones
             if not m.opinion_id}
    posted = steps["CONG_KHAI_KET_QUA"].due
    day = posted + dt.timedelta(days=random.Random(seed).randint(-9, 12))   # after the meeting
    res = generate.generate(reg, str(tmp_path), codes=["TBKL"], issue=True, today=day)
    assert any(os.path.basename(f).startswith("TBKL") for f in res.files), res.files
    plan = case.plan["plan_id"]
    words = vnformat.unit_village_kinds(case.truth.villages, case.settings["unit_type"])
    expected = [(steps[c].due, c, vnformat.with_village_words(steps[c].task, words))
                for c in deadlines.completed_by("TBKL") if c in steps and steps[c].mandatory]
    assert [c for _, c, _ in expected] == ["CONG_KHAI_KET_QUA"]    # the extension is off
    assert _late_lines(res) == [
        f"TBKL ({plan}) ban hành ngày {day:%d/%m/%Y}, sau hạn bắt buộc {by:%d/%m/%Y} của mốc "
        f"{code} ({task}): ghi lý do chậm ở Ghi chú của kế hoạch, bắt đầu bằng \"{code}:\", và "
        "báo cáo cấp trên." for by, code, task in expected if day > by]


def test_a_reason_already_written_is_not_asked_for_again(tmp_path):
    case = make_case(3)
    reg = registry_of(case)
    posted = next(m.due for m in deadlines.compute(reg, case.meeting).milestones
                  if m.code == "CONG_KHAI_KET_QUA" and not m.opinion_id)
    day = posted + dt.timedelta(days=7)
    late = _late_lines(generate.generate(reg, str(tmp_path / "a"), codes=["TBKL"], issue=True,
                                         today=day))
    assert [n for n in late if "mốc CONG_KHAI_KET_QUA" in n]
    noted = dataclasses.replace(reg, plans=[dataclasses.replace(
        p, note="Hội nghị đông.\ncong_khai_ket_qua : chờ ý kiến của các sở") for p in reg.plans])
    assert [n for n in _late_lines(generate.generate(noted, str(tmp_path / "b"), codes=["TBKL"],
            issue=True, today=day)) if "mốc CONG_KHAI_KET_QUA" in n] == []


@pytest.mark.parametrize("note,explained", [
    ("KET_LUAN_GIA_HAN: chờ ý kiến", True), ("Họp xong. KET_LUAN_GIA_HAN: chờ", True),
    ("dòng 1\n  ket_luan_gia_han: x", True), ("chậm KET_LUAN_GIA_HAN vì mưa", False),
    ("KET_LUAN: chờ", False), (None, False), ("", False)])
def test_which_notes_give_the_reason(note, explained):
    plan = registry_of(make_case(0)).plans[0]
    assert deadlines.explained(dataclasses.replace(plan, note=note),
                               "KET_LUAN_GIA_HAN") is explained


@pytest.mark.parametrize("seed", range(12))
def test_the_summary_counts_merged_repeats_only_when_there_are_some(seed, tmp_path):
    """BCTH said "(…; 0 ý kiến trùng nội dung đã được gộp)" of a plan with no repeat; and
    counted the repeats inside the brackets of the opinions received, whose parts then added up
    to one more than the number said (a fresh-eyes trial: "9 ý kiến (gồm 8 …; 1 …; 1 ý kiến
    trùng …)"). The parts add up to the number; the repeats are said apart."""
    from corpus import reading
    case = make_case(seed)
    repeats = sum(1 for o in case.opinions if o.get("duplicate_of"))
    generate.generate(registry_of(case), str(tmp_path), codes=["BCTH"],
                      today=case.meeting + dt.timedelta(days=3))
    docs, _ = reading.read_folder(str(tmp_path))
    (text,) = [d.text for d in docs if d.kind == "BCTH"]
    said = re.search(r"không kể (\d+) ý kiến trùng nội dung", text)
    assert "()" not in text
    counted = re.search(r"tiếp nhận (\d+) ý kiến, kiến nghị \(gồm ([^)]*(?:\([^)]*\)[^)]*)*)\)",
                        text)
    if counted:
        parts = [int(n) for n in re.findall(r"(?:^|; )(\d+) ý kiến", counted.group(2))]
        assert sum(parts) == int(counted.group(1)), counted.group()
    if repeats:
        assert said and int(said.group(1)) == repeats
    else:
        assert said is None, said.group()


def test_a_plan_issued_late_makes_its_documents_once_the_reason_is_written(sample_copy,
                                                                           tmp_path):
    """A plan issued after its 7-day notice was due is an error on its row, and an error on a
    plan's row keeps every document of the plan from being made: after the conference nothing
    could be typed to lift it (the hint said to move the meeting). The reason, written in Ghi
    chú beginning with the step's code, makes it a note."""
    from xlsx_edit import edit
    from doithoai.files import reader
    path = sample_copy("tu-minh")
    edit(path, [("plans", "issue_date", 2, dt.date(2026, 6, 8))])
    after = dt.date(2026, 6, 15)
    res = generate.generate(reader.read_registry(path), str(tmp_path / "a"), codes=["BB"],
                            today=after)
    assert not res.files and [p.code for p in res.refusals] == ["document-row-has-errors"]
    edit(path, [("plans", "note", 2, "Đã họp.\nTHONG_BAO: tỉnh đổi lịch, thông báo muộn")])
    res = generate.generate(reader.read_registry(path), str(tmp_path / "b"), codes=["BB"],
                            today=after)
    assert res.files and not res.refusals
