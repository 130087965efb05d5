"""The Python functions the add-in's VBA may call, as data: ``doithoai.buttons.<name>``.

Each Sub of macros/DoiThoai.bas runs ``RunPython "import doithoai.buttons as b; b.<name>()"``.
The build check (:mod:`.addin_build`) and the doctor verify a built or installed add-in against
this list without importing the Excel shell (which imports the doctor: that would be a circle).
The face :mod:`doithoai.buttons` exports exactly these names, a test holds the two equal, and
``doithoai build-addin`` also resolves each name in the installed package.

The module path has been ``doithoai.buttons`` since 0.1: an add-in built by an older version
keeps working after an upgrade as long as its functions are still here; if a name ever goes,
the doctor names the Sub that calls it and ``doithoai install`` replaces the add-in.
"""
from __future__ import annotations

MODULE = "doithoai.buttons"

BUTTON_FUNCTIONS = (
    # Sổ
    "new_registry", "validate_registry", "compute_deadlines", "open_folder", "show_help",
    # Văn bản
    "documents_all", "issue_documents", "doc_plan", "doc_announcement", "doc_invitations",
    "doc_forms", "doc_summary_report", "doc_assignments", "doc_minutes", "doc_conclusion",
    "doc_replies", "doc_recommendations", "doc_citizen_notices", "doc_result_report",
    "doc_survey", "doc_attendance_list",
    "doc_delivery_book", "doc_bulletin",
    # Chia sẻ với MTTQ
    "intake_export", "intake_merge", "find_duplicates",
    # Theo dõi
    "monitor_report", "update_dashboard", "chase_overdue", "carry_over",
    # Tỉnh
    "province_rollup",
    # Cài đặt
    "check_install",
)
