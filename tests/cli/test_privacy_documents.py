"""`privacy --person` lists the Word documents that name the citizen, besides the registry's
rows: every document of the folder whose text names them (drafts before the conference and
issued ones after it, tables included), and no other. Generated registries (tests/corpus),
their documents written by the product; the printed list is compared with what python-docx
reads in each file, the citizen typed as a clerk might type them."""
import os
import random
import re

import docx
import pytest

from corpus import run
from corpus.run import registry_of
from doithoai.cli import privacy_commands
from doithoai.documents import named_in
from doithoai.text import vntext


def _text(path: str) -> str:
    """Everything python-docx reads of a document: paragraphs and every cell."""
    d = docx.Document(path)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def _naming(folder: str, proper: str) -> set[str]:
    """The documents whose text holds the citizen's name as the documents print it."""
    out = set()
    for root, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".docx"):
                path = os.path.join(root, f)
                if re.search(rf"(?<!\w){re.escape(proper)}(?!\w)", _text(path)):
                    out.add(os.path.relpath(path, folder).replace(os.sep, "/"))
    return out


def _listed(capsys, reg, typed: str, folder: str, proper: str | None = None) -> set[str]:
    privacy_commands._person(reg, typed, folder)
    lines = capsys.readouterr().out.splitlines()
    if proper and typed != proper:      # the name as the registry writes it, beside the typed
        assert "trong sổ ghi là" in lines[0] and proper in lines[0].split("(so cả")[0], lines[0]
    start = next(i for i, line in enumerate(lines) if line.startswith("Có ") and "văn bản" in line)
    return {line.split(" — ")[0].removeprefix("  - ").split(" (kèm")[0]
            for line in lines[start + 1:] if line.startswith("  - ")}


@pytest.mark.parametrize("seed", range(6))
def test_the_documents_naming_a_citizen_are_listed_and_no_others(seed, tmp_path, capsys):
    rng = random.Random(seed)
    runs = run.runs_of(seed, str(tmp_path))
    case = runs[0].case
    reg = registry_of(case)
    people = sorted({p.split(maxsplit=1)[1] for p in case.truth.meant_person.values() if p})
    for r in runs:
        for proper in rng.sample(people, min(3, len(people))):
            typed = rng.choice([proper, proper.upper(), "  " + proper.replace(" ", "  "),
                                vntext.normalize_tones(proper)])
            want = _naming(r.folder, proper)
            assert _listed(capsys, reg, typed, r.folder, proper) == want, (r.label, typed)


def test_the_check_fails_when_tables_are_not_read(tmp_path, capsys, monkeypatch):
    """Planted fault: only the paragraphs outside tables are read (the lists of opinions, where
    most citizens are named, are tables): some document naming a citizen is left out."""
    monkeypatch.setattr(named_in, "paragraphs",
                        lambda path: [p.text for p in docx.Document(path).paragraphs])
    missed = 0
    for seed in range(6):
        runs = run.runs_of(seed, str(tmp_path / str(seed)))
        reg = registry_of(runs[0].case)
        people = sorted({p.split(maxsplit=1)[1] for p in runs[0].case.truth.meant_person.values()
                         if p})
        for r in runs:
            for proper in people[:3]:
                missed += _listed(capsys, reg, proper, r.folder) != _naming(r.folder, proper)
    assert missed


def test_a_document_that_cannot_be_read_is_named_and_word_locks_are_skipped(tmp_path, capsys):
    """A damaged .docx, one that is no zip at all, one without a body and one whose XML declares
    entities that would grow a billion-fold are each named as not read (the clerk opens them);
    Word's "~$" lock file beside an open document is no document."""
    import zipfile
    folder = tmp_path / "van-ban"
    folder.mkdir()
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 not a real zip")
    (folder / "~$BCTH.docx").write_bytes(b"\x00" * 162)
    with zipfile.ZipFile(folder / "rong.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    entities = "".join(f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10 if i else "x" * 10}">'
                       for i in range(9))            # a billion laughs: refused, not expanded
    with zipfile.ZipFile(folder / "thuc-the.docx", "w") as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE w [{entities}]>'
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                   '2006/main"><w:body><w:p><w:r><w:t>&e8; Lê Thị Hoa</w:t></w:r></w:p>'
                   '</w:body></w:document>')
    d = docx.Document()
    d.add_paragraph("Kính gửi: Bà Lê Thị Hoa, thôn Đông.")
    d.save(folder / "CVTL_YK-1.docx")
    found = named_in.naming(str(folder), "Lê Thị Hoa")
    assert found.naming == ["CVTL_YK-1.docx"]
    assert sorted(rel for rel, _ in found.unread) == ["hong.docx", "rong.docx", "thuc-the.docx"]
    privacy_commands._documents_naming(registry_of(run.make_case(0)), "Lê Thị Hoa", str(folder))
    out = capsys.readouterr().out
    assert "Không đọc được hong.docx" in out and "~$" not in out
