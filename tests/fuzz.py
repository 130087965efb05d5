"""A seeded file fuzzer for the fault suite (issue 26 §6): healthy files (the sample registries,
returned intake files, monitoring workbooks) mutated at the package level, then every reader
and command run on each, in processes of their own with their memory limited, and each run
held to the rules of a clerk's PC:

- exit 0, 1 or 2: never 3, never killed by a signal;
- no traceback on the screen, and Vietnamese words;
- memory under :data:`PEAK`;
- on a refusal (exit 2), nothing written; the registry never written in place; no temporary
  file left;
- every row accounted for: a merge's conservation line adds up, a roll-up gives each input
  exactly one outcome.

The mutations (:data:`MUTATIONS`) are what damaged or hostile files do: parts removed, cut
short, repeated; XML attributes and cell references changed; shared strings out of range;
styles missing; huge dimensions and far cells. ``python bench/fault_table.py --fuzz N`` runs
more of them and prints the counts; ``tests/faults/test_fuzz.py`` runs a bounded number in CI.
"""
from __future__ import annotations

import glob
import json
import os
import random
import re
import zipfile

import damage
import hostile
import limited

PEAK = 800 << 20         # these files are small: a run above this was flooded
TODAY = "2026-11-29"


# --- mutations ---------------------------------------------------------------------------------

def _pick(rng, parts, pattern=r".*"):
    found = [i for i, (n, _) in enumerate(parts) if re.fullmatch(pattern, n)]
    return rng.choice(found) if found else None


def _edit(rng, parts, pattern, change) -> str:
    at = _pick(rng, parts, pattern)
    if at is None:
        return "nothing to change"
    name, data = parts[at]
    new, what = change(rng, data)
    parts[at] = (name, new)
    return f"{name}: {what}"


def remove_part(rng, parts):
    at = _pick(rng, parts)
    return f"removed {parts.pop(at)[0]}"


def cut_part(rng, parts):
    at = _pick(rng, parts, r".*\.xml")
    name, data = parts[at]
    keep = rng.randint(0, max(len(data) - 1, 0))
    parts[at] = (name, data[:keep])
    return f"{name}: cut to {keep} of {len(data)} bytes"


def repeat_part(rng, parts):
    at = _pick(rng, parts)
    name, data = parts[at]
    other = parts[_pick(rng, parts)][1]
    parts.insert(rng.randint(0, len(parts)), (name, rng.choice([data, other])))
    return f"{name}: repeated"


_ATTRIBUTE = re.compile(rb'(\s[\w:]+)="([^"]*)"')
_VALUES = [b"", b"-1", b"0", b"99999999999", b"A", b"XFD1048576", b"1e308", b"&amp;",
           b"\xc3\xa1", b"r", b"2147483648", b"0x10"]


def change_attribute(rng, parts):
    def change(rng, data):
        found = list(_ATTRIBUTE.finditer(data))
        if not found:
            return data, "no attribute"
        m = rng.choice(found)
        if rng.random() < 0.2:
            return data[:m.start()] + data[m.end():], f"attribute{m.group(1).decode()} removed"
        value = rng.choice(_VALUES)
        return (data[:m.start(2)] + value + data[m.end(2):],
                f"{m.group(1).decode().strip()}={value!r}")
    return _edit(rng, parts, r"xl/.*\.xml|content\.xml|word/.*\.xml", change)


_REF = re.compile(rb'\sr="([A-Z]+)(\d+)"')


def change_reference(rng, parts):
    def change(rng, data):
        found = list(_REF.finditer(data))
        if not found:
            return data, "no reference"
        m = rng.choice(found)
        col = rng.choice([b"A", b"Z", b"AA", b"ZZ", b"ALL", b"ALM", b"XFD", b"a", b""])
        row = str(rng.choice([0, 1, 2, 300000, 300001, 60000, 1048576, 4294967297])).encode()
        return data[:m.start(1)] + col + row + data[m.end(2):], f"r={(col + row).decode()}"
    return _edit(rng, parts, r"xl/worksheets/.*\.xml", change)


def strings_out_of_range(rng, parts):
    def change(rng, data):
        found = list(re.finditer(rb'<c ([^>]*)><v>(\d+)</v>', data))
        if not found:
            found = list(re.finditer(rb'<c ([^>]*)><is>', data))
            if not found:
                return data, "no cell"
            m = rng.choice(found)
            return (data[:m.start(1)] + m.group(1) + b' t="s"' + data[m.end(1):],
                    "inline text made a shared string")
        m = rng.choice(found)
        index = str(rng.choice([10 ** 6, 2 ** 31, 2 ** 64])).encode()
        head = re.sub(rb'\st="[^"]*"', b"", m.group(1)) + b' t="s"'
        return (data[:m.start(1)] + head + b"><v>" + index + b"</v>" + data[m.end(2) + 4:],
                f"shared string {index.decode()}")
    return _edit(rng, parts, r"xl/worksheets/.*\.xml", change)


