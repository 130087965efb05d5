"""The words :mod:`doithoai.text.privacy` reads a text by, and how it reads them.

Lists of words (naming words before a number, units, public nouns, forms of address, surnames,
titles, public figures), each as people write it with accents; the same words without accents
are derived here, for texts typed without any, except where a word without its accents reads
as another (then the list says so). And the small readers every finder shares: the word just
before a position, whether a text was typed without accents, in title case or in capitals.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from doithoai.text import vntext


class Found(NamedTuple):
    """One identifier: ``text[start:end]`` is masked as ``privacy.MASKS[kind]``."""
    start: int
    end: int
    kind: str


# --- reading ---------------------------------------------------------------------------------

# Invisible characters: zero-width space and joiners, soft hyphen, direction marks, BOM.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u2069\ufeff]")
UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x1f00)) if c.isupper()
                        and (c.isascii() or unicodedata.name(c, "").startswith("LATIN"))}))
UP = "[" + re.escape(UPPER) + "]"                       # a capital letter, Vietnamese included
WORD = re.compile(r"[^\W\d_]+")
# A letter with a diacritic: a text without any was typed without accents.
_ACCENTED = re.compile("[" + re.escape("".join(
    c for c in map(chr, range(0xC0, 0x1f00))
    if c.isalpha() and unicodedata.name(c, "").startswith("LATIN"))) + "]")


_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def as_typed(view: str) -> str:
    """``view`` without what stands in brackets: a text masked once (the province masks again)
    is read as it was typed, whatever the accents and case of "[số điện thoại]"."""
    return _BRACKETED.sub(" ", view) if "[" in view else view


def without_accents(view: str) -> bool:
    """Typed without accents (no letter with a diacritic)."""
    return view.isascii() or not _ACCENTED.search(as_typed(view))


def plain(words) -> list[str]:
    """The words without accents, in lower case, as a text typed without them has them."""
    return sorted({vntext.unaccent(w) for w in words})


def fold(text: str) -> str:
    return " ".join(vntext.unaccent(text).split())


def alternation(words) -> str:
    """A regular-expression alternation of ``words`` (longest first, so that "số nhà" wins
    over "số"; any spaces between the words of one)."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                           for w in sorted(set(words), key=len, reverse=True)) + ")"


def seqs(phrases, without: bool, plain_too: bool = True) -> frozenset:
    """``phrases`` as tuples of words, as a text of this kind writes them: without accents in a
    text typed without any; with them (and, if ``plain_too``, also without) in the others."""
    accented = {tuple(p.split()) for p in phrases}
    bare = {tuple(vntext.unaccent(w) for w in seq) for seq in accented}
    if without:
        return frozenset(bare)
    return frozenset(accented) | (frozenset(bare) if plain_too else frozenset())


def word_before(view: str, pos: int) -> tuple[str, int]:
    """The word just before ``pos`` in lower case ("" if none) and where it begins; only
    spaces and a colon may lie between ("sn12" reads "sn", "Số nhà: 33" reads "nhà")."""
    j = pos
    while j and view[j - 1] in " \u00a0\t:":
        j -= 1
    k = j
    while k and (view[k - 1].isalpha() or (view[k - 1] == "/" and k > 1
                                            and view[k - 2].isalpha())):
        k -= 1
    return view[k:j].lower(), k


def words_before(view: str, pos: int, n: int, nearest: tuple[str, int] | None = None
                 ) -> list[tuple[str, int]]:
    """Up to ``n`` words just before ``pos`` (nearest last), as :func:`word_before` reads
    them; ``nearest`` is the nearest, if already read."""
    out: list[tuple[str, int]] = []
    word = nearest or word_before(view, pos)
    while word[0] and len(out) < n:
        out.insert(0, word)
        word = word_before(view, word[1])
    return out


def may_follow(view: str, pos: int, tails: tuple[str, ...]) -> bool:
    """A cheap first look (a slice and three string methods): the text just before ``pos``
    ends with one of ``tails``; :func:`word_before` then reads the word itself."""
    return view[max(0, pos - 10):pos].rstrip(" \u00a0\t:").lower().endswith(tails)


