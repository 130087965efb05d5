"""Personal data: what the registry holds and what left it, one citizen's rows, forgetting
contacts once their time is over (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."""
from __future__ import annotations

import argparse
import datetime as dt
import os

from doithoai.cli import passwords
from doithoai.cli.common import (EXIT_OK, Refused, copy_target, date_arg, documents_folder, say,
                                 warn_if_open)
from doithoai.files.atomic import written_as
from doithoai.registry import logbook, schema


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("privacy", help="dữ liệu cá nhân trong sổ: có gì, đã gửi đi đâu",
                       description="In những dữ liệu cá nhân sổ đang giữ (cột, số người, số "
                                   "người có điện thoại), mục đích ghi ở Cấu hình và những lần "
                                   "dữ liệu cá nhân ra khỏi sổ (Nhật ký). --person: mọi dòng "
                                   "nêu tên một người và mọi văn bản Word trong Thư mục văn bản "
                                   "nêu tên người đó. --forget-contacts: xóa số điện thoại, "
                                   "địa chỉ nhà của người đã qua thời hạn giữ, trên bản sao.")
    p.add_argument("path", metavar="REGISTRY", help="tệp sổ (.xlsx)")
    p.add_argument("--person", metavar="NAME", help="họ tên người cần tra (có dấu hoặc không)")
    p.add_argument("--forget-contacts", action="store_true",
                   help="xóa số điện thoại, địa chỉ nhà (giữ thôn, tổ dân phố) của những người "
                        "mà mọi ý kiến đã giải quyết xong quá thời hạn ở Cấu hình")
    p.add_argument("--out", metavar="NEWPATH", help="tệp sổ mới (với --forget-contacts)")
    p.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD",
                   help="ngày xét thời hạn giữ số điện thoại, địa chỉ (mặc định: hôm nay)")
    passwords.add_option(p)
    p.set_defaults(func=cmd_privacy)


def cmd_privacy(args) -> int:
    from doithoai.files import reader
    if args.forget_contacts and not args.out:
        raise Refused("--forget-contacts ghi ra một bản sao mới của sổ: thêm --out TỆP_MỚI "
                      "(sổ gốc không bao giờ bị sửa).")
    opened = passwords.open_registry(args)
    reg = reader.read_registry(opened)
    today = args.today or dt.date.today()
    if args.person:
        return _person(reg, args.person, documents_folder(args.path, reg.settings))
    unread = _retention_unread(reg)
    if args.forget_contacts:
        if unread:
            raise Refused(f"{unread} Chưa xóa gì: thời hạn này quyết định xóa liên lạc của ai.")
        return _forget(args, opened, reg, today)
    code = _report(reg, opened.encrypted, today)
    if unread:
        say(f"Lưu ý: {unread}")
    return code


def _retention_unread(reg) -> str | None:
    """What to say when Cấu hình's retention could not be read (the default then stands in
    for what the office decided), or None."""
    row = reg.settings.rows.get("contact_months")
    if row is None or not any(p.sheet == schema.CONFIG.name and p.row == row
                              for p in reg.problems):
        return None
    return (f"Thời hạn giữ số điện thoại, địa chỉ ở trang {schema.CONFIG.name}, dòng {row} không "
            f"đọc được thành số tháng; phần mềm đang tạm dùng {reg.settings.contact_months} "
            "tháng. Ghi lại số tháng bằng chữ số (ví dụ 24).")