def styles_missing(rng, parts):
    at = _pick(rng, parts, r"xl/styles\.xml")
    if at is not None and rng.random() < 0.5:
        parts.pop(at)
        return "xl/styles.xml removed"

    def change(rng, data):
        return re.sub(rb'\ss="\d+"', b' s="4000"', data, count=50), "styles s=4000"
    return _edit(rng, parts, r"xl/worksheets/.*\.xml", change)


def huge_dimension(rng, parts):
    def change(rng, data):
        ref = rng.choice([b"A1:XFD1048576", b"A1:ALL300000", b"A1:A1", b"Z9:A1", b"A0:B"])
        if b"<dimension" in data:
            return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', data,
                          count=1), f"dimension {ref.decode()}"
        row = rng.choice([b"1048576", b"300001", b"60000"])
        cell = b'<row r="' + row + b'"><c r="XFD' + row + b'"><v>1</v></c></row>'
        return data.replace(b"</sheetData>", cell + b"</sheetData>", 1), \
            f"cell XFD{row.decode()}"
    return _edit(rng, parts, r"xl/worksheets/.*\.xml", change)


def flip_bytes(rng, parts):
    at = _pick(rng, parts, r".*\.xml")
    name, data = parts[at]
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    parts[at] = (name, bytes(data))
    return f"{name}: bytes changed"


MUTATIONS = {"remove": remove_part, "cut": cut_part, "repeat": repeat_part,
             "attribute": change_attribute, "reference": change_reference,
             "strings": strings_out_of_range, "styles": styles_missing,
             "dimension": huge_dimension, "bytes": flip_bytes}


def mutate(src: str, dst: str, rng: random.Random, kinds=None) -> list[str]:
    """A mutated copy of ``src`` at ``dst``: one to three mutations (of ``kinds``, default all
    of :data:`MUTATIONS`); now and then the whole file cut short, as a download that stopped.
    Returns what was done."""
    with zipfile.ZipFile(src) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    done = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        kind = rng.choice(list(kinds or MUTATIONS))
        done.append(f"{kind}: {MUTATIONS[kind](rng, parts)}")
    hostile.write_zip(dst, [hostile.member(n, d) for n, d in parts])
    if rng.random() < 0.06:
        size = os.path.getsize(dst)
        with open(dst, "r+b") as fh:
            fh.truncate(rng.randint(0, size - 1))
        done.append("file cut short")
    return done


# --- the runs ----------------------------------------------------------------------------------

def commands(kind: str, path: str, out: str, healthy: dict) -> dict[str, list[str]]:
    """Every reader and command of a file of ``kind``, each writing under ``out``."""
    def at(name):
        folder = os.path.join(out, name.replace(" ", "-"))
        os.makedirs(folder, exist_ok=True)
        return folder
    if kind == "returned":
        return {"intake merge": ["intake", "merge", healthy["registry"], healthy["returned"],
                                 path, "--out", os.path.join(at("merge"), "nhan.xlsx"), "--json",
                                 "--today", TODAY]}
    if kind == "monitor":
        return {"rollup": ["rollup", *healthy["monitors"], path, "--out",
                           os.path.join(at("rollup"), "th.xlsx"), "--all-provinces"]}
    plan = "KH-2026-01"
    return {
        "summary": ["summary", path],
        "validate": ["validate", path, "--today", TODAY],
        "deadlines": ["deadlines", path, "--today", TODAY],
        "generate": ["generate", path, "--docs", "KH,TB,BCTH", "--out", at("generate"),
                     "--today", TODAY],
        "overdue": ["overdue", path, "--out", at("overdue"), "--today", "2027-06-30"],
        "intake export": ["intake", "export", path, "--plan", plan, "--out", at("export")],
        "intake merge": ["intake", "merge", path, healthy["returned"], "--out",
                         os.path.join(at("merge"), "nhan.xlsx"), "--json", "--today", TODAY],
        "duplicates": ["duplicates", path],
        "monitor": ["monitor", path, "--out", at("monitor"), "--as-of", TODAY],
        "carry-over": ["carry-over", path, "--plan", plan, "--link", "--out",
                       os.path.join(at("carry-over"), "chuyen.xlsx")],
    }


