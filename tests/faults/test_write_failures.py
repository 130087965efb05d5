"""Issue 26 §4: a refusal that itself fails. Every command that writes, on a full disk (a small
disk of its own: tmpfs, when this runs as root), under a file-size limit (`ulimit -f`), into a
read-only disk and into another account's folder; and the log of last resort with nowhere to
go. Each must end as an ordinary refusal: exit 1 (2 for an unreadable file), a Vietnamese
message naming the folder, the files finished before listed (whole: they open), no temporary
file left, never a traceback, never exit 3 for a write. The buttons likewise, through the
JSON book."""
import datetime as dt
import glob
import os
import shutil
import subprocess
import zipfile

import pytest

import damage
import jsonbook
import limited
from doithoai import buttons
from doithoai.files import reader
from doithoai.samples import sample
from doithoai.sharing import samplefiles

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX limits and mounts")
TODAY = "2026-11-29"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(folder, options: str) -> None:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small disk here ({done.stderr.strip() or 'not root'}): "
                    "the file-size limit test below covers the same refusal")


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a disk of its own (tmpfs) and a way to leave ``free`` bytes on it."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not ROOT:
        pytest.skip("a disk of its own needs root (mount): the file-size limit test covers "
                    "the same refusal")
    _mount(folder, "size=4m")

    def leave(free: int):
        filler = folder / "filler"
        filler.unlink(missing_ok=True)
        st = os.statvfs(folder)
        room = st.f_bavail * st.f_frsize - free
        with open(filler, "wb") as fh:
            fh.write(b"\0" * max(room, 0))
        return folder
    yield leave
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture(scope="module")
def inputs(sample_paths, tmp_path_factory):
    root = tmp_path_factory.mktemp("writes")
    reg = reader.read_registry(sample_paths["tu-minh"])
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, str(root / "mttq"),
                                           damage.RETURNED_ON)
                for c in samplefiles.sample_csvs(sample("tu-minh").folder)]
    monitors = []
    for slug in ("tu-minh", "do-luong"):
        os.makedirs(root / slug)
        code, out = damage.run_command(["monitor", sample_paths[slug], "--out",
                                        str(root / slug / "b.xlsx"), "--as-of", TODAY])
        assert code == 0, out
        monitors.append(str(root / slug / "b.xlsx"))
    return {"tu-minh": sample_paths["tu-minh"], "do-luong": sample_paths["do-luong"],
            "returned": returned, "monitors": monitors}


def writers(inputs, out):
    """Every command that writes files, each into ``out`` (name → argv)."""
    tu, do = inputs["tu-minh"], inputs["do-luong"]
    return {
        "generate": ["generate", tu, "--out", f"{out}/vb", "--today", TODAY],
        "overdue": ["overdue", do, "--out", f"{out}/dd", "--today", "2027-06-30"],
        "monitor": ["monitor", tu, "--out", f"{out}/m.xlsx", "--as-of", TODAY],
        "intake export": ["intake", "export", tu, "--plan", "KH-2026-01", "--out",
                          f"{out}/phieu"],
        "intake merge": ["intake", "merge", tu, *inputs["returned"], "--out",
                         f"{out}/nhan.xlsx", "--today", TODAY],
        "carry-over": ["carry-over", do, "--plan", "KH-2026-02", "--link", "--out",
                       f"{out}/chuyen.xlsx"],
        "rollup": ["rollup", *inputs["monitors"], "--out", f"{out}/th.xlsx",
                   "--all-provinces"],
        "init": ["init", f"{out}/moi.xlsx"],
        "build-addin": ["build-addin", "--out", f"{out}/dist"],
        "demo": ["demo", "--out", f"{out}/demo"],
    }


def _whole(path: str) -> bool:
    if path.endswith((".docx", ".xlsx", ".xlam")):
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    return True


def judge(run: dict, folder: str, expect_code: int = 1) -> list[str]:
    """What is wrong with one refused write."""
    wrong = []
    out = run["output"]
    if run["code"] != expect_code:
        wrong.append(f"exit {run['code']}")
    if "Traceback" in out or "Error" in out:
        wrong.append("traceback")
    if "Không ghi được" not in out or str(folder) not in out:
        wrong.append("folder not named")
    left = glob.glob(os.path.join(folder, "**", ".~*"), recursive=True)
    if left:
        wrong.append(f"temporary files left: {left}")
    for path in glob.glob(os.path.join(folder, "**", "*.*"), recursive=True):
        if os.path.basename(path) != "filler" and os.path.isfile(path) and not _whole(path):
            wrong.append(f"half-written {path}")
    return wrong + ([out[-500:]] if wrong else [])


