"""Keys that must be unique and references that must exist."""
from __future__ import annotations

import datetime as dt
import re

from doithoai.registry import parsing, schema
from doithoai.rules.validation.findings import Findings
from doithoai.text.vnformat import short_date
from doithoai.text import vntext

CODE = re.compile(schema.CODE_PATTERN)


def check_keys(f: Findings) -> None:
    for sheet, objects, attr in ((schema.PLANS, f.reg.plans, "plan_id"),
                                 (schema.OPINIONS, f.reg.opinions, "opinion_id"),
                                 (schema.RULES, f.reg.rules, "code"),
                                 (schema.OVERRIDES, f.reg.overrides, "date")):
        seen: dict = {}
        for o in objects:
            value = getattr(o, attr)
            if value is None:
                continue
            if isinstance(value, str) and not CODE.fullmatch(value):
                f.add("code-pattern", sheet, o.row, attr, value, hint=schema.CODE_HINT)
            k = parsing.fold(value) if isinstance(value, str) else value
            if k in seen:
                f.add("duplicate-key", sheet, o.row, attr,
                      short_date(value) if isinstance(value, dt.date) else value,
                      first=seen[k])
            else:
                seen[k] = o.row
    seen = {}
    for m in f.reg.milestones:
        k = (m.plan_id, m.opinion_id or "", m.code)
        if m.code and k in seen:
            f.add("duplicate-key", schema.MILESTONES, m.row, "code", m.code,
                  first=seen[k])
        seen.setdefault(k, m.row)


# Each column that names a row of another sheet: (its sheet, column, the sheet it names).
REFERENCES = ((schema.INVITEES, "plan_id", schema.PLANS),
              (schema.OPINIONS, "plan_id", schema.PLANS),
              (schema.OPINIONS, "duplicate_of", schema.OPINIONS),
              (schema.MILESTONES, "plan_id", schema.PLANS),
              (schema.MILESTONES, "opinion_id", schema.OPINIONS),
              (schema.SURVEY, "plan_id", schema.PLANS),
              (schema.REGISTER, "plan_id", schema.PLANS),
              (schema.REGISTER, "opinion_id", schema.OPINIONS))
_KEY = {schema.PLANS.key: ("plan_id", "Mã KH"), schema.OPINIONS.key: ("opinion_id", "Mã ý kiến")}


def check_references(f: Findings) -> None:
    """Every code that names a plan or an opinion names one the registry has; the hint of each
    that does not is its nearest code (all of a kind found in one batch: a registry whose
    other sheets still name 50,000 deleted opinions is not searched 50,000 times)."""
    known = {target.key: {parsing.fold(getattr(r, _KEY[target.key][0])):
                          getattr(r, _KEY[target.key][0])
                          for r in getattr(f.reg, target.key) if getattr(r, _KEY[target.key][0])}
             for target in (schema.PLANS, schema.OPINIONS)}
    dangling = []
    for sheet, key, target in REFERENCES:
        for row in getattr(f.reg, sheet.key):
            value = getattr(row, key)
            if value and parsing.fold(value) not in known[target.key]:
                dangling.append((sheet, row, key, target, value))
    hints = {t: vntext.Nearest(known[t].values()).find_many(
        v for *_, target, v in dangling if target.key == t) for t in known}
    for sheet, row, key, target, value in dangling:
        near = hints[target.key].get(value)
        f.add("unknown-reference", sheet, row.row, key, value, target=f"trang {target.name}",
              key_label=_KEY[target.key][1],
              suggestion=f" (có phải \"{near}\"?)" if near else "")
    for o in f.reg.opinions:
        if o.duplicate_of and o.opinion_id and \
                parsing.fold(o.duplicate_of) == parsing.fold(o.opinion_id):
            f.add("status-contradiction", schema.OPINIONS, o.row, "duplicate_of",
                  o.duplicate_of, what="Ý kiến ghi trùng với chính nó.",
                  fix="Ghi Mã ý kiến gốc khác, hoặc để trống Trùng với.")
