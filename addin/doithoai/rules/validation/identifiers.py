"""Numbers typed into the short cells that name or place a person (Người nêu, Họ và tên, Địa
chỉ): a phone belongs in Điện thoại, and an identity, tax or account number or an e-mail in no
cell a document prints. The documents leave them out (text.privacy.drop); the clerk is told
where they are (registry.personal finds them, as `privacy` counts them), so the registry
itself stops carrying them."""
from __future__ import annotations

from doithoai.registry import personal
from doithoai.rules.validation.findings import Findings
from doithoai.text import privacy


def check_fields(f: Findings) -> None:
    for sheet, obj, key, kinds in personal.misplaced_numbers(f.reg):
        f.add("field-has-identifier", sheet, obj.row, key, getattr(obj, key)[:60],
              what=", ".join(privacy.KIND_WORDS[k] for k in kinds))
