"""doithoai.xlam: built from macros/ text, checked, installed (simulated Windows)."""
import os
import zipfile

import pytest
from pyopenvba import ExcelFile
from pyopenvba.cfb import CFB

from doithoai.excel import addin_build, addin_install
from doithoai import cli
from paths import ROOT



@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return addin_build.build(str(tmp_path_factory.mktemp("addin")))


def test_build_gives_a_checked_addin(built):
    assert os.path.basename(built) == "doithoai.xlam"
    assert addin_build.check(built) == []
    with zipfile.ZipFile(built) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("_rels/.rels").decode()
        ribbon = z.read("customUI/customUI14.xml")
        vba = z.read("xl/vbaProject.bin")
    assert addin_build.ADDIN_CONTENT_TYPE in types
    assert addin_build.RIBBON_REL_TYPE in rels and "customUI/customUI14.xml" in rels
    assert ribbon == open(os.path.join(ROOT, "macros", "customUI14.xml"), "rb").read()
    assert CFB.from_bytes(vba).get_stream_in_storage("VBA", "_VBA_PROJECT") == \
        bytes.fromhex("cc61ffff000000")
    with ExcelFile(built) as wb:
        assert {"DoiThoai", "xlwings"} <= set(wb.module_names())
        assert "Module1" not in wb.module_names()
        ours = wb.get_module("DoiThoai")
    text = open(os.path.join(ROOT, "macros", "DoiThoai.bas"), encoding="ascii").read()
    for sub in ("TaoSoMoi", "KiemTraDuLieu", "TinhHan", "MoThuMuc", "HuongDan"):
        assert f"Public Sub {sub}(control As IRibbonControl)" in ours
        assert sub in text


def test_ribbon_has_the_tab_and_vietnamese_labels():
    xml = open(os.path.join(ROOT, "macros", "customUI14.xml"), "rb").read()
    from xml.etree import ElementTree
    root = ElementTree.fromstring(xml)
    ns = {"c": addin_build.CUSTOMUI_NS}
    tab = root.find(".//c:tab", ns)
    assert tab.attrib["label"] == "Đối thoại"
    labels = [b.attrib["label"] for b in root.iterfind(".//c:button", ns)]
    assert labels == ["Tạo sổ mới", "Kiểm tra dữ liệu", "Tính hạn", "Tất cả văn bản",
                      "Kế hoạch", "Thông báo", "Giấy mời", "Phiếu đăng ký", "Báo cáo tổng hợp",
                      "Công văn phân công", "Biên bản", "Thông báo kết luận", "Công văn trả lời",
                      "Kiến nghị cấp trên", "Thông báo cho người nêu ý kiến", "Báo cáo kết quả", "Phiếu lấy ý kiến", "Danh sách đại biểu ký nhận",
                      "Sổ giao nhận giấy mời", "Bản tin truyền thanh", "Ban hành",
                      "Phiếu cho MTTQ", "Nhận ý kiến từ MTTQ", "Tìm ý kiến trùng",
                      "Báo cáo theo dõi", "Cập nhật Tổng hợp", "Đôn đốc", "Chuyển ý kiến tồn",
                      "Tổng hợp các xã", "Mở thư mục", "Kiểm tra cài đặt",
                      "Hướng dẫn"]
    groups = [g.attrib["label"] for g in root.iterfind(".//c:group", ns)]
    assert groups == ["Sổ theo dõi", "Kiểm tra và thời hạn", "Văn bản", "Chia sẻ với MTTQ",
                      "Theo dõi", "Tỉnh", "Trợ giúp"]
    for b in root.iterfind(".//c:button", ns):
        assert b.attrib["imageMso"] and b.attrib["supertip"] and b.attrib["screentip"]


def test_vba_sources_are_ascii():
    for name in os.listdir(os.path.join(ROOT, "macros")):
        if name.endswith(".bas"):
            open(os.path.join(ROOT, "macros", name), "rb").read().decode("ascii")


