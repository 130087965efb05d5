"""Problems the reader finds while reading the workbook (files/reader.py)."""
from __future__ import annotations

from doithoai.registry.problem_kinds import ERROR, INFO, WARNING, ProblemType, Worded

TYPES = (
    ProblemType("sheet-missing", ERROR, "Thiếu trang tính",
                "Sổ không có trang tính \"{sheet}\".",
                Worded("Tạo lại sổ bằng nút Tạo sổ mới rồi chép dữ liệu sang, hoặc đổi tên "
                       "trang tính cho đúng \"{sheet}\".",
                       "Tạo sổ mới bằng lệnh doithoai init rồi chép dữ liệu sang, hoặc đổi tên "
                       "trang tính cho đúng \"{sheet}\"."),
                "A sheet of the contract is absent (renamed or deleted)."),
    ProblemType("column-missing", ERROR, "Thiếu cột",
                "Trang \"{sheet}\" không có cột \"{column}\" ở dòng tiêu đề.",
                "Thêm lại cột có tiêu đề đúng \"{column}\" ở dòng 1 (có thể chép từ sổ mẫu).",
                "A header of the contract is absent from row 1; columns are found by header."),
    ProblemType("column-renamed", ERROR, "Cột bị đổi tên",
                "Trang \"{sheet}\" không có cột \"{column}\"; ở chỗ của nó, ô {cell} ghi "
                "\"{typed}\": có vẻ tiêu đề đã bị đổi tên.",
                "Sửa ô {cell} thành đúng \"{column}\" (phần mềm tìm cột theo tiêu đề; cột đổi tên "
                "bị đọc như để trống). Nếu \"{typed}\" là cột riêng của đơn vị, chuyển nó ra "
                "cuối bảng và thêm lại cột \"{column}\".",
                "A header of the contract is absent and, between the contract columns around "
                "it, another header stands: renamed in place. Every command refuses the "
                "registry, as for a missing one: a column read as empty would chase opinions "
                "already resolved, count satisfaction as none."),
    ProblemType("sheet-added-later", INFO, "Sổ chưa có trang mới",
                "Sổ chưa có trang \"{sheet}\" (có từ phiên bản {version}); các chức năng dùng "
                "trang này sẽ bỏ qua.",
                Worded("Muốn dùng: chép trang \"{sheet}\" từ một sổ mới (nút Tạo sổ mới) sang sổ "
                       "này, giữ nguyên tên trang và dòng tiêu đề.",
                       "Muốn dùng: chép trang \"{sheet}\" từ một sổ mới (lệnh doithoai init) "
                       "sang sổ này, giữ nguyên tên trang và dòng tiêu đề."),
                "A sheet added to the contract after the registry was made; it still opens."),
    ProblemType("column-added-later", INFO, "Sổ chưa có cột mới",
                "Trang \"{sheet}\" chưa có cột \"{column}\" (có từ phiên bản {version}).",
                "Muốn dùng: thêm cột có tiêu đề đúng \"{column}\" vào cuối bảng của trang "
                "\"{sheet}\" (hoặc chép từ một sổ mới).",
                "A column added to the contract after the registry was made; the registry still "
                "opens and what needs the column says so."),
    ProblemType("date-out-of-range", ERROR, "Ngày không hợp lý",
                "Ngày {value} ở cột \"{column}\" nằm ngoài khoảng năm 2000-2100.",
                "Kiểm tra lại năm; nhập đủ 4 chữ số, ví dụ 12/06/2026.",
                "A date before 2000 or after 2100 (9999, 1899, 2206…): usually a mistyped year or "
                "a number typed into a date column. The reader refuses it where it reads it, so "
                "no deadline is computed from it."),
    ProblemType("date-unreadable", ERROR, "Ngày không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là ngày hợp lệ.",
                "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 12/06/2026.",
                "A date cell holds text or a number that is not a real calendar date "
                "(accepted: Excel dates, serial numbers, d/m/yyyy, d-m-yyyy, yyyy-mm-dd)."),
    ProblemType("date-serial-text", WARNING, "Ngày ghi bằng số",
                "Ô ghi \"{value}\" (chữ số) ở cột \"{column}\": phần mềm hiểu là số ngày kiểu "
                "Excel, tức ngày {date}.",
                "Nếu đúng, gõ lại thành {date}; nếu không phải ngày đó, sửa lại cho đúng.",
                "Digits typed as text in a date column (\"46367\", often a date copied from "
                "another program) are read as an Excel serial number; the clerk is told which "
                "date that is, since it may not be what was meant."),
    ProblemType("header-repeated", ERROR, "Hai cột cùng tiêu đề",
                "Trang \"{sheet}\" có hai cột cùng tiêu đề \"{column}\" (cột {first} và cột "
                "{second}); phần mềm chỉ đọc cột {first}.",
                "Đổi tên hoặc xóa cột {second} (chép phần cần giữ sang cột {first}).",
                "Two columns of a contract sheet share a header: only the first is read, so what "
                "is typed in the second would be ignored without a word."),
    ProblemType("cell-merged", ERROR, "Ô gộp trong bảng",
                "Các ô {range} ở cột \"{column}\" đang được gộp: chỉ ô đầu có giá trị, {hidden} "
                "ô còn lại được đọc là trống.",
                "Bỏ gộp ô (Merge & Center › Unmerge Cells) rồi ghi giá trị vào từng dòng.",
                "Merged cells in a data sheet: a merged range holds its value in its first cell "
                "only, so the other rows it spans read as empty (an opinion's Lĩnh vực merged "
                "over four rows is blank for three of them)."),
    ProblemType("time-unreadable", ERROR, "Giờ không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là giờ hợp lệ.",
                "Nhập giờ theo dạng giờ:phút, ví dụ 08:00 hoặc 14:30.",
                "A time cell holds something that is not a time of day (accepted: Excel times, "
                "8:00, 08 giờ 00, 8h30, 2 giờ chiều)."),
    ProblemType("number-unreadable", ERROR, "Số không đọc được",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là số nguyên.",
                "Chỉ nhập chữ số, ví dụ 150.",
                "A whole-number cell holds text or a fraction."),
    ProblemType("phone-unreadable", WARNING, "Số điện thoại không hợp lệ",
                "Ô ghi \"{value}\" ở cột \"{column}\" không phải là số điện thoại Việt Nam.",
                "Nhập 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số (cố định), ví dụ "
                "0912 345 678.",
                "A phone cell does not hold a Vietnamese number (10 digits for mobiles, 11 for "
                "landlines, +84 accepted)."),
)
