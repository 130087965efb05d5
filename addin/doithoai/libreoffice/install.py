"""``doithoai install --libreoffice`` / ``uninstall --libreoffice``: the extension added to (or
removed from) LibreOffice with its own tool, unopkg; and what the doctor reads of it.

``install`` builds doithoai.oxt recording the Python that runs the command (as ``install``
records it in xlwings.conf for Excel), then ``unopkg add --force``. For the current user; as
root (a Linux PC set up by its administrator) unopkg refuses a per-user install, so the
extension goes to every user of the machine (``--shared``). The component's command URLs do
not depend on where the extension lies, so both work the same.

The machine is reached through :class:`Office` (where LibreOffice is, how to run a program),
so the whole flow runs in tests with a fake runner; ``extra`` passes bootstrap settings
(``-env:UserInstallation=…``) to unopkg, which the tests use to install into a scratch profile.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Callable

from doithoai.libreoffice import addons, extension

MINIMAL = tuple(int(x) for x in addons.MINIMAL_VERSION.split("."))
NO_OFFICE = ("Không tìm thấy LibreOffice trên máy này (chương trình unopkg). Hãy cài LibreOffice "
             f"{addons.MINIMAL_VERSION} trở lên (libreoffice.org, hoặc trên Linux: apt install "
             "libreoffice-calc python3-uno) rồi chạy lại lệnh này.")
WIN_KEYS = (r"SOFTWARE\LibreOffice\UNO\InstallPath",
            r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    ok: bool = True


@dataclass
class Office:
    """Where LibreOffice's programs are, and how to run one (tests replace ``run``)."""
    program: str | None                       # LibreOffice's program folder
    run: Callable = subprocess.run
    root: bool = False                        # running as root: only --shared is allowed
    extra: tuple = ()                         # -env:… bootstrap settings for unopkg

    def tool(self, name: str) -> str | None:
        if self.program is None:
            return None
        for candidate in (f"{name}.com", f"{name}.exe", name):
            path = os.path.join(self.program, candidate)
            if os.path.isfile(path):
                return path
        return None

    def unopkg(self, subcommand: str, *operands: str, shared: bool | None = None,
               force: bool = False) -> subprocess.CompletedProcess:
        """``unopkg SUBCOMMAND [--force] [--shared] [-env:…] OPERANDS`` (options before the
        operands: unopkg reads what follows a file as more files)."""
        shared = self.root if shared is None else shared
        command = [self.tool("unopkg"), subcommand, *(["--force"] if force else []),
                   *(["--shared"] if shared else []), *self.extra, *operands]
        return self.run(command, capture_output=True, text=True, timeout=300,
                        env=office_environment())


