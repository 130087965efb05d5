"""Issue 11: each opinion's chain, the monitoring workbook (no personal data, counts that
reconcile, native charts), the Tổng hợp sheet, công văn đôn đốc and carry-over."""
import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from docx import Document

import conformance
import jsonbook
from jsonbook import actions, sheet_names
from xlsx_edit import cell_ref, edit
from doithoai.files import registry_copy
from doithoai import buttons, cli
from doithoai.documents import generate
from doithoai.files import reader
from doithoai.rules import agencies
from doithoai.monitoring import carryover, chain, workbook
from doithoai.registry import dashboard_layout
from doithoai.samples import SAMPLES
import lo_convert

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def monitored(sample_paths, tmp_path_factory):
    out = {}
    for s in SAMPLES:
        reg = reader.read_registry(sample_paths[s.slug])
        folder = tmp_path_factory.mktemp(s.slug)
        path, chains = workbook.write(reg, str(folder / "theo-doi.xlsx"), AS_OF, "so.xlsx")
        out[s.slug] = (reg, path, chains)
    return out


def _cells(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    yield ws.title, v


def test_no_phone_and_no_address_in_any_cell(monitored):
    for slug, (reg, path, _) in monitored.items():
        phones = {re.sub(r"\D", "", p) for p in
                  [o.phone for o in reg.opinions] + [i.phone for i in reg.invitees] if p}
        names = {o.raised_by for o in reg.opinions if o.raised_by}
        for sheet, v in _cells(path):
            digits = re.sub(r"\D", "", str(v))
            for phone in phones:
                assert phone[1:] not in digits, (slug, sheet, v)     # with or without the 0
            assert v not in names, (slug, sheet, v)                  # default: village only
        assert "Theo dõi ý kiến" in openpyxl.load_workbook(path).sheetnames


def test_identifiers_typed_inside_the_content_are_masked(sample_copy, tmp_path):
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    rows = [o.row for o in reg.opinions[:3]]
    edit(path, [("opinions", "content", rows[0], "Nhà số 15 tổ 3 ngập, gọi 0912.345.678 giúp."),
                ("opinions", "content", rows[1], "CCCD 001203004567, email an@gmail.com, "
                                                 "đề nghị sửa cống ngõ 5."),
                ("opinions", "content", rows[2], "Đường liên thôn xuống cấp.")])
    out, _ = workbook.write(reader.read_registry(path), str(tmp_path / "m.xlsx"), AS_OF)
    text = " | ".join(str(v) for _, v in _cells(out))
    for secret in ("912345678", "345.678", "001203004567", "an@gmail.com", "Nhà số 15"):
        assert secret not in text, secret
    assert "Nhà số [số nhà] tổ 3 ngập, gọi [số điện thoại] giúp." in text
    assert "đề nghị sửa cống ngõ 5." in text and "Đường liên thôn xuống cấp." in text


def test_a_house_address_never_appears_and_names_only_when_allowed(sample_copy, tmp_path):
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    row = reg.opinions[0].row
    edit(path, [("opinions", "address", row, "Số 12 ngõ 5 đường Trần Phú, TDP Cẩm Khê A"),
                ("opinions", "phone", row, "0987 654 321")])
    reg = reader.read_registry(path)
    out, chains = workbook.write(reg, str(tmp_path / "m.xlsx"), AS_OF)
    values = [str(v) for _, v in _cells(out)]
    assert not any("Trần Phú" in v or "ngõ 5" in v or "987654321" in
                   re.sub(r"\D", "", v) for v in values)
    assert chains[0].village == "TDP Cẩm Khê A"
    # The registry's setting allows names: then names appear, phones and addresses still not.
    wb = openpyxl.load_workbook(path)
    ws = wb["Cấu hình"]
    label = "Ghi tên người nêu trong báo cáo theo dõi"
    r = next(c.row for c in ws["A"] if c.value == label)
    ws.cell(row=r, column=2, value="Có")
    wb.save(path)
    reg = reader.read_registry(path)
    out, _ = workbook.write(reg, str(tmp_path / "m2.xlsx"), AS_OF)
    values = [str(v) for _, v in _cells(out)]
    assert reg.opinions[0].raised_by in values
    assert not any("Trần Phú" in v for v in values)


def test_counts_reconcile_with_the_registry_each_from_its_own_column(monitored):
    for slug, (reg, path, chains) in monitored.items():
        raised = [o for o in reg.opinions if o.opinion_id and not (       # raised by AS_OF:
            o.received_date and o.received_date > AS_OF)]                 # the report's day
        own = [o for o in raised if not o.duplicate_of]
        answered = sum(1 for o in own if o.answered_at_meeting == "Có" or o.reply_number
                       or o.reply_date)
        resolved = sum(1 for o in own if o.resolved_date)
        satisfied = sum(1 for o in own if o.satisfaction == "Hài lòng")
        totals = chain.summary(reg, chains)["totals"]
        assert (totals["raised"], totals["answered"], totals["resolved"], totals["satisfied"]) \
            == (len(own), answered, resolved, satisfied), slug
        wb = openpyxl.load_workbook(path)
        detail = list(wb["Theo dõi ý kiến"].iter_rows(min_row=2, values_only=True))
        assert len(detail) == len(raised)
        intro = [c.value for c in wb["Giới thiệu"]["A"] if c.value]
        assert f"Đã trả lời (tại hội nghị hoặc bằng văn bản): {answered}" in " ".join(intro)
        field_sum = sum(r[1] for r in _area_rows(wb["Tổng hợp"], "1. Theo lĩnh vực"))
        assert field_sum == len(own)
    reg, _, chains = monitored["bac-thanh-mien"]
    t = chain.summary(reg, chains)["totals"]
    assert len({t["answered"], t["resolved"], t["satisfied"]}) == 3     # three different things


def _area_rows(ws, title):
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == title) + 2
    out = []
    for r in rows[start:]:
        if r[0] is None:
            break
        out.append(r)
    return out


