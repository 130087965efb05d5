"""How the registry and the monitoring workbook print (issue 25 §10), read back from the saved
files: every list legible on A4 at 80% or more, spread over pages across with the header row
and the row's key columns repeated, gridlines, every body cell top-aligned and text wrapped
inside its column, header rows as tall as their wrapped headers; a registry copy keeps all of
it. Where LibreOffice is installed, the PDF it prints is checked as a person would look at it.

The scale is worked out here from the saved column widths and margins, the way LibreOffice
fits a sheet to N pages across (the largest zoom at or below 100% at which the columns, never
split, with the print-title columns repeated on every page after the first, take at most N
pages); a column that is wider than a page at that zoom is cut.
"""
import datetime as dt
import math
import os
import re
import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from doithoai.documents import generate
from doithoai.files import reader, registry_copy
from doithoai.monitoring import workbook as monitoring_workbook
from doithoai.registry import schema
from doithoai.rules import validation

MIN_SCALE = 0.80                      # the smallest zoom a list may print at
# One column unit as LibreOffice 7.4 prints it where Calibri is not installed (measured: a
# column of width 10 is 0.972 inch); Excel with Calibri fits more into a page, never less.
INCH_PER_UNIT = 0.0972
A4_ACROSS = {"landscape": 11.69, "portrait": 8.27}
TEXT_LIKE = (schema.TEXT, schema.LONGTEXT, schema.CHOICE, schema.PHONE)
MACHINE_TEXT = {("register", "fingerprint")}   # a hash list: hidden, shrunk into its cell
AS_OF = dt.date(2026, 11, 22)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


# -- what a sheet prints at, from its saved settings -----------------------------------------

def _widths(ws, count: int) -> list[float]:
    """Widths of columns 1..count, a <col> element covering several columns included."""
    out = [8.43] * count
    for letter, dim in ws.column_dimensions.items():
        first = dim.min or column_index_from_string(letter)
        for i in range(first, (dim.max or first) + 1):
            if i <= count and dim.width:
                out[i - 1] = dim.width
    return out


def _title_columns(ws) -> int:
    cols = ws.print_title_cols
    if not cols:
        return 0
    first, last = (column_index_from_string(p.strip("$")) for p in cols.split(":"))
    assert first == 1, (ws.title, cols)
    return last


def _pages(widths, titles, room):
    """(pages across, a column cut) for pages of ``room`` units."""
    repeated = sum(widths[:titles])
    pages, used, cut = 1, 0.0, False
    for w in widths:
        if used and used + w > room:
            pages, used = pages + 1, repeated
        used += w
        cut = cut or used > room + 1e-9
    return pages, cut


def printed_scale(ws, count: int) -> tuple[float, bool]:
    """(zoom, a column cut) the sheet prints at when fitted to its pages across."""
    setup = ws.page_setup
    assert str(setup.paperSize) == "9", ws.title                    # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert setup.fitToHeight == 0, ws.title                          # rows flow down
    room = (A4_ACROSS[setup.orientation] - ws.page_margins.left - ws.page_margins.right) \
        / INCH_PER_UNIT
    widths, titles = _widths(ws, count), _title_columns(ws)
    pages = setup.fitToWidth or 1
    for step in range(1000, 0, -1):
        zoom = step / 1000
        n, cut = _pages(widths, titles, room / zoom)
        if n <= pages:
            return zoom, cut
    return 0.0, True


def _list_sheets():
    return [s for s in schema.SHEETS if s.key != "dashboard"]


# -- the registry ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def blank_wb(blank_path):
    return openpyxl.load_workbook(blank_path)


@pytest.fixture(scope="module")
def sample_wb(sample_paths):
    return openpyxl.load_workbook(sample_paths["do-luong"])


@pytest.mark.parametrize("which", ["blank_wb", "sample_wb"])
def test_every_registry_list_prints_at_a_readable_scale(which, request):
    wb = request.getfixturevalue(which)
    scales = {}
    for s in _list_sheets():
        ws = wb[s.name]
        zoom, cut = printed_scale(ws, len(s.columns))
        scales[s.name] = zoom
        assert not cut, f"{s.name}: a column wider than the page is cut"
        assert ws.page_setup.orientation == ("landscape" if s.landscape else "portrait")
    low = {name: z for name, z in scales.items() if z < MIN_SCALE}
    assert low == {}, f"printed below {MIN_SCALE:.0%}: {low}"
    # the two lists a clerk checks with the chairman
    assert wb[schema.PLANS.name].page_setup.fitToWidth >= 3
    assert wb[schema.OPINIONS.name].page_setup.fitToWidth >= 3


