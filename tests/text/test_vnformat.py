import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.registry import schema
from doithoai.text import honorifics, vnformat

D = dt.date


@pytest.mark.parametrize("d,expected", [
    (D(2026, 2, 5), "ngày 05 tháng 02 năm 2026"), (D(2026, 5, 15), "ngày 15 tháng 5 năm 2026"),
    (D(2026, 1, 15), "ngày 15 tháng 01 năm 2026"), (D(2026, 12, 1), "ngày 01 tháng 12 năm 2026"),
    (D(2026, 3, 9), "ngày 09 tháng 3 năm 2026"), (D(2026, 10, 20), "ngày 20 tháng 10 năm 2026")])
def test_date_padding_rule(d, expected):
    assert vnformat.date_words(d) == expected


def test_date_line_weekday_and_time():
    assert vnformat.date_line("Tứ Minh", D(2026, 5, 15)) == "Tứ Minh, ngày 15 tháng 5 năm 2026"
    assert vnformat.weekday(D(2026, 6, 12)) == "thứ Sáu"
    assert vnformat.weekday(D(2026, 6, 14)) == "Chủ nhật"
    assert vnformat.time_words(dt.time(8, 0)) == "08 giờ 00 phút"
    assert vnformat.meeting_time(dt.time(8), dt.time(11, 30), D(2026, 6, 12)) == \
        "08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 12/06/2026"


def test_number_lines():
    assert vnformat.number_line(7, "GM-UBND", False) == "Số: 07/GM-UBND"
    assert vnformat.number_line(123, "UBND-VP", False) == "Số: 123/UBND-VP"
    assert vnformat.number_line(2, "KH/ĐU", True) == "Số 02-KH/ĐU"
    assert vnformat.number_line(None, "TB-UBND", False).startswith("Số:  ")


def test_vietnamese_name_order():
    names = ["Nguyễn Văn Bình", "Trần Thị Ánh", "Lê Văn An", "Đỗ Văn Đạt", "Phạm Văn Dũng",
             "Hoàng Thị Anh", "Vũ Thị Ẩn", "Bùi Văn An", "Ngô Thị Ân", "Lý Văn Ă", "Mai Văn Ơn",
             "Hà Văn Ôn", "Tạ Văn Uyên", "Lã Văn Ưng"]
    assert vnformat.sort_names(names) == [
        "Bùi Văn An", "Lê Văn An", "Hoàng Thị Anh", "Trần Thị Ánh", "Lý Văn Ă", "Ngô Thị Ân",
        "Vũ Thị Ẩn", "Nguyễn Văn Bình", "Phạm Văn Dũng", "Đỗ Văn Đạt", "Hà Văn Ôn",
        "Mai Văn Ơn", "Tạ Văn Uyên", "Lã Văn Ưng"]
    # Python's own sort gets this wrong: Đ after Z-range letters, Á after B.
    assert sorted(["Đạt", "Dũng", "Ánh", "Bình"]) != \
        sorted(["Đạt", "Dũng", "Ánh", "Bình"], key=vnformat.collate)


def test_tones_in_dictionary_order():
    words = ["ạnh", "anh", "ánh", "ảnh", "ành", "ãnh"]
    assert sorted(words, key=vnformat.collate) == ["anh", "ành", "ảnh", "ãnh", "ánh", "ạnh"]


# --- places inside a sentence (Decree 30/2020, Appendix II: "thôn Kim Trang Đông") ----------

@pytest.mark.parametrize("typed,printed", [
    ("Thôn Kim Trang Đông, Thôn Kim Trang Tây", "thôn Kim Trang Đông, thôn Kim Trang Tây"),
    ("Tổ Dân Phố 3; Xóm 1 (Khối Yên Sơn)", "tổ dân phố 3; xóm 1 (khối Yên Sơn)"),
    ("Thôn\u00a0Kim\u00a0Trang", "thôn\u00a0Kim\u00a0Trang"),
    ("TDP Cẩm Khê A", "TDP Cẩm Khê A"), ("THÔN ĐÔNG", "THÔN ĐÔNG"), ("Thôn", "Thôn"),
    ("Hà Nội", "Hà Nội"), ("Đội 3, Đội Cấn", "đội 3, Đội Cấn"), ("Thônx A", "Thônx A")])
def test_a_place_inside_a_sentence(typed, printed):
    assert vnformat.place_in_sentence(typed) == printed


