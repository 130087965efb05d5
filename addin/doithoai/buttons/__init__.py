"""The ribbon's buttons: one function per button of macros/customUI14.xml (the Excel shell's face).

Each function takes the xlwings Book as an optional first argument. Without it, the workbook
the clerk is looking at is used: RunPython hands Python the add-in as caller, so the active
workbook of that Excel stands in for it. The same function therefore serves RunPython today,
xlwings Server later, and the tests' JSON book.

Every button: refuses politely when the workbook is not a registry; reads each table it needs
in one bulk call; runs the core; writes back only computed columns and product-owned sheets,
in bulk; shows progress in the status bar; ends with one Vietnamese message; appends a Nhật ký
row. An unexpected error becomes a short message and a traceback in a log file next to the
registry; a clerk never sees a traceback.

The functions live in one module per group of the tab (``*_buttons.py``) over :mod:`.common`;
this module only gathers them, at the path the VBA calls. Imports stay light at module level:
a button press starts Python, and each button imports only what it needs (measure with
``python -X importtime -c "import doithoai.buttons"``).
"""
from __future__ import annotations

from doithoai.buttons.document_buttons import (
    doc_announcement, doc_assignments, doc_attendance_list, doc_bulletin, doc_citizen_notices,
    doc_conclusion, doc_delivery_book, doc_forms, doc_invitations, doc_minutes, doc_plan,
    doc_recommendations, doc_replies, doc_result_report, doc_summary_report, doc_survey,
    documents_all, issue_documents)
from doithoai.buttons.monitoring_buttons import (carry_over, chase_overdue, monitor_report,
                                                 update_dashboard)
from doithoai.buttons.province_buttons import province_rollup
from doithoai.buttons.registry_buttons import (compute_deadlines, new_registry, open_folder,
                                               show_help, validate_registry)
from doithoai.buttons.setup_buttons import check_install
from doithoai.buttons.sharing_buttons import find_duplicates, intake_export, intake_merge

# The face of the Excel shell: exactly the functions the VBA may call, in the order of
# doithoai.excel.ribbon.BUTTON_FUNCTIONS (a test holds the two equal).
__all__ = [
    "new_registry", "validate_registry", "compute_deadlines", "open_folder", "show_help",
    "documents_all", "issue_documents", "doc_plan", "doc_announcement", "doc_invitations",
    "doc_forms", "doc_summary_report", "doc_assignments", "doc_minutes", "doc_conclusion",
    "doc_replies", "doc_recommendations", "doc_citizen_notices", "doc_result_report",
    "doc_survey", "doc_attendance_list", "doc_delivery_book", "doc_bulletin", "intake_export", "intake_merge", "find_duplicates",
    "monitor_report", "update_dashboard", "chase_overdue", "carry_over", "province_rollup",
    "check_install",
]
