"""``doithoai build-extension``: doithoai.oxt, the LibreOffice extension, built on any OS.

The archive holds the configuration generated from the ribbon (:mod:`.addons`), the component
and its helpers (``office/``: they run in LibreOffice's own Python), the icons, and
``doithoai.json``: the buttons' labels, the menus, and the Python that runs doithoai. A plain
build records no Python (the buttons then say how to install); ``doithoai install
--libreoffice`` builds one that records the Python it runs in, as ``xlwings.conf`` does for
Excel. :func:`check` re-reads a built file.
"""
from __future__ import annotations

import importlib.resources
import json
import os
import zipfile
from xml.etree import ElementTree

from doithoai import __version__
from doithoai.files import atomic
from doithoai.libreoffice import addons
from doithoai.libreoffice.tab import Tab, read_tab

EXTENSION_NAME = "doithoai.oxt"
COMPONENT = addons.COMPONENT
HELPERS = ("doithoai_bridge.py", "doithoai_calc.py", "doithoai_dialogs.py")
SETTINGS = "doithoai.json"


class BuildError(Exception):
    pass


def office_sources() -> dict[str, bytes]:
    """The scripts that run inside LibreOffice, as shipped with the package."""
    root = importlib.resources.files("doithoai.libreoffice") / "office"
    return {name: (root / name).read_bytes() for name in (COMPONENT,) + HELPERS}


def icons() -> dict[str, bytes]:
    root = importlib.resources.files("doithoai.libreoffice") / "icons"
    return {p.name: p.read_bytes() for p in root.iterdir() if p.name.endswith(".png")}


def contents(tab: Tab | None = None, python: str | None = None) -> dict[str, bytes]:
    """Every file of the extension: path inside the archive → bytes."""
    tab = tab or read_tab()
    files = {
        "META-INF/manifest.xml": addons.manifest_xml(),
        "description.xml": addons.description_xml(__version__),
        "description/mo-ta.txt": addons.DESCRIPTION_TEXT,
        "Addons.xcu": addons.addons_xcu(tab),
        "ProtocolHandler.xcu": addons.protocol_handler_xcu(),
        "CalcWindowState.xcu": addons.window_state_xcu(tab),
        SETTINGS: addons.settings_json(tab, python, __version__),
    }
    out = {name: text.encode("utf-8") for name, text in files.items()}
    sources = office_sources()
    out[COMPONENT] = sources[COMPONENT]
    for name in HELPERS:
        out[f"pythonpath/{name}"] = sources[name]
    wanted = {f"{size}_{e.icon}.png" for g in tab.groups for e in g.entries
              for size in ("sc", "lc")} | {f"{size}_{b.icon}.png" for b in tab.buttons()
                                           for size in ("sc", "lc")}
    have = icons()
    missing = sorted(wanted - set(have))
    if missing:
        raise BuildError("Thiếu biểu tượng " + ", ".join(missing)
                         + ": chạy python scripts/update_icons.py.")
    out.update({f"icons/{name}": have[name] for name in sorted(wanted)})
    return out


def build(out_dir: str, python: str | None = None) -> str:
    """Write ``out_dir/doithoai.oxt`` atomically and check it; returns its path."""
    files = contents(python=python)
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, EXTENSION_NAME)

    def write(raw: str) -> None:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
            for name in ["META-INF/manifest.xml"] + sorted(set(files) - {"META-INF/manifest.xml"}):
                z.writestr(name, files[name])
        problems = check(raw)
        if problems:
            raise BuildError("Tệp phần mở rộng vừa tạo không đạt kiểm tra:\n- "
                             + "\n- ".join(problems))
    atomic.write_atomic(target, write, ".oxt")     # an ordinary file's permissions, as a save
    return target


def read_settings(path: str) -> dict:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read(SETTINGS).decode("utf-8"))


def recorded_python(path: str) -> str | None:
    """The Python a built extension runs doithoai with (None: none recorded)."""
    return read_settings(path).get("python")


def check(path: str) -> list[str]:
    """Every defect of a built extension, in Vietnamese; empty when it is sound."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"Không mở được tệp phần mở rộng: {exc}"]
    with z:
        names = set(z.namelist())
        problems = ["Tệp phần mở rộng bị hỏng (sai mã kiểm tra CRC)."] \
            if z.testzip() is not None else []
        return problems + _bad_xml(z, names) + _missing_parts(z, names) + _buttons_off(z, names)


def _bad_xml(z: zipfile.ZipFile, names: set[str]) -> list[str]:
    """Every .xml and .xcu part parses."""
    problems = []
    for name in sorted(n for n in names if n.endswith((".xml", ".xcu"))):
        try:
            ElementTree.fromstring(z.read(name))
        except ElementTree.ParseError as exc:
            problems.append(f"{name} không phải XML hợp lệ: {exc}")
    return problems


def _missing_parts(z: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The parts LibreOffice needs are there, and the manifest names the registered ones."""
    manifest = z.read("META-INF/manifest.xml").decode("utf-8") \
        if "META-INF/manifest.xml" in names else ""
    problems = [f"Thiếu {needed} (hoặc manifest không ghi nó)."
                for needed in ("Addons.xcu", "ProtocolHandler.xcu", COMPONENT)
                if needed not in names or f'full-path="{needed}"' not in manifest]
    problems += [f"Thiếu pythonpath/{helper}." for helper in HELPERS
                 if f"pythonpath/{helper}" not in names]
    return problems + ([f"Thiếu {SETTINGS}."] if SETTINGS not in names else [])


def _buttons_off(z: zipfile.ZipFile, names: set[str]) -> list[str]:
    """Every button of the settings is on the toolbar or the menu."""
    if SETTINGS not in names:
        return []
    data = json.loads(z.read(SETTINGS).decode("utf-8"))
    addons_text = z.read("Addons.xcu").decode("utf-8") if "Addons.xcu" in names else ""
    return [f"Nút {function} không có trên thanh công cụ/trình đơn."
            for function in data.get("buttons", {})
            if f"{addons.PROTOCOL}{function}<" not in addons_text]
