"""Run by Debian's /usr/bin/python3 (python3-uno): open each workbook in LibreOffice, with its
password in the media descriptor or none, and print what the extension's CalcDocument says of
it (has_password), as JSON: path → bool.

    /usr/bin/python3 tests/libreoffice/lo_password.py OFFICE_DIR FILES.json
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, sys.argv[1])
import lo_cells  # noqa: E402
import doithoai_calc  # noqa: E402

with open(sys.argv[2], encoding="utf-8") as fh:
    files = json.load(fh)
proc, profile, desktop = lo_cells.start()
try:
    said = {}
    for item in files:
        doc = lo_cells.load(desktop, item["path"], item["password"])
        frame = doc.getCurrentController().getFrame()
        said[item["path"]] = doithoai_calc.CalcDocument(None, frame).has_password()
        doc.close(True)
    print(json.dumps(said))
finally:
    desktop.terminate()
    proc.wait(timeout=60)
    shutil.rmtree(profile, ignore_errors=True)
