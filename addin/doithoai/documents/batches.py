"""Which rows each kind of document is made from, as batches: one register row per batch.

A kind is made once per plan, village, agency, overdue agency, pending opinion or (for the
invitations) once for all invited delegates, with one file each and the merged print file.
Rows with validation errors are refused here, naming the row.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable

from doithoai.documents import engine, replacing
from doithoai.documents.register import ISSUED, Register, stands_issued
from doithoai.documents.kinds import KINDS_BY_CODE, Kind
from doithoai.registry import schema
from doithoai.registry.problems import Problem, make
from doithoai.rules import deadlines
from doithoai.text import vnformat
from doithoai.text.vntext import title_slug


@dataclass
class Batch:
    base: str                               # file stem, and the key of its register row
    items: list                             # one document each
    fill: Callable                          # fill(ctx, item)
    label: str                              # how messages name the document
    name: Callable[[int, object], str]      # file stem of the n-th item of a merged batch
    subfolder: str = ""
    merged: bool = False

    def subject(self, kind: Kind, n: int, item) -> str:
        """What the n-th document is about, as a refusal names it: the file stem of a merged
        batch's item, else the label less the kind's name (labels are "<name of the kind>
        <what>"): "YK-2027-001", "(Phòng Kinh tế)"."""
        if len(self.items) > 1:
            return self.name(n, item)
        return self.label.removeprefix(kind.name).strip() or self.label


def batches(kind: Kind, builder, error_rows: dict[tuple[str, int], str], register: Register
            ) -> tuple[list[Batch], list[Problem]]:
    """The batches of ``kind``, and a refusal for each row among ``error_rows`` ((sheet, row)
    → where its errors are, as the refusal names them)."""
    todo, refusals = _BY_PER[kind.per](kind, builder, error_rows, register)
    return distinct_names(todo), refusals


def distinct_names(todo: list[Batch]) -> list[Batch]:
    """The batches with file stems that differ in more than case: two names that read the
    same once written without accents ("Thôn Đông", "Thôn Đồng") or in other case would be one
    file on a Windows disk, and one letter would silently replace the other. The later one
    gets "-2" (then "-3"...)."""
    seen: set[str] = set()
    out = []
    for batch in todo:
        base, n = batch.base, 1
        while base.casefold() in seen:
            n += 1
            base = f"{batch.base}-{n}"
        seen.add(base.casefold())
        if base != batch.base:
            batch = dataclasses.replace(batch, base=base,
                                        name=batch.name if batch.merged else _one(base))
        out.append(batch)
    return out


def _one(base: str) -> Callable[[int, object], str]:
    return lambda n, item: base


# The kinds that list the plan's invited delegates (GM is one per delegate): none is made for a
# plan with nobody invited, rather than printed with an empty list.
LISTS_INVITEES = ("KH", "GM", "DSDB", "SGN")


def _nobody_invited(kind, builder) -> list[Problem]:
    if kind.code not in LISTS_INVITEES or builder.invited():
        return []
    plan = builder.plan
    return [make("document-no-invitees", schema.PLANS.name, row=plan.row,
                 col=builder.reg.tables["plans"].columns.get("plan_id"),
                 column=schema.PLANS.column("plan_id").header, value=plan.plan_id,
                 document=f"{kind.code} ({kind.name.lower()})", plan=plan.plan_id,
                 document_kind=kind.code)]


def _plan(kind, builder, error_rows, register):
    """One document for the plan (a row with errors among those it is made from refuses it:
    documents/generate.py); none listing nobody (LISTS_INVITEES)."""
    refused = _nobody_invited(kind, builder)
    if refused:
        return [], refused
    fill = getattr(builder, kind.code.lower())
    return [Batch(kind.code, [None], lambda ctx, _: fill(ctx),
                  f"{kind.name} {builder.plan.plan_id}", _one(kind.code))], []


def _village(kind, builder, error_rows, register):
    out = []
    for village in builder.plan.villages:
        base = f"{kind.code}_{title_slug(village)}"
        out.append(Batch(base, [village], builder.pdk, f"{kind.name} {village}", _one(base)))
    return out, []


def _per_agency(kind, agencies, fill):
    out = []
    for agency in agencies:
        base = f"{kind.code}_{title_slug(agency)}"
        out.append(Batch(base, [agency], fill, f"{kind.name} ({agency})", _one(base)))
    return out, []


def _agency(kind, builder, error_rows, register):
    """Own units and agencies on the territory; what goes to superiors is in CVKN. An agency
    with an opinion whose row has errors comes last (its letter is refused: documents/
    generate.py), so that a misspelt one ("Phòng Kinh tê") never takes the file name of the
    agency it imitates."""
    flawed = {o.agency for o in builder.to_assign() if (schema.OPINIONS.name, o.row) in error_rows}
    agencies = sorted({o.agency for o in builder.to_assign()},
                      key=lambda a: (a in flawed, vnformat.collate(a)))
    return _per_agency(kind, agencies, builder.cvpc)


def _upward(kind, builder, error_rows, register):
    if not builder.upward():
        return [], []
    return _plan(kind, builder, error_rows, register)


def _citizen(kind, builder, error_rows, register):
    """One notice per citizen, each its own document with its own number and register row:
    unlike the invitations, no two say the same thing. The files are named village first, so
    that they list in the order they are delivered. A plan whose notices were issued as one
    numbered batch (doithoai 0.4.0 and before) keeps that batch."""
    merged = f"{kind.code}_{engine.MERGED_SUFFIX}"
    if register.rows_for(builder.plan.plan_id, merged, ISSUED):
        return [Batch(merged, builder.citizens(), builder.tbcd, f"{kind.name} {builder.plan.plan_id}",
                      lambda n, p: f"{kind.code}_{n:03d}_{title_slug(p[0])}", merged=True)], []
    out = []
    told = _told_as_issued(kind, builder, register)
    for name, village, opinions in told.people:
        base = "_".join([kind.code] + ([title_slug(village)] if village else [])
                        + [title_slug(name)])
        opinions = told.on_notice(register.rows_for(builder.plan.plan_id, base, ISSUED),
                                  opinions)
        if not opinions:
            continue
        codes = ", ".join(o.opinion_id for o in opinions if o.opinion_id)
        out.append(Batch(base, [(name, village, opinions)], builder.tbcd,
                         f"{kind.name} ({codes})", _one(base), subfolder=kind.code))
    return out, []


@dataclass
class _Told:
    """Whom the citizens' notices tell of what, as it stood on the day each was issued: an
    opinion answered after its citizen's notice was issued stays on it (the notice is not
    drafted again for that); one answered before a citizen is first notified is left out."""
    builder: object
    people: list            # everyone waiting on the first day a notice was issued, or today
    days: dict              # day (None: today) → the opinions waiting then (ids)

    def on_notice(self, issued: list[dict], opinions: list) -> list:
        day = replacing.day_of(replacing.in_order(issued)[-1].get("date")) if issued else None
        if day not in self.days:
            self.days[day] = {id(o) for *_, items in self.builder.citizens(day) for o in items}
        return [o for o in opinions if id(o) in self.days[day]]


def _told_as_issued(kind, builder, register) -> _Told:
    days = [replacing.day_of(r.get("date")) for r in register.rows
            if r.get("plan_id") == builder.plan.plan_id and r.get("kind") == kind.code
            and stands_issued(r)]
    first = min(days) if days else None
    return _Told(builder, builder.citizens(first), {})


def _overdue(kind, builder, error_rows, register):
    return _per_agency(kind, builder.overdue_agencies(), builder.cvdd)


def reply_base(kind: Kind, o, builder, to=None) -> str:
    """The reply's file name: the opinion's code and the name of the citizen it is written to
    (a repeat's, when the opinion's citizen gave none: Repeats.written_to); a reply to another
    citizen who raised it (``to``, Repeats.raisers): that citizen's row's code and name."""
    if to is None or to is builder.written_to(o):
        return f"{kind.code}_{o.opinion_id}_{title_slug(builder.written_to(o).raised_by or '')}"
    return f"{kind.code}_{to.opinion_id}_{title_slug(to.raised_by or '')}"


def _refused_row(kind, o, error_rows) -> list:
    """The refusal of a reply made from the row of ``o`` when it has errors (none when not)."""
    if (schema.OPINIONS.name, o.row) not in error_rows:
        return []
    return [make("document-row-has-errors", schema.OPINIONS.name, row=o.row,
                 document=f"{kind.code} {o.opinion_id}", document_kind=kind.code,
                 where=f"{o.opinion_id} (dòng {o.row})",
                 cells=error_rows[(schema.OPINIONS.name, o.row)])]


def _opinion(kind, builder, error_rows, register):
    out, refusals = [], []
    for o in replies_due(builder, register):
        refused = _refused_row(kind, o, error_rows)
        if refused or not (o.answer or "").strip():
            refusals += refused
            continue        # its answer is not written yet (generate says which: waiting)
        for to in reply_addressees(builder, register, o):
            mine = [] if to is builder.written_to(o) else _refused_row(kind, to, error_rows)
            refusals += mine
            if not mine:
                out.append(_reply(kind, builder, o, to))
    return out, refusals


def _reply(kind, builder, o, to) -> Batch:
    """The batch of one reply: ``o``'s answer to the citizen of ``to``; its number goes on
    the row of ``to`` when that is another citizen's (their repeat)."""
    base = reply_base(kind, o, builder, to)
    main = to is builder.written_to(o)

    def fill(ctx, item):
        builder.cvtl(ctx, item, to)
        ctx.values["_opinion_id"] = item.opinion_id if main else to.opinion_id

    return Batch(base, [o], fill, f"{kind.name} {o.opinion_id if main else to.opinion_id}",
                 _one(base), subfolder="CVTL")


def reply_addressees(builder, register, o) -> list:
    """The rows whose citizens get a reply of ``o`` (Repeats.raisers): the one its reply is
    addressed to, and each other citizen who raised it while still waiting for the answer,
    or whose reply is issued already (checked again when its data change)."""
    main = builder.written_to(o)
    return [to for to in builder.raisers(o) if to is main or builder.pending(to) or
            register.rows_for(builder.plan.plan_id, reply_base(KINDS_BY_CODE["CVTL"], o,
                                                               builder, to), ISSUED)]


def replies_due(builder, register) -> list:
    """The opinions of the plan that get a written reply (CVTL) from the commune: not answered
    at the conference, not sent to a superior (the citizen's notice, TBCD, tells them), not
    already answered in writing outside doithoai, with someone to address: a citizen who gave
    a name, theirs or a repeat's (registry.repeats.unaddressed)."""
    out = []
    nobody = builder.unaddressed()
    for o in deadlines.opinions_needing_reply(builder.reg, builder.plan.plan_id):
        if builder.up(o) or o.opinion_id in nobody:
            continue                     # no one to address (the conclusion notice tells)
        base = reply_base(KINDS_BY_CODE["CVTL"], o, builder)
        if o.reply_number and not register.rows_for(builder.plan.plan_id, base, ISSUED):
            continue
        out.append(o)
    return out


def replies_waiting(builder, register, error_rows=()) -> list:
    """The opinions whose reply cannot be written yet: Nội dung trả lời still empty (a row with
    errors is refused instead, naming them)."""
    return [o for o in replies_due(builder, register) if not (o.answer or "").strip()
            and (schema.OPINIONS.name, o.row) not in error_rows]


def _invitee(kind, builder, error_rows, register):
    refused = _nobody_invited(kind, builder)
    if refused:
        return [], refused
    people, refusals = [], []
    for inv in builder.invitations():
        if (schema.INVITEES.name, inv.row) in error_rows:
            refusals.append(make("document-row-has-errors", schema.INVITEES.name, row=inv.row,
                                 document=f"GM {inv.full_name}", document_kind=kind.code,
                                 where=f"{inv.full_name} (dòng {inv.row})",
                                 cells=error_rows[(schema.INVITEES.name, inv.row)]))
        else:
            people.append(inv)
    if not people:
        return [], refusals
    # One invitation per delegate, numbered as one document (one register row, one number),
    # plus the merged print file. Names sort in protocol order: GM_003_Nguyen-Van-An.
    return [Batch(engine.MERGED_STEM, people, builder.gm, f"Giấy mời {builder.plan.plan_id}",
                  lambda n, inv: f"GM_{n:03d}_{title_slug(inv.full_name)}", merged=True)], \
        refusals


_BY_PER = {"plan": _plan, "village": _village, "agency": _agency, "overdue": _overdue,
           "opinion": _opinion, "invitee": _invitee, "upward": _upward, "citizen": _citizen}
