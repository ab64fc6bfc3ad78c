// HTTP layer: autocannon against buildApp on 127.0.0.1:0 (loopback only, BENCH_API_SECONDS s per case after a 0.5 s
// warm-up, 10 connections), signed in as the nationwide demo admin on the seeded demo database, against a bare
// Fastify JSON route measured in the same run. Reads: claim list (page of 20), claim detail (masked) and the
// dashboard, each three ways so the figures stay honest:
//   cached   — the default app: session cache + memoised scope + response cache (steady state: every request after
//              the first is a hit until the next write);
//   uncached — buildApp({ responseCache: false }): every request runs the handler, the queries and zod, but the
//              session and scope are cached (what the first read after a write costs);
//   no cache — buildApp({ responseCache: false, sessionCache: false }): one session query per request as well (the
//              layer before the caches existed).
// Write: POST /api/claims (create a claim with one event: code allocation, deadlines, audit row) on the default app.
// PGlite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. On PostgreSQL the cached app
// also polls the server's commit watermark every 500 ms (a shared server with other busy databases invalidates it).
// Narrowing a run (the machine is shared): BENCH_API_ONLY=uncached,detail,list,dashboard,write,pglite,postgres keeps
// only the named variants/routes/engines (each group unfiltered when none of its names is given).
import { createRequire } from "node:module";
import Fastify, { type FastifyInstance } from "fastify";
import { seedDemo } from "../src/db/seed/index.ts";
import { DEMO_PASSWORD } from "../src/db/seed/users.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import type { Database } from "../src/db/types.ts";
import { type BuildAppOptions, buildApp } from "../src/http/app.ts";

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
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 3);
const CONNECTIONS = 10;
const ONLY = (process.env.BENCH_API_ONLY ?? "").split(",").filter(Boolean);
/** Whether `name` is kept: no filter in its `group` of names, or named. */
const kept = (name: string, group: readonly string[]) => !group.some((g) => ONLY.includes(g)) || ONLY.includes(name);
const VARIANT_NAMES = ["cached", "uncached", "no-cache"];
const ROUTE_NAMES = ["list", "detail", "dashboard", "write"];

