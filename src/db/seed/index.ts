// Demo and synthetic data. `seedDemo` fills an EMPTY database with the real agency structure, demo accounts and
// ~8 years of claims in every procedure state; `seedScale` generates N× national volume for benchmarks.
// Everything goes through the repositories (domain validation + audit rows). Deterministic for (seed, asOf).
import { SYSTEM_SCOPE } from "../../domain/access/scope.ts";
import { AGENCY_ROWS } from "../../domain/agencies/index.ts";
import type { Agency } from "../../domain/agencies/types.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { importAgencies } from "../repositories/agencies.ts";
import { importClaims } from "../repositories/claims.ts";
import { todayVn } from "../repositories/common.ts";
import { createUser, hashPassword } from "../repositories/users.ts";
import type { Database } from "../types.ts";
import { generateClaims } from "./generate.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./users.ts";

export { DEMO_PASSWORD, DEMO_USERS } from "./users.ts";

async function countRows(database: Database, table: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(row.n);
}

/** Empty = no agencies, users, claims or plans (reference rows like roles do not count). */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  for (const t of ["agencies", "users", "claims", "plans"]) if ((await countRows(database, t)) > 0) return false;
  return true;
}

export type SeedResult = { seeded: boolean; agencies: number; users: number; claims: number; as_of: string };

export type SeedOptions = { asOf?: string; seed?: number; agencies?: readonly Agency[] };

/** Loads the demo into an empty database; does nothing (seeded: false) when the database already has data. */
export async function seedDemo(database: Database, opts: SeedOptions = {}): Promise<SeedResult> {
  const asOf = opts.asOf ?? todayVn();
  if (!(await isDatabaseEmpty(database))) return { seeded: false, agencies: 0, users: 0, claims: 0, as_of: asOf };
  const agencies = opts.agencies ?? AGENCY_ROWS;
  await importAgencies(database.db, SYSTEM_SCOPE, agencies);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await createUser(database.db, SYSTEM_SCOPE, {
      username: u.username,
      full_name: u.full_name,
      password: DEMO_PASSWORD,
      password_hash: hash,
      memberships: [{ agency_id: u.agency_id, role: u.role }],
    });
  }
  const claims = generateClaims(agencies, { asOf, seed: opts.seed, coverAllPhases: true });
  await importClaims(database.db, SYSTEM_SCOPE, claims, {
    as_of: asOf,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
  });
  return { seeded: true, agencies: agencies.length, users: DEMO_USERS.length, claims: claims.length, as_of: asOf };
}

/**
 * N× national volume of synthetic claims (benchmarks). Loads the agency registry first when the database has none;
 * refuses when claims already exist (use an empty database).
 */
export async function seedScale(database: Database, scale: number, opts: SeedOptions = {}): Promise<SeedResult> {
  if (!(scale > 0) || scale > 1000)
    throw new DomainError("invalid_scale", "scale", "Hệ số --scale phải trong khoảng (0, 1000].");
  const asOf = opts.asOf ?? todayVn();
  if ((await countRows(database, "claims")) > 0)
    throw new DomainError(
      "not_empty",
      "database",
      "Cơ sở dữ liệu đã có vụ việc; hãy sinh dữ liệu tổng hợp vào một cơ sở dữ liệu trống (ví dụ DATA_DIR khác).",
    );
  const agencies = opts.agencies ?? AGENCY_ROWS;
  let agencyCount = 0;
  if ((await countRows(database, "agencies")) === 0) {
    await importAgencies(database.db, SYSTEM_SCOPE, agencies);
    agencyCount = agencies.length;
  }
  const claims = generateClaims(agencies, { asOf, seed: opts.seed, scale, coverAllPhases: true });
  await importClaims(database.db, SYSTEM_SCOPE, claims, {
    as_of: asOf,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    batchSize: 200,
  });
  return { seeded: true, agencies: agencyCount, users: 0, claims: claims.length, as_of: asOf };
}
