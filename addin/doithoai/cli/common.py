"""What every command shares: exit codes, output, date arguments, the crash log."""
from __future__ import annotations

import argparse
import contextlib
import contextvars
import gc
import json
import os
import sys
import traceback

from doithoai.files import crashlog
from doithoai.registry.problems import Refused

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, EXIT_CRASH = 0, 1, 2, 3


# Commands that read a registry and compute, then write at most one small file: Python's cycle
# collector is paused while they run. Measured on a 50,000-opinion registry (farm-bench, paired
# runs, median): validate 13 % and monitor 12 % less CPU, the same peak memory. Their objects are
# not all free of cycles (monitor's openpyxl workbook leaves some 13,000 cyclic objects, validate
# about a thousand), but those are few beside the millions a read builds, and they are freed by
# the collection ``main`` makes at the end. Commands that write Word documents keep the collector:
# python-docx leaves cycles behind document after document.
COLLECTOR_PAUSED = frozenset({"validate", "deadlines", "monitor", "summary", "duplicates"})


@contextlib.contextmanager
def collector_paused(command: str | None):
    """The cycle collector paused for the commands of :data:`COLLECTOR_PAUSED`."""
    if command not in COLLECTOR_PAUSED or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()



# Folders a command made for its output (deepest last): those still empty when it ends are
# removed, so a refused command, or one that had nothing to write, leaves nothing behind. The
# list belongs to the command that runs (a context variable: two commands in one process, the
# add-in's, each keep their own).
_MADE_FOLDERS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "made_folders", default=None)


@contextlib.contextmanager
def made_folders_kept_only_if_used():
    made: list[str] = []
    token = _MADE_FOLDERS.set(made)
    try:
        yield
    finally:
        _MADE_FOLDERS.reset(token)
        for folder in reversed(made):
            try:
                os.rmdir(folder)            # only an empty folder goes
            except OSError:
                pass


def _writable_folder(folder: str, what: str) -> None:
    """Refused, naming ``folder``, unless it exists and a file can be made in it."""
    from doithoai.files.atomic import can_write_in
    if not os.path.isdir(folder):
        raise Refused(f"Thư mục \"{folder}\" không có: tạo thư mục trước, hoặc chọn chỗ khác "
                      f"cho {what}.")
    if not can_write_in(folder):
        raise Refused(f"Không ghi được vào thư mục \"{folder}\" (không có quyền ghi, hoặc là "
                      f"thư mục của hệ thống, ổ chỉ đọc). Chọn chỗ khác cho {what}.")


