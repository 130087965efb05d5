"""Issuing, then pressing the button again on the copy it wrote, changes nothing.

A run that issues replies (CVTL) writes their numbers on the opinions of the copy; the report of
results, the reminders and the notices to citizens issued by the same run must already count
those opinions answered. Otherwise the next run, from that copy, finds every one of them
"changed" and makes a "_v2" draft of each: a report that contradicts the replies sent the same
day, and a clerk told that data changed which nobody touched. Registries from the corpus
generator (tests/corpus), saved as files, through the command as the clerk runs it.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re

import pytest

from corpus.registries import make_case
from corpus.run import days_around, saved
from doithoai import cli

SEEDS = range(12)


def _files(folder: str) -> set[str]:
    return {os.path.relpath(p, folder) for p in glob.glob(os.path.join(folder, "**", "*"),
                                                          recursive=True) if os.path.isfile(p)}


def issue(path: str, out: str, today, capsys) -> tuple[str, str | None]:
    before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
    cli.main(["generate", path, "--issue", "--out", out, "--today", today.isoformat()])
    said = capsys.readouterr().out
    copies = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx"))) - before
    return said, (copies.pop() if copies else None)


@pytest.mark.parametrize("seed", SEEDS)
def test_issuing_again_from_the_copy_changes_nothing(seed, tmp_path, capsys):
    case = make_case(seed)
    _, after = days_around(case)
    registry = saved(case, str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "van-ban")
    said, copy = issue(registry, out, after, capsys)
    if copy is None:                   # nothing was numbered: nothing to press again
        return
    first = _files(out)
    said, _ = issue(copy, out, after, capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)


@pytest.mark.parametrize("slug", ["tu-minh", "quang-son", "bac-thanh-mien"])
def test_issuing_again_from_the_copy_changes_nothing_on_the_samples(slug, sample_paths, tmp_path,
                                                                      capsys):
    """The samples hold written replies (Nội dung trả lời) that the corpus does not: their
    numbers go on the opinions, which the report and the notices must count."""
    import shutil
    registry = shutil.copy(sample_paths[slug], tmp_path / "so.xlsx")
    out = str(tmp_path / "van-ban")
    said, copy = issue(str(registry), out, dt.date(2026, 11, 20), capsys)
    assert copy is not None, said
    first = _files(out)
    said, _ = issue(copy, out, dt.date(2026, 11, 20), capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)


def test_an_opinion_without_its_code_gets_no_documents_number(sample_copy, tmp_path, capsys):
    """Only a reply (CVTL) answers an opinion: the plan, the notices and the reports issued by
    the run carry no opinion code, and must not land on a row whose Mã ý kiến is empty."""
    import openpyxl
    from doithoai.files import reader
    from doithoai.registry import schema
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    row = next(o.row for o in reg.opinions if not o.reply_number and not o.reply_date)
    wb = openpyxl.load_workbook(path)
    wb[schema.OPINIONS.name].cell(row, schema.OPINIONS.keys.index("opinion_id") + 1).value = None
    wb.save(path)
    said, copy = issue(path, str(tmp_path / "vb"), dt.date(2026, 11, 20), capsys)
    assert copy is not None, said
    after = {o.row: o for o in reader.read_registry(copy).opinions}
    assert after[row].reply_number is None and after[row].reply_date is None


def test_documents_issued_by_0_4_0_are_not_said_changed_after_the_upgrade(
        sample_paths, tmp_path, capsys, monkeypatch):
    """0.4.0 fingerprinted every value of a document's context; a field added since for one
    template (thoi_gian_cau) must not make every document it issued look changed, with a
    "_v2" of each."""
    import shutil
    from doithoai.documents.context import fields
    registry = shutil.copy(sample_paths["tu-minh"], tmp_path / "so.xlsx")
    out = str(tmp_path / "van-ban")
    real = fields.Context.fingerprint
    monkeypatch.setattr(fields.Context, "fingerprint", lambda self, used=None: real(self))
    said, copy = issue(str(registry), out, dt.date(2026, 11, 20), capsys)   # as 0.4.0 did
    monkeypatch.undo()
    assert copy is not None, said
    first = _files(out)
    said, _ = issue(copy, out, dt.date(2026, 11, 20), capsys)
    assert "đã đổi" not in said, said
    assert _files(out) == first, sorted(_files(out) - first)


def _template_without(field: str, kind: str, folder: str) -> None:
    """The shipped template of ``kind`` as it read before it gained ``{% if field %}`` (the
    text inside kept), put in the registry's own template folder."""
    import re
    import zipfile
    from doithoai.documents.generate import LOCAL_TEMPLATE_FOLDER, builtin_template_dir
    src = os.path.join(builtin_template_dir(), f"{kind}.docx")
    os.makedirs(os.path.join(folder, LOCAL_TEMPLATE_FOLDER), exist_ok=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(
            os.path.join(folder, LOCAL_TEMPLATE_FOLDER, f"{kind}.docx"), "w",
            zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                old = re.sub(r"\{% if " + field + r" %\}(.*?)\{% endif %\}", r"\1", text)
                assert old != text
                data = old.encode("utf-8")
            zout.writestr(item, data)


@pytest.mark.parametrize("seed", range(3))
def test_a_template_that_gains_a_field_redrafts_only_the_letters_that_now_read_otherwise(
        seed, sample_copy, tmp_path, capsys):
    """Letters issued before the letters stopped asking the office to copy its reply to
    itself: after the update, the letter to the office gets a new draft (its text changed),
    and every other letter, whose text is the same, is left alone."""
    import random
    import shutil
    rng = random.Random(seed)
    registry = sample_copy(rng.choice(["bac-thanh-mien", "tu-minh"]))
    folder = os.path.dirname(registry)
    shutil.rmtree(os.path.join(folder, "van-ban"), ignore_errors=True)
    _template_without("dong_gui", "CVPC", folder)
    out = str(tmp_path / "vb")
    from doithoai.files import reader
    meeting = reader.read_registry(registry).plans[0].meeting_date
    today = meeting - dt.timedelta(days=rng.randint(2, 6))     # CVPC is issued before it
    before = set(glob.glob(os.path.join(folder, "*.xlsx")))
    cli.main(["generate", registry, "--docs", "CVPC", "--issue", "--out", out,
              "--today", today.isoformat()])
    [copy] = set(glob.glob(os.path.join(folder, "*.xlsx"))) - before
    issued = _files(out)
    letters = sorted(f for f in issued if os.path.basename(f).startswith("CVPC_"))
    assert any("Van-phong" in f for f in letters) and len(letters) > 1, letters
    shutil.rmtree(os.path.join(folder, "mau-van-ban"))       # the updated program's template
    capsys.readouterr()
    cli.main(["generate", copy, "--docs", "CVPC", "--out", out, "--today", today.isoformat()])
    said = capsys.readouterr().out
    drafts = sorted(_files(out) - issued)
    assert drafts and all("Van-phong" in f for f in drafts), (drafts, said)


@pytest.mark.parametrize("seed", range(6))
def test_an_issue_run_says_the_numbers_it_gave(seed, tmp_path, capsys):
    """`generate --issue` printed only "Đã tạo 69 tệp": the clerk opened Sổ văn bản to learn
    which numbers went out. The run now says them; what it says is what the copy's Sổ văn
    bản holds as issued by it (a plan's own number typed on Kế hoạch is not one it gave)."""
    import openpyxl
    import re
    from doithoai.registry import schema
    case = make_case(seed)
    _, after = days_around(case)
    registry = saved(case, str(tmp_path / "so.xlsx"))
    said, copy = issue(registry, str(tmp_path / "van-ban"), after, capsys)
    if copy is None:
        assert "Đã cấp số" not in said
        return
    ws = openpyxl.load_workbook(copy)[schema.REGISTER.name]
    head = [c.value for c in ws[1]]
    col = {k: head.index(schema.REGISTER.column(k).header) for k in
           ("number_symbol", "kind", "status", "number")}
    given = [f"{r[col['number_symbol']]} ({r[col['kind']]})"
             for r in ws.iter_rows(min_row=2, values_only=True)
             if r[col["status"]] == "Đã ban hành" and r[col["number"]]
             and not (r[col["kind"]] == "KH" and case.plan.get("number_symbol"))]
    line = next(x for x in said.splitlines() if x.startswith("Đã cấp số: "))
    listed = re.findall(r"\S+ \([A-Z]+\)", line)
    more = re.search(r"và (\d+) văn bản khác", line)
    assert set(listed) <= set(given) and len(listed) == min(12, len(given)), (listed, given)
    assert len(listed) + (int(more.group(1)) if more else 0) == len(given), (line, given)
    assert f"cấp số {len(given)} văn bản" in said.splitlines()[0]


@pytest.mark.parametrize("seed", range(6))
def test_an_issue_run_records_in_nhat_ky_what_it_issued_not_its_drafts(seed, tmp_path, capsys):
    """Nhật ký of the copy an issue run writes recorded, under "Ban hành văn bản", the
    preparation letters it could only draft after the meeting (BCTH, CVPC): personal data said
    to have left the office that never did. Each kind it records is one the copy's Sổ văn bản
    holds as issued by this run, or a paper never numbered."""
    import openpyxl
    from doithoai.documents.kinds import KINDS
    from doithoai.registry import schema
    case = make_case(seed)
    _, after = days_around(case)
    registry = saved(case, str(tmp_path / "so.xlsx"))
    said, copy = issue(registry, str(tmp_path / "van-ban"), after, capsys)
    if copy is None:
        return
    wb = openpyxl.load_workbook(copy)
    reg_ws = wb[schema.REGISTER.name]
    head = [c.value for c in reg_ws[1]]
    issued = {r[head.index("Loại")] for r in reg_ws.iter_rows(min_row=2, values_only=True)
              if r[head.index("Trạng thái")] == "Đã ban hành"}
    names = {k.name: k for k in KINDS}
    logged = [re.search(r"ra khỏi sổ: (.+?) \(KH-", r[3]).group(1)
              for r in wb["Nhật ký"].iter_rows(min_row=2, values_only=True)
              if r[2] == "Ban hành văn bản" and r[3] and " (KH-" in r[3]]
    assert logged, said
    for name in logged:
        kind = names[name]
        assert kind.code in issued or not kind.numbered, (name, issued)
