"""The documents call the plan's villages, and their heads, what the villages' own names say:
"Xóm 1" and "Khối Yên Sơn" make "Trưởng xóm, Trưởng khối", a phường's "TDP Cẩm Khê A" makes
"tổ trưởng tổ dân phố" (Thông tư 04/2012/TT-BNV, Điều 2: thôn and tổ dân phố are the general
terms). Only the printed words change: the values, and the fingerprints of issued documents
made from them, stay as before, so an upgrade makes no issued document look changed."""
import glob
import random
import re

import pytest
from docx import Document

from doithoai import cli
from doithoai.documents.context.fields import Context
from doithoai.text import vnformat
from xlsx_edit import edit

# What a village's name begins with → the kind the documents print.
PREFIXES = {"Xóm": "xóm", "Khối": "khối", "Bản": "bản", "Ấp": "ấp", "Thôn": "thôn",
            "TDP": "tổ dân phố", "Tổ dân phố": "tổ dân phố", "Khu phố": "khu phố",
            "Làng": "làng", "Buôn": "buôn", "Khóm": "khóm"}
NAMES = ("1", "2", "3", "7", "Yên Sơn", "Đông", "Tân Lập", "Hòa Phát", "Nà Làng", "Bắc")


def head(kind: str) -> str:
    return "Tổ trưởng tổ dân phố" if kind == "tổ dân phố" else f"Trưởng {kind}"


def text_of(path) -> str:
    doc = Document(path)
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables
                                                        for r in t.rows for c in r.cells]
                     ).replace(vnformat.NBSP, " ")


def villages_of(rng: random.Random) -> list[tuple[str, str]]:
    """(kind word, village) of a plan: one to three kinds, one or more villages of each."""
    prefixes = rng.sample(sorted(PREFIXES), rng.randint(1, 3))
    names = rng.sample(NAMES, len(prefixes) + rng.randint(0, 2))
    return [(prefixes[i % len(prefixes)], f"{prefixes[i % len(prefixes)]} {n}")
            for i, n in enumerate(names)]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@pytest.mark.parametrize("seed", range(5))
def test_documents_name_the_villages_and_their_heads_as_the_villages_do(
        sample_copy, tmp_path, seed):
    plan = villages_of(random.Random(seed))
    villages = [v for _, v in plan]
    kinds = list(dict.fromkeys(PREFIXES[p] for p, _ in plan))
    path = sample_copy("quang-son")
    edit(path, [("plans", "scope", 2, "; ".join(villages))])
    out = tmp_path / "vb"
    assert cli.main(["generate", path, "--plan", "KH-2026-01", "--docs", "KH,TB,PDK",
                     "--out", str(out), "--today", "2026-05-04"]) in (0, 1)
    folder = out / "KH-2026-01"
    tb, kh = text_of(folder / "TB.docx"), text_of(folder / "KH.docx")
    words, heads = ", ".join(kinds), ", ".join(map(head, kinds))
    assert f"Đề nghị {heads} và Đài truyền thanh" in tb, villages
    assert f"Ban công tác Mặt trận ở {words}, hoặc" in tb, villages
    for text in (tb, kh):
        assert f"- {heads};" in text.splitlines(), villages           # Nơi nhận
    # every village is meant: "các ấp" (fresh-eyes trial: "Ủy ban MTTQ, ấp" read as one)
    assert f"Ủy ban MTTQ, các {words}: phát phiếu hỏi" in kh, villages
    assert f"truyền thanh và tới các {words} (hạn" in kh, villages
    assert f"gửi {', '.join(map(lower_first, map(head, kinds)))} (hạn" in kh, villages
    assert re.search(rf"\n\d+\. {re.escape(words[:1].upper() + words[1:])} nơi tổ chức: chuẩn",
                     kh), villages
    forms = sorted(glob.glob(str(folder / "PDK_*.docx")))
    assert len(forms) == len(villages)
    said = {m.group(2): m.group(1) for f in forms
            for m in re.finditer(r"Địa chỉ \(([^)]+)\): (.+?) \.\.\.", text_of(f))}
    for prefix, v in plan:
        assert said[v] == PREFIXES[prefix], (v, said)


def test_the_general_words_stay_when_the_villages_do_not_say():
    """No kind word in the names ("Yên Sơn"), or both general kinds: nothing is changed."""
    assert vnformat.local_kinds(["Yên Sơn", "Đông Hòa"]) == []
    for kinds in ([], ["thôn", "tổ dân phố"]):
        assert vnformat.with_village_words("Ủy ban MTTQ, thôn, tổ dân phố", kinds) == \
            "Ủy ban MTTQ, thôn, tổ dân phố"


@pytest.mark.parametrize("text", ["Trưởng thôn Đông", "trưởng thôn 3", "nông thôn mới",
                                  "đường liên thôn", "thôn xóm", "Thôn 1"])
def test_a_village_named_or_a_word_that_holds_thon_is_left(text):
    assert vnformat.with_village_words(text, ["xóm", "khối"]) == text


def test_the_wording_is_printed_but_never_fingerprinted():
    """Two contexts with the same values print their own wordings and share one fingerprint
    (a fingerprint of the printed text would make every issued KH of a xóm commune look
    changed after the upgrade)."""
    a, b = Context(), Context()
    a.put("truong_thon", "Trưởng thôn")
    b.put("truong_thon", "Trưởng thôn", wording="Trưởng xóm, Trưởng khối")
    assert a.printed()["truong_thon"] == "Trưởng thôn"
    assert b.printed()["truong_thon"] == "Trưởng xóm, Trưởng khối"
    assert b.printed_value("truong_thon") == "Trưởng xóm, Trưởng khối"
    for used in (None, {"truong_thon"}):
        assert a.fingerprint(used) == b.fingerprint(used)


def test_a_plan_issued_before_the_new_wording_is_unchanged_after_it(
        sample_copy, tmp_path, monkeypatch):
    """Issued by a version that printed "Trưởng thôn" (the wording switched off), then made
    again with it: the register's fingerprint was written from the values, so the issued
    documents are found unchanged and no _v2 is drafted."""
    from doithoai.documents.context.hierarchy import Hierarchy
    path = sample_copy("do-luong")
    out = tmp_path / "vb"
    folder = out / "KH-2026-02"

    def run(registry, *extra):
        assert cli.main(["generate", registry, "--plan", "KH-2026-02", "--docs", "KH,TB",
                         "--out", str(out), "--today", "2026-11-02", *extra]) in (0, 1)
    with monkeypatch.context() as m:
        m.setattr(Hierarchy, "village_kinds", lambda self: [])
        run(path, "--issue")
    assert "Đề nghị Trưởng thôn và" in text_of(folder / "TB.docx")
    [numbered] = glob.glob(str(tmp_path / "*cap so*.xlsx"))     # the copy that holds the numbers
    run(numbered)
    assert not glob.glob(str(folder / "*_v2*"))
    assert "Đề nghị Trưởng thôn và" in text_of(folder / "TB.docx")   # issued: never replaced
