"""The log of last resort: where the technical details of an error go (never the clerk's
screen), written in a way that itself never fails the answer the clerk is waiting for."""
from __future__ import annotations

import os
import tempfile


def places(first: list[str] | None = None) -> list[str]:
    """Where the log may go, in order: ``first`` (for a button: next to the registry), the
    system's temporary folder, then the user's own folder. Any of them may be a file, full,
    another account's, read-only or under a size limit."""
    tmp = tempfile.gettempdir()
    return (first or []) + [
        os.path.join(tmp, "doithoai", "loi.log"), os.path.join(tmp, "doithoai-loi.log"),
        os.path.join(os.path.expanduser("~"), "doithoai-loi.log")]


def write(text: str, first: list[str] | None = None) -> str | None:
    """``text`` appended to the first place that takes it; that file, or None. Never raises."""
    for path in places(first):
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text)
            return path
        except Exception:       # a full disk, a file where the folder should be, a size limit
            continue
    return None


def words(kind: str, log: str | None, doing: str = "") -> str:
    """The message of an unexpected error (``doing``: while doing what), with where its
    details went, or that they could not be kept."""
    head = f"Có lỗi không mong đợi{' khi ' + doing if doing else ''} ({kind})."
    if log:
        return f"{head} Chi tiết đã ghi vào {log}; hãy gửi tệp này cho người hỗ trợ."
    return (f"{head} Không ghi được tệp chi tiết lỗi (thư mục tạm {tempfile.gettempdir()} và "
            "thư mục của bạn đều không ghi được: ổ đầy hoặc bị khóa); hãy chụp thông báo này "
            "gửi cho người hỗ trợ.")
