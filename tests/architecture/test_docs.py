"""The repository explains itself: the reference docs are generated from the code and current,
and README and docs name only files a clone has."""
import os
import re

import pytest

from paths import ROOT
from doithoai.registry.reference import registry_markdown
from doithoai.rules.reference import deadlines_markdown

DOCS = os.path.join(ROOT, "docs")


@pytest.mark.parametrize("name, render", [("registry.md", registry_markdown),
                                          ("deadlines.md", deadlines_markdown)])
def test_reference_docs_are_generated_from_the_code(name, render):
    with open(os.path.join(DOCS, name), encoding="utf-8") as fh:
        committed = fh.read()
    assert committed == render(), f"docs/{name} is stale: python scripts/update_docs.py"


def test_the_deadline_reference_computes_its_examples():
    text = deadlines_markdown()
    # seed 003's timetable (Tứ Minh, conference Friday 12/06/2026)
    assert "+ 10 working days = thứ Sáu 26/06/2026; + 15 = thứ Sáu 03/07/2026" in text
    assert "- 7 days = thứ Sáu 05/06/2026" in text
    assert "| `PHAT_PHIEU` |" in text and "| 18/05/2026 |" in text
    assert "| 2025 | 250 |" in text


def test_the_registry_reference_lists_every_sheet_and_header():
    from doithoai.registry import schema
    text = registry_markdown()
    for sheet in schema.SHEETS:
        assert f"## {sheet.name}" in text
        for c in sheet.columns:
            assert f"| {c.header} | `{c.key}` |" in text


PATH = re.compile(r"`((?:addin|docs|tests|bench|scripts|macros|workbook_templates|shared|\.ci)"
                  r"/[^`\s]*)`")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def documents():
    yield os.path.join(ROOT, "README.md")
    for name in sorted(os.listdir(DOCS)):
        if name.endswith(".md"):
            yield os.path.join(DOCS, name)


@pytest.mark.parametrize("path", list(documents()), ids=os.path.basename)
def test_docs_name_only_files_in_the_repository(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    here = os.path.dirname(path)
    missing = []
    for ref in PATH.findall(text):
        if any(ch in ref for ch in "<*{"):
            continue                   # a pattern (mttq-*.csv, <slug>), not a file name
        if not os.path.exists(os.path.join(ROOT, ref.rstrip("/"))):
            missing.append(ref)
    for ref in LINK.findall(text):
        if "://" in ref:
            continue
        if not os.path.exists(os.path.normpath(os.path.join(here, ref))):
            missing.append(ref)
    assert not missing, f"{os.path.relpath(path, ROOT)} names files a clone lacks: {missing}"


def test_readme_lists_every_command_and_option_as_the_parser_has_them():
    """README's table is made from the parser (scripts/update_docs.py): a command or option
    added, renamed or removed shows here until the table is made again."""
    from doithoai.cli import build_parser, reference
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    assert readme == reference.with_commands(readme, build_parser()), \
        "README's table of commands is stale: python scripts/update_docs.py"


def test_every_command_says_in_english_what_it_does():
    from doithoai.cli import build_parser, reference
    names = [name for name, _, _ in reference.commands(build_parser())]
    assert sorted(set(names) - set(reference.ENGLISH)) == []
    assert sorted(set(reference.ENGLISH) - set(names)) == []


# Paths and decisions named in the code: a docstring, a comment or pyproject.toml may name only
# files a clone has, and only decisions docs/architecture.md states.
CODE_PATH = re.compile(r"(?<![\w/.-])((?:addin|docs|tests|bench|scripts|macros|workbook_templates"
                       r"|\.ci)/[\w./*<>{}-]*[\w*>}])")
DECISION = re.compile(r"architecture(?:\.md)?,? decision (\d+)")


def code_files():
    for top in ("addin", "scripts", "bench", "tests", "macros"):
        for folder, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [d for d in dirs if d not in ("__pycache__", ".hypothesis")]
            for f in files:
                if f.endswith((".py", ".bas", ".xml", ".toml")):
                    yield os.path.join(folder, f)
    yield os.path.join(ROOT, "pyproject.toml")


def test_the_code_names_only_files_a_clone_has_and_decisions_it_states():
    with open(os.path.join(DOCS, "architecture.md"), encoding="utf-8") as fh:
        stated = {int(n) for n in re.findall(r"^(\d+)\. \*\*", fh.read(), re.M)}
    assert stated == set(range(1, len(stated) + 1)) and len(stated) >= 9
    missing = []
    for path in code_files():
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        rel = os.path.relpath(path, ROOT)
        if rel == os.path.join("tests", "architecture", "test_docs.py"):
            continue                    # this test names wrong paths on purpose
        if "shared/spec" in text:
            missing.append(f"{rel}: shared/spec (not in a clone)")
        for ref in CODE_PATH.findall(text):
            if any(ch in ref for ch in "<*{") or ref.endswith(("/", "-")):
                continue
            if not os.path.exists(os.path.join(ROOT, ref)):
                missing.append(f"{rel}: {ref}")
        for n in DECISION.findall(text):
            if int(n) not in stated:
                missing.append(f"{rel}: decision {n}")
    assert not missing, missing


def test_the_check_of_names_sees_a_file_that_moved():
    """The check fails on what the last review found: pyproject.toml named
    tests/test_architecture.py after it moved into tests/architecture/."""
    text = "# tests/test_architecture.py fails when …; (architecture.md, decision 12)"
    assert CODE_PATH.findall(text) == ["tests/test_architecture.py"]
    assert not os.path.exists(os.path.join(ROOT, "tests/test_architecture.py"))
    assert DECISION.findall(text) == ["12"]
