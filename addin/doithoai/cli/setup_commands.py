"""Setting up a clerk's PC: the add-in, install and uninstall, the doctor, the offline bundle."""
from __future__ import annotations

import argparse
import os

from doithoai.cli.common import EXIT_OK, EXIT_REFUSED, output_folder, say


def add_parsers(sub) -> None:
    p: argparse.ArgumentParser
    p = sub.add_parser("build-addin", help="tạo tệp bổ trợ doithoai.xlam từ macros/",
                       description="Tạo doithoai.xlam (thẻ Đối thoại) từ mã VBA và XML ribbon "
                                   "dạng văn bản, trên mọi hệ điều hành, rồi kiểm tra tệp.")
    p.add_argument("--out", default="dist", metavar="DIR",
                   help="thư mục ghi tệp (mặc định: ./dist)")
    p.set_defaults(func=cmd_build_addin)

    p = sub.add_parser("install", help="cài phần bổ trợ vào Excel (Windows) hoặc LibreOffice",
                       description="Đặt doithoai.xlam vào thư mục AddIns của Excel, ghi trình "
                                   "thông dịch Python cho xlwings, đăng ký để Excel tự mở và "
                                   "kiểm tra phiên bản (chỉ trên Windows). Với --libreoffice: cài "
                                   "phần mở rộng Đối thoại vào LibreOffice Calc (Windows, Linux) "
                                   "bằng unopkg, ghi Python đang chạy lệnh này.")
    p.add_argument("--libreoffice", action="store_true",
                   help="cài vào LibreOffice thay vì Excel")
    p.set_defaults(func=cmd_install)

    p = sub.add_parser("uninstall", help="gỡ phần bổ trợ khỏi Excel hoặc LibreOffice",
                       description="Gỡ doithoai.xlam và đăng ký của nó khỏi Excel; với "
                                   "--libreoffice: gỡ phần mở rộng Đối thoại khỏi LibreOffice.")
    p.add_argument("--libreoffice", action="store_true",
                   help="gỡ khỏi LibreOffice thay vì Excel")
    p.set_defaults(func=cmd_uninstall)

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
    p.add_argument("--province", action="store_true",
                   help="bộ cài cho tỉnh: thêm DuckDB để tổng hợp nhiều xã (lệnh rollup)")
    p.set_defaults(func=cmd_bundle)


def unresolved_buttons() -> list[str]:
    """Names of doithoai.excel.ribbon.BUTTON_FUNCTIONS that the installed doithoai.buttons
    lacks: the build check reads the list as data, this resolves it for real."""
    from doithoai import buttons
    from doithoai.excel.ribbon import BUTTON_FUNCTIONS
    return [n for n in BUTTON_FUNCTIONS if not callable(getattr(buttons, n, None))]


def cmd_build_addin(args) -> int:
    from doithoai.excel import addin_build
    missing = unresolved_buttons()
    if missing:
        say("Không tạo phần bổ trợ: gói doithoai.buttons thiếu hàm " + ", ".join(missing) + ".")
        return EXIT_REFUSED
    try:
        path = addin_build.build(output_folder(args.out))
    except addin_build.BuildError as exc:
        say(str(exc))
        return EXIT_REFUSED
    from doithoai.excel import vba_compile
    reason = vba_compile.available()
    if reason is None:
        modules = addin_build.built_modules(path)
        wrong = vba_compile.problems(modules)
        if wrong:
            os.remove(path)           # nobody installs an add-in whose buttons would be dead
            say("Không tạo phần bổ trợ: VBA không biên dịch được.\n- " + "\n- ".join(wrong))
            return EXIT_REFUSED
        say(f"Biên dịch VBA bằng LibreOffice Basic (chế độ VBA): đạt, {len(modules)} mô-đun.")
    else:
        say(f"Chưa biên dịch VBA bằng LibreOffice: {reason}; đã đọc kiểm tra mã VBA.")
    say(f"Đã tạo và kiểm tra phần bổ trợ: {path}")
    say("Kiểm tra đạt: đủ mô-đun VBA, mỗi nút có Sub và mỗi Sub có hàm Python, kiểu nội dung "
       "add-in, luồng _VBA_PROJECT đúng dạng ghi, XML hợp lệ.")
    return EXIT_OK


def cmd_install(args) -> int:
    if args.libreoffice:
        from doithoai.libreoffice import install
        report = install.install(install.real_office())
        say("\n".join(report.lines))
        return EXIT_OK if report.ok else EXIT_REFUSED
    from doithoai.excel import addin_install
    report = addin_install.install()
    say("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_uninstall(args) -> int:
    if args.libreoffice:
        from doithoai.libreoffice import install
        report = install.uninstall(install.real_office())
        say("\n".join(report.lines))
        return EXIT_OK if report.ok else EXIT_REFUSED
    from doithoai.excel import addin_install
    report = addin_install.uninstall()
    say("\n".join(report.lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_doctor(args) -> int:
    from doithoai.installer import doctor
    checks = doctor.run(doctor.real_machine(args.documents))
    say(doctor.to_json(checks) if args.json else doctor.render(checks))
    return EXIT_OK if all(c.ok for c in checks) else EXIT_REFUSED


def cmd_bundle(args) -> int:
    from doithoai.installer import bundle
    try:
        result = bundle.build(output_folder(args.out),
                              bundle.parse_versions(args.python, args.source),
                              args.source, province=args.province)
    except bundle.BundleError as exc:
        say(str(exc))
        return EXIT_REFUSED
    for line in result.lines():
        say(line)
    return EXIT_OK
