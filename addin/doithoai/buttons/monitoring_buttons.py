"""Group Theo dõi: the monitoring workbook, the Tổng hợp sheet, chasing, carry-over."""
from __future__ import annotations

import datetime as dt
import os

from doithoai.buttons.common import Refused, read_registry, run, saved_folder, selected_plan
from doithoai.buttons.document_buttons import documents_button
from doithoai.files.atomic import written_as


def monitor_report(book=None, as_of: dt.date | None = None) -> str | None:
    """Báo cáo theo dõi: the read-only monitoring workbook beside the registry."""
    def work(shell):
        from doithoai.files.protected import spoken_password
        from doithoai.monitoring import chain, workbook
        from doithoai.registry import personal
        reg = read_registry(shell)
        folder = saved_folder(shell, "báo cáo")
        day = as_of or dt.date.today()
        shell.status("Đang lập báo cáo theo dõi…")
        # With citizens' names (Cấu hình), it follows the open workbook: encrypted if that has
        # a password, with a password of its own shown once.
        names = chain.names_shown(reg)
        password = spoken_password() if names and shell.has_password() else None
        asked = os.path.join(folder, workbook.default_name(reg, day))
        path, chains = workbook.write(reg, asked, day, shell.name, password)
        if password:
            shell.message(f"Báo cáo theo dõi ghi họ tên người nêu ý kiến nên có mật khẩu: "
                          f"{password} (gõ cả dấu gạch ngang; đọc cho người nhận qua điện "
                          "thoại, không gửi kèm tệp; phần mềm không lưu lại mật khẩu này).")
        releases = [personal.Release("báo cáo theo dõi có họ tên người nêu", "Văn phòng Đảng "
                                     "ủy, Ủy ban MTTQ", chain.people_named(chains),
                                     bool(password))] if names else []
        return (f"Đã tạo báo cáo theo dõi: {path}{written_as(asked, path)}. "
                f"{chain.counts_said(chains)}. "
                + (f"{left} " if (left := workbook.left_out(reg, day)) else "")
                + "Tệp chỉ để xem, không có số điện thoại hay địa chỉ nhà: gửi Văn phòng Đảng "
                "ủy, Ủy ban MTTQ."), path, releases
    return run("Báo cáo theo dõi", book, work)


def update_dashboard(book=None, as_of: dt.date | None = None) -> str | None:
    """Cập nhật Tổng hợp: the summary tables of the Tổng hợp sheet, values only, in bulk."""
    def work(shell):
        from doithoai.monitoring import chain, dashboard
        from doithoai.registry import dashboard_layout
        reg = read_registry(shell)
        if not shell.has_sheet(dashboard_layout.SHEET):
            raise Refused("Sổ không có trang Tổng hợp: hãy chép trang này từ một sổ mới (nút Tạo "
                          "sổ mới) rồi bấm lại.")
        layout = dashboard_layout.has_layout(shell.grid(dashboard_layout.SHEET))
        day = as_of or dt.date.today()
        shell.status("Đang tính số liệu tổng hợp…")
        chains = chain.build(reg, day)
        ch = dashboard.changes(reg, chains, day)
        shell.apply(ch)
        message = (f"Đã cập nhật trang Tổng hợp (tính đến {day:%d/%m/%Y}): "
                   f"{chain.counts_said(chains)}.")
        if not layout:
            message += (" Sổ này tạo bằng phiên bản cũ nên trang Tổng hợp chưa có biểu đồ: chép "
                        "trang Tổng hợp từ một sổ mới (nút Tạo sổ mới) để có biểu đồ.")
        for line in ch.summary:
            message += f" Lưu ý: {line}."
        return message, ""
    return run("Cập nhật Tổng hợp", book, work)


def chase_overdue(book=None, today: dt.date | None = None) -> str | None:
    """Đôn đốc: a công văn đôn đốc to each agency that owes replies past their due date."""
    return documents_button(book, ["CVDD"], "Tạo công văn đôn đốc", today=today,
                             all_plans=True)


def carry_over(book=None, today: dt.date | None = None) -> str | None:
    """Chuyển ý kiến tồn: earlier plans' unresolved opinions linked into the selected plan."""
    def work(shell):
        from doithoai.monitoring import carryover
        reg = read_registry(shell)
        plan = selected_plan(shell, reg, today or dt.date.today())
        carryover.refuse_cancelled(reg, plan)
        if not carryover.unresolved_before(reg, plan, today or dt.date.today()):
            other = carryover.elsewhere_note(reg, plan, today or dt.date.today())
            return (f"Không có ý kiến nào của các hội nghị trước {plan.plan_id} còn chưa giải "
                    "quyết xong." + (f" {other}" if other else "")), ""
        ch, made = carryover.link(reg, plan, today or dt.date.today())
        if not made:
            return (f"Các ý kiến tồn đã được chuyển vào {plan.plan_id} từ trước; không thêm "
                    "dòng nào."), ""
        shell.apply(ch)
        return (f"Đã chuyển {len(made)} ý kiến chưa giải quyết xong của các hội nghị trước vào "
                f"{plan.plan_id} ({made[0]}…{made[-1]}), mỗi dòng ghi Trùng với mã ý kiến gốc; "
                "ý kiến gốc không bị sửa. Kế hoạch và báo cáo kết quả của hội nghị này sẽ liệt "
                "kê các ý kiến đó."), ""
    return run("Chuyển ý kiến tồn", book, work)
