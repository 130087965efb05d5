"""The face the VBA calls: doithoai.buttons exports exactly the functions of the ribbon's list,
and an add-in whose Subs call anything else is named by the build check and by the doctor."""
import inspect
import os

from doithoai import buttons
from doithoai.excel import addin_build
from doithoai.excel.ribbon import BUTTON_FUNCTIONS, MODULE
from doithoai.installer import doctor


def test_the_face_exports_exactly_the_ribbon_functions():
    assert MODULE == buttons.__name__ == "doithoai.buttons"      # the path since 0.1
    assert buttons.__all__ == list(BUTTON_FUNCTIONS)
    public = {n for n, v in vars(buttons).items() if inspect.isfunction(v)}
    assert public == set(BUTTON_FUNCTIONS)
    for name in BUTTON_FUNCTIONS:
        params = inspect.signature(getattr(buttons, name)).parameters
        assert list(params)[0] == "book", name                  # RunPython calls b.name()
        assert all(p.default is not inspect.Parameter.empty for p in params.values()
                   if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)), name


def test_every_sub_of_the_macros_calls_a_ribbon_function():
    calls = addin_build._RUNPYTHON.findall(addin_build.macro_files()["DoiThoai.bas"].decode())
    assert calls and set(calls) <= set(BUTTON_FUNCTIONS)
    assert set(BUTTON_FUNCTIONS) <= set(calls), "a button function no Sub calls"


def test_an_installed_addin_calling_a_function_that_is_gone_is_named(monkeypatch, tmp_path):
    """As if an older version had built it: the Sub calls a function this version lacks."""
    files = addin_build.macro_files()
    files["DoiThoai.bas"] = files["DoiThoai.bas"].replace(b"b.show_help()", b"b.show_guide()")
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    monkeypatch.setattr(addin_build, "check", lambda path: [])
    appdata = tmp_path / "AppData"
    old = addin_build.build(str(appdata / "Microsoft" / "AddIns"))
    monkeypatch.undo()

    problems = addin_build.check(old)
    assert any("show_guide" in p and "không có" in p for p in problems), problems
    m = doctor.Machine(platform="win32", appdata=str(appdata), store=None,
                       addin_check=addin_build.check, motw=lambda p: False)
    vba = next(c for c in doctor.check_addin(m) if c.name == "addin_vba")
    assert not vba.ok and "show_guide" in vba.message and "cai-dat.bat" in vba.fix
    assert os.path.basename(old) == addin_build.ADDIN_NAME
