"""Issue 26 §1: hostile files on every reader, each command run in a process of its own with
its address space limited to 1.5 GiB (tests/limited.py), as a clerk's PC would stop it.

The kinds (tests/hostile.py): one value in XFD1048576 or XFD60000 (python-calamine built the
whole rectangle: 512 GiB), a 4 MB zip unpacking to 4 GiB (its directory honest, or declaring
1 KB), a part packed 1000:1, a DOCTYPE with an entity, 3000 parts. Every one must be refused by
the package check (files/package.py) with a Vietnamese reason naming the file: a registry exits
2; in a merge or a roll-up the file is set aside with its reason and the others are used; a
Word template refuses its kind of document and the others are generated. Never an abort, an
exit 3, a traceback, or memory beyond a bound.
"""
import datetime as dt
import glob
import json
import os
import shutil

import pytest

import damage
import hostile
import limited
from doithoai.documents.generate import builtin_template_dir
from doithoai.files import reader
from doithoai.samples import sample
from doithoai.sharing import samplefiles

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_AS is POSIX only")
PEAK = 900 << 20            # the commands here read small files: far below, unless flooded
TODAY = dt.date(2026, 11, 29)


def _clean(run: dict) -> list[str]:
    wrong = []
    if run["code"] not in (0, 1, 2):
        wrong.append(f"exit {run['code']}")
    if "Traceback" in run["output"] or "memory allocation" in run["output"]:
        wrong.append("traceback")
    if not damage.VIETNAMESE & set(run["output"].lower()):
        wrong.append("no Vietnamese")
    if run["peak"] > PEAK:
        wrong.append(f"peak {run['peak'] >> 20} MB")
    return wrong


def _all_ran(results, argvs, code, stderr):
    assert len(results) == len(argvs) and code == 0, \
        f"the process died after {len(results)} of {len(argvs)} runs ({code}): {stderr[-600:]}"


@pytest.fixture(scope="module")
def inputs(sample_paths, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    registry = sample_paths[damage.SAMPLE]
    reg = reader.read_registry(registry)
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, str(root / "mttq"),
                                           damage.RETURNED_ON)
                for c in samplefiles.sample_csvs(sample(damage.SAMPLE).folder)]
    monitors = []
    for slug, path in sample_paths.items():
        out = root / "theo-doi" / slug
        os.makedirs(out)
        code, output = damage.run_command(["monitor", path, "--out", str(out / "b.xlsx"),
                                           "--as-of", "2026-11-29"])
        assert code == 0, output
        monitors += glob.glob(str(out / "*.xlsx"))
    return {"root": root, "registry": registry, "returned": returned, "monitors": monitors}


def test_a_hostile_registry_is_refused_naming_the_file(inputs):
    root = inputs["root"] / "so"
    made = {kind: hostile.hostile(kind, inputs["registry"], str(root / str(i)), sheet="Ý kiến")
            for i, kind in enumerate(hostile.KINDS)}
    argvs = [["summary", path] for path in made.values()]
    results, code, stderr = limited.run(argvs)
    _all_ran(results, argvs, code, stderr)
    wrong = {}
    for (kind, path), run in zip(made.items(), results):
        bad = _clean(run)
        if run["code"] != 2 or os.path.basename(path) not in run["output"]:
            bad.append(f"not refused naming the file: {run['output'][:300]}")
        if bad:
            wrong[kind] = bad
    assert not wrong, wrong


def test_hostile_returned_files_are_set_aside_and_the_others_merged(inputs):
    root = inputs["root"] / "nhan"
    good, source = inputs["returned"][0], inputs["returned"][1]
    made = {kind: hostile.hostile(kind, source, str(root / str(i)), sheet="Ý kiến",
                                  name=f"hong-{i}.xlsx")
            for i, kind in enumerate(hostile.KINDS)}
    argvs = [["intake", "merge", inputs["registry"], good, *made.values(), "--out",
              str(root / "nhan.xlsx"), "--json", "--today", "2026-11-29"]]
    results, code, stderr = limited.run(argvs)
    _all_ran(results, argvs, code, stderr)
    run = results[0]
    assert not _clean(run) and run["code"] == 1, (_clean(run), run["output"][-800:])
    data = json.loads(run["output"][run["output"].index("{"):])
    files = {f["file"]: f for f in data["files"]}
    assert files[os.path.basename(good)]["added"] > 0
    for kind, path in made.items():
        line = files[os.path.basename(path)]
        assert line["read"] == 0 and line["problem"].startswith("Không đọc được tệp"), (kind, line)
    t = data["totals"]
    assert t["read"] == t["added"] + t["already_present"] + t["set_aside"]
    assert os.path.exists(root / "nhan.xlsx")


