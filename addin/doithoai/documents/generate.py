"""Generating a plan's documents, with the document register (Sổ văn bản).

For each plan and kind: which rows (the plan, each invited delegate, village, agency, pending
opinion), rows with validation errors refused with those errors, the template compiled once
(a commune's own copy beside the registry wins), the pre-flight, the files written atomically
with names a clerk can read and sort.

The register: numbers run per year from 01, one sequence for all kinds or one per kind (setting
"Đánh số văn bản"), state and party documents apart; a number is assigned only when a document
is issued and never reused. Each row keeps a fingerprint of the rows the document was made from.
Re-generating a draft replaces it; an issued document is never overwritten: if its inputs have
changed, a new draft version is written beside it and the clerk is told which rows changed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Callable

from doithoai.rules import deadlines, validation
from doithoai.documents import engine
from doithoai.registry import schema
from doithoai.text import vnformat
from doithoai.registry.changes import Block, Changes
from doithoai.documents.context import Builder, changed_rows
from doithoai.text.vntext import title_slug
from doithoai.registry.model import Plan, Registry
from doithoai.registry.problems import Problem, make
from doithoai.documents.templates import KINDS, KINDS_BY_CODE, Kind, template_name

BUILTIN_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))), "workbook_templates")
LOCAL_TEMPLATE_FOLDER = "mau-van-ban"
ISSUED, DRAFT = "Đã ban hành", "Dự thảo"


def builtin_template_dir() -> str:
    """workbook_templates/ of the source tree, or the copy installed as package data."""
    if os.path.isdir(BUILTIN_TEMPLATES):
        return BUILTIN_TEMPLATES
    import importlib.resources
    return str(importlib.resources.files("doithoai_templates"))


@dataclass
class Result:
    files: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refusals: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    register_rows: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.files)} tệp văn bản"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} văn bản đã ban hành không đổi, giữ nguyên")
        if self.refusals:
            parts.append(f"{len(self.refusals)} chỗ cần sửa nên chưa tạo")
        return "Đã tạo " + "; ".join(parts) + "."


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
        self.error_rows = validation.error_rows(self.problems)
        self.compiled: dict[str, engine.Compiled] = {}
        self.result = Result()
        self.register = [self._entry_dict(e) for e in reg.register]
        self._register_table = reg.tables.get("register")

    # templates ----------------------------------------------------------------------------------
    def template(self, kind: Kind, party: bool) -> engine.Compiled:
        name = template_name(kind.code, party)
        if name not in self.compiled:
            path = next(os.path.join(d, name) for d in self.template_dirs
                        if d and os.path.exists(os.path.join(d, name)))
            self.compiled[name] = engine.compile_template(path)
        return self.compiled[name]

    # generation ---------------------------------------------------------------------------------
    def run(self, plan_ids: list[str] | None = None, codes: list[str] | None = None,
            issue: bool = False) -> Result:
        plans = [p for p in self.reg.plans if p.plan_id and (not plan_ids or p.plan_id in plan_ids)]
        kinds = [k for k in KINDS if not codes or k.code in codes]
        for plan in plans:
            self.plan_documents(plan, kinds, issue)
        self._register_changes()
        return self.result

    def plan_documents(self, plan: Plan, kinds: list[Kind], issue: bool) -> None:
        if (schema.PLANS.name, plan.row) in self.error_rows:
            for k in kinds:
                self.result.refusals.append(make(
                    "document-row-has-errors", schema.PLANS.name, row=plan.row,
                    document=f"{k.code} của {plan.plan_id}"))
            return
        builder = Builder(self.reg, plan, self.report, self.today)
        folder = os.path.join(self.out, engine.safe_filename(plan.plan_id)[:-5])
        for kind in kinds:
            compiled = self.template(kind, plan.is_party)
            if compiled.problems:
                self.result.refusals += compiled.problems
                continue
            self.progress(f"Đang tạo {kind.name.lower()} ({plan.plan_id})…")
            getattr(self, f"_{kind.per}")(builder, kind, compiled, folder, issue)

    # register -----------------------------------------------------------------------------------
    @staticmethod
    def _entry_dict(e) -> dict:
        return {k: getattr(e, k) for k in schema.REGISTER.keys}

    @staticmethod
    def _base_of(row: dict) -> str:
        stem = os.path.splitext(os.path.basename(row.get("file") or ""))[0]
        return re.sub(r"_v\d+$", "", stem)

    def _rows(self, plan_id: str, base: str, status: str) -> list[dict]:
        return [r for r in self.register if r.get("plan_id") == plan_id
                and r.get("status") == status and self._base_of(r) == base]

    def _sequence(self, kind: Kind | None, party: bool) -> tuple:
        mode = self.reg.settings.numbering or "theo loại"
        return (party, "*" if mode == "chung" else ((kind.abbr or "CV") if kind else "?"))

    def next_number(self, kind: Kind, party: bool, year: int) -> int:
        seq = self._sequence(kind, party)
        used = [r["number"] for r in self.register
                if r.get("number") and r.get("date") and r["date"].year == year
                and self._sequence(KINDS_BY_CODE.get(r.get("kind") or ""),
                                   "/ĐU" in (r.get("number_symbol") or "")) == seq]
        return max(used, default=0) + 1

    def _plan_number(self, kind: Kind, plan: Plan) -> int | None:
        if kind.code == "KH" and plan.number_symbol:
            head = plan.number_symbol.replace("-", "/").split("/")[0]
            return int(head) if head.isdigit() else None
        return None

    def _record(self, builder: Builder, kind: Kind, subject: str, opinion_id, path: str,
                number, date, status: str, fp: str, replace: dict | None) -> None:
        plan = builder.plan
        symbol = builder.symbol(kind)
        number_symbol = None
        if number:
            number_symbol = f"{number:02d}-{symbol}" if plan.is_party else f"{number:02d}/{symbol}"
            if kind.code == "KH" and plan.number_symbol:
                number_symbol = plan.number_symbol
        row = {"number": number, "symbol": symbol, "number_symbol": number_symbol, "date": date,
               "kind": kind.code, "subject": subject, "plan_id": plan.plan_id,
               "opinion_id": opinion_id, "file": os.path.relpath(path, self.out),
               "status": status, "fingerprint": fp}
        if replace is not None:
            replace.update(row)
        else:
            self.register.append(row)

    # one document (or one batch of invitations) ------------------------------------------------
    def _documents(self, builder: Builder, kind: Kind, compiled, folder: str, base: str,
                   items: list, fill: Callable, issue: bool, label: str,
                   name: Callable[[int, object], str], merged: bool = False) -> None:
        """Render ``items`` (one document each) under one register row keyed by ``base``."""
        plan = builder.plan
        issued = self._rows(plan.plan_id, base, ISSUED)[-1:] or [None]
        issued = issued[0]
        drafts = self._rows(plan.plan_id, base, DRAFT)
        draft = drafts[-1] if drafts else None

        def contexts(number, date):
            out, refused = [], []
            for item in items:
                ctx = builder.common(kind.code, number, date)
                fill(ctx, item)
                missing = engine.missing_values(compiled, ctx, self.reg,
                                                   f"{label}" if len(items) == 1 else
                                                   f"{label} ({name(1, item)})")
                (refused if missing else out).append((item, ctx, missing))
            return out, refused

        if issued is not None:
            ok, refused = contexts(issued.get("number"), issued.get("date"))
            fp = _combine([c.fingerprint() for _, c, _ in ok])
            if fp.split("|")[0] == (issued.get("fingerprint") or "").split("|")[0]:
                self.result.unchanged.append(issued.get("file"))
                return
            changed = ", ".join(changed_rows(issued.get("fingerprint") or "", fp)) or "Cấu hình"
            version = 2
            if draft is not None and re.search(r"_v(\d+)$", os.path.splitext(
                    os.path.basename(draft["file"]))[0]):
                version = int(re.search(r"_v(\d+)$", os.path.splitext(
                    os.path.basename(draft["file"]))[0]).group(1))
            else:
                while os.path.exists(os.path.join(folder, f"{base}_v{version}.docx")) or \
                        os.path.isdir(os.path.join(folder, f"{base}_v{version}")):
                    version += 1
            target_base = f"{base}_v{version}"
            ok, refused = contexts(None, None)
            status, number, date = DRAFT, None, None
            self.result.notices.append(
                f"{label} đã ban hành ({issued.get('number_symbol')}) nhưng dữ liệu đã đổi ở: "
                f"{changed}. Bản đã ban hành giữ nguyên; bản dự thảo mới: {target_base}.")
        elif issue and kind.numbered:
            date = self.today
            number = self._plan_number(kind, plan) or self.next_number(kind, plan.is_party,
                                                                       date.year)
            ok, refused = contexts(number, date)
            status, target_base = ISSUED, base
        else:
            ok, refused = contexts(None, None)
            status, number, date, target_base = DRAFT, None, None, base
        for _, _, missing in refused:
            self.result.refusals += missing
        if not ok:
            return
        sub = folder if not merged else os.path.join(folder, target_base.replace(
            engine.MERGED_STEM, kind.code))
        xmls = []
        for n, (item, ctx, _) in enumerate(ok, start=1):
            stem = target_base if not merged else name(n, item)
            path = os.path.join(sub, engine.safe_filename(stem, suffix=compiled.suffix))
            xml = engine.render(compiled, ctx)
            engine.write_docx(compiled, xml, path)
            self.result.files.append(path)
            xmls.append(xml)
            if merged and (n % 25 == 0 or n == len(ok)):
                self.progress(f"Đang tạo {kind.name.lower()} {n}/{len(ok)}…")
        record_path = os.path.join(folder, engine.safe_filename(target_base,
                                                                  suffix=compiled.suffix))
        if merged:
            engine.write_docx(compiled, engine.merge(xmls), record_path)
            self.result.files.append(record_path)
        if kind.numbered:
            first = ok[0][1]
            subject = first.values.get("vv") or first.values.get("trich_yeu") or kind.name
            self._record(builder, kind, subject, first.values.get("_opinion_id"), record_path,
                         number, date, status, _combine([c.fingerprint() for _, c, _ in ok]),
                         draft if (draft is not None and (status != ISSUED or issued is None))
                         else None)

    # the rows of each kind ----------------------------------------------------------------------
    def _plan(self, builder, kind, compiled, folder, issue):
        fill = getattr(builder, kind.code.lower())
        self._documents(builder, kind, compiled, folder, kind.code, [None],
                        lambda ctx, _: fill(ctx), issue,
                        f"{kind.name} {builder.plan.plan_id}", lambda n, i: kind.code)

    def _village(self, builder, kind, compiled, folder, issue):
        for village in builder.plan.villages:
            base = f"{kind.code}_{title_slug(village)}"
            self._documents(builder, kind, compiled, folder, base, [village], builder.pdk,
                            issue, f"{kind.name} {village}", lambda n, i: base)

    def _agency(self, builder, kind, compiled, folder, issue):
        agencies = sorted({o.agency for o in builder.raised() if o.agency}, key=vnformat.collate)
        for agency in agencies:
            base = f"{kind.code}_{title_slug(agency)}"
            self._documents(builder, kind, compiled, folder, base, [agency], builder.cvpc,
                            issue, f"{kind.name} ({agency})", lambda n, i: base)

    def _overdue(self, builder, kind, compiled, folder, issue):
        for agency in builder.overdue_agencies():
            base = f"{kind.code}_{title_slug(agency)}"
            self._documents(builder, kind, compiled, folder, base, [agency], builder.cvdd,
                            issue, f"{kind.name} ({agency})", lambda n, i: base)

    def _opinion(self, builder, kind, compiled, folder, issue):
        for o in deadlines.opinions_needing_reply(self.reg, builder.plan.plan_id):
            if o.reply_number and not self._rows(builder.plan.plan_id,
                                                 self._reply_base(kind, o), ISSUED):
                continue        # already answered in writing outside doithoai: not pending
            if (schema.OPINIONS.name, o.row) in self.error_rows:
                self.result.refusals.append(make("document-row-has-errors", schema.OPINIONS.name,
                                                 row=o.row, document=f"{kind.code} {o.opinion_id}"))
                continue

            def fill(ctx, item):
                builder.cvtl(ctx, item)
                ctx.values["_opinion_id"] = item.opinion_id
            base = self._reply_base(kind, o)
            self._documents(builder, kind, compiled, os.path.join(folder, "CVTL"), base, [o],
                            fill, issue, f"{kind.name} {o.opinion_id}", lambda n, i: base)

    @staticmethod
    def _reply_base(kind: Kind, o) -> str:
        return f"{kind.code}_{o.opinion_id}_{title_slug(o.raised_by or '')}"

    def _invitee(self, builder, kind, compiled, folder, issue):
        people = []
        for inv in builder.invited():
            if (schema.INVITEES.name, inv.row) in self.error_rows:
                self.result.refusals.append(make("document-row-has-errors", schema.INVITEES.name,
                                                 row=inv.row, document=f"GM {inv.full_name}"))
            else:
                people.append(inv)
        if not people:
            return
        # One invitation per delegate, numbered as one document (one register row, one number),
        # plus the merged print file. Names sort in protocol order: GM_003_Nguyen-Van-An.
        self._documents(builder, kind, compiled, folder, engine.MERGED_STEM, people,
                        builder.gm, issue, f"Giấy mời {builder.plan.plan_id}",
                        lambda n, inv: f"GM_{n:03d}_{title_slug(inv.full_name)}", merged=True)

    # the register as changes to Sổ văn bản ------------------------------------------------------
    def _register_changes(self) -> None:
        rows = [{k: r.get(k) for k in schema.REGISTER.keys} for r in self.register]
        self.result.register_rows = rows
        table = self._register_table
        if table is None or not table.present or not rows:
            return
        old = len(table.rows)
        values = tuple(tuple(r[k] for k in schema.REGISTER.keys) for r in rows)
        self.result.changes.blocks.append(Block(schema.REGISTER.name, 2, 0, values))
        self.result.changes.table_rows[schema.REGISTER.name] = max(len(rows), old)
        self._reply_numbers()

    def _reply_numbers(self) -> None:
        """Issued replies: their number and date go to the opinion row, where still empty."""
        table = self.reg.tables.get("opinions")
        if table is None:
            return
        by_id = {o.opinion_id: o for o in self.reg.opinions}
        cols = [table.columns.get("reply_number"), table.columns.get("reply_date")]
        if None in cols or cols[1] != cols[0] + 1:
            return
        for r in self.register:
            o = by_id.get(r.get("opinion_id"))
            if r.get("status") == ISSUED and o and not o.reply_number and not o.reply_date:
                self.result.changes.blocks.append(Block(
                    schema.OPINIONS.name, o.row, cols[0], ((r["number_symbol"], r["date"]),)))


def generate(reg: Registry, out_dir: str, *, plan_ids=None, codes=None, issue=False,
             today=None, template_dirs=None, progress=None) -> Result:
    return Generator(reg, out_dir, today=today, template_dirs=template_dirs,
                     progress=progress).run(plan_ids, codes, issue)



def _combine(fingerprints: list[str]) -> str:
    """One fingerprint for a batch: a hash of the parts, and every row part once."""
    heads = [f.split("|")[0] for f in fingerprints]
    rows = sorted({p for f in fingerprints for p in f.split("|")[1:]})
    head = hashlib.sha256("".join(heads).encode()).hexdigest()[:12] if len(heads) > 1 else \
        (heads[0] if heads else "")
    return "|".join([head] + rows)
