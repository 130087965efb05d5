"""One name, one spelling: what a clerk typed in another case, with stray spaces or without the
capitals of a name is read as the name it is (issue 25 §4-§5).

"Phòng kinh tế" and "Phòng Kinh tế" are one office, "thon Ban Chu" is Thôn Bản Chu, "lò văn
tám" is Lò Văn Tám, "kh-2027-01" is KH-2027-01. The reader (files.reader) gives every typed
value of these columns its proper spelling, so documents, file names, groupings and
comparisons see one name; validation reports each cell typed otherwise (name-spelling), so the
clerk can correct it. What is proper:

- a value of a Danh mục list: as the list spells it (the first of two entries that differ only
  in case or spacing);
- a code that refers to another sheet (Mã KH, Mã ý kiến; schema ``refers``): as that sheet
  spells the key;
- a place named in an address (schema ``place``): as the commune's list of villages (Danh mục
  › Thôn, tổ dân phố) or a plan's Phạm vi spells it (text.places);
- a person's name (schema ``person``) typed all in lower or upper case, word by word: each such
  word capitalised ("nguyễn văn AN" → "Nguyễn Văn An"; "H'Hen" stays), when the text reads as
  a name (no digits, not a group such as "Các hộ dân xóm 1").
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from doithoai.registry import parsing, schema
from doithoai.text import honorifics, places, vntext

# Words that open a description of several people or of a body, not a person's name.
_NOT_A_NAME = {"các", "cac", "hộ", "ho", "tập", "tap", "nhóm", "nhom", "cử", "cu", "hội", "hoi",
               "đoàn", "doan", "ban", "chi", "thôn", "thon", "xóm", "xom", "tổ", "to", "khu",
               "nhiều", "nhieu", "một", "mot", "những", "nhung", "người", "nguoi", "con",
               "nhân", "nhan", "công", "cong", "trường", "truong", "đại", "dai", "ủy", "uy",
               "ubnd", "mttq", "hđnd", "hdnd", "phòng", "phong", "trạm", "tram", "hợp", "hop"}
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[" + vntext.APOSTROPHES + r"\-][^\W\d_]+)*$")


# What a clerk types for a citizen who gave no name (the intake asks for "Ẩn danh"): not a
# name: kept as typed, never addressed a letter or a notice, never counted as a person named.
ANONYMOUS = ("ẩn danh", "khuyết danh", "giấu tên", "không tên", "không rõ tên", "không ghi tên")
_ANONYMOUS_KEYS = frozenset(vntext.plain_key(a) for a in ANONYMOUS)


def is_anonymous(name: str | None) -> bool:
    """``name`` says the citizen gave none ("Ẩn danh", "an danh", "(giấu tên)")."""
    low = (name or "").casefold()
    if "danh" not in low and "tên" not in low and "ten" not in low:
        return False                     # every name but a few, at the cost of three looks
    return vntext.plain_key(low.strip("()[] .")) in _ANONYMOUS_KEYS


def person_name(text: str | None) -> str | None:
    """A person's name with its capitals and its apostrophes ("H`Hen", "H‘Liên": "H'Hen",
    "H'Liên"; see the module's docstring); anything that does not read as a name, as it was."""
    if text and ("`" in text or not text.isascii()):
        text = vntext.straight_apostrophes(text)
    if not text or text.istitle() or is_anonymous(text):
        return text                      # every word begins with its capital: as typed
    typed, form, bare = honorifics.parts(text)
    words = (bare if form else text).split(" ")
    if not 1 < len(words) <= 7 or words[0].casefold() in _NOT_A_NAME or \
            words[0].casefold() in honorifics.FORM_WORDS or \
            not all(_NAME_WORD.match(w) for w in words):
        return text
    head = " ".join(typed.split()).lower()
    head = head[:1].upper() + head[1:]
    return " ".join(([head] if head else []) + [_capital(w) for w in words])


def _capital(word: str) -> str:
    if not (word.islower() or word.isupper()):
        return word                      # "H'Hen", "McLaren": as typed
    return re.sub(r"[^" + vntext.APOSTROPHES + r"\-]+",
                  lambda m: m.group()[:1].upper() + m.group()[1:].lower(), word)


def listed(values: Iterable[str]) -> dict[str, str]:
    """A list's spelling of each of its values, keyed by parsing.fold (the first of values
    that differ only in case or spacing wins)."""
    out: dict[str, str] = {}
    for v in values:
        if v:
            out.setdefault(parsing.fold(v), v)
    return out


