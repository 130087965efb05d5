"""Validation: every bad entry found in one pass, located where the clerk can fix it.

Pure: takes the registry as read (typed objects plus each cell's raw value) and a "today", and
returns problems from the catalogue (:mod:`doithoai.registry.problems`). Checks, in order:
cell checks (required, lists, text hygiene, ranges) over every row of every data sheet; then
the cross-row checks (keys, references, dates in order, weekday, statuses, repeated invitees);
settings and lists; and the deadline rules of :mod:`doithoai.rules.deadlines`.

Severity: an error blocks generating documents from its row; a warning and an info do not.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict

from doithoai.rules import deadlines
from doithoai.registry import parsing, schema
from doithoai.text import vntext
from doithoai.registry.changes import MARK_PREFIX, Block, Changes, Mark
from doithoai.registry.model import Registry
from doithoai.registry.problems import (ERROR, INFO, SEVERITY_LABELS, WARNING, Problem, ProblemType, catalogue,
                       column_letter, make, register)
from doithoai.rules.workcalendar import fmt, weekday_name

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_TEXT = {schema.TEXT: 300, schema.LONGTEXT: 4000, schema.CHOICE: 300}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "@", "-")
_EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                 "#GETTING_DATA", "#SPILL!", "#CALC!"}
NUMBER_RANGES = {
    ("plans", "expected_delegates"): (1, 5000),
    ("invitees", "seq"): (1, 100000),
    ("rules", "days"): (0, 365),
}
WRITTEN_REPLY = "Đã trả lời bằng văn bản"

register(
    ProblemType("chair-attendance", WARNING, "Người chủ trì, thư ký không khớp danh sách dự",
                "{what}",
                "{fix}",
                "The plan's chair (Người chủ trì) or the conference secretary (Cán bộ đầu mối "
                "of Cấu hình, who keeps the minutes) is marked absent in Đại biểu, or is not "
                "among the plan's invitees, so the minutes would contradict the plan."),
    ProblemType("required-missing", ERROR, "Thiếu thông tin bắt buộc",
                "Cột \"{column}\" bắt buộc phải có giá trị.",
                "Nhập {column} cho dòng {row}.",
                "A required column of a data row is empty."),
    ProblemType("not-in-list", ERROR, "Giá trị ngoài danh mục",
                "\"{value}\" không có trong danh sách \"{list}\".",
                "{suggestion}",
                "A choice column holds a value that is not in its Danh mục list; the hint names "
                "the nearest valid value (ignoring case, accents and spacing)."),
    ProblemType("date-out-of-range", ERROR, "Ngày không hợp lý",
                "Ngày {value} ở cột \"{column}\" nằm ngoài khoảng năm 2000-2100.",
                "Kiểm tra lại năm; nhập đủ 4 chữ số, ví dụ 12/06/2026.",
                "A date before 2000 or after 2100: usually a mistyped year or a number typed into "
                "a date column."),
    ProblemType("date-order", ERROR, "Ngày không đúng trình tự",
                "{what}",
                "Sửa lại một trong hai ngày cho đúng trình tự.",
                "Dates that contradict each other: a conference before its plan is issued, a "
                "reply before the opinion was received, a milestone completed before its plan "
                "was issued."),
    ProblemType("date-order-warning", WARNING, "Ngày cần xem lại",
                "{what}",
                "Kiểm tra lại ngày; nếu đúng thì bỏ qua.",
                "Dates that are possible but unusual: an opinion received after its conference, "
                "an invitation sent after the conference."),
    ProblemType("time-order", ERROR, "Giờ kết thúc trước giờ bắt đầu",
                "Giờ kết thúc {value} không sau giờ bắt đầu {start}.",
                "Sửa Giờ bắt đầu hoặc Giờ kết thúc.",
                "The end time of a conference is not after its start time."),
    ProblemType("weekday-mismatch", ERROR, "Thứ không khớp với ngày",
                "Ghi \"{value}\" nhưng ngày {date} là {actual}.",
                "Sửa cột Thứ thành \"{actual_short}\" hoặc sửa lại Ngày hội nghị.",
                "The weekday typed beside a date (\"Thứ 2\", \"thứ Hai\", \"T2\", \"Chủ nhật\") is "
                "not that date's weekday: seed 002 wrote \"24/05/2025 (Thứ 2)\" for a Saturday."),
    ProblemType("weekday-unreadable", WARNING, "Không đọc được thứ",
                "Không hiểu \"{value}\" là thứ mấy.",
                "Ghi dạng Thứ Hai ... Thứ Bảy, Chủ nhật (hoặc Thứ 2 ... Thứ 7, CN), hoặc để "
                "trống.",
                "The optional weekday column holds text that is not a weekday."),
    ProblemType("duplicate-key", ERROR, "Mã bị trùng",
                "\"{value}\" đã có ở dòng {first}.",
                "Mỗi dòng một mã riêng: đổi mã của dòng này hoặc xóa dòng trùng.",
                "Two rows share a key that must be unique (Mã KH, Mã ý kiến, Mã mốc, a date of "
                "Ngày nghỉ, a milestone of the same plan, opinion and code)."),
    ProblemType("unknown-reference", ERROR, "Tham chiếu không tồn tại",
                "\"{value}\" không có trong {target}.",
                "Sửa cho đúng một {key_label} đã có trong {target}{suggestion}.",
                "A row refers to a plan or opinion that does not exist."),
    ProblemType("status-contradiction", ERROR, "Trạng thái mâu thuẫn",
                "{what}",
                "{fix}",
                "A status that the rest of the row contradicts, such as \"Đã trả lời bằng văn "
                "bản\" with no reply number or date."),
    ProblemType("status-doubt", WARNING, "Trạng thái cần xem lại",
                "{what}",
                "{fix}",
                "A status the row makes doubtful without contradicting it outright."),
    ProblemType("number-out-of-range", ERROR, "Số ngoài khoảng cho phép",
                "{value} ở cột \"{column}\" phải trong khoảng {low}-{high}.",
                "Nhập số trong khoảng {low}-{high}.",
                "A whole number outside its sensible range (delegates, STT, rule days)."),
    ProblemType("invitee-duplicate", WARNING, "Đại biểu được mời hai lần",
                "{value} đã có trong danh sách mời của {plan} ở dòng {first}.",
                "Xóa dòng trùng, hoặc ghi rõ chức vụ, đơn vị nếu là hai người trùng tên.",
                "The same person (same name and same position or body) is invited twice to one "
                "plan: two invitations would be printed."),
    ProblemType("text-whitespace", WARNING, "Thừa dấu cách",
                "Ô có dấu cách thừa ở đầu, cuối hoặc giữa các từ.",
                "Sửa thành: \"{fixed}\"",
                "Leading, trailing or double spaces: invisible, but they make equal names "
                "differ when sorting, matching and de-duplicating."),
    ProblemType("text-not-nfc", WARNING, "Chữ có dấu gõ kiểu tổ hợp",
                "Chữ có dấu ở ô này được gõ theo kiểu tổ hợp (Unicode tổ hợp).",
                "Gõ lại bằng bộ gõ Unicode dựng sẵn, hoặc chép giá trị: \"{fixed}\"",
                "Text in decomposed Unicode (NFD): looks the same but does not compare equal "
                "and prints badly in some fonts."),
    ProblemType("text-tone-style", WARNING, "Bỏ dấu thanh không thống nhất",
                "Ô viết dấu thanh kiểu cũ (ví dụ \"Thuỷ\", \"hoà\"), khác với các văn bản "
                "(\"Thủy\", \"hòa\").",
                "Sửa thành: \"{fixed}\"",
                "Old-style tone placement (hoà, thuỷ, khoẻ) beside the new style used in the "
                "documents (CỘNG HÒA): the same name would be spelt two ways."),
    ProblemType("text-formula", WARNING, "Nội dung giống công thức",
                "Ô bắt đầu bằng \"{first}\": khi chép sang tệp khác có thể bị hiểu là công thức.",
                "Bỏ ký tự \"{first}\" ở đầu, hoặc viết thêm chữ trước nó.",
                "Text starting with =, +, @ or - (not a bullet \"- \"): spreadsheets and CSV "
                "readers may run it as a formula."),
    ProblemType("text-control-chars", ERROR, "Ký tự điều khiển",
                "Ô chứa ký tự điều khiển không in được (thường do dán từ nơi khác).",
                "Gõ lại nội dung ô, hoặc chép giá trị: \"{fixed}\"",
                "Control characters, which Word's XML cannot hold: a document from this row "
                "would fail."),
    ProblemType("text-too-long", WARNING, "Nội dung quá dài",
                "Ô dài {length} ký tự, quá {limit} ký tự mà văn bản có thể trình bày gọn.",
                "Rút gọn nội dung; phần chi tiết ghi vào Ghi chú hoặc văn bản riêng.",
                "Text longer than a document can sensibly hold (300 characters for one-line "
                "columns, 4,000 for long text)."),
    ProblemType("cell-error", ERROR, "Ô có lỗi công thức",
                "Ô hiển thị lỗi {value} của Excel.",
                "Xóa công thức trong ô và nhập giá trị.",
                "The cell holds an Excel error (#REF!, #NAME?, ...), usually a formula typed or "
                "pasted into a data column."),
    ProblemType("setting-missing", ERROR, "Thiếu cấu hình",
                "Cấu hình \"{column}\" chưa có giá trị.",
                "Mở trang Cấu hình và nhập {column}.",
                "A required setting (unit name, issuer, place name, ...) is empty: documents "
                "cannot be generated without it."),
    ProblemType("lookup-fixed-changed", ERROR, "Danh sách cố định bị sửa",
                "Danh sách \"{column}\" khác với danh sách phần mềm dùng: {diff}.",
                "Chép lại đúng danh sách: {expected}.",
                "A fixed Danh mục list (statuses, Có/Không, ...) was edited; the software "
                "branches on these exact values."),
    ProblemType("row-has-errors", INFO, "Dòng bị bỏ qua khi tạo văn bản",
                "Dòng {row} có {count} lỗi nên sẽ không được dùng để tạo văn bản.",
                "Sửa các lỗi của dòng này (xem các dòng Lỗi phía trên).",
                "Summary per row with errors: documents are generated from the other rows."),
)


def text_flaws(text: str) -> list[tuple[str, dict]]:
    """What is wrong with a text cell's value, whatever its column: (code, template fields)."""
    flaws = []
    if _CONTROL.search(text):
        flaws.append(("text-control-chars", {"fixed": _CONTROL.sub("", text)[:120]}))
        text = _CONTROL.sub("", text)
    stripped = text.lstrip()
    if stripped[:1] in _FORMULA_START and not stripped.startswith("- "):
        flaws.append(("text-formula", {"first": stripped[0]}))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        flaws.append(("text-not-nfc", {"fixed": text[:120]}))
    if parsing.WHITESPACE_FLAW.search(text.replace("\r\n", "\n")):
        text = parsing.normalize_text(text)
        flaws.append(("text-whitespace", {"fixed": text[:120]}))
    if vntext.has_old_tones(text):
        flaws.append(("text-tone-style", {"fixed": vntext.normalize_tones(text)[:120]}))
    return flaws