def suffix_in(words: list[tuple[str, int]], phrases: frozenset) -> int:
    """How many of the last ``words`` form one of ``phrases`` (the longest), 0 if none."""
    for k in (3, 2, 1):
        if len(words) >= k and tuple(w for w, _ in words[-k:]) in phrases:
            return k
    return 0


def casing(view: str) -> tuple[bool, bool]:
    """(typed in title case, typed in capitals): in such a text a capital says nothing, and in
    the second a word in capitals may be a name, not an acronym. Title case: most of the small
    words that are never names (và, bị, của, đề…) are capitalised too; in a text without them,
    nearly every word."""
    words = WORD.findall(as_typed(view))
    if len(words) < 4:
        return False, False
    upper = sum(len(w) for w in words if w.isupper()) > 0.6 * sum(map(len, words))
    small = [w for w in words[1:] if w.lower() in _SMALL]          # the first is a capital
    if len(small) >= 2:
        return sum(w[0].isupper() for w in small) > 0.5 * len(small), upper
    return sum(w[0].isupper() for w in words) > 0.8 * len(words), upper


# --- numbers ---------------------------------------------------------------------------------

# A word just before a number that names what it is.
NAMING_WORDS = {
    "phone": ["số điện thoại", "điện thoại", "điện thoại bàn", "số máy", "máy bàn", "di động",
              "dđ", "đtdđ", "đt", "đth", "sđt", "tel", "phone", "mobile", "zalo", "hotline",
              "liên hệ", "liên lạc", "lh", "gọi", "nhắn tin", "nhắn", "sms", "thuê bao"],
    "identity": ["căn cước công dân", "căn cước", "thẻ căn cước", "cccd", "cmnd", "cmt",
                 "chứng minh nhân dân", "chứng minh thư", "chứng minh", "định danh cá nhân",
                 "định danh", "giấy tờ tùy thân", "hộ chiếu", "passport", "id"],
    "tax": ["mã số thuế", "mã thuế", "mst", "thuế"],
    "bank": ["số tài khoản", "tài khoản", "stk", "tk", "ngân hàng", "chuyển khoản",
             "vietcombank", "vcb", "agribank", "bidv", "vietinbank", "techcombank", "tcb", "mb",
             "mbbank", "vpbank", "acb", "sacombank", "tpbank", "shb", "hdbank", "ocb", "vib",
             "seabank", "lpbank", "lienvietpostbank", "msb", "eximbank", "abbank", "pvcombank",
             "scb", "oceanbank", "kienlongbank", "vietbank", "ncb", "pgbank", "saigonbank",
             "bac a bank", "nam a bank", "bảo việt bank", "ngân hàng chính sách"],
}
# Money and measures after a number make it an amount. Without accents only the words that
# read as nothing else ("dong", "trieu"; not "phan", "lan", "sao").
UNITS = ["đồng", "đ", "vnđ", "vnd", "triệu", "tr", "tỷ", "tỉ", "nghìn", "ngàn", "usd", "m2",
         "m²", "m3", "m", "mét", "km", "ha", "kg", "tấn", "tạ", "lít", "dong", "d", "trieu",
         "ty", "nghin", "ngan", "met", "lit"]
# A count after a number makes it one, unless a word names the number ("MST 8012345678 người
# nộp thuế…").
UNIT_AFTER = re.compile(r"[ \u00a0]*(?:%|\$|" + alternation(UNITS) + r"(?!\w))", re.IGNORECASE)
COUNTS = ["hộ", "người", "khẩu", "nhân khẩu", "học sinh", "lượt", "nguoi", "khau", "nhan khau",
          "hoc sinh", "luot"]
PLATE_WORDS = ["biển số", "biển kiểm soát", "bks", "bsx", "bs", "xe"]
BOAT_WORDS = ["tàu", "tàu cá", "thuyền", "ghe", "số hiệu", "đăng ký"]

# Where the parts of a short field (an address) meet: a comma, a semicolon, a spaced dash.
PART_JOINT = r"(?:[,;]|[ \u00a0][-–](?=[ \u00a0]|$))"

# --- house numbers -----------------------------------------------------------------------------

