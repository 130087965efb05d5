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
