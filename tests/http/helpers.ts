// Test fixture for the HTTP tests: a fresh migrated database, a handful of real agencies (central, Thanh Hóa,
// Hà Nội), one user per role at Sở Tư pháp Thanh Hóa plus outsiders, and a tiny cookie-aware client over app.inject().
import { hash } from "@node-rs/argon2";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { importAgencies } from "../../src/db/repositories/agencies.ts";
import { memberships, users } from "../../src/db/schema/index.ts";
import { type Engine, openTestDatabase } from "../../src/db/testing.ts";
import type { AppDb, Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { type BuildAppOptions, buildApp } from "../../src/http/app.ts";

export const PASSWORD = "mat-khau-thu-nghiem-1";

export const FIXTURE_AGENCIES = [
  "bo-tu-phap",
  "cuc-btnn",
  "cuc-ql-thads",
  "ubnd-thanh-hoa",
  "stp-thanh-hoa",
  "thads-thanh-hoa",
  "phong-thads-kv-tp-thanh-hoa",
  "ubnd-ha-noi",
  "stp-ha-noi",
  "thads-ha-noi",
] as const;

/** username → [agency, role]. The four roles sit at Sở Tư pháp Thanh Hóa (province scope); outsiders elsewhere. */
export const FIXTURE_USERS: Record<string, [string, string]> = {
  sysadmin: ["cuc-btnn", "system_admin"],
  agency_admin: ["stp-thanh-hoa", "agency_admin"],
  officer: ["stp-thanh-hoa", "officer"],
  viewer: ["stp-thanh-hoa", "viewer"],
  officer_hn: ["stp-ha-noi", "officer"],
  officer_cuc: ["cuc-btnn", "officer"],
  officer_phong: ["phong-thads-kv-tp-thanh-hoa", "officer"],
};

/** Imports the fixture agencies (all of FIXTURE_AGENCIES unless `agencies` is given; none with `false`) and creates
 * the FIXTURE_USERS with their memberships; returns username → user id. */
export async function seedFixtureUsers(
  db: AppDb,
  agencies: readonly string[] | false = FIXTURE_AGENCIES,
): Promise<Record<string, string>> {
  if (agencies) {
    const wanted = new Set<string>(agencies);
    await importAgencies(
      db,
      SYSTEM_SCOPE,
      AGENCY_ROWS.filter((a) => wanted.has(a.id)),
    );
  }
  const passwordHash = await hash(PASSWORD);
  const userIds: Record<string, string> = {};
  for (const [username, [agencyId, role]] of Object.entries(FIXTURE_USERS)) {
    const [u] = await db
      .insert(users)
      .values({ username, fullName: `Người dùng ${username}`, passwordHash })
      .returning({ id: users.id });
    userIds[username] = u.id;
    await db.insert(memberships).values({ userId: u.id, agencyId, role });
  }
  return userIds;
}

export type Fixture = {
  database: Database;
  app: FastifyInstance;
  userIds: Record<string, string>;
  close(): Promise<void>;
};

export async function setupFixture(
  opts: {
    now?: () => Date;
    onRoute?: BuildAppOptions["onRoute"];
    engine?: Engine;
    publicLimits?: BuildAppOptions["publicLimits"];
  } = {},
): Promise<Fixture> {
  const database = await openTestDatabase({ engine: opts.engine });
  const userIds = await seedFixtureUsers(database.db);
  const app = await buildApp({
    database,
    config: {},
    now: opts.now,
    onRoute: opts.onRoute,
    publicLimits: opts.publicLimits,
  });
  await app.ready();
  return {
    database,
    app,
    userIds,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser: keeps the cookies and sends the CSRF header on writes. */
export class Client {
  cookies: Record<string, string> = {};
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  get csrf(): string | undefined {
    return this.cookies.btnn_csrf;
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    const method = (opts.method ?? "GET").toUpperCase();
    if (opts.csrf !== false && method !== "GET" && this.csrf) headers["x-csrf-token"] ??= this.csrf;
    if (opts.payload !== undefined && typeof opts.payload === "object") {
      headers["content-type"] ??= "application/json";
    }
    const res = await this.app.inject({ ...opts, headers, cookies: { ...this.cookies, ...(opts.cookies ?? {}) } });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const cleared = c.value === "" || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (cleared) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: "GET", url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: "POST", url, payload: payload as InjectOptions["payload"] });
  }
  patch(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: "PATCH", url, payload: payload as InjectOptions["payload"], headers });
  }
  delete(url: string) {
    return this.request({ method: "DELETE", url });
  }

  async login(username: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post("/api/auth/login", { username, password });
  }
}

export async function signedIn(app: FastifyInstance, username: string): Promise<Client> {
  const c = new Client(app);
  const r = await c.login(username);
  if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
  return c;
}
