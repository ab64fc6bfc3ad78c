// computeIndicators: the statistics of a period, derived from claims and their events (never typed twice).
//
// Counting rules (each a design reading of TT 08/2019 Mẫu 03/04 [T] and the MOJ annual reports BC 74, BC 62):
// - A claim is HANDLED in a period when its handling started on or before the period end (thụ lý at the agency —
//   Luật TNBTCNN 2017, Điều 43 — or a court case under Điều 52 / Điều 55) and it had not finished before the period
//   start. NEW = handling started inside the period; CARRIED OVER = started before. So carried(P2) = in_progress(P1)
//   when P2 starts the day after P1 ends.
// - FINISHED = resolved (decision effective — Điều 47; in court: the judgment effective, evidenced by the funds
//   request of Điều 62 khoản 1 or event data `judgment_effective_on`) or terminated (Điều 51).
//   handled = resolved + terminated + in_progress.
// - Venue, field and agency are taken AT THE PERIOD END: a claim sued in court counts under the court; a claim whose
//   field or agency changed counts with its attributes on the last day; an agency that no longer exists on that day is
//   replaced by its successor(s) (successorsOf of the agency registry).
// - Money figures (paid, advance, recourse) count by the date of the event inside the period.
import { type AgencyRegistry, agencyRegistry } from "../agencies/registry.ts";
import type { IsoDate } from "../shared/dates.ts";
import { INDICATOR_KEYS } from "./indicators.ts";
import {
  type ClaimAttributes,
  type Figure,
  type IndicatorKey,
  type IndicatorOptions,
  type IndicatorResult,
  type IndicatorRow,
  type Period,
  STAT_FIELDS,
  type StatClaim,
  type StatEvent,
  type StatField,
  type Venue,
} from "./types.ts";

export function emptyRow(): IndicatorRow {
  const row = {} as IndicatorRow;
  for (const k of INDICATOR_KEYS) row[k] = { value: 0, claim_ids: [] };
  return row;
}

