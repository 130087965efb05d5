"""Group Chia sẻ với MTTQ: intake workbooks out and back in, duplicate suggestions."""
from __future__ import annotations

import datetime as dt
import os

from doithoai.files.atomic import all_written_as
from doithoai.text.filenames import safe_name
from doithoai.buttons.common import Refused, documents_root, read_registry, run, selected_plan


INTAKE_FOLDER = "mttq-gui-ve"


def intake_export(book=None, today: dt.date | None = None) -> str | None:
    """Phiếu cho MTTQ: one intake workbook per village of the selected plan; when the open
    workbook has a password, each file gets one of its own, kept in Mật khẩu phiếu and shown
    once (never written into Nhật ký)."""
    def work(shell):
        from doithoai.registry import personal, schema
        from doithoai.registry.changes import Changes
        from doithoai.sharing import intake, keys, timing
        reg = read_registry(shell)
        plan = selected_plan(shell, reg, today or dt.date.today())
        encrypt = shell.has_password()
        if encrypt and schema.INTAKE_KEYS.name not in shell._sheets:
            raise Refused(f"Sổ có mật khẩu nên mỗi tệp phiếu cũng có mật khẩu, lưu ở trang "
                          f"\"{schema.INTAKE_KEYS.name}\"; sổ này chưa có trang đó. Hãy chép "
                          "trang này từ một sổ mới (nút Tạo sổ mới) rồi bấm lại. Chưa tạo tệp nào.")
        out = os.path.join(documents_root(shell, reg.settings, "tệp phiếu"), safe_name(plan.plan_id),
                           "MTTQ")
        shell.status(f"Đang tạo phiếu cho MTTQ ({plan.plan_id})…")
        made = intake.export(reg, plan.plan_id, out, today=today or dt.date.today(),
                             encrypt=encrypt)
        if encrypt:
            ch = Changes()
            keys.keep(reg, plan.plan_id, made, ch)
            shell.apply(ch)
            shell.message("Mật khẩu của từng tệp phiếu (gõ cả dấu gạch ngang; đọc cho MTTQ qua "
                          "điện thoại, không gửi kèm tệp; xem lại ở trang "
                          f"{schema.INTAKE_KEYS.name}):\n" + "\n".join(
                              f"{e.village or 'Cả kế hoạch'}: {e.password}" for e in made))
        names = ", ".join(f"{os.path.basename(e.path)} (lô {e.batch})" for e in made)
        villages = "; ".join(e.village for e in made if e.village) or "cả kế hoạch"
        release = personal.Release(f"{len(made)} tệp phiếu {plan.plan_id}",
                                   f"Ủy ban MTTQ ({villages})", 0, encrypt)
        renamed = all_written_as([(e.asked, e.path) for e in made])
        return (f"Đã tạo {len(made)} tệp phiếu cho MTTQ ({plan.plan_id}) trong {out}{renamed}: "
                f"{names}"
                + (", mỗi tệp một mật khẩu" if encrypt else "") + ". Gửi cho Ủy ban MTTQ (thư "
                "điện tử, Zalo, USB); khi nhận lại, chép các tệp vào thư mục "
                f"{INTAKE_FOLDER} cạnh sổ rồi bấm Nhận ý kiến từ MTTQ."
                + _after(timing.held_notice(plan, today or dt.date.today()))), out, [release]
    return run("Phiếu cho MTTQ", book, work)


def _after(notice: str | None) -> str:
    return f"\n{notice}" if notice else ""


def _pick_files(shell) -> list[str]:
    """The returned files: chosen in the program's own Open dialog, else every workbook in
    the mttq-gui-ve folder beside the registry."""
    folder = os.path.join(shell.folder or "", INTAKE_FOLDER)
    picked = shell.pick_files("Chọn các tệp MTTQ gửi về",
                              folder if shell.folder and os.path.isdir(folder) else shell.folder)
    if picked:
        return picked
    if picked is not None:
        raise Refused("Chưa chọn tệp nào: chưa nhận gì vào sổ.")
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                   if f.lower().endswith((".xlsx", ".xls")) and not f.startswith("~$")) \
        if shell.folder and os.path.isdir(folder) else []
    if not files:
        raise Refused(f"Không thấy tệp nào để nhận. Hãy chép các tệp MTTQ gửi về vào thư mục "
                      f"\"{INTAKE_FOLDER}\" cạnh tệp sổ rồi bấm lại.")
    return files


