"""A seeded generator of citizens' texts no one typed, each span labelled as in the corpus.

Sentence frames are filled with identifiers (phones, identity numbers, tax codes, bank
accounts, plates, fishing boats' numbers, e-mails, house numbers, names after a form of address
or in full) and public places and numbers (numbered public works, lanes and roads, amounts, measures, dates, document
numbers, streets and schools named after people, officials by title), drawn at random with their
many spellings: separators, grouping, +84, brackets, zero-width characters, no-break spaces,
odd spacing, upper case, texts typed without accents. The lists are this module's own, written
apart from doithoai.text.privacy, so that a rule that only fits the corpus shows here.

What the generator leaves out, because no rule can read it and the module says so: a name in
lower case right after a form of address with no "văn"/"thị" ("ông tám"); without accents, the
forms "di", "cau", "mo" (dì, cậu, mợ: they read as đi, cầu, mở) and streets named after a
full name of this module's own invention ("Duong Dang Manh Toan" reads as a person); a private
person bearing the full name of a national figure, or called by a form that makes a public name
("Bà Triệu", "Cô Tô": the module keeps those readable); a bare 9-digit number that names
nothing; and a name typed directly before a capitalised public place with nothing between
("ông Tám Trường Tiểu học…": a comma or a word always separates them here).
"""
from __future__ import annotations

import random
import unicodedata

from privacy_texts.labelled import PUBLIC, Labelled, Span

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Lưu", "Mai",
            "Cao", "Vương", "Tạ", "Hà", "Lâm", "Chu", "Tô", "Đào", "Quách", "Khúc", "Kiều",
            "Nghiêm", "Triệu", "Nông", "Phùng", "Thân", "Giáp", "Cấn", "Tống", "Trương", "Lò"]
COMMON = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Đức", "Hữu", "Minh", "Ngọc", "Quang", "Xuân", "Thanh", "Thu", "Hồng",
           "Công", "Đình", "Duy", "Mạnh", "Tiến", "Bảo", "Gia", "Phương", "Kim", "Anh", "Trọng"]
GIVEN = ["Tám", "Lan", "Hùng", "Mai", "Hoa", "Bình", "An", "Sơn", "Tâm", "Lộc", "Phúc", "Hạnh",
         "Hằng", "Thảo", "Tuấn", "Dũng", "Cường", "Hải", "Nam", "Long", "Linh", "Trang", "Nga",
         "Yến", "Huệ", "Lụa", "Sửu", "Tý", "Bảy", "Năm", "Sáu", "Tư", "Hai", "Thành", "Trường",
         "Nhân", "Kính", "Phương", "Minh", "Quân", "Trọng", "Tài", "Thắng", "Vinh", "Khải",
         "Mến", "Ước", "Điệp", "Oanh", "Huyền", "Thư", "Hiền", "Toàn", "Đạt", "Kiên", "Lực"]
FORMS = ["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "cô giáo",
         "dì", "cậu", "mợ", "thím"]
INTROS = ["Tôi là", "tôi tên là", "Họ tên:", "Họ và tên:", "tên tôi là"]
MOBILE = ["032", "033", "034", "035", "036", "037", "038", "039", "052", "056", "058", "070",
          "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089",
          "090", "091", "092", "093", "094", "096", "097", "098", "099"]
OLD_MOBILE = ["0162", "0163", "0164", "0165", "0166", "0167", "0168", "0169", "0121", "0122",
              "0126", "0128", "0123", "0124", "0125", "0127", "0129", "0186", "0199"]
AREA = ["0203", "0204", "0205", "0206", "0207", "0208", "0209", "0210", "0211", "0212", "0213",
        "0214", "0215", "0216", "0218", "0219", "0220", "0221", "0222", "0225", "0226", "0227",
        "0228", "0229", "0232", "0233", "0234", "0235", "0236", "0237", "0238", "0239", "024",
        "028"]
BANKS = ["Vietcombank", "Agribank", "BIDV", "VietinBank", "Techcombank", "MB", "VPBank", "ACB",
         "Sacombank", "TPBank", "SHB", "HDBank", "Ngân hàng Chính sách xã hội"]
DOMAINS = ["gmail.com", "yahoo.com", "yahoo.com.vn", "outlook.com", "hotmail.com",
           "icloud.com", "vnpt.vn", "tuminh.gov.vn"]
