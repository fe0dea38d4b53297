"""Names of the stored codes (categories, statuses, ...) in both languages."""

from __future__ import annotations

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "sex": {"F": ("Nữ", "Female"), "M": ("Nam", "Male"), "X": ("Khác", "Other")},
    "category": {
        "victim": ("Nạn nhân", "Victim"),
        "suspected_victim": ("Nghi là nạn nhân", "Suspected victim"),
        "at_risk": ("Có nguy cơ cao", "At high risk"),
        "family_member": ("Thành viên gia đình", "Family member"),
    },
    "beneficiary_status": {
        "active": ("Đang hỗ trợ", "Active"),
        "closed": ("Đã kết thúc", "Closed"),
        "moved": ("Đã chuyển đi", "Moved away"),
        "deceased": ("Đã mất", "Deceased"),
    },
    "grant_status": {
        "planned": ("Đã lập kế hoạch", "Planned"),
        "active": ("Đang trao", "In progress"),
        "completed": ("Đã trao đủ", "Completed"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "visit_status": {
        "scheduled": ("Chưa thăm", "Scheduled"),
        "done": ("Đã thăm", "Done"),
        "missed": ("Không gặp", "Missed"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "asset_status": {
        "alive": ("Còn sống", "Alive"),
        "calved": ("Đã sinh con", "Gave birth"),
        "sick": ("Bị ốm", "Sick"),
        "died": ("Đã chết", "Died"),
        "sold": ("Đã bán", "Sold"),
        "passed_on": ("Đã chuyển giao", "Passed on"),
        "in_use": ("Đang sử dụng", "In use"),
        "unused": ("Không sử dụng", "Not used"),
    },
    "asset_kind": {
        "cow": ("Bò", "Cow"),
        "buffalo": ("Trâu", "Buffalo"),
        "pig": ("Lợn", "Pig"),
        "goat": ("Dê", "Goat"),
        "poultry": ("Gia cầm", "Poultry"),
        "loom": ("Khung dệt", "Loom"),
        "other": ("Khác", "Other"),
    },
    "consent_kind": {
        "services": ("Nhận dịch vụ", "Services"),
        "donor_reporting": ("Báo cáo nhà tài trợ", "Donor reporting"),
        "province_sharing": ("Chia sẻ với tỉnh", "Sharing with the province"),
    },
    "income_band": {
        "none": ("Chưa có thu nhập", "No income"),
        "low": ("Thấp", "Low"),
        "medium": ("Trung bình", "Medium"),
        "high": ("Khá", "Good"),
    },
    "missed_reason": {
        "not_home": ("Không có nhà", "Not at home"),
        "working_away": ("Đi làm ăn xa", "Working away"),
        "moved_away": ("Đã chuyển đi nơi khác", "Moved away"),
        "declined": ("Từ chối gặp", "Declined to meet"),
        "unreachable": ("Không đến được (đường, thời tiết)", "Could not get there (road, weather)"),
        "other": ("Lý do khác", "Other reason"),
    },
    "role": {
        "admin": ("Quản trị", "Administrator"),
        "officer": ("Cán bộ", "Officer"),
        "accountant": ("Kế toán", "Accountant"),
        "viewer": ("Chỉ xem", "Viewer"),
    },
}


def label(group: str, code: str | None, lang: str = "vi") -> str:
    if code is None:
        return ""
    pair = LABELS.get(group, {}).get(code)
    if pair is None:
        return code
    return pair[0] if lang == "vi" else pair[1]
