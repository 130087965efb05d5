"""Workbooks protected with Office's own password encryption, read and written in memory only.

Excel's *Encrypt with Password* (and LibreOffice's *Save with password* in Excel format) wraps
the .xlsx package in a compound file (ECMA-376 agile encryption: AES-256, SHA-512, 100,000
spins of the password). msoffcrypto-tool reads and writes that wrapper. Here:

- :func:`is_encrypted` tells such a file from a plain .xlsx (and from an old .xls);
- :func:`open_file` gives an :class:`Opened`: the path, and for an encrypted file its package
  decrypted into memory with the password that opened it (to encrypt the copies again);
- :func:`decrypt` and :func:`encrypt` turn bytes into bytes;
- :func:`write_new` writes a workbook as a new file, encrypted when given a password.

No decrypted byte is ever written to disk: a workbook to be encrypted is serialised into a
memory buffer, encrypted there, and only the encrypted bytes reach the temporary file that
:mod:`doithoai.files.atomic` renames into place (and removes if anything stops the write).
"""
from __future__ import annotations

import io
import os
import secrets
from dataclasses import dataclass, field
from typing import Callable, Iterable

from doithoai.files import atomic
from doithoai.files.zipparts import LIMITS, PackageRefused, size_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"       # a compound file: encrypted, or old .xls
ZIP_MAGIC = b"PK\x03\x04"

# Who asks for a file's password: the path in, the password out (None: no one can say it).
Ask = Callable[[str], "str | None"]


class Locked(Exception):
    """An encrypted file that cannot be opened; the message is for the clerk."""


class NoPassword(Locked):
    """An encrypted file and no password to try."""


class WrongPassword(Locked):
    """No password given opens the file."""


@dataclass(frozen=True)
class Opened:
    """A workbook file as a command reads it: ``plain`` is its package decrypted in memory
    (None for a file that is not encrypted: it is read from ``path``), ``password`` what
    opened it. Neither is ever shown: repr leaves them out."""

    path: str
    plain: bytes | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def encrypted(self) -> bool:
        return self.plain is not None

    def source(self):
        """What a workbook reader opens: the path, or a buffer over the decrypted package."""
        return io.BytesIO(self.plain) if self.plain is not None else self.path

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


def _head(source) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[:8])
    with open(source, "rb") as fh:
        return fh.read(8)


def is_encrypted(source) -> bool:
    """Whether ``source`` (a path or the file's bytes) is an Office package encrypted with a
    password: a compound file holding an EncryptionInfo stream (an old .xls is a compound file
    too, without it)."""
    try:
        if _head(source) != OLE_MAGIC:
            return False
        import olefile
        ole = olefile.OleFileIO(io.BytesIO(source) if isinstance(source, (bytes, bytearray))
                                else source)
        try:
            return ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage")
        finally:
            ole.close()
    except (OSError, ValueError):
        return False
    except Exception:       # olefile's own errors on a damaged compound file
        return False


def decrypt(data: bytes, password: str) -> bytes:
    """The package inside an encrypted file, in memory. :class:`WrongPassword` when the
    password does not open it (found after one derivation of the password, before anything is
    decrypted: the integrity code of the encrypted package does not match), :class:`Locked`
    when the file is damaged or encrypted in a way this cannot read."""
    import msoffcrypto
    from msoffcrypto import exceptions
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
    except Exception as exc:
        raise Locked("tệp đặt mật khẩu nhưng phần mã hóa bị hỏng hoặc không đọc được") from exc
    if not password:
        raise WrongPassword("mật khẩu trống")
    out = io.BytesIO()
    try:
        office.load_key(password=password)
        office.decrypt(out, verify_integrity=True)
    except exceptions.InvalidKeyError:
        raise WrongPassword("mật khẩu không đúng") from None
    except exceptions.DecryptionError as exc:
        raise Locked("tệp được mã hóa theo cách phần mềm chưa đọc được (hãy mở bằng Excel, "
                     "lưu lại với mật khẩu mới)") from exc
    except Exception as exc:         # a damaged stream: a wrong length, a truncated file
        raise Locked("tệp đặt mật khẩu nhưng phần mã hóa bị hỏng hoặc không đọc được") from exc
    plain = out.getvalue()
    if not plain.startswith(ZIP_MAGIC):
        raise WrongPassword("mật khẩu không đúng")
    return plain