def test_agency_sheets_list_what_each_still_owes(monitored):
    reg, path, chains = monitored["tu-minh"]
    wb = openpyxl.load_workbook(path)
    owing = [n for n in wb.sheetnames if n.startswith("Nợ - ")]
    assert owing and all(len(n) <= 31 for n in owing)
    owed = sum(1 for c in chains if c.counted and c.owes)
    listed = sum(len(list(wb[n].iter_rows(min_row=4, values_only=True))) for n in owing)
    assert listed == owed
    assert all(ws.protection.sheet for ws in wb.worksheets)          # read-only by design


def test_charts_reference_their_tables(monitored):
    reg, path, _ = monitored["do-luong"]
    wb = openpyxl.load_workbook(path)
    ws = wb["Tổng hợp"]
    rows = list(ws.iter_rows(values_only=True))
    head = {r[0]: i + 1 for i, r in enumerate(rows) if r and r[0] in
            ("Lĩnh vực", "Giai đoạn", "Cơ quan", "Hội nghị (Mã KH)")}
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = {n: z.read(n).decode() for n in charts}
    refs = {n: re.findall(r"<(?:c:)?f>'Tổng hợp'!\$?([A-Z])\$?(\d+)(?::\$?([A-Z])\$?(\d+))?"
                          r"</(?:c:)?f>", x) for n, x in xml.items()}
    assert len(charts) == 6
    by_title = {re.search(r"<a:t>([^<]+)</a:t>", x).group(1): refs[n] for n, x in xml.items()}
    fields = len(_area_rows(ws, "1. Theo lĩnh vực"))
    top = head["Lĩnh vực"]
    assert ("A", str(top + 1), "A", str(top + fields)) in \
        by_title["Ý kiến theo lĩnh vực: đã nêu, đã trả lời, đã giải quyết, hài lòng"]
    assert ("B", str(top), "", "") in \
        by_title["Ý kiến theo lĩnh vực: đã nêu, đã trả lời, đã giải quyết, hài lòng"]
    agencies = len(_area_rows(ws, "3. Theo cơ quan: còn nợ, quá hạn; đã trả lời, giải quyết "
                                  "xong nhưng muộn"))
    assert ("C", str(head["Cơ quan"] + 1), "C", str(head["Cơ quan"] + agencies)) in \
        by_title["Quá hạn theo cơ quan"]
    plans = head["Hội nghị (Mã KH)"]
    assert ("A", str(plans + 1), "A", str(plans + 2)) in \
        by_title["Qua các hội nghị: đã nêu, đã trả lời, đã giải quyết, hài lòng"]
    kinds = {re.search(r"<a:t>([^<]+)</a:t>", x).group(1): x for x in xml.values()}
    # Two conferences: columns, not a line (a line through one point prints nothing).
    assert "<barChart>" in kinds["Qua các hội nghị: đã nêu, đã trả lời, đã giải quyết, hài lòng"]
    pie = kinds["Mức độ hài lòng"]
    assert "<pieChart>" in pie and '<showPercent val="1"' in pie   # a pie with its shares
    # Each chart on its own page of Biểu đồ: distinct anchors, a row break before each.
    charts_ws = wb["Biểu đồ"]
    assert len(charts_ws.row_breaks.brk) == len(charts) - 1


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot render charts here")
def test_libreoffice_renders_the_monitoring_workbook(monitored, tmp_path):
    _, path, _ = monitored["do-luong"]
    lo_convert.convert(path, tmp_path)
    pdf = tmp_path / "theo-doi.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    assert pdf.stat().st_size > 20000
    if text:
        assert "Quá hạn theo cơ quan" in text and "Ý kiến theo giai đoạn" in text


