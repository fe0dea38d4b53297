"""Messages that services raise, and the names of the fields they point at, in both
languages. Widgets show them next to the field; the command line prints them."""

from __future__ import annotations

# key -> (Vietnamese, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field}: không được để trống.", "{field}: this is required."),
    "too_long": (
        "{field}: dài quá {max} ký tự.",
        "{field}: longer than {max} characters.",
    ),
    "control_chars": (
        "{field}: có ký tự điều khiển không hợp lệ.",
        "{field}: contains invalid control characters.",
    ),
    "not_integer": ("{field}: phải là số nguyên.", "{field}: must be a whole number."),
    "amount_positive": ("{field}: phải lớn hơn 0.", "{field}: must be greater than 0."),
    "amount_not_negative": ("{field}: không được âm.", "{field}: must not be negative."),
    "amount_too_large": (
        "{field}: vượt quá mức tối đa {max} đồng.",
        "{field}: more than the maximum of {max} dong.",
    ),
    "quantity_range": (
        "{field}: phải từ 1 đến {max}.",
        "{field}: must be between 1 and {max}.",
    ),
    "date_future": (
        "{field}: không được là ngày trong tương lai.",
        "{field}: cannot be in the future.",
    ),
    "date_before": (
        "{field}: không được trước ngày {other}.",
        "{field}: cannot be before {other}.",
    ),
    "date_after": (
        "{field}: không được sau ngày {other}.",
        "{field}: cannot be after {other}.",
    ),
    "not_a_date": ("{field}: không phải là ngày hợp lệ.", "{field}: is not a valid date."),
    "year_range": (
        "{field}: phải từ {min} đến {max}.",
        "{field}: must be between {min} and {max}.",
    ),
    "birth_mismatch": (
        "{field}: không khớp với ngày sinh.",
        "{field}: does not match the birth date.",
    ),
    "birth_missing": (
        "{field}: cần ngày sinh hoặc năm sinh.",
        "{field}: give a birth date or a birth year.",
    ),
    "choice": (
        "{field}: giá trị «{value}» không hợp lệ.",
        "{field}: «{value}» is not a valid choice.",
    ),
    "unknown_grant_type": (
        "{field}: không có loại hỗ trợ «{value}».",
        "{field}: there is no support type «{value}».",
    ),
    "duplicate_code": (
        "{field}: mã «{value}» đã được dùng.",
        "{field}: the code «{value}» is already in use.",
    ),
    "duplicate_username": (
        "{field}: tên đăng nhập «{value}» đã có.",
        "{field}: the user name «{value}» already exists.",
    ),
    "bad_code": (
        "{field}: chỉ dùng chữ không dấu, số, dấu gạch ngang hoặc gạch dưới.",
        "{field}: use only plain letters, digits, hyphens or underscores.",
    ),
    "bad_id_number": (
        "{field}: số CMND/CCCD phải gồm 9 hoặc 12 chữ số.",
        "{field}: an ID number has 9 or 12 digits.",
    ),
    "bad_phone": (
        "{field}: số điện thoại không hợp lệ.",
        "{field}: not a valid phone number.",
    ),
    "bad_unit_code": (
        "{field}: mã đơn vị hành chính gồm 2 đến 5 chữ số.",
        "{field}: an administrative unit code has 2 to 5 digits.",
    ),
    "unit_not_in_province": (
        "{field}: đơn vị «{value}» không thuộc tỉnh đã chọn.",
        "{field}: the unit «{value}» is not in the province chosen.",
    ),
    "unknown_unit": (
        "{field}: không có đơn vị hành chính nào mang mã «{value}».",
        "{field}: no administrative unit has the code «{value}».",
    ),
    "not_found": ("{field}: không tìm thấy «{value}».", "{field}: «{value}» was not found."),
    "no_service_consent": (
        "Người {code} đã không đồng ý nhận dịch vụ. Chỉ tiếp tục khi đã trao đổi lại với"
        " người đó: đánh dấu «Vẫn tiếp tục» rồi lưu; việc này được ghi vào nhật ký.",
        "{code} said no to services. Go on only after talking it over with them: tick"
        " “Go on anyway” and save; this is recorded in the audit trail.",
    ),
    "possible_duplicate": (
        "Có thể đã đăng ký người này: {names}. Kiểm tra trước khi lưu.",
        "This person may already be registered: {names}. Check before saving.",
    ),
    "exceeds_plan": (
        "{field}: vượt kế hoạch của khoản hỗ trợ ({delivered} đã trao + {amount} > {planned}"
        " đồng). Cần ghi lý do để vượt.",
        "{field}: exceeds the grant plan ({delivered} delivered + {amount} > {planned}"
        " dong). An override needs a reason.",
    ),
    "exceeds_budget": (
        "{field}: vượt ngân sách dự án ({spent} đã chi + {amount} > {budget} đồng)."
        " Cần ghi lý do để vượt.",
        "{field}: exceeds the project budget ({spent} spent + {amount} > {budget}"
        " dong). An override needs a reason.",
    ),
    "quantity_value_mismatch": (
        "{field}: số lượng × đơn giá phải bằng thành tiền.",
        "{field}: quantity × unit value must equal the total.",
    ),
    "need_amount_or_goods": (
        "{field}: nhập số tiền, hoặc số lượng và đơn giá.",
        "{field}: give an amount, or a quantity and unit value.",
    ),
    "tranche_mismatch": (
        "{field}: đợt này không thuộc khoản hỗ trợ đã chọn.",
        "{field}: this tranche does not belong to the chosen grant.",
    ),
    "grant_closed": (
        "{field}: khoản hỗ trợ ở trạng thái «{status}», không thể trao thêm.",
        "{field}: the grant is «{status}»; nothing more can be handed over.",
    ),
    "project_closed": (
        "{field}: dự án đã đóng.",
        "{field}: the project is closed.",
    ),
    "visit_already_done": (
        "{field}: chuyến thăm này đã được ghi nhận.",
        "{field}: this visit has already been recorded.",
    ),
    "asset_closed": (
        "{field}: tài sản ở trạng thái «{status}», không thể cập nhật.",
        "{field}: the asset is «{status}»; it cannot be updated.",
    ),
    "asset_not_of_visit": (
        "{field}: tài sản không thuộc người được thăm.",
        "{field}: the asset does not belong to the person visited.",
    ),
    "calves_need_animal": (
        "{field}: chỉ gia súc mới sinh con.",
        "{field}: only livestock can give birth.",
    ),
    "empty_list": ("{field}: cần ít nhất một dòng.", "{field}: at least one line is needed."),
    "months_invalid": (
        "{field}: các tháng phải từ 1 đến 120, tăng dần, không trùng.",
        "{field}: months must be 1 to 120, increasing, without repeats.",
    ),
    "already_voided": (
        "{field}: phiếu {value} đã bị hủy trước đó.",
        "{field}: receipt {value} was already voided.",
    ),
    "handover_lines_differ": (
        "{field}: những thứ trao cùng một lần phải cho cùng một người, trong cùng một ngày.",
        "{field}: things handed over at once must go to one person on one day.",
    ),
    "paper_not_for_kind": (
        "{field}: giấy đã chọn không hợp với lần trao này: tiền in phiếu chi, hàng hóa in"
        " biên bản bàn giao.",
        "{field}: the paper chosen does not fit this hand-over: money is printed on a"
        " payment voucher, goods on a hand-over note.",
    ),
    "legal_basis_invalid": (
        "{field}: cần ít nhất một dòng; mỗi dòng có ngày bắt đầu (không trùng), mẫu số và căn cứ.",
        "{field}: at least one line is needed; each has a start date (no two alike), a form"
        " code and the legal basis.",
    ),
    "nothing_to_print": (
        "Không có lần trao hỗ trợ nào còn hiệu lực trong {period}: không có gì để in.",
        "There is no valid hand-over in {period}: there is nothing to print.",
    ),
    "permission": (
        "Vai trò «{role}» không được phép: {action}.",
        "The role «{role}» is not allowed to: {action}.",
    ),
    "no_office": (
        "Chưa khai báo thông tin đơn vị.",
        "The office details have not been set up yet.",
    ),
    "bad_username": (
        "{field}: 2–60 ký tự, chữ thường không dấu, số, dấu chấm, gạch ngang.",
        "{field}: 2-60 characters: plain lower-case letters, digits, dot, hyphen.",
    ),
    "weak_password": (
        "{field}: mật khẩu cần ít nhất {min} ký tự.",
        "{field}: a password needs at least {min} characters.",
    ),
    "wrong_password": (
        "Sai tên đăng nhập hoặc mật khẩu. Còn {left} lần thử trước khi tài khoản bị tạm khóa.",
        "Wrong user name or password. {left} tries left before the account is locked.",
    ),
    "unknown_user": (
        "Sai tên đăng nhập hoặc mật khẩu.",
        "Wrong user name or password.",
    ),
    # The same words whether the user name exists or not.
    "sign_in_failed": (
        "Sai tên đăng nhập hoặc mật khẩu. Sau {max} lần nhập sai liên tiếp, tài khoản bị tạm khóa.",
        "Wrong user name or password. After {max} wrong tries in a row the account is locked"
        " for a while.",
    ),
    "locked": (
        "Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {seconds} giây.",
        "The account is locked after too many wrong tries. Try again in {seconds} seconds.",
    ),
    "vault_missing": (
        "Không tìm thấy tệp khóa của cơ sở dữ liệu ({path}). Khôi phục từ bản sao lưu.",
        "The database's key file is missing ({path}). Restore it from a backup.",
    ),
    "vault_damaged": (
        "Tệp khóa của cơ sở dữ liệu bị hỏng ({path}). Khôi phục từ bản sao lưu.",
        "The database's key file is damaged ({path}). Restore it from a backup.",
    ),
    "vault_format": (
        "Tệp khóa do phiên bản khác tạo ra.",
        "The key file was written by another version.",
    ),
    "vault_invalid": (
        "Tệp khóa của cơ sở dữ liệu có giá trị không hợp lệ ({detail}), nên bị từ chối"
        " ({path}). Không có gì bị thay đổi. Hãy khôi phục tệp khóa từ bản sao lưu.",
        "The database's key file holds a value that is not allowed ({detail}), so it is"
        " refused ({path}). Nothing was changed. Restore the key file from a backup.",
    ),
    "manifest_unreadable": (
        "Không đọc được tệp manifest của bản xuất ({path}).",
        "The export's manifest cannot be read ({path}).",
    ),
    "vault_busy": (
        "Tệp khóa đang được một cửa sổ khác dùng. Thử lại sau ít phút.",
        "The key file is in use by another window. Try again in a few minutes.",
    ),
    "vault_unwritable": (
        "Không ghi được vào tệp khóa ({path}): cần quyền ghi để đếm số lần đăng nhập sai."
        " Không có gì bị thay đổi.",
        "The key file cannot be written ({path}): wrong tries must be counted there."
        " Nothing was changed.",
    ),
    "access_ended": (
        "Khóa của cơ sở dữ liệu đã được đổi và tài khoản này không còn mở được dữ liệu."
        " Hãy đăng nhập lại.",
        "The database's key was changed and this account no longer opens the data. Sign in again.",
    ),
    "key_change_failed": (
        "Chưa đổi được khóa của cơ sở dữ liệu ({detail}). Tài khoản cũ đã bị gỡ khỏi tệp"
        " khóa; việc đổi khóa sẽ được làm tiếp ở lần đăng nhập sau.",
        "The database could not be given its new key yet ({detail}). The old account is"
        " already gone from the key file; the change is finished at the next sign-in.",
    ),
    "wrong_database": (
        "Tệp cơ sở dữ liệu không khớp với tệp khóa, hoặc bị hỏng. Không có gì bị thay đổi.",
        "The database file does not match its key file, or is damaged. Nothing was changed.",
    ),
    "other_office": (
        "Tệp cơ sở dữ liệu này thuộc một đơn vị khác (không khớp tệp khóa).",
        "This database file belongs to another office (it does not match the key file).",
    ),
    "database_damaged": (
        "Cơ sở dữ liệu bị hỏng: {detail}",
        "The database is damaged: {detail}",
    ),
    "no_backup_postgres": (
        "Cơ sở dữ liệu PostgreSQL được sao lưu trên máy chủ (pg_dump).",
        "A PostgreSQL database is backed up on its server (pg_dump).",
    ),
    "backup_failed": (
        "Không sao lưu được: {detail}. Cơ sở dữ liệu không bị ảnh hưởng.",
        "The backup failed: {detail}. The database is unaffected.",
    ),
    "no_good_backup": (
        "Không có bản sao lưu nào còn tốt để khôi phục.",
        "There is no good backup to restore.",
    ),
    "database_exists": (
        "Đã có cơ sở dữ liệu tại {path}.",
        "A database already exists at {path}.",
    ),
    "recovery_format": (
        "Mã khôi phục gồm 8 nhóm 5 ký tự (chữ và số).",
        "A recovery key has 8 groups of 5 letters and digits.",
    ),
    "recovery_typo": (
        "Mã khôi phục có lỗi đánh máy: kiểm tra lại từng nhóm.",
        "The recovery key has a typing mistake: check each group.",
    ),
    "recovery_wrong": (
        "Mã khôi phục không đúng cho cơ sở dữ liệu này.",
        "The recovery key does not fit this database.",
    ),
    "no_recovery": (
        "Cơ sở dữ liệu này không có mã khôi phục.",
        "This database has no recovery key.",
    ),
    "own_role": (
        "Không thể tự đổi vai trò của chính mình: hãy nhờ một quản trị viên khác.",
        "You cannot change your own role: ask another administrator.",
    ),
    "last_admin": (
        "Phải còn ít nhất một quản trị viên đang hoạt động.",
        "At least one active administrator must remain.",
    ),
    "passwords_differ": (
        "Hai lần nhập mật khẩu không giống nhau.",
        "The two passwords are not the same.",
    ),
    "password_needed": (
        "Cần mật khẩu: nhập khi được hỏi hoặc đặt biến TRACKER_PASSWORD.",
        "A password is needed: type it when asked or set TRACKER_PASSWORD.",
    ),
    "user_disabled": (
        "{field}: tài khoản «{value}» đã bị khóa.",
        "{field}: the account «{value}» is disabled.",
    ),
    # Reports, exports and imports.
    "bad_period": (
        "{field}: «{value}» không phải là kỳ báo cáo (ví dụ 2025-Q1, 2025, 2025-6M, 2025-9M"
        " hoặc 2025-01-01..2025-03-31).",
        "{field}: «{value}» is not a reporting period (e.g. 2025-Q1, 2025, 2025-6M, 2025-9M"
        " or 2025-01-01..2025-03-31).",
    ),
    "period_order": (
        "{field}: ngày bắt đầu phải trước ngày kết thúc.",
        "{field}: the start must come before the end.",
    ),
    "export_disk_full": (
        "Ổ đĩa đã đầy: không ghi được báo cáo vào {path}. Không có thư mục báo cáo nào bị"
        " để lại dở dang. Giải phóng chỗ trống hoặc dùng ổ khác rồi thử lại.",
        "The drive is full: the report could not be written to {path}. No half-written"
        " report folder was left. Free some space or use another drive, then try again.",
    ),
    "export_read_only": (
        "Không được phép ghi vào {path} (ổ chỉ đọc hoặc bị khóa ghi). Không có gì được ghi."
        " Mở khóa ghi của USB hoặc chọn thư mục khác.",
        "{path} cannot be written to (read-only or write-protected). Nothing was written."
        " Unlock the USB stick or choose another folder.",
    ),
    "export_target_gone": (
        "Thư mục hoặc ổ USB {path} đã bị rút ra hoặc xóa trong khi ghi. Không có thư mục"
        " báo cáo nào được tạo. Cắm lại và thử lại.",
        "The folder or USB stick {path} was removed while writing. No report folder was"
        " created. Plug it in again and try again.",
    ),
    "export_failed": (
        "Không ghi được báo cáo vào {path}: {detail}. Không có thư mục báo cáo nào bị để lại"
        " dở dang.",
        "The report could not be written to {path}: {detail}. No half-written report folder"
        " was left.",
    ),
    "export_verify_failed": (
        "Kiểm tra lại sau khi ghi thấy tệp {name} bị sai lệch; thư mục báo cáo đã được xóa."
        " Ổ USB có thể bị lỗi: dùng ổ khác.",
        "Checking after writing found {name} damaged; the report folder was removed. The USB"
        " stick may be faulty: use another one.",
    ),
    "export_cancelled": (
        "Đã hủy xuất báo cáo. Không có gì được ghi.",
        "The export was cancelled. Nothing was written.",
    ),
    "export_no_target": (
        "{field}: thư mục «{value}» không tồn tại.",
        "{field}: the folder «{value}» does not exist.",
    ),
    "districts_after_reform": (
        "{field}: chỉ tổng hợp theo huyện cũ được cho kỳ báo cáo kết thúc trước ngày"
        " 01/07/2025 (từ ngày đó không còn cấp huyện).",
        "{field}: figures by the former districts are only for a period that ends before"
        " 1 July 2025 (there are no districts after it).",
    ),
    "csv_separator": (
        "{field}: dấu phân cách phải là «;» hoặc «,».",
        "{field}: the separator must be «;» or «,».",
    ),
    "no_formats": (
        "{field}: chọn ít nhất một loại tệp.",
        "{field}: choose at least one kind of file.",
    ),
    "passphrase_needed": (
        "{field}: danh sách có tên chỉ được ghi trong tệp mã hóa; cần mật khẩu tệp từ"
        " {min} ký tự trở lên.",
        "{field}: the list with names is only written into an encrypted file; it needs a"
        " passphrase of at least {min} characters.",
    ),
    "import_cancelled": (
        "Đã dừng. Không có gì được nhập.",
        "Stopped. Nothing was imported.",
    ),
    "import_unreadable": (
        "Không đọc được tệp Excel {path}: {detail}",
        "The Excel file {path} cannot be read: {detail}",
    ),
    "import_rejected": (
        "Không nhập gì: tệp có {count} lỗi. Sửa các lỗi trong danh sách rồi nhập lại.",
        "Nothing was imported: the file has {count} problems. Fix those listed and import again.",
    ),
    "import_undecided": (
        "Không nhập gì: còn {count} người có thể đã có trong cơ sở dữ liệu, cần chọn cách xử"
        " lý (người mới, người đã có hoặc bỏ qua).",
        "Nothing was imported: {count} people may already be in the database; choose for"
        " each: a new person, the existing one, or skip.",
    ),
    "import_missing_sheet": (
        "Thiếu trang «{sheet}».",
        "The sheet «{sheet}» is missing.",
    ),
    "import_unknown_header": (
        "Cột «{found}» không có trong mẫu: sửa tiêu đề cho đúng mẫu hoặc xóa cột.",
        "The column «{found}» is not in the template: correct its heading or remove it.",
    ),
    "import_missing_column": (
        "Thiếu cột «{expected}» (tiêu đề phải giống mẫu).",
        "The column «{expected}» is missing (headings must be as in the template).",
    ),
    "import_merged": (
        "Ô gộp {cells}: bỏ gộp và ghi giá trị vào từng ô.",
        "Merged cells {cells}: unmerge them and fill in each cell.",
    ),
    "import_formula_no_value": (
        "Ô có công thức nhưng chưa có giá trị tính sẵn: mở tệp bằng Excel, lưu lại rồi nhập.",
        "The cell has a formula with no computed value: open the file in Excel, save it,"
        " then import.",
    ),
    "import_bad_date": (
        "«{value}» không phải là ngày (dùng dd/mm/yyyy).",
        "«{value}» is not a date (use dd/mm/yyyy).",
    ),
    "import_bad_amount": (
        "«{value}» không phải là số tiền nguyên (đồng).",
        "«{value}» is not a whole amount of dong.",
    ),
    "import_bad_number": (
        "«{value}» không phải là số nguyên.",
        "«{value}» is not a whole number.",
    ),
    "import_bad_choice": (
        "«{value}» không hợp lệ; dùng một trong: {choices}.",
        "«{value}» is not valid; use one of: {choices}.",
    ),
    "import_required": (
        "Ô này không được để trống.",
        "This cell must not be empty.",
    ),
    "import_unknown_person": (
        "Không có người hưởng mã «{value}» trong tệp hoặc trong cơ sở dữ liệu.",
        "There is no beneficiary with the code «{value}» in the file or the database.",
    ),
    "import_unknown_project": (
        "Không có dự án mã «{value}».",
        "There is no project with the code «{value}».",
    ),
    "import_no_grant": (
        "Người «{value}» chưa có khoản hỗ trợ loại này trước ngày đó (thêm vào trang Khoản"
        " hỗ trợ).",
        "«{value}» has no grant of this type started by that date (add it on the Grants sheet).",
    ),
    "import_code_clash": (
        "Mã «{value}» đã dùng cho một người khác trong cơ sở dữ liệu.",
        "The code «{value}» already belongs to another person in the database.",
    ),
    "import_duplicate_row": (
        "Mã «{value}» đã có ở dòng {other} của trang này.",
        "The code «{value}» is already on row {other} of this sheet.",
    ),
    "import_too_many_rows": (
        "Trang có {count} dòng; tối đa {max} dòng mỗi lần nhập.",
        "The sheet has {count} rows; at most {max} rows can be imported at once.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"),
    "alias": ("Tên gọi khác", "Alias"),
    "code": ("Mã", "Code"),
    "sex": ("Giới tính", "Sex"),
    "birth_date": ("Ngày sinh", "Birth date"),
    "birth_year": ("Năm sinh", "Birth year"),
    "ethnicity": ("Dân tộc", "Ethnic group"),
    "id_number": ("Số CCCD", "ID number"),
    "phone": ("Điện thoại", "Phone"),
    "province": ("Tỉnh/Thành phố", "Province"),
    "commune": ("Xã/Phường", "Commune"),
    "village": ("Thôn/Bản", "Village"),
    "address": ("Địa chỉ", "Address"),
    "category": ("Nhóm đối tượng", "Category"),
    "status": ("Trạng thái", "Status"),
    "registered_on": ("Ngày đăng ký", "Registration date"),
    "notes": ("Ghi chú", "Notes"),
    "consent_kind": ("Loại đồng ý", "Consent type"),
    "decided_on": ("Ngày quyết định", "Decision date"),
    "beneficiary": ("Người hưởng hỗ trợ", "Beneficiary"),
    "project": ("Dự án", "Project"),
    "project_name": ("Tên dự án", "Project name"),
    "donor": ("Nhà tài trợ", "Donor"),
    "start_date": ("Ngày bắt đầu", "Start date"),
    "end_date": ("Ngày kết thúc", "End date"),
    "budget": ("Ngân sách", "Budget"),
    "grant_type": ("Loại hỗ trợ", "Support type"),
    "grant": ("Khoản hỗ trợ", "Grant"),
    "tranches": ("Các đợt", "Tranches"),
    "tranche": ("Đợt", "Tranche"),
    "description": ("Nội dung", "Description"),
    "due_date": ("Ngày dự kiến", "Due date"),
    "amount": ("Số tiền", "Amount"),
    "quantity": ("Số lượng", "Quantity"),
    "unit_value": ("Đơn giá", "Unit value"),
    "handed_on": ("Ngày trao", "Hand-over date"),
    "override_reason": ("Lý do vượt mức", "Override reason"),
    "visit": ("Chuyến thăm", "Visit"),
    "done_on": ("Ngày thăm", "Visit date"),
    "missed_reason": ("Lý do không gặp", "Why no one was met"),
    "scheduled_on": ("Ngày hẹn thăm", "Scheduled date"),
    "next_visit_on": ("Lần thăm tiếp", "Next visit"),
    "income_band": ("Mức thu nhập", "Income band"),
    "asset": ("Tài sản", "Asset"),
    "asset_status": ("Tình trạng tài sản", "Asset status"),
    "calves_born": ("Số con sinh ra", "Young born"),
    "followup_months": ("Lịch thăm (tháng)", "Follow-up plan (months)"),
    "username": ("Tên đăng nhập", "User name"),
    "role": ("Vai trò", "Role"),
    "office_name": ("Tên đơn vị", "Office name"),
    "office_kind": ("Cấp của đơn vị", "Office level"),
    "voucher_book": ("Quyển số", "Voucher book"),
    "district": ("Huyện (cũ)", "District (former)"),
    "receipt_prefix": ("Ký hiệu phiếu", "Receipt prefix"),
    "officer": ("Cán bộ phụ trách", "Officer"),
    "tag": ("Số tai/Ký hiệu", "Tag"),
    "user": ("Người dùng", "User"),
    "password": ("Mật khẩu", "Password"),
    "receipt": ("Phiếu chi", "Receipt"),
    "void_reason": ("Lý do hủy", "Reason for voiding"),
    "paper": ("Loại giấy in", "Paper"),
    "legal_basis": ("Căn cứ pháp lý của phiếu chi", "Legal basis of the payment voucher"),
    "page_size": ("Khổ giấy", "Page size"),
    "copies": ("Số liên", "Copies"),
    "language": ("Ngôn ngữ", "Language"),
    "month": ("Tháng", "Month"),
    "password2": ("Nhập lại mật khẩu", "Password again"),
    "admin_full_name": ("Họ tên quản trị viên", "Administrator's name"),
    "database": ("Cơ sở dữ liệu", "Database"),
    "new_password": ("Mật khẩu mới", "New password"),
    "recovery_key": ("Mã khôi phục", "Recovery key"),
    "period": ("Kỳ báo cáo", "Period"),
    "audience": ("Nơi nhận báo cáo", "Audience"),
    "places": ("Tổng hợp theo địa bàn", "Places grouped by"),
    "csv_separator": ("Dấu phân cách CSV", "CSV separator"),
    "target": ("Nơi lưu", "Destination"),
    "formats": ("Loại tệp", "File types"),
    "passphrase": ("Mật khẩu tệp", "File passphrase"),
    "import_file": ("Tệp nhập", "Import file"),
}

ACTIONS: dict[str, tuple[str, str]] = {
    "office.setup": ("khai báo đơn vị", "set up the office"),
    "user.manage": ("quản lý người dùng", "manage users"),
    "read": ("xem dữ liệu", "read records"),
    "beneficiary.write": ("đăng ký, sửa người hưởng hỗ trợ", "register or edit beneficiaries"),
    "consent.write": ("ghi nhận sự đồng ý", "record consent"),
    "project.write": ("tạo, sửa dự án", "create or edit projects"),
    "grant_type.write": ("sửa loại hỗ trợ", "edit support types"),
    "grant.write": ("lập kế hoạch hỗ trợ", "plan grants"),
    "handover.write": ("ghi nhận trao hỗ trợ", "record hand-overs"),
    "visit.write": ("ghi nhận chuyến thăm", "record visits"),
    "receipt.write": (
        "in bản gốc (lần in đầu), hủy phiếu chi; sau bản gốc ai cũng in được bản sao",
        "print the original (the first print) or void receipts; after the original anyone"
        " may print a copy",
    ),
}
