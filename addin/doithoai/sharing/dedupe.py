"""Duplicate suggestions: the same petition written twice, or brought back year after year.

Pure core: opinions in, suggestions out; nothing is modified or deleted here.

Why rapidfuzz: it is a maintained C++ implementation of the Levenshtein family with token-based
scorers (``token_set_ratio`` ignores word order and words one text adds, which is how the same
request is rewritten) and a ``cdist`` that scores a whole block of pairs in parallel with a
cut-off, which is what makes 20,000 opinions feasible in seconds. Writing edit distances by hand
would be slower and less tested.

How a pair is scored:

1. each text is normalised: the contact and identity numbers a citizen writes into it taken
   out with the words naming them (text.privacy.drop: "tôi đã gọi số 0936 555 777" says who
   asks, not what; its digits would count as a number that makes the request another, step 4),
   Unicode NFC, new-style tone placement, lower case, accents removed
   (so "Duong lien thon xuong cap" matches "Đường liên thôn xuống cấp"), abbreviations written
   out (TDP → to dan pho), punctuation and filler words dropped ("đề nghị", "kiến nghị", "xin",
   "cho", ...);
2. only pairs that share the field or the village are compared (blocking: a repeat of a
   petition keeps one of the two);
3. text score = mean of ``token_set_ratio`` and ``token_sort_ratio`` (0-100); the first forgives
   added words, the second keeps a long text from matching a short one it merely contains.
   The sort score of a whole block is one vectorised ``cdist``; pairs below :data:`PREFILTER`
   are not compared further (every true repeat of the labelled sample scores 67 or more there;
   the gate is what keeps 20,000 opinions within seconds);
4. numbers count: when both texts carry numbers and they differ ("ngõ 5" / "ngõ 17", "2 triệu"
   / "20 triệu", "khu 0" / "khu 1") the requests are different, and the text score loses
   :data:`NUMBER_PENALTY` points; a text without numbers ("sửa ngõ") is not penalised;
5. context adds points: same person +8, same village +4, same field +4 (capped at 100); a
   person or a village is the same with its accents ("Hà" is not "Hạ", "Đông" not "Đồng"),
   or when one of the two was typed without any (vntext.same_name); a person's form of
   address typed before the name and what was pasted after it aside ("Bà Lê Thị Hà 😊" is Lê
   Thị Hà: registry.personal.bare_name);
6. a pair scoring :data:`THRESHOLD` or more is suggested; the original is the earlier opinion
   (earlier plan, then earlier row), never the opinion itself (two rows with one code).

Cost stays bounded: texts that normalise to the same key are resolved by a lookup (the later
ones repeat the earliest), so only distinct texts reach the scorer, in row chunks of
:data:`~doithoai.sharing.pairs.CHUNK` (5,000 identical rows: one lookup, not 25 million pairs).
Of the other pairs, only those that can change a suggestion are scored
(:mod:`doithoai.sharing.pairs`): an item meets only
earlier opinions; with the default threshold, an item with numbers meets only opinions with
the same numbers or none; the exact scores are computed for the pairs that pass the gate, each
item's most promising first, and a pair that cannot reach the threshold or beat the item's best
so far is left. The suggestions are those of scoring every pair by hand (a test checks it on
350 petitions and on new rows against a pool): each item's best original, the earliest among
equal scores.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass

from doithoai.registry import personal, repeats
from doithoai.sharing.pairs import PairScorer
from doithoai.text import privacy, vntext
from doithoai.text.addressee import ABBREVIATIONS

THRESHOLD = 85
PREFILTER = 65        # token_sort_ratio below this is not compared further (see step 3)
NUMBER_PENALTY = 35   # text points lost when both texts carry numbers and they differ (step 4)
# A pair whose numbers differ scores at most 100 - NUMBER_PENALTY + 16 (context) = 81: with a
# threshold above that it is dropped before the costly set score (a registry whose texts differ
# only by a number, a lane or a sequence, would otherwise score every such pair).
MOST_WITH_OTHER_NUMBERS = 100 - NUMBER_PENALTY + 16

_FILLER = {"de", "nghi", "kien", "xin", "cho", "yeu", "cau", "dan", "nhan", "cua", "duoc", "va",
           "la", "co", "khong", "viec", "tai", "o", "nay", "cac", "nhung", "mot", "ve", "voi",
           "thi", "da", "dang", "can", "som", "hien", "nay", "tren", "dia", "ban", "gia",
           "dinh", "toi", "chung", "ong", "ba"}
_ABBR = {vntext.unaccent(k): vntext.unaccent(v) for k, v in ABBREVIATIONS.items()}
_WORD = re.compile(r"[0-9a-z]+")


# What a citizen's text may hold that says who they are, not what they ask: taken out before
# comparing. A house number or a plate stays: it may be what the request is about.
_NOT_THE_REQUEST = frozenset(privacy.KINDS) - {"phone", "identity", "tax", "bank", "email"}


# Every one of those kinds has seven digits or more (a passport: a letter and seven) or is an
# e-mail: a text with neither is not read for them.
_SEVEN_DIGITS = re.compile(r"(?:\d\D*){7}")


def normalize(text: str | None) -> str:
    """The comparison key of a text (see the module docstring, step 1)."""
    text = unicodedata.normalize("NFC", text or "")
    if _SEVEN_DIGITS.search(text) or privacy.may_hold_email(text):
        text = privacy.drop(text, keep=_NOT_THE_REQUEST)
    plain = vntext.unaccent(vntext.normalize_tones(text))
    words = []
    for w in _WORD.findall(plain):
        words += _ABBR.get(w, w).split()
    return " ".join(w for w in words if w not in _FILLER)


@dataclass(frozen=True)
class Item:
    """One opinion as the duplicate finder sees it."""
    key: str                     # Mã ý kiến, or a row reference for rows not yet in the registry
    order: tuple                 # earlier sorts first: (plan date, row)
    content: str
    person: str = ""
    village: str = ""
    field: str = ""
    plan_id: str = ""

    @property
    def norm(self) -> str:
        return normalize(self.content)


@dataclass(frozen=True)
class Suggestion:
    key: str                     # the opinion that repeats
    original: str                # the earlier one it repeats
    score: int
    text_score: int
    reasons: tuple[str, ...]     # "cùng người nêu", "cùng thôn", "cùng lĩnh vực"
    plan_id: str = ""            # the repeat's plan
    original_plan_id: str = ""   # the original's plan
    conference: str = ""         # "hội nghị KH-2026-01 ngày 12/07/2026": the original's, when
                                 # an earlier conference's (in_registry)

    def note(self) -> str:
        why = f"; {', '.join(self.reasons)}" if self.reasons else ""
        where = f", đã nêu tại {self.conference}" if self.conference else ""
        return (f"Có thể trùng {self.original}{where} (điểm {self.score}/100{why}). Giữ mã "
                "này ở cột Trùng với nếu đúng là trùng; xóa đi nếu không.")


@functools.lru_cache(maxsize=65536)
def _plain(name: str) -> str:
    """A village's block key, read without accents: a superset of the pairs _same calls one
    village ("Thôn Đông" and "thon dong" meet; so do Đông and Đồng, without the points)."""
    return vntext.unaccent(name)


def _same(a: str, b: str) -> bool:
    """The same person or village (vntext.same_name: "Hà" is not "Hạ", "Ha" typed without
    accents is "Hà")."""
    return bool(vntext.name_keys(a or "")[0]) and vntext.same_name(a, b)


def _context(a: Item, b: Item) -> tuple[int, tuple[str, ...]]:
    bonus, reasons = 0, []
    if _same(personal.bare_name(a.person), personal.bare_name(b.person)):
        bonus += 8
        reasons.append("cùng người nêu")
    if _same(a.village, b.village):
        bonus += 4
        reasons.append("cùng thôn")
    if a.field and a.field == b.field:
        bonus += 4
        reasons.append("cùng lĩnh vực")
    return bonus, tuple(reasons)


def numbers(norm: str) -> frozenset[str]:
    """The numbers of a normalised text ("ngo 5 to 3" → {"5", "3"}), leading zeros dropped."""
    return frozenset(w.lstrip("0") or "0" for w in norm.split() if w.isdigit())


def pair_score(a: Item, b: Item, norm_a: str | None = None, norm_b: str | None = None
               ) -> tuple[int, int, tuple[str, ...]]:
    """(score, text score, reasons) of one pair."""
    from rapidfuzz import fuzz
    na = norm_a if norm_a is not None else a.norm
    nb = norm_b if norm_b is not None else b.norm
    if not na or not nb:
        return 0, 0, ()
    text = round((fuzz.token_set_ratio(na, nb) + fuzz.token_sort_ratio(na, nb)) / 2)
    nums_a, nums_b = numbers(na), numbers(nb)
    if nums_a and nums_b and nums_a != nums_b:
        text = max(0, text - NUMBER_PENALTY)
    bonus, reasons = _context(a, b)
    return min(100, text + bonus), text, reasons


def _blocks(items: list[Item]) -> dict[tuple, list[int]]:
    out: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        if it.field:
            out.setdefault(("f", it.field), []).append(i)
        if it.village:
            out.setdefault(("v", _plain(it.village)), []).append(i)
        if not it.field and not it.village:
            out.setdefault(("-",), []).append(i)
    return out


class _Codes:
    """Equal values → equal numbers (0 for empty), shared by both sides of a comparison: the
    features compared for every pair become cheap integer comparisons (pairs.same_name,
    vectorised)."""

    def __init__(self):
        self.codes: dict = {"": 0}

    def code(self, values):
        import numpy as np
        return np.array([self.codes.setdefault(v, len(self.codes)) if v else 0 for v in values],
                        dtype=np.int64)

    def names(self, group, attr: str, tag: str) -> dict:
        import numpy as np
        # a person without the form of address typed before the name ("Bà Lê Thị Hà")
        bare = personal.bare_name if attr == "person" else (lambda name: name or "")
        keys = [vntext.name_keys(bare(getattr(x, attr))) for x in group]
        return {attr: self.code(tag + k if k else "" for k, _ in keys),
                attr + "_plain": self.code(tag.upper() + p if p else "" for _, p in keys),
                attr + "_bare": np.array([k == p for k, p in keys], dtype=bool)}

    def features(self, group, norms) -> dict:
        return {**self.names(group, "person", "p"), **self.names(group, "village", "v"),
                "field": self.code("f" + x.field if x.field else "" for x in group),
                "key": self.code("k" + x.key for x in group),
                "numbers": self.code("n" + " ".join(sorted(s)) if s else ""
                                     for s in map(numbers, norms))}


def _earliest_of_each_text(norms: list[str], order) -> dict[str, int]:
    """Each non-empty normalised text → the index of its earliest opinion."""
    earliest: dict[str, int] = {}
    for j in sorted(range(len(norms)), key=lambda j: order[j]):
        if norms[j]:
            earliest.setdefault(norms[j], j)
    return earliest


def suggest(items: list[Item], pool: list[Item] | None = None,
            threshold: int = THRESHOLD) -> list[Suggestion]:
    """For each item, its best earlier match scoring ``threshold`` or more.

    ``pool`` None: the items among themselves (each against the earlier ones). Otherwise each
    item against every opinion of ``pool`` (new rows against the registry). Texts that
    normalise alike are resolved by lookup; the distinct ones are scored block by block, in
    chunks (two ``cdist`` calls each, context and numbers added with numpy)."""
    import numpy as np

    self_mode = pool is None
    drop = threshold > MOST_WITH_OTHER_NUMBERS
    pool = items if self_mode else pool
    norms_i = [it.norm for it in items]
    norms_p = norms_i if self_mode else [p.norm for p in pool]
    rank = {k: r for r, k in enumerate(sorted({it.order for it in items} |
                                              {p.order for p in pool}))}
    order_i = np.array([rank[it.order] for it in items], dtype=np.int64)
    order_p = order_i if self_mode else np.array([rank[p.order] for p in pool], dtype=np.int64)
    codes = _Codes()
    fi = codes.features(items, norms_i)
    fp = fi if self_mode else codes.features(pool, norms_p)

    best = np.full(len(items), -1, dtype=np.int64)      # score × span + lateness: see _finish
    best_j = np.full(len(items), -1)
    span = len(rank) + 1
    # 1. the same text: the earliest pool opinion with that normalised text (not itself).
    earliest = _earliest_of_each_text(norms_p, order_p)
    resolved = np.zeros(len(items), dtype=bool)
    for i, n in enumerate(norms_i):
        j = earliest.get(n) if n else None
        if j is not None and order_p[j] < order_i[i] and fp["key"][j] != fi["key"][i]:
            best_j[i], best[i], resolved[i] = j, 100 * span + span - 1 - order_p[j], True
    # 2. distinct texts: one representative each on the pool side, unresolved items only.
    reps = np.zeros(len(pool), dtype=bool)
    reps[list(earliest.values())] = True
    blocks_i = _blocks(items)
    blocks_p = blocks_i if self_mode else _blocks(pool)
    scorer = PairScorer(norms_i, norms_p, order_i, order_p, fi, fp, best, best_j, drop, span,
                        threshold, PREFILTER, NUMBER_PENALTY)
    for key, idx_i in blocks_i.items():
        idx_p = [j for j in blocks_p.get(key, ()) if reps[j]]
        idx_i = [i for i in idx_i if not resolved[i] and norms_i[i]]
        if idx_p and idx_i:
            scorer.block(idx_i, idx_p)
    out = []
    for i in np.nonzero(best >= threshold * span)[0]:
        j = int(best_j[i])
        score, text, why = pair_score(items[i], pool[j], norms_i[i], norms_p[j])
        if score >= threshold:
            out.append(Suggestion(items[i].key, pool[j].key, score, text, why,
                                  items[i].plan_id, pool[j].plan_id))
    return out


def in_registry(reg, found: list[Suggestion]) -> list[Suggestion]:
    """``found`` as the registry's rules for repeats have it: the original followed to the
    first opinion that is not itself a repeat (registry.repeats.first_of: Trùng với names it,
    as the carry-over does, whichever plan the closest words were typed in), through the
    other suggestions too (the button writes them together); and, when that opinion was
    raised for another plan, its conference named (a matter raised again)."""
    by_id = {o.opinion_id: o for o in reg.opinions if o.opinion_id}
    proposed = {s.key: s.original for s in found
                if s.key in by_id and not by_id[s.key].duplicate_of}
    memo: dict = {}
    conferences: dict[str, str] = {}
    out = []
    for s in found:
        first = _first(s.original, by_id, proposed, memo)
        if first is not None and first.opinion_id != s.key:
            s = dataclasses.replace(s, original=first.opinion_id,
                                    original_plan_id=first.plan_id or "")
        if s.original_plan_id and s.original_plan_id != s.plan_id:
            if s.original_plan_id not in conferences:
                conferences[s.original_plan_id] = _conference(reg, s.original_plan_id)
            s = dataclasses.replace(s, conference=conferences[s.original_plan_id])
        out.append(s)
    return out


def _first(code: str, by_id: dict, proposed: dict[str, str], memo: dict):
    """The opinion ``code`` joins, followed through Trùng với and through ``proposed`` (the
    suggestions of opinions whose Trùng với is empty); None when the chain leads nowhere.
    ``memo`` keeps each code's answer: a long chain is walked once (linear in the registry)."""
    path: dict[str, None] = {}          # the codes walked, in order
    first = None
    while code not in memo:
        if code in path:                   # a circle: it leads nowhere
            first = None
            break
        path[code] = None
        first = repeats.first_of(by_id.get(code), by_id)
        if first is None or first.opinion_id not in proposed:
            break
        code = proposed[first.opinion_id]
    else:
        first = memo[code]
    for c in path:
        memo[c] = first
    return first


def _conference(reg, plan_id: str) -> str:
    """"hội nghị KH-2026-01 ngày 12/07/2026" (without a day when the plan has none)."""
    plan = reg.plan(plan_id)
    day = plan.meeting_date if plan is not None else None
    return f"hội nghị {plan_id}" + (f" ngày {day:%d/%m/%Y}" if day else "")


def items_from_registry(reg) -> list[Item]:
    """The registry's opinions, ordered by their plan's conference date, then row."""
    import datetime as dt
    dates = {p.plan_id: p.meeting_date or dt.date.max for p in reg.plans}
    out = []
    for o in reg.opinions:
        if not o.opinion_id or not o.content:
            continue
        out.append(Item(o.opinion_id, (dates.get(o.plan_id, dt.date.max), o.row), o.content,
                        o.raised_by or "", o.address or "", o.field or "", o.plan_id or ""))
    return out