function add(fig: Figure, id: string, value = 1): void {
  fig.value += value;
  // Claims are counted one at a time, so a repeated id can only be the last one.
  if (fig.claim_ids[fig.claim_ids.length - 1] !== id) fig.claim_ids.push(id);
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Attributes on `date`: current values with every change dated after `date` undone (newest first). */
export function attributesOn(claim: StatClaim, date: IsoDate): ClaimAttributes {
  const out: ClaimAttributes = {
    field: claim.field,
    handling_agency_id: claim.handling_agency_id,
    managing_agency_id: claim.managing_agency_id,
  };
  const later = (claim.changes ?? []).filter((c) => c.date > date).sort((a, b) => (a.date < b.date ? 1 : -1));
  for (const c of later) {
    if (c.before.field !== undefined) out.field = c.before.field;
    if (c.before.handling_agency_id !== undefined) out.handling_agency_id = c.before.handling_agency_id;
    if (c.before.managing_agency_id !== undefined) out.managing_agency_id = c.before.managing_agency_id;
  }
  return out;
}

/** How one claim stands at a period end (exported for tests and the drill-down explanation). */
export type ClaimStanding = {
  venue: Venue | null;
  start?: IsoDate;
  courtBasis?: "court_d52_k1a" | "court_d52_k1b_k2" | "court_d55";
  finish?: { date: IsoDate; kind: "resolved" | "terminated" };
  suspendedAtEnd: boolean;
};

function first(events: readonly StatEvent[], type: string, after?: IsoDate): StatEvent | undefined {
  return events.find((e) => e.type === type && (after === undefined || e.date >= after));
}

/** Events on or before `to`, in date order (stable). */
function upTo(events: readonly StatEvent[], to: IsoDate): StatEvent[] {
  return events.filter((e) => e.date <= to).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function standingAt(events: readonly StatEvent[], to: IsoDate): ClaimStanding {
  const evs = upTo(events, to);
  const accepted = first(evs, "accepted");
  const sued = first(evs, "sued_in_court");
  if (sued) {
    // Luật TNBTCNN 2017, Điều 52 khoản 1 điểm b: a claim terminated at the agency (withdrawn) and then sued starts a
    // new handling in court; under khoản 2 the agency's handling continues in court.
    const terminatedBefore = evs.some((e) => e.type === "terminated" && e.date <= sued.date);
    const start = !accepted || terminatedBefore ? sued.date : accepted.date;
    const d = sued.data ?? {};
    const art = d.article ?? d.basis;
    const courtBasis: ClaimStanding["courtBasis"] =
      art === 55 || art === "55" || art === "dieu_55"
        ? "court_d55"
        : sued.ground === "1a" || (!sued.ground && !accepted)
          ? "court_d52_k1a"
          : "court_d52_k1b_k2";
    const fr = first(evs, "funds_requested", sued.date) ?? first(evs, "decision_effective", sued.date);
    const judged = fr?.data?.judgment_effective_on;
    const finishDate = typeof judged === "string" && judged <= to ? judged : fr?.date;
    return {
      venue: "court",
      start,
      courtBasis,
      finish: finishDate ? { date: finishDate, kind: "resolved" } : undefined,
      suspendedAtEnd: false,
    };
  }
  if (!accepted) return { venue: null, suspendedAtEnd: false };
  const effective = first(evs, "decision_effective", accepted.date);
  const terminated = first(evs, "terminated", accepted.date);
  // The last finishing event decides (a decision annulled later ends in termination — Điều 51 khoản 1 điểm d).
  let finish: ClaimStanding["finish"];
  if (terminated && (!effective || terminated.date >= effective.date))
    finish = { date: terminated.date, kind: "terminated" };
  else if (effective) finish = { date: effective.date, kind: "resolved" };
  // Suspension in force at the end: the last suspended/resumed event is `suspended` (Điều 50).
  let suspendedAtEnd = false;
  for (const e of evs) {
    if (e.type === "suspended") suspendedAtEnd = true;
    else if (e.type === "resumed" || e.type === "terminated") suspendedAtEnd = false;
  }
  return { venue: "agency", start: accepted.date, finish, suspendedAtEnd: suspendedAtEnd && !finish };
}

function amountOf(e: StatEvent | undefined, fallback: number | null | undefined): number {
  return num(e?.data?.amount) ?? fallback ?? 0;
}

function reimbursementsOf(claim: StatClaim, evs: readonly StatEvent[]): Array<{ date: IsoDate; amount: number }> {
  const out = [...(claim.reimbursements ?? [])];
  for (const e of evs) {
    const list = e.type === "recourse_decided" ? e.data?.reimbursements : undefined;
    if (Array.isArray(list)) {
      for (const r of list) {
        const x = r as { date?: unknown; amount?: unknown };
        if (typeof x.date === "string" && num(x.amount) !== undefined)
          out.push({ date: x.date, amount: x.amount as number });
      }
    }
  }
  return out;
}

const inPeriod = (d: IsoDate | undefined, p: Period): boolean => d !== undefined && d >= p.from && d <= p.to;

/** True when a claim standing so at the period end is HANDLED in the period: started by its end, not finished before
 * its start (see the counting rules above). The standing table's SQL (claim_statistics) applies the same test. */
export function handledIn(s: ClaimStanding, p: Period): boolean {
  return !!s.venue && !!s.start && s.start <= p.to && !(s.finish && s.finish.date < p.from);
}

/** Indicators of Mẫu 03 rows 1–22 (without the amount) that a claim handled in a period adds, from its standing at
 * the period end and whether its handling started inside the period. */
export const HANDLING_KEYS = [
  "handled",
  "handled_new",
  "handled_carried",
  "at_agency",
  "at_agency_new",
  "at_agency_carried",
  "in_court",
  "in_court_new",
  "in_court_carried",
  "court_d52_k1a",
  "court_d52_k1b_k2",
  "court_d55",
  "resolved",
  "resolved_at_agency",
  "resolved_in_court",
  "suspended",
  "terminated",
  "in_progress",
] as const satisfies readonly IndicatorKey[];
export type HandlingKey = (typeof HANDLING_KEYS)[number];

export function handlingIndicators(
  s: Pick<ClaimStanding, "venue" | "courtBasis" | "suspendedAtEnd"> & { finish?: { kind: "resolved" | "terminated" } },
  isNew: boolean,
): HandlingKey[] {
  const out: HandlingKey[] = ["handled", isNew ? "handled_new" : "handled_carried"];
  if (s.venue === "agency") out.push("at_agency", isNew ? "at_agency_new" : "at_agency_carried");
  else {
    out.push("in_court", isNew ? "in_court_new" : "in_court_carried");
    if (s.courtBasis) out.push(s.courtBasis);
  }
  if (s.finish?.kind === "resolved")
    out.push("resolved", s.venue === "agency" ? "resolved_at_agency" : "resolved_in_court");
  else if (s.finish?.kind === "terminated") out.push("terminated");
  else {
    out.push("in_progress");
    if (s.suspendedAtEnd) out.push("suspended");
  }
  return out;
}

/**
 * Adds one claim's contribution for period `p` to every row in `rows` (total, its field, province, agency).
 * Exported so that callers can stream very large sets.
 */
function countClaim(claim: StatClaim, p: Period, rows: IndicatorRow[]): Venue | null {
  const id = claim.id;
  const evs = upTo(claim.events, p.to);
  const s = standingAt(evs, p.to);
  const each = (key: keyof IndicatorRow, value = 1) => {
    for (const r of rows) add(r[key], id, value);
  };

  // Claim handling (Mẫu 03 rows 1–22).
  if (handledIn(s, p)) {
    for (const k of handlingIndicators(s, s.start! >= p.from)) each(k);
    if (s.finish?.kind === "resolved") {
      const src =
        s.venue === "agency"
          ? [...evs].reverse().find((e) => e.type === "decision_issued")
          : (first(evs, "funds_requested") ?? [...evs].reverse().find((e) => e.type === "decision_issued"));
      const amt = amountOf(src, claim.amount_decided);
      for (const r of rows) add(r.amount_to_pay, id, amt);
    }
  }

  // Payment and advance (Điều 44, Điều 62), by event date.
  for (const e of evs) {
    if (e.type === "paid" && inPeriod(e.date, p)) {
      const amt = amountOf(e, claim.amount_paid);
      each("cases_paid");
      for (const r of rows) {
        add(r.amount_paid, id, amt);
        add(s.venue === "court" ? r.amount_paid_court : r.amount_paid_agency, id, amt);
      }
    }
    if (e.type === "advance_paid" && inPeriod(e.date, p)) {
      const amt = amountOf(e, claim.amount_advance);
      for (const r of rows) add(r.advance_paid, id, amt);
    }
  }

  // Recourse (Mẫu 04; Luật TNBTCNN 2017, Điều 64–66).
  const paid = first(evs, "paid");
  const council = first(evs, "council_established");
  const decided = first(evs, "recourse_decided");
  const recommended = [...evs].reverse().find((e) => e.type === "council_recommended" && e.data?.not_pursued);
  const notPursuedOn = recommended?.date;
  if (paid && !council) each("paid_without_recourse");
  if (council) {
    const endedBefore = (decided && decided.date < p.from) || (notPursuedOn && notPursuedOn < p.from);
    if (!endedBefore) each("recourse_considered");
    if (!decided && !notPursuedOn) each("recourse_pending");
  }
  if (decided && inPeriod(decided.date, p)) {
    each("recourse_decided");
    for (const r of rows) add(r.recourse_amount, id, amountOf(decided, 0));
  }
  if (recommended && inPeriod(recommended.date, p)) {
    const reason = String(recommended.data?.not_pursued);
    each("recourse_not_pursued");
    each(
      reason === "no_fault"
        ? "recourse_not_pursued_no_fault"
        : reason === "official_died"
          ? "recourse_not_pursued_official_died"
          : "recourse_not_pursued_other",
    );
  }
  const reimb = reimbursementsOf(claim, evs);
  let reimbursedToEnd = 0;
  for (const r of reimb) {
    if (r.date > p.to) continue;
    reimbursedToEnd += r.amount;
    if (r.date >= p.from) for (const row of rows) add(row.recourse_reimbursed, id, r.amount);
  }
  if (decided) {
    const outstanding = amountOf(decided, 0) - reimbursedToEnd;
    if (outstanding > 0) for (const r of rows) add(r.recourse_outstanding, id, outstanding);
  }
  return s.venue;
}

/** The (successor) agency a claim counts under on `date`. */
export function countingAgency(registry: AgencyRegistry, agencyId: string, date: IsoDate): string {
  const succ = registry.successorsOf(agencyId, date);
  return succ.length > 0 ? succ[0].id : agencyId;
}

/** The rows of a period's result: total, by field and (options) by province and by agency. */
export type Buckets<R> = {
  total: R;
  by_field: Record<StatField, R>;
  by_province?: Record<string, R>;
  by_agency?: Record<string, R>;
};

/**
 * Where a claim counts in a period: by its field and (successor) handling agency at the period end, into the total, its
 * field, its province (UBND tỉnh of that agency, or "central") and that agency. Claims outside
 * `options.scopeAgencyId` are left out, claims of an unknown field skipped. One placement rule for the computation from
 * histories (computeIndicators) and for the standing table (handlingFromGroups).
 */
export function placing<R>(
  period: Period,
  options: IndicatorOptions,
  make: () => R,
): {
  buckets: Buckets<R>;
  place(field: string, handlingAgencyId: string): { agencyId: string; rows: R[] } | "unknown_field" | "out_of_scope";
} {
  const registry = options.registry ?? agencyRegistry;
  const buckets: Buckets<R> = {
    total: make(),
    by_field: Object.fromEntries(STAT_FIELDS.map((f) => [f, make()])) as Record<StatField, R>,
  };
  if (options.byProvince) buckets.by_province = {};
  if (options.byAgency) buckets.by_agency = {};
  const succCache = new Map<string, string>();
  const provCache = new Map<string, string>();
  const scopeCache = new Map<string, boolean>();
  const place = (field: string, handlingAgencyId: string) => {
    if (!(STAT_FIELDS as readonly string[]).includes(field)) return "unknown_field" as const;
    let agencyId = succCache.get(handlingAgencyId);
    if (agencyId === undefined) {
      agencyId = countingAgency(registry, handlingAgencyId, period.to);
      succCache.set(handlingAgencyId, agencyId);
    }
    if (options.scopeAgencyId) {
      let inside = scopeCache.get(agencyId);
      if (inside === undefined) {
        inside = registry.isWithin(agencyId, options.scopeAgencyId);
        scopeCache.set(agencyId, inside);
      }
      if (!inside) return "out_of_scope" as const;
    }
    const rows = [buckets.total, buckets.by_field[field as StatField]];
    if (buckets.by_province) {
      let prov = provCache.get(agencyId);
      if (prov === undefined) {
        prov = registry.provinceOf(agencyId)?.id ?? "central";
        provCache.set(agencyId, prov);
      }
      buckets.by_province[prov] ??= make();
      rows.push(buckets.by_province[prov]);
    }
    if (buckets.by_agency) {
      buckets.by_agency[agencyId] ??= make();
      rows.push(buckets.by_agency[agencyId]);
    }
    return { agencyId, rows };
  };
  return { buckets, place };
}

/**
 * Indicators of one period for a set of claims. Pure: the agency registry comes from `options` (default: the
 * shipped dataset). Claims outside `options.scopeAgencyId` (judged by the successor agency at the period end) and
 * claims with an unknown field are left out (the latter listed in `skipped`).
 */
export function computeIndicators(
  claims: readonly StatClaim[],
  period: Period,
  options: IndicatorOptions = {},
): IndicatorResult {
  if (!(period.from <= period.to)) throw new RangeError(`Kỳ báo cáo không hợp lệ: ${period.from} > ${period.to}`);
  const { buckets, place } = placing(period, options, emptyRow);
  const placement: IndicatorResult["placement"] = {};
  const skipped: IndicatorResult["skipped"] = [];
  for (const claim of claims) {
    const attrs = attributesOn(claim, period.to);
    const where = place(attrs.field, attrs.handling_agency_id);
    if (where === "unknown_field") {
      skipped.push({ claim_id: claim.id, reason: `lĩnh vực không hợp lệ "${attrs.field}"` });
      continue;
    }
    if (where === "out_of_scope") continue;
    const venue = countClaim(claim, period, where.rows);
    placement[claim.id] = {
      field: attrs.field,
      agency_id: where.agencyId,
      original_agency_id: attrs.handling_agency_id,
      venue,
    };
  }
  return { period, ...buckets, placement, skipped };
}

/** Sums several indicator rows (consolidation of submitted figures); claim ids are merged without duplicates. */
export function sumRows(rows: readonly IndicatorRow[]): IndicatorRow {
  const out = emptyRow();
  for (const r of rows) {
    for (const k of INDICATOR_KEYS) {
      const f = r[k];
      if (!f) continue;
      out[k].value += f.value;
      for (const id of f.claim_ids) if (!out[k].claim_ids.includes(id)) out[k].claim_ids.push(id);
    }
  }
  return out;
}

/** Values only (for storage in a submission snapshot, where the ids are kept separately). */
export function rowValues(row: IndicatorRow): Record<string, number> {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, row[k].value]));
}
