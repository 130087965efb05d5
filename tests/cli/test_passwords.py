"""Issue 27 §1: where the password of an encrypted registry comes from (a no-echo prompt,
--password-file, the environment variable named in --help; never the command line), what a wrong
one does (a Vietnamese refusal, exit 2, nothing written), and that it never shows: not on the
screen, not in Nhật ký, not in the crash log; a command stopped by a signal or a full disk leaves
no decrypted byte behind."""
import glob
import io
import os
import pty
import random
import select
import signal
import subprocess
import sys
import time

import openpyxl
import pytest

from diskwatch import findings
from doithoai import cli
from doithoai.cli import passwords
from doithoai.files import protected, reader
from paths import ROOT

PASSWORD = "bí-mật 2026"


@pytest.fixture
def encrypted(sample_paths, tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(protected.encrypt(open(sample_paths["tu-minh"], "rb").read(), PASSWORD))
    return str(path)


def doithoai(*args, env=None, **kw):
    full = {k: v for k, v in os.environ.items() if k != passwords.ENV}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "doithoai", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=full,
                          stdin=subprocess.DEVNULL, **kw)


def _tree(folder) -> dict:
    return {p: os.path.getsize(p) for p in glob.glob(os.path.join(folder, "**"), recursive=True)}


WRITERS = [["generate", "{R}", "--issue", "--out", "{D}/vb"], ["monitor", "{R}", "--out",
                                                                  "{D}/td.xlsx"],
           ["intake", "merge", "{R}", "{R}", "--out", "{D}/moi.xlsx"],
           ["intake", "export", "{R}", "--plan", "KH-2026-01", "--encrypt", "--out", "{D}/m"],
           ["carry-over", "{R}", "--plan", "KH-2026-01", "--link", "--out", "{D}/c.xlsx"],
           ["privacy", "{R}", "--forget-contacts", "--out", "{D}/q.xlsx"],
           ["summary", "{R}"], ["validate", "{R}"], ["due", "2026-06-01", "3", "--registry", "{R}"]]


def test_a_wrong_password_is_refused_in_vietnamese_and_nothing_is_written(encrypted, tmp_path,
                                                                           capsys, monkeypatch):
    folder = os.path.dirname(encrypted)
    before = _tree(folder)
    monkeypatch.setenv(passwords.ENV, "sai mật khẩu")
    for command in WRITERS:
        args = [a.replace("{R}", encrypted).replace("{D}", folder) for a in command]
        assert cli.main(args) == 2, args
        out = capsys.readouterr()
        assert out.out.startswith('Mật khẩu không mở được sổ "so.xlsx" (sai mật khẩu). Chưa làm '
                                  'gì, không ghi tệp nào.'), out.out
        assert "Traceback" not in out.out + out.err
        assert _tree(folder) == before, args          # nothing made, not even a folder


def test_no_password_at_hand_says_how_to_give_one(encrypted):
    res = doithoai("summary", encrypted)          # stdin is not a terminal: no prompt
    assert res.returncode == 2 and "Traceback" not in res.stdout + res.stderr
    assert "được đặt mật khẩu" in res.stdout and "--password-file" in res.stdout
    assert passwords.ENV in res.stdout


def test_the_password_comes_from_a_file_or_the_environment_never_the_command_line(
        encrypted, tmp_path):
    pw_file = tmp_path / "mk.txt"
    pw_file.write_text(PASSWORD + "\r\n", encoding="utf-8")      # as Notepad saves it
    res = doithoai("summary", encrypted, "--password-file", pw_file)
    assert res.returncode == 0 and "Đơn vị: Phường Tứ Minh" in res.stdout, res.stdout
    res = doithoai("summary", encrypted, env={passwords.ENV: PASSWORD})
    assert res.returncode == 0 and "Đơn vị: Phường Tứ Minh" in res.stdout
    res = doithoai("summary", encrypted, "--password", PASSWORD)
    assert res.returncode == 1 and "Không nhận mật khẩu ghi trên dòng lệnh" in res.stdout
    assert PASSWORD not in res.stdout + res.stderr
    (tmp_path / "trong.txt").write_text("", encoding="utf-8")
    for missing in (tmp_path / "khong-co.txt", tmp_path / "trong.txt"):
        res = doithoai("summary", encrypted, "--password-file", missing)
        assert res.returncode == 1 and str(missing) in res.stdout and "Traceback" not in \
            res.stdout + res.stderr
    helptext = doithoai("summary", "--help").stdout
    assert "--password-file" in helptext and passwords.ENV in helptext


