// Who carries out a plan task: the plan names ROLES ("Sở Tư pháp chủ trì phối hợp với … Cục Thi hành án dân sự tỉnh");
// the occurrences belong to AGENCIES. The lead agency owns the occurrence; each coordinating agency records its own part.
// Roles become agencies by the routing resolver (src/domain/coordination/resolve.ts), in the province of the plan's
// owning agency, on the given day (the agency that must act now: after the 2025 reorganisation the successor).
// Pure: the agency list and the date are parameters.

import { predecessorsOf } from "../agencies/registry.ts";
import { type AgencyFacts, resolveRoleAgency } from "../coordination/resolve.ts";
import type { IsoDate } from "../shared/dates.ts";

export type TaskExecutors = {
  /** Null when the lead role names no single agency (e.g. "các sở, ban, ngành"): the plan owner keeps the occurrence. */
  lead_agency_id: string | null;
  coordinator_agency_ids: string[];
  /** Roles that named no single agency (kept as roles on the task, shown for a manual choice). */
  unresolved_roles: string[];
};

export function planTaskExecutors(
  task: { lead_role: string | null; coordinator_roles: readonly string[] },
  owner: AgencyFacts,
  agencies: readonly AgencyFacts[],
  date: IsoDate,
): TaskExecutors {
  const unresolved: string[] = [];
  const resolve = (role: string) => {
    const a = resolveRoleAgency(role, { from: owner }, agencies, date);
    if (!a) unresolved.push(role);
    return a?.id ?? null;
  };
  const lead = task.lead_role ? resolve(task.lead_role) : null;
  const coordinators: string[] = [];
  for (const r of task.coordinator_roles) {
    const id = resolve(r);
    if (id && id !== lead && !coordinators.includes(id)) coordinators.push(id);
  }
  return { lead_agency_id: lead, coordinator_agency_ids: coordinators, unresolved_roles: [...new Set(unresolved)] };
}

/** The agency that owns the occurrences of a task: its lead agency, else the plan's owning agency. */
export function occurrenceOwner(task: { lead_agency_id: string | null }, planAgencyId: string): string {
  return task.lead_agency_id ?? planAgencyId;
}

/**
 * Whether the acting agency records a coordinating agency's part: its own, or that of an agency it succeeded (a 2024
 * plan names "Cục Thi hành án dân sự tỉnh"; from 01/7/2025 "Thi hành án dân sự tỉnh" carries on its work). A
 * nationwide scope may act for any agency.
 */
export function recordsContributionOf(
  acting: { agencyId: string | null; visibleAgencyIds: readonly string[] | "all" },
  agencyId: string,
): boolean {
  if (acting.visibleAgencyIds === "all" || acting.agencyId === agencyId) return true;
  return acting.agencyId !== null && predecessorsOf(acting.agencyId).some((p) => p.id === agencyId);
}
