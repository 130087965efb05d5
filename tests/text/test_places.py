"""Places found in what a clerk typed (text.places) and names in their proper spelling
(registry.spelling), on names and addresses generated here, not typed by hand.

Properties: a village typed in another case, with stray spaces, with old-style tones, without
accents (when no other village reads the same) or without its kind word is found, and printed
in its proper spelling; a village is never found inside a longer name ("Thôn 1" in "Thôn 12")
nor for another that differs by a tone ("Thôn Đồng" for "Thôn Đông"). Each is shown failing on
a finder with a planted fault.
"""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from doithoai.registry import spelling
from doithoai.text import places, vntext

KINDS = ("Thôn", "Xóm", "Tổ dân phố", "TDP", "Khu", "Bản", "Khối")
SYLLABLES = ("Đông", "Đồng", "Bản", "Chu", "Nà", "Làng", "Khuổi", "Phầy", "Hòa", "Thủy",
             "Cẩm", "Khê", "Tân", "Tiến", "Hạ", "Hà", "Yên", "Bình", "Mới", "Lợi", "Quý")
HOUSE = ("", "Số 5, ", "ngõ 3, ", "Xóm trên, ")


def village():
    return st.builds(lambda kind, words, n: f"{kind} {' '.join(words)}" if not n else
                     f"{kind} {n}", st.sampled_from(KINDS),
                     st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3),
                     st.sampled_from((None, None, None, 1, 2, 3, 12)))


def mangle(name: str, how: str) -> str:
    if how == "lower":
        return name.lower()
    if how == "upper":
        return name.upper()
    if how == "spaces":
        return "  ".join(name.split())
    if how == "old-tones":
        return name.replace("Hòa", "Hoà").replace("Thủy", "Thuỷ")
    if how == "plain":
        return vntext.unaccent(name)
    return name


MANGLES = ("as-is", "lower", "upper", "spaces", "old-tones", "plain")


@settings(max_examples=300, deadline=None)
@given(st.lists(village(), min_size=1, max_size=6, unique_by=vntext.identity_key),
       st.data())
def test_a_village_typed_any_way_is_found_and_spelled_properly(villages, data):
    finder = places.PlaceFinder(villages)
    meant = data.draw(st.sampled_from(villages))
    how = data.draw(st.sampled_from(MANGLES))
    if how == "plain":      # without accents: found only when no other reads the same
        assume(sum(vntext.plain_key(v) == vntext.plain_key(meant) for v in villages) == 1)
    # A longer village that contains this one as its first words is found first: fine.
    assume(not any(v != meant and vntext.identity_key(v).startswith(
        vntext.identity_key(meant) + " ") for v in villages))
    lead = data.draw(st.sampled_from(HOUSE))
    typed = lead + mangle(meant, how)
    assert finder.place_of(typed) == meant
    proper = finder.proper(typed)
    assert vntext.identity_key(proper) == vntext.identity_key(lead + meant)
    assert proper.endswith(meant[1:]) and proper[-len(meant)].lower() == meant[0].lower()


@settings(max_examples=200, deadline=None)
@given(st.lists(village(), min_size=1, max_size=6, unique_by=vntext.identity_key),
       st.data())
def test_an_address_may_begin_with_the_kind_word_in_lower_case(villages, data):
    """"thôn Nậm Cang" as a whole address is spelled right (README writes them so): only the
    kind word's first letter differs; a name's own words in lower case are still put right."""
    finder = places.PlaceFinder(villages)
    meant = data.draw(st.sampled_from(villages))
    assume(not any(v != meant and vntext.identity_key(v).startswith(
        vntext.identity_key(meant) + " ") for v in villages))
    assume(meant[:1].isupper() and meant[1:2].islower())      # "Thôn …", not "TDP …"
    typed = data.draw(st.sampled_from(HOUSE)) + meant[0].lower() + meant[1:]
    assert finder.proper(typed, address=True) == typed
    lowered = typed.lower()
    if lowered != typed:
        assert vntext.identity_key(finder.proper(lowered, address=True)) == \
            vntext.identity_key(typed)
        assert finder.proper(lowered, address=True).endswith(meant[1:])


@settings(max_examples=200, deadline=None)
@given(st.lists(village(), min_size=1, max_size=6, unique_by=vntext.identity_key),
       st.sampled_from(("2", "0", "a", "ng", "A")))
