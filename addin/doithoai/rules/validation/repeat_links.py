"""A repeat (Trùng với) linked to an opinion it has nothing in common with.

A re-trial typed YK-014's Trùng với as YK-005 by mistake: a flooded drain (Phòng Kinh tế) linked
to night patrols (Công an); validate said nothing, and the citizen's notice told him his drain
was handled with "Đề nghị tăng cường tuần tra ban đêm…" by the police. A repeat is answered
with its original's words, handler and deadline, so a wrong code misleads the citizen. Said
when the two rows' words share little AND a Lĩnh vực or Cơ quan trả lời typed on both rows
differs: words alone differ between two people raising one matter ("Tôi cũng đề nghị như
vậy"), a field or an agency alone is reclassified; both at once is a link worth a look.
"""
from __future__ import annotations

import re

from doithoai.registry import schema
from doithoai.rules.validation.findings import Findings
from doithoai.text import privacy_words, vntext

# Words every request is made of, and the small and place words (privacy_words): what is left
# says what the matter is ("nao vet cong thoat nuoc ngap" against "tuan tra ban dem trom cap").
_EMPTY = frozenset(privacy_words.PLAIN_STOPS + privacy_words.PLAIN_PLACE_STOPS + [
    "de", "nghi", "kien", "xem", "xet", "giai", "quyet", "toi", "chung", "cung", "nhu", "vay",
    "nhieu", "cac", "nay", "do", "dan", "nhan", "ho", "gia", "dinh", "ong", "ba", "anh", "chi",
    "thu", "lan", "lai",                            # "(ý kiến thứ 2)", "lần", "nhắc lại"
    "sua", "chua", "tro", "bo", "sung", "tang", "cuong", "som",      # sửa chữa, hỗ trợ, bổ sung…
    "doan", "qua", "gan", "canh", "truoc", "sau", "trong", "ngoai", "vuc"])   # where: đoạn qua…
# Two opinions on one matter share some of those words: the share of the shorter one's words
# found in the other (the same road raised twice in other words: 1.0; the re-trial's drain and
# patrols: 0). Below this share, with a field or an agency differing too, the link is looked at.
UNLIKE = 0.25
_TYPED = (("field", "Lĩnh vực"), ("agency", "Cơ quan trả lời"))


def check_repeat_links(f: Findings) -> None:
    originals = {o.opinion_id: o for o in f.reg.opinions if o.opinion_id}
    aside = _place_words(f.reg)
    for o in f.reg.opinions:
        first = originals.get(o.duplicate_of) if o.duplicate_of else None
        if first is None or first is o or not (o.content and first.content):
            continue
        differs = [label for key, label in _TYPED if _both_differ(getattr(o, key),
                                                                  getattr(first, key))]
        if differs and _unlike(_matter(o.content, aside), _matter(first.content, aside)):
            f.add("repeat-unlike", schema.OPINIONS, o.row, "duplicate_of", o.duplicate_of,
                  original=first.opinion_id, original_row=first.row,
                  what=", ".join(differs))


def _both_differ(a: str | None, b: str | None) -> bool:
    return bool(a and b) and vntext.identity_key(a) != vntext.identity_key(b)


_LETTERS = re.compile(r"[a-z]+")


def _place_words(reg) -> frozenset[str]:
    """The words of the commune's villages and of the plans' scopes (two matters of one village
    share its name, not their matter)."""
    names = list(reg.lookups.get("villages", [])) + [p.scope or "" for p in reg.plans]
    return frozenset(w for n in names for w in _LETTERS.findall(vntext.plain_key(n)))


# A street or lane named in the words ("ngõ Thông Phong", "ngõ 35 Hàng Bài", "phố Huế"): where,
# not what (a re-trial's drain and patrols were both in "ngõ 35 Hàng Bài").
_STREET = re.compile(r"(?i:ngõ|ngách|hẻm|kiệt|đường|phố|quốc lộ|tỉnh lộ)[ \u00a0]+"
                     r"(?:(?i:số)[ \u00a0]+)?(?:\d\w*[ \u00a0]*)?"
                     rf"(?:{privacy_words.UP}\w*[ \u00a0]*){{0,4}}")


def _matter(text: str, aside: frozenset[str]) -> set[str]:
    """The words that say what a text's matter is (unaccented, request and place words and
    streets' names aside)."""
    return {w for w in _LETTERS.findall(vntext.plain_key(_STREET.sub(" ", text)))
            if len(w) > 1 and w not in _EMPTY and w not in aside}


def _unlike(words_a: set[str], words_b: set[str]) -> bool:
    """Two texts' matter words (:func:`_matter`) name different matters; False when either
    names none ("Tôi cũng đề nghị như vậy": a repeat in the fewest words)."""
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) < UNLIKE
