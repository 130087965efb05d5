"""Citizens' personal data in the registry (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).

Pure core: where the registry holds names, addresses and phone numbers (:func:`census`); the
record kept in Nhật ký each time personal data leaves it (:class:`Release`); every row that
names one person, for answering that person's request (:func:`mentions`); and the contacts
of citizens whose opinions were settled longer ago than the commune keeps them
(:func:`forget_contacts`).

One person is one name read as :mod:`doithoai.registry.spelling` reads it (a leading
honorific aside: "Bà Phạm Thị Lan" is Phạm Thị Lan) and compared as
:func:`doithoai.text.vntext.same_name` compares names (case, spacing, tone placement; a name
typed without accents is the accented one it reads as), in the village their address names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from doithoai.registry import parsing, repeats, schema, spelling
from doithoai.registry.changes import Block, Changes, append_layout
from doithoai.text import honorifics, pasted, places, privacy, vntext

YES, NO = schema.YES, schema.NO
_WORD = re.compile(r"[^\W_]+")


def personal_columns(sheet: schema.Sheet) -> list[schema.Column]:
    """The columns of ``sheet`` that hold a person's name, address or phone number."""
    return [c for c in sheet.columns if c.person or c.personal or c.place == "address"
            or c.type == schema.PHONE]


def bare_name(name: str | None) -> str:
    """A name without its leading form of address ("Ông Lò Văn Tám", "ong Lo Van Tam", "Đ/c
    Tám" → the name), as text.honorifics reads it, nor the emoji or symbols pasted with it
    ("Anh Hoàng Văn Nam 😊", "Nam :)" → the name)."""
    words = [w for w in pasted.without_pictographs(name or "").split()
             if any(ch.isalnum() for ch in w)]
    return honorifics.bare(" ".join(words))


def named(name: str | None) -> bool:
    """``name`` names someone: not blank, not "Ẩn danh", "Giấu tên"… (spelling.is_anonymous)."""
    bare = bare_name(name)
    return bool(bare) and not spelling.is_anonymous(bare)


def same_person(a: str | None, b: str | None) -> bool:
    return same_bare(bare_name(a), bare_name(b))


def same_bare(a: str, b: str) -> bool:
    """:func:`same_person` of two names already read by :func:`bare_name` (a list compared
    with one name reads each of its names once)."""
    return bool(a) and vntext.same_name(a, b)


# --- the record of personal data leaving the registry ---------------------------------------

@dataclass(frozen=True)
class Release:
    """One time personal data left the registry: what was made, for whom, how many people it
    names, and whether it travels encrypted. A Nhật ký row (its three 0.4 columns and a
    sentence in Kết quả)."""

    what: str
    recipient: str
    persons: int
    encrypted: bool

    def summary(self) -> str:
        return (f"Dữ liệu cá nhân ra khỏi sổ: {self.what}; gửi {self.recipient}; nêu tên "
                f"{self.persons} người; {'có' if self.encrypted else 'không có'} mật khẩu.")

    def fields(self) -> dict:
        return {"recipient": self.recipient, "persons": self.persons,
                "encrypted": YES if self.encrypted else NO}


def people(reg, changes=None) -> set[tuple[str, str]]:
    """Everyone the registry names as a citizen or a delegate: (name, village) keys; with
    ``changes`` (registry.changes.Changes), also those the rows they append name (a copy of the
    registry written with them names them too)."""
    named_rows = [(o.raised_by, o.address) for o in reg.opinions] + \
        [(p.raised_by, p.address) for p in reg.pending] + \
        [(i.full_name, i.address) for i in reg.invitees] + _appended(reg, changes)
    return set(person_keys([n for n in named_rows if named(n[0])], village_finder(reg)))


_NAMED_IN = ((schema.OPINIONS, "raised_by"), (schema.PENDING, "raised_by"),
             (schema.INVITEES, "full_name"))


def _appended(reg, changes) -> list[tuple]:
    """(name, address) of each row that ``changes`` append below a sheet of people."""
    out = []
    for sheet, key in _NAMED_IN if changes is not None else ():
        cols, last = append_layout(reg, sheet)
        for block in changes.blocks:
            if block.sheet == sheet.name and block.col == 0 and block.row > last:
                out += [(_cell(row, cols.get(key)), _cell(row, cols.get("address")))
                        for row in block.values]
    return out


def _cell(row: list, col: int | None):
    """The value at ``col`` of an appended row (None past its end or where the column is not)."""
    return row[col] if col is not None and col < len(row) else None


