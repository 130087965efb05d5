"""Follow-up for the party office and the Front: where every opinion stands.

- :mod:`.chain` (pure core): each opinion's chain (raised → assigned → answered at the meeting
  or in the conclusion notice → written reply → resolved → citizen's satisfaction), its stage,
  due dates and lateness, and the summary tables, without personal data;
- :mod:`.workbook` (file shell): the separate, read-only monitoring workbook with native charts;
- :mod:`.dashboard` (pure core): the values of the registry's Tổng hợp sheet, whose charts are
  defined once in the blank template over fixed areas (the layout is part of the registry
  contract) and whose values the button writes in bulk;
- carrying unresolved opinions of earlier plans into a new one lives in :mod:`.carryover`.

"Answered", "resolved" and "citizen satisfied" are kept apart, each counted from its own column
(Trả lời tại hội nghị / Số, Ngày trả lời; Ngày giải quyết xong; Hài lòng), so a report can
never say "100% answered" for "100% satisfied".

May import: the core (registry, text, rules) and the file shell; never sharing, documents or
Excel (pyproject.toml's import contracts).
"""
