"""Follow-up: the monitoring workbook, opinions carried over to a new plan."""
from __future__ import annotations

import argparse
import os

from doithoai.cli import passwords
from doithoai.cli.common import (EXIT_OK, copy_target, date_arg, output_file, require_plan, say,
                                 warn_if_open)
from doithoai.files.atomic import written_as
from doithoai.registry import logbook


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("monitor", help="báo cáo theo dõi ý kiến (cho Đảng ủy, MTTQ)",
                       description="Tạo tệp Excel riêng, chỉ để xem: mỗi ý kiến một dòng với "
                                   "chuỗi xử lý, hạn và số ngày trễ; mỗi cơ quan còn nợ một "
                                   "trang; bảng tổng hợp và biểu đồ. Không có số điện thoại, "
                                   "địa chỉ nhà.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--out", metavar="FILE", help="tệp báo cáo (mặc định: cạnh tệp sổ)")
    p.add_argument("--as-of", "--today", type=date_arg, metavar="YYYY-MM-DD", dest="as_of",
                   help="tính đến hết ngày này (mặc định: hôm nay); những gì sổ ghi sau "
                        "ngày đó không được tính")
    passwords.add_option(p)
    p.set_defaults(func=cmd_monitor)

    p = sub.add_parser("carry-over", help="ý kiến tồn của các hội nghị trước",
                       description="Liệt kê ý kiến của các hội nghị trước chưa giải quyết xong; "
                                   "--link chuyển chúng vào kế hoạch mới (Trùng với ghi mã gốc) "
                                   "trên một bản sao của sổ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--plan", required=True, metavar="ID", help="kế hoạch mới")
    p.add_argument("--link", action="store_true", help="thêm các dòng liên kết vào kế hoạch mới")
    p.add_argument("--out", metavar="NEWPATH", help="tệp sổ mới (với --link)")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày xét (mặc định hôm nay): chỉ các hội nghị đã diễn ra trước ngày này")
    passwords.add_option(p)
    p.set_defaults(func=cmd_carry_over)


def cmd_monitor(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.files.protected import spoken_password
    from doithoai.monitoring import chain, workbook
    from doithoai.registry import personal
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    as_of = args.as_of or dt.date.today()
    out = output_file(args.out, os.path.dirname(os.path.abspath(args.path)),
                      workbook.default_name(reg, as_of))
    # Names of citizens (Cấu hình says so) from a registry with a password: the workbook gets a
    # password of its own, to be read to its readers; without names it holds no personal data.
    password = spoken_password() if opened.encrypted and chain.names_shown(reg) else None
    path, chains = workbook.write(reg, out, as_of, os.path.basename(args.path), password)
    say(f"Đã tạo báo cáo theo dõi {path}{written_as(out, path)}: {chain.counts_said(chains)} "
        f"(tính đến {as_of:%d/%m/%Y}).")
    left = workbook.left_out(reg, as_of)
    if left:
        say(left)
    say("Tệp chỉ để xem, không có số điện thoại, địa chỉ nhà; gửi cho Văn phòng Đảng ủy, "
        "Ủy ban MTTQ.")
    if password:
        say(f"Tệp ghi họ tên người nêu ý kiến nên có mật khẩu riêng: {password} (gõ cả dấu gạch "
            "ngang; chỉ in ra lần này: đọc cho người nhận qua điện thoại, không gửi kèm tệp).")
    if chain.names_shown(reg):      # no copy of the registry is written: Nhật ký cannot hold it
        say(personal.Release("báo cáo theo dõi có họ tên người nêu", "Văn phòng Đảng ủy, Ủy "
                             "ban MTTQ", chain.people_named(chains), bool(password)).summary()
            + " (Nhật ký của sổ không ghi được: lệnh không sửa sổ.)")
    return EXIT_OK


def cmd_carry_over(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    from doithoai.monitoring import carryover
    from doithoai.registry import personal
    from doithoai.registry import schema
    from doithoai.registry.changes import append_rows
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    plan = require_plan(reg, args.plan)
    carryover.refuse_cancelled(reg, plan)
    # checked before work
    target = copy_target(args.path, args.out, "chuyen ton") if args.link else None
    if args.link:
        warn_if_open(args)
    todo = carryover.unresolved_before(reg, plan, args.today or dt.date.today())
    for o in todo:
        say(f"{o.opinion_id} ({o.plan_id}, {o.agency or 'chưa phân công'}): {o.content[:80]}")
    say(f"{len(todo)} ý kiến của các hội nghị trước {plan.plan_id} chưa giải quyết xong.")
    other = carryover.elsewhere_note(reg, plan, args.today or dt.date.today())
    if other:
        say(other)
    if not args.link:
        return EXIT_OK
    ch, made = carryover.link(reg, plan, args.today or dt.date.today())
    if not made:
        say("Đã chuyển từ trước: không thêm dòng nào, không ghi bản sao nào; sổ giữ nguyên.")
        return EXIT_OK
    append_rows(reg, schema.LOG, logbook.rows(
        "Chuyển ý kiến tồn", f"{len(made)} ý kiến vào {plan.plan_id}", "",
        [personal.copy_release(reg, opened.encrypted, "chuyển ý kiến tồn", ch)]), ch)
    written = registry_copy.registry_copy(opened, ch, target=target)
    say(f"Đã chuyển {len(made)} ý kiến vào {plan.plan_id} (Trùng với ghi mã gốc) trong bản sao "
        f"{written}{written_as(target, written)}; sổ gốc không bị sửa.")
    return EXIT_OK
