"""Each property of the corpus fails on a build with a fault planted in it.

A property that holds on the corpus proves something only if it can fail: here each one is run
on a deliberately broken build (a function of the product replaced by a wrong one, or the
rendered document altered as a bug would alter it) and must report the fault within a few
generated registries.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from corpus import properties, run
from doithoai.documents import engine

SEEDS = range(40)


def first_violation(name: str, tmp_path) -> str | None:
    for seed in SEEDS:
        for r in run.runs_of(seed, str(tmp_path / str(seed))):
            found = properties.PROPERTIES[name](r)
            if found:
                return f"seed {seed}: {found[0]}"
    return None


def alter_rendered(monkeypatch, change) -> None:
    """A build whose rendering passes each document's XML through ``change``."""
    original = engine.render

    def render(compiled, ctx):
        return change(original(compiled, ctx))
    monkeypatch.setattr(engine, "render", render)


def test_planted_year(monkeypatch, tmp_path):
    """Date lines printed with another year (the old bug printed the computer's)."""
    alter_rendered(monkeypatch, lambda xml: re.sub(
        r"(tháng[^<]{0,12}năm )(\d{4})", lambda m: m.group(1) + str(int(m.group(2)) + 4), xml))
    assert first_violation("date-line-year", tmp_path)


def test_planted_weekday(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: xml.replace("thứ Sáu, ngày", "thứ Bảy, ngày")
                   .replace("thứ Hai, ngày", "thứ Ba, ngày").replace("thứ Tư, ngày", "thứ Năm, ngày"))
    assert first_violation("weekday", tmp_path)


def test_planted_early_deadline(monkeypatch, tmp_path):
    """Reply deadlines two months early, as a preparation milestone would be."""
    from doithoai.rules import deadlines
    compute = deadlines.compute

    def early(*args, **kwargs):
        report = compute(*args, **kwargs)
        report.reply_due = {k: d - dt.timedelta(days=60) for k, d in report.reply_due.items()}
        return report
    monkeypatch.setattr(deadlines, "compute", early)
    assert first_violation("deadline", tmp_path)


def test_planted_superior_deadline(monkeypatch, tmp_path):
    """A build that treats every superior as the commune's own unit gives them deadlines."""
    from doithoai.rules import agencies
    monkeypatch.setattr(agencies, "sent_up", lambda *a, **k: False)
    assert first_violation("deadline", tmp_path)


def test_planted_attendance(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: re.sub(
        r"(có mặt:? ?)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), xml))
    assert first_violation("attendance", tmp_path)


def test_planted_lost_opinion(monkeypatch, tmp_path):
    """Documents that leave one opinion out of their counts."""
    from doithoai.documents.context.common import BaseBuilder
    raised = BaseBuilder.raised
    monkeypatch.setattr(BaseBuilder, "raised", lambda self: raised(self)[:-1])
    assert first_violation("opinion-count", tmp_path)


def test_planted_monitoring(monkeypatch, tmp_path):
    """A monitoring workbook that loses the last opinion of the registry."""
    from doithoai.monitoring import chain
    build = chain.build
    monkeypatch.setattr(chain, "build", lambda *a, **k: build(*a, **k)[:-1])
    assert first_violation("monitoring-figures", tmp_path)


def test_planted_stray_spaces(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: xml.replace("Ông ", "Ông  "))
    assert first_violation("stray-spaces", tmp_path)


@pytest.mark.parametrize("name", ["unique-file-name", "listed-spelling", "identifier-posted"])
def test_planted_properties_exist(name):
    assert name in properties.PROPERTIES
