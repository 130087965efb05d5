"""Planted wordings of the fields documents print otherwise than their fingerprints hold
(BaseBuilder.put_reworded): for tests that issue a document with its earlier wording, or show
a property failing when the new wording is fingerprinted."""
from __future__ import annotations

from doithoai.documents.context import common


def _put(as_issued: bool):
    def put(self, ctx, name, make, source=None, optional=False):
        ctx.put(name, make(as_issued), source, optional)
    return put


def fingerprinted_as_printed(monkeypatch) -> None:
    """Planted: each reworded field fingerprinted as it is printed now (no value kept as
    issued): a document issued before the wording changed is found changed."""
    monkeypatch.setattr(common.BaseBuilder, "put_reworded", _put(False))


def printed_as_issued(monkeypatch) -> None:
    """Each reworded field printed as documents issued before its wording changed printed it."""
    monkeypatch.setattr(common.BaseBuilder, "put_reworded", _put(True))
