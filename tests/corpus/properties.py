"""Properties every generated document must hold, read from the documents' own text.

Each property takes a :class:`Run` (one registry, one press of "generate", the documents read
back) and returns its violations as short strings naming the file; an empty list means it holds.
What a property compares the text with is the generator's truth (:mod:`corpus.registries`) or
the calendar itself, never the product's contexts.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import random
import re
from dataclasses import dataclass, field

from corpus import reading
from corpus.registries import Case
from doithoai.registry import schema
from doithoai.text import vnformat

BEFORE_KINDS = {"KH", "TB", "GM", "PDK", "PKS", "BCTH", "CVPC", "DSDB", "SGN", "TTTT"}
REWRITTEN_AFTER = {"BCTH", "CVPC"}       # their text after the meeting is that day's
POSTED = {"TBKL", "TB", "TTTT", "BCKQ"}       # posted, read aloud or sent upward
DEADLINE_HEADS = ("Hạn", "Thời hạn")
REMINDERS = {"CVDD"}                          # lists deadlines already missed, by design


@dataclass
class Run:
    case: Case
    label: str                # "draft" or "issued"
    today: dt.date
    docs: list[reading.Doc]
    names: list[str]
    superior_ids: set[str] = field(default_factory=set)
    monitoring: list[list] | None = None    # the monitoring workbook's rows, sheet by sheet
    folder: str = ""                        # where the documents were written
    notices: list[str] = field(default_factory=list)    # what the run told the clerk

    def opinion_rows(self) -> list[dict]:
        return self.case.opinions

    @property
    def raised(self) -> list[dict]:
        """The opinions a document counts: the plan's, repeats counted once."""
        return [o for o in self.case.opinions if not o.get("duplicate_of")]

    def invited(self) -> list[dict]:
        return [i for i in self.case.invitees if i.get("invited") == "Có" and i.get("full_name")]


def _opinion_of(run: Run, text: str) -> dict | None:
    """The opinion whose words a table row prints (each generated content is unique)."""
    for o in run.case.opinions:
        words = o["content"].rstrip(".")
        head = words.split(",")[0]
        if head and head in text:
            return o
    return None


# 1. Dates ----------------------------------------------------------------------------------

def years_allowed(run: Run, kind: str) -> set[int]:
    m = run.case.meeting
    if kind in REWRITTEN_AFTER and run.today > m:
        return {run.today.year}       # drafted after the meeting as a letter of that day
    if kind in BEFORE_KINDS:
        return {m.year, (m - dt.timedelta(days=60)).year}
    return {m.year, (m + dt.timedelta(days=75)).year, run.today.year}


def date_line_years(run: Run) -> list[str]:
    """The year on each date line is the document's: the issue day when issued, else a year the
    document can be issued in (around its conference), never the computer's by default."""
    out = []
    plan_issue = run.case.plan.get("issue_date")
    for doc in run.docs:
        for day, month, year in reading.date_lines(doc):
            if day is not None:
                dated = dt.date(year, month, day)
                if dated != run.today and not (doc.kind == "KH" and plan_issue):
                    out.append(f"{doc.path}: ngày {dated:%d/%m/%Y} trên dòng ngày tháng, "
                               f"ban hành ngày {run.today:%d/%m/%Y}")
            elif year not in years_allowed(run, doc.kind):
                out.append(f"{doc.path}: năm {year} trên dòng ngày tháng của hội nghị "
                           f"{run.case.meeting:%d/%m/%Y}")
    return out


def weekdays_match(run: Run) -> list[str]:
    out = []
    for doc in run.docs:
        for words, d in reading.weekday_claims(doc.text):
            if d is None or reading.weekday_of(words) != d.weekday():
                out.append(f"{doc.path}: \"{words}\" in beside {d}")
    return out


def deadlines_sane(run: Run) -> list[str]:
    """No printed deadline lies before the day the document is made or, once the meeting is
    held, before the meeting; an opinion sent to a superior has no deadline at all."""
    out = []
    floor = max(run.today, run.case.meeting) if run.today >= run.case.meeting else run.today
    for doc in run.docs:
        if doc.kind in REMINDERS:
            continue
        for table in doc.tables:
            col = table.column(*DEADLINE_HEADS)
            if col is None:
                continue
            for row in table.body():
                opinion = _opinion_of(run, " ".join(row))
                if col >= len(row) or opinion is None:     # a timetable, not an opinion
                    continue
                dates = reading.dates_in(row[col])
                if opinion is not None and opinion["opinion_id"] in run.superior_ids and dates:
                    out.append(f"{doc.path}: kiến nghị cấp trên có hạn {row[col]!r}")
                for d in dates:
                    if d < floor:
                        out.append(f"{doc.path}: hạn {d:%d/%m/%Y} trước ngày "
                                   f"{floor:%d/%m/%Y} ({row[col]!r})")
    return out


_PROVISIONAL_ISSUED = re.compile(r"([A-Z]+(?:, [A-Z]+)*) \([^)]*\) ghi thời hạn tính theo "
                                 r"lịch nghỉ lễ, Tết chưa được công bố")