# --- weekday text ------------------------------------------------------------------------------

_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "tu": 2, "bốn": 2, "năm": 3, "nam": 3, "sáu": 4,
                  "sau": 4, "bảy": 5, "bay": 5}
_WEEKDAY_SHORT = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def parse_weekday(text: str) -> int | None:
    """"Thứ 2", "thứ Hai", "T2", "Chủ nhật", "CN", "(Thứ 6)" → Monday=0 … Sunday=6."""
    t = parsing.normalize_text(text).lower().strip("() .,")
    if t in ("chủ nhật", "chu nhat", "cn", "chủ nhựt"):
        return 6
    m = re.fullmatch(r"(?:thứ|thu|t)\s*\.?\s*([2-7])", t)
    if m:
        return int(m.group(1)) - 2
    m = re.fullmatch(r"(?:thứ|thu)\s+(\w+)", t)
    if m and m.group(1) in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[m.group(1)]
    return None


# --- the checks ----------------------------------------------------------------------------------

class _Checker:
    def __init__(self, reg: Registry, today: dt.date):
        self.reg = reg
        self.today = today
        self.problems: list[Problem] = []
        self._flaws: dict[str, list] = {}     # a registry repeats most of its texts

    def add(self, kind, sheet: schema.Sheet, row=None, key=None, value=None, **params):
        table = self.reg.tables.get(sheet.key)
        col = table.columns.get(key) if table and key else None
        header = sheet.column(key).header if key else None
        self.problems.append(make(kind, sheet.name, row=row, col=col, column=header,
                                  value=value, **params))

    # cell checks -------------------------------------------------------------------------------
    def cells(self, sheet: schema.Sheet) -> None:
        table = self.reg.tables.get(sheet.key)
        if table is None or not table.present:
            return
        lists = {c.key: self._list(c.lookup) for c in sheet.columns if c.type == schema.CHOICE}
        folded = {k: {parsing.fold(v): v for v in vals} for k, vals in lists.items()}
        columns = [c for c in sheet.columns if c.key in table.columns and not c.computed]
        for r in table.rows:
            for c in columns:
                raw = r.raw.get(c.key)
                value = r.values.get(c.key)
                if parsing.is_blank(raw):
                    if c.required:
                        self.add("required-missing", sheet, r.row, c.key)
                    elif raw:       # only spaces: looks empty, is not (filters, sorting)
                        self.add("text-whitespace", sheet, r.row, c.key, raw, fixed="")
                    continue
                if isinstance(raw, str) and raw.strip() in _EXCEL_ERRORS:
                    self.add("cell-error", sheet, r.row, c.key, raw)
                    continue
                if c.type in (schema.TEXT, schema.LONGTEXT, schema.CHOICE):
                    self.text(sheet, r.row, c, raw)
                if c.type == schema.CHOICE and value is not None:
                    if value not in lists[c.key] and parsing.fold(value) not in folded[c.key]:
                        near = vntext.nearest(value, lists[c.key])
                        hint = (f"Có phải là \"{near}\"? Chọn giá trị trong danh sách."
                                if near else f"Chọn một giá trị trong danh sách {c.lookup} "
                                             "(trang Danh mục).")
                        self.add("not-in-list", sheet, r.row, c.key, raw, list=c.lookup,
                                 suggestion=hint)
                elif c.type == schema.DATE and value is not None:
                    if not MIN_YEAR <= value.year <= MAX_YEAR:
                        self.add("date-out-of-range", sheet, r.row, c.key, fmt(value))
                elif c.type == schema.INT and value is not None:
                    rng = NUMBER_RANGES.get((sheet.key, c.key))
                    if rng and not rng[0] <= value <= rng[1]:
                        self.add("number-out-of-range", sheet, r.row, c.key, value,
                                 low=rng[0], high=rng[1])

    def text(self, sheet, row, c, raw) -> None:
        text = parsing.to_text(raw)
        flaws = self._flaws.get(text)
        if flaws is None:
            flaws = self._flaws[text] = text_flaws(text)
        limit = MAX_TEXT.get(c.type)
        for kind, params in flaws:
            self.add(kind, sheet, row, c.key, text, **params)
        if limit and len(text) > limit:
            clean = parsing.normalize_text(text)
            if len(clean) > limit:
                self.add("text-too-long", sheet, row, c.key, clean[:60] + "…",
                         length=len(clean), limit=limit)

    def _list(self, header: str) -> list[str]:
        lk = schema.lookup(header)
        return list(lk.values) if lk.fixed else self.reg.lookups.get(lk.key, list(lk.values))

    # cross-row checks --------------------------------------------------------------------------
    def keys(self) -> None:
        for sheet, objects, attr in ((schema.PLANS, self.reg.plans, "plan_id"),
                                     (schema.OPINIONS, self.reg.opinions, "opinion_id"),
                                     (schema.RULES, self.reg.rules, "code"),
                                     (schema.OVERRIDES, self.reg.overrides, "date")):
            seen: dict = {}
            for o in objects:
                value = getattr(o, attr)
                if value is None:
                    continue
                k = parsing.fold(value) if isinstance(value, str) else value
                if k in seen:
                    self.add("duplicate-key", sheet, o.row, attr,
                             fmt(value) if isinstance(value, dt.date) else value,
                             first=seen[k])
                else:
                    seen[k] = o.row
        seen = {}
        for m in self.reg.milestones:
            k = (m.plan_id, m.opinion_id or "", m.code)
            if m.code and k in seen:
                self.add("duplicate-key", schema.MILESTONES, m.row, "code", m.code,
                         first=seen[k])
            seen.setdefault(k, m.row)

    def references(self) -> None:
        plans = {parsing.fold(p.plan_id): p.plan_id for p in self.reg.plans if p.plan_id}
        opinions = {parsing.fold(o.opinion_id): o.opinion_id for o in self.reg.opinions
                    if o.opinion_id}

        def check(sheet, obj, attr, known, target, key_label):
            value = getattr(obj, attr)
            if value and parsing.fold(value) not in known:
                near = vntext.nearest(value, list(known.values()))
                self.add("unknown-reference", sheet, obj.row, attr, value, target=target,
                         key_label=key_label, suggestion=f" (có phải \"{near}\"?)" if near else "")

        for i in self.reg.invitees:
            check(schema.INVITEES, i, "plan_id", plans, "trang Kế hoạch", "Mã KH")
        for o in self.reg.opinions:
            check(schema.OPINIONS, o, "plan_id", plans, "trang Kế hoạch", "Mã KH")
            check(schema.OPINIONS, o, "duplicate_of", opinions, "trang Ý kiến", "Mã ý kiến")
            if o.duplicate_of and o.opinion_id and \
                    parsing.fold(o.duplicate_of) == parsing.fold(o.opinion_id):
                self.add("status-contradiction", schema.OPINIONS, o.row, "duplicate_of",
                         o.duplicate_of, what="Ý kiến ghi trùng với chính nó.",
                         fix="Ghi Mã ý kiến gốc khác, hoặc để trống Trùng với.")
        for m in self.reg.milestones:
            check(schema.MILESTONES, m, "plan_id", plans, "trang Kế hoạch", "Mã KH")
            check(schema.MILESTONES, m, "opinion_id", opinions, "trang Ý kiến", "Mã ý kiến")
        for e in self.reg.register:
            check(schema.REGISTER, e, "plan_id", plans, "trang Kế hoạch", "Mã KH")
            check(schema.REGISTER, e, "opinion_id", opinions, "trang Ý kiến", "Mã ý kiến")

    def plans(self) -> None:
        for p in self.reg.plans:
            if p.issue_date and p.meeting_date and p.meeting_date < p.issue_date:
                self.add("date-order", schema.PLANS, p.row, "meeting_date", fmt(p.meeting_date),
                         what=f"Ngày hội nghị {fmt(p.meeting_date)} trước ngày ban hành kế "
                              f"hoạch {fmt(p.issue_date)}.")
            if p.start_time and p.end_time and p.end_time <= p.start_time:
                self.add("time-order", schema.PLANS, p.row, "end_time",
                         p.end_time.strftime("%H:%M"), start=p.start_time.strftime("%H:%M"))
            if p.weekday and p.meeting_date:
                typed = parse_weekday(p.weekday)
                actual = p.meeting_date.weekday()
                if typed is None:
                    self.add("weekday-unreadable", schema.PLANS, p.row, "weekday", p.weekday)
                elif typed != actual:
                    self.add("weekday-mismatch", schema.PLANS, p.row, "weekday", p.weekday,
                             date=fmt(p.meeting_date), actual=weekday_name(p.meeting_date),
                             actual_short=_WEEKDAY_SHORT[actual])
            if p.status in ("Đã ban hành", "Đã tổ chức", "Đã kết luận", "Hoàn thành"):
                for key, label in (("number_symbol", "Số ký hiệu"),
                                   ("issue_date", "Ngày ban hành")):
                    if getattr(p, key) is None:
                        self.add("status-contradiction", schema.PLANS, p.row, key, None,
                                 what=f"Kế hoạch ở trạng thái \"{p.status}\" nhưng chưa có "
                                      f"{label}.",
                                 fix=f"Ghi {label} của kế hoạch đã ban hành, hoặc để trạng thái "
                                     "Dự thảo.")
            if p.status in ("Đã tổ chức", "Đã kết luận", "Hoàn thành") and p.meeting_date \
                    and p.meeting_date > self.today:
                self.add("status-doubt", schema.PLANS, p.row, "status", p.status,
                         what=f"Trạng thái \"{p.status}\" nhưng ngày hội nghị "
                              f"{fmt(p.meeting_date)} chưa đến.",
                         fix="Kiểm tra lại Trạng thái hoặc Ngày hội nghị.")

    def opinions(self) -> None:
        plans = {p.plan_id: p for p in self.reg.plans}
        for o in self.reg.opinions:
            if o.received_date and o.reply_date and o.reply_date < o.received_date:
                self.add("date-order", schema.OPINIONS, o.row, "reply_date", fmt(o.reply_date),
                         what=f"Ngày trả lời {fmt(o.reply_date)} trước ngày nhận ý kiến "
                              f"{fmt(o.received_date)}.")
            plan = plans.get(o.plan_id)
            if plan and plan.meeting_date and o.received_date and \
                    o.received_date > plan.meeting_date and o.source != "Văn bản":
                self.add("date-order-warning", schema.OPINIONS, o.row, "received_date",
                         fmt(o.received_date),
                         what=f"Ý kiến nhận ngày {fmt(o.received_date)}, sau ngày hội nghị "
                              f"{fmt(plan.meeting_date)} của {o.plan_id}.")
            self.opinion_status(o)

    def opinion_status(self, o) -> None:
        S = schema.OPINIONS
        if o.status == WRITTEN_REPLY:
            for key, label in (("reply_number", "Số văn bản trả lời"),
                               ("reply_date", "Ngày trả lời")):
                if getattr(o, key) is None:
                    self.add("status-contradiction", S, o.row, key, None,
                             what=f"Trạng thái \"{WRITTEN_REPLY}\" nhưng chưa có {label}.",
                             fix=f"Ghi {label}, hoặc đổi Trạng thái cho đúng.")
        if o.status == "Đã trả lời tại hội nghị" and o.answered_at_meeting != "Có":
            self.add("status-contradiction", S, o.row, "answered_at_meeting",
                     o.answered_at_meeting,
                     what="Trạng thái \"Đã trả lời tại hội nghị\" nhưng cột Trả lời tại hội "
                          "nghị không ghi Có.",
                     fix="Ghi Có ở Trả lời tại hội nghị, hoặc đổi Trạng thái.")
        if o.answered_at_meeting == "Có" and not o.answer:
            self.add("status-doubt", S, o.row, "answer", None,
                     what="Đã trả lời tại hội nghị nhưng chưa ghi Nội dung trả lời.",
                     fix="Ghi tóm tắt câu trả lời tại hội nghị (dùng cho biên bản, thông báo "
                         "kết luận).")
        if o.status in ("Mới",) and (o.reply_number or o.reply_date):
            self.add("status-doubt", S, o.row, "status", o.status,
                     what="Trạng thái \"Mới\" nhưng đã có văn bản trả lời.",
                     fix=f"Đổi Trạng thái thành \"{WRITTEN_REPLY}\" nếu đã trả lời.")
        if o.status == "Đã chuyển cấp trên" and o.competence == "Xã":
            self.add("status-doubt", S, o.row, "competence", o.competence,
                     what="Đã chuyển cấp trên nhưng Thẩm quyền ghi là Xã.",
                     fix="Sửa Thẩm quyền thành Cấp trên, hoặc đổi Trạng thái.")
        if o.status in ("Đã phân công", "Đang giải quyết") and not o.agency:
            self.add("status-contradiction", S, o.row, "agency", None,
                     what=f"Trạng thái \"{o.status}\" nhưng chưa ghi Cơ quan trả lời.",
                     fix="Chọn Cơ quan trả lời được phân công.")

    def invitees(self) -> None:
        plans = {p.plan_id: p for p in self.reg.plans}
        seen: dict = {}
        for i in self.reg.invitees:
            if i.full_name and i.plan_id:
                who = (parsing.fold(i.plan_id), vntext.unaccent(i.full_name),
                       vntext.unaccent(i.position or ""), vntext.unaccent(i.organization or ""))
                if who in seen:
                    self.add("invitee-duplicate", schema.INVITEES, i.row, "full_name",
                             i.full_name, plan=i.plan_id, first=seen[who])
                else:
                    seen[who] = i.row
            plan = plans.get(i.plan_id)
            if plan and plan.meeting_date and i.sent_date and i.sent_date > plan.meeting_date:
                self.add("date-order-warning", schema.INVITEES, i.row, "sent_date",
                         fmt(i.sent_date),
                         what=f"Giấy mời gửi ngày {fmt(i.sent_date)}, sau ngày hội nghị "
                              f"{fmt(plan.meeting_date)}.")
            if i.attendance and i.invited == "Không":
                self.add("status-doubt", schema.INVITEES, i.row, "attendance", i.attendance,
                         what="Có ghi Tham dự nhưng cột Mời là Không.",
                         fix="Sửa cột Mời thành Có, hoặc xóa Tham dự.")

    def chair_attendance(self) -> None:
        """The chair and the secretary must be among the invitees and not marked absent."""
        secretary = self.reg.settings.contact_officer
        for plan in self.reg.plans:
            people = [i for i in self.reg.invitees if i.plan_id == plan.plan_id and i.full_name]
            if not plan.plan_id or not people:
                continue
            by_name: dict[str, list] = {}
            for i in people:
                by_name.setdefault(vntext.unaccent(i.full_name), []).append(i)
            for role, name, key in (("Người chủ trì", plan.chair_name, "chair_name"),
                                    ("Thư ký (Cán bộ đầu mối)", secretary, None)):
                if not name:
                    continue
                rows = by_name.get(vntext.unaccent(name))
                if not rows:
                    sheet, row, col = (schema.PLANS, plan.row, key) if key else \
                        (schema.CONFIG, self.reg.settings.rows.get("contact_officer"), "value")
                    self.add("chair-attendance", sheet, row, col, name,
                             what=f"{role} {name} của {plan.plan_id} không có trong danh sách "
                                  "Đại biểu của kế hoạch.",
                             fix=f"Thêm {name} vào trang Đại biểu (Mã KH {plan.plan_id}), hoặc "
                                 "sửa tên cho khớp.")
                    continue
                absent = [i for i in rows if i.attendance == "Vắng"]
                if absent:
                    self.add("chair-attendance", schema.INVITEES, absent[0].row, "attendance",
                             "Vắng", what=f"{name} là {role.lower()} hội nghị {plan.plan_id} "
                                          "nhưng được ghi Vắng.",
                             fix="Sửa Tham dự thành Có (hoặc Ủy quyền nếu có người dự thay).")

    def milestones(self) -> None:
        plans = {p.plan_id: p for p in self.reg.plans}
        for m in self.reg.milestones:
            plan = plans.get(m.plan_id)
            if plan and plan.issue_date and m.done_date and m.done_date < plan.issue_date \
                    and m.code not in ("PHAT_PHIEU",):
                self.add("date-order", schema.MILESTONES, m.row, "done_date", fmt(m.done_date),
                         what=f"Mốc {m.code} hoàn thành ngày {fmt(m.done_date)}, trước khi kế "
                              f"hoạch {m.plan_id} ban hành ({fmt(plan.issue_date)}).")
            if m.done_date and m.done_date > self.today:
                self.add("date-order-warning", schema.MILESTONES, m.row, "done_date",
                         fmt(m.done_date),
                         what=f"Ngày hoàn thành {fmt(m.done_date)} chưa đến "
                              f"(hôm nay {fmt(self.today)}).")

    def settings(self) -> None:
        s = self.reg.settings
        table = self.reg.tables.get("settings")
        for st in schema.SETTINGS:
            value = getattr(s, st.key)
            row = s.rows.get(st.key)
            if st.required and value in (None, ""):
                self.problems.append(make("setting-missing", schema.CONFIG.name, row=row,
                                          col=table.columns.get("value") if table and row
                                          else None, column=st.label))
            elif st.type == schema.CHOICE and value is not None:
                allowed = schema.lookup(st.lookup).values
                if value not in allowed:
                    near = vntext.nearest(value, list(allowed))
                    self.problems.append(make(
                        "not-in-list", schema.CONFIG.name, row=row,
                        col=table.columns.get("value") if row else None, column="Giá trị",
                        value=value, list=st.lookup,
                        suggestion=f"Có phải là \"{near}\"?" if near else
                        "Chọn: " + ", ".join(allowed)))
        if s.due_soon_days is not None and not 0 <= s.due_soon_days <= 60:
            self.problems.append(make("number-out-of-range", schema.CONFIG.name,
                                      row=s.rows.get("due_soon_days"),
                                      col=table.columns.get("value"), column="Giá trị",
                                      value=s.due_soon_days, low=0, high=60))

    def lookups(self) -> None:
        table = self.reg.tables.get("lookups")
        if table is None or not table.present:
            return
        for lk in schema.LOOKUPS:
            if not lk.fixed or lk.key not in table.columns:
                continue
            have = self.reg.lookups[lk.key]
            if have != list(lk.values):
                missing = [v for v in lk.values if v not in have]
                extra = [v for v in have if v not in lk.values]
                diff = "; ".join(filter(None, [
                    ("thiếu " + ", ".join(missing)) if missing else "",
                    ("thừa " + ", ".join(extra)) if extra else "",
                    "sai thứ tự" if not missing and not extra else ""]))
                self.problems.append(make("lookup-fixed-changed", schema.LOOKUP_SHEET.name,
                                          row=1, col=table.columns[lk.key], column=lk.header,
                                          diff=diff, expected=", ".join(lk.values)))


