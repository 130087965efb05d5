"""Issue 27: a registry protected with Office's own password goes through every command and gives
what the plain one gives (what is printed, the exit codes, the documents' text, the written
workbooks' cells); its copies stay encrypted with its password; the round trip with the Front
works with encrypted files whose passwords the merge finds itself; and no decrypted byte
touches the disk while the encrypted registry is worked on (tests/diskwatch.py)."""
import csv
import datetime as dt
import glob
import io
import os
import re
import shutil
import tempfile

import openpyxl
import pytest
from docx import Document

from diskwatch import DiskWatch
from doithoai import cli
from doithoai.cli import passwords
from doithoai.files import protected, reader
from doithoai.samples import sample

PASSWORD = "Sổ đối thoại 2026!"
COPY_RECIPIENT = "Văn phòng (bản sao dùng làm sổ từ nay)"
TODAY, AFTER = "2026-11-20", "2028-12-31"
# What the two runs say differently, and only because one registry is encrypted.
ONLY_ENCRYPTED = (", bản sao có cùng mật khẩu với sổ", "Sổ có mật khẩu.")
ONLY_PLAIN = (" Lưu ý: sổ không đặt mật khẩu nên bản sao cũng không có; hãy đặt mật khẩu cho "
              "sổ trong Excel (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu).",
              "Sổ không có mật khẩu.")


def _normal(text: str, root: str) -> str:
    text = text.replace(root, "<ROOT>")
    text = re.sub(r"\d{8}-\d{4}", "<STAMP>", text)                 # copies' time stamps
    text = re.sub(r"\d{4}-\d{4}-\d{4}", "<PW>", text)               # files' own passwords
    text = re.sub(r"(lô |Lô: |\(lô )[0-9A-F]{6}", r"\1<LO>", text)  # intake batches
    text = re.sub(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}|\d{2}:\d{2} \d{2}/\d{2}/\d{4}", "<TIME>", text)
    for phrase in ONLY_ENCRYPTED + ONLY_PLAIN:
        text = text.replace(phrase, "")
    return re.sub(r"(không )?có mật khẩu", "<MK>", text)


def _cell(value, root: str):
    if isinstance(value, dt.datetime) and value.time() != dt.time(0):
        return "<TIME>"                          # when a file was made
    if isinstance(value, str):
        value = _normal(value, root)
        return "<LO>" if re.fullmatch(r"[0-9A-F]{6}", value) else value
    return value


