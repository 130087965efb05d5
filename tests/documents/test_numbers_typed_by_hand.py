"""A document recorded by hand in Sổ văn bản is counted in its series whatever its Loại says.

A fresh-eyes trial recorded the commune's own công văn "245/UBND-VP" (Loại left blank, or
"Công văn") as the README says to; the next assignment letter was numbered 01/UBND-VP: a
second 01 in one year's series. Registries from the corpus generator (tests/corpus): a first
issue learns each series' symbol; the registry then gets, for each series, a document typed in
Sổ văn bản with a number drawn from the seed and a Loại of the clerk's own words; the
documents are issued through the command, and the numbers it prints are read.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import re

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from test_postponed import _issue, _numbers
from doithoai.registry import schema

SEEDS = range(6)
CLERK_KINDS = (None, "Công văn", "Thông báo", "Văn bản", "CV", "Khác")


def _typed(path: str, target: str, typed: dict[str, int], day: dt.date, rng) -> None:
    """Sổ văn bản of ``path`` with one row typed per series: {(joint, symbol): number}."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.REGISTER.name]
    keys = schema.REGISTER.keys
    for (joint, symbol), number in typed.items():
        row = {"number": number, "symbol": symbol, "number_symbol": f"{number}{joint}{symbol}",
               "date": day, "kind": rng.choice(CLERK_KINDS), "subject": "Văn bản của xã",
               "status": "Đã ban hành"}
        ws.append([row.get(k) for k in keys])
    wb.save(target)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_next_number_follows_a_document_recorded_by_hand(seed, tmp_path, capsys):
    case = make_case(seed)
    rng = random.Random(seed)
    today = case.meeting - dt.timedelta(days=12)
    path = saved(case, str(tmp_path / "so.xlsx"))
    first, _ = _issue(path, str(tmp_path / "thu"), today, capsys)
    series = {_parts(number)[1:] for number in _numbers(first).values()}
    assert series, first
    typed = {symbol: rng.randint(100, 400) for symbol in series}
    hand = str(tmp_path / "tay" / "so.xlsx")
    os.makedirs(os.path.dirname(hand))
    _typed(path, hand, typed, today, rng)
    said, _ = _issue(hand, str(tmp_path / "van-ban"), today, capsys)
    given = _numbers(said)
    assert given, said
    numbers = list(given.values())
    assert len(set(numbers)) == len(numbers), given
    for kind, number in given.items():
        n, *symbol = _parts(number)
        assert n > typed[tuple(symbol)], (kind, number, typed)


def _parts(number_symbol: str) -> tuple[int, str, str]:
    """(number, joint, symbol): "01/TB-UBND" → (1, "/", "TB-UBND"); a party document's
    "01-KH/ĐU" → (1, "-", "KH/ĐU")."""
    m = re.fullmatch(r"(\d+)([/-])(.+)", number_symbol)
    return int(m.group(1)), m.group(2), m.group(3)


def test_the_property_fails_when_the_clerks_loai_is_not_read(tmp_path, capsys, monkeypatch):
    """Planted: a row counted only when its Loại is one of the tool's codes (the old count)."""
    from doithoai.documents import register
    from doithoai.documents.kinds import KINDS_BY_CODE
    monkeypatch.setattr(register, "_kind_of", lambda row: KINDS_BY_CODE.get(row.get("kind") or ""))
    with pytest.raises(AssertionError):
        for seed in SEEDS:
            test_the_next_number_follows_a_document_recorded_by_hand(seed, tmp_path / str(seed),
                                                                     capsys)
