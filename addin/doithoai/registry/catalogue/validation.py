"""Problems validation reports (rules/validation): cells, rows, references, dates, lists."""
from __future__ import annotations

from doithoai.registry.problem_kinds import ERROR, INFO, WARNING, ProblemType

TYPES = (
    ProblemType("chair-attendance", WARNING, "Người chủ trì, thư ký không khớp danh sách dự",
                "{what}",
                "{fix}",
                "The plan's chair (Người chủ trì) or the conference secretary (Cán bộ đầu mối "
                "of Cấu hình, who keeps the minutes) is marked absent in Đại biểu, or is not "
                "among the plan's invitees, so the minutes would contradict the plan."),
    ProblemType("plan-without-invitees", WARNING, "Kế hoạch chưa có đại biểu",
                "Kế hoạch {plan} chưa có ai được mời ở trang Đại biểu.",
                "Nhập đại biểu (Mã KH {plan}, Mời: Có) trước khi tạo kế hoạch, giấy mời, danh "
                "sách ký nhận và sổ giao nhận giấy mời: khi chưa có ai, các văn bản đó không "
                "được tạo.",
                "A plan none of whose Đại biểu rows is invited (a plan just made by carry-over, "
                "or typed before its list): the documents listing its delegates are refused "
                "(document-no-invitees) rather than printed with an empty list."),
    ProblemType("required-missing", ERROR, "Thiếu thông tin bắt buộc",
                "Cột \"{column}\" bắt buộc phải có giá trị.",
                "Nhập {column} cho dòng {row}.",
                "A required column of a data row is empty."),
    ProblemType("not-in-list", ERROR, "Giá trị ngoài danh mục",
                "\"{value}\" không có trong danh sách \"{list}\".",
                "{suggestion}",
                "A choice column holds a value that is not in its Danh mục list; the hint names "
                "the nearest valid value (ignoring case, accents and spacing)."),
    ProblemType("date-order", ERROR, "Ngày không đúng trình tự",
                "{what}",
                "Sửa lại một trong hai ngày cho đúng trình tự.",
                "Dates that contradict each other: a conference before its plan is issued, a "
                "reply before the opinion was received, a milestone completed before its plan "
                "was issued."),
    ProblemType("date-order-warning", WARNING, "Ngày cần xem lại",
                "{what}",
                "Kiểm tra lại ngày; nếu đúng thì bỏ qua.",
                "Dates that are possible but unusual: an opinion received after its conference, "
                "an invitation sent after the conference; or unlikely: an opinion received after "
                "today (a year or month mistyped)."),
    ProblemType("received-before-plan", WARNING, "Ý kiến nhận trước khi có kế hoạch",
                "Ý kiến {opinion} ghi Ngày nhận {value}, trước ngày kế hoạch {plan} ban hành "
                "({issued}), mà {how}: ý kiến như vậy chỉ có sau khi có kế hoạch.",
                "Sửa Ngày nhận cho đúng ngày {when}; nếu người dân đã gửi bằng văn bản từ trước "
                "khi có kế hoạch, sửa Nguồn thành \"Văn bản\".",
                "An opinion whose Nguồn says it came through the plan's forms (Phiếu hỏi, or "
                "merged from a form the Front returned: Nguồn nhập) or was spoken at the "
                "conference, received before the plan was issued (its Ngày ban hành, else its KH "
                "in Sổ văn bản): the day is mistyped or stamped by a computer's wrong date. A "
                "letter (Văn bản, MTTQ chuyển typed by hand) may predate the plan and is not "
                "noted, nor is a row the carry-over linked."),
    ProblemType("time-order", ERROR, "Giờ kết thúc trước giờ bắt đầu",
                "Giờ kết thúc {value} không sau giờ bắt đầu {start}.",
                "Sửa Giờ bắt đầu hoặc Giờ kết thúc.",
                "The end time of a conference is not after its start time."),
    ProblemType("weekday-mismatch", ERROR, "Thứ không khớp với ngày",
                "Ghi \"{value}\" nhưng ngày {date} là {actual}.",
                "Sửa cột Thứ thành \"{actual_short}\" hoặc sửa lại Ngày hội nghị.",
                "The weekday typed beside a date (\"Thứ 2\", \"thứ Hai\", \"T2\", \"Chủ nhật\") is "
                "not that date's weekday: seed 002 wrote \"24/05/2025 (Thứ 2)\" for a Saturday."),
    ProblemType("weekday-unreadable", WARNING, "Không đọc được thứ",
                "Không hiểu \"{value}\" là thứ mấy.",
                "Ghi dạng Thứ Hai ... Thứ Bảy, Chủ nhật (hoặc Thứ 2 ... Thứ 7, CN), hoặc để "
                "trống.",
                "The optional weekday column holds text that is not a weekday."),
    ProblemType("duplicate-key", ERROR, "Mã bị trùng",
                "\"{value}\" đã có ở dòng {first}.",
                "Mỗi dòng một mã riêng: đổi mã của dòng này hoặc xóa dòng trùng.",
                "Two rows share a key that must be unique (Mã KH, Mã ý kiến, Mã mốc, a date of "
                "Ngày nghỉ, a milestone of the same plan, opinion and code)."),
    ProblemType("code-pattern", ERROR, "Mã có ký tự không dùng được",
                "Mã \"{value}\" có ký tự không dùng được trong mã.",
                "{hint}",
                "A key (Mã KH, Mã ý kiến, Mã mốc) names folders and files and is typed into "
                "other sheets: only ASCII letters, digits, -, _ and single dots, 40 at most, so "
                "no code can read as a path (\"../x\", \"a/b\")."),
    ProblemType("unknown-reference", ERROR, "Tham chiếu không tồn tại",
                "\"{value}\" không có trong {target}.",
                "Sửa cho đúng một {key_label} đã có trong {target}{suggestion}.",
                "A row refers to a plan or opinion that does not exist."),
    ProblemType("figures-disagree", WARNING, "Số liệu không khớp nhau",
                "{what}",
                "{fix}",
                "Figures of the registry that contradict each other and would print side by side: "
                "fewer expected delegates than invitees, more survey forms returned than people "
                "present (Đô Lương: 120 forms from a conference with 48 present)."),
    ProblemType("number-out-of-range", ERROR, "Số ngoài khoảng cho phép",
                "{value} ở cột \"{column}\" phải trong khoảng {low}-{high}.",
                "Nhập số trong khoảng {low}-{high}.",
                "A whole number outside its sensible range (delegates, STT, rule days)."),
    ProblemType("plan-date-differs", WARNING, "Ngày ban hành khác Sổ văn bản",
                "Ngày ban hành ghi {value}, nhưng Sổ văn bản (dòng {entry}) ghi Kế hoạch số "
                "{number} ban hành ngày {issued}: các văn bản dẫn Kế hoạch ghi ngày {issued}.",
                "Sửa Ngày ban hành thành {issued} cho khớp với Kế hoạch đã ban hành.",
                "The plan's typed Ngày ban hành is not the day its KH was issued (Sổ văn bản): "
                "a date typed beforehand and the KH numbered on another day. Documents cite "
                "the plan as issued."),
    ProblemType("opinion-unassigned", WARNING, "Ý kiến chưa giao cơ quan trả lời",
                "Hội nghị {plan} đã họp mà ý kiến này chưa ghi Cơ quan trả lời: thông báo kết "
                "luận và thông báo cho người nêu sẽ ghi {office} giải quyết, và không cơ quan "
                "nào nhận công văn phân công.",
                "Chọn Cơ quan trả lời được giao; nếu ý kiến vượt thẩm quyền của xã thì ghi Thẩm "
                "quyền \"Cấp trên\".",
                "An opinion still to be answered in writing after its conference, with no "
                "agency: the documents name the office as its handler (their default), and no "
                "assignment letter (CVPC) is made for it. Often a row merged from the Front's "
                "intake file, whose agency the clerk had not yet chosen."),
    ProblemType("invitee-no-honorific", INFO, "Đại biểu chưa có danh xưng",
                "Đại biểu \"{value}\" ({plan}) chưa có Danh xưng: giấy mời ghi \"Kính gửi: "
                "{value}\" và \"Rất mong Quý vị đến dự\".",
                "Chọn Ông, Bà hoặc Đồng chí ở cột Danh xưng (cách gọi khác, như Đại đức, Linh "
                "mục, Hòa thượng: thêm vào danh sách Danh xưng ở trang Danh mục rồi chọn); để "
                "trống nếu nơi được mời là một cơ quan, đơn vị.",
                "An invited person with no Danh xưng is addressed bare and asked as \"Quý "
                "vị\" (the plural of courtesy), which suits a body but not one person; nothing "
                "is guessed from the name."),
    ProblemType("invitee-duplicate", WARNING, "Đại biểu được mời hai lần",
                "{value} đã có trong danh sách mời của {plan} ở dòng {first}.",
                "Xóa dòng trùng, hoặc ghi rõ chức vụ, đơn vị nếu là hai người trùng tên.",
                "The same person is invited twice to one plan: the same name, whatever form of "
                "address (\"Ông\", \"Đ/c\"), case or spacing it was typed with, and no position "
                "or body that tells the two apart (each the same, or blank on one of the two "
                "rows); two invitations would be printed, and the plan would count them twice."),
    ProblemType("name-with-honorific", WARNING, "Họ tên ghi kèm danh xưng",
                "Ô {label} (trang {sheet}, dòng {row}) ghi \"{value}\", bắt đầu bằng danh xưng "
                "\"{typed}\". Văn bản không in danh xưng hai lần: in \"{printed}\".",
                "{fix}",
                "A delegate's or an official's name typed with its form of address (Ông, Bà, "
                "Đồng chí, Đ/c, Anh, Chị, Cô, Chú… in any case, with or without accents, before "
                "a space or a dot: text/honorifics.py). Documents print the form once (Danh "
                "xưng's, or the one typed when Danh xưng is blank) and compare people without "
                "it, and the cell is never changed; the warning says where the form belongs "
                "(Danh xưng for Đại biểu; nowhere for the chair, the signer and Cấu hình's "
                "officials, whose documents say their title). A citizen's Người nêu is not "
                "checked: Ý kiến has no Danh xưng, and letters address citizens by the form "
                "typed there."),
    ProblemType("text-whitespace", WARNING, "Thừa dấu cách",
                "Ô có dấu cách thừa ở đầu, cuối hoặc giữa các từ.",
                "Sửa thành: \"{fixed}\"",
                "Leading, trailing or double spaces: invisible, but they make equal names "
                "differ when sorting, matching and de-duplicating."),
    ProblemType("text-not-nfc", WARNING, "Chữ có dấu gõ kiểu tổ hợp",
                "Chữ có dấu ở ô này được gõ theo kiểu tổ hợp (Unicode tổ hợp).",
                "Gõ lại bằng bộ gõ Unicode dựng sẵn, hoặc chép giá trị: \"{fixed}\"",
                "Text in decomposed Unicode (NFD): looks the same but does not compare equal "
                "and prints badly in some fonts."),
    ProblemType("text-tone-style", WARNING, "Bỏ dấu thanh không thống nhất",
                "Ô viết dấu thanh kiểu cũ (ví dụ \"Thuỷ\", \"hoà\"), khác với các văn bản "
                "(\"Thủy\", \"hòa\").",
                "Sửa thành: \"{fixed}\"",
                "Old-style tone placement (hoà, thuỷ, khoẻ) beside the new style used in the "
                "documents (CỘNG HÒA): the same name would be spelt two ways."),
    ProblemType("text-formula", WARNING, "Nội dung giống công thức",
                "Ô bắt đầu bằng \"{first}\": khi chép sang tệp khác có thể bị hiểu là công thức.",
                "Bỏ ký tự \"{first}\" ở đầu, hoặc viết thêm chữ trước nó.",
                "Text starting with =, +, @ or - (not a bullet \"- \"): spreadsheets and CSV "
                "readers may run it as a formula."),
    ProblemType("text-mojibake", ERROR, "Chữ bị lỗi bảng mã",
                "Ô có chữ bị đọc sai bảng mã (ví dụ \"Ä‘á» nghá»‹\" thay cho \"đề nghị\").",
                "{fix}",
                "UTF-8 text decoded as Windows-1252 (a CSV opened the wrong way, or pasted from "
                "one): it passes every other check and prints as garbage, so the row is kept "
                "out of the documents until it is repaired; the hint gives the repaired text "
                "when no byte was lost."),
    ProblemType("text-legacy-encoding", ERROR, "Chữ gõ theo bảng mã cũ",
                "Ô có chữ gõ theo bảng mã {table} (phông {font}), thường do chép từ văn bản "
                "cũ: máy có phông đó vẫn hiện đúng, nhưng văn bản in ra thành ký tự lạ.",
                "Sửa thành: \"{fixed}\" (hoặc chuyển mã bằng Unikey, từ {table} sang Unicode), "
                "rồi đặt phông chữ của ô là Times New Roman.",
                "Vietnamese kept in the old 8-bit tables (TCVN3 with the .VnTime fonts, VNI "
                "with VNI-Times) inside a Unicode cell: it shows right where the old font is "
                "installed and prints as garbage in every document (text/legacy.py); the row "
                "is kept out of the documents until it is retyped, and the hint gives it in "
                "Unicode."),
    ProblemType("text-control-chars", ERROR, "Ký tự điều khiển",
                "Ô chứa ký tự điều khiển không in được (thường do dán từ nơi khác).",
                "Gõ lại nội dung ô, hoặc chép giá trị: \"{fixed}\"",
                "Control characters, which Word's XML cannot hold: a document from this row "
                "would fail."),
    ProblemType("text-line-separator", WARNING, "Ký tự ngắt dòng dán từ nơi khác",
                "\"{column}\" có ký tự ngắt dòng dán từ Zalo, Facebook hay Word ({chars}) "
                "{where}: Excel không hiện chỗ ngắt này; văn bản in nó thành "
                "một lần xuống dòng.",
                "Đặt con trỏ {where}, xóa ký tự ẩn ở đó rồi gõ Alt+Enter (xuống "
                "dòng trong ô) hoặc một dấu cách.",
                "A line end other than Alt+Enter's in a long text (an opinion, an answer): "
                "U+2028 and U+2029 from chat and social networks, Word's vertical tab and form "
                "feed, NEL, the separators 0x1C-0x1E. Excel shows nothing there, so the words "
                "look glued; the documents print a line break (text/pasted.py), never nothing."),
    ProblemType("text-line-break", WARNING, "Xuống dòng trong ô in trên một dòng",
                "\"{column}\" được in trên một dòng của văn bản, nhưng ô có chỗ xuống dòng "
                "(dán từ nơi khác hoặc gõ Alt+Enter): văn bản in chỗ đó thành một dấu cách.",
                "Sửa thành: \"{fixed}\"",
                "A line end in a text the documents print on one line (a name, a venue, a "
                "list value, the plan's Nội dung, a setting: schema.Column.one_line): a line "
                "break there would leave a stretched justified line, so the documents print a "
                "space."),
    ProblemType("text-pictograph", WARNING, "Biểu tượng cảm xúc trong ô",
                "\"{column}\" có biểu tượng cảm xúc, hình vẽ ({chars}), thường do dán từ Zalo, "
                "Facebook: văn bản không in các biểu tượng này.",
                "Sửa thành: \"{fixed}\"",
                "Emoji and pictographs in a name, a venue, the plan's Nội dung, a setting "
                "(one-line texts): a document is set in Times New Roman with the Vietnamese "
                "characters of TCVN 6909 (Decree 30/2020/NĐ-CP) and prints none of them, nor "
                "anywhere else; the person search finds a name whatever was pasted after it. "
                "A citizen's own words (an opinion) may keep theirs in the registry."),
    ProblemType("text-too-long", WARNING, "Nội dung quá dài",
                "Ô dài {length} ký tự, quá {limit} ký tự mà văn bản có thể trình bày gọn.",
                "Rút gọn nội dung; phần chi tiết ghi vào Ghi chú hoặc văn bản riêng.",
                "Text longer than a document can sensibly hold (300 characters for one-line "
                "columns, 4,000 for long text)."),
    ProblemType("cell-over-excel-limit", ERROR, "Ô dài quá giới hạn của Excel",
                "Ô dài {length} ký tự, chạm giới hạn {limit} ký tự của một ô Excel: phần sau "
                "có thể đã bị cắt mất.",
                "Mở tệp gốc để lấy đủ nội dung; chia ra nhiều dòng ý kiến, hoặc ghi phần dài "
                "vào văn bản riêng.",
                "Text reaching the 32,767 characters of an Excel cell (a longer cell written by "
                "another program is read only up to the limit): reported, never cut silently."),
    ProblemType("unit-word", INFO, "Văn bản ghi \"xã\" trong khi đơn vị là phường, đặc khu",
                "Ô này ghi \"{word}\" nhưng đơn vị là {unit} (Cấu hình, Loại đơn vị).",
                "Nếu là tên đơn vị thì sửa thành \"{unit}\"; nếu trích lời người dân hay văn "
                "bản cũ thì bỏ qua. Phần mềm không tự sửa.",
                "Text the clerk typed (a plan's subject, content, venue, chair; an answer) names "
                "the unit \"xã\" in a phường or a đặc khu. Noted, never rewritten: it may be a "
                "quotation."),
    ProblemType("unit-word-agency", WARNING, "Tên cơ quan ghi \"xã\" trong khi đơn vị là "
                "phường, đặc khu",
                "Cơ quan \"{value}\" ghi \"{word}\" nhưng đơn vị là {unit} (Cấu hình, Loại "
                "đơn vị): công văn gửi cơ quan này sẽ in đúng tên đó.",
                "Sửa thành \"{fixed}\" ở ô này, và ở cột Cơ quan trả lời của các ý kiến đã "
                "chọn tên cũ.",
                "An agency of Danh mục › Cơ quan trả lời names the unit \"xã\" in a phường or "
                "a đặc khu: the name the blank registry ships (\"Công an xã\") when Loại đơn vị "
                "is chosen after it was made. Letters to the agency would print it. `init "
                "--unit-type` writes the names in the unit's word from the start."),
    ProblemType("text-invisible", WARNING, "Ô có ký tự ẩn",
                "Ô có ký tự không nhìn thấy hoặc làm đảo chiều chữ ({chars}).",
                "Sửa thành: \"{fixed}\" (văn bản và tên tệp đã bỏ các ký tự này).",
                "Zero-width spaces and joiners, the soft hyphen, byte-order marks and "
                "bidirectional controls (a right-to-left override makes a name print backwards) "
                "pasted or planted in a cell: the reader removes them, so no document, file name "
                "or comparison sees them; the cell should lose them too."),
    ProblemType("repeat-outcome", WARNING, "Kết quả ghi ở ý kiến trùng",
                "Ý kiến này trùng với {original} và ghi {label}, nhưng dòng của {original} "
                "chưa có: kết quả của ý kiến trùng được tính theo {original}, những gì chỉ ghi ở "
                "dòng này không được dùng.",
                "Ghi trả lời, số và ngày văn bản, ngày giải quyết ở dòng {original_row} "
                "({original}); nếu đây là một ý kiến riêng, xóa ô Trùng với.",
                "A repeat (Trùng với) is answered and resolved with its original: documents, the "
                "monitoring and the deadlines read the original's row. An answer, a reply's "
                "number or date, a resolution typed on the repeat's row and missing on its "
                "original's (a carried-over opinion answered at the next conference, typed on "
                "the linked row) would be used nowhere; the same outcome on both is fine."),
    ProblemType("repeat-unlike", WARNING, "Trùng với một ý kiến khác hẳn",
                "Ý kiến này ghi trùng với {original} (dòng {original_row}) nhưng nội dung khác "
                "hẳn và {what} cũng khác: người nêu sẽ được báo nội dung, cơ quan và thời hạn "
                "của {original}.",
                "Kiểm tra mã ở ô Trùng với: ghi đúng mã ý kiến gốc, hoặc xóa ô này nếu đây là "
                "một ý kiến riêng.",
                "A repeat is answered with its original's words, handler and deadline (the "
                "citizen's notice, the minutes, the monitoring). Said when the two rows' words "
                "name different matters (under a quarter of the shorter one's own words, request "
                "and place words aside, found in the other) and a Lĩnh vực or Cơ quan trả lời "
                "typed on both differs: a code typed wrong in Trùng với (a re-trial linked a "
                "flooded drain to night patrols)."),
    ProblemType("name-without-accents", WARNING, "Họ tên không có dấu",
                "Họ tên \"{value}\" không có dấu tiếng Việt; văn bản in đúng như ghi.",
                "Ghi họ tên có dấu như trên giấy tờ của người đó (chẳng hạn \"Thị\", \"Văn\").",
                "A person's name typed without any accent (\"Ly Thi Hoa\"): it is printed as "
                "typed in the notices, letters and minutes. Said only when a middle word reads "
                "\"Thi\" or \"Van\", which a Vietnamese name writes \"Thị\", \"Văn\" (names "
                "of other peoples are often written without Vietnamese accents)."),
    ProblemType("name-accented-elsewhere", WARNING, "Họ tên không dấu, nơi khác ghi có dấu",
                "Họ tên \"{value}\" không có dấu tiếng Việt; {where} ghi \"{accented}\".",
                "Nếu là cùng một người, sửa ô thành \"{accented}\": thư, biên bản, thông báo in "
                "tên đúng như ô ghi.",
                "A person's name typed without any accent (\"Y Ngong Nie Kdam\") where another "
                "row of Ý kiến or Đại biểu has the same name with its accents (\"Y Ngông Niê "
                "Kdăm\"): letters print the cell as typed, and the documents count the two "
                "spellings as two people. A trial in Đắk Lắk: a citizen's letter was addressed "
                "\"Ông Y Ngong Nie Kdam\", the minutes listed him so. Names with \"Thi\" or "
                "\"Van\" are said by name-without-accents."),
    ProblemType("name-spelling", WARNING, "Tên viết khác cách viết chuẩn",
                "\"{value}\" được hiểu là \"{proper}\" ({where}).",
                "Sửa ô thành \"{proper}\" cho thống nhất; văn bản và báo cáo đã dùng cách viết "
                "này.",
                "A name typed in another case, with stray spaces or without a name's capitals is "
                "read as its proper spelling, which documents, file names and counts use: a "
                "value of a Danh mục list as the list spells it, a Mã KH or Mã ý kiến as its "
                "sheet spells it, a village named in an address as Phạm vi or Danh mục spell "
                "it, a person's name with its capitals (registry/spelling.py). \"Phòng kinh tế\" "
                "and \"Phòng Kinh tế\" are one office: one letter, one file."),
    ProblemType("scope-comma", WARNING, "Phạm vi ngăn các thôn bằng dấu phẩy",
                "Phạm vi \"{value}\" có dấu phẩy: phần mềm chỉ ngăn các thôn, tổ dân phố bằng "
                "dấu chấm phẩy, nên đọc \"{first}\" là tên một nơi (phiếu, tên tệp, ý kiến tồn "
                "của các hội nghị trước đều theo cách đọc này).",
                "Ngăn bằng dấu chấm phẩy: \"{fixed}\" (nếu một tên thôn có dấu phẩy thật thì "
                "bỏ qua cảnh báo này).",
                "A plan's Phạm vi lists its villages separated by semicolons; one typed with "
                "commas (\"Thôn 1, Thôn 3, Thôn Tân Lập\") is read as one place: one form "
                "for it, one file name, and no earlier conference found to share a village with "
                "it."),
    ProblemType("unknown-place", WARNING, "Địa chỉ ngoài các thôn đã biết",
                "Địa chỉ \"{value}\" không ghi thôn, tổ dân phố nào trong Phạm vi của {plan_id} "
                "hay danh sách Thôn, tổ dân phố (Danh mục).",
                "{hint}",
                "An address that names none of the villages of its plan's Phạm vi nor of the "
                "commune's list (Danh mục › Thôn, tổ dân phố): a typing slip, or a place outside "
                "the conference. The hint names the nearest known village."),
    ProblemType("list-repeated", WARNING, "Danh mục ghi một giá trị hai lần",
                "\"{value}\" của danh sách \"{column}\" đã có ở dòng {first} (chỉ khác chữ "
                "hoa, chữ thường hoặc dấu cách).",
                "Xóa dòng này; phần mềm dùng cách viết ở dòng {first}.",
                "Two entries of one Danh mục list differ only in case or spacing: they are one "
                "value, spelled as the first."),
    ProblemType("content-has-phone", INFO, "Nội dung có số điện thoại",
                "Nội dung ý kiến có ghi số điện thoại.",
                "Nên chuyển số sang cột Điện thoại. Báo cáo theo dõi và văn bản gửi đi vẫn che "
                "số này (cùng số giấy tờ, mã số thuế, số tài khoản, biển số xe, số đăng ký tàu "
                "cá, thư điện tử, số nhà và tên người dân), trừ công văn giao ý kiến cho chính cơ quan phải xử lý "
                "(công văn này chỉ che số giấy tờ, mã số thuế, số tài khoản).",
                "A phone number typed inside the content of an opinion: whatever leaves the "
                "registry masks it (doithoai.text.privacy), except the letter assigning it to "
                "the one agency that must act on it (CVPC, which masks only identity, tax and "
                "account numbers), but it belongs in the Điện thoại column."),
    ProblemType("content-has-identifier", INFO, "Nội dung có số giấy tờ, tài khoản hoặc địa "
                "chỉ",
                "Nội dung ý kiến có ghi {what}.",
                "Nếu không cần để giải quyết ý kiến thì xóa khỏi nội dung, lưu ở hồ sơ (số "
                "nhà thì ghi ở cột Địa chỉ). Báo cáo theo dõi và văn bản gửi đi vẫn che các "
                "số này; công văn giao ý kiến cho chính cơ quan phải xử lý chỉ giữ số nhà, biển "
                "số xe, số đăng ký tàu cá, thư điện tử (cần để xử lý), vẫn che số giấy tờ, mã "
                "số thuế, số tài khoản.",
                "An identity number, tax code, bank account, licence plate, fishing boat's "
                "registration number, e-mail address or house number typed inside the content of an opinion (doithoai.text.privacy "
                "reads them as it masks them). Names of persons are not noted: a complaint often "
                "has to name someone, and the masking hides them."),
    ProblemType("field-has-identifier", WARNING, "Họ tên, địa chỉ có số điện thoại hoặc số "
                "giấy tờ",
                "Cột \"{column}\" có ghi {what}.",
                "Chuyển số điện thoại sang cột Điện thoại; số giấy tờ, mã số thuế, số tài "
                "khoản, thư điện tử thì xóa khỏi sổ (lưu ở hồ sơ nếu cần). Văn bản gửi đi không "
                "in các số này ở họ tên, địa chỉ.",
                "A phone, identity, tax or account number or an e-mail typed into a cell that "
                "names or places a person (Người nêu, Họ và tên, Địa chỉ). Documents leave it "
                "out, with the word naming it (doithoai.text.privacy.drop); the registry should "
                "not carry it there either: a phone has its own column."),
    ProblemType("cell-error", ERROR, "Ô có lỗi công thức",
                "Ô hiển thị lỗi {value} của Excel.",
                "Xóa công thức trong ô và nhập giá trị.",
                "The cell holds an Excel error (#REF!, #NAME?, ...), usually a formula typed or "
                "pasted into a data column."),
    ProblemType("setting-missing", ERROR, "Thiếu cấu hình",
                "Cấu hình \"{column}\" chưa có giá trị.",
                "Mở trang Cấu hình và nhập {column}.",
                "A required setting (unit name, issuer, place name, ...) is empty: documents "
                "cannot be generated without it."),
    ProblemType("setting-needed-by-plans", ERROR, "Thiếu cấu hình cho văn bản của Đảng ủy",
                "Cấu hình \"{column}\" chưa có giá trị, mà văn bản của kế hoạch {plans} "
                "({issuer}) in ô này ở đầu trang.",
                "Mở trang Cấu hình và nhập {column}; chưa nhập thì phần mềm không tạo văn bản "
                "nào của {plans}.",
                "A setting that only some plans' documents print (the party's heading, for a "
                "plan whose Cơ quan ban hành is Đảng ủy) is empty while such a plan exists: "
                "every document of it would be refused (document-missing-value)."),
    ProblemType("plan-cell-for-documents", WARNING, "Kế hoạch thiếu ô văn bản cần",
                "Kế hoạch {plan} chưa có \"{column}\": văn bản {documents} cần ô này.",
                "Nhập \"{column}\" trước khi tạo các văn bản đó (văn bản thiếu dữ liệu thì "
                "không được tạo; các văn bản khác vẫn tạo được).",
                "A plan cell that some kinds of document print is blank: those documents would "
                "be refused when generated (document-missing-value), the others are made."),
    ProblemType("lookup-fixed-changed", ERROR, "Danh sách cố định bị sửa",
                "Danh sách \"{column}\" khác với danh sách phần mềm dùng: {diff}.",
                "Chép lại đúng danh sách: {expected}.",
                "A fixed Danh mục list (statuses, Có/Không, ...) was edited; the software "
                "branches on these exact values."),
    ProblemType("list-value-added-later", INFO, "Danh sách cố định chưa có giá trị mới",
                "Danh sách \"{column}\" của sổ này chưa có {values} (phần mềm dùng từ phiên "
                "bản {version}); ô chọn ở các trang dùng danh sách này chưa cho chọn.",
                "Gõ {typed} vào ô {cell} của trang Danh mục (ngay dưới \"{last}\"), đúng "
                "chữ và dấu (trang đang khóa thì bỏ khóa trước: Xem lại › Bỏ bảo vệ trang "
                "tính); danh sách chọn tự có thêm giá trị đó. Phần mềm vẫn đọc đúng các dòng "
                "đã ghi giá trị này.",
                "A fixed list an older registry holds without the values a later version "
                "appended (Trạng thái kế hoạch without \"Đã hủy\"): the rows typed with them "
                "are read, and the clerk is told the one empty cell to type each into, which "
                "the list's range (a count of the column) then takes into its drop-down."),
    ProblemType("row-has-errors", INFO, "Dòng bị bỏ qua khi tạo văn bản",
                "Dòng {row} có {count} lỗi nên sẽ không được dùng để tạo văn bản.",
                "Sửa các lỗi của dòng này (xem các dòng Lỗi phía trên).",
                "Summary per row with errors: documents are generated from the other rows."),
)
