"""Benchmark: the Front's round trip and the duplicate finder, with figures printed.

1. Merge 10 returned intake files of 500 rows each into a registry of 5,000 opinions, with
   duplicate suggestions against all 5,000 (reading the files included).
2. The duplicate finder alone on 20,000 opinions.
3. Precision and recall of the suggestions on the labelled sample (tests/data/
   dedupe_labelled.tsv, 210 pairs), at several thresholds.

Opinions are varied text built from the labelled sample's petitions, with other villages, lane
numbers and wording, so that the finder meets the near repeats a real registry holds.
Run: python bench/sharing_bench.py
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from validate_bench import build  # noqa: E402  (the 50-plan, 5,000-opinion registry)

from doithoai.files import reader  # noqa: E402
from doithoai.sharing import dedupe, evaluate, intake, merge  # noqa: E402

LABELLED = os.path.join(HERE, "..", "tests", "data", "dedupe_labelled.tsv")
VILLAGES = [f"Thôn {n}" for n in ("Đông", "Tây", "Nam", "Bắc", "Trung", "Hạ", "Thượng", "Mới",
                                  "Cũ", "Giữa", "Chùa", "Đình", "Sông", "Núi", "Đồng", "Bãi")]


def texts() -> list[tuple[str, str]]:
    out = []
    with open(LABELLED, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for k in ("original", "repeat (same request, other words)",
                      "near miss (same village and field, other request)"):
                out.append((row["field"], row[k]))
    return out


SUBJECTS = ["đường liên thôn", "ngõ xóm", "cống thoát nước", "mương tưới", "trạm biến áp",
            "đường ống nước sạch", "nhà văn hóa", "sân thể thao", "trường mầm non", "trạm y tế",
            "điểm thu gom rác", "bãi tập kết vật liệu", "cầu dân sinh", "đèn chiếu sáng",
            "loa truyền thanh", "chợ tạm", "nghĩa trang", "kênh tiêu", "bờ kè", "vỉa hè",
            "trại chăn nuôi", "xưởng cơ khí", "quán karaoke", "bến đò", "đê bao", "hồ điều hòa",
            "tuyến xe buýt", "trường tiểu học", "khu tái định cư", "cánh đồng mẫu lớn"]
DEFECTS = ["xuống cấp nghiêm trọng", "bị hư hỏng lâu ngày", "gây ô nhiễm", "thường xuyên ngập",
           "bị lấn chiếm", "hoạt động không hiệu quả", "chưa được đầu tư", "gây mất an toàn",
           "bị bồi lấp", "gây tiếng ồn ban đêm", "thiếu người quản lý", "thi công chậm tiến độ",
           "chưa được nghiệm thu", "bị sụt lún", "không bảo đảm vệ sinh"]
REQUESTS = ["sửa chữa", "nạo vét", "kiểm tra, xử lý", "đầu tư nâng cấp", "bố trí kinh phí",
            "công khai kết quả kiểm tra", "giao cơ quan chuyên môn rà soát", "di dời",
            "cắm biển cảnh báo", "lập phương án khắc phục", "đưa vào kế hoạch năm sau",
            "xử phạt nghiêm", "hướng dẫn người dân", "trả lời bằng văn bản"]


FRAMES = ["{S} {L} {D}, đề nghị {R}.", "Đề nghị {R} {S} {L} vì {D}.",
          "Nhân dân {L} phản ánh {S} {D}; kiến nghị {R}.",
          "{S} {L} {D} nhiều năm nay, mong chính quyền {R}.",
          "Hỏi về việc {S} {L} {D}: bao giờ thì {R}?"]


def opinion(rng, base, n):
    """A petition built from parts in one of several sentence shapes (so most are distinct, as
    in a registry); one in ten is a petition of the labelled sample (its repeats and near
    misses), so the finder meets the hard cases too."""
    if rng.random() < 0.1:
        field, text = rng.choice(base)
        return field, rng.choice(VILLAGES), text
    field = rng.choice(base)[0]
    village = rng.choice(VILLAGES)
    where = f"ở {village.lower()}" + (f" ngõ {rng.randint(1, 80)}" if rng.random() < .5 else "")
    text = rng.choice(FRAMES).format(S=rng.choice(SUBJECTS), L=where, D=rng.choice(DEFECTS),
                                     R=rng.choice(REQUESTS))
    return field, village, text[:1].upper() + text[1:]


def items(n, seed=3):
    rng = random.Random(seed)
    base = texts()
    out = []
    for i in range(n):
        field, village, text = opinion(rng, base, i)
        out.append(dedupe.Item(f"YK-{i:05d}", (dt.date(2024, 1, 1) + dt.timedelta(days=i // 200),
                                               i), text, f"Người {i % 3000}", village, field))
    return out


def realistic_registry(path):
    """validate_bench's registry, its opinions' texts, villages and fields replaced by varied
    petitions (its own texts differ only by a number: every pair would look alike)."""
    import openpyxl
    build(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Ý kiến"]
    head = [c.value for c in ws[1]]
    col = {k: head.index(k) + 1 for k in ("Nội dung", "Địa chỉ", "Lĩnh vực")}
    rng = random.Random(5)
    base = texts()
    for r in range(2, ws.max_row + 1):
        field, village, text = opinion(rng, base, r)
        ws.cell(row=r, column=col["Nội dung"], value=text)
        ws.cell(row=r, column=col["Địa chỉ"], value=village)
        ws.cell(row=r, column=col["Lĩnh vực"], value=field)
    wb.save(path)


def returned_files(folder, reg, n_files=10, rows=500):
    import openpyxl
    rng = random.Random(11)
    base = texts()
    plan = reg.plans[-1]
    paths = []
    for f in range(n_files):
        made = intake.export(reg, plan.plan_id, folder, one_file=True, rows_per_village=rows)[0]
        wb = openpyxl.load_workbook(made.path)
        ws = wb["Ý kiến"]
        head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
        for r in range(rows):
            field, village, text = opinion(rng, base, r)
            ws.cell(row=head + 1 + r, column=2, value="Phiếu hỏi")
            ws.cell(row=head + 1 + r, column=3, value=dt.date(2026, 5, 20))
            ws.cell(row=head + 1 + r, column=4, value=f"Ông Nguyễn Văn {f}-{r}")
            ws.cell(row=head + 1 + r, column=5, value=village)
            ws.cell(row=head + 1 + r, column=7, value=text)
            ws.cell(row=head + 1 + r, column=8, value=field)
        path = os.path.join(folder, f"tra-ve-{f:02d}.xlsx")
        wb.save(path)
        os.remove(made.path)
        paths.append(path)
    return paths


def timed(fn, repeat=3):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best, out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "so.xlsx")
        realistic_registry(path)
        reg = reader.read_registry(path)
        files = returned_files(tmp, reg)
        print(f"Registry: {len(reg.opinions)} opinions; {len(files)} returned files of 500 rows")

        def run_merge():
            return merge.merge(reg, [intake.read_returned(f) for f in files],
                               today=dt.date(2026, 6, 1))
        t, res = timed(run_merge)
        tot = res.totals
        print(f"Merge (read 10 files + merge + duplicates against {len(reg.opinions)}): "
              f"best {t:.2f} s; read {tot.read} = added {tot.added} (suspected duplicates "
              f"{tot.duplicates}) + already {tot.already} + set aside {tot.set_aside}")
    big = items(20000)
    t, found = timed(lambda: dedupe.suggest(big), repeat=2)
    print(f"Duplicate finder on 20,000 opinions: best {t:.2f} s, {len(found)} suggestions")
    same = [dedupe.Item(f"YK-{i:05d}", (0, i), "Đường liên thôn xuống cấp, đề nghị sửa.", "",
                        "Thôn Đông", "Giao thông") for i in range(5000)]
    t, found = timed(lambda: dedupe.suggest(same), repeat=2)
    print(f"Duplicate finder on 5,000 identical opinions: best {t:.2f} s, {len(found)} "
          f"suggestions (all to the earliest: {len({s.original for s in found}) == 1})")
    for threshold in (75, 80, 85, 90):
        s = evaluate.evaluate(LABELLED, threshold)
        print(f"Labelled sample, threshold {threshold}{' (default)' if threshold == dedupe.THRESHOLD else ''}: "
              f"{s.pairs} pairs ({s.positives} repeats), precision {s.precision:.3f}, "
              f"recall {s.recall:.3f} (TP {s.true_pos}, FP {s.false_pos}, FN {s.false_neg})")


if __name__ == "__main__":
    main()
