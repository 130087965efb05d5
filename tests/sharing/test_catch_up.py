"""A form made after the conference to catch up (a fresh-eyes trial): the clerk ran `intake
export` after the meeting for the Front to copy in opinions received before it; the export said
so, and `intake merge` set every row aside because the file "was made after the conference".

Registries from the corpus generator (tests/corpus), with a second conference 60 days after the
first; forms exported and merged through the command, rows filled as a village board would
(openpyxl), read back from what the clerk sees: merge's printed lines and the registry copy it
saves (Ý kiến, Chờ xử lý). A form of the second conference whose identity was edited to name
the first is still refused, however it was made; the form's own line says by when it goes back
(the Thu phiếu deadline `deadlines --json` prints, while it is ahead) or what it is still for.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import later_plan
from doithoai import cli
from doithoai.files import atomic, blank, reader
from doithoai.registry import parsing
from doithoai.sharing import intake
from test_remerge import _write_rows

SEEDS = range(6)
FIELD = "Khác"


def _registry(seed: int, path: str):
    """The case's registry with a second conference 60 days after the first: (case, first
    plan id, second plan id, the second's meeting day)."""
    case = make_case(seed)
    second, later = later_plan(case.plan, 60)
    atomic.save_atomic(blank.build_workbook(settings=case.settings, rows={
        "plans": [case.plan, second], "invitees": case.invitees, "opinions": case.opinions,
        "survey": case.survey}), path)
    return case, case.plan["plan_id"], second["plan_id"], later


def _export(path, plan, out, today) -> tuple[list[str], str]:
    """The files `intake export --today` writes, and what it prints."""
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = cli.main(["intake", "export", path, "--plan", plan, "--out", str(out),
                         "--today", today.isoformat()])
    assert code == 0
    return sorted(str(p) for p in out.glob("*.xlsx")), buf.getvalue()


def _merge(path, files, out, today, capsys) -> tuple[str, object]:
    """What `intake merge --today` prints, and the registry copy it saved."""
    capsys.readouterr()
    cli.main(["intake", "merge", path, *files, "--out", str(out), "--today", today.isoformat()])
    said = capsys.readouterr().out
    return said, reader.read_registry(str(out)) if out.exists() else None


def _rows(rng, meeting: dt.date, n_before: int, n_after: int, seed: int) -> list[dict]:
    """Opinions received up to the meeting's day (the meeting's own day among them), then
    some after it; each with words of its own."""
    days = [meeting] + [meeting - dt.timedelta(days=rng.randint(1, 30))
                        for _ in range(n_before - 1)]
    days += [meeting + dt.timedelta(days=rng.randint(1, 10)) for _ in range(n_after)]
    return [{"Nguồn": "Phiếu hỏi", "Ngày nhận": d, "Người nêu": f"Ông Vũ Văn Tư {seed}-{i}",
             "Nội dung": f"Đề nghị sửa đoạn đường số {seed}-{i} trước mùa mưa.",
             "Lĩnh vực": FIELD} for i, d in enumerate(days)]


def _counts(said: str) -> tuple[int, int, int, int]:
    m = re.search(r"đọc (\d+) dòng = (\d+) thêm mới.*?\+ (\d+) đã có \+ (\d+) chờ xử lý", said)
    assert m, said
    return tuple(int(x) for x in m.groups())


