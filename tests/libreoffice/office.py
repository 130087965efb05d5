"""LibreOffice for the tests: a scratch profile with the extension installed the way a clerk
installs it (``doithoai.libreoffice.install``, unopkg), one soffice per test module (headless,
or on the virtual display of Xvfb), and the driver (office_driver.py, run by Debian's
/usr/bin/python3 with python3-uno) that presses buttons and reads the document back.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import time
import uuid

from doithoai.libreoffice import install

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "office_driver.py")


def unavailable() -> str | None:
    """Why LibreOffice cannot be driven here (None: it can)."""
    program = install.find_program()
    if program is None:
        return "LibreOffice is not installed (apt-get install libreoffice-calc python3-uno)"
    office = install.Office(program)
    if office.tool("unopkg") is None:
        return "LibreOffice has no unopkg here"
    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
        return "Debian's /usr/bin/python3 has no python3-uno (apt-get install python3-uno)"
    return None


def screen_unavailable() -> str | None:
    for tool in ("Xvfb", "xdotool", "xwd", "convert"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb xdotool x11-apps imagemagick)"
    return unavailable()


class Office:
    """soffice with a scratch profile, the extension installed in it, and the driver."""

    def __init__(self, folder: str, screen: "Screen | None" = None):
        self.folder = folder
        self.screen = screen
        self.display = screen.name if screen else None
        self.profile = os.path.join(folder, "profile")
        shared = os.path.join(folder, "shared")
        os.makedirs(shared, exist_ok=True)
        self.extra = (f"-env:UserInstallation=file://{self.profile}",
                      f"-env:UNO_SHARED_PACKAGES_CACHE=file://{shared}")
        self.pipe = "doithoai" + uuid.uuid4().hex[:10]
        self.soffice = self.driver = None

    def start(self) -> "Office":
        if self.display and os.path.isdir(os.path.join(install.find_program(), "resource",
                                                       "vi")):
            self._speak_vietnamese()
        office = install.Office(install.find_program(), root=_root(), extra=self.extra)
        self.installed = install.install(office, python=sys.executable)
        assert self.installed.ok, self.installed.lines
        env = install.office_environment()
        env["HOME"] = self.folder
        if self.display:
            env["DISPLAY"] = self.display
            # A shared computer: the temporary folder's "doithoai" is another account's (here
            # a file where the folder would be). A press must still answer (it ended the whole
            # of LibreOffice, a fresh-eyes trial found), its log kept elsewhere.
            tmp = os.path.join(self.folder, "tmp")
            os.makedirs(tmp, exist_ok=True)
            with open(os.path.join(tmp, "doithoai"), "w") as fh:
                fh.write("another account's\n")
            env["TMPDIR"] = tmp
            # The profile's first start (registering the extension) done headless, so the
            # session on screen does not restart itself halfway, as it may under load.
            subprocess.run([office.tool("soffice"), "--headless", "--terminate_after_init",
                            *self.extra], env=env, capture_output=True, timeout=300)
        # On screen, the Start Center keeps soffice running between documents (with
        # --nodefault it would quit with its last window, or before the driver connects).
        mode = [] if self.display else ["--headless", "--nodefault"]
        command = [office.tool("soffice"), *mode, "--norestore", "--nologo", *self.extra,
                   f"--accept=pipe,name={self.pipe};urp;"]
        self.log = open(os.path.join(self.folder, "soffice.log"), "w")
        for attempt in range(3):
            self.soffice = subprocess.Popen(command, env=env, stdout=self.log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
            # Connecting while the session is still coming up on screen can end it (seen
            # under load): the driver starts once the Start Center is drawn. A session that
            # ends or never shows a window is started again (at most three times).
            if not self.screen or self.screen.wait_for_window("LibreOffice", self.soffice):
                break
            self._end_soffice()
            self.log.write(f"--- attempt {attempt + 1} showed no window; starting again\n")
        else:
            raise AssertionError(f"soffice showed no window (log {self.log.name})")
        self.driver = subprocess.Popen([SYSTEM_PYTHON, DRIVER, self.pipe], env=env,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       text=True, encoding="utf-8")
        ready = self.driver.stdout.readline()
        assert ready and json.loads(ready) == {"ok": "ready"}, \
            f"soffice did not answer (exit {self.soffice.poll()}; log {self.log.name})"
        return self

    def _speak_vietnamese(self) -> None:
        """LibreOffice's own menus and dialogs in Vietnamese (libreoffice-l10n-vi), as a
        clerk's LibreOffice in Vietnam shows them: the profile's UI language set before its
        first start."""
        os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w",
                  encoding="utf-8") as fh:
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
                     'xmlns:oor="http://openoffice.org/2001/registry" '
                     'xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                     '<item oor:path="/org.openoffice.Office.Linguistic/General">'
                     '<prop oor:name="UILocale" oor:op="fuse"><value>vi</value></prop></item>'
                     '</oor:items>\n')

    def call(self, op: str, **fields):
        self.driver.stdin.write(json.dumps({"op": op, **fields}) + "\n")
        self.driver.stdin.flush()
        line = self.driver.stdout.readline()
        if not line:
            raise RuntimeError("the LibreOffice driver stopped")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["ok"]

    def stop(self) -> None:
        if self.driver is not None:
            try:
                self.call("close")
            except Exception:
                pass
            try:
                self.driver.stdin.close()
            except OSError:
                pass
            self.driver.wait(timeout=30)
        if self.soffice is not None:
            self._end_soffice()
            self.log.close()

    def _end_soffice(self) -> None:
        try:
            os.killpg(self.soffice.pid, 15)
        except ProcessLookupError:
            pass
        self.soffice.wait(timeout=30)


def _alive(process) -> bool:
    """Whether anything of ``process``'s session still runs (soffice's launcher may exit while
    soffice.bin, in the same session, goes on)."""
    try:
        os.killpg(process.pid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


class Screen:
    """A virtual display (Xvfb) of an office PC's size, on a display number no other test
    (or engineer) on this machine uses: tried at random until one answers."""

    def __init__(self, size: str = "1366x768x24"):
        for _ in range(20):
            self.name = f":{random.randint(100, 999)}"
            if os.path.exists(f"/tmp/.X11-unix/X{self.name[1:]}"):
                continue
            self.process = subprocess.Popen(["Xvfb", self.name, "-screen", "0", size,
                                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
            if self._answers():
                return
            self.process.terminate()
            self.process.wait(timeout=30)
        raise RuntimeError("no virtual display could be started")

    def _answers(self) -> bool:
        for _ in range(50):
            if self.process.poll() is not None:
                return False
            probe = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                                   env={**os.environ, "DISPLAY": self.name})
            if probe.returncode == 0:
                return True
            time.sleep(0.1)
        return False

    def wait_for_window(self, name: str, process, timeout: int = 90) -> bool:
        """True once a window named ``name`` shows; False if ``process`` ends first or the
        window does not come within ``timeout`` seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                                   capture_output=True, env={**os.environ, "DISPLAY": self.name})
            if found.returncode == 0 and found.stdout.strip():
                return True
            if process.poll() is not None and not _alive(process):
                return False
            time.sleep(0.5)
        return False

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.name},
                       check=True, timeout=30)

    def shot(self, path: str) -> str:
        xwd = subprocess.run(["xwd", "-root", "-silent", "-display", self.name],
                             capture_output=True, check=True, timeout=60).stdout
        subprocess.run(["convert", "xwd:-", path], input=xwd, check=True, timeout=60)
        return path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
