"""The document engine: Word templates compiled once per batch, rendered per row.

A template (.docx with docxtpl-style placeholders) is read once: its parts are kept as bytes,
its ``word/document.xml`` is patched the way docxtpl patches it (placeholders split across runs by
Word are joined, ``{%p``/``{%tr`` tags lifted to paragraph and row level) and compiled into one
Jinja template. Rendering a row is then a Jinja render plus a zip of the kept parts — no
re-parsing of the .docx per row. A merged print file is built in one pass from the rendered
bodies, each invitation in its own section so every one starts on a new page with no page number.

Pre-flight, before anything is written: every placeholder must be a field the engine provides
(otherwise an error names the template, the placeholder and the nearest known field), and every
field a template uses must have a value (otherwise an error names the sheet, row and column).
"""
from __future__ import annotations

import functools
import io
import os
import re
import zipfile
from dataclasses import dataclass, field

from doithoai.registry import schema
from doithoai.text import vntext
from doithoai.text.filenames import safe_file
from doithoai.files.atomic import write_bytes_atomic
from doithoai.text.textwidth import text_width
from doithoai.documents import issued_marks, layout, wordml
from doithoai.documents.context import FIELDS, ITEM_FIELDS, Context
from doithoai.registry.problems import Problem, make


# A line break inside a value: a w:br between two w:t of the value's own run, so every line keeps
# the run's formatting (a new run would have none: the second line of a bold or italic value
# came out plain).
BR = '</w:t><w:br/><w:t xml:space="preserve">'
# twips: the header's two columns as layout sets them, and the text's width (16.5 cm)
ISSUER_CELL, MOTTO_CELL = int(layout.HEADER_LEFT.twips), int(layout.HEADER_RIGHT.twips)
TEXT_WIDTH = 9355
MERGED_SUFFIX = "tat-ca"       # <CODE>_tat-ca: a merged print file; folder <CODE> holds each one
MERGED_STEM = "GM_" + MERGED_SUFFIX


class TemplateError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# --- widths of text, for the lines under the issuer, the motto and the subject ----------------

