// HTTP layer: autocannon against buildApp on 127.0.0.1:0 (loopback only, 3 s per case, 10 connections) for the claim
// list (page of 20) and claim detail (masked: claim, events, deadlines, documents, next actions), signed in as the
// nationwide demo admin on the seeded demo database, against a bare Fastify JSON route in the same run.
// PGlite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. Then an in-process breakdown:
// the repository call alone vs the full request through app.inject (what the HTTP layer adds).
import { createRequire } from "node:module";
import Fastify from "fastify";
import { getClaim, listClaims } from "../src/db/repositories/claims.ts";
import { resolveScope } from "../src/db/scope.ts";
import { seedDemo } from "../src/db/seed/index.ts";
import { DEMO_PASSWORD } from "../src/db/seed/users.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import type { Database } from "../src/db/types.ts";
import { buildApp } from "../src/http/app.ts";

type Row = { name: string; rps?: number; p50_ms?: number; p99_ms?: number; note?: string };
type CannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
};
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 3);
const CONNECTIONS = 10;

async function cannon(url: string, headers: Record<string, string> = {}): Promise<CannonResult> {
  await autocannon({ url, connections: CONNECTIONS, duration: 0.5, headers }); // warm-up
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const errs = (r: CannonResult) => (r.errors || r.non2xx ? `; LỖI ${r.errors} lỗi, ${r.non2xx} không 2xx` : "");

async function benchEngine(label: string, open: () => Promise<Database>, bareRps: number): Promise<Row[]> {
  const rows: Row[] = [];
  const database = await open();
  const seeded = await seedDemo(database, { asOf: "2026-06-30", seed: 42 });
  const app = await buildApp({ database, config: {}, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`đăng nhập thất bại: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const list = (await (await fetch(`${base}/api/claims?page_size=20`, { headers: { cookie } })).json()) as {
      items: Array<{ id: string }>;
      total: number;
    };
    const claimId = list.items[0].id;

    const l = await cannon(`${base}/api/claims?page_size=20`, { cookie });
    const d = await cannon(`${base}/api/claims/${claimId}`, { cookie });
    rows.push({
      name: `${label}: GET /api/claims (page 20)`,
      rps: round(l.requests.average, 0),
      p50_ms: l.latency.p50,
      p99_ms: l.latency.p99,
      note: `bare/list = ${round(bareRps / l.requests.average, 1)}×; ${list.total} claims (demo seed); session + scope + zod${errs(l)}`,
    });
    rows.push({
      name: `${label}: GET /api/claims/:id (detail)`,
      rps: round(d.requests.average, 0),
      p50_ms: d.latency.p50,
      p99_ms: d.latency.p99,
      note: `bare/detail = ${round(bareRps / d.requests.average, 1)}×; ${seeded.claims} claims seeded${errs(d)}`,
    });

    // Where the time goes: one call at a time in process — repository alone vs the full request (no socket).
    const cookies = Object.fromEntries(cookie.split("; ").map((c) => c.split("=") as [string, string]));
    const me = (await app.inject({ url: "/api/auth/me", cookies })).json() as {
      user: { id: string };
      agency_id: string;
    };
    const scope = await resolveScope(database.db, { userId: me.user.id, agencyId: me.agency_id });
    const seq = async (fn: () => Promise<unknown>, n = 100) => {
      for (let i = 0; i < 10; i++) await fn();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - t0) / n;
    };
    const repoList = await seq(() => listClaims(database.db, scope, {}, { limit: 20, offset: 0 }));
    const httpList = await seq(() => app.inject({ url: "/api/claims?page_size=20", cookies }));
    const repoDetail = await seq(() => getClaim(database.db, scope, claimId, { unmask: false }));
    const httpDetail = await seq(() => app.inject({ url: `/api/claims/${claimId}`, cookies }));
    rows.push({
      name: `${label}: in-process list (app.inject)`,
      p50_ms: round(httpList),
      note: `mean ms/call, sequential: repository ${round(repoList)} + HTTP layer ${round(httpList - repoList)} (session+memberships query, scope, zod, JSON)`,
    });
    rows.push({
      name: `${label}: in-process detail (app.inject)`,
      p50_ms: round(httpDetail),
      note: `mean ms/call, sequential: repository ${round(repoDetail)} + HTTP layer ${round(httpDetail - repoDetail)}`,
    });
  } finally {
    await app.close();
    await database.close();
  }
  return rows;
}

export async function run(): Promise<Row[]> {
  // Bare Fastify: one JSON route returning a small object, no validation, no database.
  const bare = Fastify({ logger: false });
  bare.get("/json", async () => ({ ok: true, items: [{ id: 1, name: "Thanh Hóa" }] }));
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const bareAddr = bare.server.address();
  let b: CannonResult;
  try {
    b = await cannon(`http://127.0.0.1:${typeof bareAddr === "object" && bareAddr ? bareAddr.port : 0}/json`);
  } finally {
    await bare.close();
  }
  const rows: Row[] = [
    {
      name: "bare Fastify JSON route",
      rps: round(b.requests.average, 0),
      p50_ms: b.latency.p50,
      p99_ms: b.latency.p99,
      note: `baseline, ${CONNECTIONS} connections × ${DURATION_S} s, same process and run${errs(b)}`,
    },
  ];
  rows.push(...(await benchEngine("PGlite", () => openTestDatabase({ engine: "pglite" }), b.requests.average)));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl)
    rows.push(
      ...(await benchEngine(
        "PostgreSQL",
        () => openTestDatabase({ engine: "postgres", url: pgUrl }),
        b.requests.average,
      )),
    );
  else
    rows.push({
      name: "PostgreSQL",
      note: "bỏ qua: đặt BENCH_DATABASE_URL hoặc TEST_DATABASE_URL để đo trên máy chủ PostgreSQL",
    });
  return rows;
}
