"""Every button pressed in LibreOffice Calc (headless, the extension installed with unopkg),
on each registry ``doithoai demo`` writes, compared sheet by sheet with what the JSON-book path
(xlwings' engine, replayed with openpyxl) leaves for the same press: the same cells, marks,
notes, hidden rows, tables and messages. A refused press changes nothing.

The presses run in order on one open document per registry (as a clerk works through the tab),
neither saved in between (a button writes into the open workbook, never the file). After each
press the sheets it wrote are compared, and every sheet after a refused press and after the
last; so are the messages, the questions and the status bar's progress, line by line. At the
end the document saved as .xlsx by LibreOffice (what the clerk mails on) reads back the same.
LibreOffice presses while the JSON book computes the same press.
"""
import os
import shutil
import threading

import openpyxl
import pytest

import compare
import jsonbook
from office import Office, unavailable
from doithoai import buttons
from doithoai.excel.ribbon import BUTTON_FUNCTIONS
from doithoai.registry import schema
from doithoai.samples import SAMPLES

REASON = unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"LibreOffice: {REASON}")
SELECTION = ("Kế hoạch", "A2")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    office = Office(str(tmp_path_factory.mktemp("libreoffice"))).start()
    yield office
    office.stop()


def place(demo, slug: str, where) -> tuple[str, str]:
    folder = os.path.join(where, slug)
    shutil.copytree(os.path.join(demo, slug), folder)
    name = next(f for f in os.listdir(folder) if f.endswith(".xlsx"))
    return folder, os.path.join(folder, name)


def json_press(function: str, wb, path: str) -> list[dict]:
    """The press through xlwings' JSON book over the open openpyxl workbook ``wb`` (the
    registry at ``path``); its actions replayed onto ``wb``."""
    book = xw_book(wb, path)
    getattr(buttons, function)(book)
    actions = jsonbook.actions(book)
    jsonbook.replay(wb, actions)
    return actions


def xw_book(wb, path: str):
    import xlwings as xw
    return xw.Book(json=jsonbook.payload_of_workbook(wb, path, *SELECTION))


def written(actions: list[dict], wb) -> set[str]:
    """The sheets a press wrote to, and Nhật ký (where every press but a refusal writes)."""
    names = wb.sheetnames
    return {names[a["sheet_position"]] for a in actions
            if a.get("sheet_position") is not None} | {schema.LOG.name}


def said(actions: list[dict], folder: str) -> tuple[list, list]:
    """(messages, questions) of the JSON book's alerts."""
    alerts = [a["args"] for a in actions if a["func"] == "alert"]
    return ([compare.normal(a[0], folder) for a in alerts if a[2] != "yes_no"],
            [compare.normal(a[0], folder) for a in alerts if a[2] == "yes_no"])


@pytest.mark.parametrize("slug", [s.slug for s in SAMPLES])
def test_every_button_leaves_the_registry_the_json_book_leaves(slug, demo, office, tmp_path,
                                                               shells):
    # Folders of one length: a Nhật ký row keeps 500 characters of a message naming them.
    lo_folder, lo_path = place(demo, slug, tmp_path / "lo")
    js_folder, js_path = place(demo, slug, tmp_path / "js")
    wb = openpyxl.load_workbook(js_path)
    office.call("open", path=lo_path, hidden=True, sheet=SELECTION[0], cell=SELECTION[1])
    known = compare.from_office(office.call("state"), lo_folder)     # every sheet, as last seen
    assert compare.differences(known, compare.from_workbook(wb, js_folder)) == []
    problems, refused = [], 0
    for function in BUTTON_FUNCTIONS:
        pressed = {}
        lo_press = threading.Thread(target=lambda: pressed.update(
            office.call("press", function=function)))
        lo_press.start()
        actions = json_press(function, wb, js_path)
        lo_press.join()
        wrong = check_press(pressed, actions, lo_folder, js_folder)
        if pressed["statuses"] != shells[-1].status_log:      # progress, streamed as it came
            wrong.append(f"status bar: LibreOffice {pressed['statuses']} / JSON book "
                         f"{shells[-1].status_log}")
        if any(a["func"] == "setValues" for a in actions):
            sheets = written(actions, wb)
        else:                                   # refused: nothing may change, anywhere
            refused += 1
            sheets = None
        after = compare.from_office(office.call("state", sheets=sheets and sorted(sheets)),
                                    lo_folder)
        wrong += compare.differences(after, compare.from_workbook(wb, js_folder, sheets))
        if sheets is None and after != known:
            wrong.append("a refused press changed the document: "
                         + "; ".join(compare.differences(after, known)))
        known.update(after)
        problems += [f"{function}: {w}" for w in wrong]
    final = compare.from_office(office.call("state"), lo_folder)
    problems += [f"after every press: {w}" for w in
                 compare.differences(final, compare.from_workbook(wb, js_folder))]
    saved = str(tmp_path / "saved.xlsx")                 # what the clerk saves and mails on
    office.call("store", path=saved)
    problems += [f"saved as .xlsx: {w}" for w in
                 compare.differences(compare.from_workbook(saved, lo_folder), final)]
    office.call("close")
    assert not problems, "\n".join(problems)
    assert 0 < refused < len(BUTTON_FUNCTIONS)       # Ban hành asks first: nobody answers here


