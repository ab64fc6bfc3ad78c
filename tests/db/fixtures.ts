// Shared set-up for database tests: the real agency registry loaded into a test database, and scopes per agency.

import { importAgencies } from "../../src/db/repositories/agencies.ts";
import type { AppDb } from "../../src/db/types.ts";
import { buildScope, type Scope, SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/index.ts";

export async function loadAgencies(db: AppDb): Promise<void> {
  await importAgencies(db, SYSTEM_SCOPE, AGENCY_ROWS);
}

/** Scope of a user with `role` at `agencyId` (userId null unless given: audit rows then have no user). */
export function scopeFor(agencyId: string, role = "officer", userId: string | null = null): Scope {
  const scope = buildScope({
    userId: userId ?? "unused",
    agencyId,
    memberships: [{ agency_id: agencyId, role }],
    agencies: AGENCY_ROWS.map((a) => ({ ...a })),
  });
  return { ...scope, userId };
}

export async function tableCount(
  database: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  table: string,
): Promise<number> {
  const [r] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(r.n);
}
