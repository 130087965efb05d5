"""The blank registry: structure a clerk relies on, and the committed copy matches `init`."""
import os
import re
import zipfile

import openpyxl
import pytest

from doithoai.files import atomic
from doithoai.registry import schema
from doithoai.files import blank
from doithoai.registry.cellref import column_letter
from paths import ROOT

COMMITTED = os.path.join(ROOT, "workbook_templates", blank.TEMPLATE_NAME)
_STAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: _STAMPS.sub(b"", z.read(n)) for n in z.namelist()}


def test_committed_template_matches_init(blank_path):
    committed, fresh = _parts(COMMITTED), _parts(blank_path)
    assert sorted(committed) == sorted(fresh)
    drifted = [n for n in fresh if committed[n] != fresh[n]]
    assert drifted == [], ("workbook_templates/ is out of date: run "
                           "python scripts/update_templates.py")


@pytest.fixture(scope="module")
def wb(blank_path):
    return openpyxl.load_workbook(blank_path)


def test_every_sheet_is_one_table_with_the_contract_headers(wb):
    assert wb.sheetnames == [s.name for s in schema.SHEETS]
    for s in schema.SHEETS:
        if s.key == "dashboard":      # a fixed layout with charts: tests/monitoring/test_monitoring.py
            continue
        ws = wb[s.name]
        assert list(ws.tables) == [s.table], s.name
        assert [c.value for c in ws[1]][:len(s.headers)] == s.headers
        assert ws.tables[s.table].ref.startswith("A1:" + column_letter(len(s.columns) - 1))
        assert ws.freeze_panes == "A2"


def test_print_setup(wb):
    for s in schema.SHEETS:
        ws = wb[s.name]
        assert str(ws.page_setup.paperSize) == "9"  # A4
        if s.key == "dashboard":      # tables, then one chart per landscape page
            assert ws.page_setup.orientation == "landscape" and ws.row_breaks.brk
            continue
        assert ws.page_setup.orientation == ("landscape" if s.landscape else "portrait")
        assert ws.print_title_rows == "$1:$1"


def test_date_and_time_columns_are_formatted(wb):
    for s in (schema.PLANS, schema.OPINIONS, schema.MILESTONES, schema.OVERRIDES):
        ws = wb[s.name]
        for i, c in enumerate(s.columns):
            cell = ws.cell(row=2, column=i + 1)
            if c.type == schema.DATE:
                assert cell.number_format == "dd/mm/yyyy", (s.name, c.header)
                assert ws.column_dimensions[column_letter(i)].number_format == "dd/mm/yyyy"
            if c.type == schema.TIME:
                assert cell.number_format == "hh:mm"


def test_dropdowns_come_from_danh_muc_with_vietnamese_messages(wb):
    ws = wb[schema.OPINIONS.name]
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    letter = column_letter(schema.OPINIONS.keys.index("field"))
    dv = by_range[f"{letter}2:{letter}{blank.LAST_ROW}"]
    assert dv.type == "list" and dv.formula1 == "=DM_fields"
    assert dv.showInputMessage and "Lĩnh vực" in dv.prompt
    names = wb.defined_names
    assert "DM_fields" in names
    assert "'Danh mục'!$A$2" in names["DM_fields"].attr_text
    for dvs in (wb[s.name].data_validations.dataValidation for s in schema.SHEETS):
        for v in dvs:
            assert len(v.prompt or "") <= 255 and len(v.promptTitle or "") <= 32


def test_computed_columns_are_marked_and_locked(wb):
    ws = wb[schema.OPINIONS.name]
    i = schema.OPINIONS.keys.index("reply_due")
    header = ws.cell(row=1, column=i + 1)
    assert header.comment is not None and "Tự động tính, không nhập" in header.comment.text
    assert header.fill.fgColor.rgb.endswith("BFBFBF")
    assert ws.cell(row=2, column=i + 1).protection.locked
    entered = schema.OPINIONS.keys.index("content")
    assert not ws.cell(row=2, column=entered + 1).protection.locked
    letter = column_letter(i)
    guards = [dv for dv in ws.data_validations.dataValidation
              if str(dv.sqref).startswith(letter + "2:")]
    assert guards and guards[0].type == "custom" and guards[0].errorStyle == "stop"


