"""Checks of one cell at a time: required, lists, text hygiene, Excel errors, ranges."""
from __future__ import annotations

import re
import unicodedata

from doithoai.registry import parsing, personal, schema
from doithoai.rules.validation.findings import Findings
from doithoai.text import encoding, legacy, pasted, vntext

MAX_TEXT = {schema.TEXT: 300, schema.LONGTEXT: 4000, schema.CHOICE: 300}
# A regex class body: the C0 controls but tab, the line ends (\n, \r, and those of
# pasted.LINE_SEPARATORS, which print as line ends: text-line-separator), DEL, the noncharacters.
CONTROL_CHARS = "\x00-\x08\x0e-\x1b\x1f\x7f\ufffe\uffff"
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_FORMULA_START = ("=", "+", "@", "-")
_EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                 "#GETTING_DATA", "#SPILL!", "#CALC!"}
NUMBER_RANGES = {
    ("plans", "expected_delegates"): (1, 5000),
    ("survey", "count"): (0, 100000),
    ("invitees", "seq"): (1, 100000),
    ("rules", "days"): (0, 365),
}


# What text_flaws looks for inside a text, screened in two scans made of the checks' own
# characters: one for the characters any flaw needs (controls, invisible and bidirectional
# ones, the marks every mojibake sign holds, the signs of an old 8-bit table (text/legacy.py),
# the spacing marks, the line ends pasted from chat and Word), one for a vowel pair that may
# carry an old-style tone at a word's end; runs of spaces and spaces by a newline are plain
# substring tests, a text not in NFC is not plain (parsing.plain_texts). (One alternation of
# them all costs half as much again.) A text the documents print on one line
# (Column.one_line) has two flaws more: any line end, and a pictograph; its screen looks for
# those too.
SCREENED = (parsing.INVISIBLE_CHARS + encoding.SIGN_MARKS + legacy.SIGNS
            + parsing.SPACING_MARKS + pasted.LINE_SEPARATORS)
ONE_LINE_SCREENED = "\n"                     # and pasted.PICTOGRAPHS, a class of ranges
_RARE = re.compile(f"[{CONTROL_CHARS}{re.escape(SCREENED)}]")
_RARE_ON_ONE_LINE = re.compile(
    f"[{CONTROL_CHARS}{re.escape(SCREENED + ONE_LINE_SCREENED)}{pasted.PICTOGRAPHS}]")
_OLD_TONE = re.compile("[oOuU][" + vntext.OLD_SECONDS + r"](?![^\W\d_])")
_EDGE = "=+@#-"         # a formula, an Excel error (#N/A) or a list dash at the start


def clean_texts(texts, limit: int, one_line: bool = False) -> set[str]:
    """The texts that certainly have no flaw of any kind and are at most ``limit`` long, each
    screened by a few C-level tests (a registry holds hundreds of thousands of texts; the
    others go through :func:`find_flaws`); ``one_line``: of a column printed on one line."""
    return clean_plain_texts(parsing.plain_texts(texts), limit, one_line)


def clean_plain_texts(plain, limit: int, one_line: bool = False) -> set[str]:
    """:func:`clean_texts` of texts known to be plain (``parsing.plain_texts``: the reader
    found them so, and kept them as they are): what remains to test is what is not spacing."""
    rare, old = (_RARE_ON_ONE_LINE if one_line else _RARE).search, _OLD_TONE.search
    return {t for t in plain
            if len(t) <= limit and t[0] not in _EDGE and not rare(t) and not old(t)}


def text_flaws(text: str, one_line: bool = False) -> list[tuple[str, dict]]:
    """What is wrong with a text cell's value: (code, template fields). ``one_line``: the
    documents print it on one line (schema.Column.one_line: a name, a venue, a setting)."""
    if clean_texts((text,), schema.EXCEL_CELL_LIMIT, one_line):
        return []
    return find_flaws(text, one_line)


def find_flaws(text: str, one_line: bool = False) -> list[tuple[str, dict]]:
    """:func:`text_flaws` without the screening (each check in turn)."""
    flaws = []
    if _CONTROL.search(text):
        flaws.append(("text-control-chars", {"fixed": _CONTROL.sub("", text)[:120]}))
        text = _CONTROL.sub("", text)
    old_table = legacy.recovered(text)      # its "ư" is a soft hyphen: read before the rest
    if old_table is not None:
        return flaws + [("text-legacy-encoding", {"table": old_table[0], "fixed": old_table[1][:120],
                                                  "font": legacy.FONTS[old_table[0]]})]
    pasted_flaws = _pasted(text, one_line)        # before the line ends become newlines
    stripped = text.lstrip()
    if stripped[:1] in _FORMULA_START and not stripped.startswith("- "):
        flaws.append(("text-formula", {"first": stripped[0]}))
    if parsing.has_invisible(text):
        names = sorted({unicodedata.name(ch, hex(ord(ch))).lower()
                        for ch in text if ch in parsing.INVISIBLE_CHARS})
        text = parsing.normalize_text(text)
        flaws.append(("text-invisible", {"fixed": text[:120], "chars": ", ".join(names)}))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        flaws.append(("text-not-nfc", {"fixed": text[:120]}))
    if parsing.has_whitespace_flaw(text.replace("\r\n", "\n")):
        text = parsing.normalize_text(text)
        flaws.append(("text-whitespace", {"fixed": text[:120]}))
    flaws += pasted_flaws
    if encoding.looks_garbled(text):
        flaws.append(("text-mojibake", {"fix": encoding.advice(text)}))
    if vntext.has_old_tones(text):
        flaws.append(("text-tone-style", {"fixed": vntext.normalize_tones(text)[:120]}))
    return flaws


