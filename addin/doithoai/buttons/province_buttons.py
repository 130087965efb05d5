"""Group Tỉnh: the province officer's roll-up of the monitoring workbooks communes send up.

The officer keeps the files received in one folder and opens any workbook there (one of them,
or an empty one saved in it); the button reads every .xlsx of that folder and writes the
province workbook and its database beside them. It writes nothing into an open workbook and
keeps no Nhật ký row (the open workbook is not a registry).
"""
from __future__ import annotations

import datetime as dt
import os

from doithoai.buttons.common import answer_error, open_shell
from doithoai.files import atomic
from doithoai.files.atomic import written_as
from doithoai.spreadsheet.open_book import OpenWorkbook


def province_rollup(book=None, today: dt.date | None = None) -> str | None:
    """Tổng hợp các xã: every monitoring workbook in the open workbook's folder, rolled up."""
    shell = open_shell(book)
    atomic.FINISHED.clear()
    try:
        message = _rollup(shell, today or dt.date.today())
    except Exception as exc:
        answer_error(shell, "Tổng hợp các xã", exc, keep_log_row=False)
        return None
    shell.status(None)
    shell.message(message)
    return message


def _rollup(shell: OpenWorkbook, today: dt.date) -> str:
    from doithoai.province import inputs, rollup
    folder = shell.folder
    if folder is None:
        return ("Hãy lưu tệp đang mở vào thư mục chứa các báo cáo theo dõi các xã gửi lên, rồi "
                "bấm lại: phần mềm tổng hợp mọi tệp .xlsx trong thư mục đó.")
    try:
        rollup.require_engine()
    except rollup.EngineMissing as exc:
        return str(exc)
    shell.status("Đang tổng hợp các xã…")
    asked = os.path.join(folder, rollup.default_name("tinh", today))
    res = rollup.rollup([folder], asked, progress=shell.status)
    n = {o: sum(1 for i in res.items if i.outcome == o)
         for o in (inputs.USED, inputs.SUPERSEDED, inputs.SET_ASIDE)}
    aside = [i.line for i in res.items if i.outcome == inputs.SET_ASIDE][:5]
    more = n[inputs.SET_ASIDE] - len(aside)
    tail = (" Để riêng: " + "; ".join(aside) + (f"; và {more} tệp khác (xem trang Tệp đầu "
                                                   "vào)" if more > 0 else "") + ".") if aside else ""
    if not res.workbook:
        return (f"Không có tệp nào dùng được trong {folder} ({len(res.items)} tệp): chưa tạo tệp "
                "tổng hợp. Các xã cần gửi tệp tạo bằng nút Báo cáo theo dõi." + tail)
    return (f"Đã tạo {res.workbook}{written_as(asked, res.workbook)}: {n[inputs.USED]} đơn vị "
            f"của {res.province}, năm {res.year}; {n[inputs.SUPERSEDED]} tệp thay bằng bản mới "
            f"hơn, {n[inputs.SET_ASIDE]} tệp để riêng.{tail} Cơ sở dữ liệu: {res.database}.")