async function cannon(
  url: string,
  headers: Record<string, string> = {},
  extra: { method?: string; body?: string } = {},
): Promise<CannonResult> {
  await autocannon({ url, connections: CONNECTIONS, duration: 0.5, headers, ...extra }); // warm-up
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers, ...extra });
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const errs = (r: CannonResult) => (r.errors || r.non2xx ? `; LỖI ${r.errors} lỗi, ${r.non2xx} không 2xx` : "");
const pct = (rps: number, bare: number) => `${round((100 * rps) / bare, 1)}% of bare`;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const addr = app.server.address();
  return `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
}

/** Bare Fastify: one JSON route returning a small object, no validation, no database; and `/same/<i>` returning the
 * exact bytes of case i's response, so a large payload's cost on the wire (and in the load generator, which shares
 * the two cores) is in the baseline too. */
async function bareServer(payloads: string[] = []): Promise<{ url: string; base: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get("/json", async () => ({ ok: true, items: [{ id: 1, name: "Thanh Hóa" }] }));
  for (const [i, p] of payloads.entries())
    bare.get(`/same/${i}`, async (_req, reply) => reply.type("application/json; charset=utf-8").send(p));
  const base = await listen(bare);
  return { url: `${base}/json`, base, close: () => bare.close() };
}

const VARIANTS: Array<{ label: string; opts: Partial<BuildAppOptions>; what: string }> = [
  { label: "cached", opts: {}, what: "session + scope + response cache (steady state)" },
  {
    label: "uncached",
    opts: { responseCache: false },
    what: "responseCache: false — handler, queries and zod on every request; session + scope cached",
  },
  {
    label: "no cache",
    opts: { responseCache: false, sessionCache: false },
    what: "responseCache: false, sessionCache: false — also one session query per request",
  },
];

async function benchEngine(label: string, open: () => Promise<Database>): Promise<Row[]> {
  const rows: Row[] = [];
  const database = await open();
  const seeded = await seedDemo(database, { asOf: "2026-06-30", seed: 42 });
  const apps: FastifyInstance[] = [];
  let bare: Awaited<ReturnType<typeof bareServer>> | undefined;
  try {
    const bases: string[] = [];
    for (const v of VARIANTS) {
      const app = await buildApp({ database, config: {}, logger: false, ...v.opts });
      apps.push(app);
      bases.push(await listen(app));
    }
    const login = await fetch(`${bases[0]}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`đăng nhập thất bại: ${login.status} ${await login.text()}`);
    const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const list = (await (await fetch(`${bases[0]}/api/claims?page_size=20`, { headers: { cookie } })).json()) as {
      items: Array<{ id: string; handling_agency_id: string }>;
      total: number;
    };
    const claimId = list.items[0].id;
    const routes = [
      { key: "list", name: "GET /api/claims (page 20)", path: "/api/claims?page_size=20" },
      { key: "detail", name: "GET /api/claims/:id (detail)", path: `/api/claims/${claimId}` },
      { key: "dashboard", name: "GET /api/dashboard", path: "/api/dashboard" },
    ].filter((r) => kept(r.key, ROUTE_NAMES));
    const payloads: string[] = [];
    for (const r of routes) payloads.push(await (await fetch(`${bases[0]}${r.path}`, { headers: { cookie } })).text());
    bare = await bareServer(payloads);
    const bareUrl = bare.url;

    // The machine is shared and noisy: the bare route is measured right before EACH case and the ratio uses that
    // adjacent figure; the bare row shows the median of those runs.
    const bareRuns: CannonResult[] = [];
    const bareNow = async () => {
      const b = await cannon(bareUrl);
      bareRuns.push(b);
      return b.requests.average;
    };
    const caseRows: Row[] = [];
    for (const [ri, r] of routes.entries()) {
      // Same bytes from the bare server: the fair ceiling for this payload size.
      const same = await cannon(`${bare.base}/same/${ri}`);
      for (const [i, v] of VARIANTS.entries()) {
        if (!kept(v.label.replace(" ", "-"), VARIANT_NAMES)) continue;
        const bareRps = await bareNow();
        const res = await cannon(`${bases[i]}${r.path}`, { cookie });
        // Issue 16 target: uncached reads ≥ 20% of the bare route returning the same bytes (on PostgreSQL).
        const sameNote = `; ${pct(res.requests.average, same.requests.average)} with the same ${Math.round(payloads[ri].length / 1024)} KiB body (${round(same.requests.average, 0)} req/s)${v.label === "uncached" ? " — target ≥ 20%" : ""}`;
        caseRows.push({
          name: `${label}: ${r.name} — ${v.label}`,
          rps: round(res.requests.average, 0),
          p50_ms: res.latency.p50,
          p99_ms: res.latency.p99,
          note: `${pct(res.requests.average, bareRps)} (bare ${round(bareRps, 0)} req/s just before)${sameNote}; ${v.what}${errs(res)}`,
        });
      }
    }

    // Write: create a claim (validated body, code allocation, deadline computation, audit row, generation bump).
    if (kept("write", ROUTE_NAMES)) await write();
    async function write() {
      const body = JSON.stringify({
        field: "civil_enforcement",
        handling_agency_id: list.items[0].handling_agency_id,
        claimant_name: "Nguyễn Văn Đo Tải",
        events: [{ type: "received", date: "2026-06-01" }],
      });
      const bareRps = await bareNow();
      const w = await cannon(
        `${bases[0]}/api/claims`,
        { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        { method: "POST", body },
      );
      caseRows.push({
        name: `${label}: POST /api/claims (create) — write`,
        rps: round(w.requests.average, 0),
        p50_ms: w.latency.p50,
        p99_ms: w.latency.p99,
        note: `${pct(w.requests.average, bareRps)} (bare ${round(bareRps, 0)} req/s just before); ${w.requests.total} claims created (${seeded.claims} seeded)${errs(w)}`,
      });
    }
    const sorted = [...bareRuns].sort((a, b) => a.requests.average - b.requests.average);
    const med = sorted[Math.floor(sorted.length / 2)];
    rows.push({
      name: `${label}: bare Fastify JSON route`,
      rps: round(med.requests.average, 0),
      p50_ms: med.latency.p50,
      p99_ms: med.latency.p99,
      note: `baseline: median of ${bareRuns.length} runs, one right before each case below (${round(sorted[0].requests.average, 0)}–${round(sorted[sorted.length - 1].requests.average, 0)} req/s)`,
    });
    rows.push(...caseRows);
  } finally {
    for (const app of apps) await app.close();
    await bare?.close();
    await database.close();
  }
  return rows;
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const engines = ["pglite", "postgres"];
  if (kept("pglite", engines))
    rows.push(...(await benchEngine("PGlite", () => openTestDatabase({ engine: "pglite" }))));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!kept("postgres", engines)) return rows;
  if (pgUrl)
    rows.push(...(await benchEngine("PostgreSQL", () => openTestDatabase({ engine: "postgres", url: pgUrl }))));
  else
    rows.push({
      name: "PostgreSQL",
      note: "bỏ qua: đặt BENCH_DATABASE_URL hoặc TEST_DATABASE_URL để đo trên máy chủ PostgreSQL",
    });
  return rows;
}
