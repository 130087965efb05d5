"""The clerk's experience on screen: LibreOffice Calc under a virtual display (Xvfb), the
extension installed with unopkg, a demo registry open. The test presses the toolbar's and the
menu's buttons as a person does (xdotool clicks where the accessibility tree says the button
is), waits for the message, reads it through the dialog's accessible texts, checks the marked
cells through UNO, and keeps a screenshot of each step (their folder is printed at the end).
"""
import os
import shutil
import time

import pytest

from office import Office, Screen, screen_unavailable
from doithoai.buttons.common import HELP_TEXT

REASON = screen_unavailable()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"on screen: {REASON}")
TOOLBAR = "Đối thoại"


@pytest.fixture(scope="module")
def screen():
    screen = Screen()
    yield screen
    screen.stop()


@pytest.fixture(scope="module")
def office(screen, tmp_path_factory):
    office = Office(str(tmp_path_factory.mktemp("libreoffice-screen")), screen)
    yield office.start()
    office.stop()


def open_registry(office, source: str, where, cell="A2"):
    """A copy of the folder ``source`` (a registry and what lies beside it), opened on screen."""
    folder = os.path.join(where, os.path.basename(source))
    shutil.copytree(source, folder)
    path = os.path.join(folder, next(f for f in os.listdir(folder) if f.endswith(".xlsx")))
    office.call("open", path=path, hidden=False, sheet="Kế hoạch", cell=cell)
    time.sleep(2)                                  # the window drawn, toolbars in place
    return folder


def button(office, starts: str) -> dict:
    """The toolbar button whose accessible name (its tooltip) starts with ``starts``."""
    buttons = office.call("toolbar", name=TOOLBAR)
    assert buttons, "the Đối thoại toolbar is not on screen"
    return next(b for b in buttons if b["name"].split("\n")[0] == starts)


def click(screen, where: dict) -> None:
    screen.xdotool("mousemove", str(where["x"]), str(where["y"]), "click", "1")


def message(office, timeout=180) -> str:
    shown = office.call("dialog", timeout=timeout)
    assert shown is not None, "no message appeared"
    time.sleep(1)                        # drawn on screen, not only in the accessibility tree
    return "\n".join(t["text"] for t in shown["texts"])


def close_dialog(office, screen) -> None:
    screen.xdotool("key", "Return")
    for _ in range(50):
        if office.call("dialogs_open") == 0:
            return
        time.sleep(0.2)
    raise AssertionError("the message did not close")


def test_validation_marks_the_cells_on_screen(screen, office, sample_paths, tmp_path,
                                               screenshots):
    """Trung Hội as the demo first writes it (before the demo validates it)."""
    open_registry(office, os.path.dirname(sample_paths["trung-hoi"]), tmp_path)
    before = office.call("cells", sheet="Kế hoạch", refs=["J2", "K2"])
    click(screen, button(office, "Kiểm tra dữ liệu"))
    text = message(office)
    assert "Kiểm tra xong: 1 lỗi, 3 cảnh báo, 1 lưu ý." in text
    assert "giữ phím Ctrl và bấm vào chữ ghi địa chỉ ô" in text
    assert "Đóng" in text                               # the dialog's own button, in Vietnamese
    screen.shot(os.path.join(screenshots, "kiem-tra-thong-bao.png"))
    close_dialog(office, screen)
    cells = office.call("cells", sheet="Kế hoạch", refs=["J2", "K2"])
    assert cells["K2"]["colour"] == "FFC7CE" and cells["J2"]["colour"] == "FFEB9C"
    assert cells["K2"]["note"].startswith("doithoai kiểm tra:\nLỗi:")
    assert "Thứ 2" in cells["K2"]["note"]
    over = office.call("cell_on_screen", sheet="Kế hoạch", ref="K2", select="I2")
    screen.xdotool("mousemove", str(over["x"]), str(over["y"]))
    time.sleep(1.5)                                    # the note shows under the pointer
    screen.shot(os.path.join(screenshots, "kiem-tra-o-to-mau.png"))
    assert before["K2"]["colour"] is None and before["K2"]["note"] == ""     # the press did it
    follow_the_first_link(office, screen, screenshots)


