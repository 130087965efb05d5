"""A Phạm vi typed with commas ("Thôn 1, Thôn 3, Thôn Tân Lập") is read as one place: validate
says so, at its cell, with the list spelled with semicolons.

A fresh-eyes trial: such a plan got one form for "T3, Xóm Tân Lập", a file named after it, and
no earlier conference sharing a village with it (carry-over found none), with no warning.
Registries from the corpus generator (tests/corpus), their Phạm vi retyped with commas, through
`doithoai validate --json`; the control keeps the semicolons.
"""
from __future__ import annotations

import dataclasses
import json

import pytest

from corpus.registries import make_case
from corpus.run import saved
from doithoai import cli

SEEDS = range(6)


def _found(case, path: str, capsys) -> list[dict]:
    cli.main(["validate", saved(case, path), "--json"])
    return [p for p in json.loads(capsys.readouterr().out)["issues"] if p["code"] == "scope-comma"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_scope_typed_with_commas_is_named(seed, tmp_path, capsys):
    case = make_case(seed)
    villages = [v.strip() for v in case.plan["scope"].split(";") if v.strip()]
    if len(villages) < 2:
        villages = villages + ["Thôn Mới"]
    retyped = dataclasses.replace(case, plan=dict(case.plan, scope=", ".join(villages)))
    found = _found(retyped, str(tmp_path / "phay.xlsx"), capsys)
    assert len(found) == 1 and found[0]["sheet"] == "Kế hoạch" and found[0]["row"] == 2, found
    assert found[0]["column"] == "Phạm vi" and "; ".join(villages) in found[0]["hint"], found
    kept = dataclasses.replace(case, plan=dict(case.plan, scope="; ".join(villages)))
    assert _found(kept, str(tmp_path / "cham-phay.xlsx"), capsys) == []
