"""Generating a plan's documents: rows in, Word files and register rows out.

For each plan and kind: the batches of rows it is made from (:mod:`.batches`, rows with
validation errors refused with those errors), the template compiled once (a commune's own copy
beside the registry wins), the pre-flight, the files written atomically with names a clerk can
read and sort, and a row in the register (:mod:`.register`).

Re-generating a draft replaces it; an issued document is never overwritten: if its inputs have
changed, a new draft version is written beside it and the clerk is told which rows changed.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Callable

from doithoai.documents import (aside, batch_files, cancelled, engine, issued_marks, notices,
                                 persons, replacing, row_errors, timing, wordml)
from doithoai.documents.batches import Batch, batches, replies_waiting
from doithoai.documents.context import PRINTED, Builder, changed_rows, combine, rows_said
from doithoai.documents.context import followup
from doithoai.documents.register import DRAFT, ISSUED, Register
from doithoai.documents.result import Result
from doithoai.documents.kinds import KINDS, KINDS_BY_CODE, Kind, template_name
from doithoai.registry import schema
from doithoai.registry.model import Plan, Registry
from doithoai.rules import deadlines, validation
from doithoai.text import vnformat
from doithoai.text.filenames import safe_name

BUILTIN_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))), "workbook_templates")
LOCAL_TEMPLATE_FOLDER = "mau-van-ban"


def builtin_template_dir() -> str:
    """workbook_templates/ of the source tree, or the copy installed as package data."""
    if os.path.isdir(BUILTIN_TEMPLATES):
        return BUILTIN_TEMPLATES
    import importlib.resources
    return str(importlib.resources.files("doithoai_templates"))


class Generator:
    def __init__(self, reg: Registry, out_dir: str, *, today: dt.date | None = None,
                 template_dirs: list[str] | None = None,
                 progress: Callable[[str], None] | None = None):
        self.reg = reg
        self.out = out_dir
        self.today = today or dt.date.today()
        registry_dir = os.path.dirname(reg.source) if reg.source else None
        local = [os.path.join(registry_dir, LOCAL_TEMPLATE_FOLDER), registry_dir] \
            if registry_dir else []
        self.template_dirs = (template_dirs or []) + local + [builtin_template_dir()]
        self.progress = progress or (lambda text: None)
        self.report = deadlines.compute(reg, self.today)
        self.problems = validation.validate(reg, self.today, self.report)
        self.error_rows = row_errors.cells_of(self.problems, validation.error_rows(self.problems))
        self.compiled: dict[str, engine.Compiled] = {}
        self.result = Result()
        self.register = Register(reg, out_dir)
        self.citizens = persons.Citizens(reg)
        self.issued: list[tuple[Plan, str, dt.date]] = []     # (plan, kind, date) issued now
        self.prepared_kept: list[str] = []     # the plan's issued preparation kept as issued
        self.written_codes: set[str] = set()   # the plan's kinds this run wrote a file of

    def template(self, kind: Kind, party: bool) -> engine.Compiled:
        name = template_name(kind.code, party)
        if name not in self.compiled:
            path = next(os.path.join(d, name) for d in self.template_dirs
                        if d and os.path.exists(os.path.join(d, name)))
            self.compiled[name] = engine.compile_template(path)
        return self.compiled[name]

    def run(self, plan_ids: list[str] | None = None, codes: list[str] | None = None,
            issue: bool = False) -> Result:
        plans = [p for p in self.reg.plans if p.plan_id and (not plan_ids or p.plan_id in plan_ids)]
        kinds = [k for k in KINDS if not codes or k.code in codes]
        self.result.issuing = issue
        asked = bool(codes) and (bool(plan_ids) or len(plans) == 1)     # named for its plan
        stale = issued_marks.elsewhere(batch_files.record_files(self.out), self.register) \
            if issue else []
        if stale:                # issued from a newer copy: no number is given from this one
            self.result.refusals += [issued_marks.refused(self.out, p, m) for p, m in stale]
            return self.result
        for plan in plans:
            self.plan_documents(plan, kinds, issue, asked=asked)
        late = notices.issued_late(self.reg, self.report, self.issued)
        off = notices.issued_on_day_off(self.reg, self.today) \
            if any(day == self.today for *_, day in self.issued) else None
        self.result.notices[:0] = ([off] if off else []) + late
        self.result.notices += notices.after_issuing(self.register)
        self.result.notices += notices.typed_statuses(self.reg.register, {p.plan_id
                                                                          for p in plans})
        if codes == ["CVDD"] and self.result.found_nothing():
            self.result.notices.append(notices.nothing_overdue(self.today))
        self.result.register_rows = self.register.to_changes(self.result.changes)
        self.result.numbered = self.register.numbered
        if self.issued:     # what Tính hạn would write next, as the issued documents make it
            self.result.changes.extend(self.register.deadlines_as_issued(self.today))
        return self.result

    def plan_documents(self, plan: Plan, kinds: list[Kind], issue: bool,
                       asked: bool = False) -> None:
        """The plan's documents of ``kinds`` (``asked``: named by the clerk for this plan alone);
        those that tell of the conference wait for it, those that announce it are drafts once
        it is past (a notice says each)."""
        kinds, refused = cancelled.still_made(self.reg, plan, kinds)
        # none of its kinds named by the clerk: said, not refused (the run exits 0)
        (self.result.refusals if asked else self.result.notices).extend(
            refused if asked else [f"{p.message} {p.hint}" for p in refused])
        if not kinds:
            return
        if (schema.PLANS.name, plan.row) in self.error_rows:
            self.result.refusals += row_errors.plan_refused(plan, kinds, self.error_rows)
            return
        builder = Builder(self.reg, plan, self.report, self.today)
        folder = os.path.join(self.out, safe_name(plan.plan_id))
        waiting, unissued, past = self._timing_notices(plan, builder, kinds, issue)
        if issue:
            made = [k for k in kinds if k not in waiting]      # not made: said so already
            builder.concluded_now = self._conclusion_in_this_run(
                builder, [k for k in made if k not in unissued])
            unissued += timing.awaiting_conclusion(self.reg, builder, made, unissued,
                                                   self.result.notices)
        self.prepared_kept, self.written_codes = [], set()
        kept = [kind for kind in kinds if kind not in waiting and
                self.kind_documents(builder, kind, folder, issue and kind not in unissued,
                                    keep_made=kind in past)]
        if self.prepared_kept:
            self.result.notices.append(notices.issued_before_meeting(plan, self.prepared_kept))
        if kept:
            self.result.notices.append(notices.before_the_meeting(plan, kept))
        plain = sorted(builder.unmarked & self.written_codes)    # not those left as they were
        if plain:
            self.result.notices.append(notices.provisional_plain(plan, plain))

    def _timing_notices(self, plan: Plan, builder: Builder, kinds: list[Kind], issue: bool):
        """(the kinds not made in this run, the kinds only drafted, the kinds not made again
        over a file made before), each group told (documents/timing.py); and a notice when the
        form's deadline has passed."""
        skipped, unissued, past, said = timing.out_of_time(plan, builder, kinds, self.today,
                                                           issue, self.register.kinds_issued(plan))
        self.result.notices += said
        self.result.notices += [n for n in (
            notices.stale_form_deadline(plan, builder, kinds, self.today),
            notices.plan_steps_past(plan, builder, kinds, self.today,
                                    issue and not any(k.code == "KH" for k in unissued))) if n]
        return skipped, unissued, past

    def _conclusion_in_this_run(self, builder: Builder, kinds: list[Kind]) -> dt.date | None:
        """The day the conclusion notice (TBKL) will be issued by this run, if it will be (not
        issued before, nothing missing). Its deadlines then hold in every document the run
        issues, those made before it too (the report of opinions, the assignment letters): a
        chairman signs no two documents of one day that give one opinion two deadlines."""
        kind = KINDS_BY_CODE["TBKL"]
        plan = builder.plan
        compiled = self.template(kind, plan.is_party) if kind in kinds else None
        if compiled is None or compiled.problems:
            return None
        todo, _ = batches(kind, builder, self.error_rows, self.register)
        if len(todo) != 1 or self.register.rows_for(plan.plan_id, todo[0].base, ISSUED):
            return None
        date = plan.issue_date if timing.own_number(plan, kind) else self.today
        unmarked = set(builder.unmarked)          # a trial: what it notes is not kept
        ok, refused = self._contexts(builder, kind, compiled, todo[0], None, date)
        builder.unmarked = unmarked
        return date if ok and not refused else None

    def kind_documents(self, builder: Builder, kind: Kind, folder: str, issue: bool,
                       keep_made: bool = False) -> bool:
        """The plan's documents of one kind, batch by batch (refusals counted, not raised);
        with ``keep_made``, a file already there is left as it is. Whether one was left."""
        compiled = self.template(kind, builder.plan.is_party)
        if compiled.problems:
            self.result.refusals += compiled.problems
            return False
        self.progress(f"Đang tạo {kind.name.lower()} ({builder.plan.plan_id})…")
        todo, refusals = batches(kind, builder, self.error_rows, self.register)
        self.result.refusals += refusals
        if kind.code == "CVTL" and (waiting := replies_waiting(builder, self.register,
                                                               self.error_rows)):
            # one notice, not a refusal: nothing is wrong, the answers are not written yet
            self.result.notices.append(notices.replies_waiting(self.reg, builder.plan, waiting))
        kept = False
        for batch in todo:
            where = os.path.join(folder, batch.subfolder) if batch.subfolder else folder
            if keep_made and os.path.exists(os.path.join(where, engine.safe_filename(
                    batch.base, suffix=compiled.suffix))):
                kept = True
                continue
            self.batch(builder, kind, compiled, where, batch, issue)
        if not any(b.merged for b in todo):
            aside.earlier_drafts(self.result, self.register, builder.plan, kind,
                                 compiled.suffix, folder, todo)
        return kept

    # one batch: one register row -----------------------------------------------------------------
    def batch(self, builder: Builder, kind: Kind, compiled, folder: str, batch: Batch,
              issue: bool) -> None:
        """Render ``batch.items`` (one document each) under the register row of ``batch.base``."""
        plan = builder.plan
        versions = replacing.in_order(self.register.rows_for(plan.plan_id, batch.base, ISSUED))
        drafts = self.register.rows_for(plan.plan_id, batch.base, DRAFT)
        draft = drafts[-1] if drafts else None
        if versions:
            revision = self._revision(builder, kind, compiled, folder, batch, versions, draft,
                                      issue)
            if revision is None:
                return
            target_base, status, number, date, (ok, refused) = revision
        elif issue and kind.numbered:
            target_base, status, number, date, (ok, refused) = self._first_issue(
                builder, kind, compiled, batch)
        else:
            status, number, date, target_base = DRAFT, None, None, batch.base
            ok, refused = self._contexts(builder, kind, compiled, batch, None, None)
        guard = issued_marks.refusal(self.register, os.path.join(
            folder, engine.safe_filename(target_base, suffix=compiled.suffix)), batch.label)
        if guard is not None:                # issued from another copy of the registry
            self.result.refusals.append(guard)
            return
        if ok and batch.merged:
            aside.merged_items(self.result.notices, kind, compiled.suffix,
                               batch_files.items_folder(kind, folder, target_base), batch, ok)
        self._refused(kind, folder, batch, compiled, refused)
        if not ok:
            return
        mark = issued_marks.mark(status, self.register.number_symbol(builder, kind, number), date)
        record_path = self._write(kind, compiled, folder, batch, target_base, ok, mark)
        self.written_codes.add(kind.code)
        if status == ISSUED:
            self.issued.append((plan, kind.code, date))
        if kind.code == "TBKL" and status == ISSUED:
            builder.concluded_now = date     # the notices to citizens count from it
        self.result.note(plan.plan_id, kind.code, [ctx for _, ctx, _ in ok], self.citizens,
                         goes_out=status == ISSUED or not kind.numbered)
        if kind.numbered:
            first = ok[0][1]
            subject = (first.printed_value("vv") or first.printed_value("trich_yeu")
                       or kind.name).replace(vnformat.NBSP, " ")
            self.register.record(
                builder, kind, subject, first.values.get("_opinion_id"), record_path, number,
                date, status, combine([c.fingerprint(compiled.used) for _, c, _ in ok]),
                draft)                  # a draft's row becomes its issued version's

    def _first_issue(self, builder: Builder, kind: Kind, compiled, batch: Batch):
        """A document issued for the first time, as :meth:`_revision` returns one: the plan's
        own number (and date: issued outside the tool) or the next of its series, today."""
        plan = builder.plan
        date = plan.issue_date if timing.own_number(plan, kind) else self.today
        number = self.register.plan_number(kind, plan) or \
            self.register.next_number(kind, plan.is_party, date.year)
        return (batch.base, ISSUED, number, date,
                self._contexts(builder, kind, compiled, batch, number, date))

    def _contexts(self, builder: Builder, kind: Kind, compiled, batch: Batch, number, date,
                  replaced: dict | None = None):
        """Each item's context: (ok, refused), each a list of (item, context, missing values);
        ``replaced``: the register row of the version the documents replace."""
        ok, refused = [], []
        for n, item in enumerate(batch.items, start=1):
            ctx = builder.common(kind.code, number, date, compiled.used)
            replacing.put(ctx, replaced, kind.code)
            batch.fill(ctx, item)
            builder.finish(ctx)
            subject = batch.subject(kind, n, item)
            document = batch.label if len(batch.items) == 1 else f"{batch.label} ({subject})"
            missing = row_errors.refused(ctx, self.error_rows, document, kind) or \
                engine.missing_values(compiled, ctx, self.reg, document,
                                      document_kind=kind.code, subject=subject)
            (refused if missing else ok).append((item, ctx, missing))
        return ok, refused

    def _revision(self, builder, kind, compiled, folder, batch, versions, draft, issue):
        """An issued document whose inputs changed gets a new version "…_v2": a draft, or,
        when the run issues, issued under a number of its own (:meth:`_new_version`); either
        cites the version in force, the last of ``versions`` (its issued rows, the first
        first), which is checked as it was made (citing the one before it). Returned as (its
        file stem, status, number, date, contexts). An unchanged one is left alone (None), and
        so is one that could not be made again (a row with errors, a value missing: its
        refusal says which, no draft follows), and one that prepared a conference now over (it
        could not be issued again: the notice says what changed). A reminder still owed is
        chased again (:meth:`_next_reminder`)."""
        issued = versions[-1]
        ok, refused = self._contexts(builder, kind, compiled, batch, issued.get("number"),
                                     issued.get("date"),
                                     replacing.in_force_before(versions, len(versions) - 1))
        if refused:
            self.result.refusals += [p for _, _, problems in refused for p in problems]
            return None
        old = issued.get("fingerprint") or ""
        fp, holds = replacing.fingerprint_holds(old, [c for _, c, _ in ok], compiled.used
                                                if old.startswith(PRINTED) else None)
        if holds:
            self.result.unchanged.append(issued.get("file"))
            return None
        rows = changed_rows(issued.get("fingerprint") or "", fp)
        # No row of the registry changed: what the document works out did (a deadline now
        # counted from a notice issued since, the calendar), not Cấu hình.
        changed = (rows_said(rows) if rows else
                   "những gì phần mềm tính ra (hạn tính từ văn bản ban hành sau, lịch nghỉ)")
        if kind.before_meeting and timing.is_over(builder.plan, self.today):
            self.prepared_kept.append(f"{batch.label} ({issued.get('number_symbol')}; đổi ở "
                                      f"{changed})")
            return None
        target_base = batch_files.revision_base(folder, batch.base,
                                                draft["file"] if draft is not None else None)
        said = (f"{batch.label} đã ban hành ({issued.get('number_symbol')}) nhưng dữ liệu đã "
                f"đổi ở: {changed}. Bản đã ban hành giữ nguyên")
        if kind.code == "CVDD":          # the agency still owes: chased again
            return self._next_reminder(builder, kind, compiled, batch, target_base, versions,
                                       issue)
        if issue and kind.before_meeting and kind.code != "KH":       # the conference moved
            return self._new_version(builder, kind, compiled, batch, target_base, said,
                                     versions)
        self.result.notices.append(f"{said}; bản dự thảo mới: {target_base}."
                                   + (notices.plan_revised() if kind.code == "KH" else
                                      notices.told_after_meeting(kind)))
        return (target_base, DRAFT, None, None,
                self._contexts(builder, kind, compiled, batch, None, None,
                               replacing.in_force_before(versions, len(versions))))

    def _new_version(self, builder, kind, compiled, batch, target_base, said, versions):
        """The new version of a preparation document (notice, invitations, summary,
        assignments) whose conference is not held yet, issued by this run under a new number and
        today's date: the conference moved, or its place; the earlier version stays as issued,
        on file. A plan (KH) is never issued again this way (its number is the one every
        document cites), nor what tells of a conference held (changes to it are drafted)."""
        number = self.register.next_number(kind, builder.plan.is_party, self.today.year)
        self.result.notices.append(f"{said} (không dùng nữa); đã ban hành bản mới {target_base} "
                                   "với số mới, ngày hôm nay: gửi bản mới thay bản cũ.")
        return (target_base, ISSUED, number, self.today,
                self._contexts(builder, kind, compiled, batch, number, self.today,
                               replacing.in_force_before(versions, len(versions))))

    def _next_reminder(self, builder, kind, compiled, batch, target_base, versions, issue):
        """The reminder (CVDD) to an agency that still owes after the one issued before it:
        issued under a new number, citing that one ("Tiếp theo Công văn số …"), once the days
        it gave the agency to report have passed; drafted before then (a reminder each time
        Ban hành is pressed would chase no one)."""
        last = versions[-1]
        due = followup.report_by(self.reg, replacing.day_of(last.get("date"))).date
        again = issue and due < self.today
        self.result.notices.append(notices.next_reminder(batch.label, last, target_base, due,
                                                         again, self.today))
        number = self.register.next_number(kind, builder.plan.is_party, self.today.year) \
            if again else None
        day = self.today if again else None
        return (target_base, ISSUED if again else DRAFT, number, day, self._contexts(
            builder, kind, compiled, batch, number, day,
            replacing.in_force_before(versions, len(versions))))

    def _refused(self, kind: Kind, folder: str, batch: Batch, compiled, refused: list) -> None:
        """The refusals of a batch's documents; and, for one whose draft of an earlier run is
        still in the folder, a notice: that file was made from the data as it was, not to be
        used until the refusal is fixed and it is made again (it is not deleted: it may hold
        edits)."""
        for _, _, problems in refused:
            self.result.refusals += problems
        sub = os.path.join(folder, kind.code) if batch.merged else folder
        names = [batch.name(batch.items.index(i) + 1, i) if batch.merged else batch.base
                 for i, _, _ in refused]
        stale = [n for n in names if os.path.exists(
            os.path.join(sub, engine.safe_filename(n, suffix=compiled.suffix)))]
        if stale:
            self.result.notices.append(notices.stale_drafts(
                [engine.safe_filename(n, suffix=compiled.suffix) for n in stale]))

    def _write(self, kind: Kind, compiled, folder: str, batch: Batch, target_base: str,
               ok: list, mark: str | None) -> str:
        """The files of a batch (an issued one's marked: issued_marks); the path its register
        row names."""
        sub = batch_files.items_folder(kind, folder, target_base) if batch.merged else folder
        xmls = []
        for n, (item, ctx, _) in enumerate(ok, start=1):
            stem = target_base if not batch.merged else batch.name(n, item)
            path = os.path.join(sub, engine.safe_filename(stem, suffix=compiled.suffix))
            xml = engine.render(compiled, ctx)
            engine.write_docx(compiled, xml, path, mark)
            self.result.files.append(path)
            xmls.append(xml)
            if batch.merged and (n % 25 == 0 or n == len(ok)):
                self.progress(f"Đang tạo {kind.name.lower()} {n}/{len(ok)}…")
        record_path = os.path.join(folder, engine.safe_filename(target_base,
                                                               suffix=compiled.suffix))
        if batch.merged:
            engine.write_docx(compiled, wordml.merged(xmls), record_path, mark)
            self.result.files.append(record_path)
        return record_path


def generate(reg: Registry, out_dir: str, *, plan_ids=None, codes=None, issue=False,
             today=None, template_dirs=None, progress=None) -> Result:
    return Generator(reg, out_dir, today=today, template_dirs=template_dirs,
                     progress=progress).run(plan_ids, codes, issue)