def follow_the_first_link(office, screen, screenshots) -> None:
    """The message's way to a cell: Ctrl and a click on the address of the first finding that
    has one (a plain click only selects the cell in Calc), and the cell is the one it names."""
    rows = office.call("cells", sheet="Kiểm tra", refs=[f"{c}{r}" for r in range(2, 6)
                                                         for c in "CD"])
    row = next(r for r in range(2, 6) if rows[f"D{r}"]["text"])
    link = office.call("cell_on_screen", sheet="Kiểm tra", ref=f"D{row}", select="A1")
    screen.xdotool("mousemove", str(link["x"] - 20), str(link["y"]),    # on the text, left
                   "keydown", "ctrl", "click", "1", "keyup", "ctrl")
    time.sleep(1.5)
    screen.shot(os.path.join(screenshots, "kiem-tra-lien-ket.png"))
    assert office.call("where") == [rows[f"C{row}"]["text"], rows[f"D{row}"]["text"]]


def test_a_batch_of_documents_ends_with_its_message(screen, office, demo, tmp_path,
                                                    screenshots):
    folder = open_registry(office, os.path.join(demo, "tu-minh"), tmp_path)
    shutil.rmtree(os.path.join(folder, "van-ban"), ignore_errors=True)
    click(screen, button(office, "Tạo tất cả văn bản"))
    text = message(office, timeout=300)
    screen.shot(os.path.join(screenshots, "van-ban-thong-bao.png"))
    assert text.startswith("Tạo tất cả văn bản (KH-2026-01): Đã tạo ")
    made = os.path.join(folder, "van-ban", "KH-2026-01")
    assert f"Thư mục: {made}" in text
    close_dialog(office, screen)
    assert len(os.listdir(os.path.join(made, "GM"))) == 97
    log = office.call("cells", sheet="Nhật ký", refs=["C2"])
    assert log["C2"]["text"]


def test_issuing_asks_first_and_no_changes_nothing(screen, office, demo, tmp_path, screenshots):
    open_registry(office, os.path.join(demo, "tu-minh"), tmp_path)
    before = office.call("state", sheets=["Sổ văn bản", "Ý kiến", "Nhật ký"])
    click(screen, button(office, "Ban hành văn bản"))
    shown = office.call("dialog", timeout=120)
    time.sleep(1)
    texts = [t["text"] for t in shown["texts"]]
    assert any(t.startswith("Ban hành các văn bản của KH-2026-01") for t in texts)
    assert "Có" in texts and "Không" in texts
    screen.shot(os.path.join(screenshots, "ban-hanh-hoi.png"))
    screen.xdotool("key", "Escape")                     # Không
    assert "Chưa ban hành" in message(office)
    close_dialog(office, screen)
    assert office.call("state", sheets=["Sổ văn bản", "Ý kiến", "Nhật ký"]) == before


def test_the_drop_down_and_the_menu(screen, office, demo, tmp_path, screenshots):
    folder = open_registry(office, os.path.join(demo, "tu-minh"), tmp_path)
    # The conference is past: a bulletin made before is kept, none made is made (the demo's
    # own is removed, so that the button makes one)
    bulletin = os.path.join(folder, "van-ban", "KH-2026-01", "TTTT.txt")
    if os.path.exists(bulletin):
        os.remove(bulletin)
    click(screen, button(office, "Tạo từng loại văn bản"))
    items = office.call("popup")
    assert items, "the drop-down's list did not open"
    time.sleep(1)
    screen.shot(os.path.join(screenshots, "tung-van-ban.png"))
    click(screen, next(i for i in items if i["name"].replace("~", "") == "Bản tin truyền thanh"))
    assert message(office).startswith("Tạo bản tin truyền thanh (KH-2026-01): Đã tạo 1 tệp")
    close_dialog(office, screen)
    assert os.path.exists(bulletin)
    bar = office.call("menubar")
    click(screen, next(m for m in bar if m["name"].replace("~", "") == TOOLBAR))
    items = office.call("popup", menu=TOOLBAR)
    time.sleep(1)
    screen.shot(os.path.join(screenshots, "trinh-don.png"))
    click(screen, next(i for i in items if i["name"].replace("~", "") == "Hướng dẫn"))
    assert message(office).startswith(HELP_TEXT.split("\n")[0])
    close_dialog(office, screen)
