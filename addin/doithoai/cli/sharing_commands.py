"""Sharing with the Front: intake workbooks out and back in, duplicate suggestions."""
from __future__ import annotations

import argparse
import os

from doithoai.cli import passwords
from doithoai.cli.common import (EXIT_CRASH, EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, Refused,
                                 copy_target, date_arg, output_folder, require_plan, say,
                                 say_json, score_arg, warn_if_open)
from doithoai.files.atomic import written_as
from doithoai.registry import logbook


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
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
    q.add_argument("--village", action="append", metavar="NAME",
                   help="chỉ thôn, tổ dân phố này; ghi --village lần nữa cho mỗi thôn khác "
                        "(mặc định: mọi thôn của kế hoạch)")
    q.add_argument("--one-file", action="store_true", help="một tệp cho cả kế hoạch")
    q.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi tệp")
    q.add_argument("--encrypt", action="store_true",
                   help="đặt mật khẩu cho từng tệp (mỗi tệp một mật khẩu 12 chữ số để đọc qua "
                        "điện thoại, in ra một lần); mật khẩu được lưu vào trang Mật khẩu phiếu "
                        "của một bản sao của sổ, để khi nhận lại phần mềm tự mở tệp")
    q.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày tạo phiếu, dùng để xét hạn gửi (mốc Thu phiếu) và hội nghị đã "
                        "diễn ra chưa (mặc định: hôm nay)")
    passwords.add_option(q)
    q.set_defaults(func=cmd_intake_export)
    q = intake_sub.add_parser("merge", help="nhận tệp MTTQ gửi về vào sổ",
                              description="Đọc các tệp phiếu MTTQ gửi về; mỗi dòng được thêm mới, "
                                          "nhận ra là đã có, hoặc đưa vào trang Chờ xử lý kèm lý "
                                          "do. Ghi ra một bản sao của sổ, không sửa sổ gốc. "
                                          "Mã thoát: 0 đọc được mọi tệp; 1 có tệp không đọc "
                                          "được (các tệp khác vẫn được nhận); 2 không tệp nào "
                                          "đọc được.")
    q.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    q.add_argument("files", nargs="+", metavar="FILE", help="các tệp MTTQ gửi về")
    q.add_argument("--out", metavar="NEWPATH",
                   help="tệp sổ mới (mặc định: bản sao cạnh sổ, có ngày giờ trong tên)")
    q.add_argument("--plan", metavar="ID",
                   help="Mã KH dùng khi tệp đã mất thông tin nhận dạng")
    q.add_argument("--json", action="store_true", help="in dạng JSON")
    q.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày nhận các tệp vào sổ (mặc định: hôm nay), dùng để xét hội nghị đã "
                        "diễn ra chưa; dòng MTTQ không ghi Ngày nhận được ghi ngày MTTQ lưu tệp "
                        "lần cuối, hoặc ngày này khi tệp không cho biết")
    passwords.add_option(q)
    q.set_defaults(func=cmd_intake_merge)

    p = sub.add_parser("duplicates", help="tìm ý kiến có thể trùng nhau",
                       description="Gợi ý các ý kiến trùng nội dung trong sổ (cùng kế hoạch và "
                                   "với các kế hoạch trước), kèm điểm tương đồng. Không sửa sổ.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--threshold", type=score_arg, default=85, metavar="N",
                   help="điểm tối thiểu để gợi ý (0-100, mặc định 85)")
    passwords.add_option(p)
    p.set_defaults(func=cmd_duplicates)