def validate(reg: Registry, today: dt.date | None = None,
             report: deadlines.DeadlineReport | None = None) -> list[Problem]:
    """Every problem of the registry, reader's and deadline engine's included, in sheet order.

    ``report``: the deadline engine's result for the same registry and day, when the caller has
    it already (it is computed here otherwise).
    """
    today = today or dt.date.today()
    ch = _Checker(reg, today)
    for sheet in (schema.PLANS, schema.INVITEES, schema.OPINIONS, schema.MILESTONES,
                  schema.RULES, schema.OVERRIDES):
        ch.cells(sheet)
    ch.keys()
    ch.references()
    ch.plans()
    ch.opinions()
    ch.invitees()
    ch.chair_attendance()
    ch.milestones()
    ch.settings()
    ch.lookups()
    report = report if report is not None else deadlines.compute(reg, today)
    problems = list(reg.problems) + ch.problems + report.problems
    problems += _row_summaries(problems)
    order = {s.name: i for i, s in enumerate(schema.SHEETS)}
    sev = {ERROR: 0, WARNING: 1, INFO: 2}
    problems.sort(key=lambda p: (order.get(p.sheet, 99), p.row or 0, sev[p.severity],
                                 p.cell or ""))
    return _dedupe(problems)


def _row_summaries(problems: list[Problem]) -> list[Problem]:
    counts: dict = defaultdict(int)
    for p in problems:
        if p.severity == ERROR and p.row and p.sheet in (schema.PLANS.name, schema.INVITEES.name,
                                                         schema.OPINIONS.name):
            counts[(p.sheet, p.row)] += 1
    return [make("row-has-errors", sheet, row=row, count=n)
            for (sheet, row), n in sorted(counts.items())]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.code, p.sheet, p.cell, p.row, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def error_rows(problems: list[Problem]) -> set[tuple[str, int]]:
    """(sheet, row) pairs that must not be used for documents."""
    return {(p.sheet, p.row) for p in problems if p.severity == ERROR and p.row}


