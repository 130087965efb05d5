"""argparse in Vietnamese: its usage line, headings and error messages are what a clerk reads
when a command is typed wrong. argparse looks its texts up through gettext (``argparse._`` and
``argparse.ngettext``) each time it prints, so a table of its message ids is enough; an id not
in the table (a newer Python's) falls back to argparse's own text."""
from __future__ import annotations

import argparse
import contextlib
import json
import sys

TEXTS = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "còn thiếu: %s",
    "unrecognized arguments: %s": "không hiểu: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "không có %(value)r; chọn một trong: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "không có %(value)r (có phải %(closest)r?); chọn một trong: %(choices)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "%(option)s chưa rõ là tùy chọn nào: %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong: %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "show program's version number and exit": "in số phiên bản rồi thoát",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
    ("conflicting option string: %s", "conflicting option strings: %s"): "tùy chọn trùng: %s",
}


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural), singular if n == 1 else plural)


@contextlib.contextmanager
def _vietnamese():
    """argparse speaks Vietnamese inside this block only: a program that imports doithoai
    (pytest, Excel's Python) keeps its own argparse texts."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = gettext, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    """A parser whose mistakes are refusals (exit 1, as for any refused input), in Vietnamese,
    with a pointer to the command's help."""

    def __init__(self, *args, **kwargs):
        with _vietnamese():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        with _vietnamese():
            return super().add_argument(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        # what --json promises (one JSON document on standard output) holds for a mistake too
        self.json_asked = "--json" in (sys.argv[1:] if args is None else list(args))
        with _vietnamese():
            return super().parse_known_args(args, namespace)

    def parse_args(self, *args, **kwargs):
        with _vietnamese():
            return super().parse_args(*args, **kwargs)

    def format_usage(self):
        with _vietnamese():
            return super().format_usage()

    def format_help(self):
        with _vietnamese():
            return super().format_help()

    def error(self, message: str):
        self.print_usage(sys.stderr)
        said = f"{self.prog}: lỗi: {message}\nXem hướng dẫn: {self.prog} --help"
        if getattr(self, "json_asked", False):
            print(json.dumps({"error": said, "exit_code": 1}, ensure_ascii=False, indent=2))
        self.exit(1, said + "\n")
