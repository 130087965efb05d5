"""A text read over the loudspeaker (TTTT) says every number, date and year in words. A
fresh-eyes trial (Xã Mường Phăng, 2027): the April bulletin read "năm hai nghìn không trăm hai
mươi sáu", the October one "tháng 4/2027" and "2027-2028": a figure touching "/" or "-" was left
as typed. Held on generated texts (dates, months of a year, days of a month, ranges of years,
shares, decimals, thousands, times, legal numbers, phone numbers) and on generated communes'
bulletins (tests/corpus), read back from the file."""
import datetime as dt
import os
import random
import re

import pytest

import conformance
from corpus.registries import lookups_of, make_case
from doithoai import cli
from doithoai.text import spoken


def _phrase(rng: random.Random) -> tuple[str, list[str]]:
    """A phrase a clerk types into a plan's Nội dung, and words its reading must hold."""
    day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
    year = rng.randint(2020, 2035)
    month = rng.randint(1, 12)
    n, m = rng.randint(0, 999), rng.randint(1000, 99_999_999)
    kind = rng.randrange(11)
    if kind == 0:
        return f"hội nghị ngày {day.day}/{day.month}/{day.year}", [
            f"tháng {spoken.MONTHS[day.month - 1]} năm {spoken.number(day.year)}"]
    if kind == 1:
        return f"kiến nghị tại hội nghị tháng {month}/{year}", [
            f"tháng {spoken.MONTHS[month - 1]} năm {spoken.number(year)}"]
    if kind == 2:
        return f"mùa khô {year}-{year + 1}", [
            f"{spoken.number(year)} đến {spoken.number(year + 1)}"]
    if kind == 3:
        return f"trước ngày {day:%d/%m}", [f"tháng {spoken.MONTHS[day.month - 1]}"]
    if kind == 4:
        return f"trích {n % 100}% quỹ bản", [f"{spoken.number(n % 100)} phần trăm"]
    if kind == 5:
        return f"diện tích {n},{rng.randint(1, 9)} ha", [f"{spoken.number(n)} phẩy"]
    if kind == 6:
        return f"chi trả {m:,} đồng".replace(",", "."), [spoken.number(m)]
    if kind == 7:
        return f"từ {rng.randint(6, 17)}h{rng.choice(('00', '30', '15'))}", [" giờ"]
    if kind == 8:
        return f"theo Nghị định {n}/{year}/NĐ-CP", [f"số {spoken.number(n)} năm"]
    if kind == 9:
        return f"họp ngày {day.isoformat()}", [f"năm {spoken.number(day.year)}"]
    return f"{n} hộ ở {m % 7 + 2} - {m % 7 + 5} bản", [spoken.number(n)]


def _figures_left(text: str) -> list[str]:
    """Figures a reader would see, phone numbers (read digit by digit) apart."""
    text = re.sub(r"(?<!\d)0\d(?:[ .]?\d){8,9}(?!\d)", "", text)
    return re.findall(r"\d+", text)


@pytest.mark.parametrize("seed", range(40))
def test_every_figure_of_a_typed_text_is_read_in_words(seed):
    rng = random.Random(seed)
    parts = [_phrase(rng) for _ in range(rng.randint(1, 5))]
    typed = "; ".join(p for p, _ in parts) + ", liên hệ 0912 345 678."
    said = spoken.aloud(typed)
    assert _figures_left(said) == [], (typed, said)
    for _, words in parts:
        for w in words:
            assert w in said, (typed, said, w)
    assert "0912 345 678" in said               # read digit by digit, as typed


@pytest.mark.parametrize("n,words", [
    (0, "không"), (21, "hai mươi mốt"), (105, "một trăm linh năm"), (2026, "hai nghìn không "
     "trăm hai mươi sáu"), (1_200_000, "một triệu hai trăm nghìn"),
    (1_000_005, "một triệu không trăm linh năm"), (30_000_000_000, "ba mươi tỷ")])
def test_large_numbers(n, words):
    assert spoken.number(n) == words


@pytest.mark.parametrize("seed", range(8))
def test_a_generated_communes_bulletin_has_no_figure(seed, tmp_path, capsys):
    """A generated commune's plan whose content, venue and scope carry figures of every form:
    its TTTT holds none (but the contact's phone) and passes the bulletin's checks."""
    from doithoai.files import atomic, blank
    rng = random.Random(seed)
    case = make_case(seed)
    case.plan["content"] = "Đối thoại về " + "; ".join(_phrase(rng)[0] for _ in range(4)) + "."
    case.plan["venue"] = f"Nhà văn hóa số {rng.randint(1, 30)}, {case.plan['venue']}"
    path = str(tmp_path / "so.xlsx")
    atomic.save_atomic(blank.build_workbook(
        settings=case.settings, lookups=lookups_of(case.settings["unit_type"]),
        rows=case.rows()), path)
    cli.main(["generate", path, "--docs", "TTTT", "--out", str(tmp_path / "vb"), "--today",
              (case.meeting - dt.timedelta(days=10)).isoformat()])
    capsys.readouterr()
    [tttt] = [os.path.join(r, f) for r, _, fs in os.walk(tmp_path / "vb") for f in fs]
    text = open(tttt, encoding="utf-8").read()
    assert _figures_left(text.replace(case.settings["contact_phone"], "")) == [], text
    assert conformance.check(tttt, "TTTT", case.party) == []
