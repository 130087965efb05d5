"""Documents written after the conference (issue 25, items 1, 3 and 7 on CVKN).

Each opinion's reply deadline is the one the rules give (Quy tắc thời hạn TRA_LOI: 15 working
days after the conclusion notice), or that rule in words until the notice has a date; never a
preparation milestone, never a date before the meeting for an opinion raised there; superiors
are never given one. Every document that says where opinions came from says it truly: by form
in February, by letter, or spoken at the meeting. Everything is read back from the .docx files
the commands write, on registries built as a new commune types them (blank.build_workbook).
"""
import datetime as dt
import glob
import json
import os
import re
import tempfile

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai import cli
from doithoai.documents import generate
from doithoai.files import atomic, blank, reader
from doithoai.rules import deadlines

MEETING = dt.date(2027, 3, 5)            # Friday, as in the issue's Xã Hòa Bình
ISSUED_ON = dt.date(2027, 3, 12)         # the conclusion notice
REPLY_BY = "02/04/2027"                  # 15 working days after 12/03/2027
DRAFT_BY = "26/02/2027"                  # DU_THAO_TRA_LOI: 7 days before the meeting
OWN, TERRITORY, SUPERIOR = "Phòng Kinh tế", "Công an xã", "UBND cấp tỉnh và các sở, ngành"
AGENCIES = (OWN, "Trạm Y tế xã", TERRITORY, SUPERIOR)
FORM, LETTER, SPOKEN = "Phiếu hỏi", "Văn bản", "Phát biểu tại hội nghị"
FIELD = "Kinh tế - Giao thông, thủy lợi, điện, nước"
NAMES = ("An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Lâm", "Minh", "Nam", "Phúc")
SETTINGS = dict(unit_name="Xã Hòa Bình", unit_type="xã", province="Tỉnh Lạng Sơn",
                place_name="Hòa Bình", issuer_name="ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
                party_superior="ĐẢNG BỘ TỈNH LẠNG SƠN", party_committee_name="ĐẢNG ỦY XÃ HÒA BÌNH",
                chairman="Hoàng Văn Thắng", contact_officer="Lương Thị Hoa",
                contact_phone="0912000111")
DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
KINDS = ["BCTH", "CVPC", "BB", "TBKL", "TBCD", "CVKN"]


# --- registries as a clerk types them ------------------------------------------------------------

def plan_id(meeting):
    return f"KH-{meeting.year}-01"


def plan_row(meeting):
    return dict(plan_id=plan_id(meeting), issuer="UBND", form="định kỳ",
                subject=f"Tổ chức hội nghị đối thoại với Nhân dân năm {meeting.year}",
                chair_title="Chủ tịch UBND xã", chair_name="Hoàng Văn Thắng",
                scope="Thôn Bản Chu; Thôn Nà Làng", meeting_date=meeting, start_time="08:00",
                end_time="11:00", venue="Hội trường UBND xã Hòa Bình", expected_delegates=40,
                status="Dự thảo", content="UBND xã báo cáo tình hình; Nhân dân nêu ý kiến.",
                legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương năm 2025",
                signing_authority="TM.", signer_title="CHỦ TỊCH", signer_name="Hoàng Văn Thắng")


def invitee_rows(meeting):
    return [dict(plan_id=plan_id(meeting), seq=i + 1, honorific="Ông", full_name=f"Nông Văn {n}",
                 position="Trưởng thôn", organization="Thôn Bản Chu",
                 group="Cán bộ thôn, tổ dân phố", invited="Có", attendance="Có")
            for i, n in enumerate(NAMES[:3])]


def opinion(meeting, n, source, received, agency, competence="Xã", answered=False):
    oid = f"YK-{meeting.year}-{n:03d}"
    return dict(opinion_id=oid, plan_id=plan_id(meeting), source=source, received_date=received,
                raised_by=f"Ông Lò Văn {NAMES[n % len(NAMES)]} {n}", address="Thôn Bản Chu",
                content=f"Ý kiến {oid}: đề nghị xã xem xét việc số {n}.", field=FIELD,
                competence=competence, agency=agency,
                answered_at_meeting="Có" if answered else "Không",
                answer="Đã trả lời tại hội nghị." if answered else None,
                status="Đã trả lời tại hội nghị" if answered else "Đã phân công")


def conclusion_row(meeting, on):
    return dict(number=1, symbol="TB-UBND", number_symbol="01/TB-UBND", date=on, kind="TBKL",
                subject="Kết luận hội nghị", plan_id=plan_id(meeting), status="Đã ban hành")


