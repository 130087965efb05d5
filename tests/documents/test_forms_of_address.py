"""A form of address printed once, whatever cell the clerk typed it in.

A tester typed a registry as a hurried clerk pastes it: Danh xưng "Đồng chí" with the name
"ĐỒNG CHÍ LÊ VĂN TÁM", "Bà" with "bà  Trần Thị Hoa", "Ông" with "Anh Đỗ Quang Huy"; Người chủ
trì "ÔNG NGUYỄN VĂN HÙNG"; citizens "Anh Hoàng Văn Nam", "Bà. Nguyễn Thị Hoa". The invitation,
the signing list, the delivery book, the plan and the minutes printed "Đồng chí Đồng chí Lê Văn
Tám", "đồng chí Ông Nguyễn Văn Hùng"; a letter to a citizen "Bà Bà. Nguyễn Thị Hoa", "Ông (Bà)
Đ/c Trần Văn Bảy". Registries generated from seeds (names of corpus.registries, forms typed in
every way), every document read back from the .docx files.
"""
import datetime as dt
import random
import re

import pytest

from corpus.registries import _person
from test_after_meeting import (AGENCIES, ISSUED_ON, MEETING, SETTINGS, SPOKEN, conclusion_row,
                                made, opinion, plan_id, plan_row, read, run, text_of)
from doithoai.files import atomic, blank, reader

# A form as documents print it → how a clerk may type it before a name.
TYPED = {"Ông": ("Ông", "ông", "ÔNG", "Ông.", "ong"), "Bà": ("Bà", "bà", "BÀ", "Bà.", "ba"),
         "Đồng chí": ("Đồng chí", "đồng chí", "ĐỒNG CHÍ", "Đ/c", "đ/c"), "Anh": ("Anh", "anh"),
         "Chị": ("Chị", "chị"), "Cô": ("Cô", "cô"), "Chú": ("Chú",), "Cụ": ("Cụ", "cụ")}
FORM_WORDS = r"(?:đồng chí|đ/c|ông|bà|anh|chị|cô|chú|bác|em|cháu|cụ|ong)"
# Two forms in a row ("Đồng chí Đồng chí", "Ông Anh", "đồng chí Bà", "Bà Bà."), in any case.
DOUBLED = re.compile(rf"(?<!\w){FORM_WORDS}\.?\s+{FORM_WORDS}(?:\.|\s)", re.IGNORECASE)
ASKED = {"Đồng chí": "đồng chí", "Ông": "Ông", "Bà": "Bà"}


def typed_with(rng, form: str, name: str, capitals: bool = True) -> str:
    """``name`` typed after ``form`` written some way (the name in capitals after a form in
    capitals, unless not ``capitals``: Cấu hình's names are printed as typed)."""
    written = rng.choice([t for t in TYPED[form] if capitals or not t.isupper()])
    name = name.upper() if written.isupper() else name
    return f"{written}{rng.choice((' ', '  ', ' '))}{name.replace(' ', rng.choice((' ', '  ')), 1)}"


def delegates(rng, n: int) -> list[tuple[dict, str, str]]:
    """(Đại biểu row, how documents must print the person, the name) of ``n`` delegates, some
    with the form typed in the name: the same as Danh xưng, another one, or Danh xưng blank."""
    out = []
    for seq in range(1, n + 1):
        form, name = _person(rng)
        form = rng.choice((form, "Đồng chí"))
        typed, honorific, printed = name, form, f"{form} {name}"
        pick = rng.random()
        if pick < 0.3:                                   # typed twice
            typed = typed_with(rng, form, name)
        elif pick < 0.45:                                # another form typed: Danh xưng's wins
            typed = typed_with(rng, rng.choice(("Anh", "Chị", "Ông", "Bà")), name)
        elif pick < 0.65:                                # only in the name: printed as typed
            honorific = None
            typed = typed_with(rng, form, name)
        elif pick < 0.75:                                # no form at all
            honorific, printed = None, name
        out.append((dict(plan_id=plan_id(MEETING), seq=seq, honorific=honorific, full_name=typed,
                         position=rng.choice(("Trưởng thôn", "Chuyên viên", None)),
                         organization=rng.choice(("Thôn Bản Chu", None)),
                         group="Cán bộ thôn, tổ dân phố", invited="Có", attendance="Có"),
                    printed, name))
    return out


