"""Text pasted from Zalo, Facebook and Word: line ends Excel does not show, and emoji.

A commune's registry filled by pasting: an opinion whose words are cut by a line separator
(U+2028, U+2029, NEL, Word's vertical tab and form feed: "cầu tràn\\u2028bị sạt lở" printed
"cầu trànbị sạt lở"), names with emoji after them ("Anh Hoàng Văn Nam 😊" printed so on the
invitation and the notices, and not found by `privacy --person`), a venue with a line break
and a plan's Nội dung with a house and a pasted note, Cấu hình values with a non-breaking or a
zero-width space. Each registry is drawn from a seed, written as a clerk's .xlsx (the line
ends that XML cannot hold as Excel escapes them) and read back from what the clerk sees: the
validation the command prints, the documents' text (python-docx), the privacy lines.
"""
import datetime as dt
import glob
import os
import random

import pytest

from test_after_meeting import (ISSUED_ON, MEETING, NAMES, SETTINGS, conclusion_row, invitee_rows,
                                made, opinion, plan_row, run, text_of)
from xlsx_edit import cell_ref, patch_text
from doithoai import cli
from doithoai.files import atomic, blank, reader

# What chat apps and Word put in a pasted text, written out here (not taken from the product).
SEPARATORS = ("\u2028", "\u2029", "\x85", "\x0b", "\x0c")
EMOJI = ("😊", "🌸🌸", "👍", "❤️", "🙏", "👨‍👩‍👧", "🇻🇳", "☎", "⭐", "✔️", "🏠")
HONORIFICS = ("Anh", "Chị", "Ông", "Bà")
SURNAMES = ("Hoàng", "Phạm", "Lê", "Nguyễn", "Trần", "Vũ", "Đặng", "Bùi")
MIDDLES = ("Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc")
GIVEN = ("Nam", "Hà", "Tuấn", "Lan", "Hùng", "Mai", "Sơn", "Yến")
WORDS = ("đề nghị", "sửa", "cầu tràn", "bị sạt lở", "nạo vét", "kênh", "mương", "lắp đèn",
         "ngõ", "đường", "trường", "xóm", "ngập", "nước", "rác", "chợ")
DRAFTED_ON = MEETING - dt.timedelta(days=10)
LATE_ON = dt.date(2027, 5, 20)              # replies due 02/04/2027 are overdue: CVDD
OWN = "Phòng Kinh tế"


def _escaped(text: str) -> str:
    """How a spreadsheet's XML holds ``text``: a C0 control but the newline as Excel escapes
    it (_x000B_)."""
    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 0x20 and ch != "\n" else ch
                   for ch in text)


