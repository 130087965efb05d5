"""The file shell: reading a registry file (python-calamine), writing new workbooks (the blank
registry, a registry copy with changes applied, the Tổng hợp sheet's charts), and writing any
file atomically. Never saves a registry in place (docs/architecture.md, decision 3). Imports the core.
"""
