"""Precision and recall of the duplicate suggestions on a labelled sample of pairs.

The sample (tests/data/dedupe_labelled.tsv) holds, per line, an original petition, the same
request written in other words, and a near miss: same village and field, a different request.
Each line gives seven labelled pairs: three true repeats (other words; other words without
diacritics; the original in capitals with old-style tones) and four near misses (the near miss
against the original, the repeat, and both without diacritics).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass

from doithoai.sharing import dedupe


def _strip(text: str) -> str:
    import unicodedata
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _old_style(text: str) -> str:
    return text.upper().replace("ỦY", "UỶ").replace("HÒA", "HOÀ").replace("THỦY", "THUỶ")


def labelled_pairs(path: str) -> list[tuple[str, str, str, str, bool]]:
    """(field, village, text a, text b, is a repeat)."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            f, v = row["field"], row["village"]
            orig = row["original"]
            rep = row["repeat (same request, other words)"]
            miss = row["near miss (same village and field, other request)"]
            out += [(f, v, orig, rep, True), (f, v, orig, _strip(rep), True),
                    (f, v, rep, _old_style(orig), True),
                    (f, v, orig, miss, False), (f, v, rep, miss, False),
                    (f, v, _strip(orig), _strip(miss), False), (f, v, miss, _strip(rep), False)]
    return out


@dataclass
class Scores:
    pairs: int
    positives: int
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.positives if self.positives else 1.0


def evaluate(path: str, threshold: int = dedupe.THRESHOLD) -> Scores:
    tp = fp = fn = 0
    pairs = labelled_pairs(path)
    for i, (f, v, a, b, label) in enumerate(pairs):
        ia = dedupe.Item(f"a{i}", (0,), a, "Ông A", v, f)
        ib = dedupe.Item(f"b{i}", (1,), b, "Bà B", v, f)
        hit = bool(dedupe.suggest([ib], [ia], threshold=threshold))
        tp += hit and label
        fp += hit and not label
        fn += label and not hit
    return Scores(len(pairs), sum(p[4] for p in pairs), tp, fp, fn)


