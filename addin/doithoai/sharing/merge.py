"""Merging returned intake rows into the registry: every row ends in exactly one place.

Pure core: the registry and the returned files (as read by :mod:`.intake`) in; outcomes and
:class:`~doithoai.registry.changes.Changes` out. For every row read:

- **added**: a new opinion with a new Mã ý kiến, Nguồn "MTTQ chuyển", Trạng thái "Mới" and
  Nguồn nhập "MTTQ CKA-001 (lô 7F3A2C)"; when it probably repeats an opinion already in the
  registry (this plan or an earlier one), Trùng với names that opinion and the cell carries a
  note with the score, for the clerk to confirm (duplicates are counted within added);
- **already present**: the same batch and row code was merged before (the same file merged
  again, or returned twice), or the registry already holds the same person's same text for the
  plan: nothing changes;
- **set aside**: the row cannot be merged as it is (no text, no name, a date that cannot be
  read, a cell that is a formula, a file of another commune or for a plan the registry does not
  have, ...): it goes to the Chờ xử lý sheet with its file, sheet, row, reason and values, once.
  A row of a batch already waiting there stays set aside when the batch comes back, until the
  clerk removes it from Chờ xử lý.

So, per file: rows read = added + already present + set aside.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from doithoai.registry import parsing, schema
from doithoai.text import vntext
from doithoai.registry.changes import MARK_PREFIX, Changes, Mark, append_rows
from doithoai.registry.ids import OpinionIds
from doithoai.registry.problems import a1, said
from doithoai.sharing import dedupe
from doithoai.sharing import fitting, keys
from doithoai.sharing.returned import Returned, ReturnedRow

MTTQ = "MTTQ chuyển"
NEW = "Mới"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")   # invisible ones: normalize_text
_FORMULA_START = ("=", "+", "-", "@")


def clean_text(value) -> str | None:
    """Returned text made safe: control characters (Word pastes them) removed, NFC, spaces
    folded, new-style tones; a text that Excel would take for a formula gets Excel's own text
    marker (a leading apostrophe), so it is stored as the citizen wrote it and never runs."""
    if parsing.is_blank(value):
        return None
    text = parsing.to_text(value).replace("\r\n", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = vntext.normalize_tones(parsing.normalize_text(unicodedata.normalize("NFC", text)))
    if not text:
        return None
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def is_neutralised(text) -> bool:
    return isinstance(text, str) and text[:1] == "'" and text[1:2] in _FORMULA_START


@dataclass
class Outcome:
    file: str
    sheet: str
    row: int
    code: str
    status: str                    # "added", "already", "set_aside"
    reason: str = ""
    opinion_id: str | None = None
    duplicate_of: str | None = None
    score: int | None = None


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

    def line(self) -> str:
        text = (f"{self.name}: đọc {self.read} dòng = {self.added} thêm mới (trong đó "
                f"{self.duplicates} nghi trùng) + {self.already} đã có + {self.set_aside} chờ "
                "xử lý")
        if self.clear:
            text += "; tệp gửi về không có mật khẩu (phiếu gửi đi có mật khẩu)"
        return text + (f". Lưu ý: {self.problem}" if self.problem else ".")

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

    def to_json(self) -> dict:
        t = self.totals
        return {"files": [{"file": f.name, "read": f.read, "added": f.added,
                           "duplicates": f.duplicates, "already_present": f.already,
                           "set_aside": f.set_aside, "problem": f.problem,
                           "returned_in_clear": f.clear} for f in self.files],
                "totals": {"read": t.read, "added": t.added, "duplicates": t.duplicates,
                           "already_present": t.already, "set_aside": t.set_aside},
                "outcomes": [o.__dict__ for o in self.outcomes]}


def intake_ref(code: str, batch: str) -> str:
    return f"MTTQ {code or '?'} (lô {batch or '?'})"


_REF = re.compile(r"MTTQ (\S+) \(lô (\S+)\)")


class RegistryTooOld(Exception):
    """The registry lacks what a merge writes to; the message tells the clerk what to add."""


def check_registry(reg) -> None:
    """Merging needs the Nguồn nhập column (to recognise a file merged twice) and the Chờ xử
    lý sheet (where unmergeable rows go); an older registry gets a clear way to add them."""
    missing = []
    opinions = reg.tables.get("opinions")
    if opinions is None or not opinions.present or "intake_ref" not in opinions.columns:
        missing.append("cột \"Nguồn nhập\" ở cuối bảng trang Ý kiến")
    pending = reg.tables.get("pending")
    if pending is None or not pending.present:
        missing.append("trang \"Chờ xử lý\"")
    if missing:
        raise RegistryTooOld(
            "Sổ này được tạo bằng phiên bản cũ, chưa có " + " và ".join(missing) + ". Hãy chép "
            "từ một sổ mới (" + said("nút Tạo sổ mới", "lệnh doithoai init") + ") sang, giữ "
            "nguyên tiêu đề, rồi nhận lại. Chưa có gì được ghi vào sổ.")


def merge(reg, returned: list[Returned], *, today: dt.date | None = None,
          plan_hint: str | None = None, threshold: int = dedupe.THRESHOLD) -> MergeResult:
    check_registry(reg)
    today = today or dt.date.today()
    res = MergeResult()
    ids = OpinionIds(reg, today)
    merged_refs: dict[tuple[str, str], str] = {}
    contents: dict[tuple, str] = {}
    for o in reg.opinions:
        m = _REF.search(o.intake_ref or "")
        if m:
            merged_refs[(m.group(1), m.group(2))] = o.opinion_id
        contents[fitting.content_key(o.plan_id, o.raised_by, o.content)] = o.opinion_id
    pending_keys = {(p.batch or "", p.code or "", p.file or "", p.source_row)
                    for p in reg.pending}
    pending_refs = {(p.batch, p.code) for p in reg.pending if p.batch and p.code}
    waiting = _waiting(reg)
    pool = dedupe.items_from_registry(reg)
    sent_encrypted = keys.encrypted_batches(reg)
    new_rows: list[dict] = []
    pending_rows: list[dict] = []
    for ret in returned:
        count = FileCount(ret.name)
        res.files.append(count)
        problem, plan = (ret.problem, None) if ret.problem else fitting.file_problem(reg, ret,
                                                                              plan_hint)
        batch = ret.identity.get("batch", "")
        count.clear = ret.encrypted is False and batch in sent_encrypted
        if ret.problem:
            count.problem = ret.problem
        if ret.identity_source == "đầu trang" and not problem:
            count.problem = ("trang ẩn nhận dạng đã bị xóa; kế hoạch lấy từ dòng \"Mã KH\" ở đầu "
                             "trang")
        if ret.note and not problem:
            count.problem = "; ".join(n for n in (count.problem, ret.note) if n)
        first_with_code: dict[str, tuple[int, tuple]] = {}
        for row in ret.rows:
            count.read += 1
            v = {k: clean_text(x) if k not in ("received_date",) else x
                 for k, x in row.values.items()}
            code = (v.get("code") or "").lstrip("'")[:20]
            out = Outcome(ret.name, row.sheet, row.row, code, "set_aside")
            reason = problem or fitting.row_problem(v, row)
            if reason is None and code:
                reason, twin = fitting.code_used(first_with_code, code, row, v, plan)
                if twin:
                    out.status, out.opinion_id = "already", None
                    out.reason = twin
            if reason is None and out.status == "set_aside":
                reason = fitting.late_for(plan, fitting.received_date(
                    row.values.get("received_date")))
            if reason is None and out.status == "set_aside":
                key = fitting.content_key(plan.plan_id, v.get("raised_by"), v.get("content"))
                ref = (code, batch) if code and batch else None
                if ref and ref in merged_refs:
                    out.status, out.opinion_id = "already", merged_refs[ref]
                    out.reason = f"đã nhận trước đây thành {merged_refs[ref]}"
                elif key in contents:
                    out.status, out.opinion_id = "already", contents[key]
                    out.reason = f"sổ đã có ý kiến này ({contents[key]})"
                elif _waiting_key(batch, code, row) in waiting:
                    reason = waiting[_waiting_key(batch, code, row)]
                else:
                    reason = None
                    received = fitting.received_date(row.values.get("received_date"))
                    if isinstance(received, str):
                        reason = received
                    else:
                        oid = ids.next(plan)
                        out.status, out.opinion_id = "added", oid
                        new_rows.append(_opinion_row(reg, plan, oid, v, received or today,
                                                     code, batch, source=v.get("source")))
                        contents[key] = oid
                        if ref:
                            merged_refs[ref] = oid
            if out.status == "set_aside":
                out.reason = reason
                k = (batch, code, ret.name, row.row)
                if k not in pending_keys and not (batch and code and (batch, code) in
                                                  pending_refs):
                    pending_keys.add(k)
                    if batch and code:
                        pending_refs.add((batch, code))
                    pending_rows.append(_pending_row(ret, row, v, code, batch, reason,
                                                     plan.plan_id if plan else
                                                     ret.identity.get("plan"), today))
            setattr(count, out.status, getattr(count, out.status) + 1)
            res.outcomes.append(out)
    # Duplicate suggestions: each new opinion against the registry and the earlier new ones.
    if new_rows:
        new_items = [dedupe.Item(r["opinion_id"], (dt.date.max, 10**9 + i), r["content"] or "",
                                 r["raised_by"] or "", r["address"] or "", r["field"] or "",
                                 r["plan_id"]) for i, r in enumerate(new_rows)]
        found = {s.key: s for s in dedupe.suggest(new_items, pool + new_items,
                                                  threshold=threshold)}
        outcomes = {o.opinion_id: o for o in res.outcomes if o.status == "added"}
        files = {f.name: f for f in res.files}
        for r in new_rows:
            s = found.get(r["opinion_id"])
            if s and s.original != r["opinion_id"]:
                r["duplicate_of"] = s.original
                r["_note"] = s.note()
                o = outcomes[r["opinion_id"]]
                o.duplicate_of, o.score = s.original, s.score
                files[o.file].duplicates += 1
    _changes(reg, res, new_rows, pending_rows)
    return res


def _waiting_key(batch: str, code: str, row: ReturnedRow) -> tuple:
    """A returned row as the Chờ xử lý sheet knows it: its batch and code, or its batch and row
    in the file when the Front left the code blank."""
    return (batch, code) if code else (batch, row.row)


def _waiting(reg) -> dict[tuple, str]:
    """Rows of a batch already set aside (Chờ xử lý) → why a later merge of that batch leaves
    them there: a row that could not be taken as it was is not taken silently the next time
    the file comes back (re-saved, say, so that a formula now shows a value); the clerk, who
    has seen the row, removes it from Chờ xử lý to let it in."""
    waiting = {}
    for p in reg.pending:
        if not p.batch:
            continue            # a file without its identity: its rows cannot be told apart
        key = (p.batch, p.code) if p.code else (p.batch, p.source_row)
        when = f" ngày {p.logged.split()[0]}" if p.logged else ""
        waiting[key] = (f"Dòng này đã nằm ở trang Chờ xử lý từ lần nhận trước{when} (lý do: "
                        f"{(p.reason or 'không ghi')[:120]}); phần mềm không tự thêm lại. Nếu MTTQ "
                        "đã sửa dòng này trong tệp: xóa dòng đó ở trang Chờ xử lý rồi nhận lại.")
    return waiting


def _field(reg, value: str | None) -> tuple[str | None, str]:
    if not value:
        return None, ""
    choices = reg.lookups.get("fields", [])
    if value in choices:
        return value, ""
    near = vntext.nearest(value, choices)
    if near:
        return near, ""
    return None, f"MTTQ ghi lĩnh vực \"{value}\" (không có trong danh mục): chọn lại."


def _opinion_row(reg, plan, oid, v, received, code, batch, source) -> dict:
    field_, field_note = _field(reg, v.get("field"))
    notes = [n for n in (v.get("note"), field_note,
                         f"MTTQ ghi nguồn: {source}" if source else None) if n]
    return {"opinion_id": oid, "plan_id": plan.plan_id, "source": MTTQ,
            "received_date": received, "raised_by": v.get("raised_by"),
            "address": v.get("address"), "phone": _phone(v.get("phone")),
            "content": v.get("content"), "field": field_, "status": NEW,
            "note": "\n".join(notes) or None, "intake_ref": intake_ref(code, batch),
            "duplicate_of": None}


def _phone(value):
    if not value:
        return None
    try:
        return parsing.parse_phone(value.lstrip("'"))
    except parsing.Unreadable:
        return value


def _pending_row(ret, row, v, code, batch, reason, plan_id, today) -> dict:
    raw_date = row.values.get("received_date")
    return {"file": ret.name, "source_sheet": row.sheet, "source_row": row.row, "code": code,
            "batch": batch, "plan_id": plan_id, "reason": reason,
            "raised_by": v.get("raised_by"), "address": v.get("address"),
            "phone": v.get("phone"), "content": v.get("content"), "field": v.get("field"),
            "received_date": None if parsing.is_blank(raw_date) else
            (raw_date.strftime("%d/%m/%Y") if isinstance(raw_date, (dt.date, dt.datetime))
             else parsing.to_text(raw_date)),
            "logged": dt.datetime.now().strftime("%d/%m/%Y %H:%M")}


def _changes(reg, res: MergeResult, new_rows: list[dict], pending_rows: list[dict]) -> None:
    ch = res.changes
    first = append_rows(reg, schema.OPINIONS, new_rows, ch)
    table = reg.tables.get("opinions")
    col = (table.columns.get("duplicate_of") if table is not None and table.present
           else schema.OPINIONS.keys.index("duplicate_of"))
    for i, r in enumerate(new_rows):
        if r.get("_note") and col is not None:
            ch.marks.append(Mark(schema.OPINIONS.name, a1(first + i, col), "warning",
                                 f"{MARK_PREFIX}\n{r['_note']}"))
    if pending_rows:
        append_rows(reg, schema.PENDING, pending_rows, ch)
    t = res.totals
    ch.summary.append(f"Nhận ý kiến MTTQ: {t.read} dòng đọc; {t.added} thêm mới ({t.duplicates} "
                      f"nghi trùng); {t.already} đã có; {t.set_aside} chờ xử lý.")
