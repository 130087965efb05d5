"""Each property of the corpus fails on a build with a fault planted in it.

A property that holds on the corpus proves something only if it can fail: here each one is run
on a deliberately broken build (a function of the product replaced by a wrong one, or the
rendered document altered as a bug would alter it) and must report the fault within a few
generated registries.
"""
from __future__ import annotations

import re


from corpus import properties, run
from doithoai.documents import engine
from doithoai.registry import schema

SEEDS = range(40)


def first_violation(name: str, tmp_path) -> str | None:
    for seed in SEEDS:
        for r in run.runs_of(seed, str(tmp_path / str(seed))):
            found = properties.PROPERTIES[name](r)
            if found:
                return f"seed {seed}: {found[0]}"
    return None


def alter_rendered(monkeypatch, change) -> None:
    """A build whose rendering passes each document's XML through ``change``."""
    original = engine.render

    def render(compiled, ctx):
        return change(original(compiled, ctx))
    monkeypatch.setattr(engine, "render", render)


def test_planted_year(monkeypatch, tmp_path):
    """Date lines printed with another year (the old bug printed the computer's)."""
    alter_rendered(monkeypatch, lambda xml: re.sub(
        r"(tháng[^<]{0,12}năm )(\d{4})", lambda m: m.group(1) + str(int(m.group(2)) + 4), xml))
    assert first_violation("date-line-year", tmp_path)


def test_planted_weekday(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: xml.replace("thứ Sáu, ngày", "thứ Bảy, ngày")
                   .replace("thứ Hai, ngày", "thứ Ba, ngày").replace("thứ Tư, ngày", "thứ Năm, ngày"))
    assert first_violation("weekday", tmp_path)


def test_planted_early_deadline(monkeypatch, tmp_path):
    """The old bug: every opinion's reply deadline printed as the draft-reply milestone (a week
    before the meeting), also in documents written after it."""
    from doithoai.documents.context.replies import ReplyDeadlines
    from doithoai.documents.context.dates import dated
    honest = ReplyDeadlines.reply_due

    def milestone(self, o, *args, **kwargs):
        m = self.milestones.get("DU_THAO_TRA_LOI")
        if m is None or o.answered_at_meeting == "Có" or self.up(o):
            return honest(self, o, *args, **kwargs)
        return f"dự thảo trước {dated(m.due, m.provisional)}"
    monkeypatch.setattr(ReplyDeadlines, "reply_due", milestone)
    assert first_violation("deadline", tmp_path)


def test_planted_superior_deadline(monkeypatch, tmp_path):
    """A build that treats every superior as the commune's own unit gives them deadlines."""
    from doithoai.rules import agencies
    monkeypatch.setattr(agencies, "sent_up", lambda *a, **k: False)
    assert first_violation("deadline", tmp_path)


