// A derived table (claim_statistics, claim_pending_deadlines) is rebuilt from the claims when the version of its
// derivation recorded in derived_versions differs from the code's: first start after its migration, a restored older
// backup. Idempotent; safe when several servers start at once.
import { eq, sql } from "drizzle-orm";
import { derivedVersions } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

/** Rebuilds `table` with `rebuild` (inside one transaction holding an exclusive lock on it) unless derived_versions
 * already records `version` for it; true when it rebuilt. */
export async function ensureDerivedTable(
  db: AppDb,
  table: string,
  version: number,
  rebuild: (tx: AppDb) => Promise<void>,
): Promise<boolean> {
  const current = async (q: AppDb) => {
    const [row] = await q
      .select({ version: derivedVersions.version })
      .from(derivedVersions)
      .where(eq(derivedVersions.name, table));
    return row?.version === version;
  };
  if (await current(db)) return false;
  return db.transaction(async (tx) => {
    // Writers refreshing a claim wait until the rebuild commits (then derive from what they see); another server
    // starting at the same time finds the table rebuilt.
    await tx.execute(sql`lock table ${sql.identifier(table)} in exclusive mode`);
    if (await current(tx)) return false;
    await rebuild(tx);
    await tx
      .insert(derivedVersions)
      .values({ name: table, version })
      .onConflictDoUpdate({ target: derivedVersions.name, set: { version } });
    return true;
  });
}
