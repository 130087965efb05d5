"""``doithoai demo``: every capability that exists, run on the five sample communes.

For each commune a folder under the output directory receives exactly one registry workbook
built from the sample CSVs; then each step below runs on it and reports. A step that changes
the workbook applies its :class:`~doithoai.registry.changes.Changes` to the workbook the demo built in
memory (never to a file loaded from disk) and the registry is saved again and re-read.
Later capabilities add a step to ``STEPS``.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from typing import Callable

from doithoai.files import apply_changes, atomic
from doithoai.registry import changes as changes_mod, logbook
from doithoai.rules import deadlines, milestones, validation
from doithoai.documents import generate, pdf
from doithoai.files import blank, reader
from doithoai.registry import schema, summary
from doithoai.registry.problems import SEVERITY_LABELS
from doithoai.samples import SAMPLES, Sample, load

Echo = Callable[[str], None]


@dataclass
class Context:
    sample: Sample
    path: str
    wb: object          # the openpyxl workbook the demo built
    reg: object         # the registry as read back from ``path``
    today: dt.date
    echo: Echo

    def apply(self, ch: changes_mod.Changes) -> None:
        apply_changes.apply_to_openpyxl(self.wb, ch)
        atomic.save_atomic(self.wb, self.path)
        self.reg = reader.read_registry(self.path)


def build_sample(s: Sample, folder: str):
    """Write the sample's registry into ``folder``; returns its path (and keeps the workbook)."""
    return _build(s, folder)[0]


def _build(s: Sample, folder: str):
    path = os.path.join(folder, s.registry_name)
    wb = blank.build_workbook(**load(s))
    atomic.save_atomic(wb, path)
    return path, wb


def step_summary(ctx: Context) -> None:
    sm = summary.summarize(ctx.reg)
    by_status = ", ".join(f"{k} {v}" for k, v in sm["opinions_by_status"].items())
    ctx.echo(f"    Đọc lại sổ: {sm['plans']} kế hoạch, {sm['invitees']} đại biểu, "
             f"{sm['opinions']} ý kiến ({by_status}).")


def step_deadlines(ctx: Context) -> None:
    report = deadlines.compute(ctx.reg, ctx.today)
    ctx.apply(milestones.to_changes(ctx.reg, report))
    counts = {}
    for m in report.milestones:
        counts[m.status] = counts.get(m.status, 0) + 1
    text = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    ctx.echo(f"    Tính hạn: {len(report.milestones)} mốc ({text}); "
             f"{len(report.reply_due)} ý kiến có hạn trả lời.")


def step_validate(ctx: Context) -> None:
    problems = validation.validate(ctx.reg, ctx.today)
    ctx.apply(validation.to_changes(ctx.reg, problems))
    c = validation.counts(problems)
    ctx.echo(f"    Kiểm tra: {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} lưu ý "
             "(ghi vào trang Kiểm tra, đánh dấu ô).")
    for p in problems:
        if p.severity != "info":
            where = f"{p.sheet}, ô {p.cell}" if p.cell else p.sheet
            ctx.echo(f"      - {SEVERITY_LABELS[p.severity]} ({where}): {p.message}")


def step_documents(ctx: Context) -> None:
    out = os.path.join(os.path.dirname(ctx.path), "van-ban")
    res = generate.generate(ctx.reg, out, today=ctx.today, progress=None)
    releases = res.releases()               # recorded in Nhật ký as a button records them
    if releases:
        changes_mod.append_rows(ctx.reg, schema.LOG, logbook.rows("Tạo tất cả văn bản", "", "",
                                                                  releases), res.changes)
    ctx.apply(res.changes)
    ctx.echo(f"    Văn bản: {res.summary()} ({os.path.relpath(out, os.path.dirname(ctx.path))}/)")
    missing = [p for p in res.refusals if p.code == "document-missing-value"]
    if missing:
        ctx.echo(f"      - {len(missing)} văn bản chờ dữ liệu, ví dụ: {missing[0].message}")
    blocked = sorted({(p.sheet, p.row) for p in res.refusals
                      if p.code == "document-row-has-errors"})
    for sheet, row in blocked:
        ctx.echo(f"      - {sheet} dòng {row} còn lỗi kiểm tra: văn bản từ dòng này chưa được "
                 "tạo (ví dụ có chủ ý; sửa lỗi rồi tạo lại).")
    others = [p for p in res.refusals
              if p.code not in ("document-missing-value", "document-row-has-errors")]
    for p in others[:3]:
        ctx.echo(f"      - {p.message}")
    if not res.files:
        return
    if pdf.available():
        merged = [f for f in res.files if os.path.basename(f) in ("KH.docx", "GM_tat-ca.docx")]
        made = pdf.convert(merged)
        ctx.echo(f"    PDF: {len(made)} tệp (kế hoạch và giấy mời gộp để in).")
    else:
        ctx.echo("    PDF: " + pdf.SKIPPED)


