"""Who the plan's documents write to and through: the office that sends them, the level of each
agency (rules.agencies: assign own units, ask agencies on the territory, recommend to
superiors), whom a recommendation goes to, and what this unit calls its villages."""
from __future__ import annotations

import re

from doithoai.documents.context.replies import NO_RULE
from doithoai.registry.model import Opinion
from doithoai.rules import agencies
from doithoai.text import vnformat


class Hierarchy:
    """Mixed into every builder; uses its ``reg``, ``s`` (settings), ``plan``, ``party`` and
    ``report``."""

    @property
    def office(self) -> str:
        """The office that prepares and sends the plan's documents: a party document goes
        through the party committee's office, not the People's Committee's."""
        return agencies.office_unit(None, self.party)

    def unit(self, name: str | None) -> str:
        """A rule's unit as this plan's documents name it (the office per the issuer)."""
        return agencies.office_unit(name, self.party)

    def village_word(self) -> str:
        """What this unit calls its villages (vnformat.unit_village_word)."""
        return vnformat.unit_village_word(self.plan.villages, self.s.unit_type)

    def local_words(self, text: str | None) -> str:
        """A generic "thôn, tổ dân phố" in the unit's own word (a phường: "tổ dân phố")."""
        word = self.village_word()
        if word not in ("thôn", "tổ dân phố"):
            return text or ""
        return re.sub(r"\bthôn, tổ dân phố\b", word, text or "")

    def village_heads(self) -> str:
        return {"tổ dân phố": "Tổ trưởng tổ dân phố", "thôn": "Trưởng thôn"}.get(
            self.village_word(), "Trưởng thôn, Tổ trưởng tổ dân phố")

    # The printed words (Context.wording): the values above stay as 0.4 computed them, the
    # fingerprints of issued documents with them.
    def village_kinds(self) -> list[str]:
        """What the documents call this plan's villages (vnformat.unit_village_kinds)."""
        return vnformat.unit_village_kinds(self.plan.villages, self.s.unit_type)

    def printed_village_word(self) -> str:
        """:meth:`village_word` as printed ("xóm, khối")."""
        return ", ".join(self.village_kinds()) or self.village_word()

    def printed_village_heads(self) -> str:
        """:meth:`village_heads` as printed ("Trưởng xóm, Trưởng khối")."""
        return ", ".join(map(vnformat.head_of, self.village_kinds())) or self.village_heads()

    def printed_words(self, text: str | None) -> str:
        """:meth:`local_words` as printed: "thôn, tổ dân phố" and "trưởng thôn" in the plan's
        own words ("xóm, khối"; a phường: "tổ trưởng tổ dân phố")."""
        return vnformat.with_village_words(text, self.village_kinds())

    def up(self, o: Opinion) -> bool:
        """Beyond the commune's authority: recommended to a superior (rules.agencies)."""
        return agencies.sent_up(o, self.reg.agency_levels)

    def level(self, agency: str | None) -> str:
        return agencies.level_of(agency, self.reg.agency_levels)

    def superior_of(self, o: Opinion) -> str:
        return agencies.superior_of(o.agency, self.reg.agency_levels, self.s.province or "")

    def agency_printed(self, o: Opinion) -> str:
        """The agency a list prints for ``o``: its superior by name when it is sent up ("Ủy
        ban nhân dân tỉnh Quảng Ninh", never the list's "UBND cấp tỉnh và các sở, ngành"),
        else as typed; blank when none is."""
        return self.superior_of(o) if self.up(o) else (o.agency or "")

    def handling(self, o: Opinion) -> tuple[str, str]:
        """(who handles it, by when) as the citizen reads it."""
        if self.up(o):
            return (self.superior_of(o), "Đã kiến nghị cấp trên giải quyết theo thẩm quyền; khi "
                                         "có kết quả sẽ thông báo")
        agency = o.agency or self.office
        asked = self.level(agency) == agencies.TERRITORY
        when = self.reply_due(o)          # BaseBuilder: a date ("dự kiến" marked), or the rule
        if self.reply_due_date(o):
            return agency, f"Đã đề nghị trả lời chậm nhất ngày {when}" if asked else \
                f"Chậm nhất ngày {when}"
        if when == NO_RULE or not when:
            return agency, NO_RULE
        return agency, f"Đã đề nghị trả lời trong thời hạn {when}" if asked else \
            f"Trong thời hạn {when}"