def _report(reg, encrypted: bool, today: dt.date) -> int:
    from doithoai.registry import personal
    c = personal.census(reg)
    say(f"Dữ liệu cá nhân trong sổ {os.path.basename(reg.source or '')} "
        f"({reg.settings.unit_name or 'chưa ghi tên đơn vị'}), ngày {today:%d/%m/%Y}:")
    say(f"Mục đích (Cấu hình): {reg.settings.data_purpose or 'chưa ghi'}")
    say("Các cột giữ họ tên, địa chỉ, số điện thoại (số ô đã ghi):")
    by_sheet: dict[str, list[str]] = {}
    for sheet, header, filled in c.columns:
        by_sheet.setdefault(sheet, []).append(f"{header} {filled}")
    for sheet, cells in by_sheet.items():
        say(f"  - {sheet}: {', '.join(cells)}")
    unnamed = f", {c.anonymous} người giấu tên" if c.anonymous else ""
    say(f"Người nêu ý kiến: {c.citizens} người nêu tên{unnamed}; {c.with_phone} người có số "
        f"điện thoại, {c.with_address} người có địa chỉ; {c.contents_with_identifiers} ý kiến "
        "có số điện thoại, số giấy tờ, số nhà... ngay trong nội dung (được che khi ra khỏi "
        "sổ).")
    if c.misplaced:
        say(f"Ô họ tên, địa chỉ có ghi số điện thoại, số giấy tờ, tài khoản hoặc thư điện tử: "
            f"{c.misplaced} ô (văn bản không in các số này; doithoai validate chỉ rõ từng ô, mã "
            "field-has-identifier).")
    say(f"Đại biểu: {c.delegates} người; {c.delegates_with_phone} người có số điện thoại. "
        f"Dòng chờ xử lý (MTTQ gửi về): {c.pending}.")
    _, forgotten = personal.forget_contacts(reg, today)
    say(f"Thời hạn giữ số điện thoại, địa chỉ (Cấu hình): {reg.settings.contact_months} tháng "
        f"sau khi mọi ý kiến của một người đã giải quyết xong. Đến nay: {forgotten.people} người "
        f"đã qua thời hạn (xóa bằng: doithoai privacy SỔ --forget-contacts --out TỆP_MỚI); "
        f"{not_cleared(forgotten)}.")
    say("Sổ " + ("có" if encrypted else "không có") + " mật khẩu.")
    released = personal.released(reg)
    log = reg.tables.get("log")
    if log is None or "persons" not in log.columns:
        say("Nhật ký của sổ chưa có các cột Gửi cho, Số người nêu tên, Có mật khẩu (có từ phiên "
            "bản 0.4): thêm ba cột này vào cuối bảng Nhật ký (chép từ một sổ mới) để phần mềm "
            "ghi và liệt kê những lần dữ liệu cá nhân ra khỏi sổ.")
    say(f"Những lần dữ liệu cá nhân ra khỏi sổ (Nhật ký): {len(released) or 'chưa có'}"
        + (":" if released else "."))
    for r in released:      # Kết quả opens with the record (registry.personal.Release)
        say(f"  - {r.get('time') or ''}, {r.get('user') or ''}, {r.get('action') or ''}: "
            f"{logbook.shortened(r.get('result') or '', 300)}"
            + (f" Tệp: {r['files']}" if r.get("files") else ""))
    return EXIT_OK


def _person(reg, name: str, folder: str) -> int:
    from doithoai.registry import personal, spelling
    from doithoai.text import vntext
    found = personal.mentions(reg, name)
    # The names the registry holds for the one typed, with their capitals ("phan van duc":
    # "Phan Văn Đức").
    spelled = sorted({spelling.person_name(personal.bare_name(m.value)) for m in found
                      if personal.same_person(m.value, name)}, key=vntext.plain_key)
    say(f"Sổ có {len(found)} dòng nêu tên \"{name}\""
        + (f", trong sổ ghi là {', '.join(spelled)}" if spelled and spelled != [name.strip()]
           else "")
        + " (so cả khi gõ khác hoa thường, khoảng trắng, kiểu bỏ dấu hay không dấu):")
    for m in found:
        held = "; ".join(f"{h}: {v}" for h, v in m.personal)
        say(f"  - {m.sheet}, dòng {m.row}" + (f" ({m.key})" if m.key else "") +
            f", cột {m.column}: {m.value}" + (f" — {held}" if held else ""))
    _documents_naming(reg, name, folder)
    return EXIT_OK


