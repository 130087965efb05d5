"""The registry workbook contract, in one place (docs/registry.md is made from it).

Every sheet, header, internal key, type, required flag, lookup list, who edits a column and
whether it is computed is declared here once. The blank template (:mod:`doithoai.files.blank`),
the reader (:mod:`doithoai.files.reader`), validation and the generated documentation all derive
from these declarations; nothing else restates a header.

Headers are Vietnamese and fixed (other programs find columns by header text, never by
position). Internal keys are English identifiers used by the code.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

# Column types understood by the reader (see doithoai.registry.parsing).
TEXT = "text"          # one line of text
LONGTEXT = "longtext"  # several lines (Căn cứ: one basis per line)
DATE = "date"          # real Excel date shown dd/mm/yyyy
TIME = "time"          # real Excel time shown hh:mm
INT = "int"            # whole number
PHONE = "phone"        # Vietnamese phone number, kept as text
CHOICE = "choice"      # one value of a Danh mục list

TYPES = (TEXT, LONGTEXT, DATE, TIME, INT, PHONE, CHOICE)

# Who edits a column (shown in the docs and the input messages).
CLERK = "Văn phòng"                 # the committee office clerk
FRONT = "Văn phòng, MTTQ"           # the clerk, from forms the Front collects
PRODUCT = "Phần mềm"                # written by the product, never typed

DATE_FORMAT = "dd/mm/yyyy"
# Characters Excel holds in one cell: a longer text is cut or refused, and readers stop there.
EXCEL_CELL_LIMIT = 32767
TIME_FORMAT = "hh:mm"

COMPUTED_NOTE = "Tự động tính, không nhập"

# What a code (Mã KH, Mã ý kiến, Mã mốc) may be: it names folders and files and is typed into
# other sheets, so nothing a path could read as a separator or an escape ("../x", "a/b").
CODE_PATTERN = r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.)){0,39}"
CODE_HINT = ("Mã chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang (-), gạch dưới (_) hoặc dấu "
             "chấm, bắt đầu bằng chữ hoặc số, tối đa 40 ký tự; ví dụ KH-2026-01, YK-2026-001.")


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    type: str = TEXT
    required: bool = False
    lookup: str | None = None      # name of a Danh mục list (its header in Danh mục)
    computed: bool = False         # written by the product; the clerk never types here
    editor: str = CLERK
    width: float = 16
    help: str = ""                 # Vietnamese input message (≤ 255 characters)
    unique: bool = False           # the sheet's key
    added: str | None = None       # version that added the column: older registries lack it
    # What the text names, so that one name has one spelling (registry.spelling): a person
    # ("lò văn tám" is "Lò Văn Tám"); places ("address": the village an address names, as Phạm
    # vi or Danh mục spell it; "list": villages separated by ";"); or a key of another sheet
    # ("plans": a Mã KH; "opinions": a Mã ý kiến).
    person: bool = False
    place: str | None = None
    refers: str | None = None
    # A product column that copies a citizen's name, address or phone (Chờ xử lý): personal
    # data like the clerk's columns marked person, place="address" or PHONE (registry.personal).
    personal: bool = False
    # The kinds of document whose templates print this cell: left blank, each of them is
    # refused when generated (document-missing-value), so validation says so beforehand
    # (plan-cell-for-documents); tests/rules/test_needed_cells.py holds this to the templates.
    documents: tuple[str, ...] = ()
    # A long text the documents print inside a sentence ("1. Nội dung: …" of the plan's Nội
    # dung): on one line there, as every other text but a long one (see one_line).
    inline: bool = False

    @property
    def one_line(self) -> bool:
        """The documents print this column's text on one line (a name, a venue, a list value,
        a setting): a line end in it is a flaw and prints as a space; a pictograph (emoji) is
        never meant. A long text (an opinion, an answer, Căn cứ) keeps its lines, and may hold
        a citizen's emoji (the documents leave them out: text/pasted.py)."""
        return self.type != LONGTEXT or self.inline

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown column type {self.type!r} for {self.header}")
        if (self.type == CHOICE) != (self.lookup is not None):
            raise ValueError(f"{self.header}: a choice column needs a lookup list, and only it")
        if self.computed and self.editor != PRODUCT:
            raise ValueError(f"{self.header}: a computed column is edited by the product only")


@dataclass(frozen=True)
class Sheet:
    name: str            # Vietnamese sheet name, fixed
    key: str             # internal key
    table: str           # Excel Table (ListObject) name, ASCII
    columns: tuple[Column, ...]
    role: str            # "data" (clerk rows), "config", "lookup", "product" (written by us)
    description: str = ""
    landscape: bool = True
    added: str | None = None       # version that added the sheet: older registries lack it
    note: str | None = None        # a product sheet's note on A1, when not the general one

    def column(self, key: str) -> Column:
        col = self._by_key.get(key)
        if col is None:
            raise KeyError(f"{self.name} has no column {key!r}")
        return col

    @functools.cached_property
    def _by_key(self) -> dict[str, Column]:
        return {c.key: c for c in reversed(self.columns)}      # the first of a key wins

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


@dataclass(frozen=True)
class Lookup:
    """One Danh mục list: a column of the Danh mục sheet with a named range for dropdowns."""

    header: str
    key: str
    values: tuple[str, ...]
    fixed: bool = False   # the code relies on these exact values; the clerk may not change them
    description: str = ""
    pairs: str | None = None    # key of the list this column describes row by row
    choices: str | None = None  # the list each value of a paired column is chosen from
    added: str | None = None    # version that added the column: older registries lack it
    # Values a later version appended to a fixed list (value, version): an older registry's
    # Danh mục lacks them at the end of the column, and its drop-down with it (validation
    # says where to type each; the rows accept them meanwhile).
    later: tuple[tuple[str, str], ...] = ()

    @property
    def range_name(self) -> str:
        return "DM_" + self.key


