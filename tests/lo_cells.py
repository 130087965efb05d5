"""Open workbooks in LibreOffice through UNO and print what it reads. Run by Debian's
``/usr/bin/python3`` (which has python3-uno), not by the package's Python:

    /usr/bin/python3 tests/lo_cells.py FILES.json

FILES.json is a list of {"path": ..., "password": ... or null}. Each file is loaded twice:
with the password in the media descriptor (or none), and with no password at all. Prints one
JSON object: path → {"opened": bool, "cells": {sheet: [[text, ...], ...]} (the used area of
each sheet, every cell as the text LibreOffice shows), "opened_without_password": bool}.
Standard library and uno only.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid


def start():
    import uno
    profile = tempfile.mkdtemp(prefix="doithoai-lo-")
    pipe = "doithoai" + uuid.uuid4().hex[:8]
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + profile,
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("soffice stopped before it answered")
            time.sleep(0.1)
    else:
        raise RuntimeError("soffice did not answer")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, profile, desktop


def props(**kw):
    from com.sun.star.beans import PropertyValue
    out = []
    for name, value in kw.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def load(desktop, path, password):
    import uno
    kw = {"Hidden": True, "ReadOnly": True}
    if password is not None:
        kw["Password"] = password
    try:
        return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                            "_blank", 0, props(**kw))
    except Exception:
        return None


def cells(doc):
    out = {}
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row, last_col = cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn
        rng = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
        out[sheet.Name] = [[str(v) for v in row] for row in rng.getDataArray()]
    return out


def main(path):
    with open(path, encoding="utf-8") as fh:
        files = json.load(fh)
    proc, profile, desktop = start()
    result = {}
    try:
        for item in files:
            doc = load(desktop, item["path"], item.get("password"))
            entry = {"opened": doc is not None, "cells": cells(doc) if doc is not None else {}}
            if doc is not None:
                doc.close(True)
            bare = load(desktop, item["path"], None)
            entry["opened_without_password"] = bare is not None
            if bare is not None:
                bare.close(True)
            result[item["path"]] = entry
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
        import shutil
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
    os._exit(0)
