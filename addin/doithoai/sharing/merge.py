"""Merging returned intake rows into the registry: every row ends in exactly one place.

Pure core: the registry and the returned files (as read by :mod:`.intake`) in; outcomes and
:class:`~doithoai.registry.changes.Changes` out. For every row read:

- **added**: a new opinion with a new Mã ý kiến, Nguồn "MTTQ chuyển", Trạng thái "Mới" and
  Nguồn nhập "MTTQ CKA-001 (lô 7F3A2C)"; when it probably repeats an opinion already in the
  registry (this plan or an earlier one), Trùng với names that opinion and the cell carries a
  note with the score, for the clerk to confirm (duplicates are counted within added); a row
  the Front left without a Ngày nhận is dated by the day its form came back
  (sharing.timing.returned_on), its Ghi chú and the outcome's note saying so;
- **already present**: the same batch and row code was merged before (the same file merged
  again, or returned twice), or the registry already holds the same person's same text for the
  plan: nothing changes (a row merged before whose person or words now differ from its opinion
  is set aside instead, naming the opinion: the Front corrected it after sending); also a
  row whose form came back twice in this merge, corrected, when the later-saved file holds it
  too (:mod:`.versions`: the later version is the one judged);
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
from typing import NamedTuple

from doithoai.registry import parsing, schema
from doithoai.text import vntext
from doithoai.registry.changes import MARK_PREFIX, Mark, append_rows
from doithoai.registry.ids import OpinionIds
from doithoai.registry.cellref import a1
from doithoai.registry.problems import said
from doithoai.sharing import dedupe
from doithoai.sharing import aside, fitting, keys, timing, versions
from doithoai.sharing.outcomes import (ADDED, ALREADY, SET_ASIDE, FileCount, MergeResult,
                                       Outcome)
from doithoai.sharing.returned import Returned, ReturnedRow

MTTQ = schema.FRONT_SOURCE
NEW = schema.NEW_STATUS
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
    merger = _Merger(reg, today or dt.date.today())
    files = [merger.open(ret, plan_hint) for ret in returned]
    newer = versions.superseded([f.version() for f in files])
    for i, f in enumerate(files):
        merger.take_rows(f, {code: n for (j, code), n in newer.items() if j == i})
    merger.suggest_repeats(threshold)
    _changes(reg, merger.result, merger.new_rows, merger.pending_rows)
    return merger.result


@dataclass
class _Known:
    """What the registry already holds that a returned row may repeat, indexed once a merge and
    kept up to date as rows are taken in or set aside."""
    merged: dict[tuple[str, str], str]      # (row code, batch) → the opinion it became
    contents: dict[tuple, str]              # fitting.content_key → the opinion
    aside: set[tuple]                       # (batch, code, file, row) in Chờ xử lý
    aside_refs: set[tuple[str, str]]        # (batch, code) in Chờ xử lý
    waiting: dict[tuple, str]               # aside.waiting_key → why it stays set aside
    key_of: dict[str, tuple]                # opinion → its fitting.content_key
    taken_from: dict[str, str] = field(default_factory=dict)   # opinion → file, this merge

    @classmethod
    def of(cls, reg) -> "_Known":
        merged, contents, key_of = {}, {}, {}
        for o in reg.opinions:
            m = _REF.search(o.intake_ref or "")
            if m:
                merged[(m.group(1), m.group(2))] = o.opinion_id
            key = fitting.content_key(o.plan_id, o.raised_by, o.content)
            contents[key] = o.opinion_id
            if o.opinion_id:
                key_of[o.opinion_id] = key
        spots = {(p.batch or "", p.code or "", p.file or "", p.source_row) for p in reg.pending}
        refs = {(p.batch, p.code) for p in reg.pending if p.batch and p.code}
        return cls(merged, contents, spots, refs, aside.waiting(reg), key_of)

    def changed(self, ref: tuple | None, key: tuple) -> str | None:
        """Why a row taken in before under its code now reads otherwise than its opinion in
        the registry (the Front corrected it after sending, or the registry was corrected
        since): it is not taken again, nor passed over in silence."""
        oid = self.merged.get(ref) if ref else None
        had = self.key_of.get(oid) if oid else None
        if had is None or had == key:
            return None
        what = " và ".join(name for name, a, b in (("Người nêu", had[1], key[1]),
                                                     ("Nội dung", had[2], key[2])) if a != b)
        if oid in self.taken_from:
            return (f"tệp {self.taken_from[oid]} trong lần nhận này đã cho dòng cùng mã thành "
                    f"{oid}, nhưng {what or 'dòng'} ở tệp này khác (không biết tệp nào lưu sau): "
                    f"so sánh hai bản, sửa dòng {oid} nếu cần rồi xóa dòng này khỏi Chờ xử lý")
        return (f"đã nhận trước đây thành {oid}, nhưng {what or 'dòng'} trong tệp nay khác với "
                f"dòng {oid} của sổ (MTTQ sửa lại sau khi gửi, hoặc sổ đã được sửa): so sánh "
                f"hai bản, sửa dòng {oid} nếu cần rồi xóa dòng này khỏi Chờ xử lý")

    def earlier(self, ref: tuple | None, key: tuple) -> _Verdict | None:
        """The row taken in before, by its code (a file merged again: nothing to say), or found
        by its words among the registry's opinions (another file, a row without code: said to
        the clerk, who may not expect it)."""
        if ref and ref in self.merged:
            return _Verdict(ALREADY, f"đã nhận trước đây thành {self.merged[ref]}",
                            self.merged[ref])
        if key in self.contents:
            oid = self.contents[key]
            return _Verdict(ALREADY, f"sổ đã có ý kiến này ({oid})", oid,
                            note=f"cùng người nêu, cùng nội dung với {oid} đã có trong sổ: "
                                 "không thêm lại")
        return None

    def taken(self, ref: tuple | None, key: tuple, opinion_id: str, file: str) -> None:
        self.taken_from[opinion_id] = file
        self.contents[key] = opinion_id
        self.key_of[opinion_id] = key
        if ref:
            self.merged[ref] = opinion_id

    def first_time_aside(self, batch: str, code: str, file: str, row: int) -> bool:
        """Whether the row goes to Chờ xử lý now: once, never a second time for one form."""
        ref = (batch, code) if batch and code else None
        spot = (batch, code, file, row)
        if spot in self.aside or (ref and ref in self.aside_refs):
            return False
        self.aside.add(spot)
        if ref:
            self.aside_refs.add(ref)
        return True


@dataclass
class _File:
    """One returned file as the merge goes through it."""
    ret: Returned
    count: FileCount
    problem: str | None        # why every row of it is set aside, or None
    plan: object               # the registry's plan it is for (None when it has none)
    batch: str
    codes: dict = field(default_factory=dict)     # Mã phiếu → its first row (fitting.code_used)

    def version(self) -> versions.Version:
        """The file as its versions are compared: a file set aside whole replaces nothing."""
        rows = {}
        for row in self.ret.rows:
            v = _cleaned(row)
            code = _code(row, v)
            if code and code not in rows:
                rows[code] = fitting.content_key("", v.get("raised_by"), v.get("content"))[1:]
        return versions.Version(self.ret.name, "" if self.problem else self.batch,
                                self.ret.saved, rows)


class _Verdict(NamedTuple):
    status: str
    reason: str = ""
    opinion_id: str | None = None
    note: str = ""              # what the merge gave the row that the file did not say


class _Merger:
    """Takes returned files row by row: each row judged, then added, known or set aside."""

    def __init__(self, reg, today: dt.date):
        self.reg, self.today = reg, today
        self.result = MergeResult()
        self.ids = OpinionIds(reg, today)
        self.known = _Known.of(reg)
        self.sent_encrypted = keys.encrypted_batches(reg)
        self.new_rows: list[dict] = []
        self.pending_rows: list[dict] = []

    def take_rows(self, f: _File, newer: dict[str, versions.Newer]) -> None:
        """Every row of the file judged; a row that a later file of the same batch holds too
        (``newer``, by Mã phiếu) is that row's older version: already present."""
        for row in f.ret.rows:
            f.count.read += 1
            v = _cleaned(row)
            code = _code(row, v)
            verdict = (_Verdict(ALREADY, newer[code].reason(code)) if code in newer else
                       self._judge(f, row, v, code))
            if verdict.status == SET_ASIDE:
                self._set_aside(f, row, v, code, verdict.reason)
            f.count.tally(verdict.status)
            self.result.outcomes.append(Outcome(f.ret.name, row.sheet, row.row, code,
                                                verdict.status, verdict.reason,
                                                verdict.opinion_id, note=verdict.note))
        if newer:
            f.count.problem = "; ".join(p for p in (f.count.problem, versions.note(newer))
                                        if p)

    def open(self, ret: Returned, plan_hint: str | None) -> _File:
        count = FileCount(ret.name)
        self.result.files.append(count)
        problem, plan = ((ret.problem, None) if ret.problem else
                         fitting.file_problem(self.reg, ret, plan_hint))
        batch = ret.identity.get("batch", "")
        count.clear = ret.encrypted is False and batch in self.sent_encrypted
        count.problem = _file_note(ret, problem)
        return _File(ret, count, problem, plan, batch)

    def _judge(self, f: _File, row: ReturnedRow, v: dict, code: str) -> _Verdict:
        reason = f.problem or fitting.row_problem(v, row)
        if reason:
            return _Verdict(SET_ASIDE, reason)
        if code:
            reason, twin = fitting.code_used(f.codes, code, row, v, f.plan)
            if twin:
                return _Verdict(ALREADY, twin)
            if reason:
                return _Verdict(SET_ASIDE, reason)
        return self._take_in(f, row, v, code)

    def _take_in(self, f: _File, row: ReturnedRow, v: dict, code: str) -> _Verdict:
        """A row that fits: known already, still waiting in Chờ xử lý, or a new opinion."""
        try:
            received, unusable = fitting.received_date(row.values.get("received_date")), None
        except fitting.UnusableDate as exc:
            received, unusable = None, str(exc)
        late = None if unusable else fitting.late_for(f.plan, received, self.today)
        if late:
            return _Verdict(SET_ASIDE, late)
        key = fitting.content_key(f.plan.plan_id, v.get("raised_by"), v.get("content"))
        ref = (code, f.batch) if code and f.batch else None
        changed = self.known.changed(ref, key)
        if changed:
            return _Verdict(SET_ASIDE, changed)
        earlier = self.known.earlier(ref, key)
        if earlier:
            return earlier
        waiting = self.known.waiting.get(aside.waiting_key(f.batch, code, row.row))
        if waiting or unusable:
            return _Verdict(SET_ASIDE, waiting or unusable)
        dated = ""
        if received is None:            # the day its form came back, said to the clerk
            received, dated = timing.returned_on(f.ret, self.today)
            if received is None:
                return _Verdict(SET_ASIDE, dated)
        oid = self.ids.next(f.plan)
        self.new_rows.append(_opinion_row(self.reg, f.plan, oid, v, received, code, f.batch,
                                          source=v.get("source"), dated=dated))
        self.known.taken(ref, key, oid, f.ret.name)
        return _Verdict(ADDED, "", oid, dated)

    def _set_aside(self, f: _File, row: ReturnedRow, v: dict, code: str, reason: str) -> None:
        if self.known.first_time_aside(f.batch, code, f.ret.name, row.row):
            plan_id = f.plan.plan_id if f.plan else f.ret.identity.get("plan")
            self.pending_rows.append(aside.pending_row(f.ret, row, v, code, f.batch, reason,
                                                       plan_id))

    def suggest_repeats(self, threshold: int) -> None:
        """Each new opinion against the registry and the new ones before it: a probable repeat
        is named in Trùng với, with its score in a note, for the clerk to confirm."""
        if not self.new_rows:
            return
        new_items = [dedupe.Item(r["opinion_id"], (dt.date.max, 10**9 + i), r["content"] or "",
                                 r["raised_by"] or "", r["address"] or "", r["field"] or "",
                                 r["plan_id"]) for i, r in enumerate(self.new_rows)]
        pool = dedupe.items_from_registry(self.reg) + new_items
        found = {s.key: s for s in dedupe.in_registry(
            self.reg, dedupe.suggest(new_items, pool, threshold=threshold))}
        added = {o.opinion_id: o for o in self.result.outcomes if o.status == ADDED}
        files = {f.name: f for f in self.result.files}
        for r in self.new_rows:
            s = found.get(r["opinion_id"])
            if s and s.original != r["opinion_id"]:
                r["duplicate_of"] = s.original
                r["_note"] = s.note()
                o = added[r["opinion_id"]]
                o.duplicate_of, o.score = s.original, s.score
                files[o.file].duplicates += 1


