"""Sharing the registry's work with the Fatherland Front, offline and file-based.

Layers, as in the rest of the package:

- :mod:`.codes` and :mod:`.dedupe` are pure core (no files, no Excel): village codes and the
  duplicate suggestions;
- :mod:`.merge` is pure core too: returned rows (:mod:`.returned`) in, outcomes and
  :class:`~doithoai.registry.changes.Changes` out (rows to append to Ý kiến and Chờ xử lý);
- :mod:`.intake` is the file shell: it writes the small intake workbook the Front fills and
  reads returned ones, however they were re-saved.

The CLI (``doithoai intake export|merge``, ``doithoai duplicates``) and the ribbon buttons (Phiếu
cho MTTQ, Nhận ý kiến từ MTTQ, Tìm ý kiến trùng) are thin entry points over these.

May import: the core (registry, text, rules) and the file shell; never monitoring, documents
or Excel (pyproject.toml's import contracts).
"""