def person_keys(named: list[tuple], finder) -> list[tuple[str, str]]:
    """One key per (name, address): the same for the same person, as same_name reads names
    (case, spacing, tone placement) in the village the address names; a name typed without
    accents is the one accented name of that village it reads as, when there is one."""
    keyed = [(vntext.name_keys(bare_name(n)), finder.place_of(a) or "") for n, a in named]
    accented: dict[tuple, set] = {}
    for (identity, plain), village in keyed:
        if identity != plain:
            accented.setdefault((plain, village), set()).add(identity)
    out = []
    for (identity, plain), village in keyed:
        match = accented.get((plain, village), ())
        out.append((next(iter(match)) if identity == plain and len(match) == 1 else identity,
                    village))
    return out


def copy_release(reg, encrypted: bool, why: str, changes) -> Release:
    """A new copy of the whole registry: everyone it names leaves with it, those the rows it
    adds (``changes``) name included."""
    return Release(f"bản sao của sổ ({why})", "Văn phòng (bản sao dùng làm sổ từ nay)",
                   len(people(reg, changes)), encrypted)


def village_finder(reg) -> places.PlaceFinder:
    return places.PlaceFinder(spelling.known_places(reg.lookups.get("villages", []),
                                                    [p.scope for p in reg.plans]))


# --- what the registry holds ------------------------------------------------------------------

@dataclass
class Census:
    columns: list[tuple[str, str, int]] = field(default_factory=list)  # sheet, header, filled
    citizens: int = 0                    # named people who raised an opinion
    anonymous: int = 0                   # opinions whose citizen gave no name: one person each
    with_phone: int = 0                  # of both
    with_address: int = 0
    delegates: int = 0
    delegates_with_phone: int = 0
    pending: int = 0
    contents_with_identifiers: int = 0   # opinions whose own words hold a number of a person
    misplaced: int = 0                   # name and address cells holding such a number


def census(reg) -> Census:
    """The personal columns and how many cells of each are filled; how many citizens (people
    who raised an opinion), how many of them left a phone number or an address; delegates."""
    out = Census()
    for sheet in schema.SHEETS:
        table = reg.tables.get(sheet.key)
        if table is None or not table.present:
            continue
        for col in personal_columns(sheet):
            if col.key in table.columns:
                raws, _ = table.column(col.key)
                out.columns.append((sheet.name, col.header,
                                    sum(1 for v in raws if str(v or "").strip())))
    finder = village_finder(reg)
    citizens = by_person([(o.raised_by, o.address, o) for o in reg.opinions], finder)
    out.citizens = sum(1 for key in citizens if key[0] != ANONYMOUS)
    out.anonymous = len(citizens) - out.citizens
    out.with_phone = sum(any(o.phone for o in rows) for rows in citizens.values())
    out.with_address = sum(any(o.address for o in rows) for rows in citizens.values())
    delegates = by_person([(i.full_name, i.address, i) for i in reg.invitees], finder)
    out.delegates = len(delegates)
    out.delegates_with_phone = sum(any(i.phone for i in rows) for rows in delegates.values())
    out.pending = len(reg.pending)
    out.contents_with_identifiers = sum(1 for o in reg.opinions if _identifiers_in(o.content))
    out.misplaced = len(misplaced_numbers(reg))
    return out


# The kinds a name or an address should never hold: a phone has its own column, the others no
# place in the registry's cells (a house number belongs in an address).
MISPLACED = ("phone", "identity", "tax", "bank", "email")
# What every kind of MISPLACED needs: a run of seven digits or more (a passport's) in groups
# joined by a few signs, spaces or invisible characters, as text.privacy reads them ("(0225) 3
# 845 678", "0912–345–678"), or an e-mail's "@" ("(at)" written out). "Số 107 ngõ 10, thôn
# B107" is not read further.
_MAY_HOLD = re.compile(r"\d(?:\W{0,3}\d){6}|@|[(\[](?i:at)[)\]]")
_NAMED_ROWS = (("plans", schema.PLANS), ("invitees", schema.INVITEES),
               ("opinions", schema.OPINIONS))


def name_and_address_columns(sheet: schema.Sheet) -> list[schema.Column]:
    """The short cells of ``sheet`` that name or place a person."""
    return [c for c in sheet.columns if c.person or c.place == "address"]