@dataclass(frozen=True)
class Setting:
    """One row of Cấu hình (two columns: Khóa, Giá trị)."""

    label: str            # the Khóa text, fixed
    key: str
    type: str = TEXT
    required: bool = False
    default: object = None
    lookup: str | None = None
    help: str = ""
    # The issuer (Cơ quan ban hành) every document of whose plans prints this setting: left
    # blank while such a plan exists, each is refused (validation: setting-needed-by-plans).
    printed_for: str | None = None


# ---------------------------------------------------------------------------------------------
# Lookup lists (Danh mục). Fixed lists hold values the engine branches on; the others are a
# commune's own vocabulary and ship with sensible defaults it may extend.

YES, NO = "Có", "Không"
# The opinion statuses ("Trạng thái ý kiến" below), each named once.
NEW_STATUS = "Mới"
ASSIGNED_STATUS = "Đã phân công"
SETTLED_AT_MEETING = "Đã trả lời tại hội nghị"     # answered there, nothing left to do
IN_PROGRESS_STATUS = "Đang giải quyết"
REPLIED_STATUS = "Đã trả lời bằng văn bản"
SENT_UP_STATUS = "Đã chuyển cấp trên"
RESOLVED_STATUS = "Đã giải quyết"
NO_REPLY_YET = (NEW_STATUS, ASSIGNED_STATUS)        # no reply was sent yet
CLAIMED = (ASSIGNED_STATUS, IN_PROGRESS_STATUS)     # an agency has it in hand
SPOKEN_SOURCE = "Phát biểu tại hội nghị"            # Nguồn of an opinion raised at the meeting
FRONT_SOURCE = "MTTQ chuyển"           # Nguồn of one the Front passed on (a merged form's too)
# The statuses of a plan whose conference is held (of "Trạng thái kế hoạch" below).
HELD_STATUSES = ("Đã tổ chức", "Đã kết luận", "Hoàn thành")
# A plan whose conference will not take place (not postponed: that is a new Ngày hội nghị).
CANCELLED_STATUS = "Đã hủy"
# A step of a cancelled plan's conference not done before it was called off (Mốc thời gian).
NOT_APPLICABLE = "Không áp dụng"

LOOKUPS: tuple[Lookup, ...] = (
    Lookup("Lĩnh vực", "fields", (
        # Seed 004's taxonomy, grouped as the plan groups it.
        "Kinh tế - Nông nghiệp, nông thôn",
        "Kinh tế - Đất đai, tài nguyên, giải phóng mặt bằng",
        "Kinh tế - Giao thông, thủy lợi, điện, nước",
        "Kinh tế - Môi trường, rác thải",
        "Văn hóa - xã hội - Y tế, an toàn thực phẩm",
        "Văn hóa - xã hội - Giáo dục, văn hóa, thể thao",
        "Văn hóa - xã hội - Chính sách người có công, người nghèo",
        "An ninh - Trật tự, an toàn giao thông",
        "An ninh - Tệ nạn xã hội",
        "Hệ thống chính trị, cán bộ, công chức",
        "Thủ tục hành chính",
        "Khác",
    ), description="Phân loại ý kiến theo lĩnh vực (Kế hoạch của Đảng ủy xã Đô Lương)."),
    Lookup("Cơ quan trả lời", "agencies", (
        "Văn phòng HĐND và UBND",
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
        "Trung tâm Phục vụ hành chính công",
        "Công an xã",
        "Ban Chỉ huy Quân sự xã",
        "Trạm Y tế xã",
        "Ủy ban MTTQ Việt Nam xã",
        "UBND cấp tỉnh và các sở, ngành",
    ), description="Cơ quan, đơn vị được phân công tham mưu trả lời."),
    # Row by row beside Cơ quan trả lời: who the commune assigns, asks, or recommends to.
    # These are the defaults of rules.agencies.default_level (a test keeps them equal).
    Lookup("Cấp của cơ quan trả lời", "agency_level_of", (
        "Trực thuộc", "Trực thuộc", "Trực thuộc", "Trực thuộc", "Trên địa bàn", "Trực thuộc",
        "Trực thuộc", "Trên địa bàn", "Cấp trên",
    ), pairs="agencies", choices="Cấp cơ quan", added="0.3",
        description="Cấp của cơ quan cùng dòng: Trực thuộc (UBND giao việc), Trên địa bàn "
                    "(UBND đề nghị phối hợp), Cấp trên (UBND kiến nghị)."),
    Lookup("Nhóm đại biểu", "groups", (
        # In protocol order: invitations sort by this order.
        "Đại biểu cấp trên",
        "Thường trực Đảng ủy",
        "Thường trực HĐND",
        "Lãnh đạo UBND",
        "Ủy ban MTTQ và các đoàn thể",
        "Cơ quan, phòng chuyên môn",
        "Công an, Quân sự",
        "Trường học, Trạm y tế",
        "Cán bộ thôn, tổ dân phố",
        "Đại diện Nhân dân",
    ), description="Nhóm đại biểu theo thứ tự nghi thức; giấy mời được sắp theo thứ tự này."),
    Lookup("Danh xưng", "honorifics", ("Ông", "Bà", "Đồng chí")),
    # The commune's villages and tổ dân phố, as it spells them: an address that names one of
    # them (or a village of a plan's Phạm vi) is a known place; documents print its name so.
    Lookup("Thôn, tổ dân phố", "villages", (), added="0.4",
           description="Các thôn, tổ dân phố của đơn vị, viết đúng tên; địa chỉ ghi thôn nào "
                       "ngoài danh sách này và Phạm vi của kế hoạch thì được nhắc kiểm tra."),
    Lookup("Nguồn", "sources", ("Phiếu hỏi", "Phát biểu tại hội nghị", "Văn bản", "MTTQ chuyển"),
           fixed=True),
    Lookup("Trạng thái ý kiến", "opinion_statuses", (
        NEW_STATUS, ASSIGNED_STATUS, SETTLED_AT_MEETING, IN_PROGRESS_STATUS, REPLIED_STATUS,
        SENT_UP_STATUS, RESOLVED_STATUS,
    ), fixed=True),
    Lookup("Cơ quan ban hành", "issuers", ("UBND", "Đảng ủy"), fixed=True),
    Lookup("Hình thức", "forms", ("định kỳ", "chuyên đề", "đột xuất"), fixed=True),
    Lookup("Quyền hạn ký", "authorities", ("TM.", "KT.", "Q.", "TL.", "TUQ.", "T/M", "K/T"),
           fixed=True),
    Lookup("Trạng thái kế hoạch", "plan_statuses", (
        "Dự thảo", "Đã ban hành", "Đã tổ chức", "Đã kết luận", "Hoàn thành", CANCELLED_STATUS,
    ), fixed=True, later=((CANCELLED_STATUS, "0.5"),)),
    Lookup("Có/Không", "yes_no", (YES, NO), fixed=True),
    Lookup("Thẩm quyền", "competences", ("Xã", "Cấp trên"), fixed=True),
    Lookup("Cấp cơ quan", "agency_levels", ("Trực thuộc", "Trên địa bàn", "Cấp trên"),
           fixed=True, added="0.3"),
    Lookup("Tham dự", "attendance", ("Có", "Vắng", "Ủy quyền"), fixed=True),
    Lookup("Loại ngày nghỉ", "override_kinds", ("Nghỉ", "Làm bù", "Không nghỉ"), fixed=True),
    Lookup("Chiều", "directions", ("trước", "sau"), fixed=True),
    Lookup("Loại ngày", "day_kinds", ("ngày", "ngày làm việc"), fixed=True),
    Lookup("Áp dụng", "scopes", ("Kế hoạch", "Ý kiến"), fixed=True),
    Lookup("Mốc gốc", "anchors", (
        "Ngày hội nghị",
        "Ngày ban hành kế hoạch",
        "Ngày ban hành thông báo kết luận",
        "Ngày nhận ý kiến",
    ), fixed=True),
    Lookup("Loại đơn vị", "unit_types", ("xã", "phường", "đặc khu"), fixed=True),
    Lookup("Đánh số văn bản", "numbering_modes", ("chung", "theo loại"), fixed=True),
    Lookup("Tình trạng mốc", "milestone_statuses", (
        "Chưa đến hạn", "Sắp đến hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn",
        NOT_APPLICABLE,
    ), fixed=True, later=((NOT_APPLICABLE, "0.5"),)),
    Lookup("Trạng thái văn bản", "document_statuses", ("Dự thảo", "Đã ban hành"), fixed=True),
    Lookup("Hài lòng", "satisfaction", ("Hài lòng", "Chưa hài lòng", "Chưa hỏi"), fixed=True,
           description="Người nêu ý kiến có hài lòng với kết quả giải quyết không."),
    Lookup("Câu hỏi khảo sát", "survey_questions", (
        # The questions of the Phiếu lấy ý kiến (PKS) in its order; the answers each offers are
        # SURVEY_OPTIONS below.
        "1. Mức độ hài lòng chung về hội nghị",
        "2. Nội dung đúng vấn đề Nhân dân quan tâm",
        "3. Câu trả lời rõ ràng, thỏa đáng",
        "4. Thời gian, địa điểm thuận tiện",
    ), fixed=True, description="Các câu hỏi của Phiếu lấy ý kiến về cuộc đối thoại."),
    Lookup("Phương án trả lời", "survey_options", (
        "Rất hài lòng", "Hài lòng", "Chưa hài lòng",
        "Đúng", "Một phần", "Không",
        "Rõ ràng, thỏa đáng", "Chưa đầy đủ", "Chưa thỏa đáng",
        "Thuận tiện", "Chưa thuận tiện",
    ), fixed=True),
)

