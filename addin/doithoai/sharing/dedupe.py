"""Duplicate suggestions: the same petition written twice, or brought back year after year.

Pure core: opinions in, suggestions out; nothing is modified or deleted here.

Why rapidfuzz: it is a maintained C++ implementation of the Levenshtein family with token-based
scorers (``token_set_ratio`` ignores word order and words one text adds, which is how the same
request is rewritten) and a ``cdist`` that scores a whole block of pairs in parallel with a
cut-off, which is what makes 20,000 opinions feasible in seconds. Writing edit distances by hand
would be slower and less tested.

How a pair is scored:

1. each text is normalised: Unicode NFC, new-style tone placement, lower case, accents removed
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
5. context adds points: same person +8, same village +4, same field +4 (capped at 100);
6. a pair scoring :data:`THRESHOLD` or more is suggested; the original is the earlier opinion
   (earlier plan, then earlier row), never the opinion itself (two rows with one code).

Cost stays bounded: texts that normalise to the same key are resolved by a lookup (the later
ones repeat the earliest), so only distinct texts reach the scorer, in row chunks of
:data:`CHUNK` (5,000 identical rows: one lookup, not 25 million pairs).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from doithoai.text import vntext
from doithoai.text.addressee import ABBREVIATIONS

THRESHOLD = 85
PREFILTER = 65        # token_sort_ratio below this is not compared further (see step 3)
NUMBER_PENALTY = 35   # text points lost when both texts carry numbers and they differ (step 4)
CHUNK = 2048          # rows of one cdist call: memory is CHUNK × block size bytes
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


def normalize(text: str | None) -> str:
    """The comparison key of a text (see the module docstring, step 1)."""
    plain = vntext.unaccent(vntext.normalize_tones(unicodedata.normalize("NFC", text or "")))
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

    def note(self) -> str:
        why = f"; {', '.join(self.reasons)}" if self.reasons else ""
        return (f"Có thể trùng {self.original} (điểm {self.score}/100{why}). Giữ mã này ở cột "
                "Trùng với nếu đúng là trùng; xóa đi nếu không.")


def _context(a: Item, b: Item) -> tuple[int, tuple[str, ...]]:
    bonus, reasons = 0, []
    if a.person and vntext.unaccent(a.person) == vntext.unaccent(b.person):
        bonus += 8
        reasons.append("cùng người nêu")
    if a.village and vntext.unaccent(a.village) == vntext.unaccent(b.village):
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
            out.setdefault(("v", vntext.unaccent(it.village)), []).append(i)
        if not it.field and not it.village:
            out.setdefault(("-",), []).append(i)
    return out


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
    codes: dict = {"": 0}

    def code(values):          # equal values → equal numbers (0 for empty): cheap comparisons
        return np.array([codes.setdefault(v, len(codes)) if v else 0 for v in values],
                        dtype=np.int64)

    def features(group, norms):
        return {"person": code(vntext.unaccent(x.person) for x in group),
                "village": code("v" + vntext.unaccent(x.village) if x.village else ""
                                for x in group),
                "field": code("f" + x.field if x.field else "" for x in group),
                "key": code("k" + x.key for x in group),
                "numbers": code("n" + " ".join(sorted(s)) if s else ""
                                for s in map(numbers, norms))}
    fi = features(items, norms_i)
    fp = fi if self_mode else features(pool, norms_p)

    best_score = np.zeros(len(items), dtype=np.int16)
    best_j = np.full(len(items), -1)
    # 1. the same text: the earliest pool opinion with that normalised text (not itself).
    earliest: dict[str, int] = {}
    for j in sorted(range(len(pool)), key=lambda j: order_p[j]):
        if norms_p[j]:
            earliest.setdefault(norms_p[j], j)
    resolved = np.zeros(len(items), dtype=bool)
    for i, n in enumerate(norms_i):
        j = earliest.get(n) if n else None
        if j is not None and order_p[j] < order_i[i] and fp["key"][j] != fi["key"][i]:
            best_j[i], best_score[i], resolved[i] = j, 100, True
    # 2. distinct texts: one representative each on the pool side, unresolved items only.
    reps = np.zeros(len(pool), dtype=bool)
    reps[list(earliest.values())] = True
    blocks_i = _blocks(items)
    blocks_p = blocks_i if self_mode else _blocks(pool)
    for key, idx_i in blocks_i.items():
        idx_p = [j for j in blocks_p.get(key, ()) if reps[j]]
        idx_i = [i for i in idx_i if not resolved[i] and norms_i[i]]
        if not idx_p or not idx_i:
            continue
        for start in range(0, len(idx_i), CHUNK):
            _score_block(idx_i[start:start + CHUNK], idx_p, norms_i, norms_p, order_i,
                         order_p, fi, fp, best_score, best_j, drop)
    out = []
    for i in np.nonzero(best_score >= threshold)[0]:
        j = int(best_j[i])
        score, text, why = pair_score(items[i], pool[j], norms_i[i], norms_p[j])
        if score >= threshold:
            out.append(Suggestion(items[i].key, pool[j].key, score, text, why))
    return out


def _score_block(idx_i, idx_p, norms_i, norms_p, order_i, order_p, fi, fp, best_score, best_j,
                 drop=True):
    """Score rows ``idx_i`` against pool columns ``idx_p``; keep each row's best."""
    import numpy as np
    from rapidfuzz import fuzz, process

    # token_sort_ratio is the ratio of the sorted words: a whole block at once, with a gate;
    # token_set_ratio and the context only for the pairs that pass it.
    sort_ = process.cdist([" ".join(sorted(norms_i[i].split())) for i in idx_i],
                          [" ".join(sorted(norms_p[j].split())) for j in idx_p],
                          scorer=fuzz.ratio, score_cutoff=PREFILTER, dtype=np.uint8, workers=-1)
    rows, cols = np.nonzero(sort_)
    if not len(rows):
        return
    a, b = np.asarray(idx_i)[rows], np.asarray(idx_p)[cols]
    _finish(a, b, sort_[rows, cols], norms_i, norms_p, order_i, order_p, fi, fp, best_score,
            best_j, drop)


