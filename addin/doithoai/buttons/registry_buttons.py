"""Group Sổ of the tab: new registry, validation, deadlines, the documents folder, help."""
from __future__ import annotations

import datetime as dt
import os

from doithoai.buttons.common import (HELP_TEXT, Refused, documents_root, home_documents,
                                     read_registry, run, saved_folder)
from doithoai.files.atomic import written_as


def validate_registry(book=None, today: dt.date | None = None) -> str | None:
    """Kiểm tra dữ liệu: the Kiểm tra sheet and the cell marks."""
    def work(shell):
        from doithoai.registry import schema
        from doithoai.rules import validation
        reg = read_registry(shell, intact=False)
        if not shell.has_sheet(schema.CHECKS.name):
            raise Refused(f"Sổ không có trang \"{schema.CHECKS.name}\" để ghi kết quả kiểm tra "
                          "(có thể đã bị đổi tên hoặc xóa): hãy đặt lại đúng tên trang, hoặc "
                          "chép trang này từ một sổ mới (nút Tạo sổ mới).")
        shell.status(f"Đang kiểm tra {len(reg.plans)} kế hoạch, {len(reg.invitees)} đại biểu, "
                     f"{len(reg.opinions)} ý kiến…")
        problems = validation.validate(reg, today or dt.date.today())
        shell.status("Đang ghi kết quả vào trang Kiểm tra…")
        shell.apply(validation.to_changes(reg, problems))
        c = validation.counts(problems)
        if not problems:
            return "Kiểm tra xong: không có lỗi nào.", ""
        return (f"Kiểm tra xong: {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} lưu ý. "
                f"Xem trang Kiểm tra; {shell.FOLLOW_LINK} để tới chỗ cần sửa. Dòng có lỗi sẽ "
                "không được dùng để tạo văn bản."), ""
    return run("Kiểm tra dữ liệu", book, work)


def compute_deadlines(book=None, today: dt.date | None = None) -> str | None:
    """Tính hạn: the Mốc thời gian rows and each opinion's Hạn trả lời."""
    def work(shell):
        from doithoai.rules import deadlines, milestones
        reg = read_registry(shell)
        shell.status(f"Đang tính hạn cho {len(reg.plans)} kế hoạch, {len(reg.opinions)} ý kiến…")
        report = deadlines.compute(reg, today or dt.date.today())
        shell.status("Đang ghi trang Mốc thời gian…")
        shell.apply(milestones.to_changes(reg, report))
        message = (f"Đã tính {len(report.milestones)} mốc thời gian"
                   f"{milestones.status_counts(report)}; {len(report.reply_due)} ý kiến có hạn "
                   "trả lời.")
        errors = [p for p in report.problems if p.severity == "error"]
        if errors:
            message += (f" Có {len(errors)} lỗi về thời hạn: bấm Kiểm tra dữ liệu để xem.")
        return message, ""
    return run("Tính hạn", book, work)


def new_registry(book=None, folder: str | None = None) -> str | None:
    """Tạo sổ mới: a blank registry beside the active workbook (or in Documents), opened."""
    def work(shell):
        from doithoai.files import blank
        target = folder or shell.folder or home_documents()
        shell.status("Đang tạo sổ mới…")
        asked = os.path.join(target, f"so-doi-thoai-{dt.date.today().year}.xlsx")
        path = blank.create_new(asked)
        opened = shell.open_workbook(path)
        return (f"Đã tạo sổ mới: {path}{written_as(asked, path)}."
                + (" Sổ đã được mở." if opened else " Hãy mở tệp này bằng Excel hoặc LibreOffice.")
                + " Bắt đầu bằng trang Cấu hình. Đơn vị là phường hay đặc khu thì sau khi chọn "
                  "Loại đơn vị, bấm Kiểm tra dữ liệu: các tên cơ quan trong Danh mục còn ghi "
                  "\"xã\" được chỉ ra để sửa."), path
    return run("Tạo sổ mới", book, work)


def open_folder(book=None) -> str | None:
    """Mở thư mục: the registry's documents folder (Thư mục văn bản), created if missing."""
    def work(shell):
        from doithoai.files import reader
        from doithoai.registry import schema
        shell.require_registry()
        saved_folder(shell, "văn bản")
        grid = shell.grids([schema.CONFIG.name])
        docs = documents_root(shell, reader.registry_from_grids(grid).settings)
        os.makedirs(docs, exist_ok=True)
        opened = shell.show_folder(docs)
        return (f"Thư mục văn bản: {docs}" + ("" if opened else
                " (hãy mở thư mục này bằng File Explorer)")), docs
    return run("Mở thư mục", book, work)


def show_help(book=None) -> str | None:
    """Hướng dẫn: the steps, in a message box."""
    return run("Hướng dẫn", book, lambda shell: (HELP_TEXT, ""), logged=False)
