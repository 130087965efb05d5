"""The roll-up's questions, in SQL over the tables of :mod:`.store` (each count as defined there).

Results come back as plain rows; the commune names are sorted in Vietnamese order here (the
database sorts by code points, which puts "Đ" after "Z").
"""
from __future__ import annotations

from doithoai.province.store import LATE_SINCE
from doithoai.registry import schema
from doithoai.text import vnformat

COUNTED = "duplicate_of IS NULL"
# A conference its commune cancelled (Hội nghị › Trạng thái "Đã hủy") was not held, whatever
# its date: counted apart, never as held.
NOT_CANCELLED = f"coalesce(m.status, '') <> '{schema.CANCELLED_STATUS}'"

PER_COMMUNE = f"""
WITH held AS (
    SELECT m.commune_id,
           count(*) AS held,
           string_agg(strftime(m.meeting_date, '%d/%m/%Y'), ', ' ORDER BY m.meeting_date) AS dates
    FROM meetings m JOIN communes c USING (commune_id)
    WHERE m.meeting_date IS NOT NULL AND year(m.meeting_date) = $year
      AND m.meeting_date <= c.as_of AND {NOT_CANCELLED}
    GROUP BY m.commune_id),
cancelled AS (
    SELECT m.commune_id, count(*) AS cancelled FROM meetings m
    WHERE NOT ({NOT_CANCELLED}) AND year(m.meeting_date) = $year GROUP BY m.commune_id),
counts AS (
    SELECT commune_id,
           count(*) AS raised,
           count(*) FILTER (WHERE at_meeting) AS at_meeting,
           count(*) FILTER (WHERE NOT at_meeting
                            AND (reply_number IS NOT NULL OR reply_date IS NOT NULL)) AS in_writing,
           count(*) FILTER (WHERE resolved IS NOT NULL) AS resolved,
           count(*) FILTER (WHERE satisfaction = 'Hài lòng') AS satisfied,
           count(*) FILTER (WHERE satisfaction = 'Chưa hài lòng') AS unsatisfied,
           count(*) FILTER (WHERE satisfaction IS NULL OR satisfaction NOT IN
                            ('Hài lòng', 'Chưa hài lòng')) AS not_asked,
           count(*) FILTER (WHERE overdue) AS overdue,
           count(*) FILTER (WHERE waiting) AS waiting,
           count(*) FILTER (WHERE answered_late) AS answered_late,
           count(*) FILTER (WHERE resolved_late) AS resolved_late
    FROM opinions WHERE {COUNTED} GROUP BY commune_id)
SELECT c.unit, c.province, c.as_of, coalesce(h.held, 0), coalesce(h.dates, ''),
       coalesce(k.raised, 0), coalesce(k.at_meeting, 0), coalesce(k.in_writing, 0),
       coalesce(k.resolved, 0), coalesce(k.satisfied, 0), coalesce(k.unsatisfied, 0),
       coalesce(k.not_asked, 0), coalesce(k.overdue, 0), coalesce(k.waiting, 0),
       coalesce(x.cancelled, 0),
       -- NULL: a workbook of a format before the late answers (the book says so)
       CASE WHEN c.format_version >= {LATE_SINCE} THEN coalesce(k.answered_late, 0) END,
       CASE WHEN c.format_version >= {LATE_SINCE} THEN coalesce(k.resolved_late, 0) END
FROM communes c LEFT JOIN held h USING (commune_id) LEFT JOIN counts k USING (commune_id)
     LEFT JOIN cancelled x USING (commune_id)
"""
PER_COMMUNE_HEAD = ["Đơn vị", "Tỉnh/Thành phố", "Số liệu đến ngày", "Số hội nghị trong năm",
                    "Ngày hội nghị", "Ý kiến", "Trả lời tại hội nghị", "Trả lời bằng văn bản",
                    "Đã giải quyết xong", "Hài lòng", "Chưa hài lòng", "Chưa hỏi",
                    "Quá hạn (việc của cấp xã)", "Chờ cấp trên", "Hội nghị đã hủy",
                    "Đã trả lời nhưng muộn", "Đã giải quyết xong nhưng muộn"]

UPWARD_GROUPS = """
SELECT superior, coalesce(field, '(chưa ghi lĩnh vực)') AS field, count(*) AS items,
       count(DISTINCT commune_id) AS communes,
       count(*) FILTER (WHERE status = 'Chờ cấp trên trả lời') AS waiting
FROM upward GROUP BY ALL ORDER BY superior, items DESC, field
"""
UPWARD_GROUPS_HEAD = ["Kiến nghị tới", "Lĩnh vực", "Số kiến nghị", "Số đơn vị cấp xã",
                      "Đang chờ trả lời"]

