"""A registry that is unkind to every cache, for the benches (issue 29 §1): every text distinct,
every row with an error, every reference dangling, 1,000 plans with the longest legal bases,
500 agencies in Danh mục, 20,000 invitees, and milestones and repeats that point at opinions
deleted long ago. Built once with openpyxl, then saved as Excel saves it (excel_like.py).

Run alone: python bench/worst_registry.py OPINIONS TARGET.xlsx
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import excel_like  # noqa: E402
from doithoai.files import atomic, blank  # noqa: E402
from doithoai.registry import schema  # noqa: E402
from doithoai.samples import load, sample  # noqa: E402

PLANS, AGENCIES, INVITEES = 1000, 500, 20000
WORDS = ("đề nghị", "xã", "sửa", "đường", "liên thôn", "cống", "mương", "đèn", "chiếu sáng",
         "trường", "trạm y tế", "hỗ trợ", "hộ nghèo", "giống lúa", "rác thải", "ngập", "mưa",
         "xây dựng", "nhà văn hóa", "cấp giấy", "đất", "thủ tục", "công an", "tuần tra", "điện",
         "nước sạch", "kênh", "cầu", "chợ", "ô nhiễm", "chăn nuôi", "học sinh", "bảo hiểm")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Nông", "Lò", "Triệu", "Hà", "Đinh", "Lương", "Vi")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạ", "Hải", "Hằng", "Hùng", "Lan", "Mai", "Nga",
         "Phúc", "Quý", "Sơn", "Tâm", "Thắng", "Thủy", "Trung", "Yến", "Ánh", "Lâm", "Khánh")
LONG_BASES = "\n".join(f"Căn cứ văn bản số {n}/2025/QĐ-UBND ngày 0{1 + n % 9}/0{1 + n % 9}/2025 "
                       "của Ủy ban nhân dân tỉnh về việc ban hành quy chế phối hợp tổ chức hội "
                       "nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân;"
                       for n in range(25))


def _text(rng: random.Random, n: int, i: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + f" (lần {i})"


def _person(rng: random.Random, i: int) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(('Văn', 'Thị', 'Đức', 'Ngọc'))} " \
           f"{rng.choice(GIVEN)} {i}"


def build(path: str, opinions: int) -> None:
    base = load(sample("tu-minh"))
    rng = random.Random(29)
    agencies = [f"Cơ quan số {n} của xã" for n in range(AGENCIES)]
    lookups = dict(base["lookups"])
    lookups["agencies"] = agencies
    plans = []
    for p in range(PLANS):
        meeting = dt.date(2026, 1, 5) + dt.timedelta(days=p)
        plans.append(dict(
            plan_id=f"KH-{p + 1:04d}", issuer="UBND", form="định kỳ",
            subject=_text(rng, 12, p), chair_title="Chủ tịch UBND xã",
            chair_name=_person(rng, p), scope=f"Thôn A{p}; Thôn B{p}; Thôn C{p}",
            meeting_date=meeting.strftime("%d/%m/%Y"),
            weekday="Thứ 2" if meeting.weekday() else "Thứ 3",     # wrong on every row
            start_time="8h00", venue=f"Nhà văn hóa thôn A{p}", status="Dự thảo",
            content=_text(rng, 40, p), legal_bases=LONG_BASES, signing_authority="TM.",
            signer_title="CHỦ TỊCH", signer_name=_person(rng, p)))
    invitees = [dict(plan_id=f"KH-{i % PLANS + 1:04d}", seq=i + 1, honorific="Ông",
                     full_name=_person(rng, i), position=_text(rng, 4, i),
                     organization=_text(rng, 3, i), group=f"Nhóm mời {i}",     # not in the list
                     address=f"Số {i}, Thôn A{i % PLANS}", invited="Có", attendance="Có")
                 for i in range(INVITEES)]
    rows = []
    for i in range(opinions):
        plan = plans[i % PLANS]
        rows.append(dict(
            opinion_id=f"YK-{i + 1:06d}", plan_id=plan["plan_id"], source="Phiếu hỏi",
            received_date=f"{1 + i % 28}/{1 + i % 12}/2026", raised_by=_person(rng, i),
            address=f"Số {i} ngõ {i % 97}, Thôn B{i % PLANS}", content=_text(rng, 30, i),
            field=rng.choice(schema.LOOKUPS_BY_KEY["fields"].values),
            competence="Xã", agency=f"Co quan so {i} cua xa",               # not in the list
            answered_at_meeting="Không", status="Đã phân công",
            duplicate_of=f"YK-9{i:05d}"))                                  # deleted long ago
    milestones = [dict(plan_id=f"KH-9{m:03d}", opinion_id=f"YK-8{m:05d}", code="TRA_LOI",
                       done_date="01/06/2026") for m in range(2000)]
    wb = blank.build_workbook(settings=base["settings"], lookups=lookups,
                              rows=dict(plans=plans, invitees=invitees, opinions=rows,
                                        milestones=milestones))
    atomic.save_atomic(wb, path)


def registry(folder: str, opinions: int) -> str:
    """The worst registry of ``opinions`` opinions as the clerk's Excel saves it (cached)."""
    path = os.path.join(folder, f"worst-{opinions}-excel.xlsx")
    if not os.path.exists(path):
        built = os.path.join(folder, f"worst-{opinions}.xlsx")
        build(built, opinions)
        excel_like.resave(built, path)
    return path


if __name__ == "__main__":
    build(sys.argv[2] + ".tmp.xlsx", int(sys.argv[1]))
    excel_like.resave(sys.argv[2] + ".tmp.xlsx", sys.argv[2])
