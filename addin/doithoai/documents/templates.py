"""The Word templates: what each document says, in state and party format.

``build_all(folder)`` writes ``<CODE>.docx`` (state, Decree 30) and ``<CODE>_dang.docx`` (party,
Hướng dẫn 36-HD/VPTW) for every kind of :data:`KINDS` into workbook_templates/. The texts are
written for this project; the facts come from the registry through the placeholders listed by
:mod:`doithoai.documents.context`. A clerk may edit the .docx files in Word, or keep a copy of one next to
the registry (same file name), which then wins.
"""
from __future__ import annotations

import os
import zipfile

from doithoai.documents import layout as b
from doithoai.documents import tables
from doithoai.documents.letters import cvdd, cvkn, cvpc, cvtl, tbcd
from doithoai.documents.reports import END_ITEM, bckq, carry_over_table, pks
from doithoai.documents.kinds import KINDS, KINDS_BY_CODE, template_name


# --- one function per kind ---------------------------------------------------------------------

def kh(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "KẾ HOẠCH")
    b.bases(doc, "{{ ten_co_quan_ngan }} xây dựng Kế hoạch tổ chức hội nghị đối thoại với Nhân "
                 "dân {{ pham_vi }} như sau:")
    b.heading(doc, "I. MỤC ĐÍCH, YÊU CẦU")
    b.body(doc, "1. Lắng nghe trực tiếp tâm tư, nguyện vọng, ý kiến và kiến nghị của Nhân dân; "
                "giải thích, trả lời những vấn đề Nhân dân quan tâm; kịp thời tháo gỡ vướng mắc "
                "thuộc thẩm quyền của địa phương.")
    b.body(doc, "2. Việc đối thoại được chuẩn bị chu đáo, dân chủ, công khai, đúng quy định; "
                "mọi ý kiến đều được ghi nhận, trả lời tại hội nghị hoặc bằng văn bản trong "
                "thời hạn quy định.")
    b.heading(doc, "II. NỘI DUNG, HÌNH THỨC, THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN")
    b.body(doc, "1. Nội dung: {{ noi_dung }}{% if noi_dung and noi_dung[-1] not in '.?!…' %}."
                "{% endif %}")
    b.body(doc, "2. Hình thức: hội nghị đối thoại trực tiếp ({{ hinh_thuc }}) giữa {{ chu_tri }} "
                "với Nhân dân {{ pham_vi }}.")
    b.body(doc, "3. Thời gian: {{ thoi_gian }}.")
    b.body(doc, "4. Địa điểm: {{ dia_diem }}.")
    b.body(doc, "5. Chủ trì: {{ chu_tri }}{% if nguoi_chu_tri %} (đồng chí {{ nguoi_chu_tri }})"
                "{% endif %}.")
    b.body(doc, "6. Thành phần mời dự (tổng số đại biểu dự kiến: {{ so_dai_bieu }}):")
    b.bullets(doc, "g in nhom_dai_bieu", "- {{ g.ten }}: {{ g.so }} đại biểu" + END_ITEM)
    b.tag(doc, "{%p if ton_dong %}")
    b.body(doc, "7. Báo cáo lại tại hội nghị {{ so_ton_dong }} ý kiến, kiến nghị của các hội "
                "nghị trước chưa được giải quyết xong:")
    carry_over_table(doc)
    b.tag(doc, "{%p endif %}")
    b.heading(doc, "III. TIẾN ĐỘ THỰC HIỆN")
    tables.grid_table(doc, ["000", 8.3, 4.5, "00/00/0000"], ["STT", "Công việc", "Đơn vị thực hiện", "Thời hạn"],
                 ["{{ m.stt }}", "{{ m.cong_viec }}", "{{ m.don_vi }}", "{{ m.han }}"],
                 "m in tien_do")
    b.tag(doc, "{%p if ghi_chu_du_kien %}")
    b.para(doc, "{{ ghi_chu_du_kien }}", italic=True)
    b.tag(doc, "{%p endif %}")
    b.heading(doc, "IV. TỔ CHỨC THỰC HIỆN")
    b.bullets(doc, "u in phan_cong", "{{ u.stt }}. {{ u.don_vi }}: {{ u.viec }}")
    b.body(doc, "Trên đây là Kế hoạch tổ chức hội nghị đối thoại của {{ ten_co_quan_ngan }}; "
                "đề nghị các cơ quan, đơn vị có liên quan triển khai thực hiện./.")
    b.recipients_and_signature(doc, party=party)


