"""Repeats (Trùng với): the opinion a repeat joined, and the citizens of repeats who are owed
the answer of the opinion theirs joined (issue 25 §9: they asked too), each in a reply of their
own that names the conferences at which they raised it, as documents use them (registry.repeats
holds the rules)."""
from __future__ import annotations

import datetime as dt

from doithoai.registry import personal, repeats, schema
from doithoai.registry.model import Opinion
from doithoai.text import honorifics, vnformat, vntext

UNTOLD = "Ông (Bà)"        # honorifics.citizen's form for a name that does not tell


JOINED = "nêu trùng"          # Repeats.raiser: "Ẩn danh; ông Mai Văn Cường nêu trùng"


def raiser_names(value: str) -> list[str]:
    """The names a Người nêu cell holds as Repeats.raiser writes it: the cell itself, or the
    opinion's and each repeat's named beside it (documents.persons reads them)."""
    first, *rest = value.split("; ")
    return [first] + [p.removesuffix(" " + JOINED) for p in rest if p.endswith(" " + JOINED)]


class Repeats:
    """Mixed into every builder; uses its ``reg``, ``who``, ``up`` (Hierarchy) and
    ``document_day`` (ReplyDeadlines)."""

    @staticmethod
    def pending(o: Opinion, on: dt.date | None = None) -> bool:
        """Not answered at the meeting, nor yet in writing, nor resolved (``on``: that day):
        its citizen is told who handles it and by when (registry.repeats.waiting)."""
        return repeats.waiting(o, on)

    @staticmethod
    def same_person(a: Opinion, b: Opinion) -> bool:
        # Accents kept (case, spacing and tone placement aside): "Nguyễn Thị Hà" and
        # "Nguyễn Thị Hạ" of one house are two people, each told only of their opinions.
        # "Bà Nguyễn Thị Hà" and "Nguyễn Thị Hà 😊" are one (registry.personal.bare_name).
        return (vntext.identity_key(personal.bare_name(a.raised_by)),
                vntext.identity_key(a.address)) == \
            (vntext.identity_key(personal.bare_name(b.raised_by)), vntext.identity_key(b.address))

    def heard(self) -> list[Opinion]:
        """What the conference heard, each matter once: the plan's opinions but a repeat of
        one of them (counted under it), the repeats of an opinion of an earlier conference
        included (a citizen raising again what is not settled: the minutes, the conclusion and
        the report record it). The rows `carry-over --link` added are not: no citizen raised
        them there (the report lists what is carried over on its own)."""
        return [o for o in self.opinions if o.opinion_id and
                (not o.duplicate_of or self.raised_again(o))]

    def raised_again(self, o: Opinion) -> bool:
        """A citizen's repeat of an opinion of an earlier conference (not a row the carry-over
        linked: registry.repeats.linked)."""
        return self.carried(o) and not repeats.linked(o)

    def carried(self, o: Opinion) -> bool:
        """A repeat of an opinion raised for another plan (an earlier conference)."""
        first = self.original_of(o) if o.duplicate_of else None
        return first is not None and first.plan_id != o.plan_id

    def handled_as(self, o: Opinion) -> Opinion:
        """The opinion whose handling ``o`` shares: its original when it is carried from an
        earlier conference (its agency, deadline, outcome), else itself."""
        return self.original_of(o) if self.carried(o) else o

    def carried_due(self, first: Opinion, as_issued: bool = False,
                    of: Opinion | None = None) -> str:
        """The deadline a carried matter's original was given, and whether it has passed by
        this document's day ("18/05/2029, đã quá hạn"); its reply sent, the deadline to resolve
        it ("Đã trả lời bằng văn bản ngày 10/08/2026; hạn giải quyết 08/09/2026"); "Theo hạn
        đã giao" when the registry holds none (the earlier conclusion not issued through the
        tool). ``as_issued``: as documents issued before said it (the reply's deadline);
        ``of``: the row that raised it again (the letter cited is the one sent to its citizen:
        :meth:`letter_to`)."""
        if self.up(first):
            return "Kiến nghị cấp trên"
        if repeats.settled(first):
            return "Theo hạn đã giao"
        resolving = None if as_issued else self.carried_resolution(first, of)
        if resolving:
            sent, due = resolving
            return f"Đã trả lời bằng văn bản{sent}; " + (
                f"hạn giải quyết {due}" if due else "giải quyết theo hạn đã giao")
        due = self.report.reply_due.get(first.opinion_id)
        return self.due_words(due) if due else "Theo hạn đã giao"

    def carried_resolution(self, first: Opinion, of: Opinion | None = None
                           ) -> tuple[str, str | None] | None:
        """A carried matter whose written reply was sent, what it still owes is its
        resolution: (" số 09/UBND-VP ngày 10/08/2026", what of them is recorded, its deadline
        to resolve in words or None); None while the reply is owed. The letter is the one sent
        to the citizen of ``of`` (:meth:`letter_to`); one who raises it for the first time is
        told it went to who raised it before (" … cho người nêu trước")."""
        letter = self.letter_to(first, of)
        if not (letter.reply_date or letter.reply_number):
            return None
        sent = (f" số {letter.reply_number}" if letter.reply_number else "") + \
            (f" ngày {vnformat.short_date(letter.reply_date)}" if letter.reply_date else "")
        if of is not None and not self.same_person(of, letter):
            sent += " cho người nêu trước"     # a newcomer to the matter got no letter of it
        due = self.report.resolve_due.get(first.opinion_id)
        return sent, self.due_words(due) if due else None

    def letter_to(self, first: Opinion, of: Opinion | None) -> Opinion:
        """The row of the matter ``first`` (an original) whose written reply a citizen who
        raised it again was sent: the citizen of ``of``'s own earlier row that records one (two
        villagers who raised one road each got a letter of their own), the latest; else the
        original's."""
        if of is None:
            return first
        own = [r for r in [first] + self.joined_to(first) if r is not of and
               (r.reply_date or r.reply_number) and self.same_person(r, of)]
        return max(own, key=lambda r: r.reply_date or dt.date.min) if own else first

    def carried_late(self, first: Opinion, of: Opinion | None = None) -> bool:
        """The deadline a carried matter still owes has passed by this document's day: to
        resolve it once its citizen's reply was sent (:meth:`letter_to`), else to reply."""
        letter = self.letter_to(first, of)
        replied = bool(letter.reply_date or letter.reply_number)
        due = (self.report.resolve_due if replied else self.report.reply_due).get(
            first.opinion_id)
        return due is not None and due < (self.issue_date or self.today)

    def due_words(self, due: dt.date) -> str:
        """"08/09/2026, đã quá hạn" when the day has passed by this document's day."""
        late = due < (self.issue_date or self.today)
        return f"{vnformat.short_date(due)}{', đã quá hạn' if late else ''}"

    def original_of(self, o: Opinion) -> Opinion | None:
        """The opinion that ``o`` (a repeat: Trùng với) joined, followed to the first one that
        is not itself a repeat, in any plan; None when the chain leads nowhere."""
        return repeats.first_of(o, self._opinions_by_id())

    def _opinions_by_id(self) -> dict[str, Opinion]:
        if not hasattr(self, "_by_id"):
            self._by_id = {o.opinion_id: o for o in self.reg.opinions if o.opinion_id}
        return self._by_id

    def joined_to(self, o: Opinion) -> list[Opinion]:
        """Every repeat, in any plan, that joined ``o`` (followed to it: original_of), in the
        registry's order."""
        if not hasattr(self, "_repeats"):        # the original's code → its repeats, once
            self._repeats: dict[str, list[Opinion]] = {}
            for r in self.reg.opinions:
                first = self.original_of(r) if r.duplicate_of and r.opinion_id else None
                if first is not None:
                    self._repeats.setdefault(first.opinion_id, []).append(r)
        return self._repeats.get(o.opinion_id, [])

    def repeats_of(self, o: Opinion) -> list[Opinion]:
        """Pending repeats, in any plan, that joined ``o`` and were raised by someone else:
        their citizens are owed the same answer."""
        return [r for r in self.joined_to(o) if repeats.addressable(r)
                and self.pending(r) and not self.same_person(r, o)]

    def raisers(self, o: Opinion) -> list[Opinion]:
        """Each citizen who gave a name and raised the matter ``o`` (an original) or joined it,
        once, by the row a written reply to them answers: the one ``o``'s reply is addressed
        to (written_to) first, then each other citizen's first row of it (pending or not: the
        caller keeps those still owed a reply)."""
        first = self.written_to(o)
        out = [first] if repeats.addressable(first) else []
        for r in self.joined_to(o):
            if repeats.addressable(r) and not repeats.linked(r) and \
                    not any(self.same_person(r, t) for t in out):
                out.append(r)
        return out

    def occasions(self, first: Opinion, of: Opinion) -> list:
        """The plans of the conferences at which the citizen of ``of`` raised the matter
        ``first`` (an original): theirs among its rows (itself and its repeats in any plan,
        not the rows the carry-over linked: no one raised them there), raised by this
        document's day; each conference once, in the order they met."""
        plans = {}
        for r in [first] + self.joined_to(first):
            plan = self.reg.plan(r.plan_id)
            if plan is not None and plan.meeting_date is not None and not repeats.linked(r) \
                    and self.same_person(r, of) and self.raised_by_now(r):
                plans[plan.plan_id] = plan
        return sorted(plans.values(), key=lambda p: p.meeting_date)

    def raised_by_now(self, r: Opinion) -> bool:
        """``r`` reached the commune by this document's day: received by then, or, with no
        Ngày nhận, its conference met by then."""
        plan = self.reg.plan(r.plan_id)
        day = r.received_date or (plan.meeting_date if plan is not None else None)
        return day is None or day <= self.document_day()

    def other_occasions(self, first: Opinion, of: Opinion, later: bool = True) -> str:
        """"hội nghị đối thoại ngày 20/11/2029" ("các hội nghị đối thoại ngày 20/11/2029 và
        ngày 15/05/2030"): the conferences held (not cancelled) at which the citizen of ``of``
        raised the matter ``first`` again by this document's day, after the one of ``of``
        (``later`` False: before it), as a sentence names them after "tại"; "" when none."""
        own = self.reg.plan(of.plan_id)
        if own is None or own.meeting_date is None:
            return ""
        days = [p.meeting_date for p in self.occasions(first, of) if not p.cancelled and
                (p.meeting_date > own.meeting_date if later
                 else p.meeting_date < own.meeting_date)]
        said = vnformat.listing([f"ngày {vnformat.short_date(d)}" for d in days])
        return f"{'các ' if len(days) > 1 else ''}hội nghị đối thoại {said}" if days else ""

    def unaddressed(self) -> set[str]:
        """The opinions no written reply can be addressed for (registry.repeats.unaddressed),
        worked out once per builder."""
        if not hasattr(self, "_unaddressed"):
            self._unaddressed = repeats.unaddressed(self.reg)
        return self._unaddressed

    def raiser(self, o: Opinion) -> str:
        """Người nêu in a list whose rows give reply deadlines: the citizen's name; for one
        who gave none, whose reply goes to a citizen who raised the same (written_to), both,
        so that the row's deadline has its reason ("Ẩn danh; ông Mai Văn Cường nêu trùng")."""
        to = self.written_to(o)
        if to is o or o.answered_at_meeting == schema.YES or self.up(o):
            return self.who(o.raised_by)
        return (f"{self.who(o.raised_by)}; "
                f"{honorifics.in_sentence(honorifics.citizen(self.who(to.raised_by), True))} "
                f"{JOINED}")

    def addressed_citizen(self, name: str | None, address: str | None) -> str:
        """A letter's "Kính gửi" of the citizen ``name`` of ``address`` (honorifics.citizen); a
        name that tells no form of address ("Ông (Bà) Lò Văn Tiến") takes "Ông" or "Bà" when
        the citizen typed one before their name on another row of Ý kiến, or is a delegate
        whose Danh xưng says it (the same person: the same name in the village the address
        names, :meth:`_form_key`)."""
        plain = honorifics.citizen(self.who(name))
        if not plain.startswith(UNTOLD):
            return plain
        form = self._typed_forms().get(self._form_key(name, address))
        return f"{form} {plain[len(UNTOLD):].strip()}" if form else plain

    def _typed_forms(self) -> dict[tuple[str, str], str]:
        """Each person's form of address ("Ông", "Bà"), typed before their name on a row of Ý
        kiến or chosen in Đại biểu's Danh xưng (worked out once per builder); one given both,
        none."""
        if not hasattr(self, "_forms"):
            typed = [(r.raised_by, r.address, honorifics.form_of(r.raised_by))
                     for r in self.reg.opinions] + \
                [(i.full_name, i.address,
                  honorifics.form_of(honorifics.addressed(i.honorific, i.full_name)))
                 for i in self.reg.invitees]
            seen: dict[tuple[str, str], set[str]] = {}
            for name, address, form in typed:
                if form in ("Ông", "Bà") and personal.named(name):
                    seen.setdefault(self._form_key(name, address), set()).add(form)
            self._forms = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._forms

    def _form_key(self, name: str | None, address: str | None) -> tuple[str, str]:
        """One person: the name (bare) in the village its address names, else the address."""
        if not hasattr(self, "_villages"):
            self._villages = personal.village_finder(self.reg)
        village = self._villages.place_of(address)
        return (vntext.identity_key(personal.bare_name(name)),
                vntext.identity_key(village or address))

    def written_to(self, o: Opinion) -> Opinion:
        """The opinion whose citizen ``o``'s reply is addressed to: its own, or, when its
        citizen gave no name, the first repeat's raised by one who did (each other citizen
        who raised it gets a reply of their own: raisers)."""
        if repeats.addressable(o):
            return o
        return next(iter(self.repeats_of(o)), o)
