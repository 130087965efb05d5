"""The registry contract as a Markdown reference (docs/registry.md is this output).

Generated from :mod:`.schema` like docs/catalogue.md is from the validation catalogue, so the
documentation cannot drift from the workbook the product writes and reads (a test compares).
"""
from __future__ import annotations

from doithoai.registry import dashboard_layout, schema

ROLES = {
    "data": "rows typed by the clerk",
    "config": "settings and rules, edited by the clerk",
    "lookup": "lists for the dropdowns",
    "product": "written by the product; never typed by hand",
}
TYPES = {
    schema.TEXT: "text", schema.LONGTEXT: "long text", schema.DATE: "date (dd/mm/yyyy)",
    schema.TIME: "time (hh:mm)", schema.INT: "whole number", schema.PHONE: "phone (text)",
    schema.CHOICE: "choice",
}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if text not in (None, "") else ""


def _column_row(c: schema.Column) -> str:
    notes = []
    if c.unique:
        notes.append("key")
    if c.required:
        notes.append("required")
    if c.computed:
        notes.append("computed")
    if c.added:
        notes.append(f"since {c.added}")
    kind = TYPES[c.type] + (f": list *{c.lookup}*" if c.lookup else "")
    return (f"| {_cell(c.header)} | `{c.key}` | {kind} | {', '.join(notes)} | {_cell(c.editor)} "
            f"| {_cell(c.help)} |")


def _sheet(s: schema.Sheet) -> list[str]:
    added = f" (since {s.added})" if s.added else ""
    lines = [f"## {s.name}{added}", "",
             f"Table `{s.table}`, key `{s.key}`: {ROLES[s.role]}. {_cell(s.description)}".rstrip(),
             ""]
    if s.key == "settings":
        lines += ["Two columns, Khóa and Giá trị; one row per setting:", "",
                  "| Khóa | key | type | required | default | hint |", "|---|---|---|---|---|---|"]
        for st in schema.SETTINGS:
            kind = TYPES[st.type] + (f": list *{st.lookup}*" if st.lookup else "")
            lines.append(f"| {_cell(st.label)} | `{st.key}` | {kind} | "
                         f"{'yes' if st.required else ''} | {_cell(st.default)} | {_cell(st.help)} |")
    elif s.key == "lookups":
        lines += ["One column per list. A fixed list holds values the software branches on and "
                  "must not be edited; the others may be extended. A value marked *since* a "
                  "version is missing at the end of an older registry's list: validation "
                  "(list-value-added-later) names the cell to type it into.", "",
                  "| list | key | fixed | values |", "|---|---|---|---|"]
        for lk in schema.LOOKUPS:
            lines.append(f"| {_cell(lk.header)} | `{lk.key}` | {'yes' if lk.fixed else ''} | "
                         f"{_cell(' · '.join(_value(v, lk) for v in lk.values))} |")
    elif s.key == "dashboard":
        lines += [f"Fixed areas (A1 reads \"{dashboard_layout.LAYOUT_MARK}\"); the charts of the "
                  "blank template read them, the Cập nhật Tổng hợp button writes values only.", "",
                  "| area | header row | value rows | columns |", "|---|---|---|---|"]
        for a in dashboard_layout.AREAS:
            lines.append(f"| {_cell(a.title)} | {a.top} | {a.first}-{a.last} | "
                         f"{_cell(' · '.join(a.header))} |")
    if s.columns:
        if lines[-1]:
            lines.append("")
        lines += ["| header | key | type | notes | edited by | input message |",
                  "|---|---|---|---|---|---|"]
        lines += [_column_row(c) for c in s.columns]
    return lines + [""]


def registry_markdown() -> str:
    lines = ["# The registry workbook (contract)", "",
             "Generated from `addin/doithoai/registry/schema.py` by "
             "`python scripts/update_docs.py`; do not edit by hand.", "",
             "One plain `.xlsx` per commune or ward. Sheet names and headers are fixed: other "
             "programs find a column by its header, never by its position. Each data sheet is "
             "one Excel Table with its header in row 1; dates are real dates shown dd/mm/yyyy, "
             "times real times shown hh:mm. Columns may be added; the ones below keep their "
             "names. A column or sheet marked *since 0.2* may be missing from an older "
             "registry, which still opens (validation says how to add it).", "",
             "Sheets, in workbook order: " + ", ".join(s.name for s in schema.SHEETS) + ".", ""]
    for s in schema.SHEETS:
        lines += _sheet(s)
    return "\n".join(lines).rstrip() + "\n"


def _value(value: str, lk: schema.Lookup) -> str:
    since = dict(lk.later).get(value)
    return f"{value} (since {since})" if since else value