def test_defaults_are_pre_filled(wb):
    rules = wb[schema.RULES.name]
    codes = [rules.cell(row=r, column=1).value for r in range(2, rules.max_row + 1)]
    assert codes == [r["code"] for r in schema.DEFAULT_RULES]
    lookups = wb[schema.LOOKUP_SHEET.name]
    header = [c.value for c in lookups[1]]
    col = header.index("Trạng thái ý kiến") + 1
    values = [lookups.cell(row=r, column=col).value for r in range(2, 9)]
    assert values == list(schema.lookup("Trạng thái ý kiến").values)
    overrides = wb[schema.OVERRIDES.name]
    assert overrides["B2"].value == "Nghỉ" and overrides["A2"].value.date().isoformat() == "2026-01-02"
    config = wb[schema.CONFIG.name]
    labels = [config.cell(row=r, column=1).value for r in range(2, 2 + len(schema.SETTINGS))]
    assert labels == [s.label for s in schema.SETTINGS]


def test_overdue_rows_have_conditional_formats(wb):
    ws = wb[schema.MILESTONES.name]
    formulas = [r.formula[0] for rng in ws.conditional_formatting for r in rng.rules]
    assert any('"Quá hạn"' in f for f in formulas)
    assert any('"Sắp đến hạn"' in f for f in formulas)


def test_init_never_replaces_a_file(tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(b"du lieu cua xa")
    with pytest.raises(blank.AlreadyExists):
        blank.create_blank(str(path))
    assert path.read_bytes() == b"du lieu cua xa"
    assert blank.create_blank(str(tmp_path / "moi")).endswith("moi.xlsx")


def test_a_failed_save_leaves_no_file(tmp_path, monkeypatch):
    wb = blank.build_workbook()
    def boom(path):
        open(path, "wb").write(b"half")
        raise OSError("disk full")
    monkeypatch.setattr(wb, "save", boom)
    with pytest.raises(OSError):
        atomic.save_atomic(wb, str(tmp_path / "so.xlsx"))
    assert os.listdir(tmp_path) == []


def _other_communes(path) -> list[str]:
    """Every cell of a new registry, as saved, that names one of the sample communes (or their
    plans): a new commune's Quy tắc thời hạn and Ngày nghỉ must not cite another's plan."""
    from doithoai.samples import SAMPLES
    from doithoai.text import vntext
    names = re.compile(r"\b(" + "|".join(vntext.plain_key(s.name) for s in SAMPLES) + r")\b")
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [f"{ws.title}: {v}" for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for v in row if isinstance(v, str) and names.search(vntext.plain_key(v))]
    finally:
        wb.close()


@pytest.mark.parametrize("unit_type", [None, "xã", "phường", "đặc khu"])
def test_a_new_registry_cites_no_other_commune(tmp_path, unit_type):
    """The default rules' bases once read "Thực tiễn (Kế hoạch 118/KH-UBND phường Tứ Minh)" in
    every commune's new registry; they now say practice, and docs/deadlines.md where each was
    read."""
    assert _other_communes(blank.create_blank(tmp_path / "so.xlsx", unit_type)) == []


def test_the_check_fails_on_a_rule_citing_a_sample_plan(tmp_path, monkeypatch):
    """Planted fault: one default rule's basis names a sample commune's plan again."""
    old = dict(schema.DEFAULT_RULES[1], legal_basis="Thực tiễn (Kế hoạch phường Tứ Minh)")
    monkeypatch.setattr(schema, "DEFAULT_RULES", (schema.DEFAULT_RULES[0], old)
                        + schema.DEFAULT_RULES[2:])
    assert _other_communes(blank.create_blank(tmp_path / "so.xlsx")) != []
