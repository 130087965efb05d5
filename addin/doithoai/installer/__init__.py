"""Reaching a commune PC with no IT staff and unreliable internet.

- :mod:`.doctor`: ``doithoai doctor``, every check a clerk's PC needs, each with its fix, all
  tested through fakes of the machine (:class:`~.doctor.Machine`);
- :mod:`.bundle`: ``doithoai bundle``, the offline installer folder for Windows 64-bit (the
  wheels for each supported Python, Windows-only dependencies included by reading the wheels'
  markers for the target, and the batch files);
- :mod:`.batch`: the text of ``cai-dat.bat``, ``go-cai-dat.bat`` and the guide (ASCII batch
  files with CRLF line ends; Vietnamese only in UTF-8 text files the batch files show).

May import: the Excel shell (the add-in's build and install), documents (PDF) and everything
below them; only the buttons and the command line import it.
"""
