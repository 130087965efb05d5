"""Files an earlier run made that this run does not make again, set aside into "ban-cu" beside
them (never deleted: a file may hold edits), each move told; a file the system will not move
(open in Word) is named as not to be used."""
from __future__ import annotations

import os

from doithoai.documents import batch_files, engine, notices
from doithoai.documents.kinds import Kind
from doithoai.files import atomic
from doithoai.registry.model import Plan


def earlier_drafts(result, register, plan: Plan, kind: Kind, suffix: str, folder: str,
                   todo) -> None:
    """The drafts of ``kind`` an earlier run made that this one (its batches ``todo``, its
    files so far in ``result``) no longer makes (a letter to an agency with nothing left to
    assign, a "_v2" since replaced by a "_v3"); issued ones stay."""
    keep = batch_files.stems([engine.safe_filename(b.base, suffix=suffix) for b in todo]
                             + result.files + register.issued_files(plan))
    for where, paths in batch_files.earlier_drafts(folder, kind, suffix, keep).items():
        into = os.path.join(where, batch_files.SET_ASIDE)
        moved, left = atomic.move_aside(paths, into)
        register.moved(dict(zip([p for p in paths if p not in left], moved)))
        result.notices.append(notices.set_aside(
            kind, os.path.relpath(into, register.out), [os.path.basename(p) for p in moved],
            [os.path.basename(p) for p in left]))


def merged_items(said: list[str], kind: Kind, suffix: str, sub: str, batch, ok: list) -> None:
    """The files an earlier run of a merged batch made in ``sub`` that this run (its items
    ``ok``) does not make again (a person no longer invited, or now under another number:
    GM_003_… may be someone else's), so that printing the folder gives one document for each
    person now on the list; the notice appended to ``said``."""
    made = [engine.safe_filename(batch.name(n, item), suffix=suffix)
            for n, (item, _, _) in enumerate(ok, start=1)]
    earlier = batch_files.earlier_files(sub, made, suffix)
    if not earlier:
        return
    moved, left = atomic.move_aside([os.path.join(sub, name) for name in earlier],
                                    os.path.join(sub, batch_files.SET_ASIDE))
    said.append(notices.set_aside(
        kind, f"{os.path.basename(sub)}/{batch_files.SET_ASIDE}",
        [os.path.basename(p) for p in moved], [os.path.basename(p) for p in left],
        folder=os.path.basename(sub)))
