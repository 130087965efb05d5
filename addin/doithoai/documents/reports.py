"""The reports of the Word templates: the result report (BCKQ), with the table of what earlier
conferences still owe (the plan, KH, prints it too), and the survey form handed out at the
conference (PKS)."""
from __future__ import annotations

from doithoai.documents import layout as b
from doithoai.documents import tables

# A list's items end with a semicolon, its last with a full stop.
END_ITEM = "{{ '.' if loop.last else ';' }}"


def bckq(doc, party):
    b.header_block(doc, party=party)
    b.title(doc, "BÁO CÁO")
    b.body(doc, "Thực hiện {{ can_cu_ke_hoach }}, {{ ten_co_quan_ngan }} báo cáo kết quả hội "
                "nghị đối thoại với Nhân dân {{ pham_vi }} như sau:")
    b.heading(doc, "I. CÔNG TÁC TỔ CHỨC")
    b.body(doc, "Hội nghị tổ chức {{ thoi_gian_cau }}, tại {{ dia_diem }}, do {{ chu_tri }} chủ "
                "trì. {{ tham_du }}")
    b.heading(doc, "II. KẾT QUẢ ĐỐI THOẠI")
    b.tag(doc, "{%p if so_y_kien %}")
    b.body(doc, "Tổng số ý kiến, kiến nghị: {{ so_y_kien }}, trong đó theo nguồn:")
    b.bullets(doc, "s in theo_nguon", "- {{ s.ten }}: {{ s.so }} ý kiến" + END_ITEM)
    b.body(doc, "Theo lĩnh vực:")
    tables.grid_table(doc, ["000", 11.0, "000"], ["STT", "Lĩnh vực", "Số ý kiến"],
                 ["{{ f.stt }}", "{{ f.ten }}", "{{ f.so }}"], "f in theo_linh_vuc")
    b.body(doc, "Kết quả giải quyết: trả lời tại hội nghị {{ so_tra_loi_tai_hoi_nghi }}; đã trả "
                "lời bằng văn bản {{ so_da_tra_loi_van_ban }}; {% if so_xong_khong_van_ban %}"
                "đã giải quyết xong (không có văn bản trả lời) "
                "{{ so_xong_khong_van_ban }}; {% endif %}đang giải quyết "
                "{{ so_dang_giai_quyet }} (quá hạn {{ so_qua_han }}); kiến nghị cấp trên "
                "{{ so_cap_tren }}{% if so_cho_cap_tren %} (chờ cấp trên trả lời "
                "{{ so_cho_cap_tren }}, không tính là quá hạn){% endif %}.{% if so_da_giai_quyet "
                "or so_qua_han_tra_loi or so_qua_han_giai_quyet %} Đã giải quyết xong "
                "{{ so_da_giai_quyet }}; quá hạn mà chưa trả lời {{ so_qua_han_tra_loi }}; quá "
                "hạn mà chưa giải quyết xong (đã trả lời, hoặc không phải trả lời) "
                "{{ so_qua_han_giai_quyet }}.{% endif %}")
    b.tag(doc, "{%p else %}")
    b.body(doc, "Tại hội nghị, Nhân dân không có ý kiến, kiến nghị.")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if khao_sat %}")
    b.body(doc, "Kết quả phiếu lấy ý kiến về cuộc đối thoại ({{ so_phieu }} phiếu thu về):")
    b.bullets(doc, "k in khao_sat", "{{ k.cau_hoi }}: {{ k.ket_qua }}.")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if ton_dong %}")
    b.body(doc, "Ý kiến, kiến nghị của các hội nghị trước đến nay chưa giải quyết xong: "
                "{{ so_ton_dong }} (tiếp tục đôn đốc):")
    carry_over_table(doc)
    b.tag(doc, "{%p endif %}")
    b.heading(doc, "III. ĐÁNH GIÁ VÀ KIẾN NGHỊ")
    # The closing words say what the report's figures and the registry say, nothing more:
    # "chu đáo" only when every step due by the conference was done on time; the overdue
    # replies and resolutions as counted above; no "vượt thẩm quyền" where none was sent up.
    b.body(doc, "Hội nghị {% if chuan_bi_dung_han %}được chuẩn bị chu đáo, {% endif %}diễn ra "
                "dân chủ{% if so_y_kien %}; các ý kiến của Nhân dân đều được lắng nghe, ghi nhận"
                "{% if so_tra_loi_tai_hoi_nghi %}, trong đó {{ so_tra_loi_tai_hoi_nghi }} ý kiến "
                "được trả lời ngay tại hội nghị{% endif %}{% if so_cap_tren %}; những nội dung "
                "vượt thẩm quyền đã kiến nghị cấp trên xem xét, giải quyết{% endif %}"
                "{% if so_qua_han_tra_loi %}; còn {{ so_qua_han_tra_loi }} ý kiến chưa được trả "
                "lời dù đã quá hạn{% endif %}{% if so_qua_han_giai_quyet %}; "
                "{{ so_qua_han_giai_quyet }} ý kiến chưa giải quyết xong dù đã quá hạn{% endif %}"
                "{% if so_qua_han_tra_loi or so_qua_han_giai_quyet %}, các cơ quan được phân công "
                "cần khẩn trương {% if so_qua_han_tra_loi %}trả lời{% if so_qua_han_giai_quyet %}"
                ", {% endif %}{% endif %}{% if so_qua_han_giai_quyet %}giải quyết dứt điểm"
                "{% endif %}{% elif so_dang_giai_quyet %}; các nội dung đang giải quyết tiếp tục "
                "được đôn đốc, trả lời đúng hạn{% endif %}{% endif %}./.")
    b.recipients_and_signature(doc, party=party)


