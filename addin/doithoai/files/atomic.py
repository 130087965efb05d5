"""Writing files so that a crash never leaves a half-written one, and a failed write (a full
disk, a read-only or another account's folder, a file-size limit) is said as such."""
from __future__ import annotations

import errno
import os
import secrets
from typing import Callable


# Temporary files being written now, and the files finished in this run: an interrupted
# command removes the first (see doithoai.cli.signals) and reports the second.
PENDING: set[str] = set()
FINISHED: list[str] = []


def _ordinary_mode() -> int:
    """The permissions an ordinary save gets (0666 less the umask), not mkstemp's 0600."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# Why a file could not be written, in the clerk's words.
_WHY = {errno.ENOSPC: "ổ đĩa đã đầy",
        getattr(errno, "EDQUOT", errno.ENOSPC): "đã hết dung lượng được cấp trên ổ đĩa",
        errno.EFBIG: "tệp vượt giới hạn kích thước máy cho phép",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.EACCES: "không có quyền ghi (thư mục của tài khoản khác, chỉ đọc, hoặc đang bị "
                      "chương trình khác khóa)",
        errno.EPERM: "không có quyền ghi (thư mục của tài khoản khác hoặc bị khóa)",
        errno.ENOENT: "thư mục không còn (đã bị xóa hoặc đổi tên)",
        errno.ENOTDIR: "trên đường dẫn có một tệp trùng tên với thư mục",
        errno.EEXIST: "đã có một tệp trùng tên với thư mục cần tạo",
        errno.EIO: "ổ đĩa bị lỗi (hoặc ổ mạng, ổ USB vừa bị rút)"}
WRITE_ERRNOS = frozenset(_WHY)


def write_error(exc: BaseException) -> OSError | None:
    """The operating system's refusal to write behind ``exc``, if any: a library writing a file
    (lxml serialising a sheet, zipfile) may raise an error of its own over it."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS:
            return exc
        code = _serialisation_errno(exc)
        if code in WRITE_ERRNOS:
            return OSError(code, str(exc))
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _serialisation_errno(exc: BaseException) -> int | None:
    """lxml's incremental writer (openpyxl writes each sheet through it, into a temporary
    file) reports the system's refusal as SerialisationError("IO_ENOSPC"), with no OSError."""
    text = str(exc)
    if type(exc).__name__ == "SerialisationError" and text.startswith("IO_"):
        return getattr(errno, text[3:], None)
    return None


def why(exc: OSError) -> str:
    """The reason of an operating system's error, in the clerk's words."""
    return _WHY.get(exc.errno, f"lỗi của hệ điều hành khi ghi tệp (mã {exc.errno})")


class WriteFailed(OSError):
    """``path`` could not be written (``cause`` says why); the files written before it in this
    run are in :data:`FINISHED`, whole; no half-written file is left."""

    def __init__(self, path: str, cause: OSError):
        super().__init__(cause.errno, cause.strerror, path)
        self.path = path
        self.cause = cause

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))


def failed(exc: OSError, elsewhere: str = "chọn thư mục khác bằng --out") -> str:
    """What a refused write says: the folder, why, which files were finished before it (whole
    and usable), and what to do (``elsewhere``: how to pick another folder, for this reader)."""
    remove_pending()
    target = os.fspath(getattr(exc, "path", None) or exc.filename or "")
    if isinstance(exc, WriteFailed):
        text = f"Không ghi được vào thư mục \"{exc.folder}\": {why(exc)}."
    else:
        text = (f"Không ghi hoặc đọc được \"{target}\": {why(exc)}." if target else
                f"Không ghi được tệp: {why(exc)}.")
    if FINISHED:
        shown = ", ".join(os.path.basename(f) for f in FINISHED[:8])
        more = f" và {len(FINISHED) - 8} tệp khác" if len(FINISHED) > 8 else ""
        where = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in FINISHED])
        text += (f" Đã ghi xong {len(FINISHED)} tệp, còn nguyên và dùng được ({shown}{more}; "
                 f"trong {where}).")
    else:
        text += " Chưa ghi xong tệp nào."
    text += " Không còn tệp ghi dở. "
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return text + f"Giải phóng chỗ trống trên ổ đĩa (hoặc {elsewhere}) rồi làm lại."
    return text + f"Hãy {elsewhere} (hoặc chép sổ vào một thư mục của mình) rồi làm lại."


