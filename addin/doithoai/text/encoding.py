"""Text decoded with the wrong code page: UTF-8 bytes read as Windows-1252 ("mojibake").

A returned file saved as CSV and opened the wrong way, or a text pasted from such a file, turns
"Đề nghị" into "Ä\u0090á»\u0081 nghá»‹". It would pass every other check and print as garbage in
the documents. :func:`looks_garbled` spots the tell-tale pairs of characters;
:func:`repair` reverses the wrong decoding when it can (bytes that Windows-1252 has no
character for are lost on the way, and then the clerk must go back to the original file).
"""
from __future__ import annotations

import re

# The lead characters of UTF-8 sequences for Vietnamese letters, as Windows-1252 shows them,
# followed by a continuation character: "Ã¡", "Ä‘", "Æ°", "á»‡", "áº¡", "â€œ".
_SIGNS = re.compile(r"Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                    r"\u02dc\u2013-\u203a\u20ac\u2122]|Ä[\u0080-\u00bf‘’]|Æ[°¡¯]|á[º»¼½¾¿]|"
                    r"â€[™œ\u009d“”˜¦]")
# Every sign holds one of these (its lead, or for "á»…" and "â€…" its second character), and
# they are rare in a clean Vietnamese text: the screen of validation looks for them alone.
SIGN_MARKS = "ÃÄÆº»¼½¾¿€"
_VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def looks_garbled(text: str | None) -> bool:
    """Two or more mojibake signs (one can be a real name), or one in a short text."""
    if not text:
        return False
    signs = len(_SIGNS.findall(text))
    return signs >= 2 or (signs == 1 and len(text) < 40)


def _byte(ch: str) -> int:
    if ord(ch) < 256:
        return ord(ch)
    return ch.encode("cp1252")[0]           # raises for a character cp1252 has not


def repair(text: str) -> str | None:
    """The text as it was before the wrong decoding, or None when bytes were lost."""
    try:
        fixed = bytes(_byte(ch) for ch in text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError, IndexError):
        return None
    return fixed if fixed != text and _VIETNAMESE & set(fixed.lower()) else None


def advice(text: str) -> str:
    """What to tell the clerk: the repaired text, or how to get it back."""
    fixed = repair(text)
    if fixed:
        return f"Có thể sửa thành: \"{fixed[:120]}\""
    return ("Mở lại tệp gốc bằng Excel hoặc LibreOffice, chọn bảng mã UTF-8 (Unicode) khi mở, "
            "rồi chép lại nội dung; hoặc gõ lại.")