def counts(problems: list[Problem]) -> dict[str, int]:
    c = {ERROR: 0, WARNING: 0, INFO: 0}
    for p in problems:
        c[p.severity] += 1
    return c


def catalogue_codes() -> list[str]:
    return [t.code for t in catalogue()]


# --- the Kiểm tra sheet and the cell marks, as changes ------------------------------------------

DATA_SHEETS = {s.name for s in schema.SHEETS if s.role in ("data", "config", "lookup")}


def hyperlink(sheet: str, cell: str) -> str:
    return f'=HYPERLINK("#\'{sheet}\'!{cell}","{cell}")'


def _previous_marks(reg: Registry) -> set[tuple[str, str]]:
    """Cells the last report marked, from its Trang tính, Dòng and Cột (not its formulas)."""
    table = reg.tables.get("checks")
    if table is None:
        return set()
    cells = set()
    for r in table.rows:
        sheet, row, header = (r.values.get("sheet"), r.values.get("row"),
                              r.values.get("column"))
        sheet_schema = schema.SHEETS_BY_NAME.get(sheet or "")
        if not (sheet_schema and row and header):
            continue
        target = reg.tables.get(sheet_schema.key)
        if target is None:
            continue
        key = next((c.key for c in sheet_schema.columns if c.header == header), None)
        if sheet_schema.key == "settings":
            key = "value"
        if key in target.columns:
            cells.add((sheet, f"{column_letter(target.columns[key])}{row}"))
    return cells


