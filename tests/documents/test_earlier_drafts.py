"""Drafts of an earlier run that a run no longer makes are set aside, never left to be printed.

A clerk reassigns every opinion of one agency to another, or an agency has nothing left to
chase: the letter to it made by an earlier run (CVPC_…, CVDD_…) was left in the plan's folder
beside the new ones, unmentioned, still asking it to answer opinions no longer its own. Now it
is moved into the folder's "ban-cu" and the run says so; issued letters stay where they are.
Registries are the samples with agencies reassigned at random; what is checked is read from
the folder and the letters' own "Kính gửi" lines, as the clerk who prints the folder sees them.
"""
import glob
import os
import random
import re

import pytest
from docx import Document

from doithoai import cli
from doithoai.files import reader
from xlsx_edit import edit


def addressees(folder: str, code: str) -> dict[str, str]:
    """Each letter of ``code`` in the folder (not set aside) → the agency it is addressed to
    (as the registry names it: "Kính gửi: Công an phường Tứ Minh." is to "Công an phường")."""
    out = {}
    for path in glob.glob(os.path.join(folder, f"{code}_*.docx")):
        text = "\n".join(p.text for p in Document(path).paragraphs)
        to = re.search(r"Kính gửi: (.+?)\.\n", text).group(1)
        out[os.path.basename(path)] = re.sub(r"( (?:xã|phường)) [^,]+$", r"\1", to)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_a_letter_to_an_agency_no_longer_assigned_is_set_aside(seed, sample_copy, tmp_path,
                                                               capsys):
    rng = random.Random(seed)
    path = sample_copy(rng.choice(["tu-minh", "bac-thanh-mien", "quang-son"]))
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    today = (plan.meeting_date.fromordinal(plan.meeting_date.toordinal() - rng.randint(2, 5)))
    out = tmp_path / "vb"
    run = ["generate", path, "--plan", plan.plan_id, "--docs", "CVPC", "--out", str(out),
           "--today", today.isoformat()]
    cli.main(run)
    folder = str(out / plan.plan_id)
    before = addressees(folder, "CVPC")
    assert len(before) >= 2, before
    gone = rng.choice(sorted(set(before.values())))
    to = rng.choice(sorted(set(before.values()) - {gone}))
    edit(path, [("opinions", "agency", o.row, to) for o in reg.opinions
                if o.plan_id == plan.plan_id and o.agency == gone])
    capsys.readouterr()
    cli.main(run)
    said = capsys.readouterr().out
    after = addressees(folder, "CVPC")
    assigned = {o.agency for o in reader.read_registry(path).opinions
                if o.plan_id == plan.plan_id and o.agency}
    assert set(after.values()) <= assigned, (gone, after)          # none to an agency emptied
    assert gone not in after.values()
    aside = os.listdir(os.path.join(folder, "ban-cu"))
    assert [f for f, a in before.items() if a == gone] == aside
    assert "ban-cu" in said and aside[0] in said


def test_an_issued_letter_stays_where_the_register_says(sample_copy, tmp_path, capsys):
    """The same reassignment after the letters were issued: the issued letter is a record of
    what was sent, and stays (the register names its file)."""
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    today = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() - 3).isoformat()
    out = tmp_path / "vb"
    before_copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--docs", "CVPC", "--issue", "--out", str(out), "--today", today])
    [copy] = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before_copies
    folder = str(out / plan.plan_id)
    issued = addressees(folder, "CVPC")
    gone, to = sorted(set(issued.values()))[:2]
    edit(copy, [("opinions", "agency", o.row, to) for o in reg.opinions
                if o.plan_id == plan.plan_id and o.agency == gone])
    cli.main(["generate", copy, "--docs", "CVPC", "--out", str(out), "--today", today])
    assert addressees(folder, "CVPC").items() >= issued.items()
    assert not os.path.exists(os.path.join(folder, "ban-cu"))


