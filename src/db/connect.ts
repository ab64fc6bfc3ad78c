// Opens the database: embedded PGlite (a data folder, or in memory) or a PostgreSQL server (DATABASE_URL).
// Both engines get the same Drizzle schema, so repositories are written once against `AppDb`.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { acquireLock } from "./lock.ts";
import * as schema from "./schema/index.ts";
import type { AppDb, Database } from "./types.ts";

export type { AppDb, Database } from "./types.ts";

export type OpenConfig = {
  /** PGlite data folder (created if missing; locked with btnn.lock). */
  dataDir?: string;
  /** postgres://… — use a PostgreSQL server instead of PGlite. */
  url?: string;
  /** PGlite in memory (tests, throw-away runs). */
  memory?: boolean;
  /** PGlite only: start from a dumped data folder (dumpDataDir) instead of initdb. */
  loadDataDir?: Blob;
  /** PostgreSQL only: pool size (default 10). */
  poolSize?: number;
};

export class DatabaseConnectError extends Error {
  readonly code = "database_connect";
}

/** PGlite's default shared_buffers is 128 MB of WebAssembly memory; 32 MB keeps the server under 300 MB RSS and the
 * operating system's page cache still holds the data files. */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

export async function openDatabase(cfg: OpenConfig): Promise<Database> {
  if (cfg.url) return openPostgres(cfg.url, cfg.poolSize ?? 10);
  if (cfg.dataDir && !cfg.memory) {
    mkdirSync(cfg.dataDir, { recursive: true });
    const release = acquireLock(cfg.dataDir);
    try {
      const client = await PGlite.create({
        dataDir: cfg.dataDir,
        loadDataDir: cfg.loadDataDir,
        startParams: PGLITE_START_PARAMS,
      });
      return wrapPglite(client, release);
    } catch (e) {
      release();
      throw new DatabaseConnectError(
        `Không mở được cơ sở dữ liệu PGlite tại "${cfg.dataDir}": ${(e as Error).message}`,
        {
          cause: e,
        },
      );
    }
  }
  const client = await PGlite.create({ loadDataDir: cfg.loadDataDir, startParams: PGLITE_START_PARAMS });
  return wrapPglite(client, () => {});
}

export function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as AppDb;
  let closed = false;
  return {
    db,
    kind: "pglite",
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await client.query<T>(sqlText, params as never[]);
      return r.rows;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // The PostgreSQL driver loads only when it is used: a server on PGlite never needs it.
  const [{ default: pg }, { drizzle: drizzleNodePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
  ]);
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseConnectError(
      `Không kết nối được tới máy chủ PostgreSQL (${redact(url)}): ${(e as Error).message}. Kiểm tra biến DATABASE_URL.`,
      { cause: e },
    );
  }
  const db = drizzleNodePg(pool, { schema }) as unknown as AppDb;
  let closed = false;
  return {
    db,
    kind: "postgres",
    url,
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await pool.query(sqlText, params);
      return r.rows as T[];
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db (for messages and logs). */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(URL không hợp lệ)";
  }
}
