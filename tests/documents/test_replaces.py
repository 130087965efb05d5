"""A document issued again says which one it replaces, as Sổ văn bản records that one.

Registries from the corpus generator (tests/corpus) issued twelve days before their conference;
the conference moved, drafted, then issued again twelve days before its new day; moved once
more and issued a third time. What is read: each notice, invitation, summary and assignment
letter on disk (python-docx) against the Sổ văn bản rows of the registry copy the runs wrote
(openpyxl): a first issue cites nothing; a "_v2" or a "_v3", issued or drafted, ends its body
with one sentence naming the kind, number and date of the version in force before it, and
nothing else ends with "./.". Each property is shown failing on a build with a fault planted.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil
import zipfile

import openpyxl
import pytest
from docx import Document

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.documents import replacing
from doithoai.registry import schema
from test_postponed import _issue, _move, _numbers

SEEDS = range(6)
AHEAD = 12                      # days before the conference each issuing run is made
KIND_NAMES = {"TB": "Thông báo", "GM": "Giấy mời", "BCTH": "Báo cáo", "CVPC": "Công văn"}
VERSION = re.compile(r"^(.*?)(?:_v(\d+))?$")          # "GM_tat-ca_v2" → base, version
SENTENCE = re.compile(r"^(.+?) này thay thế (.+?) số (\S+) ngày (\d\d/\d\d/\d{4}) của (.+)\./\.$")


# --- the oracle: Sổ văn bản as the runs wrote it, the documents as python-docx reads them ---------

def _register(copy: str) -> dict[str, list[dict]]:
    """base of the file ("GM_tat-ca", "CVPC_Phong-Kinh-te") → its issued rows, by version."""
    ws = openpyxl.load_workbook(copy)[schema.REGISTER.name]
    keys = schema.REGISTER.keys
    out: dict[str, list[dict]] = {}
    for values in ws.iter_rows(min_row=2, values_only=True):
        row = dict(zip(keys, values))
        if row["status"] != "Đã ban hành" or not row["file"]:
            continue
        stem = os.path.splitext(os.path.basename(row["file"]))[0]
        base, version = VERSION.match(stem).groups()
        out.setdefault(base, []).append({**row, "version": int(version or 1)})
    return {base: sorted(rows, key=lambda r: r["version"]) for base, rows in out.items()}


def _documents(out: str):
    """(path, kind, base of its register row, version) of every notice, invitation, summary
    and assignment letter on disk (the files set aside in "ban-cu" left out)."""
    for path in sorted(glob.glob(os.path.join(out, "*", "**", "*.docx"), recursive=True)):
        if "ban-cu" in path.split(os.sep):
            continue
        name = os.path.basename(path)
        folder = os.path.basename(os.path.dirname(path))
        item = re.match(r"^GM(?:_v(\d+))?$", folder)
        if item:                                    # one invitation of a merged batch
            yield path, "GM", "GM_tat-ca", int(item.group(1) or 1)
            continue
        base, version = VERSION.match(os.path.splitext(name)[0]).groups()
        if base.split("_")[0] in KIND_NAMES:
            yield path, base.split("_")[0], base, int(version or 1)


def _paragraphs(path: str) -> list[str]:
    return [p.text.strip() for p in Document(path).paragraphs if p.text.strip()]


def _expected(rows: list[dict], version: int) -> dict | None:
    """The row a document's ``version`` must cite, issued or drafted: the last version issued
    before it."""
    earlier = [r for r in rows if r["version"] < version]
    return earlier[-1] if earlier else None


def _pages(path: str, version: int) -> int:
    """How many documents a file holds: the merged invitations one per invitation."""
    if not os.path.basename(path).startswith("GM_tat-ca"):
        return 1
    folder = "GM" if version == 1 else f"GM_v{version}"
    return len(glob.glob(os.path.join(os.path.dirname(path), folder, "*.docx")))


def citation_violations(out: str, copy: str) -> list[str]:
    """Every document that cites what the register does not give as the one it replaces, or
    cites something in a first issue, or does not end its body once with "./."."""
    register = _register(copy)
    found = []
    for path, kind, base, version in _documents(out):
        said = _paragraphs(path)
        cited = [p for p in said if " này thay thế " in p]
        closing = [p for p in said if p.endswith("./.")]
        where = os.path.relpath(path, out)
        want = _expected(register.get(base, []), version) if version > 1 else None
        if want is None:
            if cited:
                found.append(f"{where}: a first issue cites {cited}")
            continue
        line = (f"{KIND_NAMES[kind]} này thay thế {KIND_NAMES[kind]} số {want['number_symbol']} "
                f"ngày {want['date']:%d/%m/%Y} của ")
        if len(cited) != _pages(path, version) or \
                not all(c.startswith(line) and SENTENCE.match(c) for c in cited):
            found.append(f"{where}: cites {cited}, not {line!r}")
        elif closing != cited:
            found.append(f"{where}: the body ends with {closing}, not with its citation")
    return found


# --- the scenario --------------------------------------------------------------------------------

def _draft(path: str, out: str, today: dt.date, capsys) -> str:
    cli.main(["generate", path, "--out", out, "--today", today.isoformat()])
    return capsys.readouterr().out


def _moved(copy: str, folder: str) -> tuple[str, dt.date]:
    target = os.path.join(folder, "so.xlsx")
    os.makedirs(folder)
    return target, _move(copy, target)


def _scenario(seed: int, tmp_path, capsys, templates: str | None = None) -> dict:
    """Issued, moved, drafted, issued again, moved, issued a third time: what each step left
    (the output folder, each registry copy, the lines said). ``templates``: a folder of the
    commune's own templates, put beside every registry."""
    case = make_case(seed)
    os.makedirs(tmp_path, exist_ok=True)
    out = str(tmp_path / "van-ban")
    first_path = saved(case, str(tmp_path / "so.xlsx"))
    steps = {"out": out}
    for where in ([first_path] if templates else []):
        shutil.copytree(templates, os.path.join(os.path.dirname(where), "mau-van-ban"))
    said, steps["first"] = _issue(first_path, out, case.meeting - dt.timedelta(days=AHEAD), capsys)
    steps["first_numbers"] = _numbers(said)
    moved, day = _moved(steps["first"], str(tmp_path / "doi-1"))
    if templates:
        shutil.copytree(templates, str(tmp_path / "doi-1" / "mau-van-ban"))
    _draft(moved, out, day - dt.timedelta(days=AHEAD + 2), capsys)
    steps["drafted"] = citation_violations(out, steps["first"])
    said, steps["second"] = _issue(moved, out, day - dt.timedelta(days=AHEAD), capsys)
    steps["second_numbers"] = _numbers(said)
    moved, day = _moved(steps["second"], str(tmp_path / "doi-2"))
    if templates:
        shutil.copytree(templates, str(tmp_path / "doi-2" / "mau-van-ban"))
    said, steps["third"] = _issue(moved, out, day - dt.timedelta(days=AHEAD), capsys)
    steps["third_numbers"] = _numbers(said)
    steps["issued"] = citation_violations(out, steps["third"])
    return steps


