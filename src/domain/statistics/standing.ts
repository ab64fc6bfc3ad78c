// The standing table (claim_statistics): how a claim counts for the handling indicators (Mẫu 03 rows 1–22) as a
// function of the period end, stored as validity intervals so that a period's figures are one SQL aggregate instead of
// every history replayed (issue 16: national dashboard at 100× volume). Derived by the SAME functions as
// computeIndicators (attributesOn, standingAt, handledIn, handlingIndicators, placing) — no second reading of the law.
//
// attributesOn(claim, to) changes only on attribute-change dates; standingAt(events, to) only on event dates and on a
// judgment's effective date (event data `judgment_effective_on`). Between two such dates nothing moves, so evaluating
// at each of them and keeping the value until the day before the next gives the standing on every day.
import { addDays, type IsoDate, isIsoDate } from "../shared/dates.ts";
import {
  attributesOn,
  type Buckets,
  type ClaimStanding,
  HANDLING_KEYS,
  type HandlingKey,
  handlingIndicators,
  placing,
  standingAt,
} from "./compute.ts";
import { type IndicatorOptions, type Period, STAT_FIELDS, type StatClaim, type Venue } from "./types.ts";

/** One row of claim_statistics: the claim's standing on every day from valid_from to valid_to (inclusive; null = on). */
export type StandingInterval = {
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  field: string;
  /** Handling agency on those days as recorded (its successor is resolved when a period is read). */
  agency_id: string;
  venue: Venue;
  start_on: IsoDate;
  court_basis: NonNullable<ClaimStanding["courtBasis"]> | null;
  finish_on: IsoDate | null;
  finish_kind: "resolved" | "terminated" | null;
  suspended: boolean;
};

const same = (a: StandingInterval, b: StandingInterval) =>
  a.field === b.field &&
  a.agency_id === b.agency_id &&
  a.venue === b.venue &&
  a.start_on === b.start_on &&
  a.court_basis === b.court_basis &&
  a.finish_on === b.finish_on &&
  a.finish_kind === b.finish_kind &&
  a.suspended === b.suspended;

/**
 * The claim's standing intervals. Days on which it has no venue yet (not accepted, not sued) and claims of an unknown
 * field count nowhere, so they have no row.
 */
export function standingIntervals(claim: StatClaim): StandingInterval[] {
  const points = new Set<IsoDate>();
  for (const e of claim.events) {
    points.add(e.date);
    const judged = e.data?.judgment_effective_on;
    if (isIsoDate(judged)) points.add(judged);
  }
  for (const c of claim.changes ?? []) points.add(c.date);
  const dates = [...points].sort();
  const out: StandingInterval[] = [];
  let prev: StandingInterval | undefined;
  for (const [i, d] of dates.entries()) {
    const attrs = attributesOn(claim, d);
    const s = standingAt(claim.events, d);
    const row: StandingInterval | undefined =
      s.venue && s.start && (STAT_FIELDS as readonly string[]).includes(attrs.field)
        ? {
            valid_from: d,
            valid_to: i + 1 < dates.length ? addDays(dates[i + 1], -1) : null,
            field: attrs.field,
            agency_id: attrs.handling_agency_id,
            venue: s.venue,
            start_on: s.start,
            court_basis: s.courtBasis ?? null,
            finish_on: s.finish?.date ?? null,
            finish_kind: s.finish?.kind ?? null,
            suspended: s.suspendedAtEnd,
          }
        : undefined;
    if (row && prev && same(prev, row)) prev.valid_to = row.valid_to;
    else {
      if (row) out.push(row);
      prev = row;
    }
  }
  return out;
}

/** Claims of one class counted by the SQL aggregate over claim_statistics for a period (see handlingFromGroups). */
export type StandingGroup = {
  field: string;
  agency_id: string;
  venue: Venue;
  court_basis: StandingInterval["court_basis"];
  finish_kind: StandingInterval["finish_kind"];
  suspended: boolean;
  /** Handling started inside the period (start_on ≥ period start). */
  is_new: boolean;
  n: number;
};

export type HandlingValues = Record<HandlingKey, number>;
export type HandlingResult = Buckets<HandlingValues> & { period: Period };

const zero = (): HandlingValues => Object.fromEntries(HANDLING_KEYS.map((k) => [k, 0])) as HandlingValues;

/**
 * The handling indicators of a period from the claims handled in it, grouped by class: each group adds its count to
 * the indicators handlingIndicators names for one claim, in the rows `placing` puts it in — the very rules
 * computeIndicators applies claim by claim, so both give the same figures.
 */
export function handlingFromGroups(
  groups: readonly StandingGroup[],
  period: Period,
  options: IndicatorOptions = {},
): HandlingResult {
  const { buckets, place } = placing(period, options, zero);
  for (const g of groups) {
    const where = place(g.field, g.agency_id);
    if (typeof where === "string") continue;
    const keys = handlingIndicators(
      {
        venue: g.venue,
        courtBasis: g.court_basis ?? undefined,
        finish: g.finish_kind ? { kind: g.finish_kind } : undefined,
        suspendedAtEnd: g.suspended,
      },
      g.is_new,
    );
    for (const r of where.rows) for (const k of keys) r[k] += g.n;
  }
  return { period, ...buckets };
}