def test_every_page_repeats_the_header_row_and_the_key_column_with_gridlines(blank_wb):
    for s in _list_sheets():
        ws = blank_wb[s.name]
        assert ws.print_title_rows == "$1:$1", s.name
        assert ws.print_options.gridLines, s.name
        if ws.page_setup.fitToWidth > 1 and s.key != "lookups":     # Danh mục: lists apart
            titles = _title_columns(ws)
            assert titles >= 1, s.name
            key = next((c for c in s.columns if c.unique), s.columns[0])
            assert s.columns.index(key) < titles, (s.name, key.header)
    assert blank_wb[schema.PLANS.name].print_title_cols == "$A:$A"            # Mã KH
    assert blank_wb[schema.OPINIONS.name].print_title_cols == "$A:$A"         # Mã ý kiến
    invitees = blank_wb[schema.INVITEES.name]
    assert schema.INVITEES.headers.index("Họ và tên") < _title_columns(invitees)


def _header_lines(header: str, width: float) -> int:
    """At least this many lines: the header's characters over its column's width."""
    return math.ceil(len(header) / width)


@pytest.mark.parametrize("which", ["blank_wb", "sample_wb"])
def test_header_row_is_tall_enough_for_its_wrapped_headers(which, request):
    wb = request.getfixturevalue(which)
    for s in _list_sheets():
        ws = wb[s.name]
        lines = max(_header_lines(c.header, c.width) for c in s.columns)
        height = ws.row_dimensions[1].height
        assert height is not None and height >= 14 * lines, (s.name, height, lines)
        assert all(ws.cell(row=1, column=i + 1).alignment.wrap_text
                   for i in range(len(s.columns))), s.name
    # "Cơ quan ban hành" takes two lines in its column of 12
    assert wb[schema.PLANS.name].row_dimensions[1].height >= 28


def _wrapped_column(sheet, col) -> bool:
    return col.type in TEXT_LIKE and (sheet.key, col.key) not in MACHINE_TEXT


@pytest.mark.parametrize("which", ["blank_wb", "sample_wb"])
def test_every_body_cell_is_top_aligned_and_text_wraps(which, request):
    wb = request.getfixturevalue(which)
    for s in _list_sheets():
        ws = wb[s.name]
        last = max(2, ws.max_row)
        for i, col in enumerate(s.columns):
            letter = get_column_letter(i + 1)
            dim = ws.column_dimensions[letter]          # a cell typed below the rows
            assert dim.alignment.vertical == "top", (s.name, col.header)
            assert bool(dim.alignment.wrap_text) == _wrapped_column(s, col), (s.name, col.header)
            if (s.key, col.key) in MACHINE_TEXT:         # never printed, never runs on
                assert dim.hidden and dim.alignment.shrink_to_fit, (s.name, col.header)
            for r in range(2, last + 1):
                cell = ws.cell(row=r, column=i + 1)
                if cell.value is None and r > 2:
                    continue
                assert cell.alignment.vertical == "top", (s.name, cell.coordinate)
                if _wrapped_column(s, col):
                    assert cell.alignment.wrap_text, (s.name, cell.coordinate, cell.value)


def test_long_text_rows_are_as_tall_as_their_text(sample_wb):
    """LibreOffice does not grow a row to its wrapped text: a row with a long text has a
    height of at least one line per column-width of characters."""
    for s in (schema.PLANS, schema.OPINIONS, schema.INVITEES):
        ws = sample_wb[s.name]
        for r in range(2, ws.max_row + 1):
            need = max((_header_lines(str(v), c.width) for c, v in
                        zip(s.columns, (ws.cell(row=r, column=i + 1).value
                                        for i in range(len(s.columns))))
                        if isinstance(v, str) and _wrapped_column(s, c)), default=1)
            if need > 1:
                height = ws.row_dimensions[r].height
                assert height is not None and height >= 14 * need, (s.name, r, height, need)


