"""Dates and figures a chairman signs (issue 25 §2, §6, §7, §9), read back from the documents.

- an undated draft prints the year it will be issued in, never the computer's: for conferences
  in 2026-2030, on both sides of a new year, through the command's --today;
- attendance: invited = present + absent + not recorded, the delegated a part of the present,
  the same in BB, BCKQ and the monitoring workbook, every group's line adding up;
- a computed date whose year's holidays are the package's guess is marked "dự kiến";
- a citizen whose opinion joined another's is told, naming that opinion, and gets the reply.

Registries are built as a clerk's would be (files.blank.build_workbook, files.reader).
"""
from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
import sys

import openpyxl
import pytest
from docx import Document

from doithoai.documents import generate
from doithoai.documents.kinds import KINDS
from doithoai.files import atomic, blank, reader
from doithoai.monitoring import workbook
from doithoai.registry import schema
from doithoai.rules import deadlines
from doithoai.text import vnformat

SETTINGS = dict(unit_name="Xã Hòa Bình", unit_type="xã", province="Tỉnh Lạng Sơn",
                place_name="Hòa Bình", issuer_name="ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
                party_superior="ĐẢNG BỘ TỈNH LẠNG SƠN", party_committee_name="ĐẢNG ỦY XÃ HÒA BÌNH",
                chairman="Hoàng Văn Thắng", contact_officer="Lương Thị Hoa",
                contact_phone="0912000111")
VILLAGES = ["Thôn Bản Chu", "Thôn Nà Làng", "Thôn Khuổi Phầy"]
GROUPS = ["Thường trực Đảng ủy", "Lãnh đạo UBND", "Ủy ban MTTQ và các đoàn thể",
          "Cán bộ thôn, tổ dân phố", "Đại diện Nhân dân"]
NAMES = ["Nông Văn Dũng", "Lý Thị Hằng", "Vi Văn Tám", "Hoàng Thị Lan", "Lăng Văn Quý",
         "Triệu Thị Mai", "Chu Văn Bình", "Mã Thị Hương", "Nông Thị Thu", "Lương Văn Hải",
         "Dương Văn Cường", "Hà Thị Nga", "Lộc Văn Sơn", "Hoàng Văn Phúc", "Vy Thị Lý",
         "Tô Văn Hùng", "Đinh Văn Khải", "Bế Thị Nhung"]
AGENCIES = ["Phòng Kinh tế", "Công an xã", "Trạm Y tế xã", "UBND cấp tỉnh và các sở, ngành"]
FIELD = "Kinh tế - Giao thông, thủy lợi, điện, nước"
DRAFTS_BEFORE = ["KH", "TB", "GM", "PDK", "BCTH", "CVPC", "PKS"]
DRAFTS_AFTER = ["TBKL", "BCKQ", "CVKN", "TBCD", "CVTL"]


def d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def plan_row(meeting: dt.date, **kw) -> dict:
    row = dict(plan_id=f"KH-{meeting.year}-01", issuer="UBND", form="định kỳ",
               subject=f"Tổ chức hội nghị đối thoại với Nhân dân năm {meeting.year}",
               chair_title="Chủ tịch UBND xã", chair_name="Hoàng Văn Thắng",
               scope="; ".join(VILLAGES), meeting_date=d(meeting), start_time="08:00",
               end_time="11:00", venue="Hội trường UBND xã Hòa Bình", expected_delegates=60,
               status="Dự thảo", content="UBND xã báo cáo tình hình; Nhân dân nêu ý kiến.",
               legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương năm 2025",
               signing_authority="TM.", signer_title="CHỦ TỊCH", signer_name="Hoàng Văn Thắng")
    row.update(kw)
    return row


