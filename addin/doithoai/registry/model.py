"""Typed domain objects read from the registry.

One dataclass per sheet; its fields are exactly the sheet's internal keys (a test holds them
to :mod:`doithoai.registry.schema`) plus ``row``, the Excel row the object came from, so anything said
about it can point at the cell. A value that was empty or could not be read is ``None``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from doithoai.registry import parsing, schema
from doithoai.registry.problems import Problem


@dataclass
class Settings:
    unit_name: str | None = None
    unit_type: str | None = None
    province: str | None = None
    place_name: str | None = None
    parent_agency: str | None = None
    issuer_name: str | None = None
    party_superior: str | None = None
    party_committee_name: str | None = None
    chairman: str | None = None
    party_secretary: str | None = None
    contact_officer: str | None = None
    contact_phone: str | None = None
    drafting_unit: str | None = None
    documents_folder: str | None = None
    numbering: str | None = None
    due_soon_days: int | None = None
    monitor_names: str | None = None
    data_purpose: str | None = None
    contact_months: int | None = None
    rows: dict[str, int] = field(default_factory=dict)   # setting key → Excel row


@dataclass
class Plan:
    row: int
    plan_id: str | None = None
    issuer: str | None = None
    number_symbol: str | None = None
    issue_date: dt.date | None = None
    subject: str | None = None
    form: str | None = None
    chair_title: str | None = None
    chair_name: str | None = None
    scope: str | None = None
    meeting_date: dt.date | None = None
    weekday: str | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    expected_delegates: int | None = None
    content: str | None = None
    legal_bases: str | None = None
    signing_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    status: str | None = None
    note: str | None = None

    @property
    def villages(self) -> list[str]:
        return [v.strip() for v in (self.scope or "").split(";") if v.strip()]

    @property
    def bases(self) -> list[str]:
        return [b.strip() for b in (self.legal_bases or "").splitlines() if b.strip()]

    @property
    def is_party(self) -> bool:
        return (self.issuer or "") == "Đảng ủy"

    @property
    def cancelled(self) -> bool:
        """Its conference will not take place (Trạng thái "Đã hủy")."""
        return self.status == schema.CANCELLED_STATUS


@dataclass
class Invitee:
    row: int
    plan_id: str | None = None
    seq: int | None = None
    honorific: str | None = None
    full_name: str | None = None
    position: str | None = None
    organization: str | None = None
    group: str | None = None
    address: str | None = None
    phone: str | None = None
    invited: str | None = None
    invitation_number: str | None = None
    sent_date: dt.date | None = None
    attendance: str | None = None


@dataclass
class Opinion:
    row: int
    opinion_id: str | None = None
    plan_id: str | None = None
    source: str | None = None
    received_date: dt.date | None = None
    raised_by: str | None = None
    address: str | None = None
    phone: str | None = None
    content: str | None = None
    field: str | None = None
    competence: str | None = None
    agency: str | None = None
    reply_due: dt.date | None = None
    answered_at_meeting: str | None = None
    answer: str | None = None
    reply_number: str | None = None
    reply_date: dt.date | None = None
    status: str | None = None
    duplicate_of: str | None = None
    note: str | None = None
    assigned_date: dt.date | None = None
    resolved_date: dt.date | None = None
    satisfaction: str | None = None
    intake_ref: str | None = None


@dataclass
class PendingRow:
    row: int
    file: str | None = None
    source_sheet: str | None = None
    source_row: int | None = None
    code: str | None = None
    batch: str | None = None
    plan_id: str | None = None
    reason: str | None = None
    raised_by: str | None = None
    address: str | None = None
    phone: str | None = None
    content: str | None = None
    field: str | None = None
    received_date: str | None = None
    logged: str | None = None


@dataclass
class IntakeKey:
    row: int
    plan_id: str | None = None
    village: str | None = None
    code: str | None = None
    batch: str | None = None
    file: str | None = None
    password: str | None = field(default=None, repr=False)
    created: str | None = None


@dataclass
class Milestone:
    row: int
    plan_id: str | None = None
    opinion_id: str | None = None
    code: str | None = None
    task: str | None = None
    unit: str | None = None
    due: dt.date | None = None
    basis: str | None = None
    done_date: dt.date | None = None
    status: str | None = None
    remaining: int | None = None


@dataclass
class Rule:
    row: int
    code: str | None = None
    task: str | None = None
    anchor: str | None = None
    direction: str | None = None
    days: int | None = None
    day_kind: str | None = None
    unit: str | None = None
    applies_to: str | None = None
    legal_basis: str | None = None
    mandatory: str | None = None
    enabled: str | None = None


@dataclass
class Override:
    row: int
    date: dt.date | None = None
    kind: str | None = None
    reason: str | None = None
    basis: str | None = None


@dataclass
class RegisterEntry:
    row: int
    number: int | None = None
    symbol: str | None = None
    number_symbol: str | None = None
    date: dt.date | None = None
    kind: str | None = None
    subject: str | None = None
    plan_id: str | None = None
    opinion_id: str | None = None
    file: str | None = None
    status: str | None = None
    fingerprint: str | None = None


@dataclass
class SurveyTally:
    row: int
    plan_id: str | None = None
    question: str | None = None
    option: str | None = None
    count: int | None = None
    note: str | None = None


# Sheet key → row class (the product sheets Kiểm tra, Tổng hợp, Nhật ký are not read back).
ROW_CLASSES = {
    "plans": Plan,
    "invitees": Invitee,
    "opinions": Opinion,
    "milestones": Milestone,
    "rules": Rule,
    "overrides": Override,
    "register": RegisterEntry,
    "survey": SurveyTally,
    "pending": PendingRow,
    "intake_keys": IntakeKey,
}


@dataclass
class TableData:
    """A sheet as read: where each column is, and each non-blank row's raw and typed values.

    The reader keeps the rows column by column (``by_column``, with their Excel row numbers in
    ``numbers``); ``rows`` gives them row by row, built on first use: validating 50,000
    opinions reads columns only, and never pays for 50,000 row objects."""

    sheet: str                       # sheet name
    present: bool
    columns: dict[str, int]          # internal key → 0-based column index
    header_row: int = 1
    last_row: int = 1                # last row with anything in it, in any column
    # internal key → (raw values, typed values), one per row; empty when built row by row
    by_column: dict[str, tuple[tuple, tuple]] = field(default_factory=dict, repr=False)
    numbers: tuple[int, ...] = ()    # the Excel row number of each row of by_column
    # internal key → (cell key → raw value, cell key → typed value): each distinct value of the
    # column once, keyed as parsing.cell_keys keys it (the reader has them; else built on use)
    by_value: dict[str, tuple[dict, dict]] = field(default_factory=dict, repr=False)
    _rows: list["RowData"] | None = field(default=None, repr=False)

    @property
    def rows(self) -> list["RowData"]:
        if self._rows is None:
            raws = {key: raw for key, (raw, _) in self.by_column.items()}
            typed = {key: values for key, (_, values) in self.by_column.items()}
            self._rows = [RowData(n, RowCells(raws, i), RowCells(typed, i))
                          for i, n in enumerate(self.numbers)]
        return self._rows

    def row_numbers(self) -> tuple[int, ...]:
        return self.numbers if self._rows is None else tuple(r.row for r in self._rows)

    def distinct(self, key: str) -> tuple[dict, dict]:
        """Column ``key``'s distinct values: (cell key → raw, cell key → typed), keyed by
        parsing.cell_keys."""
        if self._rows is None and key in self.by_value:
            return self.by_value[key]
        raws, values = self.column(key)
        keyed = parsing.cell_keys(raws)
        return dict(zip(keyed, raws)), dict(zip(keyed, values))

    def column(self, key: str) -> tuple[tuple, tuple]:
        """Column ``key``'s raw and typed values, one per row, in order."""
        if self._rows is None:
            return self.by_column.get(key, ((None,) * len(self.numbers),) * 2)
        return (tuple(r.raw.get(key) for r in self._rows),
                tuple(r.values.get(key) for r in self._rows))


