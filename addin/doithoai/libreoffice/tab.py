"""The Đối thoại tab as data, read from the ribbon's own source, so LibreOffice's toolbar and
menu cannot drift from Excel's ribbon.

The ribbon is ``macros/customUI14.xml`` (groups, labels, screentips, supertips, icons, the
menu of single documents) and ``macros/DoiThoai.bas`` (which function of ``doithoai.buttons``
each Sub calls); :data:`doithoai.excel.ribbon.BUTTON_FUNCTIONS` is the list both must cover.
:func:`read_tab` joins them into a :class:`Tab`; the extension (:mod:`.addons`) is generated
from that, and ``doithoai build-extension`` refuses to build when a control of the ribbon has no
function, or a function no control.

Excel draws its built-in ``imageMso`` icons, which exist only in Office; LibreOffice gets, for
each of them, the icon of the LibreOffice command that means the same thing, from LibreOffice's
own Colibre theme (CC0; copied into ``icons/`` by ``scripts/update_icons.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from doithoai.excel import addin_build
from doithoai.excel.ribbon import BUTTON_FUNCTIONS

NS = {"ui": addin_build.CUSTOMUI_NS}

# imageMso of the ribbon → LibreOffice command whose icon shows the same idea (Colibre names).
ICONS = {
    "FileNew": "newdoc", "DataValidation": "validation", "DateAndTimeInsert": "datefield",
    "FileSaveAsWordDocx": "insertdoc", "CreateReport": "dbnewreport",
    "ReviewNewComment": "shownote", "MailMergeStartLetters": "mailmergewizard",
    "FormControlEditBox": "insertfieldctrl", "TableInsert": "inserttable",
    "ShareWorkbook": "sharedocument", "FileDocumentInspect": "editdoc",
    "ReviewAcceptChange": "accepttrackedchange", "Reply": "replycomment",
    "ChartInsert": "drawchart", "ReviewProtectDocument": "protect", "FilePrint": "print",
    "SpeakCells": "insertsound", "SignatureLineInsert": "signaturelinedialog",
    "ExportExcel": "exportto", "ImportExcel": "dataimport", "FindDialog": "recsearch",
    "Refresh": "dataarearefresh", "ReviewTrackChanges": "trackchanges",
    "GoToNextPage": "nextrecord", "PivotTableInsert": "datadatapilotrun", "FileOpen": "open",
    "AcceptInvitation": "ok", "Help": "helpindex",
}

_SUB_CALL = re.compile(r"Public\s+Sub\s+(\w+)\s*\(control\s+As\s+IRibbonControl\)(.*?)End\s+Sub",
                       re.S | re.I)


class TabError(Exception):
    """The ribbon's source cannot be turned into a toolbar; the message says what to fix."""


class _Face:
    """What a button or a menu shows: its icon and, under the pointer, its tooltip."""
    screentip: str
    supertip: str
    image_mso: str

    @property
    def icon(self) -> str:
        return ICONS[self.image_mso]

    @property
    def tooltip(self) -> str:
        """What the pointer shows over the toolbar button: Excel's screentip, then supertip."""
        return f"{self.screentip}\n{self.supertip}" if self.supertip else self.screentip


@dataclass(frozen=True)
class Button(_Face):
    function: str       # doithoai.buttons.<function>
    control_id: str     # the ribbon's id (btnKiemTra)
    label: str
    screentip: str
    supertip: str
    image_mso: str


@dataclass(frozen=True)
class Heading:
    """A titled separator inside a menu (menuSeparator title="...")."""
    title: str


@dataclass(frozen=True)
class Menu(_Face):
    control_id: str
    label: str
    screentip: str
    supertip: str
    image_mso: str
    items: tuple        # Button | Heading

    @property
    def buttons(self) -> tuple:
        return tuple(i for i in self.items if isinstance(i, Button))


@dataclass(frozen=True)
class Group:
    control_id: str
    label: str
    entries: tuple      # Button | Menu


@dataclass(frozen=True)
class Tab:
    label: str
    groups: tuple

    def buttons(self) -> list[Button]:
        out = []
        for g in self.groups:
            for e in g.entries:
                out += list(e.buttons) if isinstance(e, Menu) else [e]
        return out

    def menus(self) -> list[Menu]:
        return [e for g in self.groups for e in g.entries if isinstance(e, Menu)]


def sub_functions(bas: str) -> dict[str, str]:
    """Sub name → the doithoai.buttons function its RunPython calls (DoiThoai.bas)."""
    out = {}
    for sub, body in _SUB_CALL.findall(bas):
        calls = addin_build._RUNPYTHON.findall(body)
        if len(calls) == 1:
            out[sub] = calls[0]
    return out


def read_tab(files: dict[str, bytes] | None = None) -> Tab:
    """The tab of ``macros/`` (or of ``files``, name → bytes, as addin_build.macro_files)."""
    files = files if files is not None else addin_build.macro_files()
    subs = sub_functions(files["DoiThoai.bas"].decode("ascii"))
    root = ElementTree.fromstring(files["customUI14.xml"])
    tab = root.find(".//ui:tab", NS)
    if tab is None:
        raise TabError("customUI14.xml không có thẻ <tab>.")
    groups = tuple(Group(g.get("id"), g.get("label"),
                         tuple(_entry(el, subs) for el in g
                               if el.tag in (_tag("button"), _tag("menu"))))
                   for g in tab.findall("ui:group", NS))
    made = Tab(tab.get("label"), groups)
    _require_every_function(made)
    return made


def _tag(name: str) -> str:
    return f"{{{addin_build.CUSTOMUI_NS}}}{name}"


def _entry(el, subs: dict[str, str]):
    if el.tag == _tag("menu"):
        items = []
        for child in el:
            if child.tag == _tag("button"):
                items.append(_button(child, subs))
            elif child.tag == _tag("menuSeparator") and child.get("title"):
                items.append(Heading(child.get("title")))
        return Menu(el.get("id"), el.get("label"), el.get("screentip") or el.get("label"),
                    el.get("supertip") or "", el.get("imageMso"), tuple(items))
    return _button(el, subs)


def _button(el, subs: dict[str, str]) -> Button:
    action = el.get("onAction")
    if action not in subs:
        raise TabError(f"Nút {el.get('id')} ({el.get('label')}) gọi {action}, nhưng "
                       "DoiThoai.bas không có Sub đó gọi một hàm của doithoai.buttons.")
    image = el.get("imageMso")
    if image not in ICONS:
        raise TabError(f"Nút {el.get('id')} dùng biểu tượng {image} của Excel; hãy thêm vào "
                       "doithoai.libreoffice.tab.ICONS biểu tượng LibreOffice tương ứng.")
    return Button(subs[action], el.get("id"), el.get("label"),
                  el.get("screentip") or el.get("label"), el.get("supertip") or "", image)


def _require_every_function(tab: Tab) -> None:
    functions = [b.function for b in tab.buttons()]
    unknown = [f for f in functions if f not in BUTTON_FUNCTIONS]
    missing = [f for f in BUTTON_FUNCTIONS if f not in functions]
    if unknown or missing:
        raise TabError("Thẻ Đối thoại và danh sách hàm nút không khớp: "
                       + "; ".join(filter(None, [
                           f"nút gọi hàm không có trong danh sách: {', '.join(unknown)}"
                           if unknown else "",
                           f"hàm không có nút: {', '.join(missing)}" if missing else ""])))
