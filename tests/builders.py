"""Small registries for tests, built from dicts through the real reader (grids keyed by header)."""
from doithoai.files import reader
from doithoai.registry import schema


def grid(sheet, rows):
    return [sheet.headers] + [[row.get(c.key) for c in sheet.columns] for row in rows]


def registry(plans=(), opinions=(), milestones=(), rules=None, overrides=(), invitees=(),
             settings=None, register=()):
    rules = list(schema.DEFAULT_RULES) if rules is None else rules
    settings = settings or {}
    config = [["Khóa", "Giá trị"]] + [[s.label, settings.get(s.key, s.default)]
                                      for s in schema.SETTINGS]
    grids = {
        schema.CONFIG.name: config,
        schema.LOOKUP_SHEET.name: [[lk.header for lk in schema.LOOKUPS]],
        schema.PLANS.name: grid(schema.PLANS, plans),
        schema.INVITEES.name: grid(schema.INVITEES, invitees),
        schema.OPINIONS.name: grid(schema.OPINIONS, opinions),
        schema.MILESTONES.name: grid(schema.MILESTONES, milestones),
        schema.RULES.name: grid(schema.RULES, rules),
        schema.OVERRIDES.name: grid(schema.OVERRIDES, overrides),
        schema.REGISTER.name: grid(schema.REGISTER, register),
    }
    return reader.registry_from_grids(grids)


def plan(**kw):
    base = dict(plan_id="KH-1", issuer="UBND", subject="Hội nghị đối thoại", form="định kỳ",
                chair_title="Chủ tịch UBND xã", scope="Thôn 1", meeting_date="12/06/2026",
                start_time="08:00", venue="Nhà văn hóa", status="Đã ban hành",
                issue_date="15/05/2026")
    base.update(kw)
    return base
