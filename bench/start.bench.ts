// Start-up and memory of the real server process (`npm start` = scripts/start.mjs: web-build check, server bundle,
// `btnn serve`):
//  - baseline: a bare Fastify process (node + fastify, one JSON route) to its first 200, same run;
//  - first-ever start on an empty data folder (initdb, migrations, demo seed) to the first 200 on /api/health;
//  - cold start on that existing, seeded folder to the first 200 on /api/health and on / (the web UI), median of
//    BENCH_START_RUNS (default 3), including the web-build check of `npm start`;
//  - RSS right after start, and peak RSS (VmHWM) of the server under BENCH_START_LOAD_SECONDS (default 10) of
//    autocannon on GET /api/claims (page of 20, signed in as the nationwide demo admin, 10 connections).
//  - CPU time (user + system) of each process to its first 200 beside the bare process's: robust on a shared machine;
//  - the same server on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL: a fresh database, demo seed): RSS after
//    start, idle 5 s later, and peak under the same load.
// Targets (issue 16): `npm start` on existing data → first 200 ≤ 1.5 s; RSS ≤ 300 MB idle and under load on PGlite,
// ≤ 250 MB on PostgreSQL. Linux only (/proc for RSS).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase } from "../src/db/testing.ts";
import type { BenchRow } from "./measure.ts";

type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }>;

const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;
const ROOT = new URL("../", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const LOAD_S = Number(process.env.BENCH_START_LOAD_SECONDS ?? 10);

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? res(a.port) : rej(new Error("no port"))));
    });
  });
}

