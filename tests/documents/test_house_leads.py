"""A house number left out of a printed address takes the words leading it along.

A fresh-eyes trial typed "số nhà 27 đường Trần Phú, Thôn Đông Hồ"; the minutes and the summary
report printed "(số nhà đường Trần Phú, thôn Đông Hồ)". Registries from the corpus generator
(tests/corpus), each named citizen's address typed with a house number led as clerks lead it;
the summary report (BCTH) issued through the command, its text read with python-docx. And the
fix changes only what is printed: a report issued by the build before it is not found changed,
so it is not numbered again.
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
from test_postponed import _issue, _numbers

# The first six corpus seeds whose registry has no error in the rows BCTH reads (5 and 7 have
# one planted: the report is then refused, as it should be).
SEEDS = (0, 1, 2, 3, 4, 6)
LEADS = ("số nhà", "Số nhà", "nhà số", "SN", "Nhà")            # written here, not the product's
STREETS = ("đường Trần Phú", "đường Lê Lợi", "phố Hàng Bông", "đường Quang Trung")


def _case(seed: int):
    """The case with each opinion's address led by a house number: (case, the addresses)."""
    case = make_case(seed)
    rng = random.Random(seed)
    typed = []
    opinions = []
    for o in case.opinions:
        street = rng.choice(STREETS)
        address = f"{rng.choice(LEADS)} {rng.randint(1, 300)} {street}, {o['address'] or ''}"
        typed.append(address.rstrip(", "))
        opinions.append(dict(o, address=typed[-1]))
    return dataclasses.replace(case, opinions=opinions), typed


def _report_text(out: str) -> str:
    path = glob.glob(os.path.join(out, "**", "BCTH*.docx"), recursive=True)[0]
    doc = Document(path)
    return "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for t in doc.tables for r in t.rows for c in r.cells])


_HANGING = re.compile(r"(?i)(?<!\w)(số nhà|nhà số|sn|nhà)\s+(đường|phố|ngõ)")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_printed_address_has_no_lead_left_hanging(seed, tmp_path, capsys):
    case, typed = _case(seed)
    out = str(tmp_path / "van-ban")
    _issue(saved(case, str(tmp_path / "so.xlsx")), out, case.meeting - dt.timedelta(days=3),
           capsys)
    text = _report_text(out)
    assert any(street in text for street in STREETS), text[:600]
    assert not _HANGING.search(text), _HANGING.search(text).group(0)
    assert not re.search(r"(?<![\d/])\d{1,3} (đường|phố|ngõ)", text)    # nor the number


@pytest.mark.parametrize("seed", range(3))
def test_a_report_issued_before_is_not_numbered_again(seed, tmp_path, capsys, monkeypatch):
    """The report issued by a build that left the lead (planted: drop keeps leads), then Ban
    hành pressed again with this build: nothing is found changed, nothing numbered."""
    from doithoai.text import privacy
    case, _ = _case(seed)
    out = str(tmp_path / "van-ban")
    today = case.meeting - dt.timedelta(days=3)
    real = privacy.drop
    with monkeypatch.context() as m:
        m.setattr(privacy, "drop", lambda text, keep=frozenset({"name", "house"}),
                  leads=True, address=False: real(text, keep, leads=False))
        said, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, today, capsys)
    assert "BCTH" in _numbers(said), said
    said, _ = _issue(copy, out, today + dt.timedelta(days=1), capsys)
    assert "BCTH" not in _numbers(said) and "Báo cáo tổng hợp" not in \
        " ".join(line for line in said.splitlines() if "đã đổi" in line), said


def test_the_property_fails_when_the_lead_stays(tmp_path, capsys, monkeypatch):
    """Planted: the lead left in the printed address (the old drop)."""
    from doithoai.text import privacy
    real = privacy.drop
    monkeypatch.setattr(privacy, "drop", lambda text, keep=frozenset({"name", "house"}),
                        leads=True, address=False: real(text, keep, leads=False))
    with pytest.raises(AssertionError):
        test_the_printed_address_has_no_lead_left_hanging(0, tmp_path, capsys)


def test_the_issued_property_fails_when_the_fingerprint_holds_the_new_wording(
        tmp_path, capsys, monkeypatch):
    """Planted: the address fingerprinted as now printed (no value kept as issued)."""
    from reworded import fingerprinted_as_printed
    fingerprinted_as_printed(monkeypatch)
    with pytest.raises(AssertionError):
        test_a_report_issued_before_is_not_numbered_again(0, tmp_path, capsys, monkeypatch)


def _city_case(seed: int):
    """The case with each opinion's address opened by a house number with no lead word, as a
    city writes it ("12 Hai Bà Trưng, Khu phố 1")."""
    case = make_case(seed)
    rng = random.Random(seed)
    opinions = [dict(o, address=f"{rng.randint(100, 999)} {rng.choice(CITY)}, "
                     f"{o['address'] or ''}".rstrip(", ")) for o in case.opinions]
    return dataclasses.replace(case, opinions=opinions)


CITY = ("Hai Bà Trưng", "Trần Quang Khải", "Lê Văn Sỹ")       # written here, not the product's


@pytest.mark.parametrize("seed", range(2))
def test_a_report_issued_with_the_house_printed_is_not_numbered_again(seed, tmp_path, capsys,
                                                                      monkeypatch):
    """A summary issued by the build that printed "347 Hai Bà Trưng" (planted: an address read
    as free text), then Ban hành pressed again: the new build prints the street alone and
    finds nothing changed, numbers nothing."""
    from doithoai.text import privacy
    case = _city_case(seed)
    out = str(tmp_path / "van-ban")
    today = case.meeting - dt.timedelta(days=3)
    real = privacy.drop
    with monkeypatch.context() as m:
        m.setattr(privacy, "drop", lambda text, keep=frozenset({"name", "house"}), leads=True,
                  address=False: real(text, keep, leads))
        said, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, today, capsys)
    assert "BCTH" in _numbers(said), said
    assert re.search(r"\d{3} (Hai Bà Trưng|Trần Quang Khải|Lê Văn Sỹ)", _report_text(out))
    said, _ = _issue(copy, out, today + dt.timedelta(days=1), capsys)
    assert "BCTH" not in _numbers(said), said