# The words before a house number that stay ("số nhà [số nhà]").
LEADS = ["số nhà", "nhà số", "căn hộ số", "căn hộ", "căn số", "sn", "nhà"]
AT_WORDS = ["ở", "tại", "địa chỉ", "đ/c", "đc"]
# After "số N", one of these makes it an address ("số 12 ngõ 5").
STREET_WORDS = ["ngõ", "ngách", "hẻm", "kiệt", "đường", "phố", "tổ", "thôn", "xóm", "khu",
                "ấp", "khối", "cụm", "tổ dân phố", "khu phố", "đội", "chung cư", "tập thể",
                "lô", "bản", "làng", "phường", "xã", "thị trấn", "tdp", "kp"]
# A number after one of these (up to three words before "số": the noun comes first in
# Vietnamese, "bể nước số 3") names the public thing, not a house ("Cầu số 3 thôn Đông");
# after the last few it is a count ("trong số 3 thôn").
PUBLIC_NOUNS = ["cầu", "cống", "kênh", "mương", "trạm", "trạm bơm", "trạm biến áp", "giếng",
                "đập", "hồ", "bể", "đê", "kè", "bến", "bãi", "chợ", "trường", "lớp", "phòng",
                "phòng học", "đội", "tổ", "tổ dân phố", "xóm", "thôn", "ấp", "bản", "khu",
                "khu phố", "cụm", "lô", "lô đất", "thửa", "thửa đất", "tờ bản đồ", "đường",
                "tuyến", "quốc lộ", "tỉnh lộ", "huyện lộ", "đường tỉnh", "đường huyện", "ngõ",
                "ngách", "hẻm", "kiệt", "nhà máy", "nhà văn hóa", "tòa nhà", "dãy nhà",
                "khu nhà", "xưởng", "kho", "cột", "cột điện", "trụ", "trụ điện", "biển", "điểm",
                "điểm trường", "máy", "lò", "phiếu", "mẫu", "bảng", "câu", "điều", "khoản",
                "mục", "chương", "phần", "lần", "đợt", "kỳ", "khóa", "tập", "trang",
                "quyết định", "kế hoạch", "công văn", "văn bản", "thông báo", "nghị quyết",
                "nghị định", "thông tư", "luật", "chỉ thị", "tờ trình", "báo cáo", "hợp đồng",
                "giấy", "sổ", "hồ sơ", "biên bản", "quầy", "cửa", "cổng", "ki ốt", "kiốt",
                "sạp", "gian hàng", "xe", "tuyến xe", "chuyến", "ca", "khu đô thị",
                "khu dân cư", "khu công nghiệp", "cụm công nghiệp", "phân khu", "tầng", "hầm",
                "nhà xe", "bàn", "đài", "tháp", "đồn", "trạm y tế", "hội trường", "sân",
                "nhà thi đấu", "bệnh viện", "đầm", "ao", "vùng", "cánh đồng", "xứ đồng", "bờ",
                "đoạn", "nút", "ngã", "km", "mốc", "ô", "đất", "ruộng", "vườn", "khoảnh",
                "trong", "tổng", "con", "một", "các", "những", "mã", "thứ", "hạng", "loại",
                "nhóm", "đơn", "tiết", "bài", "ý kiến"]
# "ô" (a plot) is read with its accent only: without it, it reads as "ở" (at).
ACCENT_ONLY = {"ô"}
# A word between the noun and "số" that ends the noun phrase: "cửa hàng ở số 45" is a house.
# Without accents "cho", "ben" read as chợ, bến too: not breaks there.
PHRASE_BREAKS = ["ở", "tại", "của", "là", "và", "với", "cho", "về", "đến", "từ", "gần", "cạnh",
                 "bên"]
# "tòa nhà số 3", "dãy nhà 2", "cả nhà 5 người": a building or a household, not a home.
GROUPED = ["tòa", "dãy", "khu", "nhóm", "lô", "cả", "mấy", "các", "những", "hai", "ba"]
# After "nhà N", a count: "nhà 3 tầng", "nhà 5 gian". Without accents only the words that
# read as nothing else.
UNIT_WORDS = ["tầng", "gian", "căn", "phòng", "m2", "m²", "m", "mét", "người", "hộ", "khẩu",
              "nhân khẩu", "lần", "ngày", "tháng", "năm", "tuổi", "đời", "cái", "chiếc", "cây",
              "con", "đứa", "tấn", "triệu", "tỷ", "nghìn", "ngàn", "đồng", "lô", "thửa", "mái",
              "cửa", "bể", "giường", "xe", "ô tô", "sào", "mẫu", "ha", "thế hệ", "anh em",
              "chị em", "cháu", "nóc", "cột", "mặt tiền", "phần", "lớp"]
