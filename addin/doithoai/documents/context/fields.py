"""The fields the document engine provides to templates, and where each value comes from.

A :class:`Context` holds each field's value with its source (sheet, row, column), so a field a
template uses but the registry leaves empty is refused naming that cell. :data:`FIELDS` lists
every top-level field any template may use (the pre-flight names the nearest one for a misspelt
placeholder); :data:`ITEM_FIELDS` the attributes of the items of each list.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field

from doithoai.registry import schema
from doithoai.text import pasted, vnformat

Source = tuple  # (sheet name, row, column header)

FIELDS: dict[str, str] = {
    "co_quan_chu_quan": "Cơ quan chủ quản (Cấu hình), có thể trống",
    "co_quan_dong_1": "Dòng 1 tên cơ quan ban hành, ví dụ ỦY BAN NHÂN DÂN",
    "co_quan_dong_2": "Dòng 2 tên cơ quan ban hành, ví dụ PHƯỜNG TỨ MINH",
    "dang_bo_cap_tren": "Đảng bộ cấp trên (Cấu hình)", "ten_dang_uy": "Tên Đảng ủy (Cấu hình)",
    "ten_co_quan_ngan": "Tên cơ quan trong câu văn", "cap_don_vi": "xã / phường / đặc khu",
    "dong_so": "Dòng số, ký hiệu", "dong_ngay": "Dòng địa danh, ngày tháng năm",
    "trich_yeu": "Trích yếu", "vv": "Dòng V/v của công văn",
    "chu_ky": "Các dòng quyền hạn, chức vụ người ký", "nguoi_ky": "Họ tên người ký",
    "noi_nhan": "Danh sách nơi nhận", "can_cu": "Các căn cứ",
    "can_cu_ke_hoach": "Kế hoạch số ... ngày ... (để dẫn chiếu)",
    "pham_vi": "Phạm vi (thôn, tổ dân phố)", "thoi_gian": "Giờ, thứ, ngày hội nghị",
    "thoi_gian_cau": "Giờ, thứ, ngày hội nghị trong câu văn (vào …, từ … đến …)",
    "ngay_hoi_nghi": "Ngày hội nghị dd/mm/yyyy", "gio_ket_thuc": "Giờ kết thúc",
    "dia_diem": "Địa điểm", "chu_tri": "Chức danh chủ trì", "chu_tri_hoa": "Chủ trì, viết hoa đầu câu",
    "nguoi_chu_tri": "Người chủ trì", "noi_dung": "Nội dung", "hinh_thuc": "Hình thức",
    "so_dai_bieu": "Số đại biểu dự kiến", "nhom_dai_bieu": "Đại biểu theo nhóm",
    "tien_do": "Tiến độ (các mốc)", "phan_cong": "Phân công theo đơn vị",
    "can_bo_dau_moi": "Cán bộ đầu mối", "dien_thoai_dau_moi": "Điện thoại đầu mối",
    "han_thu_phieu": "Hạn thu phiếu", "han_du_thao": "Hạn gửi dự thảo trả lời",
    "kinh_gui": "Người nhận", "danh_xung_goi": "Cách gọi người nhận",
    "thon": "Thôn, tổ dân phố của phiếu", "ma_phieu": "Mã phiếu", "linh_vuc": "Các lĩnh vực",
    "so_y_kien": "Số ý kiến", "so_trung": "Số ý kiến trùng", "so_cap_tren": "Số ý kiến vượt thẩm quyền",
    "nhom_linh_vuc": "Ý kiến theo lĩnh vực", "co_quan_tra_loi": "Cơ quan trả lời",
    "y_kien": "Danh sách ý kiến", "thu_ky": "Thư ký hội nghị", "so_moi": "Số đại biểu được mời",
    "so_co_mat": "Số có mặt", "so_vang": "Số vắng", "so_uy_quyen": "Số ủy quyền",
    "nhom_tham_du": "Tham dự theo nhóm", "so_tra_loi_tai_hoi_nghi": "Số trả lời tại hội nghị",
    "so_giao_giai_quyet": "Số giao cơ quan chuyên môn giải quyết, trả lời bằng văn bản",
    "so_phoi_hop": "Số đề nghị cơ quan, đơn vị trên địa bàn phối hợp trả lời",
    "so_khong_ten": "Số giải quyết của người không ghi tên (không có văn bản trả lời)",
    "so_tiep_tuc": "Số ý kiến nêu lại từ hội nghị trước, tiếp tục giải quyết",
    "da_tra_loi": "Ý kiến đã trả lời tại hội nghị",
    "giao_giai_quyet": "Ý kiến giao giải quyết", "so_ngay_tra_loi": "Số ngày làm việc để trả lời",
    "dia_chi": "Địa chỉ người nêu", "nguon": "Nguồn ý kiến", "ngay_nhan": "Ngày nhận",
    "tra_loi": "Nội dung trả lời", "theo_nguon": "Ý kiến theo nguồn",
    "theo_linh_vuc": "Ý kiến theo lĩnh vực (số)", "so_da_tra_loi_van_ban": "Số đã trả lời bằng văn bản",
    "so_dang_giai_quyet": "Số đang giải quyết", "so_qua_han": "Số quá hạn",
    "so_da_giai_quyet": "Số đã giải quyết xong",
    "so_xong_khong_van_ban": "Số đã giải quyết xong mà không có văn bản trả lời (người nêu "
                             "không ghi tên)",
    "so_qua_han_tra_loi": "Số quá hạn mà chưa có văn bản trả lời",
    "so_qua_han_giai_quyet": "Số quá hạn giải quyết (đã trả lời hoặc không phải trả lời)",
    "chuan_bi_dung_han": "Mọi bước chuẩn bị bắt buộc đã làm xong đúng hạn (Có/Không)",
    "nhom_dai_bieu_ds": "Đại biểu theo nhóm, từng người (danh sách ký nhận)",
    "tuyen_giao": "Giấy mời theo tuyến giao", "dong_giay_moi": "Số, ngày của giấy mời",
    "han_giay_moi": "Hạn phát hành giấy mời",
    "khao_sat": "Kết quả phiếu lấy ý kiến theo câu hỏi", "so_phieu": "Số phiếu thu về",
    "co_quan_doc": "Tên cơ quan, viết đủ để đọc", "thoi_gian_doc": "Thời gian, bằng chữ",
    "dia_diem_doc": "Địa điểm, viết đủ", "pham_vi_doc": "Phạm vi, viết đủ",
    "chu_tri_doc": "Chủ trì, viết đủ", "noi_dung_doc": "Nội dung, viết đủ",
    "can_bo_dau_moi_doc": "Cán bộ đầu mối, viết đủ", "han_thu_phieu_doc": "Hạn thu phiếu, bằng chữ",
    "qua_han": "Ý kiến quá hạn của cơ quan", "ngay_xet": "Ngày xét quá hạn",
    "han_bao_cao": "Hạn báo cáo kết quả đôn đốc",
    "ton_dong": "Ý kiến các hội nghị trước chưa giải quyết xong",
    "so_ton_dong": "Số ý kiến tồn từ các hội nghị trước",
    "cap_thon": "thôn / tổ dân phố, theo đơn vị", "truong_thon": "Trưởng thôn / Tổ trưởng tổ dân phố",
    "van_phong": "Văn phòng gửi, nhận văn bản (Văn phòng HĐND và UBND / Văn phòng Đảng ủy)",
    "phoi_hop": "Cơ quan trên địa bàn: đề nghị phối hợp, không giao việc",
    "dong_gui": "Có cơ quan trả lời khác Văn phòng: đề nghị đồng gửi văn bản về Văn phòng",
    "hoi_nghi_huy": "Hội nghị đã hủy: công văn trả lời nói hội nghị không tổ chức",
    "vp_cung_tra_loi": "Văn phòng là một trong các cơ quan trả lời: các cơ quan còn lại đồng gửi "
                       "văn bản về Văn phòng",
    "ten_don_vi_kem": "Tên đơn vị viết sau tên cơ quan ở dòng Kính gửi (Công an phường …)",
    "kien_nghi": "Kiến nghị cấp trên theo cơ quan có thẩm quyền",
    "so_kien_nghi": "Số ý kiến kiến nghị cấp trên", "kinh_gui_ds": "Các nơi kính gửi",
    "quy_co_quan": "Cách gọi cơ quan cấp trên", "y_kien_cd": "Ý kiến của một người dân",
    "so_cho_cap_tren": "Số ý kiến chờ cấp trên trả lời",
    "nguoi_nhan": "Người nhận, trong câu văn", "noi_o": "Thôn, tổ dân phố của người nhận",
    "tham_du": "Câu số đại biểu được mời, có mặt (trong đó ủy quyền dự thay), vắng, chưa ghi",
    "so_chua_ghi": "Số đại biểu chưa ghi Tham dự",
    "ghi_chu_du_kien": "Ghi chú các thời hạn dự kiến (lịch nghỉ chưa chính thức)",
    "nguon_y_kien": "Số ý kiến theo cách gửi đến (phiếu hỏi, văn bản, phát biểu tại hội nghị) "
                    "và ngày nhận",
    "nguon_nhan": "Cách gửi, ngày nhận các ý kiến của một người dân",
    "sau_hoi_nghi": "Văn bản lập từ ngày hội nghị trở đi (giao trả lời, không còn dự thảo)",
    "thoi_han_tra_loi": "Thời hạn trả lời theo Quy tắc thời hạn, bằng lời",
    "so_y_kien_chu": "Số ý kiến của một người dân, viết hai chữ số (01, 02…)",
    "co_han": "Có ý kiến nào có thời hạn trả lời (không phải chờ cấp trên)",
    "co_quan_giao": "Cơ quan, đơn vị của xã được giao trả lời (liệt kê)",
    "co_quan_phoi_hop": "Cơ quan trên địa bàn được đề nghị phối hợp trả lời (liệt kê)",
    "co_quan_giai_quyet": "Cơ quan chỉ giải quyết, không có văn bản trả lời (ý kiến không ghi "
                          "tên người nêu; liệt kê)",
    "thay_the": "Văn bản được thay thế (loại, số, ngày), khi văn bản được ban hành lại; "
                "lần ban hành đầu: trống",
    "tiep_theo": "Công văn đôn đốc trước (số, ngày), khi cơ quan được đôn đốc lần nữa; lần "
                 "đầu: trống",
    "so_chua_tra_loi": "Số ý kiến công văn đôn đốc đề nghị trả lời bằng văn bản (quá hạn trả "
                       "lời)",
    "so_chua_giai_quyet": "Số ý kiến công văn đôn đốc chỉ đề nghị hoàn thành giải quyết (đã "
                          "trả lời hoặc không phải trả lời; quá hạn giải quyết)",
    "co_quan_tiep_tuc": "Cơ quan tiếp tục giải quyết ý kiến nêu lại từ hội nghị trước (liệt kê)",
    "tiep_tuc_qua_han": "Có ý kiến nêu lại từ hội nghị trước đã quá hạn (trả lời hoặc giải "
                        "quyết) vào ngày ban hành",
    "neu_lai_chua_xong": "Các nội dung của hội nghị trước chưa giải quyết xong mà Nhân dân "
                         "nêu lại (… nội dung đã nêu tại hội nghị đối thoại ngày …, chưa "
                         "giải quyết xong, nay được nêu lại); không có: trống",
    "neu_lai": "Các hội nghị sau mà người nhận nêu lại ý kiến được trả lời (được nêu lại tại "
               "hội nghị đối thoại ngày …); không nêu lại: trống",
}
ITEM_FIELDS: dict[str, set[str]] = {
    "nhom_dai_bieu": {"ten", "so"}, "tien_do": {"stt", "cong_viec", "don_vi", "han"},
    "phan_cong": {"stt", "don_vi", "viec"},
    "nhom_linh_vuc": {"stt", "ten", "so", "y_kien"},
    "nhom_linh_vuc.y_kien": {"stt", "noi_dung", "nguoi_neu", "dia_chi", "co_quan", "han"},
    "y_kien": {"stt", "ma", "noi_dung", "nguoi_neu", "dia_chi", "tra_loi", "han", "cung_neu"},
    "y_kien.cung_neu": {"nguoi_neu"},
    "nhom_tham_du": {"ten", "moi", "co_mat", "tham_du"},
    "da_tra_loi": {"stt", "noi_dung", "nguoi_neu", "tra_loi"},
    "giao_giai_quyet": {"stt", "noi_dung", "nguoi_neu", "co_quan", "han"},
    "theo_nguon": {"ten", "so"}, "theo_linh_vuc": {"stt", "ten", "so"},
    "nhom_dai_bieu_ds": {"ten", "so", "dai_bieu"},
    "nhom_dai_bieu_ds.dai_bieu": {"stt", "ho_ten", "chuc_vu", "so_giay_moi"},
    "tuyen_giao": {"ten", "so", "dai_bieu"},
    "tuyen_giao.dai_bieu": {"stt", "so_giay_moi", "nguoi_nhan", "nguoi_giao"},
    "khao_sat": {"cau_hoi", "ket_qua"},
    "qua_han": {"stt", "ma", "noi_dung", "con_no", "han", "tre", "chua_tra_loi", "da_tra_loi"},
    "ton_dong": {"stt", "ma", "ma_kh", "hoi_nghi", "noi_dung", "co_quan", "giai_doan"},
    "kien_nghi": {"stt", "ten", "so", "y_kien"},
    "kien_nghi.y_kien": {"stt", "noi_dung", "nguoi_neu", "linh_vuc", "da_lam"},
    "y_kien_cd": {"stt", "noi_dung", "co_quan", "han"},
}


# The fields that print a place or an address inside a sentence ("với Nhân dân {{ pham_vi }}",
# "Kính gửi: ông X, {{ dia_chi }}."), where its kind word is written in lower case (Decree
# 30/2020/NĐ-CP, Appendix II: "thôn Kim Trang Đông"); an item's field as "list.field". What a
# citizen or an agency wrote (noi_dung, tra_loi) is quoted as written. Only the printed text
# changes: the values, and the fingerprints of issued documents made from them, stay as the
# registry holds them (an upgrade makes no issued document look changed).
PLACES_IN_SENTENCE = frozenset({"pham_vi", "pham_vi_doc", "noi_o"})
# The plan's villages named after a value's first word ("Hội trường Thôn 1", "Bí thư Chi bộ
# Thôn 1", "- Ông X, Thôn 3 (ý kiến …);"); a list of texts (noi_nhan) item by item.
NAMING_PLACES = frozenset({"trich_yeu", "kinh_gui", "noi_nhan", "tuyen_giao.ten",
                           "tuyen_giao.dai_bieu.nguoi_nhan", "tuyen_giao.dai_bieu.nguoi_giao",
                           "nhom_dai_bieu_ds.dai_bieu.chuc_vu"})
ADDRESSES_IN_SENTENCE = frozenset({"dia_chi", "y_kien.dia_chi", "nhom_linh_vuc.y_kien.dia_chi"})
VENUES = frozenset({"dia_diem", "dia_diem_doc"})       # any place after the first word
# The items' fields that hold an answer written as paragraphs (a reply, what was done):
# printed with the lines they were typed in. Every other text prints on one line: a citizen's
# words are quoted inside a sentence or a table row, where a line break would stretch the
# justified line before it and leave a blank one (a top-level field: as the column it comes
# from says, schema.Column.one_line). No text prints a pictograph (text/pasted.py): the
# documents' font and character set have none.
FREE_TEXTS = frozenset({"y_kien.tra_loi", "da_tra_loi.tra_loi", "kien_nghi.y_kien.da_lam"})


@dataclass
class Context:
    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)      # field → (sheet, row, column)
    optional: set = field(default_factory=set)
    rows: dict = field(default_factory=dict)          # (sheet, row) → raw values, for fingerprints
    places: tuple = ()                                # the plan's villages, as listed
    # A field the document words otherwise than its value ("Trưởng xóm, Trưởng khối" where the
    # value says "Trưởng thôn"): printed instead of the value, never hashed into a fingerprint,
    # so a wording a later version improves makes no issued document look changed. Only for a
    # wording worked out from what the context holds (the plan's villages, in pham_vi; its
    # Trích yếu).
    wording: dict = field(default_factory=dict)

    def printed(self) -> dict:
        """The values as the document prints them: each in its :attr:`wording` if it has one;
        a place inside a sentence with its kind word in lower case (:data:`PLACES_IN_SENTENCE`,
        :data:`NAMING_PLACES`, :data:`ADDRESSES_IN_SENTENCE`, :data:`VENUES`)."""
        return {k: self._printed(k, self.wording.get(k, v)) for k, v in self.values.items()}

    def printed_value(self, name: str):
        """One value as the document prints it (:meth:`printed` of that field alone)."""
        return self._printed(name, self.wording.get(name, self.values.get(name)))

    def _printed(self, path: str, value):
        if isinstance(value, str):
            return self._placed(path, pasted.printable(value, self._on_one_line(path)))
        if isinstance(value, list):
            return [{k: self._printed(f"{path}.{k}", v) for k, v in item.items()}
                    if isinstance(item, dict) else self._printed(path, item) for item in value]
        return value

    def _placed(self, path: str, value: str) -> str:
        if path in PLACES_IN_SENTENCE:
            return vnformat.place_in_sentence(value)
        if path in NAMING_PLACES:
            return vnformat.places_in_sentence(value, self.places)
        if path in ADDRESSES_IN_SENTENCE:
            return vnformat.address_in_sentence(value, self.places)
        if path in VENUES:
            return vnformat.venue_in_sentence(value, self.places)
        return value

    def _on_one_line(self, path: str) -> bool:
        """Whether the field prints on one line (:data:`FREE_TEXTS`; "noi_dung", a letter's
        quote of the opinion it answers or the plan's one-line Nội dung, always)."""
        if path in FREE_TEXTS:
            return False
        if path == "noi_dung":
            return True
        source = self.sources.get(path)
        return source is None or _one_line_column(source[0], source[2])

    def put(self, name: str, value, source: Source | None = None, optional: bool = False,
            wording=None):
        self.values[name] = value
        if wording is not None and wording != value:
            self.wording[name] = wording
        else:
            self.wording.pop(name, None)
        if source:
            self.sources[name] = source
        if optional:
            self.optional.add(name)

    def use_row(self, sheet: str, row: int, values: dict) -> None:
        self.rows[(sheet, row)] = values

    def missing(self, used: set[str]) -> list[str]:
        return sorted(n for n in used if n in self.values and n not in self.optional
                      and self.values[n] in (None, "", []))

    def fingerprint(self, used=None) -> str:
        """"<head>|Sheet!row:<6 hex>|…": the head says whether the document would read
        otherwise, the parts which rows changed later. The head hashes the values the template
        prints (``used``, less a field at its :data:`AS_BEFORE` value), marked PRINTED; with
        ``used`` None, every value as doithoai 0.4.0
        hashed them (to check a fingerprint it wrote: a field added since for another
        template must not make every issued document look changed)."""
        def h(obj) -> str:
            text = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
            return hashlib.sha256(text.encode("utf-8")).hexdigest()
        parts = [f"{sheet}!{row}:{h(vals)[:6]}" for (sheet, row), vals in sorted(self.rows.items())]
        if used is None:
            head = h({k: v for k, v in self.values.items() if k not in ADDED_AFTER_0_4})[:12]
        else:
            head = PRINTED + h({k: v for k, v in self.values.items() if k in used
                                and not (k in AS_BEFORE and v == AS_BEFORE[k])})[:12]
        return "|".join([head] + parts)


# A fingerprint's head over the printed values only starts with this (not a hex digit); the
# fields a context gained after 0.4.0, left out when one of its fingerprints is checked.
PRINTED = "u"
ADDED_AFTER_0_4 = frozenset({"thoi_gian_cau", "thay_the", "tiep_theo", "co_quan_tiep_tuc",
                             "hoi_nghi_huy", "neu_lai", "so_chua_tra_loi",
                             "so_chua_giai_quyet", "so_da_giai_quyet", "so_qua_han_tra_loi",
                             "so_qua_han_giai_quyet", "chuan_bi_dung_han", "neu_lai_chua_xong",
                             "tiep_tuc_qua_han", "so_phoi_hop", "so_khong_ten",
                             "so_xong_khong_van_ban", "so_tiep_tuc"})
# Fields a template gained after documents were issued with it, each with the value under which
# it reads as it did before: left out of the printed head at that value, so an issued document
# is found changed only where its text would now differ (a letter to the office itself no
# longer asks it to copy its reply to itself; "Kính gửi: Công an phường" now names the ward;
# an agency with only unnamed citizens' opinions resolves them, writing to no one; a first
# issue replaces no earlier version, a first reminder follows none: documents/replacing.py;
# a conclusion or a summary (BCTH) with no matter raised again from an earlier conference says
# nothing of one; a
# reply to an opinion of a conference held or to be held says nothing of a cancellation; a reply
# says nothing of conferences its citizen raised the matter at again: always so in its
# fingerprint, BaseBuilder.put_reworded; a reminder that tells the replies it asks for from the
# resolutions reads, in its fingerprint, as one list: FollowUpDocs.cvdd; a result report's
# resolved and overdue figures and whether it calls the preparation careful read, in its
# fingerprint, as reports said before they told them: ConferenceDocs.bckq; a conclusion's
# matters raised again overdue, in its fingerprint, as none: ConferenceDocs.tbkl; the minutes'
# count of what is asked of agencies on the territory, resolved for unnamed citizens and raised
# again, in their fingerprint, among what is given to the offices:
# ConferenceDocs.put_assigned_counts).
AS_BEFORE = {"dong_gui": True, "ten_don_vi_kem": "", "vp_cung_tra_loi": False,
             "co_quan_giai_quyet": "", "thay_the": "", "tiep_theo": "",
             "co_quan_tiep_tuc": "", "hoi_nghi_huy": False, "neu_lai": "",
             "so_chua_tra_loi": 0, "so_chua_giai_quyet": 0, "so_da_giai_quyet": 0,
             "so_qua_han_tra_loi": 0, "so_qua_han_giai_quyet": 0, "chuan_bi_dung_han": True,
             "neu_lai_chua_xong": "", "tiep_tuc_qua_han": False, "so_phoi_hop": 0,
             "so_khong_ten": 0, "so_xong_khong_van_ban": 0, "so_tiep_tuc": 0}


@functools.lru_cache(maxsize=256)
def _one_line_column(sheet: str, header: str) -> bool:
    """The column ``header`` of ``sheet`` prints on one line (as any value not from a column)."""
    found = schema.SHEETS_BY_NAME.get(sheet)
    column = next((c for c in found.columns if c.header == header), None) if found else None
    return column is None or column.one_line


def changed_rows(old: str, new: str) -> list[str]:
    """The rows whose inputs differ between two fingerprints ("Ý kiến!5", …)."""
    def rows(fp):
        return dict(p.split(":", 1) for p in (fp or "").split("|")[1:] if ":" in p)
    a, b = rows(old), rows(new)
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def rows_said(keys: list[str], most: int = 8) -> str:
    """Changed rows ("Ý kiến!5", …) as a clerk reads them: by sheet, in row order, runs
    joined ("Kế hoạch dòng 2; Ý kiến dòng 2–9, 12"), at most ``most`` pieces a sheet."""
    by_sheet: dict[str, list] = {}
    for key in keys:
        sheet, _, row = key.partition("!")
        by_sheet.setdefault(sheet, []).append(int(row) if row.isdigit() else row)
    parts = []
    for sheet, rows in by_sheet.items():
        if set(rows) <= {0}:             # a sheet read whole (Cấu hình): no row to name
            parts.append(sheet)
            continue
        pieces = _runs(sorted(r for r in rows if isinstance(r, int) and r)) + \
            sorted(r for r in rows if not isinstance(r, int))
        more = f" và {len(pieces) - most} chỗ khác" if len(pieces) > most else ""
        parts.append(f"{sheet} dòng {', '.join(pieces[:most])}{more}")
    return "; ".join(parts)


def _runs(rows: list[int]) -> list[str]:
    """2, 3, 4, 7 → ["2–4", "7"]."""
    out: list[str] = []
    start = prev = None
    for r in rows + [None]:
        if start is not None and r == prev + 1:
            prev = r
            continue
        if start is not None:
            out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = r
    return out


def combine(fingerprints: list[str]) -> str:
    """One fingerprint for a batch: a hash of the parts, and every row part once."""
    heads = [f.split("|")[0] for f in fingerprints]
    rows = sorted({p for f in fingerprints for p in f.split("|")[1:]})
    mark = PRINTED if heads and all(h.startswith(PRINTED) for h in heads) else ""
    head = mark + hashlib.sha256("".join(heads).encode()).hexdigest()[:12] if len(heads) > 1 \
        else (heads[0] if heads else "")
    return "|".join([head] + rows)
