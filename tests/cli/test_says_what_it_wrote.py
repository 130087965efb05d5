"""Every command that writes a file says, in Vietnamese, what it wrote and where.

A trial read `deadlines REGISTRY --out FILE` as leaving the clerk without a word of what was
written or where. The class: every command of the parser that takes --out (or, like init, a path
to write) is run on a registry from the corpus generator (tests/corpus), twice into the same
place; what is new on disk after each run is held to the printed lines. Every new file is named,
by its own path or a folder of it, on a line that says it was written ("Đã tạo", "Đã ghi vào
bản sao", "được ghi vào"...); a run whose
file went to another name, the one asked for being taken (in a folder asked for too: intake
export's forms), says so (files.atomic.written_as); with
--json, the copy of the registry is named in the JSON ("registry_written"), not in prose that
breaks the JSON. The commands are read from the parser: a new command with --out fails here
until it is added to the table below (or set aside with its reason).
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import later_plan, saved
from doithoai import cli
from doithoai.registry import parsing, schema

SEEDS = (0, 1, 2)
# Set aside, with the reason; each still names what it writes (checked by hand, and the first
# two by tests/cli/test_cli.py and tests/installer).
ASIDE = {"demo": "five sample units and their documents: about 15 s; names its folder first",
         "bundle": "downloads packages for Windows: needs the network"}

WROTE = re.compile(r"(?i)\bđã (?:tạo|ghi|xóa|chuyển|xuất)\b|được ghi vào")


def _parsers(parser, prefix=""):
    """(command as typed, its parser) for every subcommand, nested ones (intake export) too."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for name, sub in action.choices.items():
            if sub._subparsers:
                yield from _parsers(sub, prefix + name + " ")
            else:
                yield prefix + name, sub


def _with(option: str) -> set[str]:
    return {name for name, sub in _parsers(cli.build_parser())
            if option in sub._option_string_actions}