def intake_merge(book=None, files: list[str] | None = None,
                 today: dt.date | None = None) -> str | None:
    """Nhận ý kiến từ MTTQ: returned rows added, recognised, or set aside in Chờ xử lý."""
    def work(shell):
        from doithoai.sharing import intake, keys, merge
        reg = read_registry(shell)
        chosen = files or _pick_files(shell)
        shell.status(f"Đang đọc {len(chosen)} tệp MTTQ gửi về…")
        returned = [intake.read_returned(f, keys.candidates(reg, f)) for f in chosen]
        hint = None
        if any(not r.identity.get("plan") and not r.problem for r in returned):
            hint = selected_plan(shell, reg, today or dt.date.today()).plan_id
        try:
            res = merge.merge(reg, returned, today=today or dt.date.today(), plan_hint=hint)
        except merge.RegistryTooOld as exc:
            raise Refused(str(exc)) from None
        shell.status("Đang ghi vào trang Ý kiến và Chờ xử lý…")
        shell.apply(res.changes)
        lines = res.lines() + res.notes()
        t = res.totals
        if t.set_aside:
            lines.append("Xem trang Chờ xử lý: sửa dòng trong tệp theo lý do, xóa dòng đó ở "
                         "trang Chờ xử lý rồi nhận lại tệp (hoặc chép tay sang trang Ý kiến).")
        if t.duplicates:
            lines.append("Ý kiến nghi trùng có mã ở cột Trùng với (ô tô vàng, có ghi chú): giữ "
                         "nếu đúng, xóa nếu không.")
        return "\n".join(lines), ", ".join(os.path.basename(f) for f in chosen)
    return run("Nhận ý kiến từ MTTQ", book, work)


def find_duplicates(book=None) -> str | None:
    """Tìm ý kiến trùng: suggestions written to empty Trùng với cells, each with a note."""
    def work(shell):
        from doithoai.registry import schema
        from doithoai.registry.changes import MARK_PREFIX, Block, Changes, Mark
        from doithoai.registry.cellref import a1
        from doithoai.sharing import dedupe
        reg = read_registry(shell)
        shell.status(f"Đang so sánh {len(reg.opinions)} ý kiến…")
        found = dedupe.in_registry(
            reg, dedupe.suggest(dedupe.items_from_registry(reg)))
        table = reg.tables["opinions"]
        col = table.columns.get("duplicate_of")
        by_id = {o.opinion_id: o for o in reg.opinions}
        new = [s for s in found if by_id[s.key].duplicate_of in (None, "")]
        if not new:
            return ("Không thấy ý kiến nào nghi trùng mà chưa ghi Trùng với "
                    f"({len(found)} cặp đã được ghi)." if found else
                    "Không thấy ý kiến nào nghi trùng."), ""
        changes = Changes()
        filled = {}
        for s in new:
            filled[by_id[s.key].row] = s.original
            changes.marks.append(Mark(schema.OPINIONS.name, a1(by_id[s.key].row, col),
                                      "warning", f"{MARK_PREFIX}\n{s.note()}"))
        # Only the empty cells that get a suggestion are written, one block per run of adjacent
        # rows: whatever the clerk typed in the column (a formula too) stays as it is.
        for first, values in _runs(filled):
            changes.blocks.append(Block(schema.OPINIONS.name, first, col,
                                        tuple((v,) for v in values)))
        shell.apply(changes)
        return (f"Đã gợi ý {len(new)} ý kiến trùng: mã ý kiến gốc ghi ở cột Trùng với (ô tô "
                "vàng, di chuột để xem điểm). Giữ nếu đúng là trùng, xóa nếu không; ý kiến gốc "
                "không bị sửa."), ""
    return run("Tìm ý kiến trùng", book, work)


def _runs(cells: dict[int, object]) -> list[tuple[int, list]]:
    """{row: value} as (first row, values) for each run of adjacent rows."""
    runs: list[tuple[int, list]] = []
    for row in sorted(cells):
        if runs and runs[-1][0] + len(runs[-1][1]) == row:
            runs[-1][1].append(cells[row])
        else:
            runs.append((row, [cells[row]]))
    return runs
