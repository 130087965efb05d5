"""The ribbon's buttons: one function per button of macros/customUI14.xml.

Each function takes the xlwings Book as an optional first argument. Without it, the workbook
the clerk is looking at is used: RunPython hands Python the add-in as caller, so the active
workbook of that Excel stands in for it. The same function therefore serves RunPython today,
xlwings Server later, and the tests' JSON book.

Every button: refuses politely when the workbook is not a registry; reads each table it needs
in one bulk call; runs the core; writes back only computed columns and product-owned sheets,
in bulk; shows progress in the status bar; ends with one Vietnamese message; appends a Nhật ký
row. An unexpected error becomes a short message and a traceback in a log file next to the
registry; a clerk never sees a traceback.

Imports stay light at module level: a button press starts Python, and each button imports only
what it needs (measure with ``python -X importtime -c "import doithoai.buttons"``).
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from typing import Callable

from doithoai.files.atomic import free_path
from doithoai.excel.shell import ExcelShell, NotARegistry

LOG_NAME = "doithoai-loi.log"


class Refusal(Exception):
    """The button cannot act as asked; the message tells the clerk what to do."""


HELP_TEXT = (
    "Các bước làm việc với sổ theo dõi hội nghị đối thoại:\n"
    "1. Cấu hình: ghi tên đơn vị, cơ quan ban hành, người ký, cán bộ đầu mối.\n"
    "2. Kế hoạch: mỗi hội nghị một dòng (ngày, giờ, địa điểm, phạm vi).\n"
    "3. Đại biểu: danh sách mời theo nhóm; Ý kiến: mỗi ý kiến, kiến nghị một dòng.\n"
    "4. Bấm Kiểm tra dữ liệu: sửa các ô được tô màu (xem trang Kiểm tra).\n"
    "5. Bấm Tính hạn: xem trang Mốc thời gian; ghi Ngày hoàn thành khi xong việc.\n"
    "Cột có tiêu đề màu xám do phần mềm tự tính: không nhập tay.\n"
    "Hướng dẫn đầy đủ: tệp README đi kèm phần mềm."
)


def _default_book():
    import xlwings as xw
    book = xw.Book.caller()
    if book.name.lower().endswith((".xlam", ".xla")):
        book = book.app.books.active
    return book


def _crash_log(shell: ExcelShell | None) -> str:
    folder = shell.folder if shell is not None else None
    if folder is None:
        folder = os.path.join(tempfile.gettempdir(), "doithoai")
        os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, LOG_NAME)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"--- {dt.datetime.now():%d/%m/%Y %H:%M:%S}\n{traceback.format_exc()}\n")
    return path


def _run(action: str, book, work: Callable[[ExcelShell], tuple[str, str]]) -> str | None:
    """Run one button: ``work`` returns (closing message, files); everything else is here."""
    shell = None
    try:
        shell = ExcelShell(book if book is not None else _default_book())
        message, files = work(shell)
    except (NotARegistry, Refusal) as exc:
        if shell is None:
            raise
        shell.status(None)
        shell.message(str(exc))
        return None
    except Exception:
        log = _crash_log(shell)
        if shell is None:
            raise
        shell.status(None)
        try:
            shell.log(action, f"Lỗi không mong đợi; chi tiết trong {log}")
        except Exception:
            pass
        shell.message(f"Có lỗi không mong đợi khi {action[0].lower() + action[1:]}. "
                      f"Chi tiết đã ghi vào tệp {log}; hãy gửi tệp này cho người hỗ trợ.")
        return None
    shell.log(action, message, files)
    shell.status(None)
    shell.message(message)
    return message


def _read_registry(shell: ExcelShell):
    from doithoai.files import reader
    shell.require_registry()
    shell.status("Đang đọc sổ…")
    return reader.registry_from_grids(shell.grids(reader.NEEDED_SHEETS), source=shell.book.name)


# --- the buttons -------------------------------------------------------------------------------

def validate_registry(book=None, today: dt.date | None = None) -> str | None:
    """Kiểm tra dữ liệu: the Kiểm tra sheet and the cell marks."""
    def work(shell):
        from doithoai.rules import validation
        reg = _read_registry(shell)
        shell.status(f"Đang kiểm tra {len(reg.plans)} kế hoạch, {len(reg.invitees)} đại biểu, "
                     f"{len(reg.opinions)} ý kiến…")
        problems = validation.validate(reg, today or dt.date.today())
        shell.status("Đang ghi kết quả vào trang Kiểm tra…")
        shell.apply(validation.to_changes(reg, problems))
        c = validation.counts(problems)
        if not problems:
            return "Kiểm tra xong: không có lỗi nào.", ""
        return (f"Kiểm tra xong: {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} lưu ý. "
                "Xem trang Kiểm tra; bấm vào địa chỉ ô để tới chỗ cần sửa. Dòng có lỗi sẽ "
                "không được dùng để tạo văn bản."), ""
    return _run("Kiểm tra dữ liệu", book, work)


def compute_deadlines(book=None, today: dt.date | None = None) -> str | None:
    """Tính hạn: the Mốc thời gian rows and each opinion's Hạn trả lời."""
    def work(shell):
        from doithoai.rules import deadlines
        reg = _read_registry(shell)
        shell.status(f"Đang tính hạn cho {len(reg.plans)} kế hoạch, {len(reg.opinions)} ý kiến…")
        report = deadlines.compute(reg, today or dt.date.today())
        shell.status("Đang ghi trang Mốc thời gian…")
        shell.apply(deadlines.to_changes(reg, report))
        statuses: dict[str, int] = {}
        for m in report.milestones:
            statuses[m.status] = statuses.get(m.status, 0) + 1
        parts = [f"{statuses[s]} {s.lower()}" for s in ("Quá hạn", "Sắp đến hạn")
                 if statuses.get(s)]
        message = (f"Đã tính {len(report.milestones)} mốc thời gian"
                   + (f" ({', '.join(parts)})" if parts else "")
                   + f"; {len(report.reply_due)} ý kiến có hạn trả lời.")
        errors = [p for p in report.problems if p.severity == "error"]
        if errors:
            message += (f" Có {len(errors)} lỗi về thời hạn: bấm Kiểm tra dữ liệu để xem.")
        return message, ""
    return _run("Tính hạn", book, work)


