"""The README's quick start is what CI runs, and it works as written."""
import os
import re
import subprocess
import sys
from paths import ROOT



def quickstart():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    block = re.search(r"<!-- quickstart -->(.*?)<!-- /quickstart -->", text, re.S).group(1)
    return [line for line in block.splitlines() if line.startswith("python3 ")]


def test_quick_start_is_exactly_two_commands():
    cmds = quickstart()
    assert cmds == [
        "python3 -m pip install . && python3 -m doithoai demo",
        'python3 -m pip install ".[test]" && python3 -m pytest',
    ]


def test_ci_runs_the_quick_start_in_a_fresh_environment():
    ci = open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8").read()
    assert "python3 -m venv" in ci
    assert "<!-- quickstart -->" in ci and "commands[0]" in ci and "commands[1]" in ci


def test_test_extras_hold_what_the_suite_imports():
    pyproject = open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8").read()
    extras = re.search(r"test = \[(.*?)\]", pyproject, re.S).group(1)
    assert "pytest" in extras and "hypothesis" in extras


def test_the_demo_half_of_the_first_command_runs(tmp_path):
    # The install half is exercised by CI on a fresh clone (.ci/run); here the demo itself.
    demo = quickstart()[0].split("&&")[1].split()
    assert demo == ["python3", "-m", "doithoai", "demo"]
    res = subprocess.run([sys.executable, *demo[1:]], cwd=tmp_path, capture_output=True,
                         text=True, encoding="utf-8")
    assert res.returncode == 0, res.stderr
