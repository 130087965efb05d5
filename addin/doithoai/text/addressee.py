"""Composing a person's title with the body they belong to, without repeating a phrase.

Clerks type Chức vụ and Cơ quan/Đơn vị in every way there is: the title alone ("Chủ tịch"), the
title with the body ("Chủ tịch HĐND phường"), the body in full or abbreviated ("Hội đồng nhân
dân phường Tứ Minh" / "HĐND phường Tứ Minh"). A document that simply joins the two says "Chủ tịch
HĐND HĐND phường Tứ Minh". :func:`compose` joins them so that no phrase repeats:

1. either part empty: the other one;
2. the body is already inside the title (abbreviations expanded, case, tone placement and "Việt
   Nam" ignored): the title alone;
3. the title is inside the body: the body alone;
4. the title ends with the beginning of the body ("Chủ tịch HĐND" + "HĐND phường Tứ Minh"): the
   title, then the rest of the body ("Chủ tịch HĐND phường Tứ Minh"); an abbreviation typed
   in lower case is spelt as the body spells it ("Tổ trưởng tdp" + "TDP Cẩm Khê A": "Tổ
   trưởng TDP Cẩm Khê A");
5. the title names the body's kind and ends with a bare place word ("Chủ tịch Ủy ban MTTQ Việt
   Nam phường" + "Ủy ban MTTQ phường Tứ Minh"): the title, then the body's place name;
6. otherwise: title and body side by side.

The clerk's own wording is kept (an abbreviation the clerk typed stays abbreviated).
"""
from __future__ import annotations

import re

from doithoai.text import vntext

# Abbreviations of Appendix III and of everyday commune usage, as the words they stand for.
ABBREVIATIONS: dict[str, str] = {
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "mttqvn": "mặt trận tổ quốc việt nam",
    "ub": "ủy ban",
    "tdp": "tổ dân phố",
    "đu": "đảng ủy",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "vp": "văn phòng",
    "ca": "công an",
    "qs": "quân sự",
    "bchqs": "ban chỉ huy quân sự",
    "tt": "thường trực",
    "hcc": "hành chính công",
    "ccb": "cựu chiến binh",
    "lhpn": "liên hiệp phụ nữ",
    "tncs": "thanh niên cộng sản",
}

# Words that start the place part of a body's name.
PLACE_WORDS = {"xã", "phường", "thị trấn", "đặc khu", "thôn", "bon", "xóm", "bản", "ấp",
               "tổ dân phố", "tdp", "khu phố", "tỉnh", "thành phố", "huyện", "quận", "thị xã"}

_IGNORED = ("việt", "nam")


def _clean(text: str | None) -> str:
    text = vntext.normalize_tones(text or "")
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;-–")


def _expand(token: str) -> list[str]:
    word = token.casefold().strip(".,;:()")
    return ABBREVIATIONS.get(word, word).split() if word else []


def _words(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        out += _expand(t)
    return out


def _contains(hay: list[str], needle: list[str]) -> bool:
    if not needle or len(needle) > len(hay):
        return False
    return any(hay[i:i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


def _drop_ignored(words: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(words):
        if words[i:i + 2] == list(_IGNORED):
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def _place_start(tokens: list[str]) -> int | None:
    """Index of the first token that begins the place part ("phường Tứ Minh"), if any."""
    for i in range(1, len(tokens)):
        one = tokens[i].casefold()
        two = " ".join(tokens[i:i + 2]).casefold()
        three = " ".join(tokens[i:i + 3]).casefold()
        if one in PLACE_WORDS or two in PLACE_WORDS or three in PLACE_WORDS:
            return i
    return None


def _place_length(tokens: list[str], i: int) -> int:
    for n in (3, 2, 1):
        if " ".join(tokens[i:i + n]).casefold() in PLACE_WORDS:
            return n
    return 0


def compose(title: str | None, body: str | None) -> str:
    """Title and body as one phrase in which nothing repeats (see the module docstring)."""
    t, b = _clean(title), _clean(body)
    if not b:
        return t
    if not t:
        return b
    tt, bt = t.split(), b.split()
    tw, bw = _words(tt), _words(bt)
    if _contains(_drop_ignored(tw), _drop_ignored(bw)):
        return t
    if _contains(_drop_ignored(bw), _drop_ignored(tw)):
        return b
    return _overlapping(t, b, tt, bt, tw) or _kind_then_place(t, tt, tw, bt) or f"{t} {b}"


def _overlapping(t: str, b: str, tt: list[str], bt: list[str], tw: list[str]) -> str | None:
    """The title's end is the body's start ("Tổ trưởng TDP" + "TDP Cẩm Khê A"): said once."""
    for k in range(len(bt), 0, -1):
        head = _words(bt[:k])
        if head and len(head) <= len(tw) and tw[-len(head):] == head:
            # An abbreviation typed in lower case ("Tổ trưởng tdp" + "TDP Cẩm Khê A") is spelt
            # as the body spells it: "Tổ trưởng TDP Cẩm Khê A", never "tdp".
            j = next(j for j in range(len(tt), -1, -1) if _words(tt[j:]) == head)
            if all(w in ABBREVIATIONS and w == w.lower() for w in tt[j:]):
                return f"{' '.join(tt[:j])} {b}".strip()
            rest = " ".join(bt[k:])
            return f"{t} {rest}".strip()
    return None


def _kind_then_place(t: str, tt: list[str], tw: list[str], bt: list[str]) -> str | None:
    """The body is a kind the title already says, then a place ("Trưởng thôn" + "Thôn Bản
    Chu"): the title, then the place, its kind word not repeated."""
    start = _place_start(bt)
    if not start or not _contains(_drop_ignored(tw), _drop_ignored(_words(bt[:start]))):
        return None
    place = bt[start:]
    n = _place_length(place, 0)
    if n and [w.casefold() for w in tt[-n:]] == [w.casefold() for w in place[:n]]:
        place = place[n:]
    return f"{t} {' '.join(place)}".strip()


def addressee_line(honorific_name: str, title: str | None, body: str | None) -> str:
    """"Ông Nguyễn Văn An - Tổ trưởng TDP Cẩm Khê A" (name alone when there is no title)."""
    role = compose(title, body)
    return f"{honorific_name} - {role}" if role else honorific_name


def repeated_phrase(text: str, min_words: int = 1) -> str | None:
    """A phrase said twice in a row ("HĐND HĐND", "phường Tứ Minh phường Tứ Minh"), if any.

    Abbreviations count as the words they stand for, so "HĐND Hội đồng nhân dân" is a repeat.
    Used by the conformance checker on every addressee a document prints.
    """
    tokens = re.findall(r"[\wÀ-ỹ]+", text)
    words = _words(tokens)
    n = len(words)
    for size in range(max(1, min_words), n // 2 + 1):
        for i in range(0, n - 2 * size + 1):
            if words[i:i + size] == words[i + size:i + 2 * size]:
                return " ".join(words[i:i + size])
    return None
