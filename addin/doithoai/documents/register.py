"""The document register (Sổ văn bản) as the generator keeps it: numbering and one row per document.

Numbers run per year from 01, one sequence for all kinds or one per kind (setting "Đánh số văn
bản"), state and party documents apart; a number is assigned only when a document is issued and
never reused. Each row keeps a fingerprint of the rows the document was made from.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re

from doithoai.documents.kinds import KINDS_BY_CODE, Kind
from doithoai.registry import schema
from doithoai.registry.issued import DRAFT, ISSUED, version_base
from doithoai.registry.changes import Block, Changes, append_rows, column_blocks
from doithoai.registry.cellref import a1
from doithoai.registry.model import Opinion, Plan, RegisterEntry, Registry
from doithoai.rules import deadlines, milestones


# A document's Số ký hiệu: its number, then the first word of its symbol ("245/UBND-VP",
# "01/TB-UBND", a party document's "12-BC/ĐU").
_NUMBER_SYMBOL = re.compile(r"\s*(\d+)\s*[/-]\s*([^\W\d_]+)")
_BY_ABBR = {k.abbr: k for k in KINDS_BY_CODE.values() if k.abbr}
_A_CONG_VAN = KINDS_BY_CODE["CVPC"]      # a công văn: its number has no abbreviation


def _number_in(number_symbol) -> int | None:
    m = _NUMBER_SYMBOL.match(str(number_symbol or ""))
    return int(m.group(1)) if m else None


def _kind_of(row: dict) -> Kind | None:
    """The kind whose series a register row's number belongs to: its Loại when that is one of
    the tool's, else read from its Số ký hiệu (an abbreviation of Appendix III, or none: a
    công văn, numbered with the công văn the tool makes)."""
    kind = KINDS_BY_CODE.get(row.get("kind") or "")
    if kind is not None:
        return kind
    m = _NUMBER_SYMBOL.match(str(row.get("number_symbol") or ""))
    if m is None:
        return None
    return _BY_ABBR.get(m.group(2).upper(), _A_CONG_VAN)


def stands_issued(row: dict) -> bool:
    """Whether a row may stand for an issued document: any Trạng thái but "Dự thảo". One typed
    by hand that is neither of the list's two ("Thu hồi", "Đã ký", empty) is an error validate
    names; until it is mended, the file the row names is kept as an issued one is: never
    written over, never moved aside, its changes drafted as "_v2"."""
    return row.get("status") != DRAFT


class Register:
    def __init__(self, reg: Registry, out_dir: str):
        self.reg = reg
        self.out = out_dir
        self.rows = [{k: getattr(e, k) for k in schema.REGISTER.keys} for e in reg.register]
        # Excel row of each row read, and what it said: only new and changed rows are written.
        self._read = {id(r): (e.row, dict(r)) for r, e in zip(self.rows, reg.register)}
        # (opinion, number, date) of the issued replies whose numbers go on their opinions
        self._answered: list = []
        # plans whose KH this run issued: (plan, number, Ngày ban hành, the KH's date)
        self._planned: list = []
        # what this run numbered, as the clerk reads it: "01/BB-UBND (BB)"
        self.numbered: list[str] = []
        self._by_id = {o.opinion_id: o for o in reg.opinions if o.opinion_id}
        self._reply_col = self._reply_columns()
        for r in self.rows:              # issued before, the opinion's cells since left empty
            if r.get("status") == ISSUED:
                self._answer(r)

    @staticmethod
    def base_of(row: dict) -> str:
        """The file stem a row is keyed by, without its "_v2" version."""
        return version_base(row.get("file"))

    def rows_for(self, plan_id: str, base: str, status: str) -> list[dict]:
        """The rows of a plan's document keyed by the file stem ``base``, compared without case:
        on a Windows disk "CVPC_Phong-kinh-te" and "CVPC_Phong-Kinh-te" are one file, so an
        issued one recorded under either spelling is found (and never overwritten)."""
        key = base.casefold()
        wanted = stands_issued if status == ISSUED else (lambda r: r.get("status") == status)
        return [r for r in self.rows if r.get("plan_id") == plan_id and wanted(r)
                and self.base_of(r).casefold() == key]

    def issued_files(self, plan: Plan) -> list[str]:
        """The files of the plan's issued documents, as their rows name them."""
        return [r["file"] for r in self.rows if r.get("plan_id") == plan.plan_id
                and stands_issued(r) and r.get("file")]

    def kinds_issued(self, plan: Plan) -> frozenset[str]:
        """The codes (Loại) of the plan's documents that stand issued."""
        return frozenset(r.get("kind") for r in self.rows if r.get("plan_id") == plan.plan_id
                         and stands_issued(r) and r.get("kind"))

    def moved(self, where: dict[str, str]) -> None:
        """Drafts set aside (old path → new): their rows name where the files are now."""
        new = {os.path.relpath(old, self.out): os.path.relpath(to, self.out)
               for old, to in where.items()}
        for r in self.rows:
            if r.get("status") == DRAFT and r.get("file") in new:
                r["file"] = new[r["file"]]

    def _sequence(self, kind: Kind | None, party: bool) -> tuple:
        """The series a number is taken from: one per issuer (state, party) and printed
        abbreviation ("theo loại"), or one per issuer ("chung"). A party plan's recommendation
        upward is a báo cáo ("BC/ĐU"): it counts with the other reports, never beside one of
        them with the same number."""
        mode = self.reg.settings.numbering or "theo loại"
        if mode == "chung":
            return (party, "*")
        if kind is None:
            return (party, "?")
        return (party, (kind.party_abbr if party and kind.party_abbr else kind.abbr) or "CV")

    def next_number(self, kind: Kind, party: bool, year: int) -> int:
        """The next number of ``kind``'s series in ``year``: after every number of that series
        the register holds, a row recorded by hand with a Loại of its own ("Công văn", blank)
        counted by its Số ký hiệu ("245/UBND-VP" is a công văn's, "12/TB-UBND" a notice's)."""
        seq = self._sequence(kind, party)
        used = [number for r in self.rows if r.get("date") and r["date"].year == year
                and (number := r.get("number") or _number_in(r.get("number_symbol")))
                and self._sequence(_kind_of(r), "/ĐU" in (r.get("number_symbol") or "")) == seq]
        return max(used, default=0) + 1

    @staticmethod
    def plan_number(kind: Kind, plan: Plan) -> int | None:
        """A plan typed with its own Số ký hiệu keeps that number."""
        return _number_in(plan.number_symbol) if kind.code == "KH" else None

    def record(self, builder, kind: Kind, subject: str, opinion_id, path: str, number, date,
               status: str, fp: str, replace: dict | None) -> None:
        """A row for the document at ``path`` (or ``replace``'s row updated in place)."""
        plan = builder.plan
        symbol = builder.symbol(kind)
        number_symbol = self.number_symbol(builder, kind, number)
        row = {"number": number, "symbol": symbol, "number_symbol": number_symbol, "date": date,
               "kind": kind.code, "subject": subject, "plan_id": plan.plan_id,
               "opinion_id": opinion_id, "file": os.path.relpath(path, self.out),
               "status": status, "fingerprint": fp}
        if replace is not None:
            replace.update(row)
        else:
            self.rows.append(row)
        if status == ISSUED:
            builder.issued_now[kind.code] = (number_symbol, date)
            if number and not (kind.code == "KH" and plan.number_symbol):   # not its own
                self.numbered.append(f"{number_symbol} ({kind.code})")
            self._answer(row)
            self._plan_issued(plan, row)

    @staticmethod
    def number_symbol(builder, kind: Kind, number) -> str | None:
        """Số ký hiệu of the document numbered ``number`` ("01/BB-UBND", "01-BB/ĐU"); a plan
        typed with its own keeps it."""
        if not number:
            return None
        if kind.code == "KH" and builder.plan.number_symbol:
            return builder.plan.number_symbol
        symbol = builder.symbol(kind)
        return f"{number:02d}-{symbol}" if builder.plan.is_party else f"{number:02d}/{symbol}"

    def _plan_issued(self, plan: Plan, row: dict) -> None:
        """A plan issued by this run: its number (and its date, where none was typed) on the
        plan, as the copy of the registry will have them (where Số ký hiệu is still empty, the
        sheet having the two columns side by side): what the run issues after it cites "Kế
        hoạch số 01/KH-UBND ngày …", as it will when made again from that copy. A date typed
        beforehand stays (:meth:`plan_dates_differ` names one that is not the KH's)."""
        if row.get("kind") != "KH" or plan.number_symbol or \
                not row.get("number_symbol") or self._plan_columns() is None:
            return
        plan.number_symbol, plan.issue_date = row["number_symbol"], plan.issue_date or row["date"]
        self._planned.append((plan, row["number_symbol"], plan.issue_date, row["date"]))

    def answered_behind(self) -> list[tuple[Opinion, str | None]]:
        """The opinions whose reply this run numbered while their Trạng thái, as the clerk
        typed it, still says no reply ("Mới", "Đã phân công"), each with its Trạng thái cell:
        the status is theirs to change (validation doubts it: status-doubt)."""
        col = self.reg.tables["opinions"].columns.get("status")
        return [(o, a1(o.row, col) if col is not None else None)
                for o, *_ in self._answered if o.status in schema.NO_REPLY_YET]

    def plan_dates_differ(self) -> list[tuple[Plan, dt.date, dt.date]]:
        """(plan, Ngày ban hành as typed, the date its KH was issued with by this run) where
        the two differ."""
        return [(plan, typed, issued) for plan, _, typed, issued in self._planned
                if typed != issued]

    def _answer(self, row: dict) -> None:
        """An issued reply's number and date on its opinion, as the copy of the registry will
        have them (where still empty, when the sheet has both columns side by side): what the
        run makes (the report of results, the notices to citizens) counts the opinion answered,
        as it will when made again from that copy."""
        o = self._by_id.get(row.get("opinion_id") or "")
        if row.get("kind") != "CVTL" or not (row.get("number_symbol") or row.get("date")):
            return
        if o is not None and self._reply_col is not None and not o.reply_number \
                and not o.reply_date:
            o.reply_number, o.reply_date = row["number_symbol"], row["date"]
            self._answered.append((o, row["number_symbol"], row["date"]))

    def to_changes(self, changes: Changes) -> list[dict]:
        """Sổ văn bản's new rows appended and its changed rows updated in place, each column
        where the sheet has it (rows nobody touched are not written); issued replies' numbers
        on their opinions. Returns every row."""
        rows = [{k: r.get(k) for k in schema.REGISTER.keys} for r in self.rows]
        table = self.reg.tables.get("register")
        if table is None or not table.present or not rows:
            return rows
        keys = list(schema.REGISTER.keys)
        new = []
        for r in self.rows:
            read = self._read.get(id(r))
            if read is None:
                new.append(r)
            elif read[1] != r:
                changes.blocks += column_blocks(schema.REGISTER, table, keys, {read[0]: r},
                                                read[0], read[0])
        append_rows(self.reg, schema.REGISTER, new, changes)
        self._reply_numbers(changes)
        for plan, number_symbol, date, _ in self._planned:
            changes.blocks.append(Block(schema.PLANS.name, plan.row, self._plan_columns(),
                                        ((number_symbol, date),)))
        return rows

    def deadlines_as_issued(self, today: dt.date) -> Changes:
        """Mốc thời gian and each opinion's Hạn trả lời as the documents this run issued make
        them (a conclusion notice anchors the replies; a document completes its step): what
        Tính hạn would write next, so the registry the run writes to is not left behind. Call
        after :meth:`to_changes` (the plans and replies in memory are as the copy has them)."""
        entries = [RegisterEntry(row=0, **{k: r.get(k) for k in schema.REGISTER.keys})
                   for r in self.rows]
        after = dataclasses.replace(self.reg, register=entries)
        done = milestones.to_changes(after, deadlines.compute(after, today))
        done.summary.clear()        # the issuing run says what it issued, not these counts
        return done

    def _reply_numbers(self, changes: Changes) -> None:
        """Issued replies: their number and date go to the opinion row, where they were empty
        (:meth:`_answer` put them on the opinion in memory already)."""
        for o, number_symbol, date in self._answered:     # (only when the columns are there)
            changes.blocks.append(Block(schema.OPINIONS.name, o.row, self._reply_col,
                                        ((number_symbol, date),)))

    def _plan_columns(self) -> int | None:
        """Where Số ký hiệu stands on Kế hoạch, Ngày ban hành right after it (else None)."""
        return self._side_by_side("plans", "number_symbol", "issue_date")

    def _reply_columns(self) -> int | None:
        """Where Số văn bản trả lời stands on Ý kiến, Ngày trả lời right after it (else None)."""
        return self._side_by_side("opinions", "reply_number", "reply_date")

    def _side_by_side(self, sheet_key: str, first: str, second: str) -> int | None:
        """Where column ``first`` stands on the sheet, ``second`` right after it (else None):
        a number and its date are written as one block."""
        table = self.reg.tables.get(sheet_key)
        if table is None:
            return None
        cols = [table.columns.get(first), table.columns.get(second)]
        return None if None in cols or cols[1] != cols[0] + 1 else cols[0]
