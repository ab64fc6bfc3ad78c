// Profile of uncached reads (issue 16 item 3). PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL) or PGlite, demo
// seed, responseCache off. Two ways:
//   node bench/profile-reads.ts [N]          — N sequential in-process requests per route (app.inject, no network);
//   node bench/profile-reads.ts --load [S]   — the api bench's load: autocannon, 10 connections, S seconds per route
//     against the listening app in this process. Prints req/s and the CPU each request costs in Node and, when the
//     database server runs on this machine, in PostgreSQL's backends (/proc), then where Node's time goes (self time
//     of a CPU profile taken during the load, grouped by package), and writes the profile to PROFILE_DIR (default
//     the system's temp folder) for Chrome DevTools.
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { seedDemo } from "../src/db/seed/index.ts";
import { DEMO_PASSWORD } from "../src/db/seed/users.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import { buildApp } from "../src/http/app.ts";

type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
};

const load = process.argv.includes("--load");
const count = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? (load ? 5 : 200));
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const database = await openTestDatabase(url ? { engine: "postgres", url } : { engine: "pglite" });
try {
  await seedDemo(database, { asOf: "2026-06-30", seed: 42 });
  const app = await buildApp({ database, config: {}, logger: false, responseCache: false });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "admin", password: DEMO_PASSWORD },
  });
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const list = (await app.inject({ url: "/api/claims?page_size=20", cookies })).json() as {
    items: Array<{ id: string }>;
  };
  const paths = ["/api/claims?page_size=20", `/api/claims/${list.items[0].id}`, "/api/dashboard"];
  if (!load) {
    for (const path of paths) {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const r = await app.inject({ url: path, cookies });
        if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode}`);
      }
      console.log(`${path}: ${((performance.now() - t0) / count).toFixed(2)} ms/request (sequential, in-process)`);
    }
  } else {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const addr = app.server.address();
    const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    const autocannon = createRequire(import.meta.url)("autocannon") as (o: object) => Promise<{
      requests: { average: number; total: number };
      non2xx: number;
    }>;
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    for (const path of paths.slice(0, 2)) {
      const opts = { url: base + path, connections: 10, headers: { cookie } };
      await autocannon({ ...opts, duration: 1 }); // warm-up
      const pg0 = await backendTicks();
      const cpu0 = process.cpuUsage();
      await session.post("Profiler.start");
      const r = await autocannon({ ...opts, duration: count });
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
      const cpu = process.cpuUsage(cpu0);
      const pg1 = await backendTicks();
      const n = r.requests.total;
      const pgNote =
        pg0 !== undefined && pg1 !== undefined ? `, PostgreSQL ${(((pg1 - pg0) * 10) / n).toFixed(3)} ms` : "";
      console.log(
        `${path}: ${Math.round(r.requests.average)} req/s (${r.non2xx} non-2xx); CPU per request: Node ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms (server and load generator)${pgNote}`,
      );
      const file = join(
        process.env.PROFILE_DIR ?? tmpdir(),
        `reads-${path.includes("?") ? "list" : "detail"}.cpuprofile`,
      );
      writeFileSync(file, JSON.stringify(profile));
      console.log(`  profile: ${file}\n${selfTime(profile)}`);
    }
  }
  await app.close();
} finally {
  await database.close();
}

/** CPU ticks (1/100 s) of this database's backends, read from /proc; undefined when they are not on this machine. */
async function backendTicks(): Promise<number | undefined> {
  if (database.kind !== "postgres") return undefined;
  const rows = (await database.db.execute(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  )) as unknown as { rows: Array<{ pid: number }> };
  let ticks = 0;
  for (const { pid } of rows.rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime + stime
    } catch {
      return undefined;
    }
  }
  return ticks;
}

/** The profile's self time grouped by package (node_modules), source folder or native function, largest first. */
function selfTime(p: CpuProfile): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const { functionName, url: u } = byId.get(id)!.callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1];
    const src = /\/(src\/[^/]+\/[^/]+)/.exec(u)?.[1];
    const key = pkg ?? src ?? (u.startsWith("node:") ? u : `${functionName || "(anonymous)"} (native)`);
    const dt = p.timeDeltas[i] ?? 0;
    groups.set(key, (groups.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
    .join("\n");
}
