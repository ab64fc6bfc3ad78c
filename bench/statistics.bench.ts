// Time to compute a national report (TT 08/2019 Mẫu 03/04 indicators for one year, by field and province):
// - 1× and 10× national volume: seeded into a fresh database with seedScale, then load (claims + events + audit
//   changes) + computeIndicators through the repository, as the API does;
// - 1×, 10× and 100×: the pure computeIndicators alone on claims generated in memory (generateClaims) — 100× is
//   not seeded into the database because seeding ~20 000 claims through the repositories takes too long for a bench.
import { performance } from "node:perf_hooks";
import { computeStatistics } from "../src/db/repositories/statistics.ts";
import { generateClaims } from "../src/db/seed/generate.ts";
import { seedScale } from "../src/db/seed/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import { SYSTEM_SCOPE } from "../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../src/domain/agencies/index.ts";
import { computeIndicators, reportPeriod, type StatClaim } from "../src/domain/statistics/index.ts";

const AS_OF = "2026-06-30";
const PERIOD = reportPeriod("year", 2025);

function p50(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<Array<{ name: string; ops_per_sec?: number; p50_ms?: number; note?: string }>> {
  const rows: Array<{ name: string; ops_per_sec?: number; p50_ms?: number; note?: string }> = [];
  for (const scale of [1, 10, 100]) {
    const claims: StatClaim[] = generateClaims(AGENCY_ROWS, { asOf: AS_OF, scale, coverAllPhases: true }).map((c) => ({
      id: c.id,
      law: c.law_version ?? "law_2017",
      field: c.field,
      handling_agency_id: c.handling_agency_id,
      managing_agency_id: c.managing_agency_id ?? null,
      events: c.events.map((e) => ({ type: e.type, date: e.date, ground: e.ground, data: e.data ?? null })),
    }));
    computeIndicators(claims, PERIOD, { byProvince: true }); // warm-up
    const s = await time(
      () => computeIndicators(claims, PERIOD, { byProvince: true, byAgency: true }),
      scale === 100 ? 5 : 20,
    );
    const m = p50(s);
    rows.push({
      name: `computeIndicators (thuần) ${scale}× — ${claims.length} vụ việc`,
      p50_ms: m,
      ops_per_sec: 1000 / m,
      note: scale === 100 ? "sinh trong bộ nhớ (generateClaims), không nạp CSDL" : "sinh trong bộ nhớ",
    });
  }
  for (const scale of [1, 10]) {
    const database = await openTestDatabase();
    try {
      const t0 = performance.now();
      const seeded = await seedScale(database, scale, { asOf: AS_OF });
      const seedMs = performance.now() - t0;
      await computeStatistics(database.db, SYSTEM_SCOPE, PERIOD, { byProvince: true }); // warm-up
      const s = await time(() => computeStatistics(database.db, SYSTEM_SCOPE, PERIOD, { byProvince: true }), 5);
      const m = p50(s);
      rows.push({
        name: `báo cáo toàn quốc qua CSDL ${scale}× — ${seeded.claims} vụ việc`,
        p50_ms: m,
        ops_per_sec: 1000 / m,
        note: `${database.kind}; đọc vụ việc + sự kiện + nhật ký thay đổi rồi tính; nạp dữ liệu ${Math.round(seedMs / 1000)} s`,
      });
    } finally {
      await database.close();
    }
  }
  return rows;
}
