"""The ``doithoai`` command: English subcommands, Vietnamese output for the clerk.

Each subcommand is a small function over the core; none of them writes into an existing
registry (architecture.md, decision 3). Exit codes: 0 success, 1 refused or problems found,
2 the input cannot be read at all, 3 an unexpected error (details in a log file).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback

from . import __version__

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, EXIT_CRASH = 0, 1, 2, 3


def _out(text: str = "") -> None:
    print(text)


def cmd_demo(args) -> int:
    from . import demo
    demo.run(args.out, echo=_out)
    return EXIT_OK


def cmd_init(args) -> int:
    from . import template
    try:
        path = template.create_blank(args.path)
    except template.AlreadyExists as exc:
        _out(f"Không tạo: tệp \"{exc}\" đã có. Phần mềm không ghi đè sổ đang dùng; "
             "hãy chọn tên tệp khác.")
        return EXIT_REFUSED
    _out(f"Đã tạo sổ mới: {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    from . import reader, summary
    reg = reader.read_registry(args.path)
    sm = summary.summarize(reg)
    if args.json:
        _out(json.dumps(sm, ensure_ascii=False, indent=2))
    else:
        _out(summary.render(sm))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doithoai",
        description="Sổ theo dõi hội nghị đối thoại giữa chính quyền cấp xã với Nhân dân: "
                    "tạo sổ, đọc, kiểm tra, tính hạn và tạo văn bản.")
    parser.add_argument("--version", action="version", version=f"doithoai {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("demo", help="chạy mọi chức năng trên 5 đơn vị mẫu",
                       description="Tạo sổ mẫu của 5 đơn vị (mỗi đơn vị một thư mục) và chạy "
                                   "mọi chức năng hiện có trên từng sổ.")
    p.add_argument("--out", default="demo", metavar="DIR",
                   help="thư mục kết quả (mặc định: ./demo)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("init", help="tạo một sổ mới, trống",
                       description="Tạo sổ theo dõi mới (.xlsx) với danh mục và quy tắc thời "
                                   "hạn mặc định. Không bao giờ ghi đè tệp đã có.")
    p.add_argument("path", metavar="PATH", help="đường dẫn tệp sổ mới (.xlsx)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("summary", help="số liệu tổng hợp của một sổ",
                       description="Đếm kế hoạch, đại biểu, ý kiến theo trạng thái và lĩnh vực.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=cmd_summary)
    return parser


def _log_crash() -> str:
    folder = os.path.join(tempfile.gettempdir(), "doithoai")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "loi.log")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(traceback.format_exc() + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    args = build_parser().parse_args(argv)
    from .reader import RegistryUnreadable
    try:
        return args.func(args)
    except RegistryUnreadable as exc:
        _out(str(exc))
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        _out("Đã dừng theo yêu cầu.")
        return EXIT_REFUSED
    except Exception as exc:  # a clerk never sees a traceback
        log = _log_crash()
        _out(f"Có lỗi không mong đợi ({type(exc).__name__}). Chi tiết đã ghi vào {log}; "
             "hãy gửi tệp này cho người hỗ trợ.")
        return EXIT_CRASH


if __name__ == "__main__":
    sys.exit(main())
