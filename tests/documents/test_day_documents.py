"""Issue 9: layout gaps closed (each would fail the conformance checker), and what the clerk
prints for the day: the signing list, the invitation delivery book, the survey tallies in BC kết
quả and the radio bulletin."""
import datetime as dt
import glob
import os
import re
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn

import conformance
from doithoai import cli
from doithoai.documents import generate
from doithoai.files import reader
from doithoai.registry import schema
from doithoai.documents.tables import CELL_MARGINS
from doithoai.documents.engine import text_width
import lo_convert

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def day(sample_paths, tmp_path_factory):
    out = {}
    for slug in ("tu-minh", "do-luong"):
        folder = tmp_path_factory.mktemp(slug)
        reg = reader.read_registry(sample_paths[slug])
        res = generate.generate(reg, str(folder), today=TODAY)
        out[slug] = (reg, res, str(folder))
    return out


def _file(day, slug, name, plan="KH-2026-01"):
    return os.path.join(day[slug][2], plan, name)


def _copy(path, tmp_path, name=None):
    dst = tmp_path / (name or os.path.basename(path))
    shutil.copy(path, dst)
    return str(dst)


# --- each fixed fault fails the checker --------------------------------------------------------

def test_minutes_have_a_distribution_list_below_the_signatures(day, tmp_path):
    path = _file(day, "tu-minh", "BB.docx")
    texts = [p.text for p in Document(path).paragraphs if p.text.strip()]
    assert texts[-6:] == ["Nơi nhận:", "- Thường trực Đảng ủy;", "- Thường trực HĐND;",
                          "- Lãnh đạo UBND;", "- Ủy ban MTTQ Việt Nam phường;",
                          "- Lưu: VT, Hồ sơ."]
    assert conformance.check(path, "BB", False) == []
    # The fault: minutes without the list.
    broken = _copy(path, tmp_path)
    doc = Document(broken)
    start = [p.text for p in doc.paragraphs].index("Nơi nhận:")
    for p in doc.paragraphs[start:]:
        p._p.getparent().remove(p._p)
    doc.save(broken)
    assert any("Nơi nhận" in v for v in conformance.check(broken, "BB", False))


def test_party_minutes_keep_the_party_list(day):
    path = _file(day, "do-luong", "BB.docx")
    assert conformance.check(path, "BB", True) == []
    assert [p.text for p in Document(path).paragraphs if p.text.strip()][-1] == \
        "- Lưu Văn phòng Đảng ủy, hồ sơ."


def test_invitation_has_its_subject_and_line(day, tmp_path):
    folder = os.path.join(day["tu-minh"][2], "KH-2026-01", "GM")
    path = os.path.join(folder, sorted(os.listdir(folder))[0])
    body = [p for p in Document(path).paragraphs if p.text.strip()]
    assert body[0].text == "GIẤY MỜI"
    # the place names are kept whole with non-breaking spaces (a title never breaks inside one)
    assert "Cẩm\xa0Khê\xa0B" in body[1].text
    assert body[1].text.replace("\xa0", " ") == ("Dự hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân "
                            "TDP Cẩm Khê A, TDP Cẩm Khê B")
    assert conformance.check(path, "GM", False) == []
    broken = _copy(path, tmp_path)
    doc = Document(broken)
    subject = [p for p in doc.paragraphs if p.text.startswith("Dự hội nghị")][0]
    subject._p.getparent().remove(subject._p)
    doc.save(broken)
    assert any("trích yếu" in v for v in conformance.check(broken, "GM", False))


