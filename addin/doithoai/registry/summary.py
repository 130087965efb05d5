"""Counts of a registry: plans, invitees, opinions by status and by field."""
from __future__ import annotations

from collections import Counter

from doithoai.registry import attendance, repeats
from doithoai.registry.model import Registry

EMPTY = "(chưa ghi)"


def summarize(reg: Registry) -> dict:
    """The registry's figures, counted as the documents count them: a repeat (Trùng với) is
    one opinion with its original (by field, per plan), the invited are those named and not
    marked Mời "Không" (registry.attendance); every row still has its status."""
    counted = [o for o in reg.opinions if not o.duplicate_of]
    by_plan_invitees = Counter(i.plan_id for i in reg.invitees)
    by_plan_invited = Counter(i.plan_id for i in attendance.invited(reg.invitees))
    by_plan_opinions = Counter(o.plan_id for o in counted)
    return {
        "unit": reg.settings.unit_name,
        "plans": len(reg.plans),
        "invitees": len(reg.invitees),
        "invited": len(attendance.invited(reg.invitees)),
        "opinions": len(counted),
        "opinion_rows": len(reg.opinions),
        # the rows `carry-over --link` added are repeats no citizen raised: told apart
        "repeats": sum(1 for o in reg.opinions if o.duplicate_of and not repeats.linked(o)),
        "linked": sum(1 for o in reg.opinions if o.duplicate_of and repeats.linked(o)),
        "opinions_by_status": dict(Counter(o.status or EMPTY for o in reg.opinions)
                                   .most_common()),
        "opinions_by_field": dict(Counter(o.field or EMPTY for o in counted)
                                  .most_common()),
        "per_plan": [
            {"plan": p.plan_id, "meeting_date": p.meeting_date.isoformat()
             if p.meeting_date else None, "status": p.status, "cancelled": p.cancelled,
             "invitees": by_plan_invitees.get(p.plan_id, 0),
             "invited": by_plan_invited.get(p.plan_id, 0),
             "opinions": by_plan_opinions.get(p.plan_id, 0)}
            for p in reg.plans
        ],
        "problems": len(reg.problems),
    }


def _merged(summary: dict) -> str:
    """"2 ý kiến trùng đã gộp vào ý kiến gốc và 12 dòng chuyển tiếp ý kiến của hội nghị
    trước": the rows counted under another."""
    parts = ([f"{summary['repeats']} ý kiến trùng đã gộp vào ý kiến gốc"]
             if summary["repeats"] else []) + \
        ([f"{summary['linked']} dòng chuyển tiếp ý kiến chưa giải quyết của hội nghị trước"]
         if summary["linked"] else [])
    return " và ".join(parts)


def render(summary: dict) -> str:
    lines = [f"Đơn vị: {summary['unit'] or EMPTY}",
             f"Kế hoạch: {summary['plans']}",
             f"Đại biểu: {summary['invitees']} (được mời: {summary['invited']})",
             f"Ý kiến: {summary['opinions']}" + (
                 f" ({summary['opinion_rows']} dòng, trong đó {_merged(summary)}, tính một lần "
                 "như các văn bản)" if summary["repeats"] or summary["linked"] else "")]
    for p in summary["per_plan"]:
        date = p["meeting_date"] or EMPTY
        if p["meeting_date"]:
            y, m, d = p["meeting_date"].split("-")
            date = f"{d}/{m}/{y}"
        status = p["status"] or EMPTY
        if p.get("cancelled"):
            status += " (hội nghị không tổ chức; ý kiến đã gửi vẫn phải trả lời)"
        lines.append(f"  - {p['plan']}: hội nghị {date}, {status}, "
                     f"{p['invitees']} đại biểu, {p['opinions']} ý kiến")
    lines.append("Ý kiến theo trạng thái (mọi dòng):")
    lines += [f"  - {k}: {v}" for k, v in summary["opinions_by_status"].items()]
    lines.append("Ý kiến theo lĩnh vực (ý kiến trùng tính một lần):")
    lines += [f"  - {k}: {v}" for k, v in summary["opinions_by_field"].items()]
    if summary["problems"]:
        lines.append(f"Có {summary['problems']} chỗ không đọc được "
                     "(chạy doithoai validate để xem chi tiết).")
    return "\n".join(lines)