def _rebuilt(tmp_path, built, replace):
    """A copy of the add-in with parts replaced, to feed the checker a defect."""
    out = str(tmp_path / "x.xlam")
    with zipfile.ZipFile(built) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, replace(name, data))
    return out


def test_check_catches_a_callback_with_no_sub(tmp_path, built):
    bad = _rebuilt(tmp_path, built, lambda n, d: d.replace(b'onAction="TinhHan"',
                                                           b'onAction="TinhHanMoi"')
                   if n == "customUI/customUI14.xml" else d)
    problems = addin_build.check(bad)
    assert any("TinhHanMoi" in p for p in problems)
    assert any("Sub TinhHan " in p and "không được nút nào" in p for p in problems)


def test_check_catches_a_performance_cache(tmp_path, built):
    def cached(name, data):
        if name != "xl/vbaProject.bin":
            return data
        cfb = CFB.from_bytes(data)
        cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", bytes.fromhex("cc61b50000000000") +
                                    bytes(64))
        return cfb.to_bytes()
    problems = addin_build.check(_rebuilt(tmp_path, built, cached))
    assert any("_VBA_PROJECT" in p for p in problems)


def test_check_catches_content_type_relationship_and_bad_xml(tmp_path, built):
    def broken(name, data):
        if name == "[Content_Types].xml":
            return data.replace(b"addin.macroEnabled", b"sheet.macroEnabled")
        if name == "_rels/.rels":
            return data.replace(addin_build.RIBBON_REL_TYPE.encode(), b"http://x/y")
        if name == "docProps/app.xml":
            return data[:-20]
        return data
    problems = addin_build.check(_rebuilt(tmp_path, built, broken))
    assert any("Kiểu nội dung" in p for p in problems)
    assert any("quan hệ gốc" in p for p in problems)
    assert any("docProps/app.xml" in p and "XML" in p for p in problems)


def test_build_refuses_a_sub_without_its_python_function(monkeypatch, tmp_path):
    files = addin_build.macro_files()
    files["DoiThoai.bas"] = files["DoiThoai.bas"].replace(b"b.show_help()", b"b.show_helps()")
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    with pytest.raises(addin_build.BuildError, match="show_helps"):
        addin_build.build(str(tmp_path))
    assert os.listdir(tmp_path) == []               # nothing half-written left behind


def test_build_refuses_logic_and_non_ascii_in_vba(monkeypatch, tmp_path):
    files = addin_build.macro_files()
    files["DoiThoai.bas"] = files["DoiThoai.bas"].replace(
        b'    RunPython "import doithoai.buttons as b; b.show_help()"',
        b'    If 1 = 1 Then\r\n    RunPython "import doithoai.buttons as b; b.show_help()"\r\n'
        b'    End If')
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    with pytest.raises(addin_build.BuildError, match="VBA chỉ được chuyển lệnh"):
        addin_build.build(str(tmp_path))
    files["DoiThoai.bas"] = files["DoiThoai.bas"].replace(b"' Ribbon", "' Nút".encode())
    with pytest.raises(addin_build.BuildError, match="ASCII"):
        addin_build.build(str(tmp_path))


class FakeOptions:
    def __init__(self, versions):
        self.keys = {v: {} for v in versions}

    def versions(self):
        return list(self.keys)

    def values(self, version):
        return dict(self.keys[version])

    def set(self, version, name, value):
        self.keys[version][name] = value

    def delete(self, version, name):
        del self.keys[version][name]


