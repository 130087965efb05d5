"""The registry contract and its rows (pure core).

The workbook contract (sheets, headers, types, lists: :mod:`.schema`, and the Tổng hợp layout),
the typed rows a registry is read into (:mod:`.model`), how a clerk's typed values are parsed,
located problems, and changes to write back as data. Imports nothing of this package but
itself; no file, Excel or Word library.
"""
