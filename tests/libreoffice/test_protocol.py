"""The protocol between the extension and ``doithoai lo-press``, without LibreOffice: values and
changes survive the trip into the plans of bulk writes the extension carries out, sheets come
back as Excel's shell would read them, and the bridge runs a real child process against a
document kept in memory (reads, writes, the status bar, questions, messages, failures)."""
import datetime as dt
import json
import os
import sys

import openpyxl
from hypothesis import given, settings, strategies as st

from doithoai.libreoffice import protocol
from doithoai.libreoffice.office import doithoai_bridge as bridge
from doithoai.registry.changes import Block, Changes
from doithoai.registry.cellref import a1

EPOCH = dt.date(1899, 12, 30)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
dates = st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31))
times = st.times().map(lambda t: t.replace(microsecond=0))
moments = st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 12, 31)).map(
    lambda m: m.replace(microsecond=0))
values = st.one_of(st.none(), texts, st.integers(-10**9, 10**9),
                   st.floats(allow_nan=False, allow_infinity=False, width=32), dates, times,
                   moments, texts.map(lambda t: "=" + t.replace('"', "")),
                   st.sampled_from(["'=1+1", "'+84 912", "'-", "'@x"]))


def shown(value):
    """What Excel shows for a value the core writes (the reference for the plan)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(value, dt.date):
        return float((value - EPOCH).days)
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in "=+-@" and len(value) > 1:
        return value[1:]
    return value


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(values, min_size=3, max_size=3), min_size=1, max_size=6),
       st.integers(1, 500), st.integers(0, 30))
def test_a_block_arrives_as_the_cells_excel_would_show(rows, row, col):
    changes = Changes(blocks=[Block("Kiểm tra", row, col, tuple(map(tuple, rows)))])
    sent = json.loads(json.dumps(protocol.encode_changes(changes), ensure_ascii=True))
    plan = bridge.plan_block(sent["blocks"][0])
    assert (plan["row"], plan["col"]) == (row - 1, col)
    formulas = {(r, c): f for r, c, f in plan["formulas"]}
    for i, line in enumerate(rows):
        for j, v in enumerate(line):
            cell = plan["data"][i][j]
            if isinstance(v, str) and v[:1] == "=" and len(v) > 1:
                assert cell == "" and formulas[(row - 1 + i, col + j)] == \
                    bridge.calc_formula(v)
            elif isinstance(v, float) or isinstance(shown(v), float):
                assert abs(cell - shown(v)) < 1e-9
            else:
                assert cell == shown(v)
            kind = {dt.datetime: "datetime", dt.date: "date", dt.time: "time"}.get(type(v))
            formatted = [k for first, last, c, k in plan["formats"]
                         if c == col + j and first <= row - 1 + i <= last]
            assert formatted == ([kind] if kind else [])


@given(st.text(alphabet='ab,;"() ', max_size=30))
def test_a_formula_keeps_the_commas_of_its_texts(formula):
    out = bridge.calc_formula(formula)
    quoted, parts = False, []
    for a, b in zip(formula, out):
        if a == '"':
            quoted = not quoted
        parts.append(b == (";" if a == "," and not quoted else a))
    assert all(parts) and len(out) == len(formula)


@given(st.integers(0, 16383), st.integers(0, 1048575))
def test_cell_references(col, row):
    assert bridge.cell_position(a1(row + 1, col)) == (col, row)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), texts, st.integers(0, 10**6), dates, times,
                                   moments), min_size=2, max_size=2), min_size=1, max_size=5))
def test_a_sheet_read_back_is_what_excel_gives(rows):
    """LibreOffice sends numbers and the ranges of date and time cells; the grid has
    datetimes, times and None where Excel's shell has them."""
    sent_rows, ranges = [], []
    for r, line in enumerate(rows):
        out = []
        for c, v in enumerate(line):
            if isinstance(v, (dt.date, dt.time)):
                ranges.append([c, r, c, r])
            out.append(shown(v) if v is not None else "")
        sent_rows.append(out)
    grid = protocol.decode_grid({"rows": sent_rows, "dates": ranges}, EPOCH)
    for line, got in zip(rows, grid):
        for v, g in zip(line, got):
            if isinstance(v, dt.datetime):
                assert g == v
            elif isinstance(v, dt.date):
                assert g == dt.datetime.combine(v, dt.time())
            elif isinstance(v, str) and v == "":
                assert g is None
            else:
                assert g == v


# --- the bridge against a document in memory ---------------------------------------------------

