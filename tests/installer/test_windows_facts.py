"""Three facts of Windows PCs that stop the buttons, found in xlwings' own issues, checked by
the doctor through the functions that read and build them (they cannot run on Windows here):
Defender's rule against Office starting programs (#2433), an antivirus that quarantines or
empties the add-in (#2516), and a user folder with diacritics (#1934: C:\\Users\\Nguyễn Thị Hoà)."""
import hashlib
import os
import zipfile

import pytest

from doithoai.excel import addin_build, addin_install
from doithoai.installer import defender, doctor

PY = r"C:\Users\Nguyễn Thị Hoà\AppData\Local\Programs\Python\Python312\pythonw.exe"


class FakeStore:
    def __init__(self):
        self.data = {"16.0": {}}

    def versions(self):
        return list(self.data)

    def values(self, version):
        return dict(self.data[version])

    def set(self, version, name, value):
        self.data[version][name] = value

    def delete(self, version, name):
        del self.data[version][name]


@pytest.fixture
def installed(tmp_path):
    """doithoai installed for a clerk whose Windows user folder has diacritics."""
    appdata = tmp_path / "Users" / "Nguyễn Thị Hoà" / "AppData" / "Roaming"
    store = FakeStore()
    report = addin_install.install(appdata=str(appdata), store=store, platform="win32",
                                   python=PY)
    assert report.ok, report.lines
    return appdata, store


def machine(appdata, store, **kw):
    base = dict(platform="win32", python=PY, appdata=str(appdata), store=store,
                exists=lambda p: p == PY or os.path.exists(p), policy=lambda v, n: None,
                motw=lambda p: False, hklm=lambda key, name: None, hklm_names=lambda key: [])
    base.update(kw)
    return doctor.Machine(**base)


def by_name(checks):
    return {c.name: c for c in checks}


# --- a user folder with diacritics ----------------------------------------------------------------

def test_the_add_in_names_its_python_in_unicode_where_xlwings_reads_first(installed):
    appdata, store = installed
    addin = appdata / "Microsoft" / "AddIns" / addin_build.ADDIN_NAME
    assert addin_build.addin_interpreter(str(addin)) == PY          # every letter whole
    assert addin_build.check(str(addin)) == []
    assert store.data["16.0"]["OPEN"] == f'"{addin}"'
    conf = (addin.parent / addin_install.CONF_NAME).read_bytes()
    assert conf.decode("utf-8").startswith(f'"INTERPRETER_WIN","{PY}"\r\n')
    # Why the sheet: xlwings' VBA opens xlwings.conf with Open/Input, in the ANSI code page,
    # where this path does not survive (Vietnamese Windows: 1258; English: 1252).
    for page in ("cp1258", "cp1252"):
        assert PY not in conf.decode(page, errors="replace")
    checks = by_name(doctor.run(machine(appdata, store)))
    assert checks["interpreter"].ok and checks["addin_interpreter"].ok


def test_an_add_in_from_before_names_no_python_and_the_doctor_says_so(installed):
    appdata, store = installed
    addins = appdata / "Microsoft" / "AddIns"
    addin_build.build(str(addins))                          # as older versions built it
    assert addin_build.addin_interpreter(str(addins / addin_build.ADDIN_NAME)) is None
    bad = by_name(doctor.run(machine(appdata, store)))["addin_interpreter"]
    assert not bad.ok and "có dấu" in bad.message and "cai-dat.bat" in bad.fix


# --- an antivirus that quarantines the add-in ---------------------------------------------------

def test_a_whole_add_in_and_one_an_antivirus_took(installed):
    appdata, store = installed
    addin = appdata / "Microsoft" / "AddIns" / addin_build.ADDIN_NAME
    ok = by_name(doctor.run(machine(appdata, store)))["addin_file"]
    assert ok.ok and "còn nguyên như lúc cài" in ok.message
    with zipfile.ZipFile(addin) as z:                       # what a scanner leaves: no VBA
        parts = {n: z.read(n) for n in z.namelist() if n != "xl/vbaProject.bin"}
    with zipfile.ZipFile(addin, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    bad = by_name(doctor.run(machine(appdata, store)))["addin_file"]
    assert not bad.ok and "không còn nguyên" in bad.message and "diệt virus" in bad.fix
    addin.unlink()                                          # quarantined: gone
    bad = by_name(doctor.run(machine(appdata, store)))["addin_file"]
    assert not bad.ok and "đã bị xóa sau khi cài" in bad.message
    assert "khôi phục" in bad.fix and "AddIns" in bad.fix


def test_the_recorded_hash_is_the_installed_file(installed):
    appdata, _ = installed
    addin = appdata / "Microsoft" / "AddIns" / addin_build.ADDIN_NAME
    conf = (addin.parent / addin_install.CONF_NAME).read_text(encoding="utf-8")
    assert f'"DOITHOAI_ADDIN_SHA256","{hashlib.sha256(addin.read_bytes()).hexdigest()}"' in conf


# --- Defender's attack-surface-reduction rule -------------------------------------------------------

def registry(policy=None, local=None, exclusions=()):
    values = {}
    if policy is not None:
        values[(defender.POLICY + r"\Rules", defender.RULE)] = policy
    if local is not None:
        values[(defender.LOCAL + r"\Rules", defender.RULE)] = local
    names = {defender.POLICY + r"\ASROnlyExclusions": list(exclusions)}
    return dict(hklm=lambda key, name: values.get((key, name)),
                hklm_names=lambda key: names.get(key, []))


@pytest.mark.parametrize("policy, local, exclusions, ok", [
    (None, None, (), True),                     # not configured
    ("0", None, (), True), ("2", None, (), True),   # off, audit only
    ("1", None, (), False), ("6", None, (), False),  # block, warn
    (None, "1", (), False),                     # set on the PC (Set-MpPreference)
    ("0", "1", (), True),                       # the policy wins over the local setting
    ("1", None, [r"c:\users\nguyễn thị hoà\appdata\local\programs\python"], True),
    ("1", None, [PY], True),
    ("1", None, [r"C:\Users\Nguyễn Thị Hoà\AppData\Local\Programs\Python31"], False),
])
def test_defender_s_rule_against_office_starting_python(installed, policy, local, exclusions,
                                                        ok):
    appdata, store = installed
    check = by_name(doctor.run(machine(appdata, store, **registry(policy, local, exclusions))))
    asr = check["defender_asr"]
    assert asr.ok == ok
    if not ok:
        assert PY in asr.fix and defender.RULE in asr.fix and "Audit" in asr.fix
        assert "Excel không khởi động được Python" in asr.message