def write(path, rng, invitees, opinions=(), register=()):
    """A Hòa Bình registry whose chair (and signer), one of the delegates, is typed with a form
    in Kế hoạch, and whose secretary in Cấu hình too. Returns (chair's name, secretary's)."""
    chair = invitees[0][2]
    officer = _person(rng, female=True)[1]
    plan = dict(plan_row(MEETING), chair_name=typed_with(rng, rng.choice(("Ông", "Đồng chí")),
                                                        chair),
                signer_name=typed_with(rng, "Đồng chí", chair))
    invitees = [row for row, _, _ in invitees] + [dict(
        plan_id=plan_id(MEETING), seq=99, honorific="Bà", full_name=officer,
        group="Lãnh đạo UBND", invited="Có", attendance="Có")]
    settings = dict(SETTINGS, contact_officer=typed_with(rng, rng.choice(("Bà", "Đồng chí")),
                                                         officer, capitals=False))
    atomic.save_atomic(blank.build_workbook(settings=settings, rows=dict(
        plans=[plan], invitees=invitees, opinions=list(opinions), register=list(register))),
        path)
    return chair, officer


def doubled(folder) -> list[str]:
    return [f"{f}: {m.group(0)!r}" for code in ("KH", "TB", "GM", "DSDB", "SGN", "BB", "TBCD",
                                                "CVTL", "BCTH", "CVPC", "TBKL")
            for f in made(folder, code) for m in DOUBLED.finditer(text_of(f))]


@pytest.mark.parametrize("seed", range(4))
def test_a_delegate_is_addressed_with_one_form(seed, tmp_path):
    rng = random.Random(seed)
    people = delegates(rng, 9)
    chair, officer = write(str(tmp_path / "so.xlsx"), rng, people)
    reg = reader.read_registry(str(tmp_path / "so.xlsx"))
    out = str(tmp_path / "out")
    run(reg, out, MEETING - dt.timedelta(days=12), ["KH", "TB", "GM", "DSDB", "SGN"])
    run(reg, out, MEETING, ["BB"])
    assert doubled(out) == []
    # the signing list: each delegate as Danh xưng (or the form typed) and the name, once
    names = [row[1] for row in read(made(out, "DSDB")[0])[1] if len(row) > 2]
    for _, printed, _ in people:
        assert printed in names, (printed, names)
    # each invitation: addressed and asked by that form; none to the chair, who signs them
    invited = {}
    for f in made(out, "GM"):
        lines = read(f)[0]
        to = lines[lines.index(next(p for p in lines if p.endswith("kính mời:"))) + 1]
        invited[to.split(" - ")[0]] = next(p for p in lines if p.startswith("Rất mong"))
    expected = {printed for (row, printed, _) in people[1:]} | {f"Bà {officer}"}
    assert set(invited) == expected
    for (row, printed, _) in people[1:]:
        form = row["honorific"] or next((f for f in ASKED if printed.startswith(f + " ")), None)
        assert invited[printed] == f"Rất mong {ASKED.get(form, 'Quý vị')} đến dự đúng giờ./."
    # the chair and the secretary: their title said by the document, their name alone
    kh = text_of(made(out, "KH")[0])
    assert f"(đồng chí {chair})" in kh
    bb = text_of(made(out, "BB")[0])
    assert f"- đồng chí {chair}. Thư ký: {officer}." in bb
    assert f"liên hệ trực tiếp đồng chí {officer}" in text_of(made(out, "TB")[0]) or \
        f"liên hệ trực tiếp bà {officer}" in text_of(made(out, "TB")[0])


CITIZEN_FORMS = ("Anh", "Chị", "Bà", "Ông", "Cô", "Chú", "Cụ", "Đồng chí")


@pytest.mark.parametrize("seed", range(3))
def test_a_citizen_is_addressed_with_the_form_typed_once(seed, tmp_path):
    rng = random.Random(seed)
    opinions, addressed = [], {}
    for n in range(1, 7):
        row = opinion(MEETING, n, SPOKEN, MEETING, rng.choice(AGENCIES[:2]))
        form, name = rng.choice(CITIZEN_FORMS), _person(rng)[1]
        row["raised_by"] = typed_with(rng, form, name)
        if n % 2:
            row["answer"] = "UBND xã đã giao Phòng Kinh tế kiểm tra, sửa chữa trong quý II."
        opinions.append(row)
        addressed[row["opinion_id"]] = f"{form} {name}"
    path = str(tmp_path / "so.xlsx")
    write(path, rng, delegates(rng, 3), opinions, [conclusion_row(MEETING, ISSUED_ON)])
    out = str(tmp_path / "out")
    run(reader.read_registry(path), out, ISSUED_ON, ["TBCD", "CVTL", "BCTH", "BB", "TBKL"])
    assert doubled(out) == []
    letters = made(out, "TBCD") + made(out, "CVTL")
    assert letters
    for f in letters:
        lines = read(f)[0]
        to = next(p for p in lines if p.startswith("Kính gửi: "))
        who = next(a for a in addressed.values() if to.startswith(f"Kính gửi: {a},"))
        form, name = next((f, who[len(f) + 1:]) for f in CITIZEN_FORMS if who.startswith(f))
        assert f"{form.lower()} {name}" in text_of(f), (f, to)


