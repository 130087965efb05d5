"""Random junk in every entered column: validation neither crashes nor misses the cell."""
import datetime as dt
import random

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from xlsx_edit import cell_ref, edit
from doithoai.files import reader
from doithoai.registry import schema
from doithoai.rules import validation

SHEETS = [schema.PLANS, schema.INVITEES, schema.OPINIONS, schema.MILESTONES, schema.RULES,
          schema.OVERRIDES]
ENTERED = [(s, c) for s in SHEETS for c in s.columns if not c.computed]

letters = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                  max_size=25).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t) or "x")
# Text columns: random text with a flaw a clerk would not want carried into documents.
flawed_text = st.tuples(letters, st.sampled_from(["  {}", "{}  ", "@{}", "={}", "{}  {}",
                                                  "Thuỷ {}", "+{}"])).map(
    lambda p: p[1].format(p[0], p[0]))
junk_by_type = {
    schema.TEXT: flawed_text,
    schema.LONGTEXT: flawed_text,
    schema.CHOICE: letters.map(lambda t: "zz" + t + "!"),
    schema.DATE: st.one_of(st.sampled_from(["31/02/2026", "hôm qua", "12/13/2026", "2026-13-40"]),
                           letters.map(lambda t: "d" + t)),
    schema.TIME: st.one_of(st.sampled_from(["25:99", "sáng sớm", "8 giờ 75"]),
                           letters.map(lambda t: "t" + t)),
    schema.INT: st.one_of(st.sampled_from(["nhiều", "1,5", "-", "một trăm"]),
                          letters.map(lambda t: "n" + t)),
    schema.PHONE: st.one_of(st.sampled_from(["12345", "abc", "0123"]),
                            letters.map(lambda t: "p" + t)),
}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), seed=st.integers(0, 10**6))
def test_junk_everywhere_is_found(sample_copy, sample_registries, data, seed):
    rng = random.Random(seed)
    reg0 = sample_registries["tu-minh"]
    heights = {"plans": len(reg0.plans), "invitees": len(reg0.invitees),
               "opinions": len(reg0.opinions), "milestones": len(reg0.milestones),
               "rules": len(reg0.rules), "overrides": len(reg0.overrides)}
    path = sample_copy("tu-minh")
    edits, used = [], set()
    for sheet, col in ENTERED:
        row = rng.randint(2, heights[sheet.key] + 1)
        while (sheet.key, row) in used and heights[sheet.key] > 1:
            row = rng.randint(2, heights[sheet.key] + 1)
        used.add((sheet.key, row))          # one junk cell per row keeps the rows checkable
        edits.append((sheet.key, col.key, row, data.draw(junk_by_type[col.type])))
    as_text = {(s, k, r) for s, k, r, _ in edits}
    edit(path, edits, as_text=as_text)
    problems = validation.validate(reader.read_registry(path), dt.date(2026, 11, 22))
    found = {(p.sheet, p.cell) for p in problems}
    missed = [(s, k, r, v) for s, k, r, v in edits
              if (schema.sheet(s).name, cell_ref(s, k, r)) not in found]
    assert missed == []
