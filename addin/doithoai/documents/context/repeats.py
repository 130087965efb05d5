"""Repeats (Trùng với): the opinion a repeat joined, and the citizens of repeats who are owed
the answer of the opinion theirs joined (issue 25 §9: they asked too)."""
from __future__ import annotations

from doithoai.registry import schema
from doithoai.registry.model import Opinion
from doithoai.text import vntext


class Repeats:
    """Mixed into every builder; uses its ``reg``."""

    @staticmethod
    def pending(o: Opinion) -> bool:
        """Not answered at the meeting, nor yet in writing, nor resolved: its citizen is told
        who handles it and by when."""
        return not (o.answered_at_meeting == schema.YES or o.reply_number or o.reply_date or
                    o.resolved_date)

    @staticmethod
    def same_person(a: Opinion, b: Opinion) -> bool:
        # Accents kept (case, spacing and tone placement aside): "Nguyễn Thị Hà" and
        # "Nguyễn Thị Hạ" of one house are two people, each told only of their opinions.
        return (vntext.identity_key(a.raised_by), vntext.identity_key(a.address)) == \
            (vntext.identity_key(b.raised_by), vntext.identity_key(b.address))

    def original_of(self, o: Opinion) -> Opinion | None:
        """The opinion that ``o`` (a repeat: Trùng với) joined, followed to the first one that
        is not itself a repeat, in any plan; None when the chain leads nowhere."""
        by_id = self._opinions_by_id()
        seen = set()
        while o is not None and o.duplicate_of:
            if o.opinion_id in seen:
                return None
            seen.add(o.opinion_id)
            o = by_id.get(o.duplicate_of.strip())
        return o

    def _opinions_by_id(self) -> dict[str, Opinion]:
        if not hasattr(self, "_by_id"):
            self._by_id = {o.opinion_id: o for o in self.reg.opinions if o.opinion_id}
        return self._by_id

    def repeats_of(self, o: Opinion) -> list[Opinion]:
        """Pending repeats, in any plan, that joined ``o`` and were raised by someone else:
        their citizens are owed the same answer."""
        if not hasattr(self, "_repeats"):        # the original's code → its repeats, once
            self._repeats: dict[str, list[Opinion]] = {}
            for r in self.reg.opinions:
                first = self.original_of(r) if r.duplicate_of and r.opinion_id else None
                if first is not None:
                    self._repeats.setdefault(first.opinion_id, []).append(r)
        return [r for r in self._repeats.get(o.opinion_id, []) if r.raised_by
                and self.pending(r) and not self.same_person(r, o)]