def test_a_registry_copy_keeps_the_print_setup_and_formats_what_it_writes(sample_copy):
    path = sample_copy("trung-hoi")                      # a sample with problems to report
    reg = reader.read_registry(path)
    problems = validation.validate(reg, AS_OF)
    assert problems
    copy = registry_copy.registry_copy(path, validation.to_changes(reg, problems), "kiem tra")
    before, after = openpyxl.load_workbook(path), openpyxl.load_workbook(copy)
    for s in _list_sheets():
        a, b = before[s.name], after[s.name]
        for attr in ("fitToWidth", "fitToHeight", "orientation", "paperSize", "pageOrder"):
            assert getattr(a.page_setup, attr) == getattr(b.page_setup, attr), (s.name, attr)
        assert (a.print_title_rows, a.print_title_cols, a.print_options.gridLines) == \
            (b.print_title_rows, b.print_title_cols, b.print_options.gridLines), s.name
        assert b.row_dimensions[1].height == a.row_dimensions[1].height, s.name
    ws = after[schema.CHECKS.name]
    message = schema.CHECKS.keys.index("message")
    width = schema.CHECKS.columns[message].width
    for r in range(2, len(problems) + 2):
        for i, col in enumerate(schema.CHECKS.columns):
            cell = ws.cell(row=r, column=i + 1)
            if cell.value is None:
                continue
            assert cell.alignment.vertical == "top", cell.coordinate
            if col.type in TEXT_LIKE and isinstance(cell.value, str) \
                    and not cell.value.startswith("="):
                assert cell.alignment.wrap_text, cell.coordinate
        text = ws.cell(row=r, column=message + 1).value
        if len(text) > width:
            height = ws.row_dimensions[r].height
            assert height is not None and height >= 14 * _header_lines(text, width), r


# -- the monitoring workbook -----------------------------------------------------------------

@pytest.fixture(scope="module")
def monitoring_path(sample_paths, tmp_path_factory):
    reg = reader.read_registry(sample_paths["do-luong"])
    out = tmp_path_factory.mktemp("monitor") / "theo-doi.xlsx"
    path, _ = monitoring_workbook.write(reg, str(out), AS_OF, "so.xlsx")
    return path


@pytest.fixture(scope="module")
def monitoring_wb(monitoring_path):
    return openpyxl.load_workbook(monitoring_path)


def _header_row(ws) -> int:
    return int(ws.print_title_rows.split(":")[0].strip("$")) if ws.print_title_rows else 0


def _lists(wb):
    return [ws for ws in wb.worksheets if _header_row(ws)]


def test_monitoring_sheets_print_at_a_readable_scale(monitoring_wb):
    scales = {}
    for ws in monitoring_wb.worksheets:
        if ws.title == "Biểu đồ":                 # charts, each sized to its own page
            continue
        zoom, cut = printed_scale(ws, ws.max_column)
        scales[ws.title] = zoom
        assert not cut, f"{ws.title}: a column wider than the page is cut"
    low = {name: z for name, z in scales.items() if z < MIN_SCALE}
    assert low == {}, f"printed below {MIN_SCALE:.0%}: {low}"
    detail = monitoring_wb["Theo dõi ý kiến"]
    assert detail.page_setup.fitToWidth >= 3 and detail.print_title_cols == "$A:$A"


def test_monitoring_lists_have_gridlines_and_every_body_cell_top_aligned(monitoring_wb):
    lists = _lists(monitoring_wb)
    assert {"Hội nghị", "Theo dõi ý kiến", "Kiến nghị cấp trên"} <= {ws.title for ws in lists}
    for ws in lists:
        assert ws.print_options.gridLines, ws.title
        top = _header_row(ws)
        widths = _widths(ws, ws.max_column)
        for row in ws.iter_rows(min_row=top + 1):
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.alignment.vertical == "top", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and len(cell.value) > widths[cell.column - 1]:
                    assert cell.alignment.wrap_text, (ws.title, cell.coordinate)


def test_monitoring_summary_tables_are_ruled_and_top_aligned(monitoring_wb):
    ws = monitoring_wb["Tổng hợp"]
    rows = [r for r in ws.iter_rows() if isinstance(r[1].value, int)]
    assert rows
    for row in rows:
        for cell in row[:6]:
            if cell.value is None:
                continue
            assert cell.alignment.vertical == "top", cell.coordinate
            assert cell.border.left.style == "thin", cell.coordinate
        assert row[0].alignment.wrap_text, row[0].coordinate


# -- the Front's intake file -----------------------------------------------------------------

