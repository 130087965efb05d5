"""Damaged registries and returned files, built by code, and every command run on each.

Each fault takes a healthy sample registry (a copy) and damages it the way a careless clerk, a
tired Front officer or a hostile file would; :func:`run_command` runs one CLI command on it
and :func:`verdict` checks what any answer must satisfy: an exit code of 0, 1 or 2 (never 3),
no traceback, Vietnamese words, the registry untouched, no temporary file left, and on a
refusal nothing written. ``tests/faults/`` asserts them; ``python bench/fault_table.py``
prints the fault × command table.
"""
import datetime as dt
import glob
import hashlib
import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout

import openpyxl

from xlsx_edit import cell_ref
from doithoai.registry import schema

SAMPLE = "tu-minh"          # the sample with the most of everything, and returned files
# The day the Front's returned files of KH-2026-01 are made: before its meeting (12/06/2026), as a
# real one is; a file made after its plan's meeting is set aside whole (sharing/fitting.py).
RETURNED_ON = dt.date(2026, 6, 1)


def _open(path):
    return openpyxl.load_workbook(path)


def _set(path, sheet_key, key, row, value, as_text=False):
    wb = _open(path)
    cell = wb[schema.sheet(sheet_key).name][cell_ref(sheet_key, key, row)]
    cell.value = value
    if as_text:
        cell.data_type = "s"
    wb.save(path)


def rename_sheet(path):
    wb = _open(path)
    wb["Ý kiến"].title = "Y kien (cu)"
    wb.save(path)
    return "Ý kiến"


def rename_header(path):
    wb = _open(path)
    wb["Ý kiến"][cell_ref("opinions", "content", 1)] = "Noi dung y kien"
    wb.save(path)
    return "Nội dung"


def delete_log_sheet(path):
    wb = _open(path)
    del wb["Nhật ký"]
    wb.save(path)
    return "Nhật ký"


def tables_to_ranges(path):
    """Excel's Convert to Range on Nhật ký, Ý kiến and Sổ văn bản: the cells stay."""
    wb = _open(path)
    for name in ("Nhật ký", "Ý kiến", "Sổ văn bản"):
        ws = wb[name]
        for t in list(ws.tables):
            del ws.tables[t]
    wb.save(path)
    return None


def clerk_text_below_log(path):
    """The clerk's own note a few rows below the last Nhật ký row, in a column of their own."""
    wb = _open(path)
    ws = wb["Nhật ký"]
    ws.cell(row=ws.max_row + 3, column=7, value="Ghi chú riêng của cán bộ: không được mất")
    wb.save(path)
    return None


def year_9999_date(path):
    _set(path, "plans", "meeting_date", 2, dt.date(9999, 12, 31))
    return "Kế hoạch"


def year_9999_text(path):
    _set(path, "plans", "meeting_date", 2, "31/12/9999", as_text=True)
    return "Kế hoạch"


def year_2206(path):
    _set(path, "plans", "meeting_date", 2, dt.date(2206, 6, 12))
    return "Kế hoạch"


def year_1899(path):
    _set(path, "opinions", "received_date", 3, dt.datetime(1899, 12, 30, 0, 0))
    return "Ý kiến"


def rule_of_a_century(path):
    _set(path, "rules", "days", 2, 100000)
    return "Quy tắc thời hạn"


def path_in_code(path):
    _set(path, "plans", "plan_id", 2, "../../x")
    return "Kế hoạch"


