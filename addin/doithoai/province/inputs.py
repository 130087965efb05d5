"""What each file sent up is: every input ends in exactly one of used, superseded or set aside,
with its reason in the officer's words.

A monitoring workbook says who sent it in its Nhận dạng sheet (unit, province, as-of date,
format version). Set aside: a file that cannot be opened (damaged, password-protected, another
format), a registry sent by mistake (it holds citizens' names, phones and addresses: nothing is
read from it), a monitoring workbook of an older or newer format, a commune of another province.
Superseded: the same commune sent twice or more; the newest as-of date is used.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from doithoai.files.reader import unreadable_reason
from doithoai.monitoring.workbook import FILE_KIND, FORMAT_VERSION, IDENTITY_SHEET, NAMES_KEY
from doithoai.registry import parsing
from doithoai.text import vntext

USED, SUPERSEDED, SET_ASIDE = "dùng", "thay bằng bản mới hơn", "để riêng"
# The formats read: this one, and the one before (2, made by a commune that has not updated:
# without the answers and resolutions given late, which the roll-up then says it lacks).
READ_VERSIONS = (2, FORMAT_VERSION)
REGISTRY_SHEETS = ("Kế hoạch", "Ý kiến", "Đại biểu", "Cấu hình", "Danh mục")
DATA_SHEETS = ("Theo dõi ý kiến", "Hội nghị", "Kiến nghị cấp trên")      # what the store reads


@dataclass
class Input:
    path: str
    outcome: str = USED
    reason: str = ""
    unit: str = ""
    unit_type: str = ""
    province: str = ""
    as_of: dt.date | None = None
    made: dt.datetime | None = None
    package: object | None = None       # what the package check found (files/package.py)
    hidden_in_name: bool = False     # Đơn vị held invisible characters (removed)
    names_citizens: bool = False     # Nhận dạng: the workbook names the people who raised
    version: int = FORMAT_VERSION    # Nhận dạng › Phiên bản định dạng (one of READ_VERSIONS)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def set_aside(self, reason: str) -> "Input":
        self.outcome, self.reason = SET_ASIDE, reason
        return self

    @property
    def line(self) -> str:
        """One line for the officer: the file, its outcome, why; and, of a file that names
        citizens, that it does (the roll-up keeps no name; the file should not stay)."""
        who = f" ({self.unit}, tính đến {self.as_of:%d/%m/%Y})" if self.unit and self.as_of \
            else ""
        return f"{self.name}{who}: {self.outcome}" + (f" — {self.reason}" if self.reason else "") \
            + (NAMED_FILE if self.names_citizens else "")


def expand(paths) -> list[str]:
    """Files and folders as files: a folder gives its .xlsx files (not its subfolders), in name
    order, without Excel's "~$" lock files."""
    out = []
    for path in paths:
        path = os.fspath(path)
        if os.path.isdir(path):
            out += sorted(os.path.join(path, n) for n in os.listdir(path)
                          if n.lower().endswith(".xlsx") and not n.startswith("~$")
                          and os.path.isfile(os.path.join(path, n)))
        else:
            out.append(path)
    return out


def _date(value) -> dt.date | None:
    try:
        return parsing.parse_date(value)
    except parsing.Unreadable:
        return None


REMAKE = "; đề nghị xã tạo lại tệp bằng nút Báo cáo theo dõi và gửi lại"


