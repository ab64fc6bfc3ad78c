// Roles and their permissions — data, not code paths. Rules for WHO may do WHAT read this table;
// WHERE (which agencies) is the scope, computed in scope.ts from the agency hierarchy.

export const ROLE_CODES = ["system_admin", "agency_admin", "leader", "officer", "viewer"] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const PERMISSIONS = [
  "claims.read",
  "claims.write",
  "claims.personal_data", // see claimant ID number, address, phone unmasked (each unmasking is audited)
  "claims.export",
  "claims.backfill", // record an existing case's history (paper, Excel) that may lack steps — audited as such
  "claims.correct_closed", // correct a closed claim (paid, terminated, refused): an agency leader's decision
  "plans.read",
  "plans.write",
  "requests.read",
  "requests.write",
  "register.allocate",
  "users.manage", // accounts and memberships within the scope
  "agencies.manage",
  "audit.read",
  // edit the public portal's content (cổng công dân); the repository also requires a national-level agency (Cục BTNN)
  "public_content.manage",
  "system.admin", // backup/restore, seed, global settings
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each permission lets a person do, in Vietnamese: a refusal names the one missing; the web's labels are these. */
export const PERMISSION_VI: Readonly<Record<Permission, string>> = {
  "claims.read": "Xem vụ việc",
  "claims.write": "Cập nhật vụ việc",
  "claims.personal_data": "Xem thông tin cá nhân (có ghi nhật ký)",
  "claims.export": "Xuất dữ liệu vụ việc",
  "claims.backfill": "Nhập lịch sử vụ việc cũ",
  "claims.correct_closed": "Cải chính vụ việc đã kết thúc",
  "plans.read": "Xem kế hoạch",
  "plans.write": "Cập nhật kế hoạch",
  "requests.read": "Xem yêu cầu phối hợp",
  "requests.write": "Gửi, xử lý yêu cầu phối hợp",
  "register.allocate": "Cấp số văn bản",
  "users.manage": "Quản lý tài khoản",
  "agencies.manage": "Quản lý danh mục cơ quan",
  "audit.read": "Xem nhật ký hệ thống",
  "public_content.manage": "Biên tập nội dung cổng công dân",
  "system.admin": "Quản trị hệ thống (sao lưu, khôi phục)",
};

const OFFICER: readonly Permission[] = [
  "claims.read",
  "claims.write",
  "claims.personal_data",
  "claims.export",
  "plans.read",
  "plans.write",
  "requests.read",
  "requests.write",
  "register.allocate",
  "public_content.manage",
];

export const ROLES: Record<RoleCode, { nameVi: string; permissions: readonly Permission[] }> = {
  system_admin: {
    nameVi: "Quản trị hệ thống",
    permissions: PERMISSIONS,
  },
  agency_admin: {
    nameVi: "Quản trị cơ quan",
    permissions: [
      "claims.read",
      "claims.write",
      "claims.personal_data",
      "claims.export",
      "claims.backfill",
      "plans.read",
      "plans.write",
      "requests.read",
      "requests.write",
      "register.allocate",
      "users.manage",
      "audit.read",
      "public_content.manage",
    ],
  },
  // Lãnh đạo cơ quan: an officer who also decides on closed claims and on recording an existing case's history.
  leader: {
    nameVi: "Lãnh đạo cơ quan",
    permissions: [...OFFICER, "claims.backfill", "claims.correct_closed"],
  },
  officer: {
    nameVi: "Cán bộ nghiệp vụ",
    permissions: OFFICER,
  },
  viewer: {
    nameVi: "Người xem",
    permissions: ["claims.read", "plans.read", "requests.read"],
  },
};

export function isRoleCode(value: unknown): value is RoleCode {
  return typeof value === "string" && (ROLE_CODES as readonly string[]).includes(value);
}

/** True when any of the roles grants the permission. Unknown role codes grant nothing. */
export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRoleCode(r) && ROLES[r].permissions.includes(permission));
}