def write_registry(path, meeting, opinions, register=()):
    wb = blank.build_workbook(settings=SETTINGS, rows=dict(
        plans=[plan_row(meeting)], invitees=invitee_rows(meeting), opinions=opinions,
        register=list(register)))
    atomic.save_atomic(wb, path)
    return reader.read_registry(path)


def hoa_binh(meeting=MEETING):
    """Three forms of February (own unit, agency on the territory, superior), a speech at the
    meeting for an own unit, and a speech for a superior whose Thẩm quyền was left "Xã"."""
    return [opinion(meeting, 1, FORM, dt.date(2027, 2, 10), OWN),
            opinion(meeting, 2, FORM, dt.date(2027, 2, 14), TERRITORY),
            opinion(meeting, 3, FORM, dt.date(2027, 2, 19), SUPERIOR, competence="Cấp trên"),
            opinion(meeting, 4, SPOKEN, meeting, OWN),
            opinion(meeting, 5, SPOKEN, meeting, SUPERIOR)]


# --- reading the documents back ------------------------------------------------------------------

def read(path):
    """(paragraphs, table rows) of a .docx, each row its cells' text."""
    doc = Document(path)
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    return [p.text for p in doc.paragraphs], rows


def text_of(path):
    paragraphs, rows = read(path)
    return "\n".join(paragraphs + ["\t".join(r) for r in rows])


def due_cells(path):
    """Opinion code → the last cell of its row (the Hạn / Thời hạn column) in every list."""
    out = {}
    for row in read(path)[1]:
        found = re.search(r"YK-\d{4}-\d{3}", " ".join(row))
        if found:
            out[found.group(0)] = row[-1]
    return out


def dates_in(text):
    return [dt.date(int(y), int(m), int(d)) for d, m, y in DATE.findall(text)]


def made(folder, code):
    """The files of one kind in a generated folder (per agency or citizen ones too)."""
    return sorted(f for f in glob.glob(os.path.join(folder, "**", f"{code}*.docx"),
                                       recursive=True) if "_tat-ca" not in f)


def run(reg, out, today, codes, issue=False):
    res = generate.generate(reg, str(out), codes=codes, today=today, issue=issue)
    assert not res.refusals, [p.message for p in res.refusals]
    return res


# --- item 1: deadlines after the meeting ---------------------------------------------------------

def test_the_issued_conclusion_counts_each_reply_from_its_own_date(tmp_path, capsys):
    """The issued TBKL printed "dự thảo trước 26/02/2027" for every opinion; it prints the date
    `doithoai deadlines` computes on the issued copy, opinion by opinion."""
    path = str(tmp_path / "so.xlsx")
    write_registry(path, MEETING, hoa_binh())
    assert cli.main(["generate", path, "--docs", "TBKL", "--issue", "--out",
                     str(tmp_path / "out"), "--today", ISSUED_ON.isoformat()]) == 0
    tbkl = made(str(tmp_path / "out"), "TBKL")[0]
    cells = due_cells(tbkl)
    assert "dự thảo" not in text_of(tbkl)
    copy = next(f for f in os.listdir(tmp_path) if "(cap so" in f)
    capsys.readouterr()
    assert cli.main(["deadlines", str(tmp_path / copy), "--today", ISSUED_ON.isoformat(),
                     "--json"]) == 0
    computed = {m["opinion"]: m["due"] for m in json.loads(capsys.readouterr().out)["milestones"]
                if m["code"] == deadlines.REPLY_CODE}
    assert set(computed) == {"YK-2027-001", "YK-2027-002", "YK-2027-004"}
    for oid, due in computed.items():
        assert dates_in(cells[oid]) == [dt.date.fromisoformat(due)], (oid, cells[oid])
    assert REPLY_BY in cells["YK-2027-004"]                 # raised at the meeting
    assert dates_in(cells["YK-2027-003"]) == [] and dates_in(cells["YK-2027-005"]) == []