def test_addressees_never_repeat_and_a_repeat_fails(day, tmp_path):
    folder = os.path.join(day["tu-minh"][2], "KH-2026-01", "GM")
    texts = []
    for name in sorted(os.listdir(folder)):
        paras = [p.text for p in Document(os.path.join(folder, name)).paragraphs]
        texts.append(paras[paras.index("Ủy ban nhân dân phường trân trọng kính mời:") + 1])
    assert "Đồng chí Cao Phương Yến - Chủ tịch HĐND phường Tứ Minh" in texts
    assert not any("HĐND HĐND" in t or "UBND UBND" in t for t in texts)
    broken = _copy(os.path.join(folder, sorted(os.listdir(folder))[4]), tmp_path)
    doc = Document(broken)
    para = [p for p in doc.paragraphs if p.text.startswith("Đồng chí")][0]
    para.runs[0].text = "Đồng chí Cao Phương Yến - Chủ tịch HĐND HĐND phường Tứ Minh"
    for r in para.runs[1:]:
        r.text = ""
    doc.save(broken)
    assert any("repeats" in v for v in conformance.check(broken, "GM", False))


@pytest.mark.parametrize("name, kind", [("BCTH.docx", "BCTH"), ("BCKQ.docx", "BCKQ"),
                                        ("CVPC_Cong-an-phuong.docx", "CVPC")])
def test_numbering_columns_fit_stt_and_a_narrow_one_fails(day, tmp_path, name, kind):
    path = _file(day, "tu-minh", name)
    doc = Document(path)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    width = int(table.rows[0].cells[0].width.twips)
    assert width - CELL_MARGINS >= text_width("STT", 13, True)
    assert conformance.check(path, kind, False) == []
    broken = _copy(path, tmp_path)
    doc = Document(broken)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    for row in table.rows:
        row.cells[0].width = 567            # 1.0 cm, as before: "ST / T"
    doc.save(broken)
    assert any("'STT'" in v for v in conformance.check(broken, kind, False))


# --- the lists for the day -----------------------------------------------------------------------

def _table_rows(path):
    doc = Document(path)
    table = next(t for t in doc.tables if t.style is not None and t.style.name == "Table Grid")
    return doc, table, [[c.text for c in r.cells] for r in table.rows]


def test_signing_list_in_protocol_order_with_header_repeated(day):
    reg = day["tu-minh"][0]
    path = _file(day, "tu-minh", "DSDB.docx")
    doc, table, rows = _table_rows(path)
    sec = doc.sections[0]
    assert sec.page_width > sec.page_height                          # landscape
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[0] == ["STT", "Họ và tên", "Chức vụ, cơ quan, đơn vị", "Giấy mời", "Ký nhận"]
    groups = [r[0] for r in rows[1:] if len(set(r)) == 1]
    # the listed groups as the plan's villages say them ("Cán bộ tổ dân phố" in Tứ Minh)
    from doithoai.text import vnformat
    plan = next(p for p in reg.plans if p.plan_id == "KH-2026-01")
    kinds = vnformat.unit_village_kinds(plan.villages, reg.settings.unit_type)
    order = [vnformat.with_village_words(g, kinds) for g in reg.lookups["groups"]]
    names = [g.rsplit(" (", 1)[0] for g in groups]
    assert names == sorted(names, key=order.index)
    people = [r for r in rows[1:] if len(set(r)) > 1]
    invited = [i for i in reg.invitees if i.plan_id == "KH-2026-01" and i.invited != "Không"]
    assert len(people) == len(invited) == 99
    assert [p[0] for p in people] == [str(n) for n in range(1, 100)]
    assert all(p[4] == "" for p in people)                           # room to sign
    assert conformance.check(path, "DSDB", False) == []


