"""What a merge tells: one outcome per row read, and per file the rows read = added + already
present + set aside (:mod:`.merge` produces them; the command and the button print them)."""
from __future__ import annotations

from dataclasses import dataclass, field

from doithoai.registry.changes import Changes

# Where a row read ends: exactly one of these.
ADDED, ALREADY, SET_ASIDE = "added", "already", "set_aside"


@dataclass
class Outcome:
    file: str
    sheet: str
    row: int
    code: str
    status: str                    # ADDED, ALREADY or SET_ASIDE
    reason: str = ""
    opinion_id: str | None = None
    duplicate_of: str | None = None
    score: int | None = None
    note: str = ""                 # added: what the merge gave it that the file did not say
                                   # (a Ngày nhận left blank), in the clerk's words


@dataclass
class FileCount:
    name: str
    read: int = 0
    added: int = 0
    duplicates: int = 0
    already: int = 0
    set_aside: int = 0
    problem: str | None = None
    clear: bool = False            # sent out with a password, came back without one

    def tally(self, status: str) -> None:
        """A row read (counted in ``read`` as it was read) ended in ``status``."""
        if status == ADDED:
            self.added += 1
        elif status == ALREADY:
            self.already += 1
        else:
            self.set_aside += 1

    def line(self) -> str:
        text = (f"{self.name}: đọc {self.read} dòng = {self.added} thêm mới (trong đó "
                f"{self.duplicates} nghi trùng) + {self.already} đã có + {self.set_aside} chờ "
                "xử lý")
        if self.clear:
            text += "; tệp gửi về không có mật khẩu (phiếu gửi đi có mật khẩu)"
        if not self.problem:
            return text + "."
        return f"{text}. Lưu ý: {self.problem}" + ("" if self.problem.endswith(".") else ".")

    @property
    def balanced(self) -> bool:
        return self.read == self.added + self.already + self.set_aside


@dataclass
class MergeResult:
    outcomes: list[Outcome] = field(default_factory=list)
    files: list[FileCount] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    @property
    def totals(self) -> FileCount:
        t = FileCount("Tổng cộng")
        for f in self.files:
            t.read += f.read
            t.added += f.added
            t.duplicates += f.duplicates
            t.already += f.already
            t.set_aside += f.set_aside
        return t

    def lines(self) -> list[str]:
        return [f.line() for f in self.files] + ([self.totals.line()] if len(self.files) > 1
                                                 else [])

    def notes(self) -> list[str]:
        """Under a heading each, one line per row the clerk should hear of, naming file and
        row: added with something the file did not say (a Ngày nhận left blank); not added,
        the registry holding the same person's same words from another file or typed by hand
        (a file merged again says nothing of its rows); nothing when there is none."""
        out = []
        for status, heading in ((ADDED, "Dòng MTTQ không ghi Ngày nhận (ngày đã ghi được nói cả "
                                        "ở cột Ghi chú của ý kiến):"),
                                (ALREADY, "Dòng không thêm vì sổ đã có ý kiến này (tệp khác "
                                          "hoặc nhập tay):")):
            rows = [f"  - {o.file}, dòng {o.row} ({o.code or 'không mã'})"
                    + (f", thành {o.opinion_id}" if status == ADDED else "") + f": {o.note}"
                    for o in self.outcomes if o.note and o.status == status]
            out += [heading] + rows if rows else []
        return out

    def to_json(self) -> dict:
        t = self.totals
        return {"files": [{"file": f.name, "read": f.read, "added": f.added,
                           "duplicates": f.duplicates, "already_present": f.already,
                           "set_aside": f.set_aside, "problem": f.problem,
                           "returned_in_clear": f.clear} for f in self.files],
                "totals": {"read": t.read, "added": t.added, "duplicates": t.duplicates,
                           "already_present": t.already, "set_aside": t.set_aside},
                "outcomes": [o.__dict__ for o in self.outcomes]}
