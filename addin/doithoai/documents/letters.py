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
    b.para(doc, "Kính gửi: {{ co_quan_tra_loi }}{{ ten_don_vi_kem }}.", align=b.CENTER, after=12)
    b.body(doc, "Thực hiện {{ can_cu_ke_hoach }}, {{ ten_co_quan_ngan }} đã tổng hợp ý kiến, "
                "kiến nghị của Nhân dân {{ pham_vi }}. Có {{ so_y_kien }} ý kiến thuộc lĩnh vực "
                "{% if phoi_hop %}của {{ co_quan_tra_loi }}{% else %}do {{ co_quan_tra_loi }} "
                "phụ trách{% endif %} (danh sách dưới đây).")
    # Each opinion's deadline is in the list (reply_due): before the conference the draft
    # answer, from its day on the written reply the rules give; the letter's wording follows.
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 6.8, 3.4, "00/00/0000"],
                      ["STT", "Mã ý kiến", "Nội dung", "Người nêu", "Hạn"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }}", "{{ y.nguoi_neu }}",
                       "{{ y.han }}"], "y in y_kien")
    b.body(doc, "{% if sau_hoi_nghi %}{% if phoi_hop %}{{ ten_co_quan_ngan }} trân trọng đề nghị "
                "{{ co_quan_tra_loi }} quan tâm, phối hợp xem xét các nội dung trên theo chức "
                "năng, nhiệm vụ và trả lời bằng văn bản cho người nêu ý kiến theo thời hạn tại "
                "danh sách trên, đồng gửi {{ van_phong }} để tổng hợp. Rất mong nhận được sự phối "
                "hợp của Quý cơ quan{% else %}{{ ten_co_quan_ngan }} giao {{ co_quan_tra_loi }} "
                "xem xét, giải quyết và trả lời bằng văn bản cho người nêu ý kiến theo thời hạn "
                "tại danh sách trên{% if dong_gui %}, đồng gửi {{ van_phong }} để tổng hợp, theo "
                "dõi{% endif %}{% endif %}"
                "{% elif phoi_hop %}{{ ten_co_quan_ngan }} trân trọng đề nghị {{ co_quan_tra_loi }} "
                "quan tâm, phối hợp xem xét các nội dung trên theo chức năng, nhiệm vụ; cung cấp "
                "thông tin hoặc nội dung trả lời gửi về {{ van_phong }} theo thời hạn tại danh "
                "sách trên để tổng hợp, và cử đại diện lãnh đạo dự hội nghị. Rất mong nhận được "
                "sự phối hợp của Quý cơ quan{% else %}{{ ten_co_quan_ngan }} giao "
                "{{ co_quan_tra_loi }} nghiên cứu, tham mưu nội dung trả lời{% if dong_gui %}, gửi "
                "dự thảo về {{ van_phong }}{% endif %} theo thời hạn tại danh sách trên; đồng thời "
                "cử lãnh đạo dự hội nghị để trả lời trực tiếp những nội dung thuộc lĩnh vực phụ "
                "trách{% endif %}" + b.CLOSE)      # each branch's "./.", or the sentence's
    b.replaces(doc, "Công văn")
    b.recipients_and_signature(doc, party=party)


def cvtl(doc, party):
    b.header_block(doc, party=party, subject_line=True)
    b.para(doc, "Kính gửi: {{ kinh_gui }}, {{ dia_chi }}.", align=b.CENTER, after=12)
    b.body(doc, "{{ ten_co_quan_ngan }} nhận được ý kiến của {{ nguoi_nhan }} gửi hội nghị đối "
                "thoại {% if hoi_nghi_huy %}dự kiến tổ chức {% endif %}ngày {{ ngay_hoi_nghi }}"
                "{% if hoi_nghi_huy %} (hội nghị đã hủy, không tổ chức){% endif %} ({{ nguon }}, "
                "ngày {{ ngay_nhan }}){% if neu_lai %}, {{ neu_lai }}{% endif %}, nội dung:")
    b.para(doc, "“{{ noi_dung }}”", italic=True, indent=True)
    b.body(doc, "Về nội dung này, {{ ten_co_quan_ngan }} trả lời như sau:")
    b.body(doc, "{{ tra_loi }}")
    b.body(doc, "{{ ten_co_quan_ngan }} trân trọng thông báo để {{ nguoi_nhan }} được biết./.")
    b.recipients_and_signature(doc, party=party)