def test_delivery_book_numbers_match_the_invitation_files(day):
    path = _file(day, "tu-minh", "SGN.docx")
    _, _, rows = _table_rows(path)
    people = [r for r in rows[1:] if len(set(r)) > 1]
    gm = sorted(os.listdir(os.path.join(day["tu-minh"][2], "KH-2026-01", "GM")))
    by_number = {name[3:6]: name for name in gm}
    assert len(people) == len(gm)
    from doithoai.text.vntext import title_slug
    for stt, number, recipient, deliverer, sign, date in people:
        name = recipient.split(" - ")[0]
        for honorific in ("Đồng chí ", "Ông ", "Bà "):
            name = name.removeprefix(honorific)
        assert by_number[number] == f"GM_{number}_{title_slug(name)}.docx"   # same person
        assert deliverer and sign == "" and date == ""
    routes = [r[0] for r in rows[1:] if len(set(r)) == 1]
    assert routes[0].startswith("Giao qua Văn phòng")
    assert any(r.startswith("Giao qua Ban điều hành TDP Cẩm Khê") for r in routes)
    assert conformance.check(path, "SGN", False) == []


def test_survey_tallies_are_carried_into_the_result_report(day):
    reg = day["do-luong"][0]
    tallies = [t for t in reg.survey if t.plan_id == "KH-2026-01"]
    assert len(tallies) == 11 and sum(t.count for t in tallies
                                       if t.question.startswith("1.")) == 120
    text = "\n".join(p.text for p in Document(_file(day, "do-luong", "BCKQ.docx")).paragraphs)
    assert "Kết quả phiếu lấy ý kiến về cuộc đối thoại (120 phiếu thu về):" in text
    assert ("1. Mức độ hài lòng chung về hội nghị: Rất hài lòng 38 phiếu (32%); Hài lòng 64 "
            "phiếu (53%); Chưa hài lòng 18 phiếu (15%).") in text
    # A plan without tallies says nothing about a survey (no empty heading).
    text = "\n".join(p.text for p in Document(_file(day, "tu-minh", "BCKQ.docx")).paragraphs)
    assert "phiếu thu về" not in text


def test_radio_bulletin_reads_aloud(day, tmp_path):
    path = _file(day, "tu-minh", "TTTT.txt")
    data = open(path, "rb").read()
    text = data.decode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert ("vào tám giờ sáng, thứ Sáu, ngày mười hai tháng sáu năm hai nghìn không trăm hai "
            "mươi sáu, tại Nhà văn hóa tổ dân phố Cẩm Khê A") in text
    assert "Nhân dân tổ dân phố Cẩm Khê A, tổ dân phố Cẩm Khê B" in text
    assert "Ủy ban nhân dân phường Tứ Minh trân trọng thông báo" in text
    assert "UBND" not in text and "TDP" not in text and "12/06" not in text
    assert conformance.check(path, "TTTT", False) == []
    broken = tmp_path / "TTTT.txt"
    broken.write_bytes(data.replace("Ủy ban nhân dân phường".encode(), b"UBND phuong", 1))
    assert any("UBND" in v for v in conformance.check(str(broken), "TTTT", False))
    party = _file(day, "do-luong", "TTTT.txt")
    assert "Ban Thường vụ Đảng ủy xã Đô Lương" in open(party, encoding="utf-8").read()
    assert conformance.check(party, "TTTT", True) == []


def test_new_documents_through_the_cli(sample_paths, tmp_path, capsys):
    assert cli.main(["generate", sample_paths["tu-minh"], "--docs", "DSDB,SGN,TTTT", "--out",
                     str(tmp_path), "--today", "2026-11-22"]) == 0
    assert "Đã tạo 3 tệp văn bản" in capsys.readouterr().out
    assert sorted(os.listdir(tmp_path / "KH-2026-01")) == ["DSDB.docx", "SGN.docx", "TTTT.txt"]


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot convert to PDF here")
def test_day_documents_convert_in_libreoffice(day, tmp_path):
    for name in ("DSDB.docx", "SGN.docx", "BB.docx"):
        src = _copy(_file(day, "tu-minh", name), tmp_path)
        lo_convert.convert(src, tmp_path)
        assert os.path.getsize(src[:-5] + ".pdf") > 5000