def path_in_folder_setting(path):
    wb = _open(path)
    ws = wb["Cấu hình"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "Thư mục văn bản":
            row[1].value = "../../../ngoai-so"
    wb.save(path)
    return None


def formula_text_and_controls(path):
    _set(path, "opinions", "content", 4, "=HYPERLINK(\"http://x\",\"bấm\") đề nghị\u200b",
         as_text=True)
    return None


def cell_at_excel_limit(path):
    _set(path, "opinions", "content", 5, "Đề nghị sửa đường " * 2000)
    return None


def emptied_sheet(path):
    wb = _open(path)
    ws = wb["Ý kiến"]
    ws.delete_rows(2, ws.max_row)
    wb.save(path)
    return None


FAULTS = {
    "sheet renamed": rename_sheet,
    "header renamed": rename_header,
    "log sheet deleted": delete_log_sheet,
    "tables → ranges": tables_to_ranges,
    "clerk text below log": clerk_text_below_log,
    "date 9999": year_9999_date,
    "date 9999 as text": year_9999_text,
    "date 2206": year_2206,
    "date 1899": year_1899,
    "rule 100000 days": rule_of_a_century,
    "code ../../x": path_in_code,
    "folder ../../..": path_in_folder_setting,
    "formula + controls": formula_text_and_controls,
    "cell at 32767": cell_at_excel_limit,
    "sheet emptied": emptied_sheet,
}


def damaged(fault: str, healthy: str, folder: str) -> tuple[str, str | None]:
    """A damaged copy of ``healthy`` in ``folder``: (path, the sheet a refusal must name)."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, os.path.basename(healthy))
    shutil.copy(healthy, path)
    return path, FAULTS[fault](path)


# --- the commands ------------------------------------------------------------------------------

def commands(path: str, returned: list[str], root: str) -> dict[str, tuple[list[str], str]]:
    """Every command that reads a registry: name → (argv, the folder it writes under)."""
    def at(name):
        folder = os.path.join(root, name.replace(" ", "-").replace("/", ""))
        os.makedirs(folder, exist_ok=True)
        return folder
    o = {n: at(n) for n in ("summary", "validate", "deadlines", "due", "generate", "overdue",
                            "export", "merge", "duplicates", "monitor", "carry-over")}
    return {
        "summary": (["summary", path], o["summary"]),
        "validate": (["validate", path, "--today", "2026-11-29"], o["validate"]),
        "deadlines": (["deadlines", path, "--today", "2026-11-29"], o["deadlines"]),
        "due --registry": (["due", "2026-06-12", "10", "--working", "--registry", path],
                           o["due"]),
        "generate": (["generate", path, "--docs", "KH,TB,BCTH,CVPC", "--out", o["generate"],
                      "--today", "2026-11-29"], o["generate"]),
        "overdue": (["overdue", path, "--out", o["overdue"], "--today", "2026-11-29"],
                    o["overdue"]),
        "intake export": (["intake", "export", path, "--plan", "KH-2026-01", "--out",
                           o["export"]], o["export"]),
        "intake merge": (["intake", "merge", path, *returned, "--out",
                          os.path.join(o["merge"], "nhan.xlsx")], o["merge"]),
        "duplicates": (["duplicates", path], o["duplicates"]),
        "monitor": (["monitor", path, "--out", o["monitor"], "--as-of", "2026-11-29"],
                    o["monitor"]),
        "carry-over": (["carry-over", path, "--plan", "KH-2026-01", "--link", "--out",
                        os.path.join(o["carry-over"], "chuyen.xlsx")], o["carry-over"]),
    }


def run_command(argv: list[str]) -> tuple[int, str]:
    """``doithoai argv`` in this process (it puts the signal handlers back): (exit, output)."""
    from doithoai import cli
    buf = io.StringIO()
    with redirect_stdout(buf), redirect_stderr(buf):
        try:
            code = cli.main(argv)
        except SystemExit as exc:       # argparse
            code = exc.code
    return code, buf.getvalue()


def digest(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def files_under(folder: str) -> set[str]:
    return {os.path.relpath(p, folder) for p in glob.glob(os.path.join(folder, "**", "*"),
                                                          recursive=True) if os.path.isfile(p)}


VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def verdict(code: int, output: str, sheet: str | None, registry_before: str, registry: str,
            out: str, out_before: set[str]) -> list[str]:
    """What is wrong with one run (empty: nothing)."""
    wrong = []
    if code not in (0, 1, 2):
        wrong.append(f"exit {code}")
    if "Traceback" in output or "Error:" in output:
        wrong.append("traceback")
    if code != 0 and not VIETNAMESE & set(output.lower()):
        wrong.append("no Vietnamese")
    if digest(registry) != registry_before:
        wrong.append("registry changed in place")
    left = [p for p in glob.glob(os.path.join(out, "**", ".~*"), recursive=True)]
    left += glob.glob(os.path.join(os.path.dirname(registry), ".~*"))
    if left:
        wrong.append(f"temp files left: {left}")
    if code == 2 and sheet and sheet not in output:
        wrong.append(f"refusal does not name {sheet}")
    if code == 2 and files_under(out) - out_before:
        wrong.append("wrote files although it refused")
    return wrong