def test_a_village_is_never_found_inside_a_longer_word(villages, more):
    """"Thôn 12" is not Thôn 1, "Thôn Đônga" is not Thôn Đông: whole words only."""
    finder = places.PlaceFinder(villages)
    for v in villages:
        longer = v + more
        assume(all(vntext.identity_key(w) != vntext.identity_key(longer) for w in villages))
        assert finder.place_of("Số 3, " + longer) != v


@pytest.mark.parametrize("typed, villages, found", [
    ("Thôn Đồng", ["Thôn Đông"], None),                 # a tone apart: another village
    ("thon dong", ["Thôn Đông", "Thôn Đồng"], None),    # which one?
    ("Nà Làng", ["Thôn Nà Làng"], "Thôn Nà Làng"),       # without its kind word
    ("Xóm Bản Chu", ["Thôn Bản Chu"], "Thôn Bản Chu"),
    ("1", ["Thôn 1"], None),                            # "1" is no village's name
    ("Thôn 12", ["Thôn 1"], None),
])
def test_places_by_example(typed, villages, found):
    assert places.PlaceFinder(villages).place_of(typed) == found


def test_the_kind_word_typed_goes_with_the_name():
    assert places.PlaceFinder(["Thôn Bản Chu"]).proper("Số 4, xóm bản chu") == \
        "Số 4, thôn Bản Chu"
    assert places.PlaceFinder(["Thôn Bản Chu"]).proper("thon ban chu") == "Thôn Bản Chu"


# --- people ------------------------------------------------------------------------------------

NAMES = st.builds(lambda h, s, m, g: " ".join(x for x in (h, s, m, g) if x),
                  st.sampled_from(("", "Ông", "Bà", "Đồng chí")),
                  st.sampled_from(("Nguyễn", "Lò", "Nông", "Hà", "Đinh", "Ngô")),
                  st.sampled_from(("Văn", "Thị", "Ngọc", "")),
                  st.sampled_from(("An", "Tám", "Thủy", "Hạ", "Yến", "Ánh")))


@settings(max_examples=300, deadline=None)
@given(NAMES, st.sampled_from(("lower", "upper", "first-only", "as-is")))
def test_a_persons_name_typed_without_its_capitals_is_read_with_them(name, how):
    assume(len(name.split()) > 1 + name.startswith(("Ông", "Bà")) + 2 * name.startswith("Đồng"))
    typed = {"lower": name.lower(), "upper": name.upper(), "as-is": name,
             "first-only": " ".join([name.split()[0]] + [w.lower() for w in name.split()[1:]])
             }[how]
    assert spelling.person_name(typed) == name


@pytest.mark.parametrize("text", ["Các hộ dân xóm 1", "tập thể hộ dân thôn 2", "Ông Lò Văn Tám 1",
                                  "bà con thôn Đông", "H'Hen Niê"])
def test_what_is_not_a_plain_name_stays_as_typed(text):
    assert spelling.person_name(text) == text


# --- the properties fail on a finder with a planted fault ---------------------------------------

def test_a_finder_that_ignores_tones_is_caught(monkeypatch):
    """A finder comparing words without accents finds Thôn Đông for "Thôn Đồng"."""
    monkeypatch.setattr(vntext, "identity_key", lambda t: vntext.plain_key(t))
    vntext.name_keys.cache_clear()         # words remembered before the fault was planted
    try:
        with pytest.raises(AssertionError):
            test_places_by_example("Thôn Đồng", ["Thôn Đông"], None)
    finally:
        monkeypatch.undo()
        vntext.name_keys.cache_clear()


def test_a_finder_that_matches_inside_words_is_caught(monkeypatch):
    monkeypatch.setattr(places._Index, "first", _prefix_first)
    with pytest.raises(AssertionError):
        test_places_by_example("Thôn 12", ["Thôn 1"], None)
    with pytest.raises(AssertionError):
        test_a_village_is_never_found_inside_a_longer_word()


def _prefix_first(index, tokens):
    """The planted fault: the last word may be the start of a longer one ("1" in "12")."""
    for i in range(len(tokens)):
        for words, (_, place) in index.by_words.items():
            n = len(words)
            if len(tokens) >= i + n and tuple(tokens[i:i + n - 1]) == words[:-1] and \
                    (tokens[i + n - 1] or "").startswith(words[-1]):
                return place, i, i + n - 1
    return None


def test_a_spelling_that_keeps_lower_case_is_caught(monkeypatch):
    monkeypatch.setattr(spelling, "_capital", lambda word: word)
    with pytest.raises(AssertionError):
        test_a_persons_name_typed_without_its_capitals_is_read_with_them()


