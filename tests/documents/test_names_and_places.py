"""One name, one spelling, and places outside the plan (issue 25, items 4, 5 and 8; and the
identifiers of item 2 §"no identifier typed inside a citizen's text").

A clerk of Xã Hòa Bình types "thon Ban Chu" and "Thôn Nà Pàn" into Địa chỉ, "Phòng kinh tế"
beside "Phòng Kinh tế", a citizen's name in lower case, a Mã KH in lower case, a phone number
inside a citizen's words. Each case is read back from what the clerk sees: the validation
report, the documents' text, the file names written.
"""
import datetime as dt
import os
import re

from test_after_meeting import (ISSUED_ON, MEETING, OWN, conclusion_row, made, opinion, run,
                                text_of, write_registry)
from xlsx_edit import edit
from doithoai import cli
from doithoai.files import reader
from doithoai.rules import validation
from doithoai.text import vnformat
from doithoai.documents import generate
from doithoai.sharing import codes, intake

ALL_AFTER = ["BCTH", "CVPC", "BB", "TBKL", "BCKQ", "TBCD", "CVKN"]


def problems(reg, code):
    return [p for p in validation.validate(reg, ISSUED_ON) if p.code == code]


def with_addresses(tmp_path, addresses, changes=None):
    """A Hòa Bình registry with one form per address (rows 2, 3, …), ``changes`` (opinion
    number → cells) typed over them, and its conclusion notice issued."""
    rows = []
    for n, address in enumerate(addresses, start=1):
        row = opinion(MEETING, n, "Phiếu hỏi", dt.date(2027, 2, 10 + n), OWN)
        row.update(address=address, **(changes or {}).get(n, {}))
        rows.append(row)
    return write_registry(str(tmp_path / "so.xlsx"), MEETING, rows,
                          register=[conclusion_row(MEETING, ISSUED_ON)])


# --- item 4: places outside the plan ---------------------------------------------------------

def test_an_address_outside_the_plan_is_flagged_with_the_nearest_village(tmp_path):
    """"Thôn Nà Pàn" is neither in Phạm vi (Thôn Bản Chu; Thôn Nà Làng) nor in Danh mục: it
    passed validation silently."""
    reg = with_addresses(tmp_path, ["Thôn Bản Chu", "Thôn Nà Pàn", "Số 4, Thôn Nà Làng"])
    found = problems(reg, "unknown-place")
    assert [(p.sheet, p.cell) for p in found] == [("Ý kiến", "F3")]
    assert "Thôn Nà Pàn" in found[0].message and "KH-2027-01" in found[0].message
    assert "Có phải là \"Thôn Nà Làng\"?" in found[0].hint


def test_a_village_the_commune_lists_is_known(tmp_path):
    """A village of the commune's list (Danh mục › Thôn, tổ dân phố) that this plan does not
    cover is a known place: its people may come to any conference."""
    import openpyxl
    reg = with_addresses(tmp_path, ["Thôn Nà Pàn"])
    wb = openpyxl.load_workbook(reg.source)
    ws = wb["Danh mục"]
    col = [c.value for c in ws[1]].index("Thôn, tổ dân phố") + 1
    ws.cell(row=2, column=col, value="Thôn Nà Pàn")
    wb.save(reg.source)
    from doithoai.files import reader
    assert problems(reader.read_registry(reg.source), "unknown-place") == []


def test_documents_print_the_villages_proper_name(tmp_path):
    """"thon Ban Chu" typed without accents was printed as typed in BCTH and BB; the place is
    printed as Phạm vi spells it, and validation says which cells were read so."""
    reg = with_addresses(tmp_path, ["thon Ban Chu", "Số 7, thôn nà làng"])
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, ALL_AFTER, issue=True)
    for code in ("BCTH", "BB", "TBCD"):
        for path in made(str(out), code):
            text = text_of(path)
            assert "thon Ban Chu" not in text and "nà làng" not in text, (code, text[:300])
    bcth = text_of(made(str(out), "BCTH")[0])
    # inside the sentence "… (Người nêu, Địa chỉ)" the kind words are in lower case (Decree 30)
    # the report goes to the party office, the Front and the agencies: the village, not the
    # house (nor does the notice to the person: it is copied to the village head and the Front)
    assert "thôn Bản Chu" in bcth and "thôn Nà Làng" in bcth and "số 7" not in bcth
    notices = [text_of(p) for p in made(str(out), "TBCD")]
    assert any("thôn Nà Làng" in t for t in notices) and not any("số 7" in t for t in notices)
    spelled = problems(reg, "name-spelling")
    # an address keeps its kind word's case as typed, even at its start ("thôn Nậm Cang")
    assert {(p.cell, p.fields["proper"]) for p in spelled} == {
        ("F2", "thôn Bản Chu"), ("F3", "Số 7, thôn Nà Làng")}


# --- item 5: two letters to one office ---------------------------------------------------------

