// Dated agency registry with precomputed maps: lookup, agencies in force on a date, successor chains, hierarchy and
// agency scope (which agencies' data a user of a given agency may see). Pure: the dataset is passed in.

import { addDays, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { AGENCY_ROWS } from "./data.ts";
import { isRole, type Role } from "./roles.ts";
import type { Agency } from "./types.ts";

export type { Agency } from "./types.ts";

/**
 * How far an agency's scope reaches (platform: agency-scoped access).
 * - national: every agency (ministry-level units that manage State-compensation work nationwide);
 * - province: every agency of its province and of the provinces it succeeded (UBND tỉnh and Sở Tư pháp, which assists it:
 *   Thông tư 08/2019/TT-BTP Điều 4 khoản 2, Điều 13 khoản 4);
 * - subtree: itself and everything below it along parent links, including the subtrees of agencies it succeeded.
 */
export type ScopeKind = "national" | "province" | "subtree";

export const ROLE_SCOPE: Readonly<Record<Role, ScopeKind>> = {
  BO_TU_PHAP: "national",
  CUC_BTNN: "national",
  LANH_DAO_BO: "national",
  TONG_CUC_THADS: "subtree",
  THADS_TINH: "subtree",
  THADS_HUYEN: "subtree",
  UBND_TINH: "province",
  SO_TU_PHAP: "province",
  SO_NGANH: "subtree",
  UBND_HUYEN: "subtree",
  UBND_XA: "subtree",
  TOA_AN: "subtree",
  VKS: "subtree",
  CO_QUAN_TAI_CHINH: "subtree",
  NGUOI_BI_THIET_HAI: "subtree",
};

export interface AgencyRegistry {
  readonly all: readonly Agency[];
  getAgency(id: string): Agency | undefined;
  /** Agencies in force on `date` (valid_from ≤ date ≤ valid_to), optionally of one role, sorted by id. */
  agenciesOn(date: IsoDate, role?: Role): Agency[];
  /** The agency itself when in force on `date`; otherwise the agencies its successor links lead to on that date. */
  successorsOf(id: string, date: IsoDate): Agency[];
  /** Agencies this one succeeded, transitively (nearest first). */
  predecessorsOf(id: string): Agency[];
  /** Parent chain from the direct parent up to the root. */
  ancestors(id: string): Agency[];
  children(id: string): Agency[];
  /** The UBND tỉnh of the province the agency belongs to (same code, overlapping validity). */
  provinceOf(id: string): Agency | undefined;
  /** True when agency `id` lies within the scope of agency `scopeRootId` (see ROLE_SCOPE). */
  isWithin(id: string, scopeRootId: string): boolean;
}

function inForce(a: Agency, date: IsoDate): boolean {
  return a.valid_from <= date && (a.valid_to === undefined || date <= a.valid_to);
}

function overlaps(a: Agency, b: Agency): boolean {
  const aEnd = a.valid_to ?? "9999-12-31";
  const bEnd = b.valid_to ?? "9999-12-31";
  return a.valid_from <= bEnd && b.valid_from <= aEnd;
}

function assertDate(date: IsoDate, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what}: ngày không hợp lệ "${date}" (cần dạng YYYY-MM-DD)`);
}

/** Builds a registry and checks the dataset (unique ids, known roles/parents/successors, date order). */
export function createAgencyRegistry(rows: readonly Agency[]): AgencyRegistry {
  const byId = new Map<string, Agency>();
  for (const a of rows) {
    if (byId.has(a.id)) throw new Error(`Danh mục cơ quan: mã "${a.id}" bị trùng`);
    if (!isRole(a.role)) throw new Error(`Danh mục cơ quan: "${a.id}" có vai trò không hợp lệ "${a.role}"`);
    assertDate(a.valid_from, `Danh mục cơ quan: "${a.id}".valid_from`);
    if (a.valid_to !== undefined) {
      assertDate(a.valid_to, `Danh mục cơ quan: "${a.id}".valid_to`);
      if (a.valid_to < a.valid_from) throw new Error(`Danh mục cơ quan: "${a.id}" có valid_to trước valid_from`);
    }
    byId.set(a.id, a);
  }
  const children = new Map<string, Agency[]>();
  const predecessors = new Map<string, string[]>();
  for (const a of rows) {
    if (a.parent_id !== undefined) {
      if (!byId.has(a.parent_id))
        throw new Error(`Danh mục cơ quan: "${a.id}" có cơ quan cấp trên lạ "${a.parent_id}"`);
      const list = children.get(a.parent_id) ?? [];
      list.push(a);
      children.set(a.parent_id, list);
    }
    for (const s of a.successor_ids ?? []) {
      const succ = byId.get(s);
      if (!succ) throw new Error(`Danh mục cơ quan: "${a.id}" có cơ quan kế thừa lạ "${s}"`);
      // A successor takes over the day after the agency ends: it is new then, or already existed (a UBND tỉnh taking
      // over district-level work).
      if (a.valid_to === undefined || !inForce(succ, addDays(a.valid_to, 1))) {
        throw new Error(`Danh mục cơ quan: "${s}" phải có hiệu lực vào ngày sau khi "${a.id}" kết thúc`);
      }
      const list = predecessors.get(s) ?? [];
      list.push(a.id);
      predecessors.set(s, list);
    }
  }
  // parent cycles
  for (const a of rows) {
    const seen = new Set<string>([a.id]);
    for (let p = a.parent_id; p !== undefined; p = byId.get(p)?.parent_id) {
      if (seen.has(p)) throw new Error(`Danh mục cơ quan: vòng lặp cấp trên tại "${a.id}"`);
      seen.add(p);
    }
  }

  // province of each agency: the UBND_TINH with the same code whose validity overlaps.
  const ubndByCode = new Map<string, Agency[]>();
  for (const a of rows) {
    if (a.role === "UBND_TINH" && a.province_code !== undefined) {
      const list = ubndByCode.get(a.province_code) ?? [];
      list.push(a);
      ubndByCode.set(a.province_code, list);
    }
  }
  const provinceIdOf = new Map<string, string>();
  for (const a of rows) {
    if (a.province_code === undefined) continue;
    const ubnd = (ubndByCode.get(a.province_code) ?? []).find((u) => overlaps(u, a));
    if (ubnd) provinceIdOf.set(a.id, ubnd.id);
  }
  const membersOfProvince = new Map<string, string[]>();
  for (const [agencyId, provId] of provinceIdOf) {
    const list = membersOfProvince.get(provId) ?? [];
    list.push(agencyId);
    membersOfProvince.set(provId, list);
  }

  const predecessorsClosure = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const cur = queue.shift()!;
      for (const p of predecessors.get(cur) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push(p);
        queue.push(p);
      }
    }
    return out;
  };

  const descendants = (id: string, into: Set<string>): void => {
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      for (const c of children.get(cur) ?? []) {
        if (into.has(c.id)) continue;
        into.add(c.id);
        stack.push(c.id);
      }
    }
  };

  const scopeCache = new Map<string, ReadonlySet<string> | "all">();
  const scopeOf = (rootId: string): ReadonlySet<string> | "all" | undefined => {
    const cached = scopeCache.get(rootId);
    if (cached) return cached;
    const root = byId.get(rootId);
    if (!root) return undefined;
    const kind = ROLE_SCOPE[root.role];
    let result: ReadonlySet<string> | "all";
    if (kind === "national") {
      result = "all";
    } else {
      const set = new Set<string>([rootId]);
      if (kind === "province" && provinceIdOf.has(rootId)) {
        const prov = provinceIdOf.get(rootId)!;
        for (const p of [prov, ...predecessorsClosure(prov)]) {
          for (const m of membersOfProvince.get(p) ?? []) set.add(m);
        }
        for (const m of [...set]) descendants(m, set);
      } else {
        for (const r of [rootId, ...predecessorsClosure(rootId)]) {
          set.add(r);
          descendants(r, set);
        }
      }
      result = set;
    }
    scopeCache.set(rootId, result);
    return result;
  };

  const sortById = (list: Agency[]): Agency[] => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Rows sorted once by id, and indexed by role, so agenciesOn() is a filter without a sort.
  const sorted = sortById([...rows]);
  const byRole = new Map<Role, Agency[]>();
  for (const a of sorted) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a]);

  return {
    all: rows,
    getAgency: (id) => byId.get(id),
    agenciesOn(date, role) {
      assertDate(date, "agenciesOn");
      const pool = role === undefined ? sorted : (byRole.get(role) ?? []);
      return pool.filter((a) => inForce(a, date));
    },
    successorsOf(id, date) {
      assertDate(date, "successorsOf");
      const start = byId.get(id);
      if (!start) return [];
      const out = new Map<string, Agency>();
      const seen = new Set<string>();
      const queue = [start];
      while (queue.length > 0) {
        const cur = queue.shift()!;
        if (seen.has(cur.id)) continue;
        seen.add(cur.id);
        if (inForce(cur, date)) {
          out.set(cur.id, cur);
        } else if (cur.valid_to !== undefined && date > cur.valid_to) {
          for (const s of cur.successor_ids ?? []) queue.push(byId.get(s)!);
        }
        // date before valid_from: the agency did not exist yet → nothing.
      }
      return sortById([...out.values()]);
    },
    predecessorsOf: (id) => predecessorsClosure(id).map((p) => byId.get(p)!),
    ancestors(id) {
      const out: Agency[] = [];
      for (let p = byId.get(id)?.parent_id; p !== undefined; p = byId.get(p)?.parent_id) out.push(byId.get(p)!);
      return out;
    },
    children: (id) => sortById([...(children.get(id) ?? [])]),
    provinceOf(id) {
      const p = provinceIdOf.get(id);
      return p === undefined ? undefined : byId.get(p);
    },
    isWithin(id, scopeRootId) {
      if (!byId.has(id)) return false;
      const scope = scopeOf(scopeRootId);
      if (scope === undefined) return false;
      return scope === "all" || scope.has(id);
    },
  };
}

/** The registry over the shipped seed dataset. */
export const agencyRegistry: AgencyRegistry = createAgencyRegistry(AGENCY_ROWS);

export const getAgency = (id: string): Agency | undefined => agencyRegistry.getAgency(id);
export const agenciesOn = (date: IsoDate, role?: Role): Agency[] => agencyRegistry.agenciesOn(date, role);
export const successorsOf = (id: string, date: IsoDate): Agency[] => agencyRegistry.successorsOf(id, date);
export const predecessorsOf = (id: string): Agency[] => agencyRegistry.predecessorsOf(id);
export const ancestors = (id: string): Agency[] => agencyRegistry.ancestors(id);
export const provinceOf = (id: string): Agency | undefined => agencyRegistry.provinceOf(id);
export const isWithin = (id: string, scopeRootId: string): boolean => agencyRegistry.isWithin(id, scopeRootId);