def test_drafts_after_the_meeting_state_the_rule_until_the_notice_has_a_date(tmp_path):
    """BCTH, CVPC, TBKL and TBCD made on 12/03 with no conclusion notice yet: the rule in words
    (no milestone of the preparation, no date before the meeting); once the notice is issued,
    its date counts."""
    reg = write_registry(str(tmp_path / "so.xlsx"), MEETING, hoa_binh())
    out = tmp_path / "drafts"
    run(reg, out, ISSUED_ON, ["BCTH", "CVPC", "TBKL", "TBCD"])
    for code in ("BCTH", "CVPC", "TBKL", "TBCD"):
        for f in made(str(out), code):
            text = text_of(f)
            assert "dự thảo" not in text and DRAFT_BY not in text, f
            assert "cử lãnh đạo dự hội nghị" not in text, f      # the meeting is over
            for oid, cell in due_cells(f).items():
                assert all(d >= MEETING for d in dates_in(cell)), (f, oid, cell)
    own = due_cells(made(str(out), "BCTH")[0])["YK-2027-004"]
    assert own == "15 ngày làm việc kể từ ngày ban hành thông báo kết luận"
    assert due_cells(made(str(out), "TBKL")[0])["YK-2027-004"] == \
        "15 ngày làm việc kể từ ngày ban hành Thông báo này"
    told = [due_cells(f) for f in made(str(out), "TBCD")]
    assert {"YK-2027-001": "Trong thời hạn 15 ngày làm việc kể từ ngày ban hành thông báo kết "
                           "luận"}.items() <= {k: v for c in told for k, v in c.items()}.items()
    # The notice issued on 12/03 (Sổ văn bản): the drafts print its deadline.
    reg = write_registry(str(tmp_path / "so2.xlsx"), MEETING, hoa_binh(),
                         register=[conclusion_row(MEETING, ISSUED_ON)])
    out = tmp_path / "after"
    run(reg, out, dt.date(2027, 3, 15), ["BCTH", "CVPC", "TBCD"])
    for code in ("BCTH", "CVPC"):
        cells = {k: v for f in made(str(out), code) for k, v in due_cells(f).items()}
        for oid in ("YK-2027-001", "YK-2027-002", "YK-2027-004"):
            assert REPLY_BY in cells[oid], (code, oid, cells[oid])
    tbcd = {k: v for f in made(str(out), "TBCD") for k, v in due_cells(f).items()}
    assert tbcd["YK-2027-001"].startswith(f"Chậm nhất ngày {REPLY_BY}")
    assert tbcd["YK-2027-002"].startswith(f"Đã đề nghị trả lời chậm nhất ngày {REPLY_BY}")


def test_before_the_meeting_a_draft_is_due_only_while_it_can_be_met(tmp_path):
    """A pre-meeting BCTH/CVPC asks a draft reply by the milestone for opinions received before
    the meeting, while that day is ahead; past it, by the meeting's eve; never a day already
    past, and never for an opinion raised at the meeting."""
    reg = write_registry(str(tmp_path / "so.xlsx"), MEETING, hoa_binh())
    for today, expected in ((dt.date(2027, 2, 16), DRAFT_BY),      # the milestone, ahead
                            (dt.date(2027, 3, 1), "05/03/2027")):  # past it: the meeting's eve
        out = tmp_path / today.isoformat()
        run(reg, out, today, ["BCTH", "CVPC"])
        for f in made(str(out), "BCTH") + made(str(out), "CVPC"):
            cells = due_cells(f)
            for oid, cell in cells.items():
                assert all(d >= today for d in dates_in(cell)), (f, oid, cell)
            if "YK-2027-001" in cells:
                assert "dự thảo" in cells["YK-2027-001"] and \
                    DATE.findall(cells["YK-2027-001"]) == [tuple(expected.split("/"))], (f, cells)
            if "YK-2027-004" in cells:           # raised at the meeting: the rule, no draft
                assert "dự thảo" not in cells["YK-2027-004"]
                assert "kể từ ngày ban hành thông báo kết luận" in cells["YK-2027-004"]


# --- item 3: superiors -------------------------------------------------------------------------

def test_superiors_are_never_given_a_deadline(tmp_path):
    """BCTH gave "UBND cấp tỉnh và các sở, ngành" a reply date; no list gives a superior one,
    whether Thẩm quyền says "Cấp trên" or only the agency's level does."""
    reg = write_registry(str(tmp_path / "so.xlsx"), MEETING, hoa_binh(),
                         register=[conclusion_row(MEETING, ISSUED_ON)])
    for today in (dt.date(2027, 2, 16), dt.date(2027, 3, 15)):
        out = tmp_path / today.isoformat()
        codes = ["BCTH", "CVPC"] + (["TBKL", "TBCD"] if today > MEETING else [])
        run(reg, out, today, codes)
        for code in codes:
            for f in made(str(out), code):
                cells = due_cells(f)
                for oid in ("YK-2027-003", "YK-2027-005"):
                    if oid in cells:
                        assert dates_in(cells[oid]) == [] and "dự thảo" not in cells[oid], \
                            (f, oid, cells[oid])
                if code == "CVPC":
                    assert not {"YK-2027-003", "YK-2027-005"} & set(cells), f
        bcth = made(str(out), "BCTH")[0]
        assert due_cells(bcth)["YK-2027-005"] == "Kiến nghị cấp trên"
        assert "Trong đó 2 ý kiến vượt thẩm quyền" in text_of(bcth)


# --- item 7 (CVKN): how each opinion came --------------------------------------------------------