def as_listed(spellings: dict[str, str]) -> Callable[[object], object]:
    """A value as ``spellings`` (from :func:`listed`) spell it, or as it was."""
    def spell(value):
        if value.__class__ is not str:
            return value
        return spellings.get(parsing.fold(value), value)
    return spell


def known_places(village_list: Iterable[str], scopes: Iterable[str]) -> list[str]:
    """The commune's places in their proper spelling: its list of villages first, then each
    plan's Phạm vi; a place spelled twice (another case, old-style tones) counts once, as first
    spelled."""
    out: dict[str, str] = {}
    for name in list(village_list) + [v for s in scopes for v in split_scope(s)]:
        name = " ".join(name.split())
        if name and not is_whole_unit(name):
            out.setdefault(vntext.identity_key(name), name)
    return list(out.values())


def split_scope(scope: str | None) -> list[str]:
    """The villages of a Phạm vi ("Thôn Bản Chu; Thôn Nà Làng")."""
    return [v.strip() for v in (scope or "").split(";") if v.strip()]


def is_whole_unit(name: str) -> bool:
    """"Toàn xã", "toàn phường": a scope that is the whole commune, not a village."""
    return vntext.plain_key(name).startswith("toan ")


def as_place(finder: places.PlaceFinder) -> Callable[[object], object]:
    """An address with the place it names in its proper spelling."""
    def spell(value):
        if value.__class__ is not str:
            return value
        return finder.proper(value, address=True)
    return spell


def as_person(value):
    return person_name(value) if value.__class__ is str else value


def as_scope(finder: places.PlaceFinder) -> Callable[[object], object]:
    """A Phạm vi with each village as the commune's list spells it."""
    def spell(value):
        if value.__class__ is not str:
            return value
        villages = split_scope(value)
        proper = [finder.proper(v) if finder.place_of(v) and
                  vntext.identity_key(finder.place_of(v)) == vntext.identity_key(v) else v
                  for v in villages]
        return value if proper == villages else "; ".join(proper)
    return spell


def list_values(lookup_header: str, lookups: dict[str, list[str]]) -> list[str]:
    """A Danh mục list's values: the fixed ones as shipped, the others as the registry has
    them."""
    lk = schema.lookup(lookup_header)
    return list(lk.values) if lk.fixed else list(lookups.get(lk.key, lk.values))


def speller(column: schema.Column, lists: dict[str, dict[str, str]],
            keys: dict[str, dict[str, str]], finders) -> Callable | None:
    """How a column's typed values are spelled, or None for a column of free words."""
    if column.type == schema.CHOICE:
        return as_listed(lists[column.lookup])
    if column.refers:
        return as_listed(keys[column.refers])
    if column.place == "address":
        return as_place(finders["address"])
    if column.place == "list":
        return as_scope(finders["list"])
    if column.person:
        return as_person
    return None


def respell(tables: dict, lookups: dict[str, list[str]]) -> None:
    """Every typed value of the data sheets' name columns in its proper spelling (the raw
    values stay as typed, for validation to compare)."""
    lists = {lk.header: listed(list_values(lk.header, lookups)) for lk in schema.LOOKUPS}
    keys = {"plans": listed(_typed(tables.get("plans"), "plan_id")),
            "opinions": listed(_typed(tables.get("opinions"), "opinion_id"))}
    village_list = [v for v in lookups.get("villages", []) if v]
    finders = {"list": places.PlaceFinder(known_places(village_list, [])),
               "address": places.PlaceFinder(known_places(
                   village_list, [s for s in _typed(tables.get("plans"), "scope") if s]))}
    for sheet in schema.SHEETS:
        table = tables.get(sheet.key)
        if sheet.role != "data" or table is None or not table.present:
            continue
        for column in sheet.columns:
            if column.key in table.columns and not column.computed:
                spell = speller(column, lists, keys, finders)
                if spell is not None:
                    respell_column(table, column.key, spell)


def _typed(table, key: str) -> list:
    if table is None or not table.present or key not in table.columns:
        return []
    return [v for v in table.distinct(key)[1].values() if v is not None]


def respell_column(table, key: str, spell: Callable) -> None:
    """Column ``key`` of ``table`` (files.reader's TableData) with its typed values spelled."""
    distinct, typed = table.distinct(key)
    spelled = {k: spell(v) for k, v in typed.items()}
    if all(spelled[k] is typed[k] or spelled[k] == typed[k] for k in typed):
        return
    raw, _ = table.column(key)
    table.by_column[key] = (raw, tuple(map(spelled.__getitem__, parsing.cell_keys(raw))))
    table.by_value[key] = (distinct, spelled)
