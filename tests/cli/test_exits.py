"""Exits that tell the truth: signals, closed pipes, --out, missing paths, unreadable returns,
and files saved with the permissions an ordinary save gives."""
import glob
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest

from paths import ROOT


def doithoai(*args, **kw):
    return subprocess.run([sys.executable, "-m", "doithoai", *args], capture_output=True,
                          text=True, cwd=kw.pop("cwd", ROOT), timeout=300, **kw)


def test_a_closed_pipe_ends_quietly():
    for cmd in ("catalogue", "--help"):
        res = subprocess.run(f"{sys.executable} -m doithoai {cmd} | head -2", shell=True,
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr, res.stderr
        assert len(res.stdout.splitlines()) == 2


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")
def test_a_signal_during_generate_leaves_no_temporary_file(sample_paths, tmp_path):
    registry = sample_paths["tu-minh"]
    rng = random.Random(7)
    stopped = 0
    for i in range(10):
        out = tmp_path / f"out{i}"
        p = subprocess.Popen([sys.executable, "-m", "doithoai", "generate", registry, "--out",
                              str(out), "--verbose"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
        first = p.stdout.readline()              # the command is writing documents now
        time.sleep(rng.random() * 0.5)
        p.send_signal(rng.choice([signal.SIGTERM, signal.SIGINT, signal.SIGHUP]))
        stdout, stderr = p.communicate(timeout=120)
        stdout = first + stdout
        assert not glob.glob(str(out / "**" / ".~*"), recursive=True), (i, stdout)
        assert "Traceback" not in stdout + stderr and p.returncode != 3, stdout
        if "Đã dừng" in stdout:
            stopped += 1
            assert p.returncode == 1 and "không còn tệp dở dang" in stdout or \
                "tệp đang ghi dở đã được xóa" in stdout
    assert stopped >= 1            # at least one signal arrived while files were written


def test_out_is_checked_before_anything_is_written(sample_paths, tmp_path):
    registry = sample_paths["quang-son"]
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    res = doithoai("monitor", registry, "--out", str(folder), "--as-of", "2026-11-29")
    assert res.returncode == 0
    made = os.listdir(folder)
    assert len(made) == 1 and made[0].startswith("theo-doi-y-kien-") and made[0].endswith(".xlsx")
    res = doithoai("monitor", registry, "--out", str(tmp_path / "khong-co" / "x.xlsx"))
    assert res.returncode == 1 and "không có" in res.stdout and "Traceback" not in res.stdout
    a_file = tmp_path / "a.txt"
    a_file.write_text("x")
    res = doithoai("generate", registry, "--out", str(a_file))
    assert res.returncode == 1 and "là một tệp, không phải thư mục" in res.stdout
    res = doithoai("intake", "merge", registry, str(tmp_path / "nothing.xlsx"), "--out",
                   str(tmp_path / "khong-co" / "so.xlsx"))
    assert res.returncode in (1, 2) and "Traceback" not in res.stdout


def test_missing_paths_and_folders_are_named_as_such(tmp_path):
    res = doithoai("summary", str(tmp_path / "khong-co.xlsx"))
    assert res.returncode == 2 and "Không tìm thấy tệp" in res.stdout
    res = doithoai("summary", str(tmp_path))
    assert res.returncode == 2 and "là một thư mục" in res.stdout
    assert "khóa" not in res.stdout


def test_merge_exits_2_when_no_returned_file_could_be_read(sample_paths, tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    res = doithoai("intake", "merge", sample_paths["tu-minh"], str(bad),
                   "--out", str(tmp_path / "moi.xlsx"))
    assert res.returncode == 2, res.stdout
    assert "bị hỏng" in res.stdout
    # a folder (or a name mistyped) among the files: nothing read, the folder named
    res = doithoai("intake", "merge", sample_paths["tu-minh"], str(bad), str(tmp_path),
                   "--out", str(tmp_path / "moi.xlsx"))
    assert res.returncode == 2 and "Chưa nhận tệp nào" in res.stdout and \
        "là một thư mục" in res.stdout, res.stdout


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX permissions")
def test_files_get_the_permissions_of_an_ordinary_save(sample_paths, tmp_path):
    old = os.umask(0o022)
    try:
        res = doithoai("generate", sample_paths["quang-son"], "--docs", "TB", "--out",
                       str(tmp_path / "vb"))
        assert res.returncode in (0, 1)
        res = doithoai("init", str(tmp_path / "so.xlsx"))
        assert res.returncode == 0
    finally:
        os.umask(old)
    made = glob.glob(str(tmp_path / "**" / "*.*"), recursive=True)
    assert made
    for path in made:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o644, path


def test_the_command_puts_a_callers_signal_handlers_back():
    from doithoai import cli
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["catalogue"]) == 0
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_signal_while_a_finished_command_tidies_up_changes_nothing(monkeypatch, capsys):
    """The work is done and said; a Ctrl+C that arrives while the command tidies up (the cycle
    collector's last pass) neither raises out of it nor turns its success into a stop."""
    import gc
    from doithoai import cli
    real = gc.collect

    def late_signal(*args):
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args)
    before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(gc, "collect", late_signal)
    try:
        code = cli.main(["catalogue"])
    except KeyboardInterrupt:           # pytest would take it for its own stop
        code = "the late signal escaped the command"
    monkeypatch.undo()
    assert code == 0
    assert "Đã dừng" not in capsys.readouterr().out
    assert signal.getsignal(signal.SIGINT) == before


LATE = (
    "import gc, os, signal, sys, time\n"
    "from doithoai import cli\n"
    "from doithoai.cli import signals\n"
    "real = gc.collect\n"
    "def late(*a):\n"
    "    os.kill(os.getpid(), signal.SIGINT)\n"
    "    return real(*a)\n"
    "{plant}\n"
    "sys.argv = ['doithoai', 'catalogue']\n"
    "code = cli.console()\n"
    "os.kill(os.getpid(), signal.SIGINT)          # after the command, before the process ends\n"
    "time.sleep(0.2)\n"
    "sys.exit(code)\n")


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")
def test_the_program_ignores_a_signal_once_its_work_is_done(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", LATE.format(plant="gc.collect = late")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 0 and "Đã dừng" not in done.stdout


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")
def test_a_second_signal_while_stopping_does_not_interrupt_the_stop(tmp_path):
    """Ctrl+C pressed twice: the second arrives while the first stop removes half-written files
    and says so. The stop finishes its message; no traceback."""
    plant = ("def run(argv):\n"
             "    os.kill(os.getpid(), signal.SIGINT)\n"
             "    time.sleep(5)\n"
             "    return 0\n"
             "cli._run = run\n"
             "remove = signals.atomic.remove_pending\n"
             "def again():\n"
             "    os.kill(os.getpid(), signal.SIGTERM)\n"
             "    remove()\n"
             "signals.atomic.remove_pending = again")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", LATE.format(plant=plant)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 1 and "Đã dừng (Ctrl+C)" in done.stdout, done.stdout


def test_an_error_python_cannot_raise_goes_to_the_log_not_the_screen(tmp_path):
    """A signal can stop a library mid-write; its half-closed object (a zipfile) then fails in
    its own clean-up, which Python can only print ("Exception ignored in..."). The command
    logs it instead: the clerk's screen shows no traceback."""
    code = (
        "import sys\n"
        "from doithoai import cli\n"
        "class Half:\n"
        "    def __del__(self):\n"
        "        raise ValueError('cannot close the ZIP file while writing')\n"
        "def run(argv):\n"
        "    Half()\n"
        "    return 0\n"
        "cli._run = run\n"
        "sys.exit(cli.main([]))\n")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=ROOT)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr + done.stdout and "ValueError" not in done.stderr
    with open(tmp_path / "doithoai" / "loi.log", encoding="utf-8") as fh:
        assert "cannot close the ZIP file while writing" in fh.read()


def test_commands_that_read_and_compute_pause_the_cycle_collector_and_give_it_back(
        sample_paths, tmp_path, monkeypatch):
    """validate, deadlines, summary, duplicates and monitor run with Python's cycle collector
    paused (common.COLLECTOR_PAUSED, with its measure); generate keeps it (python-docx leaves
    cycles); it is on again after every command, also one that failed."""
    import gc
    import tempfile
    from doithoai import cli
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))      # the crash log goes there
    seen = {}
    for name in ("cmd_validate", "cmd_deadlines", "cmd_summary", "cmd_duplicates", "cmd_monitor",
                 "cmd_generate"):
        def spy(args, name=name):
            seen[name] = gc.isenabled()
            raise RuntimeError("stopped here")
        for group in cli.GROUPS:
            if hasattr(group, name):
                monkeypatch.setattr(group, name, spy)
    reg = sample_paths["tu-minh"]
    for argv in (["validate", reg], ["deadlines", reg], ["summary", reg], ["duplicates", reg],
                 ["monitor", reg, "--out", str(tmp_path / "m.xlsx")],
                 ["generate", reg, "--out", str(tmp_path)]):
        assert cli.main(argv) == cli.EXIT_CRASH
        assert gc.isenabled()
    assert seen == {"cmd_validate": False, "cmd_deadlines": False, "cmd_summary": False,
                    "cmd_duplicates": False, "cmd_monitor": False, "cmd_generate": True}
    commands = set(cli.build_parser()._subparsers._group_actions[0].choices)
    assert cli.common.COLLECTOR_PAUSED <= commands          # no name left behind by a rename


