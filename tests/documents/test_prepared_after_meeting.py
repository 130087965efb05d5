"""Documents that prepared a conference, issued before it, are not drafted again once it is over.

A plan's KH, TB, GM, BCTH and CVPC are issued before the conference. The clerk then changes the
registry (the venue corrected, an opinion's words typed again, as happens when the Front's
forms come in late) and presses Tạo tất cả văn bản after the conference. Before, every one of
them got a "…_v2" draft that could never be issued (a preparation document is not numbered
after its conference): noise a clerk might print and sign. Now the issued files stay as they
are, no draft follows, and one notice names each document kept and what changed.

The same change pressed before the conference still drafts a "_v2" (the control: the change
does reach the documents, so the first assertion is not vacuous). Registries from the corpus
generator (tests/corpus), saved as files, through the command as the clerk runs it; what is
checked is the folder and the printed lines.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.documents.kinds import KINDS
from doithoai.registry import schema

SEEDS = range(6)
BEFORE = [k.code for k in KINDS if k.before_meeting and k.numbered]
VERSION = re.compile(r"^(%s)(_.*)?_v\d+(\.docx)?$" % "|".join(BEFORE))


def _files(folder: str) -> dict[str, bytes]:
    return {os.path.relpath(p, folder): open(p, "rb").read()
            for p in glob.glob(os.path.join(folder, "**", "*"), recursive=True)
            if os.path.isfile(p)}


def _press(path: str, out: str, today: dt.date, capsys, issue: bool = False) -> str:
    cli.main(["generate", path, "--out", out, "--today", today.isoformat()]
             + (["--issue"] if issue else []))
    return capsys.readouterr().out


def _changed(copy: str, into: str) -> str:
    """The issuing copy with every plan's venue corrected and every opinion's words retyped."""
    wb = openpyxl.load_workbook(copy)
    for sheet, key, more in ((schema.PLANS, "venue", " (hội trường tầng 2)"),
                             (schema.OPINIONS, "content", " Đề nghị xem xét sớm.")):
        ws = wb[sheet.name]
        col = sheet.keys.index(key) + 1
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(r, col)
            if cell.value:
                cell.value = f"{cell.value}{more}"
    wb.save(into)
    return into


def _issued(copy: str, out: str) -> list[str]:
    """The files the copy's Sổ văn bản records as issued, relative to ``out``."""
    wb = openpyxl.load_workbook(copy, read_only=True)
    rows = list(wb[schema.REGISTER.name].iter_rows(values_only=True))
    wb.close()
    head = rows[0]
    status, file = head.index("Trạng thái"), head.index("Tệp")
    return [os.path.relpath(r[file], out) if os.path.isabs(r[file]) else r[file]
            for r in rows[1:] if r[status] == "Đã ban hành" and r[file]]


def _versions(files) -> list[str]:
    return sorted(f for f in files if VERSION.match(os.path.basename(f)))


@pytest.mark.parametrize("seed", SEEDS)
def test_preparation_issued_is_not_drafted_again_after_the_meeting(seed, tmp_path, capsys):
    case = make_case(seed)
    registry = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "van-ban")
    before_day = case.meeting - dt.timedelta(days=12)   # after THU_PHIEU, before THONG_BAO
    copies = set(glob.glob(str(tmp_path / "*.xlsx")))
    said = _press(registry, out, before_day, capsys, issue=True)
    copy = (set(glob.glob(str(tmp_path / "*.xlsx"))) - copies).pop()
    assert re.search(r"Đã cấp số: .*\((KH|TB|GM|BCTH|CVPC)\)", said), said
    changed = _changed(copy, str(tmp_path / "so-sua.xlsx"))
    issued = {name: data for name, data in _files(out).items()
              if name in _issued(copy, out)}
    assert issued, said

    control = str(tmp_path / "truoc-hoi-nghi")
    shutil.copytree(out, control)
    said_before = _press(changed, control, case.meeting - dt.timedelta(days=1), capsys)
    assert _versions(_files(control)), said_before   # the change reaches the documents

    said_after = _press(changed, out, case.meeting + dt.timedelta(days=2), capsys)
    after = _files(out)
    assert not _versions(after), said_after
    for name, data in issued.items():             # the issued files as they were
        assert after.get(name) == data, name
    assert "chuẩn bị hội nghị đã ban hành không soạn lại" in said_after, said_after
    assert "bản dự thảo mới" not in said_after, said_after
