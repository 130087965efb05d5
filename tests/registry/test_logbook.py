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
