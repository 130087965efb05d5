"""The open workbook, whatever program holds it: the one interface the ribbon's buttons use
(:class:`~doithoai.spreadsheet.open_book.OpenWorkbook`: read grids, the selection, apply changes,
the status bar, a message, a question, the Nhật ký row). Excel (``doithoai.excel.shell``, any
xlwings Book) and LibreOffice Calc (``doithoai.libreoffice.shell``, over the extension's
protocol) implement it; the buttons never know which one they serve.
"""
