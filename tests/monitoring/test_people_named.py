"""A monitoring report that names citizens counts each citizen once, however the clerk typed
the name on each of their opinions ("Bà Nguyễn Thị Hà", "nguyễn thị hà 😊"), and the command
and the button count alike: the number goes into the privacy line the command prints and into
Nhật ký's "Số người nêu tên" when the button makes the report.

The button counted (name as typed, village): a citizen with two opinions, the form of address
typed on one only, was two people in Nhật ký and one in the command's line. Registries from
the corpus generator (tests/corpus), the names shown (Cấu hình), each named citizen's opinions
retyped with a form of address or an emoji drawn from a seed; read back from what the clerk
sees: the command's printed line and the Nhật ký row the button writes (xlwings' JSON book).
"""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

import jsonbook
from corpus.registries import make_case
from jsonbook import actions, sheet_names
from doithoai import buttons, cli
from doithoai.files import atomic, blank
from doithoai.registry import schema

AS_OF = dt.date(2045, 1, 1)                  # after every date the corpus registries hold
FORMS = ("Ông", "Bà", "Anh", "Chị", "Đ/c", "Đồng chí")
PASTED = ("", "", " 😊", " 🙏", " :)", "✅")
PERSONS = [c.key for c in schema.LOG.columns].index("persons")


def _typed(rng: random.Random, meant: str) -> str:
    """``meant`` ("Bà Vũ Thị Hạ") as a hurried clerk types it again."""
    form, name = meant.split(" ", 1)
    return rng.choice((name, f"{form.lower()}. {name}", f"{form.upper()} {name}",
                       f"{rng.choice(FORMS)} {name}")) + rng.choice(PASTED)


def _registry(seed: int, path: str, retyped: bool) -> None:
    """The case's registry with citizens' names shown in the report, each named citizen
    raising a second matter at the meeting; ``retyped``: that second opinion's citizen typed
    otherwise (a form of address, an emoji), drawn from the seed."""
    case = make_case(seed)
    rng = random.Random(seed)
    rows = case.rows()
    year = re.search(r"\d{4}", rows["opinions"][0]["opinion_id"]).group()
    for n, o in enumerate(list(rows["opinions"]), start=1):
        meant = case.truth.meant_person.get(o["opinion_id"])
        if meant:
            o["raised_by"] = meant
            rows["opinions"].append(dict(
                o, opinion_id=f"YK-{year}-{900 + n}", duplicate_of=None,
                content=f"Đề nghị xem xét thêm việc thứ {n} của thôn.",
                raised_by=_typed(rng, meant) if retyped else meant))
    settings = dict(case.settings, monitor_names=schema.YES)
    atomic.save_atomic(blank.build_workbook(settings=settings, rows=rows), path)


def _command_count(path: str, out: str, capsys) -> int:
    capsys.readouterr()
    assert cli.main(["monitor", path, "--as-of", AS_OF.isoformat(), "--out", out]) == 0
    said = capsys.readouterr().out
    return int(re.search(r"nêu tên (\d+) người", said).group(1))


def _button_count(path: str) -> int:
    book = jsonbook.book(path, name=path)
    assert buttons.monitor_report(book, as_of=AS_OF).startswith("Đã tạo báo cáo theo dõi")
    log = [a for a in actions(book, "setValues")
           if sheet_names(path)[a["sheet_position"]] == schema.LOG.name]
    return log[0]["values"][0][PERSONS]


@pytest.mark.parametrize("seed", range(4))
def test_each_citizen_is_counted_once_by_the_command_and_the_button(seed, tmp_path, capsys):
    plain, typed = str(tmp_path / "a" / "so.xlsx"), str(tmp_path / "b" / "so.xlsx")
    for path, retyped in ((plain, False), (typed, True)):
        (tmp_path / ("b" if retyped else "a")).mkdir()
        _registry(seed, path, retyped)
    truth = _command_count(plain, str(tmp_path / "a.xlsx"), capsys)
    assert truth > 0
    assert _command_count(typed, str(tmp_path / "b.xlsx"), capsys) == truth
    assert _button_count(typed) == truth


def test_the_property_fails_when_the_button_counts_names_as_typed(tmp_path, capsys,
                                                                   monkeypatch):
    """Planted: the button's old count, one per name as typed and village."""
    from doithoai.monitoring import chain
    monkeypatch.setattr(chain, "people_named",
                        lambda chains: len({(c.person, c.village) for c in chains if c.person}))
    with pytest.raises(AssertionError):
        test_each_citizen_is_counted_once_by_the_command_and_the_button(0, tmp_path, capsys)
