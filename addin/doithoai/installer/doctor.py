"""``doithoai doctor``: what is wrong on this PC, and what to do about it.

One :class:`Check` per line, ✓ or ✗, each ✗ with its fix, in Vietnamese. The machine is reached
only through :class:`Machine` (files, the Windows registry, fonts, the alternate data stream
that marks a downloaded file), so every check runs in tests with a fake machine, the way the
install flow is tested through its Options store.

On 32-bit Office (still common): the buttons work with a 64-bit Python. xlwings' RunPython
starts the interpreter as a separate process (``cmd /C pythonw -c ...``, see the RunPython
function of xlwings.bas) that talks to Excel over COM, so the two need not share a bitness;
only xlwings' UDFs and its "optimized connection" load a DLL into Excel's own process, and
doithoai uses neither. The check says so rather than failing.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from typing import Callable

from doithoai.excel import addin_build, addin_install
from doithoai.installer import defender
from doithoai.installer.checks import BAD, OK, Check
from doithoai.installer.office_checks import check_libreoffice

__all__ = ["Check", "Machine", "OK", "BAD", "run", "render", "to_json", "real_machine"]

POLICY_KEY = r"Software\Policies\Microsoft\Office\{}\Excel\Security"


@dataclass
class Machine:
    """What the checks read of the PC; tests replace any of it."""
    platform: str = sys.platform
    python: str = sys.executable
    version: tuple = tuple(sys.version_info[:3])
    bits: int = 64 if sys.maxsize > 2 ** 32 else 32
    appdata: str | None = None
    store: object | None = None                         # addin_install.OptionsStore
    policy: Callable[[str, str], object] | None = None  # (office version, value name) → value
    office_bitness: Callable[[], str | None] | None = None
    installed: Callable[[str], str | None] | None = None  # distribution → version
    requirements: Callable[[], list[str]] | None = None   # our pinned requirements
    exists: Callable[[str], bool] = os.path.exists
    is_dir: Callable[[str], bool] = os.path.isdir
    motw: Callable[[str], bool] | None = None           # marked as downloaded (Zone.Identifier)
    fonts: Callable[[], list[str]] | None = None
    pdf_converter: Callable[[], str | None] | None = None
    writable: Callable[[str], bool] | None = None
    documents: str | None = None                        # where documents are written
    addin_check: Callable[[str], list[str]] = addin_build.check
    read_text: Callable[[str], str] = field(default=lambda p: open(p, encoding="utf-8").read())
    addin_interpreter: Callable[[str], str | None] = addin_build.addin_interpreter
    sha256: Callable[[str], str] = addin_install.sha256
    hklm: Callable[[str, str], object] | None = None     # (key, value name) → value
    hklm_names: Callable[[str], list[str]] | None = None  # key → its value names
    libreoffice: Callable[[], object] | None = None     # → libreoffice.install.Facts | None
    venvs: Callable[[], list[str]] = list                # virtual environments on PATH

    @property
    def windows(self) -> bool:
        return self.platform.startswith("win")


# --- the machine's real answers ------------------------------------------------------------------

def _policy(version: str, name: str):
    import winreg
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, POLICY_KEY.format(version)) as k:
            return winreg.QueryValueEx(k, name)[0]
    except OSError:
        return None


def _office_bitness() -> str | None:
    import winreg
    for hive, key, name in (
            (winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Office\ClickToRun\Configuration",
             "Platform"),
            (winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Office\16.0\Outlook", "Bitness"),
            (winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\WOW6432Node\Microsoft\Office\16.0\Outlook",
             "Bitness")):
        try:
            with winreg.OpenKey(hive, key) as k:
                value = str(winreg.QueryValueEx(k, name)[0]).lower()
                return "32" if value in ("x86", "x32") else "64"
        except OSError:
            continue
    return None


def _installed(dist: str) -> str | None:
    import importlib.metadata as md
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def _requirements() -> list[str]:
    import importlib.metadata as md
    try:
        return [r for r in (md.requires("doithoai") or []) if "extra ==" not in r]
    except md.PackageNotFoundError:
        return []


def _motw(path: str) -> bool:
    return os.path.exists(path + ":Zone.Identifier")


def _fonts() -> list[str]:
    if sys.platform.startswith("win"):
        folder = os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
        local = os.path.join(os.environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts")
        return [f for d in (folder, local) if os.path.isdir(d) for f in os.listdir(d)]
    import shutil
    import subprocess
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True)
        return out.stdout.splitlines()
    return []


def _writable(folder: str) -> bool:
    """A file can be created in ``folder`` (made and removed again)."""
    import tempfile
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doithoai-thu-", delete=True):
            return True
    except OSError:
        return False


def real_machine(documents: str | None = None) -> Machine:
    from doithoai.documents import pdf
    from doithoai.libreoffice import install
    m = Machine(documents=documents, installed=_installed, requirements=_requirements,
                motw=_motw, fonts=_fonts, writable=_writable,
                pdf_converter=pdf.converter_name,
                libreoffice=lambda: install.facts(install.real_office()),
                venvs=install.venv_folders)
    if m.windows:
        m.appdata = os.environ.get("APPDATA")
        m.store = addin_install.WinRegistry()
        m.policy = _policy
        m.office_bitness = _office_bitness
        m.hklm, m.hklm_names = defender.real_reader()
    return m


# --- the checks ------------------------------------------------------------------------------------

def _pins(m: Machine) -> list[tuple[str, str]]:
    out = []
    for req in m.requirements() if m.requirements else []:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;]+)", req)
        if match:
            out.append((match.group(1), match.group(2)))
    return out


def check_python(m: Machine) -> Check:
    v = ".".join(map(str, m.version))
    ok = tuple(m.version[:2]) >= (3, 11)
    return Check("python", ok, f"Python {v}, {m.bits}-bit, tại {m.python}",
                 "Cài Python 3.11 trở lên (bản 64-bit, \"Windows installer (64-bit)\") rồi chạy "
                 "lại cai-dat.bat.")


def check_packages(m: Machine) -> Check:
    pins = _pins(m)
    wrong = []
    for name, want in pins:
        have = m.installed(name) if m.installed else None
        if have != want:
            wrong.append(f"{name} {have or 'chưa cài'} (cần {want})")
    if not pins:
        return Check("packages", False, "Không đọc được danh sách gói của doithoai",
                     "Cài lại bằng cai-dat.bat (hoặc pip install .).")
    return Check("packages", not wrong,
                 f"Đủ {len(pins)} gói đúng phiên bản" if not wrong else
                 "Gói sai phiên bản: " + "; ".join(wrong),
                 "Chạy lại cai-dat.bat: nó cài đúng các phiên bản trong thư mục cài đặt.")


def _addin_path(m: Machine) -> str:
    return os.path.join(m.appdata or "", "Microsoft", "AddIns", addin_build.ADDIN_NAME)


QUARANTINE = ("Phần mềm diệt virus (Windows Security, SentinelOne...) có thể đã cách ly tệp này: "
              "nhờ bộ phận CNTT khôi phục nó và thêm ngoại lệ cho "
              "%APPDATA%\\Microsoft\\AddIns\\doithoai.xlam, rồi chạy lại cai-dat.bat.")


def _conf(m: Machine) -> dict[str, str]:
    """The keys of xlwings.conf beside the add-in ({} when there is none)."""
    conf = os.path.join(m.appdata or "", "Microsoft", "AddIns", addin_install.CONF_NAME)
    if not m.exists(conf):
        return {}
    return {k.upper(): v for k, v in re.findall(r'^"([^"]+)","([^"]*)"', m.read_text(conf),
                                               re.M)}


def check_addin(m: Machine) -> list[Check]:
    path = _addin_path(m)
    recorded = _conf(m)
    if not m.exists(path):
        if recorded:        # installed once (xlwings.conf is there), the add-in since gone
            return [Check("addin_file", False, f"Phần bổ trợ {path} đã bị xóa sau khi cài",
                          QUARANTINE)]
        return [Check("addin_file", False, f"Chưa có phần bổ trợ {path}",
                      "Chạy cai-dat.bat (hoặc: py -m doithoai install).")]
    want = recorded.get("DOITHOAI_ADDIN_SHA256")
    whole = not want or m.sha256(path) == want
    out = [Check("addin_file", whole, f"Có phần bổ trợ {path}" + (", còn nguyên như lúc cài"
                                                                   if want and whole else "")
                 if whole else f"Phần bổ trợ {path} đã bị thay đổi sau khi cài (không còn "
                               "nguyên)", QUARANTINE)]
    versions = m.store.versions() if m.store else []
    if not versions:
        out.append(Check("addin_registered", False, "Chưa thấy Excel nào đã chạy trên máy này",
                         "Mở Excel một lần, đóng lại, rồi chạy lại cai-dat.bat."))
    for v in versions:
        entries = [n for n, val in m.store.values(v).items()
                   if re.fullmatch(r"OPEN\d*", n) and path.lower() in str(val).lower()]
        out.append(Check(f"addin_registered_{v}", bool(entries),
                         f"Excel {v}: " + ("đã đăng ký tự mở phần bổ trợ" if entries else
                                           "chưa đăng ký phần bổ trợ"),
                         "Chạy lại cai-dat.bat, hoặc trong Excel: File › Options › Add-ins › Go… "
                         "› Browse… chọn doithoai.xlam."))
    problems = m.addin_check(path)
    import xlwings
    out.append(Check("addin_vba", not problems,
                     f"Mô-đun VBA xlwings trong phần bổ trợ khớp gói xlwings {xlwings.__version__}"
                     if not problems else "Phần bổ trợ có lỗi: " + " ".join(problems[:3]),
                     "Chạy lại cai-dat.bat để tạo lại phần bổ trợ."))
    marked = m.motw(path) if m.motw else False
    out.append(Check("addin_motw", not marked,
                     "Phần bổ trợ không bị đánh dấu \"tải từ Internet\"" if not marked else
                     "Phần bổ trợ bị Windows đánh dấu \"tải từ Internet\": Office sẽ chặn macro",
                     "Chạy lại cai-dat.bat (lệnh install xóa dấu này), hoặc chuột phải tệp › "
                     "Properties › tích Unblock."))
    return out


def check_conf(m: Machine) -> list[Check]:
    conf = os.path.join(m.appdata or "", "Microsoft", "AddIns", addin_install.CONF_NAME)
    if not m.exists(conf):
        return [Check("interpreter", False, f"Chưa có {conf} (các nút không biết Python nào)",
                      "Chạy lại cai-dat.bat.")]
    path = _conf(m).get("INTERPRETER_WIN", "")
    ok = bool(path) and m.exists(path)
    out = [Check("interpreter", ok,
                 f"Các nút dùng Python {path}" if ok else
                 f"Python mà các nút dùng không còn: {path or '(chưa ghi)'}",
                 "Python đã bị gỡ hoặc chuyển chỗ: chạy lại cai-dat.bat để ghi lại.")]
    addin = _addin_path(m)
    if ok and m.exists(addin):
        inside = m.addin_interpreter(addin)
        same = inside == path
        out.append(Check("addin_interpreter", same,
                         "Phần bổ trợ ghi cùng Python đó trong trang xlwings.conf của nó" if same
                         else "Phần bổ trợ không ghi Python trong trang xlwings.conf của nó (bản "
                              "cài cũ): xlwings đọc tệp xlwings.conf bằng bảng mã ANSI, nên nếu "
                              "tên người dùng Windows có dấu thì các nút không chạy",
                         "Chạy lại cai-dat.bat: phần bổ trợ mới ghi Python ở trang đó."))
    return out


def check_asr(m: Machine) -> Check:
    """Defender's rule against Office starting programs (xlwings issue 2433)."""
    state = defender.rule_state(m.hklm) if m.hklm else None
    python = _conf(m).get("INTERPRETER_WIN", "") or m.python
    passes = state in (None, "0", "2") or defender.excluded(
        python, defender.exclusions(m.hklm_names) if m.hklm_names else [])
    label = defender.STATES.get(state, state or "chưa đặt")
    return Check("defender_asr", passes,
                 f"Quy tắc ASR của Microsoft Defender \"chặn Office tạo tiến trình con\": "
                 f"{label}" + ("" if passes else ": Excel không khởi động được Python nên các "
                                                 "nút không chạy"),
                 "Nhờ bộ phận CNTT, trong Microsoft Defender (Intune hoặc Group Policy › Attack "
                 f"Surface Reduction): thêm ngoại lệ ASR cho {python}, hoặc đặt quy tắc "
                 f"{defender.RULE} sang Audit cho máy này.")


