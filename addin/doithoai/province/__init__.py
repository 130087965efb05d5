"""The province's view (a layer beside documents): the monitoring workbooks that communes send
up, recognised by their identity (Nhận dạng), loaded into an embedded analytical database
(DuckDB, the ``province`` extra) and rolled up into one province workbook, with the database
kept beside it for the province's analysts.

:mod:`.inputs` decides what each file is (used, superseded, set aside and why);
:mod:`.store` loads the used ones into DuckDB, one file at a time, and answers the roll-up's
questions in SQL; :mod:`.book` writes the province workbook; :mod:`.rollup` runs the three.
Imports monitoring, files and text; nothing above.
"""
