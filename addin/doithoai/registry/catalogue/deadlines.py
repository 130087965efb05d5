"""Problems the deadline engine reports (rules/deadlines.py): milestones late or at risk; and
the opinions owed a reply that no deadline can come to (rules/owed.py, validation/undated.py)."""
from __future__ import annotations

from doithoai.registry.problem_kinds import ERROR, INFO, WARNING, ProblemType, Worded

TYPES = (
    ProblemType("deadline-missed-mandatory", ERROR, "Quá hạn bắt buộc",
                "Mốc {code} ({task}) hoàn thành ngày {value}, muộn hơn hạn {due} mà {basis} "
                "cho phép.",
                "Kiểm tra lại Ngày hoàn thành; nếu đúng là trễ, ghi lý do ở Ghi chú của kế "
                "hoạch {plan}, bắt đầu bằng mã mốc (\"{code}: …\"), và báo cáo cấp trên.",
                "A milestone of a mandatory rule (Bắt buộc = Có) was completed after its due "
                "date. Mandatory rules carry a legal basis, so this is an error, not a warning, "
                "until the plan's Ghi chú gives the reason (deadline-missed-explained)."),
    ProblemType("deadline-missed-explained", INFO, "Trễ hạn bắt buộc, đã ghi lý do",
                "Mốc {code} ({task}) hoàn thành ngày {value}, muộn hơn hạn {due} mà {basis} "
                "cho phép; lý do đã ghi ở Ghi chú của kế hoạch {plan}.",
                "Báo cáo cấp trên về việc chậm, nếu chưa báo cáo.",
                "A late mandatory milestone whose reason the plan's Ghi chú gives, in a line or "
                "sentence beginning with the milestone's code: the lateness stays on record as "
                "a note, and no longer keeps the registry from validating."),
    ProblemType("deadline-not-recorded", WARNING, "Mốc bắt buộc chưa ghi hoàn thành",
                "Mốc {code} ({task}) của {plan} đã qua hạn {due} ({basis}) mà chưa ghi Ngày "
                "hoàn thành.",
                Worded("Nếu đã làm, ghi ngày đã làm vào Ngày hoàn thành ở trang Mốc thời gian "
                       "(bấm Tính hạn nếu chưa có dòng của mốc này); nếu chưa làm hoặc làm muộn, "
                       "ghi lý do ở Ghi chú của kế hoạch {plan}, bắt đầu bằng mã mốc "
                       "(\"{code}: …\").",
                       "Nếu đã làm, ghi ngày đã làm vào Ngày hoàn thành ở trang Mốc thời gian "
                       "(chạy doithoai deadlines --write nếu chưa có dòng của mốc này); nếu chưa "
                       "làm hoặc làm muộn, ghi lý do ở Ghi chú của kế hoạch {plan}, bắt đầu bằng "
                       "mã mốc (\"{code}: …\")."),
                "A step of a mandatory rule (Bắt buộc = Có: the 7-day notice, the publication "
                "of the results, the conclusion's last day) whose due date is past and whose "
                "completion the registry does not record (no Ngày hoàn thành, no document "
                "issued that completes it). A warning, since it may well have been done; the "
                "deadlines report shows it overdue meanwhile. The plan's Ghi chú giving the "
                "reason, beginning with the step's code, silences it."),
    ProblemType("plan-issued-too-late", ERROR, "Ban hành kế hoạch quá muộn",
                "Kế hoạch ban hành ngày {value}, sau hạn {due} của mốc {code} ({task}) theo "
                "{basis}.",
                "Lùi ngày hội nghị hoặc sửa ngày ban hành để còn đủ thời gian thông báo; nếu hội "
                "nghị đã họp theo kế hoạch này, ghi lý do ở Ghi chú của kế hoạch, bắt đầu bằng "
                "mã mốc (\"{code}: …\").",
                "The plan is issued after the date by which a mandatory step before the meeting "
                "(such as the 7-day notice) must be done. An error on the plan's row keeps its "
                "documents from being made, until the plan's Ghi chú gives the reason "
                "(plan-issued-late-explained)."),
    ProblemType("plan-issued-late-explained", INFO, "Kế hoạch ban hành muộn, đã ghi lý do",
                "Kế hoạch ban hành ngày {value}, sau hạn {due} của mốc {code} ({task}) theo "
                "{basis}; lý do đã ghi ở Ghi chú của kế hoạch.",
                "Báo cáo cấp trên về việc chậm, nếu chưa báo cáo.",
                "A plan issued after a mandatory step before its meeting was due, whose reason "
                "the plan's Ghi chú gives in a line or sentence beginning with the step's code: "
                "the lateness stays on record as a note, and its documents can be made."),
    ProblemType("meeting-not-working-day", WARNING, "Hội nghị vào ngày nghỉ",
                "Ngày hội nghị {value} là {reason}.",
                "Nếu cố ý tổ chức vào ngày nghỉ để Nhân dân dự đông đủ thì bỏ qua cảnh báo này.",
                "The conference falls on a weekend or holiday. Many are held at weekends on "
                "purpose, so this is only a warning."),
    ProblemType("no-conference-in-year", WARNING, "Chưa có hội nghị trong năm",
                "Chưa có hội nghị đối thoại nào trong năm {year}{when}.",
                "Luật Tổ chức chính quyền địa phương 2025, Điều 43: mỗi năm ít nhất một lần; "
                "thêm kế hoạch cho năm {year}.{how}",
                "Each commune holds at least one dialogue conference a calendar year (Điều 43); "
                "checked for every year from the first plan to the one before today's. Today's "
                "year is judged only from 60 days before the last day a plan can still be issued "
                "in time (the earliest step the rules set before a conference on the year's "
                "last working day), naming that day; not early in the year (rules/yearly.py)."),
    ProblemType("step-after-mandatory", WARNING, "Hạn của mốc muộn hơn mốc bắt buộc",
                "Mốc {code} ({task}) của kế hoạch {plan} có hạn {due}, sau hạn bắt buộc "
                "{mandatory_due} của mốc {mandatory} ({mandatory_task}); ban hành {document} là "
                "hoàn thành cả hai mốc, nên làm đúng hạn của mốc {code} vẫn trễ hạn bắt buộc.",
                "Sửa Số ngày, Loại ngày của mốc {code} ở trang Quy tắc thời hạn để hạn không "
                "muộn hơn mốc {mandatory} ({mandatory_rule}), hoặc đặt Sử dụng = Không cho mốc "
                "{code}; nếu mốc {mandatory} đã làm xong bằng cách khác, ghi ngày đó vào Ngày "
                "hoàn thành của mốc {mandatory} ở trang Mốc thời gian.",
                "Two steps of a plan that one document completes (the conclusion notice TBKL "
                "completes the conclusion and the mandatory publication of the results), the "
                "other due after the mandatory one: following the plan's own timetable breaks "
                "the mandatory step. Said at the later rule's Số ngày, for plans whose mandatory "
                "step is not done; the rules shipped up to 0.5.0 did so (KET_LUAN 10 working "
                "days, KET_LUAN_GIA_HAN 15, after CONG_KHAI_KET_QUA's 10 days)."),
    ProblemType("rule-incomplete", ERROR, "Quy tắc thời hạn thiếu thông tin",
                "Quy tắc {code} thiếu hoặc sai \"{column}\" nên không tính được hạn.",
                "Điền đủ Mốc gốc, Chiều, Số ngày, Loại ngày và Áp dụng theo danh sách chọn.",
                "A row of Quy tắc thời hạn cannot be applied; its milestones are not computed."),
    ProblemType("conclusion-unrecorded-replies", WARNING, "Chưa ghi ngày thông báo kết luận "
                "nên ý kiến chưa có hạn trả lời",
                "Hội nghị {plan} họp ngày {meeting}, hạn ban hành thông báo kết luận là {due} "
                "nhưng sổ chưa ghi thông báo kết luận nào; {count} ý kiến chưa được trả lời "
                "bằng văn bản vì thế chưa có Hạn trả lời ({opinions}): báo cáo theo dõi ghi "
                "các ý kiến này là còn nợ nhưng không tính được quá hạn.",
                Worded("Nếu đã ban hành thông báo kết luận: ghi số, ngày vào Sổ văn bản (Loại "
                       "TBKL, Mã KH {plan}, Trạng thái \"Đã ban hành\") hoặc ghi Ngày hoàn "
                       "thành của mốc KET_LUAN ở trang Mốc thời gian, rồi bấm Tính hạn. Nếu "
                       "chưa: ban hành thông báo kết luận (nút Ban hành).",
                       "Nếu đã ban hành thông báo kết luận: ghi số, ngày vào Sổ văn bản (Loại "
                       "TBKL, Mã KH {plan}, Trạng thái \"Đã ban hành\") hoặc ghi Ngày hoàn "
                       "thành của mốc KET_LUAN ở trang Mốc thời gian, rồi chạy doithoai "
                       "deadlines --write. Nếu chưa: ban hành thông báo kết luận (doithoai "
                       "generate --issue)."),
                "A conference held, the last day the rules give its conclusion notice past, and "
                "no conclusion in the registry (no issued TBKL in Sổ văn bản, no done KET_LUAN "
                "milestone): its opinions still owed a written reply have no Hạn trả lời, since "
                "the reply rule counts from that notice, so nothing is ever overdue. The "
                "monitoring report counts them as owed with no deadline."),
)
