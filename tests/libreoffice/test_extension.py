"""doithoai.oxt on any OS: its toolbar and menu are the Excel ribbon (read here from
macros/customUI14.xml and DoiThoai.bas on their own, not through the generator), a change to
the ribbon reaches the extension or stops the build, and the scripts that run inside
LibreOffice's own Python use only what that Python has."""
import ast
import json
import os
import re
import struct
import sys
import zipfile
from xml.etree import ElementTree

import pytest

from doithoai import cli
from doithoai.excel import addin_build
from doithoai.excel.ribbon import BUTTON_FUNCTIONS
from doithoai.libreoffice import extension, tab
from doithoai.libreoffice.office import doithoai_bridge  # noqa: F401  (importable: stdlib only)

UI = "{http://schemas.microsoft.com/office/2009/07/customui}"
OOR = "{http://openoffice.org/2001/registry}"


def ribbon() -> list[dict]:
    """The ribbon's groups as the test reads them: [{label, entries: [...]}]."""
    files = addin_build.macro_files()
    bas = files["DoiThoai.bas"].decode("ascii")
    calls = dict(re.findall(r"Sub (\w+)\(control As IRibbonControl\)\s+If Not PythonReady\(\) "
                            r"Then Exit Sub\s+RunPython \"import doithoai\.buttons as b; "
                            r"b\.(\w+)\(\)\"", bas))
    groups = []
    for g in ElementTree.fromstring(files["customUI14.xml"]).iter(f"{UI}group"):
        entries = []
        for el in g:
            if el.tag == f"{UI}button":
                entries.append({"function": calls[el.get("onAction")], "label": el.get("label"),
                                "tip": el.get("screentip") + "\n" + el.get("supertip"),
                                "image": el.get("imageMso")})
            elif el.tag == f"{UI}menu":
                items = [{"function": calls[b.get("onAction")], "label": b.get("label"),
                          "image": b.get("imageMso")} if b.tag == f"{UI}button" else
                         {"heading": b.get("title")} for b in el
                         if b.tag == f"{UI}button" or b.get("title")]
                entries.append({"menu": el.get("id"), "label": el.get("label"), "items": items,
                                "tip": el.get("screentip") + "\n" + el.get("supertip"),
                                "image": el.get("imageMso")})
        groups.append({"label": g.get("label"), "entries": entries})
    return groups


def nodes(parent) -> list:
    return [n for n in parent if n.tag == "node"]


def props(node) -> dict:
    return {p.get(f"{OOR}name"): "".join(v.text or "" for v in p.findall("value"))
            for p in node if p.tag == "prop"}


def child(node, name):
    return next(n for n in nodes(node) if n.get(f"{OOR}name") == name)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = extension.build(str(tmp_path_factory.mktemp("oxt")))
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    return path, files


def test_the_toolbar_is_the_ribbon(built):
    _, files = built
    ui = child(ElementTree.fromstring(files["Addons.xcu"]), "AddonUI")
    bar = nodes(nodes(child(ui, "OfficeToolBar"))[0])
    got = [props(n) for n in bar]
    want = []
    for i, g in enumerate(ribbon()):
        if i:
            want.append({"URL": "private:separator"})
        for e in g["entries"]:
            url = f"vnd.doithoai:menu.{e['menu']}" if "menu" in e else \
                f"vnd.doithoai:{e['function']}"
            item = {"URL": url, "Title": e["tip"], "Target": "_self",
                    "Context": "com.sun.star.sheet.SpreadsheetDocument"}
            if "menu" in e:
                item["ControlType"] = "DropdownButton"
            want.append(item)
    assert got == want
    images = {props(n)["URL"]: props(child(n, "UserDefinedImages"))
              for n in nodes(child(ui, "Images"))}
    for g in ribbon():
        for e in g["entries"]:
            url = f"vnd.doithoai:menu.{e['menu']}" if "menu" in e else \
                f"vnd.doithoai:{e['function']}"
            icon = tab.ICONS[e["image"]]
            assert images[url] == {"ImageSmallURL": f"%origin%/icons/sc_{icon}.png",
                                   "ImageBigURL": f"%origin%/icons/lc_{icon}.png"}
            for size, side in (("sc", 16), ("lc", 24)):
                png = files[f"icons/{size}_{icon}.png"]
                assert png[:8] == b"\x89PNG\r\n\x1a\n"
                assert struct.unpack(">II", png[16:24]) == (side, side)