def broken(run: dict | None, argv: list[str], out: str, before: set[str], path: str,
           digest: str) -> list[str]:
    """The rules one run broke (empty: none). ``run`` None: the process died in it."""
    if run is None:
        return ["killed (a signal, or the memory limit)"]
    wrong = []
    text = run["output"]
    if run["code"] not in (0, 1, 2):
        wrong.append(f"exit {run['code']}")
    if "Traceback" in text or "Error:" in text or "memory allocation" in text:
        wrong.append("traceback")
    if run["code"] != 0 and not damage.VIETNAMESE & set(text.lower()):
        wrong.append("no Vietnamese")
    if run["peak"] > PEAK:
        wrong.append(f"memory {run['peak'] >> 20} MB")
    if os.path.exists(path) and damage.digest(path) != digest:
        wrong.append("file changed in place")
    left = glob.glob(os.path.join(out, "**", ".~*"), recursive=True) + \
        glob.glob(os.path.join(os.path.dirname(path), ".~*"))
    if left:
        wrong.append("temporary files left")
    if run["code"] == 2 and damage.files_under(out) - before:
        wrong.append("wrote files although it refused")
    wrong += _accounted(argv, run)
    return wrong


def _accounted(argv: list[str], run: dict) -> list[str]:
    text = run["output"]
    if argv[:2] == ["intake", "merge"] and run["code"] in (0, 1) and "{" in text:
        data = json.loads(text[text.index("{"):])
        t = data["totals"]
        if t["read"] != t["added"] + t["already_present"] + t["set_aside"]:
            return ["rows not accounted for"]
        if any(f["read"] != f["added"] + f["already_present"] + f["set_aside"]
               for f in data["files"]):
            return ["rows not accounted for"]
    if argv[0] == "rollup" and run["code"] in (0, 1, 2):
        inputs = [a for a in argv[1:argv.index("--out")]]
        lines = [line for line in text.splitlines() if line.startswith("- ")]
        if len(lines) != len(inputs):
            return [f"{len(lines)} outcomes for {len(inputs)} inputs"]
    return []


def run_all(jobs: list[tuple[str, list[str], str, str]], env: dict | None = None,
            prelude: str = "") -> list[tuple[str, list[str], list[str]]]:
    """Each job (name, argv, out folder, the mutated file) run in turn, in processes whose
    memory is limited (limited.run_each): (name, argv, broken rules)."""
    digests = {path: damage.digest(path) for _, _, _, path in jobs if os.path.exists(path)}
    befores = [damage.files_under(out) for _, _, out, _ in jobs]
    runs = limited.run_each([argv for _, argv, _, _ in jobs], env=env, prelude=prelude)
    return [(name, argv, broken(run, argv, out, before, path, digests.get(path, "")))
            for (name, argv, out, path), before, run in zip(jobs, befores, runs)]


def campaign(sources: dict[str, list[str]], healthy: dict, root: str, count: int,
             seed: int, env: dict | None = None, prelude: str = "", mutations=None):
    """``count`` mutated files from ``sources`` (kind → healthy files), each run through its
    commands (``env``, ``prelude``: for the processes; ``mutations``: the kinds to draw from).
    Returns (files: [(kind, file, mutations done)], runs: [(name, argv, broken rules)])."""
    rng = random.Random(seed)
    kinds = [k for k in ("registry", "returned", "monitor") if sources.get(k)]
    files, jobs = [], []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        src = rng.choice(sources[kind])
        folder = os.path.join(root, f"{n:04d}")
        os.makedirs(folder, exist_ok=True)
        dst = os.path.join(folder, os.path.basename(src))
        done = mutate(src, dst, rng, mutations)
        files.append((kind, dst, done))
        for name, argv in commands(kind, dst, os.path.join(folder, "out"), healthy).items():
            jobs.append((name, argv, os.path.join(folder, "out", name.replace(" ", "-")), dst))
    return files, run_all(jobs, env=env, prelude=prelude)


def sources_from(sample_paths: dict, root: str) -> tuple[dict, dict]:
    """The healthy files: every sample registry, Tứ Minh's returned files, a monitoring workbook
    of each sample; and the healthy partners the commands need beside a mutated file."""
    from doithoai.files import reader
    from doithoai.samples import sample
    from doithoai.sharing import samplefiles
    reg = reader.read_registry(sample_paths["tu-minh"])
    returned = [samplefiles.build_returned(reg, "KH-2026-01", c, os.path.join(root, "mttq"),
                                           damage.RETURNED_ON)
                for c in samplefiles.sample_csvs(sample("tu-minh").folder)]
    monitors = []
    for slug, path in sample_paths.items():
        folder = os.path.join(root, "theo-doi", slug)
        os.makedirs(folder, exist_ok=True)
        code, out = damage.run_command(["monitor", path, "--out",
                                        os.path.join(folder, "b.xlsx"), "--as-of", TODAY])
        assert code == 0, out
        monitors.append(os.path.join(folder, "b.xlsx"))
    registries = list(sample_paths.values())
    healthy = {"registry": sample_paths["tu-minh"], "returned": returned[0],
               "monitors": monitors[:2]}
    return {"registry": registries, "returned": returned, "monitor": monitors}, healthy

