"""A static check of the add-in's own VBA, for what no compiler runs here to catch.

Excel compiles the project when it loads the add-in; a module with an ``If`` and no ``End If``
makes the whole project fail and every button dead. Excel does not run here, so the build
check reads the source as text and reports, in Vietnamese with module and line:

- blocks that do not close (Sub/Function/Property, If … Then on its own line, For/Next, Do/Loop,
  While/Wend, Select Case, With, #If), or close what was not opened;
- a module without ``Option Explicit``;
- a procedure called but defined nowhere (neither in the project nor among the VBA functions
  the modules use);
- a ribbon callback whose parameters are not the ones Office passes (``onAction``: one
  ``IRibbonControl``; ``onLoad``: one ``IRibbonUI``; ``get…``: the control and ``ByRef``
  ``returnedVal``).
"""
from __future__ import annotations

import re

OPENERS = {"sub": "End Sub", "function": "End Function", "property": "End Property",
           "if": "End If", "for": "Next", "do": "Loop", "while": "Wend",
           "select": "End Select", "with": "End With", "#if": "#End If"}
# VBA's own functions and statements that the modules may call.
BUILTINS = {
    "msgbox", "inputbox", "createobject", "getobject", "environ", "len", "mid", "mid$", "left",
    "left$", "right", "right$", "instr", "instrrev", "replace", "split", "join", "trim",
    "trim$", "ltrim", "rtrim", "lcase", "ucase", "chr", "chrw", "chr$", "chrw$", "asc",
    "ascw", "cstr", "clng", "cint", "cdbl", "cbool", "cdate", "val", "format", "now", "date",
    "dir", "isempty", "isnull", "isnumeric", "isarray", "isobject", "ubound", "lbound", "array",
    "typename", "vartype", "err", "debug", "doevents", "shell", "kill", "mkdir", "filelen",
    "space", "string", "strconv", "strcomp", "abs", "int", "fix", "round", "sgn", "timer",
    "application", "thisworkbook", "activeworkbook", "workbooks", "sheets", "range", "cells",
    "erase", "redim", "iif", "nz", "rnd", "randomize", "callbyname", "loadpicture", "sendkeys",
}
KEYWORDS = {
    "dim", "private", "public", "static", "const", "set", "let", "call", "if", "then", "else",
    "elseif", "end", "for", "each", "to", "step", "next", "do", "loop", "while", "wend", "until",
    "select", "case", "with", "exit", "on", "error", "goto", "resume", "return", "gosub", "not",
    "and", "or", "xor", "is", "like", "mod", "new", "nothing", "true", "false", "as", "byval",
    "byref", "optional", "paramarray", "option", "explicit", "declare", "lib", "alias",
    "function", "sub", "property", "get", "type", "enum", "attribute", "me", "in", "open",
    "close", "print", "write", "input", "line", "get", "put", "seek", "lock", "unlock", "name",
    "stop", "event", "raiseevent", "implements", "friend", "global", "defint", "deflng",
    "ptrsafe", "longptr", "vbtextcompare", "vbexclamation", "vbcritical", "vbinformation",
    "vbyesno", "vbyes", "vbno", "vbcrlf", "vblf", "vbcr", "vbtab", "vbnullstring", "empty",
    "null", "string", "long", "integer", "boolean", "double", "variant", "object", "byte",
    "single", "currency", "date", "collection",
}
_STRING = re.compile(r'"(?:[^"]|"")*"')
_PROC = re.compile(r"^(?:(?:public|private|friend|static)\s+)*(sub|function|property\s+(?:get|let|set))"
                   r"\s+(\w+)\s*\((.*)\)", re.I)
_DECLARE = re.compile(r"^(?:(?:public|private)\s+)?declare\s+(?:ptrsafe\s+)?(?:sub|function)\s+"
                      r"(\w+)", re.I)


def logical_lines(source: str) -> list[tuple[int, str]]:
    """(first physical line, code) per statement: continuations joined, strings emptied,
    comments and Attribute lines dropped, ``:`` separators split (labels kept whole)."""
    out, pending, start = [], "", None
    for n, raw in enumerate(source.replace("\r\n", "\n").split("\n"), start=1):
        line = _STRING.sub('""', raw)
        quote = line.find("'")
        if quote >= 0:
            line = line[:quote]
        if re.match(r"\s*rem\b", line, re.I) or re.match(r"\s*attribute\b", line, re.I):
            line = ""
        if start is None:
            start = n
        if line.rstrip().endswith(" _"):
            pending += line.rstrip()[:-1] + " "
            continue
        code = (pending + line).strip()
        pending = ""
        if code:
            if re.fullmatch(r"\w+:", code):
                out.append((start, code))
            else:
                out += [(start, part.strip()) for part in code.split(":") if part.strip()]
        start = None
    return out


def _opener(code: str) -> str | None:
    low = code.lower()
    m = _PROC.match(code)
    if m:
        return m.group(1).split()[0].lower()
    if low.startswith("#if ") and low.rstrip().endswith("then"):
        return "#if"
    if re.match(r"if\b", low) and re.search(r"\bthen$", low):
        return "if"                                         # a block If: nothing after Then
    if re.match(r"for\b", low):
        return "for"
    if re.match(r"do\b", low):
        return "do"
    if re.match(r"while\b", low):
        return "while"
    if re.match(r"select\s+case\b", low):
        return "select"
    if re.match(r"with\b", low):
        return "with"
    return None