def test_install_and_uninstall_on_windows(tmp_path):
    store = FakeOptions(["16.0"])
    store.set("16.0", "OPEN", '"C:\\khac\\addin-khac.xlam"')
    addins = tmp_path / "Microsoft" / "AddIns"
    addins.mkdir(parents=True)
    (addins / "xlwings.conf").write_text('"LOG_FILE","x.log"\r\n', encoding="utf-8")
    report = addin_install.install(appdata=str(tmp_path), store=store, platform="win32",
                                   python="C:\\Python311\\python.exe")
    assert report.ok, report.lines
    xlam = addins / "doithoai.xlam"
    assert xlam.exists() and addin_build.check(str(xlam)) == []
    conf = (addins / "xlwings.conf").read_text(encoding="utf-8")
    assert '"LOG_FILE","x.log"' in conf and '"INTERPRETER_WIN","C:\\Python311\\python.exe"' in conf
    assert store.values("16.0") == {"OPEN": '"C:\\khac\\addin-khac.xlam"',
                                    "OPEN1": f'"{xlam}"'}
    assert any("Phiên bản khớp" in l for l in report.lines)
    again = addin_install.install(appdata=str(tmp_path), store=store, platform="win32",
                                  python="C:\\Python311\\python.exe")
    assert again.ok and len(store.values("16.0")) == 2          # not registered twice
    assert (addins / "xlwings.conf").read_text(encoding="utf-8").count("INTERPRETER_WIN") == 1
    gone = addin_install.uninstall(appdata=str(tmp_path), store=store, platform="win32")
    assert gone.ok and not xlam.exists()
    assert store.values("16.0") == {"OPEN": '"C:\\khac\\addin-khac.xlam"'}
    assert (addins / "xlwings.conf").read_text(encoding="utf-8").strip() == '"LOG_FILE","x.log"'


def test_install_elsewhere_says_it_needs_windows(tmp_path):
    report = addin_install.install(appdata=str(tmp_path), store=FakeOptions([]),
                                   platform="linux")
    assert not report.ok and "Excel trên Windows" in report.lines[0]
    assert os.listdir(tmp_path) == []


def test_windowless_python(tmp_path):
    (tmp_path / "python.exe").write_text("")
    (tmp_path / "pythonw.exe").write_text("")
    assert addin_install.windowless_python(str(tmp_path / "python.exe")).endswith("pythonw.exe")


def test_cli_build_addin(tmp_path, capsys):
    assert cli.main(["build-addin", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "doithoai.xlam").exists()
    assert "Kiểm tra đạt" in capsys.readouterr().out
    if not os.name == "nt":
        assert cli.main(["install"]) == cli.EXIT_REFUSED
        assert "Excel trên Windows" in capsys.readouterr().out


@pytest.mark.parametrize("change, expected", [
    # the observed defect: Guard.bas without an End If (Excel refuses the whole project)
    ((b"    If q <= p Then Exit Function\r\n", b"    If q <= p Then\r\n"), "Guard, dòng"),
    ((b"Option Explicit\r\n", b""), "thiếu dòng Option Explicit"),
    ((b"If Not fso.FileExists(conf) Then Exit Function",
      b"If Not FileThere(conf) Then Exit Function"), "FileThere"),
    ((b"    Next i\r\n", b"    Next i\r\n"), None),
])
def test_build_refuses_vba_that_would_not_compile(monkeypatch, tmp_path, change, expected):
    files = addin_build.macro_files()
    guard = files["Guard.bas"].replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    assert change[0] in guard or expected is None
    files["Guard.bas"] = guard.replace(*change)
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    if expected is None:
        assert addin_build.build(str(tmp_path)).endswith("doithoai.xlam")
        return
    with pytest.raises(addin_build.BuildError, match=expected):
        addin_build.build(str(tmp_path))
    assert os.listdir(tmp_path) == []


def test_a_ribbon_callback_with_the_wrong_parameters_is_refused(monkeypatch, tmp_path):
    files = addin_build.macro_files()
    files["DoiThoai.bas"] = files["DoiThoai.bas"].replace(
        b"Public Sub TaoSoMoi(control As IRibbonControl)", b"Public Sub TaoSoMoi()")
    monkeypatch.setattr(addin_build, "macro_files", lambda: files)
    with pytest.raises(addin_build.BuildError, match="TaoSoMoi.*không đúng tham số"):
        addin_build.build(str(tmp_path))
