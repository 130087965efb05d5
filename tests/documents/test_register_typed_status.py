"""A Trạng thái typed by hand in Sổ văn bản never lets an issued document be written over.

The clerk marks an issued document "Thu hồi", "Đã ký", "Hủy"… (none of the list's two values).
Before, the generator took such a row for neither issued nor draft: the next press numbered the
documents again and wrote the new ones over the issued files. Now any Trạng thái but "Dự thảo"
keeps its file (and validate names the cell). Registries from the corpus generator, issued
after their meeting, the status typed from a seeded draw, through the commands as the clerk
runs them; read back: the files' bytes, the numbers the run says it gave, validate's lines.
"""
from __future__ import annotations

import glob
import hashlib
import os
import random
import re

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import days_around, saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(6)
TYPED = ("Thu hồi", "Đã ký", "Hủy", "Đã gửi", "Ban hành", "Bãi bỏ", "x")


def _issue(path: str, out: str, today, capsys) -> tuple[str, str | None]:
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--issue", "--out", out, "--today", today.isoformat()])
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return capsys.readouterr().out, (copies.pop() if copies else None)


def _retype(copy: str, target: str, rng: random.Random) -> dict[int, tuple[str, str]]:
    """Every issued row's Trạng thái retyped: Excel row → (status typed, file it names)."""
    wb = openpyxl.load_workbook(copy)
    ws = wb[schema.REGISTER.name]
    status = schema.REGISTER.keys.index("status") + 1
    file = schema.REGISTER.keys.index("file") + 1
    typed = {}
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, status).value == "Đã ban hành" and ws.cell(row, file).value:
            ws.cell(row, status).value = rng.choice(TYPED)
            typed[row] = (ws.cell(row, status).value, ws.cell(row, file).value)
    wb.save(target)
    return typed


def _digest(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


@pytest.mark.parametrize("seed", SEEDS)
def test_an_issued_file_stays_whatever_status_is_typed(seed, tmp_path, capsys):
    case = make_case(seed)
    _, after = days_around(case)
    out = str(tmp_path / "van-ban")
    _, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, after, capsys)
    assert copy is not None, "the corpus registry issued nothing after its meeting"
    edited = str(tmp_path / "sua" / "so.xlsx")
    os.makedirs(os.path.dirname(edited))
    typed = _retype(copy, edited, random.Random(seed))
    assert typed
    kept = {name: _digest(os.path.join(out, name)) for _, name in typed.values()}
    said, _ = _issue(edited, out, after, capsys)
    assert "Đã cấp số" not in said, said
    assert "Sổ văn bản ghi Trạng thái ngoài danh sách" in said, said
    assert {name: _digest(os.path.join(out, name)) for name in kept} == kept
    cli.main(["validate", edited, "--today", after.isoformat()])
    lines = capsys.readouterr().out
    status = schema.REGISTER.keys.index("status")
    for row, (value, _) in typed.items():
        assert re.search(rf'\b{chr(65 + status)}{row}\s+Lỗi – .*"{value}"', lines), (row, value)
