"""The unit's own words (issue 18 §4): a phường says phường and tổ dân phố, a xã says xã and
thôn. Text the clerk typed that names the other kind of unit is noted (info), never rewritten:
the clerk may be quoting a citizen or an older document."""
from __future__ import annotations

import re

from doithoai.registry import schema
from doithoai.rules.validation.findings import Findings

# "xã" as the unit, not "xã hội", "hợp tác xã", "xã viên", "xã đội" (a military post).
_XA = re.compile(r"(?<![\wÀ-ỹ])(xã)(?![\wÀ-ỹ])(?!\s+(hội|viên|đội)\b)", re.I)
_NOT_UNIT = re.compile(r"hợp\s+tác\s+xã", re.I)
_XA_CASES = ("xã", "Xã", "XÃ", "xÃ")      # every way _XA's letters can be written

CHECKED = ((schema.PLANS, ("subject", "content", "venue", "chair_title")),
           (schema.OPINIONS, ("answer",)))


def says_xa(text: str | None) -> str | None:
    """The "xã" a text uses as the name of a unit, or None."""
    if not text or not any(x in text for x in _XA_CASES):     # most texts: no "xã" at all
        return None
    cleaned = _NOT_UNIT.sub("", text or "")
    m = _XA.search(cleaned)
    return m.group(1) if m else None


def check_unit_words(f: Findings) -> None:
    if (f.reg.settings.unit_type or "") != "phường":
        return
    for sheet, keys in CHECKED:
        rows = f.reg.plans if sheet is schema.PLANS else f.reg.opinions
        for obj in rows:
            for key in keys:
                word = says_xa(getattr(obj, key, None))
                if word:
                    f.add("unit-word", sheet, obj.row, key, (getattr(obj, key) or "")[:60],
                          word=word)