def _cleaned(row: ReturnedRow) -> dict:
    """The row's values as they would be stored: texts cleaned, the date as read."""
    return {k: x if k == "received_date" else clean_text(x) for k, x in row.values.items()}


def _code(row: ReturnedRow, v: dict | None = None) -> str:
    """The row's Mã phiếu as the merge knows it (``v``: the row already cleaned)."""
    return ((v if v is not None else _cleaned(row)).get("code") or "").lstrip("'")[:20]


def _file_note(ret: Returned, problem: str | None) -> str | None:
    """What the summary line says about a file beside its counts."""
    if ret.problem:
        return ret.problem
    if problem:
        return None             # every row says it, set aside
    notes = [n for n in (
        "trang ẩn nhận dạng đã bị xóa; kế hoạch lấy từ dòng \"Mã KH\" ở đầu trang"
        if ret.identity_source == "đầu trang" else None, ret.note) if n]
    return "; ".join(notes) or None


def _field(reg, value: str | None) -> tuple[str | None, str]:
    if not value:
        return None, ""
    choices = reg.lookups.get("fields", [])
    if value in choices:
        return value, ""
    near = vntext.nearest(value, choices)
    if near and vntext.plain_key(near) == vntext.plain_key(value):
        return near, ""                  # the same words, accents or case aside
    if near:
        return near, (f"MTTQ ghi lĩnh vực \"{value}\" (không có trong danh mục): đã chọn "
                      f"\"{near}\", gần nhất; kiểm tra lại.")
    return None, f"MTTQ ghi lĩnh vực \"{value}\" (không có trong danh mục): chọn lại."


def _opinion_row(reg, plan, oid, v, received, code, batch, source, dated="") -> dict:
    field_, field_note = _field(reg, v.get("field"))
    notes = [n for n in (v.get("note"), field_note,
                         f"MTTQ ghi nguồn: {source}" if source else None, dated) if n]
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