VILLAGE_WORDS = ["thôn", "xóm", "tổ", "khu", "ấp", "đội", "tổ dân phố", "khu phố", "bản"]
LANES = ["ngõ", "ngách", "hẻm", "kiệt"]
STREET_NAMES = ["Lê Lợi", "Trần Phú", "Hùng Vương", "Quang Trung", "Nguyễn Trãi", "Lý Thường Kiệt",
                "Hàng Bông", "Phan Đình Phùng", "Nguyễn Du", "Bạch Đằng", "Hai Bà Trưng",
                "Điện Biên Phủ", "Lê Duẩn", "Trường Chinh", "Ngô Gia Tự", "Lạc Long Quân",
                "Trần Hưng Đạo", "Võ Thị Sáu", "Nguyễn Văn Cừ", "Phố Mới", "Hàng Đào"]
NUMBERED_WORKS = ["cầu", "cống", "kênh", "mương", "trạm bơm", "trạm biến áp", "giếng", "đập",
                  "bể nước", "cột điện", "điểm trường", "phòng học", "lớp", "đội", "lô",
                  "ô đất", "đường", "tuyến", "chợ", "bến", "bãi", "nhà văn hóa", "tổ", "xóm",
                  "thôn", "tổ dân phố", "khu phố", "trạm", "tòa nhà", "dãy nhà", "phiếu",
                  "quyết định", "kế hoạch", "trụ điện", "kho", "xưởng", "giếng khoan", "cột"]
ROADS = ["Quốc lộ {n}", "quốc lộ {n}A", "QL{n}", "QL.{n}", "tỉnh lộ {n}", "đường tỉnh {n}",
         "ĐT.{n}", "đường huyện {n}", "Km {n}+{m}", "km {n}"]
UNITS_AFTER_HOUSE = ["tầng", "gian", "m2", "người", "phòng", "cửa"]
AMOUNTS = ["{a} đồng", "{a}đ", "{a} VNĐ", "{a} vnđ", "{t} triệu đồng", "{t} tỷ đồng", "{a} m2",
           "{t} ha", "{t} hộ", "{t} người", "{a} m²"]
SCHOOLS = ["Trường Tiểu học", "Trường THCS", "Trường THPT", "Trường Mầm non", "trường tiểu học",
           "Trường Trung học cơ sở"]
NAMED_PLACES = ["đường", "phố", "xã", "phường", "đền", "chùa", "cầu", "chợ", "tượng đài"]
OFFICIALS = ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Trưởng thôn", "Bí thư chi bộ",
             "Chủ tịch Ủy ban MTTQ xã", "Trưởng Công an xã", "Bí thư Đảng ủy", "Chủ tịch HĐND",
             "đồng chí Chủ tịch", "Giám đốc Hợp tác xã", "Tổ trưởng tổ dân phố"]
FIGURES = ["Bác Hồ", "Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", "Hai Bà Trưng", "Võ Nguyên Giáp",
           "Trần Hưng Đạo", "Lý Thái Tổ", "Đền Hùng"]
ISSUES = ["bị hỏng", "xuống cấp", "ngập nước", "chưa được sửa", "bị lấn chiếm", "gây ô nhiễm",
          "thiếu đèn", "sạt lở", "bị tắc", "chưa nghiệm thu"]
TOPICS = ["tiền hỗ trợ", "chế độ người có công", "sổ đỏ", "bảo hiểm y tế", "trợ cấp", "giấy phép",
          "tiền đền bù", "học bổng", "lương hưu"]