@pytest.mark.skipif(sys.platform.startswith("win"), reason="a POSIX terminal")
def test_the_prompt_does_not_echo_what_is_typed(encrypted):
    pid, fd = pty.fork()
    if pid == 0:                                   # the child: the command at a terminal
        env = {k: v for k, v in os.environ.items() if k != passwords.ENV}
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "doithoai", "summary", encrypted], env)
    seen = b""
    typed = False
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if not typed and "chữ gõ không hiện ra".encode() in seen:
            os.write(fd, (PASSWORD + "\n").encode())
            typed = True
    _, status = os.waitpid(pid, 0)
    text = seen.decode("utf-8", "replace")
    assert typed and os.waitstatus_to_exitcode(status) == 0, text
    assert "Mật khẩu của sổ so.xlsx" in text and "Đơn vị: Phường Tứ Minh" in text
    assert PASSWORD not in text                    # not echoed


def test_the_password_never_shows_in_output_nhat_ky_or_the_crash_log(encrypted, tmp_path,
                                                                     capsys, monkeypatch):
    monkeypatch.setenv(passwords.ENV, PASSWORD)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    os.makedirs(tmp_path / "tmp")
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    folder = os.path.dirname(encrypted)
    printed = ""
    for command in WRITERS:
        args = [a.replace("{R}", encrypted).replace("{D}", folder) for a in command]
        cli.main(args + (["--today", "2026-11-20"] if args[0] in ("generate", "carry-over")
                         else []))
        out = capsys.readouterr()
        printed += out.out + out.err
    # An unexpected error while the registry is open: the log has the traceback, not the key.
    from doithoai.registry import summary
    monkeypatch.setattr(summary, "summarize", lambda reg: 1 / 0)
    assert cli.main(["summary", encrypted]) == 3
    printed += capsys.readouterr().out
    assert PASSWORD not in printed
    logs = glob.glob(str(tmp_path / "tmp" / "**" / "*.log"), recursive=True)
    assert logs and all(PASSWORD not in open(p, encoding="utf-8").read() for p in logs)
    for copy in glob.glob(os.path.join(folder, "*.xlsx")):
        if copy == encrypted or not protected.is_encrypted(copy):
            continue
        data = protected.decrypt(open(copy, "rb").read(), PASSWORD)
        wb = openpyxl.load_workbook(io.BytesIO(data))
        assert not any(PASSWORD in str(c) for ws in wb.worksheets
                       for row in ws.iter_rows(values_only=True) for c in row), copy


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")
def test_a_signal_during_an_encrypted_command_leaves_nothing_in_the_clear(encrypted, tmp_path,
                                                                          sample_paths):
    reg = reader.read_registry(sample_paths["tu-minh"])
    secrets = sorted({o.phone for o in reg.opinions if o.phone})
    rng = random.Random(11)
    folder = os.path.dirname(encrypted)
    stopped = 0
    for i in range(8):
        # Documents of the KH and BCTH kinds, then the encrypted copy with their numbers.
        args = ["generate", encrypted, "--issue", "--docs", "KH,BCTH,TB", "--out",
                f"{folder}/vb{i}", "--verbose", "--today", "2026-11-20"]
        env = dict(os.environ, **{passwords.ENV: PASSWORD, "TMPDIR": str(tmp_path)})
        p = subprocess.Popen([sys.executable, "-m", "doithoai", *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
                             stdin=subprocess.DEVNULL)
        first = p.stdout.readline()               # the registry is open: writing begins
        time.sleep(rng.random() * 1.5)            # documents, or the copy of the registry
        p.send_signal(rng.choice([signal.SIGTERM, signal.SIGINT]))
        out, err = p.communicate(timeout=120)
        out = first + out
        assert "Traceback" not in out + err and p.returncode != 3, out + err
        stopped += "Đã dừng" in out
        for path in glob.glob(str(tmp_path / "**" / "*"), recursive=True):
            if os.path.isfile(path) and not path.endswith(".docx"):
                assert not findings(open(path, "rb").read(), secrets), path
        assert not glob.glob(str(tmp_path / "**" / ".~*"), recursive=True)
        assert not glob.glob(str(tmp_path / "**" / "openpyxl.*"), recursive=True)
    assert stopped >= 1


def test_a_full_disk_while_the_encrypted_copy_is_written_leaves_no_file(encrypted, tmp_path,
                                                                      capsys, monkeypatch):
    monkeypatch.setenv(passwords.ENV, PASSWORD)
    folder = os.path.dirname(encrypted)
    before = sorted(os.listdir(folder))
    real_open = open

    def full(file, mode="r", *args, **kw):
        fh = real_open(file, mode, *args, **kw)
        if "w" in mode and os.path.basename(str(file)).startswith(".~"):
            def write(data):
                raise OSError(28, "No space left on device")
            fh.write = write
        return fh
    monkeypatch.setattr("builtins.open", full)
    code = cli.main(["privacy", encrypted, "--forget-contacts", "--out", f"{folder}/q.xlsx",
                     "--today", "2028-12-31"])
    monkeypatch.undo()
    out = capsys.readouterr()
    assert code != 0 and "Traceback" not in out.out + out.err
    assert sorted(os.listdir(folder)) == before        # no copy, no temporary, no placeholder