def new_registry(book=None, folder: str | None = None) -> str | None:
    """Tạo sổ mới: a blank registry beside the active workbook (or in Documents), opened."""
    def work(shell):
        from doithoai.files import blank
        target = folder or shell.folder or _documents()
        path = free_path(os.path.join(target, f"so-doi-thoai-{dt.date.today().year}.xlsx"))
        shell.status("Đang tạo sổ mới…")
        blank.create_blank(path)
        opened = _open_in_excel(shell, path)
        return (f"Đã tạo sổ mới: {path}."
                + (" Sổ đã được mở." if opened else " Hãy mở tệp này bằng Excel.")
                + " Bắt đầu bằng trang Cấu hình."), path
    return _run("Tạo sổ mới", book, work)


def open_folder(book=None) -> str | None:
    """Mở thư mục: the registry's documents folder (Thư mục văn bản), created if missing."""
    def work(shell):
        from doithoai.files import reader
        from doithoai.registry import schema
        shell.require_registry()
        _saved_folder(shell, "văn bản")
        grid = shell.grids([schema.CONFIG.name])
        docs = _documents_root(shell, reader.registry_from_grids(grid).settings)
        os.makedirs(docs, exist_ok=True)
        opened = _open_path(docs)
        return (f"Thư mục văn bản: {docs}" + ("" if opened else
                " (hãy mở thư mục này bằng File Explorer)")), docs
    return _run("Mở thư mục", book, work)


def show_help(book=None) -> str | None:
    """Hướng dẫn: the steps, in a message box."""
    return _run("Hướng dẫn", book, lambda shell: (HELP_TEXT, ""))


# --- helpers -------------------------------------------------------------------------------------

