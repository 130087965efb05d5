"""The mark an issued document carries in its own file, so that no run replaces it unknowingly.

A registry is copied at each issuing run from the command line ("so (cap so …).xlsx"); run again
from the original (or from an older copy, or opened in Excel from a file sent by e-mail), the
tool does not know the numbers the other copy gave, and would write its own documents over the
ones issued, under the same names and numbers (a trial). Each issued document now says so in
its properties (docProps/core.xml, Category: "Đã ban hành số 01/BB-UBND ngày 28/04/2027", Word's
File › Info); a run that would write over such a file while its own Sổ văn bản has
no issued row for it refuses that document, naming the file. Drafts carry no mark; documents
issued before the mark was added have none either (they are not guarded by it).
"""
from __future__ import annotations

import datetime as dt
import os
import zipfile

from lxml import etree

from doithoai.registry import schema
from doithoai.registry.issued import ISSUED
from doithoai.registry.problems import Problem, make

MARK = ISSUED                      # "Đã ban hành", as Sổ văn bản says it
CORE = "docProps/core.xml"
_CATEGORY = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category"
_CORE_LIMIT = 64 * 1024            # a core part is a few hundred bytes; a larger one is no mark
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def mark(status: str, number_symbol: str | None, day: dt.date | None) -> str | None:
    """The words the Category of a document of that Trạng thái holds: an issued one's ("Đã ban
    hành số 01/BB-UBND ngày 28/04/2027"); None for a draft."""
    if status != ISSUED:
        return None
    return MARK + (f" số {number_symbol}" if number_symbol else "") + \
        (f" ngày {day:%d/%m/%Y}" if day else "")


def core_with(core: bytes, words: str) -> bytes:
    """The template's core properties with Category set to ``words``."""
    root = etree.fromstring(core, _PARSER)
    category = root.find(_CATEGORY)
    if category is None:
        category = etree.SubElement(root, _CATEGORY)
    category.text = words
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def issued_as(path: str) -> str | None:
    """The mark of the Word file at ``path`` if it is an issued document's, else None (no file,
    a draft, a text file, a file of an older version, one that cannot be read)."""
    if not path.endswith(".docx") or not os.path.isfile(path):
        return None
    try:
        with zipfile.ZipFile(path) as z:
            if z.getinfo(CORE).file_size > _CORE_LIMIT:
                return None
            category = etree.fromstring(z.read(CORE), _PARSER).find(_CATEGORY)
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError):
        return None
    words = category.text if category is not None else None
    return words if words and words.startswith(MARK) else None


def refusal(register, plan_id: str, base: str, path: str, document: str) -> Problem | None:
    """The refusal of a document about to be written at ``path`` over one issued that the
    registry's Sổ văn bản does not hold (issued from another copy of it); None otherwise."""
    words = issued_as(path)
    if words is None or register.rows_for(plan_id, base, ISSUED):
        return None
    return make("document-issued-elsewhere", schema.REGISTER.name, document=document,
                file=os.path.basename(path), mark=words)
