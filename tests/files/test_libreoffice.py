"""A sample registry opens in LibreOffice (converted to PDF), where LibreOffice is installed."""
import shutil
import subprocess

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here: "
                    "apt-get install libreoffice-calc to run this check")
def test_sample_registry_converts_to_pdf(sample_copy, tmp_path):
    src = sample_copy("tu-minh")
    out = tmp_path / "pdf"
    res = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                          "--convert-to", "pdf", "--outdir", str(out), src],
                         capture_output=True, text=True, timeout=180)
    pdf = out / "so-doi-thoai-tu-minh.pdf"
    assert pdf.exists(), res.stdout + res.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type/Page") + data.count(b"/Type /Page ")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))
    assert pages >= 5   # every sheet prints; the invitee list alone takes two pages
