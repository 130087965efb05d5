"""Issuing, then pressing the button again on the copy it wrote, changes nothing.

A run that issues replies (CVTL) writes their numbers on the opinions of the copy; the report of
results, the reminders and the notices to citizens issued by the same run must already count
those opinions answered. Otherwise the next run, from that copy, finds every one of them
"changed" and makes a "_v2" draft of each: a report that contradicts the replies sent the same
day, and a clerk told that data changed which nobody touched. Registries from the corpus
generator (tests/corpus), saved as files, through the command as the clerk runs it.
"""
from __future__ import annotations

import datetime as dt
import glob
import os

import pytest

from corpus.registries import make_case
from corpus.run import days_around
from doithoai import cli
from doithoai.files import atomic, blank

SEEDS = range(12)


def _saved(case, path: str) -> str:
    rows = case.rows()
    wb = blank.build_workbook(settings=case.settings, rows={k: rows[k] for k in
                                                            ("plans", "invitees", "opinions",
                                                             "survey")})
    atomic.save_atomic(wb, path)
    return path


def _files(folder: str) -> set[str]:
    return {os.path.relpath(p, folder) for p in glob.glob(os.path.join(folder, "**", "*"),
                                                          recursive=True) if os.path.isfile(p)}


def issue(path: str, out: str, today, capsys) -> tuple[str, str | None]:
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--issue", "--out", out, "--today", today.isoformat()])
    said = capsys.readouterr().out
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return said, (copies.pop() if copies else None)


@pytest.mark.parametrize("seed", SEEDS)
def test_issuing_again_from_the_copy_changes_nothing(seed, tmp_path, capsys):
    case = make_case(seed)
    _, after = days_around(case)
    registry = _saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "van-ban")
    said, copy = issue(registry, out, after, capsys)
    if copy is None:                   # nothing was numbered: nothing to press again
        return
    first = _files(out)
    said, _ = issue(copy, out, after, capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)


@pytest.mark.parametrize("slug", ["tu-minh", "quang-son", "bac-thanh-mien"])
def test_issuing_again_from_the_copy_changes_nothing_on_the_samples(slug, sample_paths, tmp_path,
                                                                      capsys):
    """The samples hold written replies (Nội dung trả lời) that the corpus does not: their
    numbers go on the opinions, which the report and the notices must count."""
    import shutil
    registry = shutil.copy(sample_paths[slug], tmp_path / "so.xlsx")
    out = str(tmp_path / "van-ban")
    said, copy = issue(str(registry), out, dt.date(2026, 11, 20), capsys)
    assert copy is not None, said
    first = _files(out)
    said, _ = issue(copy, out, dt.date(2026, 11, 20), capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)


def test_an_opinion_without_its_code_gets_no_documents_number(sample_copy, tmp_path, capsys):
    """Only a reply (CVTL) answers an opinion: the plan, the notices and the reports issued by
    the run carry no opinion code, and must not land on a row whose Mã ý kiến is empty."""
    import openpyxl
    from doithoai.files import reader
    from doithoai.registry import schema
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    row = next(o.row for o in reg.opinions if not o.reply_number and not o.reply_date)
    wb = openpyxl.load_workbook(path)
    wb[schema.OPINIONS.name].cell(row, schema.OPINIONS.keys.index("opinion_id") + 1).value = None
    wb.save(path)
    said, copy = issue(path, str(tmp_path / "vb"), dt.date(2026, 11, 20), capsys)
    assert copy is not None, said
    after = {o.row: o for o in reader.read_registry(copy).opinions}
    assert after[row].reply_number is None and after[row].reply_date is None


def test_documents_issued_by_0_4_0_are_not_said_changed_after_the_upgrade(
        sample_paths, tmp_path, capsys, monkeypatch):
    """0.4.0 fingerprinted every value of a document's context; a field added since for one
    template (thoi_gian_cau) must not make every document it issued look changed, with a
    "_v2" of each."""
    import shutil
    from doithoai.documents.context import fields
    registry = shutil.copy(sample_paths["tu-minh"], tmp_path / "so.xlsx")
    out = str(tmp_path / "van-ban")
    real = fields.Context.fingerprint
    monkeypatch.setattr(fields.Context, "fingerprint", lambda self, used=None: real(self))
    said, copy = issue(str(registry), out, dt.date(2026, 11, 20), capsys)   # as 0.4.0 did
    monkeypatch.undo()
    assert copy is not None, said
    first = _files(out)
    said, _ = issue(copy, out, dt.date(2026, 11, 20), capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)