def tb(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "THÔNG BÁO")
    b.body(doc, "{{ ten_co_quan_ngan }} thông báo tổ chức hội nghị đối thoại với Nhân dân "
                "{{ pham_vi }} như sau:")
    b.body(doc, "1. Thời gian: {{ thoi_gian }}.")
    b.body(doc, "2. Địa điểm: {{ dia_diem }}.")
    b.body(doc, "3. Chủ trì: {{ chu_tri }}.")
    b.body(doc, "4. Nội dung: {{ noi_dung }}{% if noi_dung and noi_dung[-1] not in '.?!…' %}."
                "{% endif %}")
    b.body(doc, "5. Thành phần: cán bộ, đảng viên và Nhân dân {{ pham_vi }} quan tâm đều được "
                "tham dự; đại biểu theo giấy mời.")
    b.body(doc, "6. Đăng ký phát biểu, gửi ý kiến trước hội nghị: Nhân dân gửi phiếu qua Ban "
                "công tác Mặt trận ở {{ cap_thon }}, hoặc liên hệ trực tiếp {{ can_bo_dau_moi }}"
                "{% if dien_thoai_dau_moi %} (điện thoại {{ dien_thoai_dau_moi }}){% endif %}"
                "{% if han_thu_phieu %}, chậm nhất ngày {{ han_thu_phieu }}{% endif %}.")
    b.body(doc, "Đề nghị {{ truong_thon }} và Đài truyền thanh thông báo rộng rãi để Nhân dân "
                "biết, tham dự đông đủ" + b.CLOSE)
    b.replaces(doc, "Thông báo")
    b.recipients_and_signature(doc, party=party)


def gm(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "GIẤY MỜI")
    b.body(doc, "{{ ten_co_quan_ngan }} trân trọng kính mời:")
    b.para(doc, "{{ kinh_gui }}", bold=True, align=b.CENTER)
    b.body(doc, "Tới dự: Hội nghị đối thoại giữa {{ chu_tri }} với Nhân dân {{ pham_vi }}.")
    b.body(doc, "Chủ trì: {{ chu_tri }}{% if nguoi_chu_tri %} - đồng chí {{ nguoi_chu_tri }}"
                "{% endif %}.")
    b.body(doc, "Thời gian: {{ thoi_gian }}.")
    b.body(doc, "Địa điểm: {{ dia_diem }}.")
    b.body(doc, "Rất mong {{ danh_xung_goi }} đến dự đúng giờ" + b.CLOSE)
    b.replaces(doc, "Giấy mời")
    b.recipients_and_signature(doc, party=party)


def pdk(doc, party):
    b.header_block(doc, party=party, number=False)
    b.title(doc, "PHIẾU ĐĂNG KÝ PHÁT BIỂU, GỬI Ý KIẾN",
            "Hội nghị đối thoại với Nhân dân {{ pham_vi }}")
    b.para(doc, "Mã phiếu: {{ ma_phieu }}", size=13, bold=True, align=b.RIGHT)
    b.body(doc, "Hội nghị do {{ chu_tri }} chủ trì, {{ thoi_gian_cau }}, tại {{ dia_diem }}.")
    b.body(doc, "Họ và tên người gửi: ........................................................"
                ".....................")
    b.body(doc, "Địa chỉ ({{ cap_thon }}): {{ thon }} .........................................")
    b.body(doc, "Điện thoại (nếu có): ......................................................"
                "......................")
    b.body(doc, "Lĩnh vực (đánh dấu vào ô phù hợp):")
    b.bullets(doc, "f in linh_vuc", "☐ {{ f }}")
    b.body(doc, "Nội dung ý kiến, kiến nghị:")
    for _ in range(8):
        b.para(doc, "." * 118, size=12, align=b.LEFT, after=4)
    b.body(doc, "☐ Đăng ký phát biểu trực tiếp tại hội nghị.")
    b.para(doc, "Phiếu nộp cho Ban công tác Mặt trận hoặc gửi về {{ can_bo_dau_moi }} "
                "{% if han_thu_phieu %}chậm nhất ngày {{ han_thu_phieu }}{% else %}trước khi hội "
                "nghị khai mạc{% endif %}. Thông tin cá nhân chỉ dùng để trả lời ý kiến./.",
           size=13, italic=True, indent=True)


