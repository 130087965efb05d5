"""The extension tells a workbook opened with a password from one opened without: what the
buttons rely on to keep the files they make from a protected registry protected (intake files,
a monitoring workbook naming people). Read through LibreOffice itself (UNO), on a demo registry
encrypted as Excel encrypts, and on the same registry in the clear."""
import json
import os
import subprocess

import pytest

from doithoai.files import protected
from office import unavailable
from paths import TESTS

OFFICE_DIR = os.path.join(os.path.dirname(protected.__file__), "..", "libreoffice", "office")

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=str(unavailable()))


def _seen(files: list[dict], tmp_path) -> dict:
    listing = tmp_path / "files.json"
    listing.write_text(json.dumps(files), encoding="utf-8")
    out = subprocess.run(["/usr/bin/python3", os.path.join(TESTS, "libreoffice", "lo_password.py"),
                          OFFICE_DIR, str(listing)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_registry_opened_with_its_password_is_seen_as_protected(sample_paths, tmp_path):
    plain = sample_paths["tu-minh"]
    locked = str(tmp_path / "co-mat-khau.xlsx")
    with open(plain, "rb") as fh:
        data = protected.encrypt(fh.read(), "Mật khẩu 2026")
    with open(locked, "wb") as fh:
        fh.write(data)
    seen = _seen([{"path": locked, "password": "Mật khẩu 2026"},
                  {"path": plain, "password": None}], tmp_path)
    assert seen == {locked: True, plain: False}