def _typed_date(text) -> dt.date | None:
    """A date as the generator typed it (05/03/2027, 5/3/2027, 05-03-2027, 2027-03-05)."""
    parts = [int(x) for x in re.findall(r"\d+", str(text or ""))]
    if len(parts) != 3:
        return None
    day, month, year = (parts[2], parts[1], parts[0]) if parts[0] > 31 else parts
    return dt.date(year, month, day)


def _spoken_dates(doc) -> set[dt.date]:
    """The dates a text read aloud (TTTT) says in words ("ngày mồng năm tháng ba năm hai nghìn
    không trăm hai mươi bảy"), of the years the corpus holds."""
    if doc.kind != "TTTT":
        return set()
    from doithoai.text import spoken
    first = dt.date(2025, 1, 1)
    days = (first + dt.timedelta(days=n) for n in range(365 * 8))
    return {d for d in days if spoken.date(d, with_weekday=False) in doc.text}


def provisional_named_are_printed(run: Run) -> list[str]:
    """The notice that issued documents state deadlines on a calendar not yet official names
    only kinds that print one: a date of a year not yet official that is no fact of the
    registry (the meeting, the plan's issue, an opinion's receipt). It named the minutes (BB)
    and the letter to superiors (CVKN), which print none."""
    from doithoai.rules.workcalendar import LAST_CONFIRMED_YEAR
    facts = {run.case.meeting, _typed_date(run.case.plan.get("issue_date"))}
    facts |= {_typed_date(o.get("received_date")) for o in run.case.opinions}
    out = []
    for notice in run.notices:
        for found in _PROVISIONAL_ISSUED.finditer(notice):
            for kind in found.group(1).split(", "):
                # a date after "chậm nhất" is a deadline even on the day of a fact (a form's
                # day may fall on the day the plan was issued)
                # a deadline counted back from a meeting of a year not yet official crosses its
                # days off even when it lands in the year before ("chậm nhất ngày 31/12/2026"
                # for a conference on 24/01/2027)
                counted_back = run.case.meeting.year > LAST_CONFIRMED_YEAR
                stated = {d for doc in run.docs if doc.kind == kind
                          for d in {*reading.dates_in(doc.text), *_spoken_dates(doc)}
                          if (d.year > LAST_CONFIRMED_YEAR and d not in facts) or (
                              (d.year > LAST_CONFIRMED_YEAR or counted_back) and re.search(
                                  rf"chậm nhất (?:ngày )?{d:%d/%m/%Y}", doc.text))}
                # the bulletin says its deadline in words, whatever its year
                stated |= {kind for doc in run.docs if doc.kind == kind == "TTTT"
                           and re.search(r"chậm nhất (?:thứ \w+, )?ngày ", doc.text)}
                if not stated:
                    out.append(f"{kind} được nêu là có thời hạn theo lịch chưa công bố nhưng "
                               "không in thời hạn nào")
    return out


def _waiting(o: dict) -> bool:
    return not (o.get("answered_at_meeting") == "Có" or o.get("reply_number") or
                o.get("reply_date") or o.get("resolved_date"))


def _first(o: dict, by_id: dict) -> dict | None:
    seen = set()
    while o is not None and o.get("duplicate_of"):
        if o["opinion_id"] in seen:
            return None
        seen.add(o["opinion_id"])
        o = by_id.get(o["duplicate_of"])
    return o


def _named_repeats(run: Run) -> dict[str, list[dict]]:
    """Each opinion whose citizen gave no name (by the truth) → the waiting repeats joining it
    whose citizens did: the ones a reply is addressed to instead."""
    meant = run.case.truth.meant_person
    by_id = {o["opinion_id"]: o for o in run.case.opinions}
    out: dict[str, list[dict]] = {oid: [] for oid, who in meant.items() if who is None}
    for o in run.case.opinions:
        first = _first(o, by_id) if o.get("duplicate_of") else None
        if first is not None and first["opinion_id"] in out and meant.get(o["opinion_id"]) \
                and _waiting(o):
            out[first["opinion_id"]].append(o)
    return out


