"""The Word documents: the kinds (:mod:`.kinds`), the templates built by code (:mod:`.templates`
over :mod:`.layout` and :mod:`.tables`), the context of each document (:mod:`.context`), the
engine that compiles and renders a template (:mod:`.engine`), which rows each kind is made from
(:mod:`.batches`), the register (:mod:`.register`), generation (:mod:`.generate`) and PDF.
Imports the core, the file shell, sharing and monitoring; never Excel.
"""