class EncryptionFailed(Exception):
    """msoffcrypto-tool (whose authors call its encryption experimental) made a file that does
    not decrypt to what was given; nothing is written."""


def encrypt(plain: bytes, password: str) -> bytes:
    """``plain`` (an .xlsx package) encrypted with ``password`` as Excel does it (agile,
    AES-256, SHA-512, 100,000 spins), in memory, and decrypted again to check the round trip
    before anything is written: msoffcrypto-tool 6.1 mis-writes a package under 4 KB (its
    compound-file writer leaves out the mini stream such a small stream belongs in), and any
    other slip would send a file no one can open."""
    from msoffcrypto.format.ooxml import OOXMLFile
    if not password:
        raise ValueError("an empty password encrypts nothing")
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    try:
        if decrypt(out.getvalue(), password) == plain:
            return out.getvalue()
    except Locked:
        pass
    raise EncryptionFailed(f"encrypting a package of {len(plain)} bytes did not round-trip")


def open_file(path: str, ask: Ask | None = None,
              tried: Iterable[str] = ()) -> Opened:
    """``path`` as an :class:`Opened`. A plain file is not read here (its readers open the
    path); an encrypted one is read once and decrypted in memory with the first of ``tried``
    that opens it, else with what ``ask`` answers. :class:`NoPassword` when nothing can be
    tried, :class:`WrongPassword` when nothing tried opens it; an encrypted file larger than
    any registry (``LIMITS.part_bytes``) is refused before it is read
    (zipparts.PackageRefused), as a package that unpacks too large is."""
    path = os.fspath(path)
    if not os.path.isfile(path) or not is_encrypted(path):
        return Opened(path)
    size = os.path.getsize(path)
    if size > LIMITS.part_bytes:         # decrypted whole into memory before any package check
        raise PackageRefused(f"tệp đặt mật khẩu lớn {size_text(size)}, quá giới hạn "
                             f"{size_text(LIMITS.part_bytes)} của một sổ", f"{size} bytes")
    with open(path, "rb") as fh:
        data = fh.read()
    candidates = list(dict.fromkeys(p for p in tried if p))
    for password in candidates:
        try:
            return Opened(path, decrypt(data, password), password)
        except WrongPassword:
            continue
    answer = ask(path) if ask is not None else None
    if not answer:
        if candidates:
            raise WrongPassword("không mật khẩu nào đã lưu mở được tệp")
        raise NoPassword("tệp đặt mật khẩu")
    return Opened(path, decrypt(data, answer), answer)


def save_workbook(wb, target) -> None:
    """openpyxl's ``wb.save(target)`` (a path or a file object) without its temporary files:
    openpyxl writes each worksheet's XML into a file of the temporary folder before zipping it,
    which for a registry puts its citizens' phone numbers on disk in the clear (for good, if
    the process is killed meanwhile). Here each sheet is serialised into memory. Written for
    the pinned openpyxl (3.1.5): tests/cli/test_encrypted_registry.py watches the temporary
    folder during every command."""
    import datetime as dt
    import zipfile
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class InMemory(ExcelWriter):
        def write_worksheet(self, ws):
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = WorksheetWriter(ws, out=io.BytesIO())
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.read())
            self.manifest.append(ws)

    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        InMemory(wb, archive).save()


def workbook_bytes(save: Callable[[object], None]) -> bytes:
    """What ``save(file)`` writes (an openpyxl ``wb.save``, the list writer's ``save``), kept
    in memory."""
    buffer = io.BytesIO()
    save(buffer)
    return buffer.getvalue()


def write_new(path: str, save: Callable[[object], None], password: str | None = None,
              next_free: bool = True) -> str:
    """A new workbook file at ``path`` (or the free name beside it), never replacing one:
    ``save(target)`` writes it; with ``password`` it is serialised in memory, encrypted there,
    and only the encrypted bytes are written. Returns where it went."""
    if not password:
        return atomic.write_new(path, save, ".xlsx", next_free)
    data = encrypt(workbook_bytes(save), password)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    return atomic.write_new(path, write, ".xlsx", next_free)


# Passwords a clerk reads aloud over the phone: three groups of four digits, typed with the
# dashes (10^12 possibilities; each guess costs an attacker 100,000 SHA-512 rounds).
def spoken_password() -> str:
    digits = f"{secrets.randbelow(10**12):012d}"
    return "-".join(digits[i:i + 4] for i in range(0, 12, 4))
