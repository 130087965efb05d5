"""The files of the offline installer folder, as text.

Batch files are a trap of their own, so: ASCII only (no Vietnamese in them: cmd reads a batch
file in the console's code page, and a UTF-8 byte-order mark would be taken for a command);
CRLF line ends throughout (cmd mis-jumps to labels in LF-only files); every path quoted (user
folders such as ``C:\\Users\\Nguyễn Văn A`` have spaces and diacritics; ``%~dp0`` keeps them).
What the clerk reads in Vietnamese comes from Python (which writes Unicode to the console) or
from the UTF-8 text files of ``thong-bao\\``, shown with ``type`` after ``chcp 65001``.

cai-dat.bat: find a supported 64-bit Python (the py launcher, then python on PATH, then a
per-user install); if none and a python.org installer ``python-3.*-amd64.exe`` lies in the
folder, install it for the current user, quietly, without administrator rights; install
doithoai from the folder only (``--no-index --find-links``); run ``doithoai install`` and
``doithoai doctor``; end with one clear line and wait for a key. Running it again upgrades in
place; registries and documents are never touched (they are not in Python's folders).
"""
from __future__ import annotations

SUPPORTED = ("3.14", "3.13", "3.12", "3.11")     # newest first: the py launcher's choice

# Prints sys.executable if this Python is supported (version and 64-bit), else nothing.
FIND_PYTHON = '''import sys
ok = sys.version_info[:2] >= (3, 11) and sys.maxsize > 2 ** 32
print(sys.executable if ok else "")
'''


def _crlf(text: str) -> bytes:
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")
    return data


def install_bat(versions: list[str], package: str = "doithoai") -> bytes:
    launcher = " ".join(v for v in SUPPORTED if v in versions) or " ".join(SUPPORTED)
    return _crlf(rf'''@echo off
rem doithoai: offline installer. ASCII only; the Vietnamese text is in thong-bao\*.txt.
setlocal EnableExtensions
chcp 65001 >nul
rem Python writes UTF-8 to pipes too, so a path like C:\Users\<name with accents> survives.
set "PYTHONUTF8=1"
set "HERE=%~dp0"
set "WHEELS=%HERE%wheels"
set "MSG=%HERE%thong-bao"
set "PYEXE="

rem 1. The py launcher, newest supported version first.
for %%V in ({launcher}) do (
  if not defined PYEXE (
    for /f "usebackq delims=" %%P in (`call py -%%V "%HERE%tim-python.py" 2^>nul`) do set "PYEXE=%%P"
  )
)
rem 2. python on PATH (not the Microsoft Store stub: it prints nothing here).
if not defined PYEXE (
  for /f "usebackq delims=" %%P in (`call python "%HERE%tim-python.py" 2^>nul`) do set "PYEXE=%%P"
)
rem 3. A per-user install that is not on PATH yet.
if not defined PYEXE call :find_local
rem 4. A python.org installer placed in this folder: install it for this user, quietly.
if not defined PYEXE (
  for %%I in ("%HERE%python-3.*-amd64.exe") do set "PYINST=%%~fI"
)
if not defined PYEXE if defined PYINST (
  type "%MSG%\dang-cai-python.txt"
  "%PYINST%" /quiet InstallAllUsers=0 PrependPath=1 Include_launcher=1 InstallLauncherAllUsers=0 Include_test=0 SimpleInstall=1
  call :find_local
)
if not defined PYEXE (
  type "%MSG%\khong-co-python.txt"
  goto :end_error
)
echo Python: "%PYEXE%"

rem 5. doithoai and its packages, from this folder only (no internet needed).
"%PYEXE%" -m pip install --disable-pip-version-check --no-index --find-links "%WHEELS%" --upgrade {package}
if errorlevel 1 (
  type "%MSG%\loi-pip.txt"
  goto :end_error
)
rem 6. The Excel add-in, then the check of everything.
"%PYEXE%" -m doithoai install
if errorlevel 1 goto :end_error_shown
"%PYEXE%" -m doithoai doctor
if errorlevel 1 goto :end_error_shown
type "%MSG%\xong.txt"
goto :end

:find_local
for /d %%D in ("%LOCALAPPDATA%\Programs\Python\Python3*") do (
  if not defined PYEXE if exist "%%~fD\python.exe" (
    for /f "usebackq delims=" %%P in (`call "%%~fD\python.exe" "%HERE%tim-python.py" 2^>nul`) do set "PYEXE=%%P"
  )
)
exit /b 0

:end_error_shown
type "%MSG%\can-sua.txt"
goto :end

:end_error
type "%MSG%\xem-huong-dan.txt"

:end
echo.
pause
endlocal
''')


def uninstall_bat(versions: list[str]) -> bytes:
    launcher = " ".join(v for v in SUPPORTED if v in versions) or " ".join(SUPPORTED)
    return _crlf(rf'''@echo off
rem doithoai: remove the Excel tab and the package; registries and documents stay.
setlocal EnableExtensions
chcp 65001 >nul
set "PYTHONUTF8=1"
set "HERE=%~dp0"
set "MSG=%HERE%thong-bao"
set "PYEXE="
for %%V in ({launcher}) do (
  if not defined PYEXE (
    py -%%V -c "import doithoai" >nul 2>&1 && for /f "usebackq delims=" %%P in (`call py -%%V -c "import sys; print(sys.executable)"`) do set "PYEXE=%%P"
  )
)
if not defined PYEXE (
  python -c "import doithoai" >nul 2>&1 && for /f "usebackq delims=" %%P in (`call python -c "import sys; print(sys.executable)"`) do set "PYEXE=%%P"
)
if not defined PYEXE (
  type "%MSG%\chua-cai.txt"
  goto :end
)
"%PYEXE%" -m doithoai uninstall
"%PYEXE%" -m pip uninstall --yes doithoai
type "%MSG%\da-go.txt"
:end
echo.
pause
endlocal
''')