def test_planted_attendance(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: re.sub(
        r"(có mặt:? ?)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), xml))
    assert first_violation("attendance", tmp_path)


def test_planted_lost_opinion(monkeypatch, tmp_path):
    """Documents that leave one opinion out of their counts."""
    from doithoai.documents.context.common import BaseBuilder
    raised = BaseBuilder.raised
    monkeypatch.setattr(BaseBuilder, "raised", lambda self: raised(self)[:-1])
    assert first_violation("opinion-count", tmp_path)


def test_planted_explained_at_the_meeting(monkeypatch, tmp_path):
    """A recommendation upward that says a speech not answered at the meeting was explained
    there (the trial's CVKN)."""
    from doithoai.documents.context import replies
    done = replies.done_before_sending_up
    monkeypatch.setattr(replies, "done_before_sending_up",
                        lambda o, meeting, as_issued=False: done(o, meeting, True))
    assert first_violation("opinion-count", tmp_path)


def test_planted_monitoring(monkeypatch, tmp_path):
    """A monitoring workbook that loses the last opinion of the registry."""
    from doithoai.monitoring import chain
    build = chain.build
    monkeypatch.setattr(chain, "build", lambda *a, **k: build(*a, **k)[:-1])
    assert first_violation("monitoring-figures", tmp_path)


def test_planted_stray_spaces(monkeypatch, tmp_path):
    alter_rendered(monkeypatch, lambda xml: xml.replace("Ông ", "Ông  "))
    assert first_violation("stray-spaces", tmp_path)


def test_planted_listed_spelling(monkeypatch, tmp_path):
    """A reader that keeps every name as typed (no respelling): "phòng kinh tế" reaches the
    documents."""
    from doithoai.registry import spelling
    monkeypatch.setattr(spelling, "respell", lambda tables, lookups: None)
    assert first_violation("listed-spelling", tmp_path)


def test_planted_place_kind_lower(monkeypatch, tmp_path):
    """A build that prints the values as they are held: "với Nhân dân Thôn Đông"."""
    from doithoai.documents.context.fields import Context
    monkeypatch.setattr(Context, "printed", lambda self: self.values)
    assert first_violation("place-kind-lower", tmp_path)


def test_planted_list_ends(monkeypatch, tmp_path):
    """A build whose lists end every item with a semicolon, the last one too."""
    alter_rendered(monkeypatch, lambda xml: re.sub(r"(: \d+ (?:ý kiến|đại biểu))\.<", r"\1;<", xml))
    assert first_violation("list-ends", tmp_path)


def test_planted_file_names(monkeypatch, tmp_path):
    """Names kept as typed and file stems left as slugged: two letters to one office, in files
    whose names differ only in case."""
    from doithoai.documents import batches
    from doithoai.registry import spelling
    monkeypatch.setattr(spelling, "respell", lambda tables, lookups: None)
    monkeypatch.setattr(batches, "distinct_names", lambda todo: todo)
    assert first_violation("unique-file-name", tmp_path)


def test_planted_identifier(monkeypatch, tmp_path):
    """Citizens' words printed as typed, their phone and identity numbers with them."""
    from doithoai.documents.context.common import BaseBuilder
    monkeypatch.setattr(BaseBuilder, "said", lambda self, o, reader=None: o.content or "")
    assert first_violation("identifier-posted", tmp_path)


def test_planted_schema_order(monkeypatch, tmp_path):
    """A build that writes a paragraph's alignment before its spacing (the old line under the
    issuer) breaks the schema's order."""
    alter_rendered(monkeypatch, lambda xml: re.sub(
        r"<w:pPr>(<w:spacing [^>]*/>)(<w:jc [^>]*/>)", r"<w:pPr>\2\1", xml))
    assert first_violation("schema-order", tmp_path)


def test_planted_agencies_of_a_xa(monkeypatch, tmp_path):
    """`init --unit-type phường` shipping the xã's agency names ("Công an xã")."""
    from doithoai.rules import agencies
    monkeypatch.setattr(agencies, "listed_for",
                        lambda unit_type: list(schema.lookup("Cơ quan trả lời").values))
    assert first_violation("agency-unit-word", tmp_path)


def test_planted_copy_to_itself(monkeypatch, tmp_path):
    """The old letters: "giao Văn phòng … đồng gửi Văn phòng … để tổng hợp"."""
    from doithoai.documents.context import conference
    from doithoai.rules import agencies
    monkeypatch.setattr(agencies, "is_office", lambda name, party: False)
    monkeypatch.setattr(conference, "is_office", lambda name, party: False)
    assert first_violation("copy-to-itself", tmp_path)


def test_planted_year_of_a_rewritten_draft(monkeypatch, tmp_path):
    """The old dating: BCTH and CVPC drafted after the meeting as letters of that day, dated
    with the year of their preparation milestone ("năm 2026" on a letter of January 2027)."""
    import dataclasses
    from doithoai.documents.context import dates
    kinds = {code: dataclasses.replace(k, rewritten_after=False)
             for code, k in dates.KINDS_BY_CODE.items()}
    monkeypatch.setattr(dates, "KINDS_BY_CODE", kinds)
    assert first_violation("date-line-year", tmp_path)


def test_planted_bare_addressee(monkeypatch, tmp_path):
    """The old address line: "Kính gửi: Công an phường." with no ward named."""
    from doithoai.text import unit_words
    monkeypatch.setattr(unit_words, "addressed", lambda name, unit_type, unit_name: name)
    assert first_violation("addressed-in-full", tmp_path)


def test_planted_office_among_those_copied(monkeypatch, tmp_path):
    """The old conclusion: "Phòng Kinh tế và Văn phòng HĐND và UBND trả lời …, đồng gửi Văn
    phòng HĐND và UBND để tổng hợp"."""
    alter_rendered(monkeypatch, lambda xml: xml.replace(
        "; các cơ quan, đơn vị còn lại đồng gửi văn bản trả lời về", ", đồng gửi"))
    assert first_violation("copy-to-itself", tmp_path)


def test_planted_address_printed_as_typed(monkeypatch, tmp_path):
    """The old documents printed an address as typed, "ấp 4, CCCD 0751…" included."""
    from doithoai.documents.context.common import BaseBuilder
    monkeypatch.setattr(BaseBuilder, "where", lambda self, address, as_issued=False: address or "")
    assert first_violation("identifier-in-address", tmp_path)


def test_planted_house_number_read_as_in_free_text(monkeypatch, tmp_path):
    """The documents before a ward's trial: a house number with no lead word ("12 Hai Bà Trưng,
    Khu phố 1") printed whole in the minutes, the notices and the replies."""
    from doithoai.text import privacy_houses
    monkeypatch.setattr(privacy_houses, "openings", lambda view, runs: [])
    assert first_violation("house-in-address", tmp_path)


def test_planted_item_without_its_full_stop(monkeypatch, tmp_path):
    """The old plan and notice: "1. Nội dung: …" printed as typed, without its full stop."""
    alter_rendered(monkeypatch, lambda xml: xml.replace("chỉ đạo giải quyết.", "chỉ đạo giải quyết"))
    assert first_violation("items-end", tmp_path)


def test_planted_bare_contact_name(monkeypatch, tmp_path):
    """The old notice and form: "liên hệ trực tiếp Lê Thị Mai", "gửi về Lê Thị Mai"."""
    from doithoai.text import vnformat
    monkeypatch.setattr(vnformat, "comrade", lambda name: name)
    assert first_violation("contact-with-title", tmp_path)


def test_planted_group_in_the_general_words(monkeypatch, tmp_path):
    """The old lists of delegates: "Cán bộ thôn, tổ dân phố" in a commune of thôn only."""
    from doithoai.documents.context.common import BaseBuilder
    monkeypatch.setattr(BaseBuilder, "put_groups",
                        lambda self, ctx, name, groups: ctx.put(name, groups))
    assert first_violation("village-words", tmp_path)


def test_planted_recipients_twice(monkeypatch, tmp_path):
    """The old Nơi nhận: each item as given, the Front twice in a conclusion whose agencies
    include it, and a reminder to the Front copied to the Front "để giám sát"."""
    from doithoai.documents.context import conference, followup, preparation, upward

    def old(items, party, kept="VP", to=None):
        return [f"- {i.rstrip(';.')};" for i in items] + [f"- Lưu: VT, {kept}."]
    for module in (conference, followup, preparation, upward):
        monkeypatch.setattr(module, "recipients", old)
    assert first_violation("recipients-once", tmp_path)


def test_planted_party_office_above_its_own_file_line(monkeypatch, tmp_path):
    """The old party Nơi nhận: "- Văn phòng Đảng ủy;" above "- Lưu Văn phòng Đảng ủy."."""
    from doithoai.documents.context import common, conference, followup, preparation, upward
    honest = common.recipients

    def old(items, party, kept="VP", to=None):
        kept_line = honest([], party, kept)
        return [f"- {i.rstrip(';.')};" for i in dict.fromkeys(items)] + kept_line
    for module in (conference, followup, preparation, upward):
        monkeypatch.setattr(module, "recipients", old)
    found = first_violation("recipients-once", tmp_path)
    assert found and "văn phòng đảng ủy" in found


def test_planted_provisional_noted_for_a_date_not_printed(monkeypatch, tmp_path):
    """The old notice: every issued kind whose context computed a provisional deadline was
    named, printed or not (BB and CVKN print none)."""
    from doithoai.documents.context.dates import IssueDates
    honest = IssueDates.marked
    monkeypatch.setattr(IssueDates, "marked",
                        lambda self, provisional, printed=True: honest(self, provisional))
    assert first_violation("provisional-named", tmp_path)


def test_planted_bulletin_content_without_its_full_stop(monkeypatch, tmp_path):
    """The old bulletin: "Nội dung hội nghị: …" read out as typed, without its full stop."""
    alter_rendered(monkeypatch, lambda out: re.sub(
        r"(Nội dung hội nghị: [^\n]*?)\.(\r?\n)", r"\1\2", out) if isinstance(out, str) else out)
    found = first_violation("items-end", tmp_path)
    assert found and "TTTT" in found, found


def test_planted_reply_period_for_no_one(monkeypatch, tmp_path):
    """The old build: an opinion whose citizen gave no name printed the reply period ("15
    ngày làm việc kể từ ngày ban hành Thông báo này") though no reply can be addressed."""
    from doithoai.documents.context.replies import ReplyDeadlines, reply_rule, rule_words
    monkeypatch.setattr(ReplyDeadlines, "unnamed_cell",
                        lambda self, o, concluded=None: rule_words(reply_rule(self.reg), True))
    assert first_violation("unnamed-no-reply", tmp_path)


def test_planted_named_repeat_of_an_unnamed_opinion_left_without_a_reply(monkeypatch, tmp_path):
    """The old build: no reply for an opinion whose citizen gave no name, even when a citizen
    who gave one raised the same (Trùng với) and was told a reply would come."""
    from doithoai.registry import repeats, spelling
    monkeypatch.setattr(repeats, "unaddressed", lambda reg: {
        o.opinion_id for o in reg.opinions if spelling.is_anonymous(o.raised_by)})
    assert first_violation("unnamed-no-reply", tmp_path)


def test_planted_code_told_to_a_citizen(monkeypatch, tmp_path):
    """The old notice to a citizen whose opinion joined another: "trùng nội dung với ý kiến
    YK-2027-003 …", a code that means nothing to them."""
    from doithoai.documents.context.upward import UpwardDocs
    honest = UpwardDocs.told_content

    def with_code(self, o, first, as_issued=False, reader=None):
        told = honest(self, o, first, as_issued, reader)
        return told if first is o else f"{told} ({first.opinion_id})"
    monkeypatch.setattr(UpwardDocs, "told_content", with_code)
    assert first_violation("no-code-to-citizen", tmp_path)


def test_planted_code_in_a_reply_copied_to_citizens(monkeypatch, tmp_path):
    """The old reply's Nơi nhận: "Ông …, tổ dân phố … (ý kiến YK-2027-007, trùng nội dung)",
    a code that reaches both citizens."""
    from doithoai.documents.context.conference import ConferenceDocs
    honest = ConferenceDocs.cvtl

    def with_code(self, ctx, o, to=None):
        honest(self, ctx, o, to)
        ctx.put("vv", f"{ctx.values['vv']} (ý kiến {o.opinion_id})")
    monkeypatch.setattr(ConferenceDocs, "cvtl", with_code)
    assert first_violation("no-code-to-citizen", tmp_path)


def test_planted_header_name_that_may_break(monkeypatch, tmp_path):
    """The old header: the committee's name as typed, free to break inside its proper name."""
    from doithoai.documents.context import common
    monkeypatch.setattr(common, "header_name", lambda line: line)
    assert first_violation("header-name-together", tmp_path)


def test_planted_reply_duty_for_an_agency_with_no_one_to_write_to(monkeypatch, tmp_path):
    """The old build (a fresh-eyes trial's TBKL): every agency given opinions was told to answer
    "bằng văn bản cho người nêu ý kiến", also one whose citizens all gave no name."""
    from doithoai.documents.context.conference import ConferenceDocs
    monkeypatch.setattr(ConferenceDocs, "unaddressed", lambda self: set())
    assert first_violation("unnamed-no-reply-duty", tmp_path)


def test_planted_conclusion_not_sent_for_posting(monkeypatch, tmp_path):
    """The old build: the conclusion notice, which is posted and read out, was sent to no
    village head (a fresh-eyes trial)."""
    alter_rendered(monkeypatch, lambda xml: re.sub(r"[^>]*\(để niêm yết[^<]*", "", xml))
    assert first_violation("conclusion-posted", tmp_path)


def test_planted_village_heads_in_the_general_words(monkeypatch, tmp_path):
    """Heads named in the general words ("Trưởng thôn, Tổ trưởng tổ dân phố") for a plan
    whose villages are all "khu" or "xóm"."""
    from doithoai.documents.context.hierarchy import Hierarchy
    monkeypatch.setattr(Hierarchy, "printed_village_heads",
                        lambda self: "Trưởng thôn, Tổ trưởng tổ dân phố")
    assert first_violation("conclusion-posted", tmp_path)


def test_planted_unnamed_opinions_left_to_no_one(monkeypatch, tmp_path):
    """The build before the re-trial: an agency that also writes replies to others is not told
    to resolve its unnamed citizens' opinions."""
    from doithoai.documents.context import conference
    real = conference._resolvers
    monkeypatch.setattr(conference, "_resolvers", lambda agencies, asked: real(
        agencies[:1], [a for a in asked if a in agencies[:1]]) if len(agencies) > 1 else "")
    assert first_violation("unnamed-no-reply-duty", tmp_path)
