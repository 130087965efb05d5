"""An issued reply and the status the clerk typed.

`generate --issue` writes each reply's number and date on its opinion (in the copy of the
registry) but never overwrites the Trạng thái the clerk typed. Three fresh-eyes trials then met
`validate` doubting the tool's own write ("Trạng thái "Đã phân công" nhưng đã có văn bản trả
lời số 06-CV/ĐU"). The run now says, at the moment it numbers the reply, which rows' Trạng thái
is behind and what to change it to. Seeded statuses on a sample; what is read is the run's
printed lines and the saved copy."""
import glob
import io
import contextlib
import os
import random
import shutil

import openpyxl

from doithoai import cli
from doithoai.documents import register
from doithoai.files import reader
from doithoai.registry import schema
from xlsx_edit import edit

STATUSES = schema.lookup("Trạng thái ý kiến").values


def _issue(path: str, day: str) -> tuple[str, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        cli.main(["generate", path, "--issue", "--docs", "CVTL", "--today", day])
    copy = next(p for p in glob.glob(os.path.join(os.path.dirname(path), "*cap so*.xlsx")))
    return out.getvalue(), copy


def reply_status_violations(seed: int, path: str) -> tuple[list[str], int]:
    """What went wrong, and how many replies the run numbered on the seeded rows."""
    rng = random.Random(seed)
    reg = reader.read_registry(path)
    replied = [o for o in reg.opinions if o.answer and not o.reply_number and o.agency]
    typed = {o.row: rng.choice(STATUSES) for o in rng.sample(replied, min(8, len(replied)))}
    edit(path, [("opinions", "status", row, status) for row, status in typed.items()])
    said, copy = _issue(path, "2026-11-20")
    ws = openpyxl.load_workbook(copy)[schema.OPINIONS.name]
    col = {c.value: c.column for c in ws[1]}
    bad = []
    numbered = 0
    for row, status in typed.items():
        now = ws.cell(row, col["Trạng thái"]).value
        number = ws.cell(row, col["Số văn bản trả lời"]).value
        oid = ws.cell(row, col["Mã ý kiến"]).value
        cell = f"{ws.cell(row, col['Trạng thái']).column_letter}{row}"
        if now != status:
            bad.append(f"{oid}: Trạng thái {status!r} overwritten with {now!r}")
        named = f"{oid} (ô {cell}: {status})" in said
        numbered += bool(number)
        if bool(number and status in schema.NO_REPLY_YET) != named:
            bad.append(f"{oid} ({status}, số {number!r}): named {named}")
    return bad, numbered


def _runs(sample_paths, tmp_path, seeds=range(5)):
    for seed in seeds:
        folder = tmp_path / str(seed)
        folder.mkdir()
        path = str(folder / "so.xlsx")
        shutil.copy(sample_paths["tu-minh"], path)
        yield reply_status_violations(seed, path)


def test_a_numbered_reply_says_which_status_is_behind(sample_paths, tmp_path):
    runs = list(_runs(sample_paths, tmp_path))
    assert [v for bad, _ in runs for v in bad] == []
    assert sum(n for _, n in runs) >= 5, runs        # replies were numbered: it was tried


def test_the_reply_status_property_fails_when_nothing_is_said(sample_paths, tmp_path,
                                                              monkeypatch):
    monkeypatch.setattr(register.Register, "answered_behind", lambda self: [])
    assert any(bad for bad, _ in _runs(sample_paths, tmp_path))
