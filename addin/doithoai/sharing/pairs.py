"""Which pairs of opinions the duplicate finder scores, and how each keeps its best original.

:func:`doithoai.sharing.dedupe.suggest` hands over, block by block (a field, a village), the
items still unresolved and the pool's opinions (one per distinct text), each with its order,
its normalised text and coded features (person, village, field, key, numbers). A registry of
50,000 opinions has blocks of thousands: scoring every pair of a block is what made the finder
quadratic, so only the pairs that can change a suggestion are scored, and the result is the
same as scoring every pair by hand (tests/sharing/test_dedupe.py).
"""
from __future__ import annotations

CHUNK = 2048          # rows of one cdist call: memory is CHUNK × block size bytes
FIRST_ROUNDS = 4      # rounds of each item's most promising pair before the rest (_finish)
# rapidfuzz's cdist compares a query of at most 64 characters with many choices at once (SIMD):
# about 14 ns a pair, against 70 for longer queries (measured on the bench's petitions; only the
# speed depends on this figure, not the result).
SIMD_LENGTH = 64


def gate(queries: list[str], choices: list[str], cutoff: int):
    """Rows, columns and scores of the pairs whose ``fuzz.ratio`` is ``cutoff`` or more: the
    pairs of ``np.nonzero(cdist(queries, choices, score_cutoff=cutoff))``, not in its order
    (no caller depends on it: each pool opinion ranks apart, see _score). The ratio is
    symmetric, so a long query meets the short choices as their query, and only long meets
    long in the slow way."""
    import numpy as np
    from rapidfuzz import fuzz, process

    def scored(q_idx, c_idx, swap=False):
        qs, cs = [queries[i] for i in q_idx], [choices[j] for j in c_idx]
        m = process.cdist(cs, qs, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8,
                          workers=-1) if swap else \
            process.cdist(qs, cs, scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8,
                          workers=-1)
        r, c = np.nonzero(m)
        score = m[r, c]
        return (q_idx[c], c_idx[r], score) if swap else (q_idx[r], c_idx[c], score)

    short_q = np.fromiter(map(len, queries), dtype=np.int64, count=len(queries)) <= SIMD_LENGTH
    short_c = np.fromiter(map(len, choices), dtype=np.int64, count=len(choices)) <= SIMD_LENGTH
    all_c = np.arange(len(choices))
    long_q = np.nonzero(~short_q)[0]
    parts = []
    if short_q.any():
        parts.append(scored(np.nonzero(short_q)[0], all_c))
    if len(long_q) and short_c.any():
        parts.append(scored(long_q, np.nonzero(short_c)[0], swap=True))
    if len(long_q) and not short_c.all():
        parts.append(scored(long_q, np.nonzero(~short_c)[0]))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.uint8)
    rows, cols, scores = (np.concatenate(x) for x in zip(*parts))
    return rows, cols, scores


def same_name(fi, fp, k: str, a, b):
    """dedupe._same of each pair (items ``a``, pool opinions ``b``) from coded names: equal with
    accents, or equal without them when one was typed without any (vntext.same_name)."""
    named = fi[k][a] > 0
    exact = fi[k][a] == fp[k][b]
    plain = fi[k + "_plain"][a] == fp[k + "_plain"][b]
    return named & (exact | (plain & (fi[k + "_bare"][a] | fp[k + "_bare"][b])))


def _by_code(indices: list[int], codes) -> dict[int, list[int]]:
    """``indices`` grouped by their code (0: no numbers), in their order."""
    out: dict[int, list[int]] = {}
    for k in indices:
        out.setdefault(int(codes[k]), []).append(k)
    return out


def _sorted(cache: dict, norms, k: int) -> str:
    """Text ``k``'s words in order (what token_sort_ratio compares), worked out once."""
    text = cache.get(k)
    if text is None:
        text = cache[k] = " ".join(sorted(norms[k].split()))
    return text