MESSAGES = {
    "dang-cai-python.txt": "Máy chưa có Python phù hợp: đang cài Python từ thư mục này cho tài "
                           "khoản hiện tại (không cần quyền quản trị), xin chờ vài phút...",
    "khong-co-python.txt": "CHƯA CÀI ĐƯỢC: máy chưa có Python 3.11 trở lên (64-bit). Hãy chép bộ "
                           "cài python-3.xx.x-amd64.exe (tải tại python.org) vào thư mục này rồi "
                           "bấm đúp cai-dat.bat lần nữa. Xem HUONG-DAN-CAI-DAT.txt, mục 2.",
    "loi-pip.txt": "CHƯA CÀI ĐƯỢC: không cài được gói doithoai từ thư mục wheels. Thư mục cài đặt "
                   "có thể thiếu tệp hoặc không dành cho phiên bản Python này: hãy xin lại thư mục "
                   "đầy đủ (hoặc tạo lại bằng lệnh doithoai bundle).",
    "can-sua.txt": "CÀI XONG NHƯNG CÒN VIỆC CẦN SỬA: xem các dòng có dấu ✗ ở trên và làm theo "
                   "cách sửa; sau đó bấm đúp cai-dat.bat lần nữa để kiểm tra lại.",
    "xem-huong-dan.txt": "Xem tệp HUONG-DAN-CAI-DAT.txt trong thư mục này để biết cách xử lý.",
    "xong.txt": "ĐÃ CÀI XONG. Mở Excel: thẻ Đối thoại nằm sau thẻ View (Xem). Sổ và văn bản cũ "
                "không bị thay đổi.",
    "chua-cai.txt": "Máy này chưa cài doithoai: không có gì để gỡ.",
    "da-go.txt": "Đã gỡ thẻ Đối thoại và phần mềm doithoai. Các sổ theo dõi và văn bản vẫn còn "
                 "nguyên ở thư mục của chúng.",
}


def message_bytes(text: str) -> bytes:
    """UTF-8 without a byte-order mark, CRLF, shown by ``type`` after ``chcp 65001``."""
    return ("\r\n" + text + "\r\n").encode("utf-8")


GUIDE = """HƯỚNG DẪN CÀI ĐẶT PHẦN MỀM DOITHOAI (thẻ Đối thoại trong Excel)
Phiên bản {version}. Dành cho người mang USB đến cài cho văn phòng.

1. CHÉP THƯ MỤC VÀO MÁY
   - Nếu nhận tệp .zip qua thư điện tử, Zalo hay tải từ mạng: TRƯỚC KHI GIẢI NÉN, chuột phải
     tệp .zip › Properties (Thuộc tính) › tích ô "Unblock" (Bỏ chặn) › OK. Nếu không, Windows
     đánh dấu mọi tệp là "tải từ Internet" và có thể chặn.
   - Giải nén (chuột phải › Extract All) vào một thư mục trên máy, ví dụ Documents. Không chạy
     thẳng trong tệp .zip.

2. PYTHON
   - Máy cần Python {lowest} trở lên, bản 64-bit. Nếu máy chưa có: tải bộ cài
     "Windows installer (64-bit)" tại https://www.python.org/downloads/windows/ (tệp có tên
     dạng python-3.12.10-amd64.exe), chép vào thư mục này (cạnh cai-dat.bat). cai-dat.bat sẽ
     tự cài cho tài khoản đang dùng, không cần quyền quản trị.
   - Thư mục này có sẵn gói cho Python: {pythons}.

3. CÀI
   - Đóng Excel.
   - Bấm đúp cai-dat.bat.
   - Nếu Windows hiện "Windows protected your PC" (SmartScreen): bấm "More info" (Thông tin
     thêm) › "Run anyway" (Vẫn chạy).
   - Chờ đến dòng cuối: "ĐÃ CÀI XONG", hoặc "CÒN VIỆC CẦN SỬA" kèm các dòng có dấu ✗ và
     cách sửa. Bấm phím bất kỳ để đóng cửa sổ.
   - Cài lại (bấm đúp lần nữa) để nâng cấp hoặc sửa: sổ theo dõi và văn bản không bị đụng tới.

4. KIỂM TRA
   - Mở Excel: thẻ "Đối thoại" nằm sau thẻ View. Trong thẻ có nút "Kiểm tra cài đặt".
   - Hoặc mở cửa sổ lệnh (gõ cmd) và chạy: py -m doithoai doctor
     Mỗi dòng có dấu ✓ (đạt) hoặc ✗ (cần sửa, kèm cách sửa).
   - Nếu bấm nút mà có thông báo không tìm thấy Python: Python đã bị gỡ hoặc chuyển chỗ; bấm
     đúp cai-dat.bat lần nữa.
   - Nếu cơ quan có chính sách tắt mọi macro: nhờ bộ phận CNTT thêm thư mục
     %APPDATA%\\Microsoft\\AddIns vào Trusted Locations (vị trí tin cậy) của Excel.

5. GỠ
   - Bấm đúp go-cai-dat.bat: gỡ thẻ Đối thoại và phần mềm; sổ và văn bản vẫn còn.
"""


def guide_bytes(version: str, pythons: list[str]) -> bytes:
    """UTF-8 with a byte-order mark (Notepad of every Windows 10 reads it right), CRLF."""
    text = GUIDE.format(version=version, lowest=min(pythons, key=lambda v: tuple(
        map(int, v.split(".")))), pythons=", ".join(pythons))
    return "\ufeff".encode("utf-8") + text.replace("\n", "\r\n").encode("utf-8")
