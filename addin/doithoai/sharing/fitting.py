"""Does a returned file, or one of its rows, fit the registry it is merged into?

Pure: a returned file (sharing.returned) and the registry in; None, or the reason in the
clerk's words, out. A file is set aside whole when it is another commune's, names a plan the
registry lacks, or cannot be that plan's (its hidden identity edited: the header names another
plan, the file was made after the plan's conference for another conference's day, its village
is not the plan's: a form the tool made after the conference to catch up is that plan's); a row
when it has no words or no name, a formula's result for words, garbled text, a date that
cannot be read or lies after the conference, or a Mã phiếu another row of the file has taken.
"""
from __future__ import annotations

import datetime as dt

from doithoai.registry import parsing, personal, schema
from doithoai.registry.problems import said
from doithoai.sharing import dedupe, timing
from doithoai.sharing.codes import known_codes
from doithoai.sharing.returned import Returned, ReturnedRow
from doithoai.text import encoding, legacy, vntext


def content_key(plan_id, person, content) -> tuple:
    # The person with accents kept: the same words from "Nguyễn Thị Hà" and "Nguyễn Thị Hạ"
    # are two opinions, not one received twice; "Bà Nguyễn Thị Hà 😊" is Nguyễn Thị Hà.
    return (plan_id or "", vntext.identity_key(personal.bare_name(person)),
            dedupe.normalize(content or ""))


def file_problem(reg, ret: Returned, plan_hint: str | None) -> tuple[str | None, object]:
    """(why the whole file is set aside, the plan) for one returned file."""
    ident = ret.identity
    unit = ident.get("registry")
    if unit and reg.settings.unit_name and not vntext.same_name(unit, reg.settings.unit_name):
        return (f"Tệp là phiếu của sổ \"{unit}\", không phải của {reg.settings.unit_name}: "
                "gửi nhầm đơn vị. Hãy chuyển tệp cho đúng đơn vị."), None
    plan_id = ident.get("plan") or plan_hint
    if not plan_id:
        return ("Tệp không còn thông tin nhận dạng (trang ẩn _doithoai đã bị xóa) và không ghi Mã "
                "KH: " + said("hãy chọn một dòng của kế hoạch (trang Kế hoạch) rồi bấm lại.",
                              "hãy ghi kế hoạch rồi nhận lại (--plan MÃ_KH).")), None
    plan = reg.plan(plan_id)
    if plan is None:
        return (f"Sổ không có kế hoạch {plan_id}: tệp phiếu của kế hoạch khác hoặc kế hoạch đã "
                "bị xóa. Kiểm tra trang Kế hoạch."), None
    return does_not_fit(ret, plan), plan


def does_not_fit(ret: Returned, plan) -> str | None:
    """Why a file whose identity names ``plan`` cannot be a form of that plan (its identity was
    edited, or it was sent with another plan's forms), or None."""
    ident = ret.identity
    if ret.header_plan and ret.identity_source == "ẩn" and \
            parsing.fold(ret.header_plan) != parsing.fold(plan.plan_id):
        return (f"Trang ẩn nhận dạng ghi kế hoạch {plan.plan_id} nhưng đầu trang của tệp ghi "
                f"{ret.header_plan}: tệp đã bị sửa nhận dạng. Hãy hỏi lại MTTQ tệp này thuộc hội "
                "nghị nào, rồi nhận đúng tệp.")
    late = _made_after(ret, plan)
    if late:
        return late
    code = ident.get("code")
    if code and plan.villages and code not in known_codes(plan.villages):
        return (f"Mã thôn {code} của tệp không thuộc Phạm vi của {plan.plan_id} "
                f"({'; '.join(plan.villages)}): tệp của kế hoạch khác hoặc nhận dạng đã bị sửa.")
    return None


def _made_after(ret: Returned, plan) -> str | None:
    """Why a file made after ``plan``'s conference is not a form of it: one the tool made then
    to catch up names that conference's day (timing.made_for); a form of another plan whose
    identity was edited names its own conference's, or none."""
    created = timing.made_on(ret.identity)   # unreadable: it says nothing about the plan
    if not (created and plan.meeting_date and created > plan.meeting_date):
        return None
    made_for = timing.made_for(ret.identity, ret.header_meeting)
    if made_for == plan.meeting_date:
        return None             # made after the conference to copy what came before it
    names = (f"ghi hội nghị ngày {made_for:%d/%m/%Y}" if made_for else
             "không ghi ngày hội nghị")
    return (f"Tệp phiếu được tạo ngày {created:%d/%m/%Y}, sau hội nghị ngày "
            f"{plan.meeting_date:%d/%m/%Y} của {plan.plan_id}, nhưng tệp {names}: không phải "
            "phiếu chép lại của hội nghị đó (nhận dạng đã bị sửa, hoặc tệp của kế hoạch "
            "khác). Hãy hỏi lại MTTQ tệp này thuộc hội nghị nào, rồi nhận đúng tệp.")


def late_for(plan, received: dt.date | None, today: dt.date) -> str | None:
    """A row received after its plan's conference cannot be a form collected for it; one
    without a Ngày nhận merged after the conference cannot be dated by the merge's day (it
    would read as received after the conference)."""
    if received is None and plan.meeting_date and today > plan.meeting_date:
        return (f"Chưa ghi Ngày nhận, mà hội nghị {plan.plan_id} đã diễn ra ngày "
                f"{plan.meeting_date:%d/%m/%Y}: không biết ý kiến nhận trước hay sau hội nghị. "
                "Ghi ngày nhận (ngày/tháng/năm) vào dòng trong tệp, xóa dòng này ở trang Chờ xử "
                "lý rồi nhận lại.")
    if received and plan.meeting_date and received > plan.meeting_date:
        return (f"Ngày nhận {received:%d/%m/%Y} sau ngày hội nghị {plan.meeting_date:%d/%m/%Y} "
                f"của {plan.plan_id}: ý kiến này không thuộc hội nghị đó. Kiểm tra ngày nhận "
                "hoặc kế hoạch của tệp rồi nhận lại (hoặc ghi tay vào trang Ý kiến, nguồn Văn bản).")
    return None


