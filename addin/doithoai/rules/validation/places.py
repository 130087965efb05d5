"""Addresses that name no known village: not in the plan's Phạm vi nor in the commune's list."""
from __future__ import annotations

from doithoai.registry import schema, spelling
from doithoai.rules.validation.findings import Findings
from doithoai.text import places


def check_places(f: Findings) -> None:
    """An opinion's or invitee's address that names none of the villages of its plan's Phạm vi
    or of Danh mục › Thôn, tổ dân phố (a warning, with the nearest known village)."""
    village_list = [v for v in f.reg.lookups.get("villages", []) if v]
    finders: dict[str, places.PlaceFinder] = {}
    for p in f.reg.plans:
        if p.plan_id:
            finders[p.plan_id] = places.PlaceFinder(
                spelling.known_places(village_list, [p.scope or ""]))
    for sheet, rows in ((schema.INVITEES, f.reg.invitees), (schema.OPINIONS, f.reg.opinions)):
        for r in rows:
            finder = finders.get(r.plan_id)
            if not r.address or finder is None or not finder.places:
                continue
            if finder.find(r.address) is None:
                near = finder.nearest(r.address)
                hint = (f"Có phải là \"{near}\"? " if near else "") + \
                    ("Sửa địa chỉ cho đúng tên thôn, tổ dân phố; nếu người này ở nơi khác thật, "
                     "thêm nơi đó vào danh sách Thôn, tổ dân phố (trang Danh mục).")
                f.add("unknown-place", sheet, r.row, "address", r.address, plan_id=r.plan_id,
                      hint=hint)
