// Issue 16 — the standing table claim_statistics gives the same handling indicators (Mẫu 03 rows 1–22) as the
// statistics computed from every history (computeStatistics, what /api/statistics returns), for any period and scope.
// Property: random lawful histories (every phase path of the seed, court cases under Điều 52 khoản 1 điểm a / b,
// khoản 2 and Điều 55 with a judgment date, suspensions resumed, cut anywhere) over agencies of two provinces, central
// ones and agencies replaced in the 2025 reorganisation, written through every writer that changes a claim — create
// (backfill), import, a step recorded live, a change of handling agency or field, a corrected or voided step — then
// compared period by period (random ranges 2018–2027 and every year) for a national, a province and an agency scope,
// and with the reporting scope option. Both engines. Then: a database without standing rows (an older backup, the
// first start after the migration) gets them rebuilt at start-up (migrate), identical.
// The same writers keep claim_pending_deadlines (the dashboard's pending duties of open claims) equal to what
// claim_deadlines and claims.open give, and so do the deadline recomputations (one claim, all open claims after a
// calendar change), replicateClaims and the rebuild; the dashboard's counts equal the count over claim_deadlines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { migrate } from "../../src/db/migrate.ts";
import { correctClaim } from "../../src/db/repositories/claim-corrections.ts";
import {
  addClaimEvent,
  createClaim,
  getClaim,
  importClaims,
  recomputeClaimDeadlines,
  recomputeOpenClaimDeadlines,
  updateClaim,
} from "../../src/db/repositories/claims.ts";
import { loadDashboard } from "../../src/db/repositories/dashboard.ts";
import { handlingStatistics } from "../../src/db/repositories/handling-statistics.ts";
import { computeStatistics } from "../../src/db/repositories/statistics.ts";
import { replicateClaims } from "../../src/db/seed/bulk.ts";
import { PATHS } from "../../src/db/seed/generate.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { type Scope, SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { calendarWithDay } from "../../src/domain/claims/index.ts";
import { addDays } from "../../src/domain/shared/dates.ts";
import { DomainError } from "../../src/domain/shared/errors.ts";
import { HANDLING_KEYS, type IndicatorOptions, type Period, STAT_FIELDS } from "../../src/domain/statistics/index.ts";
import { loadAgencies, scopeFor } from "./fixtures.ts";

/** Handling agencies: in force, replaced on 2025-07-01 (one by two successors), central. */
const AGENCIES = [
  "thads-thanh-hoa",
  "cuc-thads-thanh-hoa",
  "chi-cuc-thads-quang-xuong",
  "ubnd-tp-thanh-hoa",
  "ubnd-thanh-hoa",
  "tand-thanh-hoa",
  "ubnd-nghe-an",
  "thads-nghe-an",
  "cuc-btnn",
];
type Step = [type: string, gap: number, ground?: string, data?: Record<string, unknown>];
const ACCEPT: Step[] = [
  ["received", 0],
  ["file_valid", 2],
  ["accepted", 2],
];
const NEGOTIATING: Step[] = [
  ...ACCEPT,
  ["officer_appointed", 2],
  ["verification_report_done", 20],
  ["negotiation_started", 5],
];
/** Seed paths plus the court and suspension paths the seed does not make. */
const ROUTES: Record<string, Step[]> = {
  ...(PATHS as Record<string, Step[]>),
  court_1a: [
    ["sued_in_court", 0, "1a"],
    ["funds_requested", 200, undefined, { amount: 5_000_000, judgment_effective_on: "JUDGED" }],
    ["paid", 40],
  ],
  court_1b: [
    ...ACCEPT,
    ["termination_ground", 10, "a"],
    ["terminated", 4, "a"],
    ["sued_in_court", 30, "1b"],
    ["funds_requested", 200, undefined, { amount: 7_000_000 }],
  ],
  court_2_judged: [
    ...NEGOTIATING,
    ["negotiation_ended", 20, "failure"],
    ["sued_in_court", 25, "2"],
    ["funds_requested", 150, undefined, { amount: 9_000_000, judgment_effective_on: "JUDGED" }],
  ],
  court_55: [...NEGOTIATING, ["negotiation_ended", 20, "failure"], ["sued_in_court", 25, "2", { article: 55 }]],
  suspended_resumed: [
    ...NEGOTIATING,
    ["suspension_ground", 12, "a"],
    ["suspended", 3, "a"],
    ["resumed", 40],
    ["negotiation_ended", 20, "success"],
    ["decision_issued", 4, undefined, { amount: 12_000_000 }],
    ["decision_effective", 30],
  ],
};
const LAST_DAY = "2026-11-30"; // no step after it (steps are never in the future)

