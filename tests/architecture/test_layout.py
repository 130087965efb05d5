"""The layout a newcomer reads: one folder per layer, each saying what it is, no module too long
to read, no function too tangled to change (ruff's C901 at pyproject's max-complexity)."""
import ast
import os
import subprocess
import sys
import tomllib

from paths import ROOT

PACKAGE = os.path.join(ROOT, "addin", "doithoai")
LONG_MODULE = 420
# Tables of data, not logic: the registry contract (sheets, columns, lists, default rules).
DATA_MODULES = {os.path.join("registry", "schema.py")}


def modules():
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "samples")]
        for f in files:
            if f.endswith(".py"):
                yield os.path.relpath(os.path.join(folder, f), PACKAGE)


def test_no_module_a_reader_must_scroll_through():
    long = []
    for rel in modules():
        with open(os.path.join(PACKAGE, rel), encoding="utf-8") as fh:
            text = fh.read()
        if rel not in DATA_MODULES and text.count("\n") > LONG_MODULE:
            long.append(f"{rel}: {text.count(chr(10))} lines")
    assert not long, long


def _complexity_check(path) -> subprocess.CompletedProcess:
    """ruff's McCabe check with the project's own settings (pyproject.toml)."""
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--select",
                           "C901", "--output-format", "concise", "--config",
                           os.path.join(ROOT, "pyproject.toml"), str(path)],
                          capture_output=True, text=True, cwd=ROOT)


def test_no_function_too_tangled_to_change():
    done = _complexity_check(PACKAGE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_complexity_check_finds_a_tangled_function(tmp_path):
    """The check above can fail: a function of eleven paths is reported, one of ten is not."""
    def function(name, paths):
        tests = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(paths - 1))
        return f"def {name}(x):\n{tests}    return -1\n"
    (tmp_path / "planted.py").write_text(function("tangled", 11) + "\n\n" + function("fine", 10))
    done = _complexity_check(tmp_path)
    assert done.returncode == 1 and "`tangled` is too complex (11 > 10)" in done.stdout
    assert "`fine`" not in done.stdout


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
