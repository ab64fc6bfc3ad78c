// Durability harness: a prepared database target (a PGlite folder or a fresh PostgreSQL database on the
// TEST_DATABASE_URL server) holding the real agency registry and one officer of Cục BTNN; `btnn serve` as a child
// process on a free loopback port; a cookie/CSRF-aware fetch client. Every child is tracked and SIGKILLed by
// `killChildren()` (call it in after()), and on process exit as a last resort.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../../src/db/connect.ts";
import { migrate } from "../../src/db/migrate.ts";
import { importAgencies } from "../../src/db/repositories/agencies.ts";
import { createUser } from "../../src/db/repositories/users.ts";
import { type Engine, openTestDatabase, postgresTemplate, templatePath } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { CLI_NODE_FLAGS } from "../cli/run-cli.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const USERNAME = "canbo.benvung";
export const PASSWORD = "mat-khau-ben-vung-1";
/** The officer's agency (national scope: Cục Bồi thường nhà nước). */
export const AGENCY = "cuc-btnn";

export type Target = {
  engine: Engine;
  /** DATA_DIR of the server (PGlite lives in DATA_DIR/pglite; session secret also here). */
  dataDir: string;
  pgliteDir: string;
  /** PostgreSQL only: URL of the test's own database. */
  url?: string;
  /** Environment for `btnn` child processes on this target. */
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
};

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sqlText: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sqlText);
  } finally {
    await admin.end();
  }
}

/** A migrated, seeded (agencies + one officer) database that a server child process can open. */
export async function prepareTarget(engine: Engine, opts: { seed?: boolean } = {}): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), `btnn-durability-${engine}-`));
  const pgliteDir = join(dataDir, "pglite");
  let url: string | undefined;
  let dbName: string | undefined;
  if (engine === "postgres") {
    if (!process.env.TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL chưa đặt");
    dbName = `btnn_dur_${process.pid}_${randomBytes(5).toString("hex")}`;
    await adminQuery(`create database ${dbName} template ${await postgresTemplate(process.env.TEST_DATABASE_URL)}`);
    url = withDatabase(process.env.TEST_DATABASE_URL, dbName);
  } else if (!existsSync(templatePath())) {
    await (await openTestDatabase({ engine: "pglite" })).close(); // builds the cached migrated template
  }
  const open = () =>
    url
      ? openDatabase({ url, poolSize: 4 })
      : openDatabase({
          dataDir: pgliteDir,
          loadDataDir: existsSync(join(pgliteDir, "PG_VERSION")) ? undefined : new Blob([readFileSync(templatePath())]),
        });
  const target: Target = {
    engine,
    dataDir,
    pgliteDir,
    url,
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: url ?? "",
      HOST: "127.0.0.1",
      BTNN_SCHEDULER: "0",
      LOG_LEVEL: "",
      NODE_ENV: "test",
    },
    open,
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
    },
  };
  if (opts.seed === false) return target;
  const database = await open();
  try {
    await migrate(database);
    await importAgencies(database.db, SYSTEM_SCOPE, AGENCY_ROWS);
    await createUser(database.db, SYSTEM_SCOPE, {
      username: USERNAME,
      full_name: "Cán bộ kiểm thử độ bền",
      password: PASSWORD,
      memberships: [{ agency_id: AGENCY, role: "officer" }],
    });
  } finally {
    await database.close();
  }
  return target;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? res(a.port) : rej(new Error("no port"))));
    });
  });
}

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

/** SIGKILLs every child this harness started that is still running, and waits for them to be gone. */
export async function killChildren(): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      waits.push(new Promise((r) => c.once("exit", r)));
      c.kill("SIGKILL");
    }
  }
  await Promise.all(waits);
  children.clear();
}

export type Child = {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the output once it matches, rejects when the process exits first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
};

/** Runs `node src/cli/main.ts ...args` with the target's environment. */
export function runBtnn(target: Target, args: string[], extraEnv: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, "src/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...target.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      res({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, ms = 180_000) =>
    new Promise<string>((res, rej) => {
      const t0 = Date.now();
      const tick = () => {
        if (pattern.test(out)) return res(out);
        if (child.exitCode !== null || child.signalCode !== null)
          return rej(new Error(`btnn ${args.join(" ")} đã thoát (${child.exitCode ?? child.signalCode}): ${out}`));
        if (Date.now() - t0 > ms) return rej(new Error(`hết thời gian chờ ${pattern}: ${out}`));
        setTimeout(tick, 50);
      };
      tick();
    });
  if (child.pid === undefined) throw new Error("không khởi chạy được tiến trình con");
  return { child, pid: child.pid, output: () => out, exited, waitFor };
}

export type Server = Child & { base: string };

/** `btnn serve --no-seed` on a free port; resolves once it listens. */
export async function startServer(target: Target): Promise<Server> {
  const port = await freePort();
  const c = runBtnn(target, ["serve", "--no-seed"], { PORT: String(port) });
  await c.waitFor(/BTNN đang chạy tại http:\/\/127\.0\.0\.1:\d+/);
  return { ...c, base: `http://127.0.0.1:${port}` };
}

export type Reply = { status: number; body: unknown; headers: Headers };

/** A signed-in browser over fetch: keeps the cookies, sends x-csrf-token (= the btnn_csrf cookie) on writes. */
export class ApiClient {
  cookies: Record<string, string> = {};
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    if (cookie) headers.cookie = cookie;
    if (method !== "GET" && this.cookies.btnn_csrf) headers["x-csrf-token"] = this.cookies.btnn_csrf;
    // A Buffer is a raw upload (evidence files); anything else is JSON.
    const raw = Buffer.isBuffer(body);
    if (body !== undefined) headers["content-type"] = raw ? "application/octet-stream" : "application/json";
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(c)) delete this.cookies[name];
      else this.cookies[name] = value;
    }
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get(path: string) {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown) {
    return this.request("POST", path, body);
  }

  async login(username = USERNAME, password = PASSWORD): Promise<void> {
    const r = await this.post("/api/auth/login", { username, password });
    if (r.status !== 200) throw new Error(`đăng nhập ${username} thất bại: ${r.status} ${JSON.stringify(r.body)}`);
  }
}
