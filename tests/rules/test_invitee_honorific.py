"""An invited person with no Danh xưng is named by validate (info), and only such a row.

Two fresh-eyes trials read "Kính gửi: H'Yên Niê - Phó Bí thư…" and "Rất mong Quý vị đến dự" in
the invitation of one person whose Danh xưng was left blank. Nothing is guessed from the name;
validate says which rows print so. Seeded blanks on invited and uninvited rows of a sample; what
is read is `validate --json`."""
import contextlib
import io
import json
import random

import pytest

from doithoai import cli
from doithoai.files import reader
from doithoai.rules.validation import invitees
from xlsx_edit import cell_ref, edit


def _flagged(path: str) -> set[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["validate", path, "--json"])
    return {i["cell"] for i in json.loads(out.getvalue())["issues"]
            if i["code"] == "invitee-no-honorific"}


def honorific_violations(seed: int, path: str) -> list[str]:
    rng = random.Random(seed)
    reg = reader.read_registry(path)
    rows = rng.sample(reg.invitees, 12)
    blank = [i for i in rows if rng.random() < 0.6]
    uninvited = [i for i in rows if rng.random() < 0.3]
    edit(path, [("invitees", "honorific", i.row, None) for i in blank] +
         [("invitees", "invited", i.row, "Không") for i in uninvited])
    expected = {cell_ref("invitees", "honorific", i.row) for i in blank if i not in uninvited}
    found = _flagged(path)
    return [f"missed {c}" for c in expected - found] + [f"named {c}" for c in found - expected]


@pytest.mark.parametrize("seed", range(3))
def test_an_invited_person_without_a_form_of_address_is_named(seed, sample_copy):
    assert honorific_violations(seed, sample_copy("quang-son")) == []


def test_the_honorific_property_fails_on_a_planted_fault(sample_copy, monkeypatch):
    """Planted: the invited column not read (an uninvited row named too)."""
    real = invitees.check_invitees

    def careless(f):
        for i in f.reg.invitees:
            if i.full_name and not i.honorific:
                f.add("invitee-no-honorific", invitees.schema.INVITEES, i.row, "honorific",
                      i.full_name, plan=i.plan_id)
    monkeypatch.setattr(invitees, "check_invitees", lambda f: (real(f), careless(f)))
    assert any(honorific_violations(seed, sample_copy("quang-son")) for seed in range(3))