PLAIN_UNIT_WORDS = ["tang", "gian", "can", "phong", "m2", "m", "met", "nguoi", "khau",
                    "nhan khau", "ngay", "thang", "tuoi", "chiec", "dua", "trieu", "nghin",
                    "ngan", "dong", "thua", "cua", "giuong", "o to", "the he", "anh em",
                    "chi em", "mat tien"]

# --- names -------------------------------------------------------------------------------------

ADDRESS_FORMS = ["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy",
                 "cô giáo", "thầy giáo", "dì", "dượng", "cậu", "mợ", "thím", "bé", "tôi là",
                 "tôi tên", "tôi tên là", "tên tôi là", "tên là", "họ tên", "họ và tên"]
# Without accents these forms read as other words (dượng, cậu, dì, mợ, bé: đường, cầu, đi,
# mở, bể): not forms there.
PLAIN_NOT_FORMS = {"duong", "cau", "di", "mo", "be"}
# Forms that without accents are ordinary words too (ánh, có, chỉ, ba, chú, cụ, em, bác): a
# figure's name after one is read as the figure's ("phan anh Tran Hung Dao": phản ánh).
PLAIN_WORD_FORMS = {"anh", "co", "chi", "ba", "chu", "cu", "em", "bac"}
# Surnames that begin a full name typed with no form of address; those that also begin place
# names (Kim, Sơn, Yên, Hoa, Quang, Thái…) are left out.
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Lưu",
            "Mai", "Cao", "Vương", "Tạ", "Hà", "Lâm", "Chu", "Tô", "Đào", "Quách", "Khúc",
            "Kiều", "Lại", "Mạc", "Nghiêm", "Tôn", "Triệu", "Diệp", "Hứa", "Khổng", "Lò",
            "Lục", "Mẫn", "Ninh", "Nông", "Phí", "Phùng", "Tăng", "Thân", "Tiêu", "Vi", "Âu",
            "Bạch", "Bế", "Cù", "Cấn", "Doãn", "Đàm", "Giáp", "Hàn", "Hầu", "Kha", "Lã",
            "Nhâm", "Sầm", "Thạch", "Thiều", "Trương", "Ung", "Vòng", "Lường", "Tống", "Vàng",
            "Thào", "Giàng", "Sùng", "Cầm", "Chế", "Đới", "Quàng", "Lù"]
# The most common surnames: a name in lower case is read only with one of them before văn or
# thị ("nguyễn văn tám"); and in a text in title case or capitals, a full name with no form of
# address only with one of them or with a middle name below.
COMMON_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
                   "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Trịnh", "Đoàn", "Lương",
                   "Vương", "Trương", "Lưu"]
MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Hữu", "Minh", "Ngọc", "Quang", "Xuân", "Thanh", "Thu",
                "Hồng", "Công", "Đình", "Duy", "Mạnh", "Tiến", "Bảo", "Gia", "Phương", "Kim",
                "Anh", "Trọng", "Quốc", "Hoàng", "Huy", "Thế", "Trung", "Hải", "Như", "Mỹ",
                "Khánh", "Tuấn", "Thành", "Hoài", "Bích", "Diệu", "Phúc", "Tấn", "Đăng"]
