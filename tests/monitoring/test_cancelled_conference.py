"""A cancelled conference in what the party office and the province read: counted as
cancelled, never as held nor as still to come.

Registries from the corpus generator (tests/corpus), saved as a clerk holds them, the plan's
Trạng thái then typed "Đã hủy"; through `doithoai monitor --as-of`, `doithoai rollup`,
`doithoai summary`, `doithoai carry-over` as the clerk and the province run them; the saved
workbooks read back with openpyxl, the printed lines as printed. The control is the same
registry not cancelled.
"""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli
from doithoai.registry import schema

SEEDS = range(4)


def _cancelled(case, path: str, status: str = schema.CANCELLED_STATUS) -> str:
    saved(case, path)
    wb = openpyxl.load_workbook(path)
    wb[schema.PLANS.name].cell(2, schema.PLANS.keys.index("status") + 1).value = status
    wb.save(path)
    return path


def _monitor(path: str, day: dt.date, out: str):
    assert cli.main(["monitor", path, "--as-of", day.isoformat(), "--out", out]) == 0
    return openpyxl.load_workbook(out)


def _conferences_line(wb) -> str:
    return next(str(c.value) for row in wb["Giới thiệu"].iter_rows() for c in row
                if str(c.value or "").startswith("Hội nghị: "))


def _meeting_row(wb) -> dict:
    rows = list(wb["Hội nghị"].iter_rows(values_only=True))
    return dict(zip(rows[0], rows[1]))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_monitoring_workbook_counts_a_cancelled_conference_as_cancelled(seed, tmp_path,
                                                                            capsys):
    case = make_case(seed)
    day = case.meeting + dt.timedelta(days=30)
    held = _monitor(saved(case, str(tmp_path / "so.xlsx")), day, str(tmp_path / "td.xlsx"))
    off = _monitor(_cancelled(case, str(tmp_path / "huy.xlsx")), day, str(tmp_path / "th.xlsx"))
    capsys.readouterr()
    assert _conferences_line(held).startswith("Hội nghị: 1 đã tổ chức, 0 chưa tổ chức, 0 đã hủy")
    assert _conferences_line(off).startswith("Hội nghị: 0 đã tổ chức, 0 chưa tổ chức, 1 đã hủy")
    row = _meeting_row(off)
    assert row["Trạng thái"] == schema.CANCELLED_STATUS
    assert row["Đại biểu được mời"] == _meeting_row(held)["Đại biểu được mời"]
    assert [row[h] for h in ("Có mặt", "Vắng", "Chưa ghi tham dự")] == [None] * 3
    assert _meeting_row(held)["Có mặt"] is not None          # the control records attendance
    # the opinions citizens sent are still followed, one row each, with no day of a meeting
    detail = list(off["Theo dõi ý kiến"].iter_rows(values_only=True))
    assert len(detail) == held["Theo dõi ý kiến"].max_row > 1
    day_col = detail[0].index("Ngày hội nghị")
    assert {r[day_col] for r in detail[1:]} == {None}
    assert {r[day_col] for r in list(held["Theo dõi ý kiến"].iter_rows(values_only=True))[1:]} \
        != {None}
    labels = [c.value for row in off["Tổng hợp"].iter_rows() for c in row if c.value]
    assert f"{_meeting_row(off)['Mã KH']} (đã hủy)" in labels, labels


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_the_province_counts_it_as_cancelled_not_held(seed, tmp_path, capsys):
    case = make_case(seed)
    day = case.meeting + dt.timedelta(days=30)
    sent = {}
    for name, path in (("to-chuc", saved(case, str(tmp_path / "so.xlsx"))),
                       ("huy", _cancelled(case, str(tmp_path / "huy.xlsx")))):
        _monitor(path, day, str(tmp_path / f"td-{name}.xlsx"))
        out = tmp_path / f"tinh-{name}.xlsx"
        assert cli.main(["rollup", str(tmp_path / f"td-{name}.xlsx"), "--out", str(out),
                         "--year", str(case.meeting.year)]) == 0
        rows = list(openpyxl.load_workbook(out)["Theo xã"].iter_rows(values_only=True))
        sent[name] = dict(zip(rows[0], rows[1]))
        intro = " ".join(str(c.value) for r in openpyxl.load_workbook(out)["Giới thiệu"]
                         .iter_rows() for c in r if c.value)
        sent[name]["intro"] = intro
    capsys.readouterr()
    assert (sent["to-chuc"]["Số hội nghị trong năm"], sent["to-chuc"]["Hội nghị đã hủy"]) == (1, 0)
    assert (sent["huy"]["Số hội nghị trong năm"], sent["huy"]["Hội nghị đã hủy"]) == (0, 1)
    assert sent["huy"]["Ngày hội nghị"] in ("", None)
    assert f"chưa tổ chức hội nghị năm {case.meeting.year}: 1" in sent["huy"]["intro"]
    assert "hội nghị đã hủy trong năm (không tính là đã tổ chức): 1" in sent["huy"]["intro"]
    assert sent["huy"]["Ý kiến"] == sent["to-chuc"]["Ý kiến"]        # still owed answers


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_summary_and_carry_over_say_it(seed, tmp_path, capsys):
    case = make_case(seed)
    path = _cancelled(case, str(tmp_path / "so.xlsx"))
    plan = case.rows()["plans"][0]["plan_id"]
    cli.main(["summary", path])
    said = capsys.readouterr().out
    assert f"{plan}: hội nghị" in said and "Đã hủy (hội nghị không tổ chức" in said, said
    cli.main(["summary", path, "--json"])
    per_plan = json.loads(capsys.readouterr().out)["per_plan"]
    assert per_plan[0]["cancelled"] is True
    code = cli.main(["carry-over", "--plan", plan, "--link", path])
    said = capsys.readouterr()
    status = chr(ord("A") + schema.PLANS.keys.index("status"))
    assert code == 1 and "Traceback" not in said.out + said.err
    words = said.out + said.err
    for part in ("trang Kế hoạch, dòng 2", "cột Trạng thái", f"ô {status}2", "Đã hủy"):
        assert part in words, (part, words)


