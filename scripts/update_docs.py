"""Regenerate the reference documentation from the code: docs/registry.md (the workbook
contract), docs/deadlines.md (calendar and default rules), docs/catalogue.md (validation
codes) and README's table of commands (from the parser). Run after changing the schema, the
calendar, the default rules, the catalogue or a command; tests/architecture/test_docs.py fails
until the committed files match.
"""
import os

from doithoai.cli import build_parser, reference
from doithoai.registry.reference import registry_markdown
from doithoai.rules.reference import deadlines_markdown
from doithoai.rules.validation import catalogue_markdown

DOCS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs"))
GENERATED = {"registry.md": registry_markdown, "deadlines.md": deadlines_markdown,
             "catalogue.md": lambda: catalogue_markdown() + "\n"}

if __name__ == "__main__":
    for name, render in GENERATED.items():
        with open(os.path.join(DOCS, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render())
        print(f"updated docs/{name}")
    readme = os.path.join(os.path.dirname(DOCS), "README.md")
    with open(readme, encoding="utf-8") as fh:
        text = reference.with_commands(fh.read(), build_parser())
    with open(readme, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print("updated README.md (table of commands)")