@functools.lru_cache(maxsize=4096)
def line_indent(cell_width: int, line_length: int) -> int:
    return max(0, (cell_width - line_length) // 2)


def line_lengths(ctx: Context, page_width: int = TEXT_WIDTH) -> dict[int, int]:
    """Marker indent (layout.ISSUER_LINE, MOTTO_LINE, SUBJECT_LINE: the lines under the issuer,
    the motto and the subject, layout.line_under) → indent in twips for this document."""
    v = ctx.printed_value           # measured as printed
    issuer = max(text_width(v("co_quan_dong_1") or "", 12, True),
                 text_width(v("co_quan_dong_2") or "", 12, True))
    motto = text_width("Độc lập - Tự do - Hạnh phúc", 13, True)
    subject = min(text_width(v("trich_yeu") or "", 14, True), page_width)
    return {layout.ISSUER_LINE: line_indent(ISSUER_CELL, int(issuer * 0.4)),
            layout.MOTTO_LINE: line_indent(MOTTO_CELL, motto),
            layout.SUBJECT_LINE: line_indent(page_width, int(subject * 0.4))}


# --- compile ----------------------------------------------------------------------------------------

@dataclass
class Compiled:
    name: str
    path: str
    parts: dict[str, bytes]
    template: object                       # jinja2.Template of word/document.xml
    used: set[str]                         # top-level fields
    item_attrs: list[tuple[str, str]]      # (list key, attribute) used in loops
    problems: list[Problem] = field(default_factory=list)
    _base: bytes | None = None
    text: bool = False                     # a plain-text template (.txt), not a Word one
    text_width: int = 9355                 # twips between the margins (landscape: wider)

    @property
    def suffix(self) -> str:
        return ".txt" if self.text else ".docx"

    @property
    def base_zip(self) -> bytes:
        """Every part but word/document.xml and the core properties (each document's own:
        issued_marks), compressed once for the whole batch."""
        if self._base is None:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for name, data in self.parts.items():
                    if name not in ("word/document.xml", issued_marks.CORE):
                        z.writestr(name, data)
            self._base = buf.getvalue()
        return self._base


# Characters XML 1.0 cannot hold (§2.2, Char): one of them in document.xml and Word refuses the
# whole file. A vertical tab is Word's own line break (text pasted from Word carries it).
_NOT_XML = re.compile("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?|\x0b")


def xml_text(value: str) -> str:
    """A value as a Word run can hold it: every line end a newline, nothing XML forbids."""
    return _NOT_XML.sub("", _LINE_ENDS.sub("\n", value))


def _environment():
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup, escape

    def finalize(value):
        if isinstance(value, str):
            value = xml_text(value)
            if "\n" in value:
                return Markup(str(escape(value)).replace("\n", BR))
        return "" if value is None else value

    return Environment(autoescape=True, undefined=StrictUndefined, finalize=finalize)


def _loop_attrs(ast) -> list[tuple[str, str]]:
    from jinja2 import nodes
    var_list: dict[str, str] = {}
    found = []
    for loop in ast.find_all(nodes.For):
        if not isinstance(loop.target, nodes.Name):
            continue
        it = loop.iter
        if isinstance(it, nodes.Name):
            key = it.name
        elif isinstance(it, nodes.Getattr) and isinstance(it.node, nodes.Name):
            key = f"{var_list.get(it.node.name, it.node.name)}.{it.attr}"
        else:
            continue
        var_list[loop.target.name] = key
        for g in loop.find_all(nodes.Getattr):
            if isinstance(g.node, nodes.Name) and g.node.name == loop.target.name:
                found.append((key, g.attr))
    return found


def _field_problems(name: str, used: set[str], attrs) -> list[Problem]:
    problems = []
    known = list(FIELDS)
    for f in sorted(used):
        if f not in FIELDS:
            problems.append(make("template-unknown-field", name, value=f, template=name, field=f,
                                 nearest=vntext.nearest(f, known) or _closest(f, known)))
    for key, attr in attrs:
        allowed = ITEM_FIELDS.get(key)
        if allowed is not None and attr not in allowed:
            full = f"{key.split('.')[-1]}.{attr}"
            problems.append(make("template-unknown-field", name, value=full, template=name,
                                 field=full, nearest=f"…{_closest(attr, sorted(allowed))}"))
    return problems


def _compile_text(path: str) -> Compiled:
    """A plain-text template (the radio bulletin): Jinja without XML escaping."""
    from jinja2 import Environment, StrictUndefined
    name = os.path.basename(path)
    try:
        if os.path.getsize(path) > TEXT_TEMPLATE_BYTES:
            raise TemplateUnreadable("tệp lớn hơn 1 MB, không phải một mẫu bản tin")
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read().replace("\r\n", "\n")
    except (UnicodeDecodeError, OSError):
        raise TemplateUnreadable("tệp không phải văn bản thuần UTF-8") from None
    env = Environment(autoescape=False, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True,
                      finalize=lambda v: "" if v is None else v)
    used, attrs = _parse(env, text, name)
    return Compiled(name, path, {}, env.from_string(text), used, attrs,
                    _field_problems(name, used, attrs), text=True)


def _parse(env, source: str, name: str) -> tuple[set[str], list[tuple[str, str]]]:
    """(top-level fields, loop attributes) a template uses; a syntax error is a refusal."""
    from jinja2 import TemplateSyntaxError, meta
    try:
        ast = env.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError([make("template-unknown-field", name, template=name,
                                  field=f"(lỗi cú pháp ở dòng {exc.lineno} của mẫu: các dấu {{{{ }}}}, "
                                        "{% %} không khớp nhau)",
                                  nearest="…")]) from None
    return meta.find_undeclared_variables(ast) - {"loop"}, _loop_attrs(ast)


# A text template is a few kilobytes; a Word one, with its pictures, a few megabytes.
TEXT_TEMPLATE_BYTES = 1 << 20


def compile_template(path: str) -> Compiled:
    """Read and compile a template once; problems with its placeholders are collected. A file
    that cannot be a template (a zip bomb, a DOCTYPE, damaged, not Word: files/package.py) is
    compiled to its refusal, naming it, so the other kinds are still generated."""
    try:
        return _compile(path)
    except TemplateError as exc:               # a placeholder Jinja cannot parse
        name = os.path.basename(path)
        return Compiled(name, path, {}, None, set(), [], exc.problems)
    except TemplateUnreadable as exc:
        name = os.path.basename(path)
        return Compiled(name, path, {}, None, set(), [], [make(
            "template-unreadable", name, template=name,
            folder=os.path.basename(os.path.dirname(path)) or ".", reason=exc.reason)])


class TemplateUnreadable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _compile(path: str) -> Compiled:
    from docxtpl import DocxTemplate
    from doithoai.files import package

    if path.endswith(".txt"):
        return _compile_text(path)
    name = os.path.basename(path)
    try:
        kind = package.check(path).kind
        if kind != "zip":
            raise TemplateUnreadable("tệp không phải văn bản Word (.docx)")
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        xml = parts["word/document.xml"].decode("utf-8")
    except package.PackageRefused as exc:
        raise TemplateUnreadable(exc.reason) from None
    except (KeyError, UnicodeDecodeError, zipfile.BadZipFile, OSError):
        raise TemplateUnreadable("tệp không phải văn bản Word (.docx) hoặc đã bị hỏng") from None
    # docxtpl's clean-up of Word's runs around {{ }} (it does not use its instance), then a
    # paragraph a line, so that a syntax error names the template's line.
    patched = wordml.paragraphs_on_lines(DocxTemplate.patch_xml(None, xml))
    env = _environment()
    used, attrs = _parse(env, patched, name)
    return Compiled(name, path, parts, env.from_string(patched), used, attrs,
                    _field_problems(name, used, attrs), text_width=wordml.text_width(xml, TEXT_WIDTH))


def _closest(word: str, choices: list[str]) -> str:
    import difflib
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.0)
    return match[0] if match else (choices[0] if choices else "")