def test_hostile_monitoring_workbooks_are_set_aside_in_the_rollup(inputs):
    root = inputs["root"] / "tinh"
    source = inputs["monitors"][0]
    made = {}
    for i, kind in enumerate(hostile.KINDS):
        sheet = "Nhận dạng" if kind == "ô XFD60000" else "Theo dõi ý kiến"
        made[kind] = hostile.hostile(kind, source, str(root / str(i)), sheet=sheet,
                                     name=f"hong-{i}.xlsx")
    argvs = [["rollup", *inputs["monitors"], *made.values(), "--out", str(root / "th.xlsx"),
              "--all-provinces"]]
    results, code, stderr = limited.run(argvs)
    _all_ran(results, argvs, code, stderr)
    run = results[0]
    assert not _clean(run) and run["code"] == 1, (_clean(run), run["output"][-800:])
    lines = [line for line in run["output"].splitlines() if line.startswith("- ")]
    aside = [line for line in lines if ": để riêng — " in line]
    assert len(aside) == len(made), lines
    for kind, path in made.items():
        assert any(f"- {os.path.basename(path)}" in line for line in aside), (kind, lines)
    assert any(": dùng" in line for line in lines)
    assert os.path.exists(root / "th.xlsx")


def _template_kinds(folder):
    """Hostile copies of KH.docx: the package kinds, text that is not a zip, a cut zip."""
    kh = os.path.join(builtin_template_dir(), "KH.docx")
    made = {kind: hostile.hostile(kind, kh, os.path.join(folder, str(i)),
                                  part="word/document.xml")
            for i, kind in enumerate(hostile.KINDS) if kind not in hostile.SPREADSHEET_ONLY}
    os.makedirs(os.path.join(folder, "text"))
    with open(os.path.join(folder, "text", "KH.docx"), "w") as fh:
        fh.write("không phải Word")
    made["không phải zip"] = os.path.join(folder, "text", "KH.docx")
    os.makedirs(os.path.join(folder, "cut"))
    with open(kh, "rb") as src, open(os.path.join(folder, "cut", "KH.docx"), "wb") as dst:
        dst.write(src.read()[:5000])
    made["zip cắt dở"] = os.path.join(folder, "cut", "KH.docx")
    return made


def test_a_hostile_word_template_refuses_its_kind_only(inputs):
    root = inputs["root"] / "mau"
    argvs, outs = [], {}
    for kind, template in _template_kinds(str(root / "made")).items():
        folder = root / kind.replace(" ", "-")
        os.makedirs(folder / "mau-van-ban")
        shutil.copy(template, folder / "mau-van-ban" / "KH.docx")
        registry = shutil.copy(inputs["registry"], folder)
        outs[kind] = folder / "van-ban"
        argvs.append(["generate", str(registry), "--docs", "KH,TB", "--out", str(outs[kind]),
                      "--today", "2026-11-29"])
    results, code, stderr = limited.run(argvs)
    _all_ran(results, argvs, code, stderr)
    wrong = {}
    for (kind, out), run in zip(outs.items(), results):
        bad = _clean(run)
        made = damage.files_under(str(out))
        if run["code"] != 1 or "KH.docx" not in run["output"] or "mau-van-ban" not in \
                run["output"]:
            bad.append(f"KH not refused naming the template: {run['output'][-300:]}")
        if not any(p.endswith("TB.docx") for p in made) or \
                any(os.path.basename(p).startswith("KH") for p in made):
            bad.append(f"made {sorted(made)}")
        if bad:
            wrong[kind] = bad
    assert not wrong, wrong


@pytest.mark.parametrize("kind", ["ô XFD1048576", "bom 4 GiB (khai thật)"])
def test_without_the_check_the_same_file_breaks_the_process(inputs, kind):
    """The planted fault: the package check made a no-op. The far cell aborts the process
    (python-calamine's 512 GiB); the bomb floods the memory to the limit. So the tests
    above catch it."""
    path = hostile.hostile(kind, inputs["registry"], str(inputs["root"] / "planted" / kind),
                           sheet="Ý kiến")
    prelude = ("from doithoai.files import package\n"
               "package.check = lambda source, *a, **k: package.Package('other')\n")
    results, code, stderr = limited.run([["summary", path]], prelude=prelude)
    broke = code != 0 or not results or results[0]["code"] not in (0, 1, 2) or \
        "Traceback" in results[0]["output"]
    assert broke, results
