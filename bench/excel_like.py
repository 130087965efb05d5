"""A registry as Excel saves it, for the benches: openpyxl (which builds our blank registry)
writes every text as an inline string with its Vietnamese letters as character references
("Tr&#7841;m"), a sheet of 50,000 opinions weighing 88 MB; Excel, once the clerk saves, writes
each distinct text once in xl/sharedStrings.xml, in UTF-8, and the sheet weighs a tenth of it.
The clerk's commands read the Excel-saved file, so that is the one the benches time.

Run alone: python bench/excel_like.py SOURCE.xlsx TARGET.xlsx
"""
from __future__ import annotations

import html
import re
import sys
import zipfile

_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>',
                     re.S)
_REF = re.compile(rb"&#(\d+);")
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _utf8(escaped: bytes) -> bytes:
    """Character references as UTF-8 (those below 128 stay escaped: <, & and controls)."""
    return _REF.sub(lambda m: (m.group(0) if int(m.group(1)) < 128
                               else chr(int(m.group(1))).encode("utf-8")), escaped)


def resave(source: str, target: str) -> None:
    strings: dict[bytes, int] = {}

    def shared(m: re.Match) -> bytes:
        text = _utf8(m.group(3))
        index = strings.setdefault(text, len(strings))
        return b'<c ' + m.group(1) + b't="s"' + m.group(2) + b'><v>%d</v></c>' % index

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(shared, data)
            elif item.filename == "[Content_Types].xml" and b"sharedStrings" not in data:
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>'
                    "</Types>").encode())
            elif item.filename == "xl/_rels/workbook.xml.rels" and b"sharedStrings" not in data:
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdSharedStrings" Type="{SST_REL}" '
                    'Target="sharedStrings.xml"/></Relationships>').encode())
            out.writestr(item, data)
        body = b"".join(b'<si><t xml:space="preserve">' + s + b"</t></si>" for s in strings)
        out.writestr("xl/sharedStrings.xml", (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
            b'schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
            % (len(strings), len(strings))) + body + b"</sst>")


if __name__ == "__main__":
    resave(sys.argv[1], sys.argv[2])
    print(html.escape(sys.argv[2]))
