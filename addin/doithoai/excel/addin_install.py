"""``doithoai install`` / ``uninstall``: put the add-in where Excel (Windows) loads it.

Install: build doithoai.xlam into %APPDATA%\\Microsoft\\AddIns (Excel's add-in folder), naming
the interpreter xlwings must start (this Python, windowless) in the add-in's own xlwings.conf
sheet, which xlwings reads first and in Unicode (a user folder with diacritics stays whole);
write the same into ``xlwings.conf`` beside it (read by the add-in's guard and the doctor,
with the add-in's SHA-256), leaving the user's global xlwings settings alone; register the
add-in to open with Excel (an ``OPENn`` value under
HKCU\\Software\\Microsoft\\Office\\<version>\\Excel\\Options); check that the VBA module in the
add-in and the Python xlwings package are the same version.

Elsewhere than Windows it says so and changes nothing. The registry and the folders are passed
in, so the whole flow is tested on any OS with a temporary folder and a dictionary.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from typing import Protocol

from doithoai.excel import addin_build

CONF_NAME = "xlwings.conf"
OFFICE_VERSIONS = ("16.0", "15.0", "14.0")      # Excel 2016-365, 2013, 2010
NOT_WINDOWS = ("Phần bổ trợ (thẻ Đối thoại) cần Microsoft Excel trên Windows. Trên máy này vẫn "
               "dùng được các lệnh doithoai (init, validate, deadlines, demo...).")


class OptionsStore(Protocol):
    """Excel's Options keys in the Windows registry (or a dictionary in tests)."""

    def versions(self) -> list[str]: ...
    def values(self, version: str) -> dict[str, str]: ...
    def set(self, version: str, name: str, value: str) -> None: ...
    def delete(self, version: str, name: str) -> None: ...


class WinRegistry:
    KEY = r"Software\Microsoft\Office\{}\Excel\Options"

    def __init__(self):
        import winreg
        self.winreg = winreg

    def versions(self) -> list[str]:
        found = []
        for v in OFFICE_VERSIONS:
            try:
                self.winreg.CloseKey(self.winreg.OpenKey(self.winreg.HKEY_CURRENT_USER,
                                                         self.KEY.format(v)))
                found.append(v)
            except OSError:
                pass
        return found

    def values(self, version: str) -> dict[str, str]:
        out = {}
        with self.winreg.OpenKey(self.winreg.HKEY_CURRENT_USER, self.KEY.format(version)) as k:
            i = 0
            while True:
                try:
                    name, value, _ = self.winreg.EnumValue(k, i)
                except OSError:
                    break
                out[name] = str(value)
                i += 1
        return out

    def set(self, version: str, name: str, value: str) -> None:
        with self.winreg.OpenKey(self.winreg.HKEY_CURRENT_USER, self.KEY.format(version), 0,
                                 self.winreg.KEY_SET_VALUE) as k:
            self.winreg.SetValueEx(k, name, 0, self.winreg.REG_SZ, value)

    def delete(self, version: str, name: str) -> None:
        with self.winreg.OpenKey(self.winreg.HKEY_CURRENT_USER, self.KEY.format(version), 0,
                                 self.winreg.KEY_SET_VALUE) as k:
            self.winreg.DeleteValue(k, name)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    ok: bool = True


def windowless_python(executable: str = sys.executable) -> str:
    folder, name = os.path.split(executable)
    if name.lower() == "python.exe" and os.path.exists(os.path.join(folder, "pythonw.exe")):
        return os.path.join(folder, "pythonw.exe")
    return executable


def unblock(path: str) -> bool:
    """Remove the "downloaded from the internet" mark (the Zone.Identifier stream), with which
    Office blocks macros by default since 2022. True if there was one."""
    try:
        os.remove(path + ":Zone.Identifier")
        return True
    except OSError:
        return False


OWN_KEYS = ('"INTERPRETER_WIN"', '"DOITHOAI_ADDIN_SHA256"')


def conf_text(existing: str, interpreter: str, addin_sha256: str = "") -> str:
    """xlwings.conf with INTERPRETER_WIN (and the installed add-in's SHA-256, for the doctor to
    tell a whole add-in from one an antivirus emptied) set; the file's other lines are kept."""
    lines = [l for l in existing.splitlines() if l.strip() and
             not l.upper().startswith(OWN_KEYS)]
    lines.append(f'"INTERPRETER_WIN","{interpreter}"')
    if addin_sha256:
        lines.append(f'"DOITHOAI_ADDIN_SHA256","{addin_sha256}"')
    return "\r\n".join(lines) + "\r\n"


