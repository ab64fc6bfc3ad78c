// Demo accounts (documented in docs/demo-accounts.md). One shared demo password; change it after installing.

export const DEMO_PASSWORD = "btnn@2026";

export type DemoUser = { username: string; full_name: string; agency_id: string; role: string; note: string };

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: "admin",
    full_name: "Quản trị hệ thống",
    agency_id: "bo-tu-phap",
    role: "system_admin",
    note: "Toàn quyền, toàn quốc",
  },
  {
    username: "cucbtnn.canbo",
    full_name: "Nguyễn Minh Tuấn",
    agency_id: "cuc-btnn",
    role: "officer",
    note: "Cán bộ Cục Bồi thường nhà nước — xem toàn quốc",
  },
  {
    username: "cucbtnn.xem",
    full_name: "Trần Thu Hà",
    agency_id: "cuc-btnn",
    role: "viewer",
    note: "Chỉ xem, toàn quốc; thông tin cá nhân bị che",
  },
  {
    username: "qlthads.canbo",
    full_name: "Lê Quang Huy",
    agency_id: "cuc-ql-thads",
    role: "officer",
    note: "Cán bộ Cục Quản lý THADS — hệ thống THADS",
  },
  {
    username: "stp.thanhhoa.canbo",
    full_name: "Lê Thị Hương",
    agency_id: "stp-thanh-hoa",
    role: "officer",
    note: "Cán bộ Sở Tư pháp Thanh Hóa — tỉnh Thanh Hóa",
  },
  {
    username: "stp.thanhhoa.quantri",
    full_name: "Hoàng Văn Nam",
    agency_id: "stp-thanh-hoa",
    role: "agency_admin",
    note: "Quản trị Sở Tư pháp Thanh Hóa — quản lý tài khoản trong tỉnh",
  },
  {
    username: "thads.thanhhoa.canbo",
    full_name: "Phạm Đức Long",
    agency_id: "thads-thanh-hoa",
    role: "officer",
    note: "Cán bộ THADS tỉnh Thanh Hóa — vụ việc của cơ quan THADS (kể cả Cục THADS tỉnh cũ)",
  },
  {
    username: "thads.thanhhoa.lanhdao",
    full_name: "Nguyễn Thị Thanh",
    agency_id: "thads-thanh-hoa",
    role: "leader",
    note: "Lãnh đạo THADS tỉnh Thanh Hóa — như cán bộ, thêm cải chính vụ việc đã kết thúc và nhập bổ sung hồ sơ cũ",
  },
  {
    username: "stp.nghean.canbo",
    full_name: "Võ Thị Lan",
    agency_id: "stp-nghe-an",
    role: "officer",
    note: "Cán bộ Sở Tư pháp Nghệ An — tỉnh Nghệ An",
  },
];