def step_intake(ctx: Context) -> None:
    """The Front's round trip: returned intake files merged twice (the second changes nothing)."""
    from doithoai.sharing import intake, merge, samplefiles
    csvs = samplefiles.sample_csvs(ctx.sample.folder)
    if not csvs:
        return
    plan_id = next(p.plan_id for p in ctx.reg.plans if p.plan_id)
    folder = os.path.join(os.path.dirname(ctx.path), "mttq-gui-ve")
    os.makedirs(folder, exist_ok=True)
    # The forms went out when the plan was issued (before its conference), whatever day the
    # demo runs: the sample's rows are those collected before it, not a catch-up after it.
    plan = ctx.reg.plan(plan_id)
    handed_out = min(ctx.today, plan.issue_date or plan.meeting_date or ctx.today)
    files = [samplefiles.build_returned(ctx.reg, plan_id, c, folder, handed_out) for c in csvs]
    for attempt in ("lần 1", "lần 2 (cùng các tệp)"):
        res = merge.merge(ctx.reg, [intake.read_returned(f) for f in files], today=ctx.today,
                          plan_hint=plan_id)
        ctx.echo(f"    Nhận ý kiến MTTQ, {attempt}:")
        for line in res.lines():
            ctx.echo(f"      {line}")
        if res.changes.blocks:
            ctx.apply(res.changes)


def step_followup(ctx: Context) -> None:
    """Tổng hợp refreshed in the registry; the monitoring workbook for the party office."""
    from doithoai.monitoring import chain, dashboard, workbook
    chains = chain.build(ctx.reg, ctx.today)
    ctx.apply(dashboard.changes(ctx.reg, chains, ctx.today))
    folder = os.path.join(os.path.dirname(ctx.path), "theo-doi")
    os.makedirs(folder, exist_ok=True)
    path, chains = workbook.write(ctx.reg, os.path.join(folder,
                                                        workbook.default_name(ctx.reg, ctx.today)),
                                  ctx.today, os.path.basename(ctx.path))
    ctx.echo(f"    Theo dõi: {chain.counts_said(chains)} "
             f"(theo-doi/{os.path.basename(path)}; trang Tổng hợp đã cập nhật).")


def step_privacy(ctx: Context) -> None:
    """What `doithoai privacy` says of the registry: whom it names, what left it."""
    from doithoai.registry import personal
    c = personal.census(ctx.reg)
    _, due = personal.forget_contacts(ctx.reg, ctx.today)
    ctx.echo(f"    Dữ liệu cá nhân: {c.citizens + c.anonymous} người nêu ý kiến ({c.with_phone} có số điện "
             f"thoại), {c.delegates} đại biểu; {len(personal.released(ctx.reg))} lần ra khỏi sổ "
             f"ghi ở Nhật ký; {due.people} người đã qua thời hạn giữ số điện thoại, địa chỉ "
             "(doithoai privacy).")


STEPS: list[Callable[[Context], None]] = [step_summary, step_deadlines, step_validate,
                                          step_intake, step_documents, step_followup,
                                          step_privacy]


def run(out: str, echo: Echo = print, today: dt.date | None = None) -> list[str]:
    out = os.path.abspath(out)
    today = today or dt.date.today()
    os.makedirs(out, exist_ok=True)
    echo(f"Tạo dữ liệu mẫu của {len(SAMPLES)} đơn vị vào thư mục {out} "
         f"(tình trạng tính đến {today.strftime('%d/%m/%Y')})")
    paths = []
    start = time.perf_counter()
    for n, s in enumerate(SAMPLES, start=1):
        t0 = time.perf_counter()
        path, wb = _build(s, os.path.join(out, s.slug))
        echo(f"[{n}/{len(SAMPLES)}] {s.name} (kế hoạch mẫu {s.seed}): "
             f"{os.path.relpath(path, out)}")
        ctx = Context(s, path, wb, reader.read_registry(path), today, echo)
        for step in STEPS:
            step(ctx)
        echo(f"    Xong trong {time.perf_counter() - t0:.1f} giây.")
        paths.append(path)
    echo(f"Hoàn tất {len(SAMPLES)} đơn vị trong {time.perf_counter() - start:.1f} giây.")
    return paths
