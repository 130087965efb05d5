"""Duplicate suggestions: numbers count, no opinion repeats itself, identical texts cost a
lookup; text decoded with the wrong code page is caught."""
import datetime as dt

from doithoai.sharing import dedupe
from doithoai.text import encoding


def item(key, order, text, person="", village="Thôn Đông", field="Giao thông"):
    return dedupe.Item(key, (dt.date(2026, 1, 1), order), text, person, village, field)


def test_an_opinion_never_repeats_itself():
    same = [item("YK-2026-001", 1, "Sửa cống ngõ 5 bị tắc"),
            item("YK-2026-001", 2, "Sửa cống ngõ 5 bị tắc")]      # one code typed twice
    assert dedupe.suggest(same) == []
    found = dedupe.suggest([item("YK-2026-002", 3, "Sửa cống ngõ 5 bị tắc")], pool=same)
    assert [(s.key, s.original) for s in found] == [("YK-2026-002", "YK-2026-001")]


def test_identical_rows_point_to_the_earliest_without_scoring_every_pair():
    rows = [item(f"YK-{i:05d}", i, "Đường liên thôn xuống cấp, đề nghị sửa chữa.")
            for i in range(5000)]
    found = dedupe.suggest(rows)
    assert len(found) == 4999 and {s.original for s in found} == {"YK-00000"}
    assert all(s.key != s.original for s in found)


def test_requests_that_differ_in_a_number_are_different():
    same_everything = dict(person="Ông Trần Văn Lộc", village="TDP Cẩm Khê A",
                           field="Giao thông")
    for a, b in (("Sửa cống ngõ 5 bị tắc, mưa to là ngập", "Sửa cống ngõ 17 bị tắc, mưa to là ngập"),
                 ("Hỗ trợ 2 triệu đồng cho hộ nghèo", "Hỗ trợ 20 triệu đồng cho hộ nghèo"),
                 ("Khu 0 chưa có nước sạch", "Khu 1 chưa có nước sạch")):
        found = dedupe.suggest([item("B", 2, b, **same_everything)],
                               pool=[item("A", 1, a, **same_everything)])
        assert found == [], (a, b, found)
    # the same number, other words: still a repeat; a text without numbers is not penalised
    assert dedupe.suggest([item("B", 2, "Ngõ 5 mưa to là ngập vì cống bị tắc")],
                          pool=[item("A", 1, "Sửa cống ngõ 5 bị tắc, mưa to là ngập")])
    assert dedupe.numbers(dedupe.normalize("ngõ 05, tổ 3")) == {"5", "3"}


def test_text_read_with_the_wrong_code_page_is_caught_and_repaired_when_possible():
    good = "Đề nghị sửa đường liên thôn, chi phí 2 triệu đồng"
    garbled = good.encode("utf-8").decode("latin-1")
    assert encoding.looks_garbled(garbled) and encoding.repair(garbled) == good
    lossy = good.encode("utf-8").decode("cp1252", errors="replace")
    assert encoding.looks_garbled(lossy) and encoding.repair(lossy) is None
    assert "UTF-8" in encoding.advice(lossy)
    for fine in (good, "Café Paris ở phố Huế", "Nguyễn Thị Ánh", "Cà phê Trung Nguyên"):
        assert not encoding.looks_garbled(fine)


def test_a_returned_row_with_garbled_text_or_an_unresolved_formula_is_set_aside(
        sample_registries):
    from doithoai.sharing import merge
    from doithoai.sharing.returned import Returned, ReturnedRow
    reg = sample_registries["tu-minh"]
    garbled = "Đề nghị sửa cống ngõ 9".encode("utf-8").decode("cp1252", errors="replace")
    ret = Returned("phieu.xlsx", {"plan": "KH-2026-01"}, "ẩn", [
        ReturnedRow("Ý kiến", 5, {"raised_by": "Ông A", "content": garbled}),
        ReturnedRow("Ý kiến", 6, {"raised_by": "Bà B", "content": None}, ("content",)),
        ReturnedRow("Ý kiến", 7, {"raised_by": "Ông C", "received_date": "31/12/9999",
                                  "content": "Đề nghị lắp đèn đường thôn Đông"})])
    res = merge.merge(reg, [ret], today=dt.date(2026, 11, 29))
    reasons = {o.row: o.reason for o in res.outcomes}
    assert all(o.status == "set_aside" for o in res.outcomes)
    assert "bảng mã" in reasons[5] and "UTF-8" in reasons[5]
    assert "công thức chưa có kết quả" in reasons[6] and "Nội dung" in reasons[6]
    assert "ngoài khoảng năm 2000-2100" in reasons[7]


def test_among_originals_of_equal_score_the_earliest_is_named():
    rows = [item("YK-1", 1, "Cống bị tắc, sửa ngõ"), item("YK-2", 2, "Ngõ sửa, cống bị tắc"),
            item("YK-3", 3, "Sửa cống ngõ bị tắc")]           # the same words, three orders
    found = {s.key: (s.original, s.score) for s in dedupe.suggest(rows)}
    assert found == {"YK-2": ("YK-1", 100), "YK-3": ("YK-1", 100)}


