// Database layer: claim list (page of 20, nationwide scope, default order + total) and claim detail (claim, events,
// deadlines, documents, lawful next actions) through the repositories, against the equivalent hand-written SQL in the
// same run. PGlite always; PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. 1× and 10× national volume.
import { getClaim, listClaims } from "../src/db/repositories/claims.ts";
import { seedScale } from "../src/db/seed/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import type { Database } from "../src/db/types.ts";
import { buildScope } from "../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../src/domain/agencies/index.ts";

type Row = { name: string; ops_per_sec?: number; p50_ms?: number; p99_ms?: number; note?: string };

const SCALES = (process.env.BENCH_DB_SCALES ?? "1,10").split(",").map(Number);

async function measure(
  iterations: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ ops: number; p50: number; p99: number }> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i);
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    await fn(i);
    times.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { ops: (iterations / total) * 1000, p50: q(0.5), p99: q(0.99) };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function benchEngine(label: string, open: () => Promise<Database>, scale: number): Promise<Row[]> {
  const database = await open();
  try {
    const t0 = performance.now();
    const seeded = await seedScale(database, scale, { asOf: "2026-06-30", seed: 42 });
    const seedS = (performance.now() - t0) / 1000;
    const scope = buildScope({
      userId: "bench",
      agencyId: "cuc-btnn",
      memberships: [{ agency_id: "cuc-btnn", role: "viewer" }],
      agencies: AGENCY_ROWS.map((a) => ({ ...a })),
    });
    const ids = (await database.query<{ id: string }>("select id from claims order by code")).map((r) => r.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length];
    const n = database.kind === "pglite" ? 200 : 400;

    const repoList = await measure(n, () => listClaims(database.db, scope, {}, { limit: 20, offset: 0 }));
    const sqlList = await measure(n, async () => {
      await database.query("select * from claims order by received_on desc nulls last, code limit 20 offset 0");
      await database.query("select count(*)::int as n from claims");
    });
    const repoDetail = await measure(n, (i) =>
      getClaim(database.db, { ...scope, userId: null }, pick(i), { unmask: false }),
    );
    const sqlDetail = await measure(n, async (i) => {
      const id = pick(i);
      await database.query("select * from claims where id = $1", [id]);
      await database.query("select * from claim_events where claim_id = $1 order by date, seq", [id]);
      await database.query("select * from claim_deadlines where claim_id = $1 order by position", [id]);
      await database.query(
        "select id, kind, title, number, issued_on, file_name, size from claim_documents where claim_id = $1 order by uploaded_at",
        [id],
      );
    });
    const tag = `${label} ${scale}× (${seeded.claims} vụ việc)`;
    const row = (name: string, m: { ops: number; p50: number; p99: number }, note?: string): Row => ({
      name: `${name} — ${tag}`,
      ops_per_sec: round(m.ops, 0),
      p50_ms: round(m.p50),
      p99_ms: round(m.p99),
      note,
    });
    return [
      row(
        "claim list (repository)",
        repoList,
        `${round(repoList.p50 / sqlList.p50, 2)}× p50 of hand SQL; seed ${round(seedS, 1)} s`,
      ),
      row("claim list (hand SQL)", sqlList),
      row(
        "claim detail (repository)",
        repoDetail,
        `${round(repoDetail.p50 / sqlDetail.p50, 2)}× p50 of hand SQL (adds replay + next actions)`,
      ),
      row("claim detail (hand SQL)", sqlDetail),
    ];
  } finally {
    await database.close();
  }
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  for (const scale of SCALES) {
    rows.push(...(await benchEngine("PGlite", () => openTestDatabase({ engine: "pglite" }), scale)));
    if (pgUrl)
      rows.push(
        ...(await benchEngine("PostgreSQL", () => openTestDatabase({ engine: "postgres", url: pgUrl }), scale)),
      );
  }
  if (!pgUrl)
    rows.push({
      name: "PostgreSQL",
      note: "bỏ qua: đặt BENCH_DATABASE_URL hoặc TEST_DATABASE_URL để đo trên máy chủ PostgreSQL",
    });
  return rows;
}
