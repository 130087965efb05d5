"""The province's roll-up (issue 19): totals that equal the registries' own, each input's
outcome, no personal data, charts over the right ranges."""
import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from doithoai import cli
from doithoai.files import reader
from doithoai.monitoring import chain, workbook
from doithoai.province import inputs, rollup
from doithoai.samples import SAMPLES
from doithoai.text import privacy, vntext
import lo_convert

duckdb = pytest.importorskip("duckdb", reason="the province extra (duckdb) is not installed")

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def sent(sample_paths, tmp_path_factory):
    """Each sample's monitoring workbook, as the commune sends it up."""
    folder = tmp_path_factory.mktemp("sent")
    out = {}
    for s in SAMPLES:
        reg = reader.read_registry(sample_paths[s.slug])
        path, _ = workbook.write(reg, str(folder / f"{s.slug}.xlsx"), AS_OF, "so.xlsx")
        out[s.slug] = path
    return out


def expected_totals(sample_registries):
    """Each count from its own definition, computed from the registries themselves."""
    t = dict(raised=0, at_meeting=0, in_writing=0, resolved=0, satisfied=0, unsatisfied=0,
             not_asked=0, overdue=0, waiting=0, held=0)
    for reg in sample_registries.values():
        chains = {c.opinion_id: c for c in chain.build(reg, AS_OF)}
        for o in reg.opinions:
            if not o.opinion_id or o.duplicate_of or (o.received_date and
                                                      o.received_date > AS_OF):
                continue                    # a report as of AS_OF: not raised by then
            c = chains[o.opinion_id]
            t["raised"] += 1
            t["at_meeting"] += o.answered_at_meeting == "Có"
            t["in_writing"] += o.answered_at_meeting != "Có" and bool(o.reply_number or
                                                                    o.reply_date)
            t["resolved"] += bool(o.resolved_date)
            t["satisfied"] += o.satisfaction == "Hài lòng"
            t["unsatisfied"] += o.satisfaction == "Chưa hài lòng"
            t["not_asked"] += o.satisfaction not in ("Hài lòng", "Chưa hài lòng")
            t["overdue"] += c.overdue
            t["waiting"] += c.waiting
        t["held"] += sum(1 for p in reg.plans if p.plan_id and p.meeting_date
                         and p.meeting_date.year == 2026 and p.meeting_date <= AS_OF)
    return t


