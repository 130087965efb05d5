"""What a kind of problem is: severity, the words said to each reader (the ribbon or the
command line), how several are said in one line. The kinds themselves are declared in
:mod:`doithoai.registry.catalogue`; :mod:`doithoai.registry.problems` makes occurrences."""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass
from typing import Iterator

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}

# --- who reads the words ----------------------------------------------------------------------
# The clerk at the ribbon (buttons, the Kiểm tra sheet, cell notes) or at the command line,
# where there is no button to press and no cell is coloured. An entry point says whom it speaks
# to (:func:`speaking_to`); a text that differs between the two is a :class:`Worded`, and
# everything made while that entry point runs (problems from the catalogue, the file shells'
# messages) is worded for its reader.
EXCEL, CLI = "excel", "cli"
_AUDIENCE: contextvars.ContextVar[str] = contextvars.ContextVar("audience", default=EXCEL)


@contextlib.contextmanager
def speaking_to(audience: str) -> Iterator[None]:
    """Word every problem and message made inside the block for ``audience`` (EXCEL, CLI)."""
    if audience not in (EXCEL, CLI):
        raise ValueError(f"unknown audience {audience}")
    token = _AUDIENCE.set(audience)
    try:
        yield
    finally:
        _AUDIENCE.reset(token)


def audience() -> str:
    return _AUDIENCE.get()


@dataclass(frozen=True)
class Worded:
    """One text said two ways: to the clerk at the ribbon, and at the command line."""
    excel: str
    cli: str

    def text(self) -> str:
        return self.cli if audience() == CLI else self.excel


def wording(text: str | Worded) -> str:
    """``text`` as the current reader should see it."""
    return text.text() if isinstance(text, Worded) else text


def said(excel: str, cli: str) -> str:
    """A message of a file shell or a feature that names a button at the ribbon and a command
    at the command line: the one for the current reader."""
    return wording(Worded(excel, cli))


@dataclass(frozen=True)
class Many:
    """How several problems of one kind that share sheet and column (and differ by row) are
    said in one line (:func:`grouped`). ``message`` and ``hint`` are templates over the fields
    of the problems, a field that differs among them being each value once, joined by commas
    ({row}: "6, 11, 16"), plus {count} and {items}: ``item`` worded for each problem, joined."""
    message: str | Worded
    hint: str | Worded
    item: str = ""
    parts: tuple[str, ...] = ()   # fields that each list values ("ô K3, ô K9"): merged value
                                  # by value, each once


@dataclass(frozen=True)
class ProblemType:
    code: str
    severity: str
    title: str
    message: str | Worded   # str.format template; fields: value, column, sheet, extras
    hint: str | Worded      # str.format template; a Worded when the ribbon's words differ
    description: str          # for the docs: when it fires and why it matters
    many: Many | None = None  # several in one line (see :func:`grouped`); None: one a line