@pytest.mark.parametrize("seed", SEEDS)
def test_a_form_exported_after_the_conference_merges_what_came_before_it(
        seed, tmp_path, capsys):
    """The export after the conference invites the catch-up; the merge takes every row received
    up to the conference's day (the day as typed) and sets aside each one received after it,
    saying why; nothing is refused for the day the file was made."""
    rng = random.Random(seed)
    path = str(tmp_path / "so.xlsx")
    case, plan, _, _ = _registry(seed, path)
    made = case.meeting + dt.timedelta(days=rng.randint(1, 40))
    files, said = _export(path, plan, tmp_path / "phieu", made)
    assert "đã diễn ra" in said and "chép lại" in said          # the export invites it
    n_before, n_after = rng.randint(2, 7), rng.randint(0, 2)
    rows = _rows(rng, case.meeting, n_before, n_after, seed)
    _write_rows(files[0], rows)
    merged, copy = _merge(path, files[:1], tmp_path / "moi.xlsx",
                          made + dt.timedelta(days=rng.randint(0, 5)), capsys)
    assert _counts(merged) == (len(rows), n_before, 0, n_after), merged
    assert "được tạo ngày" not in merged
    taken = {o.content: o for o in copy.opinions if o.plan_id == plan}
    for row in rows[:n_before]:
        o = taken[row["Nội dung"]]
        assert o.received_date == row["Ngày nhận"] and o.raised_by == row["Người nêu"]
    late = [r for r in rows if r["Ngày nhận"] > case.meeting]
    assert sorted(p.content for p in copy.pending) == sorted(r["Nội dung"] for r in late)
    assert all("sau ngày hội nghị" in p.reason for p in copy.pending)
    assert not any(r["Nội dung"] in taken for r in late)


def _edit_to(file: str, other: str, plan: str) -> None:
    """The hidden identity and the title's Mã KH of ``file`` edited from ``other`` to ``plan``,
    as someone passing a form off as another conference's would."""
    wb = openpyxl.load_workbook(file)
    for row in wb[intake.ID_SHEET].iter_rows():
        if row[0].value == "plan":
            row[1].value = plan
    for row in wb[intake.DATA_SHEET].iter_rows(max_row=10):
        for c in row:
            if isinstance(c.value, str) and other in c.value:
                c.value = c.value.replace(other, plan)
    wb.save(file)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_form_of_another_conference_edited_to_name_this_one_is_still_refused(
        seed, tmp_path, capsys):
    """A form of the second conference, made before it (or after it, to catch up), its hidden
    plan and its title edited to name the first conference, already held: every row is set
    aside, saying the file is not a catch-up form of that conference; none is added."""
    rng = random.Random(seed)
    path = str(tmp_path / "so.xlsx")
    case, first, second, later = _registry(seed, path)
    made = (later + dt.timedelta(days=rng.randint(1, 20)) if seed % 2 else
            later - dt.timedelta(days=rng.randint(1, 30)))
    files, _ = _export(path, second, tmp_path / "phieu", made)
    rows = _rows(rng, case.meeting, rng.randint(1, 4), 0, seed)
    _write_rows(files[0], rows)
    _edit_to(files[0], second, first)
    merged, copy = _merge(path, files[:1], tmp_path / "moi.xlsx", made, capsys)
    assert _counts(merged) == (len(rows), 0, 0, len(rows)), merged
    assert "không phải phiếu chép lại của hội nghị đó" in merged
    assert f"ghi hội nghị ngày {later:%d/%m/%Y}" in merged
    assert not {r["Nội dung"] for r in rows} & {o.content for o in copy.opinions}
    assert len(copy.pending) == len(rows)


