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
    demo.run(args.out, echo=_out, today=args.today)
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


def _date_arg(text: str):
    from . import parsing
    try:
        return parsing.parse_date(text)
    except parsing.Unreadable:
        raise argparse.ArgumentTypeError(
            f"\"{text}\" không phải là ngày (dùng YYYY-MM-DD hoặc dd/mm/yyyy)") from None


def cmd_due(args) -> int:
    from . import deadlines, reader, workcalendar
    cal = workcalendar.WorkCalendar()
    if args.registry:
        cal = deadlines.calendar_for(reader.read_registry(args.registry))
    n = args.n
    if args.working:
        out = cal.add_working_days(args.date, -n if args.before else n)
    elif args.before:
        out = cal.days_before(args.date, n)
    else:
        out = cal.add_days(args.date, n)
    if args.explain:
        _out(out.explain())
    _out(out.date.isoformat())
    return EXIT_OK


def cmd_deadlines(args) -> int:
    import datetime as dt
    from . import deadlines, reader
    reg = reader.read_registry(args.path)
    today = args.today or dt.date.today()
    report = deadlines.compute(reg, today)
    if args.json:
        _out(json.dumps({"today": today.isoformat(),
                         "milestones": [m.to_json() for m in report.milestones],
                         "problems": [p.to_json() for p in report.problems]},
                        ensure_ascii=False, indent=2))
        return EXIT_OK
    _out(deadlines.render(report))
    return EXIT_OK


def cmd_validate(args) -> int:
    import datetime as dt
    from . import reader, validate
    reg = reader.read_registry(args.path)
    problems = validate.validate(reg, args.today or dt.date.today())
    counts = validate.counts(problems)
    if args.json:
        _out(json.dumps({"issues": [p.to_json() for p in problems], "counts": counts},
                        ensure_ascii=False, indent=2))
    else:
        _out(validate.render(problems))
    return EXIT_REFUSED if counts["error"] else EXIT_OK


def cmd_catalogue(args) -> int:
    from . import validate
    _out(validate.catalogue_markdown())
    return EXIT_OK


def cmd_build_addin(args) -> int:
    from . import addin_build
    try:
        path = addin_build.build(args.out)
    except addin_build.BuildError as exc:
        _out(str(exc))
        return EXIT_REFUSED
    _out(f"Đã tạo và kiểm tra phần bổ trợ: {path}")
    _out("Kiểm tra đạt: đủ mô-đun VBA, mỗi nút có Sub và mỗi Sub có hàm Python, kiểu nội dung "
         "add-in, luồng _VBA_PROJECT đúng dạng ghi, XML hợp lệ.")
    return EXIT_OK