def cmd_intake_export(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.sharing import intake, timing
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    args.plan = require_plan(reg, args.plan).plan_id      # as the registry writes it
    target = None
    if args.encrypt:        # the passwords go into a copy beside the registry
        target = copy_target(args.path, None, "mat khau phieu")
        warn_if_open(args)
    try:
        made = intake.export(reg, args.plan, output_folder(args.out), villages=args.village,
                             one_file=args.one_file, today=args.today or dt.date.today(),
                             encrypt=args.encrypt)
    except KeyError as exc:
        say(f"Kế hoạch {args.plan} không có thôn, tổ dân phố: {exc.args[0]}. Phạm vi của kế "
            f"hoạch: {'; '.join(reg.plan(args.plan).villages)}.")
        return EXIT_REFUSED
    copy = _keep_passwords(opened, reg, args.plan, made, target) if args.encrypt else None
    for e in made:
        say(f"Đã tạo {e.path}{written_as(e.asked, e.path)} ({e.village or 'cả kế hoạch'}, "
            f"mã {e.code or '-'}, lô {e.batch}, "
            f"{e.rows} dòng đánh số sẵn)" + (f"; mật khẩu: {e.password}" if e.password else
                                                 "") + ".")
    if copy:
        say("Mỗi tệp có mật khẩu riêng (gõ cả dấu gạch ngang), chỉ in ra lần này: đọc cho người "
            f"nhận qua điện thoại, không gửi kèm tệp. Mật khẩu được lưu ở trang Mật khẩu phiếu "
            f"của bản sao sổ {copy}{written_as(target, copy)} (sổ gốc không bị sửa): hãy "
            "dùng bản sao này làm sổ từ nay, để khi nhận lại phần mềm tự mở các tệp."
            + ("" if opened.encrypted else " Lưu ý: sổ không đặt mật khẩu nên bản sao cũng "
               "không có; hãy đặt mật khẩu cho sổ trong Excel (Tệp › Thông tin › Bảo vệ sổ làm "
               "việc › Mã hóa bằng mật khẩu)."))
    say("Gửi các tệp này cho Ủy ban MTTQ; khi nhận lại, dùng lệnh doithoai intake merge.")
    held = timing.held_notice(reg.plan(args.plan), args.today or dt.date.today())
    if held:
        say(held)
    return EXIT_OK


def _keep_passwords(opened, reg, plan_id: str, made, target: str) -> str:
    """The copy of the registry (asked at ``target``) holding the new files' passwords (and the
    Nhật ký row); if it cannot be written, the files are removed again: a file nobody can find
    the password of must not be sent."""
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    from doithoai.registry import personal, schema
    from doithoai.registry.changes import Changes, append_rows
    from doithoai.sharing import keys
    ch = Changes()
    keys.keep(reg, plan_id, made, ch)
    villages = "; ".join(e.village for e in made if e.village) or "cả kế hoạch"
    release = personal.Release(f"{len(made)} tệp phiếu {plan_id}", f"Ủy ban MTTQ ({villages})",
                               0, True)
    files = ", ".join(os.path.basename(e.path) for e in made)
    append_rows(reg, schema.LOG, logbook.rows(
        "Phiếu cho MTTQ", f"{len(made)} tệp phiếu có mật khẩu", files,
        [release, personal.copy_release(reg, opened.encrypted, "lưu mật khẩu phiếu",
                                        ch)]), ch)
    try:
        return registry_copy.registry_copy(opened, ch, target=target)
    except BaseException:
        for e in made:
            try:
                os.remove(e.path)
            except OSError:
                pass
        raise


def cmd_intake_merge(args) -> int:
    import datetime as dt
    from doithoai.files import reader
    from doithoai.files import registry_copy  # brings openpyxl: loaded only here
    from doithoai.registry import personal
    from doithoai.registry import schema
    from doithoai.registry.changes import append_rows
    from doithoai.sharing import intake, keys, merge
    _require_files(args.files)
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    if args.plan:
        require_plan(reg, args.plan)                     # a mistyped code: named, with the plans
    copy_path = copy_target(args.path, args.out, "nhan MTTQ")   # refused before a file is read
    warn_if_open(args)
    returned = [intake.read_returned(f, keys.candidates(reg, f) + [opened.password or ""])
                for f in args.files]
    try:
        res = merge.merge(reg, returned, today=args.today or dt.date.today(),
                          plan_hint=args.plan)
    except merge.RegistryTooOld as exc:
        raise Refused(str(exc)) from exc
    target = None
    if res.changes.blocks:
        log = logbook.rows("Nhận ý kiến từ MTTQ", logbook.clauses(res.lines()),
                           ", ".join(os.path.basename(f) for f in args.files),
                           [personal.copy_release(reg, opened.encrypted, "nhận ý kiến MTTQ",
                                                  res.changes)])
        append_rows(reg, schema.LOG, log, res.changes)
        target = registry_copy.registry_copy(opened, res.changes, target=copy_path)
    if args.json:
        data = res.to_json()
        data["registry_written"] = target
        say_json(data)
    else:
        _say_merged(res)
        _say_copy(target, copy_path, opened.encrypted)
    if not all(f.balanced for f in res.files):
        return EXIT_CRASH           # a row neither added, found nor set aside: never expected
    unreadable = [r for r in returned if r.problem]
    if unreadable and len(unreadable) == len(returned):
        return EXIT_UNREADABLE      # not one file could be read: nothing was merged
    return EXIT_REFUSED if unreadable else EXIT_OK


def _require_files(files: list[str]) -> None:
    """Every file named is there: a name mistyped (or a folder) is refused before anything is
    read, rather than the others merged without it; exit 2, as for a registry not found."""
    from doithoai.files.reader import RegistryUnreadable, unreadable_reason
    missing = [f for f in files if not os.path.isfile(f)]
    if missing:
        raise RegistryUnreadable("Chưa nhận tệp nào: " + "; ".join(
            f"\"{f}\": {unreadable_reason(f)}" for f in missing) + ". Sổ giữ nguyên.")


def _say_merged(res) -> None:
    """The counts of each file, then every row set aside or suspected of repeating another."""
    from doithoai.sharing import merge
    for line in res.lines():
        say(line)
    for line in res.notes():
        say(line)
    for o in res.outcomes:
        if o.status == merge.SET_ASIDE or o.duplicate_of:
            what = (f"nghi trùng {o.duplicate_of} (điểm {o.score}), đã thêm thành "
                    f"{o.opinion_id}" if o.duplicate_of else f"chờ xử lý: {o.reason}")
            say(f"  - {o.file}, dòng {o.row} ({o.code or 'không mã'}): {what}")
    if res.totals.set_aside:
        say("Dòng chờ xử lý nằm ở trang Chờ xử lý của sổ: sửa dòng trong tệp theo lý do, "
            "xóa dòng đó ở trang Chờ xử lý rồi nhận lại tệp (hoặc chép tay sang trang Ý "
            "kiến).")


def _say_copy(target: str | None, copy_path: str, encrypted: bool) -> None:
    if target:
        say(f"Đã ghi vào bản sao của sổ: {target}{written_as(copy_path, target)} (sổ gốc "
            "không bị sửa" + (", bản sao có cùng mật khẩu với sổ" if encrypted else "") +
            "). Hãy dùng bản sao này làm sổ từ nay.")
    else:
        say("Không có gì mới: không ghi bản sao nào; sổ giữ nguyên.")


def cmd_duplicates(args) -> int:
    from doithoai.files import reader
    from doithoai.sharing import dedupe
    reg = reader.read_registry(passwords.open_registry(args))
    found = dedupe.in_registry(reg, dedupe.suggest(dedupe.items_from_registry(reg),
                                                     threshold=args.threshold))
    already = {o.opinion_id: o.duplicate_of for o in reg.opinions}
    rows = [s for s in found if not already.get(s.key)]
    if args.json:
        say_json([{"opinion_id": s.key, "duplicate_of": s.original, "score": s.score,
                   "text_score": s.text_score, "reasons": list(s.reasons),
                   "plan_id": s.plan_id, "original_plan_id": s.original_plan_id,
                   "conference": s.conference or None,
                   "already_linked": bool(already.get(s.key))} for s in found])
        return EXIT_OK
    texts = {o.opinion_id: o.content for o in reg.opinions}
    for s in rows:
        where = f", đã nêu tại {s.conference}" if s.conference else ""
        say(f"{s.key} có thể trùng {s.original}{where} (điểm {s.score}; "
            f"{', '.join(s.reasons) or '-'})")
        say(f"    {texts.get(s.key, '')[:90]}")
        say(f"    {texts.get(s.original, '')[:90]}")
    linked = len(found) - len(rows)
    say(f"{len(rows)} gợi ý trùng mới" + (f"; {linked} ý kiến đã ghi Trùng với" if linked
                                          else "") + ". Xác nhận bằng nút Tìm ý kiến trùng "
        "trong Excel (ghi vào cột Trùng với) hoặc ghi tay.")
    return EXIT_OK