def cvdd(doc, party):
    # Own units are chased; an agency on the territory gets a courteous reminder; superiors are
    # never chased (no deadline is imposed on them: they are waiting, not overdue). Each opinion
    # is asked for what it owes: the written reply to its citizen (section 1, by its Hạn trả
    # lời), or, the reply sent, the resolution and its result (section 2, by its deadline to
    # resolve), the reply sent named under its words; sections are numbered only when it has both.
    both = "so_chua_tra_loi and so_chua_giai_quyet"
    b.header_block(doc, party=party, subject_line=True)
    b.para(doc, "Kính gửi: {{ co_quan_tra_loi }}{{ ten_don_vi_kem }}.", align=b.CENTER, after=12)
    b.body(doc, "{% if tiep_theo %}Tiếp theo {{ tiep_theo }} của {{ ten_co_quan_ngan }} về việc "
                "{% if phoi_hop %}đề nghị sớm trả lời, giải quyết{% else %}đôn đốc trả lời, giải "
                "quyết{% endif %} ý kiến, kiến nghị của Nhân dân {{ pham_vi }}, đến ngày "
                "{{ ngay_xet }} còn{% else %}Thực hiện {{ can_cu_ke_hoach }}, "
                "{{ ten_co_quan_ngan }} đã {% if phoi_hop %}đề nghị {{ co_quan_tra_loi }} phối "
                "hợp trả lời, giải quyết{% else %}giao {{ co_quan_tra_loi }} trả lời, giải quyết{% endif %} "
                "các ý kiến, kiến nghị của Nhân dân {{ pham_vi }}. Đến ngày {{ ngay_xet }}, còn"
                "{% endif %} {{ so_y_kien }} ý kiến đã qua thời hạn {% if phoi_hop %}đề nghị"
                "{% else %}được giao{% endif %}{% if " + both + " %}, gồm "
                "{{ so_chua_tra_loi }} ý kiến chưa có văn bản trả lời người nêu ý kiến và "
                "{{ so_chua_giai_quyet }} ý kiến chưa giải quyết xong"
                "{% elif so_chua_tra_loi %} mà chưa có văn bản trả lời người nêu ý kiến"
                "{% else %} mà chưa giải quyết xong{% endif %} (danh sách dưới đây).")
    b.tag(doc, "{%p if so_chua_tra_loi %}")
    b.tag(doc, "{%p if " + both + " %}")
    b.heading(doc, "1. Ý kiến chưa có văn bản trả lời người nêu ý kiến")
    b.tag(doc, "{%p endif %}")
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 8.0, "00/00/0000", "Quá hạn"],
                      ["STT", "Mã ý kiến", "Nội dung", "Hạn trả lời", "Quá hạn"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }}", "{{ y.han }}",
                       "{{ y.tre }}"], "y in qua_han if y.chua_tra_loi")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if so_chua_giai_quyet %}")
    b.tag(doc, "{%p if " + both + " %}")
    b.heading(doc, "2. Ý kiến chưa giải quyết xong")
    b.tag(doc, "{%p endif %}")
    tables.grid_table(doc, ["000", "YK-2026-K2-000", 8.0, "00/00/0000", "Quá hạn"],
                      ["STT", "Mã ý kiến", "Nội dung; trả lời người nêu", "Hạn giải quyết",
                       "Quá hạn"],
                      ["{{ y.stt }}", "{{ y.ma }}", "{{ y.noi_dung }}\n{{ y.da_tra_loi }}",
                       "{{ y.han }}", "{{ y.tre }}"], "y in qua_han if not y.chua_tra_loi")
    b.tag(doc, "{%p endif %}")
    b.body(doc, "{% if phoi_hop %}{{ ten_co_quan_ngan }} trân trọng đề nghị {{ co_quan_tra_loi }} "
                "quan tâm{% if so_chua_tra_loi %}, sớm có văn bản trả lời người nêu "
                "{% if so_chua_giai_quyet %}các ý kiến tại mục 1{% else %}ý kiến{% endif %}"
                "{% endif %}{% if so_chua_giai_quyet %}{% if so_chua_tra_loi %}; sớm hoàn thành "
                "việc giải quyết các ý kiến tại mục 2{% else %}, sớm hoàn thành việc giải quyết "
                "các ý kiến trên{% endif %}{% endif %}; gửi {% if so_chua_tra_loi %}văn bản trả "
                "lời{% if so_chua_giai_quyet %} và {% endif %}{% endif %}{% if so_chua_giai_quyet "
                "%}kết quả giải quyết{% endif %} về {{ van_phong }} trước ngày {{ han_bao_cao }} "
                "để tổng hợp, thông tin cho Nhân dân. Trân trọng cảm ơn sự phối hợp của Quý cơ "
                "quan./.{% else %}Đề nghị {{ co_quan_tra_loi }} khẩn trương"
                "{% if so_chua_tra_loi %} trả lời bằng văn bản cho người nêu "
                "{% if so_chua_giai_quyet %}các ý kiến tại mục 1{% else %}ý kiến{% endif %} và "
                "giải quyết dứt điểm các nội dung {% if so_chua_giai_quyet %}đó{% else %}trên"
                "{% endif %}{% if dong_gui %}, đồng gửi văn bản trả lời về {{ van_phong }}"
                "{% endif %}{% endif %}{% if so_chua_giai_quyet %}{% if so_chua_tra_loi %}; "
                "{% else %} {% endif %}hoàn thành việc giải quyết các ý kiến "
                "{% if so_chua_tra_loi %}tại mục 2{% else %}trên{% endif %}{% endif %}; báo cáo "
                "kết quả giải quyết {% if dong_gui %}về {{ van_phong }} {% endif %}chậm nhất "
                "ngày {{ han_bao_cao }}./.{% endif %}")
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
                "{{ so_y_kien }} ý kiến, kiến nghị{% if nguon_y_kien %} (gồm {{ nguon_y_kien }})"
                "{% endif %}; {{ so_tra_loi_tai_hoi_nghi }} ý kiến đã được "
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
    # How each opinion came, truly: sent before the conference, or spoken there.
    b.body(doc, "{{ kinh_gui }} đã gửi {{ so_y_kien_chu }} ý kiến, kiến nghị đến hội nghị đối "
                "thoại với Nhân dân {{ pham_vi }} ngày {{ ngay_hoi_nghi }}{% if nguon_nhan %} "
                "({{ nguon_nhan }}){% endif %}; {% if so_y_kien > 1 %}các ý kiến này{% else %}ý "
                "kiến này{% endif %} chưa được trả lời trực tiếp tại hội nghị. "
                "{{ ten_co_quan_ngan }} thông báo cơ quan giải quyết và thời hạn như sau:")
    tables.grid_table(doc, ["000", 7.0, 4.2, 4.0], ["STT", "Nội dung", "Cơ quan giải quyết",
                                                    "Thời hạn"],
                      ["{{ y.stt }}", "{{ y.noi_dung }}", "{{ y.co_quan }}", "{{ y.han }}"],
                      "y in y_kien_cd")
    b.body(doc, "Kết quả giải quyết sẽ được gửi bằng văn bản đến {{ nguoi_nhan }}.{% if co_han %}"
                " Nếu đến thời hạn trên chưa nhận được trả lời, đề nghị liên hệ {{ van_phong }} "
                "hoặc Ban công tác Mặt trận {{ noi_o }} để được hướng dẫn./.{% else %} Mọi thắc mắc "
                "xin liên hệ {{ van_phong }} hoặc Ban công tác Mặt trận {{ noi_o }} để được hướng "
                "dẫn./.{% endif %}")
    b.recipients_and_signature(doc, party=party)