class RowCells(Mapping):
    """One row of a table kept column by column (internal key → that column's values), read as
    a mapping without copying: a registry of 50,000 opinions would otherwise build a million
    dictionary entries that hardly anyone reads."""

    __slots__ = ("_columns", "_index")

    def __init__(self, columns: dict[str, tuple], index: int):
        self._columns = columns
        self._index = index

    def __getitem__(self, key: str):
        return self._columns[key][self._index]

    def __iter__(self):
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


@dataclass
class RowData:
    row: int                         # Excel row number
    raw: Mapping[str, object]        # internal key → the cell value as it came
    values: dict[str, object]        # internal key → typed value (None if blank/unreadable)


@dataclass
class Registry:
    settings: Settings
    plans: list[Plan]
    invitees: list[Invitee]
    opinions: list[Opinion]
    milestones: list[Milestone]
    rules: list[Rule]
    overrides: list[Override]
    register: list[RegisterEntry]
    survey: list[SurveyTally]
    pending: list[PendingRow]
    intake_keys: list[IntakeKey]
    lookups: dict[str, list[str]]           # lookup key → values
    tables: dict[str, TableData]            # sheet key → as read, for validation
    problems: list[Problem]
    source: str | None = None
    agency_levels: dict[str, str] = field(default_factory=dict)   # Danh mục: agency → level

    def plan(self, plan_id: str) -> Plan | None:
        """The plan with Mã KH ``plan_id``, read as the registry reads a reference: spaces
        around it, case and Unicode form aside ("kh-2027-01 " is KH-2027-01)."""
        for p in self.plans:
            if p.plan_id == plan_id:
                return p
        wanted = parsing.fold((plan_id or "").strip())
        return next((p for p in self.plans if p.plan_id and parsing.fold(p.plan_id) == wanted),
                    None)
