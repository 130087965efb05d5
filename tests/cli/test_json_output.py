"""With --json, standard output is one JSON document, whatever happens.

A helper found `deadlines --out --json` and `intake merge --json` printing the note "sổ đang được
mở" as prose before the JSON when the registry was open in Excel or Calc; a refusal (a missing
file, a damaged one, a mistyped option) was prose too, so a script reading the output could not
tell a refusal from a broken result. The class: every command of the parser that takes --json
(read from the parser: a new one is held here at once) is run on registries from the corpus
generator, seeded, in the situations that make a command say more than its result: the registry
open (its lock file beside it), a copy written, a missing file, a file that is no workbook, a
mistyped option, a copy asked into a missing folder. Standard output must parse as one JSON
document; a run that stopped (exit code not 0, or no result) holds ``{"error": …, "exit_code":
…}`` with the words and the same exit code; the note the registry's lock file calls for reaches
standard error.
"""
from __future__ import annotations

import json
import os

import pytest

from cli.test_says_what_it_wrote import _with
from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.cli import common

SEEDS = (4, 5)
REGISTRY = {"summary", "validate", "deadlines", "duplicates", "intake merge"}
ASIDE = {"doctor": "takes no registry: run once, plainly, below"}


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as stop:          # a mistyped option: the parser stops the program
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _faults(code: int, out: str, stopped: bool) -> list[str]:
    """What breaks the --json promise in one run's output (``stopped``: a refusal expected)."""
    try:
        data = json.loads(out)
    except ValueError:
        return [f"standard output is not one JSON document: {out[:200]!r}"]
    refused = isinstance(data, dict) and "error" in data
    wrong = []
    if stopped and not refused:
        wrong.append(f"a refusal without \"error\": {out[:200]!r}")
    if refused and (data.get("exit_code") != code or code == 0 or
                    not isinstance(data["error"], str) or not data["error"].strip()):
        wrong.append(f"error {data!r} against exit code {code}")
    return wrong


def _situations(folder: str, seed: int) -> list[tuple[str, list[str], bool]]:
    """(what, argv, whether it must stop) for each command with --json, in each situation."""
    case = make_case(seed)
    reg = saved(case, os.path.join(folder, "so.xlsx"))
    plan = case.plan["plan_id"]
    garbage = os.path.join(folder, "hong.xlsx")
    with open(garbage, "wb") as fh:
        fh.write(b"PK\x03\x04 not a workbook at all " * 40)
    missing = os.path.join(folder, "khong-co.xlsx")
    lists = [("plain", lambda c: [*c, reg], False),
             ("missing file", lambda c: [*c, missing], True),
             ("no workbook", lambda c: [*c, garbage], True),
             ("mistyped date", lambda c: [*c, reg, "--today", "31/02/2027"], True)]
    out = []
    for command in sorted(_with("--json") - set(ASIDE)):
        assert command in REGISTRY, f"{command}: a new command with --json, add it here"
        words = command.split() + ["--json"]
        for what, argv, stops in lists:
            args = argv(words)
            if command == "intake merge":           # a returned file is required
                args = args[:len(words) + 1] + [garbage] + args[len(words) + 1:]
            out.append((f"{command}: {what}", args, stops))
    out += [("deadlines: copy written, registry open",
             ["deadlines", "--json", reg, "--out", os.path.join(folder, "han.xlsx")], False),
            ("intake merge: a damaged file, registry open",        # told per file
             ["intake", "merge", "--json", reg, garbage, "--plan", plan, "--out",
              os.path.join(folder, "nhan.xlsx")], False),
            ("intake merge: a returned file mistyped",
             ["intake", "merge", "--json", reg, garbage, missing], True),
            ("intake merge: a copy into a missing folder",
             ["intake", "merge", "--json", reg, garbage, "--out",
              os.path.join(folder, "khong-co", "nhan.xlsx")], True)]
    with open(os.path.join(folder, "~$so.xlsx"), "w") as fh:
        fh.write("clerk")                     # Excel's lock file: the registry is open
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_every_json_command_prints_one_json_document(seed, tmp_path, capsys):
    wrong = {}
    for what, argv, stops in _situations(str(tmp_path), seed):
        code, out, err = _run(argv, capsys)
        faults = _faults(code, out, stops)
        if "registry open" in what and "đang được mở" not in err:
            faults.append(f"the open registry not noted on standard error: {err[:200]!r}")
        if faults:
            wrong[what] = faults
    assert not wrong, wrong


def test_doctor_prints_one_json_document(capsys):
    code, out, _ = _run(["doctor", "--json"], capsys)
    assert not _faults(code, out, stopped=False)


def test_the_property_fails_on_prose_before_the_json(tmp_path, capsys, monkeypatch):
    """Planted: the note printed on standard output, as before; refusals in words."""
    monkeypatch.setattr(common, "note", lambda args, text: common.say(text))
    wrong = []
    for what, argv, stops in _situations(str(tmp_path), SEEDS[0]):
        if what.startswith("deadlines: copy written"):
            wrong += _faults(*_run(argv, capsys)[:2], stops)
    assert wrong and "not one JSON document" in wrong[0]
    monkeypatch.setattr(common, "refusal_said",
                        lambda args, text, code: common.say(text) or code)
    monkeypatch.setattr(cli, "refusal_said", common.refusal_said)
    code, out, _ = _run(["summary", "--json", str(tmp_path / "khong-co.xlsx")], capsys)
    assert _faults(code, out, stopped=True)


def test_readme_names_every_command_with_json():
    """README's paragraph on --json lists exactly the commands that take it."""
    readme = open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md"),
                  encoding="utf-8").read()
    paragraph = readme[readme.index("With `--json` ("):]
    named = paragraph[:paragraph.index(")")]
    assert set(named.split("(", 1)[1].replace("`", "").split(", ")) == _with("--json")


def test_a_mistyped_returned_file_stops_the_whole_merge(tmp_path, capsys):
    """A re-trial: `intake merge REG good.xlsx nofile.xlsx` merged the good one and told of the
    other as a file to open in Excel and save again. A name mistyped is refused, naming it,
    before anything is read; no copy is written."""
    reg = saved(make_case(SEEDS[0]), str(tmp_path / "so.xlsx"))
    before = set(os.listdir(tmp_path))
    code, out, _ = _run(["intake", "merge", reg, reg, str(tmp_path / "khong-co.xlsx")], capsys)
    assert code == 2 and "khong-co.xlsx" in out and "không có tệp này" in out, out
    assert "lưu lại dạng .xlsx" not in out and set(os.listdir(tmp_path)) == before
