"""Compiling the built add-in's VBA where LibreOffice can stand in for Excel.

Excel compiles the project when it loads the add-in, and one module that does not compile
leaves every button dead. Where LibreOffice and Debian's python3-uno are installed (CI installs
them), every module of the built .xlam is compiled by LibreOffice Basic in VBA-compatibility
mode, each in a library of its own (:mod:`.lo_basic`, run by ``/usr/bin/python3``). LibreOffice
knows neither ``PtrSafe`` nor ``#If`` nor Excel's objects: the sources are prepared first
(``PtrSafe`` dropped, ``#If`` resolved for 64-bit Office with VBA7, ``Attribute`` lines
removed); Excel's objects are only named at run time, so they do not stop a compile.
Elsewhere (a clerk's PC) the compile is skipped with its reason; :mod:`.vba_check` still reads
the text.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile

SYSTEM_PYTHON = "/usr/bin/python3"
CONSTANTS = {"vba7": True, "win64": True, "mac": False, "win32": True, "vba6": True}


def available() -> str | None:
    """None when the compile can run here, else why not (in Vietnamese)."""
    if not shutil.which("soffice"):
        return "không có LibreOffice (soffice) trên máy này"
    if not os.path.exists(SYSTEM_PYTHON):
        return f"không có {SYSTEM_PYTHON}"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        return "Python của hệ thống chưa có python3-uno (apt install python3-uno)"
    return None


_TOKEN = re.compile(r'\s*(?:(?P<str>"[^"]*")|(?P<num>\d+)|(?P<op><>|>=|<=|=|<|>|\(|\))|'
                    r'(?P<name>\w+))')


def _condition(expr: str, constants: dict) -> bool:
    """A #If condition with the constants of 64-bit Excel with VBA7 (and any #Const)."""
    parts, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m:
            raise ValueError(f"#If không hiểu được: {expr}")
        pos = m.end()
        if m.group("str") or m.group("num"):
            parts.append(m.group("str") or m.group("num"))
        elif m.group("op"):
            parts.append({"=": "==", "<>": "!="}.get(m.group("op"), m.group("op")))
        else:
            word = m.group("name").lower()
            parts.append(word if word in ("and", "or", "not") else
                         repr(constants.get(word, False)))
    return bool(eval(" ".join(parts), {"__builtins__": {}}, {}))    # literals and operators only


def prepare(source: str) -> str:
    """What LibreOffice can compile of a VBA module, line numbers kept (blank lines instead)."""
    out, stack = [], []            # stack of (taking this branch, a branch already taken)
    constants = dict(CONSTANTS)
    for line in source.replace("\r\n", "\n").split("\n"):
        code = re.sub(r"'.*$", "", line).strip()
        low = code.lower()
        if low.startswith("#const "):
            name, _, value = code[7:].partition("=")
            constants[name.strip().lower()] = eval(value.strip(), {"__builtins__": {}}, {})
            out.append("")
            continue
        if low.startswith("#if ") and low.endswith(" then"):
            take = _condition(code[4:-5], constants) and all(s[0] for s in stack)
            stack.append([take, take])
            out.append("")
            continue
        if low.startswith("#elseif ") and stack:
            take = not stack[-1][1] and _condition(code[8:-5], constants)
            stack[-1] = [take and all(s[0] for s in stack[:-1]), stack[-1][1] or take]
            out.append("")
            continue
        if low == "#else" and stack:
            stack[-1] = [not stack[-1][1] and all(s[0] for s in stack[:-1]), True]
            out.append("")
            continue
        if low == "#end if" and stack:
            stack.pop()
            out.append("")
            continue
        if (stack and not stack[-1][0]) or low.startswith("attribute "):
            out.append("")
            continue
        out.append(re.sub(r"\bPtrSafe\s+", "", line, flags=re.I))
    return "\n".join(out)


def compile_modules(modules: dict[str, str]) -> dict[str, list[str]]:
    """Module → the procedures that do not compile ([] for a sound module; ["*"] when the
    module as a whole fails but no single procedure does)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lo_basic.py")
    with tempfile.TemporaryDirectory(prefix="doithoai-vba-") as folder:
        path = os.path.join(folder, "modules.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({n: prepare(s) for n, s in modules.items()}, fh)
        res = subprocess.run([SYSTEM_PYTHON, script, path], capture_output=True, text=True,
                             timeout=300, env={**os.environ, "HOME": folder})
    if res.returncode != 0 or not res.stdout.strip():
        raise RuntimeError(f"LibreOffice không biên dịch được: {res.stderr[-500:]}")
    result = json.loads(res.stdout.strip().splitlines()[-1])
    return {n: ([] if r["ok"] else (r["procedures"] or ["*"])) for n, r in result.items()}


def problems(modules: dict[str, str]) -> list[str]:
    """The compile's findings in Vietnamese (empty: every module compiles)."""
    out = []
    for module, bad in compile_modules(modules).items():
        if bad == ["*"]:
            out.append(f"Mô-đun VBA {module} không biên dịch được (LibreOffice Basic, chế độ "
                       "VBA); phần khai báo đầu mô-đun có lỗi.")
        elif bad:
            out.append(f"Mô-đun VBA {module} không biên dịch được: lỗi trong "
                       + ", ".join(bad) + " (LibreOffice Basic, chế độ VBA).")
    return out
