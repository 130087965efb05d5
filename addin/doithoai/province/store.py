"""The roll-up's data in DuckDB, an analytical database that runs inside the process.

Each used monitoring workbook is read once (python-calamine) and its rows streamed to CSV files
on disk, one per table, so memory does not grow with the number of files; DuckDB then loads
them in one COPY each (row-by-row inserts from Python are about 150 times slower) and answers
the roll-up's questions in SQL that an analyst can read. The database is saved beside the
workbook for the province's own queries.

Every count has the one definition of :mod:`doithoai.monitoring.chain`, read from the column
the monitoring workbook already computed: a repeat (Trùng với) is counted once, under its
original; answered at the meeting (Trả lời tại hội nghị), answered in writing (a reply number or
date, not at the meeting), resolved (Ngày giải quyết xong), satisfaction (Hài lòng), the
commune's own overdue items (Quá hạn) and those waiting for a superior (Chờ cấp trên), which
are never overdue; answers and resolutions given after their due date (Trả lời muộn, Giải quyết
muộn: a part of the answered, resolved), which a workbook of format 2 does not have: its rows
hold NULL there and its commune's format_version says why. Texts are masked again on the way in
(doithoai.text.privacy).
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile

from doithoai.files import atomic
from doithoai.registry import parsing, schema
from doithoai.text import privacy

TABLES = {
    "communes": ("commune_id INTEGER", "unit VARCHAR", "unit_type VARCHAR", "province VARCHAR",
                 "as_of DATE", "file VARCHAR", "format_version INTEGER"),
    "meetings": ("commune_id INTEGER", "plan_id VARCHAR", "meeting_date DATE", "form VARCHAR",
                 "issuer VARCHAR", "status VARCHAR", "opinions INTEGER"),
    "opinions": ("commune_id INTEGER", "opinion_id VARCHAR", "plan_id VARCHAR",
                 "meeting_date DATE", "source VARCHAR", "received DATE", "village VARCHAR",
                 "field VARCHAR", "content VARCHAR", "competence VARCHAR", "agency VARCHAR",
                 "level VARCHAR", "at_meeting BOOLEAN", "reply_number VARCHAR",
                 "reply_date DATE", "resolved DATE", "satisfaction VARCHAR", "stage VARCHAR",
                 "duplicate_of VARCHAR", "overdue BOOLEAN", "late_days INTEGER",
                 "waiting BOOLEAN", "answered_late BOOLEAN", "resolved_late BOOLEAN"),
    "upward": ("commune_id INTEGER", "opinion_id VARCHAR", "plan_id VARCHAR",
               "meeting_date DATE", "field VARCHAR", "content VARCHAR", "superior VARCHAR",
               "status VARCHAR"),
}
# The monitoring workbook's headers each column is read from (monitoring.workbook).
OPINION_COLUMNS = ("Mã ý kiến", "Mã KH", "Ngày hội nghị", "Nguồn", "Ngày nhận", "Thôn, tổ dân phố",
                   "Lĩnh vực", "Nội dung", "Thẩm quyền", "Cơ quan trả lời", "Cấp cơ quan",
                   "Trả lời tại hội nghị", "Số văn bản trả lời", "Ngày trả lời",
                   "Ngày giải quyết xong", "Hài lòng", "Giai đoạn", "Trùng với", "Quá hạn",
                   "Số ngày làm việc trễ", "Chờ cấp trên")
# Since format 3 (monitoring.workbook.FORMAT_VERSION): given after the due date.
LATE_COLUMNS = ("Trả lời muộn", "Giải quyết muộn")
LATE_SINCE = 3
MEETING_COLUMNS = ("Mã KH", "Ngày hội nghị", "Hình thức", "Cơ quan ban hành", "Trạng thái",
                   "Số ý kiến")
UPWARD_COLUMNS = ("Mã ý kiến", "Mã KH", "Ngày hội nghị", "Lĩnh vực", "Nội dung", "Kiến nghị tới",
                  "Tình trạng")
DATES = {"Ngày hội nghị", "Ngày nhận", "Ngày trả lời", "Ngày giải quyết xong"}
FLAGS = {"Trả lời tại hội nghị", "Quá hạn", "Chờ cấp trên", *LATE_COLUMNS}
TEXTS = {"Nội dung"}


class BadSheet(Exception):
    """A sheet without the columns the roll-up reads."""


def _date(value):
    if isinstance(value, dt.date):          # calamine gives dates as dates
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if parsing.is_blank(value):
        return None
    try:
        d = parsing.parse_date(value)
    except parsing.Unreadable:
        return None
    return d.isoformat() if d else None


def _flag(value):
    return "true" if isinstance(value, str) and value.strip() == schema.YES else "false"


def _int(value):
    if value is None or value == "":
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _text(value):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    return None if parsing.is_blank(value) else parsing.to_text(value)


def _masked(value):
    text = _text(value)
    return privacy.mask(text) if text else None   # masked again: the province checks itself


def _converter(header: str):
    if header in DATES:
        return _date
    if header in FLAGS:
        return _flag
    if header in ("Số ngày làm việc trễ", "Số ý kiến"):
        return _int
    return _masked if header in TEXTS else _text


def _records(grid, wanted: tuple[str, ...], top: int = 0):
    if not grid or len(grid) <= top:
        raise BadSheet("trang trống")
    head = [str(h).strip() if h is not None else "" for h in grid[top]]
    missing = [w for w in wanted if w not in head]
    if missing:
        raise BadSheet("thiếu cột " + ", ".join(missing))
    idx = [head.index(w) for w in wanted]
    convert = [(_converter(w), i) for w, i in zip(wanted, idx)]
    width = max(idx) + 1
    for row in grid[top + 1:]:
        if not row or parsing.is_blank(row[idx[0]] if idx[0] < len(row) else None):
            continue
        if len(row) < width:
            row = list(row) + [None] * (width - len(row))
        yield [f(row[i]) for f, i in convert]


class Store:
    """Rows streamed to CSV while the inputs are read, then loaded into DuckDB."""

    def __init__(self, folder: str | None = None):
        self.con = None
        self._files = {}
        try:
            self.folder = folder or tempfile.mkdtemp(prefix="doithoai-rollup-")
            for t in TABLES:
                self._files[t] = open(os.path.join(self.folder, f"{t}.csv"), "w", newline="",
                                      encoding="utf-8")
        except OSError as exc:          # the temporary folder is full or cannot be written
            self.close()
            raise atomic.WriteFailed(exc.filename or tempfile.gettempdir(), exc) from exc
        self._writers = {t: csv.writer(f) for t, f in self._files.items()}
        self.count = 0

    def add(self, item) -> None:
        """One used input: its identity and rows (a sheet without its columns: BadSheet, and
        nothing of this file is kept)."""
        from doithoai.files import workbook_open
        book = workbook_open.open_book(item.path, checked=item.package)   # again if changed
        grid = book.grid
        # Read all three before writing any, so a bad sheet leaves no half of a commune.
        cid = self.count + 1
        meetings = [[cid] + r for r in _records(grid("Hội nghị"), MEETING_COLUMNS)]
        late = item.version >= LATE_SINCE        # an older format: unknown (NULL), not "no"
        opinions = [[cid] + r + ([] if late else [None] * len(LATE_COLUMNS)) for r in
                    _records(grid("Theo dõi ý kiến"),
                             OPINION_COLUMNS + (LATE_COLUMNS if late else ()))]
        upward = [[cid] + r for r in _records(grid("Kiến nghị cấp trên"), UPWARD_COLUMNS)]
        self.count = cid
        try:
            self._writers["communes"].writerow([cid, item.unit, item.unit_type, item.province,
                                                item.as_of.isoformat(), item.name,
                                                item.version])
            self._writers["meetings"].writerows(meetings)
            self._writers["opinions"].writerows(opinions)
            self._writers["upward"].writerows(upward)
        except OSError as exc:          # the temporary folder filled up: the roll-up stops
            raise atomic.WriteFailed(os.path.join(self.folder, "opinions.csv"), exc) from exc

    def load(self, database: str = ":memory:"):
        """Close the CSV files and load them into DuckDB (at ``database``, a new file)."""
        import duckdb
        for f in self._files.values():
            f.close()
        # Bounded, whatever the number of communes: DuckDB spills to disk beyond its limit.
        self.con = duckdb.connect(database, config={"memory_limit": "256MB", "threads": 2})
        self.con.execute("SET enable_progress_bar = false")   # nothing printed but ours
        for table, columns in TABLES.items():
            self.con.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            path = os.path.join(self.folder, f"{table}.csv").replace("'", "''")
            if os.path.getsize(path):
                self.con.execute(f"COPY {table} FROM '{path}' (HEADER false, QUOTE '\"', "
                                 "ESCAPE '\"', NULLSTR '')")
        return self.con

    def close(self) -> None:
        for f in self._files.values():
            if not f.closed:
                try:
                    f.close()
                except OSError:         # its last bytes could not be written: it goes anyway
                    pass
        if self.con is not None:
            self.con.close()
            self.con = None
        for table in TABLES:
            try:
                os.remove(os.path.join(self.folder, f"{table}.csv"))
            except OSError:
                pass
        try:
            os.rmdir(self.folder)
        except OSError:
            pass

