// Applies the drizzle-kit migrations in src/db/migrations (forward only), then syncs reference data (roles).
// The same SQL runs on PGlite and on PostgreSQL 15.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { ROLE_CODES, ROLES } from "../domain/access/permissions.ts";
import { GENESIS_HASH } from "./audit.ts";
import { ensureClaimStatistics } from "./repositories/claim-statistics.ts";
import { ensurePendingDeadlines } from "./repositories/pending-deadlines.ts";
import { assignOccurrencesToLead } from "./repositories/plan-executors.ts";
import { auditHead, roles } from "./schema/index.ts";
import type { Database } from "./types.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

type Journal = { entries: Array<{ idx: number; tag: string; when: number }> };

export function migrationJournal(): Journal {
  return JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as Journal;
}

/** Tag of the newest migration in this build, e.g. "0001_audit_append_only". */
export function latestMigrationId(): string {
  const entries = migrationJournal().entries;
  return entries[entries.length - 1]?.tag ?? "";
}

/** SHA-256 over every file of the migrations folder (names and contents) — changes whenever a migration changes. */
export function migrationsHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p, `${rel}${name.name}/`);
      else {
        h.update(`${rel}${name.name}\0`);
        h.update(readFileSync(p));
        h.update("\0");
      }
    }
  };
  walk(MIGRATIONS_DIR, "");
  return h.digest("hex");
}

/** True when drizzle's bookkeeping already lists every migration of this build (same count, same newest timestamp):
 * one cheap query at start instead of the migrator reading and hashing every SQL file. */
export async function migrationsUpToDate(database: Database): Promise<boolean> {
  const entries = migrationJournal().entries;
  const newest = entries[entries.length - 1];
  if (!newest) return false;
  try {
    const rows = await database.query<{ n: number; last: string | number | null }>(
      "select count(*)::int as n, max(created_at) as last from drizzle.__drizzle_migrations",
    );
    return Number(rows[0]?.n) === entries.length && Number(rows[0]?.last) === newest.when;
  } catch {
    return false; // no bookkeeping table yet: a fresh database
  }
}

export async function migrate(database: Database): Promise<void> {
  if (await migrationsUpToDate(database)) {
    await syncReferenceData(database);
    return;
  }
  // The migrators load only when a migration is pending (a routine start skips them).
  if (database.kind === "pglite") {
    const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
    await migratePglite(database.db as unknown as PgliteDatabase<Record<string, never>>, {
      migrationsFolder: MIGRATIONS_DIR,
    });
  } else {
    const { migrate: migrateNodePg } = await import("drizzle-orm/node-postgres/migrator");
    await migrateNodePg(database.db as unknown as NodePgDatabase<Record<string, never>>, {
      migrationsFolder: MIGRATIONS_DIR,
    });
  }
  await syncReferenceData(database);
}

/** Role catalogue from src/domain/access/permissions.ts (the single source), upserted after every migration; audit genesis;
 * start-up data repairs. */
async function syncReferenceData(database: Database): Promise<void> {
  const rows = ROLE_CODES.map((code) => ({ code, nameVi: ROLES[code].nameVi }));
  await database.db
    .insert(roles)
    .values(rows)
    .onConflictDoUpdate({ target: roles.code, set: { nameVi: sql`excluded.name_vi` } });
  // Genesis head of the audit chain, so concurrent first appends serialise on an existing row.
  await database.db.insert(auditHead).values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  // Data repair of earlier imports: occurrences belong to the lead agency of their task (idempotent, usually a no-op).
  await assignOccurrencesToLead(database.db);
  // Derived tables (claim_statistics, claim_pending_deadlines) built for data that predates them or follows an older
  // derivation.
  await ensureClaimStatistics(database.db);
  await ensurePendingDeadlines(database.db);
}

/** Applied migration count (from drizzle's bookkeeping table), or 0 on a fresh database. */
export async function appliedMigrationCount(database: Database): Promise<number> {
  try {
    const rows = await database.query<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}
