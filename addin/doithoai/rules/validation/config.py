"""Cấu hình and Danh mục: required settings, and the fixed lists the software branches on."""
from __future__ import annotations

from doithoai.registry import parsing, schema
from doithoai.registry.cellref import column_letter
from doithoai.registry.problems import make
from doithoai.rules.validation import cells
from doithoai.rules.validation.findings import Findings
from doithoai.text import vntext


def check_settings(f: Findings) -> None:
    s = f.reg.settings
    table = f.reg.tables.get("settings")
    for st in schema.SETTINGS:
        value = getattr(s, st.key)
        row = s.rows.get(st.key)
        if st.required and value in (None, ""):
            f.problems.append(make("setting-missing", schema.CONFIG.name, row=row,
                                   col=table.columns.get("value") if table and row
                                   else None, column=st.label))
        elif st.type == schema.CHOICE and value is not None:
            allowed = schema.lookup(st.lookup).values
            if value not in allowed:
                near = vntext.nearest(value, list(allowed))
                f.problems.append(make(
                    "not-in-list", schema.CONFIG.name, row=row,
                    col=table.columns.get("value") if row else None, column="Giá trị",
                    value=value, list=st.lookup,
                    suggestion=f"Có phải là \"{near}\"?" if near else
                    "Chọn: " + ", ".join(allowed)))
    _printed_for_plans(f)
    if s.due_soon_days is not None and not 0 <= s.due_soon_days <= 60:
        f.problems.append(make("number-out-of-range", schema.CONFIG.name,
                               row=s.rows.get("due_soon_days"),
                               col=table.columns.get("value"), column="Giá trị",
                               value=s.due_soon_days, low=0, high=60))


def check_setting_texts(f: Findings) -> None:
    """Each text value of Cấu hình screened as a cell of another sheet is (cells.text_cell):
    spaces, invisible characters, tone style, control characters; and, printed on one line
    of the documents' headings, sentences and signatures, line ends and pictographs. The
    advice on length is left out: a setting is not a document's paragraph."""
    table = f.reg.tables.get("settings")
    if table is None or not table.present:
        return
    raw_of = {r.row: r.raw.get("value") for r in table.rows}
    col = table.columns.get("value")
    for st in schema.SETTINGS:
        row = f.reg.settings.rows.get(st.key)
        raw = raw_of.get(row)
        if st.type not in (schema.TEXT, schema.CHOICE) or parsing.is_blank(raw):
            continue
        column = schema.Column(st.label, st.key, st.type, lookup=st.lookup)
        for kind, value, params in cells.text_cell(raw, column, lengthy=False):
            f.problems.append(make(kind, schema.CONFIG.name, row=row, col=col,
                                   column=st.label, value=value, **params))


def check_lookups(f: Findings) -> None:
    table = f.reg.tables.get("lookups")
    if table is None or not table.present:
        return
    for lk in schema.LOOKUPS:
        if lk.pairs and lk.key in table.columns:
            _check_paired(f, table, lk)
        if not lk.pairs and lk.key in table.columns:
            _check_repeated(f, table, lk)
        if not lk.fixed or lk.key not in table.columns:
            continue
        have = f.reg.lookups[lk.key]
        if have != list(lk.values) and not _later_missing(f, table, lk, have):
            missing = [v for v in lk.values if v not in have]
            extra = [v for v in have if v not in lk.values]
            diff = "; ".join(filter(None, [
                ("thiếu " + ", ".join(missing)) if missing else "",
                ("thừa " + ", ".join(extra)) if extra else "",
                "sai thứ tự" if not missing and not extra else ""]))
            f.problems.append(make("lookup-fixed-changed", schema.LOOKUP_SHEET.name,
                                   row=1, col=table.columns[lk.key], column=lk.header,
                                   diff=diff, expected=", ".join(lk.values)))


def _later_missing(f: Findings, table, lk: schema.Lookup, have: list[str]) -> bool:
    """A fixed list as an older version wrote it: every value but those a later version
    appended (Lookup.later), in order. Said as a note naming the empty cell below the list
    where each is to be typed (the list's range counts the column, so its drop-down then
    offers them); nothing is written. Whether it was so."""
    added = dict(lk.later)
    missing = [v for v in lk.values if v not in have]
    if not missing or not set(missing) <= set(added) or \
            have != [v for v in lk.values if v not in missing]:
        return False
    col = table.columns[lk.key]
    below = max((r.row for r in table.rows if r.values.get(lk.key)), default=1) + 1
    typed = ", ".join(f"\"{v}\"" for v in missing)
    f.problems.append(make(
        "list-value-added-later", schema.LOOKUP_SHEET.name, row=below, col=col,
        column=lk.header, values=typed, version=max(added[v] for v in missing),
        typed=typed + (" (mỗi giá trị một ô, từ ô này trở xuống)" if len(missing) > 1 else ""),
        cell=f"{column_letter(col)}{below}", last=have[-1] if have else lk.header))
    return True


def _check_paired(f: Findings, table, lk) -> None:
    """Each value of a paired column (the level beside an agency) is one of its list."""
    choices = list(schema.lookup(lk.choices).values)
    for r in table.rows:
        value = r.values.get(lk.key)
        if value and value not in choices:
            near = vntext.nearest(value, choices)
            f.problems.append(make("not-in-list", schema.LOOKUP_SHEET.name, row=r.row,
                                   col=table.columns[lk.key], column=lk.header, value=value,
                                   list=lk.choices,
                                   suggestion=(f"Sửa thành \"{near}\"." if near else
                                               "Chọn một trong: " + ", ".join(choices) + ".")))


def _check_repeated(f: Findings, table, lk) -> None:
    """Two entries of one list that differ only in case or spacing (the first spelling wins)."""
    first: dict[str, int] = {}
    for r in table.rows:
        value = r.values.get(lk.key)
        if not value:
            continue
        key = parsing.fold(value)
        if key in first:
            f.problems.append(make("list-repeated", schema.LOOKUP_SHEET.name, row=r.row,
                                   col=table.columns[lk.key], column=lk.header, value=value,
                                   first=first[key]))
        else:
            first[key] = r.row


def _printed_for_plans(f: Findings) -> None:
    """A setting the documents of some plans print (Setting.printed_for: the party's heading
    for the Đảng ủy's plans), empty while such a plan exists."""
    s, table = f.reg.settings, f.reg.tables.get("settings")
    for st in schema.SETTINGS:
        if st.printed_for is None or getattr(s, st.key) not in (None, ""):
            continue
        plans = [p.plan_id for p in f.reg.plans if p.issuer == st.printed_for and p.plan_id]
        if plans:
            row = s.rows.get(st.key)
            f.problems.append(make("setting-needed-by-plans", schema.CONFIG.name, row=row,
                                   col=table.columns.get("value") if table and row else None,
                                   column=st.label, issuer=st.printed_for,
                                   plans=", ".join(plans[:5]) + (
                                       f" và {len(plans) - 5} kế hoạch khác"
                                       if len(plans) > 5 else "")))
