"""A reminder (CVDD) asks each agency for what it owes, by the deadline it missed.

A fresh-eyes trial issued a reminder to an agency whose written reply was on record and whose
only opinion still owed its resolution: the letter asked it "sớm có văn bản trả lời người nêu
ý kiến", and printed "(dự kiến)" after the Hạn trả lời the issued conclusion notice had stated
as a fact. Registries from the corpus generator (tests/corpus): the conclusion notice issued
two days after the meeting, then, around each opinion's deadlines (`doithoai deadlines --json`),
each agency's opinions in turn left unanswered, answered (on time or late) but not resolved,
or answered and resolved; reminders made three months after the meeting. Read from each
letter's text (python-docx): every opinion listed is asked for what it owes, in the list whose
column names that deadline, with that date and the working days since (counted on the
registry's Ngày nghỉ, read apart); the reply already sent is named; none answered and resolved
is listed; the asks of the letter follow its lists. A reminder issued with the earlier wording
is not found changed when Ban hành is pressed again.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re

import openpyxl
import pytest
from docx import Document

from corpus.late import calendar, due_dates
from corpus.registries import make_case
from corpus.run import saved
from reworded import fingerprinted_as_printed, printed_as_issued
from doithoai import cli
from doithoai.documents import layout, tables, templates
from doithoai.documents.context import followup
from doithoai.documents.kinds import template_name
from doithoai.registry import schema
from xlsx_edit import edit

SEEDS = range(20)
STATES = ("owes both", "answered", "owes both", "answered late", "done")
REPLY_ASK = re.compile(r"trả lời bằng văn bản cho người nêu|sớm có văn bản trả lời người nêu")
RESOLVE_ASK = "hoàn thành việc giải quyết"
UNNAMED = "Không gửi văn bản trả lời (người nêu không ghi tên)"


def _run(args, capsys) -> str:
    cli.main(args)
    return capsys.readouterr().out


def _copy_made(folder: str, before: set) -> str | None:
    made = set(glob.glob(os.path.join(folder, "*.xlsx"))) - before
    return made.pop() if made else None


def _prepared(seed: int, tmp_path, capsys):
    """The registry with its conclusion notice issued and each agency's opinions given replies
    and resolutions in turn (STATES); None when the corpus spoiled a row the notice needs.
    Returns (registry, documents' folder, the day of the reminders, opinion → its state, the
    replies typed, the due dates)."""
    case = make_case(seed)
    folder = str(tmp_path / f"s{seed}")
    os.makedirs(folder)
    out = os.path.join(folder, "vb")
    path = saved(case, os.path.join(folder, "so.xlsx"))
    before = set(glob.glob(os.path.join(folder, "*.xlsx")))
    _run(["generate", path, "--docs", "TBKL", "--issue", "--out", out, "--today",
          (case.meeting + dt.timedelta(days=2)).isoformat()], capsys)
    copy = _copy_made(folder, before)
    if copy is None:
        return None
    today = case.meeting + dt.timedelta(days=100)
    dues = due_dates(copy, today, capsys)
    ws = openpyxl.load_workbook(copy)[schema.OPINIONS.name]
    keys = schema.OPINIONS.keys
    row_of = {ws.cell(r, keys.index("opinion_id") + 1).value: r for r in range(2, ws.max_row + 1)}
    by_agency: dict[str, list[str]] = {}
    for o in case.opinions:
        if (o["opinion_id"], "GIAI_QUYET") in dues:
            by_agency.setdefault((o.get("agency") or "").lower(), []).append(o["opinion_id"])
    states, replies, edits = {}, {}, []
    for n, ids in enumerate(by_agency.values()):
        for i, oid in enumerate(sorted(ids)):
            # what the corpus typed is replaced: each opinion as its state says
            state = STATES[(seed + n + i) % len(STATES)] if (oid, "TRA_LOI") in dues \
                else "unnamed"             # no one to write to: only its resolution is owed
            states[oid], row = state, row_of[oid]
            sent = resolved = None
            if state not in ("owes both", "unnamed"):
                due = dues[oid, "TRA_LOI"]
                sent = due + dt.timedelta(days=4 if state == "answered late" else -1)
                replies[oid] = (f"{100 + len(replies)}/UBND-VP", sent)
            if state == "done":
                resolved = dues[oid, "GIAI_QUYET"] - dt.timedelta(days=1)
            status = "Đã giải quyết" if resolved else "Đã trả lời bằng văn bản" if sent \
                else "Đang giải quyết"
            edits += [("opinions", "reply_number", row, replies[oid][0] if sent else None),
                      ("opinions", "reply_date", row, sent),
                      ("opinions", "resolved_date", row, resolved),
                      ("opinions", "status", row, status),
                      ("opinions", "satisfaction", row, None)]
    edit(copy, edits)
    return copy, out, today, states, replies, dues


def _letters(out: str) -> dict[str, Document]:
    return {p: Document(p) for p in glob.glob(os.path.join(out, "*", "CVDD*.docx"))}


def _rows(doc) -> list[tuple[str, dict]]:
    """(the list's deadline column, the row by header) of every listed opinion."""
    found = []
    for table in doc.tables:
        head = [c.text for c in table.rows[0].cells]
        if "Mã ý kiến" not in head:
            continue
        column = next(h for h in head if h.startswith("Hạn"))
        found += [(column, dict(zip(head, (c.text for c in row.cells))))
                  for row in table.rows[1:]]
    return found


def _checked_letter(path, doc, today, states, replies, dues, cal, draft: bool) -> set[str]:
    """The opinions one letter lists, each held to what it owes; the asks to its lists."""
    body = "\n".join(p.text for p in doc.paragraphs)
    rows = _rows(doc)
    for column, row in rows:
        oid = row["Mã ý kiến"]
        state = states.get(oid, "unnamed")
        assert state != "done", (path, oid)
        owes_reply = state == "owes both"
        assert column == ("Hạn trả lời" if owes_reply else "Hạn giải quyết"), (path, oid, state)
        due = dues[oid, "TRA_LOI" if owes_reply else "GIAI_QUYET"]
        assert row[column].startswith(f"{due:%d/%m/%Y}"), (path, oid, row)
        # the conclusion notice stated each Hạn trả lời (and the day to resolve an opinion no
        # reply is written for): a fact, never "dự kiến"; an issued letter marks no date
        stated = owes_reply or state == "unnamed"
        assert "dự kiến" not in row[column] or (draft and not stated), (path, oid, row)
        assert row["Quá hạn"] == f"{cal.working_days_between(due, today)} ngày làm việc", row
        reply = row.get("Nội dung; trả lời người nêu", "").split("\n")[-1]
        if oid in replies:
            number, sent = replies[oid]
            assert reply == f"Đã trả lời: Văn bản số {number} ngày {sent:%d/%m/%Y}", row
        elif not owes_reply:
            assert reply == UNNAMED, (path, oid, row)
    kinds = {column for column, _ in rows}
    for table in doc.tables:                 # each list numbered from 1
        if "Mã ý kiến" in [c.text for c in table.rows[0].cells]:
            assert [r.cells[0].text for r in table.rows[1:]] == \
                [str(n) for n in range(1, len(table.rows))], (path, "STT")
    assert bool(REPLY_ASK.search(body)) == ("Hạn trả lời" in kinds), (path, body)
    assert (RESOLVE_ASK in body) == ("Hạn giải quyết" in kinds), (path, body)
    assert ("1. Ý kiến chưa có văn bản trả lời" in body) == (len(kinds) == 2), (path, body)
    # what the office asked at first (or asks again), said before the count: a resolution is
    # named in it when one is chased, to an agency of its own or one asked to cooperate
    asked = body.split(" ý kiến, kiến nghị của Nhân dân", 1)[0]
    assert "Hạn giải quyết" not in kinds or "giải quyết" in asked, (path, asked)
    if not draft:
        assert "dự kiến" not in body + str(rows), path
    return {row["Mã ý kiến"] for _, row in rows}


def _owing(states, dues, today, agencies) -> set[str]:
    """The opinions the reminders must list: past a deadline whose step is still owed, with an
    agency to chase."""
    out = set()
    for (oid, code), due in dues.items():
        state = states.get(oid, "unnamed")
        if due < today and state != "done" and agencies.get(oid) and (
                code == "GIAI_QUYET" or state == "owes both"):
            out.add(oid)
    return out


def test_each_reminder_asks_for_what_each_opinion_owes(tmp_path, capsys):
    letters = {"reply": 0, "resolution": 0, "both": 0, "cooperating": 0}
    for seed in SEEDS:
        prepared = _prepared(seed, tmp_path, capsys)
        if prepared is None:
            continue
        path, out, today, states, replies, dues = prepared
        cal = calendar(path)
        agencies = {o["opinion_id"]: o.get("agency") for o in make_case(seed).opinions}
        for issue in (False, True):
            folder = out + ("-issued" if issue else "-drafts")
            _run(["generate", path, "--docs", "CVDD", "--out", folder, "--today",
                  today.isoformat()] + (["--issue"] if issue else []), capsys)
            listed: set[str] = set()
            for p, doc in _letters(folder).items():
                mine = _checked_letter(p, doc, today, states, replies, dues, cal, not issue)
                assert not listed & mine, (p, listed & mine)
                listed |= mine
                kinds = {c for c, _ in _rows(doc)}
                letters["both" if len(kinds) == 2 else "reply" if "Hạn trả lời" in kinds
                        else "resolution"] += not issue
                letters["cooperating"] += not issue and "Hạn giải quyết" in kinds and \
                    "sự phối hợp của Quý cơ quan" in "\n".join(x.text for x in doc.paragraphs)
            assert listed == _owing(states, dues, today, agencies), (seed, issue, listed)
    assert min(letters.values()) >= 3, letters


@pytest.mark.parametrize("fault", ["asks every opinion for its reply", "deadline marked",
                                   "reply not named", "one numbering"])
def test_the_property_fails_on_a_planted_fault(tmp_path, capsys, monkeypatch, fault):
    if fault == "asks every opinion for its reply":         # the trial's reminder
        monkeypatch.setattr(followup.FollowUpDocs, "owes_reply", lambda self, c: True)
    elif fault == "deadline marked":                        # "(dự kiến)" on a stated date
        monkeypatch.setattr(followup.FollowUpDocs, "stated_due",
                            lambda self, c, due, reply, concluded:
                            self.opinion_due_text(c.opinion_id, due))
    elif fault == "reply not named":
        monkeypatch.setattr(followup.FollowUpDocs, "reply_sent",
                            lambda self, c, concluded: "Đã trả lời")
    else:                                                   # the second list went on 2, 3, 4
        item = followup.FollowUpDocs.reminder_item
        count = iter(range(1, 10 ** 6))
        monkeypatch.setattr(followup.FollowUpDocs, "reminder_item",
                            lambda self, stt, *a: item(self, next(count), *a))
    with pytest.raises(AssertionError):
        test_each_reminder_asks_for_what_each_opinion_owes(tmp_path, capsys)


def _earlier_template(doc, party):
    """The reminder's template as reminders were issued with before they told replies from
    resolutions apart (doithoai 0.5: documents/letters.py), its words shortened: the fields
    it printed are what its fingerprints hold."""
    layout.header_block(doc, party=party, subject_line=True)
    layout.para(doc, "Kính gửi: {{ co_quan_tra_loi }}{{ ten_don_vi_kem }}.")
    layout.body(doc, "{% if tiep_theo %}Tiếp theo {{ tiep_theo }} của {{ ten_co_quan_ngan }}"
                     "{% if phoi_hop %}đề nghị{% endif %} {{ pham_vi }} {{ ngay_xet }} "
                     "{{ so_y_kien }}{% else %}Thực hiện {{ can_cu_ke_hoach }}, "
                     "{{ ten_co_quan_ngan }}{{ pham_vi }} {{ ngay_xet }} {{ so_y_kien }}"
                     "{% endif %}")
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 8.0, "00/00/0000", "Quá hạn"],
                      ["STT", "Mã ý kiến", "Nội dung", "Hạn", "Quá hạn"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }} ({{ y.con_no }})",
                       "{{ y.han }}", "{{ y.tre }}"], "y in qua_han")
    layout.body(doc, "{% if phoi_hop %}{{ van_phong }} {{ han_bao_cao }}{% else %}"
                     "{% if dong_gui %}{{ van_phong }}{% endif %} {{ han_bao_cao }}{% endif %}")
    layout.recipients_and_signature(doc, party=party)


