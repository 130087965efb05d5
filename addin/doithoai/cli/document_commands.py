"""Documents: generate (and issue) a plan's documents; the công văn đôn đốc."""
from __future__ import annotations

import argparse

from doithoai.cli import passwords, signals
from doithoai.cli.common import (EXIT_OK, EXIT_REFUSED, Refused, copy_target, date_arg,
                                 documents_folder, output_folder, require_plan, say,
                                 warn_if_open)
from doithoai.files.atomic import written_as
from doithoai.registry import logbook


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
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
                        "DSDB, SGN, TTTT, CVDD, CVKN, TBCD (mặc định: tất cả)")
    p.add_argument("--out", metavar="DIR",
                   help="thư mục ghi văn bản (mặc định: Thư mục văn bản cạnh tệp sổ)")
    p.add_argument("--issue", action="store_true",
                   help="ban hành: cấp số, ghi ngày và ghi vào Sổ văn bản (trên bản sao của sổ)")
    p.add_argument("--pdf", action="store_true", help="xuất thêm bản PDF (cần Word hoặc "
                                                     "LibreOffice)")
    p.add_argument("--odt", action="store_true",
                   help="xuất thêm bản ODF .odt (Thông tư 19/2011/TT-BTTTT; cần LibreOffice "
                        "hoặc Word)")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày ban hành và ngày xét thời hạn (mặc định: hôm nay)")
    p.add_argument("--verbose", action="store_true", help="in tiến độ")
    passwords.add_option(p)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("overdue", help="công văn đôn đốc các cơ quan còn nợ quá hạn",
                       description="Mỗi cơ quan còn ý kiến quá hạn trả lời hoặc giải quyết một "
                                   "công văn đôn đốc cho mỗi hội nghị (thể thức theo cơ quan ban "
                                   "hành kế hoạch; thư mục của kế hoạch đó), liệt kê từng ý kiến "
                                   "và số ngày trễ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--plan", metavar="ID", help="chỉ kế hoạch này (mặc định: mọi kế hoạch)")
    p.add_argument("--out", metavar="DIR", help="thư mục ghi văn bản")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày xét quá hạn (mặc định: hôm nay)")
    passwords.add_option(p)
    p.set_defaults(func=cmd_overdue)


def cmd_generate(args) -> int:
    import datetime as dt
    import os
    from doithoai.documents import generate
    from doithoai.files import reader
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    codes = _kinds(args.docs)
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    if args.plan:
        args.plan = require_plan(reg, args.plan).plan_id      # as the registry writes it
    book = target = None
    if args.issue:
        target = copy_target(args.path, None, "cap so")   # the numbers go into a copy beside it
        warn_if_open(args)
        book = registry_copy.load_for_copy(opened)     # refused now, not after the files
    out = output_folder(args.out or documents_folder(args.path, reg.settings))
    res = None
    try:
        res = generate.generate(reg, out, plan_ids=[args.plan] if args.plan else None,
                                codes=codes, issue=args.issue,
                                today=args.today or dt.date.today(),
                                progress=say if args.verbose else None)
        kept = [f for f in res.unchanged if f and os.path.exists(os.path.join(out, f))]
        say(res.summary() + (f" Thư mục: {out}" if res.files or kept else ""))
        for line in ["Lưu ý: " + n for n in res.notices] + res.refusal_lines():
            say(line)
        _issued_copy_or_releases(args, opened, reg, res, (book, target))
    except signals.Interrupted as exc:
        exc.note = _issue_stopped(args, res)
        raise
    _converted(args, res.files, out)
    return EXIT_REFUSED if res.refusals else EXIT_OK


