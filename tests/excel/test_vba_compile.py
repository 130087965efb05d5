"""The built add-in's VBA compiled by LibreOffice Basic in VBA mode (where it is installed; CI
installs it), each module in a library of its own; a broken module fails the build, named with
the procedure at fault."""
import os

import pytest

from doithoai.excel import addin_build, vba_compile

REASON = vba_compile.available()
needs_office = pytest.mark.skipif(REASON is not None, reason=f"VBA compile: {REASON}")
GUARD_LINE = b"    p = p + Len(key)\r\n"


def test_sources_are_prepared_for_libreoffice():
    source = ('Attribute VB_Name = "X"\n#Const App = "Microsoft Excel"\n'
              '#If VBA7 Then\nPrivate Declare PtrSafe Function F Lib "k" () As LongPtr\n'
              '#Else\nPrivate Declare Function F Lib "k" () As Long\n#End If\n'
              '#If App = "Microsoft Word" Then\nWord\n#ElseIf App = "Microsoft Excel" Then\n'
              'Excel\n#Else\nOther\n#End If\n#If Mac Then\nMacOnly\n#End If')
    lines = vba_compile.prepare(source).split("\n")
    assert len(lines) == len(source.split("\n"))            # line numbers kept
    kept = [line for line in lines if line.strip()]
    assert kept == ['Private Declare Function F Lib "k" () As LongPtr', "Excel"]


@needs_office
def test_every_module_of_the_built_addin_compiles(tmp_path):
    path = addin_build.build(str(tmp_path))
    modules = addin_build.built_modules(path)
    assert {"DoiThoai", "Guard", "xlwings"} <= set(modules)
    assert vba_compile.problems(modules) == []


@needs_office
@pytest.mark.parametrize("broken", [b"    p = p + * Len(key)\r\n", b"    p = (p + Len(key)\r\n"])
def test_a_module_that_does_not_compile_fails_the_build(monkeypatch, tmp_path, capsys, broken):
    """Faults the text check cannot see: the compiler finds them and names the procedure."""
    from doithoai import cli
    files = addin_build.macro_files()
    guard = files["Guard.bas"].replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert GUARD_LINE in guard
    files["Guard.bas"] = guard.replace(GUARD_LINE, broken)
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    assert cli.main(["build-addin", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "Mô-đun VBA Guard không biên dịch được: lỗi trong PythonReady" in out
    assert not os.path.exists(tmp_path / addin_build.ADDIN_NAME)
