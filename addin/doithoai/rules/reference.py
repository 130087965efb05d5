"""The working-day calendar and the default deadline rules as a Markdown reference
(docs/deadlines.md is this output).

Generated from the code, like docs/catalogue.md: the rules are the rows of
:data:`doithoai.registry.schema.DEFAULT_RULES`, the overrides those every new registry ships,
and the worked examples and yearly counts are computed by the calendar itself, so a change of
the engine or of the pinned ``holidays`` package shows up as a changed document (a test
compares it with the committed one), the way the ``holidays`` project keeps snapshots.
"""
from __future__ import annotations

import datetime as dt
from importlib import metadata

from doithoai.registry import parsing, schema
from doithoai.registry.model import Rule
from doithoai.rules.deadlines import compute_due
from doithoai.rules.workcalendar import (LAST_CONFIRMED_YEAR, OFFICIAL_SCHEDULES, OverrideDay,
                                         WorkCalendar, fmt_long)

EXAMPLE_MEETING = dt.date(2026, 6, 12)        # seed 003's conference (Tứ Minh)
YEARS = (2025, 2026, 2027)


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if text not in (None, "") else ""


def default_calendar() -> WorkCalendar:
    """The calendar of a new registry: the package plus the shipped Ngày nghỉ rows."""
    return WorkCalendar(OverrideDay(parsing.parse_date(o["date"]), o["kind"], o["reason"],
                                    o["basis"]) for o in schema.DEFAULT_OVERRIDES)


def deadlines_markdown() -> str:
    cal = default_calendar()
    m = EXAMPLE_MEETING
    lines = [
        "# Working days and deadline rules", "",
        "Generated from `addin/doithoai/registry/schema.py` (default rules and calendar rows) "
        "and `addin/doithoai/rules/workcalendar.py` by `python scripts/update_docs.py`; do not "
        "edit by hand. Every date below is computed by the calendar.", "",
        "## The calendar", "",
        "Layers, the later winning over the earlier:", "",
        "1. Saturday and Sunday are rest days.",
        f"2. Official holidays and announced swaps from the `holidays` package, pinned at "
        f"{metadata.version('holidays')} (country VN; Labour Code 2019, Art. 112, with nghỉ bù "
        "and the Prime Minister's yearly decisions). Its substitute days change between "
        "releases, hence the pin.",
        "3. The registry's **Ngày nghỉ** sheet: `Nghỉ` (an extra day off), `Làm bù` (a weekend "
        "day worked), `Không nghỉ` (cancel a package holiday). It always wins.", "",
        "Schedules checked against the government's notices: "
        + "; ".join(f"{y}: {src}" for y, src in sorted(OFFICIAL_SCHEDULES.items()))
        + f". Years after {LAST_CONFIRMED_YEAR} are the package's guess and are shown as "
        "provisional (dự kiến).", "",
        "| year | working days (new registry) | provisional |", "|---|---|---|"]
    for year in YEARS:
        lines.append(f"| {year} | {cal.working_days_in_year(year)} | "
                     f"{'yes' if cal.is_provisional(year) else ''} |")
    lines += ["", "Rows every new registry ships in Ngày nghỉ (data the clerk may correct):", "",
              "| date | kind | reason | basis |", "|---|---|---|---|"]
    for o in schema.DEFAULT_OVERRIDES:
        lines.append(f"| {o['date']} | {o['kind']} | {_cell(o['reason'])} | {_cell(o['basis'])} |")
    lines += [
        "", "## Counting (Civil Code 2015, Art. 147-148, and the plans' own wording)", "",
        "- \"N ngày làm việc sau X\": the day of X is not counted; N working days forward. "
        f"Conference {fmt_long(m)} + 10 working days = "
        f"{fmt_long(cal.add_working_days(m, 10).date)}; + 15 = "
        f"{fmt_long(cal.add_working_days(m, 15).date)}.",
        "- \"N ngày sau X\" (calendar days): X + N; a non-working day rolls forward to the next "
        f"working day. {fmt_long(m)} + 10 days = {fmt_long(cal.add_days(m, 10).date)}.",
        "- \"chậm nhất N ngày trước X\": X - N; a non-working day rolls back to the previous "
        f"working day. {fmt_long(m)} - 7 days = {fmt_long(cal.days_before(m, 7).date)}.",
        "- Every computed date explains itself (`doithoai due DATE N --explain`): which rule, "
        "which anchor, how many days of which kind, and which holidays or overrides moved it.",
        "", "## Default rules (sheet Quy tắc thời hạn; the clerk may edit, add, disable)", "",
        "A mandatory rule (Bắt buộc) makes a later completion an error citing its basis; the "
        f"others are practice taken from the sample plans, named in a new registry in words "
        f"that name no commune (the last column says where each was read). Example: a "
        f"conference on {fmt_long(m)}.", "",
        "| Mã mốc | Công việc | anchor | direction, days | kind | applies to | mandatory | "
        "basis | example due | read from |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in schema.DEFAULT_RULES:
        example = ""
        if r["anchor"] == "Ngày hội nghị":
            example = compute_due(cal, m, Rule(row=0, **r)).date.strftime("%d/%m/%Y")
        lines.append(
            f"| `{r['code']}` | {_cell(r['task'])} | {_cell(r['anchor'])} | {r['direction']}, "
            f"{r['days']} | {r['day_kind']} | {r['applies_to']} | "
            f"{'yes' if r['mandatory'] == schema.YES else ''} | {_cell(r['legal_basis'])} | "
            f"{example} | {_cell(schema.DEFAULT_RULE_SOURCES[r['code']])} |")
    lines += ["", "Milestone status as of a day (every command takes `--today`): Chưa đến hạn, "
              "Sắp đến hạn (within Cấu hình's threshold, default 3 working days), Quá hạn, Hoàn "
              "thành đúng hạn, Hoàn thành trễ hạn; Còn lại counts working days (negative when "
              "overdue). A plan whose Trạng thái is Đã hủy (its conference will not take place): "
              "each of its steps not done is Không áp dụng, never due nor overdue; a step done "
              "keeps its status, and its citizens' opinions keep their reply deadlines (the "
              "reply rule counts from the conclusion notice, which a cancelled conference never "
              "issues: validation says so, cancelled-plan-replies)."]
    return "\n".join(lines) + "\n"