@pytest.mark.parametrize("seed", range(6))
def test_a_draft_version_replaced_by_a_later_one_is_set_aside(seed, tmp_path, capsys):
    """An issued conclusion (TBKL) whose opinions change: a run of drafts writes TBKL_v2 (not
    recorded: drafts leave no copy), the next issue run writes TBKL_v3 and records it. The
    v2 was left beside it, unmentioned, and printed with the folder. Generated registries
    (tests/corpus); what is checked is the plan's folder and the copy's Sổ văn bản."""
    import datetime as dt
    import openpyxl
    from corpus.registries import make_case
    from corpus.run import days_around, saved
    from doithoai.registry import schema
    case = make_case(seed)
    _, after = days_around(case)
    path = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "vb")

    def run(registry, today, issue):
        before = set(glob.glob(str(tmp_path / "*.xlsx")))
        cli.main(["generate", registry, "--docs", "TBKL", "--out", out, "--today",
                  today.isoformat()] + (["--issue"] if issue else []))
        new = set(glob.glob(str(tmp_path / "*.xlsx"))) - before
        return capsys.readouterr().out, (new.pop() if new else None)
    _, copy = run(path, after, True)
    folder = os.path.join(out, case.plan["plan_id"])
    if copy is None or not os.path.exists(os.path.join(folder, "TBKL.docx")):
        return                                        # no conclusion issued for this case
    reg = reader.read_registry(copy)
    edit(copy, [("opinions", "content", o.row, f"Đề nghị sửa lại đường {o.row} (đã sửa).")
                for o in reg.opinions])
    later = after + dt.timedelta(days=1)
    run(copy, later, False)
    said, newest = run(copy, later, True)
    ws = openpyxl.load_workbook(newest or copy)[schema.REGISTER.name]
    head = [c.value for c in ws[1]]
    files = {os.path.basename(r[head.index("Tệp")] or "")
             for r in ws.iter_rows(min_row=2, values_only=True)}
    versions = sorted(f for f in os.listdir(folder) if re.fullmatch(r"TBKL_v\d+\.docx", f))
    assert len(versions) == 1 and versions[0] in files, (versions, files, said)


def test_the_register_names_where_a_set_aside_draft_went(sample_copy, tmp_path, capsys):
    """Drafts recorded in Sổ văn bản (an issue run after the meeting records the preparation
    letters as drafts) then set aside: their rows name the file where it now is, so every row
    of the copy's Sổ văn bản names a file that exists."""
    import openpyxl
    from doithoai.registry import schema
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    today = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() + 20).isoformat()
    out = tmp_path / "vb"
    folder = os.path.dirname(path)

    def issue(registry):
        before = set(glob.glob(os.path.join(folder, "*.xlsx")))
        cli.main(["generate", registry, "--docs", "CVPC", "--issue", "--out", str(out),
                  "--today", today])
        capsys.readouterr()
        return (set(glob.glob(os.path.join(folder, "*.xlsx"))) - before).pop()
    copy = issue(path)
    letters = addressees(str(out / plan.plan_id), "CVPC")
    gone, to = sorted(set(letters.values()))[:2]
    edit(copy, [("opinions", "agency", o.row, to) for o in reg.opinions
                if o.plan_id == plan.plan_id and o.agency == gone])
    newest = issue(copy)
    ws = openpyxl.load_workbook(newest)[schema.REGISTER.name]
    head = [c.value for c in ws[1]]
    named = [r[head.index("Tệp")] for r in ws.iter_rows(min_row=2, values_only=True)
             if r[head.index("Mã KH")] == plan.plan_id and r[head.index("Loại")] == "CVPC"]
    assert named and any("ban-cu" in f for f in named), named
    assert all(os.path.isfile(os.path.join(out, f)) for f in named), named


def _copies_beside(folder: str) -> None:
    """A PDF and an ODF copy beside each document in ``folder``, as --pdf and --odt write them
    (made here without LibreOffice: what matters is where the files go)."""
    for path in glob.glob(os.path.join(folder, "*.docx")):
        for suffix in (".pdf", ".odt"):
            with open(path[:-len(".docx")] + suffix, "w") as f:
                f.write(os.path.basename(path))