def _issue_stopped(args, res) -> str:
    """What a stop means for the numbers of an issuing run: in the copy already written, or in
    no copy yet (the documents that carry them must not be sent)."""
    from doithoai.files import atomic
    if not args.issue or (res is not None and not res.changes.blocks):
        return ""
    # The copy is the one workbook the run writes: finished, it is in atomic.FINISHED (even
    # when the stop came before registry_copy returned its name).
    written = [f for f in atomic.FINISHED if f.lower().endswith((".xlsx", ".xlsm"))]
    if written:
        return (f"Bản sao của sổ có số văn bản đã ghi xong: {written[-1]}. Hãy dùng bản sao "
                "này làm sổ từ nay.")
    return ("Số của các văn bản ban hành trong lần này chưa được ghi vào Sổ văn bản (chưa có "
            "bản sao của sổ): đừng gửi các văn bản đó; chạy lại đúng lệnh này để tạo lại chúng "
            "và ghi số vào bản sao.")


def _kinds(docs: str | None) -> list[str] | None:
    """The kinds asked for by --docs (None: every kind); an unknown one is refused."""
    from doithoai.documents.kinds import KINDS_BY_CODE
    codes = [c.strip().upper() for c in docs.split(",")] if docs else None
    unknown = [c for c in codes or [] if c not in KINDS_BY_CODE]
    if unknown:
        raise Refused(f"Không có loại văn bản {', '.join(unknown)}. Các loại: "
                      + ", ".join(f"{k} ({v.name})" for k, v in KINDS_BY_CODE.items()))
    return codes


def _issued_copy_or_releases(args, opened, reg, res, copy: tuple) -> None:
    """With --issue, the numbers and the record of documents naming citizens go into a new
    copy of the registry (``copy``: the registry loaded for it, the name asked for it);
    otherwise (no copy, so no Nhật ký) what left is printed."""
    from doithoai.documents import notices
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    from doithoai.registry import personal
    released = res.releases()
    if args.issue:
        say(notices.numbers_given(res.numbered) or notices.nothing_numbered())
    if args.issue and res.changes.blocks:
        _log_releases(reg, res, [personal.copy_release(reg, opened.encrypted, "ghi số văn bản",
                                                        res.changes)]
                      + released)
        book, target = copy
        written = registry_copy.registry_copy(opened, res.changes, target=target, wb=book)
        say(("Số văn bản đã cấp được ghi vào trang Sổ văn bản của" if res.numbered else
             "Các bản dự thảo và các hạn tính lại được ghi vào") + f" bản sao {written}"
            f"{written_as(target, written)} (sổ gốc không bị sửa"
            + (", bản sao có cùng mật khẩu với sổ" if opened.encrypted else "") +
            "). Hãy dùng bản sao này làm sổ từ nay, để số không bị cấp lại.")
        return
    for r in released:
        say(f"Văn bản nêu tên người dân (Nhật ký của sổ ghi lại khi ban hành): {r.what}, nêu tên "
            f"{r.persons} người.")


def _converted(args, files: list[str], out: str) -> None:
    """--pdf and --odt: copies of the Word documents (beside them, in ``out``), or a line
    saying why not."""
    from doithoai.documents import pdf
    for fmt, wanted, skipped in (("pdf", args.pdf, pdf.SKIPPED), ("odt", args.odt,
                                                                  pdf.ODT_SKIPPED)):
        if wanted and pdf.available():
            made = pdf.convert([f for f in files if f.endswith(".docx")], fmt=fmt)
            say(f"Đã xuất {len(made)} tệp {'PDF' if fmt == 'pdf' else 'ODF (.odt)'}"
                + (f", cạnh các tệp Word trong thư mục {out}." if made else "."))
        elif wanted:
            say(skipped)


def _log_releases(reg, res, releases) -> None:
    """Nhật ký rows of the issuing copy: the copy itself, and each kind of document that
    names citizens (registry.personal.Release)."""
    from doithoai.registry import schema
    from doithoai.registry.changes import append_rows
    append_rows(reg, schema.LOG, logbook.rows("Ban hành văn bản", "", "", releases), res.changes)


def cmd_overdue(args) -> int:
    """The công văn đôn đốc are documents like the others: generate, with CVDD only."""
    args.docs, args.issue, args.pdf, args.odt, args.verbose = "CVDD", False, False, False, False
    return cmd_generate(args)
