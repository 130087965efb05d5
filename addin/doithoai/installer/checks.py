"""One line of the doctor: a check, ✓ or ✗, and what to do about a ✗ (in Vietnamese)."""
from __future__ import annotations

from dataclasses import dataclass

OK, BAD = "✓", "✗"


@dataclass
class Check:
    name: str
    ok: bool
    message: str
    fix: str = ""

    def line(self) -> str:
        text = f"{OK if self.ok else BAD} {self.message}"
        return text + (f"\n    → Cách sửa: {self.fix}" if not self.ok and self.fix else "")