# Which answers each survey question offers (the PKS form prints them; BC kết quả counts them).
SURVEY_OPTIONS: dict[str, tuple[str, ...]] = {
    "1. Mức độ hài lòng chung về hội nghị": ("Rất hài lòng", "Hài lòng", "Chưa hài lòng"),
    "2. Nội dung đúng vấn đề Nhân dân quan tâm": ("Đúng", "Một phần", "Không"),
    "3. Câu trả lời rõ ràng, thỏa đáng": ("Rõ ràng, thỏa đáng", "Chưa đầy đủ", "Chưa thỏa đáng"),
    "4. Thời gian, địa điểm thuận tiện": ("Thuận tiện", "Chưa thuận tiện"),
}

LOOKUPS_BY_HEADER = {lk.header: lk for lk in LOOKUPS}
LOOKUPS_BY_KEY = {lk.key: lk for lk in LOOKUPS}


def lookup(header: str) -> Lookup:
    return LOOKUPS_BY_HEADER[header]


# ---------------------------------------------------------------------------------------------
# Settings (Cấu hình).

PURPOSE = ("Tổ chức hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân; "
           "tổng hợp, trả lời, theo dõi giải quyết ý kiến, kiến nghị và báo tin kết quả cho "
           "người nêu (Luật Tổ chức chính quyền địa phương 2025, Điều 43).")