# --- pre-flight and rendering ------------------------------------------------------------------

def missing_values(compiled: Compiled, ctx: Context, reg, document: str,
                   **fields) -> list[Problem]:
    """A refusal for each value the template uses that the registry leaves blank, naming its
    cell; ``fields`` (the kind, what the document is about) go into each refusal."""
    problems = []
    for name in ctx.missing(compiled.used):
        src = ctx.sources.get(name)
        if not src:
            continue
        sheet_name, row, header = src
        sheet = schema.SHEETS_BY_NAME.get(sheet_name)
        col = None
        if sheet is not None and row:
            table = reg.tables.get(sheet.key)
            key = "value" if sheet.key == "settings" else next(
                (c.key for c in sheet.columns if c.header == header), None)
            col = table.columns.get(key) if table and key else None
        problems.append(make("document-missing-value", sheet_name, row=row, col=col,
                             column=header, document=document, **fields))
    return problems


def render(compiled: Compiled, ctx: Context) -> str:
    if compiled.text:      # Windows line ends, so Notepad on any Windows shows the lines
        return compiled.template.render(ctx.printed()).replace("\n", "\r\n")
    xml = compiled.template.render(ctx.printed())
    return wordml.marked_indents(wordml.paragraphs_joined(xml),
                                 line_lengths(ctx, compiled.text_width))


def docx_bytes(compiled: Compiled, document_xml: str, mark: str | None = None) -> bytes:
    """The package: the batch's pre-compressed parts plus this document's body and its core
    properties (an issued one's ``mark``: documents.issued_marks)."""
    buf = io.BytesIO(compiled.base_zip)
    core = compiled.parts.get(issued_marks.CORE)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        if core is not None:
            z.writestr(issued_marks.CORE, issued_marks.core_with(core, mark))
        z.writestr("word/document.xml", document_xml.encode("utf-8"))
    return buf.getvalue()


def write_docx(compiled: Compiled, document_xml: str, path: str, mark: str | None = None
               ) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    if compiled.text:
        write_bytes_atomic(path, document_xml.encode("utf-8"), ".txt")
        return
    write_bytes_atomic(path, docx_bytes(compiled, document_xml, mark), ".docx")


def safe_filename(stem: str, limit: int = 80, suffix: str = ".docx") -> str:
    """A document's file name (:func:`doithoai.text.filenames.safe_file`)."""
    return safe_file(stem, suffix, limit=limit)

