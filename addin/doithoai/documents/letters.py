"""The letters of the Word templates: to agencies (assign, ask, chase, recommend to superiors)
and to citizens (the written reply, the notice of who handles what they raised). The level of
the agency (rules.agencies) chooses the verb and the tone inside each template.
"""
from __future__ import annotations

from doithoai.documents import layout as b
from doithoai.documents import tables


def cvpc(doc, party):
    # Own units are assigned (giao), with a deadline; an agency on the territory answers to its
    # own hierarchy and is asked to cooperate, with a date requested (rules.agencies).
    b.header_block(doc, party=party, subject_line=True)
    b.para(doc, "Kính gửi: {{ co_quan_tra_loi }}.", align=b.CENTER, after=12)
    b.body(doc, "Thực hiện {{ can_cu_ke_hoach }}, {{ ten_co_quan_ngan }} đã tổng hợp ý kiến, "
                "kiến nghị của Nhân dân {{ pham_vi }}. Có {{ so_y_kien }} ý kiến thuộc lĩnh vực "
                "{% if phoi_hop %}của {{ co_quan_tra_loi }}{% else %}do {{ co_quan_tra_loi }} "
                "phụ trách{% endif %} (danh sách dưới đây).")
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 9.0, 4.2], ["STT", "Mã ý kiến", "Nội dung",
                                                                "Người nêu"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }}", "{{ y.nguoi_neu }}"],
                      "y in y_kien")
    b.body(doc, "{% if phoi_hop %}{{ ten_co_quan_ngan }} trân trọng đề nghị {{ co_quan_tra_loi }} "
                "quan tâm, phối hợp xem xét các nội dung trên theo chức năng, nhiệm vụ; cung cấp "
                "thông tin hoặc nội dung trả lời gửi về {{ van_phong }} trước ngày "
                "{{ han_du_thao }} để tổng hợp, và cử đại diện lãnh đạo dự hội nghị. Rất mong "
                "nhận được sự phối hợp của Quý cơ quan./.{% else %}{{ ten_co_quan_ngan }} giao "
                "{{ co_quan_tra_loi }} nghiên cứu, tham mưu nội dung trả lời, gửi dự thảo về "
                "{{ van_phong }} chậm nhất ngày {{ han_du_thao }}; đồng thời cử lãnh đạo dự hội "
                "nghị để trả lời trực tiếp những nội dung thuộc lĩnh vực phụ trách./.{% endif %}")
    b.recipients_and_signature(doc, party=party)


def cvtl(doc, party):
    b.header_block(doc, party=party, subject_line=True)
    b.para(doc, "Kính gửi: {{ kinh_gui }}, {{ dia_chi }}.", align=b.CENTER, after=12)
    b.body(doc, "{{ ten_co_quan_ngan }} nhận được ý kiến của {{ kinh_gui }} gửi hội nghị đối "
                "thoại ngày {{ ngay_hoi_nghi }} ({{ nguon }}, ngày {{ ngay_nhan }}), nội dung:")
    b.para(doc, "“{{ noi_dung }}”", italic=True, indent=True)
    b.body(doc, "Về nội dung này, {{ ten_co_quan_ngan }} trả lời như sau:")
    b.body(doc, "{{ tra_loi }}")
    b.body(doc, "{{ ten_co_quan_ngan }} trân trọng thông báo để {{ kinh_gui }} được biết./.")
    b.recipients_and_signature(doc, party=party)


def cvdd(doc, party):
    # Own units are chased; an agency on the territory gets a courteous reminder; superiors are
    # never chased (no deadline is imposed on them: they are waiting, not overdue).
    b.header_block(doc, party=party, subject_line=True)
    b.para(doc, "Kính gửi: {{ co_quan_tra_loi }}.", align=b.CENTER, after=12)
    b.body(doc, "Thực hiện {{ can_cu_ke_hoach }}, {{ ten_co_quan_ngan }} đã "
                "{% if phoi_hop %}đề nghị {{ co_quan_tra_loi }} phối hợp trả lời{% else %}giao "
                "{{ co_quan_tra_loi }} trả lời, giải quyết{% endif %} các ý kiến, kiến nghị của "
                "Nhân dân {{ pham_vi }}. Đến ngày {{ ngay_xet }}, còn {{ so_y_kien }} ý kiến đã "
                "qua thời hạn {% if phoi_hop %}đề nghị{% else %}được giao{% endif %} mà chưa có "
                "văn bản trả lời hoặc chưa giải quyết xong (danh sách dưới đây).")
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 8.0, "00/00/0000", "Quá hạn"],
                      ["STT", "Mã ý kiến", "Nội dung", "Hạn", "Quá hạn"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }} ({{ y.con_no }})",
                       "{{ y.han }}", "{{ y.tre }}"], "y in qua_han")
    b.body(doc, "{% if phoi_hop %}{{ ten_co_quan_ngan }} trân trọng đề nghị {{ co_quan_tra_loi }} "
                "quan tâm, sớm có văn bản trả lời người nêu ý kiến, đồng gửi {{ van_phong }} "
                "trước ngày {{ han_bao_cao }} để tổng hợp, thông tin cho Nhân dân. Trân trọng "
                "cảm ơn sự phối hợp của Quý cơ quan./.{% else %}Đề nghị {{ co_quan_tra_loi }} "
                "khẩn trương trả lời, giải quyết dứt điểm các nội dung trên, gửi văn bản trả lời "
                "cho người nêu ý kiến, đồng gửi {{ van_phong }} để tổng hợp, báo cáo kết quả "
                "chậm nhất ngày {{ han_bao_cao }}./.{% endif %}")
    b.recipients_and_signature(doc, party=party)