# --- the registry's Tổng hợp sheet -----------------------------------------------------------------

def test_blank_template_defines_the_charts_over_fixed_ranges(blank_path):
    with zipfile.ZipFile(blank_path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 4
    refs = " ".join(charts)
    for area in dashboard_layout.AREAS[:1]:
        assert f"'Tổng hợp'!$A${area.first}:$A${area.last}" in refs
    assert f"'Tổng hợp'!$C${dashboard_layout.AGENCIES.first}:$C${dashboard_layout.AGENCIES.last}" in refs
    ws = openpyxl.load_workbook(blank_path)["Tổng hợp"]
    assert ws["A1"].value == dashboard_layout.LAYOUT_MARK


def test_dashboard_button_writes_values_only_in_fixed_blocks(sample_copy, shells, tmp_path):
    path = sample_copy("tu-minh")
    book = jsonbook.book(path, name=path)
    message = buttons.update_dashboard(book, as_of=AS_OF)
    assert message.startswith("Đã cập nhật trang Tổng hợp (tính đến 22/11/2026)")
    names = sheet_names(path)
    acts = book.json()["actions"]
    mine = [a for a in acts if a["sheet_position"] is not None
            and names[a["sheet_position"]] == "Tổng hợp"]
    # Values, and which rows of each area are in use: charts plot visible rows only, so the
    # padding is hidden (1 conference is one bar, not one bar among 20 empty slots).
    assert {a["func"] for a in mine} == {"setValues", "setRowHidden"}
    hidden = [(a["start_row"] + 1, a["row_count"], a["args"][0]) for a in mine
              if a["func"] == "setRowHidden"]
    mine = [a for a in mine if a["func"] == "setValues"]
    reg = reader.read_registry(path)
    sm = chain.summary(reg, chain.build(reg, AS_OF))
    used = {dashboard_layout.FIELDS: len(sm["by_field"]), dashboard_layout.STAGE: 6,
            dashboard_layout.AGENCIES: len(sm["by_agency"]),
            dashboard_layout.PLANS: len(sm["by_plan"])}
    for area, n in used.items():
        assert (area.first, n, False) in hidden
        if n < area.rows:
            assert (area.first + n, area.rows - n, True) in hidden
    blocks = [(a["start_row"] + 1, len(a["values"])) for a in mine]
    assert blocks == [(dashboard_layout.STAMP_ROW, 1)] + [(a.first, a.rows) for a in dashboard_layout.AREAS]
    # The same blocks whatever the number of opinions: a bigger registry, the same writes.
    big = sample_copy("do-luong")
    book2 = jsonbook.book(big, name=big)
    buttons.update_dashboard(book2, as_of=AS_OF)
    mine2 = [(a["start_row"], a["row_count"], a["column_count"]) for a in book2.json()["actions"]
             if a["sheet_position"] is not None and sheet_names(big)[a["sheet_position"]] ==
             "Tổng hợp" and a["func"] == "setValues"]
    assert mine2 == [(a["start_row"], a["row_count"], a["column_count"]) for a in mine]
    # Pressed twice: the second press writes the same ranges again (charts keep their data).
    after = jsonbook.apply_actions(path, acts, str(tmp_path / "after.xlsx"))
    book3 = jsonbook.book(after, name=after)
    buttons.update_dashboard(book3, as_of=AS_OF)
    again = [a for a in book3.json()["actions"] if a["sheet_position"] is not None and
             sheet_names(after)[a["sheet_position"]] == "Tổng hợp" and a["func"] == "setValues"]
    ws = openpyxl.load_workbook(after)["Tổng hợp"]
    plans = dashboard_layout.PLANS
    assert [ws.row_dimensions[r].hidden for r in range(plans.first, plans.last + 1)] == \
        [False] * used[plans] + [True] * (plans.rows - used[plans])
    assert [(a["start_row"], a["row_count"]) for a in again] == \
        [(a["start_row"], a["row_count"]) for a in mine]


def test_a_registry_copy_keeps_the_charts(sample_paths, tmp_path):
    from doithoai.registry.changes import Changes
    src = str(tmp_path / "so.xlsx")
    shutil.copy(sample_paths["tu-minh"], src)
    copy = registry_copy.registry_copy(src, Changes(), "thu")
    with zipfile.ZipFile(copy) as z:
        assert len([n for n in z.namelist() if n.startswith("xl/charts/chart")]) == 4


def test_old_registry_without_chain_columns_still_opens(sample_copy):
    path = sample_copy("tu-minh")
    wb = openpyxl.load_workbook(path)
    ws = wb["Ý kiến"]
    for key in ("assigned_date", "resolved_date", "satisfaction", "intake_ref"):
        ws[cell_ref("opinions", key, 1)] = None
    wb.save(path)
    reg = reader.read_registry(path)
    assert {p.code for p in reg.problems} == {"column-added-later"}
    assert all(p.severity == "info" and "thêm cột" in p.hint for p in reg.problems)
    chains = chain.build(reg, AS_OF)
    assert sum(bool(c.resolved) for c in chains) == 0 and len(chains) == 36


# --- công văn đôn đốc -------------------------------------------------------------------------------

def test_overdue_letters_per_agency_conform(sample_paths, tmp_path, capsys):
    assert cli.main(["overdue", sample_paths["tu-minh"], "--out", str(tmp_path), "--today",
                     "2026-11-22"]) == 0
    reg = reader.read_registry(sample_paths["tu-minh"])
    chains = chain.build(reg, AS_OF)
    late = {c.agency for c in chains if c.counted and c.overdue and c.agency}
    files = sorted(os.listdir(tmp_path / "KH-2026-01"))
    assert len(files) == len(late) and all(f.startswith("CVDD_") for f in files)
    for f in files:
        path = str(tmp_path / "KH-2026-01" / f)
        assert conformance.check(path, "CVDD", False) == []
        text = "\n".join(p.text for p in Document(path).paragraphs)
        to = re.search(r"^Kính gửi: (.+)\.$", text, re.M).group(1)    # "… phường Tứ Minh"
        agency = max((a for a in late if to == a or to.startswith(a + " ")), key=len)
        # the opinions owing their reply, then those owing only the resolution: a list each
        rows = [r for t in Document(path).tables[1:] if t.rows[0].cells[1].text == "Mã ý kiến"
                for r in t.rows[1:]]
        assert len(rows) == sum(1 for c in chains if c.counted and c.overdue and
                                c.agency == agency)
        assert all(r.cells[-1].text.endswith(" ngày làm việc") for r in rows)  # units named
        # The tone follows the level: own units are chased, the police on the territory is
        # asked courteously, and no superior is ever chased.
        level = agencies.level_of(agency, reg.agency_levels)
        assert level != agencies.SUPERIOR
        if level == agencies.TERRITORY:
            assert "khẩn trương" not in text and "trân trọng đề nghị" in text, f
        else:
            assert "khẩn trương" in text and "Quý cơ quan" not in text, f
    assert any(agencies.level_of(a, reg.agency_levels) == agencies.TERRITORY for a in late)


def test_party_overdue_letter(sample_paths, tmp_path):
    res = generate.generate(reader.read_registry(sample_paths["do-luong"]), str(tmp_path),
                             codes=["CVDD"], today=AS_OF)
    assert res.files and all(conformance.check(f, "CVDD", True) == [] for f in res.files)


# --- carry-over -------------------------------------------------------------------------------------

def test_carry_over_lists_exactly_the_unresolved_opinions_of_earlier_plans(sample_paths,
                                                                           tmp_path):
    reg = reader.read_registry(sample_paths["do-luong"])
    expected = sorted(o.opinion_id for o in reg.opinions if o.plan_id == "KH-2026-01"
                      and not o.duplicate_of and not o.resolved_date      # settled: the
                      and o.status not in ("Đã giải quyết", "Đã trả lời tại hội nghị"))  # rule
    assert expected                                       # of privacy --forget-contacts too
    assert sorted(o.opinion_id for o in carryover.unresolved_before(
        reg, reg.plan("KH-2026-02"), AS_OF)) == expected
    assert carryover.unresolved_before(reg, reg.plan("KH-2026-01"), AS_OF) == []
    generate.generate(reg, str(tmp_path), plan_ids=["KH-2026-02"], codes=["KH"], today=AS_OF)
    # The result report tells of the conference (11/12/2026): made once it is held.
    generate.generate(reg, str(tmp_path), plan_ids=["KH-2026-02"], codes=["BCKQ"],
                      today=dt.date(2026, 12, 14))
    for name in ("KH.docx", "BCKQ.docx"):
        doc = Document(str(tmp_path / "KH-2026-02" / name))
        table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Mã ý kiến")
        assert sorted(r.cells[1].text for r in table.rows[1:]) == expected
    res = generate.generate(reg, str(tmp_path / "k1"), plan_ids=["KH-2026-01"], codes=["KH"],
                             today=AS_OF)
    doc = Document(res.files[0])
    assert not any(t.rows[0].cells[1].text == "Mã ý kiến" for t in doc.tables)


def test_carry_over_links_without_retyping_and_only_once(sample_paths, tmp_path, capsys):
    src = sample_paths["do-luong"]
    out = str(tmp_path / "moi.xlsx")
    assert cli.main(["carry-over", src, "--plan", "KH-2026-02", "--link", "--out", out,
                     "--today", AS_OF.isoformat()]) == 0
    reg = reader.read_registry(out)
    linked = [o for o in reg.opinions if o.plan_id == "KH-2026-02" and o.duplicate_of
              and (o.note or "").startswith("Chuyển từ")]
    before = reader.read_registry(src)
    originals = {o.opinion_id: o for o in before.opinions}
    already = {o.duplicate_of for o in before.opinions if o.plan_id == "KH-2026-02"}
    todo = [o for o in carryover.unresolved_before(before, before.plan("KH-2026-02"), AS_OF)
            if o.opinion_id not in already]
    assert sorted(o.duplicate_of for o in linked) == sorted(o.opinion_id for o in todo)
    for o in linked:
        assert o.content == originals[o.duplicate_of].content
        assert o.note.startswith(f"Chuyển từ KH-2026-01 ({o.duplicate_of})")
    assert [(o.opinion_id, o.content) for o in reg.opinions if o.plan_id == "KH-2026-01"] == \
        [(o.opinion_id, o.content) for o in before.opinions if o.plan_id == "KH-2026-01"]
    capsys.readouterr()
    assert cli.main(["carry-over", out, "--plan", "KH-2026-02", "--link", "--today",
                     AS_OF.isoformat()]) == 0
    assert "Đã chuyển từ trước: không thêm dòng nào, không ghi bản sao nào" in capsys.readouterr().out


def test_monitor_cli_and_button(sample_copy, tmp_path, capsys, shells):
    path = sample_copy("tu-minh")
    assert cli.main(["monitor", path, "--as-of", "2026-11-22", "--out",
                     str(tmp_path / "m.xlsx")]) == 0
    assert "Đã tạo báo cáo theo dõi" in capsys.readouterr().out
    book = jsonbook.book(path, name=path)
    message = buttons.monitor_report(book, as_of=AS_OF)
    assert message.startswith("Đã tạo báo cáo theo dõi:")
    made = [f for f in os.listdir(os.path.dirname(path)) if f.startswith("theo-doi-y-kien-")]
    assert made == ["theo-doi-y-kien-Phuong-Tu-Minh-20261122.xlsx"]
    log = [a for a in actions(book, "setValues") if sheet_names(path)[a["sheet_position"]]
           == "Nhật ký"]
    assert log and log[0]["values"][0][2] == "Báo cáo theo dõi" and \
        made[0] in log[0]["values"][0][4]
    # Pressed again the same day: a second report beside the first, saying why its name differs
    again = buttons.monitor_report(jsonbook.book(path, name=path), as_of=AS_OF)
    assert "đã có tệp" not in message and \
        f"(2).xlsx (đã có tệp {made[0]}" in again and "tệp kia giữ nguyên" in again


U = chain.UNKNOWN_VILLAGE


@pytest.mark.parametrize("address, villages, village", [
    ("Thôn Đồng", ["Thôn Đông", "Thôn Đồng"], "Thôn Đồng"),     # tones kept: two villages
    ("Số 4, thôn Đông", ["Thôn Đồng", "Thôn Đông"], "Thôn Đông"),
    ("Thôn Đồng", ["Thôn Đông"], U),                            # another village, not this one
    ("thon dong", ["Thôn Đông"], "Thôn Đông"),                  # typed without accents
    ("thon dong", ["Thôn Đông", "Thôn Đồng"], U),               # ... but which one?
    ("Số 5, Thôn 12", ["Thôn 1", "Thôn 2"], U),                 # whole words only
    ("Số 5, Thôn 12", ["Thôn 1", "Thôn 12"], "Thôn 12"),
    ("Khu 10", ["Khu 1"], U),
    ("ngõ 7, TDP Cẩm Khê A", ["TDP Cẩm Khê", "TDP Cẩm Khê A"], "TDP Cẩm Khê A"),
    ("ngõ 7, TDP  cẩm khê", ["TDP Cẩm Khê A", "TDP Cẩm Khê"], "TDP Cẩm Khê"),
    ("THÔN ĐÔNG", ["Thôn Đông"], "Thôn Đông"),
    ("Xóm Thuỷ", ["Xóm Thủy"], "Xóm Thủy"),                    # old-style tone placement
    ("Thôn\nĐông", ["Thôn Đông"], "Thôn Đông"),
    (None, ["Thôn Đông"], U),
    ("Thôn Đông", [], U),
])
def test_the_village_an_address_names(address, villages, village):
    assert chain.village_of(address, villages) == village


def test_village_of_never_returns_the_address():
    assert chain.village_of("Số 3, ngõ 7, TDP Cẩm Khê B", ["TDP Cẩm Khê A", "TDP Cẩm Khê B"]) \
        == "TDP Cẩm Khê B"
    assert chain.village_of("Số 3 Trần Phú", ["TDP Cẩm Khê A"]) == chain.UNKNOWN_VILLAGE


def test_dashboard_stage_area_has_one_row_per_stage():
    assert dashboard_layout.STAGE.rows == len(chain.STAGES)


def test_the_reminders_print_no_identifier_a_citizen_typed(sample_copy, tmp_path):
    """The reminder is copied to the party office and the Front, and names the opinion by its
    code: a phone, an identity number or a house typed in the content is masked in it."""
    import glob
    import random
    rng = random.Random(7)
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    late = [c.opinion_id for c in chain.build(reg, AS_OF) if c.counted and c.overdue]
    secrets = {}
    edits = []
    for o in reg.opinions:
        if o.opinion_id in late:
            phone = "09" + "".join(rng.choice("0123456789") for _ in range(8))
            card = "0" + "".join(rng.choice("0123456789") for _ in range(11))
            house = str(rng.randint(10, 300))
            secrets[o.opinion_id] = (phone, card, house)
            edits.append(("opinions", "content", o.row, f"{o.content} Hộ tôi ở số {house} "
                          f"phản ánh, CCCD {card}, gọi {phone}."))
    edit(path, edits)
    out = tmp_path / "dd"
    assert cli.main(["overdue", path, "--out", str(out), "--today", "2026-11-22"]) == 0
    texts = ["\n".join([p.text for p in Document(f).paragraphs] + [
        c.text for t in Document(f).tables for r in t.rows for c in r.cells])
        for f in glob.glob(str(out / "**" / "CVDD_*.docx"), recursive=True)]
    assert texts and secrets
    for text in texts:
        digits = re.sub(r"(?<=\d)[ .](?=\d)", "", text)
        for phone, card, house in secrets.values():
            assert phone not in digits and card not in digits
            assert f"ở số {house}" not in text
