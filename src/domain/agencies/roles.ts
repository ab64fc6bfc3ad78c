// Role codes for agencies and parties (GLOSSARY.md, "Agencies: roles"). Rules speak of these codes, never of agency names.

export const ROLES = [
  "BO_TU_PHAP",
  "CUC_BTNN",
  "TONG_CUC_THADS",
  "THADS_TINH",
  "THADS_HUYEN",
  "LANH_DAO_BO",
  "UBND_TINH",
  "SO_TU_PHAP",
  "SO_NGANH",
  "UBND_HUYEN",
  "UBND_XA",
  "TOA_AN",
  "VKS",
  "CO_QUAN_TAI_CHINH",
  "NGUOI_BI_THIET_HAI",
] as const;

export type Role = (typeof ROLES)[number];

export interface RoleInfo {
  code: Role;
  /** Vietnamese label as the seed plans name the role. */
  label_vi: string;
  /** Name the role carries after the 2025 reorganisation, when it changed (GLOSSARY "Since 2025"). */
  since_2025_vi?: string;
  /** False only for NGUOI_BI_THIET_HAI (a party, not an agency). */
  is_agency: boolean;
  /** Administrative level: central (trung ương), province (tỉnh), district (huyện), commune (xã), or a party. */
  level: "central" | "province" | "district" | "commune" | "party" | "any";
}

export const ROLE_INFO: Readonly<Record<Role, RoleInfo>> = {
  BO_TU_PHAP: { code: "BO_TU_PHAP", label_vi: "Bộ Tư pháp", is_agency: true, level: "central" },
  CUC_BTNN: {
    code: "CUC_BTNN",
    label_vi: "Cục Bồi thường nhà nước",
    since_2025_vi: "đơn vị giúp Bộ trưởng quản lý nhà nước về công tác bồi thường (tên có thể thay đổi)",
    is_agency: true,
    level: "central",
  },
  TONG_CUC_THADS: {
    code: "TONG_CUC_THADS",
    label_vi: "Tổng cục Thi hành án dân sự",
    since_2025_vi: "Cục Quản lý thi hành án dân sự",
    is_agency: true,
    level: "central",
  },
  THADS_TINH: {
    code: "THADS_TINH",
    label_vi: "Cục Thi hành án dân sự tỉnh",
    since_2025_vi: "Thi hành án dân sự tỉnh",
    is_agency: true,
    level: "province",
  },
  THADS_HUYEN: {
    code: "THADS_HUYEN",
    label_vi: "Chi cục Thi hành án dân sự huyện",
    since_2025_vi: "Phòng Thi hành án dân sự khu vực",
    is_agency: true,
    level: "district",
  },
  LANH_DAO_BO: {
    code: "LANH_DAO_BO",
    label_vi: "Lãnh đạo Bộ (Thứ trưởng phụ trách)",
    is_agency: true,
    level: "central",
  },
  UBND_TINH: { code: "UBND_TINH", label_vi: "Ủy ban nhân dân cấp tỉnh", is_agency: true, level: "province" },
  SO_TU_PHAP: { code: "SO_TU_PHAP", label_vi: "Sở Tư pháp", is_agency: true, level: "province" },
  SO_NGANH: { code: "SO_NGANH", label_vi: "Sở, ban, ngành cấp tỉnh", is_agency: true, level: "province" },
  UBND_HUYEN: {
    code: "UBND_HUYEN",
    label_vi: "Ủy ban nhân dân cấp huyện",
    since_2025_vi: "bãi bỏ từ 01/7/2025 (chính quyền địa phương hai cấp)",
    is_agency: true,
    level: "district",
  },
  UBND_XA: { code: "UBND_XA", label_vi: "Ủy ban nhân dân cấp xã", is_agency: true, level: "commune" },
  TOA_AN: { code: "TOA_AN", label_vi: "Tòa án nhân dân", is_agency: true, level: "any" },
  VKS: { code: "VKS", label_vi: "Viện kiểm sát nhân dân", is_agency: true, level: "any" },
  CO_QUAN_TAI_CHINH: { code: "CO_QUAN_TAI_CHINH", label_vi: "Cơ quan tài chính", is_agency: true, level: "any" },
  NGUOI_BI_THIET_HAI: {
    code: "NGUOI_BI_THIET_HAI",
    label_vi: "Người bị thiệt hại",
    is_agency: false,
    level: "party",
  },
};

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(x: unknown): x is Role {
  return typeof x === "string" && ROLE_SET.has(x);
}

export function roleLabel(role: Role): string {
  return ROLE_INFO[role].label_vi;
}

/** The local civil-judgment enforcement bodies (cơ quan THADS địa phương) of KH 2021. */
export const LOCAL_THADS_ROLES: readonly Role[] = ["THADS_TINH", "THADS_HUYEN"];

/** All civil-judgment enforcement bodies, central and local. */
export const THADS_ROLES: readonly Role[] = ["TONG_CUC_THADS", "THADS_TINH", "THADS_HUYEN"];
