// Input and output types of the statistics module. Statistics are DERIVED from claims and their events: nothing is
// typed twice. A figure always carries the ids of the claims behind it (drill-down).
import type { AgencyRegistry } from "../agencies/registry.ts";
import { CLAIM_FIELD_VI, CLAIM_FIELDS, type ClaimField } from "../claims/dto.ts";
import type { IsoDate } from "../shared/dates.ts";

/** The six fields (lĩnh vực) of GLOSSARY, in the order of the TT 08/2019 forms: the claims' own table. */
export const STAT_FIELDS = CLAIM_FIELDS;
export type StatField = ClaimField;
export const STAT_FIELD_VI = CLAIM_FIELD_VI;

/** Attributes of a claim that may change over time (field re-classified, agency changed). */
export type ClaimAttributes = {
  field: string;
  handling_agency_id: string;
  managing_agency_id: string | null;
};

/** One change of attributes (e.g. read from the audit log): values before and after, dated. */
export type AttributeChange = {
  date: IsoDate;
  before: Partial<ClaimAttributes>;
  after: Partial<ClaimAttributes>;
};

/** One event of the claim history; `data.amount` (đồng) on decision_issued, advance_paid, paid, recourse_decided. */
export type StatEvent = {
  type: string;
  date: IsoDate;
  ground?: string | null;
  data?: Record<string, unknown> | null;
};

/** A reimbursement by the official (thực hiện hoàn trả) — Luật TNBTCNN 2017, Điều 65. */
export type Reimbursement = { date: IsoDate; amount: number };

export type StatClaim = ClaimAttributes & {
  id: string;
  code?: string;
  law: string;
  events: readonly StatEvent[];
  /** Current amounts of the claim record (fallback when an event carries no amount). */
  amount_decided?: number | null;
  amount_paid?: number | null;
  amount_advance?: number | null;
  /** Attribute changes, any order; the claim's CURRENT attributes are the values above. */
  changes?: readonly AttributeChange[];
  /** Reimbursements of the recourse amount (event data `reimbursements` of recourse_decided also count). */
  reimbursements?: readonly Reimbursement[];
};

export type Period = { from: IsoDate; to: IsoDate; label?: string };

/** A figure and the claims behind it. */
export type Figure = { value: number; claim_ids: string[] };

export type IndicatorKey =
  | "handled"
  | "handled_new"
  | "handled_carried"
  | "at_agency"
  | "at_agency_new"
  | "at_agency_carried"
  | "in_court"
  | "in_court_new"
  | "in_court_carried"
  | "court_d52_k1a"
  | "court_d52_k1b_k2"
  | "court_d55"
  | "resolved"
  | "resolved_at_agency"
  | "resolved_in_court"
  | "amount_to_pay"
  | "suspended"
  | "terminated"
  | "in_progress"
  | "cases_paid"
  | "amount_paid"
  | "amount_paid_agency"
  | "amount_paid_court"
  | "advance_paid"
  | "recourse_considered"
  | "recourse_decided"
  | "recourse_pending"
  | "recourse_amount"
  | "recourse_reimbursed"
  | "recourse_outstanding"
  | "recourse_not_pursued"
  | "recourse_not_pursued_no_fault"
  | "recourse_not_pursued_official_died"
  | "recourse_not_pursued_other"
  | "paid_without_recourse";

export type IndicatorRow = Record<IndicatorKey, Figure>;

export type IndicatorOptions = {
  /** Agency registry for successor and scope rules (default: the shipped registry). */
  registry?: AgencyRegistry;
  /** Count only claims whose (successor) handling agency lies within this agency's scope. */
  scopeAgencyId?: string;
  /** Also group by province (UBND tỉnh of the successor agency) and by agency. */
  byProvince?: boolean;
  byAgency?: boolean;
};

export type IndicatorResult = {
  period: Period;
  total: IndicatorRow;
  by_field: Record<StatField, IndicatorRow>;
  /** Province id (UBND tỉnh) or "central" → row. */
  by_province?: Record<string, IndicatorRow>;
  /** Successor handling agency id → row. */
  by_agency?: Record<string, IndicatorRow>;
  /** Per claim: how it was counted (field and agency at the period end, successor, venue). */
  placement: Record<string, { field: string; agency_id: string; original_agency_id: string; venue: Venue | null }>;
  /** Claims skipped and why (e.g. unknown field). */
  skipped: Array<{ claim_id: string; reason: string }>;
};

export type Venue = "agency" | "court";