# A name right after one of these names a public place or an official, not a private person
# (not the "đình" of "gia đình"; without accents not "ho", "de" (hộ, để), nor before a form of
# address "to", "ban" (tô, bạn)).
PLACE_AND_TITLE_WORDS = [
    "đường", "phố", "ngõ", "ngách", "hẻm", "kiệt", "trường", "thcs", "thpt", "th", "ptcs",
    "tiểu học", "trung học", "mầm non", "mẫu giáo", "học", "cầu", "chợ", "đền", "chùa", "đình",
    "miếu", "phủ", "nhà thờ", "công viên", "quảng trường", "bệnh viện", "tượng đài", "tượng",
    "lăng", "tuyến", "phường", "xã", "thôn", "xóm", "tổ", "khu", "ấp", "bản", "buôn", "plei", "bon",
    "làng", "sóc", "phum", "huyện", "quận",
    "tỉnh", "thành phố", "tp", "tp.", "thị trấn", "thị xã", "sông", "hồ", "núi", "đảo", "kênh",
    "đê", "bến", "bãi", "khu đô thị", "trung tâm", "nhà máy", "công ty", "htx", "hợp tác xã",
    "đội", "giải", "cúp", "lớp", "cơ sở", "chi đoàn", "chi bộ", "chi hội", "liên đội",
    "huân chương", "giải thưởng", "bảo tàng", "nhà lưu niệm", "di tích", "khu di tích", "đài",
    "tập đoàn", "cửa hàng", "siêu thị", "khách sạn", "nhà hàng", "quỹ", "hội", "câu lạc bộ",
    "clb", "đoàn", "cảng", "sân bay", "ga", "bến xe", "nhà văn hóa", "ngã ba", "ngã tư",
    "chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "trưởng thôn", "trưởng xóm",
    "trưởng ban", "trưởng phòng", "trưởng công an", "trưởng trạm", "giám đốc", "phó giám đốc",
    "đồng chí", "đ/c", "chủ nhiệm", "hiệu trưởng", "tổ trưởng", "cán bộ", "đại biểu",
    "ủy viên", "thường trực", "chánh văn phòng", "văn phòng", "ubnd", "hđnd", "mttq",
    "ủy ban", "đảng ủy", "công an", "tư tưởng", "phong cách", "đạo đức", "lời", "di chúc",
    "gương", "tấm gương", "anh hùng", "liệt sĩ", "danh nhân"]
# Words after a form of address that make it a title or a thing, not a name ("ông Trưởng
# thôn", "bà Chủ tịch Hội", "anh Công an viên", "có Quyết định", "anh Km 3"). Several words each,
# so that a given name that begins one ("ông Trường", "ông Chánh") is still read as a name.
OFFICES = ["chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "trưởng thôn", "trưởng xóm",
           "trưởng bản", "trưởng ấp", "trưởng khu", "trưởng ban", "trưởng phòng", "trưởng trạm",
           "trưởng công an", "trưởng đoàn", "phó trưởng", "giám đốc", "phó giám đốc",
           "chánh văn phòng", "chánh án", "chánh thanh tra", "hiệu trưởng", "hiệu phó",
           "tổ trưởng", "tổ phó", "thôn trưởng", "xóm trưởng", "công an", "cán bộ", "đại biểu",
           "chủ nhiệm", "kế toán", "thủ quỹ", "bác sĩ", "y sĩ", "y tá", "giáo viên", "đại úy",
           "trung úy", "thiếu úy", "đại tá", "thượng tá", "trung tá", "thiếu tá", "chỉ huy",
           "ủy viên", "thường trực", "đồng chí", "trạm trưởng", "đội trưởng", "linh mục",
           "cha xứ", "thượng tọa", "đại đức", "ni sư", "đảng viên", "hội trưởng", "phó ban",
           "chi hội trưởng", "kiểm lâm", "địa chính", "tư pháp", "chủ hộ", "chủ nhà",
           "quyết định", "kế hoạch", "công văn", "thông báo", "nghị định", "nghị quyết",
           "thông tư", "luật", "ubnd", "hđnd", "mttq", "ủy ban", "hội phụ nữ", "hội nông dân",
           "hội cựu chiến binh", "đoàn thanh niên", "hợp tác xã", "htx", "công ty", "km", "ql"]
# Places after a form of address ("anh Trường THCS…"); without accents not those that read as
# names too (phuong: Phương, duong: Dương, tinh: Tình, xa, thon, nor any surname: ngo: Ngô).
PLACES_AFTER_FORM = ["trường tiểu học", "trường thcs", "trường thpt", "trường mầm non",
                     "trường trung học", "quốc lộ", "tỉnh lộ", "đường", "phố", "ngõ", "chợ",
                     "cầu", "đền", "chùa", "xã", "phường", "thôn", "xóm", "huyện", "tỉnh",
                     "thị trấn"]