def unnamed_owed_no_reply(run: Run) -> list[str]:
    """An opinion whose citizen gave no name ("Ẩn danh") is owed no written reply, unless a
    waiting repeat by a citizen who gave one joined it: then the reply goes to that citizen.
    So once the conference is held (or for one raised there) the Hạn cell of an opinion with no
    one to write to says so, with no reply period or date; any other row never says so; and
    every reply letter (CVTL) is addressed to a name, the named repeat's when the opinion's
    citizen gave none."""
    out = []
    meeting = run.case.meeting
    repeats = _named_repeats(run)
    nobody = {oid for oid, named in repeats.items() if not named}
    for doc in run.docs:
        if doc.kind in REMINDERS:
            continue
        for table in doc.tables:
            col = table.column(*DEADLINE_HEADS)
            for row in table.body() if col is not None else ():
                opinion = _opinion_of(run, " ".join(row))
                if opinion is None or col >= len(row):
                    continue
                said = "không gửi văn bản trả lời" in row[col].lower()
                received = _typed_date(opinion.get("received_date"))
                held = run.today >= meeting or (received is not None and received >= meeting)
                if row[col] in ("Đã trả lời tại hội nghị", "Kiến nghị cấp trên"):
                    continue                    # no deadline for anyone: nothing to owe
                if opinion["opinion_id"] in nobody and held and (not said or "kể từ" in row[col]):
                    out.append(f"{doc.path}: ý kiến không có ai để trả lời, ô Hạn {row[col]!r}")
                elif said and opinion["opinion_id"] not in nobody:
                    out.append(f"{doc.path}: ý kiến có người nhận trả lời, ô Hạn {row[col]!r}")
    letters = [doc for doc in run.docs if doc.kind == "CVTL" and not doc.merged]
    for doc in letters:
        to = next((line for line in doc.lines() if line.startswith("Kính gửi")), "")
        if any(word in to.lower() for word in ("ẩn danh", "giấu tên", "không ghi tên")):
            out.append(f"{doc.path}: {to!r}")
    if run.label == "issued":
        for oid, named in repeats.items():
            first = next(o for o in run.case.opinions if o["opinion_id"] == oid)
            if named and first.get("answer") and _waiting(first) and \
                    oid not in run.superior_ids and not any(
                        doc.path.split("/")[-1].startswith(f"CVTL_{oid}_") for doc in letters):
                out.append(f"{oid}: không ghi tên, {named[0]['raised_by']} nêu trùng, "
                           "không có văn bản trả lời")
    return out


DUTY = "bằng văn bản cho người nêu ý kiến trong thời hạn"
RESOLVE_ONLY = "giải quyết các ý kiến mà người nêu không ghi tên"


def unnamed_no_reply_duty(run: Run) -> list[str]:
    """The conclusion notice (TBKL) tells each agency what it owes: one whose opinions all
    name no one to write to (citizens who gave no name, no named repeat) is never told to
    answer "bằng văn bản cho người nêu ý kiến", one with someone to write to is never told
    it only resolves, and one with any opinion that names no one is told to resolve it (a
    re-trial: Công an phường's unnamed opinions were left to no one). Judged from the truth, by the plan's raised opinions (repeats joined to
    theirs), neither answered at the meeting nor sent up."""
    if run.label != "issued":
        return []
    nobody = {oid for oid, named in _named_repeats(run).items() if not named}
    out = []
    for doc in run.docs:
        if doc.kind != "TBKL" or doc.merged:
            continue
        plan = os.path.basename(os.path.dirname(doc.path))
        ops = [o for o in run.case.opinions if o["plan_id"] == plan and o.get("agency")
               and not o.get("duplicate_of") and o.get("answered_at_meeting") != "Có"
               and o["opinion_id"] not in run.superior_ids]
        text = " ".join(doc.lines())
        duty = next((p.split(DUTY)[0] for p in doc.lines() if DUTY in p), "").lower()
        only = next((p.split(RESOLVE_ONLY)[0].rsplit(". ", 1)[-1] for p in doc.lines()
                     if RESOLVE_ONLY in p), "").lower()           # its own sentence
        def typed(o):                             # in any case, with stray spaces
            return " ".join(o["agency"].lower().split())
        for agency in sorted({typed(o) for o in ops}):
            if agency not in text.lower():
                continue                          # printed in other words: not judged here
            mine = [o["opinion_id"] in nobody for o in ops if typed(o) == agency]
            if all(mine) and agency in duty:
                out.append(f"{doc.path}: {agency} được giao trả lời bằng văn bản nhưng mọi ý "
                           "kiến của cơ quan này đều không ghi tên người nêu")
            if not all(mine) and agency in only and agency not in duty:
                out.append(f"{doc.path}: {agency} chỉ được giao giải quyết dù có người để trả "
                           "lời")
            if any(mine) and agency not in only:
                out.append(f"{doc.path}: {agency} có ý kiến không ghi tên người nêu nhưng "
                           "không được giao giải quyết")
    return out


# A village's kind as its name says it (this module's own reading, apart from vnformat's).
_KIND_OF_NAME = re.compile(r"(?i)^(tổ dân phố|tdp|khu phố|khu vực|thôn|xóm|khối|khu|ấp|bản)\b")
_KIND_SPELT = {"tdp": "tổ dân phố"}


def conclusion_reaches_the_villages(run: Run) -> list[str]:
    """The conclusion notice (TBKL) is what is posted and read out (the publication step,
    "niêm yết, truyền thanh, gửi trưởng thôn"): its Nơi nhận sends it to the heads of the plan's
    villages, called as the plan calls them ("Trưởng khu" for "Khu 1"), for posting."""
    if run.label != "issued":
        return []
    kinds = set()
    for village in run.case.truth.villages:
        found = _KIND_OF_NAME.match(village)
        if found:
            kinds.add(_KIND_SPELT.get(found.group(1).lower(), found.group(1).lower()))
    out = []
    for doc in run.docs:
        if doc.kind != "TBKL" or doc.merged:
            continue
        posted = next((line for line in doc.lines() if line.startswith("- ")
                       and "để niêm yết" in line), None)
        if posted is None:
            out.append(f"{doc.path}: Nơi nhận không gửi trưởng thôn để niêm yết")
            continue
        missing = [k for k in sorted(kinds) if k not in posted.lower()]
        if missing:
            out.append(f"{doc.path}: {posted!r} thiếu {', '.join(missing)}")
    return out


