"""Refusals when generating documents (documents/): templates, missing values, rows with
errors."""
from __future__ import annotations

from doithoai.registry.problem_kinds import ERROR, Many, ProblemType, Worded

# Refusals when generating documents (raised by doithoai.documents). At the ribbon the cells
# with errors are coloured; at the command line nothing is, so the hint names them ({cells}).
ROW_ERRORS_HINT = Worded("Bấm Kiểm tra dữ liệu, sửa các ô được tô đỏ rồi tạo lại.",
                         "Lệnh doithoai validate cho biết lỗi ở {cells} (trang {sheet}); sửa "
                         "rồi tạo lại.")
TYPES = (
    ProblemType("template-unknown-field", ERROR, "Mẫu văn bản có trường không tồn tại",
                "Mẫu {template}: trường {{{{ {field} }}}} không có trong dữ liệu phần mềm cung "
                "cấp.",
                "Sửa mẫu thành {{{{ {nearest} }}}} nếu đó là ý định, hoặc dùng mẫu gốc của "
                "phần mềm (xóa bản mẫu riêng trong thư mục mau-van-ban).",
                "A placeholder of a Word template is not a field the engine provides (often a "
                "typo); the hint names the nearest known field."),
    ProblemType("template-unreadable", ERROR, "Mẫu văn bản không đọc được",
                "Mẫu {template} ({folder}) không đọc được: {reason}.",
                "Xóa hoặc thay tệp mẫu đó (xóa thì phần mềm dùng mẫu gốc), rồi tạo lại văn "
                "bản.",
                "A Word or text template (a commune's own copy in mau-van-ban, usually) fails the "
                "package check of files/package.py (a zip bomb, a DOCTYPE, a damaged or "
                "oversized file) or is not a Word document at all: the documents of that kind "
                "are refused, naming the file; the others are generated."),
    ProblemType("document-missing-value", ERROR, "Thiếu dữ liệu cho văn bản",
                "Văn bản {document} cần \"{column}\" nhưng ô này còn trống.",
                "Nhập \"{column}\" ở trang {sheet}, dòng {row}, rồi tạo lại văn bản.",
                "A field the template uses has no value in the registry: the document is not "
                "generated rather than printed with a blank.",
                many=Many("{count} văn bản {document_kind} cần \"{column}\" nhưng ô còn trống: "
                          "{items}.",
                          "Nhập \"{column}\" vào các ô đó ở trang {sheet} rồi tạo lại văn bản.",
                          item="{subject} (ô {cell})")),
    ProblemType("document-no-invitees", ERROR, "Kế hoạch chưa có đại biểu",
                "Văn bản {document} liệt kê đại biểu của kế hoạch {plan}, nhưng trang Đại biểu "
                "chưa có ai được mời dự kế hoạch này.",
                "Nhập danh sách đại biểu ở trang Đại biểu (Mã KH {plan}, Mời: Có) rồi tạo lại "
                "văn bản.",
                "The plan, the invitations, the signing list and the delivery book list the "
                "plan's invited delegates; with none, each would print an empty list (\"Thành "
                "phần mời dự:\" with nothing under it): it is refused instead.",
                many=Many("{count} văn bản chưa tạo vì kế hoạch chưa có ai được mời ở trang "
                          "Đại biểu: {items}.",
                          "Nhập danh sách đại biểu ở trang Đại biểu (Mã KH {plan}, Mời: Có) "
                          "rồi tạo lại các văn bản đó.",
                          item="{document_kind} của {plan}")),
    ProblemType("document-plan-cancelled", ERROR, "Hội nghị đã hủy, không tạo văn bản",
                "Không tạo {documents} của kế hoạch {plan}: trang Kế hoạch, dòng {row}, cột "
                "\"{column}\" ghi \"{value}\", hội nghị không diễn ra.",
                "Văn bản đã ban hành của kế hoạch này được giữ nguyên. Nếu hội nghị chỉ dời "
                "ngày, sửa Trạng thái ở ô {cell} và ghi Ngày hội nghị mới rồi tạo lại. Ý kiến "
                "Nhân dân đã gửi vẫn phải trả lời: công văn trả lời (CVTL) và công văn đôn đốc "
                "(CVDD) vẫn tạo được.",
                "A cancelled plan (Trạng thái \"Đã hủy\") gets none of the documents of a "
                "conference (plan, notice, invitations, forms, minutes, conclusion, reports): "
                "one refusal per plan names the kinds asked for; those issued before are left "
                "as they are. The replies to the opinions citizens sent and the reminders to "
                "agencies are still made."),
    ProblemType("document-row-has-errors", ERROR, "Dòng có lỗi, không tạo văn bản",
                "Không tạo {document} từ dòng {row} vì dòng này còn lỗi kiểm tra.",
                ROW_ERRORS_HINT,
                "A row with validation errors is not used for documents; the others are. At "
                "the command line the hint names the row's cells with errors.",
                many=Many("Không tạo {count} văn bản {document_kind} vì dòng của chúng ở trang "
                          "{sheet} còn lỗi kiểm tra: {where}.",
                          ROW_ERRORS_HINT, parts=("cells", "where"))),
    ProblemType("document-issued-elsewhere", ERROR, "Văn bản đã ban hành từ bản sao khác của sổ",
                "Không ghi {document}: tệp {file} trong thư mục văn bản ghi \"{mark}\" nhưng "
                "Sổ văn bản của sổ đang dùng không có dòng ban hành nào của nó (số đó đã cấp từ "
                "một bản sao khác của sổ).",
                Worded("Mở bản sao sổ đã ghi số đó (tệp tên có \"cap so\", mới hơn) rồi bấm lại; "
                       "nếu văn bản đó không còn giá trị, chuyển tệp ra khỏi thư mục rồi bấm lại.",
                       "Chạy lại lệnh từ bản sao sổ đã ghi số đó (tệp tên có \"cap so\", mới "
                       "hơn); nếu văn bản đó không còn giá trị, chuyển tệp ra khỏi thư mục rồi "
                       "chạy lại."),
                "A document would be written over a file issued (its properties say \"Đã ban "
                "hành số …\": documents/issued_marks.py) that the registry being used does not "
                "record: a trial ran generate --issue twice from the same registry, the second "
                "run gave the same numbers again and wrote over the first run's issued BB and "
                "TBKL. The document is refused, the file left as it is; the others are made. "
                "Files issued before the mark was added carry none."),
)