class _Unusable(Exception):
    """The file cannot be used: the reason, as the Tệp đầu vào sheet says it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def identify(path: str) -> Input:
    """Open one file and read who sent it (or why it cannot be used)."""
    item = Input(path)
    try:
        book, names = _opened(path)
        ident = _identity(book, names)
        _fill(item, ident)
        item.version = ident["Phiên bản định dạng"]
        item.package = _measured(book, names)
    except _Unusable as exc:
        return item.set_aside(exc.reason)
    return item


def _opened(path: str) -> tuple:
    """The workbook, through the package check (files.workbook_open), and its sheet names."""
    from doithoai.files import package, workbook_open
    if not os.path.isfile(path):
        raise _Unusable(unreadable_reason(path))
    try:
        book = workbook_open.open_book(path)
        return book, tuple(book.sheet_names)
    except package.PackageRefused as exc:
        raise _Unusable(exc.reason + REMAKE) from None
    except (workbook_open.NotAWorkbook, OSError):
        raise _Unusable(unreadable_reason(path)) from None


def _identity(book, names: tuple) -> dict:
    """The Nhận dạng sheet's keys and values, of a monitoring workbook of this format."""
    from doithoai.files import package
    if IDENTITY_SHEET not in names:
        raise _Unusable(_not_a_monitoring_workbook(names))
    try:
        rows = book.grid(IDENTITY_SHEET)
    except package.PackageRefused as exc:
        raise _Unusable(f"trang Nhận dạng không đọc được: {exc.reason}") from None
    ident = {str(r[0]).strip(): r[1] for r in rows[1:] if len(r) >= 2 and r[0]}
    if ident.get("Loại tệp") != FILE_KIND:
        raise _Unusable(f"trang Nhận dạng ghi loại tệp \"{ident.get('Loại tệp')}\", không "
                        "phải báo cáo theo dõi")
    try:
        version = int(float(ident.get("Phiên bản định dạng")))
    except (TypeError, ValueError):
        version = None
    if version not in READ_VERSIONS:
        raise _Unusable(f"định dạng phiên bản {version}, phần mềm này đọc phiên bản "
                        f"{' và '.join(map(str, READ_VERSIONS))}: đề nghị xã tạo lại tệp bằng "
                        "cùng phiên bản doithoai với tỉnh")
    return {**ident, "Phiên bản định dạng": version}


def _not_a_monitoring_workbook(names: tuple) -> str:
    """Why a workbook without Nhận dạng is not read: a registry (never read: it names
    citizens), an old monitoring workbook, or something else."""
    # Even a registry whose sheets were renamed still shows some: never read it.
    if sum(s in names for s in REGISTRY_SHEETS) >= 2:
        return ("đây là sổ theo dõi của xã (có họ tên, số điện thoại, địa chỉ của người dân), "
                "không phải báo cáo theo dõi: không đọc, không chép gì từ tệp này. Đề nghị xã gửi "
                "tệp tạo bằng nút Báo cáo theo dõi (lệnh doithoai monitor) và xóa tệp sổ này.")
    if "Theo dõi ý kiến" in names:
        return ("báo cáo theo dõi dạng cũ, chưa có trang Nhận dạng: đề nghị xã tạo lại bằng "
                "doithoai 0.3 trở lên")
    return "không phải báo cáo theo dõi của doithoai (không có trang Nhận dạng)"


def _fill(item: Input, ident: dict) -> None:
    """Who sent the file, as of when, from Nhận dạng; all three are needed."""
    typed = str(ident.get("Đơn vị") or "")
    item.unit = parsing.normalize_text(typed)        # invisible characters are no name
    item.hidden_in_name = parsing.has_invisible(typed)
    item.unit_type = parsing.normalize_text(str(ident.get("Loại đơn vị") or ""))
    item.province = parsing.normalize_text(str(ident.get("Tỉnh/Thành phố") or ""))
    item.as_of = _date(ident.get("Tính đến ngày"))
    item.names_citizens = str(ident.get(NAMES_KEY) or "").strip() == "Có"
    made = ident.get("Lập lúc")
    item.made = made if isinstance(made, dt.datetime) else None
    missing = [k for k, v in (("Đơn vị", item.unit), ("Tỉnh/Thành phố", item.province),
                              ("Tính đến ngày", item.as_of)) if not v]
    if missing:
        raise _Unusable("trang Nhận dạng thiếu " + ", ".join(missing))


def _measured(book, names: tuple):
    """The data sheets present and within bounds, decided now (so an older copy of the
    commune is used instead); then every sheet measured, to be read without a second check."""
    from doithoai.files import package
    for sheet in DATA_SHEETS:
        if sheet not in names:
            raise _Unusable(f"thiếu trang {sheet}")
        try:
            book.require_within(sheet)
        except package.PackageRefused as exc:
            raise _Unusable(exc.reason + REMAKE) from None
    try:
        return book.package
    except package.PackageRefused as exc:     # a damaged sheet the roll-up does not read
        raise _Unusable(exc.reason + REMAKE) from None


def key(text: str) -> str:
    """A commune's or a province's name as a key, accents kept (vntext.identity_key): "Xã Đông
    Sơn" and "Xã Đồng Sơn" are two communes, never one sent twice. Invisible characters (a
    zero-width space pasted into Cấu hình) are no part of it."""
    return vntext.identity_key(parsing.normalize_text(text or ""))


