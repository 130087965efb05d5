"""A real client opens what we encrypt: LibreOffice (through UNO, the password in the media
descriptor) opens every kind of encrypted workbook the product writes with its password, refuses
it without, and reads the same cells as from the same package unencrypted."""
import glob
import io
import json
import os
import re
import shutil
import subprocess

import openpyxl
import pytest

from doithoai import cli
from doithoai.cli import passwords
from doithoai.files import protected
from paths import TESTS

UNO_PYTHON = "/usr/bin/python3"
PASSWORD = "Mật khẩu sổ 2026"


def _uno_ready() -> str | None:
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc"
    if not os.path.exists(UNO_PYTHON) or subprocess.run(
            [UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
        return "Debian's python3 with python3-uno is not installed: apt-get install python3-uno"
    return None


pytestmark = pytest.mark.skipif(_uno_ready() is not None, reason=str(_uno_ready()))


def _registry_with_names(source, folder) -> str:
    """The sample registry, its Cấu hình saying to name people in the monitoring workbook, then
    encrypted."""
    wb = openpyxl.load_workbook(source)
    ws = wb["Cấu hình"]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(row=r, column=1).value == "Ghi tên người nêu trong báo cáo theo dõi")
    ws.cell(row=row, column=2).value = "Có"
    buffer = io.BytesIO()
    wb.save(buffer)
    path = os.path.join(folder, "so.xlsx")
    with open(path, "wb") as fh:
        fh.write(protected.encrypt(buffer.getvalue(), PASSWORD))
    return path


def _encrypted_outputs(sample_path, folder, capsys, monkeypatch) -> dict[str, str]:
    """path → password of every kind of encrypted workbook the commands write."""
    monkeypatch.setenv(passwords.ENV, PASSWORD)
    reg = _registry_with_names(sample_path, folder)
    runs = [["generate", reg, "--issue", "--docs", "KH", "--out", f"{folder}/vb",
             "--today", "2026-11-20"],
            ["monitor", reg, "--out", f"{folder}/theo-doi.xlsx", "--as-of", "2026-11-20"],
            ["intake", "export", reg, "--plan", "KH-2026-01", "--encrypt", "--village",
             "TDP Cẩm Khê A", "--out", f"{folder}/mttq", "--today", "2026-05-01"],
            ["privacy", reg, "--forget-contacts", "--out", f"{folder}/quen.xlsx",
             "--today", "2028-12-31"]]
    found = {}
    for args in runs:
        assert cli.main(args) == 0, args
        out = capsys.readouterr().out
        for path, pw in re.findall(r"Đã tạo (\S+\.xlsx) .*?mật khẩu: (\S+)\.", out):
            found[path] = pw
        m = re.search(r"có mật khẩu riêng: (\d{4}-\d{4}-\d{4})", out)
        if m:
            found[f"{folder}/theo-doi.xlsx"] = m.group(1)
    for copy in glob.glob(f"{folder}/so (*).xlsx") + [f"{folder}/quen.xlsx"]:
        found[copy] = PASSWORD
    return found


def test_libreoffice_opens_each_encrypted_output_with_its_password_only(
        sample_paths, tmp_path, capsys, monkeypatch):
    outputs = _encrypted_outputs(sample_paths["tu-minh"], str(tmp_path), capsys, monkeypatch)
    kinds = {"registry copy (numbers)": "(cap so", "intake file": "phieu-y-kien",
             "monitoring workbook with names": "theo-doi", "registry copy (forgotten)": "quen"}
    for kind, mark in kinds.items():
        assert any(mark in p for p in outputs), (kind, sorted(outputs))
    items = []
    for path, pw in outputs.items():
        assert protected.is_encrypted(path), path
        plain = tmp_path / ("plain-" + os.path.basename(path))   # the test's own reference
        plain.write_bytes(protected.decrypt(open(path, "rb").read(), pw))
        items += [{"path": path, "password": pw}, {"path": str(plain), "password": None}]
    request = tmp_path / "files.json"
    request.write_text(json.dumps(items), encoding="utf-8")
    res = subprocess.run([UNO_PYTHON, os.path.join(TESTS, "lo_cells.py"), str(request)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    for path, pw in outputs.items():
        enc = seen[path]
        plain = seen[str(tmp_path / ("plain-" + os.path.basename(path)))]
        assert enc["opened"], path                        # with its password
        assert not enc["opened_without_password"], path    # and not without
        assert enc["cells"] == plain["cells"] and enc["cells"], path
    # The cells LibreOffice reads are the product's: the forgotten copy has no phone left.
    quen = seen[f"{tmp_path}/quen.xlsx"]["cells"]["Ý kiến"]
    phone = quen[0].index("Điện thoại")
    assert sum(1 for row in quen[1:] if row[phone]) < 20
