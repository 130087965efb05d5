"""The schema is the single source of truth: the model, the lists and the defaults agree with it."""
import dataclasses

import pytest

from doithoai.registry import model, schema


@pytest.mark.parametrize("key,cls", sorted(model.ROW_CLASSES.items()))
def test_row_class_fields_are_the_sheet_keys(key, cls):
    fields = [f.name for f in dataclasses.fields(cls)]
    assert fields == ["row"] + schema.sheet(key).keys


def test_settings_fields_are_the_setting_keys():
    fields = [f.name for f in dataclasses.fields(model.Settings) if f.name != "rows"]
    assert fields == [s.key for s in schema.SETTINGS]


def test_sheet_names_headers_and_tables_are_unique():
    assert len({s.name for s in schema.SHEETS}) == len(schema.SHEETS)
    assert len({s.table for s in schema.SHEETS}) == len(schema.SHEETS)
    for s in schema.SHEETS:
        assert len(set(s.headers)) == len(s.headers), s.name
        assert len(set(s.keys)) == len(s.keys), s.name
        assert s.table.isascii() and s.table.isidentifier()


def test_registry_md_headers_are_declared():
    # A sample of the contract (docs/registry.md), header by header.
    assert schema.PLANS.headers[:3] == ["Mã KH", "Cơ quan ban hành", "Số ký hiệu"]
    assert "Số đại biểu dự kiến" in schema.PLANS.headers
    assert schema.OPINIONS.column("reply_due").computed
    assert schema.MILESTONES.headers[-1] == "Còn lại (ngày làm việc)"
    assert [c.key for c in schema.MILESTONES.columns if not c.computed] == ["done_date"]
    assert schema.INVITEES.headers == [
        "Mã KH", "STT", "Danh xưng", "Họ và tên", "Chức vụ", "Cơ quan/Đơn vị", "Nhóm", "Địa chỉ",
        "Điện thoại", "Mời", "Số giấy mời", "Ngày gửi", "Tham dự"]


def test_every_choice_column_has_a_known_list():
    for s in schema.SHEETS:
        for c in s.columns:
            if c.type == schema.CHOICE:
                assert c.lookup in schema.LOOKUPS_BY_HEADER, (s.name, c.header)
    for st in schema.SETTINGS:
        if st.type == schema.CHOICE:
            assert st.lookup in schema.LOOKUPS_BY_HEADER


def test_input_messages_fit_excel_limits():
    # Excel rejects a workbook whose input message is over 255 characters.
    for s in schema.SHEETS:
        for c in s.columns:
            assert len(c.help) <= 200, c.header
    for st in schema.SETTINGS:
        assert len(st.help) <= 200, st.label


def test_default_rules_use_the_fixed_lists():
    lk = {l.key: set(l.values) for l in schema.LOOKUPS}
    codes = [r["code"] for r in schema.DEFAULT_RULES]
    assert codes == ["THONG_BAO", "PHAT_PHIEU", "THU_PHIEU", "TONG_HOP", "BAO_CAO_DON_VI",
                     "DU_THAO_TRA_LOI", "GIAY_MOI", "HOI_TRUONG", "KET_LUAN", "CONG_KHAI_KET_QUA",
                     "KET_LUAN_GIA_HAN", "BAO_CAO_KET_QUA", "GIAI_QUYET", "TRA_LOI"]
    for r in schema.DEFAULT_RULES:
        assert r["anchor"] in lk["anchors"]
        assert r["direction"] in lk["directions"]
        assert r["day_kind"] in lk["day_kinds"]
        assert r["applies_to"] in lk["scopes"]
        assert r["mandatory"] in lk["yes_no"]
        assert r["legal_basis"]


def test_a_computed_column_must_belong_to_the_product():
    with pytest.raises(ValueError):
        schema.Column("X", "x", computed=True)
    with pytest.raises(ValueError):
        schema.Column("X", "x", schema.CHOICE)