def write_atomic(path: str | os.PathLike, write: Callable[[str], None], suffix: str) -> None:
    """``write(tmp)`` fills a temporary file beside ``path``, which is then renamed onto it.

    On any failure, a signal included (it arrives as an exception: doithoai.cli.signals), the
    temporary file is removed and ``path`` is left as it was; the operating system's refusal
    to write (:data:`WRITE_ERRNOS`) becomes :class:`WriteFailed`, naming ``path``.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        tmp = _new_temporary(folder, suffix)
        write(tmp)
        os.chmod(tmp, _ordinary_mode())
        os.replace(tmp, path)
        FINISHED.append(path)
    except Exception as exc:
        cause = write_error(exc)
        if cause is None or isinstance(exc, WriteFailed):
            raise
        raise WriteFailed(path, cause) from exc
    finally:
        if tmp is not None:
            remove_pending(tmp)


def move_aside(paths: list[str], into: str) -> tuple[list[str], list[str]]:
    """Each of ``paths`` moved into the folder ``into`` (made if need be), never over a file
    already there (the later one gets "-2", "-3"... before its suffix): (the new paths, the
    paths the system would not move, left where they were: on Windows, a file open in Word)."""
    moved, left = [], []
    for path in paths:
        stem, suffix = os.path.splitext(os.path.basename(path))
        target, n = os.path.join(into, stem + suffix), 1
        while os.path.exists(target):
            n += 1
            target = os.path.join(into, f"{stem}-{n}{suffix}")
        try:
            os.makedirs(into, exist_ok=True)
            os.rename(path, target)
            moved.append(target)
        except OSError:
            left.append(path)
    return moved, left


def _new_temporary(folder: str, suffix: str) -> str:
    """An empty new file ".~<random><suffix>" in ``folder``, registered as pending *before* it
    exists, so that a signal arriving at any moment leaves nothing behind."""
    while True:
        tmp = os.path.join(folder, f".~{secrets.token_hex(6)}{suffix}")
        PENDING.add(tmp)
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return tmp
        except FileExistsError:
            PENDING.discard(tmp)


def can_write_in(folder: str) -> bool:
    """Whether a new file can be made in ``folder``, found by making one (and removing it):
    permissions alone do not tell (root is allowed everywhere, yet nothing can be written
    into /proc or onto a read-only disk)."""
    try:
        tmp = _new_temporary(folder, ".tmp")
    except OSError:
        return False
    remove_pending(tmp)
    return True


def remove_pending(tmp: str | None = None) -> None:
    """Remove ``tmp`` (or every pending temporary file) if it is still there (a temporary file
    that cannot be removed either, in a folder that turned read-only, is left to the system)."""
    for name in [tmp] if tmp else list(PENDING):
        PENDING.discard(name)
        try:
            os.unlink(name)
        except OSError:
            pass


def write_bytes_atomic(path: str | os.PathLike, data: bytes, suffix: str) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    write_atomic(path, write, suffix)


# The attribute under which an openpyxl workbook keeps the long lists that files.listrows
# writes into it when it saves it: such a workbook is saved by listrows, never by a plain save.
LISTS = "doithoai_lists"


def _plain(wb):
    """``wb.save``, refused for a workbook with lists (it would write them empty)."""
    if getattr(wb, LISTS, None):
        raise ValueError("a workbook with announced lists is saved by files.listrows")
    return wb.save


def save_atomic(wb, path: str | os.PathLike) -> None:
    """Save an openpyxl workbook through a temporary file beside ``path``, then rename."""
    write_atomic(path, _plain(wb), ".xlsx")


def free_path(path: str) -> str:
    """``path``, or "name (2).ext", "name (3).ext"… if it exists (a name to propose; a file is
    written under it with :func:`write_new`, which claims the name)."""
    base, ext = os.path.splitext(path)
    n = 2
    while os.path.lexists(path):
        path = f"{base} ({n}){ext}"
        n += 1
    return path


def claim(path: str, next_free: bool = True) -> str:
    """A free name at ``path`` ("name (2).ext"… when taken; FileExistsError without
    ``next_free``), made as an empty file by an exclusive create: two commands writing to one
    name at the same moment each get their own (the second, "name (2)"), never one file for
    both. The empty file is pending (removed if the command stops) until :func:`write_atomic`
    puts the written one in its place. A name the system refuses to make (a full disk, a
    read-only or another account's folder) is :class:`WriteFailed`, naming it."""
    base, ext = os.path.splitext(os.fspath(path))
    candidate, n = os.fspath(path), 2
    while True:
        PENDING.add(candidate)
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _ordinary_mode()))
            return candidate
        except FileExistsError:
            PENDING.discard(candidate)
            if not next_free:
                raise
            candidate = f"{base} ({n}){ext}"
            n += 1
        except OSError as exc:
            PENDING.discard(candidate)
            raise WriteFailed(candidate, exc) from exc


def written_as(asked: str | None, actual: str) -> str:
    """" (đã có tệp …, nên ghi sang tên này; tệp kia giữ nguyên)" when a file went to another
    name than the one asked for (:func:`claim` took the next free one), for the sentence that
    names the file written; "" otherwise."""
    if asked and os.path.abspath(asked) != os.path.abspath(actual):
        return (f" (đã có tệp {os.path.basename(asked)}, hoặc lệnh khác đang ghi tệp đó, nên "
                "ghi sang tên này; tệp kia giữ nguyên)")
    return ""


def all_written_as(pairs: list[tuple[str | None, str]]) -> str:
    """:func:`written_as` of several files written at once ((asked, actual) each), said once."""
    moved = [(asked, actual) for asked, actual in pairs if written_as(asked, actual)]
    if len(moved) < 2:
        return written_as(*moved[0]) if moved else ""
    return (f" (đã có {len(moved)} tệp cùng tên, như {os.path.basename(moved[0][0])}, hoặc lệnh "
            "khác đang ghi các tệp đó, nên các tệp mới mang thêm số (2), (3)…; tệp cũ giữ "
            "nguyên)")


def write_new(path: str | os.PathLike, write: Callable[[str], None], suffix: str,
              next_free: bool = True) -> str:
    """Write a new file at ``path`` (or the free name :func:`claim` gives), atomically, never
    replacing a file that exists or that another command is writing; returns where it went."""
    target = claim(os.fspath(path), next_free)
    try:
        write_atomic(target, write, suffix)
    except BaseException:
        remove_pending(target)
        raise
    PENDING.discard(target)
    return target


def save_new(wb, path: str | os.PathLike, next_free: bool = True) -> str:
    """:func:`write_new` for an openpyxl workbook."""
    return write_new(path, _plain(wb), ".xlsx", next_free)