TO_CITIZENS = {"TBCD", "CVTL"}         # addressed or copied to citizens


def no_code_told_to_citizens(run: Run) -> list[str]:
    """What goes to citizens (their notice, TBCD; a reply, CVTL, and its copies to those who
    raised the same) tells of opinions by their words: the office's codes (YK-…) mean nothing
    to them (a notice named the opinion a repeat joined by its code, a reply's Nơi nhận each
    copied citizen's)."""
    codes = {o["opinion_id"] for o in run.case.opinions}
    return [f"{doc.path}: {code}" for doc in run.docs if doc.kind in TO_CITIZENS
            for code in sorted(codes) if code in doc.text]


_HEADER_NAME = re.compile(r"(?<!\w)(XÃ|PHƯỜNG|ĐẶC KHU|TỈNH|THÀNH PHỐ) (\S.*)$")


def header_names_kept_together(run: Run) -> list[str]:
    """The header's names ("ĐẢNG ỦY PHƯỜNG LẠC THỊNH", "PHƯỜNG TỨ MINH") never break inside the
    proper name in a narrow column: its words are joined by non-breaking spaces (a trial saw
    "ĐẢNG ỦY PHƯỜNG LẠC / THỊNH")."""
    out = []
    for doc in run.docs:
        head = doc.tables[0].rows[0][0] if doc.tables and doc.tables[0].rows else ""
        for line in head.split("\n"):
            m = _HEADER_NAME.search(line)
            if m and " " in m.group(2):
                out.append(f"{doc.path}: {line!r}")
    return out


# 2. Figures --------------------------------------------------------------------------------

NUM = r"[:\s]*(\d+)"


def _attendance(run: Run) -> dict[str, int]:
    people = run.invited()
    att = [i.get("attendance") for i in people]
    return {"invited": len(people), "present": att.count("Có") + att.count("Ủy quyền"),
            "absent": att.count("Vắng"), "delegated": att.count("Ủy quyền"),
            "unknown": sum(1 for a in att if a not in ("Có", "Vắng", "Ủy quyền"))}


def _siblings(sentence: str) -> list[int]:
    """The figures of an attendance sentence that stand side by side (not "trong đó …")."""
    parts = re.split(r"[;.]", sentence)
    out = []
    for part in parts:
        part = re.sub(r"\(.*?\)", "", part)
        part = part.split("trong đó")[0]
        for m in re.finditer(r"(có mặt|vắng|ủy quyền|chưa ghi|chưa rõ)\D{0,12}?(\d+)", part,
                             re.IGNORECASE):
            out.append(int(m.group(2)))
    return out


def attendance_adds_up(run: Run) -> list[str]:
    out = []
    truth = _attendance(run)
    for doc in run.docs:
        if doc.kind not in ("BB", "BCKQ"):
            continue
        for p in doc.paragraphs:
            m = re.search(r"được mời" + NUM, p)
            if not m:
                continue
            sentence = p[m.start():]
            invited = int(m.group(1))
            if invited != truth["invited"]:
                out.append(f"{doc.path}: được mời {invited}, sổ có {truth['invited']}")
            present = re.search(r"có mặt" + NUM, sentence)
            if present and int(present.group(1)) != truth["present"]:
                out.append(f"{doc.path}: có mặt {present.group(1)}, sổ có {truth['present']}")
            absent = re.search(r"vắng" + NUM, sentence)
            if absent and int(absent.group(1)) != truth["absent"]:
                out.append(f"{doc.path}: vắng {absent.group(1)}, sổ có {truth['absent']}")
            parts = _siblings(sentence)
            whole = absent is not None and not truth["unknown"]
            if sum(parts) > invited or (whole and sum(parts) != invited):
                out.append(f"{doc.path}: {' + '.join(map(str, parts))} không bằng {invited} "
                           f"được mời: {sentence[:160]!r}")
    return out


def _number_after(text: str, pattern: str) -> int | None:
    m = re.search(pattern + NUM, text)
    return int(m.group(1)) if m else None