def test_each_opinion_is_told_as_it_came(tmp_path):
    """CVKN said every opinion was "tiếp nhận tại hội nghị ngày 05/03/2027" though the forms came
    in February; CVKN, TBCD, BB, TBKL and BCTH say how and when each came."""
    reg = write_registry(str(tmp_path / "so.xlsx"), MEETING, hoa_binh())
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, KINDS)
    cvkn = text_of(made(str(out), "CVKN")[0])
    assert "tại hội nghị ngày 05/03/2027, tổng hợp" not in cvkn
    assert "Ý kiến gửi qua phiếu hỏi, nhận ngày 19/02/2027; đã tổng hợp, báo cáo tại hội nghị " \
           "ngày 05/03/2027" in cvkn
    # not answered there (a superior decides): taken note of, not "giải thích"
    assert "Ý kiến phát biểu tại hội nghị ngày 05/03/2027; đã tiếp thu tại hội nghị" in cvkn
    summary = ("gồm 3 ý kiến gửi qua phiếu hỏi, nhận từ ngày 10/02/2027 đến ngày 19/02/2027; "
               "2 ý kiến phát biểu tại hội nghị")
    for code in ("BB", "TBKL", "BCTH", "CVKN"):
        assert summary in text_of(made(str(out), code)[0]), code
    letters = {os.path.basename(f): text_of(f) for f in made(str(out), "TBCD")}
    form = next(t for t in letters.values() if "YK-2027-001" in t)
    assert "01 ý kiến, kiến nghị đến hội nghị đối thoại" in form
    assert "ngày 05/03/2027 (gửi qua phiếu hỏi, nhận ngày 10/02/2027)" in form
    spoken = next(t for t in letters.values() if "YK-2027-004" in t)
    assert "(phát biểu tại hội nghị ngày 05/03/2027)" in spoken


# --- the same, on registries no one typed --------------------------------------------------------

def _weekday(draw, lo, hi):
    day = draw(st.dates(lo, hi))
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0)


@st.composite
def scenarios(draw):
    """A meeting on a weekday of 2026-2030; opinions received before, at or after it, for every
    agency level, some answered there; a document day before or after the meeting, with the
    conclusion notice issued that day or not yet."""
    meeting = _weekday(draw, dt.date(2026, 1, 5), dt.date(2030, 12, 20))
    rows = []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        when = draw(st.sampled_from(["before", "at", "after"]))
        agency = draw(st.sampled_from(AGENCIES))
        competence = "Cấp trên" if agency == SUPERIOR and draw(st.booleans()) else "Xã"
        if when == "before":
            source, received = FORM, meeting - dt.timedelta(days=draw(st.integers(1, 40)))
        elif when == "at":
            source, received = SPOKEN, meeting
        else:
            source, received = LETTER, meeting + dt.timedelta(days=draw(st.integers(1, 5)))
        answered = when == "at" and draw(st.integers(0, 3)) == 0
        rows.append(opinion(meeting, n, source, received, agency, competence, answered))
    day = meeting + dt.timedelta(days=draw(st.integers(-20, 30)))
    issue = day > meeting and draw(st.booleans())
    return meeting, rows, day, issue


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_printed_reply_deadline_contradicts_the_meeting(case):
    meeting, rows, day, issue = case
    with tempfile.TemporaryDirectory() as tmp:
        reg = write_registry(os.path.join(tmp, "so.xlsx"), meeting, rows)
        codes = ["BCTH", "CVPC"] + (["TBKL", "TBCD"] if day >= meeting else [])
        res = generate.generate(reg, os.path.join(tmp, "out"), codes=codes, today=day,
                                issue=issue)
        assert not res.refusals, [p.message for p in res.refusals]
        by_id = {r["opinion_id"]: r for r in rows}
        expected = {}
        if issue:       # as `doithoai deadlines` computes it once the notice is in Sổ văn bản
            again = write_registry(os.path.join(tmp, "copy.xlsx"), meeting, rows,
                                   register=[conclusion_row(meeting, day)])
            expected = deadlines.compute(again, day).reply_due
        for f in res.files:
            if not f.endswith(".docx") or "_tat-ca" in f:
                continue
            for oid, cell in due_cells(f).items():
                o, printed = by_id[oid], dates_in(cell)
                where = (os.path.basename(f), oid, o["source"], o["agency"], cell)
                if day >= meeting or o["received_date"] >= meeting:
                    assert "dự thảo" not in cell and all(d >= meeting for d in printed), where
                else:
                    assert all(d >= day for d in printed), where
                if o["agency"] == SUPERIOR or o["answered_at_meeting"] == "Có":
                    assert printed == [], where
                elif os.path.basename(f).startswith("TBKL") and issue:
                    assert printed == [expected[oid]], where
