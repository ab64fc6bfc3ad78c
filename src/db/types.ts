// Types shared by both database engines. Repositories take `AppDb` (a transaction is an AppDb too).
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export type Database = {
  db: AppDb;
  kind: DbKind;
  /** PostgreSQL only: the connection string (the cluster bus opens its own LISTEN connection with it). */
  url?: string;
  /** Runs parameterless SQL (may contain several statements) directly on the engine. */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement directly on the engine (no ORM); rows as plain objects. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};
