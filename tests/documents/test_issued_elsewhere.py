"""No run writes over a document issued from another copy of the registry.

A trial ran `generate --issue` twice from the same registry into the same folder: the second run
gave the same numbers again and wrote its BB and TBKL over the ones the first had issued (and
recorded in its copy). Each issued document now carries its mark in its properties (Word: File ›
Info › Category, read here through python-docx); a run whose Sổ văn bản does not record that
issue refuses to write over it. Registries from the corpus generator: the preparation issued,
then the same registry run again (issuing, and drafting) into the same folder: every issued file
is byte for byte as the first run left it and each is named as refused, and an issuing run
writes no copy (a re-trial: the refused run still wrote one, without the numbers, and said to
use it from now on); run from the copy, the documents are found issued and unchanged.
"""
from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import re

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli

SEEDS = range(4)
DOCS = "KH,TB,GM,PDK,BCTH"
MERGED_ITEM = re.compile(r"GM_\d{3}_")          # one invitation of the batch GM_tat-ca


def _issued(out: str) -> dict[str, str]:
    """Each Word file whose properties say it was issued → its bytes' digest."""
    return {p: hashlib.sha256(open(p, "rb").read()).hexdigest()
            for p in glob.glob(os.path.join(out, "**", "*.docx"), recursive=True)
            if (Document(p).core_properties.category or "").startswith("Đã ban hành số")}


@pytest.mark.parametrize("seed", SEEDS)
def test_an_issued_document_is_never_written_over_by_another_copy(seed, tmp_path, capsys):
    case = make_case(seed)
    reg = saved(case, str(tmp_path / "so.xlsx"))
    out, day = str(tmp_path / "vb"), case.meeting - dt.timedelta(days=30)
    assert cli.main(["generate", reg, "--docs", DOCS, "--issue", "--out", out, "--today",
                     day.isoformat()]) in (0, 1)
    first = capsys.readouterr().out
    issued = _issued(out)
    assert issued, first
    copy = glob.glob(str(tmp_path / "*cap so*.xlsx"))[0]
    for argv in (["--issue"], [], ["--issue", "--today", (day + dt.timedelta(days=2)).isoformat()]):
        code = cli.main(["generate", reg, "--docs", DOCS, "--out", out, "--today",
                         day.isoformat(), *argv])
        said = capsys.readouterr().out
        assert _issued(out) == issued, (argv, said)            # not one byte changed
        for path in issued:                 # each named (an invitation by its batch's file)
            named = os.path.basename(path) if not MERGED_ITEM.match(os.path.basename(path)) \
                else "GM_tat-ca.docx"
            assert f"{named} trong thư mục văn bản ghi" in said, (path, said)
        assert code == 1, (argv, said)
        # an issuing run gives no number from a registry older than the documents: no copy
        assert glob.glob(str(tmp_path / "*cap so*.xlsx")) == [copy], (argv, said)
    cli.main(["generate", copy, "--docs", DOCS, "--issue", "--out", out, "--today",
              day.isoformat()])
    said = capsys.readouterr().out
    assert "trong thư mục văn bản ghi" not in said and _issued(out) == issued, said


def test_the_property_fails_without_the_guard(tmp_path, capsys, monkeypatch):
    """Planted: no refusal (the second run writes its own over the issued files)."""
    from doithoai.documents import issued_marks
    monkeypatch.setattr(issued_marks, "refusal", lambda *a, **k: None)
    with pytest.raises(AssertionError):
        test_an_issued_document_is_never_written_over_by_another_copy(0, tmp_path, capsys)


def test_the_property_fails_when_an_older_registry_still_numbers(tmp_path, capsys, monkeypatch):
    """Planted: no look at the folder before numbering (the re-trial's run: each document
    refused, and a copy written without the numbers, said to be used from now on)."""
    from doithoai.documents import issued_marks
    monkeypatch.setattr(issued_marks, "elsewhere", lambda paths, register: [])
    with pytest.raises(AssertionError):
        test_an_issued_document_is_never_written_over_by_another_copy(0, tmp_path, capsys)
