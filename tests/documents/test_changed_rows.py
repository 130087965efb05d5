"""An issued document whose rows changed is named with the rows, as a clerk reads them: by
sheet, in row order (2 before 10), runs joined ("dòng 2–43"), never a list of forty cells."""
import random
import re

import pytest

from doithoai.documents.context import rows_said


def expanded(piece: str) -> list[int]:
    a, _, b = piece.partition("–")
    return list(range(int(a), int(b or a) + 1))


@pytest.mark.parametrize("seed", range(20))
def test_each_changed_row_is_named_once_in_order(seed):
    rng = random.Random(seed)
    sheets = {"Kế hoạch": rng.sample(range(2, 60), rng.randint(0, 5)),
              "Ý kiến": rng.sample(range(2, 5000), rng.randint(1, 40))}
    keys = [f"{s}!{r}" for s, rows in sheets.items() for r in rows]
    rng.shuffle(keys)
    said = rows_said(keys, most=100)
    for sheet, rows in sheets.items():
        if not rows:
            assert sheet not in said
            continue
        listed = re.search(sheet + r" dòng ([\d–, ]+)", said).group(1)
        numbers = [n for piece in listed.split(", ") for n in expanded(piece)]
        assert numbers == sorted(rows), (said, rows)


def test_a_long_list_is_cut_and_says_how_much_is_left():
    said = rows_said([f"Ý kiến!{r}" for r in range(2, 200, 2)], most=8)
    assert said.startswith("Ý kiến dòng 2, 4, 6, 8, 10, 12, 14, 16 và 91 chỗ khác")


def test_a_sheet_read_whole_is_named_without_a_row():
    """Cấu hình is fingerprinted whole (its "row 0"): "Cấu hình", never "Cấu hình dòng 0"."""
    said = rows_said(["Cấu hình!0", "Ý kiến!12"])
    assert said == "Cấu hình; Ý kiến dòng 12"
