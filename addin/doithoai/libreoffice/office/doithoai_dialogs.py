"""The extension's dialogs, in Vietnamese whatever LibreOffice's own language: a message the
clerk closes (Đóng), a yes/no question (Có / Không), and the file dialog for returned intake
files. A message of more than a few lines is read-only text the clerk can scroll and copy: its
lines are only estimated (the letters' width depends on the fonts installed), and a plain label
that proves too short cuts the end off with "…", where a text box scrolls."""
from __future__ import annotations

import textwrap

TITLE = "Đối thoại"
WIDTH = 300                 # dialog units (LibreOffice's "appfont")
LINE = 10                   # a line of text, in dialog units
CHARS = 60                  # characters per line at that width: about 66 fit (a screenshot of
                            # CI's run), fewer where the letters are wide
FONT = 11                   # points: as the sheet's text, larger than LibreOffice's own dialogs
MAX_LINES = 20              # the tallest dialog; a longer text scrolls
SHORT = 6                   # at most this many lines (estimated) shown as a plain label


def _lines(text):
    """The lines ``text`` takes in the dialog, wrapped at words as the dialog wraps it (a
    path longer than a line broken inside), and one spare: a line too few cuts the end of the
    message off ("Bấm Ki…")."""
    return 1 + sum(len(textwrap.wrap(p, CHARS, break_on_hyphens=False)) or 1
                   for p in text.split("\n"))


def _run(ctx, parent, text, buttons):
    """Show ``text`` with ``buttons`` ((label, push type, default), ...); the dialog's result:
    1 for the OK-type button, 0 for cancel (or the window's close box)."""
    smgr = ctx.ServiceManager
    model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx)
    scrolls = _lines(text) > SHORT
    # a text box has room for two lines more than estimated: the last line is not half shown
    lines = min(_lines(text) + (2 if scrolls else 0), MAX_LINES)
    height = lines * LINE + 4
    model.Title, model.Width, model.Height = TITLE, WIDTH, height + 34
    model.Closeable, model.Moveable = True, True
    if scrolls:                 # read-only text that scrolls (and can be copied)
        area = model.createInstance("com.sun.star.awt.UnoControlEditModel")
        area.MultiLine, area.ReadOnly, area.VScroll = True, True, True
        area.Text = text
    else:                   # as a message box: plain text on the dialog
        area = model.createInstance("com.sun.star.awt.UnoControlFixedTextModel")
        area.MultiLine, area.NoLabel = True, True       # no letter underlined as a shortcut
        area.Label = text
    area.PositionX, area.PositionY, area.Width, area.Height = 8, 8, WIDTH - 16, height
    area.FontHeight = FONT
    model.insertByName("text", area)
    x = WIDTH - 8 - 56 * len(buttons)
    for i, (label, push, default) in enumerate(buttons):
        button = model.createInstance("com.sun.star.awt.UnoControlButtonModel")
        button.PositionX, button.PositionY, button.Width, button.Height = \
            x + 56 * i, height + 14, 50, 14
        button.Label, button.PushButtonType, button.DefaultButton = label, push, default
        model.insertByName("button%d" % i, button)
    dialog = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", ctx)
    dialog.setModel(model)
    toolkit = smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    dialog.createPeer(toolkit, parent)
    _centre(dialog, parent)
    for i, (label, push, default) in enumerate(buttons):
        if default:
            dialog.getControl("button%d" % i).setFocus()
    try:
        return dialog.execute()
    finally:
        dialog.dispose()


def _centre(dialog, parent):
    try:
        outer, own = parent.getPosSize(), dialog.getPosSize()
        dialog.setPosSize(outer.X + max(0, (outer.Width - own.Width) // 2),
                          outer.Y + max(0, (outer.Height - own.Height) // 3),
                          0, 0, 3)                       # PosSize.POS
    except Exception:
        pass


def message(ctx, parent, text):
    _run(ctx, parent, text, (("Đóng", 1, True),))


def ask(ctx, parent, text):
    return _run(ctx, parent, text, (("Có", 1, True), ("Không", 2, False))) == 1


def pick_files(ctx, title, folder):
    """Paths the clerk picks (several), [] when cancelled."""
    import uno
    picker = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.ui.dialogs.FilePicker", ctx)
    picker.initialize((10,))                # FILEOPEN_SIMPLE
    picker.setMultiSelectionMode(True)
    picker.setTitle(title)
    picker.appendFilter("Excel, LibreOffice (*.xlsx, *.xls, *.ods)", "*.xlsx;*.xls;*.ods")
    if folder:
        picker.setDisplayDirectory(uno.systemPathToFileUrl(folder))
    if picker.execute() != 1:
        return []
    return [uno.fileUrlToSystemPath(u) for u in picker.getSelectedFiles()]
