"""The intake form's own words: where the Front sends it back, read from the saved file, on
generated registries (every kind of unit, a plan of the committee or of the party)."""
import datetime as dt
import random

import openpyxl
import pytest

from corpus.registries import make_case
from corpus.run import registry_of
from doithoai.sharing import intake


@pytest.mark.parametrize("seed", range(8))
def test_the_form_says_which_office_of_which_unit_it_goes_back_to(seed, tmp_path):
    """The form's line "Gửi lại tệp này cho …" names the officer (when Cấu hình names one), the
    office of the plan's issuer and the unit with its kind word as a sentence writes it ("Văn
    phòng HĐND và UBND phường Hòa Bình"), on generated registries of every kind of unit."""
    case = make_case(seed)
    rng = random.Random(seed)
    if rng.random() < 0.4:
        case.settings["contact_officer"] = None
    reg = registry_of(case)
    plan = case.plan["plan_id"]
    made = intake.export(reg, plan, str(tmp_path), villages=[case.truth.villages[0]],
                         today=case.meeting - dt.timedelta(days=20))[0].path
    ws = openpyxl.load_workbook(made)[intake.DATA_SHEET]
    line = next(str(c.value) for row in ws.iter_rows(max_row=12) for c in row
                if str(c.value or "").startswith("Gửi lại tệp này"))
    kind = case.settings["unit_type"]
    unit = case.settings["unit_name"][len(kind) + 1:]          # "Phường Hòa Bình" → "Hòa Bình"
    office = "Văn phòng Đảng ủy" if case.party else "Văn phòng HĐND và UBND"
    assert f"{office} {kind} {unit}" in line, line
    assert case.settings["unit_name"] not in line, line         # "Xã …" capital inside it
    officer = case.settings.get("contact_officer")
    assert (f"đồng chí {officer}" in line) == bool(officer), line
