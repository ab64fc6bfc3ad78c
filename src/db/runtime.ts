// Opening the configured database for the server and CLI commands: PostgreSQL when DATABASE_URL is set, else the
// PGlite folder DATA_DIR/pglite (locked). Migrations run on open.
import { type Config, databaseTarget, loadConfig } from "../config.ts";
import { openDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";
import type { Database } from "./types.ts";

export async function openConfiguredDatabase(
  config: Config = loadConfig(),
  opts: { migrate?: boolean } = {},
): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  if (opts.migrate !== false) {
    try {
      await migrate(database);
    } catch (e) {
      await database.close();
      throw e;
    }
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
