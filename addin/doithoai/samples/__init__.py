"""The five sample communes, kept as reviewable CSV text (one file per sheet). Imports only the
registry contract; the demo and the tests read it.

Each folder holds the rows a clerk would have typed, under the sheet's own Vietnamese headers:
``cau-hinh.csv`` (Khóa, Giá trị), ``ke-hoach.csv``, ``dai-bieu.csv``, ``y-kien.csv`` and
optionally ``danh-muc.csv`` (lists that differ from the defaults) and ``ngay-nghi.csv``.
The demo turns them into registry workbooks; nothing binary is kept in the repository.
Officials' names come from the seed plans; citizens and other people are fictional.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass

from doithoai.registry import parsing, schema

HERE = os.path.dirname(os.path.abspath(__file__))


@dataclass(frozen=True)
class Sample:
    seed: str       # the seed file's number in shared/seeds
    slug: str       # folder name, ASCII
    name: str       # the commune's name

    @property
    def folder(self) -> str:
        return os.path.join(HERE, self.slug)

    @property
    def registry_name(self) -> str:
        return f"so-doi-thoai-{self.slug}.xlsx"


SAMPLES: tuple[Sample, ...] = (
    Sample("000", "quang-son", "Quảng Sơn"),
    Sample("001", "bac-thanh-mien", "Bắc Thanh Miện"),
    Sample("002", "trung-hoi", "Trung Hội"),
    Sample("003", "tu-minh", "Tứ Minh"),
    Sample("004", "do-luong", "Đô Lương"),
)

FILES = {
    "plans": "ke-hoach.csv",
    "invitees": "dai-bieu.csv",
    "opinions": "y-kien.csv",
    "overrides": "ngay-nghi.csv",
    "milestones": "moc-thoi-gian.csv",
    "survey": "phieu-khao-sat.csv",
}


def sample(slug: str) -> Sample:
    for s in SAMPLES:
        if s.slug == slug or s.seed == slug:
            return s
    raise KeyError(slug)


def _read_csv(path: str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _rows(sheet: schema.Sheet, records: list[dict[str, str]]) -> list[dict]:
    by_header = {parsing.fold(c.header): c.key for c in sheet.columns}
    rows = []
    for rec in records:
        row = {}
        for header, value in rec.items():
            key = by_header.get(parsing.fold(header))
            if key is None:
                raise ValueError(f"{sheet.name}: unknown header {header!r} in sample")
            row[key] = value if value != "" else None
        rows.append(row)
    return rows


def load(s: Sample) -> dict:
    """Keyword arguments for :func:`doithoai.files.blank.build_workbook`."""
    settings_rows = _read_csv(os.path.join(s.folder, "cau-hinh.csv"))
    by_label = {parsing.fold(st.label): st.key for st in schema.SETTINGS}
    settings = {}
    for rec in settings_rows:
        key = by_label.get(parsing.fold(rec["Khóa"]))
        if key is None:
            raise ValueError(f"{s.slug}: unknown setting {rec['Khóa']!r}")
        value = rec["Giá trị"]
        st = schema.SETTINGS_BY_KEY[key]
        settings[key] = parsing.parse_int(value) if st.type == schema.INT else value
    rows = {}
    for key, fname in FILES.items():
        path = os.path.join(s.folder, fname)
        if os.path.exists(path):
            rows[key] = _rows(schema.sheet(key), _read_csv(path))
    lookups = {}
    path = os.path.join(s.folder, "danh-muc.csv")
    if os.path.exists(path):
        records = _read_csv(path)
        for header in records[0]:
            lk = schema.lookup(header)
            lookups[lk.key] = [r[header] for r in records if r[header]]
    return dict(settings=settings, rows=rows, lookups=lookups)