def cmd_install(args) -> int:
    from . import addin_install
    report = addin_install.install()
    _out("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_uninstall(args) -> int:
    from . import addin_install
    report = addin_install.uninstall()
    _out("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_generate(args) -> int:
    import datetime as dt
    import os
    from . import documents, pdf, reader
    from .wordtemplates import KINDS_BY_CODE
    codes = [c.strip().upper() for c in args.docs.split(",")] if args.docs else None
    unknown = [c for c in codes or [] if c not in KINDS_BY_CODE]
    if unknown:
        _out(f"Không có loại văn bản {', '.join(unknown)}. Các loại: "
             + ", ".join(f"{k} ({v.name})" for k, v in KINDS_BY_CODE.items()))
        return EXIT_REFUSED
    reg = reader.read_registry(args.path)
    if args.plan and not reg.plan(args.plan):
        _out(f"Sổ không có kế hoạch {args.plan}. Có: "
             + ", ".join(p.plan_id for p in reg.plans if p.plan_id))
        return EXIT_REFUSED
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(args.path)),
                                   reg.settings.documents_folder or "van-ban")
    res = documents.generate(reg, out, plan_ids=[args.plan] if args.plan else None, codes=codes,
                             issue=args.issue, today=args.today or dt.date.today(),
                             progress=_out if args.verbose else None)
    _out(res.summary() + f" Thư mục: {out}")
    for notice in res.notices:
        _out("Lưu ý: " + notice)
    for p in res.refusals:
        where = f"{p.sheet}, ô {p.cell}" if p.cell else p.sheet
        _out(f"Chưa tạo ({where}): {p.message} {p.hint}")
    if args.issue and res.changes.blocks:
        copy = documents.registry_copy(args.path, res.changes)
        _out(f"Số văn bản đã cấp được ghi vào trang Sổ văn bản của bản sao {copy} (sổ gốc không "
             "bị sửa). Hãy dùng bản sao này làm sổ từ nay, để số không bị cấp lại.")
    if args.pdf:
        if pdf.available():
            made = pdf.convert([f for f in res.files if f.endswith(".docx")])
            _out(f"Đã xuất {len(made)} tệp PDF.")
        else:
            _out(pdf.SKIPPED)
    return EXIT_REFUSED if res.refusals else EXIT_OK


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

    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                   help="ngày dùng để xét tình trạng các mốc (mặc định: hôm nay)")

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

    p = sub.add_parser("due", help="tính một ngày hạn theo ngày làm việc",
                       description="Tính ngày hạn từ DATE cộng (hoặc trừ) N ngày. Dòng cuối là "
                                   "ngày kết quả dạng YYYY-MM-DD.")
    p.add_argument("date", type=_date_arg, metavar="DATE", help="ngày gốc (YYYY-MM-DD hoặc dd/mm/yyyy)")
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
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("deadlines", help="các mốc thời gian và tình trạng",
                       description="Áp dụng Quy tắc thời hạn cho mọi kế hoạch và ý kiến của "
                                   "sổ; in hạn, đơn vị, tình trạng và số ngày làm việc còn lại.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                   help="xét tình trạng tại ngày này (mặc định: hôm nay)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=cmd_deadlines)

    p = sub.add_parser("validate", help="kiểm tra toàn bộ dữ liệu của sổ",
                       description="Kiểm tra mọi trang của sổ trong một lượt; mỗi lỗi ghi rõ "
                                   "trang, ô, cột và cách sửa. Mã thoát: 0 không có lỗi, 1 có "
                                   "lỗi, 2 không đọc được tệp.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                   help="ngày dùng cho các kiểm tra theo thời gian (mặc định: hôm nay)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("catalogue", help="danh mục mã lỗi kiểm tra (Markdown)",
                       description="In bảng mọi mã lỗi: mức độ, tên, nội dung, cách sửa, mô tả.")
    p.set_defaults(func=cmd_catalogue)

    p = sub.add_parser("generate", help="tạo văn bản Word từ sổ",
                       description="Tạo văn bản (kế hoạch, thông báo, giấy mời, phiếu, báo cáo, "
                                   "công văn, biên bản...) theo mẫu, đúng thể thức Nghị định "
                                   "30/2020 (hoặc thể thức văn bản của Đảng). Dòng còn lỗi kiểm "
                                   "tra không được dùng; văn bản đã ban hành không bao giờ bị "
                                   "ghi đè.")
    p.add_argument("path", metavar="PATH", help="tệp sổ (.xlsx)")
    p.add_argument("--plan", metavar="ID", help="chỉ kế hoạch có Mã KH này")
    p.add_argument("--docs", metavar="KH,TB,GM,...",
                   help="các loại văn bản: KH, TB, GM, PDK, BCTH, CVPC, BB, TBKL, CVTL, BCKQ, PKS, "
                        "DSDB, SGN, TTTT (mặc định: tất cả)")
    p.add_argument("--out", metavar="DIR",
                   help="thư mục ghi văn bản (mặc định: Thư mục văn bản cạnh tệp sổ)")
    p.add_argument("--issue", action="store_true",
                   help="ban hành: cấp số, ghi ngày và ghi vào Sổ văn bản (trên bản sao của sổ)")
    p.add_argument("--pdf", action="store_true", help="xuất thêm bản PDF (cần Word hoặc "
                                                     "LibreOffice)")
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                   help="ngày ban hành và ngày xét thời hạn (mặc định: hôm nay)")
    p.add_argument("--verbose", action="store_true", help="in tiến độ")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("build-addin", help="tạo tệp bổ trợ doithoai.xlam từ macros/",
                       description="Tạo doithoai.xlam (thẻ Đối thoại) từ mã VBA và XML ribbon "
                                   "dạng văn bản, trên mọi hệ điều hành, rồi kiểm tra tệp.")
    p.add_argument("--out", default="dist", metavar="DIR",
                   help="thư mục ghi tệp (mặc định: ./dist)")
    p.set_defaults(func=cmd_build_addin)

    p = sub.add_parser("install", help="cài phần bổ trợ vào Excel (Windows)",
                       description="Đặt doithoai.xlam vào thư mục AddIns của Excel, ghi trình "
                                   "thông dịch Python cho xlwings, đăng ký để Excel tự mở và "
                                   "kiểm tra phiên bản. Chỉ dùng trên Windows.")
    p.set_defaults(func=cmd_install)

    p = sub.add_parser("uninstall", help="gỡ phần bổ trợ khỏi Excel (Windows)",
                       description="Gỡ doithoai.xlam và đăng ký của nó khỏi Excel.")
    p.set_defaults(func=cmd_uninstall)
    return parser


def _log_crash(detail: str | None = None) -> str:
    """Technical details (a traceback, a library's message) go to a log file, never the screen."""
    folder = os.path.join(tempfile.gettempdir(), "doithoai")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "loi.log")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write((detail or traceback.format_exc()) + "\n")
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
        if exc.detail:
            _log_crash(f"{getattr(args, 'path', '')}: {exc.detail}")
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