@pytest.mark.parametrize("when", ["before the copy", "after the copy"])
def test_an_issuing_run_stopped_says_where_its_numbers_are(when, sample_copy, tmp_path,
                                                          monkeypatch, capsys):
    """Stopped after numbered documents were written: before the copy of the registry that
    records their numbers, the clerk is told not to send them and to run the command again;
    after it, which copy holds them."""
    from doithoai import cli
    from doithoai.cli import signals
    from doithoai.files import registry_copy
    real = registry_copy.registry_copy

    def stopped(*args, **kw):
        made = real(*args, **kw) if when == "after the copy" else None
        raise signals.Interrupted(signal.SIGINT)
    monkeypatch.setattr(registry_copy, "registry_copy", stopped)
    path = sample_copy("tu-minh")
    code = cli.main(["generate", path, "--issue", "--out", str(tmp_path / "vb"),
                     "--today", "2026-11-20"])
    out = capsys.readouterr().out
    assert code == 1 and "Đã dừng (Ctrl+C)" in out
    copies = [f for f in os.listdir(os.path.dirname(path)) if "cap so" in f]
    if when == "before the copy":
        assert not copies and "chưa được ghi vào Sổ văn bản" in out and "đừng gửi" in out
    else:
        stop = out.split("Đã dừng")[-1]
        assert len(copies) == 1 and "Bản sao của sổ có số văn bản đã ghi xong" in stop
        assert copies[0] in stop.split("Bản sao của sổ")[-1]