REQUESTS = ["sửa", "nạo vét", "kiểm tra", "lắp đèn cho", "công khai kinh phí", "xử lý",
            "nâng cấp", "cắm biển ở"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


class _Text:
    """Pieces of text, each labelled or not."""

    def __init__(self):
        self.pieces: list[tuple[str, str | None]] = []

    def add(self, text: str, kind: str | None = None) -> "_Text":
        self.pieces.append((text, kind))
        return self

    def extend(self, other: "_Text") -> "_Text":
        self.pieces += other.pieces
        return self

    def map(self, fn) -> "_Text":
        out = _Text()
        out.pieces = [(fn(t), k) for t, k in self.pieces]
        return out

    def labelled(self, where: str) -> Labelled:
        text, spans = "", []
        for piece, kind in self.pieces:
            if kind:
                spans.append(Span(kind, len(text), len(text) + len(piece)))
            text += piece
        return Labelled(text, tuple(spans), where)


def plain(text: str) -> str:
    """Without accents, keeping case ("Đường Lê Lợi" → "Duong Le Loi")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _group(rng: random.Random, digits: str, sizes: list[int] | None = None,
           seps: list[str] | None = None) -> str:
    """``digits`` split into groups joined by one separator (sometimes a zero-width
    character is slipped between groups)."""
    if sizes is None:
        return digits
    sep = rng.choice(seps or [" ", ".", "-", " ", "\u00a0", "  ", " - ", "–"])
    out, i = [], 0
    for size in sizes:
        out.append(digits[i:i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    if rng.random() < 0.1:
        sep = rng.choice(ZERO_WIDTH) if rng.random() < 0.5 else sep + rng.choice(ZERO_WIDTH)
    return sep.join(out)


# --- identifiers -----------------------------------------------------------------------------

def phone(rng: random.Random) -> tuple[str, str]:
    """(the words before it, the number as written)."""
    shape = rng.random()
    if shape < 0.6:
        d = rng.choice(MOBILE) + _digits(rng, 7)
        sizes = rng.choice([None, [4, 3, 3], [3, 3, 4], [4, 6], [2, 2, 2, 2, 2], [4, 2, 2, 2],
                            [3, 4, 3]])
        number = _group(rng, d, sizes)
        if rng.random() < 0.2:
            rest = _group(rng, d[1:], rng.choice([None, [3, 3, 3], [2, 3, 4]]), [" ", "."])
            number = rng.choice(["+84 ", "+84", "84", "(+84) ", "+84 (0) ", "0084 "]) + (
                rest if "(0)" not in number else rest)
    elif shape < 0.75:
        d = rng.choice(OLD_MOBILE) + _digits(rng, 7)
        number = _group(rng, d, rng.choice([None, [4, 3, 4], [5, 3, 3]]))
    else:
        area = rng.choice(AREA)
        d = area + _digits(rng, 11 - len(area))
        if rng.random() < 0.4:
            number = f"({area}) " + _group(rng, d[len(area):], [4, 3], [" ", "."])
        else:
            number = _group(rng, d, rng.choice([None, [len(area), 4, 4], [len(area), 3, 4]]))
    words = rng.choice(["SĐT", "sđt:", "ĐT", "Điện thoại", "số điện thoại", "Zalo", "gọi",
                        "liên hệ", "LH:", "di động", "số máy", "Đt", "điện thoại bàn", "", "",
                        "", "số"])
    return words, number


def identity(rng: random.Random) -> tuple[str, str]:
    kind = rng.random()
    if kind < 0.65:
        d = "0" + f"{rng.randint(1, 96):02d}" + str(rng.randint(0, 3)) + _digits(rng, 8)
        number = _group(rng, d, rng.choice([None, None, [3, 3, 3, 3], [4, 4, 4], [3, 3, 6]]))
        words = rng.choice(["CCCD", "CCCD số", "căn cước", "Căn cước công dân số", "số CCCD:",
                            "mã định danh", "số định danh cá nhân", "thẻ căn cước", "", ""])
    elif kind < 0.9:
        d = str(rng.randint(0, 3)) + _digits(rng, 8)
        number = _group(rng, d, rng.choice([None, [3, 3, 3], [2, 3, 4]]), [" ", "."])
        words = rng.choice(["CMND", "CMND số", "số CMT:", "chứng minh nhân dân", "CMT",
                            "giấy chứng minh số"])
    else:
        number = rng.choice("BCN") + rng.choice(["", " "]) + _digits(rng, 7)
        words = rng.choice(["hộ chiếu", "Hộ chiếu số", "hộ chiếu:"])
    return words, number


def tax(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        d = "8" + _digits(rng, 9)
        words = rng.choice(["MST", "mã số thuế", "Mã số thuế cá nhân", "mst:", "mã thuế", ""])
    else:
        d = "0" + str(rng.randint(1, 9)) + _digits(rng, 8)
        if rng.random() < 0.3:
            d += "-" + f"{rng.randint(1, 20):03d}"
        words = rng.choice(["MST", "mã số thuế", "Mã số thuế:", "MST của hộ kinh doanh"])
    return words, d if "-" in d else _group(rng, d, rng.choice([None, None, [4, 3, 3]]))


def bank(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(BANKS)
    if rng.random() < 0.25:
        d = _digits(rng, rng.randint(13, 16))
        return rng.choice(["", "chuyển vào", "vào"]), d
    d = str(rng.randint(1, 9)) + _digits(rng, rng.randint(8, 15))
    number = _group(rng, d, rng.choice([None, None, [4, 4, 4], [4, 3, 6]]))
    words = rng.choice([f"STK {name}", f"số tài khoản {name}", f"TK {name}:", "STK",
                        f"tài khoản ngân hàng {name} số", "số tài khoản", f"{name} STK"])
    return words, number


def plate(rng: random.Random) -> tuple[str, str]:
    province = str(rng.randint(11, 99))
    letters = "ABCDEFGHKLMNPSTUVXYZ"
    if rng.random() < 0.5:
        series = rng.choice(letters) + (rng.choice(letters) if rng.random() < 0.1 else "")
        number = rng.choice([f"{_digits(rng, 3)}.{_digits(rng, 2)}", _digits(rng, 5),
                             _digits(rng, 4)])
        text = province + rng.choice(["", "-", " "]) + series + rng.choice(["-", " ", "", "-"]) \
            + number if rng.random() < 0.3 else f"{province}{series}-{number}"
    else:
        series = rng.choice(letters) + str(rng.randint(1, 9))
        number = f"{_digits(rng, 3)}.{_digits(rng, 2)}" if rng.random() < 0.8 else \
            _digits(rng, 5)
        text = rng.choice([f"{province}{series}-{number}", f"{province}-{series} {number}",
                           f"{province}{series} {number}"])
    words = rng.choice(["xe", "Xe", "biển số", "xe máy", "ô tô", "BKS", "xe tải biển",
                        "xe biển kiểm soát"])
    if words.startswith(("biển", "BKS")) and rng.random() < 0.3:
        text = text.lower()
    return words, text


# The letters each coastal province paints before a fishing boat's number (this module's own
# list), and how a citizen names the boat.
BOAT_PROVINCES = ["QN", "HP", "TB", "NĐ", "TH", "NA", "HT", "QB", "QT", "TTH", "ĐNa", "QNa",
                  "QNg", "BĐ", "PY", "KH", "NT", "BTh", "BV", "TG", "BTr", "TV", "ST", "BL", "CM",
                  "KG"]
BOAT_WORDS = ["tàu cá", "Tàu cá", "tàu", "thuyền", "ghe", "tàu cá số hiệu", "số đăng ký",
              "chiếc tàu"]


def boat(rng: random.Random) -> tuple[str, str]:
    number = rng.choice([f"9{_digits(rng, 4)}", f"9{_digits(rng, 4)}", _digits(rng, 5),
                         _digits(rng, 4)])
    sep = rng.choice(["-", "-", " ", ""])
    text = f"{rng.choice(BOAT_PROVINCES)}{sep}{number}{sep}TS"
    words = rng.choice(BOAT_WORDS)
    if rng.random() < 0.2:
        text = text.lower()         # typed in lower case: only after a word naming the boat
    return words, text


def email(rng: random.Random) -> tuple[str, str]:
    local = plain(rng.choice(GIVEN) + rng.choice(["", ".", "_"]) + rng.choice(SURNAMES)).lower()
    if rng.random() < 0.5:
        local += str(rng.randint(1, 2005))
    at = rng.choice(["@", "@", "@", " @", "(at)"])
    return rng.choice(["email", "Email:", "thư", "mail", "gửi qua"]), \
        f"{local}{at}{rng.choice(DOMAINS)}"


def house(rng: random.Random) -> _Text:
    """A house address: the labelled part is the number."""
    n = str(rng.randint(1, 300)) + (rng.choice("ABC") if rng.random() < 0.1 else "")
    if rng.random() < 0.15:
        n += f"/{rng.randint(1, 40)}"
    t = _Text()
    form = rng.randint(0, 8)
    if form == 0:
        t.add(rng.choice(["số nhà ", "Số nhà ", "số nhà: ", "SN ", "sn", "nhà số "])).add(n, "house")
        t.add(" ").extend(_lane(rng))
    elif form == 1:
        t.add(rng.choice(["ở số ", "tại số ", "số "])).add(n, "house").add(" ").extend(_lane(rng))
    elif form == 2:
        t.add(rng.choice(["ở số ", "tại số ", "số "])).add(n, "house").add(" ")
        t.add(rng.choice(STREET_NAMES), PUBLIC)
    elif form == 3:
        t.add(rng.choice(["Địa chỉ: ", "địa chỉ ", "đ/c: ", "ở "])).add(n, "house").add(" ")
        t.add(rng.choice(STREET_NAMES), PUBLIC)
    elif form == 4:
        t.add(rng.choice(["căn hộ ", "căn hộ số ", "Căn hộ "])).add(n, "house")
        t.add(rng.choice([" chung cư", " tòa CT2", ""]))
    elif form == 5:
        t.add("nhà ").add(n, "house").add(" ").extend(_lane(rng))
    elif form == 6:
        t.add(rng.choice(["Nhà số ", "nhà số "])).add(n, "house").add(" ")
        t.extend(_village(rng))
    elif form == 7:        # the number alone in brackets after the person: "hộ ông … (số 29)"
        full = _private(rng, lambda: f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} "
                                     f"{rng.choice(GIVEN)}")
        t.add(rng.choice(["hộ ông ", "hộ bà ", "nhà ông ", "gia đình bà ", "Bà "]))
        t.add(full, "name").add(" (").add("số " + n, "house").add(")")
    else:                  # where someone lives, a verb after it: "hộ bà … ở số 40 lấn chiếm"
        t.add(rng.choice(["ở số ", "tại số ", "Ở số "])).add(n, "house")
        t.add(rng.choice([" lấn chiếm hành lang đường", " xây tường lấn lối đi chung",
                          " đổ rác ra mương", ", nước thải chảy ra đường", " nuôi lợn gây mùi"]))
    return t


PLAIN_UNREADABLE_FORMS = {"dì", "cậu", "mợ"}
# National figures and public names that begin with a form of address (this module's own list):
# no private person is given one of these.
FAMOUS = {"Nguyễn Văn Linh", "Võ Văn Kiệt", "Lê Văn Tám", "Võ Thị Sáu", "Nguyễn Văn Cừ",
          "Nguyễn Văn Trỗi", "Phạm Văn Đồng", "Chu Văn An", "Trần Hưng Đạo", "Lê Văn Lương",
          "Hoàng Văn Thụ", "Nguyễn Thị Định", "Bế Văn Đàn", "Lý Tự Trọng", "Trần Văn Ơn",
          "Ngô Gia Tự", "Phan Đình Phùng", "Lê Văn Hưu", "Tôn Đức Thắng", "Trần Quốc Toản",
          "Phùng Hưng", "Lê Lợi", "Ngô Quyền", "Trần Phú", "Lê Lai", "Lý Bí", "Nguyễn Du",
          "Nguyễn Trãi", "Quang Trung", "Kim Đồng", "Lê Duẩn", "Nguyễn Huệ"}
PUBLIC_BY_ADDRESS = {"bà triệu", "bà trưng", "bà rịa", "bà đen", "bác hồ", "cụ hồ", "anh sơn",
                     "cô tô", "bác tôn", "ông lãnh", "cô giang", "bà chiểu", "bà điểm", "ba tơ",
                     "ba vì", "ba đình", "ba bể"}
# Without accents these read as a title, whatever was meant ("To Truong": Tô Trường or tổ
# trưởng): no name is made to read so there.
TITLES = ["tổ trưởng", "trưởng thôn", "chủ tịch", "bí thư", "công an", "cán bộ", "giám đốc"]


def _private(rng: random.Random, draw) -> str:
    """A name drawn by ``draw`` that is no national figure's, even without accents."""
    famous = {plain(f).lower() for f in FAMOUS}
    while True:
        name = draw()
        if plain(name).lower() not in famous:
            return name


def person(rng: random.Random, mode: str = "accented") -> _Text:
    """A private person's name with what introduces it (labelled: the name)."""
    full = _private(rng, lambda: f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} "
                                 f"{rng.choice(GIVEN)}")
    forms = [f for f in FORMS if mode != "plain" or f not in PLAIN_UNREADABLE_FORMS]
    t = _Text()
    shape = rng.randint(0, 6)
    if shape <= 2:
        public = {plain(p) for p in PUBLIC_BY_ADDRESS}
        while True:
            form = rng.choice(forms)
            form = form.capitalize() if rng.random() < 0.3 else form
            name = rng.choice([rng.choice(GIVEN), full, _private(
                rng, lambda: f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"), rng.choice(SURNAMES)])
            said = plain(f"{form} {name}".lower())
            if not any(said == p or said.startswith(p + " ") for p in public) and not (
                    mode == "plain" and plain(name).lower().startswith(
                        tuple(plain(t) for t in TITLES))):
                break
        t.add(form + " ").add(name, "name")
    elif shape == 3:
        t.add(rng.choice(INTROS) + " ").add(full, "name")
    elif shape == 4:
        t.add(full, "name")                 # a full name with no form of address
    elif shape == 5:
        name = _private(rng, lambda: f"{rng.choice(COMMON)} {rng.choice(['Văn', 'Thị'])} "
                                     f"{rng.choice(GIVEN)}")
        t.add(rng.choice(forms) + " ").add(name.lower(), "name")
    else:
        t.add(rng.choice(["nhà ", "gia đình ", "hộ ", "con ", "vợ "]) + rng.choice(forms) + " ")
        t.add(rng.choice([rng.choice(GIVEN), full]), "name")
    return t


# --- public places and numbers -----------------------------------------------------------------

def _village(rng: random.Random) -> _Text:
    word = rng.choice(VILLAGE_WORDS)
    name = str(rng.randint(1, 20)) if rng.random() < 0.6 else rng.choice(
        ["Đông", "Tây", "Trung", "Thượng", "Hạ", "Chùa", "Bãi", "Cẩm Khê A", "Mới"])
    return _Text().add(f"{word} {name}", PUBLIC)


def _lane(rng: random.Random) -> _Text:
    if rng.random() < 0.5:
        return _Text().add(f"{rng.choice(LANES)} {rng.randint(1, 200)}", PUBLIC)
    if rng.random() < 0.5:
        return _Text().add(f"{rng.choice(['đường', 'phố'])} {rng.choice(STREET_NAMES)}", PUBLIC)
    return _village(rng)


def _thousands(n: int, sep: str = ".") -> str:
    return f"{n:,}".replace(",", sep)


def public(rng: random.Random, mode: str = "accented") -> _Text:
    """A public place, number or name that must stay readable."""
    kind = rng.randint(0, 12)
    n = rng.randint(1, 30)
    if kind == 0:
        work = rng.choice(NUMBERED_WORKS)
        t = _Text().add(f"{work} số {n}", PUBLIC)
        if rng.random() < 0.5:
            t.add(rng.choice([" ", ", "])).extend(_village(rng))
        return t
    if kind == 1:
        return _village(rng)
    if kind == 2:
        return _lane(rng)
    if kind == 3:
        return _Text().add(rng.choice(ROADS).format(n=rng.randint(1, 600), m=rng.randint(0, 900)),
                           PUBLIC)
    if kind == 4:
        return _Text().add(f"nhà {rng.randint(1, 12)} {rng.choice(UNITS_AFTER_HOUSE)}", PUBLIC)
    if kind == 5:
        a = rng.choice([rng.randint(1, 999) * 1_000_000, rng.randint(1, 99_999) * 1_000,
                        rng.randint(1, 999) * 1_000_000_000, rng.randint(100, 9_999_999)])
        text = rng.choice(AMOUNTS).format(a=_thousands(a, rng.choice([".", ".", ","]))
                                          if rng.random() < 0.8 else str(a), t=n)
        return _Text().add(text, PUBLIC)
    if kind == 6:
        return _Text().add(rng.choice([f"ngày {n}/{rng.randint(1, 12)}/{rng.randint(2019, 2027)}",
                                       f"{rng.randint(6, 17)}h{rng.choice(['00', '30', '15'])}",
                                       f"năm {rng.randint(2015, 2027)}",
                                       f"{rng.randint(2015, 2020)} - {rng.randint(2021, 2026)}"]),
                           PUBLIC)
    if kind == 7:
        doc = rng.choice(["Quyết định số", "Kế hoạch số", "Công văn số", "Thông báo số",
                          "Nghị định"])
        return _Text().add(f"{doc} {rng.randint(1, 9999)}/{rng.choice(['QĐ-UBND', 'KH-UBND', 'UBND-VP', 'TB-UBND', '2019/NĐ-CP'])}",
                           PUBLIC)
    if kind == 8:
        name = rng.choice([f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}",
                           rng.choice(STREET_NAMES)]) if mode != "plain" else \
            rng.choice(STREET_NAMES)
        return _Text().add(f"{rng.choice(NAMED_PLACES)} {name}", PUBLIC)
    if kind == 9:
        name = rng.choice([f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}",
                           rng.choice(STREET_NAMES)])
        return _Text().add(f"{rng.choice(SCHOOLS)} {name}", PUBLIC)
    if kind == 10:
        return _Text().add(rng.choice(OFFICIALS), PUBLIC)
    if kind == 11:
        return _Text().add(rng.choice(FIGURES), PUBLIC)
    return _Text().add(rng.choice([f"đường dây nóng 1900 {_digits(rng, 4)}",
                                   f"tổng đài 1800 {_digits(rng, 4)}",
                                   f"lô {n}", f"phòng {n}", f"km {n}+{rng.randint(0, 900)}",
                                   f"{rng.randint(2, 900)} hộ", f"{rng.randint(2, 90)} học sinh"]),
                       PUBLIC)


# --- texts ---------------------------------------------------------------------------------

IDENTIFIERS = {"phone": phone, "identity": identity, "tax": tax, "bank": bank, "plate": plate,
               "boat": boat, "email": email}


def identifier(rng: random.Random, kind: str, mode: str) -> _Text:
    if kind == "house":
        return house(rng)
    if kind == "name":
        return person(rng, mode)
    words, value = IDENTIFIERS[kind](rng)
    t = _Text()
    if words:
        t.add(words + rng.choice([" ", " ", ": ", " là "]))
    return t.add(value, kind)


FRAMES = [
    "{ID}, đề nghị {REQ} {PUB}.",
    "Tôi ở {PUB}, {ID}, xin hỏi về {TOPIC}.",
    "{PUB} {ISSUE}; {ID}.",
    "{ID} phản ánh {PUB} {ISSUE}.",
    "Đề nghị {REQ} {PUB} và {PUB}, {ID}.",
    "{PUB} {ISSUE}, đề nghị xử lý ({ID}).",
    "Gia đình tôi ({ID}) chưa nhận {TOPIC} theo {PUB}.",
    "Xin cho biết vì sao {PUB} {ISSUE}? {ID}",
    "{ID} và {ID} cùng kiến nghị về {PUB}.",
    "Kiến nghị: {PUB} {ISSUE} từ {PUB}. Liên hệ {ID}.",
]


def text(rng: random.Random, where: str) -> Labelled:
    """One text: a frame filled with one or two identifiers and one or two public things."""
    frame = rng.choice(FRAMES)
    mode = rng.choices(["accented", "plain", "capitals"], [0.76, 0.2, 0.04])[0]
    t = _Text()
    rest = frame
    while rest:
        at = rest.find("{")
        if at < 0:
            t.add(rest)
            break
        t.add(rest[:at])
        end = rest.index("}", at)
        slot, rest = rest[at + 1:end], rest[end + 1:]
        if slot == "ID":
            t.extend(identifier(rng, rng.choice(KINDS), mode))
        elif slot == "PUB":
            t.extend(public(rng, mode))
        else:
            t.add(rng.choice({"REQ": REQUESTS, "ISSUE": ISSUES, "TOPIC": TOPICS}[slot]))
    if mode == "plain":
        t = t.map(plain)                       # typed without accents
    elif mode == "capitals":
        t = t.map(str.upper)
    item = t.labelled(where)
    return _capitalised(item)


KINDS = ("phone", "identity", "tax", "bank", "plate", "boat", "email", "house", "name")


def _capitalised(item: Labelled) -> Labelled:
    """The first letter in capitals, as a sentence begins (the spans do not move)."""
    s = item.text
    return Labelled(s[:1].upper() + s[1:], item.spans, item.where) if s else item


def texts(seed: int, n: int) -> list[Labelled]:
    rng = random.Random(seed)
    return [text(rng, f"generator seed {seed} text {i}") for i in range(n)]
