"""``doithoai install --libreoffice`` and ``uninstall --libreoffice`` with a fake unopkg (what
is run, as root and as a user, and what the clerk reads when it fails), and once with the real
one into a scratch profile where LibreOffice is installed."""
import os
import shutil
import subprocess
import zipfile

import pytest

from office import unavailable
from doithoai.libreoffice import addons, extension, install

LISTING = ("All deployed user extensions:\n\nIdentifier: org.doithoai.libreoffice\n"
           "  Version: {version}\n  URL: vnd.sun.star.expand:$UNO_USER_PACKAGES_CACHE/"
           "uno_packages/lu1234.tmp_/doithoai.oxt\n  is registered: yes\n")


class FakeUnopkg:
    """Records each command; ``add`` copies the extension it is given (the real one copies it
    into its cache), ``list`` answers as unopkg does."""

    def __init__(self, tmp_path, fails=False, version="0.3.0"):
        self.commands, self.tmp_path, self.fails, self.version = [], tmp_path, fails, version
        self.added = None

    def __call__(self, command, **kw):
        self.commands.append(command)
        assert "VIRTUAL_ENV" not in kw["env"]
        if command[1] == "add":
            if self.fails:
                return subprocess.CompletedProcess(command, 1, "", "ERROR: unopkg failed.")
            self.added = str(self.tmp_path / "added.oxt")
            shutil.copy(command[-1], self.added)
        out = LISTING.format(version=self.version) if self.added else "All deployed: <none>"
        return subprocess.CompletedProcess(command, 0, out if command[1] == "list" else "", "")


def office(tmp_path, runner, root):
    program = tmp_path / "program"
    program.mkdir(exist_ok=True)
    (program / "unopkg").write_text("")
    (program / "versionrc").write_text("[Version]\nProductVersion=7.4.7\n")
    return install.Office(str(program), run=runner, root=root)


@pytest.mark.parametrize("root, shared", [(True, ["--shared"]), (False, [])])
def test_install_runs_unopkg_shared_only_as_root(tmp_path, root, shared):
    runner = FakeUnopkg(tmp_path)
    report = install.install(office(tmp_path, runner, root), python="/opt/py/bin/python3")
    assert report.ok and "Python /opt/py/bin/python3" in "\n".join(report.lines)
    assert ("mọi người dùng" in report.lines[0]) == root
    add = runner.commands[0]
    assert add[1:3] == ["add", "--force"] and add[3:-1] == shared
    assert add[-1].endswith(extension.EXTENSION_NAME)        # the file last, after the options
    assert extension.recorded_python(runner.added) == "/opt/py/bin/python3"
    assert runner.commands[1][1:] == ["list", *shared, addons.IDENTIFIER]