def check_policy(m: Machine) -> list[Check]:
    out = []
    for v in (m.store.versions() if m.store else []):
        warnings = m.policy(v, "VBAWarnings") if m.policy else None
        blocked = m.policy(v, "blockcontentexecutionfrominternet") if m.policy else None
        if warnings is not None and int(warnings) == 4:
            out.append(Check(f"policy_{v}", False,
                             f"Chính sách Office {v} tắt mọi macro (VBAWarnings = 4)",
                             "Nhờ bộ phận CNTT cho phép macro từ vị trí tin cậy: thêm "
                             "%APPDATA%\\Microsoft\\AddIns vào Trusted Locations trong chính sách "
                             "(Excel › Security › Trust Center › Trusted Locations)."))
        elif blocked is not None and int(blocked) == 1:
            out.append(Check(f"policy_{v}", True,
                             f"Office {v} chặn macro trong tệp tải từ Internet (theo chính sách): "
                             "phần bổ trợ đã được bỏ dấu tải về nên vẫn chạy"))
        else:
            out.append(Check(f"policy_{v}", True, f"Chính sách Office {v} không chặn macro"))
    return out


def check_bitness(m: Machine) -> Check:
    office = m.office_bitness() if m.office_bitness else None
    text = f"Office {office}-bit, Python {m.bits}-bit" if office else f"Python {m.bits}-bit"
    return Check("bitness", True, text + ": dùng được (nút chạy Python trong tiến trình riêng, "
                                        "không cần cùng 32/64-bit)")


