"""Identifiers typed inside an opinion's content are noted as the masking reads them: a phone
by content-has-phone, the other kinds (not names) in one content-has-identifier note naming
them. The labelled corpus is the input: every text's notes follow from its labels."""
import datetime as dt

from builders import plan, registry
from privacy_texts import labelled
from doithoai.rules import validation
from doithoai.rules.validation import opinions

CORPUS = labelled.load()


def _notes(texts) -> list[list]:
    """The two notes validation gives each of ``texts`` typed as an opinion's content."""
    ops = [dict(opinion_id=f"YK-{i:03d}", plan_id="KH-1", source="Văn bản",
                received_date="20/05/2026", raised_by="Bà Lan", field="Khác", content=t)
           for i, t in enumerate(texts)]
    reg = registry(plans=[plan()], opinions=ops)
    index = {o.row: int(o.opinion_id[3:]) for o in reg.opinions}
    out = [[] for _ in texts]
    for p in validation.validate(reg, dt.date(2026, 5, 25)):
        if p.code in ("content-has-phone", "content-has-identifier"):
            out[index[p.row]].append(p)
    return out


def test_each_corpus_text_is_noted_for_the_kinds_it_holds():
    notes = _notes([t.text for t in CORPUS])
    for item, got in zip(CORPUS, notes):
        kinds = {s.kind for s in item.spans if s.kind != labelled.PUBLIC}
        assert any(p.code == "content-has-phone" for p in got) == ("phone" in kinds), item.where
        other = sorted(opinions.IDENTIFIER_WORDS[k] for k in kinds & set(opinions.IDENTIFIER_WORDS))
        said = [p.message for p in got if p.code == "content-has-identifier"]
        assert bool(said) == bool(other), (item.where, said)
        for word in other:
            assert word in said[0], (item.where, said)


def test_a_name_alone_is_not_noted_and_the_note_is_info():
    name, plate = _notes(["Ông Nguyễn Văn Tám xóm 3 phản ánh đường ngập.",
                          "Xe 29A-123.45 đỗ chắn ngõ 5."])
    assert name == []
    (p,) = plate
    assert p.severity == "info" and p.message == "Nội dung ý kiến có ghi biển số xe."


def test_an_opinion_received_after_today_is_questioned(sample_copy):
    """Ngày nhận 20/02/2027 typed on 07/12/2026 (a year mistyped): a warning on that cell, which
    the BCTH of that day would otherwise print as "nhận từ ngày 20/02/2027"."""
    import datetime as dt
    from doithoai.files import reader
    from doithoai.rules import validation
    from xlsx_edit import cell_ref, edit
    path = sample_copy("quang-son")
    row = reader.read_registry(path).opinions[0].row
    edit(path, [("opinions", "received_date", row, dt.datetime(2026, 7, 10))])
    today = dt.date(2026, 6, 30)
    found = [p for p in validation.validate(reader.read_registry(path), today)
             if p.code == "date-order-warning" and "sau hôm nay" in p.message]
    assert [p.cell for p in found] == [cell_ref("opinions", "received_date", row)]
    assert "10/07/2026 sau hôm nay (30/06/2026)" in found[0].message
