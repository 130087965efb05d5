"""The word a text uses for its unit (text/unit_words): "xã" as the unit is found, whatever its
case, and a shipped name is written in another unit's word; "xã hội", "hợp tác xã", "xã viên",
"xã đội" and the level "cấp xã" (which a phường is) are not the unit. Seeded sentences."""
import random

import pytest

from doithoai.text.unit_words import addressed, in_unit, says_xa

NOT_UNIT = ["xã hội", "hợp tác xã", "Hợp tác xã", "xã viên", "xã đội", "cấp xã", "Cấp xã",
            "chính quyền cấp xã"]
UNIT = ["xã", "Xã", "XÃ"]
WORDS = ["đề nghị", "sửa", "đường", "UBND", "trạm", "bơm", "của", "phường", "tổ dân phố", "2"]


@pytest.mark.parametrize("seed", range(5))
def test_only_the_unit_is_said_xa(seed):
    rng = random.Random(seed)
    for _ in range(300):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 8))]
        phrases = rng.sample(NOT_UNIT, rng.randint(0, 2))
        unit = rng.choice(UNIT) if rng.random() < 0.5 else None
        parts = words + phrases + ([unit] if unit else [])
        rng.shuffle(parts)
        text = " ".join(parts)
        assert (says_xa(text) is not None) == (unit is not None), text


def test_a_shipped_name_in_the_units_word():
    assert in_unit("Công an xã", "phường") == "Công an phường"
    assert in_unit("Ban Chỉ huy Quân sự xã", "đặc khu") == "Ban Chỉ huy Quân sự đặc khu"
    assert in_unit("Công an Xã", "phường") == "Công an Phường"
    assert in_unit("Hợp tác xã Nông nghiệp", "phường") == "Hợp tác xã Nông nghiệp"
    assert in_unit("UBND cấp xã", "phường") == "UBND cấp xã"
    assert in_unit("Công an xã", "xã") == "Công an xã"


@pytest.mark.parametrize("seed", range(3))
def test_an_agency_named_by_the_unit_is_addressed_with_the_units_name(seed):
    """"Kính gửi: Công an phường." named no ward: a name ending with the unit's kind word gets
    the unit's name; a name with a place, of another unit's word, or of an office, stays."""
    rng = random.Random(seed)
    for _ in range(200):
        kind = rng.choice(["xã", "phường", "đặc khu"])
        proper = rng.choice(["Hòa Bình", "Quảng Sơn", "Côn Đảo", "Tứ Minh"])
        unit_name = rng.choice([f"{kind.capitalize()} {proper}", f"{kind.upper()} {proper}", proper])
        stem = rng.choice(["Công an", "Trạm Y tế", "Ban Chỉ huy Quân sự", "Ủy ban MTTQ Việt Nam"])
        word = rng.choice([kind, kind.capitalize()])
        assert addressed(f"{stem} {word}", kind, unit_name) == f"{stem} {word} {proper}"
        for kept in (f"{stem} {word} {proper}", f"{stem} cấp trên", "Phòng Kinh tế",
                     f"{stem} {rng.choice(['tỉnh', 'huyện'])}", kind):
            assert addressed(kept, kind, unit_name) == kept, kept