def test_intake_file_prints_at_a_readable_scale_top_aligned_with_gridlines(sample_paths,
                                                                         tmp_path):
    from doithoai.sharing import intake
    reg = reader.read_registry(sample_paths["tu-minh"])
    made = intake.export(reg, "KH-2026-01", str(tmp_path), today=dt.date(2026, 5, 1))
    ws = openpyxl.load_workbook(made[0].path)[intake.DATA_SHEET]
    count = len(intake.COLUMNS)
    zoom, cut = printed_scale(ws, count)
    assert zoom >= MIN_SCALE and not cut, zoom
    assert ws.print_options.gridLines
    header = _header_row(ws)
    assert [c.value for c in ws[header]][:count] == [h for _, h, _, _ in intake.COLUMNS]
    for row in ws.iter_rows(min_row=header + 1, max_row=header + made[0].rows, max_col=count):
        for cell in row:
            assert cell.alignment.vertical == "top", cell.coordinate
    # the lines above the list wrap inside the first page's columns instead of running off it
    first_page = [key for key, _, _, _ in intake.COLUMNS].index("content")
    room = sum(w for _, _, w, _ in intake.COLUMNS[:first_page])
    for r in range(1, header - 1):
        text = ws.cell(row=r, column=1).value
        assert ws.cell(row=r, column=1).alignment.wrap_text, r
        assert any(str(m) == f"A{r}:{get_column_letter(first_page)}{r}"
                   for m in ws.merged_cells.ranges), r
        if len(text) > room:
            assert ws.row_dimensions[r].height >= 14 * _header_lines(text, room), r


# -- what LibreOffice prints -----------------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed for the PDF checks")

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r'([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', re.S)


def _to_pdf(paths, out, profile) -> dict[str, str]:
    res = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}",
                          "--convert-to", "pdf", "--outdir", str(out), *map(str, paths)],
                         capture_output=True, text=True, timeout=300)
    pdfs = {}
    for p in paths:
        pdf = os.path.join(out, os.path.splitext(os.path.basename(p))[0] + ".pdf")
        assert os.path.exists(pdf), res.stdout + res.stderr
        pdfs[str(p)] = pdf
    return pdfs


def _pages_words(pdf) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Each page's width and its words with their boxes (x0, y0, x1, y1, text), from
    pdftotext -bbox."""
    html = subprocess.run([PDFTOTEXT, "-bbox", pdf, "-"], capture_output=True, text=True,
                          timeout=120).stdout
    return [(float(width), [(float(a), float(b), float(c), float(d), t)
                            for a, b, c, d, t in _WORD.findall(p)])
            for width, p in _PAGE.findall(html)]


def _reference(tmp_path) -> str:
    """One cell at 100%, in the registry's font: the height of a printed code at full size."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "KH-2026-01"
    wb.active.column_dimensions["A"].width = 20
    wb.active.page_setup.scale = 100
    path = tmp_path / "reference.xlsx"
    wb.save(path)
    return str(path)


@pytest.fixture(scope="module")
def printed(sample_paths, monitoring_path, tmp_path_factory):
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice and pdftotext are needed")
    tmp = tmp_path_factory.mktemp("pdf")
    # The registry as a clerk prints it after issuing documents: the copy that has the
    # register's rows (long fingerprints among them) and the replies' numbers.
    source = tmp / "so-goc.xlsx"
    shutil.copy(sample_paths["do-luong"], source)
    issued = generate.generate(reader.read_registry(str(source)), str(tmp / "van-ban"),
                               codes=["KH", "TB", "BCTH"], issue=True, today=AS_OF)
    registry = tmp / "so.xlsx"
    registry_copy.registry_copy(str(source), issued.changes, target=str(registry))
    monitor = tmp / "theo-doi.xlsx"
    shutil.copy(monitoring_path, monitor)
    reference = _reference(tmp)
    pdfs = _to_pdf([registry, monitor, reference], tmp / "out", tmp / "lo")
    full = next(w for w in _pages_words(pdfs[reference])[0][1] if w[4] == "KH-2026-01")
    return {"registry": _pages_words(pdfs[str(registry)]),
            "monitor": _pages_words(pdfs[str(monitor)]), "full": full[3] - full[1]}


def _page_header(width, words, name):
    """The last word of the page header ``name`` (centred at the top of the page, above every
    other word: a cell that reads the same lower down is not it), or None."""
    parts = name.split()
    top = min((w[1] for w in words), default=0)
    for i in range(len(words) - len(parts) + 1):
        run = words[i:i + len(parts)]
        if [w[4] for w in run] == parts and abs(run[0][1] - run[-1][1]) < 1 \
                and abs((run[0][0] + run[-1][2]) / 2 - width / 2) < 40 and run[0][1] < 80 \
                and run[0][1] < top + 1:
            return run[-1]
    return None


def _sheet_pages(pages, name):
    """(page header, words) of each page whose page header is the sheet's name."""
    out = []
    for width, words in pages:
        head = _page_header(width, words, name)
        if head is not None:
            out.append((head, [w for w in words if w is not head]))
    return out


def _band(page_header, words):
    """(header-row words, first code) of a list page: the header row's words lie between the
    page header (the sheet's name) and the first row's code."""
    code = min((w for w in words if re.fullmatch(r"(KH|YK)-\d{4}-\S+", w[4])),
               key=lambda w: w[1])
    header = [w for w in words if w[1] > page_header[3] - 0.5 and w[1] < code[1] - 0.5]
    return header, code