class MemoryDocument:
    """The extension's document primitives over a workbook read with openpyxl: what
    doithoai_calc does with UNO, done on lists (values, marks, notes, questions)."""

    def __init__(self, path, answer=None, selection=("Kế hoạch", 2)):
        wb = openpyxl.load_workbook(path, data_only=True)
        self.path, self.answer, self.selection = path, answer, selection
        self.sheets, self.marks, self.notes, self.statuses, self.said = {}, {}, {}, [], []
        for ws in wb.worksheets:
            rows, ranges = [], []
            for r, line in enumerate(ws.iter_rows(values_only=True)):
                out = []
                for c, v in enumerate(line):
                    if isinstance(v, (dt.date, dt.time)):
                        ranges.append([c, r, c, r])
                    out.append("" if v is None else shown(v))
                rows.append(out)
            self.sheets[ws.title] = (rows, ranges)

    def hello(self):
        return {"name": os.path.basename(self.path), "folder": os.path.dirname(self.path),
                "sheets": list(self.sheets), "selection": list(self.selection),
                "null_date": "1899-12-30", "interactive": False}

    def read(self, names):
        return {n: {"rows": self.sheets[n][0], "dates": self.sheets[n][1]} for n in names}

    def apply(self, changes):
        for block in changes["blocks"]:
            plan = bridge.plan_block(block)
            rows = self.sheets[plan["sheet"]][0]
            for i, line in enumerate(plan["data"]):
                while len(rows) <= plan["row"] + i:
                    rows.append([])
                row = rows[plan["row"] + i]
                row.extend([""] * (plan["col"] + len(line) - len(row)))
                row[plan["col"]:plan["col"] + len(line)] = list(line)
            for r, c, f in plan["formulas"]:
                rows[r][c] = f
        for m in changes["marks"]:
            self.marks[(m["sheet"], m["cell"])] = changes["fills"][m["severity"]]
            self.notes[(m["sheet"], m["cell"])] = m["note"]

    def status(self, text):
        self.statuses.append(text)

    def message(self, text):
        self.said.append(text)

    def ask(self, text):
        return self.answer

    def open(self, path):
        return False

    def show_folder(self, path):
        return False

    def pick_files(self, title, folder):
        return None


def test_a_press_over_the_protocol(sample_copy):
    doc = MemoryDocument(sample_copy("trung-hoi"))
    t = bridge.Press(doc, sys.executable, "validate_registry").run()
    assert t["done"] and t["exit"] == 0, open(t["log"]).read()
    assert t["messages"][0].startswith("Kiểm tra xong: 1 lỗi, 3 cảnh báo, 1 lưu ý.")
    assert doc.said == t["messages"] and t["statuses"][-1] is None
    assert doc.marks[("Kế hoạch", "K2")] == "FFC7CE" and doc.marks[("Kế hoạch", "J2")] == "FFEB9C"
    log = doc.sheets["Nhật ký"][0]
    assert log[1][2] == "Kiểm tra dữ liệu"          # the Nhật ký row, through the protocol
    kt = doc.sheets["Kiểm tra"][0]
    assert kt[2][3] == '=HYPERLINK("#\'Kế hoạch\'!K2";"K2")'


def test_a_question_answered_no_changes_nothing(sample_copy):
    doc = MemoryDocument(sample_copy("tu-minh"), answer=False)
    before = json.dumps(doc.sheets)
    t = bridge.Press(doc, sys.executable, "issue_documents").run()
    assert t["questions"][0].startswith("Ban hành các văn bản của KH-2026-01")
    assert t["messages"] == ["Chưa ban hành. Muốn ban hành, bấm lại và chọn Yes (Có)."]
    assert json.dumps(doc.sheets) == before and t["done"]


def test_without_its_python_or_when_it_fails_the_clerk_is_told(sample_copy, tmp_path):
    doc = MemoryDocument(sample_copy("tu-minh"))
    t = bridge.Press(doc, str(tmp_path / "python.exe"), "validate_registry").run()
    assert t["messages"] == [bridge.NO_PYTHON.format(python=tmp_path / "python.exe")]
    t = bridge.Press(doc, sys.executable, "no_such_button").run()
    assert not t["done"] and t["exit"] == 1
    assert t["messages"] == [bridge.CHILD_FAILED.format(python=sys.executable, log=t["log"])]
    assert "Không có nút no_such_button" in open(t["log"], encoding="utf-8").read()


def test_a_log_folder_that_cannot_be_written_fails_no_press(sample_copy, tmp_path):
    """On a shared computer the temporary folder's "doithoai" may be another account's: the
    press's log goes to the next place that takes it; when none does, the press still runs and
    a failure says so without a log (an exception there ended the whole of LibreOffice)."""
    taken = tmp_path / "doithoai"
    taken.write_text("another account's")             # a file where the folder would be
    own = tmp_path / "own"
    doc = MemoryDocument(sample_copy("tu-minh"))
    t = bridge.Press(doc, sys.executable, "validate_registry",
                     log_folders=[str(taken), str(own)]).run()
    assert t["done"] and t["log"] == str(own / bridge.LOG_NAME)
    if os.name == "posix":            # this account's alone: a failure may quote the registry
        assert os.stat(own).st_mode & 0o077 == 0 and os.stat(t["log"]).st_mode & 0o077 == 0
    assert t["messages"] and t["messages"][0].startswith("Kiểm tra xong")
    t = bridge.Press(doc, sys.executable, "validate_registry", log_folders=[str(taken)]).run()
    assert t["done"] and t["log"] is None and t["messages"][0].startswith("Kiểm tra xong")
    t = bridge.Press(doc, sys.executable, "no_such_button", log_folders=[str(taken)]).run()
    assert not t["done"] and t["messages"] == [
        bridge.CHILD_FAILED_NO_LOG.format(python=sys.executable)]
    assert bridge.open_log([str(taken)]) == (None, None)
