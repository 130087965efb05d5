"""Located problems and the catalogue of their kinds.

In the manner of frictionless-py's error catalogue: each kind of problem has a stable code, a
severity, a Vietnamese title, a message template, a fix hint template and a description. A
:class:`Problem` is one occurrence, located by sheet, row, column and A1 cell, so a clerk can
go straight to it. The catalogue is documented by ``doithoai catalogue`` (generated, never
written by hand).

A problem is worded for whoever reads it (:func:`speaking_to`: the ribbon, or the command line,
which has no button and colours no cell), and problems of one kind that differ only by row can
be said in one line naming every row (:func:`grouped`).
"""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

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


@dataclass(frozen=True)
class ProblemType:
    code: str
    severity: str
    title: str
    message: str | Worded   # str.format template; fields: value, column, sheet, extras
    hint: str | Worded      # str.format template; a Worded when the ribbon's words differ
    description: str          # for the docs: when it fires and why it matters
    many: Many | None = None  # several in one line (see :func:`grouped`); None: one a line


_TYPES: dict[str, ProblemType] = {}


def register(*types: ProblemType) -> None:
    for t in types:
        if t.code in _TYPES:
            raise ValueError(f"duplicate problem code {t.code}")
        if t.severity not in SEVERITY_LABELS:
            raise ValueError(f"{t.code}: bad severity {t.severity}")
        _TYPES[t.code] = t


def catalogue() -> list[ProblemType]:
    """Every problem kind registered so far. The codes are registered by
    :mod:`doithoai.rules.validation.catalogue` and :mod:`doithoai.rules.deadlines`; importing
    :mod:`doithoai.rules.validation` registers them all."""
    return sorted(_TYPES.values(), key=lambda t: t.code)


def problem_type(code: str) -> ProblemType:
    return _TYPES[code]


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    sheet: str
    cell: str | None       # A1 reference, None for a whole sheet or file
    row: int | None        # Excel row number
    column: str | None     # header text
    value: object
    message: str
    hint: str
    # the template fields it was worded from (for :func:`grouped`); not part of its identity
    fields: Mapping = field(default_factory=dict, compare=False, repr=False)
    members: tuple = field(default=(), compare=False, repr=False)   # a group: the problems

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in ("code", "severity", "sheet", "cell", "row", "column",
                                           "value", "message", "hint")}
        v = d["value"]
        if v is not None and not isinstance(v, (str, int, float, bool)):
            d["value"] = str(v)
        if self.members:
            d["rows"] = [p.row for p in self.members]
            d["cells"] = [p.cell for p in self.members]
        return d


class _Blank(dict):
    def __missing__(self, key):  # a template field nobody passed renders empty, never raises
        return ""


def make(kind: str, sheet: str, *, row: int | None = None, col: int | None = None,
         column: str | None = None, value: object = None, **params) -> Problem:
    """One problem of kind ``kind`` at (row, col); col is the 0-based column index. Its words
    are those for the current reader (:func:`speaking_to`)."""
    t = _TYPES[kind]
    cell = a1(row, col) if row is not None and col is not None else None
    fields = _Blank(params, value="" if value is None else value, column=column or "",
                    sheet=sheet, row="" if row is None else row, cell=cell or "")
    return Problem(code=t.code, severity=t.severity, sheet=sheet, cell=cell, row=row,
                   column=column, value=value, message=wording(t.message).format_map(fields),
                   hint=wording(t.hint).format_map(fields), fields=dict(fields))