SETTINGS: tuple[Setting, ...] = (
    Setting("Tên đơn vị", "unit_name", required=True,
            help="Ví dụ: Phường Tứ Minh"),
    Setting("Loại đơn vị", "unit_type", CHOICE, required=True, lookup="Loại đơn vị",
            help="xã, phường hoặc đặc khu"),
    Setting("Tỉnh/Thành phố", "province", required=True, help="Ví dụ: Thành phố Hải Phòng"),
    Setting("Địa danh", "place_name", required=True,
            help="Địa danh ghi ở dòng ngày tháng của văn bản, ví dụ: Tứ Minh"),
    Setting("Cơ quan chủ quản", "parent_agency",
            help="Thường để trống đối với UBND cấp xã"),
    Setting("Tên cơ quan ban hành", "issuer_name", required=True,
            help="Viết in hoa, ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG TỨ MINH"),
    Setting("Đảng bộ cấp trên", "party_superior", printed_for="Đảng ủy",
            help="Viết in hoa, ví dụ: ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"),
    Setting("Tên Đảng ủy", "party_committee_name", printed_for="Đảng ủy",
            help="Viết in hoa, ví dụ: ĐẢNG ỦY PHƯỜNG TỨ MINH"),
    Setting("Chủ tịch UBND", "chairman", required=True),
    Setting("Bí thư Đảng ủy", "party_secretary"),
    Setting("Cán bộ đầu mối", "contact_officer", required=True,
            help="Người tiếp nhận ý kiến gửi trước hội nghị"),
    Setting("Điện thoại đầu mối", "contact_phone", PHONE),
    Setting("Ký hiệu bộ phận soạn thảo", "drafting_unit", default="VP",
            help="Dùng trong số công văn, ví dụ: VP trong 123/UBND-VP"),
    Setting("Thư mục văn bản", "documents_folder", default="van-ban",
            help="Thư mục (cạnh tệp sổ) chứa văn bản được tạo"),
    Setting("Đánh số văn bản", "numbering", CHOICE, default="theo loại", lookup="Đánh số văn bản",
            help="chung: một dãy số cho mọi loại; theo loại: mỗi loại văn bản một dãy số"),
    Setting("Ngưỡng sắp đến hạn (ngày làm việc)", "due_soon_days", INT, default=3,
            help="Mốc còn từ 0 đến số ngày làm việc này thì báo Sắp đến hạn"),
    Setting("Ghi tên người nêu trong báo cáo theo dõi", "monitor_names", CHOICE, default="Không",
            lookup="Có/Không",
            help="Không (mặc định): báo cáo theo dõi gửi Đảng ủy, MTTQ chỉ ghi thôn, tổ dân phố; "
                 "Có: ghi cả họ tên người nêu. Không bao giờ ghi số điện thoại, địa chỉ nhà."),
    # What the commune keeps citizens' personal data for, and how long it keeps their contacts
    # (Luật Bảo vệ dữ liệu cá nhân 2025: a stated purpose, data kept no longer than it needs):
    # doithoai privacy prints the first and forgets contacts after the second.
    Setting("Mục đích xử lý dữ liệu cá nhân", "data_purpose", default=PURPOSE,
            help="Ghi rõ đơn vị giữ họ tên, địa chỉ, số điện thoại của người dân để làm gì; "
                 "lệnh doithoai privacy in nội dung này."),
    Setting("Thời hạn giữ số điện thoại, địa chỉ (tháng)", "contact_months", INT, default=12,
            help="Sau khi mọi ý kiến của một người đã giải quyết xong và qua số tháng này, lệnh "
                 "doithoai privacy --forget-contacts xóa số điện thoại, địa chỉ nhà của họ "
                 "(giữ thôn, tổ dân phố) trên một bản sao của sổ."),
)

SETTINGS_BY_KEY = {s.key: s for s in SETTINGS}


# ---------------------------------------------------------------------------------------------
# Sheets.

def _c(header, key, type=TEXT, **kw) -> Column:
    return Column(header, key, type, **kw)


def _computed(header, key, type=TEXT, **kw) -> Column:
    kw.setdefault("help", COMPUTED_NOTE)
    return Column(header, key, type, computed=True, editor=PRODUCT, **kw)


def _product(header, key, type=TEXT, **kw) -> Column:
    return Column(header, key, type, editor=PRODUCT, **kw)


PLANS = Sheet("Kế hoạch", "plans", "KeHoach", role="data",
              description="Mỗi dòng là một hội nghị đối thoại.", columns=(
    _c("Mã KH", "plan_id", required=True, unique=True, width=13,
       help="Mã duy nhất của kế hoạch, ví dụ KH-2026-01"),
    _c("Cơ quan ban hành", "issuer", CHOICE, required=True, lookup="Cơ quan ban hành", width=12,
       help="UBND hoặc Đảng ủy: quyết định thể thức văn bản"),
    _c("Số ký hiệu", "number_symbol", width=15,
       help="Ghi khi ban hành, ví dụ 118/KH-UBND hoặc 02-KH/ĐU"),
    _c("Ngày ban hành", "issue_date", DATE, width=12),
    _c("Trích yếu", "subject", required=True, width=40),
    _c("Hình thức", "form", CHOICE, required=True, lookup="Hình thức", width=11),
    _c("Chủ trì", "chair_title", required=True, width=24,
       help="Chức danh người chủ trì, ví dụ Chủ tịch UBND phường"),
    _c("Người chủ trì", "chair_name", width=20, person=True, documents=("BB",)),
    _c("Phạm vi", "scope", required=True, width=30, place="list",
       help="Các thôn, tổ dân phố; ngăn cách bằng dấu chấm phẩy (;)"),
    _c("Ngày hội nghị", "meeting_date", DATE, required=True, width=12),
    _c("Thứ", "weekday", width=9,
       help="Không bắt buộc; nếu ghi thì phải khớp với ngày hội nghị"),
    _c("Giờ bắt đầu", "start_time", TIME, required=True, width=9),
    _c("Giờ kết thúc", "end_time", TIME, width=9, documents=("BB",)),
    _c("Địa điểm", "venue", required=True, width=32),
    _c("Số đại biểu dự kiến", "expected_delegates", INT, width=10, documents=("KH",)),
    _c("Nội dung", "content", LONGTEXT, width=40, documents=("KH", "TB", "TTTT"), inline=True),
    _c("Căn cứ", "legal_bases", LONGTEXT, width=45, documents=("KH",),
       help="Mỗi căn cứ một dòng (Alt+Enter để xuống dòng trong ô)"),
    _c("Quyền hạn ký", "signing_authority", CHOICE, lookup="Quyền hạn ký", width=10,
       help="TM., KT. (UBND) hoặc T/M, K/T (Đảng ủy)"),
    _c("Chức vụ người ký", "signer_title", width=18, help="Ví dụ: PHÓ CHỦ TỊCH, BÍ THƯ"),
    _c("Người ký", "signer_name", width=20, person=True, documents=(
        "KH", "TB", "GM", "BCTH", "CVPC", "TBKL", "CVKN", "CVTL", "TBCD", "BCKQ", "CVDD")),
    _c("Trạng thái", "status", CHOICE, required=True, lookup="Trạng thái kế hoạch", width=13),
    _c("Ghi chú", "note", LONGTEXT, width=40),
))

