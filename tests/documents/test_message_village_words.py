"""What the commands tell the clerk names the villages and their heads in the commune's own
words, as its documents do. A fresh-eyes trial (Xã Mường Phăng, whose villages are "Bản …"):
the notice of a conclusion issued late said "gửi trưởng thôn" where every document said
"trưởng bản". Generated communes (tests/corpus), their villages renamed to the kinds communes
use (bản, xóm, ấp, buôn, làng; a phường's tổ dân phố, a đặc khu's khu): the late-issue notice,
the plan's steps already past, `deadlines --json` and `validate` say the plan's word."""
import datetime as dt
import glob
import json
import random
import re

import pytest

from corpus.registries import lookups_of, make_case
from doithoai import cli
from doithoai.registry import schema
from doithoai.text import vnformat

LOCAL = ("Bản", "Xóm", "Ấp", "Buôn", "Làng")


def _renamed(case, word: str):
    """The case with its "Thôn …" villages called ``word`` everywhere they were typed."""
    def swap(value):
        if not isinstance(value, str):
            return value
        return re.sub(r"\b[Tt]hôn(?= )", lambda m: word if m.group(0)[0] == "T"
                      else word.lower(), value)
    for rows in (case.plan, *case.invitees, *case.opinions):
        for key in list(rows):
            rows[key] = swap(rows[key])
    case.truth.villages = [swap(v) for v in case.truth.villages]
    return case


def _case(seed: int):
    """A generated case; a xã's villages renamed to a local kind; the head the documents say."""
    case = make_case(seed)
    case.plan["expected_delegates"] = case.plan["expected_delegates"] or 90
    case.plan.update(number_symbol=None, issue_date=None, status="Dự thảo")   # still drafted
    unit = case.settings["unit_type"]
    if unit == "xã":
        word = random.Random(seed).choice(LOCAL)
        _renamed(case, word)
        return case, f"trưởng {word.lower()}", word.lower()
    return case, {"phường": "tổ trưởng tổ dân phố", "đặc khu": "trưởng khu"}[unit], \
        {"phường": "tổ dân phố", "đặc khu": "khu"}[unit]


def saved(case, path: str) -> str:
    from doithoai.files import atomic, blank
    atomic.save_atomic(blank.build_workbook(
        settings=case.settings, lookups=lookups_of(case.settings["unit_type"]),
        rows=case.rows()), path)
    return path


def _general_words(text: str) -> list[str]:
    """The general words where the commune has its own: "trưởng thôn", "thôn, tổ dân phố"."""
    return re.findall(r"(?i)trưởng thôn\b|\bthôn, tổ dân phố", text)


@pytest.mark.parametrize("seed", range(10))
def test_the_clerks_messages_say_the_communes_village_word(seed, tmp_path, capsys):
    case, head, word = _case(seed)
    path = saved(case, str(tmp_path / "so.xlsx"))
    # the plan made on the day the notice to villages was due: steps past, said in its words
    notice_due = case.meeting - dt.timedelta(days=5)
    cli.main(["generate", path, "--docs", "KH", "--out", str(tmp_path / "kh"), "--today",
              notice_due.isoformat()])
    said = capsys.readouterr().out
    past = [ln for ln in said.splitlines() if "việc có hạn đã qua" in ln]
    assert past and not _general_words(past[0]), said
    assert f"tới các {word}" in past[0] or f"tới {word}" in past[0], past[0]
    # the conclusion notice issued past the publication of the results: late, in its words
    cli.main(["deadlines", path, "--json", "--today", case.meeting.isoformat()])
    shown = json.loads(capsys.readouterr().out)
    posted = next(dt.date.fromisoformat(m["due"]) for m in shown["milestones"]
                  if m["code"] == "CONG_KHAI_KET_QUA")
    tasks = " ".join(m["task"] + " " + m["unit"] for m in shown["milestones"])
    assert f"gửi {head}" in tasks and not _general_words(tasks)
    late = posted + dt.timedelta(days=random.Random(seed).randint(1, 6))
    cli.main(["generate", path, "--docs", "TBKL", "--issue", "--out", str(tmp_path / "vb"),
              "--today", late.isoformat()])
    said = capsys.readouterr().out
    told = [ln for ln in said.splitlines() if "sau hạn bắt buộc" in ln]
    assert told and all(f"gửi {head})" in ln for ln in told), said
    assert not _general_words(" ".join(told))
    [copy] = glob.glob(str(tmp_path / "*cap so*.xlsx"))
    cli.main(["validate", copy, "--json", "--today", late.isoformat()])
    issues = json.loads(capsys.readouterr().out)["issues"]
    missed = [i for i in issues if i["code"] == "deadline-missed-mandatory"]
    assert missed and all(f"gửi {head}" in i["message"] for i in missed), missed


def test_the_helper_the_documents_use_says_each_kind():
    """The words the messages reuse (vnformat.with_village_words over the plan's kinds), for a
    rule's task: each kind its head."""
    task = next(r["task"] for r in schema.DEFAULT_RULES if r["code"] == "CONG_KHAI_KET_QUA")
    for word in LOCAL:
        kinds = vnformat.unit_village_kinds([f"{word} Phăng 1", f"{word} Khá"], "xã")
        assert vnformat.with_village_words(task, kinds).endswith(f"gửi trưởng {word.lower()}")
