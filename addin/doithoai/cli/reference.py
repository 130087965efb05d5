"""The command reference of README, made from the parser itself: every command, its every
option as `--help` shows it, what it does in Vietnamese (the parser's own help) and in English
(below, one entry a command). `python scripts/update_docs.py` writes it between README's
``<!-- commands -->`` markers; tests/architecture/test_docs.py fails when README and the parser
disagree, or a command has no English line.
"""
from __future__ import annotations

import argparse
import re

# What each command does, in English, for the second column of README's table. A command added
# to the parser without a line here fails the docs test.
ENGLISH = {
    "demo": "builds the five sample registries under DIR (default `./demo`) and runs every "
            "capability on them",
    "init": "creates a new, blank registry; never replaces an existing file, and never makes a "
            "missing folder (it names it). Its lists hold the usual values, but the commune's "
            "own villages (Danh mục › *Thôn, tổ dân phố*) are left for the clerk to type. "
            "`--unit-type phường` (or `đặc khu`) fills in Loại đơn vị and names the listed "
            "agencies in that word (\"Công an phường\"); chosen later in Cấu hình instead, "
            "`validate` warns of each agency still named \"… xã\"",
    "summary": "counts plans, invitees, opinions by status and by field",
    "due": "one due date; the last line is `YYYY-MM-DD`. Without `--working`, N calendar days "
           "with the roll rules; `--before` counts back (\"chậm nhất N ngày trước\"); "
           "`--registry` applies that registry's Ngày nghỉ",
    "deadlines": "every milestone of every plan and pending opinion: due date (marked \"dự "
                 "kiến\" when the year's holidays are not yet official), unit, status with the "
                 "working days left or overdue (\"Quá hạn 22 ngày làm việc\"), basis; "
                 "`--write` (or `--out NEWPATH`) writes them into Mốc thời gian and each "
                 "opinion's Hạn trả lời of a copy of the registry, as the Tính hạn button does, "
                 "and says where the copy went (with `--json`: its path in "
                 "`registry_written`)",
    "validate": "every problem in one pass, each with sheet, cell, column, message and fix; "
                "exit 0 no error, 1 errors, 2 unreadable file or a renamed or deleted sheet or "
                "header (all listed)",
    "catalogue": "the catalogue of validation codes as a Markdown table (`docs/catalogue.md` is "
                 "its output)",
    "generate": "the Word documents of each plan (default: into the Thư mục văn bản beside the "
                "registry); `--issue` numbers, dates and registers them, writing Sổ văn bản into "
                "a copy of the registry (the headless path never saves a registry in place), with "
                "the deadlines the issued documents set (Mốc thời gian, Hạn trả lời: what Tính "
                "hạn would write); "
                "`--pdf` adds PDFs, `--odt` ODF copies (`.odt`, the format of Thông tư "
                "19/2011/TT-BTTTT), where Word or LibreOffice is present; `--today` is the day "
                "the documents are made (their date lines, deadlines and years)",
    "overdue": "a công văn đôn đốc to each agency with overdue replies or resolutions",
    "intake export": "intake workbooks for the Front, one per village (see *Chia sẻ với Ủy ban "
                     "MTTQ*); `--encrypt`: each file with a password of its own, printed once and "
                     "kept in a new copy of the registry (see *Dữ liệu cá nhân*); `--today`: the "
                     "day the forms are made, which decides what they ask for (the Thu phiếu "
                     "deadline while it is ahead; after the conference, a catch-up form)",
    "intake merge": "returned intake files merged into a new copy of the registry; prints the "
                    "conservation line per file; `--today`: the day the files are merged, "
                    "which decides whether the conference is past, and the Ngày nhận of a "
                    "row the Front left undated when its file does not say when it was saved "
                    "(each such row is named, with the day it was given)",
    "duplicates": "suggested repeats among the registry's opinions, with scores",
    "monitor": "the read-only monitoring workbook for the party office and the Front (no phone "
               "numbers, no addresses)",
    "carry-over": "earlier conferences' unresolved opinions (conferences held before the plan's "
                  "and before `--today`, of the whole commune or sharing a village with the "
                  "plan); `--link` adds them to the plan in a new copy",
    "privacy": "what personal data the registry holds (columns, citizens, who left a phone "
               "number), the purpose stated in Cấu hình and every time personal data left the "
               "office (Nhật ký); `--person`: every row naming one citizen, and every Word document of the Thư mục văn bản that names them; `--forget-contacts`: "
               "their phone numbers and house addresses removed in a new copy once their time is "
               "over (see *Dữ liệu cá nhân*)",
    "rollup": "the province's roll-up of the monitoring workbooks communes send up (files or "
              "folders), with a DuckDB database beside it; each input's outcome printed (see "
              "*Tổng hợp của tỉnh*); needs the `province` extra",
    "build-addin": "builds `doithoai.xlam` (default into `./dist`) from `macros/` on any OS and "
                   "checks it: every module present, every ribbon callback has its Sub and every "
                   "Sub its Python function, the add-in content type, the `_VBA_PROJECT` stream "
                   "in the specification's write form, well-formed XML, and our VBA read as a "
                   "compiler would; where LibreOffice and python3-uno are installed, every "
                   "module of the built file is compiled by LibreOffice Basic in VBA mode",
    "install": "Windows: puts the add-in where Excel loads it (see below); elsewhere says that "
               "the add-in needs Excel on Windows. `--libreoffice` (Windows and Linux): adds "
               "the extension Đối thoại to LibreOffice with `unopkg`, recording the Python that "
               "runs the command; for the current user, or, run as root, for every user (the command "
               "passes unopkg's own `--shared` itself: there is no such option to type) "
               "(see *Văn phòng dùng LibreOffice*)",
    "uninstall": "Windows: removes the add-in and its registration; `--libreoffice`: removes "
                 "the LibreOffice extension",
    "build-extension": "builds `doithoai.oxt` (default into `./dist`) on any OS from the "
                       "ribbon's own source in `macros/` and checks it: every button of the tab "
                       "on the toolbar and in the menu, well-formed configuration, the component "
                       "and its icons; it records no Python (install with `install "
                       "--libreoffice`)",
    "lo-press": "run by the LibreOffice extension, not by hand: one button for the document "
                "open in LibreOffice Calc, over stdin/stdout (see *Văn phòng dùng LibreOffice*)",
    "doctor": "every check a clerk's PC needs, ✓ or ✗ with the fix; exit 0 all pass, 1 "
              "something to fix",
    "bundle": "the offline installer folder for Windows 64-bit and its zip (needs the package "
              "index while building); `--province` makes the province's folder, with DuckDB "
              "for the roll-up",
}


def parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """(name, its parser) of every command, sub-actions included ("intake export"), in the
    parser's order."""
    return [(name, sub) for name, sub, _ in _leaves(parser)]


def commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, str]]:
    """(name, usage without -h, Vietnamese help) of every command (see :func:`parsers`)."""
    return [(name, _usage(sub), helptext) for name, sub, helptext in _leaves(parser)]


def _leaves(parser: argparse.ArgumentParser):
    for name, sub, helptext in _subcommands(parser):
        nested = list(_subcommands(sub))
        if nested:
            yield from ((f"{name} {n}", s, h) for n, s, h in nested)
        else:
            yield name, sub, helptext


def _subcommands(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name, "")


def _usage(sub: argparse.ArgumentParser) -> str:
    """The command as `--help` shows it, on one line, without -h."""
    text = sub.format_usage().split(":", 1)[1]
    text = " ".join(text.replace("[-h]", "").split())
    return re.sub(r"\s+([\])])", r"\1", text)


def commands_markdown(parser: argparse.ArgumentParser) -> str:
    """README's table of commands."""
    lines = ["| lệnh / command | việc làm | what it does |", "|---|---|---|"]
    for name, usage, vietnamese in commands(parser):
        english = ENGLISH.get(name, "")
        lines.append(f"| `{usage.replace('|', chr(92) + '|')}` | {vietnamese} | {english} |")
    return "\n".join(lines) + "\n"


START, END = "<!-- commands -->", "<!-- /commands -->"


def with_commands(readme: str, parser: argparse.ArgumentParser) -> str:
    """README with its table of commands, between the markers, made from ``parser``."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{commands_markdown(parser)}{END}{tail}"