const claimArb = fc.record({
  route: fc.constantFrom(...Object.keys(ROUTES)),
  cut: fc.nat({ max: 30 }),
  start: fc.integer({ min: 0, max: 2650 }),
  gaps: fc.array(fc.nat({ max: 120 }), { minLength: 30, maxLength: 30 }),
  judgedShift: fc.integer({ min: -60, max: 60 }),
  field: fc.constantFrom(...STAT_FIELDS),
  agency: fc.constantFrom(...AGENCIES),
});
type ClaimSpec = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

const mutationArb = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom("agency", "field", "void_step", "move_step", "live_step"),
  agency: fc.constantFrom(...AGENCIES),
  field: fc.constantFrom(...STAT_FIELDS),
  days: fc.integer({ min: -40, max: 40 }),
});

const periodArb = fc
  .record({ from: fc.integer({ min: 0, max: 3300 }), len: fc.integer({ min: 0, max: 900 }) })
  .map(({ from, len }) => {
    const f = addDays("2018-06-01", from);
    return { from: f, to: addDays(f, len) } as Period;
  });

let serial = 0;
function claimInput(s: ClaimSpec) {
  const steps = ROUTES[s.route];
  const n = Math.max(1, steps.length - (s.cut % steps.length));
  let date = addDays("2019-01-01", s.start);
  const events: Array<{ type: string; date: string; ground?: string; data?: Record<string, unknown> }> = [];
  for (const [i, [type, , ground, data]] of steps.slice(0, n).entries()) {
    date = addDays(date, i === 0 ? 0 : s.gaps[i]);
    if (date > LAST_DAY) break;
    const d = data ? { ...data } : undefined;
    if (d?.judgment_effective_on === "JUDGED") d.judgment_effective_on = addDays(date, s.judgedShift);
    events.push({ type, date, ...(ground ? { ground } : {}), ...(d ? { data: d } : {}) });
  }
  serial++;
  return {
    code: `TK-${serial}`,
    field: s.field,
    handling_agency_id: s.agency,
    claimant_name: `Người yêu cầu ${serial}`,
    events,
  };
}

/** Handling values of every non-empty row, keyed "total", "field:…", "province:…", "agency:…". */
function handlingCells(r: {
  total: unknown;
  by_field: Record<string, unknown>;
  by_province?: Record<string, unknown>;
  by_agency?: Record<string, unknown>;
}): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const put = (key: string, row: unknown) => {
    const values = Object.fromEntries(
      HANDLING_KEYS.map((k) => {
        const v = (row as Record<string, number | { value: number }>)[k];
        return [k, typeof v === "number" ? v : v.value];
      }),
    );
    if (Object.values(values).some((v) => v !== 0)) out[key] = values;
  };
  put("total", r.total);
  for (const [k, row] of Object.entries(r.by_field)) put(`field:${k}`, row);
  for (const [k, row] of Object.entries(r.by_province ?? {})) put(`province:${k}`, row);
  for (const [k, row] of Object.entries(r.by_agency ?? {})) put(`agency:${k}`, row);
  return out;
}

/** The pending duties of open claims as the dashboard counted them from claim_deadlines before issue 16. */
const PENDING_DERIVED = `select d.claim_id, d.position, to_char(d.due, 'YYYY-MM-DD') as due
  from claim_deadlines d join claims c on c.id = d.claim_id
  where c.open and d.kind = 'deadline' and d.status in ('open', 'overdue') and d.due is not null order by 1, 2`;
const PENDING_STORED = `select claim_id, position, to_char(due, 'YYYY-MM-DD') as due
  from claim_pending_deadlines order by 1, 2`;