def test_one_office_typed_two_ways_gets_one_letter(tmp_path):
    """"Phòng kinh tế" and "Phòng Kinh tế" both passed validate, and generate wrote
    CVPC_Phong-kinh-te.docx and CVPC_Phong-Kinh-te.docx: one file on a Windows disk."""
    reg = with_addresses(tmp_path, ["Thôn Bản Chu", "Thôn Bản Chu", "Thôn Nà Làng"], {2: {"agency": "Phòng kinh tế"}, 3: {"agency": "phòng  KINH TẾ"}})
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, ["CVPC", "TBKL", "BCTH"], issue=True)
    letters = made(str(out), "CVPC")
    assert [os.path.basename(p) for p in letters] == ["CVPC_Phong-Kinh-te.docx"]
    assert set(re.findall(r"YK-2027-00\d", text_of(letters[0]))) == {
        "YK-2027-001", "YK-2027-002", "YK-2027-003"}
    notice = text_of(made(str(out), "TBKL")[0])
    assert notice.count("- Phòng Kinh tế;") == 1 and "Phòng kinh tế" not in notice
    spelled = {p.cell: p for p in problems(reg, "name-spelling")}
    assert set(spelled) == {"K3", "K4"}
    assert spelled["K3"].fields["proper"] == "Phòng Kinh tế"
    assert "Sửa ô thành \"Phòng Kinh tế\"" in spelled["K3"].hint


def test_no_two_files_of_a_folder_differ_only_in_case(tmp_path):
    """Two villages that read the same without accents (Thôn Đông, Thôn Đồng) would be one
    Phiếu đăng ký file; two different offices that slug alike likewise. Every file written
    differs from the others of its folder in more than case, and each village has its own."""
    from test_after_meeting import plan_row
    from doithoai.documents import generate
    from doithoai.files import atomic, blank, reader
    from test_after_meeting import SETTINGS, invitee_rows
    plan = plan_row(MEETING)
    plan["scope"] = "Thôn Đông; Thôn Đồng; Thôn ĐÔNG HẢI"
    rows = [opinion(MEETING, 1, "Phiếu hỏi", dt.date(2027, 2, 10), "Phòng Kinh tế"),
            opinion(MEETING, 2, "Phiếu hỏi", dt.date(2027, 2, 11), "Phòng Kinh Tê")]
    wb = blank.build_workbook(settings=SETTINGS, rows=dict(
        plans=[plan], invitees=invitee_rows(MEETING), opinions=rows))
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(wb, path)
    out = tmp_path / "out"
    res = generate.generate(reader.read_registry(path), str(out), today=ISSUED_ON)
    names = {}
    for root, _, files in os.walk(out):
        for f in files:
            key = (root, f.casefold())
            assert key not in names, (names.get(key), f)
            names[key] = f
    assert len(made(str(out), "PDK")) == 3
    # "Phòng Kinh Tê" is not in the list (an error): its letter is refused, and the office it
    # imitates keeps its own file name
    assert [os.path.basename(f) for f in made(str(out), "CVPC")] == ["CVPC_Phong-Kinh-te.docx"]
    assert {p.code for p in res.refusals} == {"document-row-has-errors"}
    assert "CVPC" in {p.fields["document_kind"] for p in res.refusals}
    assert len(res.files) == len(names)


# --- people and codes ------------------------------------------------------------------------

def test_a_name_typed_in_lower_case_is_printed_with_its_capitals(tmp_path):
    reg = with_addresses(tmp_path, ["Thôn Bản Chu"], {1: {"raised_by": "ông lò văn tám"}})
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, ["TBCD", "BCTH"], issue=True)
    notice = text_of(made(str(out), "TBCD")[0])
    assert "Ông Lò Văn Tám" in notice and "lò văn tám" not in notice
    assert os.path.basename(made(str(out), "TBCD")[0]) == "TBCD_Thon-Ban-Chu_Ong-Lo-Van-Tam.docx"
    assert [p.fields["proper"] for p in problems(reg, "name-spelling")] == ["Ông Lò Văn Tám"]


def test_an_opinion_whose_plan_code_is_typed_in_lower_case_is_not_lost(tmp_path):
    """Validation accepted "kh-2027-01" (it compares codes without case) while the documents
    compared them exactly and left the opinion out of every count."""
    reg = with_addresses(tmp_path, ["Thôn Bản Chu", "Thôn Bản Chu"], {2: {"plan_id": "kh-2027-01"}})
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, ["BCTH"], issue=True)
    report = text_of(made(str(out), "BCTH")[0])
    assert "YK-2027-002" in report and "tiếp nhận 2 ý kiến" in report
    assert [p.cell for p in problems(reg, "name-spelling")] == ["B3"]


# --- identifiers inside a citizen's words ------------------------------------------------------