def invitee_rows(plan_id: str, marks: list[str | None], groups: list[str | None]) -> list[dict]:
    return [dict(plan_id=plan_id, seq=n + 1, honorific="Ông" if " Văn " in name else "Bà",
                 full_name=name, position="Cán bộ", organization="UBND xã", group=group,
                 invited="Có", attendance=mark)
            for n, (name, mark, group) in enumerate(zip(NAMES, marks, groups))]


def opinion_row(plan_id: str, n: int, meeting: dt.date, **kw) -> dict:
    row = dict(opinion_id=f"YK-{meeting.year}-{n:03d}", plan_id=plan_id, source="Phiếu hỏi",
               received_date=d(meeting - dt.timedelta(days=20)),
               raised_by=f"Ông Nguyễn Văn {chr(64 + n)}", address=VILLAGES[n % 3],
               content=f"Đề nghị xã xem xét sửa đoạn đường số {n} của thôn.", field=FIELD,
               competence="Xã", agency=AGENCIES[n % 3], answered_at_meeting="Không",
               status="Đã phân công")
    row.update(kw)
    return row


def registry(folder, plans, invitees=(), opinions=(), survey=()):
    wb = blank.build_workbook(settings=SETTINGS, rows=dict(
        plans=list(plans), invitees=list(invitees), opinions=list(opinions),
        survey=list(survey)))
    path = os.path.join(str(folder), "so.xlsx")
    atomic.save_atomic(wb, path)
    return reader.read_registry(path)


def documents(folder) -> dict[str, list[str]]:
    """Each generated .docx (its path under ``folder``) → its paragraphs, tables' cells
    included, as the reader of the document sees them."""
    out = {}
    for root, _, files in os.walk(str(folder)):
        for f in files:
            if f.endswith(".docx"):
                doc = Document(os.path.join(root, f))
                lines = [p.text for p in doc.paragraphs]
                for t in doc.tables:
                    for row in t.rows:
                        for cell in row.cells:
                            lines += [p.text for p in cell.paragraphs]
                out[os.path.relpath(os.path.join(root, f), str(folder))] = lines
    return out


DATE_LINE = re.compile(r", ngày\s+(\d{1,2}|)\s*tháng\s+(\d{1,2}|)\s*năm (\d{4}|\s*)$")


def date_line_years(lines: list[str]) -> list[str]:
    """The year on each "Nơi, ngày … tháng … năm …" line ("" when the year is left blank)."""
    return [m.group(3).strip() for m in (DATE_LINE.search(t) for t in lines) if m]


def kind_of(path: str) -> str:
    return os.path.basename(path).split("_")[0].split(".")[0]


# --- 1. The year of an undated draft ---------------------------------------------------------

@pytest.mark.parametrize("meeting", [dt.date(2027, 3, 5), dt.date(2029, 6, 15)])
def test_undated_drafts_print_the_conference_year_not_the_computers(tmp_path, meeting):
    """Issue 25 §2: every undated draft of the 2027 conference read "năm 2026". Old code: the
    computer's year (2026 on the machine that found it), in every kind listed."""
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows(f"KH-{meeting.year}-01", ["Có"] * 16, [GROUPS[0]] * 16),
                   [opinion_row(f"KH-{meeting.year}-01", n, meeting, answer="Xã sẽ sửa.")
                    for n in range(1, 6)] +
                   [opinion_row(f"KH-{meeting.year}-01", 6, meeting,
                                agency=AGENCIES[3], competence="Cấp trên")])
    # Drafted well before (an earlier year's clock), then after the conference.
    for today, codes in ((meeting - dt.timedelta(days=100), DRAFTS_BEFORE),
                         (meeting + dt.timedelta(days=7), DRAFTS_BEFORE + DRAFTS_AFTER)):
        out = tmp_path / f"out-{today}"
        generate.generate(reg, str(out), codes=codes, today=today)
        docs = documents(out)
        seen = {kind_of(p) for p, lines in docs.items() if date_line_years(lines)}
        assert {"KH", "TB", "GM", "PDK", "BCTH", "CVPC", "PKS"} <= seen, seen
        if today > meeting:
            assert {"TBKL", "BCKQ", "CVKN", "TBCD", "CVTL"} <= seen, seen
        for path, lines in docs.items():
            assert date_line_years(lines) and set(date_line_years(lines)) == \
                {str(meeting.year)}, (path, date_line_years(lines))


