"""What every button shares: the run wrapper (status, message, Nhật ký row, crash log), reading
the registry in bulk, the selected plan, and the folders beside the registry."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from typing import Callable

from doithoai.excel.shell import ExcelShell
from doithoai.files import atomic, crashlog
from doithoai.registry.problems import EXCEL, Refused, speaking_to
from doithoai.spreadsheet.open_book import NotARegistry, OpenWorkbook
from doithoai.text.filenames import documents_folder


LOG_NAME = "doithoai-loi.log"




HELP_TEXT = (
    "Các bước làm việc với sổ theo dõi hội nghị đối thoại:\n"
    "1. Cấu hình: ghi tên đơn vị, cơ quan ban hành, người ký, cán bộ đầu mối.\n"
    "2. Kế hoạch: mỗi hội nghị một dòng (ngày, giờ, địa điểm, phạm vi); hội nghị không tổ "
    "chức nữa thì ghi Trạng thái \"Đã hủy\", không xóa dòng.\n"
    "3. Đại biểu: danh sách mời theo nhóm; Ý kiến: mỗi ý kiến, kiến nghị một dòng.\n"
    "4. Bấm Kiểm tra dữ liệu: sửa các ô được tô màu (xem trang Kiểm tra).\n"
    "5. Bấm Tính hạn: xem trang Mốc thời gian; ghi Ngày hoàn thành khi xong việc.\n"
    "Cột có tiêu đề màu xám do phần mềm tự tính: không nhập tay.\n"
    "Hướng dẫn đầy đủ: tệp README đi kèm phần mềm."
)


def default_book():
    import xlwings as xw
    book = xw.Book.caller()
    if book.name.lower().endswith((".xlam", ".xla")):
        book = book.app.books.active
    return book


def open_shell(book) -> OpenWorkbook:
    """The open workbook a button acts on: ``book`` itself when a program's shell hands it
    over (LibreOffice), an xlwings Book wrapped in the Excel shell, or (RunPython, no
    argument) the workbook the clerk is looking at in Excel."""
    if isinstance(book, OpenWorkbook):
        return book
    return ExcelShell(book if book is not None else default_book())


def _folder(shell: OpenWorkbook | None) -> str | None:
    """The registry's folder, or None where the shell cannot say (it may fail too)."""
    try:
        return shell.folder if shell is not None else None
    except Exception:
        return None


def crash_log(shell: OpenWorkbook | None) -> str | None:
    """The details of an unexpected error, written next to the registry (else where the
    command line writes its log); the file, or None if no place would take it. Never raises."""
    try:
        text = f"--- {dt.datetime.now():%d/%m/%Y %H:%M:%S}\n{traceback.format_exc()}\n"
    except Exception:
        text = "(không lấy được chi tiết lỗi)\n"
    folder = _folder(shell)
    tmp = os.path.join(tempfile.gettempdir(), "doithoai", LOG_NAME)
    return crashlog.write(text, ([os.path.join(folder, LOG_NAME)] if folder else []) + [tmp])


def _quietly(do: Callable[[], object]) -> None:
    """A call to the program while answering an error: if it refuses it too, the answer goes
    on."""
    try:
        do()
    except Exception:
        pass


def _answer(shell: OpenWorkbook, action: str, text: str, log_text: str | None = None) -> None:
    _quietly(lambda: shell.status(None))
    if log_text is not None:
        _quietly(lambda: shell.log(action, log_text))
    _quietly(lambda: shell.message(text))


def answer_error(shell: OpenWorkbook, action: str, exc: Exception,
                 keep_log_row: bool = True) -> None:
    """The one answer to an error of a button (called while it is being handled): a failed
    write (a full disk, a read-only folder) is said as such, with what was finished; anything
    else is an unexpected error whose details go to a log. Never raises."""
    log = crash_log(shell)
    refused = atomic.write_error(exc)
    if refused is not None:
        text = atomic.failed(exc if isinstance(exc, atomic.WriteFailed) else refused,
                             "lưu tệp đang mở vào thư mục khác")
        row = text                       # Nhật ký keeps its first clauses (logbook)
    else:
        text = crashlog.words(type(exc).__name__, log, action[0].lower() + action[1:])
        row = f"Lỗi không mong đợi; chi tiết trong {log}"
    _answer(shell, action, text, row if keep_log_row else None)