def office_environment(environ=os.environ) -> dict:
    """The environment LibreOffice's programs get: without a virtual environment's Python.

    LibreOffice's Python (pyuno, embedded in unopkg and soffice) finds its standard library
    from the first ``python3`` on the PATH; a virtual environment's bin folder there (doithoai
    installed in a venv, the command run from it) points it at another Python's library, and
    registering the extension's component crashes (std::bad_alloc)."""
    env = {k: v for k, v in environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP")}
    venvs = venv_folders(environ)
    env["PATH"] = os.pathsep.join(d for d in environ.get("PATH", "").split(os.pathsep)
                                  if d and d not in venvs)
    return env


def venv_folders(environ=os.environ) -> list[str]:
    """The folders of ``environ``'s PATH that are a virtual environment's programs (a
    pyvenv.cfg beside them): LibreOffice started with one of them there ends at its start
    (office_environment)."""
    return [d for d in environ.get("PATH", "").split(os.pathsep)
            if d and os.path.exists(os.path.join(os.path.dirname(d), "pyvenv.cfg"))]


def _windows_program(read_key: Callable[[str], str | None] | None) -> str | None:
    if read_key is None:
        import winreg

        def read_key(key: str) -> str | None:
            try:
                with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as k:
                    return winreg.QueryValueEx(k, "")[0]
            except OSError:
                return None
    for key in WIN_KEYS:
        folder = read_key(key)
        if folder and os.path.isdir(folder):
            return folder
    return None


def find_program(platform: str = sys.platform, which: Callable = shutil.which,
                 read_key: Callable | None = None) -> str | None:
    """LibreOffice's program folder: from the Windows registry, else soffice on the PATH."""
    if platform.startswith("win"):
        found = _windows_program(read_key)
        if found:
            return found
    for name in ("soffice", "libreoffice"):
        path = which(name)
        if path:
            return os.path.dirname(os.path.realpath(path))
    return None


def real_office(extra: tuple = ()) -> Office:
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return Office(find_program(), root=root, extra=tuple(extra))


def version(office: Office) -> tuple | None:
    """LibreOffice's version, from its version file, else from ``soffice --version``."""
    if office.program is None:
        return None
    for name in ("version.ini", "versionrc"):
        path = os.path.join(office.program, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as fh:
                m = re.search(r"^(?:MsiProductVersion|ProductVersion)=(\d+(?:\.\d+)+)",
                              fh.read(), re.M)
            if m:
                return tuple(int(x) for x in m.group(1).split("."))
    soffice = office.tool("soffice")
    if soffice is None:
        return None
    try:
        out = office.run([soffice, "--version"], capture_output=True, text=True, timeout=60,
                         env=office_environment())
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"LibreOffice (\d+(?:\.\d+)+)", out.stdout or "")
    return tuple(int(x) for x in m.group(1).split(".")) if m else None


def listed(office: Office, shared: bool) -> str | None:
    """The installed extension's unopkg listing (user's or shared), or None."""
    if office.tool("unopkg") is None or (office.root and not shared):
        return None
    res = office.unopkg("list", addons.IDENTIFIER, shared=shared)
    if res.returncode != 0 or f"Identifier: {addons.IDENTIFIER}" not in (res.stdout or ""):
        return None
    return res.stdout


def install(office: Office, python: str = sys.executable) -> Report:
    report = Report()
    if office.tool("unopkg") is None:
        return Report([NO_OFFICE], False)
    have = version(office)
    if have is not None and have < MINIMAL:
        return Report([f"LibreOffice {'.'.join(map(str, have))} đã cũ: phần mở rộng cần "
                       f"LibreOffice {addons.MINIMAL_VERSION} trở lên."], False)
    with tempfile.TemporaryDirectory(prefix="doithoai-oxt-") as folder:
        path = extension.build(folder, python=python)
        res = office.unopkg("add", path, force=True)
    if res.returncode != 0 or listed(office, office.root) is None:
        detail = (res.stderr or res.stdout or "").strip().splitlines()[-1:] or [""]
        return Report(["Không cài được phần mở rộng vào LibreOffice: " + detail[0]
                       + " Hãy đóng mọi cửa sổ LibreOffice rồi chạy lại lệnh này."], False)
    who = "mọi người dùng của máy này" if office.root else "người dùng hiện tại"
    report.lines += [f"Đã cài phần mở rộng Đối thoại vào LibreOffice cho {who}.",
                     f"Các nút chạy doithoai bằng Python {python}.",
                     "Đóng mọi cửa sổ LibreOffice rồi mở lại sổ (.xlsx) bằng LibreOffice Calc: "
                     "thanh công cụ và trình đơn Đối thoại sẽ xuất hiện."]
    if not sys.platform.startswith("win") and venv_folders():
        report.lines.append(VENV_START)
    return report


# Said wherever a terminal with a virtual environment first on its PATH is seen (Linux: the
# install run from it, the doctor): LibreOffice started from it ends at its start.
VENV_START = ("Lưu ý: mở LibreOffice từ trình đơn ứng dụng, hoặc gõ deactivate trước khi mở từ "
              "cửa sổ lệnh này: cửa sổ lệnh đang bật môi trường ảo thì LibreOffice bị tắt ngay "
              "khi nạp thanh công cụ Đối thoại.")


def uninstall(office: Office) -> Report:
    if office.tool("unopkg") is None:
        return Report([NO_OFFICE], False)
    removed = False
    for shared in ((True,) if office.root else (False, True)):
        if listed(office, shared) is None:
            continue
        res = office.unopkg("remove", addons.IDENTIFIER, shared=shared)
        if res.returncode != 0:
            return Report(["Không gỡ được phần mở rộng Đối thoại"
                           + (" (cài cho mọi người dùng: cần quyền quản trị)" if shared else "")
                           + ". Hãy đóng LibreOffice rồi chạy lại lệnh này."], False)
        removed = True
    return Report(["Đã gỡ phần mở rộng Đối thoại khỏi LibreOffice." if removed else
                   "Phần mở rộng Đối thoại chưa được cài vào LibreOffice trên máy này."])


def installed_folder(listing: str, user_installation: str | None, program: str | None,
                     shared_cache: str | None = None) -> str | None:
    """The folder LibreOffice unpacked the installed extension into, from its unopkg listing
    (``URL: vnd.sun.star.expand:$UNO_USER_PACKAGES_CACHE/uno_packages/….tmp_/doithoai.oxt``)."""
    m = re.search(r"URL: vnd\.sun\.star\.expand:\$(UNO_USER_PACKAGES_CACHE|"
                  r"UNO_SHARED_PACKAGES_CACHE)/(\S+)", listing or "")
    if not m:
        return None
    if m.group(1) == "UNO_USER_PACKAGES_CACHE":
        base = os.path.join(user_installation, "user", "uno_packages", "cache") \
            if user_installation else None
    else:
        base = shared_cache or (os.path.join(os.path.dirname(program), "share", "uno_packages",
                                             "cache") if program else None)
    return os.path.join(base, *m.group(2).split("/")) if base else None


def user_installation(platform: str = sys.platform, environ=os.environ) -> str:
    """LibreOffice's default user profile folder."""
    if platform.startswith("win"):
        return os.path.join(environ.get("APPDATA", ""), "LibreOffice", "4")
    config = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(config, "libreoffice", "4")


@dataclass
class Facts:
    """What the doctor reads of LibreOffice on this PC."""
    version: tuple | None
    installed: str | None = None          # the installed extension's version
    shared: bool = False                  # installed for every user of the machine
    python: str | None = None             # the Python it records
    settings_read: bool = False


def facts(office: Office, profile: str | None = None,
          shared_cache: str | None = None) -> Facts | None:
    """LibreOffice's version and the installed extension (None: no LibreOffice here);
    ``profile`` and ``shared_cache`` where they are not LibreOffice's own (tests)."""
    if office.program is None:
        return None
    out = Facts(version(office))
    for shared in (False, True):
        listing = listed(office, shared)
        if listing is None:
            continue
        m = re.search(r"Version: (\S+)", listing)
        out.installed, out.shared = (m.group(1) if m else "?"), shared
        folder = installed_folder(listing, profile or user_installation(), office.program,
                                  shared_cache)
        path = os.path.join(folder, extension.SETTINGS) if folder else ""
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                out.python, out.settings_read = json.load(fh).get("python"), True
        break
    return out
