"""The layout a newcomer reads: one folder per layer, each saying what it is, nothing too long."""
import ast
import os
import tomllib

from paths import ROOT

PACKAGE = os.path.join(ROOT, "addin", "doithoai")
LONG_MODULE, LONG_CLASS = 420, 160
# Tables of data, not logic: the registry contract (sheets, columns, lists, default rules).
DATA_MODULES = {os.path.join("registry", "schema.py")}


def modules():
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "samples")]
        for f in files:
            if f.endswith(".py"):
                yield os.path.relpath(os.path.join(folder, f), PACKAGE)


def test_no_module_or_class_a_reader_must_scroll_through():
    long = []
    for rel in modules():
        with open(os.path.join(PACKAGE, rel), encoding="utf-8") as fh:
            text = fh.read()
        if rel not in DATA_MODULES and text.count("\n") > LONG_MODULE:
            long.append(f"{rel}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno >= LONG_CLASS:
                long.append(f"{rel}: class {node.name} {node.end_lineno - node.lineno + 1} lines")
    assert not long, long


def test_every_package_says_what_it_is_and_is_installed():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        listed = set(tomllib.load(fh)["tool"]["setuptools"]["packages"])
    found = set()
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        if "__init__.py" in files:
            rel = os.path.relpath(folder, os.path.dirname(PACKAGE))
            found.add(rel.replace(os.sep, "."))
            with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as fh:
                doc = ast.get_docstring(ast.parse(fh.read()))
            assert doc and len(doc) > 40, f"{rel}/__init__.py should say what the package is"
    # an installed copy (CI installs with pip, not in place) holds only the listed packages
    assert found <= listed, sorted(found - listed)
