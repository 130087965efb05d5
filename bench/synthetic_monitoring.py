"""Synthetic monitoring workbooks for the roll-up benchmark: the sheets and headers that
doithoai.monitoring.workbook writes (those the roll-up reads), with distinct identities, written
straight as .xlsx parts (inline strings), so 3,300 files take a minute, not an hour.

Run alone: python bench/synthetic_monitoring.py OUT_DIR COMMUNES [OPINIONS] [PROVINCES]
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

from doithoai.monitoring.workbook import (DETAIL_HEAD, FILE_KIND, FORMAT_VERSION, IDENTITY_SHEET,
                                          MEETING_HEAD, UPWARD_HEAD)

FIELDS = ["Kinh tế - Đất đai, tài nguyên, giải phóng mặt bằng",
          "Kinh tế - Giao thông, thủy lợi, điện, nước", "Kinh tế - Môi trường, rác thải",
          "Văn hóa - xã hội - Y tế, an toàn thực phẩm", "An ninh - Trật tự, an toàn giao thông",
          "Thủ tục hành chính", "Khác"]
AGENCIES = [("Phòng Kinh tế", "Trực thuộc"), ("Phòng Văn hóa - Xã hội", "Trực thuộc"),
            ("Văn phòng HĐND và UBND", "Trực thuộc"), ("Công an xã", "Trên địa bàn"),
            ("Trạm Y tế xã", "Trực thuộc"), ("Điện lực khu vực", "Trên địa bàn")]
SUPERIORS = ["Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Y tế"]
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _col(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _cell(ref: str, v) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, dt.date):
        return f'<c r="{ref}" s="1"><v>{(v - EXCEL_EPOCH).days}</v></c>'
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'


def _sheet(rows) -> str:
    body = "".join(f'<row r="{r}">' + "".join(_cell(f"{_col(c)}{r}", v)
                                              for c, v in enumerate(row)) + "</row>"
                   for r, row in enumerate(rows, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + body +
            "</sheetData></worksheet>")


def write_xlsx(path: str, sheets: list[tuple[str, list[list]]]) -> None:
    ns = "http://schemas.openxmlformats.org"
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="'
                   f'{ns}/package/2006/content-types"><Default Extension="rels" ContentType="'
                   'application/vnd.openxmlformats-package.relationships+xml"/><Default '
                   'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
                   'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                   f'styles+xml"/>{types}</Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="'
                   f'{ns}/package/2006/relationships"><Relationship Id="r1" Type="{ns}/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="'
                   f'{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/'
                   'relationships"><sheets>' + "".join(
                       f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                       for i, (n, _) in enumerate(sheets, 1)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?>'
                   f'<Relationships xmlns="{ns}/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{i}" Type="{ns}/officeDocument/2006/relationships/'
                       f'worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1)) +
                   f'<Relationship Id="rS" Type="{ns}/officeDocument/2006/relationships/styles" '
                   'Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="'
                   f'{ns}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" '
                   'formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills '
                   'count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs '
                   'count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
                   '</styleSheet>')
        for i, (_, rows) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet(rows))


def commune(path: str, n: int, province: str, opinions: int, as_of: dt.date) -> None:
    rnd = random.Random(n)
    plans = [(f"KH-{as_of.year}-0{k}", dt.date(as_of.year, 3 + 4 * k, 10 + k)) for k in (1, 2)]
    detail, upward = [DETAIL_HEAD], [UPWARD_HEAD]
    for i in range(opinions):
        plan, met = plans[i % 2]
        field = FIELDS[rnd.randrange(len(FIELDS))]
        agency, level = AGENCIES[rnd.randrange(len(AGENCIES))]
        up = rnd.random() < 0.08
        at = not up and rnd.random() < 0.3
        replied = not at and not up and rnd.random() < 0.5
        resolved = rnd.random() < 0.3
        overdue = not (at or replied or resolved or up) and rnd.random() < 0.5
        content = f"Đề nghị xem xét việc số {i} tại thôn {i % 12 + 1} ({field.lower()})."
        row = dict(zip(DETAIL_HEAD, [None] * len(DETAIL_HEAD)))
        row.update({"Mã ý kiến": f"YK-{as_of.year}-{i + 1:04d}", "Mã KH": plan,
                    "Ngày hội nghị": met, "Nguồn": "Phiếu hỏi",
                    "Ngày nhận": met - dt.timedelta(days=10), "Thôn, tổ dân phố": f"Thôn {i % 12}",
                    "Lĩnh vực": field, "Nội dung": content,
                    "Thẩm quyền": "Cấp trên" if up else "Xã", "Cơ quan trả lời": agency,
                    "Trả lời tại hội nghị": "Có" if at else "Không",
                    "Số văn bản trả lời": f"{i}/UBND-VP" if replied else None,
                    "Ngày trả lời": met + dt.timedelta(days=20) if replied else None,
                    "Ngày giải quyết xong": met + dt.timedelta(days=40) if resolved else None,
                    "Hài lòng": rnd.choice(["Hài lòng", "Chưa hài lòng", "Chưa hỏi"]),
                    "Giai đoạn": "Đã phân công", "Quá hạn": "Có" if overdue else "Không",
                    "Số ngày làm việc trễ": rnd.randrange(1, 60) if overdue else None,
                    "Cấp cơ quan": "Cấp trên" if up else level,
                    "Chờ cấp trên": "Có" if up and not resolved else "Không"})
        detail.append([row[h] for h in DETAIL_HEAD])
        if up:
            upward.append([row["Mã ý kiến"], plan, met, row["Thôn, tổ dân phố"], field, content,
                           SUPERIORS[i % len(SUPERIORS)],
                           "Đã giải quyết xong" if resolved else "Chờ cấp trên trả lời"])
    meetings = [MEETING_HEAD] + [[p, d, "định kỳ", "UBND", "Đã tổ chức", opinions // 2]
                                 for p, d in plans]
    ident = [["Khóa", "Giá trị"], ["Loại tệp", FILE_KIND], ["Phiên bản định dạng", FORMAT_VERSION],
             ["Đơn vị", f"Xã Thử Nghiệm {n:04d}"], ["Loại đơn vị", "xã"],
             ["Tỉnh/Thành phố", province], ["Tính đến ngày", as_of],
             ["Lập lúc", as_of], ["Từ sổ", "so.xlsx"], ["Phần mềm", "bench"]]
    write_xlsx(path, [("Giới thiệu", [["Báo cáo thử"]]), ("Hội nghị", meetings),
                      ("Theo dõi ý kiến", detail), ("Kiến nghị cấp trên", upward),
                      (IDENTITY_SHEET, ident)])


def make(folder: str, communes: int, opinions: int = 500, provinces: int = 1,
         as_of: dt.date = dt.date(2026, 11, 22)) -> list[str]:
    """The files (made once; an existing complete folder is reused)."""
    os.makedirs(folder, exist_ok=True)
    paths = [os.path.join(folder, f"theo-doi-{n:04d}.xlsx") for n in range(communes)]
    for n, path in enumerate(paths):
        if not os.path.exists(path):
            commune(path, n, f"Tỉnh Thử {n % provinces + 1:02d}", opinions, as_of)
    return paths


if __name__ == "__main__":
    args = sys.argv[1:]
    make(args[0], int(args[1]), int(args[2]) if len(args) > 2 else 500,
         int(args[3]) if len(args) > 3 else 1)
