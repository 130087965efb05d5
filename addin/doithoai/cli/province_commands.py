"""The province: many communes' monitoring workbooks rolled up into one."""
from __future__ import annotations

import argparse
import datetime as dt
import os

from doithoai.cli.common import (EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, Refused, output_file,
                                 say)
from doithoai.files.atomic import written_as


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("rollup", help="tổng hợp báo cáo theo dõi của nhiều xã (cho tỉnh)",
                       description="Đọc các báo cáo theo dõi (tệp doithoai monitor) các xã, "
                                   "phường gửi lên, tạo một tệp tổng hợp của tỉnh: mỗi đơn vị "
                                   "một dòng, kiến nghị cấp trên theo nơi nhận và lĩnh vực, cơ "
                                   "quan trễ hạn, xu hướng theo quý, biểu đồ; kèm cơ sở dữ liệu "
                                   "DuckDB. Mỗi tệp được ghi rõ: dùng, thay bằng bản mới hơn, "
                                   "hay để riêng và lý do. Mã thoát: 0 mọi tệp được dùng hoặc "
                                   "thay bằng bản mới hơn; 1 có tệp để riêng (tệp tổng hợp vẫn "
                                   "được tạo từ các tệp dùng được) hoặc không có tệp nào; 2 không "
                                   "tệp nào đọc được.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="tệp báo cáo theo dõi (.xlsx) hoặc thư mục chứa các tệp đó")
    p.add_argument("--out", metavar="FILE", help="tệp tổng hợp (mặc định: trong thư mục hiện "
                                                 "tại)")
    p.add_argument("--province", metavar="TÊN", help="tỉnh, thành phố tổng hợp (mặc định: "
                                                     "tỉnh mà nhiều tệp ghi nhất)")
    p.add_argument("--all-provinces", action="store_true", dest="all_provinces",
                   help="tổng hợp mọi tỉnh, thành phố (cả nước); mặc định chỉ một tỉnh")
    p.add_argument("--year", type=int, metavar="YYYY",
                   help="năm tính số hội nghị (mặc định: năm gần nhất có hội nghị đã tổ chức; "
                        "ý kiến được tính mọi năm, theo quý ở trang Theo quý)")
    p.set_defaults(func=cmd_rollup)


def cmd_rollup(args) -> int:
    from doithoai.province import rollup as ru
    from doithoai.province.inputs import SET_ASIDE
    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing:
        raise Refused("Không có: " + ", ".join(f"\"{p}\"" for p in missing) +
                      ". Kiểm tra lại tên tệp, thư mục.")
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise Refused(f"Năm {args.year} ngoài khoảng 2000-2100.")
    try:
        ru.require_engine()
    except ru.EngineMissing as exc:
        raise Refused(str(exc)) from None
    out = output_file(args.out, os.getcwd(),
                      ru.default_name(args.province or "tinh", dt.date.today()))
    res = ru.rollup(args.inputs, out, province=args.province, year=args.year,
                    all_provinces=args.all_provinces, progress=say)
    for item in res.items:
        say("- " + item.line)
    if not res.workbook:
        say("Không có tệp nào dùng được: chưa tạo tệp tổng hợp. Các xã cần gửi tệp tạo bằng nút "
            "Báo cáo theo dõi (lệnh doithoai monitor).")
        return EXIT_UNREADABLE if res.items else EXIT_REFUSED
    used = res.used
    say(f"Đã tạo tệp tổng hợp {res.workbook}{written_as(out, res.workbook)}: {len(used)} đơn vị "
        f"của {res.province}, năm {res.year}; cơ sở dữ liệu {res.database}.")
    aside = [i for i in res.items if i.outcome == SET_ASIDE]
    if aside:
        say(f"Chưa tính {len(aside)} tệp để riêng (lý do ở trên và ở trang Tệp đầu vào): đề nghị "
            "các đơn vị đó gửi lại, rồi tổng hợp lại.")
    return EXIT_REFUSED if aside else EXIT_OK