def check_press(pressed: dict, actions: list[dict], lo_folder: str, js_folder: str) -> list:
    """The press ended, and said and asked what the JSON book's press did."""
    wrong = []
    messages, questions = said(actions, js_folder)
    if [compare.normal(m, lo_folder) for m in pressed["messages"]] != messages:
        wrong.append(f"messages: LibreOffice {pressed['messages']} / JSON book {messages}")
    if [compare.normal(q, lo_folder) for q in pressed["questions"]] != questions:
        wrong.append(f"questions: LibreOffice {pressed['questions']} / JSON {questions}")
    if not pressed["done"] or pressed["exit"] != 0:
        wrong.append(f"the press did not end well: {pressed}")
    return wrong


# --- the extension's writer on what the demo registries do not hold ------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from doithoai.libreoffice import protocol  # noqa: E402
from doithoai.registry.changes import Block, Changes, Mark  # noqa: E402

# Texts as the core writes them: a text that would read as a formula carries Excel's marker
# ("'="), so a leading "=" is only ever a formula the core means (HYPERLINK).
cell_values = st.one_of(
    st.none(), st.text("abc đêm Thứ 2,;=", max_size=8).filter(lambda t: not t.startswith("=")),
    st.integers(-1000, 10**6),
    st.dates(compare.dt.date(2000, 1, 1), compare.dt.date(2100, 12, 31)),
    st.sampled_from(["'=1+1", "'-5", '=HYPERLINK("#\'Kế hoạch\'!K2","K2")']))


@pytest.fixture(scope="module")
def scratch(office, tmp_path_factory):
    """A blank registry, open once; each example writes into a new empty sheet of it."""
    from doithoai.files import blank
    path = blank.create_blank(str(tmp_path_factory.mktemp("scratch") / "so.xlsx"))
    office.call("open", path=path, hidden=True)
    return iter(range(10**6))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell_values, min_size=3, max_size=3), min_size=1, max_size=4),
       st.integers(2, 20), st.integers(1, 8))
def test_the_writer_leaves_what_excel_would(office, scratch, rows, row, col):
    """Any block, over a cell holding a clerk's note, in a sheet without formats, and a mark
    below it: dates shown as dates (only the cells that hold one), formulas as formulas, text
    markers as text, the clerk's note kept, the mark and its note written."""
    sheet = f"t{next(scratch)}"
    office.call("new_sheet", name=sheet)
    clerk = compare.a1_of(row, col)
    office.call("note", sheet=sheet, ref=clerk, text="Ghi chú của cán bộ")
    mark = compare.a1_of(row + len(rows), col)
    changes = Changes(blocks=[Block(sheet, row, col, tuple(map(tuple, rows)))],
                      marks=[Mark(sheet, mark, "error", "doithoai kiểm tra:\nLỗi: thử")])
    office.call("apply", changes=protocol.encode_changes(changes))
    got = compare.from_office(office.call("state", sheets=[sheet]), "")[sheet]
    for i, line in enumerate(rows):
        for j, v in enumerate(line):
            ref = compare.a1_of(row + i, col + j)
            assert got["cells"].get(ref) == compare.normal(v), (ref, v)
    assert got["notes"][clerk] == "Ghi chú của cán bộ"           # a block keeps notes
    assert got["marks"] == {mark: "FFC7CE"} and got["notes"][mark].endswith("Lỗi: thử")
