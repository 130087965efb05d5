"""Which citizens a document names, for the record Nhật ký keeps of personal data leaving the
office (registry.personal.Release).

A citizen is a person who raised an opinion (Ý kiến, Chờ xử lý › Người nêu). A document names
one when a person field of its context (the list of opinions' Người nêu, the addressee of a
reply or a notice) holds their name, compared as registry.personal compares people.
"""
from __future__ import annotations

from doithoai.registry import personal, spelling
from doithoai.text import vntext

PERSON_FIELDS = ("nguoi_neu", "kinh_gui", "nguoi_nhan")

# Who a document that names citizens goes to (its usual Nơi nhận), for Nhật ký.
RECIPIENTS = {
    "BCTH": "lãnh đạo UBND, các cơ quan được phân công",
    "CVPC": "cơ quan được phân công trả lời",
    "BB": "hồ sơ hội nghị (lưu)",
    "TBKL": "các cơ quan, thôn, tổ dân phố (niêm yết)",
    "CVTL": "người nêu ý kiến",
    "BCKQ": "cấp có thẩm quyền",
    "CVKN": "cơ quan cấp trên",
    "CVDD": "cơ quan còn nợ trả lời",
    "TBCD": "người nêu ý kiến",
}


class Citizens:
    """The registry's citizens, to recognise them in a document's fields."""

    def __init__(self, reg):
        self.by_plain: dict[str, list[str]] = {}
        for name in [o.raised_by for o in reg.opinions] + [p.raised_by for p in reg.pending]:
            bare = personal.bare_name(name)
            if bare and not spelling.is_anonymous(bare):
                self.by_plain.setdefault(vntext.plain_key(bare), []).append(bare)

    def who(self, value) -> str | None:
        """The citizen ``value`` names (their identity key), or None."""
        if not isinstance(value, str):
            return None
        bare = personal.bare_name(value)
        for name in self.by_plain.get(vntext.plain_key(bare), ()):
            if vntext.same_name(name, bare):
                return vntext.identity_key(name)
        return None

    def named(self, values) -> set[str]:
        """The citizens named in a context's values (lists and their items walked)."""
        found: set[str] = set()
        stack = [values]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if key in PERSON_FIELDS:
                        who = self.who(value)
                        if who:
                            found.add(who)
                    elif isinstance(value, (dict, list, tuple)):
                        stack.append(value)
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
        return found
