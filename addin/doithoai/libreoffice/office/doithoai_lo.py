"""The Đối thoại toolbar and menu of LibreOffice Calc: a protocol handler for the command URLs
``vnd.doithoai:<function>`` of Addons.xcu (one per function of doithoai.buttons) and
``vnd.doithoai:menu.<id>`` (the drop-down of single documents, whose entry comes as "Text").

A protocol handler is a UNO component registered by the extension's manifest, so its commands
work wherever the extension is installed (for one user or, as root, --shared). Each press
hands the open document to the installed doithoai through doithoai_bridge; a press started by
another program (DispatchHelper: macros, tests) is answered with the press's transcript as JSON.
"""
from __future__ import annotations

import json
import os

import uno
import unohelper
from com.sun.star.beans import NamedValue
from com.sun.star.frame import (ControlCommand, DispatchResultEvent, FeatureStateEvent,
                                XDispatchProvider, XNotifyingDispatch)
from com.sun.star.frame.DispatchResultState import SUCCESS
from com.sun.star.lang import XInitialization, XServiceInfo

import doithoai_bridge as bridge
from doithoai_calc import CalcDocument

IMPLEMENTATION = "org.doithoai.libreoffice.Buttons"
SERVICE = "com.sun.star.frame.ProtocolHandler"
PROTOCOL = "vnd.doithoai:"
MENU = "menu."
HEADING = "heading."
HERE = os.path.dirname(os.path.abspath(__file__))
NOT_CALC = "Hãy mở sổ theo dõi (tệp .xlsx) bằng LibreOffice Calc rồi bấm lại."


class Buttons(unohelper.Base, XInitialization, XDispatchProvider, XNotifyingDispatch,
              XServiceInfo):
    def __init__(self, ctx, *args):
        self.ctx = ctx
        self.frame = None

    # -- XInitialization, XDispatchProvider ------------------------------------------------------
    def initialize(self, args):
        if args:
            self.frame = args[0]

    def queryDispatch(self, url, target, flags):
        return self if url.Protocol == PROTOCOL else None

    def queryDispatches(self, requests):
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags)
                     for r in requests)

    # -- XDispatch ---------------------------------------------------------------------------------
    def dispatch(self, url, args):
        self._guarded(url, args)

    def dispatchWithNotification(self, url, args, listener):
        transcript = self._guarded(url, args)
        if listener is not None:
            event = DispatchResultEvent()
            event.Source, event.State = self, SUCCESS
            event.Result = json.dumps(transcript, ensure_ascii=True)
            listener.dispatchFinished(event)

    def addStatusListener(self, listener, url):
        try:
            self._state(listener, url)
        except Exception:       # raised into LibreOffice, it would end the program at start
            pass

    def _state(self, listener, url):
        event = FeatureStateEvent()
        event.FeatureURL, event.Requery = url, False
        event.IsEnabled = not url.Path.startswith(HEADING)    # a menu's heading is greyed
        if url.Path.startswith(MENU):
            entries = bridge.settings(HERE)["menus"].get(url.Path[len(MENU):], {})
            command = ControlCommand()
            command.Command = "SetList"
            command.Arguments = (NamedValue("List", uno.Any("[]string",
                                                           tuple(entries["entries"]))),)
            event.State = command
        listener.statusChanged(event)

    def removeStatusListener(self, listener, url):
        pass

    # -- a press -----------------------------------------------------------------------------------
    def _guarded(self, url, args):
        """A press; whatever fails in it is said to the clerk, never raised into LibreOffice
        (an exception out of a dispatch ends the whole program, unsaved work with it), and
        nothing the saying itself raises is either."""
        try:
            return self._press(url, args)
        except Exception as exc:
            text = bridge.UNEXPECTED.format(kind=type(exc).__name__)
            try:
                CalcDocument(self.ctx, self.frame).message(text)   # not when nobody sees it
            except Exception:
                pass
            return {"function": getattr(url, "Path", None), "messages": [text], "done": False}

    def _press(self, url, args):
        data = bridge.settings(HERE)
        function = url.Path
        if function.startswith(MENU):
            menu = data["menus"].get(function[len(MENU):], {})
            text = next((a.Value for a in args if a.Name == "Text"), None)
            function = menu.get("functions", {}).get(text)
            if function is None:             # a heading of the list: nothing to do
                return {"function": None, "messages": [], "done": True}
        if function not in data["buttons"]:
            return {"function": function, "messages": [], "done": False}
        document = CalcDocument(self.ctx, self.frame)
        if not document.doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            document.message(NOT_CALC)
            return {"function": function, "messages": [NOT_CALC], "done": False}
        return self._run(document, data, function)

    def _run(self, document, data, function):
        toolkit = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit",
                                                                    self.ctx)
        undo = document.doc.getUndoManager()
        undo.enterUndoContext("Đối thoại: " + data["buttons"][function]["label"])
        window = document.window
        window.setEnable(False)          # no typing into the sheet while the button works
        try:
            press = bridge.Press(document, data.get("python"), function,
                                 pump=toolkit.reschedule)
            return press.run()
        finally:
            window.setEnable(True)
            document.status(None)
            undo.leaveUndoContext()

    # -- XServiceInfo ------------------------------------------------------------------------------
    def getImplementationName(self):
        return IMPLEMENTATION

    def supportsService(self, name):
        return name == SERVICE

    def getSupportedServiceNames(self):
        return (SERVICE,)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(Buttons, IMPLEMENTATION, (SERVICE,))