def code_used(first_with_code: dict, code: str, row: ReturnedRow, v: dict, plan
               ) -> tuple[str | None, str | None]:
    """(why the row is set aside, why it is already present): a Mã phiếu names one form, so a
    second row of the file with the first one's code is the same row typed twice (already
    present) or another citizen's form under a code already taken (set aside, never merged as
    the first one's repeat)."""
    key = content_key(plan.plan_id if plan else "", v.get("raised_by"), v.get("content"))
    if code not in first_with_code:
        first_with_code[code] = (row.row, key)
        return None, None
    first, first_key = first_with_code[code]
    if key == first_key:
        return None, f"dòng {row.row} chép lại dòng {first} của tệp (cùng mã {code})"
    return (f"Mã phiếu {code} đã dùng ở dòng {first} của tệp cho một ý kiến khác: mỗi phiếu một "
            "mã. Sửa mã phiếu cho đúng phiếu giấy rồi nhận lại (phần mềm chưa thêm dòng này)."), None


class UnusableDate(ValueError):
    """A Ngày nhận that cannot be used; the message is the reason set aside with the row."""


def received_date(value) -> dt.date | None:
    """The date a row was received, None when blank; :class:`UnusableDate` when it cannot be
    read or lies outside the registry's years."""
    if parsing.is_blank(value):
        return None
    try:
        return parsing.parse_date(value)
    except parsing.OutOfRange as exc:
        raise UnusableDate(f"Ngày nhận {exc.date:%d/%m/%Y} nằm ngoài khoảng năm "
                           f"{parsing.MIN_YEAR}-{parsing.MAX_YEAR}: sửa lại năm rồi nhận lại.") \
            from None
    except parsing.Unreadable:
        raise UnusableDate(f"Ngày nhận \"{parsing.to_text(value)}\" không đọc được: sửa thành "
                           "ngày/tháng/năm rồi nhận lại.") from None


FORMULA_FIX = "Gõ lại nội dung (chữ, ngày) thay cho công thức rồi nhận lại."


def _header(key: str) -> str:
    return f"\"{schema.OPINIONS.column(key).header}\"" if key in schema.OPINIONS.keys else key


def _table_problem(v: dict, raw: dict) -> str | None:
    """A cell of the row in the wrong code table: UTF-8 read as Windows-1252 (text/encoding.py,
    in the row as cleaned: ``v``) or typed in an old 8-bit table, TCVN3 or VNI (text/legacy.py,
    in the row as returned: ``raw``; cleaning takes TCVN3's "ư", a soft hyphen, for an invisible
    character and moves VNI's marks as old-style tones)."""
    for key, text in v.items():
        if not isinstance(text, str):
            continue
        if encoding.looks_garbled(text):
            return (f"Ô {_header(key)} có chữ bị đọc sai bảng mã (tệp đã được mở hoặc lưu sai "
                    f"bảng mã UTF-8). {encoding.advice(text)} Sửa rồi nhận lại.")
        old = legacy.recovered(raw.get(key)) if isinstance(raw.get(key), str) else None
        if old is not None:
            return (f"Ô {_header(key)} có chữ gõ theo bảng mã {old[0]} (phông "
                    f"{legacy.FONTS[old[0]]}): văn bản in ra sẽ thành ký tự lạ. Có thể sửa "
                    f"thành: \"{old[1][:120]}\" (hoặc chuyển mã bằng Unikey, từ {old[0]} sang "
                    "Unicode). Sửa rồi nhận lại.")
    return None


def row_problem(v: dict, row: ReturnedRow) -> str | None:
    if row.unresolved:
        names = ", ".join(_header(k) for k in row.unresolved)
        return (f"Ô {names} là công thức chưa có kết quả (tệp được lưu bằng chương trình không "
                f"tính công thức). {FORMULA_FIX}")
    shown = [k for k in row.formulas if k != "code"]    # the pre-printed code is not a word
    if shown:
        names = ", ".join(f"{_header(k)} (hiện \"{parsing.to_text(row.values[k])[:40]}\")"
                          for k in shown)
        return (f"Ô {names} là công thức: chữ đó do bảng tính tính ra, không phải lời người "
                f"dân. {FORMULA_FIX}")
    if not v.get("content"):
        if v.get("raised_by"):
            return ("Chỉ có tên người nêu, chưa có nội dung ý kiến: ghi nội dung rồi nhận lại, "
                    "hoặc xóa dòng.")
        return "Dòng không có nội dung ý kiến: ghi nội dung rồi nhận lại, hoặc xóa dòng."
    wrong_table = _table_problem(v, row.values)
    if wrong_table:
        return wrong_table
    limit = schema.EXCEL_CELL_LIMIT
    long = [k for k, text in v.items() if isinstance(text, str) and len(text) >= limit]
    if long:
        return (f"Ô \"{schema.OPINIONS.column(long[0]).header}\" dài {len(v[long[0]])} ký tự, "
                f"chạm giới hạn {limit} ký tự của một ô Excel (phần sau có thể đã bị "
                "cắt): chia thành nhiều ý kiến rồi nhận lại.")
    if not v.get("raised_by"):
        return ("Thiếu tên người nêu ý kiến: ghi họ tên (hoặc \"Ẩn danh\" nếu người dân không "
                "muốn nêu tên) rồi nhận lại.")
    return None