def _finish(a, b, sort_scores, norms_i, norms_p, order_i, order_p, fi, fp, best_score, best_j,
            drop):
    """Pairs that passed the gate: earlier and not itself, the set score, numbers, context;
    each row keeps its best."""
    import numpy as np
    from rapidfuzz import fuzz, process
    keep = (order_p[b] < order_i[a]) & (fp["key"][b] != fi["key"][a])   # earlier, not itself
    differ = (fi["numbers"][a] != fp["numbers"][b]) & (fi["numbers"][a] > 0) & \
        (fp["numbers"][b] > 0)
    if drop:                  # they cannot reach the threshold: not worth a set score
        keep &= ~differ
    a, b, sort_scores = a[keep], b[keep], sort_scores[keep]
    if not len(a):
        return
    set_ = process.cpdist([norms_i[i] for i in a], [norms_p[j] for j in b],
                          scorer=fuzz.token_set_ratio, dtype=np.uint8,
                          workers=-1).astype(np.int16)
    text = (set_ + sort_scores.astype(np.int16) + 1) // 2
    differ = (fi["numbers"][a] != fp["numbers"][b]) & (fi["numbers"][a] > 0) & \
        (fp["numbers"][b] > 0)
    text = np.maximum(0, text - NUMBER_PENALTY * differ)
    same = {k: (fi[k][a] == fp[k][b]) & (fi[k][a] > 0) for k in ("person", "village", "field")}
    bonus = 8 * same["person"] + 4 * same["village"] + 4 * same["field"]
    score = np.minimum(100, text + bonus).astype(np.int16)
    np.maximum.at(best_score, a, score)
    hit = score == best_score[a]
    best_j[a[hit]] = b[hit]


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