INVITEES = Sheet("Đại biểu", "invitees", "DaiBieu", role="data",
                 description="Mỗi dòng là một người hoặc một cơ quan được mời.", columns=(
    _c("Mã KH", "plan_id", required=True, width=13, help="Mã KH của hội nghị mời dự",
       refers="plans"),
    _c("STT", "seq", INT, width=6),
    _c("Danh xưng", "honorific", CHOICE, lookup="Danh xưng", width=10),
    _c("Họ và tên", "full_name", required=True, width=24, person=True),
    _c("Chức vụ", "position", width=26),
    _c("Cơ quan/Đơn vị", "organization", width=28),
    _c("Nhóm", "group", CHOICE, required=True, lookup="Nhóm đại biểu", width=24),
    _c("Địa chỉ", "address", width=22, help="Thôn, tổ dân phố nơi ở",
       place="address"),
    _c("Điện thoại", "phone", PHONE, width=13),
    _c("Mời", "invited", CHOICE, required=True, lookup="Có/Không", width=7),
    _c("Số giấy mời", "invitation_number", width=14,
       help="Ghi khi phát hành giấy mời"),
    _c("Ngày gửi", "sent_date", DATE, width=12),
    _c("Tham dự", "attendance", CHOICE, lookup="Tham dự", width=10,
       help="Ghi sau hội nghị: Có, Vắng hoặc Ủy quyền"),
))

OPINIONS = Sheet("Ý kiến", "opinions", "YKien", role="data",
                 description="Mỗi dòng là một ý kiến, kiến nghị của Nhân dân.", columns=(
    _c("Mã ý kiến", "opinion_id", required=True, unique=True, width=13,
       help="Mã duy nhất, ví dụ YK-2026-001"),
    _c("Mã KH", "plan_id", required=True, width=13, refers="plans"),
    _c("Nguồn", "source", CHOICE, required=True, lookup="Nguồn", width=18, editor=FRONT),
    _c("Ngày nhận", "received_date", DATE, required=True, width=12, editor=FRONT),
    _c("Người nêu", "raised_by", required=True, width=22, editor=FRONT, person=True),
    _c("Địa chỉ", "address", width=22, editor=FRONT, place="address"),
    _c("Điện thoại", "phone", PHONE, width=13, editor=FRONT),
    _c("Nội dung", "content", LONGTEXT, required=True, width=50, editor=FRONT),
    _c("Lĩnh vực", "field", CHOICE, required=True, lookup="Lĩnh vực", width=30),
    _c("Thẩm quyền", "competence", CHOICE, lookup="Thẩm quyền", width=10),
    _c("Cơ quan trả lời", "agency", CHOICE, lookup="Cơ quan trả lời", width=26),
    _computed("Hạn trả lời", "reply_due", DATE, width=12),
    _c("Trả lời tại hội nghị", "answered_at_meeting", CHOICE, lookup="Có/Không", width=10),
    _c("Nội dung trả lời", "answer", LONGTEXT, width=45),
    _c("Số văn bản trả lời", "reply_number", width=15),
    _c("Ngày trả lời", "reply_date", DATE, width=12),
    _c("Trạng thái", "status", CHOICE, required=True, lookup="Trạng thái ý kiến", width=20),
    _c("Trùng với", "duplicate_of", width=13, refers="opinions",
       help="Mã ý kiến gốc nếu ý kiến này trùng nội dung"),
    _c("Ghi chú", "note", LONGTEXT, width=30),
    # Added with sharing and follow-up (0.2): an older registry opens without them.
    _c("Ngày phân công", "assigned_date", DATE, width=12, added="0.2",
       help="Ngày gửi công văn phân công cho cơ quan trả lời"),
    _c("Ngày giải quyết xong", "resolved_date", DATE, width=12, added="0.2",
       help="Ngày việc người dân nêu đã được giải quyết xong trên thực tế"),
    _c("Hài lòng", "satisfaction", CHOICE, lookup="Hài lòng", width=14, added="0.2",
       help="Người nêu ý kiến có hài lòng với kết quả không (hỏi lại sau khi giải quyết)"),
    _c("Nguồn nhập", "intake_ref", width=26, added="0.2", editor=PRODUCT,
       help="Phiếu của MTTQ mà ý kiến này được nhận vào sổ, ví dụ MTTQ CKA-001 (lô 7F3A2C)"),
))

SURVEY = Sheet("Phiếu khảo sát", "survey", "PhieuKhaoSat", role="data", added="0.2",
               description="Kết quả Phiếu lấy ý kiến về cuộc đối thoại: số phiếu theo từng "
                           "câu hỏi và phương án.", columns=(
    _c("Mã KH", "plan_id", required=True, width=13, refers="plans"),
    _c("Câu hỏi", "question", CHOICE, required=True, lookup="Câu hỏi khảo sát", width=42),
    _c("Phương án", "option", CHOICE, required=True, lookup="Phương án trả lời", width=22),
    _c("Số phiếu", "count", INT, required=True, width=10,
       help="Số phiếu chọn phương án này (đếm sau hội nghị)"),
    _c("Ghi chú", "note", width=30),
))

PENDING = Sheet("Chờ xử lý", "pending", "ChoXuLy", role="product", added="0.2",
                description="Dòng phiếu MTTQ gửi về chưa nhận được vào sổ, với lý do; sửa rồi "
                            "nhận lại, hoặc xóa.", columns=(
    _product("Tệp", "file", width=30),
    _product("Trang", "source_sheet", width=10),
    _product("Dòng", "source_row", INT, width=7),
    _product("Mã phiếu", "code", width=12),
    _product("Lô", "batch", width=10),
    _product("Mã KH", "plan_id", width=13),
    _product("Lý do", "reason", width=50),
    _product("Người nêu", "raised_by", width=22, personal=True),
    _product("Địa chỉ", "address", width=18, personal=True),
    _product("Điện thoại", "phone", width=13, personal=True),
    _product("Nội dung", "content", width=50),
    _product("Lĩnh vực", "field", width=24),
    _product("Ngày nhận", "received_date", width=12),
    _product("Ngày đưa vào", "logged", width=16),
))

