"""Problems of a status (Trạng thái) that the registry's other cells contradict or leave in
doubt (rules/validation: plans, opinions, cancelled plans): a plan or an opinion said to be
further on, or less far, than what is recorded of it."""
from __future__ import annotations

from doithoai.registry.problem_kinds import ERROR, INFO, WARNING, ProblemType

TYPES = (
    ProblemType("status-contradiction", ERROR, "Trạng thái mâu thuẫn",
                "{what}",
                "{fix}",
                "A status that the rest of the row contradicts, such as \"Đã trả lời bằng văn "
                "bản\" with no reply number or date."),
    ProblemType("status-doubt", WARNING, "Trạng thái cần xem lại",
                "{what}",
                "{fix}",
                "A status the row makes doubtful without contradicting it outright."),
    ProblemType("plan-status-behind", INFO, "Trạng thái kế hoạch chưa cập nhật sau hội nghị",
                "Hội nghị ngày {meeting} đã diễn ra nhưng Trạng thái vẫn là \"{value}\".",
                "Sửa Trạng thái thành \"Đã tổ chức\" (hoặc \"Đã kết luận\" nếu đã ban hành "
                "thông báo kết luận).",
                "A plan whose conference is over still says \"Dự thảo\" or \"Đã ban hành\": "
                "the monitoring workbook the party office reads shows that status."),
    ProblemType("plan-not-marked-issued", INFO, "Kế hoạch đã ban hành nhưng còn ghi Dự thảo",
                "Sổ văn bản (dòng {entry}) ghi kế hoạch này đã ban hành, số {number} ngày "
                "{issued}, nhưng Trạng thái vẫn là \"Dự thảo\".",
                "Sửa Trạng thái thành \"Đã ban hành\" và ghi Số ký hiệu {number}, Ngày ban "
                "hành {issued} như Sổ văn bản (phần mềm không tự sửa ô đã gõ).",
                "The plan's KH was issued through Sổ văn bản while the row still says Dự thảo: "
                "the Front and the party office read the status in the monitoring workbook."),
    ProblemType("plan-complete-owed", WARNING, "Kế hoạch ghi Hoàn thành nhưng còn ý kiến "
                "chưa xong",
                "Kế hoạch {plan} ghi Trạng thái \"{value}\" nhưng {owed}.",
                "Giữ Trạng thái \"{keep}\" cho đến khi các ý kiến đó được trả lời và giải quyết "
                "xong; nếu đã xong, ghi ở trang Ý kiến Số văn bản trả lời, Ngày trả lời và Ngày "
                "giải quyết xong của từng ý kiến, rồi kiểm tra lại.",
                "A plan typed \"Hoàn thành\" while opinions of it are still owed a written "
                "reply (rules/owed.py) or are not settled (the rule of what earlier conferences "
                "still owe, registry/repeats.settled): the monitoring workbook and the next "
                "conference's plan would read the conference as closed while it still owes; "
                "the finding counts both, with the first codes of each."),
    ProblemType("cancelled-plan-contradiction", WARNING, "Hội nghị đã hủy nhưng sổ ghi như "
                "đã họp",
                "Kế hoạch {plan} ghi Trạng thái \"Đã hủy\" (trang Kế hoạch, dòng {plan_row}) "
                "nhưng {what}.",
                "{fix} Nếu hội nghị thực ra đã họp, sửa Trạng thái của kế hoạch ở trang Kế "
                "hoạch, dòng {plan_row}.",
                "A cancelled plan with something only a conference that took place has: "
                "attendance recorded, an opinion spoken or answered at it, a conclusion notice "
                "issued or its step marked done, a satisfaction form returned."),
    ProblemType("cancelled-plan-replies", WARNING, "Ý kiến của hội nghị đã hủy vẫn phải trả "
                "lời",
                "Hội nghị {plan} đã hủy nhưng còn {count} ý kiến Nhân dân đã gửi chưa được trả "
                "lời bằng văn bản ({opinions}); các ý kiến này chưa có Hạn trả lời vì hạn tính "
                "từ thông báo kết luận, mà hội nghị đã hủy thì không có thông báo kết luận.",
                "Giao Cơ quan trả lời ở trang Ý kiến, ghi Nội dung trả lời rồi tạo công văn trả "
                "lời (CVTL) cho từng người; muốn phần mềm theo dõi hạn, thêm ở trang Quy tắc "
                "thời hạn một quy tắc Áp dụng \"Ý kiến\" có Mốc gốc \"Ngày nhận ý kiến\".",
                "A cancelled plan whose citizens' opinions are still owed a written reply and "
                "have no Hạn trả lời: the reply rule counts from the conclusion notice, which a "
                "conference that does not take place never issues; the tool does not invent "
                "another anchor (deadlines.md names none), it says so."),
)