@pytest.mark.parametrize("seed", SEEDS)
def test_a_document_issued_again_names_the_one_it_replaces(seed, tmp_path, capsys):
    steps = _scenario(seed, tmp_path, capsys)
    assert {"TB", "GM"} <= set(steps["first_numbers"]), steps["first_numbers"]
    again = set(steps["first_numbers"]) - {"KH"}     # a plan is never issued again this way
    for run in ("second_numbers", "third_numbers"):       # each kind issued again, each time
        assert set(steps[run]) == again, (run, steps)
    assert steps["drafted"] == []
    assert steps["issued"] == []
    register = _register(steps["third"])
    assert len(register["TB"]) == len(register["GM_tat-ca"]) == 3, register   # (a letter
    # whose text does not tell the conference's day may stand as first issued: unchanged)
    first, second, third = register["TB"]           # the third cites the second, not the first
    said = "\n".join(_paragraphs(os.path.join(steps["out"], third["file"])))
    cite = "số {number_symbol} ngày {date:%d/%m/%Y}".format
    assert cite(**second) in said and cite(**first) not in said, said
    assert third["version"] > second["version"] > first["version"]


# --- each property fails on a planted fault ----------------------------------------------------

def _faults(tmp_path, capsys, seeds=SEEDS[:2], **kw) -> list[str]:
    found = []
    for seed in seeds:
        steps = _scenario(seed, tmp_path / str(seed), capsys, **kw)
        found += steps["drafted"] + steps["issued"]
    return found


def test_planted_no_citation(monkeypatch, tmp_path, capsys):
    """A build that cites nothing: every "_v2" and "_v3" is found."""
    honest = replacing.put
    monkeypatch.setattr(replacing, "put", lambda ctx, replaced, code="": honest(ctx, None, code))
    found = _faults(tmp_path, capsys)
    assert found and all("cites []" in f for f in found), found