def grouped(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with those of a kind that has a :class:`Many` wording, and that share sheet
    and column, said as one problem naming each of them (in the order they came, each group
    where its first member was). The others, and a group of one, as they are."""
    groups: dict[tuple, list[Problem]] = {}
    order: list[tuple] = []
    for i, p in enumerate(problems):
        key = (p.code, p.sheet, p.column) if _TYPES[p.code].many else (i,)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(p)
    return [_one_line(groups[k]) if len(groups[k]) > 1 else groups[k][0] for k in order]


def _one_line(members: list[Problem]) -> Problem:
    many = _TYPES[members[0].code].many
    fields = _Blank(count=len(members),
                    items=_joined(many.item.format_map(_Blank(p.fields)) for p in members))
    for name in {k for p in members for k in p.fields}:
        fields[name] = _joined(str(p.fields.get(name, "")) for p in members)
    first = members[0]
    return Problem(code=first.code, severity=first.severity, sheet=first.sheet, cell=None,
                   row=None, column=first.column, value=None,
                   message=wording(many.message).format_map(fields),
                   hint=wording(many.hint).format_map(fields), fields=dict(fields),
                   members=tuple(members))


def _joined(values: Iterable[str]) -> str:
    """Each non-blank value once, in order, joined by commas."""
    return ", ".join(v for v in dict.fromkeys(values) if v)


def column_letter(col: int) -> str:
    """0-based column index to Excel letters (0 → A, 26 → AA)."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


# ---------------------------------------------------------------------------------------------
# Problems the reader finds while reading the workbook. Validation registers its own.

register(
    ProblemType("sheet-missing", ERROR, "Thiếu trang tính",
                "Sổ không có trang tính \"{sheet}\".",
                Worded("Tạo lại sổ bằng nút Tạo sổ mới rồi chép dữ liệu sang, hoặc đổi tên "
                       "trang tính cho đúng \"{sheet}\".",
                       "Tạo sổ mới bằng lệnh doithoai init rồi chép dữ liệu sang, hoặc đổi tên "
                       "trang tính cho đúng \"{sheet}\"."),
                "A sheet of the contract is absent (renamed or deleted)."),
    ProblemType("column-missing", ERROR, "Thiếu cột",
                "Trang \"{sheet}\" không có cột \"{column}\" ở dòng tiêu đề.",
                "Thêm lại cột có tiêu đề đúng \"{column}\" ở dòng 1 (có thể chép từ sổ mẫu).",
                "A header of the contract is absent from row 1; columns are found by header."),
    ProblemType("sheet-added-later", INFO, "Sổ chưa có trang mới",
                "Sổ chưa có trang \"{sheet}\" (có từ phiên bản {version}); các chức năng dùng "
                "trang này sẽ bỏ qua.",
                Worded("Muốn dùng: chép trang \"{sheet}\" từ một sổ mới (nút Tạo sổ mới) sang sổ "
                       "này, giữ nguyên tên trang và dòng tiêu đề.",
                       "Muốn dùng: chép trang \"{sheet}\" từ một sổ mới (lệnh doithoai init) "
                       "sang sổ này, giữ nguyên tên trang và dòng tiêu đề."),
                "A sheet added to the contract after the registry was made; it still opens."),
    ProblemType("column-added-later", INFO, "Sổ chưa có cột mới",
                "Trang \"{sheet}\" chưa có cột \"{column}\" (có từ phiên bản {version}).",
                "Muốn dùng: thêm cột có tiêu đề đúng \"{column}\" vào cuối bảng của trang "
                "\"{sheet}\" (hoặc chép từ một sổ mới).",
                "A column added to the contract after the registry was made; the registry still "
                "opens and what needs the column says so."),
    ProblemType("date-out-of-range", ERROR, "Ngày không hợp lý",
                "Ngày {value} ở cột \"{column}\" nằm ngoài khoảng năm 2000-2100.",
                "Kiểm tra lại năm; nhập đủ 4 chữ số, ví dụ 12/06/2026.",
                "A date before 2000 or after 2100 (9999, 1899, 2206…): usually a mistyped year or "
                "a number typed into a date column. The reader refuses it where it reads it, so "
                "no deadline is computed from it."),
    ProblemType("date-unreadable", ERROR, "Ngày không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là ngày hợp lệ.",
                "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 12/06/2026.",
                "A date cell holds text or a number that is not a real calendar date "
                "(accepted: Excel dates, serial numbers, d/m/yyyy, d-m-yyyy, yyyy-mm-dd)."),
    ProblemType("date-serial-text", WARNING, "Ngày ghi bằng số",
                "Ô ghi \"{value}\" (chữ số) ở cột \"{column}\": phần mềm hiểu là số ngày kiểu "
                "Excel, tức ngày {date}.",
                "Nếu đúng, gõ lại thành {date}; nếu không phải ngày đó, sửa lại cho đúng.",
                "Digits typed as text in a date column (\"46367\", often a date copied from "
                "another program) are read as an Excel serial number; the clerk is told which "
                "date that is, since it may not be what was meant."),
    ProblemType("header-repeated", ERROR, "Hai cột cùng tiêu đề",
                "Trang \"{sheet}\" có hai cột cùng tiêu đề \"{column}\" (cột {first} và cột "
                "{second}); phần mềm chỉ đọc cột {first}.",
                "Đổi tên hoặc xóa cột {second} (chép phần cần giữ sang cột {first}).",
                "Two columns of a contract sheet share a header: only the first is read, so what "
                "is typed in the second would be ignored without a word."),
    ProblemType("cell-merged", ERROR, "Ô gộp trong bảng",
                "Các ô {range} ở cột \"{column}\" đang được gộp: chỉ ô đầu có giá trị, {hidden} "
                "ô còn lại được đọc là trống.",
                "Bỏ gộp ô (Merge & Center › Unmerge Cells) rồi ghi giá trị vào từng dòng.",
                "Merged cells in a data sheet: a merged range holds its value in its first cell "
                "only, so the other rows it spans read as empty (an opinion's Lĩnh vực merged "
                "over four rows is blank for three of them)."),
    ProblemType("time-unreadable", ERROR, "Giờ không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là giờ hợp lệ.",
                "Nhập giờ theo dạng giờ:phút, ví dụ 08:00 hoặc 14:30.",
                "A time cell holds something that is not a time of day (accepted: Excel times, "
                "8:00, 08 giờ 00, 8h30, 2 giờ chiều)."),
    ProblemType("number-unreadable", ERROR, "Số không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là số nguyên.",
                "Chỉ nhập chữ số, ví dụ 150.",
                "A whole-number cell holds text or a fraction."),
    ProblemType("phone-unreadable", WARNING, "Số điện thoại không hợp lệ",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là số điện thoại Việt Nam.",
                "Nhập 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số (cố định), ví dụ "
                "0912 345 678.",
                "A phone cell does not hold a Vietnamese number (10 digits for mobiles, 11 for "
                "landlines, +84 accepted)."),
)
