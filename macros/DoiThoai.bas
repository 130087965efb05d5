Attribute VB_Name = "DoiThoai"
' Ribbon callbacks of the Doi thoai tab (customUI14.xml).
' Each one only dispatches to one Python function of doithoai.buttons through xlwings;
' all the work, messages and error handling are in Python. ASCII only (code page 1252).
Option Explicit

Public Sub TaoSoMoi(control As IRibbonControl)
    RunPython "import doithoai.buttons as b; b.new_registry()"
End Sub

Public Sub KiemTraDuLieu(control As IRibbonControl)
    RunPython "import doithoai.buttons as b; b.validate_registry()"
End Sub

Public Sub TinhHan(control As IRibbonControl)
    RunPython "import doithoai.buttons as b; b.compute_deadlines()"
End Sub

Public Sub MoThuMuc(control As IRibbonControl)
    RunPython "import doithoai.buttons as b; b.open_folder()"
End Sub

Public Sub HuongDan(control As IRibbonControl)
    RunPython "import doithoai.buttons as b; b.show_help()"
End Sub
