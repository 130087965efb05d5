"""People's names typed with their form of address ("Ông Nguyễn Văn Hùng", "Đ/c Mai").

Documents print the form once and compare people without it (text.honorifics), but the cell is
the clerk's and is never changed: each cell naming a delegate or an official that begins with a
form is pointed out, with where the form belongs (Danh xưng for a delegate; nowhere for the
chair, the signer and Cấu hình's officials, whose documents say their title). A citizen's
Người nêu is not: Ý kiến has no Danh xưng, and the form typed there is how a letter addresses
them.
"""
from __future__ import annotations

from doithoai.registry import personal, schema
from doithoai.registry.problems import make
from doithoai.rules.validation import cells
from doithoai.rules.validation.findings import Findings
from doithoai.text import honorifics, vntext

CODE = "name-with-honorific"
_PLAN_NAMES = ("chair_name", "signer_name")
_SETTING_NAMES = ("chairman", "party_secretary", "contact_officer")
_OFFICIAL = "Chỉ ghi họ tên \"{name}\": văn bản tự ghi chức vụ hoặc \"đồng chí\" trước tên."


def check_names(f: Findings) -> None:
    listed = set(f.list_values("Danh xưng"))
    for i in f.reg.invitees:
        typed, form, name = honorifics.parts(i.full_name)
        if not form:
            continue
        choose = (f"Chọn \"{form}\"" if form in listed else     # a list the commune extends
                  f"Thêm \"{form}\" vào danh sách Danh xưng (trang Danh mục), rồi chọn nó")
        move = (f"Danh xưng đã ghi \"{i.honorific}\": xóa \"{typed}\" ở cột Họ và tên, chỉ ghi "
                f"\"{name}\"." if i.honorific else
                f"{choose} ở cột Danh xưng (dòng {i.row}) và chỉ ghi \"{name}\" ở cột Họ và "
                "tên.")
        f.add(CODE, schema.INVITEES, i.row, "full_name", i.full_name,
              label=schema.INVITEES.column("full_name").header, typed=typed,
              printed=honorifics.addressed(i.honorific, i.full_name),
              fix=move + _surname(typed, form, name))
    for p in f.reg.plans:
        for key in _PLAN_NAMES:
            typed, form, name = honorifics.parts(getattr(p, key))
            if form:
                f.add(CODE, schema.PLANS, p.row, key, getattr(p, key),
                      label=schema.PLANS.column(key).header, typed=typed, printed=name,
                      fix=_OFFICIAL.format(name=name) + _surname(typed, form, name))
    _check_settings(f)


def _check_settings(f: Findings) -> None:
    s, table = f.reg.settings, f.reg.tables.get("settings")
    for key in _SETTING_NAMES:
        value, row, label = getattr(s, key), s.rows.get(key), schema.SETTINGS_BY_KEY[key].label
        typed, form, name = honorifics.parts(value)
        if form:
            f.problems.append(make(
                CODE, schema.CONFIG.name, row=row, column=label, value=value, label=label,
                col=table.columns.get("value") if table and row else None, typed=typed,
                printed=name, fix=_OFFICIAL.format(name=name) + _surname(typed, form, name)))


def _surname(typed: str, form: str, name: str) -> str:
    """Where the form's word may be the person's own (the surname Ông; a given name typed
    without its surname, "Anh Thư"): that the warning is then to be left alone."""
    if form != "Ông" and len(name.split()) > 1:
        return ""
    return (f" Nếu \"{typed}\" là một phần của họ tên (họ Ông, tên Anh Thư…) thì bỏ qua cảnh "
            "báo này.")


# The cells that name a person, where a name typed without accents may be spelled with them on
# another row: (sheet, column key, the rows' attribute).
_PERSON_CELLS = ((schema.OPINIONS, "raised_by", "opinions"),
                 (schema.INVITEES, "full_name", "invitees"))


def check_accented_elsewhere(f: Findings) -> None:
    """A name typed without any accent ("Y Ngong Nie Kdam") that another row of Ý kiến or Đại
    biểu spells with them ("Y Ngông Niê Kdăm"): the first such spelling, where it is. A name
    with "Thi"/"Van" is said by name-without-accents (cells) already. Only the few names typed
    in plain ASCII are read closely; the others are compared by one key each."""
    rows = [(sheet, key, r, getattr(r, key)) for sheet, key, attr in _PERSON_CELLS
            for r in getattr(f.reg, attr) if getattr(r, key)]
    plain = [(sheet, key, r, name) for sheet, key, r, v in rows if _ascii_after_form(v)
             for name in (personal.bare_name(v),)
             if name.isascii() and " " in name and personal.named(v)]
    wanted = {vntext.plain_key(name): None for *_, name in plain if not cells.unaccented(name)}
    if not wanted:
        return                                   # most registries: every name has its accents
    last = {k.rsplit(" ", 1)[-1] for k in wanted}        # a name's last word, read first
    for sheet, key, r, value in rows:
        if not value.isascii() and vntext.unaccent(value[value.rfind(" ") + 1:]) in last and \
                _key_within(vntext.plain_key(value), wanted):
            name = personal.bare_name(value)            # "Ông Nong Thu Trung": no twin
            if not name.isascii() and wanted.get(vntext.plain_key(name), 0) is None:
                wanted[vntext.plain_key(name)] = (name, f"trang {sheet.name}, dòng {r.row},")
    for sheet, key, r, name in plain:
        twin = wanted.get(vntext.plain_key(name))
        if twin:
            f.add("name-accented-elsewhere", sheet, r.row, key, getattr(r, key),
                  accented=twin[0], where=twin[1])


def _ascii_after_form(value: str) -> bool:
    """``value`` is plain ASCII, but for a form of address of one or two words before it
    ("Ông Khuc Xuan Cuong", "Đồng chí …"): a cheap look before the name is read closely."""
    return value.isascii() or value.split(" ", 1)[-1].isascii() or \
        value.split(" ", 2)[-1].isascii()


def _key_within(key: str, wanted: dict) -> bool:
    """``key`` (a name cell's plain key) is one of ``wanted``, or is one after a form of address
    of one or two words ("ong y bih aleo", "dong chi …")."""
    words = key.split(" ", 2)
    return key in wanted or (len(words) > 1 and key.split(" ", 1)[1] in wanted) or \
        (len(words) > 2 and words[2] in wanted)