def _earlier_wording(patch, folder: str) -> None:
    """Reminders made as they were issued before: that template next to the registry (a
    template there wins), each field printed as it was (put_reworded's as-issued value)."""
    patch.setitem(templates.BUILDERS, "CVDD", _earlier_template)
    for party in (False, True):
        templates.build("CVDD", party, os.path.join(folder, template_name("CVDD", party)))
    printed_as_issued(patch)


def test_a_reminder_issued_with_the_earlier_wording_is_not_found_changed(tmp_path, capsys,
                                                                          monkeypatch):
    """Issued with the earlier wording, pressed again the same day with this version: every
    reminder kept as issued, nothing drafted, numbered or written, no "nothing owed"."""
    checked = 0
    for seed in SEEDS:
        prepared = _prepared(seed, tmp_path, capsys)
        if prepared is None:
            continue
        path, out, today, *_ = prepared
        before = set(glob.glob(os.path.join(os.path.dirname(path), "*.xlsx")))
        with monkeypatch.context() as old:
            _earlier_wording(old, os.path.dirname(path))
            said = _run(["generate", path, "--docs", "CVDD", "--issue", "--out", out,
                         "--today", today.isoformat()], capsys)
        for party in (False, True):
            os.remove(os.path.join(os.path.dirname(path), template_name("CVDD", party)))
        copy = _copy_made(os.path.dirname(path), before)
        if copy is None or "(CVDD)" not in said:
            continue
        files = {p: os.path.getmtime(p) for p in glob.glob(os.path.join(out, "*", "CVDD*"))}
        again = _run(["generate", copy, "--docs", "CVDD", "--issue", "--out", out, "--today",
                      today.isoformat()], capsys)
        assert f"Đã tạo 0 tệp văn bản; {len(files)} văn bản đã ban hành không đổi" in again, again
        assert "dự thảo" not in again and "Đã cấp số" not in again, again
        assert "Không cơ quan nào còn nợ" not in again, again
        assert files == {p: os.path.getmtime(p)
                         for p in glob.glob(os.path.join(out, "*", "CVDD*"))}
        checked += 1
    assert checked >= 5, checked


def test_the_earlier_wording_property_fails_when_the_new_wording_is_fingerprinted(
        tmp_path, capsys, monkeypatch):
    """Planted: the reminder's fields fingerprinted as printed now (no put_reworded)."""
    fingerprinted_as_printed(monkeypatch)
    with pytest.raises(AssertionError):
        test_a_reminder_issued_with_the_earlier_wording_is_not_found_changed(
            tmp_path, capsys, monkeypatch)