def opinion_counts(run: Run) -> list[str]:
    """Every total of opinions equals the registry's count and its parts add up to it."""
    out = []
    raised = len(run.raised)
    up = sum(1 for o in run.raised if o["opinion_id"] in run.superior_ids)
    for doc in run.docs:
        text = "\n".join(doc.paragraphs)
        if doc.kind == "BB":
            n = _number_after(text, r"Nhân dân nêu")
            if n is not None and n != raised:
                out.append(f"{doc.path}: nêu {n} ý kiến, sổ có {raised}")
        if doc.kind == "BCKQ":
            total = _number_after(text, r"Tổng số ý kiến, kiến nghị")
            if total is not None and total != raised:
                out.append(f"{doc.path}: tổng số {total}, sổ có {raised}")
            m = re.search(r"trả lời tại hội nghị (\d+); đã trả lời bằng văn bản (\d+); đang giải "
                          r"quyết (\d+) \(quá hạn (\d+)\); kiến nghị cấp trên (\d+)", text)
            if m:
                a, b, c, d, e = map(int, m.groups())
                if a + b + c + e != raised or d > c:
                    out.append(f"{doc.path}: {a}+{b}+{c}+{e} (quá hạn {d}) ≠ {raised}")
                if e != up:
                    out.append(f"{doc.path}: kiến nghị cấp trên {e}, sổ có {up}")
                late = re.search(r"Đã giải quyết xong (\d+); quá hạn mà chưa trả lời (\d+); "
                                 r"quá hạn mà chưa giải quyết xong \(đã trả lời, hoặc không "
                                 r"phải trả lời\) (\d+)\.", text)
                x, r, g = map(int, late.groups()) if late else (0, 0, 0)
                # the overdue still owed a reply are of those in progress, the others of the
                # in-progress overdue owe their resolution (no reply due), as may replied ones
                if r > d or d - r > g or g > b + c or x > raised:
                    out.append(f"{doc.path}: quá hạn {d}, chưa trả lời {r}, chưa giải quyết "
                               f"{g}, đã giải quyết {x} (văn bản {b}, đang giải quyết {c})")
                out += _assessment_agrees(doc.path, text, a, c, (r, g), e)
            sources = [int(x) for x in re.findall(r"^- [^:\n]+: (\d+) ý kiến[;.]?$", text, re.M)]
            if sources and sum(sources) != raised:
                out.append(f"{doc.path}: theo nguồn {sum(sources)} ≠ {raised}")
            for table in doc.tables:
                col = table.column("Số ý kiến")
                if col is not None:
                    s = sum(int(r[col]) for r in table.body() if r[col].isdigit())
                    if s != raised:
                        out.append(f"{doc.path}: theo lĩnh vực {s} ≠ {raised}")
        if doc.kind == "CVKN":
            n = _number_after(text, r"Có")
            rows = sum(len(t.body()) for t in doc.tables if t.column("STT") is not None)
            if n is not None and (n != rows or n != up):
                out.append(f"{doc.path}: có {n} kiến nghị cấp trên, bảng {rows}, sổ {up}")
            # it lists what was not answered at the meeting: nothing there was explained
            if "đã giải thích tại hội nghị" in text + str([t.body() for t in doc.tables]):
                out.append(f"{doc.path}: \"đã giải thích tại hội nghị\" cho ý kiến không "
                           "được trả lời tại hội nghị")
        if doc.kind == "BCTH":
            heads = [int(x) for x in re.findall(r"\((\d+) ý kiến\)", text)]
            rows = [len(t.body()) for t in doc.tables if t.column("STT") is not None]
            if heads and heads != rows[:len(heads)]:
                out.append(f"{doc.path}: số ý kiến theo lĩnh vực {heads}, bảng {rows}")
    return out


def _assessment_agrees(path: str, text: str, at_meeting: int, pending: int,
                       overdue: tuple[int, int], upward: int) -> list[str]:
    """The report's closing assessment says what its figures say: answers at the meeting as
    many as counted, matters sent up only when some were, the overdue replies and resolutions
    as counted (``overdue``), "đúng hạn" only while some are pending and none overdue (it said
    "trả lời cụ thể" and "vượt thẩm quyền" whatever the figures; then it called an opinion
    owed no reply "chưa được trả lời")."""
    said = text[text.rfind("III. ĐÁNH GIÁ"):]
    reply, resolve = overdue
    claims = {f"{at_meeting} ý kiến được trả lời ngay tại hội nghị": at_meeting > 0,
              "trả lời ngay tại hội nghị": at_meeting > 0,
              "vượt thẩm quyền": upward > 0,
              f"còn {reply} ý kiến chưa được trả lời dù đã quá hạn": reply > 0,
              "chưa được trả lời dù": reply > 0,
              f"{resolve} ý kiến chưa giải quyết xong dù đã quá hạn": resolve > 0,
              "tiếp tục được đôn đốc, trả lời đúng hạn": pending > 0 and not reply + resolve}
    return [f"{path}: đánh giá {'thiếu' if due else 'có'} \"{words}\" (tại hội nghị "
            f"{at_meeting}, đang giải quyết {pending}, quá hạn {reply}+{resolve}, cấp trên "
            f"{upward})"
            for words, due in claims.items() if (words in said) != due]


def _typed_day(text) -> dt.date | None:
    """A date as the generator types it (corpus.registries._fmt), or None."""
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(str(text), fmt).date()
        except ValueError:
            continue
    return None


def monitoring_figures(run: Run) -> list[str]:
    """The monitoring workbook's totals equal the registry's, and every table of Tổng hợp
    (by field, stage, village, source, satisfaction, conference) adds up to them: the registry
    as it stood on the report's day (an opinion received after it is not counted yet)."""
    if run.monitoring is None:
        return []
    out = []
    held = [o for o in run.case.opinions
            if not ((_typed_day(o.get("received_date")) or run.today) > run.today)]
    raised = sum(1 for o in held if not o.get("duplicate_of"))
    intro, summary = run.monitoring["Giới thiệu"], run.monitoring["Tổng hợp"]
    text = "\n".join(str(r[0]) for r in intro if r and r[0])
    n = _number_after(text, r"Ý kiến, kiến nghị đã nêu")
    if n != raised:
        out.append(f"theo dõi: đã nêu {n}, sổ có {raised}")
    dup = _number_after(text, r"Ý kiến trùng \(đã gộp vào ý kiến gốc\)")
    repeats = len(held) - raised
    if dup is not None and dup != repeats:
        out.append(f"theo dõi: {dup} ý kiến trùng, sổ có {repeats}")
    title, total = None, 0
    for row in summary + [("9. kết thúc",)]:
        first = row[0] if row else None
        if isinstance(first, str) and re.match(r"^\d+\. ", first):
            if title and not title.startswith("3.") and total != raised:
                out.append(f"theo dõi, bảng {title!r}: cộng {total}, sổ có {raised}")
            title, total = first, 0
        elif len(row) > 1 and isinstance(row[1], int):
            total += row[1]
    return out


