// standingIntervals: for ANY history (lawful or not: statistics never refuse a stored claim) and any attribute changes,
// the interval holding a period's last day, read as the claim_statistics aggregate reads it, gives the same handling
// indicators as computeIndicators for that period — in the total and in every field, province and agency row.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays } from "../shared/dates.ts";
import { computeIndicators, HANDLING_KEYS } from "./compute.ts";
import { handlingFromGroups, type StandingInterval, standingIntervals } from "./standing.ts";
import { type AttributeChange, type Period, STAT_FIELDS, type StatClaim, type StatEvent } from "./types.ts";

const TYPES = [
  "received",
  "accepted",
  "suspended",
  "resumed",
  "decision_effective",
  "terminated",
  "sued_in_court",
  "funds_requested",
  "decision_issued",
  "paid",
];
const AGENCIES = ["thads-thanh-hoa", "cuc-thads-thanh-hoa", "ubnd-tp-thanh-hoa", "ubnd-nghe-an", "cuc-btnn"];
const day = (n: number) => addDays("2019-01-01", n);

const eventArb: fc.Arbitrary<StatEvent> = fc
  .record({
    type: fc.constantFrom(...TYPES),
    at: fc.nat({ max: 3000 }),
    ground: fc.constantFrom(undefined, "1a", "1b", "2"),
    article55: fc.boolean(),
    judged: fc.option(fc.integer({ min: -90, max: 90 })),
  })
  .map(({ type, at, ground, article55, judged }) => ({
    type,
    date: day(at),
    ground: type === "sued_in_court" ? ground : undefined,
    data:
      type === "sued_in_court" && article55
        ? { article: 55 }
        : type === "funds_requested" && judged !== null
          ? { judgment_effective_on: day(at + judged) }
          : null,
  }));

const changeArb: fc.Arbitrary<AttributeChange> = fc
  .record({
    at: fc.nat({ max: 3000 }),
    field: fc.option(fc.constantFrom(...STAT_FIELDS, "unknown_field")),
    agency: fc.option(fc.constantFrom(...AGENCIES)),
  })
  .map(({ at, field, agency }) => ({
    date: day(at),
    before: { ...(field ? { field } : {}), ...(agency ? { handling_agency_id: agency } : {}) },
    after: {},
  }));

const claimArb: fc.Arbitrary<StatClaim> = fc
  .record({
    events: fc.array(eventArb, { maxLength: 8 }),
    court: fc.option(fc.tuple(fc.nat({ max: 2500 }), fc.nat({ max: 300 }), fc.integer({ min: -90, max: 90 }))),
    changes: fc.array(changeArb, { maxLength: 3 }),
    field: fc.constantFrom(...STAT_FIELDS),
    agency: fc.constantFrom(...AGENCIES),
  })
  .map(({ events, court, changes, field, agency }) => ({
    id: "c",
    law: "law_2017",
    field,
    handling_agency_id: agency,
    managing_agency_id: null,
    // Half the claims go to court and get the funds request of a judgment (its effective date before or after).
    events: [
      ...events,
      ...(court
        ? [
            { type: "sued_in_court", date: day(court[0]) },
            {
              type: "funds_requested",
              date: day(court[0] + court[1]),
              data: { judgment_effective_on: day(court[0] + court[1] + court[2]) },
            },
          ]
        : []),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    changes,
  }));

const periodArb: fc.Arbitrary<Period> = fc
  .record({ from: fc.integer({ min: -200, max: 3200 }), len: fc.nat({ max: 800 }) })
  .map(({ from, len }) => ({ from: day(from), to: day(from + len) }));

/** Dates where the claim's standing may change (events, judgments, attribute changes), one day either side. */
function edges(c: StatClaim): string[] {
  const out = new Set<string>();
  const near = (d: string) => {
    for (const k of [-1, 0, 1]) out.add(addDays(d, k));
  };
  for (const e of c.events) {
    near(e.date);
    if (typeof e.data?.judgment_effective_on === "string") near(e.data.judgment_effective_on);
  }
  for (const ch of c.changes ?? []) near(ch.date);
  return [...out];
}

/** A claim and periods: random ones, and ones starting and ending on (or next to) the claim's own dates. */
const caseArb = claimArb.chain((claim) => {
  const d = edges(claim);
  const around: fc.Arbitrary<Period> =
    d.length === 0
      ? periodArb
      : fc
          .tuple(fc.constantFrom(...d), fc.constantFrom(...d))
          .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
  return fc.tuple(fc.constant(claim), fc.array(fc.oneof(periodArb, around), { minLength: 1, maxLength: 6 }));
});

/** The claim_statistics aggregate of src/db/repositories/handling-statistics.ts, on one claim's rows. */
function fromIntervals(rows: readonly StandingInterval[], p: Period) {
  const groups = rows
    .filter(
      (r) =>
        r.valid_from <= p.to &&
        (r.valid_to === null || r.valid_to >= p.to) &&
        r.start_on <= p.to &&
        (r.finish_on === null || r.finish_on >= p.from),
    )
    .map((r) => ({ ...r, is_new: r.start_on >= p.from, n: 1 }));
  return handlingFromGroups(groups, p, { byProvince: true, byAgency: true });
}

describe("claim_statistics: standing intervals = computeIndicators (vấn đề 16)", () => {
  test("any history, any attribute changes, any period: the same handling indicators in every row", () => {
    fc.assert(
      fc.property(caseArb, ([claim, periods]) => {
        const rows = standingIntervals(claim);
        for (let i = 1; i < rows.length; i++)
          assert.ok(rows[i - 1].valid_to! < rows[i].valid_from, "disjoint, ordered");
        for (const p of periods) {
          const expected = computeIndicators([claim], p, { byProvince: true, byAgency: true });
          const actual = fromIntervals(rows, p);
          const cells = (r: typeof actual | typeof expected) => {
            const out: Record<string, number> = {};
            const put = (key: string, row: Record<string, number | { value: number }>) => {
              for (const k of HANDLING_KEYS) {
                const v = row[k];
                const n = typeof v === "number" ? v : v.value;
                if (n) out[`${key}.${k}`] = n;
              }
            };
            put("total", r.total as never);
            for (const [f, row] of Object.entries(r.by_field)) put(f, row as never);
            for (const [f, row] of Object.entries(r.by_province ?? {})) put(`p:${f}`, row as never);
            for (const [f, row] of Object.entries(r.by_agency ?? {})) put(`a:${f}`, row as never);
            return out;
          };
          assert.deepEqual(cells(actual), cells(expected), `${p.from} → ${p.to}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("a claim not yet accepted nor sued, or of an unknown field, has no row; one accepted and untouched has one", () => {
    const base = { id: "c", law: "law_2017", handling_agency_id: "cuc-btnn", managing_agency_id: null };
    assert.deepEqual(
      standingIntervals({ ...base, field: "administration", events: [{ type: "received", date: "2024-01-02" }] }),
      [],
    );
    const accepted = [
      { type: "received", date: "2024-01-02" },
      { type: "accepted", date: "2024-01-05" },
      { type: "officer_appointed", date: "2024-01-08" },
    ];
    assert.deepEqual(standingIntervals({ ...base, field: "unknown", events: accepted }), []);
    assert.deepEqual(standingIntervals({ ...base, field: "administration", events: accepted }), [
      {
        valid_from: "2024-01-05",
        valid_to: null,
        field: "administration",
        agency_id: "cuc-btnn",
        venue: "agency",
        start_on: "2024-01-05",
        court_basis: null,
        finish_on: null,
        finish_kind: null,
        suspended: false,
      },
    ]);
  });
});