async function assertPending(database: Database, what: string): Promise<void> {
  assert.deepEqual(await database.query(PENDING_STORED), await database.query(PENDING_DERIVED), what);
}

/** The dashboard's "overdue" and "due this week" counts = the count over claim_deadlines in the same scope. */
async function assertDashboardCounts(database: Database, scope: Scope, asOf: string, what: string): Promise<void> {
  const d = await loadDashboard(database.db, scope, asOf);
  const agencies = scope.visibleAgencyIds === "all" ? null : [...scope.visibleAgencyIds];
  const [expected] = await database.query<{ overdue: number; week: number }>(
    `select count(*) filter (where d.due < $1)::int as overdue,
       count(*) filter (where d.due >= $1 and d.due <= $2)::int as week
     from claim_deadlines d join claims c on c.id = d.claim_id
     where c.open and d.kind = 'deadline' and d.status in ('open', 'overdue')
       and ($3::text[] is null or c.handling_agency_id = any($3::text[]) or c.managing_agency_id = any($3::text[]))`,
    [asOf, d.week.to, agencies],
  );
  assert.deepEqual({ overdue: d.deadlines_overdue_total, week: d.deadlines_this_week_total }, expected, what);
}

for (const engine of availableEngines()) {
  describe(`claim_statistics = computeStatistics (vấn đề 16) — ${engine}`, () => {
    let database: Database;
    const SCOPES: Array<[string, Scope]> = [
      ["toàn quốc", scopeFor("cuc-btnn", "viewer")],
      ["tỉnh Thanh Hóa", scopeFor("stp-thanh-hoa", "viewer")],
      ["THADS Thanh Hóa", scopeFor("thads-thanh-hoa", "viewer")],
    ];
    const OPTIONS: IndicatorOptions[] = [{ byProvince: true, byAgency: true }, { scopeAgencyId: "ubnd-thanh-hoa" }];
    const compare = async (period: Period) => {
      for (const [name, scope] of SCOPES)
        for (const options of OPTIONS) {
          const expected = handlingCells(await computeStatistics(database.db, scope, period, options));
          const actual = handlingCells(await handlingStatistics(database.db, scope, period, options));
          assert.deepEqual(actual, expected, `${period.from} → ${period.to}, ${name}, ${JSON.stringify(options)}`);
        }
    };
    const ids: string[] = [];

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
    });
    after(async () => {
      await database?.close();
    });

    test("random histories through every writer: same handling indicators for any period and scope", async () => {
      let tried = 0;
      let written = 0;
      await fc.assert(
        // No shrinking: the database keeps the claims of every run, so a smaller input would not be a smaller case.
        fc.asyncProperty(
          fc.noShrink(fc.array(claimArb, { minLength: 4, maxLength: 8 })),
          fc.noShrink(fc.array(mutationArb, { minLength: 3, maxLength: 10 })),
          fc.noShrink(fc.array(periodArb, { minLength: 2, maxLength: 3 })),
          async (specs, mutations, periods) => {
            // Half through importClaims (one transaction for the batch), half one by one through createClaim.
            const inputs = specs.map(claimInput);
            const half = Math.floor(inputs.length / 2);
            const batch = inputs.slice(0, half).map((c) => ({ ...c, id: crypto.randomUUID() }));
            await importClaims(database.db, SYSTEM_SCOPE, batch, { as_of: LAST_DAY });
            ids.push(...batch.map((c) => c.id));
            for (const c of inputs.slice(half))
              ids.push((await createClaim(database.db, SYSTEM_SCOPE, c, { mode: "backfill", as_of: LAST_DAY })).id);
            for (const m of mutations) {
              const id = ids[m.pick % ids.length];
              const claim = await getClaim(database.db, SYSTEM_SCOPE, id, { unmask: false });
              const step = claim.events[m.pick % Math.max(1, claim.events.length)];
              tried++;
              try {
                if (m.kind === "agency" || m.kind === "field")
                  await updateClaim(
                    database.db,
                    SYSTEM_SCOPE,
                    id,
                    claim.version,
                    m.kind === "agency" ? { handling_agency_id: m.agency } : { field: m.field },
                  );
                else if (m.kind === "live_step") {
                  const next = claim.next_actions[m.pick % Math.max(1, claim.next_actions.length)];
                  if (!next) continue;
                  const ground = next.grounds?.[0];
                  await addClaimEvent(database.db, SYSTEM_SCOPE, id, {
                    type: next.event,
                    date: LAST_DAY,
                    ...(ground ? { ground } : {}),
                  });
                } else if (step)
                  await correctClaim(database.db, SYSTEM_SCOPE, id, {
                    reason: "Cải chính theo hồ sơ gốc (kiểm thử)",
                    event:
                      m.kind === "void_step"
                        ? { event_id: step.id, action: "void" }
                        : { event_id: step.id, action: "correct", date: addDays(step.date, m.days) },
                  });
                written++;
              } catch (e) {
                // A change the claims domain refuses (closed file, unlawful date) writes nothing: still comparable.
                if (!(e instanceof DomainError)) throw e;
              }
            }
            for (const p of periods) await compare(p);
            await assertPending(database, "claim_pending_deadlines after create / import / step / update / correction");
            for (const [name, scope] of SCOPES)
              for (const asOf of [LAST_DAY, periods[0].to])
                await assertDashboardCounts(database, scope, asOf, `${name}, ${asOf}`);
          },
        ),
        { numRuns: 6 },
      );
      // Every year of the data and after the last change, on the data of all runs.
      for (let y = 2019; y <= 2027; y++) await compare({ from: `${y}-01-01`, to: `${y}-12-31` });
      assert.ok(written >= tried / 4, `most changes went through (${written}/${tried})`);
    });

    test("a database without standing rows (older backup, first start after the migration) is rebuilt at start-up", async () => {
      const before = await database.query("select * from claim_statistics order by claim_id, valid_from");
      assert.ok(before.length > 20, "the first test left standing rows");
      await database.exec("delete from claim_statistics; delete from derived_versions");
      await migrate(database);
      assert.deepEqual(await database.query("select * from claim_statistics order by claim_id, valid_from"), before);
      const [v] = await database.query<{ version: number }>(
        "select version from derived_versions where name = 'claim_statistics'",
      );
      assert.equal(v.version, 1);
    });

    test("claim_pending_deadlines follows the deadline recomputations and replicateClaims, and is rebuilt at start-up", async () => {
      const [{ closed }] = await database.query<{ closed: number }>(
        `select count(*)::int as closed from claim_deadlines d join claims c on c.id = d.claim_id
         where not c.open and d.kind = 'deadline' and d.status in ('open', 'overdue')`,
      );
      assert.ok(
        closed > 0,
        "closed claims with duties still open are left out (the data exercises the claims.open test)",
      );
      assert.ok((await database.query(PENDING_STORED)).length > 10, "the first test left pending duties");
      // Stored due dates as an older calendar left them (one day later), the narrow table in step with them: each
      // recomputation must bring the pending rows of the claims it rewrites back to the computed dates.
      await database.exec(`update claim_deadlines set due = due + 1
          where kind = 'deadline' and status in ('open', 'overdue') and due is not null;
        update claim_pending_deadlines set due = due + 1`);
      await assertPending(database, "shifted together");
      const [{ id }] = await database.query<{ id: string }>(
        "select claim_id::text as id from claim_pending_deadlines limit 1",
      );
      await recomputeClaimDeadlines(database.db, SYSTEM_SCOPE, id, { as_of: "2027-01-15" });
      await assertPending(database, "recomputeClaimDeadlines");
      const calendar = calendarWithDay({
        date: "2026-12-16",
        kind: "holiday",
        name: "Nghỉ bù (kiểm thử)",
        source: "x",
      });
      await recomputeOpenClaimDeadlines(database.db, SYSTEM_SCOPE, { as_of: "2026-12-20", calendar, batchSize: 7 });
      await assertPending(database, "recomputeOpenClaimDeadlines");
      await replicateClaims(database, 2);
      await assertPending(database, "replicateClaims");
      const stored = await database.query(PENDING_STORED);
      await database.exec(
        "delete from claim_pending_deadlines; delete from derived_versions where name = 'claim_pending_deadlines'",
      );
      await migrate(database);
      assert.deepEqual(await database.query(PENDING_STORED), stored, "rebuilt at start-up");
    });
  });
}