def run(action: str, book, work: Callable[[OpenWorkbook], tuple], logged: bool = True
        ) -> str | None:
    """Run one button: ``work`` returns (closing message, files) or (closing message, files,
    releases of personal data for Nhật ký); everything else is here. No exception leaves it
    once the workbook is known: a refusal, a failed write (a full disk, a read-only folder)
    and an unexpected error each end in one message for the clerk. A button that only shows
    something (``logged`` False: the help, the setup check) writes no Nhật ký row: the
    registry's log is of what was done to it and with it."""
    atomic.FINISHED.clear()
    shell = None
    try:
        shell = open_shell(book)
        with speaking_to(EXCEL):        # the ribbon's words: buttons, coloured cells
            message, files, *rest = work(shell)
    except (NotARegistry, Refused) as exc:
        if shell is None:
            raise
        _answer(shell, action, str(exc))
        return None
    except Exception as exc:
        if shell is None:
            crash_log(None)
            raise
        answer_error(shell, action, exc)
        return None
    if logged:
        shell.log(action, message, files, rest[0] if rest else ())
    shell.status(None)
    shell.message(message)
    return message


def read_registry(shell: OpenWorkbook, intact: bool = True):
    """The open registry, read in one bulk call per sheet. With ``intact`` (every button but
    Kiểm tra dữ liệu), a renamed or deleted sheet or header is refused before anything is
    written, naming each one."""
    from doithoai.files import reader
    shell.require_registry()
    shell.status("Đang đọc sổ…")
    reg = reader.registry_from_grids(shell.grids(reader.NEEDED_SHEETS), source=shell.name)
    if intact:
        try:
            reader.require_intact(reg)
        except reader.RegistryDamaged as exc:
            raise Refused(str(exc)) from None
    return reg


def selected_plan(shell: OpenWorkbook, reg, today: dt.date):
    """The plan a one-plan button should act on: the one of the selected row.

    On Kế hoạch, the selected row; on Đại biểu, Ý kiến or Mốc thời gian, that row's Mã KH. With
    no usable selection: the only plan, if there is one; else the clerk is asked about the plan
    whose conference is nearest to ``today`` (the button's day), and told to select a row if
    that is not the one.
    """
    from doithoai.registry import schema
    plans = [p for p in reg.plans if p.plan_id]
    by_id = {p.plan_id: p for p in plans}
    sel = shell.selection()
    if sel is not None:
        sheet, row = sel
        if sheet == schema.PLANS.name:
            hit = next((p for p in plans if p.row == row), None)
            if hit:
                return hit
        for key in ("invitees", "opinions", "milestones"):
            if sheet == schema.sheet(key).name:
                obj = next((o for o in getattr(reg, key) if o.row == row), None)
                if obj is not None and obj.plan_id in by_id:
                    return by_id[obj.plan_id]
    if len(plans) == 1:
        return plans[0]
    if not plans:
        raise Refused("Sổ chưa có kế hoạch nào: hãy nhập kế hoạch ở trang Kế hoạch.")
    dated = [p for p in plans if p.meeting_date and not p.cancelled]     # one to be held
    guess = min(dated, key=lambda p: abs((p.meeting_date - today).days)) if dated else plans[0]
    when = f" (hội nghị {guess.meeting_date:%d/%m/%Y}" + (", đã hủy)" if guess.cancelled else
                                                          ")") if guess.meeting_date else ""
    if shell.ask(f"Sổ có {len(plans)} kế hoạch và chưa chọn dòng nào. Làm cho kế hoạch "
                 f"{guess.plan_id}{when}?"):
        return guess
    raise Refused("Hãy chọn một dòng của kế hoạch cần làm (ở trang Kế hoạch, hoặc một dòng "
                  "đại biểu, ý kiến của kế hoạch đó) rồi bấm lại.")


def saved_folder(shell: OpenWorkbook, what: str) -> str:
    """The registry's folder; a registry not saved on this PC is refused (``what`` is written
    beside it: văn bản, tệp phiếu, báo cáo...)."""
    if shell.folder is None:
        raise Refused(f"Sổ chưa được lưu vào máy (hoặc đang mở trên web): {what} được ghi vào "
                      "thư mục cạnh tệp sổ. Hãy lưu sổ rồi bấm lại.")
    return shell.folder


def documents_root(shell: OpenWorkbook, settings, what: str = "văn bản") -> str:
    """The Thư mục văn bản beside the registry (Cấu hình), made safe as a folder name."""
    return documents_folder(saved_folder(shell, what), settings.documents_folder)


def home_documents() -> str:
    home = os.path.expanduser("~")
    docs = os.path.join(home, "Documents")
    return docs if os.path.isdir(docs) else home


