"""Checks of one cell at a time: required, lists, text hygiene, Excel errors, ranges."""
from __future__ import annotations

import re
import unicodedata

from doithoai.registry import parsing, schema
from doithoai.rules.validation.findings import Findings
from doithoai.text import encoding, vntext

MIN_YEAR, MAX_YEAR = 2000, 2100
EXCEL_CELL_LIMIT = 32767        # characters Excel holds in one cell; more is cut or refused
MAX_TEXT = {schema.TEXT: 300, schema.LONGTEXT: 4000, schema.CHOICE: 300}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "@", "-")
_EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                 "#GETTING_DATA", "#SPILL!", "#CALC!"}
NUMBER_RANGES = {
    ("plans", "expected_delegates"): (1, 5000),
    ("invitees", "seq"): (1, 100000),
    ("rules", "days"): (0, 365),
}


def text_flaws(text: str) -> list[tuple[str, dict]]:
    """What is wrong with a text cell's value, whatever its column: (code, template fields)."""
    flaws = []
    if _CONTROL.search(text):
        flaws.append(("text-control-chars", {"fixed": _CONTROL.sub("", text)[:120]}))
        text = _CONTROL.sub("", text)
    stripped = text.lstrip()
    if stripped[:1] in _FORMULA_START and not stripped.startswith("- "):
        flaws.append(("text-formula", {"first": stripped[0]}))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        flaws.append(("text-not-nfc", {"fixed": text[:120]}))
    if parsing.WHITESPACE_FLAW.search(text.replace("\r\n", "\n")):
        text = parsing.normalize_text(text)
        flaws.append(("text-whitespace", {"fixed": text[:120]}))
    if encoding.looks_garbled(text):
        flaws.append(("text-mojibake", {"fix": encoding.advice(text)}))
    if vntext.has_old_tones(text):
        flaws.append(("text-tone-style", {"fixed": vntext.normalize_tones(text)[:120]}))
    return flaws


def check_cells(f: Findings, sheet: schema.Sheet) -> None:
    table = f.reg.tables.get(sheet.key)
    if table is None or not table.present:
        return
    lists = {c.key: f.list_values(c.lookup) for c in sheet.columns if c.type == schema.CHOICE}
    folded = {k: {parsing.fold(v): v for v in vals} for k, vals in lists.items()}
    columns = [c for c in sheet.columns if c.key in table.columns and not c.computed]
    for r in table.rows:
        for c in columns:
            raw = r.raw.get(c.key)
            value = r.values.get(c.key)
            if parsing.is_blank(raw):
                if c.required:
                    f.add("required-missing", sheet, r.row, c.key)
                elif raw:       # only spaces: looks empty, is not (filters, sorting)
                    f.add("text-whitespace", sheet, r.row, c.key, raw, fixed="")
                continue
            if isinstance(raw, str) and raw.strip() in _EXCEL_ERRORS:
                f.add("cell-error", sheet, r.row, c.key, raw)
                continue
            if c.type in (schema.TEXT, schema.LONGTEXT, schema.CHOICE):
                _text(f, sheet, r.row, c, raw)
            if c.type == schema.CHOICE and value is not None:
                if value not in lists[c.key] and parsing.fold(value) not in folded[c.key]:
                    near = vntext.nearest(value, lists[c.key])
                    hint = (f"Có phải là \"{near}\"? Chọn giá trị trong danh sách."
                            if near else f"Chọn một giá trị trong danh sách {c.lookup} "
                                         "(trang Danh mục).")
                    f.add("not-in-list", sheet, r.row, c.key, raw, list=c.lookup,
                          suggestion=hint)
            elif c.type == schema.INT and value is not None:
                rng = NUMBER_RANGES.get((sheet.key, c.key))
                if rng and not rng[0] <= value <= rng[1]:
                    f.add("number-out-of-range", sheet, r.row, c.key, value,
                          low=rng[0], high=rng[1])


def _text(f: Findings, sheet, row, c, raw) -> None:
    text = parsing.to_text(raw)
    flaws = f.flaws.get(text)
    if flaws is None:
        flaws = f.flaws[text] = text_flaws(text)
    limit = MAX_TEXT.get(c.type)
    if len(text) >= EXCEL_CELL_LIMIT:      # readers stop at the limit: the rest is lost
        f.add("cell-over-excel-limit", sheet, row, c.key, text[:60] + "…", length=len(text),
              limit=EXCEL_CELL_LIMIT)
    for kind, params in flaws:
        f.add(kind, sheet, row, c.key, text, **params)
    if limit and len(text) > limit:
        clean = parsing.normalize_text(text)
        if len(clean) > limit:
            f.add("text-too-long", sheet, row, c.key, clean[:60] + "…",
                  length=len(clean), limit=limit)
