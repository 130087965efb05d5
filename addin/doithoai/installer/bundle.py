"""``doithoai bundle``: the offline installer folder for Windows 64-bit.

Run on any OS with access to the package index (the province's PC, or CI). It writes
``doithoai-cai-dat-<version>/`` and a zip of it beside it:

- ``wheels/``: the doithoai wheel (with the VBA text, the ribbon XML and the templates) and every
  dependency as a ``win_amd64`` or pure-Python wheel, for each chosen Python;
- ``cai-dat.bat``, ``go-cai-dat.bat``, ``tim-python.py``, ``thong-bao/*.txt`` and
  ``HUONG-DAN-CAI-DAT.txt`` (see :mod:`.batch`).

The trap: pip evaluates environment markers for the machine it runs on, not for the target, so
``pip download --platform win_amd64`` on Linux leaves out the Windows-only dependencies
(pywin32, which xlwings needs on Windows). After each download the wheels' own metadata is read
and every requirement whose markers hold on Windows for that Python is fetched too, until
nothing is missing; no package name is hard-coded.
"""
from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field

from doithoai.installer import batch

FOLDER = "doithoai-cai-dat-{version}"
CANDIDATES = ("3.11", "3.12", "3.13", "3.14")


class BundleError(Exception):
    """The bundle cannot be built; the message says why and what to do."""


@dataclass
class Bundle:
    folder: str
    zip_path: str
    versions: list[str]
    sizes: dict[str, int] = field(default_factory=dict)     # version → bytes of its wheels
    shared: int = 0                                           # bytes of wheels for every version
    skipped: dict[str, str] = field(default_factory=dict)    # version → why
    seconds: float = 0.0

    def lines(self) -> list[str]:
        mb = 1024 * 1024
        out = [f"Đã tạo thư mục cài đặt {self.folder}",
               f"và tệp nén {self.zip_path} ({os.path.getsize(self.zip_path) / mb:.1f} MB), "
               f"trong {self.seconds:.0f} giây."]
        for v in self.versions:
            out.append(f"  Python {v}: {(self.sizes[v] + self.shared) / mb:.1f} MB gói "
                       f"({self.sizes[v] / mb:.1f} MB riêng cho phiên bản này)")
        for v, why in self.skipped.items():
            out.append(f"  Bỏ qua Python {v}: {why}")
        return out


def parse_versions(text: str | None, source: str | None = None) -> list[str]:
    if not text:
        return default_versions(source)
    out = [v.strip() for v in text.split(",") if v.strip()]
    for v in out:
        parts = v.split(".")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise BundleError(f"Phiên bản Python \"{v}\" không hợp lệ: viết dạng 3.12.")
    return out


def default_versions(source: str | None = None) -> list[str]:
    """Every CPython of CANDIDATES from the lowest that requires-python claims."""
    low = requires_python_minimum(source)
    return [v for v in CANDIDATES if tuple(map(int, v.split("."))) >= low]


def requires_python_minimum(source: str | None = None) -> tuple[int, int]:
    import re
    text = open(os.path.join(project_root(source), "pyproject.toml"), encoding="utf-8").read()
    m = re.search(r'requires-python\s*=\s*">=\s*(\d+)\.(\d+)', text)
    return (int(m.group(1)), int(m.group(2))) if m else (3, 11)


def _is_source(folder: str) -> bool:
    path = os.path.join(folder, "pyproject.toml")
    if not os.path.exists(path):
        return False
    return 'name = "doithoai"' in open(path, encoding="utf-8").read()


def project_root(source: str | None = None) -> str:
    """The doithoai source tree: ``source``, else the tree this package runs from (an editable
    install), else the current folder or one of its parents."""
    here = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                         "..", ".."))
    candidates = [source] if source else [here]
    if not source:
        folder = os.getcwd()
        while True:
            candidates.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    for c in candidates:
        if c and _is_source(c):
            return os.path.abspath(c)
    raise BundleError("Lệnh bundle cần mã nguồn doithoai (thư mục có pyproject.toml): hãy chạy "
                      "lệnh trong thư mục mã nguồn, hoặc ghi --source THƯ_MỤC.")


def target_environment(version: str) -> dict[str, str]:
    return {"python_version": version, "python_full_version": f"{version}.0",
            "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
            "platform_machine": "AMD64", "platform_release": "10",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "implementation_version": f"{version}.0", "extra": ""}


def supported_tags(version: str) -> set:
    from packaging import tags
    major, minor = map(int, version.split("."))
    interp = f"cp{major}{minor}"
    return set(tags.cpython_tags((major, minor), platforms=["win_amd64"])) | set(
        tags.compatible_tags((major, minor), interpreter=interp, platforms=["win_amd64"]))


def wheel_fits(filename: str, version: str) -> bool:
    from packaging.utils import parse_wheel_filename
    return bool(parse_wheel_filename(filename)[3] & supported_tags(version))


def wheel_requirements(path: str) -> list[str]:
    with zipfile.ZipFile(path) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        msg = email.parser.Parser().parsestr(z.read(meta).decode("utf-8"))
    return msg.get_all("Requires-Dist") or []


