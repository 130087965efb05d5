"""Two versions of one returned form in one merge: the Front sent its file, then corrected it
and sent it again, and the clerk merges both at once.

Files of one batch (the identity every exported form carries) are versions of one form. A row
whose Mã phiếu a file of the same batch saved later also holds is an older version: the later
file's row is the one judged, and the older one is counted as already present, naming the
later file, whichever order the files were given in. When the save times cannot tell (one is
unknown, or they are equal) nothing is superseded, and the rows are judged one after the other
as in two merges. Pure: plain data in, the superseded rows out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

VIETNAM = dt.timezone(dt.timedelta(hours=7))


FIELDS = ("Người nêu", "Nội dung")     # what a row's words are compared on, in this order


@dataclass(frozen=True)
class Version:
    """One returned file as the versions are compared: its batch ("" when it has none or is
    set aside whole), when it was saved (UTC), and each Mã phiếu of its rows with the row's
    words (FIELDS, as compared: fitting.content_key's)."""
    name: str
    batch: str
    saved: dt.datetime | None
    codes: dict[str, tuple]

    def differ(self, code: str, other: "Version") -> list[str]:
        """The FIELDS the row of ``code`` gives otherwise in ``other``."""
        mine, theirs = self.codes[code], other.codes[code]
        return [name for name, a, b in zip(FIELDS, mine, theirs) if a != b]


@dataclass(frozen=True)
class Newer:
    """The later file holding a row's code, and what its row gives otherwise (FIELDS)."""
    file: str
    saved: dt.datetime
    differ: tuple[str, ...] = ()

    def reason(self, code: str) -> str:
        when = self.saved.replace(tzinfo=dt.timezone.utc).astimezone(VIETNAM)
        what = (f", với {' và '.join(self.differ)} đã sửa" if self.differ else
                ", giống hệt dòng này")
        return (f"bản cũ: tệp {self.file} cùng phiếu, lưu sau (lúc {when:%H:%M} ngày "
                f"{when:%d/%m/%Y}), cũng có dòng mã {code}{what}; lấy dòng ở tệp đó, bỏ dòng "
                "này")


def superseded(files: list[Version]) -> dict[tuple[int, str], Newer]:
    """(index of a file in ``files``, a Mã phiếu of it) → the later file of its batch that
    holds the same code, for every row an other file of this merge replaces."""
    out: dict[tuple[int, str], Newer] = {}
    for batch in {f.batch for f in files if f.batch}:
        group = [(i, f) for i, f in enumerate(files) if f.batch == batch]
        if len(group) < 2 or any(f.saved is None for _, f in group):
            continue
        for i, f in group:
            for code in f.codes:
                later = [g for _, g in group if code in g.codes and g.saved > f.saved]
                if later:
                    last = max(later, key=lambda g: g.saved)
                    out[(i, code)] = Newer(last.name, last.saved, tuple(f.differ(code, last)))
    return out


def note(newer: dict[str, Newer]) -> str:
    """What a file's line says of its rows a later version of it replaced, naming those whose
    words the later version changed."""
    later = sorted({n.file for n in newer.values()})
    changed = [f"{code} ({' và '.join(n.differ)})" for code, n in sorted(newer.items())
               if n.differ]
    return (f"{len(newer)} dòng cũng có trong tệp {', '.join(later)} (cùng phiếu, lưu sau): lấy "
            "bản ở tệp đó" + (f"; MTTQ đã sửa {len(changed)} dòng: {', '.join(changed)}"
                              if changed else ", không dòng nào khác bản này"))