/** VmRSS / VmHWM (peak) of a process, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

/** CPU time (user + system, with reaped children such as `npm start`'s web-build check) of a process, in ms: on a
 * shared machine the wall time to the first 200 mostly measures the other processes; CPU time does not. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  return Math.round((ticks * 1000) / 100); // USER_HZ is 100 on Linux
}

type Started = { child: ChildProcess; port: number; ms: number; cpu: number; output: () => string };

/** Spawns `cmd` (PORT set) and polls `path` until the first 200; time from spawn. */
async function startUntil200(
  cmd: string[],
  env: Record<string, string>,
  path: string,
  timeoutMs = 600_000,
): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stop() ends npm and the server it started together
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tiến trình đã thoát (${child.exitCode}): ${out.slice(-2000)}`);
    if (performance.now() - t0 > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`quá thời gian chờ khởi động: ${out.slice(-2000)}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}${path}`);
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - t0;
  return { child, port, ms, cpu: cpuMs(child.pid ?? 0), output: () => out };
}

/** Signals the whole process group (npm's CLI does not pass SIGTERM on to the script it runs) and waits until every
 * process of it is gone, so the next start finds the data folder free. */
async function stop(s: Started): Promise<void> {
  const group = -(s.child.pid ?? 0);
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(group, "SIGTERM");
  // Generous: a server killed while PGlite writes its checkpoint leaves the folder to be recovered on the next start.
  const t0 = performance.now();
  while (alive()) {
    if (performance.now() - t0 > 120_000) process.kill(group, "SIGKILL");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s1 = (ms: number) => Math.round(ms / 100) / 10;

// `npm start` without npm's own wrapper: package.json's start script itself (exec: the pid is the server's). It checks
// the web build and the server bundle in the server's process (scripts/start.mjs); a stale bundle is rebuilt by the
// first start below (the first-ever start), so the cold starts measure the bundle as `npm start` runs it every day.
const NPM_START = [
  "sh",
  "-c",
  `exec ${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start}`,
];
// `npm start` as a person types it: npm's own command-line program (its start-up, reading package.json, `sh -c`) before
// the script.
const NPM_CLI = ["npm", "start", "--silent"];
const BARE = [
  process.execPath,
  "--input-type=module",
  "-e",
  "import Fastify from 'fastify'; const a = Fastify(); a.get('/', async () => ({ ok: true })); await a.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });",
];

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "btnn-start-bench-"));
  const env = { DATA_DIR: dataDir, BTNN_SCHEDULER: "0", LOG_LEVEL: "warn", DATABASE_URL: "" };
  try {
    const bareTimes: number[] = [];
    const bareCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = await startUntil200(BARE, {}, "/");
      bareTimes.push(b.ms);
      bareCpu.push(b.cpu);
      await stop(b);
    }
    const bare = median(bareTimes);
    const bareC = median(bareCpu);
    rows.push({
      name: "baseline: bare Fastify process to first 200",
      p50_ms: Math.round(bare),
      note: `node + fastify, one route; median of ${RUNS}; CPU ${bareC} ms; load ${loadavg()[0].toFixed(1)}`,
    });

    const first = await startUntil200(NPM_START, env, "/api/health");
    rows.push({
      name: "first-ever start (empty data dir: initdb, migrations, demo seed) → 200 /api/health",
      p50_ms: Math.round(first.ms),
      note: `${s1(first.ms)} s; ${Math.round(first.ms / bare)}× baseline; ${/Đã nạp dữ liệu mẫu: [^\n]*/.exec(first.output())?.[0] ?? ""}`,
    });
    await stop(first);

    const health: number[] = [];
    const healthCpu: number[] = [];
    const home: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const h = await startUntil200(NPM_START, env, "/api/health");
      health.push(h.ms);
      healthCpu.push(h.cpu);
      await stop(h);
      const w = await startUntil200(NPM_START, env, "/");
      home.push(w.ms);
      await stop(w);
    }
    const h = median(health);
    const w = median(home);
    rows.push({
      name: "cold start, existing seeded data → 200 /api/health (package.json's start script, without npm's CLI)",
      p50_ms: Math.round(h),
      note: `${s1(h)} s (target ≤ 1.5 s: ${h <= 1500 ? "met" : "MISSED"}); ${Math.round((h / bare) * 10) / 10}× baseline; median of ${RUNS}: ${health.map(s1).join(", ")} s; CPU ${median(healthCpu)} ms (${Math.round((median(healthCpu) / bareC) * 10) / 10}× baseline's); load ${loadavg()[0].toFixed(1)}`,
    });
    const viaNpm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const n = await startUntil200(NPM_CLI, env, "/api/health");
      viaNpm.push(n.ms);
      await stop(n);
    }
    const n = median(viaNpm);
    rows.push({
      name: "cold start through the npm CLI (`npm start`), existing data → 200 /api/health",
      p50_ms: Math.round(n),
      note: `${s1(n)} s (target ≤ 1.5 s: ${n <= 1500 ? "met" : "MISSED"}); npm's own start-up ${s1(n - h)} s over the script; median of ${RUNS}: ${viaNpm.map(s1).join(", ")} s`,
    });
    rows.push({
      name: "cold start, existing seeded data → 200 / (web UI)",
      p50_ms: Math.round(w),
      note: `${s1(w)} s; median of ${RUNS}: ${home.map(s1).join(", ")} s`,
    });

    rows.push(...(await memoryUnderLoad("PGlite", env, 300)));
    const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (pgUrl) {
      // A fresh migrated database; the server seeds the demo data into it as on PGlite.
      const db = await openTestDatabase({ engine: "postgres", url: pgUrl });
      try {
        rows.push(...(await memoryUnderLoad("PostgreSQL", { ...env, DATABASE_URL: String(db.url) }, 250)));
      } finally {
        await db.close();
      }
    } else rows.push({ name: "PostgreSQL RSS", note: "bỏ qua: đặt BENCH_DATABASE_URL hoặc TEST_DATABASE_URL" });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** RSS of the server right after start, after 5 s idle, and its peak under LOAD_S seconds of claim-list load. */
async function memoryUnderLoad(engine: string, env: Record<string, string>, targetMb: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server = await startUntil200(NPM_START, env, "/api/health");
  try {
    const pid = server.child.pid ?? 0;
    const afterStart = memory(pid);
    await new Promise((r) => setTimeout(r, 5000));
    const idle = memory(pid);
    rows.push({
      name: `${engine}: RSS after start / idle 5 s later (seeded demo)`,
      note: `${afterStart.rss} MB / ${idle.rss} MB (target ≤ ${targetMb} MB: ${Math.max(afterStart.rss, idle.rss) <= targetMb ? "met" : "MISSED"})`,
    });
    const base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "btnn@2026" }),
    });
    if (login.status !== 200) throw new Error(`đăng nhập thất bại: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const r = await autocannon({
      url: `${base}/api/claims?page_size=20`,
      connections: 10,
      duration: LOAD_S,
      headers: { cookie },
    });
    const loaded = memory(pid);
    rows.push({
      name: `${engine}: peak RSS under ${LOAD_S} s of load on GET /api/claims`,
      rps: Math.round(r.requests.average),
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      note: `peak ${loaded.peak} MB (VmHWM; target ≤ ${targetMb} MB: ${loaded.peak <= targetMb ? "met" : "MISSED"}), ${loaded.rss} MB at the end; 10 connections${r.errors || r.non2xx ? `; LỖI ${r.errors} lỗi, ${r.non2xx} không 2xx` : ""}`,
    });
  } finally {
    await stop(server);
  }
  return rows;
}