def test_planted_first_version_cited(monkeypatch, tmp_path, capsys):
    """A build that cites the first version, not the one in force: the versions issued third
    are found (a "_v3", or a "_v4" where a draft "_v2" was set aside), not the second ones."""
    monkeypatch.setattr(replacing, "in_force_before",
                        lambda versions, upto: versions[0] if upto > 0 else None)
    found = _faults(tmp_path, capsys)
    assert found and all(re.search(r"_v[34][./]", f.split(":")[0]) for f in found), found


def _own_templates(tmp_path, change) -> str:
    """The four kinds' built-in templates, their document.xml passed through ``change``: a
    commune's own copies (mau-van-ban), which win over the built-in ones."""
    from doithoai.documents.generate import builtin_template_dir
    folder = tmp_path / "mau"
    folder.mkdir()
    for name in [f"{kind}{party}.docx" for kind in KIND_NAMES for party in ("", "_dang")]:
        with zipfile.ZipFile(os.path.join(builtin_template_dir(), name)) as src, \
                zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as dst:
            for part in src.namelist():
                data = src.read(part)
                if part == "word/document.xml":
                    data = change(data.decode("utf-8")).encode("utf-8")
                dst.writestr(part, data)
    return str(folder)


def test_planted_sentence_in_a_first_issue(tmp_path, capsys):
    """Templates whose sentence lost its condition: the first issues are found."""
    own = _own_templates(tmp_path, lambda xml: xml.replace("{%p if thay_the %}",
                                                           "{%p if true %}"))
    found = _faults(tmp_path, capsys, seeds=SEEDS[:1], templates=own)
    assert any("a first issue cites" in f for f in found), found


def test_planted_two_closings(tmp_path, capsys):
    """Templates that keep "./." before the sentence: the new versions are found."""
    own = _own_templates(tmp_path, lambda xml: xml.replace(
        "{{ '.' if thay_the else './.' }}", "./."))
    found = _faults(tmp_path, capsys, seeds=SEEDS[:1], templates=own)
    assert found and all("the body ends with" in f for f in found), found


# --- a new version issued before documents cited what they replace ------------------------------

def _issued_before_the_sentence(seed: int, tmp_path, capsys, monkeypatch) -> str:
    """Issued, moved and issued again by a build that cited nothing (as before this sentence
    existed), then issued again the next day by this one: what that last run said."""
    case = make_case(seed)
    out = str(tmp_path / "van-ban")
    day = case.meeting - dt.timedelta(days=AHEAD)
    _, copy = _issue(saved(case, str(tmp_path / "so.xlsx")), out, day, capsys)
    moved, new_day = _moved(copy, str(tmp_path / "doi"))
    with monkeypatch.context() as old_build:
        honest = replacing.put
        old_build.setattr(replacing, "put", lambda ctx, replaced, code="": honest(ctx, None, code))
        said, again = _issue(moved, out, new_day - dt.timedelta(days=AHEAD), capsys)
    assert {"TB", "GM"} <= set(_numbers(said)), said
    said, _ = _issue(again, out, new_day - dt.timedelta(days=AHEAD - 1), capsys)
    return said


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_a_version_issued_before_the_sentence_is_not_issued_again_for_it(seed, tmp_path,
                                                                        capsys, monkeypatch):
    """Its fingerprint still holds: no "_v3" numbered only to add the sentence (a plan whose
    conference moved is drafted again, as before: it is never issued again this way)."""
    said = _issued_before_the_sentence(seed, tmp_path, capsys, monkeypatch)
    changed = [line for line in said.splitlines()
               if "đã đổi" in line and not line.startswith("Lưu ý: Kế hoạch")]
    assert not _numbers(said) and not changed, said


def test_planted_sentence_counted_as_a_change(tmp_path, capsys, monkeypatch):
    """A build that holds a fingerprint only as the documents print now: the versions issued
    before the sentence are issued again."""
    def now_only(old, contexts, used):
        now = replacing.combine([c.fingerprint(used) for c in contexts])
        return now, old.split("|")[0] == now.split("|")[0]
    monkeypatch.setattr(replacing, "fingerprint_holds", now_only)
    said = _issued_before_the_sentence(SEEDS[0], tmp_path, capsys, monkeypatch)
    assert {"TB", "GM"} <= set(_numbers(said)), said