def selected_plan(shell: ExcelShell, reg):
    """The plan a one-plan button should act on: the one of the selected row.

    On Kế hoạch, the selected row; on Đại biểu, Ý kiến or Mốc thời gian, that row's Mã KH. With
    no usable selection: the only plan, if there is one; else the clerk is asked about the plan
    whose conference is nearest to today, and told to select a row if that is not the one.
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
        raise Refusal("Sổ chưa có kế hoạch nào: hãy nhập kế hoạch ở trang Kế hoạch.")
    today = dt.date.today()
    dated = [p for p in plans if p.meeting_date]
    guess = min(dated, key=lambda p: abs((p.meeting_date - today).days)) if dated else plans[0]
    when = f" (hội nghị {guess.meeting_date:%d/%m/%Y})" if guess.meeting_date else ""
    if shell.ask(f"Sổ có {len(plans)} kế hoạch và chưa chọn dòng nào. Làm cho kế hoạch "
                 f"{guess.plan_id}{when}?"):
        return guess
    raise Refusal("Hãy chọn một dòng của kế hoạch cần làm (ở trang Kế hoạch, hoặc một dòng "
                  "đại biểu, ý kiến của kế hoạch đó) rồi bấm lại.")


def _saved_folder(shell: ExcelShell, what: str) -> str:
    """The registry's folder; a registry not saved on this PC is refused (``what`` is written
    beside it: văn bản, tệp phiếu, báo cáo...)."""
    if shell.folder is None:
        raise Refusal(f"Sổ chưa được lưu vào máy (hoặc đang mở trên web): {what} được ghi vào "
                      "thư mục cạnh tệp sổ. Hãy lưu sổ rồi bấm lại.")
    return shell.folder


def _documents_root(shell: ExcelShell, settings, what: str = "văn bản") -> str:
    """The Thư mục văn bản beside the registry (Cấu hình), made safe as a folder name."""
    return os.path.join(_saved_folder(shell, what),
                        _safe_folder_name(settings.documents_folder or "van-ban"))


def _documents() -> str:
    home = os.path.expanduser("~")
    docs = os.path.join(home, "Documents")
    return docs if os.path.isdir(docs) else home


def _safe_folder_name(name: str) -> str:
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    cleaned = cleaned.strip(" .")
    return cleaned or "van-ban"


def _open_in_excel(shell: ExcelShell, path: str) -> bool:
    try:
        shell.book.app.books.open(path)
        return True
    except Exception:   # the JSON book and web clients cannot open files
        return False


def _open_path(path: str) -> bool:
    if sys.platform.startswith("win"):
        os.startfile(path)  # noqa: S606 (a folder the product created)
        return True
    return False


# --- documents (group "Văn bản" of the tab) --------------------------------------------------------

def _documents_button(book, codes: list[str] | None, label: str, issue: bool = False,
                      today: dt.date | None = None, confirm: bool | None = None,
                      all_plans: bool = False):
    """Generate (or issue) the documents ``codes`` of the plan of the selected row (or of every
    plan: the công văn đôn đốc chase whatever is late, whichever conference it came from)."""
    def work(shell):
        from doithoai.documents import generate
        reg = _read_registry(shell)
        plan = None if all_plans else selected_plan(shell, reg)
        out = _documents_root(shell, reg.settings)
        if issue:
            ok = confirm if confirm is not None else shell.ask(
                f"Ban hành các văn bản của {plan.plan_id}: cấp số, ghi ngày hôm nay và ghi vào "
                "Sổ văn bản? Văn bản đã ban hành sẽ không bị ghi đè về sau.")
            if not ok:
                raise Refusal("Chưa ban hành. Muốn ban hành, bấm lại và chọn Yes (Có).")
        res = generate.generate(reg, out, plan_ids=[plan.plan_id] if plan else None,
                                 codes=codes, issue=issue, today=today or dt.date.today(),
                                 progress=shell.status)
        shell.status("Đang ghi Sổ văn bản…")
        shell.apply(res.changes)
        lines = [f"{label} ({plan.plan_id if plan else 'mọi kế hoạch'}): {res.summary()}",
                 f"Thư mục: {os.path.join(out, plan.plan_id) if plan else out}"]
        lines += [f"Lưu ý: {n}" for n in res.notices[:3]]
        for p in res.refusals[:5]:
            where_ = f"{p.sheet}, ô {p.cell}" if p.cell else p.sheet
            lines.append(f"Chưa tạo ({where_}): {p.message}")
        if len(res.refusals) > 5:
            lines.append(f"… và {len(res.refusals) - 5} chỗ khác (bấm Kiểm tra dữ liệu).")
        return "\n".join(lines), f"{len(res.files)} tệp trong {out}"
    return _run(label, book, work)


def documents_all(book=None, **kw):
    """Tất cả văn bản: every document of the selected plan, as drafts."""
    return _documents_button(book, None, "Tạo tất cả văn bản", **kw)


def issue_documents(book=None, **kw):
    """Ban hành: number, date and register the selected plan's numbered documents."""
    return _documents_button(book, None, "Ban hành văn bản", issue=True, **kw)


