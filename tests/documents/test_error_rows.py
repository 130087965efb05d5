"""A row with validation errors is used for no document (validation says so on the row): not
one made for it (an invitation, a reply), nor one that prints it among others (the summary
report, the minutes, a letter to the agency it names). The document is refused, naming the
cells to fix; one issued before is kept, and no new draft of it is announced."""
import glob
import json
import random
import re

import pytest
from docx import Document

from doithoai import cli
from doithoai.files import reader
from xlsx_edit import cell_ref, edit

PLAN, AFTER = "KH-2026-01", "2026-11-30"


def texts(folder) -> dict[str, str]:
    out = {}
    for path in glob.glob(str(folder / "**" / "*.docx"), recursive=True):
        doc = Document(path)
        out[path] = "\n".join([p.text for p in doc.paragraphs] + [
            c.text for t in doc.tables for r in t.rows for c in r.cells])
    return out


def spoil(path, rng: random.Random, k: int) -> list[int]:
    """``k`` opinion rows of the plan with an agency that is not in the list (an error each),
    the agency's name carrying a marker no document may print."""
    rows = [o.row for o in reader.read_registry(path).opinions
            if o.plan_id == PLAN and o.agency]
    bad = sorted(rng.sample(rows, k))
    edit(path, [("opinions", "agency", r, f"Cơ quan ZQX{r}") for r in bad])
    return bad


@pytest.mark.parametrize("seed", range(4))
def test_no_document_prints_a_row_with_errors_and_each_is_named(sample_copy, tmp_path, capsys,
                                                                seed):
    rng = random.Random(seed)
    path = sample_copy("quang-son")           # no row with errors of its own
    bad = spoil(path, rng, rng.randint(1, 3))
    cli.main(["generate", path, "--out", str(tmp_path / "vb"), "--today", AFTER])
    said = capsys.readouterr().out
    made = texts(tmp_path / "vb")
    assert made, "the other documents are still made"
    assert not [p for p, t in made.items() if "ZQX" in t]
    for r in bad:
        assert cell_ref("opinions", "agency", r) in said, (r, said)
    for code in ("BCTH", "BB", "TBKL"):         # each prints every opinion of the plan
        assert not [p for p in made if p.endswith(f"/{code}.docx")]
        assert code in said.split("Chưa tạo (Ý kiến)")[1]
    refused = [x for x in said.splitlines() if x.startswith("Chưa tạo")]
    named = [int(n) for x in refused for n in re.findall(r"\d+", " ".join(
        re.findall(r"dòng (\d+(?:, \d+)*)", x)))]
    assert sorted(named) == sorted(set(named)), refused     # each row said once
    assert set(bad) <= set(named), (bad, refused)


def test_an_issued_document_whose_row_now_has_errors_is_kept_and_no_draft_is_announced(
        sample_copy, tmp_path, capsys):
    path = sample_copy("quang-son")
    out = tmp_path / "vb"
    cli.main(["generate", path, "--docs", "TBKL", "--out", str(out), "--today", AFTER,
              "--issue"])
    [numbered] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    issued = texts(out)
    assert [p for p in issued if p.endswith("/TBKL.docx")]
    capsys.readouterr()
    spoil(numbered, random.Random(0), 1)
    cli.main(["generate", numbered, "--docs", "TBKL", "--out", str(out), "--today", AFTER])
    said = capsys.readouterr().out
    assert texts(out) == issued                     # nothing replaced, nothing added
    assert "_v2" not in said and "dữ liệu đã đổi" not in said
    assert "Chưa tạo (Ý kiến): Không tạo Thông báo kết luận" in said


def test_carry_over_counts_only_conferences_held_among_the_same_villages(sample_copy, capsys):
    """Đô Lương: KH-2026-01 (26/06/2026) and KH-2026-02 (11/12/2026), the same villages."""
    path = sample_copy("do-luong")

    def count(today):
        cli.main(["carry-over", path, "--plan", "KH-2026-02", "--today", today])
        said = capsys.readouterr().out.splitlines()
        return int(next(x for x in said if "của các hội nghị trước" in x).split()[0])
    assert count("2026-06-26") == 0              # the first conference is held that day
    held = count("2026-06-27")
    assert held > 0
    edit(path, [("plans", "scope", 2, "Xóm 9; Khối Tân Lập")])
    assert count("2026-06-27") == 0              # another plan's villages: theirs to report
    cli.main(["carry-over", path, "--plan", "KH-2026-02", "--today", "2026-06-27"])
    assert f"(KH-2026-01: {held} ý kiến)" in capsys.readouterr().out   # said, not forgotten
    edit(path, [("plans", "scope", 2, "Toàn xã")])
    assert count("2026-06-27") == held           # the whole commune's: every village's


@pytest.mark.parametrize("seed", range(3))
def test_carry_over_names_what_it_leaves_to_other_villages(sample_copy, capsys, seed):
    """Whatever the two plans' villages, the earlier conference's unresolved opinions are
    either carried over or named as another area's: the two figures add up to all of them."""
    rng = random.Random(seed)
    path = sample_copy("do-luong")
    pool = ["Xóm 1", "Xóm 2", "Xóm 3", "Xóm 9", "Khối Tân Lập"]

    def said(scope):
        edit(path, [("plans", "scope", 2, scope)])
        cli.main(["carry-over", path, "--plan", "KH-2026-02", "--today", "2026-06-27"])
        lines = capsys.readouterr().out.splitlines()
        carried = int(next(x for x in lines if "của các hội nghị trước" in x).split()[0])
        other = sum(int(n) for n in re.findall(r"KH-[\d-]+: (\d+) ý kiến", lines[-1]))
        return carried, other
    whole, none = said("Toàn xã")
    assert none == 0 and whole > 0
    for _ in range(4):
        carried, other = said("; ".join(rng.sample(pool, rng.randint(1, 3))))
        assert carried + other == whole and (carried == 0) == (other == whole)


