"""Chờ xử lý: the rows of returned files a merge sets aside, and why a row of a batch already
waiting there stays set aside when the batch comes back (sharing.merge uses both). Pure."""
from __future__ import annotations

import datetime as dt

from doithoai.registry import parsing


def sentence(reason: str) -> str:
    """A reason as Chờ xử lý shows it: a sentence, its first letter a capital, a full stop at
    its end (a merge's printed line puts the same words after "chờ xử lý: ")."""
    reason = reason.strip()
    if not reason:
        return reason
    return reason[:1].upper() + reason[1:] + ("" if reason[-1] in ".!?)" else ".")


def waiting_key(batch: str, code: str | None, row: int) -> tuple:
    """A returned row as the Chờ xử lý sheet knows it: its batch and code, or its batch and row
    in the file when the Front left the code blank."""
    return (batch, code) if code else (batch, row)


def waiting(reg) -> dict[tuple, str]:
    """Rows of a batch already set aside (Chờ xử lý) → why a later merge of that batch leaves
    them there: a row that could not be taken as it was is not taken silently the next time
    the file comes back (re-saved, say, so that a formula now shows a value); the clerk, who
    has seen the row, removes it from Chờ xử lý to let it in."""
    waiting = {}
    for p in reg.pending:
        if not p.batch:
            continue            # a file without its identity: its rows cannot be told apart
        key = waiting_key(p.batch, p.code, p.source_row)
        when = f", ngày {p.logged.split()[0]}" if p.logged else ""
        why = (p.reason or "không ghi")[:120].rstrip(".")
        waiting[key] = (f"Dòng này đã nằm ở trang Chờ xử lý từ một lần nhận trước{when} (lý do: "
                        f"{why}); phần mềm không tự thêm lại. Nếu MTTQ đã sửa dòng này trong tệp: "
                        "xóa dòng đó ở trang Chờ xử lý rồi nhận lại.")
    return waiting


def pending_row(ret, row, v, code, batch, reason, plan_id) -> dict:
    """The Chờ xử lý row of a returned row set aside: where it came from, why (a sentence),
    what it said."""
    raw_date = row.values.get("received_date")
    return {"file": ret.name, "source_sheet": row.sheet, "source_row": row.row, "code": code,
            "batch": batch, "plan_id": plan_id, "reason": sentence(reason),
            "raised_by": v.get("raised_by"), "address": v.get("address"),
            "phone": v.get("phone"), "content": v.get("content"), "field": v.get("field"),
            "received_date": None if parsing.is_blank(raw_date) else
            (raw_date.strftime("%d/%m/%Y") if isinstance(raw_date, (dt.date, dt.datetime))
             else parsing.to_text(raw_date)),
            "logged": dt.datetime.now().strftime("%d/%m/%Y %H:%M")}