def bcth(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "BÁO CÁO")
    # Before the conference it prepares the answers; on its day or later it tells how each
    # opinion came and assigns the written replies. No opinion yet: one sentence, no table.
    opening = ("{% if sau_hoi_nghi %}Đối với{% else %}Chuẩn bị{% endif %} hội nghị đối thoại "
               "với Nhân dân {{ pham_vi }} ({{ thoi_gian }}), ")
    b.tag(doc, "{%p if so_y_kien %}")
    b.body(doc, opening + "{{ ten_co_quan_ngan }} đã tiếp nhận {{ so_y_kien }} ý kiến, kiến "
                "nghị{% if nguon_y_kien %} (gồm {{ nguon_y_kien }}){% endif %}{% if so_trung %}, "
                "không kể {{ so_trung }} ý kiến trùng nội dung đã gộp vào ý kiến nêu trước"
                "{% if neu_lai_chua_xong %} (trong đó {{ neu_lai_chua_xong }}){% endif %}"
                "{% endif %}. Kết quả tổng hợp theo lĩnh vực và phân công {% if sau_hoi_nghi %}"
                "trả lời bằng văn bản{% else %}tham mưu trả lời{% endif %} như sau:")
    b.tag(doc, "{%p for f in nhom_linh_vuc %}")
    b.heading(doc, "{{ f.stt }}. {{ f.ten }} ({{ f.so }} ý kiến)")
    tables.grid_table(doc, ["000", 8.6, 4.4, "00/00/0000"], ["STT", "Nội dung ý kiến, kiến nghị",
                                             "Cơ quan tham mưu trả lời", "Hạn"],
                 ["{{ y.stt }}", "{{ y.noi_dung }} ({{ y.nguoi_neu }}, {{ y.dia_chi }})",
                  "{{ y.co_quan }}", "{{ y.han }}"], "y in f.y_kien")
    b.tag(doc, "{%p endfor %}")
    b.with_signature(b.body(doc, "{% if so_cap_tren %}Trong đó {{ so_cap_tren }} ý kiến vượt thẩm "
                                 "quyền của {{ cap_don_vi }}, sẽ được chuyển cơ quan có thẩm quyền "
                                 "xem xét, giải quyết{% else %}Không có ý kiến nào vượt thẩm quyền "
                                 "của {{ cap_don_vi }}{% endif %}" + b.CLOSE))   # last of a branch
    b.tag(doc, "{%p else %}")
    b.body(doc, opening + "đến nay {{ ten_co_quan_ngan }} chưa tiếp nhận ý kiến, kiến nghị nào "
                "của Nhân dân{% if neu_lai_chua_xong %}, ngoài {{ neu_lai_chua_xong }}{% endif %}"
                + b.CLOSE)
    b.tag(doc, "{%p endif %}")
    b.replaces(doc, "Báo cáo")
    b.recipients_and_signature(doc, party=party)


