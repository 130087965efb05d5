"""New Mã ý kiến for rows the product adds (merged from the Front, carried over): in the plan's
own pattern (YK-2026-037, YK-2026-K2-007), never reusing one the registry holds."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter


class OpinionIds:
    """New Mã ý kiến in the plan's own pattern (YK-2026-037, YK-2026-K2-007), never reused."""

    def __init__(self, reg, today: dt.date):
        self.today = today          # a plan with no meeting day numbers in the caller's year
        self.used = {o.opinion_id for o in reg.opinions if o.opinion_id}
        self.last: dict[str, int] = {}           # prefix → last number given
        self.by_plan: dict[str, Counter] = {}
        for o in reg.opinions:
            m = re.match(r"^(.*?)(\d+)$", o.opinion_id or "")
            if m and o.plan_id:
                self.by_plan.setdefault(o.plan_id, Counter())[(m.group(1), len(m.group(2)))] += 1

    def next(self, plan) -> str:
        patterns = self.by_plan.get(plan.plan_id)
        if patterns:
            prefix, width = patterns.most_common(1)[0][0]
        else:
            year = plan.meeting_date.year if plan.meeting_date else self.today.year
            prefix, width = f"YK-{year}-", 3
        if prefix not in self.last:
            self.last[prefix] = max((int(i[len(prefix):]) for i in self.used
                                     if i.startswith(prefix) and i[len(prefix):].isdigit()),
                                    default=0)
        self.last[prefix] += 1
        new = f"{prefix}{self.last[prefix]:0{width}d}"
        self.used.add(new)
        return new
