"""The Excel shell: the open workbook through xlwings (:mod:`.shell`: one bulk read per table,
one bulk write per block), the add-in built from macros/ and checked (:mod:`.addin_build`), its
installation (:mod:`.addin_install`), and the button functions the VBA may call, as data
(:mod:`.ribbon`). The buttons themselves are the face :mod:`doithoai.buttons`.
"""
