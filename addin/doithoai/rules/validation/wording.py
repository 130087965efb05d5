"""The unit's own words (issue 18 §4): a phường or a đặc khu does not say "xã". Text the clerk
typed that names the other kind of unit is noted (info), never rewritten: the clerk may be
quoting a citizen or an older document. An agency of the Danh mục named so ("Công an xã", as
a registry made before Loại đơn vị was chosen ships it) is a warning: every letter to it would
print that name."""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.rules.validation.findings import Findings
from doithoai.text.unit_words import in_unit, says_xa

CHECKED = ((schema.PLANS, ("subject", "content", "venue", "chair_title")),
           (schema.OPINIONS, ("answer",)))


def check_unit_words(f: Findings) -> None:
    unit = f.reg.settings.unit_type or ""
    if unit not in ("phường", "đặc khu"):
        return
    for sheet, keys in CHECKED:
        rows = f.reg.plans if sheet is schema.PLANS else f.reg.opinions
        for obj in rows:
            for key in keys:
                word = says_xa(getattr(obj, key, None))
                if word:
                    f.add("unit-word", sheet, obj.row, key, (getattr(obj, key) or "")[:60],
                          word=word, unit=unit)
    _check_agencies(f, unit)


def _check_agencies(f: Findings, unit: str) -> None:
    """Each agency of the Danh mục whose name says "xã" as the unit, named with its cell."""
    table = f.reg.tables.get("lookups")
    key = schema.lookup("Cơ quan trả lời").key
    if table is None or key not in table.columns:
        return
    for r in table.rows:
        name = r.values.get(key)
        word = says_xa(name) if isinstance(name, str) else None
        if word:
            f.add("unit-word-agency", schema.LOOKUP_SHEET, r.row, key, name, word=word,
                  unit=unit, fixed=in_unit(name, unit))
