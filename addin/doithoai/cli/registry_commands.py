"""The registry itself: the demo, a new blank registry, its summary."""
from __future__ import annotations

import argparse
import os

from doithoai.cli import passwords
from doithoai.registry import schema
from doithoai.cli.common import (EXIT_OK, EXIT_REFUSED, Refused, date_arg, output_file,
                                 output_folder, say, say_json)


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("demo", help="chạy mọi chức năng trên 5 đơn vị mẫu",
                       description="Tạo sổ mẫu của 5 đơn vị (mỗi đơn vị một thư mục) và chạy "
                                   "mọi chức năng hiện có trên từng sổ.")
    p.add_argument("--out", default="demo", metavar="DIR",
                   help="thư mục kết quả (mặc định: ./demo)")
    p.set_defaults(func=cmd_demo)

    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày dùng để xét tình trạng các mốc (mặc định: hôm nay)")

    p = sub.add_parser("init", help="tạo một sổ mới, trống",
                       description="Tạo sổ theo dõi mới (.xlsx) với danh mục và quy tắc thời "
                                   "hạn mặc định. Không bao giờ ghi đè tệp đã có.")
    p.add_argument("path", metavar="PATH", help="đường dẫn tệp sổ mới (.xlsx)")
    p.add_argument("--unit-type", choices=schema.lookup("Loại đơn vị").values,
                   help="loại đơn vị: ghi vào Cấu hình, và tên các cơ quan có sẵn trong Danh "
                        "mục theo đó (\"Công an phường\"); bỏ trống thì chọn sau ở Cấu hình")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("summary", help="số liệu tổng hợp của một sổ",
                       description="Đếm kế hoạch, đại biểu, ý kiến theo trạng thái và lĩnh vực.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    passwords.add_option(p)
    p.set_defaults(func=cmd_summary)


def cmd_demo(args) -> int:
    from doithoai.cli import demo
    demo.run(output_folder(args.out), echo=say, today=args.today)
    return EXIT_OK


def cmd_init(args) -> int:
    """A new registry in a folder that exists: a mistyped folder is refused, naming it, never
    made (the clerk would not find the registry where they think it is)."""
    from doithoai.files import blank
    if os.path.isdir(args.path):
        raise Refused(f"\"{os.path.abspath(args.path)}\" là một thư mục: hãy ghi cả tên tệp sổ "
                      f"mới, ví dụ {os.path.join(args.path, 'so-doi-thoai.xlsx')}.")
    new = output_file(args.path, "", "so-doi-thoai.xlsx", what="sổ mới")
    try:
        path = blank.create_blank(new, args.unit_type)
    except blank.AlreadyExists as exc:
        say(f"Không tạo: tệp \"{exc}\" đã có. Phần mềm không ghi đè sổ đang dùng; "
            "hãy chọn tên tệp khác.")
        return EXIT_REFUSED
    say(f"Đã tạo sổ mới: {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    from doithoai.files import reader
    from doithoai.registry import summary
    reg = reader.read_registry(passwords.open_registry(args))
    sm = summary.summarize(reg)
    if args.json:
        say_json(sm)
    else:
        say(summary.render(sm))
    return EXIT_OK
