import os

# xlwings' JSON book (the engine of xlwings Server) checks this key when xlwings is first
# imported; "noncommercial" is the PolyForm Noncommercial key, which covers government use
# (docs/architecture.md, decision 5).
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import shutil

import pytest

from doithoai.cli import demo
from doithoai.files import blank, reader
from doithoai.samples import SAMPLES


@pytest.fixture(scope="session")
def sample_paths(tmp_path_factory):
    """The five sample registries, built once per test session: slug → path."""
    out = tmp_path_factory.mktemp("samples")
    return {s.slug: demo.build_sample(s, str(out / s.slug)) for s in SAMPLES}


@pytest.fixture(scope="session")
def sample_registries(sample_paths):
    return {slug: reader.read_registry(path) for slug, path in sample_paths.items()}


@pytest.fixture
def sample_copy(sample_paths, tmp_path):
    """A private copy of one sample registry, to modify in a test."""
    def copy(slug):
        dst = tmp_path / os.path.basename(sample_paths[slug])
        shutil.copy(sample_paths[slug], dst)
        return str(dst)
    return copy


@pytest.fixture(scope="session")
def blank_path(tmp_path_factory):
    return blank.create_blank(str(tmp_path_factory.mktemp("blank") / "so.xlsx"))


@pytest.fixture
def shells(monkeypatch):
    """Record every shell a button creates, to count its reads."""
    from doithoai.buttons import common
    from doithoai.excel import shell
    made = []

    class Recording(shell.ExcelShell):
        def __init__(self, book):
            super().__init__(book)
            made.append(self)

    monkeypatch.setattr(common, "ExcelShell", Recording)
    return made
