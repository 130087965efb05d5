"""PDF and ODF copies of generated documents: Word (Windows, through COM) or LibreOffice.

Where neither is present nothing is converted and the caller says so; a copy is a convenience,
the .docx is the document. ODF (.odt, TCVN 7978:2009) is the format Thông tư 19/2011/TT-BTTTT
names for editable documents exchanged between state agencies.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

SKIPPED = ("Không có Microsoft Word (Windows) hay LibreOffice trên máy này: bỏ qua xuất PDF; "
           "các tệp .docx vẫn đầy đủ.")
ODT_SKIPPED = ("Không có LibreOffice hay Microsoft Word trên máy này: bỏ qua bản ODF (.odt); các "
               "tệp .docx vẫn đầy đủ. Cài LibreOffice để có bản .odt.")
WORD_FORMATS = {"pdf": 17, "odt": 23}          # wdFormatPDF, wdFormatOpenDocumentText


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None or _word() is not None


def converter_name() -> str | None:
    """What would convert documents to PDF here: "Microsoft Word", "LibreOffice" or None."""
    if sys.platform.startswith("win"):
        try:
            import winreg
            winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
            return "Microsoft Word"
        except OSError:
            pass
    return "LibreOffice" if soffice() else None


def _word():
    if not sys.platform.startswith("win"):
        return None
    import importlib.util
    # pywin32 comes with xlwings on Windows; Word itself is found when the conversion starts.
    return "word" if importlib.util.find_spec("win32com") is not None else None


def convert(paths: list[str], out_dir: str | None = None, timeout: int = 600,
            fmt: str = "pdf") -> list[str]:
    """Convert .docx files to ``fmt`` (pdf or odt) beside them (or into ``out_dir``); returns
    the paths made."""
    if not paths:
        return []
    if _word():
        return _convert_word(paths, out_dir, fmt)
    office = soffice()
    if office is None:
        return []
    made = []
    by_folder: dict[str, list[str]] = {}
    for p in paths:
        by_folder.setdefault(out_dir or os.path.dirname(os.path.abspath(p)), []).append(p)
    with tempfile.TemporaryDirectory() as profile:
        for folder, files in by_folder.items():
            subprocess.run([office, "--headless", f"-env:UserInstallation=file://{profile}",
                            "--convert-to", fmt, "--outdir", folder, *files],
                           capture_output=True, timeout=timeout, check=False)
            for f in files:
                copy = os.path.join(folder, os.path.splitext(os.path.basename(f))[0] + "." + fmt)
                if os.path.exists(copy):
                    made.append(copy)
    return made


def _convert_word(paths: list[str], out_dir: str | None, fmt: str = "pdf") -> list[str]:
    import win32com.client
    word = win32com.client.DispatchEx("Word.Application")
    word.Visible = False
    made = []
    try:
        for p in paths:
            src = os.path.abspath(p)
            folder = out_dir or os.path.dirname(src)
            copy = os.path.join(folder, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
            doc = word.Documents.Open(src, ReadOnly=True)
            try:
                doc.SaveAs2(copy, FileFormat=WORD_FORMATS[fmt])
            finally:
                doc.Close(False)
            made.append(copy)
    finally:
        word.Quit()
    return made