class Run:
    """One registry (plain or encrypted) in a folder of its own, and what commands made."""

    def __init__(self, root, source, password):
        self.root = str(root)
        os.makedirs(self.root)
        self.registry = os.path.join(self.root, "so-doi-thoai-tu-minh.xlsx")
        data = open(source, "rb").read()
        with open(self.registry, "wb") as fh:
            fh.write(protected.encrypt(data, password) if password else data)
        self.password = password
        self.file_passwords: dict[str, str] = {}

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def run(self, args, capsys, monkeypatch, watch=None) -> tuple[int, str]:
        monkeypatch.setenv(passwords.ENV, self.password or "wrong: the plain run never asks")
        code = cli.main([str(a) for a in args])
        out = capsys.readouterr()
        self.raw = out.out
        assert "Traceback" not in out.out + out.err
        for name, pw in re.findall(r"Đã tạo (\S+\.xlsx) .*?mật khẩu: (\d{4}-\d{4}-\d{4})",
                                   out.out):
            self.file_passwords[os.path.abspath(name)] = pw
        return code, _normal(out.out, self.root)

    def workbook(self, path) -> dict:
        """Every cell of a written workbook (decrypted in memory when encrypted)."""
        data = open(path, "rb").read()
        if protected.is_encrypted(data):
            pw = self.file_passwords.get(os.path.abspath(path), self.password)
            data = protected.decrypt(data, pw)
        wb = openpyxl.load_workbook(io.BytesIO(data))
        cells = {ws.title: [[_cell(v, self.root) for v in row]
                            for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
        for row in cells.get("Nhật ký", [])[1:]:       # Có mật khẩu: a copy's says Có or Không
            if len(row) > 7 and row[5] == COPY_RECIPIENT:
                row[7] = "<MK>"
        return cells


def _document(path) -> list[str]:
    doc = Document(path)
    return [p.text for p in doc.paragraphs] + \
        [c.text for t in doc.tables for r in t.rows for c in r.cells]


def _outputs(run: Run) -> dict[str, object]:
    """Everything under the run's folder but the registry itself, by normalised name."""
    out = {}
    for path in sorted(glob.glob(os.path.join(run.root, "**", "*"), recursive=True)):
        if not os.path.isfile(path) or path == run.registry:
            continue
        name = _normal(os.path.relpath(path, run.root), run.root)
        if path.endswith(".docx"):
            out[name] = _document(path)
        elif path.endswith(".xlsx"):
            out[name] = run.workbook(path)
        else:
            out[name] = open(path, "rb").read()
    return out


def _fill_returned(run: Run, exported: str, csv_path: str, encrypt: bool) -> str:
    """The file a village's board sends back: the exported workbook opened with its password,
    its table overwritten with what the board typed (samples/<slug>/mttq-*.csv), saved, and
    encrypted again with the same password (or sent back in the clear)."""
    pw = run.file_passwords[os.path.abspath(exported)]
    wb = openpyxl.load_workbook(io.BytesIO(protected.decrypt(open(exported, "rb").read(), pw)))
    ws = wb["Ý kiến"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    for tbl in list(ws.tables):
        del ws.tables[tbl]
    for r in range(head, ws.max_row + 1):          # the board retyped the whole table
        for c in range(1, max(ws.max_column, len(rows[0])) + 1):
            ws.cell(row=r, column=c).value = None
    for dr, values in enumerate(rows):
        for dc, value in enumerate(values):
            cell = ws.cell(row=head + dr, column=dc + 1, value=value or None)
            if value and value[0] in "=+-@":
                cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    target = run.path("mttq-gui-ve", os.path.basename(exported).replace(".xlsx", "-ve.xlsx"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as fh:
        fh.write(protected.encrypt(buffer.getvalue(), pw) if encrypt else buffer.getvalue())
    return target


def _secrets(path) -> list[str]:
    reg = reader.read_registry(path)
    phones = {o.phone for o in reg.opinions if o.phone} | {p.phone for p in reg.pending if p.phone}
    return sorted(phones)


COMMANDS = [
    ["summary", "{R}"], ["summary", "--json", "{R}"], ["validate", "{R}", "--today", TODAY],
    ["deadlines", "{R}", "--today", TODAY], ["due", "2026-06-12", "10", "--working",
                                             "--registry", "{R}"],
    ["duplicates", "{R}"],
    ["generate", "{R}", "--out", "{D}/van-ban", "--today", TODAY],
    ["generate", "{R}", "--issue", "--out", "{D}/ban-hanh", "--today", TODAY],
    ["overdue", "{R}", "--out", "{D}/don-doc", "--today", TODAY],
    ["monitor", "{R}", "--out", "{D}/theo-doi.xlsx", "--as-of", TODAY],
    ["privacy", "{R}", "--today", TODAY], ["privacy", "{R}", "--person", "pham duy CUONG"],
    ["privacy", "{R}", "--forget-contacts", "--out", "{D}/quen.xlsx", "--today", AFTER],
    ["intake", "export", "{R}", "--plan", "KH-2026-01", "--encrypt", "--out", "{D}/mttq",
     "--today", "2026-05-01"],
]


def _args(command, run: Run):
    return [a.replace("{R}", run.registry).replace("{D}", run.root) for a in command]


@pytest.fixture(scope="module")
def runs(sample_paths, tmp_path_factory):
    base = tmp_path_factory.mktemp("encrypted")
    return (Run(base / "plain", sample_paths["tu-minh"], None),
            Run(base / "encrypted", sample_paths["tu-minh"], PASSWORD))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """TMPDIR of this test, watched with the rest."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def test_every_command_gives_the_same_results_encrypted(runs, capsys, monkeypatch,
                                                        private_tmp, sample_paths):
    plain, enc = runs
    secrets = _secrets(sample_paths["tu-minh"])
    assert secrets
    for command in COMMANDS:
        expected = plain.run(_args(command, plain), capsys, monkeypatch)
        with DiskWatch([enc.root, private_tmp], secrets) as watch:
            got = enc.run(_args(command, enc), capsys, monkeypatch)
        assert got == expected, command
        assert not watch.problems, (command, watch.problems)
    # The round trip with the Front: each village's file filled and sent back, one of them
    # encrypted with its own password and renamed, the other in the clear.
    for run in runs:
        exported = sorted(glob.glob(run.path("mttq", "*.xlsx")))
        csvs = sorted(glob.glob(os.path.join(sample("tu-minh").folder, "mttq-*.csv")))
        back = [_fill_returned(run, exported[0], csvs[0], encrypt=True),
                _fill_returned(run, exported[1], csvs[1], encrypt=False)]
        os.rename(back[0], run.path("mttq-gui-ve", "phieu-thon-A.xlsx"))
        run.file_passwords[run.path("mttq-gui-ve", "phieu-thon-A.xlsx")] = \
            run.file_passwords[os.path.abspath(exported[0])]
        run.returned = [run.path("mttq-gui-ve", "phieu-thon-A.xlsx"), back[1]]
        run.copy = next(p for p in glob.glob(run.path("*mat khau phieu*.xlsx")))
    merge = ["intake", "merge", "{C}", "{F1}", "{F2}", "--out", "{D}/nhan.xlsx", "--today",
             "2026-05-20"]

    def merge_args(run):
        return [a.replace("{C}", run.copy).replace("{F1}", run.returned[0])
                .replace("{F2}", run.returned[1]).replace("{D}", run.root) for a in merge]
    expected = plain.run(merge_args(plain), capsys, monkeypatch)
    with DiskWatch([enc.root, private_tmp], secrets) as watch:
        got = enc.run(merge_args(enc), capsys, monkeypatch)
    assert got == expected and not watch.problems, watch.problems
    assert got[0] == 0 and "phieu-thon-A.xlsx: đọc 6 dòng" in got[1]
    assert re.search(r"-ve\.xlsx: đọc \d+ dòng = [^\n]*; tệp gửi về không có mật khẩu \(phiếu "
                     r"gửi đi có mật khẩu\)\.", enc.raw), enc.raw
    # What was written: the same documents, the same cells.
    ours, theirs = _outputs(plain), _outputs(enc)
    assert sorted(ours) == sorted(theirs)
    for name in ours:
        assert ours[name] == theirs[name], name
    _copies_follow_their_registry(plain, enc)


def _copies_follow_their_registry(plain: Run, enc: Run) -> None:
    """Each copy of the encrypted registry opens with its password only; the plain one's are
    plain; the intake files and the monitoring workbook (no names) are as the plain run's."""
    for run in (plain, enc):
        copies = [p for p in glob.glob(run.path("*.xlsx"))
                  if p not in (run.registry, run.path("theo-doi.xlsx"))]
        assert len(copies) == 4     # numbers issued, files' passwords, contacts forgotten, merge
        assert all(protected.is_encrypted(p) == (run.password is not None) for p in copies)
        for p in copies:
            if run.password:
                protected.open_file(p, tried=[PASSWORD])
                with pytest.raises(protected.WrongPassword):
                    protected.open_file(p, tried=["sai"])
        assert all(protected.is_encrypted(p) for p in glob.glob(run.path("mttq", "*.xlsx")))
        # Nhật ký of each copy records the copy, and whether it travels encrypted.
        for p in copies:
            data = open(p, "rb").read()
            data = protected.decrypt(data, PASSWORD) if run.password else data
            log = openpyxl.load_workbook(io.BytesIO(data))["Nhật ký"]
            rows = [r for r in log.iter_rows(min_row=2, values_only=True) if r[5] == COPY_RECIPIENT]
            assert rows and all(r[7] == ("Có" if run.password else "Không") and r[6] > 100
                                for r in rows), (p, rows)
            assert not any(PASSWORD in str(v) for r in log.iter_rows(values_only=True) for v in r)
        assert not protected.is_encrypted(run.path("theo-doi.xlsx"))


def test_the_watch_sees_a_copy_written_in_the_clear(runs, capsys, monkeypatch, private_tmp,
                                                    sample_paths, tmp_path):
    """The watch is not blind: a planted registry copy that forgets its password is caught."""
    from doithoai.files import registry_copy
    _, enc = runs
    real = protected.write_new
    monkeypatch.setattr(registry_copy.protected, "write_new",
                        lambda path, save, password=None, next_free=True: real(path, save))
    folder = tmp_path / "planted"
    folder.mkdir()
    shutil.copy(enc.registry, folder / "so.xlsx")
    with DiskWatch([folder, private_tmp], _secrets(sample_paths["tu-minh"])) as watch:
        enc.run(["generate", folder / "so.xlsx", "--issue", "--docs", "KH", "--out",
                 folder / "vb", "--today", TODAY], capsys, monkeypatch)
    assert any("a registry workbook in the clear" in p for p in watch.problems), watch.problems


def test_carry_over_on_an_encrypted_registry(sample_paths, tmp_path, capsys, monkeypatch):
    plain = Run(tmp_path / "p", sample_paths["do-luong"], None)
    enc = Run(tmp_path / "e", sample_paths["do-luong"], PASSWORD)
    command = ["carry-over", "{R}", "--plan", "KH-2026-02", "--link", "--out", "{D}/moi.xlsx",
               "--today", TODAY]
    expected = plain.run(_args(command, plain), capsys, monkeypatch)
    with DiskWatch([enc.root], _secrets(sample_paths["do-luong"])) as watch:
        got = enc.run(_args(command, enc), capsys, monkeypatch)
    assert got == expected and got[0] == 0 and not watch.problems
    assert protected.is_encrypted(enc.path("moi.xlsx"))
    assert _outputs(plain) == _outputs(enc)