class Pasted:
    """One registry filled by pasting, drawn from ``seed``, and what was pasted where."""

    def __init__(self, seed: int, folder):
        rng = random.Random(seed)
        self.path = str(folder / "so.xlsx")
        self.marks: dict[str, str] = {}          # marker → the character it stands for
        self.emoji: list[str] = []
        self.raisers, self.invitees, self.cuts = [], [], []
        opinions = []
        for n in range(1, rng.randint(2, 4) + 1):
            name, typed = self._name(rng)
            row = opinion(MEETING, n, "Phiếu hỏi", dt.date(2027, 2, 10 + n), OWN)
            words = [f"{w} {NAMES[n]}".lower() if i == 0 else w
                     for i, w in enumerate(rng.sample(WORDS, 5))]
            cut = rng.randrange(1, len(words))
            sep = self._mark(rng.choice(SEPARATORS))
            row.update(raised_by=typed, phone=f"09{rng.randint(10**7, 10**8 - 1)}",
                       content=" ".join(words[:cut]) + sep + " ".join(words[cut:]))
            self.raisers.append((n + 1, name, row["phone"]))
            self.cuts.append((words[cut - 1], words[cut]))
            opinions.append(row)
        people = invitee_rows(MEETING)
        for inv in people:
            name, typed = self._name(rng, honorific=False)
            inv["full_name"] = typed
            self.invitees.append(name)
        plan = plan_row(MEETING)
        house = rng.choice(EMOJI)
        self.emoji.append(house)
        self.venue = ("Hội trường UBND xã", "(tầng 2)")
        plan.update(venue=self.venue[0] + self._mark(rng.choice(("\n", "\r\n") + SEPARATORS))
                    + self.venue[1],
                    content=f"Bàn về đất đai {house} và môi trường\n\n(copy từ nhóm Zalo BCĐ)")
        self.officer = "Lương Thị Hoa"
        settings = dict(SETTINGS, province="Tỉnh Thanh Hóa\u00a0",
                        contact_officer=self.officer + rng.choice(("\u200b", " 🌸")))
        wb = blank.build_workbook(settings=settings, rows=dict(
            plans=[plan], invitees=people, opinions=opinions,
            register=[conclusion_row(MEETING, ISSUED_ON)]))
        atomic.save_atomic(wb, self.path)
        for marker, ch in self.marks.items():
            patch_text(self.path, marker, _escaped(ch))

    def _mark(self, ch: str) -> str:
        marker = f"PASTEDMARK{len(self.marks)}X"
        self.marks[marker] = ch
        return marker

    def _name(self, rng, honorific=True) -> tuple[str, str]:
        """(the name as meant, as pasted: an emoji or two after it, or glued to it)."""
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        if honorific:
            name = f"{rng.choice(HONORIFICS)} {name}"
        face = rng.choice(EMOJI)
        self.emoji.append(face)
        return name, name + rng.choice((" ", "", "  ")) + face

    def registry(self):
        return reader.read_registry(self.path)


def texts(folder, codes):
    """Each kind's documents as their reader sees them: a .docx's paragraphs and cells, the
    bulletin's plain text."""
    out = {code: [text_of(f) for f in made(str(folder), code)] for code in codes}
    for f in glob.glob(os.path.join(str(folder), "**", "TTTT*.txt"), recursive=True):
        with open(f, encoding="utf-8", newline="") as fh:
            out["TTTT"] = out.get("TTTT", []) + [fh.read()]
    return out


def _no_emoji(code, text, emoji):
    for face in emoji:
        assert face[0] not in text, (code, face, text[:400])


@pytest.mark.parametrize("seed", range(4))
def test_pasted_line_ends_print_as_line_ends_and_no_emoji_is_printed(tmp_path, seed):
    """Words on both sides of a pasted line end are never glued: a space, in a citizen's words
    quoted in a sentence or a row as in a one-line venue or plan content; no name, venue or
    content prints an emoji, in any document."""
    case = Pasted(seed, tmp_path)
    reg = case.registry()
    run(reg, tmp_path / "before", DRAFTED_ON, ["KH", "TB", "GM", "DSDB", "SGN", "TTTT"])
    run(reg, tmp_path / "after", ISSUED_ON, ["BCTH", "TBKL", "TBCD"], issue=True)
    run(reg, tmp_path / "late", LATE_ON, ["CVDD"])
    before = texts(tmp_path / "before", ["KH", "TB", "GM", "DSDB", "SGN", "TTTT"])
    after = texts(tmp_path / "after", ["BCTH", "TBKL", "TBCD"])
    late = texts(tmp_path / "late", ["CVDD"])
    for code, docs in {**before, **after, **late}.items():
        assert docs, code
        for text in docs:
            _no_emoji(code, text, case.emoji)
    for code in ("BCTH", "TBKL", "CVDD"):
        text = "\n".join(after.get(code) or late[code])
        for left, right in case.cuts:
            assert left + right not in text, (code, left, right)
            assert f"{left} {right}" in text, (code, left, right, text[:600])   # one line
    for code in ("BCTH", "TBKL", "TBCD"):
        text = "\n".join(after[code])
        for _, name, _ in case.raisers:
            assert name in text, (code, name)
    for code in ("GM", "DSDB", "SGN"):
        text = "\n".join(before[code])
        for name in case.invitees:
            assert name in text, (code, name)
    venue = " ".join(case.venue)
    for code in ("KH", "TB", "GM", "DSDB"):
        for text in before[code]:
            assert venue in text, (code, text[:600])
    for code in ("KH", "TB"):
        assert "Nội dung: Bàn về đất đai và môi trường (copy từ nhóm Zalo BCĐ)." in \
            before[code][0], code
    tttt = before["TTTT"][0]
    assert "Bàn về đất đai và môi trường (copy từ nhóm Zalo BCĐ)." in tttt
    assert case.venue[0] + "\r\n" not in tttt and case.venue[0] + "\n" not in tttt
    assert f"đồng chí {case.officer} (" in before["TB"][0]