def _form(reg: str, plan_id: str, folder: str, received: dt.date, seed: int) -> str:
    """An intake form exported for the plan, two rows filled as a village board would."""
    assert cli.main(["intake", "export", reg, "--plan", plan_id, "--one-file", "--out", folder,
                     "--today", received.isoformat()]) == 0
    path = glob.glob(os.path.join(folder, "*.xlsx"))[0]
    wb = openpyxl.load_workbook(path)
    ws = wb["Ý kiến"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    field = schema.lookup("Lĩnh vực").values[seed % 3]
    for n in (1, 2):
        for c, v in enumerate(("Phiếu hỏi", received.strftime("%d/%m/%Y"), f"Ông Lê Văn Tư {n}",
                               None, None, f"Đề nghị sửa cống số {seed}-{n} đầu làng", field),
                              start=2):
            ws.cell(row=head + n, column=c, value=v)
    wb.save(path)
    return path


def _setting(seed: int, root: str):
    """The registry of ``seed`` with a second conference 60 days after the first (for
    carry-over), its first conclusion issued (for overdue's deadlines); the commands to run,
    each with where it was asked to write (a file, a folder, or None: beside the registry)."""
    case = make_case(seed)
    first = case.plan
    second, later = later_plan(first, 60)
    meeting = parsing.parse_date(first["meeting_date"])
    reg = saved(case, os.path.join(root, "so.xlsx"), more={
        "plans": [first, second],
        "invitees": case.invitees + [dict(i, plan_id=second["plan_id"]) for i in case.invitees]})
    p1, p2 = first["plan_id"], second["plan_id"]
    os.makedirs(os.path.join(root, "chuan-bi"))
    returned = _form(reg, p1, os.path.join(root, "chuan-bi"), meeting - dt.timedelta(days=20),
                     seed)
    # the conclusion issued two days after the meeting: the replies get their deadlines
    cli.main(["generate", reg, "--plan", p1, "--docs", "TBKL", "--issue", "--out",
              os.path.join(root, "chuan-bi", "vb"),
              "--today", (meeting + dt.timedelta(days=2)).isoformat()])
    reg = glob.glob(os.path.join(root, "*cap so*.xlsx"))[0]
    out = os.path.join(root, "ra")
    os.makedirs(out)
    after = (meeting + dt.timedelta(days=120)).isoformat()
    monitored = os.path.join(root, "chuan-bi", "theo-doi.xlsx")
    assert cli.main(["monitor", reg, "--out", monitored, "--today", after]) == 0
    commands = {
        "init": (["init", os.path.join(out, "so-moi.xlsx")], os.path.join(out, "so-moi.xlsx")),
        "deadlines": (["deadlines", reg, "--today", after, "--out",
                       os.path.join(out, "han.xlsx")], os.path.join(out, "han.xlsx")),
        "generate": (["generate", reg, "--plan", p1, "--out", os.path.join(out, "vb"),
                      "--today", after, "--issue", "--docs", "BB,CVTL,BCKQ,DSDB"],
                     os.path.join(out, "vb")),
        "overdue": (["overdue", reg, "--out", os.path.join(out, "dd"), "--today",
                     (meeting + dt.timedelta(days=300)).isoformat()], os.path.join(out, "dd")),
        "intake export": (["intake", "export", reg, "--plan", p2, "--out",
                           os.path.join(out, "phieu"), "--today", after],
                          os.path.join(out, "phieu")),
        "intake merge": (["intake", "merge", reg, returned, "--out",
                          os.path.join(out, "nhan.xlsx"), "--today",
                          (meeting - dt.timedelta(days=15)).isoformat()],
                         os.path.join(out, "nhan.xlsx")),
        "monitor": (["monitor", reg, "--out", os.path.join(out, "td.xlsx"), "--today", after],
                    os.path.join(out, "td.xlsx")),
        "carry-over": (["carry-over", reg, "--plan", p2, "--link", "--out",
                        os.path.join(out, "ton.xlsx"), "--today",
                        (later - dt.timedelta(days=5)).isoformat()],
                       os.path.join(out, "ton.xlsx")),
        "privacy": (["privacy", reg, "--forget-contacts", "--out", os.path.join(out, "xoa.xlsx"),
                     "--today", (meeting + dt.timedelta(days=2000)).isoformat()],
                    os.path.join(out, "xoa.xlsx")),
        "rollup": (["rollup", monitored, "--out", os.path.join(out, "tinh.xlsx")],
                   os.path.join(out, "tinh.xlsx")),
        "build-addin": (["build-addin", "--out", os.path.join(out, "addin")],
                        os.path.join(out, "addin")),
        "build-extension": (["build-extension", "--out", os.path.join(out, "lo")],
                            os.path.join(out, "lo")),
    }
    return commands


def _files(root: str) -> set[str]:
    return {os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs}


def _unsaid(new: set[str], text: str, root: str) -> list[str]:
    """The new files no line that says it wrote ("Đã tạo", "được ghi vào"...) names, by path
    or by a folder of theirs below ``root``."""
    said = [line for line in text.splitlines() if WROTE.search(line)]
    missing = []
    for f in sorted(new):
        names = [f] + [d for d in _parents(f, root)]
        if not any(n in line for line in said for n in names):
            missing.append(f)
    return missing


_TAKEN = re.compile(r" \(\d+\)(\.\w+)$")


def _renamed(new: set[str], before: set[str]) -> list[str]:
    """The names the new files were meant to have, each taken by a file there before (the new
    one got " (2)")."""
    meant = [_TAKEN.sub(r"\1", f) for f in sorted(new) if _TAKEN.search(f)]
    return [os.path.basename(m) for m in meant if m in before]


def _parents(path: str, root: str):
    d = os.path.dirname(path)
    while len(d) > len(root):
        yield d
        d = os.path.dirname(d)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_file_written_is_named_where_it_went(seed, tmp_path, capsys):
    root = str(tmp_path)
    commands = _setting(seed, root)
    writes = _with("--out") | {"init"}
    assert writes - set(ASIDE) == set(commands), sorted(writes - set(ASIDE) ^ set(commands))
    capsys.readouterr()
    wrote = {name: 0 for name in commands}
    for name, (argv, asked) in commands.items():
        for attempt in (1, 2):
            taken = asked.endswith(".xlsx") and os.path.exists(asked)
            before = _files(root)
            code = cli.main(argv)
            text = capsys.readouterr().out
            if name == "rollup" and "DuckDB" in text:
                break                               # the province extra is not installed
            assert code in (0, 1), (name, text)
            new = _files(root) - before
            assert not _unsaid(new, text, root), (name, attempt, _unsaid(new, text, root), text)
            if taken and asked not in new and any(f.endswith(".xlsx") for f in new):
                assert f"đã có tệp {os.path.basename(asked)}" in text, (name, text)
            for f in _renamed(new, before):     # in a folder asked for (intake export) too
                # (a file named after another, the roll-up's database, by the one it follows)
                assert f"đã có tệp {os.path.splitext(f)[0]}." in text, (name, attempt, f, text)
            wrote[name] += bool(new)
    if seed == SEEDS[0]:                            # each command wrote, and was held to it
        assert all(wrote.values()), wrote


def test_any_run_asked_for_json_names_the_copy_in_it(tmp_path, capsys):
    """deadlines --out --json printed prose in place of JSON; now every command that takes both
    options (read from the parser) gives the copy's path under "registry_written"."""
    root = str(tmp_path)
    commands = _setting(SEEDS[1], root)
    both = _with("--json") & _with("--out")
    assert both == {"deadlines", "intake merge"}, both      # each is run below
    capsys.readouterr()
    for name in sorted(both):
        argv, asked = commands[name]
        for attempt in (1, 2):
            before = _files(root)
            cli.main(argv + ["--json"])
            data = json.loads(capsys.readouterr().out)
            new = [f for f in _files(root) - before if f.endswith(".xlsx")]
            assert data["registry_written"] == (new[0] if new else None), (name, attempt)
            assert len(new) == 1 or name == "intake merge", (name, attempt)
