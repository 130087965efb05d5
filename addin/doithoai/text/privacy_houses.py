"""House numbers in a citizen's text, for :mod:`doithoai.text.privacy`: each read from a run
of digits back to the words before it (a lead that stays, "số" before a street, "ở"/"địa chỉ"
before a street's name), and the public numbers told apart (after a public noun, a count after
"nhà", an amount). The rules are stated in :mod:`doithoai.text.privacy`.
"""
from __future__ import annotations

import re

from doithoai.text import privacy_words as w

_BRACKETED = re.compile(r"[ \u00a0]*\(((?i:số|so)[ \u00a0]+\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*)\)")
_HOUSE_NUM = re.compile(r"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*(?![\w/])")
_LEADS = {a: w.seqs(w.LEADS, a) for a in (False, True)}
_AT = {a: w.seqs(w.AT_WORDS, a) for a in (False, True)}
_SO = {False: frozenset({"số", "so"}), True: frozenset({"so"})}
# The word before "số" that makes it a lead ("nhà số", "căn hộ số", "căn số").
_SO_LEAD_PREV = {a: frozenset(seq[-2] for seq in _LEADS[a] if len(seq) > 1 and seq[-1] in _SO[a])
                 for a in (False, True)}
# The last word before a number that can make it a house number: any other is passed over.
_HOUSE_LAST = {a: frozenset(seq[-1] for seq in _LEADS[a] | _AT[a]) | _SO[a]
               for a in (False, True)}
_HOUSE_TAILS = {a: tuple(_HOUSE_LAST[a]) for a in (False, True)}
_PUBLIC_NOUNS = {False: frozenset(w.PUBLIC_NOUNS),
                 True: frozenset(w.plain(n for n in w.PUBLIC_NOUNS if n not in w.ACCENT_ONLY))}
_BREAKS = {False: frozenset(w.PHRASE_BREAKS),
           True: frozenset(w.plain(w.PHRASE_BREAKS)) - _PUBLIC_NOUNS[True]}
_GROUPED = {False: frozenset(w.GROUPED), True: frozenset(w.plain(w.GROUPED))}
_UNIT_NEXT = {a: re.compile(r"[ \u00a0]*" + w.alternation(w.PLAIN_UNIT_WORDS if a else
                                                         w.UNIT_WORDS) + r"(?!\w)",
                            re.IGNORECASE) for a in (False, True)}


def _after_patterns(without: bool) -> tuple[re.Pattern, re.Pattern]:
    words = w.plain(w.STREET_WORDS) if without else w.STREET_WORDS + w.plain(w.STREET_WORDS)
    gap = r"[ \u00a0]*,?[ \u00a0]*"
    street = r"(?i:" + w.alternation(words) + r")(?!\w)"
    name = r"(?P<cap>" + w.UP + r"[^\W\d_])"   # Lê Lợi, Hàng Bông (LÊ LỢI in a text in capitals)
    return (re.compile(gap + "(?:" + street + "|" + name + ")"),
            re.compile(gap + "(?:" + street + r"[ \u00a0]+(?:\d|" + w.UP + ")|" + name + ")"))


# After "số N": a street or place word, or a street's name ("số 12 ngõ 5", "số 12 Lê Lợi");
# after "ở N", "địa chỉ: N": a street word and its number or name, or a street's name.
_AFTER_SO, _AFTER_AT = ({a: _after_patterns(a)[k] for a in (False, True)} for k in (0, 1))


def houses(view: str, without: bool, digit_runs: list[re.Match]) -> list[w.Found]:
    """House numbers, found from each run of digits back to the words before it."""
    out = []
    for run in digit_runs:
        s = run.start()
        if (s and view[s - 1] in "/.,") or not w.may_follow(view, s, _HOUSE_TAILS[without]):
            continue                      # 12/34 is read from the 12
        last = w.word_before(view, s)
        if last[0] in _HOUSE_LAST[without]:
            m = _HOUSE_NUM.match(view, s)
            found = m and _house_at(view, without, s, m.end(), last)
            if found:
                out.append(found)
    return out


def _house_at(view: str, without: bool, s: int, e: int, last: tuple[str, int]) -> w.Found | None:
    """The house number ``view[s:e]``, if the words before it (``last`` the nearest) make it
    one."""
    if last[0] in _SO[without] and w.word_before(view, last[1])[0] not in _SO_LEAD_PREV[without]:
        return _numbered(view, without, last[1], e)      # "số 12 ngõ 5", not "nhà số 12"
    words = w.words_before(view, s, 4, last)
    k = w.suffix_in(words, _LEADS[without])
    if k:
        lead = [word for word, _ in words[-k:]]
        if len(words) > k and words[-k - 1][0] in _GROUPED[without] and \
                ("nhà" in lead or "nha" in lead):
            return None                   # tòa nhà số 3, dãy nhà 2, cả nhà 5 người
        if lead in (["nhà"], ["nha"]) and _UNIT_NEXT[without].match(view, e):
            return None                   # nhà 3 tầng, nhà 5 gian
        return w.Found(s, e, "house")
    if w.suffix_in(words, _AT[without]):
        after = _AFTER_AT[without].match(view, e)
        if after and not w.UNIT_AFTER.match(view, e) and \
                not (after.group("cap") and _not_a_street(view, after.start("cap"))):
            return w.Found(s, e, "house")   # "Địa chỉ: 45 Trần Phú", not "ở 14 ha"
    return None