def _line(words, word):
    return [w for w in sorted(words, key=lambda w: w[0]) if abs(w[1] - word[1]) < 1.5]


@needs_libreoffice
def test_pdf_wrapped_header_is_whole_inside_its_row(printed):
    """'Cơ quan ban hành' prints on two lines inside the header row: below the page header,
    above the first plan's row (a header row one line tall pushes the wrapped words out of it,
    over the page header and the row below)."""
    pages = _sheet_pages(printed["registry"], schema.PLANS.name)
    assert pages, "no page headed Kế hoạch"
    page_header, words = pages[0]
    _, code = _band(page_header, words)
    co = next((w for w in words if w[4] == "Cơ"), None)
    assert co is not None
    first = [w[4] for w in _line(words, co) if w[0] >= co[0]][:3]
    assert first == ["Cơ", "quan", "ban"], first
    hanh = [w for w in words if w[4] == "hành" and w[1] > co[1] and w[0] < co[2] + 60]
    assert hanh, "the second line of the header is missing"
    for w in [co, hanh[0]]:
        assert page_header[3] <= w[1] and w[3] <= code[1] + 0.5, \
            f"{w[4]!r} at {w[1]:.1f}-{w[3]:.1f} outside the header row " \
            f"({page_header[3]:.1f}-{code[1]:.1f})"


@needs_libreoffice
@pytest.mark.parametrize("sheet,key,code", [(schema.PLANS.name, "Mã KH", "KH-"),
                                            (schema.OPINIONS.name, "Mã ý kiến", "YK-")])
def test_pdf_wide_lists_print_legibly_across_pages_with_the_key_column(printed, sheet, key,
                                                                        code):
    pages = _sheet_pages(printed["registry"], sheet)
    assert len(pages) >= 3, f"{sheet}: {len(pages)} pages"
    for page_header, words in pages:
        header, _ = _band(page_header, words)
        left = min(header, key=lambda w: w[0])
        assert " ".join(w[4] for w in _line(header, left)[:len(key.split())]) == key, sheet
        body = [w for w in words if w[1] > max(h[3] for h in header)]
        assert min(body, key=lambda w: w[0])[4].startswith(code), sheet
        codes = [w for w in body if re.fullmatch(r"(KH|YK)-\d{4}-\S+", w[4])]
        zoom = min(w[3] - w[1] for w in codes) / printed["full"]
        assert zoom >= MIN_SCALE - 0.01, f"{sheet}: printed at {zoom:.0%}"


@needs_libreoffice
def test_pdf_every_registry_list_prints_at_a_readable_size(printed):
    """Every page of every list: its words (the header row's and the rows') at 80% of their
    size or more; nothing (a long text running on past the last column) widens the sheet."""
    small = {}
    for s in _list_sheets():
        pages = _sheet_pages(printed["registry"], s.name)
        assert pages, f"no page headed {s.name}"
        for n, (head, words) in enumerate(pages, start=1):
            heights = sorted(w[3] - w[1] for w in words if w[1] > head[3] and w[1] < 550)
            if heights:
                zoom = heights[len(heights) // 2] / printed["full"]
                if zoom < MIN_SCALE - 0.01:
                    small[f"{s.name} p{n}"] = f"{zoom:.0%}"
    assert small == {}, small


@needs_libreoffice
def test_pdf_monitoring_lists_print_legibly_with_codes_level_with_their_field(printed,
                                                                            monitoring_wb):
    """An opinion's code and the first word of its field print on one line (every cell
    top-aligned), on every page that has both, at a readable size."""
    ws = monitoring_wb["Theo dõi ý kiến"]
    head = [c.value for c in ws[1]]
    field = {r[head.index("Mã ý kiến")]: r[head.index("Lĩnh vực")]
             for r in ws.iter_rows(min_row=2, values_only=True)}
    checked = 0
    for _, words in printed["monitor"]:
        linh = [w for w in words if w[4] == "Lĩnh"]
        codes = [w for w in words if w[4] in field]
        if not linh or not codes:
            continue
        zoom = min(w[3] - w[1] for w in codes) / printed["full"]
        assert zoom >= MIN_SCALE - 0.01, f"printed at {zoom:.0%}"
        for c in codes:
            beside = [w for w in _line(words, c) if w[0] >= linh[0][0] - 1]
            assert beside and beside[0][4] == field[c[4]].split()[0], \
                (c[4], field[c[4]], [w[4] for w in beside[:3]])
            checked += 1
    assert checked >= 20
