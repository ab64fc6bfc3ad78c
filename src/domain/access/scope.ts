// Agency scope along the hierarchy: which agencies' data a user acting for one agency may see.
// Pure: takes the agency list as data. The database applies the result in ONE place (src/db/scope.ts).
import { ROLE_SCOPE, type ScopeKind } from "../agencies/registry.ts";
import type { Permission } from "./permissions.ts";
import { hasPermission } from "./permissions.ts";

/** The caller's scope, computed once per request. `visibleAgencyIds: "all"` = nationwide. */
export type Scope = {
  userId: string | null;
  agencyId: string | null;
  roles: readonly string[];
  visibleAgencyIds: readonly string[] | "all";
  /** Correlation id written into audit rows. */
  requestId?: string;
};

export type AgencyNode = {
  id: string;
  role: string;
  parent_id?: string | null;
  province_code?: string | null;
  successor_ids?: readonly string[];
};

export type ScopeReach = ScopeKind;

/**
 * How far an agency of a given role sees: the registry's ROLE_SCOPE (src/domain/agencies/registry.ts) — national for
 * ministry-level units, the province for UBND tỉnh and Sở Tư pháp (Thông tư 08/2019/TT-BTP Điều 4 khoản 2, Điều 13
 * khoản 4), the subtree otherwise. Rules speak of role codes, never of agency names.
 */
export function reachOf(agencyRole: string): ScopeReach {
  return (ROLE_SCOPE as Readonly<Record<string, ScopeKind>>)[agencyRole] ?? "subtree";
}

/**
 * Agencies visible from `agencyId`: nationwide ("all"), the province (same province code), or the subtree under it;
 * then every predecessor of a visible agency (a merged/renamed agency's successor inherits its cases).
 */
export function visibleAgencies(agencies: readonly AgencyNode[], agencyId: string): string[] | "all" {
  const self = agencies.find((a) => a.id === agencyId);
  if (!self) return [];
  const reach = reachOf(self.role);
  if (reach === "national") return "all";
  const visible = new Set<string>();
  const children = new Map<string, string[]>();
  for (const a of agencies) {
    if (!a.parent_id) continue;
    const list = children.get(a.parent_id);
    if (list) list.push(a.id);
    else children.set(a.parent_id, [a.id]);
  }
  const addSubtree = (root: string) => {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      if (visible.has(id)) continue;
      visible.add(id);
      for (const c of children.get(id) ?? []) stack.push(c);
    }
  };
  if (reach === "province" && self.province_code) {
    for (const a of agencies) if (a.province_code === self.province_code) addSubtree(a.id);
  } else {
    addSubtree(self.id);
  }
  // Predecessors: any agency whose successor is visible becomes visible (transitively), with its subtree.
  const predecessors = new Map<string, string[]>();
  for (const a of agencies)
    for (const s of a.successor_ids ?? []) {
      const list = predecessors.get(s);
      if (list) list.push(a.id);
      else predecessors.set(s, [a.id]);
    }
  const queue = [...visible];
  while (queue.length) {
    const id = queue.pop()!;
    for (const p of predecessors.get(id) ?? []) {
      if (visible.has(p)) continue;
      const before = new Set(visible);
      addSubtree(p);
      for (const v of visible) if (!before.has(v)) queue.push(v);
    }
  }
  return [...visible].sort();
}

export type MembershipInput = { agency_id: string; role: string };

/**
 * Scope for a user acting for `agencyId`: the roles they hold there (a system_admin role anywhere applies everywhere)
 * and the visible agencies. A user without a membership at that agency gets no roles and sees nothing.
 */
export function buildScope(input: {
  userId: string;
  agencyId: string;
  memberships: readonly MembershipInput[];
  agencies: readonly AgencyNode[];
  requestId?: string;
}): Scope {
  const roles = new Set<string>();
  for (const m of input.memberships) {
    if (m.role === "system_admin") roles.add("system_admin");
    if (m.agency_id === input.agencyId) roles.add(m.role);
  }
  const roleList = [...roles].sort();
  const visibleAgencyIds: string[] | "all" = roles.has("system_admin")
    ? "all"
    : roleList.length
      ? visibleAgencies(input.agencies, input.agencyId)
      : [];
  return {
    userId: input.userId,
    agencyId: input.agencyId,
    roles: roleList,
    visibleAgencyIds,
    requestId: input.requestId,
  };
}

/** The scope of the system itself (migrations, seed, CLI maintenance): nationwide, all permissions. */
export const SYSTEM_SCOPE: Scope = { userId: null, agencyId: null, roles: ["system_admin"], visibleAgencyIds: "all" };

/** True when `ancestorId` is above `agencyId` in the hierarchy (its parent, grandparent …). */
export function isSuperiorOf(agencies: readonly AgencyNode[], ancestorId: string, agencyId: string): boolean {
  const parent = new Map(agencies.map((a) => [a.id, a.parent_id ?? null]));
  const seen = new Set<string>();
  for (let id = parent.get(agencyId) ?? null; id && !seen.has(id); id = parent.get(id) ?? null) {
    if (id === ancestorId) return true;
    seen.add(id);
  }
  return false;
}

export function canSeeAgency(scope: Scope, agencyId: string | null | undefined): boolean {
  if (scope.visibleAgencyIds === "all") return true;
  return !!agencyId && scope.visibleAgencyIds.includes(agencyId);
}

export function can(scope: Scope, permission: Permission): boolean {
  return hasPermission(scope.roles, permission);
}
