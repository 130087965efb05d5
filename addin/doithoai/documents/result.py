"""What a run of the generator made, refused and noticed, as the command and the buttons say
it: files, documents left as issued, refusals, notices, the registry's changes, the numbers
given and the citizens each plan's documents name (Nhật ký)."""
from __future__ import annotations

from dataclasses import dataclass, field

from doithoai.documents import persons
from doithoai.registry import personal
from doithoai.registry.changes import Changes
from doithoai.registry.problems import Problem, grouped


@dataclass
class Result:
    files: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refusals: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    register_rows: list[dict] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)     # "01/BB-UBND (BB)", in issue order
    issuing: bool = False      # an issue run: its releases (Nhật ký) are what it issued
    # (plan, kind) → documents written, the citizens they name (documents.persons), copies
    made: dict[tuple[str, str], int] = field(default_factory=dict)
    named: dict[tuple[str, str], set] = field(default_factory=dict)
    copied: dict[tuple[str, str], dict] = field(default_factory=dict)   # and their Nơi nhận

    def note(self, plan_id: str, code: str, contexts: list, citizens: persons.Citizens,
             goes_out: bool) -> None:
        """Count the documents of a plan and kind just written and the citizens they name; an
        issue run, only those that go out (issued, or never numbered), not its drafts."""
        if self.issuing and not goes_out:
            return
        key = (plan_id, code)
        self.made[key] = self.made.get(key, 0) + len(contexts)
        for ctx in contexts:
            bodies, copied = persons.copies(ctx, citizens)
            # the printed wording too: a name only printed (the minutes' citizens who joined
            # a matter) is a name the document gives
            self.named.setdefault(key, set()).update(
                citizens.named(ctx.values) | citizens.named(ctx.wording) | copied)
            self.copied.setdefault(key, {}).update(dict.fromkeys(bodies))

    def releases(self) -> list[personal.Release]:
        """One record per plan and kind whose documents name citizens (Nhật ký)."""
        return persons.releases(self.made, self.named, self.copied)

    def found_nothing(self) -> bool:
        """No document made, refused or kept as issued (a reminder issued before and unchanged
        still chases its agency: something is owed)."""
        return not (self.files or self.refusals or self.unchanged)

    def summary(self) -> str:
        parts = [f"{len(self.files)} tệp văn bản"] + (
            [f"cấp số {len(self.numbered)} văn bản"] if self.numbered else [])
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} văn bản đã ban hành không đổi, giữ nguyên")
        if self.refusals:
            parts.append(f"{len(self.refusals)} chỗ cần sửa nên chưa tạo")
        return "Đã tạo " + "; ".join(parts) + "."

    def refusal_lines(self) -> list[str]:
        """One line per cause: refusals differing only by row said once, naming each row."""
        lines = []
        for p in grouped(self.refusals):
            where = f"{p.sheet}, ô {p.cell}" if p.cell else p.sheet
            lines.append(f"Chưa tạo ({where}): {p.message} {p.hint}")
        return lines