def _by_hand(items, pool):
    """The suggestions by their definition, every pair scored one by one: an earlier opinion
    with the same normalised text is the original (the earliest); else, among the earliest
    opinion of each distinct text sharing the field or the village and passing the sort gate,
    the best score, the earliest among equal scores."""
    from rapidfuzz import fuzz
    from doithoai.text.vntext import unaccent
    first = {}
    for p in sorted(pool, key=lambda p: p.order):
        first.setdefault(p.norm, p.key)
    want = {}
    for a in items:
        earlier = [p for p in pool if p.order < a.order and p.key != a.key and p.norm]
        same = [p for p in earlier if p.norm == a.norm]
        if same:
            p = min(same, key=lambda p: p.order)
            want[a.key] = (p.key, dedupe.pair_score(a, p)[0])
            continue
        best = None
        for p in earlier:
            shares = a.field == p.field or unaccent(a.village) == unaccent(p.village)
            if first[p.norm] != p.key or not shares or \
                    fuzz.token_sort_ratio(a.norm, p.norm) < dedupe.PREFILTER:
                continue
            score = dedupe.pair_score(a, p)[0]
            if score >= dedupe.THRESHOLD and (best is None or (score, -p.order[1]) >
                                              (best[1], -best[2])):
                best = (p.key, score, p.order[1])
        if best:
            want[a.key] = best[:2]
    return want


def test_the_suggestions_are_those_of_scoring_every_pair_by_hand():
    """Whatever the finder leaves unscored (pairs whose numbers differ, later opinions, pairs
    that cannot beat an item's best), each suggestion is the one its definition gives, with
    the same original and score, among the items and against a pool."""
    import os
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))
    import sharing_bench
    items = sharing_bench.items(350, seed=11)
    got = {s.key: (s.original, s.score) for s in dedupe.suggest(items)}
    assert got == _by_hand(items, items) and len(got) > 15
    assert any(dedupe.numbers(x.norm) for x in items)
    new, old = items[280:], items[:280]
    got = {s.key: (s.original, s.score) for s in dedupe.suggest(new, old + new)}
    assert got == _by_hand(new, old + new) and len(got) > 5


def test_the_gate_finds_the_pairs_of_one_whole_matrix():
    """pairs.gate splits queries and choices at rapidfuzz's SIMD length (a long query meets the
    short choices as their query): the same pairs and scores as one cdist of every pair."""
    import random
    import numpy as np
    from rapidfuzz import fuzz, process
    from doithoai.sharing import pairs
    rng = random.Random(5)
    words = ["duong", "lien", "thon", "sua", "cong", "ngo", "5", "xuong", "cap", "nuoc", "dong"]

    def text():
        out = ""
        while len(out) < rng.randint(20, 100):
            out += rng.choice(words) + " "
        return out.strip()
    queries, choices = [text() for _ in range(120)], [text() for _ in range(150)]
    lengths = [len(t) for t in queries + choices]
    assert min(lengths) <= pairs.SIMD_LENGTH < max(lengths)
    whole = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=65, dtype=np.uint8)
    r, c = np.nonzero(whole)
    want = set(zip(r.tolist(), c.tolist(), whole[r, c].tolist()))
    got_r, got_c, got_s = pairs.gate(queries, choices, 65)
    got = list(zip(got_r.tolist(), got_c.tolist(), got_s.tolist()))
    assert len(got) == len(set(got)) and set(got) == want and len(want) > 100
    assert pairs.gate([], choices, 65)[0].size == 0


def test_people_and_villages_one_tone_apart_are_not_the_same():
    """"Nguyễn Thị Hà" and "Nguyễn Thị Hạ", "Thôn Đông" and "Thôn Đồng" earn no "same person"
    or "same village" points; a name typed without accents does. The finder's coded names give
    the suggestions of scoring every pair by hand."""
    import itertools
    people = ["Nguyễn Thị Hà", "Nguyễn Thị Hạ", "Nguyen Thi Ha", ""]
    villages = ["Thôn Đông", "Thôn Đồng", "thon dong", "Thôn Đông "]
    texts = ["Sửa cống ngõ bị tắc, mưa to là ngập", "Cống ngõ bị tắc, mưa là ngập, đề nghị sửa",
             "Đường liên thôn xuống cấp, đề nghị sửa chữa"]
    def own_word(n):        # each text its own last word ("ba", "bb", ...): no two alike
        return "b" + "abcdeghiklmnopqrstuvxy"[n % 22] + "aeiou"[n // 22 % 5]
    items = [dedupe.Item(f"YK-{n:03d}", (dt.date(2026, 1, 1), n), f"{t} {own_word(n)}", p, v,
                         field)
             for n, (p, v, t, field) in enumerate(itertools.product(
                 people, villages, texts, ["Giao thông", ""]))]
    assert len({x.norm for x in items}) == len(items)
    got = {s.key: (s.original, s.score) for s in dedupe.suggest(items)}
    assert got == _by_hand(items, items) and got
    ha, ha2, plain = (item("B", 2, texts[0], person=p) for p in people[:3])
    assert "cùng người nêu" not in dedupe.pair_score(ha2, ha)[2]
    assert "cùng người nêu" in dedupe.pair_score(plain, ha)[2]
    east = item("C", 3, texts[0], village="Thôn Đồng")
    assert "cùng thôn" not in dedupe.pair_score(east, item("D", 4, texts[0]))[2]