# --- messages never leak a library's English ----------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"a,b\n1,2\n", b"PK\x03\x04broken"])
def test_unreadable_file_message_is_vietnamese_and_detail_goes_to_the_log(tmp_path, capsys,
                                                                          content):
    path = tmp_path / "so.xlsx"
    path.write_bytes(content)
    assert cli.main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert "Không mở được \"so.xlsx\" như một sổ Excel" in out
    for english in ("Zip", "EOCD", "archive", "Error", "error", "Could not"):
        assert english not in out
    import tempfile
    log = os.path.join(tempfile.gettempdir(), "doithoai", "loi.log")
    assert str(path) in open(log, encoding="utf-8").read()


def test_old_registry_without_the_survey_sheet_still_opens(sample_copy):
    import openpyxl
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    del wb[schema.SURVEY.name]
    wb.save(path)
    reg = reader.read_registry(path)
    assert reg.survey == []
    assert [(p.code, p.severity) for p in reg.problems] == [("sheet-added-later", "info")]


@pytest.mark.parametrize("days", [-30, -1, 0, 3])
def test_the_minutes_are_drafted_before_the_day_and_numbered_from_it(sample_copy, tmp_path,
                                                                     capsys, days):
    """BB, issued before its conference (14/01 for a conference on 15/05), would carry a
    number and a date for minutes not yet taken: it stays a draft, and the run says so; on the
    day of the conference and after it gets its number."""
    path = sample_copy("quang-son")                # KH-2026-01: conference on 15/05/2026
    today = dt.date(2026, 5, 15) + dt.timedelta(days=days)
    cli.main(["generate", path, "--docs", "BB", "--out", str(tmp_path / "vb"),
              "--today", today.isoformat(), "--issue"])
    said = capsys.readouterr().out
    doc = Document(str(tmp_path / "vb" / "KH-2026-01" / "BB.docx"))
    number = next(c.text for c in doc.tables[0].rows[1].cells if c.text.startswith("Số"))
    if days < 0:
        assert re.fullmatch(r"Số: +/BB-UBND", number), number
        assert "BB (KH-2026-01) chỉ tạo bản nháp, không cấp số: hội nghị ngày 15/05/2026 " \
               "chưa diễn ra" in said
    else:
        assert re.fullmatch(r"Số: \d+/BB-UBND", number) and "chưa diễn ra" not in said


def _no_opinions(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.OPINIONS.name]
    ws.delete_rows(2, ws.max_row)
    wb.save(path)


@pytest.mark.parametrize("today", ["2026-04-20", "2026-05-20"])
def test_a_plan_with_no_opinion_says_so_in_one_sentence(sample_copy, tmp_path, today):
    """No opinion received (or raised): BCTH says none has been received and lists nothing;
    BB says the people raised none; no sentence counts "0 ý kiến"."""
    path = sample_copy("quang-son")
    _no_opinions(path)
    cli.main(["generate", path, "--docs", "BCTH,BB", "--out", str(tmp_path / "vb"),
              "--today", today])
    folder = tmp_path / "vb" / "KH-2026-01"
    bcth, bb = ("\n".join(p.text for p in Document(str(folder / f"{k}.docx")).paragraphs)
                for k in ("BCTH", "BB"))
    assert "đến nay Ủy ban nhân dân xã chưa tiếp nhận ý kiến, kiến nghị nào của Nhân dân./." \
        in bcth.replace("\u00a0", " ")
    assert "như sau:" not in bcth and "vượt thẩm quyền" not in bcth
    # nobody was assigned anything: the summary is not sent to "the assigned agencies"
    sent_to = [c.text for t in Document(str(folder / "BCTH.docx")).tables
               for r in t.rows for c in r.cells]
    assert any("Lưu" in c for c in sent_to) and not any("được phân công" in c for c in sent_to)
    assert "Nhân dân không có ý kiến, kiến nghị." in bb
    assert "Hội nghị không có ý kiến, kiến nghị phải giải quyết." in bb
    for text in (bcth, bb):
        assert not re.search(r"(^|[.;:] )0 ý kiến|\b0 ý kiến", text, re.M), text