def _drop_meeting(file: str) -> None:
    """The hidden identity as forms made before it recorded the conference's day."""
    wb = openpyxl.load_workbook(file)
    ws = wb[intake.ID_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "meeting":
            ws.delete_rows(row[0].row)
            break
    wb.save(file)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_catch_up_form_made_before_the_identity_named_its_day_merges_by_its_title(
        seed, tmp_path, capsys):
    """The clerk's form of the trial was made before the hidden identity recorded the
    conference's day: its title's "Thời gian" names it, and it merges; a form of the second
    conference without that record, edited to name the first, is still refused."""
    rng = random.Random(seed)
    path = str(tmp_path / "so.xlsx")
    case, first, second, later = _registry(seed, path)
    made = case.meeting + dt.timedelta(days=rng.randint(1, 40))
    files, _ = _export(path, first, tmp_path / "phieu", made)
    rows = _rows(rng, case.meeting, rng.randint(1, 7), 0, seed)
    _write_rows(files[0], rows)
    _drop_meeting(files[0])
    merged, _ = _merge(path, files[:1], tmp_path / "moi.xlsx", made, capsys)
    assert _counts(merged) == (len(rows), len(rows), 0, 0), merged
    other, _ = _export(path, second, tmp_path / "khac", later - dt.timedelta(days=5))
    _write_rows(other[0], rows)
    _drop_meeting(other[0])
    _edit_to(other[0], second, first)
    merged, _ = _merge(path, other[:1], tmp_path / "moi2.xlsx", later, capsys)
    assert _counts(merged) == (len(rows), 0, 0, len(rows)), merged


def test_a_row_without_a_day_merged_after_the_conference_is_set_aside(tmp_path, capsys):
    """A catch-up row with no Ngày nhận cannot be told before or after the conference: it is
    set aside asking for the day, never dated by the merge's day (after the conference)."""
    path = str(tmp_path / "so.xlsx")
    case, plan, _, _ = _registry(3, path)
    made = case.meeting + dt.timedelta(days=3)
    files, _ = _export(path, plan, tmp_path / "phieu", made)
    rows = _rows(random.Random(3), case.meeting, 2, 0, 3)
    rows[1]["Ngày nhận"] = None
    _write_rows(files[0], rows)
    merged, copy = _merge(path, files[:1], tmp_path / "moi.xlsx", made, capsys)
    assert _counts(merged) == (2, 1, 0, 1), merged
    assert "Chưa ghi Ngày nhận" in merged
    assert [p.content for p in copy.pending] == [rows[1]["Nội dung"]]


def _thu_phieu(path: str, plan: str, today: dt.date, capsys) -> dt.date:
    capsys.readouterr()
    cli.main(["deadlines", path, "--json", "--today", today.isoformat()])
    data = json.loads(capsys.readouterr().out)
    return next(parsing.parse_date(m["due"]) for m in data["milestones"]
                if m["plan"] == plan and m["code"] == "THU_PHIEU" and not m["opinion"])


@pytest.mark.parametrize("seed", SEEDS)
def test_the_form_states_the_thu_phieu_deadline_while_ahead_then_what_it_is_for(
        seed, tmp_path, capsys):
    """The form's "Gửi lại" line: the Thu phiếu deadline `deadlines` prints, while it is
    ahead; after it, the conference's day; after the conference, that the form is only for
    opinions received up to its day, asking for no day."""
    rng = random.Random(seed)
    path = str(tmp_path / "so.xlsx")
    case, plan, _, _ = _registry(seed, path)
    due = _thu_phieu(path, plan, case.meeting, capsys)
    for n, day in enumerate((due - dt.timedelta(days=rng.randint(0, 10)),
                             due + dt.timedelta(days=1),
                             case.meeting + dt.timedelta(days=rng.randint(1, 30)))):
        files, _ = _export(path, plan, tmp_path / f"phieu-{n}", day)
        ws = openpyxl.load_workbook(files[0])[intake.DATA_SHEET]
        line = next(str(c.value) for row in ws.iter_rows(max_row=12) for c in row
                    if str(c.value or "").startswith("Gửi lại tệp này"))
        if n == 0:
            assert line.endswith(f"chậm nhất ngày {due:%d/%m/%Y}."), line
        elif day <= case.meeting:
            assert line.endswith(f"chậm nhất ngày hội nghị {case.meeting:%d/%m/%Y}."), line
        else:
            assert "chậm nhất" not in line, line
            assert f"Hội nghị đã diễn ra ngày {case.meeting:%d/%m/%Y}" in line, line
            assert "Ngày nhận không sau ngày hội nghị" in line, line


def test_intake_export_offers_today_as_the_other_dated_commands(capsys):
    for command in (["intake", "export"], ["generate"], ["deadlines"]):
        with pytest.raises(SystemExit):
            cli.main([*command, "--help"])
        assert "--today YYYY-MM-DD" in capsys.readouterr().out, command