def check_pdf(m: Machine) -> Check:
    name = m.pdf_converter() if m.pdf_converter else None
    return Check("pdf", bool(name), f"Xuất PDF bằng {name}" if name else
                 "Không có Word hay LibreOffice để xuất PDF (--pdf)",
                 "Cài Microsoft Word hoặc LibreOffice nếu cần bản PDF; văn bản Word vẫn tạo "
                 "được.")


def check_font(m: Machine) -> Check:
    names = [f.lower() for f in (m.fonts() if m.fonts else [])]
    ok = any(n.startswith(("times.ttf", "times new roman")) or "times new roman" in n
             for n in names)
    return Check("font", ok, "Có phông Times New Roman" if ok else
                 "Thiếu phông Times New Roman (văn bản dùng phông này)",
                 "Cài phông Times New Roman (có sẵn khi cài Microsoft Office hoặc Windows)."
                 if m.windows else
                 "Cài phông Times New Roman (Debian, Ubuntu: sudo apt install "
                 "ttf-mscorefonts-installer), hoặc ít nhất Liberation Serif (sudo apt install "
                 "fonts-liberation): cùng cỡ chữ, LibreOffice tự dùng thay Times New Roman.")


def check_documents(m: Machine) -> Check:
    """The folder documents are written into: the one given (--documents), which must be an
    existing folder, else the user's Documents (or, without one, the home folder)."""
    folder = m.documents
    if folder is None:
        home = os.path.expanduser("~")
        folder = os.path.join(home, "Documents")
        folder = folder if m.is_dir(folder) else home
    fix = ("Chép sổ vào một thư mục của mình (ví dụ Documents) rồi làm việc ở đó; thư mục chỉ "
           "đọc hay ổ mạng bị khóa không ghi được văn bản.")
    if not m.exists(folder):
        return Check("documents", False, f"Không có thư mục {folder}",
                     "Kiểm tra lại đường dẫn (--documents), hoặc tạo thư mục đó trước.")
    if not m.is_dir(folder):
        return Check("documents", False, f"{folder} là một tệp, không phải thư mục",
                     "Chỉ ra thư mục chứa văn bản (--documents), không phải một tệp trong đó.")
    ok = m.writable(folder) if m.writable else True
    return Check("documents", ok, f"Ghi được vào thư mục {folder}" if ok else
                 f"Không ghi được vào thư mục {folder}", fix)


