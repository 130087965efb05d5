"""Issue 27 §2-§3 for the Front: intake files carry only what the Front needs (no citizen of the
registry, only the village's own codes); encrypted ones each have a password of their own, kept
in Mật khẩu phiếu, and a returned file is opened with it whatever it was renamed to; a file
whose password is none of those kept is set aside saying what to do; a copy that cannot keep
the passwords takes the files back."""
import datetime as dt
import io
import os
import re

import openpyxl
import pytest

from doithoai import cli
from doithoai.files import protected, reader
from doithoai.sharing import codes, intake, keys
from doithoai.samples import SAMPLES

TODAY = dt.date(2026, 5, 1)


def _texts(data: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
            for v in row if v is not None]


@pytest.mark.parametrize("slug", [s.slug for s in SAMPLES])
def test_an_intake_file_holds_no_citizen_and_only_its_villages_codes(sample_paths, slug,
                                                                    tmp_path):
    reg = reader.read_registry(sample_paths[slug])
    plan = next(p for p in reg.plans if p.plan_id and p.villages)
    village_code = codes.village_codes(plan.villages)
    personal = {v for o in reg.opinions for v in (o.raised_by, o.phone) if v} | \
        {v for i in reg.invitees for v in (i.full_name, i.phone) if v} | \
        {o.address for o in reg.opinions if o.address and o.address not in plan.villages}
    personal.discard(reg.settings.contact_officer)          # the office's own contact
    for e in intake.export(reg, plan.plan_id, str(tmp_path), today=TODAY, encrypt=True):
        texts = _texts(protected.decrypt(open(e.path, "rb").read(), e.password))
        leaked = [t for t in texts for p in personal if p in t]
        assert not leaked, (e.path, leaked[:5])
        row_codes = [t for t in texts if re.fullmatch(r"[A-Z0-9]+-\d{3}", t)]
        assert row_codes and all(c.startswith(village_code[e.village] + "-")
                                 for c in row_codes), e.path
        headers = next(r for r in openpyxl.load_workbook(io.BytesIO(protected.decrypt(
            open(e.path, "rb").read(), e.password)))["Ý kiến"].iter_rows(values_only=True)
            if r[0] == intake.CODE_HEADER)
        assert [h for h in headers if h] == [h for _, h, _, _ in intake.COLUMNS]


def test_the_minimum_data_check_fails_on_a_planted_leak(sample_paths, tmp_path, monkeypatch):
    """Planted: the facts on top of the sheet name the first citizen of the registry."""
    reg = reader.read_registry(sample_paths["tu-minh"])
    real = intake._facts
    monkeypatch.setattr(intake, "_facts", lambda reg_, *a: real(reg_, *a) + [
        f"Người liên hệ: {reg_.opinions[0].raised_by}"])
    with pytest.raises(AssertionError):
        test_an_intake_file_holds_no_citizen_and_only_its_villages_codes(
            {"tu-minh": sample_paths["tu-minh"]}, "tu-minh", tmp_path)


def test_passwords_are_tried_by_name_first_then_newest_first(sample_registries):
    reg = sample_registries["tu-minh"]
    from doithoai.registry.model import IntakeKey
    reg = type(reg)(**{**reg.__dict__, "intake_keys": [
        IntakeKey(2, "KH-1", "A", "A", "B1", "phieu-a.xlsx", "1111-1111-1111"),
        IntakeKey(3, "KH-1", "B", "B", "B2", "phieu-b.xlsx", "2222-2222-2222"),
        IntakeKey(4, "KH-1", "A", "A", "B3", "phieu-a (2).xlsx", "3333-3333-3333")]})
    assert keys.candidates(reg, "/x/PHIEU-A.xlsx") == ["1111-1111-1111", "3333-3333-3333",
                                                      "2222-2222-2222"]
    assert keys.candidates(reg, "/x/doi-ten.xlsx") == ["3333-3333-3333", "2222-2222-2222",
                                                      "1111-1111-1111"]
    assert keys.encrypted_batches(reg) == {"B1", "B2", "B3"}