def test_a_draft_near_the_new_year_prints_the_year_it_is_due_in(tmp_path):
    """A conference on 08/01/2027: its announcement is due in December 2026 and says 2026; its
    conclusion, after the conference, 2027. Drafted after the announcement's due day, the
    announcement can only be issued in 2027."""
    meeting = dt.date(2027, 1, 8)
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows("KH-2027-01", ["Có"] * 4, [GROUPS[0]] * 4),
                   [opinion_row("KH-2027-01", 1, meeting, answer="Xã sẽ sửa.")])
    report = deadlines.compute(reg, dt.date(2026, 11, 1))
    due = {m.code: m.due for m in report.milestones if not m.opinion_id}
    assert due["THONG_BAO"].year == 2026 and due["KET_LUAN"].year == 2027

    def years(today, codes):
        out = tmp_path / str(today)
        generate.generate(reg, str(out), codes=codes, today=today)
        return {kind_of(p): set(date_line_years(lines)) for p, lines in documents(out).items()
                if kind_of(p) in codes}
    early = years(dt.date(2026, 11, 1), ["TB", "KH", "GM"])
    assert early == {"TB": {"2026"}, "KH": {"2026"}, "GM": {"2026"}}
    assert years(due["THONG_BAO"] + dt.timedelta(days=6), ["TB"]) == {"TB": {"2027"}}
    assert years(meeting + dt.timedelta(days=3), ["TBKL", "BCKQ"]) == \
        {"TBKL": {"2027"}, "BCKQ": {"2027"}}


def test_forms_keep_their_conferences_year_when_printed_in_the_next(tmp_path):
    """A conference on 18/12/2026, papers printed on 05/01/2027: the forms citizens fill in at
    or before it (PDK, PKS) say 2026, and so does an announcement never issued (it can no
    longer be: a draft keeps the year it was due in); what the commune has yet to issue (the
    conclusion) can only be issued in 2027."""
    meeting, today = dt.date(2026, 12, 18), dt.date(2027, 1, 5)
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows("KH-2026-01", ["Có"] * 4, [GROUPS[0]] * 4),
                   [opinion_row("KH-2026-01", 1, meeting, answer="Xã sẽ sửa.")])
    generate.generate(reg, str(tmp_path / "docs"), codes=["PDK", "PKS", "TB", "TBKL"],
                      today=today)
    years = {}
    for path, lines in documents(tmp_path / "docs").items():
        years.setdefault(kind_of(path), set()).update(date_line_years(lines))
    assert years == {"PDK": {"2026"}, "PKS": {"2026"}, "TB": {"2026"}, "TBKL": {"2027"}}


def test_every_kind_has_a_rule_for_its_year():
    """A new kind must say by which milestone it is issued (or be dated on the conference's day):
    without a rule its draft's year would fall back silently."""
    from doithoai.documents.context import dates
    placed = set(dates.ISSUED_BY) | set(dates.ON_THE_DAY) | {"KH", "CVDD", "CVTL"}
    assert {k.code for k in KINDS} <= placed
    codes = {r["code"] for r in schema.DEFAULT_RULES}
    assert all(set(ms) <= codes for ms in dates.ISSUED_BY.values())