# 3. Names ------------------------------------------------------------------------------------

def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def listed_spelling(run: Run) -> list[str]:
    """Every village and agency printed is spelled as the plan or the list spells it: what the
    clerk typed in another case, without accents or with stray spaces is never printed."""
    out = []
    for variant, proper in run.case.truth.variants.items():
        if " ".join(variant.split()) == proper:
            continue
        if variant[1:] == proper[1:] and variant[:1].lower() == proper[:1].lower():
            continue     # "thôn 3" for "Thôn 3": a kind word is lower case inside a sentence
        pattern = re.compile(r"(?<!\w)" + re.escape(variant) + r"(?!\w)")
        for doc in run.docs:
            if pattern.search(doc.text):
                out.append(f"{doc.path}: in {variant!r} thay vì {proper!r}")
    agencies = {_fold(a): a for a in run.case.truth.meant_agency.values() if a}
    for doc in run.docs:
        for table in doc.tables:
            col = table.column("Cơ quan")
            if col is None:
                continue
            for row in table.body():
                cell = row[col] if col < len(row) else ""
                proper = agencies.get(_fold(cell))
                if proper is not None and cell != proper:
                    out.append(f"{doc.path}: cơ quan {cell!r} thay vì {proper!r}")
    return out


# The shipped agencies named by the unit's kind word ("Công an xã"), as a pattern over any
# unit's word: each stem followed by "xã".
_XA_AGENCIES = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(a[:-len(" xã")]) for a in schema.LOOKUPS_BY_KEY["agencies"].values
    if a.endswith(" xã")) + r")[ \u00a0]+xã(?!\w)")


def agencies_in_unit_word(run: Run) -> list[str]:
    """A phường's or a đặc khu's documents name no agency of the default list in a xã's word:
    "Công an phường", never "Công an xã" (the lists of `init --unit-type`)."""
    if run.case.settings["unit_type"] == "xã":
        return []
    return [f"{doc.path}: {m.group()!r} ở {run.case.settings['unit_type']}"
            for doc in run.docs for m in _XA_AGENCIES.finditer(doc.text)]


# An office asked to act (the whole subject of a paragraph, or whom "giao"/"đề nghị" name) and,
# in the same clause, to copy or send its work to itself.
_TO_ITSELF = re.compile(r"(?:^|(?<=giao )|(?<=nghị ))(?P<office>Văn phòng [^,.;]+?) (?:xem xét|"
                        r"nghiên cứu|khẩn trương|trả lời)[^.;]*?(?:đồng gửi|gửi dự thảo về) "
                        r"(?P=office)(?!\w)")


# The office named among those who answer, then asked, in the same clause, to be copied.
_AMONG = re.compile(r"(?P<office>Văn phòng (?:HĐND và UBND|Đảng ủy))(?!\w)[^;.]*? trả lời"
                    r"[^;.]*?(?:đồng gửi|gửi dự thảo về) (?P=office)(?!\w)")


def no_copy_to_itself(run: Run) -> list[str]:
    """A letter that gives the office itself opinions to answer (CVPC, CVDD) or a conclusion
    that leaves them to it alone (TBKL) never asks it to copy its reply "to the office"; nor
    does a conclusion that names it among the agencies who answer."""
    return [f"{doc.path}: {m.group()[:120]!r}" for doc in run.docs for line in doc.lines()
            for pattern in (_TO_ITSELF, _AMONG)
            for m in pattern.finditer(" ".join(line.split()))]


def addressed_in_full(run: Run) -> list[str]:
    """A letter's "Kính gửi" line never ends with the unit's kind word alone ("Kính gửi: Công an
    phường."): the unit is named ("Công an phường Hòa Bình"), as its own name heads the letter."""
    kind = run.case.settings["unit_type"]
    bare = re.compile(rf"^Kính gửi:.*[ \u00a0]{re.escape(kind)}\.?$", re.I)
    return [f"{doc.path}: {line!r}" for doc in run.docs for line in doc.lines()
            if bare.match(" ".join(line.split()))]


# A citizen's words as the generator writes them ("Đề nghị … (ý kiến thứ 3)"): quoted as
# written, their capitals included.
_CITIZENS_WORDS = re.compile(r"Đề nghị .*?\(ý kiến thứ \d+\)")


