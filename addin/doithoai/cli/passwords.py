"""Where a command gets the password of a registry protected with Office's own encryption.

Never from its arguments (the process list shows them to every user of the PC): from a file
named by ``--password-file``, from the environment variable :data:`ENV`, or typed at a prompt
that does not echo. The password is asked for only when the file is encrypted, held in memory
for the command's run, and never printed, logged or written into Nhật ký.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from doithoai.cli.common import Refused
from doithoai.files import protected
from doithoai.files.zipparts import PackageRefused
from doithoai.files.reader import RegistryUnreadable

ENV = "DOITHOAI_MAT_KHAU"

HELP = (f"tệp chứa mật khẩu của sổ (dòng đầu), khi sổ được đặt mật khẩu trong Excel; không có "
        f"tùy chọn này thì lấy từ biến môi trường {ENV}, hoặc hỏi (chữ gõ không hiện ra). Mật "
        "khẩu không bao giờ được ghi trên dòng lệnh")


def add_option(parser) -> None:
    parser.add_argument("--password-file", metavar="FILE", help=HELP)
    # Typed anyway: refused (the value is never repeated), rather than read as an abbreviation
    # of --password-file and named as a file that does not exist.
    parser.add_argument("--password", dest="password_typed", help=argparse.SUPPRESS)


def _from_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            line = fh.readline()
    except OSError:
        raise Refused(f"Không đọc được tệp mật khẩu \"{path}\" (--password-file): kiểm tra tên "
                      "tệp và quyền đọc. Chưa làm gì, không ghi tệp nào.") from None
    password = line.rstrip("\r\n")
    if not password:
        raise Refused(f"Tệp mật khẩu \"{path}\" (--password-file) trống: ghi mật khẩu ở dòng "
                      "đầu. Chưa làm gì, không ghi tệp nào.")
    return password


class Asker:
    """``ask(path)`` for files.protected: the first source that says something."""

    def __init__(self, args):
        self.file = getattr(args, "password_file", None)

    def __call__(self, path: str) -> str | None:
        if self.file:
            return _from_file(self.file)
        if os.environ.get(ENV):
            return os.environ[ENV]
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(f"Mật khẩu của sổ {os.path.basename(path)} (chữ gõ không "
                                   "hiện ra): ")
        return None


def locked_message(name: str, exc: protected.Locked) -> str:
    """Why an encrypted registry was not opened, and what to do, in the clerk's words."""
    if isinstance(exc, protected.NoPassword):
        return (f"Sổ \"{name}\" được đặt mật khẩu. Chạy lại lệnh trong cửa sổ lệnh để nhập mật "
                f"khẩu khi được hỏi, hoặc ghi mật khẩu vào dòng đầu một tệp rồi thêm "
                f"--password-file TỆP, hoặc đặt biến môi trường {ENV}. Chưa làm gì, không ghi "
                "tệp nào.")
    if isinstance(exc, protected.WrongPassword):
        return (f"Mật khẩu không mở được sổ \"{name}\" (sai mật khẩu). Chưa làm gì, không ghi "
                "tệp nào. Kiểm tra lại chữ hoa, chữ thường và bộ gõ tiếng Việt (bật hay tắt) rồi "
                "chạy lại.")
    return (f"Không mở được sổ \"{name}\": {exc}. Chưa làm gì, không ghi tệp nào. Hãy mở sổ "
            "bằng Excel với mật khẩu, lưu lại rồi chạy lại.")


def open_registry(args, path: str | None = None) -> protected.Opened:
    """The registry named by the command (``path``, else ``args.path``), decrypted in memory
    when it has a password; a password that does not open it, or none at all, is refused
    (exit 2) before anything is written."""
    if getattr(args, "password_typed", None) is not None:
        raise Refused("Không nhận mật khẩu ghi trên dòng lệnh (người khác dùng máy có thể xem "
                      f"được): dùng --password-file TỆP, biến môi trường {ENV}, hoặc nhập khi "
                      "được hỏi. Chưa làm gì, không ghi tệp nào.")
    path = os.fspath(path or args.path)
    try:
        return protected.open_file(path, Asker(args))
    except protected.Locked as exc:
        raise RegistryUnreadable(locked_message(os.path.basename(path), exc)) from None
    except PackageRefused as exc:           # too large to be decrypted in memory
        raise RegistryUnreadable(f"Không đọc được tệp \"{os.path.basename(path)}\": "
                                 f"{exc.sentence()} Phần mềm chưa làm gì với tệp này.",
                                 detail=exc.detail) from None
