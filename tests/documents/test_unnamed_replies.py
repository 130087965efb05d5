"""An opinion whose citizen gave no name ("Ẩn danh") can be answered in writing to no one,
unless citizens who did give a name raised the same (Trùng với): they were told (TBCD) that
the answer would reach them, so each of them gets a reply letter of their own (the first under
the opinion's code), by the deadline the rules give. With no such repeat there is no letter, and the lists
say "không gửi văn bản trả lời" where a deadline would stand; where a deadline stands, the
citizen it is owed to is named beside "Ẩn danh". Generated registries (the corpus'
generator), read from the documents as issued after the conference."""
import datetime as dt
import random

import pytest

from corpus import reading
from corpus.registries import make_case
from corpus.run import registry_of
from doithoai.documents import generate
from doithoai.registry import repeats, spelling

UNNAMED = ("Ẩn danh", "Giấu tên", "(không ghi tên)", "an danh")


def _case(seed: int, named: int):
    """A generated case whose first opinion handled by the commune (or, when every one was
    sent up, its first opinion, given to the office) is made anonymous and answered, with
    ``named`` waiting repeats by named citizens and one by an unnamed one."""
    rng = random.Random(seed)
    case = make_case(seed)
    first = next((o for o in case.opinions if o.get("competence") != "Cấp trên"
                  and o.get("agency") and not o.get("duplicate_of")), None)
    if first is None:                       # every one sent up: the first made the commune's
        first = next(o for o in case.opinions if not o.get("duplicate_of"))
        first.update(competence="Xã", agency="Văn phòng HĐND và UBND")
    first.update(raised_by=rng.choice(UNNAMED), answered_at_meeting="Không",
                 answer="Xã đã bố trí kinh phí sửa chữa trong quý tới.", reply_number=None,
                 reply_date=None, resolved_date=None, satisfaction=None,
                 status="Đang giải quyết")
    joined = []
    for k in range(named + 1):
        copy = dict(first, opinion_id=f"{first['opinion_id']}-T{k}", duplicate_of=first[
            "opinion_id"], answer=None, status="Mới", agency=None, assigned_date=None,
            raised_by=f"{rng.choice(['Ông', 'Bà'])} Nguyễn Văn Trùng{'ABCDE'[k]}" if k < named
            else rng.choice(UNNAMED), content=f"Đề nghị như ý kiến {first['opinion_id']} (lần "
            f"{k + 1}).", address=rng.choice(case.truth.villages))     # a letter needs one
        case.opinions.append(copy)
        joined.append(copy)
    return case, first, [c for c in joined if not spelling.is_anonymous(c["raised_by"])]


def _issued(case, tmp_path):
    day = case.meeting + dt.timedelta(days=3)
    generate.generate(registry_of(case), str(tmp_path), codes=["TBKL", "CVTL", "TBCD"],
                      issue=True, today=day)
    return reading.read_folder(str(tmp_path))[0]


def _violations(docs, first, named) -> list[str]:
    """The letters and the conclusion notice against who can be written to."""
    out = []
    letters = [d for d in docs if d.kind == "CVTL" and not d.merged
               and d.path.split("/")[-1].startswith(f"CVTL_{first['opinion_id']}")]
    if len(letters) != len(named):
        out.append(f"{len(letters)} thư trả lời cho {first['opinion_id']}, {len(named)} người "
                   "nêu trùng có tên")
    written = []
    for doc in letters:
        text = doc.text
        to = next((line for line in doc.lines() if line.startswith("Kính gửi")), "")
        written += [c["raised_by"] for c in named if c["raised_by"] in to]
        if "ẩn danh" in text.lower() or "giấu tên" in text.lower():
            out.append(f"{doc.path}: ghi người không tên ở nơi nhận hay kính gửi")
        if first["answer"] not in text:
            out.append(f"{doc.path}: thiếu nội dung trả lời")
    if sorted(written) != sorted(c["raised_by"] for c in named):
        out.append(f"thư gửi {written}, người nêu trùng có tên "
                   f"{[c['raised_by'] for c in named]}")
    notice = next(d for d in docs if d.kind == "TBKL")
    row = next((r for t in notice.tables for r in t.rows if first["content"].split(" (")[0]
                in " ".join(r) and "ý kiến thứ" in " ".join(r)), None)
    said = row is not None and "không gửi văn bản trả lời" in row[-1]
    if row is None or said == bool(named):
        out.append(f"TBKL: {row!r}")
    elif named and f"{named[0]['raised_by'].split(maxsplit=1)[1]} nêu trùng" not in row[1]:
        out.append(f"TBKL: the reply's deadline with no one named for it: {row!r}")
    return out


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("named", [0, 1, 3])
def test_a_reply_for_an_unnamed_opinion_goes_to_those_who_raised_it_too(seed, named, tmp_path):
    case, first, joined = _case(seed, named)
    assert _violations(_issued(case, tmp_path), first, joined) == []


def test_the_check_fails_on_the_old_rule_of_no_reply_to_any_unnamed_opinion(monkeypatch,
                                                                               tmp_path):
    """Planted fault: every opinion whose citizen gave no name has no one to write to, named
    repeats or not (the rule before): no letter reaches the repeats' citizens."""
    monkeypatch.setattr(repeats, "unaddressed", lambda reg: {
        o.opinion_id for o in reg.opinions if spelling.is_anonymous(o.raised_by)})
    case, first, joined = _case(2, 2)
    assert any("thư trả lời" in v for v in _violations(_issued(case, tmp_path), first, joined))


def test_the_log_counts_every_citizen_the_replies_name_and_names_none(tmp_path):
    """Nhật ký's record of the replies counts every citizen written to (a trial read "nêu tên
    2 người" for letters naming three), and its Gửi cho says to whom without their names."""
    case, first, joined = _case(3, 3)
    res = generate.generate(registry_of(case), str(tmp_path), codes=["CVTL"], issue=True,
                            today=case.meeting + dt.timedelta(days=3))
    docs = reading.read_folder(str(tmp_path))[0]
    named = {r["raised_by"].split(maxsplit=1)[1] for r in case.opinions
             if r.get("raised_by") and not spelling.is_anonymous(r["raised_by"])
             and any(r["raised_by"].split(maxsplit=1)[1] in d.text for d in docs)}
    (reply,) = [r for r in res.releases() if r.what.startswith("Công văn trả lời")]
    assert reply.persons == len(named) >= 3
    assert not any(c["raised_by"].split(maxsplit=1)[1] in reply.recipient for c in joined)


def test_the_log_check_fails_when_only_the_first_is_written_to(tmp_path, monkeypatch):
    """Planted fault: one letter for the opinion, to the first who raised it (the others
    neither written to nor counted)."""
    from doithoai.documents.context.repeats import Repeats
    monkeypatch.setattr(Repeats, "raisers", lambda self, o: [self.written_to(o)])
    with pytest.raises(AssertionError):
        test_the_log_counts_every_citizen_the_replies_name_and_names_none(tmp_path)