def _pasted(text: str, one_line: bool) -> list[tuple[str, dict]]:
    """What pasting from chat or Word left (text/pasted.py): line ends that Excel does not show
    (a line break in the documents), any line end in a text printed on one line (a space
    there), pictographs in such a text (not printed)."""
    flaws = []
    fixed = parsing.normalize_text(pasted.as_lines(text))
    if one_line and ("\n" in text or "\r" in text or pasted.has_line_separator(text)):
        fixed = pasted.on_one_line(fixed)
        flaws.append(("text-line-break", {"fixed": fixed[:120]}))
    elif pasted.has_line_separator(text):
        found = pasted.line_separators_in(text)
        at = min(text.index(ch) for ch in found)
        before = " ".join(text[:at].split("\n")[-1].split()[-3:])     # its last words
        flaws.append(("text-line-separator", {
            "chars": ", ".join(f"U+{ord(ch):04X}" for ch in found),
            "where": f"ngay sau \"{before}\"" if before else "ở đầu dòng"}))
    if one_line and pasted.has_pictograph(text):
        flaws.append(("text-pictograph", {"chars": " ".join(pasted.pictographs_in(text)),
                                          "fixed": pasted.without_pictographs(fixed)[:120]}))
    return flaws


def check_cells(f: Findings, sheet: schema.Sheet, only: tuple[str, ...] | None = None) -> None:
    """Each cell of the sheet's data rows against its column's rules (``only`` those columns,
    when given). Column by column, and each distinct value judged once: the findings of a
    value are the same in every row that holds it, so only the rows whose value has a finding
    are visited again."""
    table = f.reg.tables.get(sheet.key)
    if table is None or not table.present:
        return
    columns = [c for c in sheet.columns if c.key in table.columns and not c.computed
               and (only is None or c.key in only)]
    numbers = table.row_numbers()
    if not numbers or not columns:
        return
    found = []
    for order, c in enumerate(columns):
        verdicts = _column_verdicts(f, sheet, table, c)
        if verdicts:
            keyed = parsing.cell_keys(table.column(c.key)[0])
            found += [(n, order, c.key, verdicts[k]) for n, k in zip(numbers, keyed)
                      if k in verdicts]
    for row, _, key, verdict in sorted(found, key=lambda x: x[:2]):
        for kind, value, params in verdict:
            f.add(kind, sheet, row, key, value, **params)


def _column_verdicts(f: Findings, sheet: schema.Sheet, table, c) -> dict:
    """The findings of each distinct value of column ``c`` that has some, by the value's key."""
    distinct, typed = table.distinct(c.key)
    choices = Choices(f.list_values(c.lookup) if c.type == schema.CHOICE else [])
    if c.type == schema.CHOICE:
        choices.hint_all(v for v in typed.values() if isinstance(v, str))
    # The texts with no flaw, screened in one batch: a free text among them has nothing to
    # say; a list value still goes to _judge (is it in the list? listed as typed?), its text
    # not read again.
    clean = (set() if c.type not in MAX_TEXT
             else clean_plain_texts(_kept_as_typed(typed), MAX_TEXT[c.type], c.one_line))
    verdicts = {}
    for key, raw in distinct.items():
        screened = raw.__class__ is str and raw in clean
        if screened and c.type != schema.CHOICE:
            if c.person and unaccented(raw):         # the one flaw a clean name can have
                verdicts[key] = [("name-without-accents", raw, {})]
            continue
        verdict = _judge(sheet, c, raw, typed[key], choices, screened)
        if verdict:
            verdicts[key] = verdict
    return verdicts


def _kept_as_typed(typed: dict) -> list[str]:
    """The texts the reader kept as they were typed: plain ones (a text it changed reads as
    another text; a blank one as None)."""
    return [k for k, v in typed.items() if k.__class__ is str and v == k]


class Choices:
    """A column's Danh mục list, prepared once for every value the column holds: its values,
    their comparison keys, and the hint finder for a value not in it."""

    def __init__(self, values: list[str]):
        self.values = values
        self.exact = set(values)
        self.folded = {parsing.fold(v) for v in values}
        self.nearest = vntext.Nearest(values)
        self.hints: dict[str, str | None] = {}

    def __contains__(self, value: str) -> bool:
        return value in self.exact or parsing.fold(value) in self.folded

    def hint_all(self, values) -> None:
        """The hints of every value not in the list, found in one batch (vntext.Nearest)."""
        self.hints = self.nearest.find_many(v for v in values if v not in self)

    def hint(self, value: str) -> str | None:
        return self.hints[value] if value in self.hints else self.nearest.find(value)