def test_after_a_conference_with_no_opinion_the_conclusion_and_report_say_so(sample_copy,
                                                                            tmp_path):
    """TBKL: one paragraph, no empty sections, no citizen among its recipients; BCKQ: no total
    of 0 with empty lists, no "các ý kiến được lắng nghe"."""
    path = sample_copy("quang-son")
    _no_opinions(path)
    cli.main(["generate", path, "--docs", "TBKL,BCKQ", "--out", str(tmp_path / "vb"),
              "--today", "2026-05-25"])
    folder = tmp_path / "vb" / "KH-2026-01"
    docs = {k: Document(str(folder / f"{k}.docx")) for k in ("TBKL", "BCKQ")}
    tbkl, bckq = ("\n".join([p.text for p in d.paragraphs] + [
        c.text for t in d.tables for r in t.rows for c in r.cells]) for d in docs.values())
    assert "Tại hội nghị, Nhân dân không có ý kiến, kiến nghị cần trả lời, giải quyết./." in tbkl
    assert "1. Các ý kiến" not in tbkl and "Thời hạn" not in tbkl and "2. Các ý kiến" not in tbkl
    assert "Các cá nhân có ý kiến" not in tbkl
    assert "Tại hội nghị, Nhân dân không có ý kiến, kiến nghị." in bckq
    assert "Tổng số ý kiến" not in bckq and "lắng nghe" not in bckq
    for text in (tbkl, bckq):
        assert not re.search(r"\b0 ý kiến|: 0\b", text), text
    for kind in ("TBKL", "BCKQ"):
        assert conformance.check(str(folder / f"{kind}.docx"), kind, False) == []


@pytest.mark.parametrize("slug", ["quang-son", "do-luong", "bac-thanh-mien"])
def test_the_minutes_conclusion_names_each_outcome_that_has_opinions(sample_paths, tmp_path,
                                                                     slug):
    """BB's conclusion: the conference's outcomes with their counts, in words first, those with
    none left out; the counts add up to the opinions the minutes list."""
    reg = reader.read_registry(sample_paths[slug])
    plan = reg.plans[-1]
    after = plan.meeting_date + dt.timedelta(days=3)
    generate.generate(reg, str(tmp_path), plan_ids=[plan.plan_id], codes=["BB"], today=after)
    bb = [p.text for p in Document(str(tmp_path / plan.plan_id / "BB.docx")).paragraphs]
    said = bb[bb.index("IV. KẾT LUẬN") + 1]
    listed = sum(1 for t in bb if t.startswith("Trả lời:"))
    parts = re.fullmatch(r"Hội nghị (.+)\.", said).group(1).split("; ")
    counts = [int(re.search(r"(\d+) ý kiến$", p).group(1)) for p in parts]
    assert all(counts) and sum(counts) == listed, (said, listed)
    assert not re.search(r"\b0 ý kiến", "\n".join(bb))