def pks(doc, party):
    b.header_block(doc, party=party, number=False)
    b.title(doc, "PHIẾU LẤY Ý KIẾN", "Về hội nghị đối thoại với Nhân dân {{ pham_vi }}")
    b.body(doc, "Hội nghị ngày {{ ngay_hoi_nghi }} tại {{ dia_diem }}. Xin ông (bà) cho biết ý "
                "kiến bằng cách đánh dấu vào ô phù hợp; phiếu không cần ghi tên.")
    for q, opts in (("1. Mức độ hài lòng chung về hội nghị:",
                     "☐ Rất hài lòng    ☐ Hài lòng    ☐ Chưa hài lòng"),
                    ("2. Nội dung đối thoại có đúng những vấn đề ông (bà) quan tâm không?",
                     "☐ Đúng    ☐ Một phần    ☐ Không"),
                    ("3. Các câu trả lời tại hội nghị có rõ ràng, thỏa đáng không?",
                     "☐ Rõ ràng, thỏa đáng    ☐ Chưa đầy đủ    ☐ Chưa thỏa đáng"),
                    ("4. Thời gian, địa điểm tổ chức có thuận tiện không?",
                     "☐ Thuận tiện    ☐ Chưa thuận tiện")):
        b.body(doc, q)
        b.para(doc, opts, indent=True)
    b.body(doc, "5. Ý kiến khác:")
    for _ in range(4):
        b.para(doc, "." * 118, size=12, align=b.LEFT, after=4)
    b.para(doc, "Xin trân trọng cảm ơn ông (bà)./.", italic=True, align=b.CENTER)


def carry_over_table(doc):
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 9.0, 3.4, 2.8],
                 ["STT", "Mã ý kiến", "Nội dung (hội nghị)", "Cơ quan", "Giai đoạn"],
                 ["{{ t.stt }}", "{{ t.ma }}", "{{ t.noi_dung }} ({{ t.hoi_nghi }})",
                  "{{ t.co_quan }}", "{{ t.giai_doan }}"], "t in ton_dong")