UNIT_TYPES = ("đặc khu", "thị trấn", "phường", "xã")


def unit_parts(name: str, unit_type: str = "") -> tuple[str, str]:
    """(type, own name) of a commune as a workbook names it: "Xã Đô Lương" → ("xã", "Đô
    Lương"); "Đô Lương" with Loại đơn vị "xã" → the same; with neither, ("", "Đô Lương")."""
    text = " ".join(parsing.normalize_text(name or "").split())
    folded = key(text)
    plain = vntext.plain_key(text) == folded           # typed without any accent
    for t in UNIT_TYPES:
        word = vntext.plain_key(t) if plain else t
        if folded.startswith(word + " "):
            return t, text[len(word) + 1:]
    return key(unit_type), text


ALL_PROVINCES = "Cả nước"
NAMED_FILE = (". Lưu ý: tệp này ghi họ tên người nêu ý kiến (Ghi tên người nêu = Có ở Cấu hình "
              "của sổ); bản tổng hợp của tỉnh không giữ tên nào, nhưng hãy xóa tệp khỏi thư mục "
              "nhận và đề nghị đơn vị gửi bản không ghi tên")
PROVINCE_KINDS = (("thanh", "pho"), ("tinh",), ("tp",), ("tp.",))   # without accents


def province_own(name: str) -> str:
    """A province's own name, its kind word left out ("Tỉnh Quảng Ninh", "tinh Quang Ninh" →
    "Quảng Ninh"/"Quang Ninh"; "TP. Huế", "Thành phố Huế" → "Huế")."""
    words = " ".join(parsing.normalize_text(name or "").split()).split(" ")
    plain = [vntext.plain_key(w) for w in words]
    for kind in PROVINCE_KINDS:
        if tuple(plain[:len(kind)]) == kind and len(words) > len(kind):
            return " ".join(words[len(kind):])
    return " ".join(words)


def _one_province_spelling(items: list[Input]) -> None:
    """Inputs naming one province with and without its kind word, or without accents ("Quảng
    Ninh", "Tinh Quang Ninh" beside "Tỉnh Quảng Ninh", as each commune typed Cấu hình) take one
    spelling: the most common of those with their accents and kind word. A name without
    accents that reads as two provinces keeps its own (it is set aside later, _communes)."""
    keys, _ = _canonical([province_own(i.province) for i in items])
    forms: dict[str, list[str]] = {}
    for i in items:
        own = province_own(i.province)
        if own in keys:
            forms.setdefault(keys[own], []).append(i.province)
    for i in items:
        own = province_own(i.province)
        if own not in keys:
            continue
        spelt = forms[keys[own]]
        best = [p for p in spelt if key(province_own(p)) != key(p)
                and key(p) != vntext.plain_key(p)] or spelt
        i.province = max(best, key=best.count)


def _communes(items: list[Input]) -> dict[str, list[Input]]:
    """The inputs grouped by commune (province, then unit), names compared with their accents:
    "Xã Đông Sơn" and "Xã Đồng Sơn" are two communes. A name typed without accents in one
    workbook ("Xa Dong Son") joins the one name it reads as; if it reads as two, the input is
    set aside (under either it could be wrong, apart it would count a commune twice)."""
    groups: dict[str, list[Input]] = {}
    provinces, unclear = _canonical([i.province for i in items])
    by_province: dict[str, list[Input]] = {}
    for i in items:
        if i.province in unclear:
            i.set_aside(_unclear(i.province, unclear[i.province]))
        else:
            by_province.setdefault(provinces[i.province], []).append(i)
    for province, members in by_province.items():
        parts = {i.path: unit_parts(i.unit, i.unit_type) for i in members}
        units, unclear = _canonical([own for _, own in parts.values()])
        types: dict[str, set[str]] = {}
        for kind, own in parts.values():
            if own not in unclear and kind:
                types.setdefault(units[own], set()).add(kind)
        for i in members:
            kind, own = parts[i.path]
            if own in unclear:
                could_be = [f"{kind} {n}".strip() for n in unclear[own]]
                i.set_aside(_unclear(i.unit, [n[:1].upper() + n[1:] for n in could_be]))
                continue
            known = types.get(units[own], set())
            kind = kind or (next(iter(known)) if len(known) == 1 else "")
            groups.setdefault(f"{province}|{kind}|{units[own]}", []).append(i)
    for group_key, group in groups.items():
        _say_joined(group)
        _with_its_type(group, group_key.split("|")[1])
    return groups


