"""The extension's configuration, generated from the tab (:mod:`.tab`): the toolbar and the
menu Đối thoại (Addons.xcu), the protocol handler's registration (ProtocolHandler.xcu), where
the toolbar docks (CalcWindowState.xcu), the manifest and the description.

The toolbar shows icons, one run per group of the ribbon with a separator between groups, the
menu of single documents as a drop-down; the pointer over a button shows Excel's screentip and
supertip. The menu Đối thoại lists every button by its ribbon label, groups apart, with the
single documents in a submenu whose titled separator becomes a greyed heading.
"""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from doithoai.libreoffice.tab import Button, Heading, Menu, Tab

IDENTIFIER = "org.doithoai.libreoffice"
IMPLEMENTATION = "org.doithoai.libreoffice.Buttons"
PROTOCOL = "vnd.doithoai:"
TOOLBAR = f"{IDENTIFIER}.toolbar"
TOOLBAR_RESOURCE = f"private:resource/toolbar/addon_{TOOLBAR}"
CALC = "com.sun.star.sheet.SpreadsheetDocument"
COMPONENT = "doithoai_lo.py"
MINIMAL_VERSION = "7.0"
_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:component-data '
         'xmlns:oor="http://openoffice.org/2001/registry" '
         'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="{name}" oor:package="{package}">')


def command(item) -> str:
    if isinstance(item, Menu):
        return f"{PROTOCOL}menu.{item.control_id}"
    return f"{PROTOCOL}{item.function}"


def _prop(name: str, value: str, kind: str = "xs:string") -> str:
    return f'<prop oor:name="{name}" oor:type="{kind}"><value>{escape(value)}</value></prop>'


def _node(name: str, props: list[str], children: str = "") -> str:
    return f'<node oor:name={quoteattr(name)} oor:op="replace">{"".join(props)}{children}</node>'


def _item(name: str, url: str, title: str, control: str = "") -> str:
    props = [_prop("URL", url), _prop("Title", title), _prop("Target", "_self"),
             _prop("Context", CALC)]
    if control:
        props.append(_prop("ControlType", control))
    return _node(name, props)


def _separator(name: str) -> str:
    return _node(name, [_prop("URL", "private:separator")])


def toolbar_items(tab: Tab) -> str:
    out, n = [], 0
    for g, group in enumerate(tab.groups):
        if g:
            out.append(_separator(f"t{n:02d}"))
            n += 1
        for entry in group.entries:
            control = "DropdownButton" if isinstance(entry, Menu) else ""
            out.append(_item(f"t{n:02d}", command(entry), entry.tooltip, control))
            n += 1
    return "".join(out)


def menu_items(tab: Tab) -> str:
    out, n = [], 0
    for g, group in enumerate(tab.groups):
        if g:
            out.append(_separator(f"m{n:02d}"))
            n += 1
        for entry in group.entries:
            if isinstance(entry, Menu):
                sub = []
                for i, item in enumerate(entry.items):
                    if isinstance(item, Heading):
                        sub.append(_separator(f"s{i:02d}a"))
                        sub.append(_item(f"s{i:02d}", f"{PROTOCOL}heading.{i}", item.title))
                    else:
                        sub.append(_item(f"s{i:02d}", command(item), item.label))
                out.append(_node(f"m{n:02d}", [_prop("URL", ""), _prop("Title", entry.label),
                                               _prop("Context", CALC)],
                                 f'<node oor:name="Submenu">{"".join(sub)}</node>'))
            else:
                out.append(_item(f"m{n:02d}", command(entry), entry.label))
            n += 1
    return "".join(out)


def images(tab: Tab) -> str:
    out = []
    entries = [e for g in tab.groups for e in g.entries] + tab.buttons()
    for i, entry in enumerate(dict.fromkeys(entries)):
        urls = [_prop("ImageSmallURL", f"%origin%/icons/sc_{entry.icon}.png"),
                _prop("ImageBigURL", f"%origin%/icons/lc_{entry.icon}.png")]
        out.append(_node(f"i{i:02d}", [_prop("URL", command(entry))],
                         f'<node oor:name="UserDefinedImages">{"".join(urls)}</node>'))
    return "".join(out)