def sha256(path: str) -> str:
    import hashlib
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _addins_folder(appdata: str) -> str:
    return os.path.join(appdata, "Microsoft", "AddIns")


def _open_entries(store: OptionsStore, version: str, path: str) -> list[str]:
    return [name for name, value in store.values(version).items()
            if re.fullmatch(r"OPEN\d*", name) and path.lower() in value.lower()]


def _windows_only(platform: str, appdata: str | None, store: OptionsStore | None):
    """(report, folder, store), or a refusing report where this is not Windows."""
    report = Report()
    if not platform.startswith("win"):
        report.ok = False
        report.lines.append(NOT_WINDOWS)
        return report, None, None
    return report, _addins_folder(appdata or os.environ["APPDATA"]), store or WinRegistry()


def install(appdata: str | None = None, store: OptionsStore | None = None,
            platform: str = sys.platform, python: str | None = None) -> Report:
    report, folder, store = _windows_only(platform, appdata, store)
    if folder is None:
        return report
    interpreter = windowless_python(python or sys.executable)
    try:
        path = addin_build.build(folder, interpreter=interpreter)
    except PermissionError:
        # Excel has the add-in open: the new file was built beside it and the swap refused, so
        # the old add-in is still there, whole (addin_build.build writes atomically).
        report.ok = False
        report.lines.append("Excel đang mở phần bổ trợ doithoai.xlam nên chưa thay được. Hãy "
                            "đóng Excel rồi chạy lại (phần bổ trợ cũ vẫn còn nguyên).")
        return report
    unblock(path)
    report.lines.append(f"Đã đặt phần bổ trợ vào {path}.")
    conf = os.path.join(folder, CONF_NAME)
    existing = open(conf, encoding="utf-8").read() if os.path.exists(conf) else ""
    with open(conf, "w", encoding="utf-8", newline="") as fh:
        fh.write(conf_text(existing, interpreter, sha256(path)))
    report.lines.append(f"Đã ghi trình thông dịch Python cho xlwings: {interpreter}.")
    versions = store.versions()
    if not versions:
        report.lines.append("Chưa thấy Excel đã chạy trên máy này: hãy mở Excel một lần, đóng "
                            "lại rồi chạy lại lệnh này (hoặc bật phần bổ trợ theo hướng dẫn "
                            "trong README).")
    for version in versions:
        if _open_entries(store, version, path):
            continue
        taken = store.values(version)
        n = 0
        while ("OPEN" if n == 0 else f"OPEN{n}") in taken:
            n += 1
        store.set(version, "OPEN" if n == 0 else f"OPEN{n}", f'"{path}"')
        report.lines.append(f"Đã đăng ký để Excel {version} tự mở phần bổ trợ.")
    problems = addin_build.check(path)
    if problems:
        report.ok = False
        report.lines += problems
    else:
        import xlwings
        report.lines.append(f"Phiên bản khớp: mô-đun VBA xlwings {xlwings.__version__} và gói "
                            f"Python xlwings {xlwings.__version__}.")
        report.lines.append("Mở lại Excel: thẻ Đối thoại sẽ xuất hiện. Lần đầu, nếu Excel hỏi, "
                            "hãy bật macro cho phần bổ trợ này.")
    return report


def uninstall(appdata: str | None = None, store: OptionsStore | None = None,
              platform: str = sys.platform) -> Report:
    report, folder, store = _windows_only(platform, appdata, store)
    if folder is None:
        return report
    path = os.path.join(folder, addin_build.ADDIN_NAME)
    for version in store.versions():
        for name in _open_entries(store, version, path):
            store.delete(version, name)
            report.lines.append(f"Đã bỏ đăng ký khỏi Excel {version}.")
    if os.path.exists(path):
        os.unlink(path)
        report.lines.append(f"Đã xóa {path}.")
    conf = os.path.join(folder, CONF_NAME)
    if os.path.exists(conf):
        rest = [l for l in open(conf, encoding="utf-8").read().splitlines()
                if l.strip() and not l.upper().startswith(OWN_KEYS)]
        if rest:
            with open(conf, "w", encoding="utf-8", newline="") as fh:
                fh.write("\r\n".join(rest) + "\r\n")
        else:
            os.unlink(conf)
    if not report.lines:
        report.lines.append("Phần bổ trợ chưa được cài trên máy này.")
    return report
