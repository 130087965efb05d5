Attribute VB_Name = "Guard"
' Before a button starts Python: is the interpreter named in xlwings.conf (beside this
' add-in) still on the disk? If not, a Vietnamese message names cai-dat.bat instead of
' xlwings' English error. ASCII only: the text is built with ChrW. Generated from
' doithoai/installer/vba.py (python scripts/update_templates.py); do not edit by hand.
Option Explicit

Public Function PythonReady() As Boolean
    Dim fso As Object, st As Object, conf As String, text As String
    Dim p As Long, q As Long, exe As String, key As String
    PythonReady = True
    On Error GoTo Done
    Set fso = CreateObject("Scripting.FileSystemObject")
    conf = ThisWorkbook.Path & "\xlwings.conf"
    If Not fso.FileExists(conf) Then Exit Function
    Set st = CreateObject("ADODB.Stream")
    st.Type = 2
    st.Charset = "utf-8"
    st.Open
    st.LoadFromFile conf
    text = st.ReadText
    st.Close
    key = """INTERPRETER_WIN"","""
    p = InStr(1, text, key, vbTextCompare)
    If p = 0 Then Exit Function
    p = p + Len(key)
    q = InStr(p, text, """")
    If q <= p Then Exit Function
    exe = Mid$(text, p, q - p)
    If fso.FileExists(exe) Then Exit Function
    PythonReady = False
    MsgBox MissingPython(), vbExclamation, Title()
Done:
End Function

Private Function MissingPython() As String
    Dim s As String
    s = ""
    s = s & "Kh" & ChrW(244) & "ng t" & ChrW(236) & "m th" & ChrW(7845) & "y Python m" & ChrW(224)
    s = s & " ph" & ChrW(7847) & "n m" & ChrW(7873) & "m doithoai d" & ChrW(249) & "ng (c" & ChrW(243)
    s = s & " th" & ChrW(7875) & " " & ChrW(273) & ChrW(227) & " b" & ChrW(7883) & " g"
    s = s & ChrW(7905) & " ho" & ChrW(7863) & "c chuy" & ChrW(7875) & "n sang ch" & ChrW(7895) & " kh"
    s = s & ChrW(225) & "c). H" & ChrW(227) & "y ch" & ChrW(7841) & "y l" & ChrW(7841) & "i t"
    s = s & ChrW(7879) & "p cai-dat.bat trong th" & ChrW(432) & " m" & ChrW(7909) & "c c" & ChrW(224) & "i "
    s = s & ChrW(273) & ChrW(7863) & "t doithoai (ho" & ChrW(7863) & "c nh" & ChrW(7901) & " ng" & ChrW(432)
    s = s & ChrW(7901) & "i " & ChrW(273) & ChrW(227) & " c" & ChrW(224) & "i), r" & ChrW(7891)
    s = s & "i m" & ChrW(7903) & " l" & ChrW(7841) & "i Excel."
    MissingPython = s
End Function

Private Function Title() As String
    Dim s As String
    s = ""
    s = s & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i"
    Title = s
End Function