# The password of each intake file written encrypted (intake export --encrypt, or Phiếu cho
# MTTQ in a registry that has a password): intake merge finds a returned file's password here,
# and the clerk reads it to the Front over the phone when asked. Only in a registry copy or a
# workbook that is itself encrypted, unless the clerk chose otherwise (the command warns).
INTAKE_KEYS = Sheet("Mật khẩu phiếu", "intake_keys", "MatKhauPhieu", role="product",
                    added="0.4",
                    description="Mật khẩu của từng tệp phiếu gửi MTTQ có đặt mật khẩu; phần "
                                "mềm dùng để mở tệp gửi về.", columns=(
    _product("Mã KH", "plan_id", width=13),
    _product("Thôn, tổ dân phố", "village", width=24),
    _product("Mã thôn", "code", width=9),
    _product("Lô", "batch", width=10),
    _product("Tệp", "file", width=44),
    _product("Mật khẩu", "password", width=17),
    _product("Ngày tạo", "created", width=16),
))

MILESTONES = Sheet("Mốc thời gian", "milestones", "MocThoiGian", role="data",
                   description="Do phần mềm tính; Văn phòng chỉ ghi Ngày hoàn thành.", columns=(
    _computed("Mã KH", "plan_id", width=13),
    _computed("Mã ý kiến", "opinion_id", width=13),
    _computed("Mã mốc", "code", width=18),
    _computed("Công việc", "task", width=45),
    _computed("Đơn vị thực hiện", "unit", width=24),
    _computed("Hạn", "due", DATE, width=12),
    _computed("Căn cứ", "basis", width=40),
    _c("Ngày hoàn thành", "done_date", DATE, width=12,
       help="Ghi ngày công việc đã xong"),
    _computed("Tình trạng", "status", width=18),
    _computed("Còn lại (ngày làm việc)", "remaining", INT, width=11),
))

RULES = Sheet("Quy tắc thời hạn", "rules", "QuyTacThoiHan", role="config",
              description="Quy tắc tính hạn; có thể sửa, thêm, tắt.", columns=(
    _c("Mã mốc", "code", required=True, unique=True, width=18),
    _c("Công việc", "task", required=True, width=45),
    _c("Mốc gốc", "anchor", CHOICE, required=True, lookup="Mốc gốc", width=24),
    _c("Chiều", "direction", CHOICE, required=True, lookup="Chiều", width=8),
    _c("Số ngày", "days", INT, required=True, width=8),
    _c("Loại ngày", "day_kind", CHOICE, required=True, lookup="Loại ngày", width=13),
    _c("Đơn vị thực hiện", "unit", width=26),
    _c("Áp dụng", "applies_to", CHOICE, required=True, lookup="Áp dụng", width=11),
    _c("Căn cứ pháp lý", "legal_basis", width=45),
    _c("Bắt buộc", "mandatory", CHOICE, required=True, lookup="Có/Không", width=9),
    _c("Sử dụng", "enabled", CHOICE, lookup="Có/Không", width=9,
       help="Không: tạm tắt quy tắc này"),
))

OVERRIDES = Sheet("Ngày nghỉ", "overrides", "NgayNghi", role="config",
                  description="Điều chỉnh lịch nghỉ so với lịch nghỉ lễ có sẵn.", columns=(
    _c("Ngày", "date", DATE, required=True, unique=True, width=12),
    _c("Loại", "kind", CHOICE, required=True, lookup="Loại ngày nghỉ", width=12,
       help="Nghỉ: thêm ngày nghỉ; Làm bù: thứ Bảy/Chủ nhật đi làm; Không nghỉ: bỏ một ngày lễ"),
    _c("Lý do", "reason", width=40),
    _c("Căn cứ", "basis", width=45, help="Văn bản quyết định việc điều chỉnh"),
))

# The office's too: a document issued outside the tool is typed there, so that the numbers
# the tool gives follow it (documents/register.py).
REGISTER = Sheet("Sổ văn bản", "register", "SoVanBan", role="product",
                 description="Sổ đăng ký văn bản do phần mềm ghi.", note=(
                     "Trang này do phần mềm ghi khi tạo, ban hành văn bản. Văn bản ban hành "
                     "ngoài phần mềm: ghi thêm một dòng (Số, Số ký hiệu, Ngày, Trạng thái "
                     "\"Đã ban hành\") để số phần mềm cấp sau nối tiếp; không sửa các dòng "
                     "phần mềm đã ghi."), columns=(
    _product("Số", "number", INT, width=7),
    _product("Ký hiệu", "symbol", width=12),
    _product("Số ký hiệu", "number_symbol", width=15),
    _product("Ngày", "date", DATE, width=12),
    _product("Loại", "kind", width=10),
    _product("Trích yếu", "subject", width=40),
    _product("Mã KH", "plan_id", width=13),
    _product("Mã ý kiến", "opinion_id", width=13),
    _product("Tệp", "file", width=36),
    _product("Trạng thái", "status", CHOICE, lookup="Trạng thái văn bản", width=12),
    _product("Dấu vân tay", "fingerprint", width=20),
))

CHECKS = Sheet("Kiểm tra", "checks", "KiemTra", role="product",
               description="Kết quả kiểm tra dữ liệu lần gần nhất.", columns=(
    _product("Mức độ", "severity", width=10),
    _product("Mã lỗi", "code", width=20),
    _product("Trang tính", "sheet", width=14),
    _product("Ô", "cell", width=8),
    _product("Dòng", "row", INT, width=7),
    _product("Cột", "column", width=18),
    _product("Giá trị", "value", width=24),
    _product("Nội dung", "message", width=50),
    _product("Cách sửa", "hint", width=45),
))

# Validation writes its counts per code to the right of the Kiểm tra table, at the top.
CHECKS_SUMMARY_COL = len(CHECKS.columns) + 1      # 0-based; one empty column between
CHECKS_SUMMARY_WIDTHS = (24, 34, 10)

