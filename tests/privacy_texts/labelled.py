"""Labelled texts and how a masking is scored on them.

A labelled text marks each span with its kind: an identifier that must be hidden (phone,
identity, tax, bank, plate, boat, email, house, name) or a public place, number or name that must stay
readable (public). The score is read from what ``mask(text)`` returns, nothing else: the output
is the text with some stretches replaced by a mask such as "[số điện thoại]", so aligning the
output on the text gives each stretch that was masked and the kind its mask names. The same
scoring therefore judges any version of the module (bench/privacy_bench.py --baseline).

- An identifier is *masked* when masked stretches cover every character of it (a part left
  readable is a leak); *kind right* when a stretch covering it names its kind.
- A masked stretch is *right* when it overlaps an identifier; precision per kind counts the
  stretches whose mask names that kind.
- A public span is *kept* when no masked stretch touches it.
"""
from __future__ import annotations

import dataclasses
import os
import re

IDENTIFIER_KINDS = ("phone", "identity", "tax", "bank", "plate", "boat", "email", "house",
                    "name")
PUBLIC = "public"
# What each mask says (doithoai.text.privacy.MASKS; a test holds the two equal).
MASK_KINDS = {"[số điện thoại]": "phone", "[số giấy tờ]": "identity", "[mã số thuế]": "tax",
              "[số tài khoản]": "bank", "[biển số xe]": "plate", "[số đăng ký tàu cá]": "boat",
              "[thư điện tử]": "email",
              "[số nhà]": "house", "[họ tên]": "name"}
_MASK = re.compile("|".join(re.escape(m) for m in MASK_KINDS))
_MARK = re.compile(r"\{\{(\w+):(.*?)\}\}")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
CORPUS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data",
                      "privacy_corpus.txt")


@dataclasses.dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Labelled:
    text: str
    spans: tuple[Span, ...]
    where: str = ""            # file and line, or generator and seed

    def of(self, kind: str) -> list[str]:
        return [self.text[s.start:s.end] for s in self.spans if s.kind == kind]