def _orphans(folder: str) -> list[str]:
    """The copies in ``folder`` and its subfolders whose document is not beside them."""
    return sorted(os.path.relpath(p, folder) for suffix in (".pdf", ".odt")
                  for p in glob.glob(os.path.join(folder, "**", "*" + suffix), recursive=True)
                  if not os.path.exists(p[:-len(suffix)] + ".docx"))


@pytest.mark.parametrize("seed", range(4))
def test_a_set_aside_draft_takes_its_pdf_and_odt_copies_with_it(seed, sample_copy, tmp_path,
                                                                 capsys):
    """A draft moved into "ban-cu" left its PDF beside the new drafts, where it was printed with
    them. Each copy now goes where its document goes: a letter to an agency no longer assigned,
    and an invitation to someone no longer invited."""
    rng = random.Random(seed)
    path = sample_copy(rng.choice(["tu-minh", "bac-thanh-mien", "quang-son"]))
    reg = reader.read_registry(path)
    plan = reg.plans[0]
    today = plan.meeting_date.fromordinal(plan.meeting_date.toordinal() - rng.randint(8, 12))
    out = tmp_path / "vb"
    run = ["generate", path, "--plan", plan.plan_id, "--docs", "CVPC,GM", "--out", str(out),
           "--today", today.isoformat()]
    cli.main(run)
    folder = str(out / plan.plan_id)
    for where in (folder, os.path.join(folder, "GM")):
        _copies_beside(where)
    letters = addressees(folder, "CVPC")
    gone, to = rng.sample(sorted(set(letters.values())), 2)
    invited = [i for i in reg.invitees if i.plan_id == plan.plan_id and i.invited != "Không"]
    edit(path, [("opinions", "agency", o.row, to) for o in reg.opinions
                if o.plan_id == plan.plan_id and o.agency == gone]
         + [("invitees", "invited", i.row, "Không") for i in rng.sample(invited, 2)])
    capsys.readouterr()
    cli.main(run)
    said = capsys.readouterr().out
    assert "cùng 2 bản PDF, ODF của chúng" in said, said
    moved = glob.glob(os.path.join(folder, "**", "ban-cu", "*.docx"), recursive=True)
    assert len(moved) >= 3, moved                 # one letter, two invitations at least
    assert _orphans(folder) == []
    for path_ in moved:                           # each moved document has its copies with it
        assert all(os.path.exists(path_[:-len(".docx")] + s) for s in (".pdf", ".odt")), path_


@pytest.mark.parametrize("seed", range(3))
def test_the_set_aside_notice_counts_drafts_not_copies(seed):
    """The notice counts the drafts it moved, names their copies apart, and reads as a sentence
    whatever was moved or left (all left: it said "lần này không còn tạo Không chuyển được")."""
    from doithoai.documents import notices
    from doithoai.documents.kinds import KINDS_BY_CODE
    rng = random.Random(seed)
    for _ in range(200):
        stems = [f"CVPC_Co-quan-{n}" for n in range(rng.randint(0, 4))]
        moved = [s + ".docx" for s in stems] + [s + rng.choice([".pdf", ".odt"]) for s in stems
                                                 if rng.random() < 0.5]
        left = [f"CVPC_Mo-{n}.docx" for n in range(rng.randint(0 if moved else 1, 2))]
        text = notices.set_aside(KINDS_BY_CODE["CVPC"], "KH/ban-cu", moved, left)
        copies = len(moved) - len(stems)
        if stems:
            assert f" {len(stems)} bản nháp của lần trước" in text, text
        assert (f"cùng {copies} bản PDF, ODF" in text) == bool(stems and copies), text
        assert not re.search(r"tạo Không|\(\)|  ", text), text
        assert ("Không chuyển được" in text) == bool(left), text
