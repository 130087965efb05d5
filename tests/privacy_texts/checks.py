"""The properties a masking is held to on texts no one typed (generator.py), each a function
from (mask, labelled texts) to the lines that break it, read from what ``mask`` returns:

- identifier-masked: every generated identifier is wholly masked (labelled.score);
- public-kept: every generated public place, number or name stays readable;
- idempotent: masking a masked text changes nothing (a mask never reads as an identifier);
- composed-same: the text typed decomposed (NFD, as some phones send it) masks as composed.
"""
from __future__ import annotations

import unicodedata

from privacy_texts import labelled


def identifier_masked(mask, items) -> list[str]:
    sc = labelled.score(mask, items)
    return [f"{where}: {what}" for where, _, what in sc.failures
            if "not masked" in what or "not aligned" in what]


def public_kept(mask, items) -> list[str]:
    sc = labelled.score(mask, items)
    return [f"{where}: {what}" for where, _, what in sc.failures
            if "public place masked" in what or "not aligned" in what]


def idempotent(mask, items) -> list[str]:
    out = []
    for item in items:
        once = mask(item.text)
        twice = mask(once)
        if twice != once:
            out.append(f"{item.where}: {once!r} → {twice!r}")
    return out


def composed_same(mask, items) -> list[str]:
    out = []
    for item in items:
        decomposed = unicodedata.normalize("NFD", item.text)
        if decomposed != item.text and mask(decomposed) != mask(item.text):
            out.append(f"{item.where}: {mask(decomposed)!r} ≠ {mask(item.text)!r}")
    return out


PROPERTIES = {"identifier-masked": identifier_masked, "public-kept": public_kept,
              "idempotent": idempotent, "composed-same": composed_same}


def check(mask, items) -> dict[str, list[str]]:
    """Each property's failures (empty lists when ``mask`` keeps them all)."""
    return {name: prop(mask, items) for name, prop in PROPERTIES.items()}