def missing_for(wheels_dir: str, version: str) -> list[str]:
    """Requirements of the wheels that fit ``version`` whose markers hold on Windows for it
    and that no wheel in the folder satisfies."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename
    env = target_environment(version)
    have: dict[str, list] = {}
    fitting = []
    for f in os.listdir(wheels_dir):
        if f.endswith(".whl") and wheel_fits(f, version):
            name, ver, _, _ = parse_wheel_filename(f)
            have.setdefault(name, []).append(ver)
            fitting.append(f)
    missing = []
    for f in fitting:
        for line in wheel_requirements(os.path.join(wheels_dir, f)):
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            name = canonicalize_name(req.name)
            if not any(req.specifier.contains(v, prereleases=True) for v in have.get(name, [])):
                missing.append(str(req).split(";")[0].strip())
    return sorted(set(missing))


def _pip(args: list[str], log: list[str]) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    res = subprocess.run(cmd, capture_output=True, text=True)
    log.append(" ".join(cmd) + "\n" + res.stdout + res.stderr)
    if res.returncode != 0:
        tail = (res.stderr or res.stdout).strip().splitlines()[-1:] or [""]
        raise BundleError(f"pip không tải được gói (cần mạng tới kho gói Python): {tail[0]}")


def download(wheels_dir: str, requirements: list[str], version: str, log: list[str]) -> None:
    _pip(["download", "--only-binary=:all:", "--platform", "win_amd64", "--python-version",
          version, "--implementation", "cp", "--dest", wheels_dir, *requirements], log)
    for _ in range(10):            # the Windows-only requirements pip skipped on this OS
        todo = missing_for(wheels_dir, version)
        if not todo:
            return
        _pip(["download", "--only-binary=:all:", "--platform", "win_amd64", "--python-version",
              version, "--implementation", "cp", "--dest", wheels_dir, *todo], log)
    raise BundleError(f"Python {version}: vẫn thiếu gói sau nhiều lần tải: "
                      + ", ".join(missing_for(wheels_dir, version)))


PROVINCE_FOLDER = "doithoai-cai-dat-tinh-{version}"


def requirements(wheel: str, province: bool = False) -> list[str]:
    """What the bundle downloads: doithoai's own requirements, and with ``province`` those of
    the province extra (DuckDB, for the roll-up), which a commune's bundle leaves out."""
    out = []
    for r in wheel_requirements(wheel):
        name, _, marker = r.partition(";")
        if "extra ==" in marker and not (province and "province" in marker):
            continue
        out.append(name.strip())
    return out


def build(out_dir: str, versions: list[str] | None = None, source: str | None = None,
          province: bool = False) -> Bundle:
    import time
    from doithoai import __version__
    t0 = time.perf_counter()
    root = project_root(source)
    versions = versions or default_versions(root)
    os.makedirs(out_dir, exist_ok=True)
    name = (PROVINCE_FOLDER if province else FOLDER).format(version=__version__)
    final = os.path.join(out_dir, name)
    work = tempfile.mkdtemp(prefix=".doithoai-bundle-", dir=out_dir)
    log: list[str] = []
    try:
        folder = os.path.join(work, name)
        wheels = os.path.join(folder, "wheels")
        os.makedirs(wheels)
        _pip(["wheel", "--no-deps", "--wheel-dir", wheels, root], log)
        ours = next(f for f in os.listdir(wheels) if f.startswith("doithoai-"))
        reqs = requirements(os.path.join(wheels, ours), province)
        done, skipped = [], {}
        for v in versions:
            try:
                download(wheels, reqs, v, log)
                done.append(v)
            except BundleError as exc:
                skipped[v] = str(exc)
        if not done:
            raise BundleError("Không tải được gói cho phiên bản Python nào: "
                              + "; ".join(f"{k}: {v}" for k, v in skipped.items()))
        bad = [f for f in os.listdir(wheels) if not f.endswith(("-win_amd64.whl", "-any.whl"))]
        if bad:
            raise BundleError("Có gói không dành cho Windows 64-bit: " + ", ".join(bad))
        write_scripts(folder, __version__, done,
                      "doithoai[province]" if province else "doithoai")
        result = Bundle(final, final + ".zip", done, skipped=skipped)
        for f in os.listdir(wheels):
            size = os.path.getsize(os.path.join(wheels, f))
            fits = [v for v in done if wheel_fits(f, v)]
            if len(fits) == len(done):
                result.shared += size
            for v in fits if len(fits) < len(done) else []:
                result.sizes[v] = result.sizes.get(v, 0) + size
        for v in done:
            result.sizes.setdefault(v, 0)
        if os.path.exists(final):
            shutil.rmtree(final)
        os.replace(folder, final)
        made = shutil.make_archive(os.path.join(work, name), "zip", out_dir, name)
        os.replace(made, final + ".zip")          # never a half-written zip beside the folder
        result.seconds = time.perf_counter() - t0
        with open(os.path.join(out_dir, name + ".log"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(log))
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_scripts(folder: str, version: str, pythons: list[str],
                  package: str = "doithoai") -> None:
    def put(rel: str, data: bytes) -> None:
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    put("cai-dat.bat", batch.install_bat(pythons, package))
    put("go-cai-dat.bat", batch.uninstall_bat(pythons))
    put("tim-python.py", batch.FIND_PYTHON.encode("ascii"))
    put("HUONG-DAN-CAI-DAT.txt", batch.guide_bytes(version, pythons))
    for name, text in batch.MESSAGES.items():
        put(os.path.join("thong-bao", name), batch.message_bytes(text))
