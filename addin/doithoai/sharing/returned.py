"""A returned intake file as data: what the file shell read, what the merge (pure) works on."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field


@dataclass
class ReturnedRow:
    sheet: str
    row: int                       # the row in the returned file (1-based)
    values: dict                   # key → raw value as returned
    # keys whose cell holds a formula with no stored result (saved by a program that does not
    # compute formulas): the cell reads blank, but it is not empty
    unresolved: tuple = ()
    # keys whose cell holds a formula, with or without a stored result: what it shows is what a
    # program computed, never what a citizen said
    formulas: tuple = ()


@dataclass
class Returned:
    path: str
    identity: dict = field(default_factory=dict)     # from _doithoai, or guessed
    identity_source: str = ""                        # "ẩn", "đầu trang", ""
    rows: list[ReturnedRow] = field(default_factory=list)
    problem: str | None = None                       # the whole file cannot be used: why
    note: str | None = None                          # read, with a caution for the clerk
    header_plan: str = ""                            # the Mã KH its first lines print
    header_meeting: dt.date | None = None            # the conference day they print
    encrypted: bool | None = None                    # came back with a password (None: unknown)
    saved: dt.datetime | None = None                 # last saved (UTC), by its own properties

    @property
    def name(self) -> str:
        return os.path.basename(self.path)