UPWARD_LIST = """
SELECT u.superior, coalesce(u.field, ''), c.unit, u.opinion_id, u.meeting_date, u.content, u.status
FROM upward u JOIN communes c USING (commune_id)
ORDER BY u.superior, u.field, c.unit, u.opinion_id LIMIT $limit
"""
UPWARD_LIST_HEAD = ["Kiến nghị tới", "Lĩnh vực", "Đơn vị", "Mã ý kiến", "Ngày hội nghị",
                    "Nội dung", "Tình trạng"]

# Agencies named per commune ("Công an xã", "Trạm Y tế phường Tứ Minh") are grouped by kind.
LATE_AGENCIES = f"""
SELECT coalesce(level, '') AS level,
       CASE WHEN agency IS NULL THEN '(chưa phân công)'
            ELSE regexp_replace(agency, '\\s+(xã|phường|đặc khu)(\\s.*)?$', ' (cấp xã)') END
           AS agency_kind,
       count(DISTINCT commune_id) AS communes, count(*) AS items,
       round(avg(late_days), 1) AS mean_late, max(late_days) AS most_late
FROM opinions WHERE {COUNTED} AND overdue
GROUP BY ALL ORDER BY items DESC, communes DESC, agency_kind
"""
LATE_HEAD = ["Cấp cơ quan", "Cơ quan", "Số đơn vị cấp xã có ý kiến quá hạn", "Số ý kiến quá hạn",
             "Trễ trung bình (ngày làm việc)", "Trễ nhiều nhất (ngày làm việc)"]

QUARTERS = f"""
WITH o AS (SELECT coalesce(meeting_date, received) AS d, * FROM opinions WHERE {COUNTED}),
m AS (SELECT year(meeting_date) AS y, quarter(meeting_date) AS q, count(*) AS held
      FROM meetings m JOIN communes c USING (commune_id)
      WHERE meeting_date IS NOT NULL AND meeting_date <= c.as_of AND {NOT_CANCELLED}
      GROUP BY ALL),
k AS (SELECT year(d) AS y, quarter(d) AS q, count(*) AS raised,
             count(*) FILTER (WHERE at_meeting OR reply_number IS NOT NULL
                              OR reply_date IS NOT NULL) AS answered,
             count(*) FILTER (WHERE resolved IS NOT NULL) AS resolved,
             count(*) FILTER (WHERE overdue) AS overdue
      FROM o WHERE d IS NOT NULL GROUP BY ALL)
SELECT 'Quý ' || k.q || '/' || k.y, coalesce(m.held, 0), k.raised, k.answered, k.resolved,
       k.overdue
FROM k LEFT JOIN m USING (y, q) ORDER BY k.y, k.q
"""
QUARTERS_HEAD = ["Quý", "Hội nghị đã tổ chức", "Ý kiến", "Đã trả lời", "Đã giải quyết xong",
                 "Quá hạn"]


def per_commune(con, year: int) -> list[tuple]:
    rows = con.execute(PER_COMMUNE, {"year": year}).fetchall()
    return sorted(rows, key=lambda r: (vnformat.collate(r[1]), vnformat.collate(r[0])))


def upward_groups(con) -> list[tuple]:
    return con.execute(UPWARD_GROUPS).fetchall()


def upward_list(con, limit: int = 1_000_000) -> list[tuple]:
    rows = con.execute(UPWARD_LIST, {"limit": limit}).fetchall()
    return sorted(rows, key=lambda r: (vnformat.collate(r[0]), vnformat.collate(r[1]),
                                       vnformat.collate(r[2]), r[3]))


def late_agencies(con) -> list[tuple]:
    return con.execute(LATE_AGENCIES).fetchall()


def quarters(con) -> list[tuple]:
    return con.execute(QUARTERS).fetchall()


LATEST_YEAR = f"""
SELECT max(year(m.meeting_date)) FROM meetings m JOIN communes c USING (commune_id)
WHERE m.meeting_date IS NOT NULL AND m.meeting_date <= c.as_of AND {NOT_CANCELLED}
"""


def latest_year(con) -> int | None:
    """The latest year a conference was held in, as the workbooks' dates say (None: none)."""
    found = con.execute(LATEST_YEAR).fetchone()
    return int(found[0]) if found and found[0] else None
