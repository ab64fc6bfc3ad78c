// Bulk paths used at benchmark volume (bench/volume.bench.ts): the dashboard, the batched recomputation of
// every open claim's deadlines after a calendar change, and the server-side replication of a seed. Each is checked
// against figures computed independently from the raw rows.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { recomputeClaimDeadlines, recomputeOpenClaimDeadlines } from "../../src/db/repositories/claims.ts";
import { loadDashboard } from "../../src/db/repositories/dashboard.ts";
import { computeStatistics } from "../../src/db/repositories/statistics.ts";
import { replicateClaims } from "../../src/db/seed/bulk.ts";
import { seedScale } from "../../src/db/seed/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { calendarWithDay } from "../../src/domain/claims/index.ts";
import { addDays, dayOfWeek } from "../../src/domain/shared/dates.ts";
import { reportPeriod } from "../../src/domain/statistics/index.ts";
import { runDailyJobs } from "../../src/jobs/reminders.ts";

const AS_OF = "2026-06-30";
// The extra day off is chosen from the data (see the test): a working day between 04/05 and 31/08/2026, a stretch
// with no holiday in the official notices, so "one working day later" is simply the next weekday.

type DlRow = { claim_id: string; position: number; step: string; due: string | null; unit: string | null };

for (const engine of availableEngines()) {
  describe(`volume bulk paths on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
      await seedScale(database, 1, { asOf: AS_OF, seed: 42 });
    });
    after(async () => {
      await database?.close();
    });

    test("Dashboard — claim figures are the statistics of the year; deadline lists equal the raw deadline rows", async () => {
      const d = await loadDashboard(database.db, SYSTEM_SCOPE, AS_OF);
      // Claim figures: the statistics indicators of 2026 (what /api/statistics?kind=year&year=2026 computes).
      const stats = await computeStatistics(database.db, SYSTEM_SCOPE, reportPeriod("year", 2026), {
        byProvince: true,
      });
      assert.deepEqual([d.statistics.period.from, d.statistics.period.to], ["2026-01-01", "2026-12-31"]);
      for (const f of d.statistics.totals) assert.equal(f.value, stats.total[f.indicator].value, f.indicator);
      for (const f of [...d.statistics.in_progress_by_field, ...d.statistics.handled_by_field])
        assert.equal(f.value, stats.by_field[f.field!][f.indicator].value, `${f.indicator} ${f.field}`);
      for (const f of d.statistics.handled_by_province)
        assert.equal(f.value, stats.by_province![f.province_id!].handled.value, f.province_id);
      const [{ n: open }] = await database.query<{ n: number }>("select count(*)::int as n from claims where open");
      const inProgress = stats.total.in_progress.value;
      assert.ok(inProgress > 0 && inProgress <= open, `${inProgress} in progress ≤ ${open} open claims`);
      assert.ok(d.statistics.handled_by_province.length > 5, "claims over many provinces");
      assert.ok(
        d.statistics.handled_by_province.some((p) => p.name && !/^Ủy ban/.test(p.name)),
        "province names without 'Ủy ban nhân dân'",
      );
      // Week Monday … Sunday containing 30/06/2026 (a Tuesday).
      assert.deepEqual(d.week, { from: "2026-06-29", to: "2026-07-05" });
      const dls = await database.query<{ claim_id: string; code: string; step: string; due: string; open: boolean }>(
        `select d.claim_id, c.code, d.step, to_char(d.due, 'YYYY-MM-DD') as due, c.open from claim_deadlines d
         join claims c on c.id = d.claim_id where d.kind = 'deadline' and d.status in ('open','overdue') and c.open`,
      );
      const order = (a: { due: string; code: string; step: string }, b: { due: string; code: string; step: string }) =>
        a.due !== b.due
          ? a.due < b.due
            ? -1
            : 1
          : a.code !== b.code
            ? a.code < b.code
              ? -1
              : 1
            : a.step < b.step
              ? -1
              : 1;
      const key = (x: { claim_id: string; step: string; due: string }) => `${x.claim_id}|${x.step}|${x.due}`;
      const overdue = dls.filter((x) => x.due < AS_OF).sort(order);
      assert.ok(overdue.length > 0, "the seed has overdue deadlines");
      assert.equal(d.deadlines_overdue.length, Math.min(50, overdue.length));
      assert.equal(d.deadlines_overdue_total, overdue.length);
      for (let i = 1; i < d.deadlines_overdue.length; i++)
        assert.ok(d.deadlines_overdue[i - 1].due <= d.deadlines_overdue[i].due, "ordered by due");
      const cut = d.deadlines_overdue.at(-1)!.due;
      assert.deepEqual(
        d.deadlines_overdue
          .filter((x) => x.due < cut)
          .map(key)
          .sort(),
        overdue
          .filter((x) => x.due < cut)
          .map(key)
          .sort(),
      );
      const week = dls.filter((x) => x.due >= AS_OF && x.due <= "2026-07-05");
      assert.deepEqual(d.deadlines_this_week.map(key).sort(), week.map(key).sort());
      assert.equal(d.deadlines_this_week_total, week.length);
      assert.deepEqual(d.requests_awaiting, { total: 0, items: [] }, "system scope has no acting agency");
    });

    test("Bộ luật Dân sự 2015, Điều 148 — thêm một ngày nghỉ: thời hạn ngày làm việc đi qua ngày đó lùi một ngày làm việc; lô = từng vụ việc", async () => {
      const before = await database.query<DlRow & { from_date: string }>(
        `select d.claim_id, d.position, d.step, to_char(d.due, 'YYYY-MM-DD') as due, d.unit,
                d.details->>'from_date' as from_date
         from claim_deadlines d join claims c on c.id = d.claim_id where c.open order by d.claim_id, d.position`,
      );
      const candidates = before
        .filter((b) => b.unit === "working_days" && b.due && b.from_date && b.from_date < b.due)
        .filter((b) => b.due! >= "2026-05-04" && b.due! <= "2026-08-31")
        .map((b) => b.due!)
        .sort();
      assert.ok(candidates.length > 0, "the seed has open working-day deadlines in May–August 2026");
      const EXTRA = {
        date: candidates.at(-1)!,
        kind: "holiday" as const,
        name: "Ngày nghỉ thử",
        source: "Thông báo thử",
      };
      const calendar = calendarWithDay(EXTRA);
      const r = await recomputeOpenClaimDeadlines(database.db, SYSTEM_SCOPE, { calendar, as_of: AS_OF, batchSize: 7 });
      const [{ n: openCount }] = await database.query<{ n: number }>(
        "select count(*)::int as n from claims where open",
      );
      assert.equal(r.claims, openCount);
      const afterBulk = await database.query<DlRow & { explanation: unknown; status: string | null }>(
        `select d.claim_id, d.position, d.step, to_char(d.due, 'YYYY-MM-DD') as due, d.unit, d.explanation, d.status,
                d.details from claim_deadlines d join claims c on c.id = d.claim_id where c.open order by d.claim_id, d.position`,
      );
      assert.equal(afterBulk.length, r.deadlines);
      // Independent check: a working-day deadline counted across the new day off ends one working day later.
      const nextWorking = (d: string) => {
        let x = addDays(d, 1);
        while (dayOfWeek(x) === 0 || dayOfWeek(x) === 6) x = addDays(x, 1);
        return x;
      };
      const old = new Map(before.map((b) => [`${b.claim_id}|${b.position}`, b]));
      let crossing = 0;
      for (const a of afterBulk) {
        const b = old.get(`${a.claim_id}|${a.position}`);
        if (b?.unit !== "working_days" || !b.due || !b.from_date || b.step !== a.step) continue;
        if (b.from_date < EXTRA.date && b.due >= EXTRA.date && b.due < "2026-08-31") {
          crossing++;
          assert.equal(a.due, nextWorking(b.due), `${a.step} of ${a.claim_id}`);
        } else if (b.due < EXTRA.date) assert.equal(a.due, b.due);
      }
      assert.ok(crossing > 0, "some open working-day deadline runs across the new day off");
      // The per-claim path stores exactly the same rows.
      const ids = [...new Set(afterBulk.map((a) => a.claim_id))];
      for (const id of ids) await recomputeClaimDeadlines(database.db, SYSTEM_SCOPE, id, { calendar, as_of: AS_OF });
      const afterOne = await database.query<DlRow & { explanation: unknown; status: string | null }>(
        `select d.claim_id, d.position, d.step, to_char(d.due, 'YYYY-MM-DD') as due, d.unit, d.explanation, d.status,
                d.details from claim_deadlines d join claims c on c.id = d.claim_id where c.open order by d.claim_id, d.position`,
      );
      assert.deepEqual(afterBulk, afterOne);
      const chain = await verifyAuditChain(database.db);
      assert.equal(chain.ok, true);
    });

    test("replicateClaims — 3× the claims, events and deadlines, unique codes, histories unchanged", async () => {
      const count = async (t: string) =>
        Number((await database.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n);
      const [c0, e0, d0] = [await count("claims"), await count("claim_events"), await count("claim_deadlines")];
      const r = await replicateClaims(database, 3);
      assert.equal(r.claims, 3 * c0);
      assert.deepEqual(
        [await count("claims"), await count("claim_events"), await count("claim_deadlines")],
        [3 * c0, 3 * e0, 3 * d0],
      );
      // Codes are unique within the handling agency's register (sổ thụ lý), not across agencies.
      const [{ n: codes }] = await database.query<{ n: number }>(
        "select count(distinct (handling_agency_id, code))::int as n from claims",
      );
      assert.equal(codes, 3 * c0);
      const [orig] = await database.query<{ id: string; code: string; agency: string }>(
        "select id, code, handling_agency_id as agency from claims order by handling_agency_id, code limit 1",
      );
      const [copy] = await database.query<{ id: string }>(
        "select id from claims where handling_agency_id = $1 and code = $2",
        [orig.agency, `${orig.code}/2`],
      );
      const ev = (id: string) =>
        database.query("select seq, type, date::text, ground from claim_events where claim_id = $1 order by seq", [id]);
      assert.deepEqual(await ev(copy.id), await ev(orig.id));
      assert.equal((await verifyAuditChain(database.db)).ok, true);
      await assert.rejects(() => replicateClaims(database, 1), /từ 2 đến 100/);
    });

    test("Việc hằng ngày — tính lại thời hạn mọi vụ đang mở theo ngày chạy (theo lô), mỗi ngày một lần", async () => {
      const today = "2026-12-31";
      const stale = `select count(*)::int as n from claim_deadlines d join claims c on c.id = d.claim_id
        where c.open and d.kind = 'deadline' and d.status = 'open' and d.due < '${today}'`;
      const [before] = await database.query<{ n: number }>(stale);
      assert.ok(before.n > 0, "dữ liệu tính đến 30/06/2026 phải có thời hạn còn mở đến hạn trước 31/12/2026");
      const [{ n: open }] = await database.query<{ n: number }>("select count(*)::int as n from claims where open");
      const r = await runDailyJobs(database.db, today);
      assert.deepEqual(r.deadlines, { claims: open });
      const [afterRun] = await database.query<{ n: number }>(stale);
      assert.equal(afterRun.n, 0);
      assert.equal((await runDailyJobs(database.db, today)).deadlines, "already_done");
      assert.equal((await verifyAuditChain(database.db)).ok, true);
    });
  });
}
