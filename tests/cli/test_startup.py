"""The commands that only read a registry start without the libraries that write one: openpyxl
(and the numpy it brings) costs a tenth of a second at every start, a tenth of what reading a
registry of 50,000 opinions costs (bench/commune_scale_bench.py)."""
import subprocess
import sys

import pytest

from paths import ROOT

READ_ONLY = (("validate", ["--today", "2026-11-22"]), ("deadlines", ["--today", "2026-11-22"]),
             ("summary", []), ("duplicates", []), ("catalogue", []))


@pytest.mark.parametrize("command,extra", READ_ONLY, ids=[c for c, _ in READ_ONLY])
def test_a_command_that_only_reads_does_not_load_the_writers(command, extra, sample_paths):
    args = [command] + ([sample_paths["tu-minh"]] if command != "catalogue" else []) + extra
    code = ("import sys\n"
            "from doithoai import cli\n"
            f"code = cli.main({args!r})\n"
            "print(sorted(m for m in ('openpyxl', 'docx', 'docxtpl') if m in sys.modules))\n"
            "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode in (0, 1), done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.rstrip().splitlines()[-1] == "[]", done.stdout[-300:]
