"""Regenerate workbook_templates/: the blank registry and the Word templates.

Run after changing doithoai.schema, doithoai.template, doithoai.docbuild,
doithoai.wordtemplates or doithoai.installer.vba (macros/Guard.bas); the drift tests fail until the committed files match.
"""
import os
import sys

from doithoai import template, wordtemplates
from doithoai.installer import vba

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.normpath(os.path.join(HERE, "..", "workbook_templates"))

if __name__ == "__main__":
    template.save_atomic(template.build_workbook(), os.path.join(FOLDER, template.TEMPLATE_NAME))
    paths = wordtemplates.build_all(FOLDER)
    with open(os.path.join(HERE, "..", "macros", "Guard.bas"), "w", encoding="ascii",
              newline="\n") as fh:
        fh.write(vba.guard_module())
    print(f"updated {FOLDER}: {template.TEMPLATE_NAME} and {len(paths)} Word templates")
    sys.exit(0)