@pytest.mark.parametrize("seed", range(4))
def test_validate_names_each_pasted_cell_and_the_fix(tmp_path, seed, capsys):
    """`doithoai validate` prints each cell: the opinion's line end (where it is, what to type
    instead), the emoji of each name, the venue's and the content's line break, the content's
    emoji, and Cấu hình's non-breaking space and zero-width space or emoji."""
    case = Pasted(seed, tmp_path)
    capsys.readouterr()
    cli.main(["validate", case.path, "--today", DRAFTED_ON.isoformat()])
    said = capsys.readouterr().out
    lines = said.splitlines()

    def line(cell, code):
        found = [ln for ln in lines if ln.strip().startswith(cell + " ") and f"(mã {code})" in ln]
        assert found, (cell, code, said)
        return found[0]

    for row, name, _ in case.raisers:
        assert "Người nêu" in line(cell_ref("opinions", "raised_by", row), "text-pictograph")
        at = lines.index(line(cell_ref("opinions", "content", row), "text-line-separator"))
        assert "Alt+Enter" in lines[at + 1]
    for row, name in enumerate(case.invitees, start=2):
        line(cell_ref("invitees", "full_name", row), "text-pictograph")
        assert f'Sửa thành: "{name}"' in said
    assert '"Địa điểm"' in line(cell_ref("plans", "venue", 2), "text-line-break")
    assert f'Sửa thành: "{" ".join(case.venue)}"' in said
    line(cell_ref("plans", "content", 2), "text-line-break")
    line(cell_ref("plans", "content", 2), "text-pictograph")
    heading = lines.index(next(ln for ln in lines if ln.startswith('Trang "Cấu hình"')))
    config = lines[heading:]
    assert any("(mã text-whitespace)" in ln for ln in config), said
    assert 'Sửa thành: "Tỉnh Thanh Hóa"' in said
    assert any("(mã text-invisible)" in ln or "(mã text-pictograph)" in ln for ln in config)
    assert f'Sửa thành: "{case.officer}"' in "\n".join(config)


@pytest.mark.parametrize("seed", range(4))
def test_a_person_is_found_whatever_emoji_was_pasted_after_the_name(tmp_path, seed, capsys):
    """`privacy --person` with the name alone finds the row, and the phone it holds, and the
    notice the documents folder holds for them."""
    case = Pasted(seed, tmp_path)
    run(case.registry(), tmp_path / "van-ban", ISSUED_ON, ["TBCD"], issue=True)
    for row, name, phone in case.raisers:
        bare = name.split(" ", 1)[1]
        capsys.readouterr()
        assert cli.main(["privacy", "--person", bare, case.path,
                         "--today", ISSUED_ON.isoformat()]) == 0
        said = capsys.readouterr().out
        assert not said.startswith("Sổ có 0 dòng"), said
        assert f"dòng {row} " in said and f"{phone[:4]} {phone[4:7]} {phone[7:]}" in said, said
        assert "TBCD_" in said, said
