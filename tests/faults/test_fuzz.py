"""The file fuzzer in CI (tests/fuzz.py): a bounded number of mutated registries, returned
intake files and monitoring workbooks, every reader and command run on each in processes with
their memory limited, none breaking a rule. The seed is fixed so that a failure can be
replayed (DOITHOAI_FUZZ_SEED and DOITHOAI_FUZZ_FILES change it and the count);
``python bench/fault_table.py --fuzz N`` runs more. About 30 s."""
import os

import pytest

import fuzz

COUNT = int(os.environ.get("DOITHOAI_FUZZ_FILES", "30"))
SEED = int(os.environ.get("DOITHOAI_FUZZ_SEED", "2026"))
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="memory limits are POSIX only")


@pytest.fixture(scope="module")
def sources(sample_paths, tmp_path_factory):
    return fuzz.sources_from(sample_paths, str(tmp_path_factory.mktemp("fuzz-sources")))


def _report(files, runs):
    mutations = {path: done for _, path, done in files}
    lines = []
    for name, argv, wrong in runs:
        if wrong:
            path = next((a for a in argv if a in mutations), "?")
            lines.append(f"{name} {wrong} on {path}: {mutations.get(path)}")
    return lines


def test_fuzzed_files_break_no_rule(sources, tmp_path):
    files, runs = fuzz.campaign(*sources, str(tmp_path), COUNT, SEED)
    assert len(files) == COUNT and len(runs) >= COUNT
    assert not _report(files, runs)


def test_the_fuzzer_catches_the_check_planted_out(sources, tmp_path):
    """The package check made a no-op: files with far references and huge dimensions break
    runs (the process aborts in python-calamine): the rules above would catch it."""
    prelude = ("from doithoai.files import package\n"
               "package.check = lambda source, *a, **k: package.Package('other')\n")
    registries = ({"registry": sources[0]["registry"]}, sources[1])
    files, runs = fuzz.campaign(*registries, str(tmp_path), 4, SEED, prelude=prelude,
                                mutations=["reference", "dimension"])
    assert _report(files, runs)


def test_a_registry_openpyxl_cannot_copy_is_refused_before_anything_is_written(
        sample_paths, tmp_path):
    """Found by the fuzzer: style numbers beyond the styles part. python-calamine reads past
    them, openpyxl cannot load the file to copy it: intake merge ended in exit 3, and
    generate --issue would have written its documents first. Now every command that writes a
    copy refuses it first (exit 2), having written nothing."""
    import re
    import zipfile
    import damage
    import hostile
    from doithoai.files import reader
    with zipfile.ZipFile(sample_paths["do-luong"]) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    parts = [(n, re.sub(rb'\ss="\d+"', b' s="4000"', d) if n.startswith("xl/worksheets/")
              else d) for n, d in parts]                      # what the "styles" mutation does
    registry = hostile.write_zip(str(tmp_path / "so.xlsx"),
                                 [hostile.member(n, d) for n, d in parts])
    assert reader.read_registry(registry).plans                # python-calamine reads it
    returned = fuzz.sources_from({"tu-minh": sample_paths["tu-minh"]},
                                 str(tmp_path / "nguon"))[1]["returned"]
    before = damage.digest(registry)
    for argv in (["intake", "merge", registry, returned, "--out", str(tmp_path / "o" / "a.xlsx")],
                 ["carry-over", registry, "--plan", "KH-2026-02", "--link", "--out",
                  str(tmp_path / "o" / "b.xlsx")],
                 ["generate", registry, "--issue", "--docs", "TB", "--out",
                  str(tmp_path / "o" / "vb"), "--today", "2026-11-29"]):
        (tmp_path / "o").mkdir(exist_ok=True)
        code, output = damage.run_command(argv)
        assert code == 2 and "Không tạo được bản sao" in output, (argv[0], output)
        assert damage.files_under(str(tmp_path / "o")) == set(), argv[0]
    assert damage.digest(registry) == before


def test_a_damaged_sheet_the_rollup_does_not_read_sets_the_file_aside(sample_paths, tmp_path):
    """Found by the fuzzer: bytes changed in an agency's sheet of a monitoring workbook (one the
    roll-up does not read) ended the roll-up in exit 3 once the sheets were measured in the
    background. The file is set aside with its reason; the others are used."""
    import damage
    import zipfile
    good = str(tmp_path / "tot" / "a.xlsx")
    (tmp_path / "tot").mkdir()
    for slug, out in (("tu-minh", good), ("do-luong", str(tmp_path / "hong.xlsx"))):
        code, output = damage.run_command(["monitor", sample_paths[slug], "--out", out,
                                           "--as-of", "2026-11-29"])
        assert code == 0, output
    bad = str(tmp_path / "hong.xlsx")
    with zipfile.ZipFile(bad) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    last = max(n for n, _ in parts if n.startswith("xl/worksheets/sheet"))
    broken = b"<row><c><v>1</v></c></row></sheetData><x"     # a cell without r, then junk
    parts = [(n, d.replace(b"</sheetData>", broken) if n == last else d) for n, d in parts]
    import hostile
    hostile.write_zip(bad, [hostile.member(n, d) for n, d in parts])
    code, output = damage.run_command(["rollup", good, bad, "--out",
                                       str(tmp_path / "th.xlsx"), "--all-provinces"])
    assert code == 1, output
    lines = output.splitlines()
    assert any(line.startswith("- hong.xlsx") and ": để riêng — " in line for line in lines)
    assert any(line.startswith("- a.xlsx") and line.endswith(": dùng") for line in lines)
