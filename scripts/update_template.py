"""Regenerate workbook_templates/so-doi-thoai-mau.xlsx from the schema.

Run after changing doithoai.schema or doithoai.template; tests/test_template.py fails until the
committed template matches what `doithoai init` produces.
"""
import os
import sys

from doithoai import template

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "workbook_templates", template.TEMPLATE_NAME)

if __name__ == "__main__":
    template.save_atomic(template.build_workbook(), TARGET)
    print(f"updated {os.path.normpath(TARGET)}")
    sys.exit(0)
