"""A Nhật ký result too long for its cell is cut after a whole clause or word, and says so.

Fresh-eyes trial: an intake's result ended "…; Tổng cộng: đọc 8 ", a figure cut in half that
`privacy` then repeated. Generated results of clauses with figures; what is checked is the row
logbook writes, as the sheet shows it."""
import random

import pytest

from doithoai.registry import logbook

WORDS = ["đọc", "nhận", "dòng", "ý kiến", "Chờ xử lý", "tệp", "Tổng cộng:", "mới", "trùng",
         "YK-2027-012", "gộp", "bỏ qua", "thôn Đông"]


def _result(rng: random.Random) -> str:
    clauses = []
    for _ in range(rng.randint(1, 40)):
        words = [rng.choice(WORDS) if rng.random() < 0.7 else str(rng.randint(0, 999))
                 for _ in range(rng.randint(1, 14))]
        clauses.append(" ".join(words))
    return rng.choice(["; ", ". "]).join(clauses) + rng.choice(["", "."])


@pytest.mark.parametrize("seed", range(4))
def test_a_long_result_is_cut_at_a_clause_or_a_word(seed):
    rng = random.Random(seed)
    for _ in range(300):
        text = _result(rng)
        [row] = logbook.rows("Nhận phiếu MTTQ", text)
        kept = row["result"]
        assert len(kept) <= logbook.RESULT_MOST
        if len(text) <= logbook.RESULT_MOST:
            assert kept == text
            continue
        assert kept.endswith("…")
        body = kept[:-1]
        assert text.startswith(body) and body
        assert text[len(body)] in " ;.,:", (body[-20:], text[len(body):len(body) + 20])


def _lines(rng: random.Random) -> list[str]:
    """A command's or a button's closing lines: sentences with their own full stops."""
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
            + rng.choice([".", "", ". ", ";"]) for _ in range(rng.randint(1, 6))]


@pytest.mark.parametrize("seed", range(3))
def test_lines_are_one_row_of_clauses_whoever_writes_them(seed):
    """A fresh-eyes trial read "… 1 chờ xử lý.; phieu-…" in Nhật ký, and a button's message
    went there line by line: each line is a clause, said once, no stop before a semicolon,
    one stop at the end, on one line, from the command line's list and the button's text
    alike."""
    rng = random.Random(seed)
    for _ in range(300):
        lines = _lines(rng)
        written = [logbook.clauses(lines)]
        if len(lines) > 1:              # a button's message of several lines
            written.append(logbook.rows("Nhận", "\n".join(lines))[0]["result"])
        for result in written:
            assert "\n" not in result and ".;" not in result and ";;" not in result, result
            assert result.endswith(".") or result.endswith("…"), result
            if not result.endswith("…"):
                assert result.count("; ") == len(lines) - 1, (lines, result)


def test_the_clauses_property_fails_on_the_old_join(monkeypatch):
    """Planted: lines joined as they were ("; ".join), stops and all."""
    monkeypatch.setattr(logbook, "clauses", lambda parts: "; ".join(parts))
    with pytest.raises(AssertionError):
        test_lines_are_one_row_of_clauses_whoever_writes_them(0)
