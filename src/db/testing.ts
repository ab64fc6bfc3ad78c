// Test databases. PGlite: a migrated template is built once and cached as `.cache/pglite-<hash>.tar.gz` (keyed by a hash of
// the migrations folder and the PGlite version), then every test file loads it (≈0.6 s instead of ≈4 s initdb + migrate).
// With TEST_DATABASE_URL: a uniquely named database on that server per call, copied from a migrated template database
// made once per migrations hash (see postgresTemplate), dropped again on close().
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, wrapPglite } from "./connect.ts";
import { migrate, migrationsHash } from "./migrate.ts";
import type { Database, DbKind } from "./types.ts";

export type Engine = DbKind;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE_DIR = join(ROOT, ".cache");

/** Engines the database tests should run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function availableEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh migrated database for one test file. Default engine: PostgreSQL when TEST_DATABASE_URL (or `url`, a server
 * URL whose user may CREATE DATABASE) is set, else PGlite.
 * Always `await database.close()` in `after()` (an open PGlite keeps Node alive; the PG database is dropped on close).
 */
export async function openTestDatabase(opts: { engine?: Engine; url?: string } = {}): Promise<Database> {
  const engine = opts.engine ?? (opts.url || process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  return engine === "postgres" ? openPostgresTestDatabase(opts.url) : openPgliteTestDatabase();
}

function pgliteVersion(): string {
  try {
    const req = createRequire(import.meta.url);
    const pkgPath = join(req.resolve("@electric-sql/pglite"), "..", "..", "package.json");
    return (JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function templatePath(): string {
  return join(CACHE_DIR, `pglite-${pgliteVersion()}-${migrationsHash().slice(0, 16)}.tar.gz`);
}

async function openPgliteTestDatabase(): Promise<Database> {
  const path = templatePath();
  if (existsSync(path)) {
    const blob = new Blob([readFileSync(path)]);
    return openDatabase({ memory: true, loadDataDir: blob });
  }
  const client = await PGlite.create();
  const database = wrapPglite(client, () => {});
  await migrate(database);
  const dump = await client.dumpDataDir("gzip");
  mkdirSync(CACHE_DIR, { recursive: true });
  // Write then rename, so a concurrently running test file never reads a half-written template.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return database;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function openPostgresTestDatabase(url?: string): Promise<Database> {
  const adminUrl = url ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("Thiếu biến môi trường TEST_DATABASE_URL cho kiểm thử trên PostgreSQL.");
  const template = await postgresTemplate(adminUrl);
  const name = `btnn_test_${process.pid}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  let inner: Database;
  try {
    inner = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 12 });
    // Up to date already: one bookkeeping query and the reference-data sync (roles follow permissions.ts).
    await migrate(inner);
  } catch (e) {
    await dropDatabase(adminUrl, name);
    throw e;
  }
  return {
    ...inner,
    async close() {
      await inner.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

const postgresTemplates = new Map<string, Promise<string>>();

/** Name of a migrated database on the server to copy test databases from (CREATE DATABASE … TEMPLATE ≈0.4 s instead of
 * ≈1.6 s creating and migrating), keyed by the migrations' hash. Made by the first test process that needs it: migrated
 * under a private name, then renamed; a process that loses the race to rename drops its copy. Nobody connects to it
 * afterwards (a template with a session open cannot be copied). */
export function postgresTemplate(adminUrl: string): Promise<string> {
  let pending = postgresTemplates.get(adminUrl);
  if (!pending) {
    pending = makePostgresTemplate(adminUrl);
    postgresTemplates.set(adminUrl, pending);
    pending.catch(() => postgresTemplates.delete(adminUrl));
  }
  return pending;
}

async function makePostgresTemplate(adminUrl: string): Promise<string> {
  const name = `btnn_template_${migrationsHash().slice(0, 16)}`;
  const exists = await adminQuery(adminUrl, "select 1 from pg_database where datname = $1", [name]);
  if (exists.length > 0) return name;
  const draft = `${name}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${draft}`);
  try {
    const database = await openDatabase({ url: withDatabase(adminUrl, draft), poolSize: 1 });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    await adminQuery(adminUrl, `alter database ${draft} rename to ${name}`);
  } catch (e) {
    await dropDatabase(adminUrl, draft);
    // 42P04 duplicate_database: another test process renamed its template first — use that one.
    if ((e as { code?: string }).code !== "42P04") throw e;
  }
  return name;
}

async function adminQuery(adminUrl: string, text: string, values?: unknown[]): Promise<unknown[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return (await admin.query(text, values)).rows;
  } finally {
    await admin.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}