def place_kind_lower_in_sentence(run: Run) -> list[str]:
    """A village named inside a sentence has its kind word in lower case, as Decree 30 writes
    it ("với Nhân dân thôn Đông", "Hội trường thôn Đông"); at the start of a line or a cell it
    keeps its capital, and a citizen's own words are quoted as written."""
    out = []
    for village in run.case.truth.villages:
        words = village.split()
        if len(words) < 2 or not words[0][:1].isupper():
            continue
        spelled = r"[ \u00a0]+".join(map(re.escape, words))     # spaces may be non-breaking
        inside = re.compile(rf"(?<=\w)[ \u00a0,(]+{spelled}(?!\w)")
        for doc in run.docs:
            for line in doc.lines():
                for m in inside.finditer(_CITIZENS_WORDS.sub("", line)):
                    out.append(f"{doc.path}: {m.group().strip()!r} viết hoa giữa câu "
                               f"trong {line[:80]!r}")
    return out


def list_ends(run: Run) -> list[str]:
    """A list of "- " items that end with semicolons ends with a full stop on its last item
    ("- Đại diện Nhân dân: 24 đại biểu."), as the sentence it belongs to."""
    out = []
    for doc in run.docs:
        items: list[str] = []
        for line in doc.paragraphs + [""]:
            line = line.strip()
            if line.startswith("- "):
                items.append(line)
                continue
            if len(items) > 1 and items[0].endswith(";") and items[-1].endswith(";"):
                out.append(f"{doc.path}: danh sách kết thúc bằng dấu chấm phẩy: {items[-1]!r}")
            items = []
    return out


def contact_with_title(run: Run) -> list[str]:
    """The office's contact person is named in running text as the commune names its own
    staff: "liên hệ trực tiếp đồng chí Lê Thị Mai", never the bare name (the notice, the form,
    the text read aloud)."""
    officer = run.case.settings.get("contact_officer")
    if not officer:
        return []
    bare = re.compile(rf"(?<!đồng chí )(?<!\n){re.escape(officer)}")
    return [f"{doc.path}: {line[:100]!r}" for doc in run.docs if doc.kind in ("TB", "PDK", "TTTT")
            for line in doc.paragraphs if bare.search(line)]


def village_words_of_the_plan(run: Run) -> list[str]:
    """A plan whose villages all say their kind ("Thôn Đông", "Tổ dân phố 3", "Khu 2") is
    never spoken of in the general "thôn, tổ dân phố": not in its rules' texts, not in the
    shipped group "Cán bộ thôn, tổ dân phố" of its delegates."""
    kinds = {vnformat.village_kind(v) for v in run.case.truth.villages}
    if "" in kinds or len(kinds) != 1:
        return []
    return [f"{doc.path}: {line[:100]!r}" for doc in run.docs for line in doc.lines()
            if re.search(r"(?i)\bthôn, tổ dân phố\b", line)]


def _body(item: str) -> str:
    return " ".join(re.sub(r"\s*\([^()]*\)\s*$", "", item.strip(" -;.")).lower().split())


def recipients_once(run: Run) -> list[str]:
    """Nơi nhận names each body once, and not the body the letter is addressed to (that is
    "Như trên"): the Front among the agencies and again "để giám sát" was listed twice. The
    office a party document's last line files it in ("Lưu Văn phòng Đảng ủy") counts as
    named there: a party notice listed "Văn phòng Đảng ủy;" above it."""
    out = []
    for doc in run.docs:
        lines = doc.lines()
        start = next((n for n, line in enumerate(lines) if line.startswith("Nơi nhận:")), None)
        items = []
        for line in lines[start + 1:] if start is not None else []:
            if not line.startswith("- "):
                break
            filed = re.match(r"- Lưu (?!:)(.+?)[.,]", line)
            items.append(_body(filed.group(1)) if filed else _body(line))
        to = next((line[len("Kính gửi: "):] for line in lines if line.startswith("Kính gửi: ")
                   and doc.kind in ("CVPC", "CVDD")), None)
        twice = sorted({i for i in items if items.count(i) > 1})
        if twice or (to and _body(to) in items):
            out.append(f"{doc.path}: {twice or to!r}")
    return out


_NUMBERED_ITEM = re.compile(r"^\d+\. [^:]{2,40}: \S")


def items_end(run: Run) -> list[str]:
    """A numbered item of a plan or a notice ("1. Nội dung: …"), and the bulletin's "Nội dung
    hội nghị: …" read aloud, end as a sentence ends, or with ":" before the list they
    introduce, however the typed text ended."""
    return [f"{doc.path}: {line[-60:]!r}" for doc in run.docs if doc.kind in ("KH", "TB", "TTTT")
            for line in doc.paragraphs if (_NUMBERED_ITEM.match(line)
                                           or line.startswith("Nội dung hội nghị: "))
            and line.rstrip()[-1:] not in (".", "?", "!", "…", ":", ";")]


def no_stray_spaces(run: Run) -> list[str]:
    out = []
    for doc in run.docs:
        if doc.kind == "TTTT":
            continue
        for p in doc.paragraphs + [c for t in doc.tables for r in t.rows for c in r]:
            for line in p.split("\n"):
                if re.search(r"\S  +\S", line.strip()) and "ngày" not in line and "☐" not in line \
                        and "Số:" not in line and "Số " not in line[:4]:
                    out.append(f"{doc.path}: dấu cách thừa trong {line.strip()[:80]!r}")
    return out