def _judge(sheet: schema.Sheet, c: schema.Column, raw, value, choices: Choices,
           screened: bool = False) -> list[tuple]:
    """What is wrong with ``raw`` (read as ``value``) in column ``c``, wherever it stands:
    (code, value shown, template fields). ``choices``: the column's list; ``screened``: the
    text is known to have no flaw (clean_plain_texts)."""
    if parsing.is_blank(raw):
        if c.required:
            return [("required-missing", None, {})]
        if raw:         # only spaces: looks empty, is not (filters, sorting)
            return [("text-whitespace", raw, {"fixed": ""})]
        return []
    if isinstance(raw, str) and raw.strip() in _EXCEL_ERRORS:
        return [("cell-error", raw, {})]
    out = []
    if c.type in MAX_TEXT and not screened:
        out += text_cell(raw, c)
    out += _spelling(raw, value, c)
    if c.type == schema.CHOICE and value is not None:
        if value not in choices:
            near = choices.hint(value)
            hint = (f"Có phải là \"{near}\"? Chọn giá trị trong danh sách."
                    if near else f"Chọn một giá trị trong danh sách {c.lookup} "
                                 "(trang Danh mục).") + _may_add(c.lookup)
            out.append(("not-in-list", raw, {"list": c.lookup, "suggestion": hint}))
    elif c.type == schema.INT and value is not None:
        rng = NUMBER_RANGES.get((sheet.key, c.key))
        if rng and not rng[0] <= value <= rng[1]:
            out.append(("number-out-of-range", value, {"low": rng[0], "high": rng[1]}))
    return out


def _spelling(raw, value, c: schema.Column) -> list[tuple]:
    """A name the reader read in its proper spelling (registry.spelling): say which."""
    if value.__class__ is not str or not (c.type == schema.CHOICE or c.person or c.place
                                           or c.refers):
        return []
    typed = parsing.normalize_text(parsing.to_text(raw))
    bare = [("name-without-accents", typed, {})] if c.person and unaccented(value) else []
    if typed == value:
        return bare
    return [("name-spelling", typed, {"proper": value, "where": _spelled_as(c, typed)})] + bare


def unaccented(name: str) -> bool:
    """A Vietnamese name typed without its accents: every letter plain, and a middle word
    "Thi" or "Van" (always "Thị", "Văn" in a Vietnamese name)."""
    padded = f" {name.casefold()} "
    if " thi " not in padded and " van " not in padded:
        return False                     # most names, at the cost of one look
    words = personal.bare_name(name).split()
    return "".join(words).isascii() and len(words) >= 3 and \
        any(w.casefold() in ("thi", "van") for w in words[1:-1])


def _spelled_as(c: schema.Column, typed: str) -> str:
    if c.type == schema.CHOICE:
        return f"cách viết trong danh sách {c.lookup} ở trang Danh mục"
    if c.refers:
        return "mã như trang " + schema.sheet(c.refers).name + " ghi"
    if c.place == "list":
        return "tên thôn, tổ dân phố như danh sách Thôn, tổ dân phố ở trang Danh mục"
    if c.place:
        return "tên thôn, tổ dân phố như Phạm vi của kế hoạch hoặc trang Danh mục ghi"
    if any(ch in vntext.STRAY_APOSTROPHES for ch in typed):
        return "họ tên viết dấu nháy đơn (') như H'Liên, không dùng dấu ` hay ‘"
    return "họ tên viết hoa chữ cái đầu mỗi tiếng"


def _may_add(lookup: str) -> str:
    """For a list the commune keeps (agencies, fields, villages): that a new value is added
    to it, not typed around it."""
    if schema.lookup(lookup).fixed:
        return ""
    return (f" Nếu đây đúng là một giá trị mới, thêm nó vào danh sách {lookup} ở trang Danh "
            "mục rồi kiểm tra lại.")


def text_cell(raw, c: schema.Column, lengthy: bool = True) -> list[tuple]:
    """The flaws of a text cell (code, value shown, template fields); ``lengthy``: whether to
    say that it is longer than a document can hold (text-too-long)."""
    text = parsing.to_text(raw)
    out = []
    if len(text) >= schema.EXCEL_CELL_LIMIT:      # readers stop at the limit: the rest is lost
        out.append(("cell-over-excel-limit", text[:60] + "…",
                    {"length": len(text), "limit": schema.EXCEL_CELL_LIMIT}))
    out += [(kind, text, params) for kind, params in text_flaws(text, c.one_line)]
    limit = MAX_TEXT.get(c.type)
    if lengthy and limit and len(text) > limit:
        clean = parsing.normalize_text(text)
        if len(clean) > limit:
            out.append(("text-too-long", clean[:60] + "…", {"length": len(clean),
                                                            "limit": limit}))
    return out
