"""LibreOffice Calc: the Đối thoại toolbar and menu as an extension (doithoai.oxt), built from
the ribbon's own source (:mod:`.tab`, :mod:`.addons`, :mod:`.extension`); the shell that serves
the buttons the open Calc document over the extension's protocol (:mod:`.protocol`,
:mod:`.shell`); and installing it with unopkg (:mod:`.install`). ``office/`` holds the scripts
that run inside LibreOffice's own Python (standard library and UNO only).
"""
