"""Which citizens a document names, for the record Nhật ký keeps of personal data leaving the
office (registry.personal.Release).

A citizen is a person who raised an opinion (Ý kiến, Chờ xử lý › Người nêu). A document names
one when a person field of its context (the list of opinions' Người nêu, the addressee of a
reply or a notice) holds their name, compared as registry.personal compares people.
"""
from __future__ import annotations

from doithoai.documents.context.common import recipient_bodies
from doithoai.documents.context.repeats import raiser_names
from doithoai.documents.kinds import KINDS_BY_CODE
from doithoai.registry import personal, spelling
from doithoai.text import vntext

PERSON_FIELDS = ("nguoi_neu", "kinh_gui", "nguoi_nhan")

# Who a document that names citizens is addressed to, for Nhật ký (its copies are read from its
# own Nơi nhận: copies()).
RECIPIENTS = {
    "BCTH": "lãnh đạo UBND, các cơ quan được phân công",
    "CVPC": "cơ quan được phân công trả lời",
    "BB": "hồ sơ hội nghị (lưu)",
    "TBKL": "niêm yết, thông báo công khai",      # the village heads: its Nơi nhận
    "CVTL": "người nêu ý kiến",
    "BCKQ": "cấp có thẩm quyền",
    "CVKN": "cơ quan cấp trên",
    "CVDD": "cơ quan còn nợ trả lời",
    "TBCD": "người nêu ý kiến",
}


COPIED_CITIZENS = "người nêu ý kiến trùng nội dung"   # a reply's copies to citizens, in Nhật ký


def copies(ctx, citizens: "Citizens") -> tuple[list[str], set[str]]:
    """(the bodies a document's printed Nơi nhận sends copies to, context.recipient_bodies;
    the citizens among them): a citizen copied, as a reply is to those who raised the same,
    is said as COPIED_CITIZENS, not by name and address, and counted among those it names."""
    bodies, named = [], set()
    for body in recipient_bodies(ctx.printed_value("noi_nhan")):
        who = citizens.who(body.split(",")[0])
        if who:
            named.add(who)
        bodies.append(COPIED_CITIZENS if who else body)
    return bodies, named


def sent_to(code: str, copied) -> str:
    """Nhật ký's Gửi cho of a kind: whom it is addressed to, then every body its documents'
    Nơi nhận copied it to (a notice to a citizen also reaches the village head and the Front),
    each once, whatever its case ("Lãnh đạo UBND" is among "lãnh đạo UBND, các cơ quan …")."""
    addressed = RECIPIENTS.get(code)
    said = {vntext.identity_key(p) for p in (addressed or "").split(", ")}
    parts = ([addressed] if addressed else []) + [
        c for c in dict.fromkeys(copied) if vntext.identity_key(c) not in said]
    return "; ".join(parts) or "theo nơi nhận của văn bản"


def releases(made: dict, named: dict, copied: dict) -> list[personal.Release]:
    """One Nhật ký record per plan and kind whose documents name citizens: (plan, kind) → how
    many documents, the citizens they name, the bodies their Nơi nhận copy them to."""
    return [personal.Release(f"{KINDS_BY_CODE[code].name} ({plan}): {made[(plan, code)]} tệp",
                             sent_to(code, copied.get((plan, code), ())), len(who), False)
            for (plan, code), who in named.items() if who]


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
                    if key in PERSON_FIELDS and isinstance(value, str):
                        found |= {who for who in map(self.who, raiser_names(value)) if who}
                    elif isinstance(value, (dict, list, tuple)):
                        stack.append(value)
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
        return found