@pytest.mark.parametrize("group", [None, "Khách mời"])
def test_an_invitee_with_errors_refuses_the_documents_that_count_the_invitees(
        sample_copy, tmp_path, capsys, group):
    """A Nhóm left empty or off the list: the plan's figures (KH, BB, BCKQ, TBKL) would count
    a row validation said is not used; they are refused, naming the cell."""
    path = sample_copy("quang-son")
    row = next(i.row for i in reader.read_registry(path).invitees if i.plan_id == PLAN)
    edit(path, [("invitees", "group", row, group)])
    cli.main(["generate", path, "--docs", "KH,BB,BCKQ,TBKL", "--out", str(tmp_path / "vb"),
              "--today", AFTER])
    said = capsys.readouterr().out
    assert not texts(tmp_path / "vb")
    assert cell_ref("invitees", "group", row) in said and "Chưa tạo (Đại biểu)" in said


def test_a_draft_left_from_an_earlier_run_is_named_when_its_document_is_refused(
        sample_copy, tmp_path, capsys):
    """KH drafted, then an invitee's Nhóm emptied: KH is refused, and the KH.docx of the first
    run (made from the data as it was, maybe edited since: not deleted) is named as not to be
    used."""
    path = sample_copy("quang-son")
    out = tmp_path / "vb"
    cli.main(["generate", path, "--docs", "KH,TB", "--out", str(out), "--today", "2026-04-01"])
    row = next(i.row for i in reader.read_registry(path).invitees if i.plan_id == PLAN)
    edit(path, [("invitees", "group", row, None)])
    capsys.readouterr()
    cli.main(["generate", path, "--docs", "KH,TB", "--out", str(out), "--today", "2026-04-01"])
    said = capsys.readouterr().out
    line = next(x for x in said.splitlines() if "bản nháp của lần tạo trước" in x)
    assert line.startswith("Lưu ý: KH.docx: ") and "Đừng dùng" in line
    assert "TB.docx" not in line                   # made again: not stale


@pytest.mark.parametrize("seed", range(3))
def test_a_citizen_who_gave_no_name_is_never_addressed_nor_respelled(sample_copy, tmp_path,
                                                                     capsys, seed):
    """"Ẩn danh" (what the intake asks for when the form has no name), however typed: no
    notice or reply is addressed to it, no spelling warning capitalises it, and the others are
    still told."""
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    rows = [o for o in reader.read_registry(path).opinions if o.raised_by]
    hidden = rng.sample(rows, 4)
    typed = ["Ẩn danh", "ẩn danh", "an danh", "Giấu tên"]
    edit(path, [("opinions", "raised_by", o.row, t) for o, t in zip(hidden, typed)])
    capsys.readouterr()
    cli.main(["validate", path, "--today", AFTER])
    said = capsys.readouterr().out
    for o in hidden:
        assert not re.search(rf"\b{cell_ref('opinions', 'raised_by', o.row)}\b.*name-spelling",
                             said)
    cli.main(["generate", path, "--docs", "TBCD,CVTL", "--out", str(tmp_path / "vb"),
              "--today", AFTER])
    made = texts(tmp_path / "vb")
    addressed = [line for t in made.values() for line in t.splitlines()
                 if line.startswith("Kính gửi")]
    assert addressed
    assert not [a for a in addressed if re.search(r"(?i)ẩn danh|an danh|giấu tên", a)]
    capsys.readouterr()                  # nor is a reply owed to no one chased
    cli.main(["deadlines", path, "--json", "--today", AFTER])
    steps = json.loads(capsys.readouterr().out)["milestones"]
    owed = {m["opinion"] for m in steps if m["code"] == "TRA_LOI"}
    assert owed and not owed & {o.opinion_id for o in hidden}


@pytest.mark.parametrize("seed", range(2))
def test_one_citizen_writing_the_kind_word_two_ways_gets_one_notice(sample_copy, tmp_path,
                                                                     seed):
    """Two opinions of one person, one address "TDP Cẩm Khê A", the other "Tổ dân phố Cẩm Khê
    A": one notice (TBCD), not two numbered notices for one person."""
    rng = random.Random(seed)
    path = sample_copy("tu-minh")
    pending = [o for o in reader.read_registry(path).opinions if o.plan_id == PLAN
               and o.raised_by and o.answered_at_meeting != "Có" and not o.duplicate_of
               and not o.reply_number and not o.resolved_date]
    a, b = rng.sample(pending, 2)
    edit(path, [("opinions", "raised_by", a.row, "Ông Lê Văn Minh"),
                ("opinions", "raised_by", b.row, "Ông Lê Văn Minh"),
                ("opinions", "address", a.row, "TDP Cẩm Khê A"),
                ("opinions", "address", b.row, "Số 7, tổ dân phố Cẩm Khê A")])
    cli.main(["generate", path, "--docs", "TBCD", "--out", str(tmp_path / "vb"), "--today",
              AFTER])
    told = [t for t in texts(tmp_path / "vb").values() if "Lê Văn Minh" in t.split("\n", 12)[-1]
            or "Kính gửi: Ông Lê Văn Minh" in t]
    from doithoai.text import privacy
    assert len(told) == 1
    flat = told[0].replace("\u00a0", " ")
    assert all(privacy.mask(o.content)[:30] in flat for o in (a, b))
