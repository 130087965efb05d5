"""One sanitiser for every file or folder name built from a cell."""
import os

import pytest

from doithoai.text.filenames import safe_file, safe_name

HOSTILE = ["../../x", "..\\..\\x", "/etc/passwd", "C:\\Windows\\x", "a/../../b", "..", ".",
           "...", " . ", "CON", "nul.txt", "LPT9", "x\x00y", "tab\there", "KH:2026?*",
           "../" * 50 + "x", "\u202eexe.docx", ""]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_cell_stays_one_name_inside_its_folder(tmp_path, text):
    name = safe_name(text)
    assert name and "/" not in name and "\\" not in name and ".." not in name
    assert name not in (".", "..") and name == name.strip(" .")
    assert len(name) <= 81
    target = os.path.normpath(os.path.join(str(tmp_path), name))
    assert os.path.dirname(target) == str(tmp_path)
    assert name.split(".")[0].upper() not in ("CON", "NUL", "LPT9")


def test_readable_names_are_kept():
    assert safe_name("KH-2026-01") == "KH-2026-01"
    assert safe_name("Tổ dân phố Cẩm Khê A") == "Tổ dân phố Cẩm Khê A"
    assert safe_file("phieu-y-kien-KH-2026-01-Cam-Khe-A", ".xlsx") == \
        "phieu-y-kien-KH-2026-01-Cam-Khe-A.xlsx"
    assert safe_name("", fallback="van-ban") == "van-ban"