def bb(doc, party):
    b.header_block(doc, party=party, date=False)
    b.title(doc, "BIÊN BẢN")
    b.heading(doc, "I. THỜI GIAN, ĐỊA ĐIỂM")
    b.body(doc, "Thời gian: {{ thoi_gian }}. Địa điểm: {{ dia_diem }}.")
    b.heading(doc, "II. THÀNH PHẦN")
    b.body(doc, "Chủ trì: {{ chu_tri }}{% if nguoi_chu_tri %} - đồng chí {{ nguoi_chu_tri }}"
                "{% endif %}. Thư ký: {{ thu_ky }}.")
    b.body(doc, "{{ tham_du }} Cùng đông đảo Nhân dân {{ pham_vi }}.")
    b.bullets(doc, "g in nhom_tham_du", "- {{ g.ten }}: {{ g.tham_du }}" + END_ITEM)
    b.heading(doc, "III. DIỄN BIẾN HỘI NGHỊ")
    b.body(doc, "{{ chu_tri_hoa }} thông tin mục đích, nội dung hội nghị; {% if so_y_kien %}"
                "hội nghị nghe {{ so_y_kien }} ý kiến, kiến nghị của Nhân dân"
                "{% if nguon_y_kien %} (gồm {{ nguon_y_kien }}){% endif %}; lãnh đạo và các cơ "
                "quan trả lời như sau:{% else %}Nhân dân không có ý kiến, kiến nghị.{% endif %}")
    b.tag(doc, "{%p for y in y_kien %}")
    b.body(doc, "{{ y.stt }}. {{ y.nguoi_neu }}{% if y.dia_chi %} ({{ y.dia_chi }}){% endif %}: "
                "{{ y.noi_dung }}{% if y.cung_neu %} ({% for c in y.cung_neu %}{{ c.nguoi_neu }}"
                "{% if not loop.last %}, {% endif %}{% endfor %} cũng nêu ý kiến này){% endif %}")
    b.para(doc, "Trả lời: {{ y.tra_loi }}", italic=True, indent=True)
    b.tag(doc, "{%p endfor %}")
    b.heading(doc, "IV. KẾT LUẬN")
    # The outcomes that have opinions, each once (the six add up to so_y_kien): never a
    # sentence that begins with a figure, nor "0 ý kiến".
    b.body(doc, "{% if so_y_kien %}Hội nghị {% if so_tra_loi_tai_hoi_nghi %}đã trả lời tại chỗ "
                "{{ so_tra_loi_tai_hoi_nghi }} ý kiến{% if so_giao_giai_quyet or so_phoi_hop or "
                "so_khong_ten or so_tiep_tuc or so_cap_tren %}; {% endif %}{% endif %}"
                "{% if so_giao_giai_quyet %}tiếp thu, giao cơ quan chuyên "
                "môn giải quyết và trả lời bằng văn bản {{ so_giao_giai_quyet }} ý kiến"
                "{% if so_phoi_hop or so_khong_ten or so_tiep_tuc or so_cap_tren %}; {% endif %}"
                "{% endif %}{% if so_phoi_hop %}đề nghị cơ quan, đơn vị trên địa bàn phối hợp "
                "trả lời {{ so_phoi_hop }} ý kiến{% if so_khong_ten or so_tiep_tuc or so_cap_tren "
                "%}; {% endif %}{% endif %}{% if so_khong_ten %}tiếp thu, chuyển giải quyết "
                "{{ so_khong_ten }} ý kiến của người không ghi tên (không có văn bản trả lời){% if so_tiep_tuc or "
                "so_cap_tren %}; {% endif %}{% endif %}{% if so_tiep_tuc %}tiếp tục giải quyết "
                "{{ so_tiep_tuc }} ý kiến đã nêu tại hội nghị trước{% if so_cap_tren %}; "
                "{% endif %}{% endif %}{% if so_cap_tren %}chuyển cấp có "
                "thẩm quyền {{ so_cap_tren }} ý kiến{% endif %}.{% else %}Hội nghị không có ý "
                "kiến, kiến nghị phải giải quyết.{% endif %}")
    b.body(doc, "Hội nghị kết thúc lúc {{ gio_ket_thuc }} cùng ngày. Biên bản được đọc lại, "
                "những người dự hội nghị nhất trí./.")
    b.two_signatures(doc, "THƯ KÝ", "{{ thu_ky }}", "CHỦ TỌA", "{{ nguoi_ky }}")
    b.recipients_below(doc, party=party)


