"""Rules: working days and due dates, deadlines, validation and its catalogue."""
from __future__ import annotations

import argparse

from doithoai.cli import passwords
from doithoai.cli.common import (EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, copy_target, date_arg,
                                 say, say_json, warn_if_open)
from doithoai.files.atomic import written_as


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("due", help="tính một ngày hạn theo ngày làm việc",
                       description="Tính ngày hạn từ DATE cộng (hoặc trừ) N ngày. Dòng cuối là "
                                   "ngày kết quả dạng YYYY-MM-DD.")
    p.add_argument("date", type=date_arg, metavar="DATE", help="ngày gốc (YYYY-MM-DD hoặc dd/mm/yyyy)")
    p.add_argument("n", type=int, metavar="N", help="số ngày")
    p.add_argument("--working", action="store_true",
                   help="N là ngày làm việc (không tính ngày gốc); nếu không: ngày lịch, gặp "
                        "ngày nghỉ thì chuyển sang ngày làm việc tiếp theo")
    p.add_argument("--before", action="store_true",
                   help="đếm lùi: \"chậm nhất N ngày trước DATE\"; gặp ngày nghỉ thì lùi về "
                        "ngày làm việc liền trước")
    p.add_argument("--registry", metavar="PATH",
                   help="áp dụng trang Ngày nghỉ của sổ này")
    p.add_argument("--explain", action="store_true", help="in cách tính trước kết quả")
    passwords.add_option(p)
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("deadlines", help="các mốc thời gian và tình trạng",
                       description="Áp dụng Quy tắc thời hạn cho mọi kế hoạch và ý kiến của "
                                   "sổ; in hạn, đơn vị, tình trạng và số ngày làm việc còn lại.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="xét tình trạng tại ngày này (mặc định: hôm nay)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--write", action="store_true",
                   help="ghi các mốc vào trang Mốc thời gian và Hạn trả lời vào trang Ý kiến của "
                        "một bản sao của sổ (như nút Tính hạn), để cán bộ ghi Ngày hoàn thành")
    p.add_argument("--out", metavar="NEWPATH", help="tệp sổ mới (ghi như --write)")
    passwords.add_option(p)
    p.set_defaults(func=cmd_deadlines)

    p = sub.add_parser("validate", help="kiểm tra toàn bộ dữ liệu của sổ",
                       description="Kiểm tra mọi trang của sổ trong một lượt; mỗi lỗi ghi rõ "
                                   "trang, ô, cột và cách sửa. Mã thoát: 0 không có lỗi, 1 có "
                                   "lỗi, 2 không đọc được tệp hoặc sổ bị đổi tên trang, tiêu đề.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày dùng cho các kiểm tra theo thời gian (mặc định: hôm nay)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    passwords.add_option(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("catalogue", help="danh mục mã lỗi kiểm tra (Markdown)",
                       description="In bảng mọi mã lỗi: mức độ, tên, nội dung, cách sửa, mô tả.")
    p.set_defaults(func=cmd_catalogue)


def cmd_due(args) -> int:
    from doithoai.rules import deadlines, workcalendar
    from doithoai.files import reader
    cal = workcalendar.WorkCalendar()
    if args.registry:
        cal = deadlines.calendar_for(reader.read_registry(
            passwords.open_registry(args, args.registry)))
    n = args.n
    if args.working:
        out = cal.add_working_days(args.date, -n if args.before else n)
    elif args.before:
        out = cal.days_before(args.date, n)
    else:
        out = cal.add_days(args.date, n)
    if args.explain:
        say(out.explain())
    say(out.date.isoformat())
    return EXIT_OK


def cmd_deadlines(args) -> int:
    import datetime as dt
    from doithoai.rules import deadlines, milestones
    from doithoai.files import reader
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    args.write = args.write or bool(args.out)
    # checked before work
    target = copy_target(args.path, args.out, "tinh han") if args.write else None
    today = args.today or dt.date.today()
    report = deadlines.compute(reg, today)
    written = _write_deadlines(args, opened, reg, report, target) if args.write else None
    if args.json:
        say_json({"today": today.isoformat(),
                  "milestones": milestones.json_rows(report, milestones.plan_words(reg)),
                  "problems": [p.to_json() for p in report.problems],
                  **({"registry_written": written} if args.write else {})})
    elif not args.write:            # a copy written was said by _write_deadlines
        say(milestones.render(report, milestones.plan_words(reg)))
    return EXIT_OK


def _write_deadlines(args, opened, reg, report, target: str) -> str:
    """The milestones and each opinion's Hạn trả lời written into a copy of the registry, as
    the Tính hạn button writes them into the open workbook; the copy's path. Said in words
    unless --json asks for the data alone (its "registry_written")."""
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    from doithoai.rules import milestones
    warn_if_open(args)
    changes = milestones.to_changes(reg, report)
    written = registry_copy.registry_copy(opened, changes, target=target)
    said = "; ".join(s.rstrip(".") for s in changes.summary)
    if not args.json:
        say(f"Đã ghi vào bản sao {written}{written_as(target, written)}: {said}. Sổ gốc không bị "
            "sửa. Hãy dùng bản sao này làm sổ từ nay và ghi Ngày hoàn thành ở trang Mốc thời "
            "gian.")
    return written


def cmd_validate(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.rules import validation
    reg = reader.read_registry(passwords.open_registry(args), intact=False)
    problems = validation.validate(reg, args.today or dt.date.today())
    counts = validation.counts(problems)
    damaged = bool(reader.structure_faults(reg))
    if args.json:
        say_json({"issues": [p.to_json() for p in problems], "counts": counts})
    else:
        say(validation.render(problems))
    if damaged:
        return EXIT_UNREADABLE      # sheets or headers renamed: every other command refuses
    return EXIT_REFUSED if counts["error"] else EXIT_OK


def cmd_catalogue(args) -> int:
    from doithoai.rules import validation
    say(validation.catalogue_markdown())
    return EXIT_OK
