"""A citizen who is also a delegate is addressed with the delegate's Danh xưng.

A trial (Xã Tài Văn): "Kính gửi: Ông (Bà) Trần Văn Út, ấp Trà Quýt A", while Đại biểu held
the same name in the same ấp with Danh xưng "Ông" (his invitation read "Ông Trần Văn Út - Bí
thư Chi bộ"). Registries from the corpus generator: each named citizen's form taken off, and
for some of them a delegate row of the same name and village (the address written another
way: "Số 5, thôn 3" for "Thôn 3") with Danh xưng "Ông" or "Bà"; the letters (TBCD, CVTL) are
read from Word.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
import random
import re

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import personal

SEEDS = range(6)
UNTOLD = ["Tiến", "Lả", "Phóng", "Khiêm", "Đôi", "Út", "Mến", "Sáu"]


def _case(seed: int):
    """The case, its citizens named "<surname> Văn <given>" (a name that tells no form), and
    which of them a delegate row names with a form."""
    rng = random.Random(seed)
    case = make_case(seed)
    opinions, invitees, expected = [], list(case.invitees), {}
    for n, o in enumerate(case.opinions):
        if personal.named(o["raised_by"]) and o.get("address"):
            name = f"{rng.choice(['Trần', 'Lò', 'Đinh'])} Văn {UNTOLD[n % len(UNTOLD)]}"
            o = dict(o, raised_by=name)
            if rng.random() < 0.6 and name not in expected:
                form = rng.choice(["Ông", "Bà"])
                invitees.append(dict(case.invitees[0], seq=len(invitees) + 1, honorific=form,
                                     full_name=name, address=f"Số {n + 5}, {o['address']}"))
                expected[name] = form
            else:
                expected.setdefault(name, "Ông (Bà)")
        opinions.append(o)
    return dataclasses.replace(case, opinions=opinions, invitees=invitees), expected


@pytest.mark.parametrize("seed", SEEDS)
def test_a_citizen_who_is_a_delegate_is_addressed_with_the_delegates_form(seed, tmp_path,
                                                                         capsys):
    _letters_checked(seed, tmp_path, capsys)


def _letters_checked(seed: int, tmp_path, capsys) -> int:
    """The letters of ``seed``'s registry addressed to the citizens named here, each held."""
    case, expected = _case(seed)
    reg = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "vb")
    cli.main(["generate", reg, "--docs", "TBCD,CVTL", "--out", out, "--today",
              (case.meeting + dt.timedelta(days=4)).isoformat()])
    capsys.readouterr()
    checked = 0
    for path in glob.glob(os.path.join(out, "**", "*.docx"), recursive=True):
        told = next((p.text for p in Document(path).paragraphs
                     if p.text.startswith("Kính gửi:")), "")
        for name, form in expected.items():
            if re.match(rf"Kính gửi: (?:Ông \(Bà\)|Ông|Bà) {re.escape(name)},", told):
                assert told.startswith(f"Kính gửi: {form} {name},"), (seed, path, told, form)
                checked += 1
    return checked


def test_some_letters_were_read(tmp_path, capsys):
    checked = sum(_letters_checked(seed, tmp_path / str(seed), capsys) for seed in SEEDS)
    assert checked >= 6, checked


def test_the_property_fails_when_delegates_are_not_read(tmp_path, capsys, monkeypatch):
    """Planted: the forms read from Ý kiến alone (the trial's letters)."""
    from doithoai.documents.context import repeats
    real = repeats.Repeats._typed_forms

    def opinions_only(self):
        invitees, self.reg.invitees = self.reg.invitees, []
        try:
            return real(self)
        finally:
            self.reg.invitees = invitees
    monkeypatch.setattr(repeats.Repeats, "_typed_forms", opinions_only)
    with pytest.raises(AssertionError):
        for seed in SEEDS:
            _letters_checked(seed, tmp_path / str(seed), capsys)