def misplaced_numbers(reg) -> list[tuple[schema.Sheet, object, str, list[str]]]:
    """Each name or address cell holding a number of :data:`MISPLACED`: (sheet, the row's
    object, the column's key, the kinds). A text the quick look (:data:`_MAY_HOLD`) passes over
    holds none and is not read."""
    out = []
    for attr, sheet in _NAMED_ROWS:
        keys = [c.key for c in name_and_address_columns(sheet)]
        for key in keys:
            for obj in getattr(reg, attr):
                text = getattr(obj, key)
                if not text or not isinstance(text, str) or not _MAY_HOLD.search(text):
                    continue
                kinds = [k for k in privacy.kinds_in(text) if k in MISPLACED]
                if kinds:
                    out.append((sheet, obj, key, kinds))
    return out


def _identifiers_in(text: str | None) -> str:
    """The identifiers a text holds, in words ("số điện thoại, số nhà"), or ""."""
    return ", ".join(privacy.KIND_WORDS[k] for k in privacy.kinds_in(text))


def by_person(rows: list[tuple], finder) -> dict[tuple, list]:
    """(name, address, row) triples grouped by person (:func:`person_keys`); a blank name left
    out, and each row of a citizen who gave no name ("Giấu tên") a person of its own, keyed
    ``(ANONYMOUS, n)``: two such rows may be anyone."""
    given = [r for r in rows if named(r[0])]
    out: dict[tuple, list] = {}
    for key, (_, _, row) in zip(person_keys([r[:2] for r in given], finder), given):
        out.setdefault(key, []).append(row)
    unnamed = [r for r in rows if bare_name(r[0]) and not named(r[0])]
    for n, (_, _, row) in enumerate(unnamed):
        out[(ANONYMOUS, n)] = [row]
    return out


ANONYMOUS = ""          # the identity key of by_person's unnamed citizens (no name has it)


def released(reg) -> list[dict]:
    """The Nhật ký rows that record personal data leaving the registry, oldest first."""
    table = reg.tables.get("log")
    if table is None or "persons" not in table.columns:
        return []
    return [dict(r.values) for r in table.rows
            if r.values.get("recipient") or r.values.get("persons") is not None]


# --- one person's rows --------------------------------------------------------------------------

@dataclass
class Mention:
    sheet: str
    row: int
    column: str                      # the header of the cell that names the person
    value: str
    key: str                         # the row's code (Mã ý kiến, Mã KH...) when it has one
    personal: list[tuple[str, str]]  # the row's personal cells: (header, value)