def test_no_identifier_typed_in_a_citizens_words_reaches_a_posted_document(tmp_path):
    words = {1: "liên hệ 0912 345 678", 2: "CCCD 001085012347", 3: "thư dan12@gmail.com"}
    rows = {n: {"content": f"Đề nghị sửa đường, {w}."} for n, w in words.items()}
    reg = with_addresses(tmp_path, ["Thôn Bản Chu", "Thôn Bản Chu", "Thôn Nà Làng"], rows)
    out = tmp_path / "out"
    run(reg, out, ISSUED_ON, ["TBKL", "BCKQ", "BB", "BCTH", "TBCD", "CVPC"], issue=True)
    texts = {os.path.relpath(p, out): text_of(p) for code in ("TBKL", "BCKQ", "BB", "BCTH",
                                                             "TBCD", "CVPC")
             for p in made(str(out), code)}
    for name, text in texts.items():
        digits = re.sub(r"(?<=\d)[ .](?=\d)", "", text)
        # The letter to the agency that must act on it shows how to reach the citizen
        # (BaseBuilder.UNMASKED), not their papers' numbers; every other document masks all.
        for secret in ("0912345678", "001085012347", "dan12@gmail.com"):
            shown = "CVPC_" in name and secret != "001085012347"
            assert (secret in digits) == shown, (name, secret)
    assert "[số điện thoại]" in texts["KH-2027-01/TBKL.docx"]


# --- item 8: smaller, same class ---------------------------------------------------------------

def test_a_word_of_a_listed_field_gets_its_hint(tmp_path):
    reg = with_addresses(tmp_path, ["Thôn Bản Chu"], {1: {"field": "Môi trường"}})
    found = problems(reg, "not-in-list")
    assert found and "Có phải là \"Kinh tế - Môi trường, rác thải\"?" in found[0].hint


def test_village_codes_keep_a_name_that_begins_with_a_kind_word():
    """"Thôn Bản Chu" had code "C" ("Bản" taken for the kind word) where the others had two
    letters."""
    assert codes.village_code("Thôn Bản Chu") == "BC"
    assert codes.village_codes(["Thôn Bản Chu", "Thôn Nà Làng", "TDP Cẩm Khê A"]) == {
        "Thôn Bản Chu": "BC", "Thôn Nà Làng": "NL", "TDP Cẩm Khê A": "CKA"}
    assert codes.village_code("Tổ dân phố số 3") == "3"


def test_a_village_is_named_as_the_clerk_says_it(tmp_path, capsys):
    """`--village "Nà Làng"` was refused until the word "Thôn" was added."""
    reg = with_addresses(tmp_path, ["Thôn Bản Chu"])
    made_files = intake.export(reg, "KH-2027-01", str(tmp_path / "phieu"),
                               villages=["Nà Làng", "thon ban chu"], today=dt.date(2027, 2, 1))
    assert sorted(e.village for e in made_files) == ["Thôn Bản Chu", "Thôn Nà Làng"]
    code = cli.main(["intake", "export", reg.source, "--plan", "KH-2027-01", "--village",
                     "Nà Pàn", "--out", str(tmp_path / "phieu2")])
    assert code == 1 and "Nà Pàn" in capsys.readouterr().out


def test_a_date_error_is_not_also_a_year_without_a_conference(tmp_path):
    """The only 2027 plan with an unreadable Ngày hội nghị also reported "Chưa có hội nghị
    năm 2027"."""
    from test_after_meeting import plan_row, SETTINGS, invitee_rows
    from doithoai.files import atomic, blank, reader
    plan = plan_row(MEETING)
    plan["meeting_date"] = "05/13/2027"
    wb = blank.build_workbook(settings=SETTINGS, rows=dict(plans=[plan],
                                                           invitees=invitee_rows(MEETING)))
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(wb, path)
    found = validation.validate(reader.read_registry(path), dt.date(2027, 6, 1))
    codes_found = {p.code for p in found}
    assert "date-unreadable" in codes_found and "no-conference-in-year" not in codes_found


def test_invitations_go_through_the_board_of_the_village_an_address_names(sample_copy, tmp_path):
    """A resident's Địa chỉ "Số 12 ngõ 3, TDP Cẩm Khê A" made a route "Ban điều hành Số 12 ngõ
    3, …" in the delivery book (a house address, and a group of one): the route is the village
    the address names; an address naming none goes through the office."""
    path = sample_copy("tu-minh")
    reg = reader.read_registry(path)
    residents = [i for i in reg.invitees if i.group == "Đại diện Nhân dân"][:2]
    village = reg.plans[0].villages[0]
    edit(path, [("invitees", "address", residents[0].row, f"Số 12 ngõ 3, {village}"),
                ("invitees", "address", residents[1].row, "Số 7 đường Trần Phú")])
    out = tmp_path / "out"
    generate.generate(reader.read_registry(path), str(out), codes=["SGN"], today=ISSUED_ON)
    text = text_of(made(str(out), "SGN")[0])
    assert "Số 12" not in text and "Số 7" not in text and "Trần Phú" not in text
    inside = vnformat.place_in_sentence(village)
    assert f"Giao qua Ban điều hành {inside}" in text
