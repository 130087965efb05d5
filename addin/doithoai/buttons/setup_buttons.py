"""Kiểm tra cài đặt: the doctor's checks, from Excel."""
from __future__ import annotations

from doithoai.buttons.common import run


def check_install(book=None) -> str | None:
    """Kiểm tra cài đặt: the doctor's checks, each with its fix, in a message."""
    def work(shell):
        from doithoai.installer import doctor
        checks = doctor.run(doctor.real_machine(shell.folder))
        return doctor.render(checks), ""
    return run("Kiểm tra cài đặt", book, work, logged=False)