def test_the_longer_place_wins_whichever_way_its_kind_word_is_written():
    """Found by the property below: "TDP Đông Đông" named the listed "TDP Đông", a place of
    two words, rather than "Tổ dân phố Đông Đông" written the other way."""
    finder = places.PlaceFinder(["TDP Đông", "Tổ dân phố Đông Đông", "Thôn 2"])
    assert finder.place_of("ngõ 3, TDP Đông Đông") == "Tổ dân phố Đông Đông"
    assert finder.place_of("ngõ 3, TDP Đông") == "TDP Đông"
    assert finder.place_of("Tổ dân phố Đông, ngõ 3") == "TDP Đông"


OTHER_WAY = {"TDP": "Tổ dân phố", "Tổ dân phố": "TDP", "KP": "Khu phố", "Khu phố": "KP",
             "KV": "Khu vực", "Khu vực": "KV"}


@settings(max_examples=200, deadline=None)
@given(st.lists(village(), min_size=0, max_size=5, unique_by=vntext.identity_key),
       st.sampled_from(sorted(OTHER_WAY)), village(), st.data())
def test_a_kind_word_written_the_other_way_names_the_same_place(others, kind, name, data):
    """"Tổ dân phố 2" is "TDP 2" (and back; "Khu phố" and "KP", "Khu vực" and "KV" too, and
    "KV2" glued to its number): found as the listed place, kept as typed when the name itself
    is as listed; "TDP" never becomes "tDP". The place meant is drawn with one of the kind
    words (drawing it among all the villages threw most draws away: filter_too_much)."""
    meant = f"{kind} {name.split(' ', 1)[1]}"
    villages = [v for v in others if vntext.identity_key(v) != vntext.identity_key(meant)]
    villages.insert(data.draw(st.integers(0, len(villages))), meant)
    finder = places.PlaceFinder(villages)
    rest = meant[len(kind):]
    glued = OTHER_WAY[kind].isupper() and rest[1:].isdigit() and data.draw(st.booleans())
    typed = OTHER_WAY[kind] + (rest[1:] if glued else rest)
    assume(not any(v != meant and vntext.identity_key(v).startswith(
        vntext.identity_key(meant) + " ") for v in villages))
    # the place listed under the other kind word too ("TDP 1" beside "Tổ dân phố 1", typed
    # "TDP1"): the listed spelling is the one found, rightly
    assume(not any(vntext.identity_key(v) in (vntext.identity_key(typed),
                                              vntext.identity_key(OTHER_WAY[kind] + rest))
                   for v in villages))
    lead = data.draw(st.sampled_from(HOUSE))
    assert finder.place_of(lead + typed) == meant
    assert finder.proper(lead + typed, address=True) == lead + typed
    assert "tDP" not in (finder.proper((lead + typed).lower(), address=True) or "")


@pytest.mark.parametrize("seed", range(3))
def test_a_numbered_residential_group_is_found_however_it_is_shortened(seed):
    """A re-trial in Hà Nội listed its groups as "Tổ dân phố số 4" and typed addresses "…, TDP
    4", "TDP3", "Tổ 5": none was found (validate's generic hint, no group head on the notice,
    "(không rõ thôn)" in the monitoring report, the whole address dropped by forgetting). Every
    short form names the group; "số 5" alone (a house, "số 5 phố Huế") names none."""
    import random
    from doithoai.text.places import PlaceFinder
    rng = random.Random(seed)
    numbers = rng.sample(range(1, 40), 6)
    groups = [f"Tổ dân phố số {n}" for n in numbers]
    finder = PlaceFinder(groups)
    for n, group in zip(numbers, groups):
        for typed in (f"TDP {n}", f"TDP{n}", f"Tổ {n}", f"tổ dân phố {n}", f"tdp số {n}",
                      f"Tổ dân phố số {n}"):
            address = f"{rng.choice(['P.302 nhà B2, ', 'Số 7 ngõ 3, ', ''])}{typed}"
            assert finder.place_of(address) == group, address
        assert finder.place_of(f"số {n} phố Hai Bà Trưng") is None


def test_the_short_forms_property_fails_without_the_numbered_alias(monkeypatch):
    """Planted: "Tổ dân phố số 4" known only as typed in the list."""
    from doithoai.text import places
    monkeypatch.setattr(places, "_numbered_kind", lambda words: None)
    with pytest.raises(AssertionError):
        test_a_numbered_residential_group_is_found_however_it_is_shortened(0)