def doc_plan(book=None, **kw):
    return _documents_button(book, ["KH"], "Tạo kế hoạch", **kw)


def doc_announcement(book=None, **kw):
    return _documents_button(book, ["TB"], "Tạo thông báo", **kw)


def doc_invitations(book=None, **kw):
    return _documents_button(book, ["GM"], "Tạo giấy mời", **kw)


def doc_forms(book=None, **kw):
    return _documents_button(book, ["PDK"], "Tạo phiếu đăng ký", **kw)


def doc_summary_report(book=None, **kw):
    return _documents_button(book, ["BCTH"], "Tạo báo cáo tổng hợp", **kw)


def doc_assignments(book=None, **kw):
    return _documents_button(book, ["CVPC"], "Tạo công văn phân công", **kw)


def doc_minutes(book=None, **kw):
    return _documents_button(book, ["BB"], "Tạo biên bản", **kw)


def doc_conclusion(book=None, **kw):
    return _documents_button(book, ["TBKL"], "Tạo thông báo kết luận", **kw)


def doc_replies(book=None, **kw):
    return _documents_button(book, ["CVTL"], "Tạo công văn trả lời", **kw)


def doc_result_report(book=None, **kw):
    return _documents_button(book, ["BCKQ"], "Tạo báo cáo kết quả", **kw)


def doc_survey(book=None, **kw):
    return _documents_button(book, ["PKS"], "Tạo phiếu lấy ý kiến", **kw)


def doc_attendance_list(book=None, **kw):
    return _documents_button(book, ["DSDB"], "Tạo danh sách đại biểu ký nhận", **kw)


def doc_delivery_book(book=None, **kw):
    return _documents_button(book, ["SGN"], "Tạo sổ giao nhận giấy mời", **kw)


def doc_bulletin(book=None, **kw):
    return _documents_button(book, ["TTTT"], "Tạo bản tin truyền thanh", **kw)


# --- sharing with the Front (group "Chia sẻ" of the tab) ---------------------------------------------

INTAKE_FOLDER = "mttq-gui-ve"


def intake_export(book=None, today: dt.date | None = None) -> str | None:
    """Phiếu cho MTTQ: one intake workbook per village of the selected plan."""
    def work(shell):
        from doithoai.sharing import intake
        reg = _read_registry(shell)
        plan = selected_plan(shell, reg)
        out = os.path.join(_documents_root(shell, reg.settings, "tệp phiếu"), plan.plan_id,
                           "MTTQ")
        shell.status(f"Đang tạo phiếu cho MTTQ ({plan.plan_id})…")
        made = intake.export(reg, plan.plan_id, out, today=today or dt.date.today())
        names = ", ".join(f"{os.path.basename(e.path)} (lô {e.batch})" for e in made)
        return (f"Đã tạo {len(made)} tệp phiếu cho MTTQ ({plan.plan_id}) trong {out}: {names}. "
                "Gửi cho Ủy ban MTTQ (thư điện tử, Zalo, USB); khi nhận lại, chép các tệp vào "
                f"thư mục {INTAKE_FOLDER} cạnh sổ rồi bấm Nhận ý kiến từ MTTQ."), out
    return _run("Phiếu cho MTTQ", book, work)


def _pick_files(shell) -> list[str]:
    """The returned files: chosen in Excel's own Open dialog, else every workbook in the
    mttq-gui-ve folder beside the registry."""
    try:
        picked = shell.book.app.api.GetOpenFilename(
            "Excel (*.xlsx;*.xls),*.xlsx;*.xls", 1, "Chọn các tệp MTTQ gửi về", None, True)
        if isinstance(picked, (list, tuple)) and picked:
            return [str(p) for p in picked]
        if picked is False:
            raise Refusal("Chưa chọn tệp nào: chưa nhận gì vào sổ.")
    except Refusal:
        raise
    except Exception:
        pass
    folder = os.path.join(shell.folder or "", INTAKE_FOLDER)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                   if f.lower().endswith((".xlsx", ".xls")) and not f.startswith("~$")) \
        if shell.folder and os.path.isdir(folder) else []
    if not files:
        raise Refusal(f"Không thấy tệp nào để nhận. Hãy chép các tệp MTTQ gửi về vào thư mục "
                      f"\"{INTAKE_FOLDER}\" cạnh tệp sổ rồi bấm lại.")
    return files


