"""The extension's side of the protocol (doithoai.libreoffice.protocol), inside LibreOffice.

Runs in LibreOffice's own Python (on Windows a bundled one, 3.7 or newer), so it uses the
standard library only and knows nothing of UNO: the component (doithoai_lo.py) hands it a
document object with the primitives (read sheets, apply a plan, status bar, dialogs) and a
``pump`` that lets LibreOffice repaint while the child works. This module starts the installed
doithoai (the Python recorded at install, in doithoai.json beside it), serves its requests and
turns changes into plans of bulk writes: pure functions, tested outside LibreOffice.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading

SETTINGS = "doithoai.json"
LOG_NAME = "doithoai-libreoffice.log"
NO_PYTHON = ("Không tìm thấy Python đã cài doithoai ({python}). Hãy cài lại: chạy lệnh "
             "\"python -m doithoai install --libreoffice\" (trên Windows: py -m doithoai install "
             "--libreoffice), đóng rồi mở lại LibreOffice.")
CHILD_FAILED = ("Không chạy được doithoai bằng Python {python}. Chi tiết đã ghi vào tệp {log}; "
                "hãy gửi tệp này cho người hỗ trợ, hoặc cài lại bằng lệnh \"python -m doithoai "
                "install --libreoffice\".")
CHILD_FAILED_NO_LOG = ("Không chạy được doithoai bằng Python {python}, và không ghi được tệp "
                       "chi tiết (thư mục tạm và thư mục của bạn đều không ghi được). Hãy chụp "
                       "thông báo này gửi cho người hỗ trợ, hoặc cài lại bằng lệnh \"python -m "
                       "doithoai install --libreoffice\".")
UNEXPECTED = ("Có lỗi không mong đợi khi bấm nút ({kind}). Nếu sổ đã bị ghi dở, bấm Ctrl+Z "
              "để hoàn tác cả lần bấm này; lưu sổ, đóng rồi mở lại LibreOffice và bấm lại. Nếu "
              "vẫn lỗi, chạy lệnh \"python -m doithoai doctor\" và gửi kết quả cho người hỗ trợ.")
BUSY = "Đang làm việc cho một nút khác; hãy đợi xong rồi bấm lại."
_RUNNING = threading.Lock()


def settings(folder):
    """The extension's data: the buttons, the menus and the recorded interpreter."""
    with open(os.path.join(folder, SETTINGS), encoding="utf-8") as fh:
        return json.load(fh)


def child_environment(environ):
    """LibreOffice's environment without what points a Python at LibreOffice's own one."""
    env = {k: v for k, v in environ.items()
           if not k.upper().startswith("PYTHON") and k.upper() not in ("LD_LIBRARY_PATH",)}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    return env


def start_child(python, function, cwd, log):
    flags = 0x08000000 if sys.platform.startswith("win") else 0     # CREATE_NO_WINDOW
    return subprocess.Popen([python, "-m", "doithoai", "lo-press", function],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                            cwd=cwd, env=child_environment(os.environ), creationflags=flags,
                            universal_newlines=True, encoding="ascii", bufsize=1)


def log_folders():
    """Where a press's log may go, in order: the temporary folder's "doithoai" (as the CLI's
    crash log), one of this account's own there, then the home folder. The first may be
    another account's on a shared computer (who pressed a button first), or a file."""
    tmp = tempfile.gettempdir()
    user = os.environ.get("USER") or os.environ.get("USERNAME") or \
        str(getattr(os, "getuid", lambda: "nguoi-dung")())
    return [os.path.join(tmp, "doithoai"), os.path.join(tmp, "doithoai-" + user),
            os.path.join(os.path.expanduser("~"), ".doithoai")]


def open_log(folders=None):
    """(the press's log opened for writing, its path) in the first folder that takes it;
    (None, None) when none does. Never raises: a log that cannot be kept fails no press. A
    folder it makes and the log are this account's alone (a failure's details may quote the
    registry), on a computer others use too."""
    for folder in folders or log_folders():
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            path = os.path.join(folder, LOG_NAME)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            return os.fdopen(fd, "w", encoding="utf-8"), path
        except Exception:       # another account's folder, a file in its place, a full disk
            continue
    return None, None


