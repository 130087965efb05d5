"""Build doithoai.xlam from the text in macros/ on any OS, and check it.

The package holds: the VBA modules of macros/ plus xlwings' own VBA module taken from the
installed (pinned) xlwings, so their versions match by construction; the ribbon XML
customUI14.xml as part ``customUI/customUI14.xml`` with its root relationship; the workbook
part with the add-in content type; and a ``VBA/_VBA_PROJECT`` stream in the write form of
[MS-OVBA] 2.3.4.1 (version 0xFFFF, no performance cache), so that Excel compiles the project
from source on first load instead of trusting a cache written elsewhere.

:func:`check` re-reads a built file and lists every defect in Vietnamese; CI runs it.
"""
from __future__ import annotations

import importlib.resources
import os
import re
import tempfile
import zipfile
from xml.etree import ElementTree

from doithoai.files import atomic

from doithoai.excel import vba_check
from doithoai.excel.ribbon import BUTTON_FUNCTIONS, MODULE as BUTTONS_MODULE

ADDIN_NAME = "doithoai.xlam"
ADDIN_CONTENT_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
RIBBON_REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
RIBBON_PART = "customUI/customUI14.xml"
CUSTOMUI_NS = "http://schemas.microsoft.com/office/2009/07/customui"
VBA_PROJECT_WRITE_FORM = bytes.fromhex("cc61ffff000000")   # 0x61CC, 0xFFFF, 0x00, 0x0000
XLWINGS_MODULE = "xlwings"
CALLBACK_ATTRIBUTES = ("onAction", "onLoad", "getLabel", "getEnabled", "getVisible",
                       "getScreentip", "getSupertip", "getImage")
_SUB = re.compile(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(", re.I | re.M)
_RUNPYTHON = re.compile(r'RunPython\s+"import\s+' + re.escape(BUTTONS_MODULE) +
                        r'\s+as\s+b;\s*b\.(\w+)\(\)"')


# The one statement a Sub may have besides its RunPython: the guard of macros/Guard.bas.
GUARD_LINE = "If Not PythonReady() Then Exit Sub"


class BuildError(Exception):
    pass


# --- sources -------------------------------------------------------------------------------------

def macro_files() -> dict[str, bytes]:
    """The files of macros/ (shipped as package data ``doithoai_macros``)."""
    root = importlib.resources.files("doithoai_macros")
    return {p.name: p.read_bytes() for p in root.iterdir()
            if p.name.endswith((".bas", ".xml"))}


def vba_modules(files: dict[str, bytes] | None = None) -> dict[str, str]:
    """Module name → source (CRLF) for every .bas of macros/, plus xlwings' module."""
    files = files if files is not None else macro_files()
    modules = {}
    for name, data in sorted(files.items()):
        if not name.endswith(".bas"):
            continue
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError as exc:
            raise BuildError(f"{name}: mã VBA chỉ được dùng ký tự ASCII (vị trí {exc.start}).")
        m = re.search(r'Attribute VB_Name = "(\w+)"', text)
        if not m:
            raise BuildError(f"{name}: thiếu dòng Attribute VB_Name.")
        modules[m.group(1)] = _crlf(text)
    modules[XLWINGS_MODULE] = _crlf(xlwings_source())
    return modules


def xlwings_source() -> str:
    import xlwings
    path = os.path.join(os.path.dirname(xlwings.__file__), "xlwings.bas")
    with open(path, encoding="latin-1") as fh:
        return fh.read()


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _strip_attributes(source: str) -> str:
    """pyOpenVBA takes the body; it writes the Attribute VB_Name line itself."""
    return "\r\n".join(line for line in source.split("\r\n")
                       if not line.startswith("Attribute VB_Name"))


# --- build -------------------------------------------------------------------------------------

def build(out_dir: str, interpreter: str | None = None) -> str:
    """Write ``out_dir/doithoai.xlam`` (atomically) and check it; returns its path. With
    ``interpreter``, the add-in names the Python its buttons start in its own settings sheet
    (:func:`_settings_sheet`)."""
    from pyopenvba import ExcelFile

    files = macro_files()
    modules = vba_modules(files)
    ribbon = files.get("customUI14.xml")
    if ribbon is None:
        raise BuildError("macros/ không có customUI14.xml.")
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, ADDIN_NAME)
    fd, raw = tempfile.mkstemp(suffix=".xlam", dir=out_dir)
    os.close(fd)
    os.unlink(raw)
    try:
        with ExcelFile.create_new(raw) as wb:
            project = wb.vba_project()
            if "Module1" in wb.module_names():
                project.delete_module("Module1")
            for name, source in modules.items():
                project.add_module(name, _strip_attributes(source))
            wb.save()
        _finish_package(raw, ribbon, interpreter)
        problems = check(raw)
        if problems:
            raise BuildError("Tệp bổ trợ vừa tạo không đạt kiểm tra:\n- " + "\n- ".join(problems))
        _swap(raw, target)
    except OSError as exc:             # a full disk, a read-only folder: said as such, by name
        if exc.errno in atomic.WRITE_ERRNOS and not isinstance(exc, atomic.WriteFailed):
            raise atomic.WriteFailed(target, exc) from exc
        raise
    finally:
        for leftover in (raw, raw + ".part"):
            try:
                os.unlink(leftover)
            except OSError:
                pass
    return target


def _swap(new: str, target: str) -> None:
    """The finished add-in takes the place of the old one in one step. On Windows this raises
    PermissionError while Excel has the old one open; the old one is then left as it was."""
    os.replace(new, target)


def _finish_package(path: str, ribbon: bytes, interpreter: str | None = None) -> None:
    """Add the ribbon part and relationship; rewrite _VBA_PROJECT in its write form; name the
    interpreter in the settings sheet."""
    from pyopenvba.cfb import CFB

    with zipfile.ZipFile(path) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    cfb = CFB.from_bytes(parts["xl/vbaProject.bin"])
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", VBA_PROJECT_WRITE_FORM)
    parts["xl/vbaProject.bin"] = cfb.to_bytes()
    parts[RIBBON_PART] = ribbon
    rels = parts["_rels/.rels"].decode("utf-8")
    if RIBBON_REL_TYPE not in rels:
        rel = (f'<Relationship Id="rIdDoiThoaiRibbon" Type="{RIBBON_REL_TYPE}" '
               f'Target="{RIBBON_PART}"/>')
        rels = rels.replace("</Relationships>", rel + "</Relationships>")
    parts["_rels/.rels"] = rels.encode("utf-8")
    if interpreter:
        _settings_sheet(parts, interpreter)
    tmp = path + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        order = ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]
        for name in order:
            zout.writestr(name, parts[name])
    os.replace(tmp, path)