def _with_next_plan(path: str, days: int) -> str:
    """A second plan, the next conference ``days`` after the first, typed below it."""
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.PLANS.name]
    keys = schema.PLANS.keys
    first = [c.value for c in ws[2]]
    nxt = list(first)
    nxt[keys.index("plan_id")] = "KH-TIEP-01"
    nxt[keys.index("meeting_date")] = first[keys.index("meeting_date")] + dt.timedelta(days=days)
    for key in ("weekday", "number_symbol"):
        nxt[keys.index(key)] = None
    nxt[keys.index("status")] = "Dự thảo"
    for n, value in enumerate(nxt, start=1):
        ws.cell(3, n).value = value
    wb.save(path)
    return path


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_the_next_conference_takes_up_a_cancelled_ones_opinions(seed, tmp_path, capsys):
    """Carry-over before the cancelled conference's own day: its opinions, never to be taken
    up there, are the next conference's; the control (not cancelled, its day not come) has
    none to carry yet."""
    case = make_case(seed)
    today = (case.meeting - dt.timedelta(days=5)).isoformat()
    counts = {}
    for name, status in (("huy", schema.CANCELLED_STATUS), ("chua", "Đã ban hành")):
        path = _with_next_plan(_cancelled(case, str(tmp_path / f"{name}.xlsx"), status), 60)
        assert cli.main(["carry-over", "--plan", "KH-TIEP-01", "--today", today, path]) == 0
        said = capsys.readouterr().out
        counts[name] = int(next(line for line in said.splitlines()
                                if "ý kiến của các hội nghị trước" in line).split()[0])
    assert counts["chua"] == 0
    assert counts["huy"] > 0



def _opinion_rows(path: str) -> dict[str, dict]:
    ws = openpyxl.load_workbook(path)[schema.OPINIONS.name]
    return {r[0]: dict(zip(schema.OPINIONS.keys, r))
            for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


def test_no_contact_is_forgotten_by_the_day_of_a_conference_that_never_met(sample_copy,
                                                                            tmp_path, capsys):
    """`privacy --forget-contacts` counts a contact's keeping time from the day its opinion
    was settled; one typed "Đã trả lời tại hội nghị" with no Ngày giải quyết xong counts from
    the conference's day. A cancelled conference answered no one: those phone numbers stay
    (validation says the row contradicts the plan). The control, the conference held: some
    of them go, their time being over. Tứ Minh's sample, as the clerk runs the command."""
    from xlsx_edit import edit
    kept = {}
    for name, status in (("huy", schema.CANCELLED_STATUS), ("hop", "Đã kết luận")):
        path = sample_copy("tu-minh")
        edit(path, [("plans", "status", 2, status)])
        spoken = {oid for oid, r in _opinion_rows(path).items()
                  if r["status"] == schema.SETTLED_AT_MEETING and not r["resolved_date"]
                  and r["phone"]}
        out = str(tmp_path / f"{name}-quen.xlsx")
        assert cli.main(["privacy", path, "--forget-contacts", "--out", out, "--today",
                         "2028-12-31"]) == 0
        capsys.readouterr()
        after = _opinion_rows(out)
        kept[name] = (spoken, {oid for oid in spoken if after[oid]["phone"]})
    spoken, left = kept["huy"]
    assert spoken and left == spoken
    spoken, left = kept["hop"]
    assert left < spoken
