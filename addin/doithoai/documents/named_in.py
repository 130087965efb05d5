"""Which Word documents in a folder name a person (``doithoai privacy --person``).

A citizen who asks what the office holds about them (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)
is named in the registry's rows and in the documents made from them: the summary report, the
letters assigning opinions, the minutes, the conclusion notice, the replies and notices to
citizens. Every .docx under the documents folder is read (drafts, issued ones and the old
drafts set aside in ``ban-cu`` alike); the name is looked for as registry.personal.names_in
looks for it in any text. A file that cannot be read is named, not passed over.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from doithoai.documents.batch_files import COPIES
from doithoai.registry import personal

_LIMIT = 32 * 1024 * 1024          # word/document.xml of a generated document is far smaller


@dataclass
class Found:
    """The documents (paths relative to the folder) that name the person, the copies beside
    them, and the files that could not be read (with why)."""
    naming: list[str] = field(default_factory=list)
    copies: dict[str, list[str]] = field(default_factory=dict)
    unread: list[tuple[str, str]] = field(default_factory=list)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraphs(path: str) -> list[str]:
    """The text of each paragraph of a .docx's body (tables' cells included), as an XML parser
    reads it."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
        if info.file_size > _LIMIT:
            raise ValueError("phần nội dung quá lớn")
        root = ElementTree.fromstring(z.read(info))
    return ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p")]


def naming(folder: str, name: str) -> Found:
    """Every .docx under ``folder`` whose text names ``name``, in path order."""
    found = Found()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            if not f.lower().endswith(".docx") or f.startswith("~$"):
                continue             # Word's lock file beside an open document
            path = os.path.join(root, f)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            try:
                text = "\n".join(paragraphs(path))
            except (OSError, KeyError, ValueError, zipfile.BadZipFile,
                    ElementTree.ParseError) as exc:
                found.unread.append((rel, _why(exc)))
                continue
            if personal.names_in(text, name):
                found.naming.append(rel)
                stem = os.path.splitext(path)[0]
                found.copies[rel] = [ext for ext in COPIES if os.path.exists(stem + ext)]
    return found


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return "không mở được tệp"
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    return "tệp hỏng hoặc không phải văn bản Word"