@pytest.mark.parametrize("days_before", [60, 35, 21, 20, 9, 3])
def test_an_announcement_never_asks_for_forms_by_a_day_before_its_own(sample_copy, tmp_path,
                                                                        capsys, days_before):
    """TB issued on a day: item 6 gives the forms' deadline (THU_PHIEU, 24/04/2026 for the
    conference of 15/05/2026) only while it is still ahead; the bulletin, read out the day it
    is made, likewise; the forms themselves always give it. Under the default rules a TB
    issued when due (7 days before) asked for forms by a day two weeks gone."""
    path = sample_copy("quang-son")
    today = dt.date(2026, 5, 15) - dt.timedelta(days=days_before)
    cli.main(["generate", path, "--docs", "TB,TTTT,PDK", "--out", str(tmp_path / "vb"),
              "--today", today.isoformat(), "--issue"])
    said = capsys.readouterr().out
    folder = tmp_path / "vb" / "KH-2026-01"
    tb = "\n".join(p.text for p in Document(str(folder / "TB.docx")).paragraphs)
    tttt = (folder / "TTTT.txt").read_text(encoding="utf-8")
    pdk = "\n".join(p.text for p in Document(str(folder / "PDK_Thon-1.docx")).paragraphs)
    deadline = dt.date(2026, 4, 24)
    item6 = next(line for line in tb.splitlines() if line.startswith("6. "))
    ahead = deadline >= today
    assert ("chậm nhất ngày 24/04/2026" in item6) == ahead, (today, item6)
    assert item6.endswith(".") and ", ." not in item6
    assert ("ngày hai mươi bốn tháng tư" in tttt.lower()) == ahead, tttt
    assert "24/04/2026" in pdk
    stale = [x for x in said.splitlines() if "ghi hạn thu phiếu ý kiến" in x]
    assert bool(stale) == (not ahead)
    assert all(x.startswith("Lưu ý: PDK (KH-2026-01)") for x in stale), stale


def test_a_bulletin_read_before_the_forms_deadline_gives_it(sample_copy, tmp_path):
    """Forms collected 5 days before the conference (10/05/2026, a Sunday: rolled back to
    08/05), the bulletin made on 01/04/2026: it asks for them by that day, in words; made on
    09/05, it no longer does."""
    from xlsx_edit import edit
    path = sample_copy("quang-son")
    row = next(r.row for r in reader.read_registry(path).rules if r.code == "THU_PHIEU")
    edit(path, [("rules", "days", row, 5)])
    cli.main(["generate", path, "--docs", "TTTT", "--out", str(tmp_path / "vb"),
              "--today", "2026-04-01"])
    tttt = (tmp_path / "vb" / "KH-2026-01" / "TTTT.txt").read_text(encoding="utf-8")
    assert "chậm nhất thứ sáu, ngày mồng tám tháng năm" in tttt.lower(), tttt
    cli.main(["generate", path, "--docs", "TTTT", "--out", str(tmp_path / "vb2"),
              "--today", "2026-05-09"])
    later = (tmp_path / "vb2" / "KH-2026-01" / "TTTT.txt").read_text(encoding="utf-8")
    assert "mồng tám tháng năm" not in later.lower() and "chậm nhất" not in later


@pytest.mark.parametrize("typed, printed", [
    ("Đề nghị sửa đường thôn 2 trước mùa mưa", "Đề nghị sửa đường thôn 2 trước mùa mưa. Trả lời:"),
    ("Khi nào sửa đường?", "Khi nào sửa đường? Trả lời:"),
    ("Đề nghị sửa đường.", "Đề nghị sửa đường. Trả lời:")])
def test_the_conclusion_ends_a_citizens_words_before_the_answer(sample_copy, tmp_path, typed,
                                                                printed):
    from xlsx_edit import edit
    path = sample_copy("quang-son")
    row = next(o.row for o in reader.read_registry(path).opinions
               if o.answered_at_meeting == schema.YES)
    edit(path, [("opinions", "content", row, typed)])
    cli.main(["generate", path, "--docs", "TBKL", "--out", str(tmp_path / "vb"),
              "--today", "2026-05-20"])
    text = "\n".join(p.text for p in Document(str(tmp_path / "vb" / "KH-2026-01" / "TBKL.docx"))
                     .paragraphs)
    assert printed in text, text