NAME_LIKE_PLACES = {"phuong", "duong", "tinh", "huyen", "quan", "xa", "thon"}
# In an ordinary text a capitalised word after a name is part of it, unless it is one of these.
PLACE_STOPS = ["xóm", "thôn", "tổ", "khu", "ấp", "bản", "phường", "xã", "huyện", "tỉnh", "quận",
               "đường", "phố", "ngõ", "ngách", "hẻm", "kiệt", "số", "nhà", "tdp", "kp", "ubnd",
               "hđnd", "htx", "mttq", "sđt", "đt", "cccd", "cmnd", "mst", "stk", "zalo",
               "email"]
# In a text in title case or capitals, these end a name too (none is a surname or a common
# given name: "năm", "anh", "em" are given names and left out).
STOP_WORDS = ["ở", "tại", "và", "với", "của", "là", "có", "bị", "được", "đã", "đang", "sẽ",
              "không", "chưa", "cho", "về", "đề", "nghị", "xin", "hỏi", "phản", "gọi", "nói",
              "cùng", "nhưng", "thì", "mà", "vì", "nên", "rằng", "cũng", "ra", "vào", "lên",
              "xuống", "đi", "đến", "trong", "ngoài", "trên", "dưới", "sau", "trước", "nay",
              "này", "đó", "ấy", "kia", "con", "cháu", "chị", "ông", "bà", "cô", "chú", "bác",
              "cụ", "hộ", "người", "kiến", "ý", "thể", "bé", "ta", "tôi", "mình", "các",
              "những", "mọi", "cả", "ai", "gì", "nào", "đây", "lúc", "khi", "nếu", "để",
              "bởi", "theo", "tiền", "tk", "xe", "biển", "lớp", "học", "giáo", "phụ", "huynh",
              "làm", "thấy", "mong", "gửi", "thưa", "ạ", "nhé", "chủ", "tịch", "trạm", "cầu",
              "kênh", "chợ", "đền", "chùa", "sông", "đội", "tp", "bán", "nuôi", "xây", "đốt",
              "chạy", "dạy", "bức", "xúc", "tranh", "chấp", "tháng", "ngày", "tuổi"]
# The same without accents: only those that read as no given name (not huyen: Huyền, phuong:
# Phương, quan: Quân, sau: Sáu, tai: Tài, thi: Thị, trong: Trọng, tien: Tiến, nhung: Nhung).
PLAIN_PLACE_STOPS = ["xom", "thon", "khu", "ap", "xa", "pho", "ngach", "hem", "so", "tdp", "kp",
                     "ubnd", "hdnd", "htx", "mttq", "sdt", "dt", "cccd", "cmnd", "mst", "stk",
                     "zalo", "email"]
PLAIN_STOPS = ["va", "voi", "cua", "bi", "duoc", "da", "se", "khong", "chua", "cho", "ve", "de",
               "nghi", "xin", "phan", "goi", "noi", "cung", "vi", "nen", "ra", "vao", "len",
               "xuong", "den", "ngoai", "tren", "duoi", "truoc", "nay", "kia", "ong", "ba",
               "chi", "co", "chu", "bac", "cu", "nguoi", "toi", "cac", "moi", "theo", "xe",
               "lop", "hoc", "gui", "o", "nha"]
# Small words that are never part of a name: capitalised, they show a text in title case.
SMALL_WORDS = ["và", "của", "bị", "được", "đã", "đang", "sẽ", "không", "chưa", "cho", "về", "đề",
               "nghị", "xin", "hỏi", "phản", "với", "là", "có", "ở", "tại", "trong", "ngoài",
               "nhưng", "thì", "mà", "vì", "nên", "rằng", "cũng", "các", "những", "này", "đó",
               "theo", "từ", "đến", "lúc", "khi", "nếu", "để", "va", "cua", "bi", "duoc",
               "khong", "chua", "nghi", "xin", "voi", "nhung", "rang", "cung", "cac", "nay",
               "theo", "neu"]
