"""Short codes for villages, printed on the Phiếu đăng ký and on every intake row (CKA-001)."""
from __future__ import annotations

from doithoai.text import places


def village_code(village: str, whole_numbers: bool = True) -> str:
    """Initials of the village's own name, upper case, ASCII, a number kept whole: "TDP Cẩm
    Khê A" → "CKA"; "Thôn Bản Chu" → "BC" (only the leading kind word goes: "Bản" here is the
    name's); "Tổ dân phố 15" → "15"; "Tổ dân phố số 3" → "3". ``whole_numbers`` False: the
    codes of doithoai 0.4, which kept a number's first digit only ("Tổ dân phố 15" → "1")."""
    words = places.own_words(village)
    if len(words) > 1 and words[0] == "so":
        words = words[1:]
    code = "".join(w if whole_numbers and w.isdigit() else w[0]
                   for w in words if w[0].isalnum()).upper()
    return code or "TH"


def village_codes(villages: list[str], whole_numbers: bool = True) -> dict[str, str]:
    """One distinct code per village of a plan. A clash gets a number ("DH", "DH2"), or a
    letter after a code that ends in a digit ("1", "1B": "12" would read as Tổ 12)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for v in villages:
        code = village_code(v, whole_numbers)
        n, candidate = 1, code
        while candidate in used:
            n += 1
            candidate = f"{code}{chr(ord('A') + n - 1)}" if whole_numbers and \
                code[-1:].isdigit() else f"{code}{n}"
        used.add(candidate)
        out[v] = candidate
    return out


def known_codes(villages: list[str]) -> set[str]:
    """The codes a returned file of these villages may carry: today's, and those of files
    exported by doithoai 0.4 before the upgrade."""
    return set(village_codes(villages).values()) | \
        set(village_codes(villages, whole_numbers=False).values())


def row_code(village_code_: str, n: int) -> str:
    return f"{village_code_}-{n:03d}"