def test_the_menu_and_the_drop_down_are_the_ribbon(built):
    _, files = built
    ui = child(ElementTree.fromstring(files["Addons.xcu"]), "AddonUI")
    menu = nodes(child(ui, "OfficeMenuBar"))[0]
    assert props(menu)["Title"] == "Đối thoại"
    got, want = [], []
    for n in nodes(child(menu, "Submenu")):
        p = props(n)
        if p["URL"] == "private:separator":
            got.append("—")
        elif p["URL"]:
            got.append((p["URL"], p["Title"]))
        else:
            got.append((p["Title"], [props(s).get("Title") or "—"
                                     for s in nodes(child(n, "Submenu"))]))
    settings = json.loads(files["doithoai.json"])
    for i, g in enumerate(ribbon()):
        if i:
            want.append("—")
        for e in g["entries"]:
            if "menu" in e:
                sub = []
                for it in e["items"]:
                    sub += ["—", it["heading"]] if "heading" in it else [it["label"]]
                want.append((e["label"], sub))
                listed = settings["menus"][e["menu"]]
                assert listed["entries"] == [f"— {it['heading']} —" if "heading" in it
                                             else it["label"] for it in e["items"]]
                assert listed["functions"] == {it["label"]: it["function"]
                                               for it in e["items"] if "label" in it}
            else:
                want.append((f"vnd.doithoai:{e['function']}", e["label"]))
    assert got == want
    # every function of the face, once on the tab
    on_tab = [e.get("function") or it["function"] for g in ribbon() for e in g["entries"]
              for it in (e.get("items") or [e]) if "heading" not in it]
    assert sorted(on_tab) == sorted(BUTTON_FUNCTIONS) and len(set(on_tab)) == len(on_tab)
    assert set(settings["buttons"]) == set(BUTTON_FUNCTIONS)


def test_a_change_to_the_ribbon_reaches_the_extension_or_stops_the_build(monkeypatch,
                                                                         tmp_path):
    files = addin_build.macro_files()
    renamed = dict(files, **{"customUI14.xml": files["customUI14.xml"].replace(
        'label="Tính hạn"'.encode(), 'label="Tính hạn xử lý"'.encode())})
    monkeypatch.setattr(addin_build, "macro_files", lambda: renamed)
    text = extension.contents()["Addons.xcu"].decode("utf-8")
    assert "<value>Tính hạn xử lý</value>" in text
    dropped = dict(files, **{"DoiThoai.bas": files["DoiThoai.bas"].replace(
        b"b.compute_deadlines()", b"b.compute_deadline()")})
    monkeypatch.setattr(addin_build, "macro_files", lambda: dropped)
    with pytest.raises(tab.TabError, match="compute_deadline"):
        tab.read_tab()
    assert cli.main(["build-extension", "--out", str(tmp_path)]) == 1
    assert not (tmp_path / extension.EXTENSION_NAME).exists()
    unknown = dict(files, **{"customUI14.xml": files["customUI14.xml"].replace(
        b'imageMso="Help"', b'imageMso="HappyFace"')})
    monkeypatch.setattr(addin_build, "macro_files", lambda: unknown)
    with pytest.raises(tab.TabError, match="HappyFace"):
        tab.read_tab()


