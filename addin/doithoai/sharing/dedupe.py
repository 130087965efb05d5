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
4. context adds points: same person +8, same village +4, same field +4 (capped at 100);
5. a pair scoring :data:`THRESHOLD` or more is suggested; the original is the earlier opinion
   (earlier plan, then earlier row).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from doithoai.text import vntext
from doithoai.text.addressee import ABBREVIATIONS

THRESHOLD = 85
PREFILTER = 65        # token_sort_ratio below this is not compared further (see step 3)

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


def pair_score(a: Item, b: Item, norm_a: str | None = None, norm_b: str | None = None
               ) -> tuple[int, int, tuple[str, ...]]:
    """(score, text score, reasons) of one pair."""
    from rapidfuzz import fuzz
    na = norm_a if norm_a is not None else a.norm
    nb = norm_b if norm_b is not None else b.norm
    if not na or not nb:
        return 0, 0, ()
    text = round((fuzz.token_set_ratio(na, nb) + fuzz.token_sort_ratio(na, nb)) / 2)
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
    item against every opinion of ``pool`` (new rows against the registry). Each block of
    candidate pairs is scored at once (two ``cdist`` calls, context added with numpy)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    self_mode = pool is None
    pool = items if self_mode else pool
    norms_i = [it.norm for it in items]
    norms_p = norms_i if self_mode else [p.norm for p in pool]
    sorted_i = [" ".join(sorted(n.split())) for n in norms_i]
    sorted_p = sorted_i if self_mode else [" ".join(sorted(n.split())) for n in norms_p]
    codes: dict = {"": 0}

    def code(values):          # equal texts → equal numbers (0 for empty): cheap comparisons
        return np.array([codes.setdefault(v, len(codes)) if v else 0 for v in values])
    person_i = code(vntext.unaccent(it.person) for it in items)
    village_i = code("v" + vntext.unaccent(it.village) if it.village else "" for it in items)
    field_i = code("f" + it.field if it.field else "" for it in items)
    if self_mode:
        person_p, village_p, field_p = person_i, village_i, field_i
    else:
        person_p = code(vntext.unaccent(p.person) for p in pool)
        village_p = code("v" + vntext.unaccent(p.village) if p.village else "" for p in pool)
        field_p = code("f" + p.field if p.field else "" for p in pool)
    rank = {k: r for r, k in enumerate(sorted({it.order for it in items} |
                                              {p.order for p in pool}))}
    order_i = np.array([rank[it.order] for it in items])
    order_p = order_i if self_mode else np.array([rank[p.order] for p in pool])
    blocks_i = _blocks(items)
    blocks_p = blocks_i if self_mode else _blocks(pool)
    best_score = np.zeros(len(items), dtype=np.int16)
    best_j = np.full(len(items), -1)
    for key, idx_i in blocks_i.items():
        idx_p = blocks_p.get(key)
        if not idx_p:
            continue
        # token_sort_ratio is ratio of the sorted words: computed for the whole block at once
        # (fast); token_set_ratio and the context only for the pairs that pass the gate.
        sort_ = process.cdist([sorted_i[i] for i in idx_i], [sorted_p[j] for j in idx_p],
                              scorer=fuzz.ratio, score_cutoff=PREFILTER, dtype=np.uint8,
                              workers=-1)
        rows, cols = np.nonzero(sort_)
        if not len(rows):
            continue
        a, b = np.asarray(idx_i)[rows], np.asarray(idx_p)[cols]
        keep = order_p[b] < order_i[a]                       # the original is the earlier one
        rows, cols, a, b = rows[keep], cols[keep], a[keep], b[keep]
        if not len(a):
            continue
        set_ = process.cpdist([norms_i[i] for i in a], [norms_p[j] for j in b],
                              scorer=fuzz.token_set_ratio, dtype=np.uint8,
                              workers=-1).astype(np.int16)
        text = (set_ + sort_[rows, cols].astype(np.int16) + 1) // 2
        bonus = (8 * ((person_i[a] == person_p[b]) & (person_i[a] > 0))
                 + 4 * ((village_i[a] == village_p[b]) & (village_i[a] > 0))
                 + 4 * ((field_i[a] == field_p[b]) & (field_i[a] > 0)))
        score = np.minimum(100, text + bonus).astype(np.int16)
        np.maximum.at(best_score, a, score)
        hit = score == best_score[a]
        best_j[a[hit]] = b[hit]
    out = []
    for i in np.nonzero(best_score >= threshold)[0]:
        j = int(best_j[i])
        score, text, why = pair_score(items[i], pool[j], norms_i[i], norms_p[j])
        out.append(Suggestion(items[i].key, pool[j].key, score, text, why))
    return out


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