def cvkn(doc, party):
    # To superiors: a recommendation that says what the commune has done and what it asks, and
    # imposes no deadline. A party committee reports to its superior's Standing Committee.
    if party:
        b.header_block(doc, party=party)
        b.title(doc, "BÁO CÁO")
    else:
        b.header_block(doc, party=party, subject_line=True)
    b.tag(doc, "{%p if kinh_gui_ds|length == 1 %}")
    b.para(doc, "Kính gửi: {{ kinh_gui_ds[0] }}.", align=b.CENTER, after=12)
    b.tag(doc, "{%p else %}")
    b.para(doc, "Kính gửi:", align=b.CENTER, after=0)
    b.tag(doc, "{%p for k in kinh_gui_ds %}")
    b.para(doc, "- {{ k }}{% if loop.last %}.{% else %};{% endif %}", align=b.CENTER, after=0)
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endif %}")
    b.body(doc, "Thực hiện {{ can_cu_ke_hoach }}, ngày {{ ngay_hoi_nghi }} {{ chu_tri }} đã chủ "
                "trì hội nghị đối thoại với Nhân dân {{ pham_vi }}. Hội nghị nhận "
                "{{ so_y_kien }} ý kiến, kiến nghị; {{ so_tra_loi_tai_hoi_nghi }} ý kiến đã được "
                "trả lời tại hội nghị, các ý kiến thuộc thẩm quyền của {{ cap_don_vi }} đã được "
                "giao cơ quan, đơn vị giải quyết.")
    b.body(doc, "Có {{ so_kien_nghi }} ý kiến, kiến nghị thuộc thẩm quyền của cấp trên. "
                "{{ ten_co_quan_ngan }} kính đề nghị {{ quy_co_quan }} quan tâm xem xét, giải "
                "quyết theo thẩm quyền các nội dung sau:")
    b.tag(doc, "{%p for g in kien_nghi %}")
    b.heading(doc, "{{ g.stt }}. Thuộc thẩm quyền của {{ g.ten }} ({{ g.so }} ý kiến)")
    tables.grid_table(doc, ["000", 7.6, 6.0], ["STT", "Nội dung kiến nghị",
                                               "Kết quả {{ cap_don_vi }} đã thực hiện"],
                      ["{{ y.stt }}", "{{ y.noi_dung }} ({{ y.nguoi_neu }}; lĩnh vực "
                       "{{ y.linh_vuc }})", "{{ y.da_lam }}"], "y in g.y_kien")
    b.tag(doc, "{%p endfor %}")
    b.body(doc, "Khi nhận được ý kiến của {{ quy_co_quan }}, {{ ten_co_quan_ngan }} sẽ thông báo "
                "đến người nêu ý kiến và công khai kết quả tại hội nghị đối thoại kỳ sau. Rất "
                "mong nhận được sự quan tâm của {{ quy_co_quan }}./.")
    b.recipients_and_signature(doc, party=party)


def tbcd(doc, party):
    # One per citizen: what became of each opinion not answered at the meeting, who handles it
    # and by when; delivered through the village like the invitations.
    b.header_block(doc, party=party)
    b.title(doc, "THÔNG BÁO")
    b.para(doc, "Kính gửi: {{ kinh_gui }}{% if dia_chi %}, {{ dia_chi }}{% endif %}.",
           align=b.CENTER, after=12)
    b.body(doc, "Tại hội nghị đối thoại với Nhân dân {{ pham_vi }} ngày {{ ngay_hoi_nghi }}, "
                "{{ nguoi_nhan }} đã nêu {{ so_y_kien }} ý kiến, kiến nghị chưa được trả lời trực "
                "tiếp tại hội nghị. {{ ten_co_quan_ngan }} thông báo cơ quan giải quyết và thời "
                "hạn như sau:")
    tables.grid_table(doc, ["000", 7.0, 4.2, 4.0], ["STT", "Nội dung", "Cơ quan giải quyết",
                                                    "Thời hạn"],
                      ["{{ y.stt }}", "{{ y.noi_dung }}", "{{ y.co_quan }}", "{{ y.han }}"],
                      "y in y_kien_cd")
    b.body(doc, "Kết quả giải quyết sẽ được gửi bằng văn bản đến {{ nguoi_nhan }}. Nếu đến thời "
                "hạn trên chưa nhận được trả lời, đề nghị liên hệ {{ van_phong }} hoặc Ban công "
                "tác Mặt trận {{ noi_o }} để được hướng dẫn./.")
    b.recipients_and_signature(doc, party=party)