def test_the_properties_fail_on_the_old_build(tmp_path, monkeypatch):
    """Planted: the old printing, Danh xưng and the cell side by side, the chair's cell after
    "đồng chí", a citizen's form looked for in a short list."""
    from doithoai.documents.context import common
    from doithoai.text import honorifics, vnformat
    monkeypatch.setattr(honorifics, "addressed", lambda h, n: vnformat.honorific(h, n or ""))
    monkeypatch.setattr(common, "signed_name", lambda name: name)
    with pytest.raises(AssertionError):
        test_a_delegate_is_addressed_with_one_form(0, tmp_path / "a")
    monkeypatch.setattr(honorifics, "split", lambda text: (None, " ".join((text or "").split())))
    with pytest.raises(AssertionError):
        test_a_citizen_is_addressed_with_the_form_typed_once(0, tmp_path / "b")


@pytest.mark.parametrize("seed", range(3))
def test_a_citizen_who_typed_a_form_on_one_row_is_addressed_so_on_all(seed, tmp_path):
    """A later trial: "Ông Lò Văn Tiến" typed on one row, "Lò Văn Tiến" on his other: the
    letter answering the second addressed him "Ông (Bà) Lò Văn Tiến". Each citizen here raises
    two matters, the form ("Ông", "Bà") typed on one row only, or on none; every letter to the
    citizen (TBCD, CVTL) is addressed with the form typed on any of their rows, else as the name
    tells it ("Ông (Bà)" for one that does not)."""
    from doithoai.text import honorifics
    rng = random.Random(seed)
    opinions, addressed = [], {}
    for n in range(1, 9, 2):
        name = f"Lò Văn {NAMES_UNTOLD[(n + seed) % len(NAMES_UNTOLD)]}"
        form, typed_on = rng.choice(("Ông", "Bà", None)), n + rng.randint(0, 1)
        for k in (n, n + 1):
            row = opinion(MEETING, k, SPOKEN, MEETING, rng.choice(AGENCIES[:2]))
            row["raised_by"] = f"{form} {name}" if form and k == typed_on else name
            row["answer"] = "UBND xã đã giao Phòng Kinh tế kiểm tra, trả lời trong quý II."
            opinions.append(row)
        addressed[name] = f"{form} {name}" if form else honorifics.citizen(name)
    path = str(tmp_path / "so.xlsx")
    write(path, rng, delegates(rng, 3), opinions, [conclusion_row(MEETING, ISSUED_ON)])
    out = str(tmp_path / "out")
    run(reader.read_registry(path), out, ISSUED_ON, ["TBCD", "CVTL"])
    letters = made(out, "TBCD") + made(out, "CVTL")
    assert len(letters) >= 4
    for f in letters:
        to = next(p for p in read(f)[0] if p.startswith("Kính gửi: "))
        name = next(n for n in addressed if f"{n}," in to)
        assert to.startswith(f"Kính gửi: {addressed[name]},"), (f, to, addressed[name])
        if "CVTL" in f:                          # and its V/v line says the same
            form, bare = addressed[name].rsplit(" " + name, 1)[0], name
            vv = next(line for line in text_of(f).splitlines() if line.startswith("V/v"))
            assert vv.split("\t")[0].endswith(f"của {form.lower()} {bare}"), (f, vv)


NAMES_UNTOLD = ("Tiến", "Lả", "Phóng", "Khiêm", "Đôi")


def test_the_form_on_another_row_property_fails_when_only_the_row_is_read(tmp_path,
                                                                         monkeypatch):
    """Planted: each letter addressed as its own row's name tells (the trial's letters)."""
    from doithoai.documents.context.repeats import Repeats
    from doithoai.text import honorifics
    monkeypatch.setattr(Repeats, "addressed_citizen",
                        lambda self, name, address: honorifics.citizen(self.who(name)))
    with pytest.raises(AssertionError):
        for seed in range(3):
            test_a_citizen_who_typed_a_form_on_one_row_is_addressed_so_on_all(seed, tmp_path /
                                                                              str(seed))