# Tổng hợp has a fixed layout of summary areas and charts (doithoai.monitoring.dashboard); the
# columns here are those of its first area.
DASHBOARD = Sheet("Tổng hợp", "dashboard", "TongHop", role="product",
                  description="Số liệu tổng hợp và biểu đồ do phần mềm ghi.", columns=(
    _product("Lĩnh vực", "item", width=44),
    _product("Đã nêu", "raised", INT, width=13),
    _product("Đã trả lời", "answered", INT, width=13),
    _product("Đã giải quyết xong", "resolved", INT, width=13),
    _product("Hài lòng", "satisfied", INT, width=13),
    _product("Quá hạn", "overdue", INT, width=13),
))

LOG = Sheet("Nhật ký", "log", "NhatKy", role="product",
            description="Nhật ký mỗi lần bấm nút; mỗi lần dữ liệu cá nhân ra khỏi sổ: gửi cho "
                        "ai, nêu tên bao nhiêu người, có mật khẩu không.", columns=(
    _product("Thời gian", "time", width=18),
    _product("Người dùng", "user", width=16),
    _product("Thao tác", "action", width=22),
    _product("Kết quả", "result", width=50),
    _product("Tệp", "files", width=40),
    # Filled when personal data leaves the registry (registry.personal.Release).
    _product("Gửi cho", "recipient", width=26, added="0.4"),
    _product("Số người nêu tên", "persons", INT, width=10, added="0.4"),
    _product("Có mật khẩu", "encrypted", width=10, added="0.4"),
))

# Cấu hình and Danh mục have their own shapes; they are still Tables with a header row.
CONFIG = Sheet("Cấu hình", "settings", "CauHinh", role="config", landscape=False,
               description="Thông tin của đơn vị.", columns=(
    Column("Khóa", "label", width=36),
    Column("Giá trị", "value", width=50),
))

LOOKUP_SHEET = Sheet("Danh mục", "lookups", "DanhMuc", role="lookup",
                     description="Danh sách chọn cho các ô có mũi tên.", columns=tuple(
    Column(lk.header, lk.key, width=max(12, min(45, max(map(len, lk.values), default=0) + 2)),
           added=lk.added)
    for lk in LOOKUPS
))

# Order of the sheets in the workbook: daily work first, set-up after, product reports last.
SHEETS: tuple[Sheet, ...] = (
    PLANS, INVITEES, OPINIONS, MILESTONES, REGISTER, SURVEY,
    CONFIG, RULES, OVERRIDES, LOOKUP_SHEET,
    CHECKS, PENDING, INTAKE_KEYS, DASHBOARD, LOG,
)

SHEETS_BY_KEY = {s.key: s for s in SHEETS}
SHEETS_BY_NAME = {s.name: s for s in SHEETS}


def sheet(key: str) -> Sheet:
    return SHEETS_BY_KEY[key]


# ---------------------------------------------------------------------------------------------
# Default deadline rules (deadlines.md, "Default rules"). Rows of Quy tắc thời hạn.

LAW_43 = "Luật Tổ chức chính quyền địa phương 2025, Điều 43"
CONCLUSION_GUIDANCE = ("Hướng dẫn của cấp tỉnh về tổ chức đối thoại (mặc định; ghi số, ngày "
                       "văn bản hướng dẫn của tỉnh)")
# The conclusion notice (TBKL) is the publication of the results: the law's 10 days bound it.
CONCLUSION_WITHIN_LAW = (LAW_43 + " (thông báo kết luận là văn bản công bố kết quả, nên ban hành "
                         "chậm nhất 10 ngày sau hội nghị; hướng dẫn của tỉnh cho hạn dài hơn "
                         "không áp dụng cho việc công bố)")
CONCLUSION_EXTENDED = (CONCLUSION_GUIDANCE + "; chỉ bật (Sử dụng = Có) khi kết quả đã được công "
                       "bố bằng văn bản khác trong 10 ngày: ghi ngày đó vào Ngày hoàn thành của "
                       "mốc CONG_KHAI_KET_QUA")
# Every commune's new registry carries these words, so they name no other commune; where
# each default was read is DEFAULT_RULE_SOURCES (docs/deadlines.md prints both).
PRACTICE = "Thực tiễn tổ chức ở cấp xã (mặc định; sửa theo kế hoạch của đơn vị)"
# The unit of the hall's preparation: the village where the conference is held (the plan
# gives it to the office when its venue is no village's: documents/context/preparation.py).
HOST_VILLAGE = "Thôn, tổ dân phố nơi tổ chức"
_TU_MINH = "Tứ Minh's plan 118/KH-UBND (samples/tu-minh)"
_BAC_THANH_MIEN = "Bắc Thanh Miện's 2025 plan (samples/bac-thanh-mien)"
DEFAULT_RULE_SOURCES: dict[str, str] = {
    "THONG_BAO": "the law; Quảng Sơn's and Tứ Minh's plans",
    "PHAT_PHIEU": _TU_MINH, "THU_PHIEU": f"{_TU_MINH}; {_BAC_THANH_MIEN}",
    "TONG_HOP": _TU_MINH, "BAO_CAO_DON_VI": _TU_MINH,
    "DU_THAO_TRA_LOI": f"{_TU_MINH}; {_BAC_THANH_MIEN}", "GIAY_MOI": _TU_MINH,
    "HOI_TRUONG": _TU_MINH, "CONG_KHAI_KET_QUA": "the law",
    "KET_LUAN": "the law's publication of the results, which the notice is (the provincial "
                f"guidance {_BAC_THANH_MIEN} cites allows 10 working days)",
    "KET_LUAN_GIA_HAN": f"the provincial guidance {_BAC_THANH_MIEN} cites; off by default",
    "BAO_CAO_KET_QUA": "Quảng Sơn's 2026 plan (samples/quang-son)",
    "GIAI_QUYET": "practice: the conclusion notice sets it", "TRA_LOI": _BAC_THANH_MIEN,
}

# Shipped with Sử dụng = Không: kept in the sheet for a commune that needs it.
OFF_BY_DEFAULT = ("KET_LUAN_GIA_HAN",)

