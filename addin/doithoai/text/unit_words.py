"""The word a text uses for the kind of unit (xã, phường, đặc khu): a phường says phường and
tổ dân phố, a xã says xã and thôn (issue 18 §4). :func:`says_xa` finds "xã" used as the unit,
not "xã hội", "hợp tác xã", "cấp xã" (the level: a phường is one), "xã viên", "xã đội" (a
military post); :func:`in_unit` writes a shipped name ("Công an xã") in another unit's word
("Công an phường")."""
from __future__ import annotations

import re

_XA = re.compile(r"(?<![\wÀ-ỹ])(xã)(?![\wÀ-ỹ])(?!\s+(hội|viên|đội)\b)", re.I)
_NOT_UNIT = re.compile(r"hợp\s+tác\s+xã|cấp\s+xã", re.I)
_XA_CASES = ("xã", "Xã", "XÃ", "xÃ")      # every way _XA's letters can be written


def says_xa(text: str | None) -> str | None:
    """The "xã" a text uses as the name of a unit, or None."""
    if not text or not any(x in text for x in _XA_CASES):     # most texts: no "xã" at all
        return None
    cleaned = _NOT_UNIT.sub("", text)
    m = _XA.search(cleaned)
    return m.group(1) if m else None


def in_unit(name: str, unit_type: str) -> str:
    """``name`` with its last "xã" used as the unit in the word of ``unit_type``, capital when
    it was ("Trạm Y tế xã" → "Trạm Y tế phường", "Công an Xã" → "Công an Phường"); a name
    without one, or a xã's, as it is."""
    if unit_type == "xã" or not says_xa(name):
        return name
    last = list(_XA.finditer(_NOT_UNIT.sub(lambda m: " " * len(m.group()), name)))[-1]
    word = unit_type[:1].upper() + unit_type[1:] if last.group(1)[0].isupper() else unit_type
    return name[:last.start(1)] + word + name[last.end(1):]


def unit_proper(unit_name: str | None, unit_type: str | None) -> str:
    """The unit's own name without its kind word ("Phường Hòa Bình" → "Hòa Bình")."""
    name = " ".join((unit_name or "").split())
    kind = (unit_type or "xã").lower()
    return name[len(kind):].strip() if name.lower().startswith(kind + " ") else name


def in_sentence(unit_name: str | None, unit_type: str | None) -> str:
    """The unit as running text names it, its kind word in lower case, whether Tên đơn vị was
    typed with it or not ("Phường Tân Phước Khánh", "Tân Phước Khánh" → "phường Tân Phước
    Khánh"); the kind word alone when no name is typed."""
    kind = (unit_type or "xã").lower()
    proper = unit_proper(unit_name, unit_type)
    return f"{kind} {proper}" if proper else kind


def addressed(name: str, unit_type: str | None, unit_name: str | None) -> str:
    """An agency's name as a letter's "Kính gửi" writes it: one that ends with the unit's kind
    word and no name ("Công an phường") gets the unit's name ("Công an phường Hòa Bình"); any
    other name, or one already naming a place, as it is."""
    kind, proper = (unit_type or "xã").lower(), unit_proper(unit_name, unit_type)
    words = (name or "").split()
    size = len(kind.split())
    if not proper or len(words) <= size or " ".join(words[-size:]).lower() != kind:
        return name
    return f"{name.rstrip()} {proper}"
