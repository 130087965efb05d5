"""Regenerate workbook_templates/: the blank registry and the Word templates.

Run after changing doithoai.registry.schema, doithoai.files.blank, doithoai.documents.layout,
doithoai.documents.templates or doithoai.installer.vba (macros/Guard.bas); the drift tests fail until the committed files match.
"""
import os
import sys

from doithoai.files import atomic
from doithoai.files import blank
from doithoai.documents import templates
from doithoai.installer import vba

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.normpath(os.path.join(HERE, "..", "workbook_templates"))

if __name__ == "__main__":
    atomic.save_atomic(blank.build_workbook(), os.path.join(FOLDER, blank.TEMPLATE_NAME))
    paths = templates.build_all(FOLDER)
    with open(os.path.join(HERE, "..", "macros", "Guard.bas"), "w", encoding="ascii",
              newline="\n") as fh:
        fh.write(vba.guard_module())
    print(f"updated {FOLDER}: {blank.TEMPLATE_NAME} and {len(paths)} Word templates")
    sys.exit(0)
