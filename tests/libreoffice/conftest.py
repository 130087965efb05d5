"""What the LibreOffice tests share: the registries ``python -m doithoai demo`` writes (once per
session), and the folder of the screenshots they keep, named at the end of the run."""
import os
import subprocess
import sys

import pytest

SHOTS: list[str] = []


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The five registries of ``python -m doithoai demo``, with what the demo wrote beside them."""
    out = tmp_path_factory.mktemp("demo")
    res = subprocess.run([sys.executable, "-m", "doithoai", "demo", "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    """Where the screenshots go: $DOITHOAI_SCREENSHOTS, else a folder of this run."""
    folder = os.environ.get("DOITHOAI_SCREENSHOTS") or str(tmp_path_factory.mktemp("screenshots"))
    os.makedirs(folder, exist_ok=True)
    SHOTS.append(folder)
    return folder


def pytest_terminal_summary(terminalreporter):
    for folder in SHOTS:
        shots = sorted(f for f in os.listdir(folder) if f.endswith(".png"))
        if shots:
            terminalreporter.write_line(f"LibreOffice screenshots ({len(shots)}): {folder}")