DEFAULT_RULES: tuple[dict, ...] = tuple(
    dict(code=code, task=task, anchor=anchor, direction=direction, days=days, day_kind=kind,
         unit=unit, applies_to=applies, legal_basis=basis, mandatory=mandatory,
         enabled=NO if code in OFF_BY_DEFAULT else YES)
    for code, task, anchor, direction, days, kind, unit, applies, basis, mandatory in (
        ("THONG_BAO", "Thông báo thời gian, địa điểm, nội dung hội nghị trên truyền thanh và tới "
                      "thôn, tổ dân phố",
         "Ngày hội nghị", "trước", 7, "ngày", "Phòng Văn hóa - Xã hội", "Kế hoạch",
         LAW_43 + " (chậm nhất 07 ngày trước hội nghị)", YES),
        ("PHAT_PHIEU", "Phát phiếu hỏi, phiếu đăng ký phát biểu",
         "Ngày hội nghị", "trước", 25, "ngày", "Ủy ban MTTQ, thôn, tổ dân phố", "Kế hoạch",
         PRACTICE, NO),
        ("THU_PHIEU", "Thu phiếu, gửi về Văn phòng",
         "Ngày hội nghị", "trước", 21, "ngày", "Ủy ban MTTQ, thôn, tổ dân phố", "Kế hoạch",
         PRACTICE, NO),
        ("TONG_HOP", "Báo cáo tổng hợp ý kiến, công văn phân công trả lời",
         "Ngày hội nghị", "trước", 17, "ngày", "Văn phòng HĐND và UBND", "Kế hoạch",
         PRACTICE, NO),
        ("BAO_CAO_DON_VI", "Các đơn vị gửi báo cáo tình hình",
         "Ngày hội nghị", "trước", 10, "ngày", "Các cơ quan, đơn vị", "Kế hoạch",
         PRACTICE, NO),
        ("DU_THAO_TRA_LOI", "Các đơn vị gửi dự thảo trả lời ý kiến",
         "Ngày hội nghị", "trước", 7, "ngày", "Các cơ quan, đơn vị", "Kế hoạch",
         PRACTICE, NO),
        ("GIAY_MOI", "Phát hành giấy mời",
         "Ngày hội nghị", "trước", 7, "ngày", "Văn phòng HĐND và UBND", "Kế hoạch",
         PRACTICE, NO),
        ("HOI_TRUONG", "Chuẩn bị hội trường, loa máy",
         "Ngày hội nghị", "trước", 2, "ngày", HOST_VILLAGE, "Kế hoạch",
         PRACTICE, NO),
        # The conclusion notice is what is posted (rules.deadlines.DONE_BY_DOCUMENT): issued
        # by the law's day of publication, never after it, and listed before it.
        ("KET_LUAN", "Ban hành thông báo kết luận hội nghị",
         "Ngày hội nghị", "sau", 10, "ngày", "Văn phòng HĐND và UBND", "Kế hoạch",
         CONCLUSION_WITHIN_LAW, NO),
        ("CONG_KHAI_KET_QUA", "Công bố kết quả: niêm yết, truyền thanh, gửi trưởng thôn",
         "Ngày hội nghị", "sau", 10, "ngày", "Văn phòng HĐND và UBND", "Kế hoạch",
         LAW_43, YES),
        # The province's longest delay for complex matters would post the results after the
        # law's 10 days: off unless the results are published otherwise
        # (rules/validation/step_order.py).
        ("KET_LUAN_GIA_HAN", "Thông báo kết luận (vụ việc phức tạp, tối đa)",
         "Ngày hội nghị", "sau", 15, "ngày làm việc", "Văn phòng HĐND và UBND", "Kế hoạch",
         CONCLUSION_EXTENDED, YES),
        ("BAO_CAO_KET_QUA", "Báo cáo kết quả lên cấp có thẩm quyền",
         "Ngày hội nghị", "sau", 10, "ngày làm việc", "Văn phòng HĐND và UBND", "Kế hoạch",
         PRACTICE, NO),
        ("GIAI_QUYET", "Giải quyết xong kiến nghị (ghi Ngày giải quyết xong ở trang Ý kiến)",
         "Ngày ban hành thông báo kết luận", "sau", 30, "ngày làm việc", "Cơ quan được phân công",
         "Ý kiến", "Thực tiễn: thời hạn giải quyết theo thông báo kết luận (sửa theo địa phương)",
         NO),
        ("TRA_LOI", "Trả lời bằng văn bản cho người nêu ý kiến",
         "Ngày ban hành thông báo kết luận", "sau", 15, "ngày làm việc", "Cơ quan được phân công",
         "Ý kiến", PRACTICE,
         NO),
    )
)


# ---------------------------------------------------------------------------------------------
# Calendar overrides shipped in every new registry (Ngày nghỉ): the official 2026 schedule where
# the pinned holidays package differs from it or needs stating (deadlines.md). Data the clerk can
# correct, not code.

VPCP_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"

DEFAULT_OVERRIDES: tuple[dict, ...] = (
    dict(date="02/01/2026", kind="Nghỉ", reason="Nghỉ hoán đổi dịp Tết Dương lịch 2026",
         basis=VPCP_2026),
    dict(date="10/01/2026", kind="Làm bù", reason="Làm bù cho ngày thứ Sáu 02/01/2026",
         basis=VPCP_2026),
    dict(date="22/08/2026", kind="Làm bù", reason="Làm bù cho ngày thứ Hai 31/8/2026",
         basis=VPCP_2026),
    dict(date="31/08/2026", kind="Nghỉ", reason="Nghỉ hoán đổi dịp Quốc khánh 2026",
         basis=VPCP_2026),
    dict(date="24/11/2026", kind="Không nghỉ",
         reason="Ngày Văn hóa Việt Nam: chưa thấy văn bản quy định là ngày nghỉ; xóa dòng này "
                "nếu có quyết định cho nghỉ",
         basis="Bộ luật Lao động 2019, Điều 112 (danh sách ngày nghỉ lễ)"),
)