def tbkl(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "THÔNG BÁO")
    # No opinion raised: the first paragraph says so, ends the notice, keeps with the signature.
    opening = b.body(doc, "Ngày {{ ngay_hoi_nghi }}, tại {{ dia_diem }}, {{ chu_tri }} đã chủ trì "
                          "hội nghị đối thoại với Nhân dân {{ pham_vi }} ({{ so_co_mat }} đại biểu "
                          "có mặt). {% if so_y_kien %}Sau khi nghe {{ so_y_kien }} ý kiến, kiến "
                          "nghị{% if nguon_y_kien %} (gồm {{ nguon_y_kien }}){% endif %}, "
                          "{{ chu_tri }} kết luận như sau:{% else %}Tại hội nghị, Nhân dân không "
                          "có ý kiến, kiến nghị cần trả lời, giải quyết./.{% endif %}")
    b.with_signature(opening)
    b.tag(doc, "{%p if so_y_kien %}")
    b.heading(doc, "1. Các ý kiến đã được trả lời tại hội nghị")
    b.tag(doc, "{%p if not da_tra_loi %}")          # a heading is never left with nothing
    b.body(doc, "Không có ý kiến nào được trả lời ngay tại hội nghị.")
    b.tag(doc, "{%p endif %}")
    # A citizen's words typed without a full stop still end their sentence before "Trả lời".
    b.bullets(doc, "y in da_tra_loi", "- {{ y.nguoi_neu }}: {{ y.noi_dung }}{% if y.noi_dung "
                                      "and y.noi_dung[-1] not in '.?!…' %}.{% endif %} Trả lời: "
                                      "{{ y.tra_loi }}")
    # Every opinion not answered there: given to an office, asked of an agency on the
    # territory, resolved for an unnamed citizen, or recommended upward (its Thời hạn says which).
    b.heading(doc, "2. Các ý kiến chưa được trả lời tại hội nghị")
    tables.grid_table(doc, ["000", 8.0, 4.6, "00/00/0000"], ["STT", "Nội dung", "Cơ quan giải quyết",
                                             "Thời hạn"],
                 ["{{ y.stt }}", "{{ y.noi_dung }} ({{ y.nguoi_neu }})", "{{ y.co_quan }}",
                  "{{ y.han }}"], "y in giao_giai_quyet")
    b.heading(doc, "3. Tổ chức thực hiện")
    # Own units are assigned; agencies on the territory are asked (rules.agencies).
    # An agency whose opinions name no one to write to resolves them, and writes to no one.
    b.body(doc, "{% if co_quan_giao or co_quan_phoi_hop %}"
                "{% if co_quan_giao %}{{ co_quan_giao }} trả lời{% endif %}{% if co_quan_giao "
                "and co_quan_phoi_hop %}; đề nghị {% elif co_quan_phoi_hop %}Đề nghị {% endif %}"
                "{% if co_quan_phoi_hop %}{{ co_quan_phoi_hop }} phối hợp trả lời{% endif %} "
                "bằng văn bản cho người nêu ý kiến trong thời hạn {{ thoi_han_tra_loi }}{% if "
                "dong_gui %}{% if vp_cung_tra_loi %}; các cơ quan, đơn vị còn lại đồng gửi văn "
                "bản trả lời về {{ van_phong }} để tổng hợp{% else %}, đồng gửi {{ van_phong }} "
                "để tổng hợp{% endif %}{% endif %}. {% endif %}{% if co_quan_tiep_tuc %}"
                "{{ co_quan_tiep_tuc }} tiếp tục giải quyết các ý kiến đã nêu tại hội nghị "
                "trước{% if tiep_tuc_qua_han %}; việc nào đã quá hạn phải khẩn trương hoàn "
                "thành{% else %}, theo thời hạn đã giao{% endif %}. {% endif %}{% if co_quan_giai_quyet %}"
                "{{ co_quan_giai_quyet }} giải quyết các ý kiến mà người nêu không ghi tên (không "
                "có văn bản trả lời). {% endif %}Ủy ban Mặt trận "
                "Tổ quốc theo dõi, giám sát việc thực hiện./.")
    b.tag(doc, "{%p endif %}")
    b.recipients_and_signature(doc, party=party)


def dsdb(doc, party):
    b.header_block(doc, party=party, number=False, date=False)
    b.title(doc, "DANH SÁCH ĐẠI BIỂU")
    b.para(doc, "Thời gian: {{ thoi_gian }}. Địa điểm: {{ dia_diem }}.", align=b.CENTER,
           italic=True)
    tables.grouped_table(doc, ["000", 6.5, 9.0, "000", 4.5],
                    ["STT", "Họ và tên", "Chức vụ, cơ quan, đơn vị", "Giấy mời", "Ký nhận"],
                    "{{ g.ten }} ({{ g.so }} đại biểu)",
                    ["{{ d.stt }}", "{{ d.ho_ten }}", "{{ d.chuc_vu }}", "{{ d.so_giay_moi }}",
                     ""], "g in nhom_dai_bieu_ds", "d in g.dai_bieu", landscape=True)
    b.para(doc, "Tổng số: {{ so_moi }} đại biểu được mời. Người có mặt ký vào cột Ký nhận; "
                "người dự thay ghi rõ họ tên và ký./.", italic=True, indent=True)