def test_the_commands_today_sets_the_year(tmp_path):
    """`doithoai generate --today` reaches the date line: a 2030 conference, drafted on the
    command's day in 2030, says 2030 whatever the computer's clock says."""
    meeting = dt.date(2030, 3, 8)
    registry(tmp_path, [plan_row(meeting)],
             invitee_rows("KH-2030-01", ["Có"] * 3, [GROUPS[1]] * 3))
    res = subprocess.run([sys.executable, "-m", "doithoai", "generate",
                          str(tmp_path / "so.xlsx"), "--docs", "TB", "--today", "2030-02-01",
                          "--out", str(tmp_path / "docs")],
                         capture_output=True, text=True, encoding="utf-8")
    assert res.returncode == 0, res.stdout + res.stderr
    docs = documents(tmp_path / "docs")
    assert docs and all(date_line_years(lines) == ["2030"] for lines in docs.values()), docs


def test_new_opinion_codes_take_the_callers_year(tmp_path):
    """A row added to a plan with no meeting day yet (merged from the Front) is numbered in the
    year of the day the caller gives (the button's, the command's), not the computer's."""
    from doithoai.registry.ids import OpinionIds
    reg = registry(tmp_path, [plan_row(dt.date(2029, 9, 7), meeting_date=None)])
    (plan,) = reg.plans
    assert plan.meeting_date is None
    assert OpinionIds(reg, dt.date(2029, 8, 1)).next(plan) == "YK-2029-001"


# --- 2. Attendance that adds up ------------------------------------------------------------

FIGURES = re.compile(r"Đại biểu được mời: (\d+); có mặt: (\d+|……)"
                     r"(?:, trong đó (\d+) người được ủy quyền dự thay)?; vắng: (\d+|……)"
                     r"(?:; chưa ghi nhận tham dự: (\d+))?\.")
GROUP_LINE = re.compile(r"^- (.+): (\d+|……)/(\d+) đại biểu có mặt"
                        r"(?: \(trong đó (\d+) người được ủy quyền dự thay\))?"
                        r"(?:, (\d+) chưa ghi nhận tham dự)?[;.]$")    # the last item: "."


def figures_of(lines: list[str]) -> list[tuple]:
    found = [FIGURES.search(t) for t in lines]
    return [tuple(m.groups()) for m in found if m]


def expected(marks) -> tuple:
    """The registry's own count, by hand: (invited, present, delegated, absent, unrecorded)."""
    return (len(marks), sum(m in ("Có", "Ủy quyền") for m in marks),
            sum(m == "Ủy quyền" for m in marks), sum(m == "Vắng" for m in marks),
            sum(m is None for m in marks))


def check_sentence(found: tuple, marks) -> None:
    invited, present, delegated, absent, unrecorded = expected(marks)
    n, p, dlg, a, u = found
    assert int(n) == invited
    if unrecorded == invited:            # nothing recorded: blanks to fill, not zeros
        assert (p, a, dlg, u) == ("……", "……", None, None), found
        return
    assert int(p) == present and int(a) == absent
    assert int(dlg or 0) == delegated and int(u or 0) == unrecorded
    assert int(p) + int(a) + int(u or 0) == int(n)       # the parts add up to the invited
    assert int(dlg or 0) <= int(p)                       # the delegated are among the present


