"""Keys that must be unique and references that must exist."""
from __future__ import annotations

import datetime as dt
import re

from doithoai.registry import parsing, schema
from doithoai.rules.validation.findings import Findings
from doithoai.rules.workcalendar import fmt
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
                      fmt(value) if isinstance(value, dt.date) else value,
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


def check_references(f: Findings) -> None:
    plans = {parsing.fold(p.plan_id): p.plan_id for p in f.reg.plans if p.plan_id}
    opinions = {parsing.fold(o.opinion_id): o.opinion_id for o in f.reg.opinions
                if o.opinion_id}

    nearest = {id(plans): vntext.Nearest(plans.values()),
               id(opinions): vntext.Nearest(opinions.values())}

    def check(sheet, obj, attr, known, target, key_label):
        value = getattr(obj, attr)
        if value and parsing.fold(value) not in known:
            near = nearest[id(known)].find(value)
            f.add("unknown-reference", sheet, obj.row, attr, value, target=target,
                  key_label=key_label, suggestion=f" (có phải \"{near}\"?)" if near else "")

    for i in f.reg.invitees:
        check(schema.INVITEES, i, "plan_id", plans, "trang Kế hoạch", "Mã KH")
    for o in f.reg.opinions:
        check(schema.OPINIONS, o, "plan_id", plans, "trang Kế hoạch", "Mã KH")
        check(schema.OPINIONS, o, "duplicate_of", opinions, "trang Ý kiến", "Mã ý kiến")
        if o.duplicate_of and o.opinion_id and \
                parsing.fold(o.duplicate_of) == parsing.fold(o.opinion_id):
            f.add("status-contradiction", schema.OPINIONS, o.row, "duplicate_of",
                  o.duplicate_of, what="Ý kiến ghi trùng với chính nó.",
                  fix="Ghi Mã ý kiến gốc khác, hoặc để trống Trùng với.")
    for m in f.reg.milestones:
        check(schema.MILESTONES, m, "plan_id", plans, "trang Kế hoạch", "Mã KH")
        check(schema.MILESTONES, m, "opinion_id", opinions, "trang Ý kiến", "Mã ý kiến")
    for t in f.reg.survey:
        check(schema.SURVEY, t, "plan_id", plans, "trang Kế hoạch", "Mã KH")
    for e in f.reg.register:
        check(schema.REGISTER, e, "plan_id", plans, "trang Kế hoạch", "Mã KH")
        check(schema.REGISTER, e, "opinion_id", opinions, "trang Ý kiến", "Mã ý kiến")