@pytest.mark.parametrize("typed,printed", [
    ("Số 5 ngõ 3, Thôn Đông", "số 5 ngõ 3, thôn Đông"),
    ("Số nhà 12, Đường Lê Lợi", "số nhà 12, Đường Lê Lợi"), ("Kim Trang Tây", "Kim Trang Tây"),
    # kind words that also begin the names of larger places are lowered only before a number
    ("Số 5, Buôn Ma Thuột", "số 5, Buôn Ma Thuột"), ("Bản 3, xã Bản Lầu", "bản 3, xã Bản Lầu"),
    ("Xóm 2, huyện Sóc Sơn", "xóm 2, huyện Sóc Sơn"), ("Tổ 5, Khu 3", "tổ 5, khu 3")])
def test_an_address_inside_a_sentence(typed, printed):
    assert vnformat.address_in_sentence(typed) == printed


def test_an_address_naming_a_village_of_the_plan():
    """"Khu" begins other names too, so an address lowers it before a number only; a village
    of the plan is known to be one wherever it stands."""
    assert vnformat.address_in_sentence("Khu Hạ Long") == "Khu Hạ Long"
    assert vnformat.address_in_sentence("Số 3, Khu Hạ Long", ["Khu Hạ Long"]) == \
        "số 3, khu Hạ Long"


@pytest.mark.parametrize("typed,printed", [
    ("Tổ chức hội nghị với Nhân dân Thôn 1, Thôn 12", "Tổ chức hội nghị với Nhân dân thôn 1, thôn 12"),
    ("Thôn 1 và Thôn 12", "Thôn 1 và thôn 12"), ("- Thôn 1;", "- Thôn 1;"),
    ("- Ông Y Bon Niê, Thôn 1 (ý kiến YK-1);", "- Ông Y Bon Niê, thôn 1 (ý kiến YK-1);"),
    ("Bí thư Chi bộ Thôn\u00a01", "Bí thư Chi bộ thôn\u00a01")])
def test_the_plans_places_after_a_texts_first_word(typed, printed):
    assert vnformat.places_in_sentence(typed, ["Thôn 1", "Thôn 12"]) == printed


@pytest.mark.parametrize("typed,printed", [
    ("Nhà văn hóa Tổ dân phố Cẩm Khê A, phường Tứ Minh",
     "Nhà văn hóa tổ dân phố Cẩm Khê A, phường Tứ Minh"),
    ("Hội trường Khu 3", "Hội trường khu 3"), ("Hội trường Thôn 1", "Hội trường thôn 1"),
    ("Nhà văn hóa Khu Công nghiệp", "Nhà văn hóa Khu Công nghiệp"), ("Thôn 1", "Thôn 1"),
    ("Hội trường UBND xã Bản Lầu", "Hội trường UBND xã Bản Lầu"),
    ("Nhà văn hóa Bản 3, Buôn Đôn", "Nhà văn hóa bản 3, Buôn Đôn")])
def test_a_venue_inside_a_sentence(typed, printed):
    assert vnformat.venue_in_sentence(typed, ["Thôn 1"]) == printed


