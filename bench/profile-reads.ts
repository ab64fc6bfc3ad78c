// Profile of uncached reads (issue 16 item 3): in-process (app.inject, no network), PostgreSQL (BENCH_DATABASE_URL or
// TEST_DATABASE_URL) or PGlite, demo seed, responseCache off; N requests per route under node --cpu-prof, then the
// self time grouped by where it is spent. Usage: node --cpu-prof --cpu-prof-dir=DIR bench/profile-reads.ts [N]
import { seedDemo } from "../src/db/seed/index.ts";
import { DEMO_PASSWORD } from "../src/db/seed/users.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import { buildApp } from "../src/http/app.ts";

const N = Number(process.argv[2] ?? 200);
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const database = await openTestDatabase(url ? { engine: "postgres", url } : { engine: "pglite" });
try {
  await seedDemo(database, { asOf: "2026-06-30", seed: 42 });
  const app = await buildApp({ database, config: {}, responseCache: false });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "admin", password: DEMO_PASSWORD },
  });
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const list = (await app.inject({ url: "/api/claims?page_size=20", cookies })).json() as {
    items: Array<{ id: string }>;
  };
  for (const path of ["/api/claims?page_size=20", `/api/claims/${list.items[0].id}`, "/api/dashboard"]) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const r = await app.inject({ url: path, cookies });
      if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode}`);
    }
    console.log(`${path}: ${((performance.now() - t0) / N).toFixed(2)} ms/request (sequential, in-process)`);
  }
  await app.close();
} finally {
  await database.close();
}
