"""What every command shares: exit codes, output, date arguments, the log row, the crash log."""
from __future__ import annotations

import argparse
import os
import tempfile
import traceback

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, EXIT_CRASH = 0, 1, 2, 3


def say(text: str = "") -> None:
    print(text)


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


def log_row(action: str, result: str, files: str) -> dict:
    import datetime as dt
    import getpass
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    return {"time": dt.datetime.now().strftime("%d/%m/%Y %H:%M"), "user": user,
            "action": action, "result": result[:500], "files": files}


def log_crash(detail: str | None = None) -> str:
    """Technical details (a traceback, a library's message) go to a log file, never the screen."""
    folder = os.path.join(tempfile.gettempdir(), "doithoai")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "loi.log")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write((detail or traceback.format_exc()) + "\n")
    return path
