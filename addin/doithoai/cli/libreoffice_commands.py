"""LibreOffice Calc: the extension built, and a button pressed for it (``lo-press``)."""
from __future__ import annotations

import argparse
import os
import sys

from doithoai.cli.common import EXIT_OK, EXIT_REFUSED, output_folder, say


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("build-extension", help="tạo phần mở rộng doithoai.oxt cho LibreOffice",
                       description="Tạo doithoai.oxt (thanh công cụ và trình đơn Đối thoại của "
                                   "LibreOffice Calc, cùng các nút như thẻ Đối thoại của Excel) "
                                   "trên mọi hệ điều hành, rồi kiểm tra tệp. Muốn cài vào máy này, "
                                   "dùng: doithoai install --libreoffice.")
    p.add_argument("--out", default="dist", metavar="DIR",
                   help="thư mục ghi tệp (mặc định: ./dist)")
    p.set_defaults(func=cmd_build_extension)

    p = sub.add_parser("lo-press", help="(phần mở rộng LibreOffice gọi; không gõ tay)",
                       description="Chạy một nút cho tài liệu đang mở trong LibreOffice Calc. "
                                   "Phần mở rộng Đối thoại gọi lệnh này và trao đổi với nó qua "
                                   "stdin/stdout; không dùng trực tiếp.")
    p.add_argument("function", metavar="FUNCTION", help="tên hàm của doithoai.buttons")
    p.set_defaults(func=cmd_lo_press)


def cmd_build_extension(args) -> int:
    from doithoai.libreoffice import extension
    from doithoai.libreoffice.tab import TabError
    try:
        path = extension.build(output_folder(args.out))
    except (TabError, extension.BuildError) as exc:
        say(str(exc))
        return EXIT_REFUSED
    say(f"Đã tạo và kiểm tra phần mở rộng LibreOffice: {path}")
    say("Kiểm tra đạt: mỗi nút của thẻ Đối thoại có trên thanh công cụ và trình đơn, XML hợp lệ, "
        "đủ thành phần và biểu tượng. Tệp này chưa ghi Python nào: để các nút chạy được, cài "
        "bằng lệnh doithoai install --libreoffice trên máy có doithoai.")
    return EXIT_OK


def cmd_lo_press(args) -> int:
    """One button for the document the extension serves over stdin/stdout. The protocol owns
    the real stdout; anything else printed goes to stderr (the extension's log file)."""
    from doithoai import buttons
    from doithoai.excel.ribbon import BUTTON_FUNCTIONS
    from doithoai.libreoffice.protocol import Channel
    from doithoai.libreoffice.shell import LibreOfficeShell
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="ascii", newline="\n")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    sys.stdin.reconfigure(encoding="ascii", newline="\n")
    if args.function not in BUTTON_FUNCTIONS:
        say(f"Không có nút {args.function}.")
        return EXIT_REFUSED
    channel = Channel(sys.stdin, protocol_out)
    shell = LibreOfficeShell.connect(channel)
    getattr(buttons, args.function)(shell)
    channel.send({"op": "done"})
    return EXIT_OK
