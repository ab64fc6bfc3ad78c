export { AGENCY_ROWS } from "./data.ts";
export { compareAgenciesOfficially, type OrderedAgency } from "./order.ts";
export {
  DATASET_EPOCH,
  FIRST_DAY_34,
  LAST_DAY_63,
  PROVINCES,
  type ProvinceDef,
  provinceTitle,
  UNCHANGED_2025,
} from "./provinces.ts";
export {
  type AgencyRegistry,
  agenciesOn,
  agencyRegistry,
  ancestors,
  createAgencyRegistry,
  getAgency,
  isWithin,
  predecessorsOf,
  provinceOf,
  ROLE_SCOPE,
  type ScopeKind,
  successorsOf,
} from "./registry.ts";
export {
  type AgencyMention,
  findAgencyMentions,
  normalizeVi,
  type ResolveContext,
  type ResolvedMention,
  resolveAgencyMention,
} from "./resolve.ts";
export {
  isRole,
  LOCAL_THADS_ROLES,
  ROLE_INFO,
  ROLES,
  type Role,
  type RoleInfo,
  roleLabel,
  THADS_ROLES,
} from "./roles.ts";
export type { Agency } from "./types.ts";
