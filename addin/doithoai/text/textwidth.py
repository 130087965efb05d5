"""How wide a text is in Times New Roman: used to size lines under headings and table columns."""
from __future__ import annotations


def text_width(text: str, size: float, bold: bool = False) -> int:
    """Estimated width in twips of ``text`` in Times New Roman (per-character em widths)."""
    em = 0.0
    for ch in text:
        if ch.isspace():
            em += 0.25
        elif ch.isdigit():
            em += 0.5
        elif ch.isupper():
            em += 0.70
        elif ch.isalpha():
            em += 0.46
        else:
            em += 0.33
    return int(em * size * 20 * (1.05 if bold else 1.0))
