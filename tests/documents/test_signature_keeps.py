"""A signature block prints on one page: the signer's title, the room for the signature and
seal and the name, a letter's Nơi nhận beside them, and the text's last paragraph above them.

A fresh-eyes trial: the minutes (BB) converted to PDF by LibreOffice had THƯ KÝ / CHỦ TỌA at the
foot of page 3 and the two names alone on page 4. Registries from the corpus generator
(tests/corpus), state and party, are drafted before their meeting, issued through the command
after it and chased (CVDD) months later; every signed document of every kind is read back with
python-docx and held to conformance.check_signature_keeps: the block is one table row that
cannot split (w:cantSplit), the text's last paragraph keeps with it (w:keepNext) and whole
(w:keepLines), any empty paragraph between keeps with it too, and the minutes' Nơi nhận below
the signatures keeps its heading with its entries. tests/libreoffice/test_signature_pages.py
reads the printed pages.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
from collections import defaultdict

import pytest
from docx import Document

import conformance
from corpus.registries import make_case
from corpus.run import days_around, saved
from doithoai import cli
from doithoai.documents.kinds import KINDS

SEEDS = (1, 4, 7, 8)        # 4 and 8 issued by the Đảng ủy; between them every signed kind
SIGNED = {k.code for k in KINDS if not k.text} - conformance.FORMS - conformance.LISTS
CHASED_AFTER = dt.timedelta(days=120)


def _registry_copy(folder: str, before: set[str]) -> str:
    [copy] = set(glob.glob(os.path.join(folder, "*.xlsx"))) - before
    return copy


def _documents_of(seed: int, folder: str) -> None:
    """The drafts before the meeting, the documents issued after it and the reminders of the
    replies still owed months later, under ``folder``."""
    case = make_case(seed)
    before, after = days_around(case)
    registry = saved(case, os.path.join(folder, "so.xlsx"))
    cli.main(["generate", registry, "--out", os.path.join(folder, "du-thao"),
              "--today", before.isoformat()])
    copies = set(glob.glob(os.path.join(folder, "*.xlsx")))
    cli.main(["generate", registry, "--issue", "--out", os.path.join(folder, "ban-hanh"),
              "--today", after.isoformat()])
    cli.main(["generate", _registry_copy(folder, copies), "--docs", "CVDD",
              "--out", os.path.join(folder, "don-doc"),
              "--today", (case.meeting + CHASED_AFTER).isoformat()])


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> dict[str, list[str]]:
    """Kind → the signed documents of that kind the seeds' registries gave."""
    root = str(tmp_path_factory.mktemp("chu-ky"))
    for seed in SEEDS:
        folder = os.path.join(root, str(seed))
        os.makedirs(folder)
        _documents_of(seed, folder)
    found = defaultdict(list)
    for path in glob.glob(os.path.join(root, "**", "*.docx"), recursive=True):
        kind = os.path.basename(path).split("_")[0].split(".")[0]
        if kind in SIGNED:
            found[kind].append(path)
    return dict(found)


def test_every_signed_kind_is_among_the_documents(signed):
    assert sorted(signed) == sorted(SIGNED)


def test_every_signature_block_keeps_together_with_the_text_above_it(signed):
    problems = {path: v for kind, paths in signed.items() for path in paths
                if (v := conformance.check_signature_keeps(Document(path), kind))}
    assert problems == {}
    assert sum(len(paths) for paths in signed.values()) > 100
