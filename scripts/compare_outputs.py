"""Every output of every command on the demo, compared between two source trees.

A refactoring must not change what a clerk sees. This script builds the five demo registries
with each tree, runs the commands that read a registry on each of them (with a fixed date), and
compares what came out: each command's exit code and printed text, the text of every Word
document, the cell values of every workbook written, the bytes of any other file.

    python scripts/compare_outputs.py --base /path/to/old/checkout [--new .] [--today 2026-11-30]

Prints the number of outputs compared and each difference; exit 0 when there is none.
Run with the interpreter that has doithoai's dependencies (both trees use it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def commands(demo: str, out: str, today: str) -> list[list[str]]:
    """The commands run on each demo registry, in order (demo itself first)."""
    runs = []
    monitors = []
    for name in sorted(os.listdir(demo)):
        folder = os.path.join(demo, name)
        books = [f for f in os.listdir(folder) if f.endswith(".xlsx")] \
            if os.path.isdir(folder) else []
        for book in sorted(books):
            path = os.path.join(folder, book)
            mine = os.path.join(out, name)
            monitor = os.path.join(out, "monitor", f"{name}.xlsx")
            monitors.append(monitor)
            runs += [["summary", path, "--json"], ["summary", path],
                     ["deadlines", path, "--today", today, "--json"],
                     ["validate", path, "--today", today, "--json"],
                     ["validate", path, "--today", today],
                     ["duplicates", path, "--json"],
                     ["generate", path, "--out", os.path.join(mine, "docs"), "--today", today],
                     ["overdue", path, "--out", os.path.join(mine, "overdue"), "--today", today],
                     ["monitor", path, "--out", monitor, "--as-of", today],
                     ["privacy", path], ["carry-over", path]]
    runs.append(["rollup", *monitors, "--all-provinces", "--out",
                 os.path.join(out, "tinh.xlsx")])
    return runs


def run(tree: str, argv: list[str], cwd: str) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": os.path.join(tree, "addin"), "PYTHONHASHSEED": "0"}
    code = ("import sys; from doithoai.cli import main; sys.exit(main(sys.argv[1:]))")
    p = subprocess.run([sys.executable, "-c", code, *argv], cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=900)
    return p.returncode, p.stdout + p.stderr


def docx_text(path: str) -> str:
    import docx
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in t.rows]
    for s in d.sections:
        parts += [p.text for p in s.header.paragraphs + s.footer.paragraphs]
    return "\n".join(parts)


def xlsx_cells(path: str) -> str:
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    lines = []
    for ws in wb.worksheets:
        lines.append(f"## {ws.title}")
        for row in ws.iter_rows(values_only=True):
            lines.append(repr(tuple(_now_hidden(v) for v in row)))
    return "\n".join(lines)


def _now_hidden(value):
    """The moment a run wrote something (a log row, "Lập lúc") differs run to run; so does a
    Sổ văn bản fingerprint's part for each row (a row read back from the Front's returned file
    holds its random batch): its head, the hash of what the document says, is kept."""
    if isinstance(value, dt.datetime) and value.date() == dt.date.today():
        return "<now>"
    if isinstance(value, str) and _FINGERPRINT.fullmatch(value):
        return value.split("|")[0] + "|<rows>"
    return value


# A clock time with the date (either order), and the seconds a command says it took.
_MOMENTS = re.compile(r"\d{1,2}:\d{2} \d{2}/\d{2}/\d{4}|\d{2}/\d{2}/\d{4} \d{1,2}:\d{2}"
                      r"|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
_SECONDS = re.compile(r"trong \d+(\.\d+)? giây")
_BATCH = re.compile(r"\('batch', '([0-9A-F]{6})'\)")
_FINGERPRINT = re.compile(r"u?[0-9a-f]{12}(\|[^|:]+![0-9]+:[0-9a-f]{6})+")


def pdf_text(path: str) -> str:
    """A PDF's text (its bytes hold the moment it was made)."""
    p = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else f"<pdftotext failed: {p.stderr.strip()}>"


def digest(path: str) -> str:
    if path.endswith(".docx"):
        return docx_text(path)
    if path.endswith(".xlsx"):
        return xlsx_cells(path)
    if path.endswith(".pdf"):
        return pdf_text(path)
    if path.endswith((".duckdb", ".log")):
        return "<not compared>"
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def outputs(tree: str, root: str, today: str) -> dict[str, str]:
    """Everything the tree's commands print and write, under names relative to ``root``."""
    demo, out = os.path.join(root, "demo"), os.path.join(root, "out")
    os.makedirs(os.path.join(out, "monitor"))
    seen = {}
    code, text = run(tree, ["demo", "--out", demo, "--today", today], root)
    seen["$ demo"] = f"{code}\n{text}"
    for argv in commands(demo, out, today):
        code, text = run(tree, argv, root)
        shown = " ".join(os.path.relpath(a, root) if a.startswith(root) else a for a in argv)
        seen[f"$ {shown}"] = f"{code}\n{text}"
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            seen[os.path.relpath(path, root)] = digest(path)
    # A returned file's batch is drawn at random (sharing.intake): the same batch either way.
    batches = {m for v in seen.values() for m in _BATCH.findall(v)}
    out = {}
    for key, value in seen.items():
        value = _SECONDS.sub("trong <n> giây", _MOMENTS.sub("<now>", value.replace(root, "<ROOT>")))
        for batch in batches:
            value = value.replace(batch, "<batch>")
        out[key] = value
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the checkout before the change")
    ap.add_argument("--new", default=HERE, help="the checkout after it (default: this one)")
    ap.add_argument("--today", default="2026-11-30")
    args = ap.parse_args(argv)
    found = []
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        # The same path for both runs: paths printed or written into files compare equal.
        got = []
        for tree, scratch in ((args.base, a), (args.new, b)):
            root = os.path.join(tempfile.gettempdir(), "doithoai-compare")
            if os.path.exists(root):
                import shutil
                shutil.rmtree(root)
            os.makedirs(root)
            got.append(outputs(os.path.abspath(tree), root, args.today))
            os.rename(root, os.path.join(scratch, "run"))
        old, new = got
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                found.append(key)
                print(f"DIFFERENT: {key}")
                _show(old.get(key), new.get(key))
    print(f"{len(set(old) | set(new))} outputs compared, {len(found)} different.")
    return 1 if found else 0


def _show(old: str | None, new: str | None) -> None:
    import difflib
    if old is None or new is None:
        print("  only in", "the new tree" if old is None else "the base tree")
        return
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "base", "new",
                                     lineterm="", n=1))
    for line in diff[:12]:
        print("  " + line[:200])


if __name__ == "__main__":
    sys.exit(main())