# Free bytes on the small disk for each command: room for some of its files, not all.
ROOM = {"generate": 150_000, "overdue": 4_000, "monitor": 8_000, "intake export": 20_000,
        "intake merge": 20_000, "carry-over": 20_000, "rollup": 8_000, "init": 8_000,
        "build-addin": 8_000, "demo": 300_000}


def test_every_writer_on_a_full_disk(inputs, small_disk):
    wrong, finished = {}, {}
    for name, argv in writers(inputs, "DISK").items():
        disk = small_disk(ROOM[name])
        for leftover in disk.iterdir():
            if leftover.name != "filler":
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        disk = small_disk(ROOM[name])
        argv = [a.replace("DISK", str(disk)) for a in argv]
        results, code, stderr = limited.run([argv])
        assert results, stderr[-500:]
        bad = judge(results[0], str(disk))
        if "ổ đĩa đã đầy" not in results[0]["output"]:
            bad.append("not said: full disk")
        if bad:
            wrong[name] = bad
        finished[name] = "Đã ghi xong" in results[0]["output"]
    assert not wrong, wrong
    assert finished["generate"] and finished["demo"]        # what was done before is listed


def test_a_file_size_limit_is_said_as_such(inputs, tmp_path):
    """`ulimit -f`: the merged invitations (GM_tat-ca.docx, about 60 KB) past a 40 KB limit,
    after the small documents before them, which are listed; the monitoring workbook past a
    10 KB one."""
    for argv, size in (
            (["generate", inputs["tu-minh"], "--out", str(tmp_path / "vb"), "--today", TODAY],
             40_000),
            (["monitor", inputs["tu-minh"], "--out", str(tmp_path / "m.xlsx"), "--as-of",
              TODAY], 10_000)):
        results, code, stderr = limited.run([argv], file_size=size)
        assert results, stderr[-500:]
        assert not judge(results[0], str(tmp_path)), judge(results[0], str(tmp_path))
        assert "giới hạn kích thước" in results[0]["output"]
        assert argv[0] == "monitor" or "Đã ghi xong" in results[0]["output"]


@pytest.fixture
def another_accounts(tmp_path):
    """A folder this process may not write into, as another account's would be: chmod 555, and
    as root (allowed everywhere) the command run without the right to override permissions."""
    folder = tmp_path / "cua-nguoi-khac"
    folder.mkdir()
    wrapper = []
    if ROOT:
        if not shutil.which("setpriv"):
            pytest.skip("root without setpriv: permissions cannot be made to bind here")
        wrapper = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    return folder, wrapper


def test_every_writer_into_another_accounts_folder(inputs, another_accounts):
    """The folder exists and is read-only: the commands that check --out refuse before
    writing; a subfolder made earlier (van-ban/KH-2026-01 of an earlier run) is found only
    when written into, and refused then, listing what was finished."""
    folder, wrapper = another_accounts
    made = folder / "vb" / "KH-2026-01"
    made.mkdir(parents=True)
    os.chmod(made, 0o555)
    os.chmod(folder, 0o555)
    try:
        argvs = writers(inputs, str(folder))
        # The offline installer folder is refused before anything is downloaded.
        argvs["bundle"] = ["bundle", "--out", str(folder / "cai-dat")]
        results, code, stderr = limited.run(list(argvs.values()), wrapper=wrapper)
    finally:
        os.chmod(folder, 0o755)
        os.chmod(made, 0o755)
    assert len(results) == len(argvs), stderr[-500:]
    wrong = {n: judge(r, str(folder)) for n, r in zip(argvs, results)}
    assert not {n: w for n, w in wrong.items() if w}, wrong
    assert "không có quyền ghi" in results[0]["output"]


def test_a_read_only_disk(inputs, tmp_path):
    disk = tmp_path / "ro"
    disk.mkdir()
    if not ROOT:
        pytest.skip("a read-only disk of its own needs root (mount)")
    _mount(disk, "size=1m")
    try:
        (disk / "vb" / "KH-2026-01").mkdir(parents=True)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        argv = ["generate", inputs["tu-minh"], "--out", str(disk / "vb"), "--today", TODAY]
        results, code, stderr = limited.run([argv])
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
    assert results and not judge(results[0], str(disk)), results
    assert "chỉ đọc" in results[0]["output"]