CONF_SHEET = "xlwings.conf"
SHEET_PART = "xl/worksheets/sheet1.xml"


def _settings_sheet(parts: dict[str, bytes], interpreter: str) -> None:
    """The add-in's one sheet renamed xlwings.conf, with INTERPRETER_WIN and the interpreter.

    xlwings' VBA reads that sheet of the add-in before the xlwings.conf file beside it, and
    reads it through Excel (Unicode), while the file goes through VBA's Open and GetAttr, which
    take file names and text in the ANSI code page: under a user folder such as
    C:\\Users\\Nguyễn Thị Hoà the file cannot even be found, and the buttons would start
    whatever "pythonw" the PATH holds, or none."""
    from xml.sax.saxutils import escape
    book = parts["xl/workbook.xml"].decode("utf-8")
    parts["xl/workbook.xml"] = re.sub(r'<sheet name="[^"]*"', f'<sheet name="{CONF_SHEET}"',
                                      book, count=1).encode("utf-8")
    cells = (f'<row r="1"><c r="A1" t="inlineStr"><is><t>INTERPRETER_WIN</t></is></c>'
             f'<c r="B1" t="inlineStr"><is><t>{escape(interpreter)}</t></is></c></row>')
    sheet = parts[SHEET_PART].decode("utf-8")
    sheet = sheet.replace('<dimension ref="A1"/>', '<dimension ref="A1:B1"/>')
    parts[SHEET_PART] = sheet.replace("<sheetData/>", f"<sheetData>{cells}</sheetData>") \
        .encode("utf-8")


def addin_interpreter(path: str) -> str | None:
    """The interpreter a built add-in names in its xlwings.conf sheet (None: no such sheet)."""
    try:
        with zipfile.ZipFile(path) as z:
            book = z.read("xl/workbook.xml").decode("utf-8")
            if f'<sheet name="{CONF_SHEET}"' not in book:
                return None
            root = ElementTree.fromstring(z.read(SHEET_PART))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    cells = {c.get("r"): "".join(t.text or "" for t in c.iter(f"{ns}t"))
             for c in root.iter(f"{ns}c")}
    return cells.get("B1") if cells.get("A1") == "INTERPRETER_WIN" else None


# --- check ---------------------------------------------------------------------------------------

def built_modules(path: str) -> dict[str, str]:
    """Every VBA module of a built add-in, as the file holds it (module name → source)."""
    from pyopenvba import ExcelFile
    with ExcelFile(path) as wb:
        return {name: wb.get_module(name) for name in wb.module_names()}


def ribbon_callbacks(xml: bytes) -> list[str]:
    return list(callback_attributes(xml))


def callback_attributes(xml: bytes) -> dict[str, str]:
    """Each callback Sub the ribbon names → the attribute that names it (onAction, getLabel…)."""
    root = ElementTree.fromstring(xml)
    out = {}
    for el in root.iter():
        for attr in CALLBACK_ATTRIBUTES:
            if attr in el.attrib:
                out.setdefault(el.attrib[attr], attr)
    return out


