Attribute VB_Name = "DoiThoai"
' Ribbon callbacks of the Doi thoai tab (customUI14.xml).
' Each one only dispatches to one Python function of doithoai.buttons through xlwings,
' after the guard of Guard.bas (is the Python of xlwings.conf still there?); all the work,
' messages and error handling are in Python. ASCII only (code page 1252).
Option Explicit

Public Sub TaoSoMoi(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.new_registry()"
End Sub

Public Sub KiemTraDuLieu(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.validate_registry()"
End Sub

Public Sub TinhHan(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.compute_deadlines()"
End Sub

Public Sub MoThuMuc(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.open_folder()"
End Sub

Public Sub HuongDan(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.show_help()"
End Sub

Public Sub VanBanTatCa(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.documents_all()"
End Sub

Public Sub BanHanh(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.issue_documents()"
End Sub

Public Sub VanBanKeHoach(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_plan()"
End Sub

Public Sub VanBanThongBao(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_announcement()"
End Sub

Public Sub VanBanGiayMoi(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_invitations()"
End Sub

Public Sub VanBanPhieu(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_forms()"
End Sub

Public Sub VanBanTongHop(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_summary_report()"
End Sub

Public Sub VanBanPhanCong(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_assignments()"
End Sub

Public Sub VanBanBienBan(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_minutes()"
End Sub

Public Sub VanBanKetLuan(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_conclusion()"
End Sub

Public Sub VanBanTraLoi(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_replies()"
End Sub

Public Sub VanBanKienNghi(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_recommendations()"
End Sub

Public Sub VanBanThongBaoNguoiNeu(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_citizen_notices()"
End Sub

Public Sub VanBanKetQua(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_result_report()"
End Sub

Public Sub VanBanKhaoSat(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_survey()"
End Sub

Public Sub VanBanDanhSach(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_attendance_list()"
End Sub

Public Sub VanBanGiaoNhan(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_delivery_book()"
End Sub

Public Sub VanBanBanTin(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.doc_bulletin()"
End Sub

Public Sub PhieuMTTQ(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.intake_export()"
End Sub

Public Sub NhanMTTQ(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.intake_merge()"
End Sub

Public Sub TimTrung(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.find_duplicates()"
End Sub

Public Sub BaoCaoTheoDoi(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.monitor_report()"
End Sub

Public Sub CapNhatTongHop(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.update_dashboard()"
End Sub

Public Sub DonDoc(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.chase_overdue()"
End Sub

Public Sub ChuyenTon(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.carry_over()"
End Sub

Public Sub TongHopCacXa(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.province_rollup()"
End Sub

Public Sub KiemTraCaiDat(control As IRibbonControl)
    If Not PythonReady() Then Exit Sub
    RunPython "import doithoai.buttons as b; b.check_install()"
End Sub
