"""A new copy of a registry with changes applied: the headless way to "save" what a command did.

The headless path never saves a registry in place (docs/architecture.md, decision 3); in Excel the
buttons write into the open workbook instead.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from doithoai.files import blank, dashboard_sheet, protected
from doithoai.files.apply_changes import apply_to_openpyxl
from doithoai.files.protected import Opened
from doithoai.registry import schema
from doithoai.registry.changes import Changes
from doithoai.registry.dashboard_layout import LAYOUT_MARK, SHEET


def load_for_copy(path: str | Opened):
    """The registry as openpyxl holds it, to be copied with changes: checked first like every
    file (files/package.py); one openpyxl cannot load (a style or a part it does not accept,
    which python-calamine passes over) is refused, before anything is written (exit 2). A
    registry opened with its password is read from memory."""
    import openpyxl
    from doithoai.files import package
    from doithoai.files.reader import RegistryUnreadable
    opened = path if isinstance(path, Opened) else Opened(path)
    try:
        # openpyxl reads every part: the same checks as every reader
        package.check(opened.plain if opened.encrypted else opened.path)
        return openpyxl.load_workbook(opened.source())
    except package.PackageRefused as exc:
        raise RegistryUnreadable(f"Không đọc được tệp \"{opened.name}\": {exc.sentence()} "
                                 "Không tạo bản sao nào.",
                                 detail=exc.detail or exc.reason) from None
    except Exception as exc:        # openpyxl raises many kinds for a part it cannot take
        raise RegistryUnreadable(
            f"Không tạo được bản sao của \"{opened.name}\": tệp có phần định dạng hoặc cấu trúc "
            "bị hỏng (đọc được số liệu nhưng không chép lại được). Hãy mở tệp bằng Excel, lưu "
            "lại rồi thử lại. Phần mềm chưa ghi tệp nào.",
            detail=f"{type(exc).__name__}: {exc}") from None


# What an earlier copy added to the name ("so (cap so 20261206-1650)", and "(2)" when that name
# was taken): a copy of a copy gets one stamp, its own, not one more each time.
_STAMPED = re.compile(r"(?: \([A-Za-z ]+ \d{8}-\d{4}\)(?: \(\d+\))?)+$")


def copy_name(registry: str, label: str = "cap so") -> str:
    """The name a copy of ``registry`` is given beside it when none is asked for: the
    registry's own, with what the copy holds and when it was made ("so (cap so
    20261206-1650).xlsx"). A copy made in the same minute gets " (2)" (files.atomic.claim): a
    command that names the copy says why with files.atomic.written_as, given this name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    stem, ext = os.path.splitext(registry)
    return f"{_STAMPED.sub('', stem)} ({label} {stamp}){ext}"


def registry_copy(path: str | Opened, changes: Changes, label: str = "cap so",
                  target: str | None = None, wb=None) -> str:
    """A new workbook beside ``path`` with ``changes`` applied; the registry itself is untouched.

    The headless path never saves a registry in place (docs/architecture.md, decision 3); in Excel
    the buttons write into the open workbook instead. An existing ``target`` is never replaced.
    A registry opened with its password (files.protected.Opened) is read from memory and its
    copy encrypted with the same password: no decrypted byte reaches the disk. ``wb``: the
    registry already loaded by :func:`load_for_copy` (a command that writes other files first
    loads it before them, so a registry that cannot be copied is refused first).
    """
    opened = path if isinstance(path, Opened) else Opened(path)
    target = target or copy_name(opened.path, label)
    wb = wb if wb is not None else load_for_copy(opened)
    _restore_charts(wb)
    for sheet in {b.sheet for b in changes.blocks} - set(wb.sheetnames):
        blank.add_product_sheet(wb, schema.SHEETS_BY_NAME[sheet])   # a sheet added later
    apply_to_openpyxl(wb, changes)
    # never the registry, never an existing file
    return protected.write_new(target, lambda out: protected.save_workbook(wb, out),
                               opened.password)


def _restore_charts(wb) -> None:
    """openpyxl drops charts it loads: the Tổng hợp charts, defined by the template over fixed
    ranges, are put back on a copy whose sheet has that layout."""
    if SHEET in wb.sheetnames:
        ws = wb[SHEET]
        if ws["A1"].value == LAYOUT_MARK and not ws._charts:
            dashboard_sheet.add_charts(ws)