def _nowhere_to_log(tmp_path) -> dict:
    """TMPDIR whose doithoai folder is a file and whose doithoai-loi.log is a folder; a home
    that is a file: no place the log of last resort tries can take it."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    (tmp / "doithoai").write_text("một tệp, không phải thư mục")
    (tmp / "doithoai-loi.log").mkdir()
    (tmp_path / "home").write_text("không phải thư mục")
    return {"TMPDIR": str(tmp), "HOME": str(tmp_path / "home")}


def test_the_handler_of_last_resort_never_raises(inputs, tmp_path):
    junk = tmp_path / "hong.xlsx"
    junk.write_bytes(b"PK\x03\x04 broken")
    env = _nowhere_to_log(tmp_path)
    plant = ("from doithoai.files import reader\n"
             "def boom(*a, **k):\n    raise ZeroDivisionError('gài lỗi')\n"
             "reader.registry_from_grids = boom\n")
    refused, code, stderr = limited.run([["summary", str(junk)]], env=env)
    crashed, code2, stderr2 = limited.run([["summary", inputs["tu-minh"]]], env=env,
                                          prelude=plant)
    tiny, code3, stderr3 = limited.run([["summary", str(junk)]], file_size=1)
    for results, exit_code in ((refused, 2), (crashed, 3), (tiny, 2)):
        run = results[0]
        assert run["code"] == exit_code, run
        assert "Traceback" not in run["output"] + run.get("stderr", "")
        assert damage.VIETNAMESE & set(run["output"].lower())
    assert "Không ghi được tệp chi tiết lỗi" in crashed[0]["output"]
    assert not stderr and not stderr2 and not stderr3


def test_doctor_says_a_file_or_a_missing_path_is_no_folder(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    for path, words in ((afile, "là một tệp, không phải thư mục"),
                        (tmp_path / "khong-co", "Không có thư mục")):
        code, out = damage.run_command(["doctor", "--documents", str(path)])
        assert code == 1 and f"✗ {path} là" in out or f"✗ Không có thư mục {path}" in out, out
        assert words in out and "✓ Ghi được" not in out
    code, out = damage.run_command(["doctor", "--documents", str(tmp_path)])
    assert f"✓ Ghi được vào thư mục {tmp_path}" in out


# --- the buttons -------------------------------------------------------------------------------

def test_a_button_on_a_full_disk_says_so(inputs, small_disk, shells):
    """Tất cả văn bản on a registry saved on a nearly full disk: one Vietnamese message naming
    the folder and the documents finished, a Nhật ký row, no exception into Excel."""
    disk = small_disk(400_000)
    registry = shutil.copy(inputs["tu-minh"], disk / "so.xlsx")
    small_disk(120_000)
    book = jsonbook.book(str(registry), name=str(registry), sheet="Kế hoạch", selection="B2")
    assert buttons.documents_all(book, today=dt.date(2026, 11, 29)) is None
    messages = shells[-1].messages
    assert len(messages) == 1 and "Không ghi được vào thư mục" in messages[0], messages
    assert "ổ đĩa đã đầy" in messages[0] and "Đã ghi xong" in messages[0]
    assert "--out" not in messages[0]
    log = [a for a in book.json()["actions"] if a["func"] == "setValues"]
    assert any("Không ghi được" in str(a) for a in log)


def test_a_button_whose_error_log_cannot_be_written(inputs, tmp_path, monkeypatch, shells):
    import tempfile
    from doithoai.rules import validation
    env = _nowhere_to_log(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", env["TMPDIR"])
    monkeypatch.setenv("HOME", env["HOME"])
    monkeypatch.setattr(validation, "validate", lambda reg, today: 1 / 0)
    folder = tmp_path / "so-cua-nguoi-khac"
    folder.mkdir()
    registry = shutil.copy(inputs["tu-minh"], folder / "so.xlsx")
    (folder / "doithoai-loi.log").mkdir()            # next to the registry: no place either
    book = jsonbook.book(str(registry), name=str(registry))
    assert buttons.validate_registry(book) is None
    messages = shells[-1].messages
    assert len(messages) == 1 and "Không ghi được tệp chi tiết lỗi" in messages[0], messages
    assert "Traceback" not in messages[0]


def test_the_province_button_on_a_full_disk_says_so(inputs, small_disk):
    """Tổng hợp các xã in a folder on a nearly full disk: one message naming the folder, no
    exception into Excel, no half-written workbook or database left."""
    disk = small_disk(2_000_000)
    for i, monitor in enumerate(inputs["monitors"]):
        shutil.copy(monitor, disk / f"xa-{i}.xlsx")
    small_disk(30_000)
    book = jsonbook.book(str(disk / "xa-0.xlsx"), name=str(disk / "xa-0.xlsx"))
    assert buttons.province_rollup(book, today=dt.date(2026, 11, 29)) is None
    messages = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert len(messages) == 1 and "Không ghi được" in messages[0], messages
    assert "Traceback" not in messages[0]
    assert not [p for p in os.listdir(disk) if p.startswith((".~", "tong-hop"))], \
        os.listdir(disk)
