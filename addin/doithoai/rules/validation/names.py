"""People's names typed with their form of address ("Ông Nguyễn Văn Hùng", "Đ/c Mai").

Documents print the form once and compare people without it (text.honorifics), but the cell is
the clerk's and is never changed: each cell naming a delegate or an official that begins with a
form is pointed out, with where the form belongs (Danh xưng for a delegate; nowhere for the
chair, the signer and Cấu hình's officials, whose documents say their title). A citizen's
Người nêu is not: Ý kiến has no Danh xưng, and the form typed there is how a letter addresses
them.
"""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.registry.problems import make
from doithoai.rules.validation.findings import Findings
from doithoai.text import honorifics

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