def intake_merge(book=None, files: list[str] | None = None,
                 today: dt.date | None = None) -> str | None:
    """Nhận ý kiến từ MTTQ: returned rows added, recognised, or set aside in Chờ xử lý."""
    def work(shell):
        from doithoai.sharing import intake, merge
        reg = _read_registry(shell)
        chosen = files or _pick_files(shell)
        shell.status(f"Đang đọc {len(chosen)} tệp MTTQ gửi về…")
        returned = [intake.read_returned(f) for f in chosen]
        hint = None
        if any(not r.identity.get("plan") and not r.problem for r in returned):
            hint = selected_plan(shell, reg).plan_id
        try:
            res = merge.merge(reg, returned, today=today or dt.date.today(), plan_hint=hint)
        except merge.RegistryTooOld as exc:
            raise Refusal(str(exc)) from None
        shell.status("Đang ghi vào trang Ý kiến và Chờ xử lý…")
        shell.apply(res.changes)
        lines = res.lines()
        t = res.totals
        if t.set_aside:
            lines.append("Xem trang Chờ xử lý: sửa theo lý do rồi nhận lại tệp, hoặc xóa dòng.")
        if t.duplicates:
            lines.append("Ý kiến nghi trùng có mã ở cột Trùng với (ô tô vàng, có ghi chú): giữ "
                         "nếu đúng, xóa nếu không.")
        return "\n".join(lines), ", ".join(os.path.basename(f) for f in chosen)
    return _run("Nhận ý kiến từ MTTQ", book, work)


def find_duplicates(book=None) -> str | None:
    """Tìm ý kiến trùng: suggestions written to empty Trùng với cells, each with a note."""
    def work(shell):
        from doithoai.registry import schema
        from doithoai.registry.changes import MARK_PREFIX, Block, Changes, Mark
        from doithoai.registry.problems import a1
        from doithoai.sharing import dedupe
        reg = _read_registry(shell)
        shell.status(f"Đang so sánh {len(reg.opinions)} ý kiến…")
        found = dedupe.suggest(dedupe.items_from_registry(reg))
        table = reg.tables["opinions"]
        col = table.columns.get("duplicate_of")
        rows = {r.row: r.raw.get("duplicate_of") for r in table.rows}
        by_id = {o.opinion_id: o for o in reg.opinions}
        new = [s for s in found if by_id[s.key].duplicate_of in (None, "")]
        if not new:
            return ("Không thấy ý kiến nào nghi trùng mà chưa ghi Trùng với "
                    f"({len(found)} cặp đã được ghi)." if found else
                    "Không thấy ý kiến nào nghi trùng."), ""
        changes = Changes()
        for s in new:
            rows[by_id[s.key].row] = s.original
            changes.marks.append(Mark(schema.OPINIONS.name, a1(by_id[s.key].row, col),
                                      "warning", f"{MARK_PREFIX}\n{s.note()}"))
        first, last = min(rows), max(rows)
        changes.blocks.append(Block(schema.OPINIONS.name, first, col, tuple(
            (rows.get(r),) for r in range(first, last + 1))))
        shell.apply(changes)
        return (f"Đã gợi ý {len(new)} ý kiến trùng: mã ý kiến gốc ghi ở cột Trùng với (ô tô "
                "vàng, di chuột để xem điểm). Giữ nếu đúng là trùng, xóa nếu không; ý kiến gốc "
                "không bị sửa."), ""
    return _run("Tìm ý kiến trùng", book, work)


# --- follow-up (group "Theo dõi" of the tab) ---------------------------------------------------------

