// Opening the configured database for the server and CLI commands: PostgreSQL when DATABASE_URL is set, else the
// PGlite folder DATA_DIR/pglite (locked). Migrations run on open; then DATA_DIR is made private (0700/0600).
import { type Config, databaseTarget, loadConfig } from "../config.ts";
import { openDatabase } from "./connect.ts";
import { describeFix, restrictDataDir } from "./data-dir-permissions.ts";
import { migrate } from "./migrate.ts";
import type { Database } from "./types.ts";

export async function openConfiguredDatabase(
  config: Config = loadConfig(),
  opts: { migrate?: boolean; log?: (line: string) => void } = {},
): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  try {
    if (opts.migrate !== false) await migrate(database);
    // After opening: a first start's initdb has just written PGlite's files (0666).
    const line = describeFix(config.dataDir, restrictDataDir(config.dataDir));
    if (line) (opts.log ?? ((m: string) => console.error(m)))(line);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/** Human description of where the data lives (for CLI messages; no password). */
export function describeTarget(config: Config): string {
  if (config.databaseUrl) {
    try {
      const u = new URL(config.databaseUrl);
      return `PostgreSQL ${u.hostname}:${u.port || "5432"}${u.pathname}`;
    } catch {
      return "PostgreSQL";
    }
  }
  return `PGlite ${config.pgliteDir}`;
}
