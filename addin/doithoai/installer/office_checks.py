"""The doctor's lines about LibreOffice: its version, the Đối thoại extension, and the Python
the extension's buttons start (recorded by ``doithoai install --libreoffice``)."""
from __future__ import annotations

from doithoai import __version__
from doithoai.installer.checks import Check
from doithoai.libreoffice import addons
from doithoai.libreoffice.install import MINIMAL, Facts

REINSTALL = "Chạy lại: python -m doithoai install --libreoffice (trên Windows: py -m doithoai " \
            "install --libreoffice), rồi mở lại LibreOffice."


def check_libreoffice(facts: Facts | None, exists, excel_addin: bool,
                      venvs: list[str] = ()) -> list:
    """``exists(path)`` tells a file is there; with the Excel add-in installed, LibreOffice's
    extension is optional (its absence is a note, not a fault). ``venvs``: the virtual
    environments on this terminal's PATH (not on Windows, whose LibreOffice brings its own
    Python): LibreOffice started from it ends as it loads the toolbar."""
    if facts is None:
        return [Check("libreoffice", True, "Không có LibreOffice trên máy này (chỉ cần nếu dùng "
                                           "LibreOffice Calc thay cho Excel)")]
    shown = ".".join(map(str, facts.version)) if facts.version else "?"
    out = [Check("libreoffice", facts.version is None or facts.version >= MINIMAL,
                 f"LibreOffice {shown}",
                 f"Cập nhật LibreOffice lên {addons.MINIMAL_VERSION} trở lên (libreoffice.org).")]
    if facts.installed is None:
        out.append(Check("libreoffice_extension", excel_addin,
                         "Chưa cài phần mở rộng Đối thoại vào LibreOffice"
                         + (" (máy này dùng Excel: không cần)" if excel_addin else ""),
                         REINSTALL))
        return out
    who = "mọi người dùng" if facts.shared else "người dùng này"
    current = facts.installed == __version__
    out.append(Check("libreoffice_extension", current,
                     f"Phần mở rộng Đối thoại {facts.installed} đã cài vào LibreOffice ({who})"
                     + ("" if current else f", cũ hơn doithoai {__version__}"), REINSTALL))
    ok = bool(facts.python) and exists(facts.python)
    out.append(Check("libreoffice_interpreter", ok,
                     f"Các nút LibreOffice dùng Python {facts.python}" if ok else
                     "Python mà các nút LibreOffice dùng không còn: "
                     + (facts.python or "(chưa ghi)"), REINSTALL))
    if venvs:
        out.append(Check("libreoffice_terminal", False,
                         f"Cửa sổ lệnh này đang bật môi trường ảo ({venvs[0]}): LibreOffice mở "
                         "từ đây bị tắt ngay khi nạp thanh công cụ Đối thoại",
                         "Mở LibreOffice từ trình đơn ứng dụng, hoặc gõ deactivate rồi mới mở "
                         "LibreOffice từ cửa sổ lệnh; các nút vẫn dùng Python đã ghi khi cài."))
    return out
