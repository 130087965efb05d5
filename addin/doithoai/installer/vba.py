"""The add-in's guard before dispatch, as VBA text (macros/Guard.bas is generated from here).

Before a button starts Python, ``PythonReady()`` looks up the interpreter that ``doithoai
install`` wrote into xlwings.conf beside the add-in and checks that it is still on the disk.
When Python was uninstalled or moved, the clerk gets a Vietnamese message naming cai-dat.bat
instead of xlwings' English error. The module is ASCII (the VBA project's code page is 1252):
the message is built with ChrW. It stays a guard: one check, no other logic in VBA.
"""
from __future__ import annotations

import re

MISSING_PYTHON = ("Không tìm thấy Python mà phần mềm doithoai dùng (có thể đã bị gỡ hoặc chuyển "
                  "sang chỗ khác). Hãy chạy lại tệp cai-dat.bat trong thư mục cài đặt doithoai "
                  "(hoặc nhờ người đã cài), rồi mở lại Excel.")
TITLE = "Đối thoại"


def vba_string(text: str) -> list[str]:
    """``text`` as VBA expression pieces: "ASCII runs" and ChrW(n) for everything else."""
    parts, run = [], ""
    for ch in text:
        if 32 <= ord(ch) < 127 and ch != '"':
            run += ch
            continue
        if run:
            parts.append(f'"{run}"')
            run = ""
        parts.append(f"ChrW({ord(ch)})")
    if run:
        parts.append(f'"{run}"')
    return parts


def decode(expression_lines: list[str]) -> str:
    """The text a list of ``s = s & ...`` lines builds (for the test of the committed file)."""
    out = ""
    for line in expression_lines:
        for piece in re.findall(r'"([^"]*)"|ChrW\((\d+)\)', line.split("=", 1)[1]):
            out += piece[0] if piece[0] or not piece[1] else chr(int(piece[1]))
    return out


def _assign(name: str, text: str, per_line: int = 8) -> list[str]:
    parts = vba_string(text)
    lines = [f'    {name} = ""']
    for i in range(0, len(parts), per_line):
        lines.append(f"    {name} = {name} & " + " & ".join(parts[i:i + per_line]))
    return lines


def guard_module() -> str:
    lines = [
        'Attribute VB_Name = "Guard"',
        "' Before a button starts Python: is the interpreter named in xlwings.conf (beside this",
        "' add-in) still on the disk? If not, a Vietnamese message names cai-dat.bat instead of",
        "' xlwings' English error. ASCII only: the text is built with ChrW. Generated from",
        "' doithoai/installer/vba.py (python scripts/update_templates.py); do not edit by hand.",
        "Option Explicit",
        "",
        "Public Function PythonReady() As Boolean",
        "    Dim fso As Object, st As Object, conf As String, text As String",
        "    Dim p As Long, q As Long, exe As String, key As String",
        "    PythonReady = True",
        "    On Error GoTo Done",
        '    Set fso = CreateObject("Scripting.FileSystemObject")',
        '    conf = ThisWorkbook.Path & "\\xlwings.conf"',
        "    If Not fso.FileExists(conf) Then Exit Function",
        '    Set st = CreateObject("ADODB.Stream")',
        "    st.Type = 2",
        '    st.Charset = "utf-8"',
        "    st.Open",
        "    st.LoadFromFile conf",
        "    text = st.ReadText",
        "    st.Close",
        '    key = """INTERPRETER_WIN"","""',
        "    p = InStr(1, text, key, vbTextCompare)",
        "    If p = 0 Then Exit Function",
        "    p = p + Len(key)",
        '    q = InStr(p, text, """")',
        "    If q <= p Then Exit Function",
        "    exe = Mid$(text, p, q - p)",
        "    If fso.FileExists(exe) Then Exit Function",
        "    PythonReady = False",
        "    MsgBox MissingPython(), vbExclamation, Title()",
        "Done:",
        "End Function",
        "",
        "Private Function MissingPython() As String",
        "    Dim s As String",
        *_assign("s", MISSING_PYTHON),
        "    MissingPython = s",
        "End Function",
        "",
        "Private Function Title() As String",
        "    Dim s As String",
        *_assign("s", TITLE),
        "    Title = s",
        "End Function",
    ]
    return "\n".join(lines) + "\n"
