"""The five sample registries read back with the facts of their seeds."""
import datetime as dt
from collections import Counter

import pytest

from doithoai.registry import schema

# slug → (plans, invitees, opinions) as kept in addin/doithoai/samples/
EXPECTED = {
    "quang-son": (1, 56, 24),
    "bac-thanh-mien": (1, 50, 30),
    "trung-hoi": (1, 50, 22),
    "tu-minh": (1, 104, 36),
    "do-luong": (2, 75, 34),       # 51 for KH-2026-01, 24 invited to KH-2026-02
}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_sample_reads_back_with_expected_counts(sample_registries, slug):
    reg = sample_registries[slug]
    assert (len(reg.plans), len(reg.invitees), len(reg.opinions)) == EXPECTED[slug]
    assert reg.problems == []
    assert len(reg.rules) == len(schema.DEFAULT_RULES)
    assert {o.date for o in reg.overrides} >= {dt.date(2026, 1, 2), dt.date(2026, 1, 10)}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_sample_opinions_cover_the_lifecycle(sample_registries, slug):
    reg = sample_registries[slug]
    ops = reg.opinions
    assert 20 <= len(ops) <= 40
    ids = {o.opinion_id for o in ops}
    assert any(o.duplicate_of in ids for o in ops)                  # some repeat others
    assert any(o.competence == "Cấp trên" for o in ops)             # some beyond authority
    assert any(o.answered_at_meeting == "Có" for o in ops)          # some answered on the spot
    assert len({o.field for o in ops}) >= 8                         # across seed 004's fields
    assert set(o.field for o in ops) <= set(reg.lookups["fields"])
    assert set(o.agency for o in ops) <= set(reg.lookups["agencies"])
    groups = Counter(i.group for i in reg.invitees)
    assert set(groups) <= set(schema.lookup("Nhóm đại biểu").values)
    assert len(groups) >= 8


def test_tu_minh_carries_seed_003(sample_registries):
    reg = sample_registries["tu-minh"]
    p = reg.plans[0]
    assert (p.number_symbol, p.issue_date) == ("118/KH-UBND", dt.date(2026, 5, 15))
    assert (p.meeting_date, p.start_time, p.end_time) == (
        dt.date(2026, 6, 12), dt.time(8, 0), dt.time(11, 30))
    assert p.expected_delegates == 150
    assert p.venue == "Nhà văn hóa Tổ dân phố Cẩm Khê A, phường Tứ Minh"
    assert (p.signing_authority, p.signer_title, p.signer_name) == (
        "KT.", "PHÓ CHỦ TỊCH", "Nguyễn Thị Sâm")
    assert p.villages == ["TDP Cẩm Khê A", "TDP Cẩm Khê B"]
    assert len(p.bases) == 3
    assert len(reg.invitees) >= 100


def test_trung_hoi_keeps_the_weekday_typo_of_seed_002(sample_registries):
    p = sample_registries["trung-hoi"].plans[0]
    assert p.meeting_date == dt.date(2025, 5, 24) and p.meeting_date.weekday() == 5  # Saturday
    assert p.weekday == "Thứ 2"
    assert p.start_time == dt.time(14, 30)
    assert "Thứ 2" in p.note


def test_do_luong_is_issued_by_the_party_committee(sample_registries):
    reg = sample_registries["do-luong"]
    assert all(p.is_party for p in reg.plans)
    p = reg.plans[0]
    assert p.number_symbol.endswith("-KH/ĐU")
    assert (p.signing_authority, p.signer_title, p.signer_name) == ("T/M", "BÍ THƯ",
                                                                   "Hoàng Văn Hiệp")
    assert reg.settings.party_committee_name == "ĐẢNG ỦY XÃ ĐÔ LƯƠNG"


def test_seed_officials_and_open_values_are_noted(sample_registries):
    signers = {slug: r.plans[0].signer_name for slug, r in sample_registries.items()}
    assert signers == {"quang-son": "Đoàn Văn Phương", "bac-thanh-mien": "Khổng Quốc Toản",
                       "trung-hoi": "Nguyễn Thanh Định", "tu-minh": "Nguyễn Thị Sâm",
                       "do-luong": "Hoàng Văn Hiệp"}
    # Where a seed leaves a value open, the sample says what it chose.
    for slug in ("quang-son", "bac-thanh-mien", "trung-hoi", "do-luong"):
        assert "giả định" in sample_registries[slug].plans[0].note
    assert sample_registries["trung-hoi"].settings.contact_officer == "Phạm Đức Toàn"