def _closer(code: str) -> str | None:
    low = " ".join(code.lower().split())
    for opener, closer in OPENERS.items():
        c = closer.lower()
        if low == c or low.startswith(c + " ") or (c == "next" and low.startswith("next")):
            return opener
    if low == "end if" or low == "#end if":
        return "if" if not low.startswith("#") else "#if"
    return None


def block_problems(module: str, source: str) -> list[str]:
    problems, stack = [], []
    for n, code in logical_lines(source):
        closed = _closer(code)
        if closed:
            if not stack or stack[-1][0] != closed:
                want = f"{OPENERS[stack[-1][0]]} (mở ở dòng {stack[-1][1]})" if stack else \
                    "không có khối nào đang mở"
                problems.append(f"{module}, dòng {n}: \"{code}\" không khớp: cần {want}.")
                if stack and any(s[0] == closed for s in stack):
                    while stack and stack[-1][0] != closed:
                        stack.pop()
                    stack.pop()
                continue
            stack.pop()
            continue
        opened = _opener(code)
        if opened:
            stack.append((opened, n))
    for opened, n in stack:
        problems.append(f"{module}, dòng {n}: khối mở ở đây thiếu \"{OPENERS[opened]}\" "
                        "(Excel sẽ không biên dịch được dự án, mọi nút đều không chạy).")
    return problems


def procedures(sources: dict[str, str]) -> dict[str, tuple[str, str]]:
    """name (lower case) → (module, parameter list) of every Sub/Function/Property/Declare."""
    out = {}
    for module, source in sources.items():
        for _, code in logical_lines(source):
            m = _PROC.match(code)
            if m:
                out[m.group(2).lower()] = (module, m.group(3))
            d = _DECLARE.match(code)
            if d:
                out[d.group(1).lower()] = (module, "")
    return out


def _locals(source: str) -> set[str]:
    names = set()
    for _, code in logical_lines(source):
        low = code.lower()
        if re.match(r"(dim|private|public|static|const|redim)\b", low) and not _PROC.match(code) \
                and not _DECLARE.match(code):
            names |= {m.group(1).lower() for m in re.finditer(
                r"(?:^|,)\s*(?:(?:dim|private|public|static|const|redim|preserve)\s+)*(\w+)",
                code, re.I)}
        m = _PROC.match(code)
        if m:
            names |= {p.split()[-1].lower() if " as " not in p.lower() else
                      p.lower().split(" as ")[0].split()[-1]
                      for p in m.group(3).split(",") if p.strip()}
            names.add(m.group(2).lower())
    return names


def undefined_calls(module: str, source: str, known: dict[str, tuple[str, str]]) -> list[str]:
    problems = []
    local = _locals(source)
    for n, code in logical_lines(source):
        if re.fullmatch(r"\w+:", code) or _PROC.match(code) or _DECLARE.match(code):
            continue
        names = []
        first = re.match(r"(?:call\s+)?([A-Za-z_]\w*)\b(?!\s*[.=(]?\s*=)", code, re.I)
        if first and first.group(1).lower() not in KEYWORDS:
            rest = code[first.end():].lstrip()
            if not rest.startswith("=") and not rest.startswith("."):
                names.append(first.group(1))
        names += [m.group(1) for m in re.finditer(r"(?<![.\w])([A-Za-z_]\w*\$?)\s*\(", code)]
        for name in names:
            low = name.lower()
            if low in KEYWORDS or low in BUILTINS or low in local or low in known:
                continue
            problems.append(f"{module}, dòng {n}: gọi \"{name}\" nhưng không có Sub hay "
                            "Function nào tên này trong dự án.")
    return problems


def option_explicit(module: str, source: str) -> list[str]:
    if any(code.lower() == "option explicit" for _, code in logical_lines(source)):
        return []
    return [f"{module}: thiếu dòng Option Explicit (biến gõ sai tên sẽ không bị phát hiện)."]


_SIGNATURES = {
    "onAction": r"\w+\s+As\s+IRibbonControl",
    "onLoad": r"\w+\s+As\s+IRibbonUI",
    "get": r"\w+\s+As\s+IRibbonControl\s*,\s*ByRef\s+\w+(\s+As\s+\w+)?",
}


def callback_problems(callbacks: dict[str, str], known: dict[str, tuple[str, str]]) -> list[str]:
    """``callbacks``: Sub name → ribbon attribute (onAction, onLoad, getLabel…)."""
    problems = []
    for name, attribute in callbacks.items():
        found = known.get(name.lower())
        if found is None:
            continue               # reported by the build check (no Sub for a button)
        pattern = _SIGNATURES["get" if attribute.startswith("get") else attribute]
        if not re.fullmatch(r"\s*" + pattern + r"\s*", found[1], re.I):
            problems.append(f"{found[0]}: Sub {name}({found[1]}) không đúng tham số Office "
                            f"truyền cho {attribute}.")
    return problems


def check(own: dict[str, str], others: dict[str, str], callbacks: dict[str, str]) -> list[str]:
    """Every problem of the modules ``own`` (ours); ``others`` (xlwings') only define names."""
    known = procedures({**others, **own})
    problems = []
    for module, source in own.items():
        problems += option_explicit(module, source)
        problems += block_problems(module, source)
        problems += undefined_calls(module, source, known)
    return problems + callback_problems(callbacks, known)