# 4. Personal data -------------------------------------------------------------------------------

def _digits(text: str) -> str:
    return re.sub(r"(?<=\d)[ .\-](?=\d)", "", text)


def no_identifiers_posted(run: Run) -> list[str]:
    out = []
    for doc in run.docs:
        if doc.kind not in POSTED:
            continue
        text = doc.text
        joined = _digits(text)
        for ident in run.case.truth.identifiers:
            if ident in text or (ident[0].isdigit() and _digits(ident) in joined):
                out.append(f"{doc.path}: in {ident!r} người dân ghi trong nội dung")
    return out


def no_identifier_from_an_address(run: Run) -> list[str]:
    """A number or e-mail typed into an Địa chỉ cell is printed by no document, not even the
    letters that keep a house number (CVPC, CVTL, TBCD): it is taken out with its word."""
    out = []
    for doc in run.docs:
        joined = _digits(doc.text)
        for ident in run.case.truth.in_addresses:
            if ident in doc.text or (ident[0].isdigit() and _digits(ident) in joined):
                out.append(f"{doc.path}: in {ident!r} ghi trong Địa chỉ")
    return out


def no_house_number_outside_the_assignment(run: Run) -> list[str]:
    """A house number opening an Địa chỉ or a part of it ("347 Hai Bà Trưng, Thôn Đông") is
    printed only by the letter to the agency that acts on the opinion (CVPC): the minutes, the
    summary, the notices, the replies and every other document name the street and the village."""
    out = []
    for doc in run.docs:
        if doc.kind == "CVPC":
            continue
        text = " ".join(doc.text.split())
        out += [f"{doc.path}: in số nhà {house!r}" for house in run.case.truth.houses
                if house in text]
    return out


# 5. Files ------------------------------------------------------------------------------------

def unique_file_names(run: Run) -> list[str]:
    seen: dict[tuple[str, str], str] = {}
    out = []
    for rel in run.names:
        folder, _, name = rel.rpartition("/")
        key = (folder.casefold(), name.casefold())
        if key in seen and seen[key] != rel:
            out.append(f"{rel} và {seen[key]} chỉ khác chữ hoa, chữ thường")
        seen.setdefault(key, rel)
    return out


# 6. Word's own rules for the file -----------------------------------------------------------------

# Documents judged: the validator takes about 0.2 s a file, so the suite judges one document of
# the presses of every fourth registry, chosen by the seed (a hundred documents over the default
# corpus: every kind is met); the bench judges those of every registry (python
# bench/corpus_bench.py --schema-docs N; 0: every document).
SCHEMA_SAMPLE = int(os.environ.get("DOITHOAI_CORPUS_SCHEMA", "1"))
SCHEMA_EVERY = int(os.environ.get("DOITHOAI_CORPUS_SCHEMA_EVERY", "4"))


@functools.lru_cache(maxsize=1)
def _validator():
    from openxml_audit import OpenXmlValidator
    return OpenXmlValidator(max_errors=0)


def schema_order(run: Run) -> list[str]:
    """Every part of a generated .docx is valid WordprocessingML (each child of a properties
    element where the schema puts it), as an independent validator (openxml-audit) reads it."""
    if run.case.seed % SCHEMA_EVERY:
        return []
    docs = [d for d in run.docs if d.path.endswith(".docx")]
    if SCHEMA_SAMPLE and len(docs) > SCHEMA_SAMPLE:
        rng = random.Random(f"{run.case.seed}-{run.label}")
        docs = rng.sample(docs, SCHEMA_SAMPLE)
    out = []
    for doc in docs:
        found = _validator().validate(os.path.join(run.folder, doc.path)).errors
        out += [f"{doc.path}: {e}" for e in found[:3]]
    return out


PROPERTIES = {
    "date-line-year": date_line_years,
    "weekday": weekdays_match,
    "deadline": deadlines_sane,
    "attendance": attendance_adds_up,
    "opinion-count": opinion_counts,
    "monitoring-figures": monitoring_figures,
    "listed-spelling": listed_spelling,
    "place-kind-lower": place_kind_lower_in_sentence,
    "list-ends": list_ends,
    "items-end": items_end,
    "contact-with-title": contact_with_title,
    "village-words": village_words_of_the_plan,
    "recipients-once": recipients_once,
    "stray-spaces": no_stray_spaces,
    "identifier-posted": no_identifiers_posted,
    "identifier-in-address": no_identifier_from_an_address,
    "house-in-address": no_house_number_outside_the_assignment,
    "unique-file-name": unique_file_names,
    "schema-order": schema_order,
    "agency-unit-word": agencies_in_unit_word,
    "copy-to-itself": no_copy_to_itself,
    "addressed-in-full": addressed_in_full,
    "provisional-named": provisional_named_are_printed,
    "unnamed-no-reply": unnamed_owed_no_reply,
    "unnamed-no-reply-duty": unnamed_no_reply_duty,
    "conclusion-posted": conclusion_reaches_the_villages,
    "no-code-to-citizen": no_code_told_to_citizens,
    "header-name-together": header_names_kept_together,
}


def check(run: Run) -> dict[str, list[str]]:
    return {name: prop(run) for name, prop in PROPERTIES.items()}