def _with_its_type(group: list[Input], kind: str) -> None:
    """A commune named without its type ("Tân Lập", "Cô Tô", Loại đơn vị apart) is shown with
    it, as every document names it ("Phường Tân Lập", "Đặc khu Cô Tô"): a xã and a phường of
    one name are then two rows a reader can tell apart."""
    for i in group:
        if kind and not unit_parts(i.unit)[0]:
            i.unit = f"{kind[:1].upper()}{kind[1:]} {i.unit}"


def _say_joined(group: list[Input]) -> None:
    """Inputs of one commune named in more than one way: each says under which name it was
    counted ("Đô Lương" and "Xã Đô Lương" are one commune, counted once)."""
    names = sorted({i.unit for i in group}, key=lambda n: (-len(key(n)), n))
    proper = names[0]
    for i in group:
        if i.unit != proper or i.hidden_in_name:
            extra = " (có ký tự ẩn, đã bỏ)" if i.hidden_in_name else ""
            i.reason = "; ".join(r for r in (i.reason, f"tên \"{i.unit}\"{extra} được hiểu là "
                                                        f"{proper}, cùng một đơn vị") if r)


def _canonical(names: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(each name → its key, the names that read as several): the key is the name's own
    (accents kept), or for a name typed without accents, the key of the one accented name
    among ``names`` that reads as it does."""
    accented: dict[str, dict[str, str]] = {}           # plain key → identity key → a name
    for n in names:
        own, plain = key(n), vntext.plain_key(n)
        if own != plain:
            accented.setdefault(plain, {}).setdefault(own, n)
    keys, unclear = {}, {}
    for n in names:
        own, plain = key(n), vntext.plain_key(n)
        found = accented.get(plain, {}) if own == plain else {}
        if len(found) > 1:
            unclear[n] = sorted(found.values())
        else:
            keys[n] = next(iter(found)) if found else own
    return keys, unclear


def _supersede(older: Input, used: Input) -> None:
    """``older`` not counted: the commune's workbook used is ``used`` (the newest by its date,
    then by when it was made); one made at the same moment is the same report sent twice."""
    older.outcome = SUPERSEDED
    same = (older.as_of, older.made) == (used.as_of, used.made) and used.made is not None
    said = (f"cùng một báo cáo với {used.name} (gửi hai lần): tính một lần" if same else
            f"đã dùng bản mới hơn {used.name} (tính đến {used.as_of:%d/%m/%Y})")
    older.reason = "; ".join(r for r in (said, older.reason) if r)


def _unclear(name: str, could_be: list[str]) -> str:
    return (f"tên \"{name}\" gõ không dấu, có thể là {' hoặc '.join(could_be)}: gõ lại tên có "
            "dấu ở trang Cấu hình của sổ rồi tạo lại báo cáo theo dõi")


def decide(items: list[Input], province: str | None = None,
           all_provinces: bool = False) -> tuple[list[Input], str]:
    """Each identified input's outcome; returns them and the province rolled up (given, else the
    one most inputs name; with ``all_provinces``, every province: the country's view)."""
    ok = [i for i in items if i.outcome == USED]
    _one_province_spelling(ok)
    if all_provinces:
        province = ALL_PROVINCES
    elif not province:
        counts: dict[str, list[Input]] = {}
        for i in ok:
            counts.setdefault(key(i.province), []).append(i)
        province = max(counts.values(), key=len)[0].province if counts else ""
    for i in ok:
        if not all_provinces and not vntext.same_name(province_own(i.province),
                                                      province_own(province)):
            i.set_aside(f"đơn vị thuộc {i.province}, không thuộc {province}: nếu đúng là đơn "
                        "vị của tỉnh này, đề nghị đơn vị sửa Tỉnh/Thành phố ở trang Cấu hình "
                        "của sổ rồi gửi lại báo cáo theo dõi")
    for group in _communes([i for i in ok if i.outcome == USED]).values():
        newest = max(group, key=lambda i: (i.as_of, i.made or dt.datetime.min, i.name))
        for i in group:
            if i is not newest:
                _supersede(i, newest)
    return items, province
