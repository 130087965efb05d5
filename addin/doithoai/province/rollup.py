"""``doithoai rollup``: many communes' monitoring workbooks into one province workbook, with the
DuckDB database beside it."""
from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
from dataclasses import dataclass, field

from doithoai.files import atomic, package
from doithoai.files.atomic import PENDING, claim, remove_pending
from doithoai.files.package import PackageRefused
from doithoai.files.listrows import save_atomic
from doithoai.province import inputs as inp
from doithoai.province.store import BadSheet, Store


class EngineMissing(Exception):
    """DuckDB is not installed (the province's bundle has it; a commune's does not)."""


@dataclass
class Result:
    items: list = field(default_factory=list)
    province: str = ""
    year: int = 0                  # of the conferences counted
    as_of_year: int = 0            # the newest workbook's: the year when no conference was held
    workbook: str | None = None
    database: str | None = None

    @property
    def used(self) -> list:
        return [i for i in self.items if i.outcome == inp.USED]


def require_engine() -> None:
    try:
        import duckdb  # noqa: F401
    except ImportError as exc:
        raise EngineMissing(
            "Máy này chưa có DuckDB, bộ máy phân tích dùng để tổng hợp nhiều xã. Cài bản dành cho "
            "tỉnh: python -m pip install \"doithoai[province]\" (hoặc bộ cài của tỉnh).") from exc


def rollup(paths, out: str, *, province: str | None = None, year: int | None = None,
           all_provinces: bool = False, progress=None) -> Result:
    """Identify every input, load the used ones, write the workbook and the database. Writes
    nothing when no input can be used."""
    require_engine()
    say = progress or (lambda text: None)
    items, province = inp.decide(_identified(inp.expand(paths), say), province, all_provinces)
    res = Result(items=items, province=province)
    used = [i for i in items if i.outcome == inp.USED]
    if not used:
        return res
    # Of the conferences: the one given, else the latest year a conference was held in (a
    # year-end report made in January is of the year before), once the store can say.
    res.year = year or 0
    res.as_of_year = max(i.as_of for i in used).year
    store = Store()
    try:
        _load(store, used, say)
        if store.count:
            res.workbook, res.database = _write(store, res, out)
        return res
    finally:
        store.close()


def _identified(files: list[str], say) -> list:
    """Each file opened and identified (who sent it, or why it cannot be used)."""
    if len(files) > 1:
        package.many_files_ahead()
    items = []
    for n, path in enumerate(files, 1):
        items.append(inp.identify(path))
        if n % 100 == 0:
            say(f"Đã đọc nhận dạng {n}/{len(files)} tệp…")
    return items


def _load(store: Store, used: list, say) -> None:
    """Each used file's sheets into the store; a file whose content cannot be read is set
    aside with its reason, the others go on."""
    for n, item in enumerate(used, 1):
        try:
            store.add(item)
        except BadSheet as exc:
            item.set_aside(f"báo cáo theo dõi thiếu dữ liệu ({exc})")
        except PackageRefused as exc:
            item.set_aside(exc.reason)
        except Exception as exc:           # a sheet calamine cannot read: this file only
            item.set_aside(f"không đọc được nội dung ({type(exc).__name__})")
        if n % 100 == 0:
            say(f"Đã nạp {n}/{len(used)} đơn vị…")


def _write(store: Store, res: Result, out: str) -> tuple[str, str]:
    """The workbook and the database, under names claimed first (never replacing a file);
    a name claimed and not written, and a half-written database, are removed."""
    target = claim(out)
    database = tmp_db = None
    try:
        database = claim(os.path.splitext(target)[0] + ".duckdb")
        tmp_db = database + ".tmp"
        with _database_writes(tmp_db):
            con = store.load(tmp_db)
        from doithoai.province.book import build
        from doithoai.province.queries import latest_year
        res.year = res.year or latest_year(con) or res.as_of_year
        wb = build(con, res.items, res.province, res.year, os.path.basename(database))
        save_atomic(wb, target)             # in place of the name claimed
        PENDING.discard(target)
        with _database_writes(tmp_db):
            con.execute("CHECKPOINT")
            con.close()
            store.con = None
            os.replace(tmp_db, database)
        PENDING.discard(database)
        return target, database
    finally:
        store.close()                           # the database's file is let go before
        for leftover in ((tmp_db, tmp_db + ".wal") if tmp_db else ()):
            try:                                # stopped before the database was complete
                os.remove(leftover)
            except OSError:                     # not there, or its folder turned read-only
                pass
        for name in (target, database):         # names claimed, never written
            if name in PENDING:
                remove_pending(name)


@contextlib.contextmanager
def _database_writes(path: str):
    """DuckDB's own errors when its file cannot be written (a full disk, a read-only folder)
    said as the write failure they are (files.atomic.WriteFailed), naming the file."""
    import duckdb
    try:
        yield
    except (duckdb.IOException, duckdb.PermissionException) as exc:
        text = str(exc).lower()
        code = errno.ENOSPC if "space" in text else errno.EACCES if "permission" in text \
            else errno.EIO
        raise atomic.WriteFailed(path, OSError(code, str(exc), path)) from exc


def default_name(province: str, today: dt.date) -> str:
    from doithoai.text.filenames import safe_file
    from doithoai.text.vntext import title_slug
    return safe_file(f"tong-hop-{title_slug(province or 'tinh')}-{today:%Y%m%d}", ".xlsx")