def sgn(doc, party):
    b.header_block(doc, party=party, number=False, date=False)
    b.title(doc, "SỔ GIAO NHẬN GIẤY MỜI")
    b.para(doc, "{{ dong_giay_moi }}", align=b.CENTER, italic=True)
    tables.grouped_table(doc, ["000", "000", 9.5, 4.5, 3.2, 3.2],
                    ["STT", "Giấy mời", "Người nhận", "Người giao", "Ký nhận", "Ngày nhận"],
                    "{{ g.ten }} ({{ g.so }} giấy mời)",
                    ["{{ d.stt }}", "{{ d.so_giay_moi }}", "{{ d.nguoi_nhan }}",
                     "{{ d.nguoi_giao }}", "", ""], "g in tuyen_giao", "d in g.dai_bieu",
                    landscape=True)
    b.para(doc, "Người giao ghi ngày giao và nộp lại sổ cho {{ van_phong }} chậm nhất ngày "
                "{{ han_giay_moi }}./.", italic=True, indent=True)


# The loudspeaker and social-network bulletin: plain text for a reader to speak aloud. Dates,
# weekdays and times in words; no abbreviations (the engine expands them in every value).
TTTT_TEXT = """BẢN TIN THÔNG BÁO
Hội nghị đối thoại với Nhân dân {{ pham_vi_doc }}

Kính thưa bà con Nhân dân!

{{ co_quan_doc }} trân trọng thông báo: vào {{ thoi_gian_doc }}, tại {{ dia_diem_doc }}, \
{{ chu_tri_doc }} sẽ chủ trì hội nghị đối thoại với Nhân dân {{ pham_vi_doc }}.

Nội dung hội nghị: {{ noi_dung_doc }}{% if noi_dung_doc and noi_dung_doc[-1] not in '.?!…' %}.\
{% endif %}

Mọi người dân quan tâm đều có thể đến dự. Bà con có ý kiến, kiến nghị xin gửi phiếu qua Ban \
công tác Mặt trận ở {{ cap_thon }}, hoặc gặp trực tiếp {{ can_bo_dau_moi_doc }}\
{% if dien_thoai_dau_moi %}, số điện thoại {{ dien_thoai_dau_moi }}{% endif %}\
{% if han_thu_phieu_doc %}, chậm nhất {{ han_thu_phieu_doc }}{% endif %}.

{{ co_quan_doc }} trân trọng kính mời bà con đến dự đông đủ, đúng giờ.

Xin trân trọng thông báo!
"""

TTTT_PARTY_TEXT = TTTT_TEXT.replace("{{ co_quan_doc }} trân trọng thông báo",
                                    "Thực hiện chỉ đạo của {{ co_quan_doc }}, xin trân trọng "
                                    "thông báo")

TEXT_TEMPLATES = {("TTTT", False): TTTT_TEXT, ("TTTT", True): TTTT_PARTY_TEXT}


BUILDERS = {"KH": kh, "TB": tb, "GM": gm, "PDK": pdk, "BCTH": bcth, "CVPC": cvpc, "BB": bb,
            "TBKL": tbkl, "CVTL": cvtl, "BCKQ": bckq, "PKS": pks, "DSDB": dsdb, "SGN": sgn,
            "CVDD": cvdd, "CVKN": cvkn, "TBCD": tbcd}


def build(code: str, party: bool, path: str) -> None:
    if KINDS_BY_CODE[code].text:
        text = TEXT_TEMPLATES[(code, party)].replace("\\\n", "")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
        return
    doc = b.new_document(landscape=KINDS_BY_CODE[code].landscape)
    body = doc.element.body
    # new_document leaves one empty paragraph at the top: the header table goes before it.
    BUILDERS[code](doc, party)
    first = body[0]
    if first.tag.endswith("}p") and not "".join(first.itertext()).strip():
        body.remove(first)
    tmp = path + ".tmp"
    doc.core_properties.author = "doithoai"
    doc.core_properties.title = KINDS_BY_CODE[code].name
    doc.save(tmp)
    os.replace(tmp, path)


def build_all(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    paths = []
    for kind in KINDS:
        for party in (False, True):
            path = os.path.join(folder, template_name(kind.code, party))
            build(kind.code, party, path)
            paths.append(path)
    return paths


def template_parts(path: str) -> dict[str, bytes]:
    """The XML parts of a template, without volatile timestamps (for the drift test)."""
    import re
    if path.endswith(".txt"):
        with open(path, "rb") as fh:
            return {"text": fh.read()}
    with zipfile.ZipFile(path) as z:
        return {n: re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"",
                          z.read(n)) for n in z.namelist()}