def _documents_naming(reg, name: str, folder: str) -> None:
    """The Word documents of the Thư mục văn bản that name the person, each with its Sổ văn
    bản record when it has one (issued: its number and date)."""
    from doithoai.documents import named_in
    if not os.path.isdir(folder):
        say(f"Văn bản: chưa có thư mục văn bản {folder} (chưa tạo văn bản nào).")
        return
    found = named_in.naming(folder, name)
    records = {(e.file or "").replace("\\", "/"): e for e in reg.register if e.file}
    say(f"Có {len(found.naming)} văn bản trong {folder} nêu tên \"{name}\""
        + (":" if found.naming else "."))
    for rel in found.naming:
        e = records.get(rel)
        record = ""
        if e is not None:
            number = e.number_symbol or (f"{e.number}/{e.symbol}" if e.number else "")
            record = (f" — Sổ văn bản dòng {e.row}: {e.status or 'chưa ghi trạng thái'}"
                      + (f", số {number}" if number else "")
                      + (f" ngày {e.date:%d/%m/%Y}" if e.date else ""))
        copies = found.copies.get(rel)
        say(f"  - {rel}{record}" + (f" (kèm bản {', '.join(c[1:] for c in copies)} cùng tên)"
                                    if copies else ""))
    for rel, why in found.unread:
        say(f"  - Không đọc được {rel} ({why}): hãy mở tệp xem có nêu tên người này không.")


def _forget(args, opened, reg, today: dt.date) -> int:
    from doithoai.files import registry_copy
    from doithoai.registry import personal, schema
    from doithoai.registry.changes import append_rows
    target = copy_target(args.path, args.out, "xoa lien lac")
    warn_if_open(args)
    ch, out = personal.forget_contacts(reg, today)
    months = reg.settings.contact_months
    if not out.rows:
        say(f"Không có số điện thoại, địa chỉ nhà nào đã qua thời hạn giữ ({months} tháng sau "
            f"khi mọi ý kiến đã giải quyết xong): không ghi bản sao nào. {not_cleared(out)}.")
        return EXIT_OK
    what = f"{out.people} người, {len(out.rows)} dòng ý kiến; thời hạn {months} tháng"
    append_rows(reg, schema.LOG, logbook.rows("Xóa số điện thoại, địa chỉ", what, "", [
        personal.copy_release(reg, opened.encrypted, "xóa liên lạc hết hạn", ch)]), ch)
    written = registry_copy.registry_copy(opened, ch, target=target)
    for row, name, village in out.rows:
        say(f"  - Ý kiến, dòng {row}: {name}; địa chỉ còn {village or '(trống)'}, không còn số "
            "điện thoại.")
    if out.in_words:
        rows = "; ".join(f"dòng {row}: {what}" for row, what in out.in_words)
        say(f"Nội dung ý kiến còn ghi những gì người dân tự viết ({rows}); phần mềm không sửa "
            "lời người dân, hãy xem và xóa tay trong bản sao nếu cần.")
    if out.unplaced:
        say(f"Các dòng {', '.join(map(str, out.unplaced))}: địa chỉ không ghi thôn, tổ dân phố "
            "nào phần mềm biết nên đã xóa cả; ghi lại thôn nếu cần.")
    say(f"Đã xóa số điện thoại, địa chỉ nhà của {what} trong bản sao {written}"
        f"{written_as(target, written)} (họ tên và ý kiến giữ nguyên; sổ gốc không bị sửa). Hãy "
        "dùng bản sao này làm sổ từ nay và xóa các bản cũ có số điện thoại, địa chỉ.")
    return EXIT_OK


def not_cleared(out) -> str:
    """The people whose contacts are not cleared, and why ("2 người đã qua thời hạn nhưng sổ
    không ghi…; 0 người chưa đến hạn; 9 người còn ý kiến…"): with those cleared
    (registry.personal.Forgotten.people), every citizen of the registry once."""
    return "; ".join(([f"{out.bare} người đã qua thời hạn nhưng sổ không ghi số điện thoại, "
                       "số nhà của họ"] if out.bare else [])
                     + [f"{out.waiting} người chưa đến hạn",
                        f"{out.open} người còn ý kiến chưa giải quyết xong"])