def test_build_extension_and_its_check(built, tmp_path, capsys):
    assert cli.main(["build-extension", "--out", str(tmp_path)]) == 0
    assert "Đã tạo và kiểm tra phần mở rộng LibreOffice" in capsys.readouterr().out
    path = str(tmp_path / extension.EXTENSION_NAME)
    assert extension.check(path) == [] and extension.recorded_python(path) is None
    _, files = built
    for name, change, says in [
            ("pythonpath/doithoai_bridge.py", None, "doithoai_bridge.py"),
            ("Addons.xcu", b"<broken", "XML"),
            ("Addons.xcu", files["Addons.xcu"].replace(b"vnd.doithoai:show_help<", b"x<"),
             "show_help"),
            ("META-INF/manifest.xml", files["META-INF/manifest.xml"].replace(
                b'full-path="doithoai_lo.py"', b'full-path="x.py"'), "doithoai_lo.py")]:
        damaged = tmp_path / "damaged.oxt"
        with zipfile.ZipFile(damaged, "w") as z:
            for n, data in files.items():
                if n != name or change is not None:
                    z.writestr(n, change if n == name else data)
        assert any(says in p for p in extension.check(str(damaged))), (name, says)


def test_an_install_build_records_its_python(tmp_path):
    path = extension.build(str(tmp_path), python=r"C:\Users\Nguyễn Thị Hoà\Python312\python.exe")
    assert extension.recorded_python(path) == r"C:\Users\Nguyễn Thị Hoà\Python312\python.exe"


STDLIB = set(sys.stdlib_module_names)
UNO = {"uno", "unohelper", "com"}
OWN = {"doithoai_bridge", "doithoai_calc", "doithoai_dialogs"}


@pytest.mark.parametrize("name", [extension.COMPONENT, *extension.HELPERS])
def test_the_scripts_inside_libreoffice_need_only_its_own_python(name):
    """LibreOffice for Windows bundles its own Python (3.7 in LibreOffice 7.0): the scripts
    parse as Python 3.7 and import only the standard library, UNO and each other; the bridge,
    run outside LibreOffice by these tests, not even UNO."""
    source = extension.office_sources()[name].decode("utf-8")
    tree = ast.parse(source, feature_version=(3, 7))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    allowed = STDLIB | OWN | ({"__future__"}) | (set() if name == "doithoai_bridge.py" else UNO)
    assert imported <= allowed, imported - allowed


def test_the_extension_gets_an_ordinary_files_permissions(tmp_path):
    """Written as any save is (0666 less the umask), not with a temporary file's 0600: an
    administrator installs it for others, who must be able to read it (fresh-eyes trial)."""
    import stat
    from doithoai.libreoffice import extension
    old = os.umask(0o022)
    try:
        path = extension.build(str(tmp_path))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


@pytest.mark.parametrize("seed", range(5))
def test_a_message_gets_the_lines_it_wraps_to(seed):
    """The dialog is as tall as its text wraps to, at words, with the 66 characters a line
    holds on screen (CI's screenshot): generated messages of words, codes and long paths. A
    count by characters alone gave a line too few, and the dialog cut the end off."""
    import random
    import textwrap
    from doithoai.libreoffice.office import doithoai_dialogs as dialogs
    rng = random.Random(seed)
    words = ["Không", "tạo", "văn", "bản", "YK-2026-039", "(dòng 40),", "Bấm", "Kiểm", "tra",
             "dữ", "liệu,", "ô", "N38,", "chờ", "ghi", "\"Nội", "dung", "trả", "lời\":",
             "BCTH,", "TBKL,", "đồng", "nghiệp"]
    for _ in range(200):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            said = [rng.choice(words) for _ in range(rng.randint(1, 60))]
            if rng.random() < 0.3:
                said.insert(rng.randint(0, len(said)), "/tmp/" + "/".join(
                    "thu-muc-%d" % rng.randint(0, 999) for _ in range(rng.randint(1, 12))))
            paragraphs.append(" ".join(said))
        text = "\n".join(paragraphs)
        shown = sum(len(textwrap.wrap(p, 66, break_on_hyphens=False)) or 1 for p in paragraphs)
        assert dialogs._lines(text) >= shown, (dialogs._lines(text), shown, text)
