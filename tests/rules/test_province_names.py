"""The province's People's Committee and party committee, named as the law writes them.

A trial in a ward of Hồ Chí Minh City found the letter sent up (CVKN), the conclusion and the
summary addressed to "Ủy ban nhân dân thành phố Hồ Chí Minh": Nghị định 30/2020/NĐ-CP, Phụ lục
II, writes "Thành phố Hồ Chí Minh" with its capital T in every position. The class: Cấu hình's
Tỉnh/Thành phố typed every way a clerk types it ("TP.HCM", "Hà Nội" alone, "tỉnh  Nghệ An"),
for each of the 34 provinces and cities after 1 July 2025 (the table here is written from
Nghị quyết 202/2025/QH15, not read from the product); and the text of the letter sent up, read
from the Word file a registry of the corpus generator issues.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
import random

import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.rules import agencies

CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
PROVINCES = ("Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
             "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
             "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
             "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
             "Hà Tĩnh", "Cao Bằng")


def _typed(rng: random.Random, name: str, city: bool) -> str:
    """The name as a clerk may type it in Cấu hình."""
    kinds = ["", "Thành phố ", "thành phố ", "TP. ", "TP.", "Tp "] if city else \
        ["", "Tỉnh ", "tỉnh ", "Tỉnh  "]
    shown = "HCM" if name == "Hồ Chí Minh" and rng.random() < 0.3 else name
    return f"{rng.choice(['', ' '])}{rng.choice(kinds)}{shown}{rng.choice(['', ' '])}"


def _expected(name: str, city: bool) -> tuple[str, str]:
    if name == "Hồ Chí Minh":
        return ("Ủy ban nhân dân Thành phố Hồ Chí Minh",
                "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh")
    if city:
        return f"Ủy ban nhân dân thành phố {name}", f"Ban Thường vụ Thành ủy {name}"
    return f"Ủy ban nhân dân tỉnh {name}", f"Ban Thường vụ Tỉnh ủy {name}"


@pytest.mark.parametrize("seed", range(3))
def test_every_province_typed_any_way_is_named_as_the_law_writes_it(seed):
    rng = random.Random(seed)
    wrong = []
    for name, city in [(c, True) for c in CITIES] + [(p, False) for p in PROVINCES]:
        for _ in range(6):
            typed = _typed(rng, name, city)
            got = (agencies.province_committee(typed), agencies.province_committee(typed, True))
            if got != _expected(name, city):
                wrong.append((typed, got))
    assert not wrong, wrong[:10]


def test_the_property_fails_on_the_old_naming(monkeypatch):
    """Planted: the kind word as typed, "tỉnh" for a name typed alone (the old rule)."""
    def old(province, party=False):
        name = " ".join((province or "").split())
        for head, body in (("thành phố ", "Thành ủy"), ("tỉnh ", "Tỉnh ủy")):
            if name.lower().startswith(head):
                rest = name[len(head):]
                return f"Ban Thường vụ {body} {rest}" if party else f"Ủy ban nhân dân {head}{rest}"
        return f"Ban Thường vụ Tỉnh ủy {name}" if party else f"Ủy ban nhân dân tỉnh {name}"
    monkeypatch.setattr(agencies, "province_committee", old)
    with pytest.raises(AssertionError):
        test_every_province_typed_any_way_is_named_as_the_law_writes_it(0)


def _letters_up(seed: int, province: str, folder: str) -> str:
    """The text of every letter sent up (CVKN) a corpus registry issues, its province typed
    ``province``, after its meeting."""
    case = make_case(seed)
    case = dataclasses.replace(case, settings={**case.settings, "province": province})
    reg = saved(case, os.path.join(folder, "so.xlsx"))
    out = os.path.join(folder, "vb")
    cli.main(["generate", reg, "--docs", "CVKN", "--out", out, "--today",
              (case.meeting + dt.timedelta(days=5)).isoformat()])
    texts = []
    for path in glob.glob(os.path.join(out, "**", "CVKN*.docx"), recursive=True):
        doc = Document(path)
        texts.append("\n".join(p.text for p in doc.paragraphs))
    return "\n".join(texts)


def test_the_letter_sent_up_names_hồ_chí_minh_city_with_its_capital(tmp_path, capsys):
    texts = {seed: _letters_up(seed, "TP.HCM", str(tmp_path / str(seed))) for seed in range(6)}
    capsys.readouterr()
    written = [t for t in texts.values() if "Hồ Chí Minh" in t]
    assert written, "no corpus registry of these seeds sends a recommendation up"
    for text in written:
        assert "Ủy ban nhân dân Thành phố Hồ Chí Minh" in text
        assert "thành phố Hồ Chí Minh" not in text and "tỉnh" not in text.split("Kính gửi")[1][:80]
