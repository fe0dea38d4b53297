<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Everything, also accounts, settings, restore and the audit trail.</source>
        <translation>Mọi việc, kể cả tài khoản, cài đặt, khôi phục dữ liệu và nhật ký thao tác.</translation>
    </message>
    <message>
        <source>Beneficiaries, grants and visits.</source>
        <translation>Người hưởng hỗ trợ, khoản hỗ trợ và chuyến thăm.</translation>
    </message>
    <message>
        <source>Hand-overs and receipts.</source>
        <translation>Trao hỗ trợ và phiếu chi.</translation>
    </message>
    <message>
        <source>Reads and makes reports; changes nothing.</source>
        <translation>Xem và lập báo cáo; không sửa được gì.</translation>
    </message>
    <message>
        <source>What the person may do depends on the role.</source>
        <translation>Vai trò quyết định người này được làm những gì.</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Give the new user their password in person. They can change it themselves after signing in.</source>
        <translation>Hãy trực tiếp đưa mật khẩu cho người dùng mới. Sau khi đăng nhập, họ có thể tự đổi mật khẩu.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Lower-case letters without accents, digits, dot or hyphen, e.g. hoa.vt</source>
        <translation>Chữ thường không dấu, chữ số, dấu chấm hoặc gạch ngang, ví dụ hoa.vt</translation>
    </message>
    <message>
        <source>Choose a role</source>
        <translation>Chọn vai trò</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>Quản trị viên đầu tiên</translation>
    </message>
    <message>
        <source>This account manages the others. The data will be kept encrypted in: {path}</source>
        <translation>Tài khoản này quản lý các tài khoản khác. Dữ liệu sẽ được mã hóa và lưu tại: {path}</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>At least 8 characters. It also unlocks the encrypted data.</source>
        <translation>Ít nhất 8 ký tự. Mật khẩu này cũng mở khóa dữ liệu đã mã hóa.</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Đang tạo cơ sở dữ liệu mã hóa…</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Photo or scan</source>
        <translation>Ảnh hoặc bản quét</translation>
    </message>
    <message numerus="yes">
        <source>%n more page(s) not shown.</source>
        <translation>
            <numerusform>Còn %n trang không hiển thị.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Xóa tệp này</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Photo</source>
        <translation>Ảnh chụp</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Bản quét</translation>
    </message>
    <message>
        <source>Signed receipt</source>
        <translation>Phiếu chi đã ký</translation>
    </message>
    <message>
        <source>Attach to:</source>
        <translation>Gắn vào:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>JPEG, PNG or PDF. Drop files here or use “Add file…”. Photos are kept encrypted with the records, without their GPS position or camera details, and never leave the office in an export.</source>
        <translation>JPEG, PNG hoặc PDF. Kéo thả tệp vào đây hoặc bấm «Thêm tệp…». Ảnh được lưu mã hóa cùng hồ sơ, đã bỏ vị trí GPS và thông tin máy chụp, và không bao giờ ra khỏi văn phòng khi xuất báo cáo.</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Người hưởng</translation>
    </message>
    <message>
        <source>Add photos or scans</source>
        <translation>Thêm ảnh hoặc bản quét</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Ảnh và bản quét (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation>Đang thêm tệp…</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>Đang mở tệp…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <extracomment>A page of events came back (number of events now listed). The chain check finished (``ChainReport``). An export&apos;s chain head was compared with the trail; carries None (it is in the trail) or what is wrong (&quot;not in chain&quot;, &quot;other database&quot;, &quot;no head&quot;).</extracomment>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Mọi loại hồ sơ</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Mọi người dùng</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Only events from this day on</source>
        <translation>Chỉ các thao tác từ ngày này trở đi</translation>
    </message>
    <message>
        <source>Only events up to this day</source>
        <translation>Chỉ các thao tác đến hết ngày này</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Kiểm tra chuỗi nhật ký</translation>
    </message>
    <message>
        <source>Checks that no event was changed or removed outside the app since it was written, and that every record still holds the values its newest event says.</source>
        <translation>Kiểm tra rằng không thao tác nào bị sửa hay xóa ngoài ứng dụng từ khi được ghi, và mọi bản ghi vẫn giữ đúng giá trị mà thao tác mới nhất của nó ghi lại.</translation>
    </message>
    <message>
        <source>Compare with an export…</source>
        <translation>So với một bản xuất…</translation>
    </message>
    <message>
        <source>Checks that the end of the trail printed on an export (its manifest.json) is still in the trail: nothing written before that export was removed.</source>
        <translation>Kiểm tra rằng điểm cuối của nhật ký in trên một bản xuất (tệp manifest.json) vẫn còn trong nhật ký: không có gì ghi trước lần xuất đó bị xóa.</translation>
    </message>
    <message>
        <source>Values before and after the change</source>
        <translation>Giá trị trước và sau khi thay đổi</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <source>%n events shown; scroll down for older ones</source>
        <translation>
            <numerusform>Đang hiện %n thao tác; cuộn xuống để xem các thao tác cũ hơn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n thao tác</numerusform>
        </translation>
    </message>
    <message>
        <source>Event #{id}, {time}, by {user}: {action} {entity} {entity_id}</source>
        <translation>Thao tác #{id}, {time}, do {user}: {action} {entity} {entity_id}</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Trước:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Sau:</translation>
    </message>
    <message>
        <source>No values recorded.</source>
        <translation>Không ghi giá trị nào.</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Đang kiểm tra nhật ký thao tác…</translation>
    </message>
    <message>
        <source>an event before it was removed</source>
        <translation>một thao tác ngay trước nó đã bị xóa</translation>
    </message>
    <message>
        <source>its link to the event before does not match</source>
        <translation>mắt xích nối với thao tác trước không khớp</translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation>nội dung của nó đã bị sửa</translation>
    </message>
    <message>
        <source>the newest events were removed</source>
        <translation>các thao tác mới nhất đã bị xóa</translation>
    </message>
    <message>
        <source>events were removed</source>
        <translation>có thao tác bị xóa</translation>
    </message>
    <message>
        <source>the chain was computed again</source>
        <translation>chuỗi đã bị tính lại</translation>
    </message>
    <message>
        <source>the end of the chain is missing</source>
        <translation>mất điểm cuối của chuỗi</translation>
    </message>
    <message>
        <source>the copy of the chain&apos;s end in the key file was altered</source>
        <translation>bản sao điểm cuối của chuỗi trong tệp khóa đã bị sửa</translation>
    </message>
    <message>
        <source>the point where the keyed chain starts was moved</source>
        <translation>điểm bắt đầu của chuỗi có khóa đã bị dời</translation>
    </message>
    <message>
        <source>the key of the audit trail is missing</source>
        <translation>thiếu khóa của nhật ký thao tác</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is whole: %n events checked, none altered.</source>
        <translation>
            <numerusform>Nhật ký toàn vẹn: đã kiểm tra %n thao tác, không có thao tác nào bị sửa.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was altered outside the app at event {id}: {reason}. The {checked} events before it are whole. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation>Nhật ký thao tác đã bị sửa ngoài ứng dụng tại thao tác {id}: {reason}. {checked} thao tác trước đó còn nguyên vẹn. Hãy giữ nguyên máy tính này và báo cho người chịu trách nhiệm về dữ liệu.</translation>
    </message>
    <message>
        <source>Changed outside the app, without an event: {what} {ids}</source>
        <translation>Bị sửa ngoài ứng dụng, không có thao tác nào ghi lại: {what} {ids}</translation>
    </message>
    <message>
        <source>{checked} records compared with their newest event; {unchecked} made inside another action (visits booked by a hand-over, receipts, animals) are compared from their first change on.</source>
        <translation>Đã so {checked} bản ghi với thao tác mới nhất của chúng; {unchecked} bản ghi được tạo trong một thao tác khác (chuyến thăm đặt theo lần trao, phiếu, vật nuôi) được so từ lần thay đổi đầu tiên của chúng.</translation>
    </message>
    <message>
        <source>End of the trail: event #{id}, {hash}</source>
        <translation>Điểm cuối của nhật ký: thao tác #{id}, {hash}</translation>
    </message>
    <message>
        <source>Choose the manifest.json of an export</source>
        <translation>Chọn tệp manifest.json của một bản xuất</translation>
    </message>
    <message>
        <source>Export manifest (manifest.json);;All files (*)</source>
        <translation>Tệp manifest của bản xuất (manifest.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Comparing with the export…</source>
        <translation>Đang so với bản xuất…</translation>
    </message>
    <message>
        <source>The end of the trail printed on this export is still in the trail: nothing written before the export was removed or rewritten.</source>
        <translation>Điểm cuối của nhật ký in trên bản xuất này vẫn còn trong nhật ký: không có gì ghi trước lần xuất bị xóa hay ghi lại.</translation>
    </message>
    <message>
        <source>The end of the trail printed on this export is NOT in the trail any more: events written before the export were removed or the trail was rewritten. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation>Điểm cuối của nhật ký in trên bản xuất này KHÔNG còn trong nhật ký: các thao tác ghi trước lần xuất đã bị xóa hoặc nhật ký đã bị ghi lại. Hãy giữ nguyên máy tính này và báo cho người chịu trách nhiệm về dữ liệu.</translation>
    </message>
    <message>
        <source>This export was made from another database.</source>
        <translation>Bản xuất này được tạo từ một cơ sở dữ liệu khác.</translation>
    </message>
    <message>
        <source>This export has no end of the trail printed on it (made by an earlier version): there is nothing to compare.</source>
        <translation>Bản xuất này không in điểm cuối của nhật ký (do phiên bản cũ tạo): không có gì để so.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <extracomment>The kinds of records the services write events about (the filter&apos;s choices). The view scrolled to the end and more events may exist.</extracomment>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>created</source>
        <translation>tạo mới</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>sửa</translation>
    </message>
    <message>
        <source>looked at</source>
        <translation>xem</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>đăng nhập</translation>
    </message>
    <message>
        <source>changed own password</source>
        <translation>tự đổi mật khẩu</translation>
    </message>
    <message>
        <source>reset a password</source>
        <translation>đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>mở lại</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>khóa</translation>
    </message>
    <message>
        <source>new recovery key</source>
        <translation>tạo mã khôi phục mới</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>sao lưu</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>lập kế hoạch</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>hủy</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>hẹn lịch</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>ghi nhận</translation>
    </message>
    <message>
        <source>changed the role of</source>
        <translation>đổi vai trò của</translation>
    </message>
    <message>
        <source>recorded the outcome of</source>
        <translation>ghi kết quả</translation>
    </message>
    <message>
        <source>recorded no one met on</source>
        <translation>ghi nhận không gặp được</translation>
    </message>
    <message>
        <source>recorded the consent of</source>
        <translation>ghi nhận sự đồng ý của</translation>
    </message>
    <message>
        <source>went ahead without the consent to services of</source>
        <translation>vẫn làm khi chưa có đồng ý nhận dịch vụ của</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>hủy phiếu</translation>
    </message>
    <message>
        <source>replacement issued</source>
        <translation>cấp phiếu thay thế</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>in lại</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>in</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>xuất</translation>
    </message>
    <message>
        <source>started an export of</source>
        <translation>bắt đầu xuất</translation>
    </message>
    <message>
        <source>export did not finish:</source>
        <translation>xuất không xong:</translation>
    </message>
    <message>
        <source>gave a new key to</source>
        <translation>đã đổi khóa cho</translation>
    </message>
    <message>
        <source>found the trail altered:</source>
        <translation>phát hiện nhật ký bị sửa:</translation>
    </message>
    <message>
        <source>counted the kept totals again:</source>
        <translation>tính lại tổng đã lưu:</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>nhập</translation>
    </message>
    <message>
        <source>added</source>
        <translation>đã thêm</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>grant</source>
        <translation>khoản hỗ trợ</translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation>lần trao</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>chuyến thăm</translation>
    </message>
    <message>
        <source>asset</source>
        <translation>tài sản</translation>
    </message>
    <message>
        <source>pass-on</source>
        <translation>chuyển giao quay vòng</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>phiếu chi</translation>
    </message>
    <message>
        <source>project</source>
        <translation>dự án</translation>
    </message>
    <message>
        <source>support type</source>
        <translation>loại hỗ trợ</translation>
    </message>
    <message>
        <source>office</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>user account</source>
        <translation>tài khoản</translation>
    </message>
    <message>
        <source>database</source>
        <translation>cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>report</source>
        <translation>báo cáo</translation>
    </message>
    <message>
        <source>import workbook</source>
        <translation>tệp nhập</translation>
    </message>
    <message>
        <source>trip sheet</source>
        <translation>phiếu đi thăm</translation>
    </message>
    <message>
        <source>photo or scan</source>
        <translation>ảnh hoặc bản quét</translation>
    </message>
    <message>
        <source>Event #{id}</source>
        <translation>Thao tác #{id}</translation>
    </message>
    <message>
        <source>printed the original of</source>
        <translation>in bản gốc</translation>
    </message>
    <message>
        <source>print did not come out:</source>
        <translation>in không ra:</translation>
    </message>
</context>
<context>
    <name>BeneficiariesPage</name>
    <message>
        <source>More than {count} people found</source>
        <translation>Tìm thấy hơn {count} người</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Search by name, alias or code, with or without diacritics (Ctrl+F)</source>
        <translation>Tìm theo họ tên, tên gọi khác hoặc mã, gõ có dấu hay không dấu đều được (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show names</source>
        <translation>Hiện họ tên</translation>
    </message>
    <message>
        <source>Names are hidden in lists so that nobody reads them over your shoulder.</source>
        <translation>Họ tên được ẩn trong danh sách để người bên cạnh không đọc được.</translation>
    </message>
    <message>
        <source>New beneficiary…</source>
        <translation>Đăng ký mới…</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>Xem hồ sơ</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>Tất cả xã/phường</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Mọi nhóm đối tượng</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Any support</source>
        <translation>Mọi loại hỗ trợ</translation>
    </message>
    <message numerus="yes">
        <source>%n people found</source>
        <translation>
            <numerusform>Tìm thấy %n người</numerusform>
        </translation>
    </message>
    <message>
        <source>showing the first {shown}; scroll for more</source>
        <translation>đang hiện {shown} người đầu, cuộn xuống để xem thêm</translation>
    </message>
    <message>
        <source>Saved {code}.</source>
        <translation>Đã lưu {code}.</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDialog</name>
    <message>
        <source>Register a beneficiary</source>
        <extracomment>The birth year box&apos;s &quot;no year&quot; value (shown as &quot;—&quot;). Any year can be typed: one the service refuses (2030, 1850) is kept and the message says why. Where the arrows start from &quot;—&quot;.</extracomment>
        <translation>Đăng ký người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Edit beneficiary {code}</source>
        <translation>Sửa thông tin {code}</translation>
    </message>
    <message>
        <source>Given automatically</source>
        <translation>Tự động cấp</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Exact date known</source>
        <translation>Biết ngày sinh cụ thể</translation>
    </message>
    <message>
        <source>9 or 12 digits, if the person has one</source>
        <translation>9 hoặc 12 chữ số, nếu có</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Shown in lists instead of the name.</source>
        <translation>Hiện trong danh sách thay cho họ tên.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Nhóm đối tượng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>The visits still scheduled for this person will be cancelled.</source>
        <translation>Các chuyến thăm đã hẹn mà chưa thực hiện của người này sẽ bị hủy.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/Thành phố</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/Phường</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Bản</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Vẫn lưu</translation>
    </message>
    <message>
        <source>Or press Cancel and open the registered record instead.</source>
        <translation>Hoặc bấm Hủy rồi mở hồ sơ đã có.</translation>
    </message>
    <message>
        <source>{field}: yours «{mine}», saved «{theirs}»</source>
        <translation>{field}: của bạn «{mine}», bản đã lưu «{theirs}»</translation>
    </message>
    <message>
        <source>Changed on another computer</source>
        <translation>Đã được sửa trên máy khác</translation>
    </message>
    <message>
        <source>The other version holds the same values.</source>
        <translation>Bản kia có cùng các giá trị.</translation>
    </message>
    <message>
        <source>Reload the saved version</source>
        <translation>Tải lại bản đã lưu</translation>
    </message>
    <message>
        <source>Keep my changes on screen</source>
        <translation>Giữ thay đổi của tôi trên màn hình</translation>
    </message>
    <message>
        <source>Same ID number</source>
        <translation>Trùng số CCCD</translation>
    </message>
    <message>
        <source>Same name in this commune</source>
        <translation>Trùng tên trong xã này</translation>
    </message>
    <message>
        <source>Name one letter apart</source>
        <translation>Tên lệch một chữ cái</translation>
    </message>
    <message>
        <source>Middle name missing</source>
        <translation>Thiếu tên đệm</translation>
    </message>
    <message>
        <source>This person may already be registered. Compare what you typed with the people below (same or close name in the same commune, or same ID number). If it is someone else, save anyway.</source>
        <translation>Có thể người này đã được đăng ký. Hãy so sánh những gì vừa nhập với những người dưới đây (trùng hoặc gần giống tên trong cùng xã, hoặc trùng số CCCD). Nếu là người khác, chọn «Vẫn lưu».</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Typed now</source>
        <translation>Đang nhập</translation>
    </message>
</context>
<context>
    <name>BeneficiaryPicker</name>
    <message>
        <source>Type part of the name or the code</source>
        <extracomment>The chosen person changed (``BeneficiaryRow`` or ``None``). A search came back (how many people it found).</extracomment>
        <translation>Gõ một phần họ tên hoặc mã</translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>``fetch(offset, limit)`` -&gt; one page of rows; a keyed model&apos;s pager also takes the last row shown (``fetch(offset, limit, after)``, None for the first page). The service&apos;s ``order`` value when the column can be sorted. A page could not be loaded (the exception); the rows already shown stay. A fresh first page was loaded (number of rows now shown). The pager reads the page after the last row shown (by key, never by skipping rows: scrolling the whole list then costs the same for every page). How many rows the list has in all (when the subclass counts them). The service&apos;s sort order (a column&apos;s ``sort`` key; None: the list&apos;s own order) and its direction, and the words typed to find rows.</extracomment>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/Phường</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Bản</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Nhóm đối tượng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Names are hidden. Tick “Show names” to see them.</source>
        <extracomment>The count stops past this many (the list then says &quot;more than&quot;).</extracomment>
        <translation>Họ tên đang được ẩn. Đánh dấu “Hiện họ tên” để xem.</translation>
    </message>
</context>
<context>
    <name>BudgetBar</name>
    <message>
        <source>{percent} % used</source>
        <extracomment>First calves still to be passed on (the overdue first). The projects with their budgets (each one row: the totals are kept by the database).</extracomment>
        <translation>Đã dùng {percent} %</translation>
    </message>
    <message>
        <source>Spent {spent} of {budget} · left {left} · planned {planned}</source>
        <translation>Đã chi {spent} / {budget} · còn {left} · kế hoạch {planned}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>{name}, type your current password, then the new one twice.</source>
        <translation>{name}, hãy nhập mật khẩu hiện tại, rồi nhập mật khẩu mới hai lần.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the account is locked.</source>
        <translation>
            <numerusform>Còn %n lần thử trước khi tài khoản bị tạm khóa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Ghi nhận sự đồng ý</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Refused or withdrawn</source>
        <translation>Không đồng ý hoặc đã rút lại</translation>
    </message>
    <message>
        <source>Consent to</source>
        <translation>Đồng ý về</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Choose whether consent was given or refused.</source>
        <translation>Hãy chọn người đó đồng ý hay không đồng ý.</translation>
    </message>
</context>
<context>
    <name>DemoBuildDialog</name>
    <message>
        <source>Grant Tracker – demo data</source>
        <translation>Sổ theo dõi hỗ trợ – dữ liệu mẫu</translation>
    </message>
    <message>
        <source>The first start builds the demo database: a fictional commune office with about sixty invented people, their support, receipts and visits. It takes about half a minute; the sign-in follows.</source>
        <translation>Lần chạy đầu tiên tạo cơ sở dữ liệu mẫu: một văn phòng xã hư cấu với khoảng sáu mươi người được đặt ra, các khoản hỗ trợ, phiếu chi và chuyến thăm của họ. Việc này mất khoảng nửa phút; sau đó là màn hình đăng nhập.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Đang tạo cơ sở dữ liệu mã hóa…</translation>
    </message>
    <message>
        <source>People, their support and receipts: {done} of {total}…</source>
        <translation>Người hưởng hỗ trợ, khoản hỗ trợ và phiếu chi: {done} trên {total}…</translation>
    </message>
    <message>
        <source>Follow-up visits…</source>
        <translation>Các chuyến thăm theo dõi…</translation>
    </message>
</context>
<context>
    <name>DisableAccountDialog</name>
    <message>
        <source>Disable an account</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <source>Disable the account of {who}? They can no longer sign in, and their key to the encrypted data is removed at once. The data then gets a new key, so their old password opens nothing on this computer, backups included. What they recorded stays. An administrator can enable the account again with a new password.</source>
        <translation>Khóa tài khoản của {who}? Người này sẽ không đăng nhập được nữa, và khóa của họ đến dữ liệu mã hóa bị gỡ ngay. Dữ liệu sau đó được đổi khóa mới, nên mật khẩu cũ của họ không mở được gì trên máy tính này, kể cả các bản sao lưu. Những gì họ đã ghi vẫn được giữ. Quản trị viên có thể mở lại tài khoản với mật khẩu mới.</translation>
    </message>
    <message>
        <source>This is your own account: you will not be able to sign in again.</source>
        <translation>Đây là tài khoản của chính bạn: bạn sẽ không đăng nhập lại được nữa.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the report</source>
        <extracomment>The export was written and checked (``ExportResult``).</extracomment>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>the office (all figures)</source>
        <translation>nội bộ đơn vị (đầy đủ số liệu)</translation>
    </message>
    <message>
        <source>the donor (counts from 1 to 4 shown as «&lt;5»)</source>
        <translation>nhà tài trợ (số đếm từ 1 đến 4 ghi «&lt;5»)</translation>
    </message>
    <message>
        <source>the province (counts from 1 to 4 shown as «&lt;5»)</source>
        <translation>cấp tỉnh (số đếm từ 1 đến 4 ghi «&lt;5»)</translation>
    </message>
    <message>
        <source>{period}, for {audience}.</source>
        <translation>{period}, bản dành cho {audience}.</translation>
    </message>
    <message>
        <source>Look for USB sticks again</source>
        <translation>Tìm lại ổ USB</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Báo cáo PDF</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX), a sheet per table</source>
        <translation>Tệp Excel (XLSX), mỗi bảng một trang</translation>
    </message>
    <message>
        <source>CSV files, one per table</source>
        <translation>Các tệp CSV, mỗi bảng một tệp</translation>
    </message>
    <message>
        <source>; (Excel in Vietnamese)</source>
        <translation>; (Excel tiếng Việt)</translation>
    </message>
    <message>
        <source>, (comma)</source>
        <translation>, (dấu phẩy)</translation>
    </message>
    <message>
        <source>CSV separator</source>
        <translation>Dấu phân cách CSV</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>No names, ID numbers, phones or villages: codes and totals only.</source>
        <translation>Không có họ tên, số giấy tờ, điện thoại hay thôn/bản: chỉ có mã và số liệu tổng hợp.</translation>
    </message>
    <message>
        <source>Add the list with names, encrypted with a passphrase (AES-256)</source>
        <translation>Kèm danh sách có họ tên, mã hóa bằng mật khẩu (AES-256)</translation>
    </message>
    <message>
        <source>Passphrase, at least {n} characters</source>
        <translation>Mật khẩu tệp, ít nhất {n} ký tự</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>Nhập lại mật khẩu tệp</translation>
    </message>
    <message>
        <source>Names (administrators only)</source>
        <translation>Danh sách có tên (chỉ quản trị viên)</translation>
    </message>
    <message>
        <source>Give the passphrase to the person who receives the stick by another way (not on the stick).</source>
        <translation>Báo mật khẩu cho người nhận USB bằng cách khác (không ghi trên USB).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and look again, or choose a folder.</source>
        <translation>Không thấy ổ USB nào. Cắm USB rồi tìm lại, hoặc chọn một thư mục.</translation>
    </message>
    <message>
        <source>USB: {name} – {free} MB free</source>
        <translation>USB: {name} – còn trống {free} MB</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>Thư mục: {path}</translation>
    </message>
    <message>
        <source>Choose the folder to write to</source>
        <translation>Chọn thư mục để ghi</translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation>Đang tổng hợp số liệu…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Preparing the encrypted list…</source>
        <translation>Đang chuẩn bị danh sách mã hóa…</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Đang tạo tệp PDF…</translation>
    </message>
    <message>
        <source>Making the Excel workbook…</source>
        <translation>Đang tạo tệp Excel…</translation>
    </message>
    <message>
        <source>Making the CSV files…</source>
        <translation>Đang tạo các tệp CSV…</translation>
    </message>
    <message>
        <source>Writing the files…</source>
        <translation>Đang ghi các tệp…</translation>
    </message>
    <message>
        <source>Checking what was written…</source>
        <translation>Đang kiểm tra các tệp đã ghi…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
    <message>
        <source>Done: {count} files written to {folder} and checked (SHA-256 in manifest.json). You can remove the stick now.</source>
        <translation>Xong: đã ghi {count} tệp vào {folder} và đã kiểm tra lại (mã SHA-256 trong manifest.json). Có thể rút USB ra.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Excel on a Windows set to Vietnamese splits columns on semicolons; the files start with a byte-order mark so that the diacritics open right.</source>
        <translation>Excel trên Windows đặt vùng Việt Nam tách cột bằng dấu chấm phẩy; các tệp có dấu BOM ở đầu để chữ có dấu mở ra đúng.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up Grant Tracker</source>
        <translation>Thiết lập Sổ theo dõi hỗ trợ</translation>
    </message>
    <message>
        <source>Create the database</source>
        <translation>Tạo cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Welcome. Enter your office&apos;s details and the first administrator&apos;s account. The data will be kept encrypted in: {path}</source>
        <translation>Xin chào. Hãy nhập thông tin đơn vị và tài khoản người quản trị đầu tiên. Dữ liệu sẽ được mã hóa và lưu tại: {path}</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s Union of Mèo Vạc commune</source>
        <translation>Ví dụ: Hội LHPN xã Mèo Vạc</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>District office</source>
        <translation>Cấp huyện</translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation>Cấp xã</translation>
    </message>
    <message>
        <source>Office level</source>
        <translation>Cấp đơn vị</translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation>Ký hiệu phiếu</translation>
    </message>
    <message>
        <source>Letters that start every receipt number, e.g. MV gives MV-2025-00001.</source>
        <translation>Các chữ đứng đầu mọi số phiếu, ví dụ MV cho số MV-2025-00001.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>Thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Người quản trị đầu tiên</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>At least 8 characters. It also unlocks the encrypted data.</source>
        <translation>Ít nhất 8 ký tự. Mật khẩu này cũng dùng để mở dữ liệu đã mã hóa.</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <extracomment>The kinds of data a save changes. The service call succeeded; carries what it returned. The dialog then closes.</extracomment>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Go on anyway (recorded in the audit trail)</source>
        <extracomment>Shown when the person said no to services: ticked, the save goes on anyway (the service records it in the audit trail). Dialogs that can meet it lay it out.</extracomment>
        <translation>Vẫn tiếp tục (ghi vào nhật ký)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Chưa lưu thay đổi</translation>
    </message>
    <message>
        <source>What you typed here has not been saved. Close and lose it?</source>
        <translation>Những gì bạn vừa nhập chưa được lưu. Vẫn đóng và bỏ các thay đổi này?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ thay đổi</translation>
    </message>
</context>
<context>
    <name>GrantDetails</name>
    <message>
        <source>Breed</source>
        <translation>Giống</translation>
    </message>
    <message>
        <source>Number of animals</source>
        <translation>Số con</translation>
    </message>
    <message>
        <source>Value per head</source>
        <translation>Giá mỗi con</translation>
    </message>
    <message>
        <source>Ear tag</source>
        <translation>Số tai</translation>
    </message>
    <message>
        <source>Loom</source>
        <translation>Khung dệt</translation>
    </message>
    <message>
        <source>Yarn (kg)</source>
        <translation>Sợi lanh (kg)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Tập huấn</translation>
    </message>
    <message>
        <source>Amount per month</source>
        <translation>Số tiền mỗi tháng</translation>
    </message>
    <message>
        <source>Number of months</source>
        <translation>Số tháng</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mặt hàng</translation>
    </message>
    <message>
        <source>Quantity (kg)</source>
        <translation>Số lượng (kg)</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Năm học</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Nghề</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Hạng mục</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Việc kinh doanh</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Plan a grant</source>
        <translation>Lập kế hoạch hỗ trợ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <source>What is given</source>
        <translation>Nội dung hỗ trợ</translation>
    </message>
    <message>
        <source>Choose the support type first.</source>
        <translation>Hãy chọn loại hỗ trợ trước.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Budget left: {left} of {budget}</source>
        <translation>Ngân sách còn: {left} / {budget}</translation>
    </message>
    <message>
        <source>Number of animals</source>
        <translation>Số con</translation>
    </message>
    <message>
        <source>Value per head (đồng)</source>
        <translation>Giá mỗi con (đồng)</translation>
    </message>
    <message>
        <source>Breed</source>
        <translation>Giống</translation>
    </message>
    <message>
        <source>Ear tag</source>
        <translation>Số tai</translation>
    </message>
    <message>
        <source>The tag of the animal, if known now.</source>
        <translation>Số tai của con vật, nếu đã biết.</translation>
    </message>
    <message>
        <source>Amount per month (đồng)</source>
        <translation>Số tiền mỗi tháng (đồng)</translation>
    </message>
    <message>
        <source>Number of months</source>
        <translation>Số tháng</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Value of one {unit} (đồng)</source>
        <translation>Giá trị một {unit} (đồng)</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Planned total: {amount} ({words})</source>
        <translation>Tổng kế hoạch: {amount} ({words})</translation>
    </message>
    <message>
        <source>{name}, month {n} of {total}</source>
        <translation>{name}, tháng {n}/{total}</translation>
    </message>
</context>
<context>
    <name>GrantTableModel</name>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Đã trao</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>GrantTypeDialog</name>
    <message>
        <source>Edit the support type</source>
        <translation>Sửa loại hỗ trợ</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; (code {code})</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; (mã {code})</translation>
    </message>
    <message>
        <source>e.g. 1, 3, 6, 12</source>
        <translation>ví dụ: 1, 3, 6, 12</translation>
    </message>
    <message>
        <source>Can be chosen for new grants</source>
        <translation>Được chọn khi lập kế hoạch hỗ trợ mới</translation>
    </message>
    <message>
        <source>No pass-on</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>Name (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Tên (tiếng Anh)</translation>
    </message>
    <message>
        <source>Follow-up visits (months)</source>
        <translation>Lịch thăm (tháng)</translation>
    </message>
    <message>
        <source>Months after each hand-over at which a visit is scheduled, increasing, from 1 to 120. Leave empty for no visits. Visits already scheduled stay.</source>
        <translation>Số tháng sau mỗi lần bàn giao thì đặt lịch thăm, tăng dần, từ 1 đến 120. Để trống nếu không cần thăm. Các lần thăm đã đặt lịch vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>Reason on papers (Vietnamese)</source>
        <translation>Nội dung trên giấy tờ (tiếng Việt)</translation>
    </message>
    <message>
        <source>Printed on receipts; it must not reveal why the person is helped.</source>
        <translation>In trên phiếu chi; không được để lộ lý do người đó được hỗ trợ.</translation>
    </message>
    <message>
        <source>Reason on papers (English)</source>
        <translation>Nội dung trên giấy tờ (tiếng Anh)</translation>
    </message>
    <message>
        <source>First calf passed on within</source>
        <translation>Chuyển giao con đầu trong vòng</translation>
    </message>
    <message>
        <source>Months from the calf&apos;s birth; later, it is overdue on Today.</source>
        <translation>Tính từ ngày con sinh ra; quá hạn thì hiện ở trang Hôm nay.</translation>
    </message>
</context>
<context>
    <name>GrantTypesBox</name>
    <message>
        <source>Support types and follow-up visits</source>
        <translation>Loại hỗ trợ và lịch thăm</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Visits after</source>
        <translation>Thăm sau</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Each hand-over schedules a visit at each of these months. Changes apply to hand-overs recorded from now on.</source>
        <translation>Mỗi lần bàn giao sẽ đặt lịch thăm vào các tháng này. Thay đổi áp dụng cho các lần bàn giao ghi từ nay.</translation>
    </message>
    <message>
        <source>Only an administrator can change the support types.</source>
        <translation>Chỉ quản trị viên mới được sửa các loại hỗ trợ.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>In kind</source>
        <translation>Hiện vật</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Tiền và hiện vật</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} tháng</translation>
    </message>
    <message>
        <source>{name} (not offered)</source>
        <translation>{name} (không còn dùng)</translation>
    </message>
    <message>
        <source>no visits</source>
        <translation>không thăm</translation>
    </message>
</context>
<context>
    <name>GrantsPage</name>
    <message>
        <source>Grants</source>
        <translation>Khoản hỗ trợ</translation>
    </message>
    <message>
        <source>Plan a grant…</source>
        <translation>Lập kế hoạch hỗ trợ…</translation>
    </message>
    <message>
        <source>Record a hand-over…</source>
        <translation>Ghi nhận trao hỗ trợ…</translation>
    </message>
    <message>
        <source>Search by name, alias, code or project</source>
        <translation>Tìm theo tên, tên gọi khác, mã hoặc dự án</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Tất cả dự án</translation>
    </message>
    <message>
        <source>Select a grant to see its tranches.</source>
        <translation>Chọn một khoản hỗ trợ để xem các đợt.</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>dự kiến {date}</translation>
    </message>
    <message>
        <source>{seq}. {description}: {what} · handed over {delivered}</source>
        <translation>{seq}. {description}: {what} · đã trao {delivered}</translation>
    </message>
</context>
<context>
    <name>HandoverCorrectionDialog</name>
    <message>
        <source>Correct the hand-over of receipt {number}</source>
        <translation>Sửa lần trao của phiếu {number}</translation>
    </message>
    <message>
        <source>Save the correction</source>
        <translation>Lưu điều chỉnh</translation>
    </message>
    <message>
        <source>Hand-over of {date}, receipt {number}: {amount} recorded.</source>
        <translation>Lần trao ngày {date}, phiếu {number}: đã ghi {amount}.</translation>
    </message>
    <message>
        <source>For example: 8.000.000 was handed over, not 10</source>
        <translation>Ví dụ: thực trao 8.000.000, không phải 10 triệu</translation>
    </message>
    <message>
        <source>Record it as an adjustment dated today (the quarter is closed)</source>
        <translation>Ghi thành một điều chỉnh ngày hôm nay (quý đã khoá)</translation>
    </message>
    <message>
        <source>The hand-over and its quarter&apos;s report stay as they were; the difference is recorded today, points at this hand-over and shows in this quarter&apos;s report.</source>
        <translation>Lần trao và báo cáo của quý đó giữ nguyên; phần chênh lệch được ghi hôm nay, trỏ về lần trao này và hiện trong báo cáo của quý hiện tại.</translation>
    </message>
    <message>
        <source>Correct amount:</source>
        <translation>Số tiền đúng:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Record a hand-over</source>
        <extracomment>The open grants of the person chosen came back from the worker (how many).</extracomment>
        <translation>Ghi nhận trao hỗ trợ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>{who} · {type} · left {left}</source>
        <translation>{who} · {type} · còn {left}</translation>
    </message>
    <message>
        <source>One per animal, separated by commas</source>
        <translation>Mỗi con một số, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Follow it as an asset (for example a loom)</source>
        <translation>Theo dõi như một tài sản (ví dụ khung dệt)</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Unit value (đồng)</source>
        <translation>Đơn giá (đồng)</translation>
    </message>
    <message>
        <source>Ear tags</source>
        <translation>Số tai</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Reason for going above</source>
        <translation>Lý do vượt mức</translation>
    </message>
    <message>
        <source>Kept with the hand-over and shown in reports.</source>
        <translation>Được lưu cùng lần trao và hiện trong báo cáo.</translation>
    </message>
    <message>
        <source>This person has no grant left to hand over.</source>
        <translation>Người này không còn khoản hỗ trợ nào để trao.</translation>
    </message>
    <message>
        <source>Planned {planned}, handed over {delivered}, left {left}.
Project {project}.</source>
        <translation>Kế hoạch {planned}, đã trao {delivered}, còn {left}.
Dự án {project}.</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Khoản hỗ trợ</translation>
    </message>
    <message>
        <source>Tranche</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <source>Hand-over date</source>
        <translation>Ngày trao</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>fully handed over</source>
        <translation>đã trao đủ</translation>
    </message>
    <message>
        <source>left {left}</source>
        <translation>còn {left}</translation>
    </message>
    <message>
        <source>{seq}. {description} ({state})</source>
        <translation>{seq}. {description} ({state})</translation>
    </message>
    <message>
        <source>Total: {amount} ({words})</source>
        <translation>Thành tiền: {amount} ({words})</translation>
    </message>
    <message>
        <source>Also handed over now</source>
        <translation>Trao cùng lúc</translation>
    </message>
    <message>
        <source>Ticked lines are handed over in full with this one, on one receipt.</source>
        <translation>Những dòng được đánh dấu được trao đủ cùng lần này, chung một phiếu.</translation>
    </message>
    <message>
        <source>{qty} {unit} × {value}</source>
        <translation>{qty} {unit} × {value}</translation>
    </message>
    <message>
        <source>{description} · {what}</source>
        <translation>{description} · {what}</translation>
    </message>
    <message>
        <source>{description} ({type}) · {what}</source>
        <translation>{description} ({type}) · {what}</translation>
    </message>
</context>
<context>
    <name>HandoverTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Người trao</translation>
    </message>
    <message>
        <source>(void)</source>
        <translation>(đã hủy)</translation>
    </message>
    <message>
        <source>Above the plan or budget: {reason}</source>
        <translation>Vượt kế hoạch hoặc ngân sách: {reason}</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Grant Tracker – user guide</source>
        <extracomment>The guide&apos;s page that explains each page of the window (its key).</extracomment>
        <translation>Sổ theo dõi hỗ trợ – hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Quay lại</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>When something goes wrong</source>
        <translation>Khi gặp sự cố</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <extracomment>What an import adds to. The import was committed (``ImportReport``).</extracomment>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <source>Also book the follow-up visits whose day has already passed</source>
        <translation>Đặt lịch cả các chuyến thăm đã qua ngày</translation>
    </message>
    <message>
        <source>Off: a hand-over older than today gets only the visits still ahead (the visits already made go on the Visits sheet).</source>
        <translation>Không chọn: lần trao trước hôm nay chỉ được đặt lịch các chuyến thăm còn ở phía trước (chuyến thăm đã làm ghi ở trang Chuyến thăm).</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Problem and fix</source>
        <translation>Lỗi và cách sửa</translation>
    </message>
    <message>
        <source>Follow-up visits to book: {n} (past ones left out: {past}).</source>
        <translation>Chuyến thăm sẽ đặt lịch: {n} (bỏ qua các chuyến đã qua ngày: {past}).</translation>
    </message>
    <message>
        <source>An .xlsx file made from the template</source>
        <translation>Tệp .xlsx làm theo mẫu</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>Lưu tệp mẫu…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Nothing is saved until «Import»: the check lists every problem first.</source>
        <translation>Chưa lưu gì cho đến khi bấm «Nhập»: bước kiểm tra liệt kê mọi lỗi trước.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>Đã có trong sổ</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Có thể trùng người</translation>
    </message>
    <message>
        <source>Choose the workbook</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>Lưu tệp mẫu nhập dữ liệu</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Imported: {added} records added; nothing was added twice.</source>
        <translation>Đã nhập: {added} bản ghi được thêm; không có gì bị thêm trùng.</translation>
    </message>
    <message>
        <source>{sheet}: {rows} rows, {added} to add, {existing} already there</source>
        <translation>{sheet}: {rows} dòng, thêm {added}, đã có {existing}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Không có lỗi.</translation>
    </message>
    <message>
        <source>{n} problems: fix them in the file and check again.</source>
        <translation>{n} lỗi: sửa trong tệp rồi kiểm tra lại.</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>The same as {code}</source>
        <translation>Chính là {code}</translation>
    </message>
    <message>
        <source>A different person: add</source>
        <translation>Người khác: thêm mới</translation>
    </message>
    <message>
        <source>Skip this row</source>
        <translation>Bỏ qua dòng này</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Lỗi ({n})</translation>
    </message>
    <message>
        <source>Possible duplicates ({n})</source>
        <translation>Có thể trùng người ({n})</translation>
    </message>
</context>
<context>
    <name>KeyChangeProgress</name>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Making a new key for the data, sealed for every other account…</source>
        <translation>Đang tạo khóa mới cho dữ liệu, niêm phong cho từng tài khoản còn lại…</translation>
    </message>
    <message>
        <source>Encrypting the data with the new key…</source>
        <translation>Đang mã hóa dữ liệu bằng khóa mới…</translation>
    </message>
    <message>
        <source>Updating the key files of the backups…</source>
        <translation>Đang cập nhật tệp khóa của các bản sao lưu…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
    <message>
        <source>These accounts had not signed in since this version was installed and need a new password from an administrator: {names}.</source>
        <translation>Các tài khoản sau chưa đăng nhập từ khi cài phiên bản này nên cần quản trị viên đặt mật khẩu mới: {names}.</translation>
    </message>
    <message>
        <source>The recovery key was made by an earlier version and no longer opens the data. Make a new recovery key now (Users page).</source>
        <translation>Mã khôi phục do phiên bản cũ tạo nên không còn mở được dữ liệu. Hãy tạo mã khôi phục mới ngay (trang Người dùng).</translation>
    </message>
</context>
<context>
    <name>LegalBasisBox</name>
    <message>
        <source>Payment vouchers: form code and legal basis</source>
        <translation>Phiếu chi: mẫu số và căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Each voucher prints the line in force on its own date: the latest line whose start date is on or before it. Change it when a new circular replaces the one in force.</source>
        <translation>Mỗi phiếu chi in dòng còn hiệu lực vào ngày của chính phiếu đó: dòng có ngày bắt đầu gần nhất, không sau ngày phiếu. Hãy sửa khi có thông tư mới thay thế thông tư đang áp dụng.</translation>
    </message>
    <message>
        <source>Only an administrator can change the legal basis.</source>
        <translation>Chỉ quản trị viên mới sửa được căn cứ pháp lý.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Form code</source>
        <translation>Mẫu số</translation>
    </message>
    <message>
        <source>Legal basis (under the form code)</source>
        <translation>Căn cứ pháp lý (in dưới mẫu số)</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Save the legal basis</source>
        <translation>Lưu căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Legal basis of payment vouchers saved.</source>
        <translation>Đã lưu căn cứ pháp lý của phiếu chi.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Grant planned for {code}.</source>
        <translation>Đã lập kế hoạch hỗ trợ cho {code}.</translation>
    </message>
    <message>
        <source>Grant Tracker – locked</source>
        <extracomment>Every page, in the order of the navigation (Users and Audit trail: administrators only). The size of the window on the first start when the screen has room for it. The window&apos;s frame built while the password is typed (:func:`prepare`), until :func:`open_window` binds it to the user who signed in. The language of the window was switched (``&quot;vi&quot;`` or ``&quot;en&quot;``). The window was locked (``True``) or unlocked (``False``). A backup was restored; carries where the replaced database file was kept. The signed-in user&apos;s context (set by :meth:`bind`). After a restore: the database is closed and the app asks to sign in again. The context of the pages built while the password was typed (:func:`prepare`), which takes the session at :meth:`bind`. The keys of the pages shown, in the order of the navigation (every page until :meth:`bind` leaves out those of other roles and offices). The pages built so far: a page is built when it is first shown (or asked for), so that the window opens with Today alone.</extracomment>
        <translation>Sổ theo dõi hỗ trợ – đã khóa</translation>
    </message>
    <message>
        <source>Grant Tracker – livelihood support</source>
        <translation>Sổ theo dõi hỗ trợ sinh kế</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>T&amp;hao tác</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Lock the window</source>
        <translation>&amp;Khóa cửa sổ</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>&amp;New beneficiary…</source>
        <translation>Đăng ký &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Find a beneficiary</source>
        <translation>&amp;Tìm người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;Plan a grant…</source>
        <translation>&amp;Lập kế hoạch hỗ trợ…</translation>
    </message>
    <message>
        <source>Record a &amp;hand-over…</source>
        <translation>Ghi nhận tr&amp;ao hỗ trợ…</translation>
    </message>
    <message>
        <source>Record a &amp;visit…</source>
        <translation>Ghi nhận &amp;chuyến thăm…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Tải &amp;lại</translation>
    </message>
    <message>
        <source>Show &amp;names in lists</source>
        <translation>Hiện &amp;họ tên trong danh sách</translation>
    </message>
    <message>
        <source>&amp;About Grant Tracker</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;User guide for this page</source>
        <translation>&amp;Hướng dẫn cho trang này</translation>
    </message>
    <message>
        <source>No office set up</source>
        <translation>Chưa khai báo đơn vị</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Người dùng: {name} ({role})</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Dữ liệu: {location}</translation>
    </message>
    <message>
        <source>Choose the visit in the list, then press Enter.</source>
        <translation>Chọn chuyến thăm trong danh sách rồi bấm Enter.</translation>
    </message>
    <message>
        <source>About Grant Tracker</source>
        <translation>Giới thiệu Sổ theo dõi hỗ trợ</translation>
    </message>
    <message>
        <source>Grant Tracker {version}

Records livelihood support given to people protected by the project, the hand-overs and their follow-up visits. Works offline; the data stays on this computer.</source>
        <translation>Sổ theo dõi hỗ trợ sinh kế {version}

Ghi lại các khoản hỗ trợ sinh kế dành cho người được dự án bảo vệ, các lần trao và các chuyến thăm theo dõi. Chạy không cần mạng; dữ liệu nằm trên máy tính này.</translation>
    </message>
    <message>
        <source>Administrative units: {version}. Licences and sources: the NOTICE file.</source>
        <translation>Danh mục đơn vị hành chính: {version}. Giấy phép và nguồn dữ liệu: tệp NOTICE.</translation>
    </message>
    <message>
        <source>Hand-over recorded, receipt {number}.</source>
        <translation>Đã ghi nhận trao hỗ trợ, phiếu chi số {number}.</translation>
    </message>
    <message>
        <source>Follow-up visits: {dates}.</source>
        <translation>Lịch thăm: {dates}.</translation>
    </message>
    <message>
        <source>Visit recorded for {code}.</source>
        <translation>Đã ghi nhận chuyến thăm {code}.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu của bạn.</translation>
    </message>
    <message>
        <source>The audit trail was altered outside the app since it was last used (for example, its newest events were removed). This is now written in the trail; the Audit trail page gives the details. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation>Nhật ký thao tác đã bị sửa ngoài ứng dụng kể từ lần dùng trước (ví dụ: các thao tác mới nhất bị xóa). Việc này nay đã được ghi vào nhật ký; trang Nhật ký thao tác có chi tiết. Hãy giữ nguyên máy tính này và báo cho người chịu trách nhiệm về dữ liệu.</translation>
    </message>
    <message>
        <source>This database has no working recovery key. Make a new one on the Users page and keep it in the office safe.</source>
        <translation>Cơ sở dữ liệu này không có mã khôi phục dùng được. Hãy tạo mã mới ở trang Người dùng và cất trong két của đơn vị.</translation>
    </message>
    <message>
        <source>Please read</source>
        <translation>Xin đọc kỹ</translation>
    </message>
    <message>
        <source>The data has a new key</source>
        <translation>Dữ liệu đã có khóa mới</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>The backup cannot be restored</source>
        <translation>Không khôi phục được bản sao lưu này</translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation>{error}

Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Đã khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>The backup was restored.

The database file that was in use is kept aside, not deleted:
{aside}

Sign in again to go on.</source>
        <translation>Đã khôi phục bản sao lưu.

Tệp cơ sở dữ liệu đang dùng trước đó được cất riêng, không bị xóa:
{aside}

Hãy đăng nhập lại để tiếp tục.</translation>
    </message>
    <message>
        <source>The restore failed</source>
        <translation>Khôi phục không thành công</translation>
    </message>
    <message>
        <source>{error}

The database was closed for the restore. Sign in again: if the database cannot be opened, the sign-in offers the newest good backup.</source>
        <translation>{error}

Cơ sở dữ liệu đã được đóng để khôi phục. Hãy đăng nhập lại: nếu không mở được cơ sở dữ liệu, màn hình đăng nhập sẽ đề nghị khôi phục bản sao lưu tốt mới nhất.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <source>The office that keeps these records. Choose its province, then type a few letters of its commune, with or without diacritics (for example: lung cu).</source>
        <translation>Đơn vị giữ sổ sách này. Chọn tỉnh, rồi gõ vài chữ của tên xã, có dấu hay không dấu đều được (ví dụ: lung cu).</translation>
    </message>
    <message>
        <source>e.g. Hội LHPN xã Lũng Cú</source>
        <translation>ví dụ: Hội LHPN xã Lũng Cú</translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation>Cấp xã</translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>District office (kept for records before July 2025)</source>
        <translation>Cấp huyện (giữ cho hồ sơ trước tháng 7/2025)</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/Thành phố</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/Phường</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Printed at the top of every paper.</source>
        <translation>In ở đầu mọi giấy tờ.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Former district</source>
        <translation>Huyện (cũ)</translation>
    </message>
</context>
<context>
    <name>PapersPage</name>
    <message>
        <source>Receipts and papers</source>
        <translation>Phiếu và giấy tờ</translation>
    </message>
    <message>
        <source>How receipts are numbered and who signs the papers. The names can be left empty now and added in Settings later.</source>
        <translation>Cách đánh số phiếu và người ký trên giấy tờ. Có thể để trống tên lúc này và bổ sung sau trong Cài đặt.</translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation>Ký hiệu phiếu</translation>
    </message>
    <message>
        <source>Letters that start every receipt number: LC gives LC-2026-00001.</source>
        <translation>Các chữ đứng đầu mọi số phiếu: LC cho số LC-2026-00001.</translation>
    </message>
    <message>
        <source>Voucher book (quyển số)</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <source>The office&apos;s own numbering of its voucher books, e.g. 01/2026.</source>
        <translation>Số quyển phiếu chi do đơn vị tự đánh, ví dụ: 01/2026.</translation>
    </message>
    <message>
        <source>Head of office (thủ trưởng)</source>
        <translation>Thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>Chief accountant (kế toán trưởng)</source>
        <translation>Kế toán trưởng</translation>
    </message>
    <message>
        <source>Cashier (thủ quỹ)</source>
        <translation>Thủ quỹ</translation>
    </message>
</context>
<context>
    <name>PassOnDialog</name>
    <message>
        <source>Pass on to another family</source>
        <translation>Chuyển giao quay vòng cho gia đình khác</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>e.g. head of the village women&apos;s group</source>
        <translation>ví dụ: Chi hội trưởng phụ nữ thôn</translation>
    </message>
    <message>
        <source>What is passed on</source>
        <translation>Vật nuôi/tài sản chuyển giao</translation>
    </message>
    <message>
        <source>Receiving family</source>
        <translation>Gia đình nhận</translation>
    </message>
    <message>
        <source>Chosen by the commune Women&apos;s Union.</source>
        <translation>Do Hội Phụ nữ xã lựa chọn.</translation>
    </message>
    <message>
        <source>Passed on on</source>
        <translation>Ngày chuyển giao</translation>
    </message>
    <message>
        <source>Estimated value (đồng)</source>
        <translation>Giá trị ước tính (đồng)</translation>
    </message>
    <message>
        <source>Not money spent: it is not added to the support.</source>
        <translation>Không phải khoản chi: không cộng vào số tiền hỗ trợ.</translation>
    </message>
    <message>
        <source>Description on the note</source>
        <translation>Mô tả trên biên bản</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Người chứng kiến</translation>
    </message>
    <message>
        <source>Witness&apos;s position</source>
        <translation>Chức vụ người chứng kiến</translation>
    </message>
    <message>
        <source>Condition, notes</source>
        <translation>Tình trạng, ghi chú</translation>
    </message>
    <message>
        <source>From {who}</source>
        <translation>Gia đình giao: {who}</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Preparing the preview…</source>
        <extracomment>The user pressed Print in the preview; carries the printer chosen there. A short message for the status bar. A print job finished; carries the pages printed. A PDF was saved; carries its path. Printing or saving failed or was stopped; carries the message shown.</extracomment>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
        <source>The preview shows the first {shown} of {total} pages; all are printed.</source>
        <translation>Bản xem trước chỉ hiện {shown} trang đầu trong {total} trang; khi in sẽ in đủ tất cả.</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Nothing was printed and nothing is lost: use “Save as PDF…” and print the file on another computer.</source>
        <translation>Máy tính này chưa cài máy in. Chưa in gì và không mất gì: dùng “Lưu PDF…” rồi in tệp trên máy tính khác.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was printed. The PDF can still be saved.</source>
        <translation>Đã thôi in: chưa in gì. Vẫn có thể lưu tệp PDF.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Printing page {done} of {total}…</source>
        <translation>Đang in trang {done}/{total}…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang tới máy in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Đang lưu tệp PDF…</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Không lưu được</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Không in được</translation>
    </message>
</context>
<context>
    <name>PeriodsBox</name>
    <message>
        <source>Closed quarters</source>
        <translation>Khoá sổ theo quý</translation>
    </message>
    <message>
        <source>Close a quarter once its summary has gone to the province and the donor: nothing dated in it can then be added, changed or voided, and its report keeps the figures of the close. Later corrections are dated today and point at the original.</source>
        <translation>Khoá một quý khi báo cáo tổng hợp đã gửi cấp tỉnh và nhà tài trợ: từ đó không thể thêm, sửa hay hủy bản ghi nào có ngày trong quý, và báo cáo của quý giữ nguyên số liệu lúc khoá. Các điều chỉnh về sau ghi ngày hôm nay và trỏ về bản ghi gốc.</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Đã mở khoá lại</translation>
    </message>
    <message>
        <source>Close the quarter</source>
        <translation>Khoá quý</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Mở khoá lại…</translation>
    </message>
    <message>
        <source>Check the figures</source>
        <translation>Kiểm tra số liệu</translation>
    </message>
    <message>
        <source>Closed on {day} by {name}</source>
        <translation>Đã khoá ngày {day}, người khoá: {name}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Chưa kết thúc</translation>
    </message>
    <message>
        <source>{day}, {name}: {reason}</source>
        <translation>{day}, {name}: {reason}</translation>
    </message>
    <message>
        <source>Close quarter {period}</source>
        <translation>Khoá quý {period}</translation>
    </message>
    <message>
        <source>Close quarter {period}? Its figures are kept as they are now, and nothing dated in it can be added, changed or voided until an administrator reopens it with a reason.</source>
        <translation>Khoá quý {period}? Số liệu của quý được giữ như hiện nay, và không thể thêm, sửa hay hủy bản ghi nào có ngày trong quý cho đến khi quản trị viên mở khoá lại (có nêu lý do).</translation>
    </message>
    <message>
        <source>Quarter {period} closed.</source>
        <translation>Đã khoá quý {period}.</translation>
    </message>
    <message>
        <source>Closing the quarter…</source>
        <translation>Đang khoá quý…</translation>
    </message>
    <message>
        <source>Quarter {period} reopened.</source>
        <translation>Đã mở khoá lại quý {period}.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>before 1/7/2025, now {names}</source>
        <extracomment>Qt item role holding the unit of a row of matches.</extracomment>
        <translation>trước 1/7/2025, nay là {names}</translation>
    </message>
    <message>
        <source>before 1/7/2025</source>
        <translation>trước 1/7/2025</translation>
    </message>
    <message>
        <source>— any province —</source>
        <translation>— mọi tỉnh —</translation>
    </message>
    <message>
        <source>Type the former district&apos;s name or code</source>
        <translation>Gõ tên hoặc mã huyện cũ</translation>
    </message>
    <message>
        <source>Type a few letters of the name, e.g. lung cu, or the code</source>
        <translation>Gõ vài chữ của tên (ví dụ: lung cu) hoặc mã</translation>
    </message>
</context>
<context>
    <name>PostgresBackupDialog</name>
    <message>
        <source>Back up the server&apos;s database</source>
        <translation>Sao lưu cơ sở dữ liệu trên máy chủ</translation>
    </message>
    <message>
        <source>Write the backup</source>
        <translation>Ghi bản sao lưu</translation>
    </message>
    <message>
        <source>The whole database on the server is written into {folder}, encrypted (AES-256) with this passphrase as it is written. Without the passphrase the backup cannot be opened, by anyone: keep it apart from the stick.</source>
        <translation>Toàn bộ cơ sở dữ liệu trên máy chủ được ghi vào {folder}, mã hóa (AES-256) bằng cụm mật khẩu này ngay khi ghi. Không có cụm mật khẩu thì không ai mở được bản sao lưu: hãy cất nó riêng, không để cùng USB.</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>Ít nhất {n} ký tự</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Đang ghi bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Opening the profile…</source>
        <extracomment>Photos and scans (empty for a role that may not see them). The panel was closed by the user. A profile finished loading (beneficiary id).</extracomment>
        <translation>Đang mở hồ sơ…</translation>
    </message>
    <message>
        <source>Close the profile</source>
        <extracomment>The kinds of data a profile shows.</extracomment>
        <translation>Đóng hồ sơ</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Plan a grant…</source>
        <translation>Lập kế hoạch hỗ trợ…</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Ghi nhận đồng ý…</translation>
    </message>
    <message>
        <source>Consent to</source>
        <translation>Đồng ý về</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Tài sản</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Số tai</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Pass on…</source>
        <translation>Chuyển giao quay vòng…</translation>
    </message>
    <message>
        <source>Pass a calf (or a loom) on to another family, with its hand-over note</source>
        <translation>Chuyển giao bê con (hoặc khung dệt) cho gia đình khác, kèm biên bản bàn giao</translation>
    </message>
    <message>
        <source>Save the pass-on note as PDF…</source>
        <translation>Lưu biên bản quay vòng (PDF)…</translation>
    </message>
    <message>
        <source>Pass-on</source>
        <translation>Quay vòng</translation>
    </message>
    <message>
        <source>Other family</source>
        <translation>Gia đình kia</translation>
    </message>
    <message>
        <source>Animal or thing</source>
        <translation>Vật nuôi/tài sản</translation>
    </message>
    <message>
        <source>Note no.</source>
        <translation>Số biên bản</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message numerus="yes">
        <source>Consent (%n)</source>
        <translation>
            <numerusform>Đồng ý (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grants (%n)</source>
        <translation>
            <numerusform>Hỗ trợ (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hand-overs (%n)</source>
        <translation>
            <numerusform>Lần trao (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assets (%n)</source>
        <translation>
            <numerusform>Tài sản (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visits (%n)</source>
        <translation>
            <numerusform>Lần thăm (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pass-on (%n)</source>
        <translation>
            <numerusform>Quay vòng (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Photos and scans (%n)</source>
        <translation>
            <numerusform>Ảnh và bản quét (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>alias “{alias}”</source>
        <translation>tên gọi “{alias}”</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày/năm sinh</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>Nơi ở</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Refused or withdrawn</source>
        <translation>Không đồng ý hoặc đã rút lại</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message numerus="yes">
        <source>First calf to pass on: overdue by %n day(s)</source>
        <translation>
            <numerusform>Con đầu chưa chuyển giao: quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>First calf to pass on by {day}</source>
        <translation>Con đầu phải chuyển giao trước ngày {day}</translation>
    </message>
    <message>
        <source>Calf born on {day}; {n} months allowed</source>
        <translation>Con sinh ngày {day}; thời hạn {n} tháng</translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation>Đã chuyển giao cho</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Nhận từ</translation>
    </message>
    <message>
        <source>Grant: {name}</source>
        <translation>Hỗ trợ: {name}</translation>
    </message>
    <message>
        <source>Hand-over: {what}</source>
        <translation>Lần trao: {what}</translation>
    </message>
    <message>
        <source>Visit of {day}</source>
        <translation>Lần thăm ngày {day}</translation>
    </message>
    <message>
        <source>Asset: {what}</source>
        <translation>Tài sản: {what}</translation>
    </message>
    <message>
        <source>Save the pass-on note</source>
        <translation>Lưu biên bản quay vòng</translation>
    </message>
    <message>
        <source>Pass-on note {number}.pdf</source>
        <translation>Biên bản quay vòng {number}.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the pass-on note…</source>
        <translation>Đang ghi biên bản quay vòng…</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit the project</source>
        <translation>Sửa dự án</translation>
    </message>
    <message>
        <source>Add a project</source>
        <translation>Thêm dự án</translation>
    </message>
    <message>
        <source>e.g. SK-2527</source>
        <translation>ví dụ: SK-2527</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>Mã dự án</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Tên dự án</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Nhà tài trợ</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Budget (đồng)</source>
        <translation>Ngân sách (đồng)</translation>
    </message>
    <message>
        <source>The whole amount the donor gives for this project.</source>
        <translation>Toàn bộ số tiền nhà tài trợ cấp cho dự án này.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Nhà tài trợ</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Ngân sách</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Đã dùng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>{name}, {donor}: {start} – {end}</source>
        <translation>{name}, {donor}: {start} – {end}</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <source>Province</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>Import a stick…</source>
        <translation>Nhập từ USB…</translation>
    </message>
    <message>
        <source>Register an office…</source>
        <translation>Đăng ký đơn vị…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>CHẬM</translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation>Chưa đến hạn</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>(replaced {n}×)</source>
        <translation>(thay {n} lần)</translation>
    </message>
    <message>
        <source>{office}, {period}: the bundle made {earlier} was replaced by the one made {later}.</source>
        <translation>{office}, {period}: gói lập lúc {earlier} đã được thay bằng gói lập lúc {later}.</translation>
    </message>
    <message>
        <source>The USB stick or the bundle&apos;s folder</source>
        <translation>Ổ USB hoặc thư mục của gói báo cáo</translation>
    </message>
    <message>
        <source>Checking and taking in the bundles…</source>
        <translation>Đang kiểm tra và nhập các gói báo cáo…</translation>
    </message>
    <message>
        <source>taken in</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>already there, nothing changed</source>
        <translation>đã có từ trước, không thay đổi gì</translation>
    </message>
    <message>
        <source>taken in, replaces the earlier bundle</source>
        <translation>đã nhập, thay cho gói trước</translation>
    </message>
</context>
<context>
    <name>ReceiptBatchDialog</name>
    <message>
        <source>Print in one go</source>
        <translation>In theo lô</translation>
    </message>
    <message>
        <source>The signature list of a group payment for a month</source>
        <translation>Danh sách ký nhận của khoản chi cho nhiều người trong một tháng</translation>
    </message>
    <message>
        <source>1 copy</source>
        <translation>1 liên</translation>
    </message>
    <message>
        <source>2 copies (Liên 1, Liên 2)</source>
        <translation>2 liên (Liên 1, Liên 2)</translation>
    </message>
    <message>
        <source>Make the PDF…</source>
        <translation>Tạo tệp PDF…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Support type:</source>
        <translation>Loại hỗ trợ:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Tháng:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Copies of each receipt:</source>
        <translation>Số liên mỗi phiếu:</translation>
    </message>
    <message>
        <source>Language of the papers:</source>
        <translation>Ngôn ngữ trên giấy in:</translation>
    </message>
    <message>
        <source>Reading the hand-overs…</source>
        <translation>Đang đọc các lần trao hỗ trợ…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Paper {done} of {total}…</source>
        <translation>Đang tạo {done}/{total}…</translation>
    </message>
    <message>
        <source>Saved {pages} page(s) to {path}. You can print it now or later.</source>
        <translation>Đã lưu {pages} trang vào {path}. Có thể in ngay hoặc in sau.</translation>
    </message>
    <message>
        <source>Reading the PDF…</source>
        <translation>Đang đọc tệp PDF…</translation>
    </message>
    <message>
        <source>The papers of every hand-over of a day</source>
        <translation>Giấy tờ của mọi lần trao trong một ngày</translation>
    </message>
    <message>
        <source>Printed. To print these papers again, make the PDF again: each receipt is then counted and marked as a copy.</source>
        <translation>Đã in. Muốn in lại các giấy này, hãy tạo lại tệp PDF: khi đó mỗi phiếu được đếm và đóng dấu bản sao.</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Receipt no.</source>
        <extracomment>Only receipts whose signed copy is on file (True), or missing (False).</extracomment>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) printed</source>
        <translation>
            <numerusform>Đã in lại %n bản sao</numerusform>
        </translation>
    </message>
    <message>
        <source>replaces {number}</source>
        <translation>thay phiếu {number}</translation>
    </message>
    <message>
        <source>signed copy on file</source>
        <translation>đã lưu bản có chữ ký</translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation>Đã hủy: {reason}</translation>
    </message>
    <message>
        <source>Names are hidden. Tick “Show names” to see them.</source>
        <translation>Họ tên đang được ẩn. Đánh dấu “Hiện họ tên” để xem.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy in</translation>
    </message>
    <message>
        <source>Payment voucher</source>
        <translation>Phiếu chi</translation>
    </message>
    <message>
        <source>Hand-over note</source>
        <translation>Biên bản bàn giao</translation>
    </message>
    <message>
        <source>Voucher and hand-over note</source>
        <translation>Phiếu chi và biên bản bàn giao</translation>
    </message>
    <message>
        <source>not printed yet</source>
        <translation>chưa in</translation>
    </message>
</context>
<context>
    <name>ReceiptVoidDialog</name>
    <message>
        <source>Void receipt {number}</source>
        <translation>Hủy phiếu {number}</translation>
    </message>
    <message>
        <source>Void the receipt</source>
        <translation>Hủy phiếu</translation>
    </message>
    <message>
        <source>Close without voiding</source>
        <translation>Đóng, không hủy phiếu</translation>
    </message>
    <message>
        <source>Receipt {number} of {date}: {person}, {amount}.</source>
        <translation>Phiếu {number} ngày {date}: {person}, {amount}.</translation>
    </message>
    <message>
        <source>A voided receipt is kept, struck through and marked “ĐÃ HỦY” with the reason; its number is never used again. The hand-over itself stays recorded.</source>
        <translation>Phiếu đã hủy vẫn được lưu, bị gạch chéo và đóng dấu “ĐÃ HỦY” kèm lý do; số phiếu không bao giờ được dùng lại. Lần trao hỗ trợ vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>For example: the name was misspelt</source>
        <translation>Ví dụ: viết sai tên người nhận</translation>
    </message>
    <message>
        <source>Issue a replacement receipt with a new number</source>
        <translation>Cấp phiếu thay thế với số mới</translation>
    </message>
    <message>
        <source>For a receipt printed wrongly: the same hand-over gets the next number, and the new receipt says which number it replaces.</source>
        <translation>Dùng khi phiếu in sai: lần trao hỗ trợ này được cấp số tiếp theo, phiếu mới ghi rõ thay thế phiếu số nào.</translation>
    </message>
    <message>
        <source>Reason for voiding:</source>
        <translation>Lý do hủy:</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Receipts</source>
        <translation>Phiếu chi</translation>
    </message>
    <message>
        <source>Search by receipt number, code, alias or name, with or without diacritics</source>
        <translation>Tìm theo số phiếu, mã, bí danh hoặc họ tên, có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <source>Show names</source>
        <translation>Hiện họ tên</translation>
    </message>
    <message>
        <source>Names are hidden in lists so that nobody reads them over your shoulder.</source>
        <translation>Họ tên được ẩn trong danh sách để người bên cạnh không đọc được.</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Giấy in:</translation>
    </message>
    <message>
        <source>Payment voucher (phiếu chi)</source>
        <translation>Phiếu chi</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Signed copy: any</source>
        <translation>Bản có chữ ký: tất cả</translation>
    </message>
    <message>
        <source>No signed copy on file</source>
        <translation>Chưa lưu bản có chữ ký</translation>
    </message>
    <message>
        <source>Signed copy on file</source>
        <translation>Đã lưu bản có chữ ký</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Số liên:</translation>
    </message>
    <message>
        <source>1 copy</source>
        <translation>1 liên</translation>
    </message>
    <message>
        <source>2 copies (Liên 1, Liên 2)</source>
        <translation>2 liên (Liên 1, Liên 2)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Show the receipt as it will be printed (Enter)</source>
        <translation>Xem phiếu đúng như khi in ra (Enter)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Hủy phiếu…</translation>
    </message>
    <message>
        <source>Correct the amount…</source>
        <translation>Sửa số tiền…</translation>
    </message>
    <message>
        <source>In an open quarter the hand-over is changed; in a closed one the correction is an adjustment dated today that points at it</source>
        <translation>Trong quý đang mở, lần trao được sửa trực tiếp; trong quý đã khoá, việc sửa là một điều chỉnh ngày hôm nay trỏ về lần trao đó</translation>
    </message>
    <message>
        <source>Attach the signed copy…</source>
        <translation>Đính kèm bản có chữ ký…</translation>
    </message>
    <message>
        <source>A photo or scan of the receipt as signed or thumbprinted; it is kept encrypted in the database</source>
        <translation>Ảnh chụp hoặc bản quét phiếu đã ký hoặc điểm chỉ; được lưu mã hóa trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Print in one go…</source>
        <translation>In theo lô…</translation>
    </message>
    <message>
        <source>All receipts of a day, or the signature list of a month&apos;s allowance</source>
        <translation>Mọi phiếu chi của một ngày, hoặc danh sách ký nhận trợ cấp của một tháng</translation>
    </message>
    <message>
        <source>{shown} of {total} receipts shown</source>
        <translation>Đang hiện {shown}/{total} phiếu chi</translation>
    </message>
    <message>
        <source>Making the receipt…</source>
        <translation>Đang tạo phiếu…</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Phiếu {number}</translation>
    </message>
    <message>
        <source>The hand-over of receipt {number} was corrected by an adjustment of {change} dated {day}: it now counts {value}. The adjustment shows in this quarter&apos;s report.</source>
        <translation>Lần trao của phiếu {number} đã được điều chỉnh {change} ngày {day}: nay tính là {value}. Điều chỉnh hiện trong báo cáo của quý này.</translation>
    </message>
    <message>
        <source>The hand-over of receipt {number} was corrected.</source>
        <translation>Đã sửa lần trao của phiếu {number}.</translation>
    </message>
    <message>
        <source>Receipt {old} was voided. The hand-over now has the new receipt {new}: it is selected below, ready to print.</source>
        <translation>Đã hủy phiếu {old}. Lần trao hỗ trợ này nay có phiếu mới số {new}: phiếu đã được chọn trong danh sách bên dưới, sẵn sàng để in.</translation>
    </message>
    <message>
        <source>Receipt {old} was voided; no replacement was issued.</source>
        <translation>Đã hủy phiếu {old}; không cấp phiếu thay thế.</translation>
    </message>
    <message>
        <source>Receipt {old} voided.</source>
        <translation>Đã hủy phiếu {old}.</translation>
    </message>
    <message>
        <source>Receipt {old} voided; new receipt {new}.</source>
        <translation>Đã hủy phiếu {old}; phiếu mới {new}.</translation>
    </message>
    <message>
        <source>The signed copy of receipt {number}</source>
        <translation>Bản có chữ ký của phiếu {number}</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Ảnh và bản quét (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Signed copy of receipt {number} kept.</source>
        <translation>Đã lưu bản có chữ ký của phiếu {number}.</translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation>Đang thêm tệp…</translation>
    </message>
    <message>
        <source>The person signs or puts a thumbprint on it; the office keeps a copy.</source>
        <translation>Người nhận ký hoặc điểm chỉ vào phiếu; đơn vị giữ một liên.</translation>
    </message>
    <message>
        <source>Preview and print</source>
        <translation>Xem trước và in</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Do not ask again (print from the Receipts page)</source>
        <translation>Không hỏi lại (in từ trang Phiếu chi)</translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) shown</source>
        <translation>
            <numerusform>Đang hiện %n phiếu chi</numerusform>
        </translation>
    </message>
    <message>
        <source>A PDF counts as a print, like one on paper</source>
        <translation>Lưu PDF cũng tính là một lần in, như in ra giấy</translation>
    </message>
    <message>
        <source>Both: voucher for the money, note for the goods</source>
        <translation>Cả hai: phiếu chi cho tiền, biên bản cho hàng hóa</translation>
    </message>
    <message>
        <source>Payment voucher only (the money)</source>
        <translation>Chỉ phiếu chi (phần tiền)</translation>
    </message>
    <message>
        <source>Hand-over note only (the goods)</source>
        <translation>Chỉ biên bản bàn giao (phần hàng hóa)</translation>
    </message>
    <message>
        <source>Hand-over note (biên bản bàn giao)</source>
        <translation>Biên bản bàn giao</translation>
    </message>
    <message>
        <source>Receipt {number} printed as copy {count} (marked “BẢN SAO”, logged).</source>
        <translation>Phiếu {number} đã in bản sao lần {count} (có dấu “BẢN SAO”, đã ghi nhật ký).</translation>
    </message>
    <message>
        <source>Receipt {number}: the original printed (logged).</source>
        <translation>Phiếu {number}: đã in bản gốc (đã ghi nhật ký).</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Print the papers of the hand-over</source>
        <translation>In giấy tờ của lần trao</translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the payment voucher (phiếu chi) now?</source>
        <translation>Đã ghi lần trao với phiếu số {number}. In phiếu chi ngay bây giờ?</translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the hand-over note (biên bản bàn giao) for the goods now?</source>
        <translation>Đã ghi lần trao với phiếu số {number}. In biên bản bàn giao hàng hóa ngay bây giờ?</translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the payment voucher for the money and the hand-over note for the goods now?</source>
        <translation>Đã ghi lần trao với phiếu số {number}. In phiếu chi cho phần tiền và biên bản bàn giao cho phần hàng hóa ngay bây giờ?</translation>
    </message>
    <message>
        <source>Every hand-over gets the next receipt number of the year when it is recorded. Money is printed on a payment voucher, goods on a hand-over note. The first print is the original; every later print is a copy marked “BẢN SAO”.</source>
        <translation>Mỗi lần trao được cấp số phiếu tiếp theo của năm ngay khi ghi. Tiền in trên phiếu chi, hàng hóa in trên biên bản bàn giao. Lần in đầu là bản gốc; mọi lần in sau là bản sao có dấu “BẢN SAO”.</translation>
    </message>
    <message>
        <source>The first print is the original; every later print is a counted copy</source>
        <translation>Lần in đầu là bản gốc; mọi lần in sau là bản sao được đánh số</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Dùng mã khôi phục</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Đặt mật khẩu mới</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>This key opens the data if every administrator forgets their password. It is shown only now. Print it or write it down, and keep it in the office safe, away from this computer.</source>
        <translation>Mã này mở được dữ liệu khi mọi người quản trị đều quên mật khẩu. Mã chỉ hiện một lần này. Hãy in hoặc chép lại, và cất trong tủ két của đơn vị, xa máy tính này.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>Tôi đã in hoặc chép lại mã khôi phục</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>The printer could not start.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <source>Grant Tracker recovery key - keep in the office safe</source>
        <translation>Mã khôi phục Sổ theo dõi hỗ trợ – cất trong tủ két của đơn vị</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>This key opens the data if every administrator forgets their password. It is shown only now.</source>
        <translation>Mã này mở được dữ liệu khi mọi quản trị viên đều quên mật khẩu. Mã chỉ hiện một lần này.</translation>
    </message>
    <message>
        <source>Print the recovery key…</source>
        <translation>In mã khôi phục…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>Tôi đã in hoặc chép lại mã khôi phục</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>The printer could not start.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register an office</source>
        <translation>Đăng ký đơn vị</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Key fingerprint (from its setup paper)</source>
        <translation>Dấu vân tay khóa (trên giấy khai báo của đơn vị)</translation>
    </message>
</context>
<context>
    <name>ReopenPeriodDialog</name>
    <message>
        <source>Reopen quarter {period}</source>
        <translation>Mở khoá lại quý {period}</translation>
    </message>
    <message>
        <source>Reopen the quarter</source>
        <translation>Mở khoá lại quý</translation>
    </message>
    <message>
        <source>Records dated in the quarter can be added, changed and voided again until it is closed once more. The reopening, with who did it and why, is printed on every report of the quarter made from now on.</source>
        <translation>Các bản ghi có ngày trong quý lại được thêm, sửa và hủy cho đến khi quý được khoá lần nữa. Việc mở khoá lại, ai làm và lý do, được in trên mọi báo cáo của quý lập từ nay.</translation>
    </message>
    <message>
        <source>For example: the province asked for the August figures to be corrected</source>
        <translation>Ví dụ: tỉnh yêu cầu sửa số liệu tháng 8</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <extracomment>A summary was shown (``Summary``).</extracomment>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Summary report</source>
        <translation>Báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Dành cho:</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>First 6 months</source>
        <translation>6 tháng đầu năm</translation>
    </message>
    <message>
        <source>First 9 months</source>
        <translation>9 tháng đầu năm</translation>
    </message>
    <message>
        <source>Dates from – to</source>
        <translation>Từ ngày – đến ngày</translation>
    </message>
    <message>
        <source>The office (all figures)</source>
        <translation>Nội bộ đơn vị (đầy đủ số liệu)</translation>
    </message>
    <message>
        <source>The donor (small counts hidden)</source>
        <translation>Nhà tài trợ (ẩn số nhỏ)</translation>
    </message>
    <message>
        <source>The province (small counts hidden)</source>
        <translation>Cấp tỉnh (ẩn số nhỏ)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <source>Write the report to a USB stick or a folder: PDF, Excel and CSV files</source>
        <translation>Ghi báo cáo ra USB hoặc một thư mục: tệp PDF, Excel và CSV</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Support handed over by type (million dong)</source>
        <translation>Giá trị hỗ trợ đã trao theo loại (triệu đồng)</translation>
    </message>
    <message>
        <source>In the period</source>
        <translation>Trong kỳ</translation>
    </message>
    <message>
        <source>To the end of the period</source>
        <translation>Lũy kế đến cuối kỳ</translation>
    </message>
    <message>
        <source>Nothing was handed over up to the end of this period.</source>
        <translation>Chưa trao hỗ trợ nào tính đến cuối kỳ này.</translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation>Đang tổng hợp số liệu…</translation>
    </message>
    <message>
        <source>{period}: {start} – {end}</source>
        <translation>{period}: {start} – {end}</translation>
    </message>
    <message>
        <source>People supported: {new} new and {continuing} continuing in the period, {cumulative} in all.</source>
        <translation>Người được hỗ trợ: {new} mới và {continuing} tiếp tục trong kỳ, lũy kế {cumulative} người.</translation>
    </message>
    <message>
        <source>This version hides counts from 1 to 4 («&lt;5»), and other cells («x») that would give them back from a total, and leaves out people who withdrew their consent.</source>
        <translation>Bản này ẩn các số đếm từ 1 đến 4 («&lt;5») và các ô khác («x») mà từ số tổng có thể suy ra chúng, và không tính những người đã rút lại sự đồng ý.</translation>
    </message>
    <message>
        <source>Projects today</source>
        <translation>Dự án hiện nay</translation>
    </message>
    <message>
        <source>No project yet.</source>
        <translation>Chưa có dự án nào.</translation>
    </message>
    <message>
        <source>All projects: budget {budget}, planned {planned}, spent {spent}, left {left}.</source>
        <translation>Tất cả dự án: ngân sách {budget}, kế hoạch {planned}, đã chi {spent}, còn lại {left}.</translation>
    </message>
    <message>
        <source>Every project as it stands today, whatever the period picked.</source>
        <translation>Các dự án tính đến hôm nay, không phụ thuộc kỳ báo cáo đã chọn.</translation>
    </message>
    <message>
        <source>By former districts</source>
        <translation>Theo huyện cũ</translation>
    </message>
    <message>
        <source>Group places by the districts that existed until 30 June 2025 (for periods that ended before 1 July 2025); otherwise by the communes in force on the period&apos;s last day.</source>
        <translation>Tổng hợp theo các huyện còn tồn tại đến ngày 30/6/2025 (cho kỳ báo cáo kết thúc trước ngày 01/7/2025); nếu không thì theo xã/phường có hiệu lực vào ngày cuối kỳ.</translation>
    </message>
    <message>
        <source>Handed over in the period: {cash} in cash, {in_kind} in kind.</source>
        <translation>Đã trao trong kỳ: {cash} tiền mặt, {in_kind} hiện vật.</translation>
    </message>
    <message>
        <source>Visits scheduled in the period: {scheduled} = {done} done + {missed} with no one met + {overdue} overdue + {not_yet_due} not yet due + {cancelled} cancelled.</source>
        <translation>Lượt thăm hẹn trong kỳ: {scheduled} = {done} đã thăm + {missed} không gặp được + {overdue} quá hạn + {not_yet_due} chưa đến hạn + {cancelled} đã hủy.</translation>
    </message>
    <message>
        <source>Provisional figures: the period has not ended (figures up to {day}).</source>
        <translation>Số liệu tạm tính: kỳ báo cáo chưa kết thúc (số liệu đến ngày {day}).</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({size})?
File: {file}</source>
        <translation>Khôi phục bản sao lưu lúc {when} ({size})?
Tệp: {file}</translation>
    </message>
    <message>
        <source>Everything recorded after {when} will no longer be in the database: beneficiaries, grants, hand-overs, receipts and visits entered since then must be entered again.

The database in use now is not deleted: it is kept aside in {folder}, under its name with “.replaced-” and today&apos;s date added.

The window closes during the restore; then everyone signs in again.</source>
        <translation>Mọi thứ ghi sau {when} sẽ không còn trong cơ sở dữ liệu: người hưởng hỗ trợ, khoản hỗ trợ, lần trao, phiếu chi và chuyến thăm nhập từ lúc đó phải nhập lại.

Cơ sở dữ liệu đang dùng không bị xóa: nó được cất riêng trong {folder}, với tên cũ thêm “.replaced-” và ngày hôm nay.

Cửa sổ sẽ đóng trong lúc khôi phục; sau đó mọi người đăng nhập lại.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change the role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <source>The role of {who} decides what they may do. A change applies from their next sign-in.</source>
        <translation>Vai trò của {who} quyết định người đó được làm những gì. Thay đổi có hiệu lực từ lần đăng nhập tiếp theo của họ.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Enable an account</source>
        <translation>Mở lại tài khoản</translation>
    </message>
    <message>
        <source>Enable the account</source>
        <translation>Mở lại tài khoản</translation>
    </message>
    <message>
        <source>{who} will be able to sign in again with this new password.</source>
        <translation>{who} sẽ đăng nhập lại được bằng mật khẩu mới này.</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Đặt mật khẩu mới</translation>
    </message>
    <message>
        <source>A new password for {who}. Their old password stops working at once, also for the backups on this computer: the data gets a new key. A lockout after wrong tries is lifted.</source>
        <translation>Mật khẩu mới cho {who}. Mật khẩu cũ hết hiệu lực ngay, cả với các bản sao lưu trên máy tính này: dữ liệu được đổi khóa mới. Lệnh tạm khóa do nhập sai nhiều lần được gỡ.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>The user chose another language (``&quot;vi&quot;`` or ``&quot;en&quot;``). The idle time before the screen locks was changed (minutes). &quot;Change my password…&quot; was pressed. An administrator chose a backup to restore (``Path``, ``BackupInfo`` or None). A backup was written (``BackupInfo``).</extracomment>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Office level</source>
        <translation>Cấp đơn vị</translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation>Ký hiệu phiếu</translation>
    </message>
    <message>
        <source>Voucher book (quyển số)</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/Thành phố</translation>
    </message>
    <message>
        <source>Former district</source>
        <translation>Huyện (cũ)</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/Phường</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>Thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>Chief accountant</source>
        <translation>Kế toán trưởng</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Thủ quỹ</translation>
    </message>
    <message>
        <source>Province office</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>District office</source>
        <translation>Cấp huyện</translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation>Cấp xã</translation>
    </message>
    <message>
        <source>Save office details</source>
        <translation>Lưu thông tin đơn vị</translation>
    </message>
    <message>
        <source>Only an administrator can change these details.</source>
        <translation>Chỉ người quản trị mới sửa được các thông tin này.</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>Nhà tài trợ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Ngân sách</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Add project…</source>
        <translation>Thêm dự án…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Only an administrator can add or change projects.</source>
        <translation>Chỉ quản trị viên mới thêm hoặc sửa được dự án.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>Screen lock and password</source>
        <translation>Khóa màn hình và mật khẩu</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>Khóa cửa sổ sau</translation>
    </message>
    <message>
        <source>minutes without use</source>
        <translation>phút không dùng</translation>
    </message>
    <message>
        <source>The window hides everything and asks for your password again. Lock it at once with Ctrl+L when you leave the computer.</source>
        <translation>Cửa sổ sẽ ẩn mọi thứ và hỏi lại mật khẩu. Khi rời máy tính, hãy bấm Ctrl+L để khóa ngay.</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Đổi mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>A backup is made when the app closes and once a day; the last 30 are kept in {folder}. Backups are encrypted like the database.</source>
        <translation>Phần mềm tự sao lưu khi đóng và mỗi ngày một lần; 30 bản mới nhất được giữ trong {folder}. Bản sao lưu được mã hóa như cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Back up to a USB stick or folder…</source>
        <translation>Sao lưu vào USB hoặc thư mục…</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>Only an administrator can restore a backup.</source>
        <translation>Chỉ quản trị viên mới khôi phục được bản sao lưu.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Đang đăng nhập</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Office details saved.</source>
        <translation>Đã lưu thông tin đơn vị.</translation>
    </message>
    <message>
        <source>{name} (closed)</source>
        <translation>{name} (đã kết thúc)</translation>
    </message>
    <message>
        <source>Project {code} saved.</source>
        <translation>Đã lưu dự án {code}.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Đang ghi bản sao lưu…</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder for the backup</source>
        <translation>Chọn USB hoặc thư mục để lưu bản sao lưu</translation>
    </message>
    <message>
        <source>The backup was written to {folder}:

{file}

It is encrypted: it opens only with the passphrase. Keep the passphrase apart from the stick, and the stick in a safe place.</source>
        <translation>Đã ghi bản sao lưu vào {folder}:

{file}

Bản sao lưu đã được mã hóa: chỉ mở được bằng cụm mật khẩu. Hãy cất cụm mật khẩu riêng, không để cùng USB, và cất USB ở nơi an toàn.</translation>
    </message>
    <message>
        <source>Backup made: {file}</source>
        <translation>Đã sao lưu: {file}</translation>
    </message>
    <message>
        <source>The backup was written to {folder}:

{file}
{keys}

It is encrypted: it opens only with the password of an account of this office or with the recovery key. Keep both files together, and the USB stick in a safe place.</source>
        <translation>Đã ghi bản sao lưu vào {folder}:

{file}
{keys}

Bản sao lưu được mã hóa: chỉ mở được bằng mật khẩu của một tài khoản của đơn vị này hoặc bằng mã khôi phục. Hãy giữ hai tệp cùng nhau, và cất USB ở nơi an toàn.</translation>
    </message>
    <message>
        <source>Backup written to {folder}</source>
        <translation>Đã ghi bản sao lưu vào {folder}</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server. &quot;Back up to a USB stick or folder&quot; writes all of it there (pg_dump), encrypted with a passphrase you choose; PostgreSQL&apos;s command line tools must be installed on this computer. A restore is made on the server by its owner (tracker backup restore).</source>
        <translation>Cơ sở dữ liệu này ở trên máy chủ PostgreSQL. «Sao lưu vào USB hoặc thư mục» ghi toàn bộ dữ liệu vào đó (pg_dump), mã hóa bằng cụm mật khẩu bạn chọn; máy tính này cần cài công cụ dòng lệnh của PostgreSQL. Việc khôi phục do người quản lý máy chủ làm trên máy chủ (tracker backup restore).</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Đã ghi bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>Chọn bản sao lưu cần khôi phục</translation>
    </message>
    <message>
        <source>Grant Tracker backups (*{suffix});;All files (*)</source>
        <translation>Bản sao lưu của Sổ theo dõi hỗ trợ (*{suffix});;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Printed as “Quyển số” on every payment voucher. {year} stands for the voucher&apos;s year (one book a year); left empty, the book is the year.</source>
        <translation>In ở mục “Quyển số” trên mọi phiếu chi. {year} là năm của phiếu (mỗi năm một quyển); để trống thì quyển số là năm.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Print it (or write it down) and keep the paper in the office safe, away from this computer. Do not photograph it or keep it in a file: anyone holding it can open every record.</source>
        <translation>Hãy in ra (hoặc chép lại) và cất tờ giấy trong két sắt của đơn vị, tách xa máy tính này. Không chụp ảnh, không lưu mã vào tệp: ai giữ mã này cũng mở được mọi hồ sơ.</translation>
    </message>
    <message>
        <source>Fingerprint of this office&apos;s signing key (the province registers it to take in your reports): {fingerprint}</source>
        <translation>Dấu vân tay khóa ký của đơn vị (cấp tỉnh đăng ký dấu này để nhận báo cáo của đơn vị): {fingerprint}</translation>
    </message>
    <message>
        <source>GRANT TRACKER RECOVERY KEY</source>
        <translation>MÃ KHÔI PHỤC – SỔ THEO DÕI HỖ TRỢ SINH KẾ</translation>
    </message>
    <message>
        <source>Made on {day}.</source>
        <translation>Lập ngày {day}.</translation>
    </message>
    <message>
        <source>To use it: at the sign-in, press “Forgot the password? Use the recovery key…”, or run: tracker recover USER.</source>
        <translation>Cách dùng: ở màn hình đăng nhập, bấm “Quên mật khẩu? Dùng mã khôi phục…”, hoặc chạy lệnh: tracker recover TÊN_ĐĂNG_NHẬP.</translation>
    </message>
    <message>
        <source>Set up Grant Tracker</source>
        <translation>Thiết lập Sổ theo dõi hỗ trợ</translation>
    </message>
    <message>
        <source>Create the database</source>
        <translation>Tạo cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Restore the newest good backup? The damaged file is kept aside, not deleted.</source>
        <translation>Khôi phục bản sao lưu tốt mới nhất? Tệp bị hỏng được giữ lại, không bị xóa.</translation>
    </message>
    <message>
        <source>Only an administrator, or the recovery key, can restore the newest good backup. The damaged file is kept aside, not deleted.</source>
        <translation>Chỉ quản trị viên, hoặc mã khôi phục, mới khôi phục được bản sao lưu tốt mới nhất. Tệp bị hỏng được giữ lại, không bị xóa.</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>Khôi phục bản sao lưu tốt mới nhất</translation>
    </message>
    <message>
        <source>Use the recovery key…</source>
        <translation>Dùng mã khôi phục…</translation>
    </message>
    <message>
        <source>Use the recovery key</source>
        <translation>Dùng mã khôi phục</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>Sign in - Grant Tracker</source>
        <translation>Đăng nhập – Sổ theo dõi hỗ trợ</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Cơ sở dữ liệu: {path}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Forgot the password? Use the recovery key…</source>
        <translation>Quên mật khẩu? Dùng mã khôi phục…</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>The backup of {when} was restored. Sign in again.</source>
        <translation>Đã khôi phục bản sao lưu lúc {when}. Hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <extracomment>The user asked to see a whole list on another page (page key). The first calves still to be passed on (shown when there are any).</extracomment>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hôm nay, {date}</translation>
    </message>
    <message>
        <source>New beneficiary</source>
        <translation>Đăng ký mới</translation>
    </message>
    <message>
        <source>Plan a grant</source>
        <translation>Lập kế hoạch hỗ trợ</translation>
    </message>
    <message>
        <source>Record a hand-over</source>
        <translation>Ghi nhận trao hỗ trợ</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>Tất cả chuyến thăm</translation>
    </message>
    <message numerus="yes">
        <source>Overdue visits (%n)</source>
        <translation>
            <numerusform>Chuyến thăm quá hạn (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visits due in the next 7 days (%n)</source>
        <translation>
            <numerusform>Cần thăm trong 7 ngày tới (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest hand-overs</source>
        <translation>Lần trao gần đây</translation>
    </message>
    <message>
        <source>Project budgets</source>
        <translation>Ngân sách dự án</translation>
    </message>
    <message>
        <source>No project yet. An administrator adds projects.</source>
        <translation>Chưa có dự án nào. Người quản trị sẽ thêm dự án.</translation>
    </message>
    <message numerus="yes">
        <source>{who} (late by %n day(s))</source>
        <translation>
            <numerusform>{who} (quá hạn %n ngày)</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} (by {day})</source>
        <translation>{who} (trước {day})</translation>
    </message>
    <message numerus="yes">
        <source>First calves still to pass on: %n</source>
        <translation>
            <numerusform>Con đầu chưa chuyển giao quay vòng: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue: %n</source>
        <translation>
            <numerusform>quá hạn: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading today&apos;s work…</source>
        <translation>Đang tải việc hôm nay…</translation>
    </message>
</context>
<context>
    <name>TripResultsDialog</name>
    <message>
        <source>Results of a trip</source>
        <translation>Kết quả chuyến đi thăm</translation>
    </message>
    <message>
        <source>Book the next try a week on for those not met</source>
        <translation>Hẹn thăm lại sau một tuần cho những người không gặp</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Lưu kết quả</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Day of the visits:</source>
        <translation>Ngày đi thăm:</translation>
    </message>
    <message>
        <source>Tab or Enter: next field · type the first letter or the number to choose · Ctrl+S: save. Rows left at “—” are not recorded.</source>
        <translation>Tab hoặc Enter: sang ô tiếp theo · gõ chữ cái đầu hoặc con số để chọn · Ctrl+S: lưu. Dòng để “—” sẽ không được ghi.</translation>
    </message>
    <message>
        <source>Reading the visits…</source>
        <translation>Đang đọc các chuyến thăm…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Support, due</source>
        <translation>Hỗ trợ, hẹn thăm</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Why not met</source>
        <translation>Lý do không gặp</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Thu nhập</translation>
    </message>
    <message>
        <source>Animals, looms, school</source>
        <translation>Vật nuôi, khung dệt, đi học</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần quan tâm thêm</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>(no village recorded)</source>
        <translation>(chưa ghi thôn/bản)</translation>
    </message>
    <message>
        <source>No visit is left to make there in those days.</source>
        <translation>Không còn chuyến thăm nào phải đi ở đó trong những ngày này.</translation>
    </message>
    <message>
        <source>1 Met, livelihood running</source>
        <translation>1 Gặp, sinh kế duy trì</translation>
    </message>
    <message>
        <source>2 Met, livelihood stopped</source>
        <translation>2 Gặp, sinh kế đã dừng</translation>
    </message>
    <message>
        <source>3 Not met</source>
        <translation>3 Không gặp</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>(không hỏi)</translation>
    </message>
    <message>
        <source>Young born</source>
        <translation>Số con mới sinh</translation>
    </message>
    <message>
        <source>In school?</source>
        <translation>Còn đi học?</translation>
    </message>
    <message>
        <source>Yes, in school</source>
        <translation>Có, còn đi học</translation>
    </message>
    <message>
        <source>No, left school</source>
        <translation>Không, đã nghỉ học</translation>
    </message>
    <message>
        <source>{entered} of {total} to save, {saved} saved.</source>
        <translation>{entered} trên {total} cần lưu, đã lưu {saved}.</translation>
    </message>
    <message>
        <source>Nothing to save: choose an outcome on a row.</source>
        <translation>Chưa có gì để lưu: hãy chọn kết quả ở một dòng.</translation>
    </message>
    <message>
        <source>Recording the visits…</source>
        <translation>Đang ghi các chuyến thăm…</translation>
    </message>
    <message>
        <source>✓ recorded</source>
        <translation>✓ đã ghi</translation>
    </message>
    <message>
        <source>Some rows were not recorded: see the message under each.</source>
        <translation>Có dòng chưa được ghi: xem thông báo dưới từng dòng.</translation>
    </message>
    <message>
        <source>Tell the project lead today about: {codes}.</source>
        <translation>Báo ngay hôm nay cho cán bộ phụ trách dự án về: {codes}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) typed in are not saved. Close without saving them?</source>
        <translation>
            <numerusform>Có %n dòng đã nhập mà chưa lưu. Đóng mà không lưu?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TripSheetDialog</name>
    <message>
        <source>Trip sheet</source>
        <translation>Phiếu đi thăm</translation>
    </message>
    <message>
        <source>Full names on the sheet</source>
        <translation>In họ tên đầy đủ trên phiếu</translation>
    </message>
    <message>
        <source>Without it the sheet shows codes and aliases only. Logged.</source>
        <translation>Nếu không chọn, phiếu chỉ có mã và tên gọi. Việc in họ tên được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <source>Enter the results…</source>
        <translation>Nhập kết quả…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Xã/Phường:</translation>
    </message>
    <message>
        <source>Villages (none ticked: all):</source>
        <translation>Thôn/bản (không đánh dấu: tất cả):</translation>
    </message>
    <message>
        <source>Visits due from:</source>
        <translation>Chuyến thăm đến hạn từ:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>đến:</translation>
    </message>
    <message>
        <source>Officer going:</source>
        <translation>Cán bộ đi thăm:</translation>
    </message>
    <message>
        <source>Language of the sheet:</source>
        <translation>Ngôn ngữ của phiếu:</translation>
    </message>
    <message>
        <source>The visits still to make there, up to the last day (those overdue included), grouped by village, with room to write what was found.</source>
        <translation>Các chuyến thăm còn phải đi ở đó đến ngày cuối (kể cả các chuyến đã quá hạn), xếp theo thôn/bản, có chỗ ghi kết quả.</translation>
    </message>
    <message>
        <source>Making the trip sheet…</source>
        <translation>Đang lập phiếu đi thăm…</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked - Grant Tracker</source>
        <translation>Đã khóa – Sổ theo dõi hỗ trợ</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>The window is locked. {name}, enter your password to go on.</source>
        <translation>Cửa sổ đang khóa. {name}, hãy nhập mật khẩu để tiếp tục.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Mật khẩu không đúng.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the account is locked.</source>
        <translation>
            <numerusform>Còn %n lần thử trước khi tài khoản bị tạm khóa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã khóa</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Tài khoản người dùng</translation>
    </message>
    <message>
        <source>Each person signs in with their own account. Disable the account of someone who leaves the office: the data then gets a new key, and their password no longer opens it, nor any backup on this computer.</source>
        <translation>Mỗi người đăng nhập bằng tài khoản riêng. Hãy khóa tài khoản của người rời đơn vị: dữ liệu khi đó được đổi khóa mới, và mật khẩu của họ không còn mở được dữ liệu hay bất kỳ bản sao lưu nào trên máy tính này.</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Change the role…</source>
        <translation>Đổi vai trò…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Khóa tài khoản…</translation>
    </message>
    <message>
        <source>Enable with a new password…</source>
        <translation>Mở lại với mật khẩu mới…</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Tạo mã khôi phục mới…</translation>
    </message>
    <message>
        <source>Replace the recovery key kept in the office safe (the old one stops working).</source>
        <translation>Thay mã khôi phục đang cất trong két của đơn vị (mã cũ hết hiệu lực).</translation>
    </message>
    <message>
        <source>This database has no working recovery key: the one kept in the office safe was made by an earlier version and no longer opens the data. Make a new one now with “New recovery key…” and keep it in the safe.</source>
        <translation>Cơ sở dữ liệu này không có mã khôi phục dùng được: mã cất trong két do phiên bản cũ tạo và không còn mở được dữ liệu. Hãy tạo mã mới ngay bằng nút «Tạo mã khôi phục mới…» và cất vào két.</translation>
    </message>
    <message>
        <source>The data has a new key</source>
        <translation>Dữ liệu đã có khóa mới</translation>
    </message>
    <message>
        <source>The account was added.</source>
        <translation>Đã thêm tài khoản.</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>Đã đặt lại mật khẩu của {user}.</translation>
    </message>
    <message>
        <source>{user} has a new role; it applies from their next sign-in.</source>
        <translation>{user} đã có vai trò mới; có hiệu lực từ lần đăng nhập tiếp theo.</translation>
    </message>
    <message>
        <source>The account {user} was disabled.</source>
        <translation>Đã khóa tài khoản {user}.</translation>
    </message>
    <message>
        <source>The account {user} was enabled.</source>
        <translation>Đã mở lại tài khoản {user}.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Mã khôi phục mới</translation>
    </message>
    <message>
        <source>Make a new recovery key? The key kept in the office safe stops working at once. The new key is shown only once: print it or write it down.</source>
        <translation>Tạo mã khôi phục mới? Mã đang cất trong két của đơn vị sẽ hết hiệu lực ngay. Mã mới chỉ hiện một lần: hãy in ra hoặc chép lại.</translation>
    </message>
    <message>
        <source>Making a new recovery key and a new key for the data…</source>
        <translation>Đang tạo mã khôi phục mới và khóa mới cho dữ liệu…</translation>
    </message>
    <message>
        <source>A new recovery key was made.</source>
        <translation>Đã tạo mã khôi phục mới.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <extracomment>Reasons after which the person may be in danger (gone with a &quot;job offer&quot;, say).</extracomment>
        <translation>Ghi nhận chuyến thăm</translation>
    </message>
    <message>
        <source>{place} · {kind}: visit due {due}</source>
        <translation>{place} · {kind}: hẹn thăm ngày {due}</translation>
    </message>
    <message>
        <source>Met the person</source>
        <translation>Đã gặp người được hỗ trợ</translation>
    </message>
    <message>
        <source>Went, but could not meet the person</source>
        <translation>Đã đến nhưng không gặp được</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>If the person may have left with someone met recently, or for work far away or abroad, tell the project lead today.</source>
        <translation>Nếu người đó có thể đã đi theo người mới quen, hoặc đi làm ăn xa, ra nước ngoài, hãy báo ngay cho cán bộ phụ trách dự án trong ngày hôm nay.</translation>
    </message>
    <message>
        <source>Yes, it is running</source>
        <translation>Có, vẫn duy trì</translation>
    </message>
    <message>
        <source>No, it has stopped</source>
        <translation>Không, đã dừng</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>(không hỏi)</translation>
    </message>
    <message>
        <source>There is a safety concern</source>
        <translation>Có dấu hiệu không an toàn</translation>
    </message>
    <message>
        <source>Tell the project lead today, and write what you saw in the notes.</source>
        <translation>Báo cho trưởng ban dự án ngay trong hôm nay và ghi những gì đã thấy vào phần ghi chú.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Book another visit</source>
        <translation>Hẹn thêm một chuyến thăm</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Ngày thăm</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Livelihood running</source>
        <translation>Sinh kế được duy trì</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Thu nhập</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>Đang đi học</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Tài sản</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Lần thăm tiếp</translation>
    </message>
    <message>
        <source>No animals or looms to check.</source>
        <translation>Không có vật nuôi hay khung dệt cần kiểm tra.</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Tài sản</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Tình trạng hiện nay</translation>
    </message>
    <message>
        <source>Young born</source>
        <translation>Số con sinh ra</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>từ {date}</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Due</source>
        <translation>Ngày hẹn</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày trễ</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>Người hưởng hỗ trợ</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/Phường</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Bản</translation>
    </message>
    <message>
        <source>Support type</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Lần thăm</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>Ngày đã thăm</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Extra visit</source>
        <translation>Thăm thêm</translation>
    </message>
    <message numerus="yes">
        <source>After %n month(s)</source>
        <translation>
            <numerusform>Sau %n tháng</numerusform>
        </translation>
    </message>
    <message>
        <source>Livelihood running</source>
        <translation>Sinh kế được duy trì</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Không duy trì</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Không an toàn</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <translation>Chuyến thăm</translation>
    </message>
    <message>
        <source>Overdue and due this week</source>
        <translation>Quá hạn và cần thăm tuần này</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Cần thăm tuần này</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã thăm</translation>
    </message>
    <message>
        <source>No one met</source>
        <translation>Không gặp được</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>Tất cả chuyến thăm</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>Tất cả xã/phường</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Tất cả cán bộ</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>Ghi nhận chuyến thăm…</translation>
    </message>
    <message>
        <source>Trip sheet…</source>
        <translation>Phiếu đi thăm…</translation>
    </message>
    <message>
        <source>Print the visits to make in a commune for a day&apos;s trip, and type in what was found</source>
        <translation>In các chuyến thăm cần đi ở một xã cho một ngày đi cơ sở, và nhập kết quả đã ghi</translation>
    </message>
    <message>
        <source>Search by name, alias or code</source>
        <translation>Tìm theo tên, tên gọi khác hoặc mã</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) shown</source>
        <translation>
            <numerusform>Đang hiện %n chuyến thăm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n chuyến trễ hẹn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_BusyDialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>Tasks whose result has not come back yet, by id.</extracomment>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>_PasswordsDialog</name>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{error}

Close Grant Tracker and sign in again: the sign-in then offers the newest good backup.</source>
        <translation>{error}

Hãy đóng Grant Tracker và đăng nhập lại: khi đăng nhập, phần mềm sẽ đề nghị khôi phục bản sao lưu tốt gần nhất.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation>Sao lưu hằng ngày không thành công: {error}</translation>
    </message>
    <message>
        <source>Project totals counted again</source>
        <translation>Đã tính lại tổng của dự án</translation>
    </message>
    <message>
        <source>What was kept as planned and handed over for {projects} did not match their grants and hand-overs: it was changed outside Grant Tracker. The totals were counted again, and this is recorded in the audit trail.</source>
        <translation>Số đã lập kế hoạch và đã trao được lưu cho {projects} không khớp với các khoản hỗ trợ và các lần trao: số này đã bị thay đổi bên ngoài Sổ theo dõi hỗ trợ. Các tổng đã được tính lại, và việc này được ghi vào nhật ký thao tác.</translation>
    </message>
    <message>
        <source>The demo database could not be built</source>
        <translation>Không tạo được cơ sở dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database {location} could not be opened:
{error}</source>
        <translation>Không mở được cơ sở dữ liệu {location}:
{error}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printer could not be started{detail}. Nothing was printed and nothing is lost: check that the printer is switched on and connected, try again, or use “Save as PDF…” and print the file later.</source>
        <extracomment>Resolution of the pictures in the preview (sharp enough to read, light on memory). A preview shows at most this many pages (a 1,000-page batch is printed, not previewed).</extracomment>
        <translation>Không khởi động được máy in{detail}. Chưa in gì và không mất gì: kiểm tra máy in đã bật và đã nối với máy tính rồi thử lại, hoặc dùng “Lưu PDF…” và in tệp sau.</translation>
    </message>
    <message>
        <source>The printer stopped after {pages} page(s). Nothing is lost: check the printer and print again, or use “Save as PDF…”.</source>
        <translation>Máy in dừng sau {pages} trang. Không mất gì: kiểm tra máy in rồi in lại, hoặc dùng “Lưu PDF…”.</translation>
    </message>
    <message>
        <source>Printing was stopped. Nothing is lost; you can print again later.</source>
        <translation>Đã dừng in. Không mất gì; có thể in lại sau.</translation>
    </message>
    <message>
        <source>The PDF could not be read for printing: {detail}</source>
        <translation>Không đọc được tệp PDF để in: {detail}</translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation>Đã dừng. Không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>The file could not be written: {error}. Nothing was changed.</source>
        <extracomment>``done`` of ``total`` steps finished.</extracomment>
        <translation>Không ghi được tệp: {error}. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The paper could not be made: {error}. Nothing was changed.</source>
        <translation>Không tạo được giấy in: {error}. Không có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source>The database could not do this: {error}
Nothing was changed. Try again; if it keeps failing, tell the person who looks after this computer.</source>
        <extracomment>The callable returned; carries its result. The callable raised; carries the exception. The user pressed Cancel; any later result is dropped. The task is over, whichever way.</extracomment>
        <translation>Cơ sở dữ liệu không thực hiện được việc này: {error}
Không có gì bị thay đổi. Hãy thử lại; nếu vẫn lỗi, hãy báo người phụ trách máy tính này.</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <extracomment>What :func:`run_gui` returns when a backup was restored: the database is closed and the app asks everyone to sign in again. The whole file&apos;s integrity check and the daily backup start this long after the window shows: both read the whole file, and would take a core from the first screen.</extracomment>
        <translation>Chưa làm xong được</translation>
    </message>
</context>
</TS>