def to_changes(reg: Registry, problems: list[Problem]) -> Changes:
    ch = Changes()
    rows = [(SEVERITY_LABELS[p.severity], p.code, p.sheet,
             hyperlink(p.sheet, p.cell) if p.cell else None, p.row, p.column,
             None if p.value is None else parsing.to_text(p.value)[:200], p.message, p.hint)
            for p in problems]
    previous = reg.tables.get("checks")
    old_height = max([1] + [r.row for r in previous.rows]) - 1 if previous else 0
    height = max(len(rows), old_height, 1)
    width = len(schema.CHECKS.columns)
    body = rows + [(None,) * width] * (height - len(rows))
    ch.blocks.append(Block(schema.CHECKS.name, 2, 0, tuple(body)))
    ch.table_rows[schema.CHECKS.name] = max(1, len(rows))
    ch.blocks.append(Block(schema.CHECKS.name, 1, schema.CHECKS_SUMMARY_COL,
                           _summary_rows(problems)))
    notes: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for p in problems:
        if p.cell and p.sheet in DATA_SHEETS and p.severity in (ERROR, WARNING):
            notes[(p.sheet, p.cell)].append(p)
    for (sheet, cell), ps in notes.items():
        worst = ERROR if any(p.severity == ERROR for p in ps) else WARNING
        text = "\n".join(f"{SEVERITY_LABELS[p.severity]}: {p.message} {p.hint}" for p in ps)
        ch.marks.append(Mark(sheet, cell, worst, MARK_PREFIX + "\n" + text))
    ch.unmarks = sorted(_previous_marks(reg) - set(notes))
    c = counts(problems)
    ch.summary.append(f"{c[ERROR]} lỗi, {c[WARNING]} cảnh báo, {c[INFO]} lưu ý.")
    return ch


