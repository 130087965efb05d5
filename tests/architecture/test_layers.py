"""The architecture as contracts: import-linter runs the contracts of pyproject.toml.

The contracts hold on the package as it is, and each kind of breach is shown to fail them: an
upward import, a file library in the pure core, and a circle inside one layer, each added to a
copy of the package.
"""
import os
import shutil
import subprocess
import sys

import pytest

from paths import ROOT

PACKAGE = os.path.join(ROOT, "addin", "doithoai")
CONFIG = os.path.join(ROOT, "pyproject.toml")


def lint(package_parent: str, tmp_path) -> subprocess.CompletedProcess:
    """lint-imports on the package found first on the path (``package_parent``)."""
    env = dict(os.environ, PYTHONPATH=package_parent)
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={CONFIG!r}, no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=str(tmp_path), env=env,
                          capture_output=True, text=True, timeout=300)


def copy_with(tmp_path, module: str, line: str) -> str:
    """A copy of the package where ``module`` (a path inside it) gains ``line`` at the end."""
    parent = tmp_path / "pkg"
    shutil.copytree(PACKAGE, parent / "doithoai",
                    ignore=shutil.ignore_patterns("__pycache__", "*.csv"))
    with open(parent / "doithoai" / module, "a", encoding="utf-8") as fh:
        fh.write("\n" + line + "\n")
    return str(parent)


def test_the_package_keeps_every_contract(tmp_path):
    result = lint(os.path.dirname(PACKAGE), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, line, contract", [
    # the registry contract reaching up into the documents
    ("registry/ids.py", "from doithoai.documents import kinds  # noqa", "Layers"),
    # the rules importing the command line
    ("rules/deadlines.py", "import doithoai.cli  # noqa", "Layers"),
    # the pure core opening a workbook
    ("rules/workcalendar.py", "import openpyxl  # noqa", "The pure core"),
    # a circle inside one layer: vntext <-> addressee
    ("text/vntext.py", "from doithoai.text import addressee  # noqa", "No circle"),
])
def test_a_deliberate_breach_breaks_its_contract(tmp_path, module, line, contract):
    result = lint(copy_with(tmp_path, module, line), tmp_path)
    assert result.returncode == 1, result.stdout
    broken = [ln for ln in result.stdout.splitlines() if ln.endswith("BROKEN")]
    assert any(ln.startswith(contract) for ln in broken), result.stdout
