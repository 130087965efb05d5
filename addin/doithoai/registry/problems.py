"""Located problems and the catalogue of their kinds.

In the manner of frictionless-py's error catalogue: each kind of problem has a stable code, a
severity, a Vietnamese title, a message template, a fix hint template and a description. A
:class:`Problem` is one occurrence, located by sheet, row, column and A1 cell, so a clerk can
go straight to it. The catalogue is documented by ``doithoai catalogue`` (generated, never
written by hand).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}


@dataclass(frozen=True)
class ProblemType:
    code: str
    severity: str
    title: str
    message: str      # str.format template; fields: value, column, sheet and per-code extras
    hint: str         # str.format template
    description: str  # for the docs: when it fires and why it matters


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

    def to_json(self) -> dict:
        d = asdict(self)
        v = d["value"]
        if v is not None and not isinstance(v, (str, int, float, bool)):
            d["value"] = str(v)
        return d


class _Blank(dict):
    def __missing__(self, key):  # a template field nobody passed renders empty, never raises
        return ""


def make(kind: str, sheet: str, *, row: int | None = None, col: int | None = None,
         column: str | None = None, value: object = None, **params) -> Problem:
    """One problem of kind ``kind`` at (row, col); col is the 0-based column index."""
    t = _TYPES[kind]
    fields = _Blank(params, value="" if value is None else value, column=column or "",
                    sheet=sheet, row="" if row is None else row)
    cell = a1(row, col) if row is not None and col is not None else None
    return Problem(code=t.code, severity=t.severity, sheet=sheet, cell=cell, row=row,
                   column=column, value=value, message=t.message.format_map(fields),
                   hint=t.hint.format_map(fields))


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
                "Tạo lại sổ bằng nút Tạo sổ mới rồi chép dữ liệu sang, hoặc đổi tên trang tính "
                "cho đúng \"{sheet}\".",
                "A sheet of the contract is absent (renamed or deleted)."),
    ProblemType("column-missing", ERROR, "Thiếu cột",
                "Trang \"{sheet}\" không có cột \"{column}\" ở dòng tiêu đề.",
                "Thêm lại cột có tiêu đề đúng \"{column}\" ở dòng 1 (có thể chép từ sổ mẫu).",
                "A header of the contract is absent from row 1; columns are found by header."),
    ProblemType("sheet-added-later", INFO, "Sổ chưa có trang mới",
                "Sổ chưa có trang \"{sheet}\" (có từ phiên bản {version}); các chức năng dùng "
                "trang này sẽ bỏ qua.",
                "Muốn dùng: chép trang \"{sheet}\" từ một sổ mới (nút Tạo sổ mới) sang sổ này, "
                "giữ nguyên tên trang và dòng tiêu đề.",
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