_SMALL = frozenset(SMALL_WORDS)
# Two words after which a name begins in a text typed in capitals ("LIÊN HỆ NGUYỄN VĂN A").
NAME_INTRODUCERS = {"phản ánh", "liên hệ", "kiến nghị", "phan anh", "lien he", "kien nghi"}
# Public names that begin with a form of address, in lower case (the form capitalised in the
# text: "anh Sơn" is a person, "Anh Sơn" a district), and those only a text without accents
# can confuse ("Ba Vì" is no "bà" where accents are typed).
PUBLIC_AFTER_ADDRESS = {"bác hồ", "cụ hồ", "bác tôn", "bà triệu", "bà trưng", "bà rịa", "bà đen",
                        "bà chiểu", "bà điểm", "bà chúa", "bà huyện", "bà hom", "bà quẹo",
                        "anh sơn", "cô tô", "cô giang", "cô bắc", "ông lãnh", "ông đốc",
                        "ông ích khiêm", "ông ích đường", "bà huyện thanh quan"}
PLAIN_PUBLIC_AFTER_ADDRESS = {"ba vi", "ba be", "ba dinh", "ba to", "ba tri", "ba thuoc",
                              "ba ra", "ba na"}
# Historical and national figures, whose names stay (in lower case; a text without accents is
# compared without them).
PUBLIC_FIGURES = {
    "hồ chí minh", "võ nguyên giáp", "trần hưng đạo", "lý thường kiệt", "lý thái tổ",
    "lê quý đôn", "phan bội châu", "phan chu trinh", "phan châu trinh", "phan đình phùng",
    "hoàng hoa thám", "nguyễn thị minh khai", "tôn đức thắng", "phạm văn đồng", "lê hồng phong",
    "nguyễn văn cừ", "nguyễn văn linh", "võ văn kiệt", "nguyễn đình chiểu", "trần quốc toản",
    "lý tự trọng", "võ thị sáu", "nguyễn văn trỗi", "chu văn an", "bế văn đàn", "tô vĩnh diện",
    "lê văn tám", "nguyễn thái học", "trần nhân tông", "lê thánh tông", "đinh tiên hoàng",
    "lê đại hành", "nguyễn tất thành", "nguyễn chí thanh", "hoàng văn thụ", "ngô gia tự",
    "tô hiến thành", "lê văn hưu", "nguyễn bỉnh khiêm", "trần khánh dư", "lý công uẩn",
    "nguyễn hữu cảnh", "nguyễn trung trực", "nguyễn thị định", "hà huy tập", "trần quang khải",
    "trần bình trọng", "phạm ngũ lão", "lý nam đế", "mạc đĩnh chi", "nguyễn công trứ",
    "hồ xuân hương", "tôn thất tùng", "trần quốc tuấn", "lê văn duyệt", "võ thị thắng",
    "hoàng quốc việt", "nguyễn lương bằng", "trần đại nghĩa", "tôn thất thuyết",
    "nguyễn an ninh", "phan đăng lưu", "nguyễn hữu thọ", "huỳnh thúc kháng", "nông văn dền",
    "nguyễn tri phương", "trần văn ơn", "đinh bộ lĩnh", "mai hắc đế", "hai bà trưng",
    "hồ tùng mậu", "trần thủ độ", "trần quang diệu", "trần văn thời", "phan rang tháp chàm",
    "lý chính thắng", "lê văn lương", "quang trung", "lê lợi", "ngô quyền", "nguyễn huệ",
    "trần phú", "lê duẩn", "trường chinh", "nguyễn du", "nguyễn trãi", "hùng vương", "lê lai",
    "lý bí", "phùng hưng", "an dương vương", "lạc long quân", "âu cơ", "kim đồng",
    "hoàng diệu", "nguyễn khuyến", "bà triệu", "yết kiêu", "dã tượng"}

# Words that end a name: (typed without accents, typed in title case or capitals) → words.
STOPS = {(False, False): frozenset(PLACE_STOPS),
         (False, True): frozenset(STOP_WORDS + PLACE_STOPS),
         (True, False): frozenset(PLAIN_PLACE_STOPS) - frozenset(plain(SURNAMES)),
         (True, True): frozenset(PLAIN_PLACE_STOPS + PLAIN_STOPS) - frozenset(plain(SURNAMES))}