def names_in(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` (its words in a row, compared as same_name compares)."""
    want = _WORD.findall(bare_name(name))
    plain_want = [vntext.plain_key(w) for w in want]
    if not want or plain_want[-1] not in vntext.plain_key(text).casefold():
        return False                    # the given name is nowhere: no need to read word by word
    words = _WORD.findall(text)
    accented = [vntext.identity_key(w) for w in want] != plain_want
    for i in range(len(words) - len(want) + 1):
        run = words[i:i + len(want)]
        if [vntext.plain_key(w) for w in run] != plain_want:
            continue
        keys = [vntext.identity_key(w) for w in run]
        if not accented or keys == [vntext.plain_key(w) for w in run] or \
                keys == [vntext.identity_key(w) for w in want]:
            return True
    return False


def mentions(reg, name: str) -> list[Mention]:
    """Every row of every sheet that names ``name``: in a name column, the whole cell is that
    person; in any other text (an opinion's content, a register's subject, a file name), the
    name's words in a row. Each distinct value is judged once. Mật khẩu phiếu is not searched
    (it names no one)."""
    out = []
    for sheet in schema.SHEETS:
        table = reg.tables.get(sheet.key)
        if sheet.key == "intake_keys" or table is None or not table.present:
            continue
        names = {c.key for c in sheet.columns if c.person or c.personal and c.type != schema.PHONE}
        personal = [c for c in personal_columns(sheet) if c.key in table.columns]
        code = next((c.key for c in sheet.columns if c.unique), None)
        rows = {r.row: r for r in table.rows}
        for key in table.columns:
            raws, _ = table.column(key)
            keyed = parsing.cell_keys(raws)
            hit = {k: (same_person(str(v), name) if key in names else names_in(str(v), name))
                   for k, v in dict(zip(keyed, raws)).items() if v is not None and str(v).strip()}
            for n, k, value in zip(table.row_numbers(), keyed, raws):
                if not hit.get(k):
                    continue
                row = rows[n]
                if key not in names:        # named in someone else's words: those words,
                    out.append(Mention(sheet.name, n, sheet.column(key).header,  # others hidden
                                       _shown_to(name, str(value)),
                                       str(row.raw.get(code) or "") if code else "", []))
                    continue
                held = [(c.header, _held(c, row)) for c in personal
                        if row.raw.get(c.key) not in (None, "")]
                inside = _identifiers_in(row.raw.get("content")) if sheet is schema.OPINIONS \
                    else ""
                if inside:          # a phone typed into the opinion's own words is held too
                    held.append(("Trong nội dung có", inside))
                out.append(Mention(sheet.name, n, sheet.column(key).header, str(value),
                                   str(row.raw.get(code) or "") if code else "", held))
    return sorted(out, key=lambda m: ([s.name for s in schema.SHEETS].index(m.sheet), m.row))


def _held(column: schema.Column, row) -> str:
    """A cell a person is told the registry holds, as the registry reads it: a phone number
    with the 0 Excel drops from a number put back ("912000111.0" is "0912 000 111")."""
    raw = row.raw.get(column.key)
    if column.type == schema.PHONE:
        try:
            return parsing.format_phone(parsing.parse_phone(raw))
        except parsing.Unreadable:
            pass
    return parsing.to_text(raw)


def _shown_to(name: str, text: str) -> str:
    """Another person's words that name ``name``, as that person may be shown them: every
    identifier masked (the writer's phone, house, other people's names), ``name`` itself
    kept."""
    return privacy.mask(text, spared=lambda found: same_person(found, name)) or ""


# --- forgetting contacts --------------------------------------------------------------------------

def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class Forgotten:
    rows: list[tuple[int, str, str | None]] = field(default_factory=list)  # row, name, village
    people: int = 0
    waiting: int = 0          # people whose opinions are settled, the period not yet over
    open: int = 0             # people with an opinion not yet settled (settled_on)
    bare: int = 0             # people past the period whose rows hold no phone nor house
    unplaced: list[int] = field(default_factory=list)   # rows whose address names no village
    # (row, what) of the rows whose Nội dung holds an identifier ("thư điện tử, số nhà")
    in_words: list[tuple[int, str]] = field(default_factory=list)


def settled_on(reg) -> dict[int, dt.date]:
    """Each opinion row (Excel row) → the day it was settled (:func:`repeats.settled`): its
    Ngày giải quyết xong, or the conference's day for one answered there and left so; a
    repeat (Trùng với), as its original. Rows not settled are absent, and so are those marked
    "Đã giải quyết" with no day: the time kept is counted from a day."""
    # a cancelled conference answered no one: its day settles nothing
    meeting = {p.plan_id: p.meeting_date for p in reg.plans if p.plan_id and not p.cancelled}
    by_id = {o.opinion_id: o for o in reg.opinions if o.opinion_id}
    out = {}
    for o in reg.opinions:
        first = repeats.first_of(o, by_id) or o
        if not repeats.settled(first):
            continue
        there = first.status == schema.SETTLED_AT_MEETING
        day = first.resolved_date or (meeting.get(first.plan_id) if there else None)
        if day:
            out[o.row] = day
    return out


def forget_contacts(reg, today: dt.date) -> tuple[Changes, Forgotten]:
    """Changes that clear the phone numbers and house addresses (the village stays: the
    address becomes the village it names) of every citizen all of whose opinions were settled
    (:func:`settled_on`) more than Cấu hình › Thời hạn giữ số điện thoại, địa chỉ months ago.
    Names and opinions stay: they are the conference's public record (a number a citizen
    wrote into their own words is named, ``in_words``, not rewritten)."""
    months = reg.settings.contact_months
    finder = village_finder(reg)
    table = reg.tables["opinions"]
    out, ch = Forgotten(), Changes()
    settled = settled_on(reg)
    for rows in by_person([(o.raised_by, o.address, o) for o in reg.opinions], finder).values():
        days = [settled.get(o.row) for o in rows]
        if not all(days):
            out.open += 1
            continue
        if add_months(max(days), months) > today:
            out.waiting += 1
            continue
        touched = False
        for o in rows:
            village = finder.place_of(o.address)
            if not o.phone and (o.address or None) == village:
                continue
            touched = True
            out.rows.append((o.row, o.raised_by, village))
            if held := _identifiers_in(o.content):
                out.in_words.append((o.row, held))
            if o.address and village is None:
                out.unplaced.append(o.row)
            for key, value in (("phone", None), ("address", village)):
                if key in table.columns:
                    ch.blocks.append(Block(schema.OPINIONS.name, o.row, table.columns[key],
                                           ((value,),)))
        out.people, out.bare = out.people + touched, out.bare + (not touched)
    return ch, out