def test_the_minutes_count_the_delegated_among_the_present(tmp_path):
    """Issue 25 §6: "được mời: 16; có mặt: 15; vắng: 1; ủy quyền: 1" summed to 17. Old code
    printed that sentence in BB, and only "có mặt" in BCKQ."""
    meeting = dt.date(2027, 3, 5)
    marks = ["Có"] * 14 + ["Vắng", "Ủy quyền"]
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows("KH-2027-01", marks, [GROUPS[i // 4] for i in range(16)]),
                   [opinion_row("KH-2027-01", 1, meeting)])
    generate.generate(reg, str(tmp_path / "docs"), codes=["BB", "BCKQ"],
                      today=dt.date(2027, 3, 12))
    docs = documents(tmp_path / "docs")
    bb = docs[os.path.join("KH-2027-01", "BB.docx")]
    bckq = docs[os.path.join("KH-2027-01", "BCKQ.docx")]
    said = "Đại biểu được mời: 16; có mặt: 15, trong đó 1 người được ủy quyền dự thay; vắng: 1."
    assert any(said in t for t in bb) and any(said in t for t in bckq)
    assert not any("ủy quyền: 1" in t for t in bb + bckq)


def test_attendance_adds_up_in_every_document_and_the_workbook(tmp_path):
    """Seeded: conferences in 2026-2030 on any weekday, invitees present, absent, sent someone
    in their place or not yet recorded, in the groups of the list (a group off it, or none, is
    an error that refuses these documents: test_error_rows.py). BB's sentence
    and group lines, BCKQ's sentence, TBKL's present figure and the workbook's Hội nghị row all
    add up and equal the registry's count."""
    rng = random.Random(2025)
    for case in range(12):
        meeting = dt.date(rng.randint(2026, 2030), rng.randint(1, 12), rng.randint(1, 28))
        n = rng.randint(1, len(NAMES))
        mix = rng.choice([("Có",), ("Có", "Vắng", "Ủy quyền"), ("Có", "Vắng", "Ủy quyền", None),
                          (None,), ("Ủy quyền", None)])
        marks = [rng.choice(mix) for _ in range(n)]
        groups = [rng.choice(GROUPS) for _ in range(n)]
        folder = tmp_path / str(case)
        plan_id = f"KH-{meeting.year}-01"
        reg = registry(folder, [plan_row(meeting)], invitee_rows(plan_id, marks, groups),
                       [opinion_row(plan_id, 1, meeting)])
        today = meeting + dt.timedelta(days=rng.randint(0, 20))
        generate.generate(reg, str(folder / "docs"), codes=["BB", "BCKQ", "TBKL", "KH"],
                          today=today)
        docs = documents(folder / "docs")
        where = (case, meeting, marks, groups)
        # Every date line: the conference's year, or the next one for what is issued after a
        # late-December conference; never before the day the documents are made.
        dated_kinds = {kind_of(p) for p, lines in docs.items() if date_line_years(lines)}
        assert dated_kinds == {"BCKQ", "TBKL", "KH"}, dated_kinds     # BB has no date line
        for path, found in ((p, date_line_years(lines)) for p, lines in docs.items()):
            if kind_of(path) == "KH" and meeting < today:
                # the plan of a conference now past is no longer issued: its draft keeps the
                # year it was due in (dates.issue_year), before the conference
                assert all(meeting.year - 1 <= int(y) <= meeting.year for y in found), where
                continue
            assert all(today.year <= int(y) <= (meeting + dt.timedelta(days=60)).year
                                 and int(y) >= meeting.year for y in found), (path, found, where)
        bb, bckq = (docs[os.path.join(plan_id, f"{k}.docx")] for k in ("BB", "BCKQ"))
        for lines in (bb, bckq):
            (found,) = figures_of(lines)
            check_sentence(found, marks)
        # BB's groups: every invitee in exactly one line, each line adding up.
        lines = [m.groups() for m in (GROUP_LINE.match(t) for t in bb) if m]
        assert sum(int(g[2]) for g in lines) == n, where
        blank = all(m is None for m in marks)
        # a group is printed in the plan's village words ("Cán bộ thôn" in a commune of thôn)
        kinds = vnformat.unit_village_kinds(reg.plans[0].villages, reg.settings.unit_type)
        for name, present, invited, delegated, unrecorded in lines:
            own = [m for m, g in zip(marks, groups)
                   if vnformat.with_village_words(g, kinds) == name]
            assert int(invited) == len(own), where
            if blank:
                assert present == "……" and unrecorded is None, where
            else:
                _, p, dlg, _, u = expected(own)
                assert (int(present), int(delegated or 0), int(unrecorded or 0)) == (p, dlg, u)
        # KH: the delegates by group add up to the list.
        kh = docs[os.path.join(plan_id, "KH.docx")]
        counted = [int(m.group(1)) for m in (re.search(r": (\d+) đại biểu[;.]$", t) for t in kh)
                   if m]
        assert sum(counted) == n, (where, counted)
        # TBKL: the present, or a blank while nothing is recorded.
        tbkl = " ".join(docs[os.path.join(plan_id, "TBKL.docx")])
        shown = re.search(r"\((\d+|……) đại biểu có mặt\)", tbkl).group(1)
        assert shown == ("……" if blank else str(expected(marks)[1])), where
        # The monitoring workbook: the same figures, the same parts.
        path = str(folder / "theo-doi.xlsx")
        workbook.write(reg, path, today, "so.xlsx")
        ws = openpyxl.load_workbook(path)["Hội nghị"]
        head = [c.value for c in ws[1]]
        row = {h: c.value for h, c in zip(head, ws[2])}
        invited, present, delegated, absent, unrecorded = expected(marks)
        assert row["Đại biểu được mời"] == invited and row["Chưa ghi tham dự"] == unrecorded
        if blank:
            assert (row["Có mặt"], row["Vắng"]) == (None, None), where
        else:
            assert (row["Có mặt"], row["Trong đó ủy quyền dự thay"], row["Vắng"]) == \
                (present, delegated, absent), where
            assert row["Có mặt"] + row["Vắng"] + row["Chưa ghi tham dự"] == invited


def test_survey_shares_add_up_to_a_hundred(tmp_path):
    """BCKQ's survey line: 1, 1 and 1 forms are 34%, 33% and 33% (plain rounding printed 33%
    three times: 99%)."""
    meeting = dt.date(2027, 3, 5)
    q = "1. Mức độ hài lòng chung về hội nghị"
    survey = [dict(plan_id="KH-2027-01", question=q, option=o, count=1)
              for o in schema.SURVEY_OPTIONS[q]]
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows("KH-2027-01", ["Có"] * 5, [GROUPS[0]] * 5),
                   [opinion_row("KH-2027-01", 1, meeting)], survey)
    generate.generate(reg, str(tmp_path / "docs"), codes=["BCKQ"], today=dt.date(2027, 3, 9))
    text = " ".join(documents(tmp_path / "docs")[os.path.join("KH-2027-01", "BCKQ.docx")])
    shares = [int(s) for s in re.findall(r"\d+ phiếu \((\d+)%\)", text)]
    assert len(shares) == 3 and sum(shares) == 100, shares


# --- 3. Provisional dates ------------------------------------------------------------------

def kh_timetable(tmp_path, meeting: dt.date) -> tuple[list[tuple[str, str]], list[str]]:
    """(task, date cell) of each row of the KH's timetable, and the KH's paragraphs."""
    folder = tmp_path / str(meeting)
    reg = registry(folder, [plan_row(meeting)],
                   invitee_rows(f"KH-{meeting.year}-01", ["Có"] * 3, [GROUPS[0]] * 3))
    generate.generate(reg, str(folder / "docs"), codes=["KH"], today=meeting -
                      dt.timedelta(days=60))
    doc = Document(str(folder / "docs" / f"KH-{meeting.year}-01" / "KH.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Thời hạn")
    return [(r.cells[1].text, r.cells[-1].text) for r in table.rows[1:]], \
        [p.text for p in doc.paragraphs]


def test_the_plan_marks_dates_whose_holidays_are_a_guess(tmp_path):
    """Issue 25 §7: the KH timetable printed provisional 2027 dates without saying so (README:
    years after 2026 are reported as provisional, "dự kiến"). 2026's schedule is official:
    nothing marked; 2028's is the package's guess: every date marked, and said why once."""
    rows, paragraphs = kh_timetable(tmp_path, dt.date(2026, 6, 12))
    assert rows and not any("dự kiến" in cell for _, cell in rows)
    assert not any("dự kiến\"" in p or "(dự kiến)" in p or ", dự kiến)" in p
                   for p in paragraphs)
    rows, paragraphs = kh_timetable(tmp_path, dt.date(2028, 6, 16))
    assert rows and all(re.fullmatch(r"\d\d/\d\d/2028 \(dự kiến\)", cell) for _, cell in rows)
    assert any("lịch nghỉ lễ, Tết năm 2028 chưa được công bố chính thức" in p
               for p in paragraphs)
    tasks = next(p for p in paragraphs if "(hạn " in p)
    assert re.search(r"\(hạn \d\d/\d\d/2028, dự kiến\)", tasks), tasks


def test_every_computed_deadline_printed_is_marked(tmp_path):
    """Beyond the KH: the draft-reply deadline (CVPC), the invitations' delivery book (SGN)
    print a 2027 milestone: each carries "(dự kiến)". The form handed to citizens (PDK) states
    its day plainly (test_citizen_dates.py)."""
    meeting = dt.date(2027, 3, 5)
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows("KH-2027-01", ["Có"] * 3, [GROUPS[3]] * 3),
                   [opinion_row("KH-2027-01", 1, meeting)])
    report = deadlines.compute(reg, dt.date(2027, 1, 4))
    due = {m.code: m.due for m in report.milestones if not m.opinion_id}
    generate.generate(reg, str(tmp_path / "docs"), codes=["PDK", "CVPC", "SGN"],
                      today=dt.date(2027, 1, 4))
    docs = documents(tmp_path / "docs")
    for kind, code in (("PDK", "THU_PHIEU"), ("CVPC", "DU_THAO_TRA_LOI"), ("SGN", "GIAY_MOI")):
        texts = [" ".join(lines) for p, lines in docs.items() if kind_of(p) == kind]
        assert texts, kind
        for text in texts:
            if kind == "PDK":
                assert f"{due[code]:%d/%m/%Y}" in text and "dự kiến" not in text, text
                continue
            assert f"{due[code]:%d/%m/%Y} (dự kiến)" in text, (kind, text)
            assert f"{due[code]:%d/%m/%Y}" not in text.replace(f"{due[code]:%d/%m/%Y} (dự kiến)",
                                                               ""), kind


# --- 4. A citizen whose opinion joined another's -------------------------------------------

def test_a_citizen_whose_opinion_joined_anothers_is_told_and_answered(tmp_path):
    """Issue 25 §9: the citizen of a repeat (Trùng với) got no TBCD. Now they get one naming the
    opinion theirs joined, with its handler and deadline; the answer to that opinion reaches
    them in a reply of their own. A repeat by the same citizen adds no second notice."""
    meeting = dt.date(2027, 3, 5)
    pid = "KH-2027-01"
    original = opinion_row(pid, 1, meeting, raised_by="Ông Lò Văn Xuân", address=VILLAGES[0],
                           agency="Phòng Kinh tế", answer="Xã đã bố trí kinh phí sửa đường.")
    joined = opinion_row(pid, 2, meeting, raised_by="Bà Hà Thị Yến", address=VILLAGES[1],
                         content="Đường liên thôn xuống cấp, đề nghị sửa sớm.",
                         duplicate_of="YK-2027-001", agency="Phòng Kinh tế")
    again = opinion_row(pid, 3, meeting, raised_by="Ông Lò Văn Xuân", address=VILLAGES[0],
                        content="Nhắc lại: đề nghị sửa đường.", duplicate_of="YK-2027-001")
    reg = registry(tmp_path, [plan_row(meeting)],
                   invitee_rows(pid, ["Có"] * 3, [GROUPS[0]] * 3), [original, joined, again])
    generate.generate(reg, str(tmp_path / "docs"), codes=["TBCD", "CVTL"],
                      today=dt.date(2027, 3, 10))
    folder = tmp_path / "docs" / pid
    notices = sorted(os.listdir(folder / "TBCD"))
    assert len(notices) == 2, notices
    rows = {}
    for f in notices:
        doc = Document(str(folder / "TBCD" / f))
        who = next(p.text for p in doc.paragraphs if p.text.startswith("Kính gửi:"))
        table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Thời hạn")
        rows[who] = [[c.text for c in r.cells] for r in table.rows[1:]]
    (hers,) = rows[next(w for w in rows if "Hà Thị Yến" in w)]
    (his,) = rows[next(w for w in rows if "Lò Văn Xuân" in w)]
    assert hers[1].startswith(joined["content"]) and "YK-2027-001" not in hers[1]   # words
    assert original["content"].rstrip(".") in hers[1]
    assert hers[2:] == his[2:]              # the original's handler and deadline
    # Each answered in a reply of their own (not a copy of his, which names him and where he
    # spoke); none for his own repeat at the same conference.
    reply = documents(folder / "CVTL")
    (his,) = [" ".join(lines) for p, lines in reply.items() if "YK-2027-001" in p]
    (hers,) = [" ".join(lines) for p, lines in reply.items() if "YK-2027-002" in p]
    assert "Hà Thị Yến" not in his and "trùng nội dung" not in his and "nêu lại" not in his
    assert "Kính gửi: Bà Hà Thị Yến" in hers and joined["content"] in hers
    assert original["answer"] in hers and "YK-2027-001" not in hers     # no office's code
    assert not [p for p in reply if "YK-2027-003" in p]


@pytest.mark.parametrize("end", [dt.time(11, 30), None])
def test_the_time_inside_a_sentence_reads_from_to_or_at(sample_paths, tmp_path, end):
    """"Hội nghị tổ chức từ 08 giờ 00 phút đến 11 giờ 30 phút, …" when it ends at a stated
    hour, "… vào 08 giờ 00 phút, …" when it does not: never "vào 08 giờ … đến …"."""
    reg = reader.read_registry(sample_paths["tu-minh"])
    for p in reg.plans:
        p.end_time = end
    generate.generate(reg, str(tmp_path), codes=["BCKQ", "PDK"], today=dt.date(2026, 11, 20))
    texts = [" ".join(p.text for p in Document(os.path.join(root, f)).paragraphs)
             for root, _, files in os.walk(tmp_path) for f in files if f.endswith(".docx")]
    assert len(texts) >= 2
    for text in texts:
        assert not re.search(r"vào \d\d giờ \d\d phút đến", text)
        said = "từ 08 giờ 00 phút đến 11 giờ 30 phút" if end else "vào 08 giờ 00 phút, thứ"
        assert said in text, text[:400]


@pytest.mark.parametrize("meeting", [dt.date(2027, 1, 14), dt.date(2027, 1, 5),
                                     dt.date(2026, 12, 28), dt.date(2027, 3, 2)])
def test_the_plan_names_only_unofficial_years_as_unofficial(sample_copy, meeting):
    """KH's note under its timetable names the years whose holidays are not yet official: never
    2026, whose schedule is (a date of 2026 counted across 2027 is provisional because of
    2027)."""
    from doithoai.text import vnformat
    from xlsx_edit import edit
    path = sample_copy("quang-son")
    edit(path, [("plans", "meeting_date", 2, meeting),
                ("plans", "weekday", 2, vnformat.weekday(meeting).capitalize())])
    out = os.path.join(os.path.dirname(path), "vb")
    generate.generate(reader.read_registry(path), out, codes=["KH"], today=dt.date(2026, 12, 7))
    doc = Document(os.path.join(out, "KH-2026-01", "KH.docx"))
    text = "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for t in doc.tables for r in t.rows for c in r.cells])
    note = re.search(r"Thời hạn ghi \"dự kiến\" được tính theo lịch nghỉ lễ, Tết năm ([\d, ]+) "
                     r"chưa được công bố", text)
    marked = re.findall(r"\d\d/\d\d/\d{4}(?: \(|, )dự kiến", text)
    assert bool(note) == bool(marked)
    if note:
        assert note.group(1).split(", ") == ["2027"], note.group(0)