def _summary_rows(problems: list[Problem]) -> tuple[tuple, ...]:
    """Counts per code at the top right of Kiểm tra; fixed height so old counts are cleared."""
    by_code: dict[str, int] = defaultdict(int)
    for p in problems:
        by_code[p.code] += 1
    c = counts(problems)
    rows = [("Tổng hợp kiểm tra", None, None),
            ("Lỗi", None, c[ERROR]), ("Cảnh báo", None, c[WARNING]), ("Lưu ý", None, c[INFO]),
            ("Mã lỗi", "Tên", "Số lượng")]
    kinds = {t.code: t for t in catalogue()}
    for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append((code, kinds[code].title, n))
    height = 5 + len(kinds)
    rows += [(None, None, None)] * (height - len(rows))
    return tuple(rows)


# --- text output ---------------------------------------------------------------------------------

def render(problems: list[Problem]) -> str:
    """A readable table grouped by sheet, for a terminal."""
    c = counts(problems)
    if not problems:
        return "Không phát hiện lỗi nào."
    lines = []
    by_sheet: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_sheet[p.sheet].append(p)
    for sheet, ps in by_sheet.items():
        sc = counts(ps)
        parts = [f"{sc[k]} {SEVERITY_LABELS[k].lower()}" for k in (ERROR, WARNING, INFO)
                 if sc[k]]
        lines.append(f"Trang \"{sheet}\" ({', '.join(parts)})")
        width = max(len(p.cell or "") for p in ps)
        for p in ps:
            where = (p.cell or "").ljust(width)
            lines.append(f"  {where}  {SEVERITY_LABELS[p.severity]:<8} {p.code}: {p.message}")
            lines.append(f"  {' ' * width}  {'':<8} → {p.hint}")
        lines.append("")
    lines.append(f"Tổng cộng: {c[ERROR]} lỗi, {c[WARNING]} cảnh báo, {c[INFO]} lưu ý.")
    return "\n".join(lines)


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (docs/catalogue.md is this output)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")
    lines = ["# Validation catalogue",
             "",
             "Generated by `doithoai catalogue` from `addin/doithoai/problems.py`, "
             "`validate.py` and `deadlines.py`; do not edit by hand.",
             "Severity: **error** blocks generating documents from the row; **warning** and "
             "**info** do not. Message and hint are templates; `{...}` is filled per problem.",
             "",
             "| code | severity | title | when | message | hint |",
             "|---|---|---|---|---|---|"]
    for t in catalogue():
        lines.append(f"| `{t.code}` | {t.severity} | {cell(t.title)} | {cell(t.description)} | "
                     f"{cell(t.message)} | {cell(t.hint)} |")
    return "\n".join(lines)