def test_a_returned_file_with_a_password_never_given_is_set_aside(sample_paths, tmp_path,
                                                                  capsys):
    path = str(tmp_path / "so.xlsx")
    open(path, "wb").write(open(sample_paths["tu-minh"], "rb").read())
    assert cli.main(["intake", "export", path, "--plan", "KH-2026-01", "--encrypt", "--out",
                     str(tmp_path / "mttq"), "--today", "2026-05-01"]) == 0
    out = capsys.readouterr().out
    exported, pw = re.findall(r"Đã tạo (\S+\.xlsx) .*?mật khẩu: (\S+)\.", out)[0]
    data = protected.decrypt(open(exported, "rb").read(), pw)
    stranger = tmp_path / "mat-khau-khac.xlsx"
    stranger.write_bytes(protected.encrypt(data, "một mật khẩu khác"))
    copy = next(str(p) for p in tmp_path.glob("so (mat khau phieu*).xlsx"))
    code = cli.main(["intake", "merge", copy, str(stranger), "--out", str(tmp_path / "n.xlsx")])
    out = capsys.readouterr().out
    assert code == 2 and not os.path.exists(tmp_path / "n.xlsx")
    assert "mat-khau-khac.xlsx: đọc 0 dòng" in out
    assert "tệp đặt mật khẩu khác với mọi mật khẩu đã cấp cho phiếu" in out
    assert pw not in out.split("Đã tạo")[0] and "một mật khẩu khác" not in out


def test_files_whose_passwords_cannot_be_kept_are_taken_back(sample_paths, tmp_path, capsys,
                                                             monkeypatch):
    from doithoai.files import registry_copy
    path = str(tmp_path / "so.xlsx")
    open(path, "wb").write(open(sample_paths["tu-minh"], "rb").read())

    def full(*a, **kw):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(registry_copy, "registry_copy", full)
    code = cli.main(["intake", "export", path, "--plan", "KH-2026-01", "--encrypt", "--out",
                     str(tmp_path / "mttq")])
    out = capsys.readouterr().out
    assert code != 0 and not re.search(r"\d{4}-\d{4}-\d{4}", out)      # no password shown
    assert not os.path.exists(tmp_path / "mttq") or os.listdir(tmp_path / "mttq") == []


def test_a_registry_made_before_the_password_sheet_gets_it_in_its_copy(sample_paths, tmp_path,
                                                                      capsys, monkeypatch):
    """A 0.3 registry (no Mật khẩu phiếu, a Nhật ký of five columns), itself encrypted: the copy
    holding the files' passwords gets the sheet, and the merge finds them there."""
    from doithoai.cli import passwords
    wb = openpyxl.load_workbook(sample_paths["tu-minh"])
    del wb["Mật khẩu phiếu"]
    for col in ("H", "G", "F"):
        wb["Nhật ký"].delete_cols(openpyxl.utils.column_index_from_string(col))
    wb["Nhật ký"].tables["NhatKy"].ref = "A1:E2"
    buffer = io.BytesIO()
    wb.save(buffer)
    path = tmp_path / "so-cu.xlsx"
    path.write_bytes(protected.encrypt(buffer.getvalue(), "mk sổ cũ"))
    monkeypatch.setenv(passwords.ENV, "mk sổ cũ")
    assert cli.main(["intake", "export", str(path), "--plan", "KH-2026-01", "--encrypt",
                     "--village", "TDP Cẩm Khê A", "--out", str(tmp_path / "m"),
                     "--today", "2026-05-01"]) == 0
    out = capsys.readouterr().out
    exported, pw = re.findall(r"Đã tạo (\S+\.xlsx) .*?mật khẩu: (\S+)\.", out)[0]
    copy = next(str(p) for p in tmp_path.glob("so-cu (mat khau phieu*).xlsx"))
    reg = reader.read_registry(protected.open_file(copy, tried=["mk sổ cũ"]))
    assert [(k.file, k.password) for k in reg.intake_keys] == [(os.path.basename(exported), pw)]
    data = protected.decrypt(open(exported, "rb").read(), pw)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Ý kiến"]
    head = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Mã phiếu")
    for c, v in enumerate(["Phiếu hỏi", "20/05/2026", "Bà Lê Thị Thử", "TDP Cẩm Khê A", None,
                           "Đề nghị sửa đèn ngõ 9."], start=2):
        ws.cell(row=head + 1, column=c, value=v)
    back = io.BytesIO()
    wb.save(back)
    (tmp_path / "ve.xlsx").write_bytes(protected.encrypt(back.getvalue(), pw))
    assert cli.main(["intake", "merge", copy, str(tmp_path / "ve.xlsx"), "--out",
                     str(tmp_path / "nhan.xlsx"), "--today", "2026-05-20"]) == 0
    assert "ve.xlsx: đọc 1 dòng = 1 thêm mới" in capsys.readouterr().out
    assert cli.main(["privacy", copy]) == 0
    assert "Nhật ký của sổ chưa có các cột Gửi cho" in capsys.readouterr().out
