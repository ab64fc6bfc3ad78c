export const CLAIM_FIELDS = [
  "administration",
  "criminal_procedure",
  "civil_procedure",
  "administrative_procedure",
  "criminal_enforcement",
  "civil_enforcement",
] as const;

export const PHASES = [
  "received",
  "supplementing",
  "file_valid",
  "accepted",
  "verified",
  "negotiating",
  "negotiated",
  "decided",
  "decision_refused",
  "decision_effective",
  "in_court",
  "funds_requested",
  "funds_received",
  "notified",
  "paid",
  "council",
  "council_recommended",
  "recourse_decided",
  "refused",
  "terminated",
] as const;

export type Claim = {
  id: string;
  code: string;
  law_version: string;
  field: string;
  complex: boolean;
  backlogged: boolean;
  prolonged: boolean;
  managing_agency_id: string | null;
  handling_agency_id: string;
  amount_requested: number | null;
  amount_decided: number | null;
  amount_paid: number | null;
  amount_advance: number | null;
  claimant_name: string;
  claimant_id_number: string | null;
  claimant_address: string | null;
  claimant_phone: string | null;
  summary: string | null;
  state: string;
  state_label: string;
  open: boolean;
  suspended: boolean;
  received_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  masked: boolean;
};

export type ExplanationStep = { rule: string; date?: string; text: string; source?: string; unverified?: true };

export type ClaimDeadline = {
  kind: string;
  step: string;
  label: string | null;
  due: string | null;
  unit: string | null;
  days: number | null;
  basis: string | null;
  confidence: string | null;
  status: string | null;
  explanation: ExplanationStep[] | null;
  details: Record<string, unknown> | null;
};

export type ClaimEvent = {
  id: string;
  seq: number;
  type: string;
  date: string;
  ground: string | null;
  note: string | null;
  data?: unknown;
  recorded_at: string;
};

/** What a correction changed of a step (`before` is the original, shown struck through). */
export type StepSnapshot = {
  type: string;
  date: string;
  ground: string | null;
  note: string | null;
  data?: unknown;
};

export type ClaimCorrection = {
  id: string;
  target: "event" | "claim" | string;
  action: "correct" | "void" | string;
  event_id: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  closed_claim: boolean;
  corrected_by: string | null;
  corrected_by_name: string | null;
  corrected_at: string;
};

export type NextAction = { event: string; label: string; basis: string; grounds?: string[] };

export type ClaimDetail = Claim & {
  events: ClaimEvent[];
  deadlines: ClaimDeadline[];
  documents: Array<{
    id: string;
    kind: string;
    title: string;
    number: string | null;
    issued_on: string | null;
    file_name: string | null;
    size: number | null;
  }>;
  next_actions: NextAction[];
  corrections: ClaimCorrection[];
};
