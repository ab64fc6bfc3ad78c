// The official order of agencies in reports and consolidated tables: central agencies first, then provinces by their
// official administrative code (Quyết định 124/2004/QĐ-TTg; the merged units reuse a predecessor's code), within a
// province by rank (UBND tỉnh, Sở Tư pháp, sở ngành, THADS tỉnh, then the district and commune levels), then name.
import type { Role } from "./roles.ts";

const RANKED: readonly Role[] = [
  "BO_TU_PHAP",
  "LANH_DAO_BO",
  "CUC_BTNN",
  "TONG_CUC_THADS",
  "UBND_TINH",
  "SO_TU_PHAP",
  "SO_NGANH",
  "THADS_TINH",
  "TOA_AN",
  "VKS",
  "CO_QUAN_TAI_CHINH",
  "UBND_HUYEN",
  "THADS_HUYEN",
  "UBND_XA",
  "NGUOI_BI_THIET_HAI",
];
const RANK = new Map<string, number>(RANKED.map((r, i) => [r, i]));

export type OrderedAgency = { province_code?: string | null; role: string; name: string };

export function compareAgenciesOfficially(a: OrderedAgency, b: OrderedAgency): number {
  const pa = a.province_code ?? "";
  const pb = b.province_code ?? "";
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ra = RANK.get(a.role) ?? RANKED.length;
  const rb = RANK.get(b.role) ?? RANKED.length;
  if (ra !== rb) return ra - rb;
  return a.name.localeCompare(b.name, "vi");
}
