"""The intake workbook: written for the Front, read back however it was re-saved.

Export (:func:`export`): one small plain .xlsx per village (or one for the whole plan). Its
sheet "Ý kiến" carries the plan's facts on top and a table with the registry's own headers for
the columns the Front fills, each row pre-numbered with the village code (CKA-001, as printed on
the Phiếu đăng ký); dropdowns for Nguồn and Lĩnh vực come from a hidden "Danh mục" sheet; a
very hidden, protected sheet "_doithoai" holds the identity (registry, plan, village, batch, the
day it was made and the conference day it was made for) so a returned file is recognised.
What the form says of its dates, before and after the conference: sharing.timing.

Read (:func:`read_returned`): any sheet whose header row names the opinion columns, with headers
found by meaning (case, accents, NFD, trailing spaces, "Nội dung ý kiến" for "Nội dung"), in any
order, extra columns ignored; .xlsx re-saved by LibreOffice or Excel on the web and old .xls
files alike (python-calamine reads both). The identity comes from "_doithoai", else from the
facts on top ("Mã KH: …"), else from what the caller says.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from dataclasses import dataclass, field

from doithoai.registry import parsing, schema
from doithoai.registry.problems import said
from doithoai.text import places, vntext
from doithoai.text.filenames import safe_file
from doithoai.sharing.returned import Returned, ReturnedRow
from doithoai.sharing import timing
from doithoai.sharing.codes import row_code, village_codes
from doithoai.sharing.formulas import formula_cells, saved_at

FORMAT = "doithoai-intake/1"
ID_SHEET = "_doithoai"
DATA_SHEET = "Ý kiến"
LIST_SHEET = "Danh mục"
ROWS_PER_VILLAGE = 40
CODE_HEADER = "Mã phiếu"
SOURCES = ("Phiếu hỏi", "Phát biểu tại hội nghị", "Văn bản")

# The columns the Front fills, with the registry's headers (schema.OPINIONS) where it has them.
COLUMNS: tuple[tuple[str, str, float, str], ...] = (
    ("code", CODE_HEADER, 11, "Mã in trên phiếu giấy; giữ nguyên để đối chiếu"),
    ("source", "Nguồn", 16, "Phiếu hỏi, phát biểu hay văn bản"),
    ("received_date", "Ngày nhận", 12, "Ngày nhận phiếu, dạng ngày/tháng/năm"),
    ("raised_by", "Người nêu", 22, "Họ tên người gửi ý kiến (Ông/Bà ...)"),
    ("address", "Địa chỉ", 18, "Thôn, tổ dân phố"),
    ("phone", "Điện thoại", 13, "Nếu có"),
    ("content", "Nội dung", 60, "Mỗi ý kiến một dòng; chép đúng ý người dân"),
    ("field", "Lĩnh vực", 30, "Chọn trong danh sách; không rõ thì để trống"),
    ("note", "Ghi chú", 24, ""),
)

# Header aliases, accent-free and lower case: a returned file's header maps to a key when it
# equals one of these, or starts with one followed by a space.
ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("ma phieu", "ma so phieu", "so phieu", "ma"),
    "source": ("nguon", "nguon y kien"),
    "received_date": ("ngay nhan", "ngay gui", "ngay"),
    "raised_by": ("nguoi neu", "ho va ten", "ho ten", "nguoi gui", "ten nguoi neu", "cong dan"),
    "address": ("dia chi", "thon", "to dan pho", "noi o"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt"),
    "content": ("noi dung", "noi dung y kien", "y kien", "y kien kien nghi", "kien nghi"),
    "field": ("linh vuc",),
    "note": ("ghi chu",),
}


def _header_key(text) -> str | None:
    if parsing.is_blank(text):
        return None
    h = " ".join(re.sub(r"[^0-9a-z ]", " ", vntext.unaccent(parsing.to_text(text))).split())
    for key, names in ALIASES.items():
        if h in names:
            return key
    for key, names in ALIASES.items():
        if any(h.startswith(n + " ") for n in names if len(n) > 3):
            return key
    return None


# --- export ------------------------------------------------------------------------------------

@dataclass
class Exported:
    path: str
    village: str | None
    code: str | None
    batch: str
    rows: int
    password: str | None = field(default=None, repr=False)   # the file's own, when encrypted
    asked: str = ""         # the name it was meant to have (taken by an earlier export: " (2)")


def _identity_rows(reg, plan, village, code, batch, today) -> list[tuple[str, str]]:
    return [("format", FORMAT), ("registry", reg.settings.unit_name or ""),
            ("plan", plan.plan_id), ("village", village or ""), ("code", code or ""),
            ("batch", batch), ("created", today.isoformat()), timing.identity_row(plan)]


def _facts(reg, plan, village, code, due, today) -> list[str]:
    from doithoai.rules.agencies import office_unit
    from doithoai.text import unit_words, vnformat
    s = reg.settings
    when = (vnformat.meeting_time(plan.start_time, plan.end_time, plan.meeting_date)
            if plan.meeting_date else "(chưa có ngày)")
    # The office the form goes back to, and the unit, as a sentence writes them ("Văn phòng
    # HĐND và UBND xã Yên Khê"), after the officer who receives it, if Cấu hình names one.
    unit = unit_words.in_sentence(s.unit_name, s.unit_type)
    office = f"{office_unit(None, plan.is_party)} {unit}"
    back = vnformat.comrade(s.contact_officer)
    if s.contact_phone:
        back = f"{back or office} (điện thoại {parsing.format_phone(s.contact_phone)})"
    back = f"{back}, {office}" if back and s.contact_officer else (back or office)
    return [
        "PHIẾU TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN GỬI HỘI NGHỊ ĐỐI THOẠI",
        f"Hội nghị: {plan.subject or ''} (Mã KH: {plan.plan_id})",
        f"Thời gian: {when}. Địa điểm: {plan.venue or ''}.",
        f"Địa bàn: {village} (mã {code})" if village else
        f"Phạm vi: {'; '.join(plan.villages)}",
        timing.send_back(back, plan, due, today),
        "Cách ghi: mỗi ý kiến một dòng, dùng Mã phiếu đã ghi sẵn ở dòng đó ("
        + (f"{code}-001, {code}-002…" if code else "mã thôn và số thứ tự") + "; có thể ghi mã "
        "này lên phiếu giấy để đối chiếu), không sửa mã; không đổi tên cột, không xóa trang; có "
        "thể mở bằng Excel, Excel trên web hoặc LibreOffice.",
    ]


def _write_one(reg, plan, village, code, codes_for_rows, path, today, due,
               encrypt: bool = False) -> Exported:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    from doithoai.files import pagefit, protected

    batch = secrets.token_hex(3).upper()
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    facts = _facts(reg, plan, village, code, due, today)
    # Each line wrapped over the columns before Nội dung: the width of the first printed page.
    span = [key for key, _, _, _ in COLUMNS].index("content")
    span_width = sum(width for _, _, width, _ in COLUMNS[:span])
    for i, text in enumerate(facts, start=1):
        cell = ws.cell(row=i, column=1, value=text)
        cell.font = Font(bold=(i == 1), size=12 if i == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=span)
        ws.row_dimensions[i].height = pagefit.row_height([(text, span_width)],
                                                         12 if i == 1 else 11, i == 1)
    header_row = len(facts) + 2
    for c, (_, header, width, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=header_row, column=c, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[cell.column_letter].width = width
    wrap, level = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    for r, row_code_ in enumerate(codes_for_rows, start=header_row + 1):
        ws.cell(row=r, column=1, value=row_code_)
        for c, (key, _, _, _) in enumerate(COLUMNS, start=1):    # a code level with its text
            ws.cell(row=r, column=c).alignment = level if key == "received_date" else wrap
        ws.cell(row=r, column=3).number_format = schema.DATE_FORMAT
    last = header_row + len(codes_for_rows)
    last_col = ws.cell(row=header_row, column=len(COLUMNS)).column_letter
    table = Table(displayName="YKienMTTQ", ref=f"A{header_row}:{last_col}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = f"B{header_row + 1}"
    ws.page_setup.orientation = "landscape"        # printed for the village meeting, too
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    # Across as many pages as keep the text readable, the pages of the same rows one after the
    # other, gridlines. No repeated column: it would repeat the cut-off start of the lines
    # above the list; the rows of the pages across line up.
    ws.page_setup.fitToWidth, _ = pagefit.plan([w for _, _, w, _ in COLUMNS], "landscape",
                                               ws.page_margins.left)
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    # Lists for the dropdowns, on a hidden sheet (a list typed inline is limited to 255 chars).
    lists = wb.create_sheet(LIST_SHEET)
    fields = reg.lookups.get("fields") or list(schema.lookup("Lĩnh vực").values)
    for i, v in enumerate(("Nguồn",) + SOURCES, start=1):
        lists.cell(row=i, column=1, value=v)
    lists.cell(row=1, column=2, value="Lĩnh vực")
    for i, v in enumerate(fields, start=2):
        lists.cell(row=i, column=2, value=v)
    lists.sheet_state = "hidden"
    body = f"{header_row + 1}:{last + 200}"
    a, b = body.split(":")
    for col, ref, title, prompt in (
            ("B", f"'{LIST_SHEET}'!$A$2:$A${len(SOURCES) + 1}", "Nguồn", COLUMNS[1][3]),
            ("H", f"'{LIST_SHEET}'!$B$2:$B${len(fields) + 1}", "Lĩnh vực", COLUMNS[7][3])):
        dv = DataValidation(type="list", formula1=ref, allow_blank=True, showDropDown=False,
                            promptTitle=title, prompt=prompt, showInputMessage=True)
        dv.add(f"{col}{a}:{col}{b}")
        ws.add_data_validation(dv)
    date_dv = DataValidation(type="date", operator="between", formula1="36526", formula2="73051",
                             allow_blank=True, promptTitle="Ngày nhận", prompt=COLUMNS[2][3],
                             showInputMessage=True, showErrorMessage=True,
                             errorTitle="Ngày không hợp lệ",
                             error="Nhập ngày dạng ngày/tháng/năm, ví dụ 20/05/2026.")
    date_dv.add(f"C{a}:C{b}")
    ws.add_data_validation(date_dv)
    ident = wb.create_sheet(ID_SHEET)
    for i, (k, v) in enumerate(_identity_rows(reg, plan, village, code, batch, today), start=1):
        ident.cell(row=i, column=1, value=k)
        ident.cell(row=i, column=2, value=v)
    ident.sheet_state = "veryHidden"
    ident.protection.sheet = True
    ident.protection.password = "doithoai"
    wb.properties.title = f"Phiếu ý kiến {plan.plan_id} {village or ''}".strip()
    wb.properties.creator = "doithoai"
    password = protected.spoken_password() if encrypt else None
    # A free name (an earlier export is never replaced); encrypted in memory with its own
    # password, to be read to the Front over the phone.
    written = protected.write_new(path, lambda out: protected.save_workbook(wb, out), password)
    return Exported(written, village, code, batch, len(codes_for_rows), password, path)


def export(reg, plan_id: str, out_dir: str, villages: list[str] | None = None,
           one_file: bool = False, today: dt.date | None = None,
           rows_per_village: int = ROWS_PER_VILLAGE, encrypt: bool = False) -> list[Exported]:
    """Write the intake workbooks of a plan; returns what was written. Never overwrites: a
    file of that name (or one another command is writing) gets " (2)". With ``encrypt``, each
    file is encrypted with a password of its own (Exported.password)."""
    today = today or dt.date.today()
    plan = reg.plan(plan_id)
    if plan is None:
        raise LookupError(plan_id)
    chosen = plan.villages
    if villages:
        # A village named as the clerk says it: "Nà Làng" is Thôn Nà Làng, "thon na lang" too.
        finder = places.PlaceFinder(plan.villages)
        named = {w: finder.place_of(w) for w in villages}
        unknown = [w for w, v in named.items() if v is None]
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        chosen = [v for v in plan.villages if v in named.values()]
    codes = village_codes(plan.villages)
    due = timing.form_due(reg, plan, today)      # None once past: the meeting's day is asked
    os.makedirs(out_dir, exist_ok=True)
    out = []
    if one_file or not chosen:
        rows = [row_code(codes[v], n) for v in chosen or [] for n in
                range(1, rows_per_village + 1)] or [row_code("TH", n) for n in
                                                    range(1, rows_per_village + 1)]
        path = os.path.join(out_dir, safe_file(f"phieu-y-kien-{plan_id}", ".xlsx"))
        out.append(_write_one(reg, plan, None, None, rows, path, today, due, encrypt))
        return out
    from doithoai.text.vntext import title_slug
    for v in chosen:
        rows = [row_code(codes[v], n) for n in range(1, rows_per_village + 1)]
        name = safe_file(f"phieu-y-kien-{plan_id}-{title_slug(v)}", ".xlsx")
        path = os.path.join(out_dir, name)
        out.append(_write_one(reg, plan, v, codes[v], rows, path, today, due, encrypt))
    return out


# --- reading a returned file --------------------------------------------------------------------

_PLAN_IN_TEXT = re.compile(r"Mã KH:\s*([^\s)]+)")
_CODE_IN_TEXT = re.compile(r"\(mã ([A-Z0-9]+)\)")


def read_returned(path: str, passwords=()) -> Returned:
    """A returned intake file: its identity and its non-blank rows, or the reason it cannot
    be read. Never raises for a bad file. An encrypted one is opened in memory with the first
    of ``passwords`` that opens it (sharing.keys.candidates), and checked there like any."""
    ret = Returned(path)
    opened_grids = _opened(ret, passwords)
    if opened_grids is None:
        return ret
    opened, grids = opened_grids
    if _is_a_registry(grids):
        ret.problem = ("Tệp này là một sổ hội nghị đối thoại (có các trang "
                       f"{', '.join(REGISTRY_SHEETS)}), không phải phiếu MTTQ gửi về: không đọc "
                       "dòng nào. Hãy chọn các tệp phiếu MTTQ gửi lại (tệp phieu-y-kien-….xlsx).")
        return ret
    ident = grids.get(ID_SHEET)
    if ident:
        ret.identity = {parsing.to_text(r[0]).strip(): parsing.to_text(r[1]).strip()
                        for r in ident if len(r) >= 2 and not parsing.is_blank(r[0])
                        and not parsing.is_blank(r[1])}
        ret.identity_source = "ẩn"
    table = _opinion_table(grids)
    if table is None:
        ret.problem = ("Không tìm thấy bảng ý kiến (dòng tiêu đề có cột \"Nội dung\") trong tệp. "
                       + said("Hãy dùng tệp phiếu do phần mềm tạo (nút Phiếu cho MTTQ), giữ "
                              "dòng tiêu đề.",
                              "Hãy dùng tệp phiếu do phần mềm tạo (lệnh doithoai intake "
                              "export), giữ dòng tiêu đề."))
        return ret
    name, header, keys, grid = table
    _identity_above(ret, grid[:header])
    formulas = formula_cells(opened, name)
    ret.saved = saved_at(opened)
    if formulas is None:
        ret.note = ("phần mềm không phân biệt được ô công thức với chữ gõ tay trong tệp này (tệp "
                    "dạng cũ .xls, .xlsb); hãy xem lại các ý kiến vừa thêm, hoặc xin MTTQ gửi "
                    "tệp .xlsx.")
        formulas = set()
    ret.rows = _rows(name, grid, header, keys, formulas)
    return ret


REGISTRY_SHEETS = (schema.PLANS.name, schema.OPINIONS.name, schema.CONFIG.name)


def _is_a_registry(grids: dict) -> bool:
    """A workbook with the registry's own sheets: a registry given where a returned form was
    wanted (its Kế hoạch sheet would read as rows of opinions)."""
    names = {parsing.fold(n) for n in grids}
    return all(parsing.fold(n) in names for n in REGISTRY_SHEETS)


def _opened(ret: Returned, passwords):
    """(the opened file, its grids), or None with ``ret.problem`` saying why it cannot be
    read (a wrong password, a refused package, not a workbook)."""
    from doithoai.files import package, protected, workbook_open
    from doithoai.files.reader import unreadable_reason
    try:
        opened = protected.open_file(ret.path, tried=passwords)
        ret.encrypted = opened.encrypted
        book = workbook_open.open_book(opened.plain if opened.encrypted else ret.path)
        return opened, _grids(book)
    except protected.Locked as exc:
        ret.encrypted, ret.problem = True, locked_reason(exc)
    except package.PackageRefused as exc:
        ret.problem = f"Không đọc được tệp: {exc.sentence()}"
    except (workbook_open.NotAWorkbook, OSError):
        there = os.path.isfile(ret.path)      # a file to open and save again, or none at all
        ret.problem = (f"Không đọc được tệp: {unreadable_reason(ret.path)}" + (
            ". Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhận lại."
            if there else "."))
    return None


def _opinion_table(grids: dict) -> tuple | None:
    """(sheet, header row, column of each known header, grid) of the first sheet with a
    header row (in its first 40) holding Nội dung and one more known column."""
    for name, grid in grids.items():
        if name in (ID_SHEET, LIST_SHEET):
            continue
        for r, row in enumerate(grid[:40]):
            keys = {_header_key(v): i for i, v in reversed(list(enumerate(row)))}
            keys.pop(None, None)
            if "content" in keys and len(keys) >= 2:
                return name, r, keys, grid
    return None


def _identity_above(ret: Returned, above: list) -> None:
    """The plan (and the village's code) the form's title names above its header: the
    identity when the hidden sheet is gone."""
    top = " ".join(parsing.to_text(v) for row in above for v in row if not parsing.is_blank(v))
    plan = _PLAN_IN_TEXT.search(top)
    ret.header_plan = plan.group(1) if plan else ""
    ret.header_meeting = timing.header_meeting(top)
    if not ret.identity and plan:
        code = _CODE_IN_TEXT.search(top)
        ret.identity = {"plan": plan.group(1), "code": code.group(1) if code else ""}
        ret.identity_source = "đầu trang"


def _rows(name: str, grid: list, header: int, keys: dict, formulas: set) -> list[ReturnedRow]:
    """The table's non-blank rows (a row with only its pre-printed code is blank), each with
    the columns a formula filled, and those whose formula left them blank."""
    rows = []
    for r, row in enumerate(grid[header + 1:], start=header + 2):
        values = {k: (row[i] if i < len(row) else None) for k, i in keys.items()}
        typed_by_formula = tuple(k for k, i in keys.items() if (r, i + 1) in formulas)
        unresolved = tuple(k for k in typed_by_formula if parsing.is_blank(values[k]))
        if not unresolved and all(parsing.is_blank(v) for k, v in values.items() if k != "code"):
            continue
        rows.append(ReturnedRow(name, r, values, unresolved, typed_by_formula))
    return rows


def _grids(book) -> dict[str, list]:
    """Every worksheet of the file (chart sheets have no cells), each from A1; a sheet beyond
    the limits or damaged refuses the whole file (package.PackageRefused): its rows would
    otherwise be lost without a word."""
    sheets = {m.name for m in book.metadata if str(m.typ).endswith("WorkSheet")} \
        if book.metadata is not None else set(book.sheet_names)
    return {name: book.grid(name) for name in book.sheet_names if name in sheets}


def locked_reason(exc) -> str:
    """Why an encrypted returned file was not read (files.protected.Locked), what to do."""
    from doithoai.files.protected import NoPassword, WrongPassword
    what = ("tệp đặt mật khẩu khác với mọi mật khẩu đã cấp cho phiếu (trang Mật khẩu phiếu)"
            if isinstance(exc, WrongPassword) else "tệp đặt mật khẩu mà sổ chưa lưu mật khẩu "
            "phiếu nào" if isinstance(exc, NoPassword) else str(exc))
    return (f"Không đọc được tệp: {what}. Hãy nhận bằng bản sao sổ đã lưu mật khẩu khi xuất "
            "phiếu, hoặc hỏi MTTQ mật khẩu, mở tệp bằng Excel rồi bỏ mật khẩu và nhận lại.")
