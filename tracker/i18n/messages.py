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
    "attachment_too_large": (
        "Tệp «{name}» quá lớn ({size} MB); chỉ nhận tệp đến {limit} MB.",
        "The file «{name}» is too large ({size} MB); files up to {limit} MB are taken.",
    ),
    "attachment_not_supported": (
        "Tệp «{name}» không phải ảnh JPEG, PNG hay tệp PDF; chỉ nhận ba loại đó.",
        "The file «{name}» is not a JPEG or PNG image or a PDF; only those are taken.",
    ),
    "attachment_damaged": (
        "Tệp «{name}» bị hỏng hoặc không đọc được; hãy chụp hay quét lại.",
        "The file «{name}» is damaged or cannot be read; take or scan it again.",
    ),
    "attachment_not_yours": (
        "Chỉ người đã thêm tệp này hoặc quản trị viên mới xóa được nó.",
        "Only who added this file, or an administrator, may remove it.",
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
    "pass_on_same_family": (
        "{field}: không thể chuyển giao cho chính gia đình đang giữ tài sản này.",
        "{field}: cannot be passed on to the family that already holds it.",
    ),
    "pass_on_receiver_closed": (
        "{field}: hồ sơ người nhận đã đóng ({status}), không thể nhận chuyển giao.",
        "{field}: the receiver's file is closed ({status}); nothing can be passed on to her.",
    ),
    "pass_on_months_range": (
        "{field}: phải từ 0 (không áp dụng) đến {max} tháng.",
        "{field}: must be from 0 (no such rule) to {max} months.",
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
    "period_closed": (
        "Quý {period} đã khoá ngày {closed_on} ({by}): không thể thêm, sửa hay hủy bản ghi"
        " ngày {day}. Hãy ghi một điều chỉnh ngày hôm nay trỏ về bản ghi gốc, hoặc nhờ quản"
        " trị viên mở khoá lại quý này (cần nêu lý do).",
        "Quarter {period} was closed on {closed_on} ({by}): a record dated {day} cannot be"
        " added, changed or voided. Record an adjustment dated today that points at the"
        " original, or ask an administrator to reopen the quarter (with a reason).",
    ),
    "period_close_quarter_only": (
        "{field}: chỉ khoá được một quý, ví dụ 2025-Q3 (không phải «{value}»).",
        "{field}: only a quarter can be closed, e.g. 2025-Q3 (not «{value}»).",
    ),
    "period_not_ended": (
        "{field}: quý {value} chưa kết thúc; chỉ khoá được quý đã qua.",
        "{field}: quarter {value} has not ended; only a past quarter can be closed.",
    ),
    "period_already_closed": (
        "{field}: quý {value} đã khoá rồi.",
        "{field}: quarter {value} is already closed.",
    ),
    "period_not_closed": (
        "{field}: quý {value} đang mở, không có gì để mở khoá.",
        "{field}: quarter {value} is open; there is nothing to reopen.",
    ),
    "adjustment_zero": (
        "{field}: số tiền mới bằng số đã ghi; không có gì để điều chỉnh.",
        "{field}: the new amount is the amount recorded; there is nothing to adjust.",
    ),
    "adjustment_below_zero": (
        "{field}: sau điều chỉnh, giá trị lần trao không được âm.",
        "{field}: after the adjustment the hand-over's value cannot be negative.",
    ),
    "handover_several_lines": (
        "{field}: phiếu này gồm nhiều thứ trao cùng một lần; số tiền của phiếu không phải của"
        " một dòng, nên không sửa được ở đây.",
        "{field}: this receipt covers several things handed over at once; its amount is not"
        " one line's, so it cannot be corrected here.",
    ),
    "handover_edit_year": (
        "{field}: ngày trao mới phải cùng năm với số phiếu ({year}).",
        "{field}: the new date must be in the year of the receipt number ({year}).",
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
    "nothing_to_visit": (
        "Không có chuyến thăm nào còn phải đi ở {place} đến ngày {end}: không có gì để in.",
        "There is no visit left to make in {place} up to {end}: there is nothing to print.",
    ),
    "too_many": ("{field}: nhiều nhất {max}.", "{field}: at most {max}."),
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
        "Không trang nào của tệp cơ sở dữ liệu mở được bằng khóa trong tệp khóa: đây là tệp"
        " của một cơ sở dữ liệu khác, hoặc tệp bị hỏng toàn bộ. Không có gì bị thay đổi."
        " Quản trị viên (hoặc mã khôi phục) có thể khôi phục bản sao lưu tốt mới nhất.",
        "No page of the database file opens with the key in its key file: it is another"
        " database's file, or damaged throughout. Nothing was changed. An administrator (or"
        " the recovery key) can restore the newest good backup.",
    ),
    "database_header_damaged": (
        "Phần đầu của tệp cơ sở dữ liệu (4 KB đầu tiên, nơi ghi thông tin mã hóa) bị hỏng;"
        " các trang khác vẫn mở được bằng khóa. Quản trị viên (hoặc mã khôi phục) có thể"
        " khôi phục bản sao lưu tốt mới nhất; tệp hỏng được giữ lại ({path}).",
        "The beginning of the database file (its first 4 KB, where the encryption header"
        " is) is damaged; the other pages still open with the key. An administrator (or the"
        " recovery key) can restore the newest good backup; the damaged file is kept"
        " ({path}).",
    ),
    "database_empty": (
        "Tệp cơ sở dữ liệu trống (0 byte) hoặc bị cắt cụt ({path}). Quản trị viên (hoặc mã"
        " khôi phục) có thể khôi phục bản sao lưu tốt mới nhất.",
        "The database file is empty (0 bytes) or cut short ({path}). An administrator (or"
        " the recovery key) can restore the newest good backup.",
    ),
    "slot_damaged": (
        "Phần của tài khoản «{user}» trong tệp khóa bị hỏng ({path}): đây không phải lỗi"
        " mật khẩu và không bị tính là nhập sai. Một quản trị viên khác (hoặc mã khôi phục)"
        " đặt mật khẩu mới cho tài khoản này.",
        "The part of the account «{user}» in the key file is damaged ({path}): this is not"
        " a wrong password and does not count as a wrong try. Another administrator (or the"
        " recovery key) can set a new password for this account.",
    ),
    "recovery_slot_damaged": (
        "Phần của mã khôi phục trong tệp khóa bị hỏng ({path}): mã chưa được thử. Một quản"
        " trị viên đăng nhập và tạo mã khôi phục mới, hoặc khôi phục bản sao lưu tốt mới nhất.",
        "The recovery key's part of the key file is damaged ({path}): the key was not tried."
        " An administrator can sign in and make a new recovery key, or restore the newest"
        " good backup.",
    ),
    "other_office": (
        "Tệp cơ sở dữ liệu này thuộc một đơn vị khác (không khớp tệp khóa).",
        "This database file belongs to another office (it does not match the key file).",
    ),
    "database_damaged": (
        "Các trang dữ liệu của tệp cơ sở dữ liệu bị hỏng ({detail}). Quản trị viên (hoặc mã"
        " khôi phục) có thể khôi phục bản sao lưu tốt mới nhất.",
        "Pages of the database file are damaged ({detail}). An administrator (or the"
        " recovery key) can restore the newest good backup.",
    ),
    "no_backup_postgres": (
        "Cơ sở dữ liệu PostgreSQL được sao lưu bằng «tracker backup create --to THƯ_MỤC» (bản"
        " pg_dump được mã hóa bằng cụm mật khẩu); không có danh sách sao lưu tự động.",
        "A PostgreSQL database is backed up with 'tracker backup create --to FOLDER' (a"
        " pg_dump encrypted under a passphrase); there is no list of automatic backups.",
    ),
    "backup_not_postgres": (
        "Đây không phải cơ sở dữ liệu PostgreSQL.",
        "This is not a PostgreSQL database.",
    ),
    "pg_tool_missing": (
        "Không tìm thấy chương trình {tool} của PostgreSQL trên máy này. Hãy cài công cụ"
        " dòng lệnh của PostgreSQL (cùng phiên bản với máy chủ hoặc mới hơn).",
        "PostgreSQL's {tool} was not found on this computer. Install PostgreSQL's command"
        " line tools (the server's version or newer).",
    ),
    "backup_passphrase_wrong": (
        "Cụm mật khẩu không mở được bản sao lưu {name}. Không có gì bị thay đổi.",
        "The passphrase does not open the backup {name}. Nothing was changed.",
    ),
    "not_a_pg_backup": (
        "{name} không phải bản sao lưu PostgreSQL của chương trình (hoặc đã hỏng). Không có"
        " gì bị thay đổi.",
        "{name} is not one of the program's PostgreSQL backups (or it is damaged). Nothing"
        " was changed.",
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
        "Trang có hơn {max} dòng; tối đa {max} dòng mỗi lần nhập. Hãy chia tệp thành nhiều"
        " tệp nhỏ hơn. Không có gì được lưu.",
        "The sheet has more than {max} rows; at most {max} rows can be imported at once."
        " Split the file into smaller ones. Nothing was saved.",
    ),
    "import_too_large": (
        "Tệp {path} quá lớn để nhập (tối đa {max} dòng mỗi trang). Hãy chia tệp thành nhiều"
        " tệp nhỏ hơn. Không có gì được lưu.",
        "The file {path} is too large to import (at most {max} rows a sheet). Split it into"
        " smaller files. Nothing was saved.",
    ),
    "server_unreachable": (
        "Không kết nối được máy chủ cơ sở dữ liệu {server} ({detail}). Hãy kiểm tra máy chủ"
        " đang chạy, dây mạng và địa chỉ; không có gì bị thay đổi.",
        "Could not connect to the database server {server} ({detail}). Check that the server"
        " is running, the network cable and the address; nothing was changed.",
    ),
    "server_tls": (
        "Máy chủ cơ sở dữ liệu {server} không qua được kiểm tra mã hóa kết nối (TLS): {detail}."
        " Không gửi mật khẩu hay dữ liệu nào. Hãy báo người quản trị máy chủ (chứng chỉ của"
        " máy chủ, tệp CA của đơn vị, sslmode).",
        "The database server {server} did not pass the check of the connection's encryption"
        " (TLS): {detail}. No password or data was sent. Tell the server's administrator (the"
        " server's certificate, the office CA file, sslmode).",
    ),
    "database_busy": (
        "Cơ sở dữ liệu đang bận (một người khác đang lưu dữ liệu, ví dụ đang nhập một tệp"
        " lớn). Đã chờ {seconds} giây. Không có gì bị thay đổi; hãy thử lại sau ít phút.",
        "The database is busy (someone else is saving, for example importing a large file)."
        " Waited {seconds} seconds. Nothing was changed; try again in a few minutes.",
    ),
    "edit_conflict": (
        "{who} đã sửa {what} lúc {when} (trên máy khác) sau khi bạn mở nó. Thay đổi của bạn"
        " chưa được lưu và không ghi đè lên của họ: hãy xem cả hai bản, tải lại bản mới rồi"
        " sửa lại.",
        "{who} changed {what} at {when} (on another computer) after you opened it. Your"
        " changes were not saved and did not overwrite theirs: look at both versions, reload"
        " the new one and make your changes again.",
    ),
    "edit_conflict_unknown": (
        "Một người khác vừa sửa {what} (trên máy khác) sau khi bạn mở nó. Thay đổi của bạn"
        " chưa được lưu: hãy tải lại bản mới rồi sửa lại.",
        "Someone else has just changed {what} (on another computer) after you opened it."
        " Your changes were not saved: reload the new version and make your changes again.",
    ),
    "unexpected_error": (
        "Không làm được việc này do một lỗi không lường trước ({detail}). Không có gì thêm"
        " được lưu. Hãy thử lại; nếu vẫn lỗi, báo người phụ trách máy tính này.",
        "This could not be done because of an unexpected error ({detail}). Nothing more was"
        " saved. Try again; if it keeps failing, tell the person who looks after this computer.",
    ),
    "import_name_mismatch": (
        "Mã «{code}» là {expected}, không phải «{value}»: sửa mã hoặc tên cho khớp.",
        "The code «{code}» is {expected}, not «{value}»: correct the code or the name.",
    ),
    "import_unit_not_then": (
        "Mã xã «{value}» ({name}) không có vào ngày ghi địa chỉ {day}.",
        "The commune code «{value}» ({name}) did not exist on {day}, the day the address was"
        " recorded.",
    ),
    "fix_import_unit_not_then": (
        " Cách sửa: ghi mã xã đúng vào ngày đó (mã cũ trước 01/07/2025), hoặc sửa ngày ghi địa"
        " chỉ.",
        " Fix: give the commune's code of that day (the old code before 1 July 2025), or"
        " correct the day the address was recorded.",
    ),
    "import_unknown_district": (
        "Không có huyện (trước 01/07/2025) mã «{value}».",
        "There is no former district (before 1 July 2025) with the code «{value}».",
    ),
    "import_district_mismatch": (
        "Huyện «{value}» không chứa {commune}.",
        "The district «{value}» does not contain {commune}.",
    ),
    "import_no_handover": (
        "Người «{value}» không có lần trao loại này ngày {day} (trong trang Lần trao hoặc"
        " trong cơ sở dữ liệu).",
        "«{value}» has no hand-over of this type on {day} (on the Hand-overs sheet or in the"
        " database).",
    ),
    "import_period_closed": (
        "Quý {period} đã khoá ngày {closed_on} ({by}): không nhập được bản ghi ngày trong quý này",
        "Quarter {period} was closed on {closed_on} ({by}): records dated in it cannot be imported",
    ),
    "import_group": (
        "{where}: {problem}: {count} dòng ({rows}).{fix}",
        "{where}: {problem}: {count} rows ({rows}).{fix}",
    ),
    "import_group_one": (
        "{where}: {problem}: dòng {rows}.{fix}",
        "{where}: {problem}: row {rows}.{fix}",
    ),
    "import_group_sheet": (
        "{where}: {problem}.{fix}",
        "{where}: {problem}.{fix}",
    ),
    "fix_import_unknown_project": (
        " Cách sửa: tạo dự án «{value}» trong Cài đặt > Dự án, hoặc thêm vào trang Dự án.",
        " Fix: create the project «{value}» in Settings > Projects, or add it to the Projects"
        " sheet.",
    ),
    "fix_import_unknown_person": (
        " Cách sửa: thêm người mã «{value}» vào trang Người hưởng, hoặc sửa mã cho đúng.",
        " Fix: add «{value}» to the Beneficiaries sheet, or correct the code.",
    ),
    "fix_import_no_grant": (
        " Cách sửa: thêm khoản hỗ trợ của người này vào trang Khoản hỗ trợ, bắt đầu trước"
        " ngày trao.",
        " Fix: add this person's grant to the Grants sheet, starting before the hand-over.",
    ),
    "fix_import_period_closed": (
        " Cách sửa: bỏ các dòng này khỏi tệp, hoặc nhờ quản trị viên mở khoá lại quý {period}"
        " (cần nêu lý do) rồi nhập lại.",
        " Fix: leave these rows out of the file, or ask an administrator to reopen quarter"
        " {period} (with a reason) and import again.",
    ),
    "fix_import_no_handover": (
        " Cách sửa: ghi đúng ngày của lần trao, hoặc thêm lần trao vào trang Lần trao.",
        " Fix: give the day of the hand-over, or add the hand-over to the Hand-overs sheet.",
    ),
    "fix_import_bad_date": (
        " Cách sửa: ghi ngày dạng dd/mm/yyyy.",
        " Fix: write the date as dd/mm/yyyy.",
    ),
    "fix_import_bad_choice": (
        " Cách sửa: chọn một giá trị trong danh sách.",
        " Fix: use one of the values listed.",
    ),
    "fix_import_required": (
        " Cách sửa: điền các ô này.",
        " Fix: fill in these cells.",
    ),
    "fix_import_missing_column": (
        " Cách sửa: chép tiêu đề cột từ tệp mẫu.",
        " Fix: copy the column's heading from the template.",
    ),
    "fix_import_missing_sheet": (
        " Cách sửa: chép trang này từ tệp mẫu.",
        " Fix: copy this sheet from the template.",
    ),
    "fix_import_name_mismatch": (
        " Cách sửa: tra mã đúng (danh mục dân tộc 2008; mã xã, huyện theo ngày ghi địa chỉ).",
        " Fix: look up the right code (the 2008 ethnic group list; commune and district codes"
        " as on the day the address was recorded).",
    ),
    "fix_unknown_unit": (
        " Cách sửa: tra mã xã (mã cũ cho địa chỉ trước 01/07/2025) bằng «tracker places search».",
        " Fix: look the commune code up (the old code for an address before 1 July 2025) with"
        " «tracker places search».",
    ),
    "fix_exceeds_plan": (
        " Cách sửa: sửa số tiền, tăng kế hoạch ở trang Khoản hỗ trợ, hoặc ghi lý do vượt mức.",
        " Fix: correct the amount, raise the plan on the Grants sheet, or give an override reason.",
    ),
    "fix_exceeds_budget": (
        " Cách sửa: tăng ngân sách dự án hoặc ghi lý do vượt mức.",
        " Fix: raise the project's budget or give an override reason.",
    ),
    "fix_date_future": (
        " Cách sửa: sửa ngày (không được sau ngày nhập).",
        " Fix: correct the date (it cannot be after the import day).",
    ),
    "fix_import_code_clash": (
        " Cách sửa: đổi mã trong tệp, hoặc để trống để phần mềm tự cấp mã.",
        " Fix: change the code in the file, or leave it empty to get a new one.",
    ),
    "fix_date_before": (
        " Cách sửa: sửa ngày, hoặc sửa ngày bắt đầu của khoản hỗ trợ hay dự án.",
        " Fix: correct the date, or the start of the grant or project.",
    ),
    "fix_date_after": (
        " Cách sửa: sửa ngày, hoặc sửa ngày kết thúc của dự án.",
        " Fix: correct the date, or the project's end date.",
    ),
    "fix_bad_id_number": (
        " Cách sửa: ghi đủ 9 hoặc 12 chữ số (định dạng ô là Văn bản để giữ số 0 ở đầu).",
        " Fix: give all 9 or 12 digits (format the cells as Text to keep leading zeros).",
    ),
    "fix_bad_phone": (
        " Cách sửa: ghi số điện thoại gồm chữ số, có thể bắt đầu bằng +84.",
        " Fix: write the phone number in digits, possibly starting with +84.",
    ),
    "fix_birth_mismatch": (
        " Cách sửa: để trống năm sinh khi đã có ngày sinh, hoặc sửa cho khớp.",
        " Fix: leave the birth year empty when the birth date is given, or make them match.",
    ),
    "fix_grant_closed": (
        " Cách sửa: kiểm tra kế hoạch ở trang Khoản hỗ trợ (tăng số tiền hoặc thêm khoản mới).",
        " Fix: check the plan on the Grants sheet (raise it or add another grant).",
    ),
    "fix_project_closed": (
        " Cách sửa: mở lại dự án trong Cài đặt > Dự án, hoặc ghi dự án khác.",
        " Fix: reopen the project in Settings > Projects, or give another project.",
    ),
    "fix_quantity_value_mismatch": (
        " Cách sửa: ghi số lượng và đơn giá, để trống Số tiền.",
        " Fix: give the quantity and unit value and leave the amount empty.",
    ),
    "fix_need_amount_or_goods": (
        " Cách sửa: ghi Số tiền (tiền mặt, hoặc giá trị hàng với «Có» ở cột Hiện vật), hoặc"
        " Số lượng và Đơn giá.",
        " Fix: give the amount (cash, or the goods' value with «Có» in the In kind column), or"
        " the quantity and unit value.",
    ),
    "fix_permission": (
        " Cách sửa: để trống trang này, hoặc nhờ người có quyền nhập.",
        " Fix: leave this sheet empty, or ask someone with that right to import it.",
    ),
    "fix_import_unknown_district": (
        " Cách sửa: ghi mã huyện 3 chữ số trước 01/07/2025, hoặc để trống.",
        " Fix: give the 3-digit district code from before 1 July 2025, or leave it empty.",
    ),
    "fix_import_district_mismatch": (
        " Cách sửa: sửa mã huyện hoặc mã xã cho khớp.",
        " Fix: correct the district or the commune code so that they agree.",
    ),
    "fix_import_too_many_rows": (
        " Cách sửa: chia tệp thành nhiều tệp nhỏ hơn và nhập lần lượt.",
        " Fix: split the file and import the parts one after the other.",
    ),
    "fix_import_bad_amount": (
        " Cách sửa: ghi số đồng nguyên, ví dụ 5000000 hoặc 5.000.000.",
        " Fix: write whole dong, e.g. 5000000 or 5.000.000.",
    ),
    "fix_import_bad_number": (
        " Cách sửa: ghi số nguyên.",
        " Fix: write a whole number.",
    ),
    "fix_import_duplicate_row": (
        " Cách sửa: xóa dòng lặp hoặc đổi mã.",
        " Fix: remove the repeated row or change the code.",
    ),
    "bundle_not_found": (
        "Không thấy gói báo cáo cấp tỉnh nào (thư mục có manifest.json và figures.json) ở {path}.",
        "No province bundle (a folder with manifest.json and figures.json) was found at {path}.",
    ),
    "bundle_not_province": (
        "Gói {folder} là bản dành cho «{audience}», không phải bản cấp tỉnh: ở đơn vị, xuất"
        " lại với bản dành cho cấp tỉnh. Không có gì được nhập.",
        "The bundle {folder} is the «{audience}» version, not the province version: export"
        " it again at the office for the province. Nothing was taken in.",
    ),
    "bundle_tampered": (
        "Gói {folder} bị sửa hoặc hỏng: tệp {name} không khớp với manifest.json. Không có gì"
        " được nhập; xin đơn vị xuất lại.",
        "The bundle {folder} was changed or damaged: {name} does not match manifest.json."
        " Nothing was taken in; ask the office to export it again.",
    ),
    "bundle_bad_signature": (
        "Chữ ký của gói {folder} không đúng: manifest.json không phải do khóa ký ghi trong"
        " nó ký ra. Không có gì được nhập.",
        "The signature of the bundle {folder} is wrong: manifest.json was not signed by the"
        " key it names. Nothing was taken in.",
    ),
    "bundle_unregistered": (
        "Gói {folder} do một đơn vị chưa đăng ký ký (dấu vân tay khóa {fingerprint}). Đăng ký"
        " đơn vị với dấu vân tay in trên giấy khai báo của đơn vị rồi nhập lại. Không có gì"
        " được nhập.",
        "The bundle {folder} is signed by an office that is not registered (key fingerprint"
        " {fingerprint}). Register the office with the fingerprint on its setup paper, then"
        " import again. Nothing was taken in.",
    ),
    "bundle_future": (
        "Gói {folder} là của kỳ {period}, kỳ này chưa bắt đầu (hôm nay {today}). Kiểm tra"
        " ngày trên máy của đơn vị. Không có gì được nhập.",
        "The bundle {folder} is for {period}, which has not started yet (today is {today})."
        " Check the date on the office's computer. Nothing was taken in.",
    ),
    "bundle_too_old": (
        "Gói {folder} được xuất bằng Grant Tracker {version}, phiên bản chưa ký và chưa ghi"
        " số liệu cho cấp tỉnh. Ở đơn vị, cài Grant Tracker {needed} trở lên rồi xuất lại."
        " Không có gì được nhập.",
        "The bundle {folder} was written by Grant Tracker {version}, which neither signs nor"
        " carries the figures for the province. Install Grant Tracker {needed} or newer at"
        " the office and export again. Nothing was taken in.",
    ),
    "bundle_unsigned": (
        "Gói {folder} không có chữ ký của đơn vị: đơn vị đó dùng cơ sở dữ liệu không có tệp"
        " khóa (PostgreSQL) nên không ký được báo cáo. Không thể xác minh gói này; không có gì"
        " được nhập. Đơn vị hãy gửi số liệu bằng cách khác đã thống nhất với cấp tỉnh.",
        "The bundle {folder} carries no signature of its office: that office's database has"
        " no key file (PostgreSQL), so it cannot sign its reports. This bundle cannot be"
        " verified; nothing was taken in. The office sends its figures another way agreed"
        " with the province.",
    ),
    "bundle_too_new": (
        "Gói {folder} được xuất bằng Grant Tracker {version}, mới hơn phiên bản này: cài"
        " phiên bản mới hơn ở cấp tỉnh. Không có gì được nhập.",
        "The bundle {folder} was written by Grant Tracker {version}, newer than this one:"
        " install the newer version at the province. Nothing was taken in.",
    ),
    "bundle_older": (
        "Gói {folder} cũ hơn gói đã nhập của {office} cho kỳ {period} (lập lúc {made}). Giữ"
        " gói mới hơn; không có gì được nhập.",
        "The bundle {folder} is older than the one already taken in from {office} for"
        " {period} (made at {made}). The newer one stays; nothing was taken in.",
    ),
    "not_province_office": (
        "Chỉ đơn vị cấp tỉnh mới tổng hợp gói báo cáo của các đơn vị (đơn vị này là cấp {kind}).",
        "Only a province-level office consolidates the offices' bundles (this office is at"
        " {kind} level).",
    ),
    "bad_fingerprint": (
        "{field}: «{value}» không phải dấu vân tay khóa (32 chữ cái A–Z và số 2–7, in trên"
        " giấy khai báo của đơn vị).",
        "{field}: «{value}» is not a key fingerprint (32 letters A–Z and digits 2–7, as"
        " printed on the office's setup paper).",
    ),
    "duplicate_fingerprint": (
        "{field}: dấu vân tay này đã được đăng ký cho {value}.",
        "{field}: this fingerprint is already registered for {value}.",
    ),
    "no_signing_key": (
        "Đơn vị chưa có khóa ký báo cáo: một quản trị viên đăng nhập một lần (hoặc dùng"
        " cơ sở dữ liệu có tệp khóa) rồi xuất lại.",
        "This office has no signing key yet: an administrator signs in once (or use a"
        " database with a key file), then export again.",
    ),
    "bad_people_key": (
        "{field}: khóa chung phải là 32 ký tự trở lên như cấp tỉnh đã đưa.",
        "{field}: the shared key has at least 32 characters, as the province gave it.",
    ),
    "no_bundles_for_period": (
        "Chưa nhập gói nào của kỳ {period}: chưa có gì để tổng hợp.",
        "No bundle of {period} has been taken in yet: there is nothing to consolidate.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "fingerprint": ("Dấu vân tay khóa", "Key fingerprint"),
    "people_key": ("Khóa chung đếm người", "Shared people key"),
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
    "status_on": ("Ngày tình trạng", "Status date"),
    "missed_reason": ("Lý do không gặp", "Why no one was met"),
    "scheduled_on": ("Ngày hẹn thăm", "Scheduled date"),
    "next_visit_on": ("Lần thăm tiếp", "Next visit"),
    "income_band": ("Mức thu nhập", "Income band"),
    "asset": ("Tài sản", "Asset"),
    "asset_status": ("Tình trạng tài sản", "Asset status"),
    "calves_born": ("Số con sinh ra", "Young born"),
    "pass_on": ("Chuyển giao quay vòng", "Pass-on"),
    "pass_on_months": ("Thời hạn chuyển giao con đầu (tháng)", "Months to pass the first calf on"),
    "receiver": ("Gia đình nhận", "Receiving family"),
    "witness_name": ("Người làm chứng", "Witness"),
    "witness_title": ("Chức vụ người làm chứng", "Witness's position"),
    "value": ("Giá trị", "Value"),
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
    "reopen_reason": ("Lý do mở khoá lại", "Reason for reopening"),
    "adjust_reason": ("Lý do điều chỉnh", "Reason for the adjustment"),
    "new_amount": ("Số tiền đúng", "Correct amount"),
    "handover": ("Lần trao", "Hand-over"),
    "target": ("Nơi lưu", "Destination"),
    "formats": ("Loại tệp", "File types"),
    "passphrase": ("Mật khẩu tệp", "File passphrase"),
    "import_file": ("Tệp nhập", "Import file"),
}

#: A record as an edit conflict names it ("hồ sơ HG-0001"), by the audit trail's entity.
RECORD_WORDS: dict[str, tuple[str, str]] = {
    "record": ("bản ghi", "the record"),
    "beneficiary": ("hồ sơ", "the file of"),
    "project": ("dự án", "the project"),
    "grant_type": ("loại hỗ trợ", "the support type"),
    "grant": ("khoản hỗ trợ", "the grant"),
    "user": ("tài khoản", "the account"),
    "office": ("thông tin đơn vị", "the office's details"),
    "receipt": ("phiếu", "the receipt"),
    "visit": ("chuyến thăm", "the visit"),
    "asset": ("tài sản", "the asset"),
    "disbursement": ("lần trao", "the hand-over"),
}

ACTIONS: dict[str, tuple[str, str]] = {
    "office.setup": ("khai báo đơn vị", "set up the office"),
    "consolidate.write": (
        "nhập gói báo cáo của các đơn vị",
        "take in the offices' bundles",
    ),
    "user.manage": ("quản lý người dùng", "manage users"),
    "read": ("xem dữ liệu", "read records"),
    "names.read": ("xem họ tên người hưởng trong danh sách", "see beneficiaries' names in lists"),
    "beneficiary.write": ("đăng ký, sửa người hưởng hỗ trợ", "register or edit beneficiaries"),
    "consent.write": ("ghi nhận sự đồng ý", "record consent"),
    "project.write": ("tạo, sửa dự án", "create or edit projects"),
    "grant_type.write": ("sửa loại hỗ trợ", "edit support types"),
    "grant.write": ("lập kế hoạch hỗ trợ", "plan grants"),
    "handover.write": ("ghi nhận trao hỗ trợ", "record hand-overs"),
    "visit.write": ("ghi nhận chuyến thăm", "record visits"),
    "trip.print": ("in phiếu đi thăm gia đình", "print trip sheets"),
    "pass_on.write": (
        "ghi nhận chuyển giao quay vòng",
        "record an animal or a thing passed on to another family",
    ),
    "attachment.read": ("xem ảnh và bản quét", "see photos and scans"),
    "attachment.write": ("thêm ảnh và bản quét", "add photos and scans"),
    "attachment.remove": ("xóa ảnh, bản quét của người khác", "remove others' photos and scans"),
    "backup.auto": ("sao lưu tự động", "take the automatic backup"),
    "backup.write": ("sao lưu dữ liệu", "back up the data"),
    "backup.restore": (
        "khôi phục bản sao lưu (chỉ quản trị viên hoặc mã khôi phục)",
        "restore a backup (administrators or the recovery key only)",
    ),
    "period.close": (
        "khoá và mở khoá lại quý báo cáo (chỉ quản trị viên)",
        "close and reopen reporting quarters (administrators only)",
    ),
    "receipt.write": (
        "in bản gốc (lần in đầu), hủy phiếu chi; sau bản gốc ai cũng in được bản sao",
        "print the original (the first print) or void receipts; after the original anyone"
        " may print a copy",
    ),
}
