"""The context of each document: every field a template may use, with the cell it comes from.

:mod:`.fields` declares the fields and the :class:`Context` that carries their sources; the
:class:`Builder` fills one context per document, from what all documents share
(:mod:`.common`, with the dates each document prints of itself in :mod:`.dates` and the
repeats of an opinion in :mod:`.repeats`) and one module per family: before the conference (:mod:`.preparation`), the
conference and after (:mod:`.conference`), what is printed for the day (:mod:`.day`) and the
follow-up (:mod:`.followup`), and what goes beyond the commune's own units: the recommendation
to superiors and the notice to each citizen (:mod:`.upward`). A new document kind adds its
method to the module of its family, its fields to :data:`FIELDS`, and the milestone it is issued
by to :data:`.dates.ISSUED_BY`.
"""
from __future__ import annotations

from doithoai.documents.context.conference import ConferenceDocs
from doithoai.documents.context.day import DayDocs
from doithoai.documents.context.fields import (FIELDS, ITEM_FIELDS, PRINTED, Context,
                                               changed_rows, combine, rows_said)
from doithoai.documents.context.followup import FollowUpDocs
from doithoai.documents.context.preparation import PreparationDocs
from doithoai.documents.context.upward import UpwardDocs

__all__ = ["Builder", "Context", "FIELDS", "ITEM_FIELDS", "PRINTED", "changed_rows", "combine",
           "rows_said"]


class Builder(PreparationDocs, ConferenceDocs, DayDocs, FollowUpDocs, UpwardDocs):
    """Builds contexts for the documents of one plan: ``builder.<code>(ctx, item)``."""
