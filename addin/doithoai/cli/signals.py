"""Stopping cleanly: a signal (Ctrl+C, SIGTERM, SIGHUP; on Windows Ctrl+Break and closing the
console, which Python receives as SIGBREAK) becomes an exception in the main thread, so every
atomic writer removes its temporary file on the way out; a closed pipe (``| head``) ends the
output quietly."""
from __future__ import annotations

import os
import signal
import sys

from doithoai.files import atomic

NAMES = {"SIGINT": "Ctrl+C", "SIGTERM": "lệnh dừng (SIGTERM)", "SIGHUP": "cửa sổ lệnh bị đóng",
         "SIGBREAK": "Ctrl+Break hoặc cửa sổ lệnh bị đóng"}


class Interrupted(KeyboardInterrupt):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.note = ""       # what the command that was stopped adds (said after the stop)

    @property
    def what(self) -> str:
        return NAMES.get(signal.Signals(self.signum).name, f"tín hiệu {self.signum}")


def _raise(signum, frame):
    settle()            # one stop at a time: the tidying up that follows is not stopped again
    raise Interrupted(signum)


def settle() -> None:
    """Signals are ignored from now on: the command has done its work (or is stopping), and
    what is left is tidying up and exiting. A late Ctrl+C must not turn a finished command
    into a traceback, nor a stop already under way into a second, half-said one."""
    for name in NAMES:
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, signal.SIG_IGN)
            except (ValueError, OSError):     # not the main thread, or not allowed here
                pass


def install() -> dict:
    """Signals raise :class:`Interrupted` from now on; returns the handlers they replaced."""
    atomic.FINISHED.clear()
    previous = {}
    for name in NAMES:
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, _raise)
            except (ValueError, OSError):     # not the main thread, or not allowed here
                pass
    return previous


def restore(previous: dict) -> None:
    for sig, handler in previous.items():
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError, TypeError):
            pass


def behind(exc: BaseException) -> Interrupted | None:
    """The signal behind an error, if any: a library cleaning up while the signal's exception
    passes (zipfile closing a half-written member) may raise an error of its own over it."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, Interrupted):
            return exc
        seen.add(id(exc))
        exc = exc.__context__ or exc.__cause__
    return None


def stopped_message(exc: Interrupted) -> str:
    """What was done before the stop, after removing any half-written file."""
    atomic.remove_pending()
    done = atomic.FINISHED
    note = f" {exc.note}" if getattr(exc, "note", "") else ""
    if not done:
        return f"Đã dừng ({exc.what}). Chưa ghi xong tệp nào; không còn tệp dở dang.{note}"
    return (f"Đã dừng ({exc.what}). Đã ghi xong {len(done)} tệp (tệp cuối: {done[-1]}); tệp "
            "đang ghi dở đã được xóa. Chạy lại lệnh để làm tiếp: văn bản nháp được tạo lại, văn "
            f"bản đã ban hành không bị ghi đè.{note}")


def quiet_closed_pipe() -> None:
    """The reader of our output went away (``doithoai catalogue | head -2``): send what is
    left to nowhere, so that Python's own flush at exit does not complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
