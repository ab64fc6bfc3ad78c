// From ROLES to AGENCIES: the routing table names roles (UBND_TINH, TONG_CUC_THADS …); a request is between agencies.
// The agency playing a role is the one of that role in force on the day, within the right scope:
// - central roles (one agency nationwide): the agency of that role in force (Tổng cục THADS → Cục Quản lý THADS from
//   its successor date, by the dated registry);
// - provincial roles: the agency of that role in the province of the request's local party (the sender, or else the
//   receiver) — e.g. KH 2021 mục II.3.1 sends a request of THADS Thanh Hóa to UBND tỉnh Thanh Hóa;
// - district-level roles: only the party itself when it has that role (never guessed).
// Pure: the agency list and the date are parameters.
import type { IsoDate } from "../shared/dates.ts";

export type AgencyFacts = {
  id: string;
  role: string;
  province_code: string | null;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
};

const CENTRAL_ROLES = new Set(["BO_TU_PHAP", "CUC_BTNN", "LANH_DAO_BO", "TONG_CUC_THADS"]);
const PROVINCIAL_ROLES = new Set([
  "UBND_TINH",
  "SO_TU_PHAP",
  "SO_NGANH",
  "THADS_TINH",
  "TOA_AN",
  "VKS",
  "CO_QUAN_TAI_CHINH",
]);

function inForce(a: AgencyFacts, date: IsoDate): boolean {
  return (a.valid_from === null || a.valid_from <= date) && (a.valid_to === null || date <= a.valid_to);
}

/**
 * The agency playing `role` for a request between `from` and `to` on `date`, or null when none can be named
 * (the role is then kept as a role and shown to the user for a manual choice).
 */
export function resolveRoleAgency(
  role: string,
  parties: { from: AgencyFacts; to?: AgencyFacts | null },
  agencies: readonly AgencyFacts[],
  date: IsoDate,
): AgencyFacts | null {
  const own = [parties.from, parties.to].find((p) => p && p.role === role && inForce(p, date));
  if (own) return own;
  const ofRole = agencies.filter((a) => a.role === role && inForce(a, date));
  if (CENTRAL_ROLES.has(role)) return ofRole.length === 1 ? ofRole[0] : (ofRole.sort(byId)[0] ?? null);
  if (PROVINCIAL_ROLES.has(role)) {
    const province = [parties.from, parties.to].find((p) => p?.province_code)?.province_code;
    if (!province) return null;
    const hits = ofRole.filter((a) => a.province_code === province).sort(byId);
    // SO_NGANH / CO_QUAN_TAI_CHINH have several agencies per province: no single answer.
    return hits.length === 1 ? hits[0] : null;
  }
  return null;
}

function byId(a: AgencyFacts, b: AgencyFacts): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
