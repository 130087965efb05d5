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

from doithoai.files import registry_copy
from doithoai import __version__

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, EXIT_CRASH = 0, 1, 2, 3


def _out(text: str = "") -> None:
    print(text)


def cmd_demo(args) -> int:
    from doithoai.cli import demo
    demo.run(args.out, echo=_out, today=args.today)
    return EXIT_OK


def cmd_init(args) -> int:
    from doithoai.files import blank
    try:
        path = blank.create_blank(args.path)
    except blank.AlreadyExists as exc:
        _out(f"Không tạo: tệp \"{exc}\" đã có. Phần mềm không ghi đè sổ đang dùng; "
             "hãy chọn tên tệp khác.")
        return EXIT_REFUSED
    _out(f"Đã tạo sổ mới: {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    from doithoai.files import reader
    from doithoai.registry import summary
    reg = reader.read_registry(args.path)
    sm = summary.summarize(reg)
    if args.json:
        _out(json.dumps(sm, ensure_ascii=False, indent=2))
    else:
        _out(summary.render(sm))
    return EXIT_OK


def _date_arg(text: str):
    from doithoai.registry import parsing
    try:
        return parsing.parse_date(text)
    except parsing.Unreadable:
        raise argparse.ArgumentTypeError(
            f"\"{text}\" không phải là ngày (dùng YYYY-MM-DD hoặc dd/mm/yyyy)") from None


def cmd_due(args) -> int:
    from doithoai.rules import deadlines, workcalendar
    from doithoai.files import reader
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
    from doithoai.rules import deadlines
    from doithoai.files import reader
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
    from doithoai.files import reader
    from doithoai.rules import validation
    reg = reader.read_registry(args.path)
    problems = validation.validate(reg, args.today or dt.date.today())
    counts = validation.counts(problems)
    if args.json:
        _out(json.dumps({"issues": [p.to_json() for p in problems], "counts": counts},
                        ensure_ascii=False, indent=2))
    else:
        _out(validation.render(problems))
    return EXIT_REFUSED if counts["error"] else EXIT_OK


def cmd_catalogue(args) -> int:
    from doithoai.rules import validation
    _out(validation.catalogue_markdown())
    return EXIT_OK


def cmd_build_addin(args) -> int:
    from doithoai.excel import addin_build
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
    from doithoai.excel import addin_install
    report = addin_install.install()
    _out("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_uninstall(args) -> int:
    from doithoai.excel import addin_install
    report = addin_install.uninstall()
    _out("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_generate(args) -> int:
    import datetime as dt
    import os
    from doithoai.documents import generate, pdf
    from doithoai.files import reader
    from doithoai.documents.kinds import KINDS_BY_CODE
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
    res = generate.generate(reg, out, plan_ids=[args.plan] if args.plan else None, codes=codes,
                             issue=args.issue, today=args.today or dt.date.today(),
                             progress=_out if args.verbose else None)
    _out(res.summary() + f" Thư mục: {out}")
    for notice in res.notices:
        _out("Lưu ý: " + notice)
    for p in res.refusals:
        where = f"{p.sheet}, ô {p.cell}" if p.cell else p.sheet
        _out(f"Chưa tạo ({where}): {p.message} {p.hint}")
    if args.issue and res.changes.blocks:
        copy = registry_copy.registry_copy(args.path, res.changes)
        _out(f"Số văn bản đã cấp được ghi vào trang Sổ văn bản của bản sao {copy} (sổ gốc không "
             "bị sửa). Hãy dùng bản sao này làm sổ từ nay, để số không bị cấp lại.")
    if args.pdf:
        if pdf.available():
            made = pdf.convert([f for f in res.files if f.endswith(".docx")])
            _out(f"Đã xuất {len(made)} tệp PDF.")
        else:
            _out(pdf.SKIPPED)
    return EXIT_REFUSED if res.refusals else EXIT_OK


def cmd_intake_export(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.sharing import intake
    reg = reader.read_registry(args.path)
    if not reg.plan(args.plan):
        _out(f"Sổ không có kế hoạch {args.plan}. Có: "
             + ", ".join(p.plan_id for p in reg.plans if p.plan_id))
        return EXIT_REFUSED
    try:
        made = intake.export(reg, args.plan, args.out, villages=args.village,
                             one_file=args.one_file, today=args.today or dt.date.today())
    except KeyError as exc:
        _out(f"Kế hoạch {args.plan} không có thôn, tổ dân phố: {exc.args[0]}. Phạm vi của kế "
             f"hoạch: {'; '.join(reg.plan(args.plan).villages)}.")
        return EXIT_REFUSED
    for e in made:
        _out(f"Đã tạo {e.path} ({e.village or 'cả kế hoạch'}, mã {e.code or '-'}, lô {e.batch}, "
             f"{e.rows} dòng đánh số sẵn).")
    _out("Gửi các tệp này cho Ủy ban MTTQ; khi nhận lại, dùng lệnh doithoai intake merge.")
    return EXIT_OK


def cmd_intake_merge(args) -> int:
    import datetime as dt
    from doithoai.documents import generate
    from doithoai.files import reader
    from doithoai.registry import schema
    from doithoai.registry.changes import append_rows
    from doithoai.sharing import intake, merge
    reg = reader.read_registry(args.path)
    returned = [intake.read_returned(f) for f in args.files]
    try:
        res = merge.merge(reg, returned, today=args.today or dt.date.today(),
                          plan_hint=args.plan)
    except merge.RegistryTooOld as exc:
        _out(str(exc))
        return EXIT_REFUSED
    target = None
    if res.changes.blocks:
        log = _log_row("Nhận ý kiến từ MTTQ", "; ".join(res.lines()),
                       ", ".join(os.path.basename(f) for f in args.files))
        append_rows(reg, schema.LOG, [log], res.changes)
        target = registry_copy.registry_copy(args.path, res.changes, "nhan MTTQ", args.out)
    if args.json:
        data = res.to_json()
        data["registry_written"] = target
        _out(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in res.lines():
            _out(line)
        for o in res.outcomes:
            if o.status == "set_aside" or o.duplicate_of:
                what = (f"nghi trùng {o.duplicate_of} (điểm {o.score}), đã thêm thành "
                        f"{o.opinion_id}" if o.duplicate_of else f"chờ xử lý: {o.reason}")
                _out(f"  - {o.file}, dòng {o.row} ({o.code or 'không mã'}): {what}")
        if target:
            _out(f"Đã ghi vào bản sao của sổ: {target} (sổ gốc không bị sửa). Hãy dùng bản sao "
                 "này làm sổ từ nay.")
        else:
            _out("Không có gì mới: sổ giữ nguyên.")
    return EXIT_OK if all(f.balanced for f in res.files) else EXIT_CRASH


def _log_row(action: str, result: str, files: str) -> dict:
    import datetime as dt
    import getpass
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    return {"time": dt.datetime.now().strftime("%d/%m/%Y %H:%M"), "user": user,
            "action": action, "result": result[:500], "files": files}


def cmd_duplicates(args) -> int:
    from doithoai.files import reader
    from doithoai.sharing import dedupe
    reg = reader.read_registry(args.path)
    found = dedupe.suggest(dedupe.items_from_registry(reg), threshold=args.threshold)
    already = {o.opinion_id: o.duplicate_of for o in reg.opinions}
    rows = [s for s in found if not already.get(s.key)]
    if args.json:
        _out(json.dumps([{"opinion_id": s.key, "duplicate_of": s.original, "score": s.score,
                          "text_score": s.text_score, "reasons": list(s.reasons),
                          "already_linked": bool(already.get(s.key))} for s in found],
                        ensure_ascii=False, indent=2))
        return EXIT_OK
    texts = {o.opinion_id: o.content for o in reg.opinions}
    for s in rows:
        _out(f"{s.key} có thể trùng {s.original} (điểm {s.score}; {', '.join(s.reasons) or '-'})")
        _out(f"    {texts.get(s.key, '')[:90]}")
        _out(f"    {texts.get(s.original, '')[:90]}")
    linked = len(found) - len(rows)
    _out(f"{len(rows)} gợi ý trùng mới" + (f"; {linked} ý kiến đã ghi Trùng với" if linked
                                           else "") + ". Xác nhận bằng nút Tìm ý kiến trùng "
         "trong Excel (ghi vào cột Trùng với) hoặc ghi tay.")
    return EXIT_OK


def cmd_monitor(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.monitoring import workbook
    reg = reader.read_registry(args.path)
    as_of = args.as_of or dt.date.today()
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(args.path)),
                                   workbook.default_name(reg, as_of))
    path, chains = workbook.write(reg, out, as_of, os.path.basename(args.path))
    counted = [c for c in chains if c.counted]
    _out(f"Đã tạo báo cáo theo dõi {path}: {len(counted)} ý kiến; đã trả lời "
         f"{sum(c.answered for c in counted)}, đã giải quyết xong "
         f"{sum(bool(c.resolved) for c in counted)}, hài lòng "
         f"{sum(c.satisfaction == 'Hài lòng' for c in counted)}, quá hạn "
         f"{sum(c.overdue for c in counted)} (tính đến {as_of:%d/%m/%Y}).")
    _out("Tệp chỉ để xem, không có số điện thoại, địa chỉ nhà; gửi cho Văn phòng Đảng ủy, "
         "Ủy ban MTTQ.")
    return EXIT_OK


def cmd_overdue(args) -> int:
    """The công văn đôn đốc are documents like the others: generate, with CVDD only."""
    args.docs, args.issue, args.pdf, args.verbose = "CVDD", False, False, False
    return cmd_generate(args)


def cmd_carry_over(args) -> int:
    import datetime as dt
    from doithoai.documents import generate
    from doithoai.files import reader
    from doithoai.registry import schema
    from doithoai.registry.changes import append_rows
    from doithoai.monitoring import carryover
    reg = reader.read_registry(args.path)
    plan = reg.plan(args.plan)
    if plan is None:
        _out(f"Sổ không có kế hoạch {args.plan}. Có: "
             + ", ".join(p.plan_id for p in reg.plans if p.plan_id))
        return EXIT_REFUSED
    todo = carryover.unresolved_before(reg, plan)
    for o in todo:
        _out(f"{o.opinion_id} ({o.plan_id}, {o.agency or 'chưa phân công'}): {o.content[:80]}")
    _out(f"{len(todo)} ý kiến của các hội nghị trước {plan.plan_id} chưa giải quyết xong.")
    if not args.link:
        return EXIT_OK
    ch, made = carryover.link(reg, plan, args.today or dt.date.today())
    if not made:
        _out("Đã chuyển từ trước: không thêm dòng nào.")
        return EXIT_OK
    append_rows(reg, schema.LOG, [_log_row("Chuyển ý kiến tồn", f"{len(made)} ý kiến vào "
                                                 f"{plan.plan_id}", "")], ch)
    target = registry_copy.registry_copy(args.path, ch, "chuyen ton", args.out)
    _out(f"Đã chuyển {len(made)} ý kiến vào {plan.plan_id} (Trùng với ghi mã gốc) trong bản sao "
         f"{target}; sổ gốc không bị sửa.")
    return EXIT_OK


def cmd_doctor(args) -> int:
    from doithoai.installer import doctor
    checks = doctor.run(doctor.real_machine(args.documents))
    _out(doctor.to_json(checks) if args.json else doctor.render(checks))
    return EXIT_OK if all(c.ok for c in checks) else EXIT_REFUSED


def cmd_bundle(args) -> int:
    from doithoai.installer import bundle
    try:
        result = bundle.build(args.out, bundle.parse_versions(args.python, args.source),
                              args.source)
    except bundle.BundleError as exc:
        _out(str(exc))
        return EXIT_REFUSED
    for line in result.lines():
        _out(line)
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
                        "DSDB, SGN, TTTT, CVDD (mặc định: tất cả)")
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

    p = sub.add_parser("intake", help="phiếu ý kiến cho MTTQ: xuất tệp, nhận lại",
                       description="Trao đổi ý kiến với Ủy ban MTTQ bằng tệp: xuất phiếu cho từng "
                                   "thôn, nhận lại tệp đã điền vào sổ.")
    intake_sub = p.add_subparsers(dest="intake_command", metavar="ACTION")
    intake_sub.required = True
    q = intake_sub.add_parser("export", help="xuất tệp phiếu ý kiến cho MTTQ",
                              description="Mỗi thôn, tổ dân phố một tệp .xlsx nhỏ (hoặc một tệp "
                                          "cho cả kế hoạch) để MTTQ điền ý kiến thu được.")
    q.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    q.add_argument("--plan", required=True, metavar="ID", help="Mã KH")
    q.add_argument("--village", nargs="+", metavar="NAME",
                   help="chỉ các thôn, tổ dân phố này (mặc định: mọi thôn của kế hoạch)")
    q.add_argument("--one-file", action="store_true", help="một tệp cho cả kế hoạch")
    q.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi tệp")
    q.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    q.set_defaults(func=cmd_intake_export)
    q = intake_sub.add_parser("merge", help="nhận tệp MTTQ gửi về vào sổ",
                              description="Đọc các tệp phiếu MTTQ gửi về; mỗi dòng được thêm mới, "
                                          "nhận ra là đã có, hoặc đưa vào trang Chờ xử lý kèm lý "
                                          "do. Ghi ra một bản sao của sổ, không sửa sổ gốc.")
    q.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    q.add_argument("files", nargs="+", metavar="FILE", help="các tệp MTTQ gửi về")
    q.add_argument("--out", metavar="NEWPATH",
                   help="tệp sổ mới (mặc định: bản sao cạnh sổ, có ngày giờ trong tên)")
    q.add_argument("--plan", metavar="ID",
                   help="Mã KH dùng khi tệp đã mất thông tin nhận dạng")
    q.add_argument("--json", action="store_true", help="in dạng JSON")
    q.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    q.set_defaults(func=cmd_intake_merge)

    p = sub.add_parser("duplicates", help="tìm ý kiến có thể trùng nhau",
                       description="Gợi ý các ý kiến trùng nội dung trong sổ (cùng kế hoạch và "
                                   "với các kế hoạch trước), kèm điểm tương đồng. Không sửa sổ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--threshold", type=int, default=85, metavar="N",
                   help="điểm tối thiểu để gợi ý (0-100, mặc định 85)")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("monitor", help="báo cáo theo dõi ý kiến (cho Đảng ủy, MTTQ)",
                       description="Tạo tệp Excel riêng, chỉ để xem: mỗi ý kiến một dòng với "
                                   "chuỗi xử lý, hạn và số ngày trễ; mỗi cơ quan còn nợ một "
                                   "trang; bảng tổng hợp và biểu đồ. Không có số điện thoại, "
                                   "địa chỉ nhà.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--out", metavar="FILE", help="tệp báo cáo (mặc định: cạnh tệp sổ)")
    p.add_argument("--as-of", type=_date_arg, metavar="YYYY-MM-DD", dest="as_of",
                   help="tính đến ngày này (mặc định: hôm nay)")
    p.set_defaults(func=cmd_monitor)

    p = sub.add_parser("overdue", help="công văn đôn đốc các cơ quan còn nợ quá hạn",
                       description="Mỗi cơ quan còn ý kiến quá hạn trả lời hoặc giải quyết một "
                                   "công văn đôn đốc (thể thức theo cơ quan ban hành kế hoạch), "
                                   "liệt kê từng ý kiến và số ngày trễ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--plan", metavar="ID", help="chỉ kế hoạch này (mặc định: mọi kế hoạch)")
    p.add_argument("--out", metavar="DIR", help="thư mục ghi văn bản")
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                   help="ngày xét quá hạn (mặc định: hôm nay)")
    p.set_defaults(func=cmd_overdue)

    p = sub.add_parser("carry-over", help="ý kiến tồn của các hội nghị trước",
                       description="Liệt kê ý kiến của các hội nghị trước chưa giải quyết xong; "
                                   "--link chuyển chúng vào kế hoạch mới (Trùng với ghi mã gốc) "
                                   "trên một bản sao của sổ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--plan", required=True, metavar="ID", help="kế hoạch mới")
    p.add_argument("--link", action="store_true", help="thêm các dòng liên kết vào kế hoạch mới")
    p.add_argument("--out", metavar="NEWPATH", help="tệp sổ mới (với --link)")
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_carry_over)

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

    p = sub.add_parser("doctor", help="kiểm tra cài đặt trên máy này",
                       description="Kiểm tra từng điều kiện để thẻ Đối thoại chạy được (Python, "
                                   "các gói, phần bổ trợ, đăng ký với Excel, chính sách macro, "
                                   "phông chữ, PDF, thư mục văn bản); mỗi dấu ✗ kèm cách sửa. "
                                   "Mã thoát 0: mọi thứ sẵn sàng; 1: có mục cần sửa.")
    p.add_argument("--json", action="store_true", help="in dạng JSON (name, ok, message, fix)")
    p.add_argument("--documents", metavar="DIR",
                   help="thư mục văn bản cần ghi được (mặc định: Documents của người dùng)")
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser("bundle", help="tạo thư mục cài đặt ngoại tuyến cho Windows",
                       description="Tải mọi gói (bản Windows 64-bit) cho từng phiên bản Python, "
                                   "tạo thư mục doithoai-cai-dat-<phiên bản> với cai-dat.bat, "
                                   "go-cai-dat.bat, hướng dẫn, và tệp .zip của thư mục. Cần mạng "
                                   "khi tạo; máy cài thì không.")
    p.add_argument("--out", default="dist", metavar="DIR", help="thư mục ghi (mặc định ./dist)")
    p.add_argument("--python", metavar="3.11,3.12,...",
                   help="các phiên bản Python (mặc định: mọi phiên bản các gói hỗ trợ)")
    p.add_argument("--source", metavar="DIR",
                   help="thư mục mã nguồn doithoai (mặc định: thư mục hiện tại hoặc thư mục cha)")
    p.set_defaults(func=cmd_bundle)

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
    from doithoai.files.reader import RegistryUnreadable
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