def monitor_report(book=None, as_of: dt.date | None = None) -> str | None:
    """Báo cáo theo dõi: the read-only monitoring workbook beside the registry."""
    def work(shell):
        from doithoai.monitoring import workbook
        reg = _read_registry(shell)
        folder = _saved_folder(shell, "báo cáo")
        day = as_of or dt.date.today()
        shell.status("Đang lập báo cáo theo dõi…")
        path, chains = workbook.write(reg, os.path.join(folder, workbook.default_name(reg, day)),
                                      day, shell.book.name)
        counted = [c for c in chains if c.counted]
        return (f"Đã tạo báo cáo theo dõi: {path}. {len(counted)} ý kiến: đã trả lời "
                f"{sum(c.answered for c in counted)}, đã giải quyết xong "
                f"{sum(bool(c.resolved) for c in counted)}, người nêu hài lòng "
                f"{sum(c.satisfaction == 'Hài lòng' for c in counted)}, quá hạn "
                f"{sum(c.overdue for c in counted)}. Tệp chỉ để xem, không có số điện thoại "
                "hay địa chỉ nhà: gửi Văn phòng Đảng ủy, Ủy ban MTTQ."), path
    return _run("Báo cáo theo dõi", book, work)


def update_dashboard(book=None, as_of: dt.date | None = None) -> str | None:
    """Cập nhật Tổng hợp: the summary tables of the Tổng hợp sheet, values only, in bulk."""
    def work(shell):
        from doithoai.monitoring import chain, dashboard
        from doithoai.registry import dashboard_layout
        reg = _read_registry(shell)
        if dashboard_layout.SHEET not in shell._sheets:
            raise Refusal("Sổ không có trang Tổng hợp: hãy chép trang này từ một sổ mới (nút Tạo "
                          "sổ mới) rồi bấm lại.")
        layout = dashboard_layout.has_layout(shell.grid(dashboard_layout.SHEET))
        day = as_of or dt.date.today()
        shell.status("Đang tính số liệu tổng hợp…")
        chains = chain.build(reg, day)
        ch = dashboard.changes(reg, chains, day)
        shell.apply(ch)
        counted = [c for c in chains if c.counted]
        message = (f"Đã cập nhật trang Tổng hợp (tính đến {day:%d/%m/%Y}): {len(counted)} ý kiến; "
                   f"đã trả lời {sum(c.answered for c in counted)}, đã giải quyết xong "
                   f"{sum(bool(c.resolved) for c in counted)}, hài lòng "
                   f"{sum(c.satisfaction == 'Hài lòng' for c in counted)}, quá hạn "
                   f"{sum(c.overdue for c in counted)}.")
        if not layout:
            message += (" Sổ này tạo bằng phiên bản cũ nên trang Tổng hợp chưa có biểu đồ: chép "
                        "trang Tổng hợp từ một sổ mới (nút Tạo sổ mới) để có biểu đồ.")
        for line in ch.summary:
            message += f" Lưu ý: {line}."
        return message, ""
    return _run("Cập nhật Tổng hợp", book, work)


def chase_overdue(book=None, today: dt.date | None = None) -> str | None:
    """Đôn đốc: a công văn đôn đốc to each agency that owes replies past their due date."""
    return _documents_button(book, ["CVDD"], "Tạo công văn đôn đốc", today=today,
                             all_plans=True)


def carry_over(book=None, today: dt.date | None = None) -> str | None:
    """Chuyển ý kiến tồn: earlier plans' unresolved opinions linked into the selected plan."""
    def work(shell):
        from doithoai.monitoring import carryover
        reg = _read_registry(shell)
        plan = selected_plan(shell, reg)
        if not carryover.unresolved_before(reg, plan):
            return (f"Không có ý kiến nào của các hội nghị trước {plan.plan_id} còn chưa giải "
                    "quyết xong."), ""
        ch, made = carryover.link(reg, plan, today or dt.date.today())
        if not made:
            return (f"Các ý kiến tồn đã được chuyển vào {plan.plan_id} từ trước; không thêm "
                    "dòng nào."), ""
        shell.apply(ch)
        return (f"Đã chuyển {len(made)} ý kiến chưa giải quyết xong của các hội nghị trước vào "
                f"{plan.plan_id} ({made[0]}…{made[-1]}), mỗi dòng ghi Trùng với mã ý kiến gốc; "
                "ý kiến gốc không bị sửa. Kế hoạch và báo cáo kết quả của hội nghị này sẽ liệt "
                "kê các ý kiến đó."), ""
    return _run("Chuyển ý kiến tồn", book, work)


def check_install(book=None) -> str | None:
    """Kiểm tra cài đặt: the doctor's checks, each with its fix, in a message."""
    def work(shell):
        from doithoai.installer import doctor
        checks = doctor.run(doctor.real_machine(shell.folder))
        return doctor.render(checks), ""
    return _run("Kiểm tra cài đặt", book, work)