def check(path: str) -> list[str]:
    """Every defect of a built add-in, in Vietnamese; an empty list means it is sound."""
    problems: list[str] = []
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"Không mở được tệp bổ trợ: {exc}"]
    with z:
        names = set(z.namelist())
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                try:
                    ElementTree.fromstring(z.read(name))
                except ElementTree.ParseError as exc:
                    problems.append(f"Phần {name} không phải XML hợp lệ: {exc}")
        types = z.read("[Content_Types].xml").decode("utf-8") if "[Content_Types].xml" in \
            names else ""
        if f'PartName="/xl/workbook.xml" ContentType="{ADDIN_CONTENT_TYPE}"' not in types:
            problems.append(f"Kiểu nội dung của xl/workbook.xml không phải {ADDIN_CONTENT_TYPE}.")
        rels = z.read("_rels/.rels").decode("utf-8") if "_rels/.rels" in names else ""
        if RIBBON_REL_TYPE not in rels or RIBBON_PART not in rels:
            problems.append("Thiếu quan hệ gốc tới customUI/customUI14.xml (ribbon sẽ không hiện).")
        if RIBBON_PART not in names:
            problems.append("Thiếu phần customUI/customUI14.xml.")
            return problems
        ribbon = z.read(RIBBON_PART)
        if "xl/vbaProject.bin" not in names:
            problems.append("Thiếu dự án VBA (xl/vbaProject.bin).")
            return problems
        vba_bin = z.read("xl/vbaProject.bin")
    problems += _check_vba(path, vba_bin, ribbon)
    return problems


def _check_vba(path: str, vba_bin: bytes, ribbon: bytes) -> list[str]:
    """The add-in's VBA against the specification's stream form, the expected modules, the
    xlwings package's version, the ribbon's callbacks and the dispatch-only rule."""
    from pyopenvba import ExcelFile
    from pyopenvba.cfb import CFB

    problems = []
    stream = CFB.from_bytes(vba_bin).get_stream_in_storage("VBA", "_VBA_PROJECT")
    if stream != VBA_PROJECT_WRITE_FORM:
        problems.append(f"Luồng VBA/_VBA_PROJECT không ở dạng ghi của đặc tả (cần "
                        f"{VBA_PROJECT_WRITE_FORM.hex()}, có {stream[:8].hex()}…, "
                        f"{len(stream)} byte).")
    expected = vba_modules()
    with ExcelFile(path) as wb:
        present = set(wb.module_names())
        sources = {name: wb.get_module(name) for name in expected if name in present}
    problems += [f"Thiếu mô-đun VBA {name}." for name in expected if name not in present]
    problems += _xlwings_version(sources.get(XLWINGS_MODULE, ""))
    callbacks = ribbon_callbacks(ribbon)
    own_sources = {n: sources.get(n, "") for n in expected if n != XLWINGS_MODULE}
    problems += vba_check.check(own_sources, {XLWINGS_MODULE: sources.get(XLWINGS_MODULE, "")},
                                callback_attributes(ribbon))
    subs = {sub.lower() for source in sources.values() for sub in _SUB.findall(source)}
    problems += [f"Nút trên ribbon gọi {cb} nhưng không có Sub {cb} trong VBA."
                 for cb in callbacks if cb.lower() not in subs]
    for name, source in own_sources.items():
        for sub_match in re.finditer(r"Sub\s+(\w+)\s*\((.*?)End Sub", source, re.S | re.I):
            problems += _check_sub(name, sub_match.group(1), sub_match.group(2), callbacks)
    return problems


def _xlwings_version(source: str) -> list[str]:
    """The add-in's xlwings module is the installed xlwings package's version."""
    import xlwings
    version = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', source)
    if not version or version.group(1) != xlwings.__version__:
        return [f"Mô-đun xlwings trong tệp ({version.group(1) if version else '?'}) "
                f"khác phiên bản gói xlwings ({xlwings.__version__})."]
    return []


def _check_sub(module: str, sub: str, body: str, callbacks) -> list[str]:
    """One Sub of the add-in's own modules: called by a ribbon button, guarded, calling an
    existing button function through RunPython, and nothing else (VBA only dispatches)."""
    problems = []
    calls = _RUNPYTHON.findall(body)
    if not calls:
        problems.append(f"Sub {sub} ({module}) không gọi hàm Python nào qua RunPython.")
    problems += [f"Sub {sub} gọi {BUTTONS_MODULE}.{func}, hàm này không có."
                 for func in calls if func not in BUTTON_FUNCTIONS]
    if sub not in callbacks:
        problems.append(f"Sub {sub} ({module}) không được nút nào trên ribbon gọi.")
    guard = r"^\s*" + re.escape(GUARD_LINE) + r"\s*$"
    if not re.search(guard, body, re.M):
        problems.append(f"Sub {sub} thiếu dòng kiểm tra Python ({GUARD_LINE}).")
    rest = re.sub(guard, "", body, flags=re.M)
    if re.search(r"^\s*(If|For|Do|While|Select)\b", rest, re.M | re.I):
        problems.append(f"Sub {sub} có logic (If/For/...): VBA chỉ được chuyển lệnh.")
    return problems