def parse(line: str, where: str = "") -> Labelled:
    """One line of markup: ``{{kind:text}}`` around each span, ``\\uXXXX`` for an invisible
    character."""
    line = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), line)
    out, spans, last = [], [], 0
    for m in _MARK.finditer(line):
        kind, inner = m.group(1), m.group(2)
        if kind not in IDENTIFIER_KINDS and kind != PUBLIC:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        out.append(line[last:m.start()])
        start = sum(map(len, out))
        out.append(inner)
        spans.append(Span(kind, start, start + len(inner)))
        last = m.end()
    out.append(line[last:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        raise ValueError(f"{where}: unbalanced markup")
    return Labelled(text, tuple(spans), where)


def load(path: str = CORPUS) -> list[Labelled]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                items.append(parse(line, f"{os.path.basename(path)}:{n}"))
    return items


class Misaligned(Exception):
    """The output is not the text with stretches replaced by masks."""


def masked_stretches(text: str, output: str) -> list[Span]:
    """The stretches of ``text`` that ``output`` replaced by a mask, each with the mask's
    kind. The literal pieces between masks are found in ``text`` in order, the earliest place
    that lets the rest align."""
    pieces = _MASK.split(output)
    kinds = [MASK_KINDS[m] for m in _MASK.findall(output)]
    for seen in (text, text.replace("\u00a0", " ")):    # a no-break space written back plain
        found = _align(seen, pieces, 1, len(pieces[0])) if seen.startswith(pieces[0]) else None
        if found is not None:
            return [Span(k, s, e) for k, (s, e) in zip(kinds, found)]
    raise Misaligned(f"{output!r} is not {text!r} with stretches masked")


def _align(text: str, pieces: list[str], i: int, pos: int):
    if i == len(pieces):
        return [] if pos == len(text) else None
    piece, last = pieces[i], i == len(pieces) - 1
    if last:
        at = len(text) - len(piece)
        return [(pos, at)] if at > pos and text[at:] == piece else None
    at = text.find(piece, pos + 1)
    while at != -1:
        rest = _align(text, pieces, i + 1, at + len(piece))
        if rest is not None:
            return [(pos, at)] + rest
        at = text.find(piece, at + 1)
    return None


@dataclasses.dataclass
class Score:
    """Counts per kind, and each failure as (where, text, what)."""
    labelled: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(IDENTIFIER_KINDS, 0))
    masked: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(IDENTIFIER_KINDS, 0))
    kind_right: dict = dataclasses.field(
        default_factory=lambda: dict.fromkeys(IDENTIFIER_KINDS, 0))
    stretches: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(IDENTIFIER_KINDS, 0))
    stretches_right: dict = dataclasses.field(
        default_factory=lambda: dict.fromkeys(IDENTIFIER_KINDS, 0))
    public: int = 0
    public_kept: int = 0
    texts: int = 0
    failures: list = dataclasses.field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else IDENTIFIER_KINDS
        n = sum(self.labelled[k] for k in kinds)
        return sum(self.masked[k] for k in kinds) / n if n else 1.0

    def precision(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else IDENTIFIER_KINDS
        n = sum(self.stretches[k] for k in kinds)
        return sum(self.stretches_right[k] for k in kinds) / n if n else 1.0

    def public_precision(self) -> float:
        return self.public_kept / self.public if self.public else 1.0


def _covered(span: Span, stretches: list[Span]) -> bool:
    need = span.start
    for s in sorted(stretches, key=lambda s: s.start):
        if s.start <= need < s.end:
            need = s.end
        if need >= span.end:
            return True
    return need >= span.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(mask, items: list[Labelled], result: Score | None = None) -> Score:
    """``mask`` (text -> text) scored on ``items``."""
    sc = result or Score()
    for item in items:
        sc.texts += 1
        output = mask(item.text)
        try:
            got = masked_stretches(item.text, output)
        except Misaligned as e:
            sc.failures.append((item.where, item.text, f"output not aligned: {e}"))
            for s in item.spans:                 # counted, none masked nor kept
                if s.kind == PUBLIC:
                    sc.public += 1
                else:
                    sc.labelled[s.kind] += 1
            continue
        judge(item, got, sc, output)
    return sc


def judge(item: Labelled, got: list[Span], sc: Score, output: str) -> None:
    idents = [s for s in item.spans if s.kind != PUBLIC]
    for s in idents:
        sc.labelled[s.kind] += 1
        if _covered(s, got):
            sc.masked[s.kind] += 1
            if any(g.kind == s.kind and _overlaps(g, s) for g in got):
                sc.kind_right[s.kind] += 1
        else:
            sc.failures.append((item.where, item.text, f"{s.kind} not masked: "
                                f"{item.text[s.start:s.end]!r} → {output!r}"))
    for g in got:
        sc.stretches[g.kind] += 1
        if any(_overlaps(g, s) for s in idents):
            sc.stretches_right[g.kind] += 1
        elif not any(_overlaps(g, s) for s in item.spans):
            sc.failures.append((item.where, item.text, f"masked as {g.kind} though no "
                                f"identifier: {item.text[g.start:g.end]!r} → {output!r}"))
    for s in item.spans:
        if s.kind == PUBLIC:
            sc.public += 1
            if any(_overlaps(g, s) for g in got):
                sc.failures.append((item.where, item.text, f"public place masked: "
                                    f"{item.text[s.start:s.end]!r} → {output!r}"))
            else:
                sc.public_kept += 1


def table(sc: Score) -> list[str]:
    """The per-kind lines bench/privacy_bench.py prints."""
    lines = [f"{'kind':<10}{'labelled':>9}{'masked':>8}{'recall':>8}{'kind ok':>9}"
             f"{'stretches':>10}{'right':>7}{'precision':>10}"]
    for k in IDENTIFIER_KINDS:
        lines.append(f"{k:<10}{sc.labelled[k]:>9}{sc.masked[k]:>8}{sc.recall(k):>8.3f}"
                     f"{sc.kind_right[k]:>9}{sc.stretches[k]:>10}{sc.stretches_right[k]:>7}"
                     f"{sc.precision(k):>10.3f}")
    lines.append(f"{'all':<10}{sum(sc.labelled.values()):>9}{sum(sc.masked.values()):>8}"
                 f"{sc.recall():>8.3f}{sum(sc.kind_right.values()):>9}"
                 f"{sum(sc.stretches.values()):>10}{sum(sc.stretches_right.values()):>7}"
                 f"{sc.precision():>10.3f}")
    lines.append(f"public places kept: {sc.public_kept}/{sc.public} = "
                 f"{sc.public_precision():.3f}")
    return lines
