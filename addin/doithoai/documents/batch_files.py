"""The files of a merged batch (the invitations: GM/GM_003_Nguyen-Van-An.docx beside
GM_tat-ca.docx): where they go, and which files of an earlier run this run does not make
again; and the drafts of a kind made one per agency, opinion, village or citizen that this run
no longer makes (an agency with nothing left to assign or to chase). Both are set aside into
SET_ASIDE by the generator, never deleted."""
from __future__ import annotations

import os
import re

from doithoai.documents import engine
from doithoai.documents.kinds import Kind
from doithoai.registry.issued import version_number

SET_ASIDE = "ban-cu"     # a merged batch's files of an earlier run that this run replaced
COPIES = (".pdf", ".odt")      # what --pdf and --odt write beside a document, under its stem
_NUMBERED = re.compile(r"(.+?)_\d{3}_")     # "GM_003_Nguyen-Van-An.docx": its kind's part


def items_folder(kind: Kind, folder: str, target_base: str) -> str:
    """The folder of a merged batch's own files: GM beside GM_tat-ca.docx, GM_v2 beside
    GM_tat-ca_v2.docx."""
    return os.path.join(folder, target_base.replace(f"{kind.code}_{engine.MERGED_SUFFIX}",
                                                    kind.code))


def stem_of(name: str, suffix: str) -> str | None:
    """A document's name without ``suffix``, or its PDF or ODF copy's without theirs (the copy
    goes where its document goes); None for any other file."""
    for end in (suffix, *COPIES):
        if name.endswith(end):
            return name[:-len(end)]
    return None


def earlier_files(sub: str, made: list[str], suffix: str) -> list[str]:
    """The files in ``sub`` numbered as the batch numbers its own ("GM_003_…") that are not
    among ``made``, with their PDF and ODF copies, in name order."""
    lead = _NUMBERED.match(made[0]) if made else None
    if lead is None or not os.path.isdir(sub):
        return []
    keep = stems(made)
    return sorted(name for name in os.listdir(sub)
                  if (stem := stem_of(name, suffix)) is not None and stem.casefold() not in keep
                  and (m := _NUMBERED.match(name)) and m.group(1) == lead.group(1)
                  and os.path.isfile(os.path.join(sub, name)))


def record_files(out: str, suffix: str = ".docx"):
    """Every document under ``out`` that a register row may stand for: not one item of a merged
    batch ("GM/GM_003_…": its batch's file stands for it), nothing set aside."""
    for folder, dirs, names in os.walk(out):
        dirs[:] = [d for d in dirs if d != SET_ASIDE]
        yield from (os.path.join(folder, n) for n in sorted(names)
                    if n.endswith(suffix) and not _NUMBERED.match(n))


def stems(paths: list[str]) -> set[str]:
    """The files' names without their folder and suffix, casefolded."""
    return {os.path.splitext(os.path.basename(p))[0].casefold() for p in paths}


def earlier_drafts(folder: str, kind: Kind, suffix: str, keep: set[str]) -> dict[str, list[str]]:
    """Each folder of a kind's files (the plan's, and the kind's own subfolder: CVTL/, TBCD/)
    → the files of that kind in it ("CVPC_….docx", "BCKQ_v2.docx", and their PDF and ODF
    copies) whose stem is not in ``keep`` (casefolded: the ones this run makes or keeps, and
    the issued ones, which stay where the register says). A kind's plain file ("BCKQ.docx")
    is never one of them."""
    out: dict[str, list[str]] = {}
    for where in (folder, os.path.join(folder, kind.code)):
        if not os.path.isdir(where):
            continue
        for name in sorted(os.listdir(where)):
            stem = stem_of(name, suffix)
            if stem is None or not stem.startswith(f"{kind.code}_") or \
                    stem.casefold() in keep or not os.path.isfile(os.path.join(where, name)):
                continue
            out.setdefault(where, []).append(os.path.join(where, name))
    return out


def revision_base(folder: str, base: str, draft_file: str | None) -> str:
    """The stem of the new draft of an issued document whose data changed: the version of its
    draft still in the register ("…_v2" made again as "…_v2"), else the "…_vN" after every
    version of it in ``folder`` or set aside in its "ban-cu" (as a file or as a merged batch's
    folder): a version never takes the number of an earlier one set aside, so a "_v3" is
    always newer than the "_v2" it replaces."""
    if version_number(draft_file) > 1:
        return f"{base}_v{version_number(draft_file)}"
    named = re.compile(re.escape(base) + r"_v(\d+)(?:\.[a-z]+)?$")      # .docx, .pdf, a folder
    taken = [int(found.group(1)) for where in (folder, os.path.join(folder, SET_ASIDE))
             if os.path.isdir(where) for name in os.listdir(where)
             if (found := named.match(name))]
    return f"{base}_v{max(taken, default=1) + 1}"
