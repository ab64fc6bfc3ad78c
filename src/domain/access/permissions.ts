// Roles and their permissions — data, not code paths. Rules for WHO may do WHAT read this table;
// WHERE (which agencies) is the scope, computed in scope.ts from the agency hierarchy.

export const ROLE_CODES = ["system_admin", "agency_admin", "officer", "viewer"] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const PERMISSIONS = [
  "claims.read",
  "claims.write",
  "claims.personal_data", // see claimant ID number, address, phone unmasked (each unmasking is audited)
  "claims.export",
  "plans.read",
  "plans.write",
  "requests.read",
  "requests.write",
  "register.allocate",
  "users.manage", // accounts and memberships within the scope
  "agencies.manage",
  "audit.read",
  "system.admin", // backup/restore, seed, global settings
] as const;
export type Permission = (typeof PERMISSIONS)[number];

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
      "plans.read",
      "plans.write",
      "requests.read",
      "requests.write",
      "register.allocate",
      "users.manage",
      "audit.read",
    ],
  },
  officer: {
    nameVi: "Cán bộ nghiệp vụ",
    permissions: [
      "claims.read",
      "claims.write",
      "claims.personal_data",
      "claims.export",
      "plans.read",
      "plans.write",
      "requests.read",
      "requests.write",
      "register.allocate",
    ],
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
