"""Short codes for villages, printed on the Phiếu đăng ký and on every intake row (CKA-001)."""
from __future__ import annotations

from doithoai.text import places

def village_code(village: str) -> str:
    """Initials of the village's own name, upper case, ASCII: "TDP Cẩm Khê A" → "CKA";
    "Thôn Bản Chu" → "BC" (only the leading kind word goes: "Bản" here is the name's);
    "Tổ dân phố số 3" → "3"."""
    words = places.own_words(village)
    if len(words) > 1 and words[0] == "so":
        words = words[1:]
    code = "".join(w[0] for w in words if w[0].isalnum()).upper()
    return code or "TH"


def village_codes(villages: list[str]) -> dict[str, str]:
    """One distinct code per village of a plan (a clash gets a number: "DH", "DH2")."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for v in villages:
        code = village_code(v)
        n, candidate = 1, code
        while candidate in used:
            n += 1
            candidate = f"{code}{n}"
        used.add(candidate)
        out[v] = candidate
    return out


def row_code(village_code_: str, n: int) -> str:
    return f"{village_code_}-{n:03d}"