class Press:
    """One press of a button: the child started, served until it is done, a transcript kept."""

    def __init__(self, document, python, function, pump=None, log_folders=None):
        self.document = document
        self.log_folders = log_folders          # None: log_folders()
        self.python = python
        self.function = function
        self.pump = pump or (lambda: None)
        self.transcript = {"function": function, "statuses": [], "messages": [],
                           "questions": [], "done": False, "exit": None, "log": None}

    def run(self):
        if not _RUNNING.acquire(blocking=False):
            self._say(BUSY)
            return self.transcript
        try:
            self._run()
        finally:
            _RUNNING.release()
        return self.transcript

    def _run(self):
        if not self.python or not os.path.exists(self.python):
            self._say(NO_PYTHON.format(python=self.python or "chưa ghi"))
            return
        book = self.document.hello()
        log, path = open_log(self.log_folders)
        self.transcript["log"] = path
        try:
            try:
                child = start_child(self.python, self.function,
                                    book.get("folder") or tempfile.gettempdir(),
                                    log if log is not None else subprocess.DEVNULL)
            except OSError:
                self._say(NO_PYTHON.format(python=self.python))
                return
            lines = _lines_of(child.stdout)
            try:
                self._send(child, {"book": book})
                self._serve(child, lines)
            finally:
                self._finish(child)
        finally:
            if log is not None:
                log.close()
        if not self.transcript["done"]:
            self.document.status(None)
            self._say(CHILD_FAILED.format(python=self.python, log=path) if path else
                      CHILD_FAILED_NO_LOG.format(python=self.python))

    def _serve(self, child, lines):
        handlers = {"read": lambda m: self.document.read(m["sheets"]),
                    "apply": lambda m: self.document.apply(m["changes"]),
                    "status": self._status, "message": self._message, "ask": self._ask,
                    "open": lambda m: self.document.open(m["path"]),
                    "show_folder": lambda m: self.document.show_folder(m["path"]),
                    "pick_files": lambda m: self.document.pick_files(m["title"], m.get("folder"))}
        while True:
            line = _next_line(lines, self.pump)
            if line is None:
                return
            try:
                message = json.loads(line)
            except ValueError:          # not the protocol: the child is not doithoai's
                return
            if message.get("op") == "done":
                self.transcript["done"] = True
                return
            try:
                answer = {"ok": handlers[message["op"]](message)}
            except Exception as exc:            # the child turns it into a clerk's message
                answer = {"error": "{}: {}".format(type(exc).__name__, exc)}
            self._send(child, answer)

    def _status(self, m):
        self.transcript["statuses"].append(m.get("text"))
        self.document.status(m.get("text"))

    def _message(self, m):
        self._say(m["text"])

    def _ask(self, m):
        self.transcript["questions"].append(m["text"])
        return self.document.ask(m["text"])

    def _say(self, text):
        self.transcript["messages"].append(text)
        self.document.message(text)

    @staticmethod
    def _send(child, message):
        try:
            child.stdin.write(json.dumps(message, ensure_ascii=True) + "\n")
            child.stdin.flush()
        except (OSError, ValueError):   # the child has gone: its end of the story is EOF
            pass

    def _finish(self, child):
        for stream in (child.stdin, child.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.transcript["exit"] = child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            self.transcript["exit"] = child.wait()


def _lines_of(stream):
    """The child's lines, read by a thread into a queue (None at the end)."""
    q = queue.Queue()

    def reader():
        try:
            for line in stream:
                q.put(line)
        except (OSError, ValueError):
            pass
        q.put(None)
    threading.Thread(target=reader, daemon=True).start()
    return q


def _next_line(lines, pump):
    while True:
        try:
            return lines.get(timeout=0.05)
        except queue.Empty:
            pump()


# --- changes as plans of bulk writes -------------------------------------------------------------

EXCEL_EPOCH = dt.date(1899, 12, 30)
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def cell_position(ref):
    """'K12' → (10, 11): column and row, 0-based."""
    m = _CELL.match(ref.upper())
    if not m:
        raise ValueError("not a cell: " + ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(m.group(2)) - 1


def calc_formula(formula):
    """An Excel formula in LibreOffice's API notation: arguments separated by ';' (commas
    inside text are kept). The product writes only functions over text (HYPERLINK)."""
    out, quoted = [], False
    for ch in formula:
        if ch == '"':
            quoted = not quoted
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


def decode_value(value, null_date=EXCEL_EPOCH):
    """(cell value for setDataArray, its number format kind or None)."""
    if isinstance(value, dict):
        if "date" in value:
            day = dt.date(*map(int, value["date"].split("-")))
            return float((day - null_date).days), "date"
        if "datetime" in value:
            moment = dt.datetime.strptime(value["datetime"][:19], "%Y-%m-%dT%H:%M:%S")
            base = dt.datetime.combine(null_date, dt.time())
            return (moment - base).total_seconds() / 86400, "datetime"
        if "time" in value:
            h, m, s = (int(x) for x in (value["time"].split(":") + ["0", "0"])[:3])
            return (h * 3600 + m * 60 + s) / 86400, "time"
    if value is None:
        return "", None
    if isinstance(value, bool):
        return float(value), None
    return value, None


def plan_block(block, null_date=EXCEL_EPOCH):
    """What writing one block takes: the values for one setDataArray (formulas left empty,
    Excel's text marker "'=" read as text), the formulas to set after it (0-based sheet row,
    column, formula), and the number formats of its dates and times as runs of adjacent cells
    of one column (first row, last row, column, kind): only those cells, as Excel formats a
    cell it is given a date."""
    data, formulas, formats = [], [], []
    for i, row in enumerate(block["values"]):
        line = []
        for j, value in enumerate(row):
            cell, kind = decode_value(value, null_date)
            if isinstance(cell, str) and cell[:1] == "=" and len(cell) > 1:
                formulas.append((block["row"] - 1 + i, block["col"] + j, calc_formula(cell)))
                cell = ""
            elif isinstance(cell, str) and cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@"):
                cell = cell[1:]
            if kind:
                _extend_run(formats, block["row"] - 1 + i, block["col"] + j, kind)
            line.append(cell)
        data.append(tuple(line))
    return {"sheet": block["sheet"], "row": block["row"] - 1, "col": block["col"],
            "data": tuple(data), "formulas": formulas, "formats": formats}


def _extend_run(runs, row, col, kind):
    for run in runs:
        if run[2] == col and run[3] == kind and run[1] == row - 1:
            run[1] = row
            return
    runs.append([row, row, col, kind])