def run(m: Machine) -> list[Check]:
    checks = [check_python(m), check_packages(m)]
    if m.windows:
        checks += check_addin(m)
        checks += check_conf(m)
        checks.append(check_asr(m))
        checks += check_policy(m)
        checks.append(check_bitness(m))
    checks += [check_pdf(m), check_font(m), check_documents(m)]
    if m.libreoffice is not None:
        excel = m.windows and m.exists(_addin_path(m))
        checks += check_libreoffice(m.libreoffice(), m.exists, excel,
                                    [] if m.windows else m.venvs())
    if not m.windows:
        checks.append(Check("windows", True, "Máy này không phải Windows: thẻ Đối thoại của "
                                            "Excel cần Windows; LibreOffice Calc có thanh công cụ "
                                            "Đối thoại; các lệnh doithoai vẫn dùng được"))
    return checks


def render(checks: list[Check]) -> str:
    bad = [c for c in checks if not c.ok]
    lines = [c.line() for c in checks]
    lines.append("Kết luận: " + ("mọi thứ sẵn sàng." if not bad else
                                 f"{len(bad)} mục cần sửa (xem dấu ✗ ở trên)."))
    return "\n".join(lines)


def to_json(checks: list[Check]) -> str:
    return json.dumps([asdict(c) for c in checks], ensure_ascii=False, indent=2)
