"""``doithoai generate --odt``: ODF copies (.odt) beside the Word documents where LibreOffice is
present (Thông tư 19/2011/TT-BTTTT); a clear line where it is not."""
import re
import zipfile

import pytest

from doithoai import cli
from doithoai.documents import pdf


@pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_generate_writes_odf_copies(sample_copy, tmp_path, capsys):
    registry = sample_copy("tu-minh")
    out = tmp_path / "van-ban"
    code = cli.main(["generate", registry, "--plan", "KH-2026-01", "--docs", "KH,TB,TTTT",
                     "--out", str(out), "--odt", "--today", "2026-06-01"])
    said = capsys.readouterr().out
    assert code == 0, said
    docx = sorted(p for p in out.rglob("*.docx"))
    odt = sorted(p for p in out.rglob("*.odt"))
    assert docx and [p.with_suffix("") for p in odt] == [p.with_suffix("") for p in docx]
    assert f"Đã xuất {len(odt)} tệp ODF (.odt), cạnh các tệp Word trong thư mục {out}." in said
    for path in odt:
        with zipfile.ZipFile(path) as z:
            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            text = re.sub(r"<[^>]+>", "", z.read("content.xml").decode("utf-8"))
        assert "Tứ Minh" in text                        # the document's own words, accents whole
    assert not list(out.rglob("*.pdf"))


def test_without_a_converter_the_clerk_is_told(sample_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pdf, "available", lambda: False)
    registry = sample_copy("tu-minh")
    code = cli.main(["generate", registry, "--plan", "KH-2026-01", "--docs", "TB",
                     "--out", str(tmp_path / "vb"), "--odt"])
    assert code == 0 and pdf.ODT_SKIPPED in capsys.readouterr().out
    assert not list((tmp_path / "vb").rglob("*.odt"))