def addons_xcu(tab: Tab) -> str:
    menu = _node(f"{IDENTIFIER}.menu", [_prop("Title", tab.label), _prop("Context", CALC)],
                 f'<node oor:name="Submenu">{menu_items(tab)}</node>')
    return (_HEAD.format(name="Addons", package="org.openoffice.Office")
            + '<node oor:name="AddonUI">'
            + f'<node oor:name="OfficeToolBar">{_node(TOOLBAR, [], toolbar_items(tab))}</node>'
            + f'<node oor:name="OfficeMenuBar">{menu}</node>'
            + f'<node oor:name="Images">{images(tab)}</node>'
            + "</node></oor:component-data>\n")


def protocol_handler_xcu() -> str:
    protocols = f'<prop oor:name="Protocols" oor:type="oor:string-list"><value>{PROTOCOL}*</value></prop>'
    return (_HEAD.format(name="ProtocolHandler", package="org.openoffice.Office")
            + f'<node oor:name="HandlerSet">{_node(IMPLEMENTATION, [protocols])}</node>'
            + "</oor:component-data>\n")


def window_state_xcu(tab: Tab) -> str:
    """The toolbar docked at the top, on a row of its own below Standard and Formatting."""
    state = _node(TOOLBAR_RESOURCE, [
        _prop("UIName", tab.label), _prop("Docked", "true", "xs:boolean"),
        _prop("Visible", "true", "xs:boolean"), _prop("DockingArea", "0", "xs:int"),
        _prop("DockPos", "0,3"), _prop("Style", "0", "xs:int")])
    return (_HEAD.format(name="CalcWindowState", package="org.openoffice.Office.UI")
            + f'<node oor:name="UIElements"><node oor:name="States">{state}</node></node>'
            + "</oor:component-data>\n")


def manifest_xml() -> str:
    entries = [(name, "application/vnd.sun.star.configuration-data")
               for name in ("Addons.xcu", "ProtocolHandler.xcu", "CalcWindowState.xcu")]
    entries.append((COMPONENT, "application/vnd.sun.star.uno-component;type=Python"))
    lines = "".join(f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="{t}"/>'
                    for p, t in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            f'xmlns:manifest="http://openoffice.org/2001/manifest">{lines}</manifest:manifest>\n')


def description_xml(version: str) -> str:
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006"
    xmlns:d="http://openoffice.org/extensions/description/2006"
    xmlns:l="http://libreoffice.org/extensions/description/2011"
    xmlns:xlink="http://www.w3.org/1999/xlink">
  <identifier value="{IDENTIFIER}"/>
  <version value="{escape(version)}"/>
  <platform value="all"/>
  <dependencies>
    <l:LibreOffice-minimal-version d:name="LibreOffice {MINIMAL_VERSION}" value="{MINIMAL_VERSION}"/>
  </dependencies>
  <display-name>
    <name lang="vi">Đối thoại: sổ theo dõi hội nghị đối thoại</name>
    <name lang="en">Đối thoại: dialogue conference registry</name>
  </display-name>
  <extension-description>
    <src lang="vi" xlink:href="description/mo-ta.txt"/>
  </extension-description>
</description>
'''


DESCRIPTION_TEXT = (
    "Thanh công cụ và trình đơn Đối thoại cho sổ theo dõi hội nghị đối thoại (tệp .xlsx): "
    "kiểm tra dữ liệu, tính hạn, tạo văn bản, chia sẻ với Ủy ban MTTQ, theo dõi kết quả. Các "
    "nút chạy gói doithoai đã cài trên máy (lệnh python -m doithoai install --libreoffice).\n")


def settings_json(tab: Tab, python: str | None, version: str) -> str:
    """What the component reads at run time: each function's label, each menu's entries, and
    the Python that runs doithoai (recorded at install; None in a plain build)."""
    menus = {}
    for m in tab.menus():
        menus[m.control_id] = {
            "entries": [f"— {i.title} —" if isinstance(i, Heading) else i.label
                        for i in m.items],
            "functions": {i.label: i.function for i in m.items if isinstance(i, Button)}}
    data = {"python": python, "version": version,
            "buttons": {b.function: {"label": b.label} for b in tab.buttons()},
            "menus": menus}
    return json.dumps(data, ensure_ascii=False, indent=1)
