// THE one place where agency scope becomes SQL. Every repository list/get passes its agency columns here.

import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { PERMISSION_VI, type Permission } from "../domain/access/permissions.ts";
import { type AgencyNode, buildScope, can, type Scope } from "../domain/access/scope.ts";
import { getAgency } from "../domain/agencies/registry.ts";
import { DomainError } from "../domain/shared/errors.ts";
import { agencies, agencySuccessors, memberships } from "./schema/index.ts";
import type { AppDb } from "./types.ts";

/**
 * SQL condition "row belongs to an agency the caller may see": any of the given agency columns is in the scope.
 * Nationwide scope → undefined (no filter). Empty scope → false.
 */
export function scopeCondition(scope: Scope, ...agencyColumns: PgColumn[]): SQL | undefined {
  if (scope.visibleAgencyIds === "all") return undefined;
  if (scope.visibleAgencyIds.length === 0 || agencyColumns.length === 0) return sql`false`;
  const ids = scope.visibleAgencyIds as string[];
  const parts = agencyColumns.map((c) => inArray(c, ids));
  return parts.length === 1 ? parts[0] : or(...parts);
}

/**
 * scopeCondition for a statement prepared once and run for every user: the visible agencies are ONE array parameter,
 * the placeholder `agencies` (bind scopeAgencies(scope)), so the statement's text does not depend on the scope. For a
 * nationwide scope, run the statement without this condition (as scopeCondition gives none).
 */
export function preparedScopeCondition(...agencyColumns: PgColumn[]): SQL {
  const parts = agencyColumns.map((c) => sql`${c} = any(${sql.placeholder("agencies")})`);
  return parts.length === 1 ? parts[0] : (or(...parts) as SQL);
}

/** The `agencies` parameter of preparedScopeCondition (a scope that is not nationwide). */
export function scopeAgencies(scope: Scope): string[] {
  return scope.visibleAgencyIds === "all" ? [] : (scope.visibleAgencyIds as string[]);
}

/**
 * SQL condition "an agency listed in this jsonb array column is one the caller may see" — for rows shared with several
 * agencies (co-organisers, coordinators, inspection targets). Elements are agency ids, or objects whose `key` field is
 * one. Nationwide scope → undefined; empty scope → false.
 */
export function listedAgencyInScope(scope: Scope, column: PgColumn, key?: string): SQL | undefined {
  if (scope.visibleAgencyIds === "all") return undefined;
  if (scope.visibleAgencyIds.length === 0) return sql`false`;
  const ids = sql.join(
    scope.visibleAgencyIds.map((i) => sql`${i}`),
    sql`, `,
  );
  return key
    ? sql`exists (select 1 from jsonb_array_elements(coalesce(${column}, '[]'::jsonb)) e where e->>${key} in (${ids}))`
    : sql`exists (select 1 from jsonb_array_elements_text(coalesce(${column}, '[]'::jsonb)) e where e in (${ids}))`;
}

/** Throws DomainError("forbidden") unless the scope's roles grant the permission. */
export function requirePermission(scope: Scope, permission: Permission): void {
  if (!can(scope, permission))
    throw new DomainError(
      "forbidden",
      "permission",
      `Vai trò của bạn không có quyền thực hiện thao tác này (cần quyền "${PERMISSION_VI[permission]}").`,
    );
}

/**
 * Reads only: throws DomainError("forbidden") unless the agency is visible in the scope. Writes use
 * requireWritableAgencies below.
 */
export function requireAgencyInScope(scope: Scope, field: string, agencyId: string | null | undefined): void {
  if (scope.visibleAgencyIds === "all") return;
  if (!agencyId || !scope.visibleAgencyIds.includes(agencyId))
    throw new DomainError("forbidden", field, "Cơ quan này nằm ngoài phạm vi dữ liệu của bạn.");
}

/** Agency ids of a write, one entry per field: a single id, or a list checked element by element. */
export type WriteAgencies = ReadonlyArray<
  readonly [field: string, ids: string | null | undefined | ReadonlyArray<string | null | undefined>]
>;

/**
 * THE write-scope rule (issue 13 finding 5), used by every repository that writes: EVERY agency id the caller acts for
 * or files into — owner, sender, lead, organiser, handler, inspected or reporting agency — must be inside the caller's
 * scope, else DomainError("forbidden") naming that field (403) before anything is written. Partners the caller only
 * addresses (a request's recipient, copies, coordinators, co-organisers, invitees) are not passed here: writing to
 * another agency is the point of them. Arrays are checked element by element ("targets[2].agency_id"); `named` lists
 * ids already accepted by a record the caller owns (a plan task's lead named by the caller's plan).
 */
export function requireWritableAgencies(scope: Scope, fields: WriteAgencies, named: readonly string[] = []): void {
  if (scope.visibleAgencyIds === "all") return;
  const visible = scope.visibleAgencyIds;
  for (const [field, ids] of fields) {
    const list =
      typeof ids === "string" || ids == null
        ? [[field, ids] as const]
        : ids.map((id, i) => [`${field}[${i}]`, id] as const);
    for (const [path, id] of list)
      if (id && !visible.includes(id) && !named.includes(id))
        throw new DomainError(
          "forbidden",
          path,
          // Named as people know it (the field is in the issue's path; an agency added later shows its code).
          `${getAgency(id)?.name ?? `Cơ quan "${id}"`} nằm ngoài phạm vi dữ liệu của bạn — không ghi được cho cơ quan này.`,
        );
  }
}

let agencyCache = new WeakMap<object, Promise<AgencyNode[]>>();

/** Forget cached agency lists (call after any agency write). */
export function invalidateAgencyCache(): void {
  agencyCache = new WeakMap();
}

/** All agencies as hierarchy nodes (cached per database handle until an agency write). */
export function loadAgencyNodes(db: AppDb): Promise<AgencyNode[]> {
  const cached = agencyCache.get(db);
  if (cached) return cached;
  const p = (async () => {
    const rows = await db
      .select({
        id: agencies.id,
        role: agencies.role,
        parent_id: agencies.parentId,
        province_code: agencies.provinceCode,
      })
      .from(agencies);
    const links = await db.select().from(agencySuccessors);
    const succ = new Map<string, string[]>();
    for (const l of links) {
      const list = succ.get(l.agencyId);
      if (list) list.push(l.successorId);
      else succ.set(l.agencyId, [l.successorId]);
    }
    return rows.map((r) => ({ ...r, successor_ids: succ.get(r.id) ?? [] }));
  })();
  p.catch(() => agencyCache.delete(db));
  agencyCache.set(db, p);
  return p;
}

/** Scope of a user acting for one agency (memberships and hierarchy read from the database). */
export async function resolveScope(
  db: AppDb,
  input: { userId: string; agencyId: string; requestId?: string },
): Promise<Scope> {
  const ms = await db
    .select({ agency_id: memberships.agencyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, input.userId));
  const nodes = await loadAgencyNodes(db);
  return buildScope({ ...input, memberships: ms, agencies: nodes });
}
