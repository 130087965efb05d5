"""The invitations, one file each (GM_003_Nguyen-Van-An.docx) beside the merged print file, made
again after the list of invitees changed (a person no longer invited, a row with an error): the
folder holds one invitation for each person invited now, numbered from 1 without a gap; the
earlier run's files that were not made again are moved into GM/ban-cu, none deleted (a clerk
prints the folder, and a stale GM_003 may be someone else's number)."""
import random

import pytest
from docx import Document

from doithoai import cli
from doithoai.files import reader
from xlsx_edit import edit

PLAN, DAY = "KH-2026-01", "2026-04-01"


def text_of(path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for r in t.rows for c in r.cells])


def addressee(path) -> str:
    """The line naming whom the invitation is for: the one after "... trân trọng kính mời:"."""
    lines = text_of(path).splitlines()
    return next(lines[n + 1] for n, line in enumerate(lines) if line.endswith("kính mời:"))


def generate(path, out):
    cli.main(["generate", path, "--docs", "GM", "--out", str(out), "--today", DAY])


@pytest.mark.parametrize("seed", range(4))
def test_the_invitations_folder_holds_one_file_for_each_person_invited_now(
        sample_copy, tmp_path, capsys, seed):
    rng = random.Random(seed)
    path = sample_copy("quang-son")
    out = tmp_path / "vb"
    folder = out / PLAN / "GM"
    generate(path, out)
    earlier = {p.name for p in folder.glob("*.docx")}
    first = [addressee(p) for p in folder.glob("*.docx")]
    invited = [i for i in reader.read_registry(path).invitees     # those sent one (not the chair)
               if i.plan_id == PLAN and any(i.full_name in t for t in first)]
    gone = rng.sample(invited, rng.randint(1, 4))
    edit(path, [("invitees", "group", i.row, None) if rng.random() < 0.5 else
                ("invitees", "invited", i.row, "Không") for i in gone])
    capsys.readouterr()
    generate(path, out)
    said = capsys.readouterr().out

    now = sorted(folder.glob("*.docx"))
    assert [int(p.name[3:6]) for p in now] == list(range(1, len(now) + 1))
    texts = [addressee(p) for p in now]
    staying = [i.full_name for i in invited if i not in gone]
    assert len(now) == len(staying)
    for name in staying:
        assert sum(name in t for t in texts) == 1, name
    for i in gone:
        assert not [p.name for p, t in zip(now, texts) if i.full_name in t], i.full_name
    aside = {p.name for p in (folder / "ban-cu").glob("*.docx")}
    assert earlier <= aside | {p.name for p in now}          # nothing deleted
    assert aside and "GM/ban-cu" in said

    capsys.readouterr()
    generate(path, out)                                      # nothing changed: nothing moved
    assert "ban-cu" not in capsys.readouterr().out
    assert {p.name for p in (folder / "ban-cu").glob("*.docx")} == aside


def test_a_file_the_system_will_not_move_is_named_as_not_to_be_used(
        sample_copy, tmp_path, capsys, monkeypatch):
    """On Windows a file open in Word cannot be moved: it stays, and the clerk is told it is
    the earlier run's, not to be used."""
    import os
    path = sample_copy("quang-son")
    out = tmp_path / "vb"
    generate(path, out)
    last = sorted((out / PLAN / "GM").glob("*.docx"))[-1]
    row = next(i.row for i in reader.read_registry(path).invitees
               if i.plan_id == PLAN and i.full_name in addressee(last))
    edit(path, [("invitees", "invited", row, "Không")])
    rename = os.rename

    def refuse(src, dst):
        if os.path.basename(src) == last.name:
            raise PermissionError(13, "in use", src)
        rename(src, dst)
    monkeypatch.setattr(os, "rename", refuse)
    capsys.readouterr()
    generate(path, out)
    said = capsys.readouterr().out
    assert last.exists()
    line = next(x for x in said.splitlines() if "Không chuyển được" in x)
    assert last.name in line and "đừng dùng" in line