@pytest.mark.parametrize("seed", range(4))
def test_forms_closed_on_record_ask_for_no_day_gone_by(tmp_path, capsys, seed):
    """A fresh-eyes trial recorded the forms' collection done (THU_PHIEU on Mốc thời gian),
    then pressed the forms again before the conference: they asked for forms by the day gone
    by and the run told her to change the rule. Corpus registries, the documents made two
    days after that day, with the collection recorded done on it and without: recorded, the
    forms say to hand them in before the conference opens, nothing gives the day gone by, and
    nothing asks to change the rule; not recorded, as before (the day, and the warning)."""
    import json
    from corpus.registries import make_case
    from corpus.run import saved
    case = make_case(seed)
    plan = case.plan["plan_id"]
    path = saved(case, str(tmp_path / "so.xlsx"))
    cli.main(["deadlines", "--json", "--today", case.meeting.isoformat(), path])
    due = next(dt.date.fromisoformat(m["due"]) for m in json.loads(capsys.readouterr().out)[
        "milestones"] if m["code"] == "THU_PHIEU" and not m["opinion"])
    today = due + dt.timedelta(days=2)
    assert today < case.meeting
    for recorded in (True, False):
        more = {"milestones": [dict(plan_id=plan, code="THU_PHIEU",
                                    done_date=f"{due:%d/%m/%Y}")]} if recorded else None
        path = saved(case, str(tmp_path / f"so-{recorded}.xlsx"), more)
        out = tmp_path / f"vb-{recorded}"
        cli.main(["generate", path, "--docs", "TB,TTTT,PDK", "--out", str(out), "--today",
                  today.isoformat()])
        said = capsys.readouterr().out
        forms = [" ".join(p.text for p in Document(f).paragraphs)
                 for f in glob.glob(str(out / plan / "PDK*.docx"))]
        assert forms, said
        for text in forms:
            assert (f"{due:%d/%m/%Y}" in text) != recorded, (recorded, text[-300:])
            assert ("trước khi hội nghị khai mạc" in text) == recorded, text[-300:]
        assert ("ghi hạn thu phiếu ý kiến" in said) != recorded, said


@pytest.mark.parametrize("seed", range(6))
def test_the_bulletin_names_the_unit_however_its_name_was_typed(tmp_path, seed):
    """A fresh-eyes trial typed Tên đơn vị "Tân Phước Khánh" (Loại đơn vị: phường): the
    bulletin read out "Ủy ban nhân dân tân Phước Khánh". Corpus registries, the name typed
    with its kind word, without it, or in capitals: the bulletin (read aloud) and the Front's
    form (sent back to the office) name "<kind> <name>" each time."""
    import openpyxl
    from corpus.registries import make_case
    from corpus.run import saved
    case = make_case(seed)
    kind, proper = case.settings["unit_type"], case.settings["place_name"]
    for n, typed in enumerate((f"{kind.capitalize()} {proper}", proper, proper.upper(),
                               f"{kind.upper()} {proper}")):
        case.settings["unit_name"] = typed
        path = saved(case, str(tmp_path / f"so{n}.xlsx"))
        out = tmp_path / f"vb{n}"
        cli.main(["generate", path, "--docs", "TTTT", "--out", str(out), "--today",
                  (case.meeting - dt.timedelta(days=10)).isoformat()])
        [bulletin] = glob.glob(str(out / "*" / "TTTT.txt"))
        said = open(bulletin, encoding="utf-8").read()
        body = "Ban Thường vụ Đảng ủy" if case.plan.get("issuer") == "Đảng ủy" else \
            "Ủy ban nhân dân"
        want = proper.upper() if typed == proper.upper() else proper
        assert f"{body} {kind} {want}" in said, (typed, said[:300])
        forms = str(tmp_path / f"phieu{n}")
        cli.main(["intake", "export", path, "--plan", case.plan["plan_id"], "--out", forms,
                  "--today", (case.meeting - dt.timedelta(days=10)).isoformat()])
        form = sorted(glob.glob(os.path.join(forms, "**", "*.xlsx"), recursive=True))[0]
        cells = [str(c) for r in openpyxl.load_workbook(form).active.iter_rows(values_only=True)
                 for c in r if c]
        assert any(f"{kind} {want}" in c for c in cells), (typed, cells[:8])