def _numbered(view: str, without: bool, at: int, e: int) -> w.Found | None:
    """"số N" (beginning at ``at``) as a house number: before a street or place word or a
    street's name, or after ở, tại, địa chỉ ("hộ bà X ở số 40 lấn chiếm…": where someone
    lives); not after a public noun ("cầu số 3") nor before an amount ("số 3 triệu")."""
    after = _AFTER_SO[without].match(view, e)
    if after is not None and not after.group("cap"):
        lives = True                     # a street or place word follows: no need to ask
    else:                                # (read only when needed: "số N" is in most texts)
        lives = bool(w.suffix_in(w.words_before(view, at, 2), _AT[without]))
    if (after is None and not lives) or w.UNIT_AFTER.match(view, e) or \
            _public_before_so(view, at, without) or \
            (after is not None and after.group("cap") and not lives and
             _not_a_street(view, after.start("cap"))):
        return None
    return w.Found(at, e, "house")


# Where an address field's parts begin: its start, after a comma, a semicolon, a spaced dash.
_PARTS = re.compile(rf"(?:^|{w.PART_JOINT})[ \u00a0]*")
# What may open a part before its number: a house, a flat or a room ("Nhà 12", "số nhà 575bis",
# "Phòng 302", "P.302", "P302-B2", "Căn 12.05"), "số" (a street's house), a kiệt ("K12/3").
_LEAD = re.compile(r"(?P<room>(?i:số nhà|so nha|nhà|nha|sn|phòng|phong|căn hộ|can ho|căn|can)"
                   r"(?:[ \u00a0]+(?i:số|so))?[ \u00a0]*(?=\d|[A-Za-z]{1,2}\d{0,4}[-/]\d)|"
                   r"P\.?[ \u00a0]*(?=\d{3}))|(?P<so>(?i:số|so)[ \u00a0]+)|[Kk](?=\d+/)")
# A flat's or a room's code after its lead: "302", "12.05", "12A05", "B2-1205", "12-05",
# "K361/79"; not a building alone ("nhà B2").
_ROOM_CODE = re.compile(r"(?:[A-Za-z]{1,2}\d{0,4}(?=[-/]\d))?[-/]?\d[\w.\-/]*(?<![.\-/])")
# The number as a city writes it: "12", "12A", "197bis", "45/7", "118/2A", "12.05", "302-B2".
_OPENING_NUM = re.compile(r"\d{1,5}(?:bis|ter|[A-Za-z])?(?:[./]\d{1,4}(?:bis|ter|[A-Za-z])?)*"
                          r"(?:-[A-Za-z]\w{0,3})?(?![\w/])")
_WORD_NEXT = re.compile(r"[ \u00a0]+(?:[^\W\d_]|\d{1,2}[ \u00a0]+(?i:tháng|thang)(?!\w))")
# A street named by a date opens with its number ("3 Tháng 2, Phường 11", "30 tháng 4"): no house.
_DATE_NAMED = re.compile(r"[ \u00a0]+(?i:tháng|thang)(?!\w)")


def openings(view: str, digit_runs: list[re.Match]) -> list[w.Found]:
    """In an address field, the house, flat or room number opening it or one of its parts
    ("12 Hai Bà Trưng, khu phố 1", "Tổ 5, 45/7 Trần Quang Khải", "số 302 nhà B2", "P.302 nhà
    B2 tập thể Quang Trung", "Phòng 302, nhà B2", "Căn hộ số 12A05", "K12/3 Lê Lợi"): the
    number and what leads it; a bare number or "số N" only before a word (not money or a
    measure, "2 ha", nor a street named by a date, "3 Tháng 2"). "P.11" is a ward ("phường
    11"): a room after "P" has three digits or more."""
    if not digit_runs:
        return []
    out = []
    for part in _PARTS.finditer(view):
        at = part.end()
        lead = _LEAD.match(view, at)
        room = lead is not None and lead.group("room") is not None
        m = (_ROOM_CODE if room else _OPENING_NUM).match(view, lead.end() if lead else at)
        if m is None:
            continue
        if room or (_WORD_NEXT.match(view, m.end()) and not w.UNIT_AFTER.match(view, m.end())
                    and not _DATE_NAMED.match(view, m.end())):
            out.append(w.Found(at, m.end(), "house"))
    return out


def after_names(view: str, names: list[tuple[int, int]]) -> list[w.Found]:
    """"(số N)" right after a private person's name (``names``: their spans): "hộ ông Đặng
    Văn Hải (số 29)", where the person lives."""
    out = []
    for _, end in names:
        m = _BRACKETED.match(view, end)
        if m:
            out.append(w.Found(m.start(1), m.end(1), "house"))
    return out


def _public_before_so(view: str, at: int, without: bool) -> bool:
    """A public noun among the (up to three) words before "số" at ``at``, back to a word that
    ends the noun phrase: "cầu số 3", "bể nước số 3", "giếng khoan số 5", not "cửa hàng ở số
    45"."""
    words = [word for word, _ in w.words_before(view, at, 3)]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _BREAKS[without]:
            words = words[k + 1:]
            break
    return any(" ".join(words[i:j]) in _PUBLIC_NOUNS[without] for i in range(len(words))
               for j in range(i + 1, len(words) + 1))


def _not_a_street(view: str, at: int) -> bool:
    """The capitalised word at ``at`` cannot begin a street's name: a small word of a text in
    title case ("Số 3 Của …"), or an acronym in a text not typed in capitals."""
    word = w.WORD.match(view, at).group()
    if word.lower() in w.STOPS[False, True] or word.lower() in w.STOPS[True, True]:
        return True
    return len(word) > 1 and word.isupper() and not w.casing(view)[1]