def test_install_run_from_a_virtual_environment_says_how_to_start_libreoffice(tmp_path,
                                                                               monkeypatch):
    """LibreOffice started from a terminal with a virtual environment first on its PATH ends
    as it loads the toolbar (a fresh-eyes trial, twice): the install run from such a terminal
    says how to start it; run from another, it says nothing of it."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    monkeypatch.setattr(install.sys, "platform", "linux")
    monkeypatch.setenv("PATH", f"{venv / 'bin'}{os.pathsep}/usr/bin")
    lines = install.install(office(tmp_path, FakeUnopkg(tmp_path), False)).lines
    assert lines[-1] == install.VENV_START and "deactivate" in lines[-1]
    monkeypatch.setenv("PATH", "/usr/bin")
    assert install.VENV_START not in install.install(
        office(tmp_path, FakeUnopkg(tmp_path), False)).lines


def test_install_that_fails_says_what_to_do(tmp_path):
    report = install.install(office(tmp_path, FakeUnopkg(tmp_path, fails=True), False))
    assert not report.ok and "Hãy đóng mọi cửa sổ LibreOffice" in report.lines[0]
    old = office(tmp_path, FakeUnopkg(tmp_path), False)
    (tmp_path / "program" / "versionrc").write_text("ProductVersion=6.4.7\n")
    report = install.install(old)
    assert not report.ok and "LibreOffice 6.4.7 đã cũ" in report.lines[0]
    none = install.Office(None)
    assert install.install(none).lines == [install.NO_OFFICE]
    assert install.uninstall(none).lines == [install.NO_OFFICE]


def test_uninstall_looks_in_both_places_unless_root(tmp_path):
    runner = FakeUnopkg(tmp_path)
    runner.added = "yes"
    report = install.uninstall(office(tmp_path, runner, False))
    assert report.ok and [c[1] for c in runner.commands] == ["list", "remove", "list", "remove"]
    runner.commands.clear()
    install.uninstall(office(tmp_path, runner, True))
    assert [c[1:] for c in runner.commands] == [["list", "--shared", addons.IDENTIFIER],
                                                ["remove", "--shared", addons.IDENTIFIER]]


def test_libreoffice_s_programs_never_see_a_virtual_environment(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    env = install.office_environment({"PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin",
                                      "VIRTUAL_ENV": str(venv), "PYTHONHOME": "/x", "LANG": "vi"})
    assert env == {"PATH": "/usr/bin", "LANG": "vi"}
    assert install.venv_folders({"PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin"}) == \
        [str(venv / "bin")]


def test_where_libreoffice_and_its_extension_are(tmp_path):
    program = tmp_path / "LibreOffice" / "program"
    program.mkdir(parents=True)
    keys = {install.WIN_KEYS[1]: str(program)}
    assert install.find_program("win32", which=lambda n: None, read_key=keys.get) == str(program)
    assert install.find_program("linux", which=lambda n: None) is None
    (program / "version.ini").write_text("[Version]\nMsiProductVersion=24.8.2.1\n")
    assert install.version(install.Office(str(program))) == (24, 8, 2, 1)
    listing = LISTING.format(version="0.3.0")
    assert install.installed_folder(listing, "/home/an/.config/libreoffice/4", str(program)) == \
        "/home/an/.config/libreoffice/4/user/uno_packages/cache/uno_packages/lu1234.tmp_/" \
        "doithoai.oxt"
    shared = listing.replace("UNO_USER", "UNO_SHARED")
    assert install.installed_folder(shared, None, str(program)) == os.path.join(
        str(tmp_path / "LibreOffice"), "share", "uno_packages", "cache", "uno_packages",
        "lu1234.tmp_", "doithoai.oxt")


REASON = unavailable()


@pytest.mark.skipif(REASON is not None, reason=f"LibreOffice: {REASON}")
def test_the_real_unopkg_installs_lists_and_removes(tmp_path):
    """Into a scratch profile (and, as root, a scratch shared cache): what the doctor reads."""
    (tmp_path / "shared").mkdir()
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    real = install.Office(install.find_program(), root=root,
                          extra=(f"-env:UserInstallation=file://{tmp_path}/profile",
                                 f"-env:UNO_SHARED_PACKAGES_CACHE=file://{tmp_path}/shared"))
    assert install.install(real, python="/opt/py/bin/python3").ok
    facts = install.facts(real, profile=str(tmp_path / "profile"),
                          shared_cache=str(tmp_path / "shared"))
    assert facts.installed == addons_version() and facts.shared == root
    assert facts.python == "/opt/py/bin/python3" and facts.settings_read
    assert install.uninstall(real).ok
    assert install.facts(real, profile=str(tmp_path / "profile")).installed is None


def addons_version():
    from doithoai import __version__
    return __version__


def test_the_installed_extension_is_unpacked_as_built(tmp_path):
    path = extension.build(str(tmp_path), python="/opt/py/bin/python3")
    with zipfile.ZipFile(path) as z:
        assert "doithoai.json" in z.namelist()


def test_the_doctor_on_libreoffice():
    from doithoai import __version__
    from doithoai.installer.office_checks import check_libreoffice
    Facts = install.Facts
    here = {"/opt/py/bin/python3"}.__contains__

    def bad(facts, excel=False):
        return [c.name for c in check_libreoffice(facts, here, excel) if not c.ok]
    assert bad(None) == []                                      # no LibreOffice: a note
    assert bad(Facts((6, 4, 7))) == ["libreoffice", "libreoffice_extension"]
    assert bad(Facts((7, 4, 7))) == ["libreoffice_extension"]
    assert bad(Facts((7, 4, 7)), excel=True) == []              # Excel's add-in serves here
    good = Facts((7, 4, 7), __version__, False, "/opt/py/bin/python3", True)
    assert bad(good) == []
    assert bad(Facts((7, 4, 7), "0.1.0", False, "/opt/py/bin/python3")) == \
        ["libreoffice_extension"]
    assert bad(Facts((7, 4, 7), __version__, True, "/gone/python3")) == \
        ["libreoffice_interpreter"]
    lines = check_libreoffice(Facts((7, 4, 7)), here, False)
    assert "install --libreoffice" in lines[-1].fix
    # A terminal with a virtual environment on its PATH: LibreOffice started from it ends at
    # its start (a fresh-eyes trial); said, with what to do, once the extension is installed.
    said = check_libreoffice(good, here, False, ["/home/a/venv/bin"])
    assert [c.name for c in said if not c.ok] == ["libreoffice_terminal"]
    assert "/home/a/venv/bin" in said[-1].message and "deactivate" in said[-1].fix