def total_row(path):
    ws = openpyxl.load_workbook(path)["Theo xã"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    total = next(r for r in rows if r[0] == "Tổng cộng")
    return dict(zip(head, total)), [r for r in rows[1:] if r[0] and r[0] != "Tổng cộng"
                                    and r[1]]


def test_five_samples_roll_up_to_the_sums_of_their_registries(sent, sample_registries, tmp_path):
    res = rollup.rollup(list(sent.values()), str(tmp_path / "ca-nuoc.xlsx"), all_provinces=True,
                        year=2026)
    assert [i.outcome for i in res.items] == [inputs.USED] * 5
    t = expected_totals(sample_registries)
    got, communes = total_row(res.workbook)
    assert len(communes) == 5
    assert (got["Ý kiến"], got["Trả lời tại hội nghị"], got["Trả lời bằng văn bản"],
            got["Đã giải quyết xong"], got["Hài lòng"], got["Chưa hài lòng"], got["Chưa hỏi"],
            got["Quá hạn (việc của cấp xã)"], got["Chờ cấp trên"], got["Số hội nghị trong năm"]) == \
        (t["raised"], t["at_meeting"], t["in_writing"], t["resolved"], t["satisfied"],
         t["unsatisfied"], t["not_asked"], t["overdue"], t["waiting"], t["held"])
    assert got["Hài lòng"] + got["Chưa hài lòng"] + got["Chưa hỏi"] == got["Ý kiến"]
    # Communes in Vietnamese order within each province ("Đ" after "D", not after "Z").
    names = [r[0] for r in communes if r[1] == "Thành phố Hải Phòng"]
    assert names == ["Phường Tứ Minh", "Xã Bắc Thanh Miện"]
    # The database beside it answers the same.
    con = duckdb.connect(res.database, read_only=True)
    assert con.execute("SELECT count(*) FROM opinions WHERE duplicate_of IS NULL").fetchone()[0] \
        == t["raised"]
    assert con.execute("SELECT count(*) FROM upward").fetchone()[0] == sum(
        1 for reg in sample_registries.values() for c in chain.build(reg, AS_OF)
        if c.counted and c.upward)
    con.close()
    # Sent-up opinions appear grouped by the superior they go to, and nothing else is there.
    wb = openpyxl.load_workbook(res.workbook)
    groups = list(wb["Kiến nghị cấp trên"].iter_rows(min_row=2, values_only=True))
    assert sum(r[2] for r in groups) == con_count(res.database, "upward")
    assert {r[0] for r in groups} >= {"Ủy ban nhân dân tỉnh Nghệ An",
                                      "Ủy ban nhân dân thành phố Hải Phòng"}


def con_count(db, table):
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_a_commune_sent_twice_counts_once(sent, sample_paths, tmp_path):
    reg = reader.read_registry(sample_paths["tu-minh"])
    older, _ = workbook.write(reg, str(tmp_path / "tu-minh-thang-10.xlsx"), dt.date(2026, 10, 1),
                              "so.xlsx")
    again = str(tmp_path / "tu-minh-gui-lai.xlsx")
    shutil.copy(sent["tu-minh"], again)
    res = rollup.rollup([sent["tu-minh"], older, again, sent["bac-thanh-mien"]],
                        str(tmp_path / "hp.xlsx"))
    outcome = {i.name: i for i in res.items}
    assert outcome["tu-minh-thang-10.xlsx"].outcome == inputs.SUPERSEDED
    assert "22/11/2026" in outcome["tu-minh-thang-10.xlsx"].reason
    assert sorted(i.outcome for i in res.items) == sorted(
        [inputs.USED, inputs.USED, inputs.SUPERSEDED, inputs.SUPERSEDED])
    got, communes = total_row(res.workbook)
    assert [r[0] for r in communes] == ["Phường Tứ Minh", "Xã Bắc Thanh Miện"]
    alone = rollup.rollup([sent["tu-minh"], sent["bac-thanh-mien"]], str(tmp_path / "hp2.xlsx"))
    assert total_row(alone.workbook)[0] == got


def test_communes_whose_names_differ_by_a_tone_are_two_communes(sent, sample_paths, tmp_path):
    """"Phường Tứ Minh" and "Phường Tử Minh" of one province are two communes: both used, never
    one superseded by the other; a province typed without accents still finds its communes;
    a commune typed without accents is the one it reads as, or set aside if it reads as two."""
    other = str(tmp_path / "tu-minh-khac.xlsx")
    shutil.copy(sent["tu-minh"], other)
    _identity(other, "Đơn vị", "Phường Tử Minh")
    res = rollup.rollup([sent["tu-minh"], other], str(tmp_path / "hp.xlsx"))
    assert [i.outcome for i in res.items] == [inputs.USED, inputs.USED]
    assert {r[0] for r in total_row(res.workbook)[1]} == {"Phường Tử Minh", "Phường Tứ Minh"}
    province = openpyxl.load_workbook(sent["tu-minh"])[workbook.IDENTITY_SHEET]
    name = next(r[1].value for r in province.iter_rows(min_row=2) if r[0].value ==
                "Tỉnh/Thành phố")
    plain = " ".join(vntext.unaccent(name).split())
    again = rollup.rollup([sent["tu-minh"]], str(tmp_path / "hp2.xlsx"), province=plain)
    assert [i.outcome for i in again.items] == [inputs.USED]
    # An older workbook of the same commune, its names typed without accents: counted once.
    reg = reader.read_registry(sample_paths["tu-minh"])
    older, _ = workbook.write(reg, str(tmp_path / "cu.xlsx"), dt.date(2026, 10, 1), "so.xlsx")
    _identity(older, "Đơn vị", "Phuong Tu Minh")
    _identity(older, "Tỉnh/Thành phố", plain)
    res = rollup.rollup([older, sent["tu-minh"]], str(tmp_path / "hp3.xlsx"))
    assert [i.outcome for i in res.items] == [inputs.SUPERSEDED, inputs.USED]
    # ... but beside "Phường Tứ Minh" and "Phường Tử Minh", which one is it? Set aside.
    res = rollup.rollup([older, sent["tu-minh"], other], str(tmp_path / "hp4.xlsx"))
    outcome = {i.name: i for i in res.items}
    assert outcome["cu.xlsx"].outcome == inputs.SET_ASIDE
    assert "gõ không dấu" in outcome["cu.xlsx"].reason and "Phường Tử Minh" in \
        outcome["cu.xlsx"].reason
    assert [outcome[n].outcome for n in ("tu-minh.xlsx", "tu-minh-khac.xlsx")] == \
        [inputs.USED, inputs.USED]


def _identity(path, key, value):
    wb = openpyxl.load_workbook(path)
    ws = wb[workbook.IDENTITY_SHEET]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
    wb.save(path)


def test_each_messy_input_ends_in_its_stated_outcome(sent, sample_paths, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    files = {}

    def put(name, src=None, data=None):
        path = str(d / name)
        if src:
            shutil.copy(src, path)
        else:
            with open(path, "wb") as fh:
                fh.write(data)
        files[name] = path
        return path
    put("tu-minh.xlsx", sent["tu-minh"])
    put("bac-thanh-mien.xlsx", sent["bac-thanh-mien"])
    _identity(put("phien-ban-cu.xlsx", sent["tu-minh"]), "Phiên bản định dạng", 1)
    put("tinh-khac.xlsx", sent["do-luong"])
    put("so-gui-nham.xlsx", sample_paths["tu-minh"])
    raw = open(sent["trung-hoi"], "rb").read()
    put("hong.xlsx", data=raw[: len(raw) // 2])
    put("co-mat-khau.xlsx", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    old = openpyxl.load_workbook(sent["quang-son"])
    del old[workbook.IDENTITY_SHEET]
    old.save(put("dang-cu.xlsx", sent["quang-son"]))
    (d / "ghi-chu.txt").write_text("không phải tệp Excel")
    res = rollup.rollup([str(d), str(d / "ghi-chu.txt")], str(tmp_path / "out.xlsx"),
                        province="Thành phố Hải Phòng")
    by = {i.name: i for i in res.items}
    assert len(res.items) == 9 and all(i.outcome in (inputs.USED, inputs.SUPERSEDED,
                                                     inputs.SET_ASIDE) for i in res.items)
    assert by["tu-minh.xlsx"].outcome == by["bac-thanh-mien.xlsx"].outcome == inputs.USED
    expect = {"phien-ban-cu.xlsx": "định dạng phiên bản 1",
              "tinh-khac.xlsx": "thuộc Tỉnh Nghệ An",
              "so-gui-nham.xlsx": "sổ theo dõi của xã",
              "hong.xlsx": "hỏng",
              "co-mat-khau.xlsx": "mật khẩu",
              "dang-cu.xlsx": "chưa có trang Nhận dạng",
              "ghi-chu.txt": "không phải dạng Excel"}
    for name, words in expect.items():
        assert by[name].outcome == inputs.SET_ASIDE and words in by[name].reason, by[name].line
    # The registry sent by mistake is named, and nothing of it reached the output.
    assert "Báo cáo theo dõi" in by["so-gui-nham.xlsx"].reason
    text = " ".join(str(v) for ws in openpyxl.load_workbook(res.workbook).worksheets
                    for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    reg = reader.read_registry(sample_paths["tu-minh"])
    assert not any(i.full_name and i.full_name in text for i in reg.invitees)
    assert not any(o.raised_by and o.raised_by in text for o in reg.opinions)


def test_no_personal_data_reaches_the_province(sent, tmp_path):
    """Even from a monitoring workbook edited by hand (or made by an older copy), the province
    masks phones, identity numbers, e-mails and house numbers again."""
    tampered = str(tmp_path / "sua-tay.xlsx")
    shutil.copy(sent["tu-minh"], tampered)
    wb = openpyxl.load_workbook(tampered)
    for name in ("Theo dõi ý kiến", "Kiến nghị cấp trên"):
        ws = wb[name]
        col = [c.value for c in ws[1]].index("Nội dung") + 1
        ws.cell(row=2, column=col).value = ("Gọi 0912 345 678 hoặc an.nguyen@gmail.com, CCCD "
                                            "001203004567, nhà số 12 ngõ 5 đường Lê Lợi")
    wb.save(tampered)
    res = rollup.rollup([tampered], str(tmp_path / "out.xlsx"))
    cells = [str(v) for ws in openpyxl.load_workbook(res.workbook).worksheets
             for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    con = duckdb.connect(res.database, read_only=True)
    cells += [r[0] for t in ("opinions", "upward")
              for r in con.execute(f"SELECT content FROM {t} WHERE content IS NOT NULL").fetchall()]
    con.close()
    assert any(privacy.PHONE_MASK in c for c in cells)
    for c in cells:
        assert not privacy.has_phone(c), c
        assert "0912 345 678" not in c and "@gmail.com" not in c and "001203004567" not in c
        assert "số 12 ngõ" not in c


def test_charts_reference_their_data_and_render(sent, tmp_path):
    res = rollup.rollup(list(sent.values()), str(tmp_path / "all.xlsx"), all_provinces=True)
    wb = openpyxl.load_workbook(res.workbook)
    ws = wb["Biểu đồ"]
    with zipfile.ZipFile(res.workbook) as z:
        charts = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")}
    assert len(charts) == 4
    for xml in charts.values():
        title = re.search(r"<a:t>([^<]+)</a:t>", xml).group(1)
        refs = re.findall(r"<f>'Biểu đồ'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)</f>", xml)
        cats = [r for r in refs if r[0] == r[2] == "R"]
        assert cats, title
        col, first, _, last = cats[0]
        labels = [ws[f"R{r}"].value for r in range(int(first), int(last) + 1)]
        assert all(labels) and ws[f"R{int(last) + 1}"].value is None, title  # exactly the rows
    quarters = [r[0] for r in wb["Theo quý"].iter_rows(min_row=2, values_only=True)]
    assert quarters and all(re.fullmatch(r"Quý [1-4]/20\d\d", q) for q in quarters)
    if shutil.which("soffice"):
        lo_convert.convert(res.workbook, tmp_path)
        text = subprocess.run(["pdftotext", str(tmp_path / "all.pdf"), "-"],
                              capture_output=True, text=True).stdout
        assert "Kiến nghị cấp trên theo nơi nhận" in text and "Ý kiến theo quý" in text


def test_cli_says_each_outcome_and_refuses_what_it_cannot_use(sent, sample_paths, tmp_path,
                                                               capsys):
    out = tmp_path / "ra"
    out.mkdir()
    assert cli.main(["rollup", sent["tu-minh"], sent["do-luong"], "--province",
                     "Thành phố Hải Phòng", "--out", str(out)]) == 1     # a file set aside
    text = capsys.readouterr().out
    assert "Chưa tính 1 tệp để riêng" in text
    assert "tu-minh.xlsx (Phường Tứ Minh, tính đến 22/11/2026): dùng" in text
    assert "do-luong.xlsx (Xã Đô Lương, tính đến 22/11/2026): để riêng — đơn vị thuộc Tỉnh Nghệ " \
           "An" in text
    assert len([f for f in os.listdir(out) if f.endswith(".xlsx")]) == 1
    assert len([f for f in os.listdir(out) if f.endswith(".duckdb")]) == 1
    alone = tmp_path / "mot"
    alone.mkdir()
    assert cli.main(["rollup", sent["tu-minh"], "--out", str(alone / "th.xlsx")]) == 0
    assert "Chưa tính" not in capsys.readouterr().out
    # Only a registry: nothing is written, exit 2; a missing input: exit 1.
    empty = tmp_path / "trong"
    empty.mkdir()
    assert cli.main(["rollup", sample_paths["tu-minh"], "--out", str(empty)]) == 2
    assert os.listdir(empty) == []
    assert "sổ theo dõi của xã" in capsys.readouterr().out
    assert cli.main(["rollup", str(tmp_path / "khong-co.xlsx")]) == 1


def test_the_province_button_rolls_up_the_open_workbooks_folder(sent, tmp_path):
    import jsonbook
    from doithoai import buttons
    folder = tmp_path / "nhan-tu-cac-xa"
    folder.mkdir()
    for slug in ("tu-minh", "bac-thanh-mien"):
        shutil.copy(sent[slug], folder / f"{slug}.xlsx")
    opened = str(folder / "tu-minh.xlsx")
    book = jsonbook.book(opened, name=opened)
    message = buttons.province_rollup(book, today=AS_OF)
    assert message.startswith("Đã tạo ") and "2 đơn vị của Thành phố Hải Phòng" in message
    made = sorted(os.listdir(folder))
    assert any(f.startswith("tong-hop-") and f.endswith(".xlsx") for f in made)
    assert any(f.endswith(".duckdb") for f in made)
    # Nothing is written into the open workbook: only the closing message.
    assert {a["func"] for a in book.json()["actions"]} <= {"alert", "setStatusBar"}
    # Pressed again: the earlier roll-up is set aside (not a commune's file), nothing replaced.
    again = buttons.province_rollup(jsonbook.book(opened, name=opened), today=AS_OF)
    assert "2 đơn vị" in again and len(os.listdir(folder)) == len(made) + 2
    # …under another name, saying why (the first one's name was taken)
    assert "đã có tệp" not in message and "đã có tệp tong-hop-" in again


def test_a_damaged_registry_sent_by_mistake_is_still_not_read(sample_paths, tmp_path):
    path = str(tmp_path / "so-doi-ten.xlsx")
    wb = openpyxl.load_workbook(sample_paths["tu-minh"])
    wb["Ý kiến"].title = "Y kien cu"
    wb.save(path)
    item = inputs.identify(path)
    assert item.outcome == inputs.SET_ASIDE and "sổ theo dõi của xã" in item.reason


def test_one_commune_named_three_ways_is_counted_once(sent, sample_paths, tmp_path):
    """Đô Lương's workbooks named it "Xã Đô Lương", "Đô Lương" and "Xã Đô Lương" with a
    zero-width space: the roll-up counted it three times. One commune, the newest used, and
    each other name said."""
    reg = reader.read_registry(sample_paths["do-luong"])
    files = []
    for n, (name, day) in enumerate([("Đô Lương", dt.date(2026, 9, 1)),
                                     ("Xã Đô\u200b Lương", dt.date(2026, 10, 1))]):
        path, _ = workbook.write(reg, str(tmp_path / f"dl{n}.xlsx"), day, "so.xlsx")
        _identity(path, "Đơn vị", name)
        files.append(path)
    res = rollup.rollup(files + [sent["do-luong"]], str(tmp_path / "na.xlsx"))
    assert [i.outcome for i in res.items] == [inputs.SUPERSEDED, inputs.SUPERSEDED,
                                              inputs.USED]
    _, communes = total_row(res.workbook)
    assert [r[0] for r in communes] == ["Xã Đô Lương"]
    lines = "\n".join(i.line for i in res.items)
    assert "\u200b" not in lines
    assert "tên \"Đô Lương\" được hiểu là Xã Đô Lương" in lines


@pytest.mark.parametrize("seed", range(6))
def test_one_province_typed_with_or_without_its_kind_word_is_one_province(
        sent, tmp_path, seed):
    """A fresh-eyes trial: one commune typed Tỉnh/Thành phố "Quảng Ninh", the others "Tỉnh
    Quảng Ninh", and the roll-up set the first aside as another province's (so did --province
    "Quảng Ninh" the others). The samples' workbooks, each given the province's name written at
    at random with or without its kind word, in any case, with or without accents: every one is
    used, under one name; a commune of another province is still set aside, saying what to do.
    """
    import random
    rng = random.Random(seed)
    files = []
    own = "Quảng Ninh"
    for slug, path in sent.items():
        name = rng.choice([own, f"Tỉnh {own}", f"tỉnh {own}", f"TỈNH {own.upper()}",
                           "Tinh Quang Ninh", "Quang Ninh"])
        copy = str(tmp_path / f"{slug}.xlsx")
        shutil.copy(path, copy)
        _identity(copy, "Tỉnh/Thành phố", name)
        files.append(copy)
    other = str(tmp_path / "other.xlsx")
    shutil.copy(files[0], other)
    _identity(other, "Tỉnh/Thành phố", "Tỉnh Cao Bằng")
    _identity(other, "Đơn vị", "Xã Thông Nông")
    given = rng.choice([None, own, f"Tỉnh {own}"])
    res = rollup.rollup(files + [other], str(tmp_path / "tinh.xlsx"), province=given)
    used = [i for i in res.items if i.outcome == inputs.USED]
    assert len(used) == len(files), [(i.name, i.outcome, i.reason) for i in res.items]
    assert len({i.province for i in used}) == 1
    refused = next(i for i in res.items if i.name == "other.xlsx")
    assert refused.outcome == inputs.SET_ASIDE and "sửa Tỉnh/Thành phố" in refused.reason


def test_a_workbook_that_names_citizens_is_said_so(sample_registries, sent, tmp_path):
    """A fresh-eyes trial: a commune whose Cấu hình says to name the people who raised opinions
    sent its monitoring workbook, names in it, and the roll-up used it without a word. It is
    still used (the roll-up keeps no name), and its line tells the officer to delete the file
    and ask for one without names; a workbook without names gets no such line."""
    import dataclasses
    reg = sample_registries["quang-son"]
    named = dataclasses.replace(reg, settings=dataclasses.replace(reg.settings,
                                                                 monitor_names="Có"))
    path, _ = workbook.write(named, str(tmp_path / "co-ten.xlsx"), AS_OF, "so.xlsx")
    res = rollup.rollup([path, sent["tu-minh"]], str(tmp_path / "tinh.xlsx"), all_provinces=True)
    lines = {i.name: i.line for i in res.items}
    assert [i.outcome for i in res.items] == [inputs.USED, inputs.USED]
    assert "ghi họ tên người nêu ý kiến" in lines["co-ten.xlsx"]
    assert "ghi họ tên" not in lines[os.path.basename(sent["tu-minh"])]


def test_a_commune_named_without_its_type_is_shown_with_it(sent, tmp_path):
    """A fresh-eyes trial: Theo xã listed "Cô Tô", "Tân Lập" and "Tân Lập" (a phường and a xã)
    as each clerk typed Tên đơn vị, their type only in Loại đơn vị. Each is shown with its type,
    as the documents name it, and the two Tân Lập are told apart."""
    files = []
    for n, (name, kind) in enumerate([("Tân Lập", "phường"), ("Tân Lập", "xã"),
                                      ("Cô Tô", "đặc khu"), ("Xã Đông Sơn", "xã")]):
        path = str(tmp_path / f"u{n}.xlsx")
        shutil.copy(sent["tu-minh"], path)
        _identity(path, "Đơn vị", name)
        _identity(path, "Loại đơn vị", kind)
        files.append(path)
    res = rollup.rollup(files, str(tmp_path / "tinh.xlsx"))
    assert [i.outcome for i in res.items] == [inputs.USED] * 4
    _, communes = total_row(res.workbook)
    assert sorted(r[0] for r in communes) == ["Phường Tân Lập", "Xã Tân Lập", "Xã Đông Sơn",
                                              "Đặc khu Cô Tô"]


def test_a_year_end_report_made_in_january_is_of_the_year_before(sample_registries, tmp_path):
    """A fresh-eyes trial: workbooks made on 11/01/2027, the usual year-end report, rolled up
    with no --year, were titled "năm 2027" and listed every commune as holding no conference
    in 2027. With no year given, the year is the latest a conference was held in."""
    files = []
    for slug in ("tu-minh", "do-luong"):
        path, _ = workbook.write(sample_registries[slug], str(tmp_path / f"{slug}.xlsx"),
                                 dt.date(2027, 1, 11), "so.xlsx")
        files.append(path)
    res = rollup.rollup(files, str(tmp_path / "tinh.xlsx"), all_provinces=True)
    assert res.year == 2026
    intro = [r[0] for r in openpyxl.load_workbook(res.workbook)["Giới thiệu"].iter_rows(
        values_only=True) if r and r[0]]
    assert any(str(line).endswith("năm 2026") for line in intro), intro
    assert any("chưa tổ chức hội nghị năm 2026: 0" in str(line) for line in intro), intro
    given = rollup.rollup(files, str(tmp_path / "tinh-2025.xlsx"), all_provinces=True,
                          year=2025)
    assert given.year == 2025


@pytest.mark.parametrize("seed", range(5))
def test_each_workbook_not_counted_names_the_one_that_is(sample_registries, tmp_path, seed):
    """A fresh-eyes trial: an older workbook said "đã dùng bản mới hơn X" of an X that was
    itself replaced, and a copy sent twice was called an older version. One commune's
    workbooks of several dates, some sent twice (a copy), in an order drawn at random: every
    one not counted names the one counted; a copy says it is the same report."""
    import random
    rng = random.Random(seed)
    reg = sample_registries["tu-minh"]
    files = []
    for n, day in enumerate(rng.sample(range(1, 28), rng.randint(2, 4))):
        path, _ = workbook.write(reg, str(tmp_path / f"v{n}.xlsx"),
                                 dt.date(2026, 11, day), "so.xlsx")
        files.append(path)
        if rng.random() < 0.6:
            copy = str(tmp_path / f"v{n} (1).xlsx")
            shutil.copy(path, copy)
            files.append(copy)
    rng.shuffle(files)
    res = rollup.rollup(files, str(tmp_path / "tinh.xlsx"))
    used = [i for i in res.items if i.outcome == inputs.USED]
    assert len(used) == 1
    for i in res.items:
        if i.outcome == inputs.SUPERSEDED:
            assert used[0].name in i.reason, (i.name, i.reason, used[0].name)
            same = i.as_of == used[0].as_of
            assert ("cùng một báo cáo" in i.reason) == same, (i.name, i.reason)