_PLACE_TEXT = st.lists(st.sampled_from(["Thôn", "Tổ", "Dân", "dân", "Phố", "Khu", "Đội", "Bon",
                                        "Y", "1", "Đông", ",", ", ", "(", " ", "\u00a0", ";",
                                        "THÔN", "Số", "nhà", "-"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_PLACE_TEXT)
def test_inside_a_sentence_only_lowers_and_is_stable(text):
    """Only letters are lowered, nothing else moves, and printing twice changes nothing."""
    for f in (vnformat.place_in_sentence, vnformat.address_in_sentence,
              lambda t: vnformat.places_in_sentence(t, ["Thôn 1", "Tổ Dân Phố Đông", "Bon Y"]),
              lambda t: vnformat.venue_in_sentence(t, ["Thôn 1"])):
        out = f(text)
        assert len(out) == len(text)
        assert all(a == b or a == b.lower() for a, b in zip(out, text))
        assert f(out) == out


@pytest.mark.parametrize("seed", range(3))
def test_a_citizen_named_thi_is_bà_with_or_without_accents(seed):
    """"Ông (Bà) Tran Thi Hong": a name typed without accents says Thị as "Thi". Generated
    names; Bà exactly when a middle name is Thị (or Thi in a name with no accent at all)."""
    import random
    import unicodedata
    from doithoai.text.honorifics import citizen

    def plain(text):           # the accents gone, the capitals kept
        bare = unicodedata.normalize("NFD", text)
        return "".join(c for c in bare if not unicodedata.combining(c)).replace(
            "Đ", "D").replace("đ", "d")
    rng = random.Random(seed)
    for _ in range(500):
        middle = rng.sample(["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thị"], rng.randint(1, 2))
        name = " ".join([rng.choice(["Trần", "Nguyễn", "Lê", "Cao"])] + middle
                        + [rng.choice(["Hồng", "Lành", "Sáu", "Thi"])])
        if rng.random() < 0.5:
            name = plain(name)
        addressed = citizen(name)
        assert addressed == (f"Bà {name}" if "Thị" in middle else f"Ông (Bà) {name}"), name


_CLANS = ["Niê", "Mlô", "Êban", "Ksơr", "Byă", "Adrơng", "Ktla", "Hwing", "Knul", "Buôn Yă"]
_GIVEN = ["Sơn", "Đơk", "Yăm", "Hen", "Ben", "Blih", "Tlang", "Khoa", "Yên", "Ngơn"]


def highland_names(rng) -> list[tuple[str, str]]:
    """(name as typed, its form of address): Ê Đê and M'nông names beside Kinh ones that
    begin with the same letters (Hà, Hoàng, Yên), which tell nothing."""
    out = []
    for _ in range(400):
        given, clan = rng.choice(_GIVEN), rng.choice(_CLANS)
        pick = rng.random()
        if pick < 0.3:
            out.append((f"Y {given} {clan}", "Ông"))
        elif pick < 0.5:
            out.append(("H" + rng.choice(["'", "’"]) + f"{given} {clan}", "Bà"))
        elif pick < 0.6:
            out.append((f"H {given} {clan}", "Bà"))
        else:
            out.append((f"{rng.choice(['Hà', 'Hoàng', 'Yên', 'Hồ'])} Văn {given}", "Ông (Bà)"))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_a_highland_name_says_its_form_of_address(seed):
    """A fresh-eyes trial in Đắk Lắk read "Ông (Bà) Y Sơn Niê" and "Ông (Bà) H'Đơk Mlô": an Ê
    Đê name tells a man (Y) from a woman (H, H'). Generated names, Kinh ones beside them."""
    import random
    for name, form in highland_names(random.Random(seed)):
        assert honorifics.citizen(name) == f"{form} {name}", name


def test_the_highland_property_fails_on_the_old_rule(monkeypatch):
    """Planted: a woman's H, H' not read (the old rule read Thị only)."""
    import re
    monkeypatch.setattr(honorifics, "_HIGHLAND_WOMAN", re.compile(r"(?!)"))
    with pytest.raises(AssertionError):
        test_a_highland_name_says_its_form_of_address(0)


def test_an_officer_is_named_as_a_comrade_unless_typed_with_a_form():
    """The form typed with the name is said once, in lower case inside the sentence, "Đ/c" in
    full ("liên hệ trực tiếp Đ/c Mai" and "đồng chí ĐỒNG CHÍ …" were printed)."""
    from doithoai.text.vnformat import comrade
    assert comrade("Lê Thị Mai") == "đồng chí Lê Thị Mai"
    assert comrade("  Lê  Thị Mai ") == "đồng chí Lê Thị Mai"
    for typed, said in (("Bà Lê Thị Mai", "bà Lê Thị Mai"), ("bà  Lê Thị Mai", "bà Lê Thị Mai"),
                        ("Đồng chí Lê Thị Mai", "đồng chí Lê Thị Mai"), ("đ/c Mai", "đồng chí Mai"),
                        ("ĐỒNG CHÍ Lê Thị Mai", "đồng chí Lê Thị Mai"), ("Ông Tám", "ông Tám")):
        assert comrade(typed) == said
    assert comrade("") is None and comrade(None) is None


# --- a list of names in a sentence ---------------------------------------------------------------

_AGENCIES = list(schema.lookup("Cơ quan trả lời").values) + [
    "Văn phòng HĐND và UBND", "Phòng Văn hóa và Xã hội", "Ban Chỉ huy Quân sự", "Công an xã"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AGENCIES), min_size=1, max_size=6, unique=True))
def test_a_listing_never_joins_with_and_a_name_that_has_its_own(names):
    """A fresh-eyes trial read "Trung tâm Phục vụ hành chính công và Văn phòng HĐND và UBND trả
    lời" in a conclusion notice: three bodies or two? "và" joins two names only when neither
    has its own; every name is printed whole, once, in its order."""
    text = vnformat.listing(names)
    for a, b in zip(names, names[1:]):
        if " và " in a or " và " in b:
            assert f"{a} và {b}" not in text, text
    end = 0
    for name in names:
        end = text.find(name, end)
        assert end != -1, (name, text)
        end += len(name)


def test_the_listing_property_fails_on_the_old_joiner(monkeypatch):
    """Planted: the last two always joined by "và"."""
    def old(names):
        return "".join(names) if len(names) <= 1 else ", ".join(names[:-1]) + " và " + names[-1]
    text = old(["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND"])
    assert "công và Văn phòng HĐND và UBND" in text
    monkeypatch.setattr(vnformat, "listing", old)
    with pytest.raises(AssertionError):
        test_a_listing_never_joins_with_and_a_name_that_has_its_own()