class PairScorer:
    """Scores the candidate pairs of each block and keeps each item's best original.

    Which pairs are candidates, without changing any suggestion:
    - only an earlier opinion can be an original: a chunk of items (in order) meets only the
      pool opinions earlier than its last one (about half of a block);
    - with a threshold above the most a pair whose numbers differ can score (dedupe's
      MOST_WITH_OTHER_NUMBERS), such a pair cannot be suggested: an item with numbers meets
      only the pool opinions with the same numbers or with none (a registry whose texts
      differ by a lane, a house or a sequence number would otherwise score every pair of its
      block)."""

    def __init__(self, norms_i, norms_p, order_i, order_p, fi, fp, best, best_j, drop, span,
                 threshold, prefilter, penalty):
        self.norms_i, self.norms_p = norms_i, norms_p
        self.order_i, self.order_p = order_i, order_p
        self.fi, self.fp, self.best, self.best_j = fi, fp, best, best_j
        self.drop, self.span, self.threshold = drop, span, threshold
        self.prefilter, self.penalty = prefilter, penalty
        self.sorted_i: dict[int, str] = {}
        self.sorted_p: dict[int, str] = {}

    def block(self, idx_i: list[int], idx_p: list[int]) -> None:
        import numpy as np
        if not self.drop:
            self._against(idx_i, idx_p)
            return
        groups, by_number = _by_code(idx_i, self.fi["numbers"]), _by_code(idx_p, self.fp["numbers"])
        self._against(groups.pop(0, []), idx_p)         # no numbers: every opinion
        self._against([i for g in groups.values() for i in g],
                      by_number.pop(0, []))             # numbers: those without any...
        pairs_a, pairs_b, waiting = [], [], 0
        for n, members in groups.items():               # ...and those with the same ones
            same = by_number.get(n)
            if not same:
                continue
            if len(members) * len(same) > CHUNK * 64:
                self._against(members, same)
                continue
            a = np.repeat(np.asarray(members), len(same))
            b = np.tile(np.asarray(same), len(members))
            keep = self.order_p[b] < self.order_i[a]
            pairs_a.append(a[keep])
            pairs_b.append(b[keep])
            waiting += int(keep.sum())
            if waiting > CHUNK * 1024:                  # memory stays bounded: score now
                self._pairs(np.concatenate(pairs_a), np.concatenate(pairs_b))
                pairs_a, pairs_b, waiting = [], [], 0
        if pairs_a:
            self._pairs(np.concatenate(pairs_a), np.concatenate(pairs_b))

    def _against(self, idx_i: list[int], idx_p: list[int]) -> None:
        """Each item against the earlier ones of ``idx_p``, a chunk of items per cdist."""
        import numpy as np
        if not idx_i or not idx_p:
            return
        idx_i = sorted(idx_i, key=lambda i: self.order_i[i])
        idx_p = np.asarray(sorted(idx_p, key=lambda j: self.order_p[j]))
        order_p = self.order_p[idx_p]
        for start in range(0, len(idx_i), CHUNK):
            rows = idx_i[start:start + CHUNK]
            cols = idx_p[:np.searchsorted(order_p, self.order_i[rows[-1]])]  # earlier only
            if len(cols):
                self._matrix(rows, cols)

    def _matrix(self, rows, cols) -> None:
        import numpy as np
        # token_sort_ratio is the ratio of the sorted words: a whole block at once, with a
        # gate; token_set_ratio and the context only for the pairs that pass it.
        r, c, score = gate([_sorted(self.sorted_i, self.norms_i, i) for i in rows],
                           [_sorted(self.sorted_p, self.norms_p, j) for j in cols],
                           self.prefilter)
        if len(r):
            self._finish(np.asarray(rows)[r], np.asarray(cols)[c], score)

    def _pairs(self, a, b) -> None:
        """Explicit pairs (items ``a`` against pool opinions ``b``), scored pair by pair."""
        import numpy as np
        from rapidfuzz import fuzz, process
        step = CHUNK * 256
        for start in range(0, len(a), step):
            pa, pb = a[start:start + step], b[start:start + step]
            sort_ = process.cpdist([_sorted(self.sorted_i, self.norms_i, i) for i in pa],
                                   [_sorted(self.sorted_p, self.norms_p, j) for j in pb],
                                   scorer=fuzz.ratio, score_cutoff=self.prefilter, dtype=np.uint8,
                                   workers=-1)
            passed = np.nonzero(sort_)[0]
            if len(passed):
                self._finish(pa[passed], pb[passed], sort_[passed])

    def _finish(self, a, b, gate) -> None:
        """Pairs that passed the gate: earlier and not itself, the set score, numbers, context;
        each item keeps its best original, the earliest among equal scores."""
        import numpy as np
        fi, fp = self.fi, self.fp
        keep = (self.order_p[b] < self.order_i[a]) & (fp["key"][b] != fi["key"][a])
        differ = (fi["numbers"][a] != fp["numbers"][b]) & (fi["numbers"][a] > 0) & \
            (fp["numbers"][b] > 0)
        if self.drop:                  # they cannot reach the threshold: not worth a set score
            keep &= ~differ
        a, b, differ, gate = a[keep], b[keep], differ[keep], gate[keep]
        same = {k: same_name(fi, fp, k, a, b) for k in ("person", "village")}
        field = (fi["field"][a] == fp["field"][b]) & (fi["field"][a] > 0)
        bonus = 8 * same["person"] + 4 * same["village"] + 4 * field
        # The most a pair can score: a set score of 100 beside its sort score (the gate's,
        # rounded: one more), plus its context. A pair that cannot reach the threshold, or
        # cannot beat the best original its item has already, is not scored further; the
        # pairs most likely to be the best are scored first, one per item a round, so that
        # in a registry full of near repeats most of the others need no score at all.
        most = np.minimum(100, (100 + gate.astype(np.int64) + 2) // 2 + bonus)
        bound = most * self.span + (self.span - 1 - self.order_p[b])
        rounds = 0
        while len(a):
            useful = (most >= self.threshold) & (bound > self.best[a])
            a, b, differ, bonus, most, bound = (x[useful] for x in (a, b, differ, bonus, most,
                                                                    bound))
            if not len(a):
                return
            rounds += 1
            if rounds <= FIRST_ROUNDS:      # each item's most promising pair
                by_item = np.lexsort((-bound, a))
                first = by_item[np.r_[True, a[by_item][1:] != a[by_item][:-1]]]
                now = np.zeros(len(a), dtype=bool)
                now[first] = True
            else:                           # the rest at once
                now = np.ones(len(a), dtype=bool)
            self._score(a[now], b[now], differ[now], bonus[now])
            rest = ~now
            a, b, differ, bonus, most, bound = (x[rest] for x in (a, b, differ, bonus, most,
                                                                  bound))

    def _score(self, a, b, differ, bonus) -> None:
        """The exact scores of pair_score (the gate's were whole numbers): the best original
        kept for an item is the best by the score its suggestion reports, the earliest
        among equals."""
        import numpy as np
        from rapidfuzz import fuzz, process
        sort_ = process.cpdist([self.sorted_i[i] for i in a], [self.sorted_p[j] for j in b],
                               scorer=fuzz.ratio, dtype=np.float64, workers=-1)
        set_ = process.cpdist([self.norms_i[i] for i in a], [self.norms_p[j] for j in b],
                              scorer=fuzz.token_set_ratio, dtype=np.float64, workers=-1)
        text = np.round((set_ + sort_) / 2).astype(np.int64)
        text = np.maximum(0, text - self.penalty * differ)
        score = np.minimum(100, text + bonus).astype(np.int64)
        # One number orders the candidates: the score first, then the earlier original. (Each
        # pool opinion has an order of its own, a row: the kept original does not depend on
        # the order the pairs come in.)
        ranked = score * self.span + (self.span - 1 - self.order_p[b])
        np.maximum.at(self.best, a, ranked)
        hit = ranked == self.best[a]
        self.best_j[a[hit]] = b[hit]