def output_folder(out: str, what: str = "--out") -> str:
    """``--out DIR`` for many files: a folder that exists, or is made inside one that does (a
    mistyped path never grows a tree of folders); refused, naming the folder, if it is a file
    or nothing can be written into it, before anything is written. A folder made here and
    left empty is removed when the command ends (:func:`made_folders_kept_only_if_used`)."""
    out = os.path.abspath(out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise Refused(f"\"{out}\" là một tệp, không phải thư mục: {what} cần một thư mục để "
                      "ghi các tệp vào. Chọn thư mục khác.")
    if not os.path.isdir(out):
        _writable_folder(os.path.dirname(out), what)
        try:
            os.mkdir(out)
        except OSError:
            raise Refused(f"Không tạo được thư mục \"{out}\". Chọn thư mục khác cho "
                          f"{what}.") from None
        made = _MADE_FOLDERS.get()
        if made is not None:
            made.append(out)
    _writable_folder(out, what)
    return out


def documents_folder(registry: str, settings) -> str:
    """The registry's Thư mục văn bản (Cấu hình): a folder of that name beside the registry."""
    from doithoai.text import filenames
    return filenames.documents_folder(os.path.dirname(os.path.abspath(registry)),
                                      settings.documents_folder)


def output_file(out: str | None, default_folder: str, default_name: str,
                what: str = "--out") -> str:
    """``--out`` for one new file: an existing folder gets ``default_name`` inside it (a path
    ending with a separator is a folder, made inside one that exists as :func:`output_folder`
    makes one, "theo-doi/"); a file path needs
    an existing folder that can be written into (refused otherwise, naming it, before anything
    is written). Without ``--out``: ``default_name`` in ``default_folder``,
    which must be writable too."""
    if not out:
        _writable_folder(os.path.abspath(default_folder or "."), "tệp kết quả (dùng --out)")
        return os.path.join(default_folder, default_name)
    folder_meant = out.endswith(("/", os.sep) + ((os.altsep,) if os.altsep else ()))
    out = os.path.abspath(out)
    if os.path.isdir(out) or folder_meant:      # "theo-doi/": a folder, not "theo-doi.xlsx"
        return os.path.join(output_folder(out, what), default_name)
    _writable_folder(os.path.dirname(out), what)
    suffix = os.path.splitext(default_name)[1]
    return out if out.lower().endswith(suffix) else out + suffix


def say(text: str = "") -> None:
    print(text)


# With --json, standard output holds one JSON document and nothing else, whatever happens: the
# command's result (say_json), or its refusal (refusal_said); a remark beside the result
# (note) goes to standard error, where the clerk at a terminal still reads it.

def say_json(data) -> None:
    """The document a command run with --json prints."""
    say(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def note(args, text: str) -> None:
    """A remark beside a command's result: with it on standard output, or on standard error
    when --json keeps standard output for the JSON document."""
    if getattr(args, "json", False):
        print(text, file=sys.stderr)
    else:
        say(text)


def refusal_said(args, text: str, code: int) -> int:
    """Why a command stopped, in words, or as the JSON document ``{"error": …,
    "exit_code": …}`` under --json; ``code``, the exit code."""
    if getattr(args, "json", False):
        say_json({"error": text, "exit_code": code})
    else:
        say(text)
    return code


def require_plan(reg, plan_id: str):
    """The plan with Mã KH ``plan_id``, or a refusal naming the plans the registry has."""
    plan = reg.plan(plan_id)
    if plan is None:
        raise Refused(f"Sổ không có kế hoạch {plan_id}. Có: "
                      + ", ".join(p.plan_id for p in reg.plans if p.plan_id))
    return plan


def copy_target(registry: str, out: str | None, label: str) -> str:
    """Where a new copy of ``registry`` goes: ``--out`` as a file or folder (see
    :func:`output_file`), or beside the registry, named by ``label`` and the time
    (files.registry_copy.copy_name). The name asked for: a copy written under another (the
    name taken) says why with files.atomic.written_as."""
    if not out:
        from doithoai.files import registry_copy     # brings openpyxl: a copy is to be written
        _writable_folder(os.path.dirname(os.path.abspath(registry)),
                         "bản sao của sổ (dùng --out)")
        return registry_copy.copy_name(registry, label)
    return output_file(out, "", os.path.basename(registry))


def open_by_someone(registry: str) -> str | None:
    """The lock file Excel ("~$so.xlsx") or LibreOffice (".~lock.so.xlsx#") keeps beside a
    workbook it has open, with who opened it when LibreOffice says, or None."""
    folder, name = os.path.split(os.path.abspath(registry))
    for lock in (f".~lock.{name}#", f"~${name}", f"~${name[1:]}", f"~${name[2:]}"):
        path = os.path.join(folder, lock)
        if os.path.isfile(path):
            who = ""
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    parts = fh.read(400).split(",")
                who = parts[1].strip() if lock.startswith(".~lock") and len(parts) > 1 else ""
            except OSError:
                pass
            return lock + (f", người mở: {who}" if who else "")
    return None


def warn_if_open(args) -> None:
    """Before a command writes a copy of the registry ``args.path`` to be used from now on: if
    the registry is open somewhere, what is typed there after now will not be in the copy.
    Said first (a :func:`note`)."""
    lock = open_by_someone(args.path)
    if lock:
        note(args, f"Lưu ý: sổ {os.path.basename(args.path)} đang được mở trong Excel hoặc "
             f"LibreOffice (tệp khóa {lock}). Bản sao sắp ghi sẽ không có những gì được sửa "
             "trong sổ đang mở sau lúc này: hãy đóng sổ ở mọi nơi rồi chạy lại, hoặc sau khi "
             "dùng bản sao thì không sửa tiếp sổ cũ.")


def score_arg(text: str) -> int:
    """A score of the duplicate finder: a whole number from 0 to 100."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"\"{text}\" không phải là số nguyên") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} nằm ngoài khoảng 0-100 (điểm giống nhau)")
    return value


def date_arg(text: str):
    from doithoai.registry import parsing
    try:
        return parsing.parse_date(text)
    except parsing.OutOfRange:
        raise argparse.ArgumentTypeError(
            f"\"{text}\" nằm ngoài khoảng năm {parsing.MIN_YEAR}-{parsing.MAX_YEAR}") from None
    except parsing.Unreadable:
        raise argparse.ArgumentTypeError(
            f"\"{text}\" không phải là ngày (dùng YYYY-MM-DD hoặc dd/mm/yyyy)") from None


def log_crash(detail: str | None = None) -> str | None:
    """Technical details (a traceback, a library's message) go to a log file, never the screen;
    the file written, or None when no place would take it. Never raises."""
    try:
        text = (detail or traceback.format_exc()) + "\n"
    except Exception:
        text = "(không lấy được chi tiết lỗi)\n"
    return crashlog.write(text)
