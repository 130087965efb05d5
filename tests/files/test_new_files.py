"""New files never replace one another (issue 26 §2): two commands writing to one name at the
same moment each keep their own file, and say where it went; a registry open in Excel or
LibreOffice is named before a command forks it into a copy to be used from now on."""
import datetime as dt
import os
import subprocess
import sys
import threading

import openpyxl
import pytest

from doithoai import cli
from doithoai.files import atomic, blank, reader
from doithoai.samples import sample
from doithoai.sharing import samplefiles


def test_writers_racing_for_one_name_each_get_their_own(tmp_path):
    """Eight threads write "so.xlsx" at once: eight files, each with its own words (the old
    way, checking the name then renaming onto it, left one file for all eight)."""
    target = str(tmp_path / "so.txt")
    start = threading.Barrier(8)
    got = {}

    def one(n):
        start.wait()
        got[n] = atomic.write_new(target, lambda tmp: open(tmp, "w").write(f"run {n}"), ".txt")

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(got.values())) == 8
    for n, path in got.items():
        with open(path) as fh:
            assert fh.read() == f"run {n}"
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in got.values())


def _text(value):
    return lambda tmp: open(tmp, "w").write(value)


def test_another_run_writing_meanwhile_keeps_its_file(tmp_path):
    """Another run writes the same name while this one is writing: with the old way (a free
    name looked up, then the file renamed onto it) the other run's file is replaced; with
    write_new both stay."""
    target = str(tmp_path / "so.txt")

    def this_run_old(tmp):
        _text("this run")(tmp)
        atomic.write_atomic(atomic.free_path(target), _text("other run"), ".txt")

    atomic.write_atomic(atomic.free_path(target), this_run_old, ".txt")
    assert os.listdir(tmp_path) == ["so.txt"] and open(target).read() == "this run"   # lost

    os.remove(target)
    other = []

    def this_run(tmp):
        _text("this run")(tmp)
        other.append(atomic.write_new(target, _text("other run"), ".txt"))

    mine = atomic.write_new(target, this_run, ".txt")
    assert {open(mine).read(), open(other[0]).read()} == {"this run", "other run"}
    assert sorted(os.listdir(tmp_path)) == ["so (2).txt", "so.txt"]


def test_init_never_replaces_a_registry_made_meanwhile(tmp_path, monkeypatch):
    """`init` checked that the name was free, then saved onto it: a registry made in between by
    another init was replaced."""
    path = str(tmp_path / "so.xlsx")
    real = atomic.write_atomic

    def someone_else_first(p, write, suffix):
        if not os.path.getsize(p):                   # our claimed, still empty name: fine
            return real(p, write, suffix)
        raise AssertionError("replaced a file")
    monkeypatch.setattr(atomic, "write_atomic", someone_else_first)
    blank.create_blank(path)
    with pytest.raises(blank.AlreadyExists):
        blank.create_blank(path)


@pytest.fixture
def returned(sample_paths, tmp_path):
    path = sample_paths["tu-minh"]
    reg = reader.read_registry(path)
    folder = tmp_path / "returned"
    folder.mkdir()
    files = [samplefiles.build_returned(reg, "KH-2026-01", c, str(folder), dt.date(2026, 5, 18))
             for c in samplefiles.sample_csvs(sample("tu-minh").folder)]
    return path, files


def test_two_merges_at_once_to_one_out_keep_both(returned, tmp_path):
    """Two `intake merge` runs with the same --out at the same moment: both said they wrote
    the file, which held one run's rows (10 of 10 tries). Now each has its own file, and the
    second says it wrote another name."""
    path, files = returned
    out = str(tmp_path / "so-moi.xlsx")
    runs = [subprocess.Popen([sys.executable, "-m", "doithoai", "intake", "merge", path, f,
                              "--out", out], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for f in files]
    said = [p.communicate(timeout=300)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], said
    written = sorted(f for f in os.listdir(tmp_path) if f.startswith("so-moi"))
    assert written == ["so-moi (2).xlsx", "so-moi.xlsx"], written
    assert sum("ghi sang tên này" in s for s in said) == 1
    added = []
    for name in written:
        ws = openpyxl.load_workbook(tmp_path / name, read_only=True)["Ý kiến"]
        added.append(sum(1 for r in ws.iter_rows(values_only=True)
                         if r[2] == "MTTQ chuyển"))
    assert all(added), added


@pytest.mark.parametrize("lock", [".~lock.{name}#", "~${name}"])
def test_a_registry_open_elsewhere_is_named_before_it_is_forked(returned, tmp_path, capsys,
                                                                  lock):
    path, files = returned
    import shutil
    registry = tmp_path / "so.xlsx"
    shutil.copy(path, registry)
    (tmp_path / lock.format(name="so.xlsx")).write_text(",Lương Thị Hoa,MAY-VP,05.12.2026,")
    assert cli.main(["intake", "merge", str(registry), files[0]]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("Lưu ý: sổ so.xlsx đang được mở") and lock.format(
        name="so.xlsx") in first
    if lock.startswith(".~"):
        assert "người mở: Lương Thị Hoa" in first


@pytest.mark.parametrize("where", ["a-file/x.xlsx", "gone/x.xlsx"])
def test_a_name_the_system_refuses_to_claim_is_a_write_failure(tmp_path, monkeypatch, where):
    """claim() where no file can be made (a path through a file, a folder that is gone: what a
    full or read-only disk also gives) is atomic.WriteFailed naming the folder, said as an
    ordinary refusal, with nothing left pending; never a bare OSError (exit 3)."""
    monkeypatch.setattr(atomic, "FINISHED", [])      # this run's files: none yet
    (tmp_path / "a-file").write_text("x")
    target = str(tmp_path / where)
    with pytest.raises(atomic.WriteFailed) as caught:
        atomic.claim(target)
    assert caught.value.path == target and target not in atomic.PENDING
    said = atomic.failed(caught.value)
    assert os.path.dirname(target) in said and "Chưa ghi xong tệp nào" in said
