// The claim as the API carries it — the claim row, its events, deadlines, documents and corrections — declared once
// for the server and the web. Dependency-free (type-only imports), so the web bundle can import it. `Time` is how a
// timestamp travels: the server builds Date, the web reads the JSON string.
import type { ExplanationStep } from "../calendar/types.ts";
import type { ClaimExtensions } from "./events.ts";
import type { NextAction } from "./next-actions.ts";
import type { UnrecordedSteps } from "./phases.ts";

/** The six fields (lĩnh vực) of GLOSSARY, in the order of the TT 08/2019 forms. */
export const CLAIM_FIELDS = [
  "administration",
  "criminal_procedure",
  "civil_procedure",
  "administrative_procedure",
  "criminal_enforcement",
  "civil_enforcement",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export const CLAIM_FIELD_VI: Record<ClaimField, string> = {
  administration: "Quản lý hành chính",
  criminal_procedure: "Tố tụng hình sự",
  civil_procedure: "Tố tụng dân sự",
  administrative_procedure: "Tố tụng hành chính",
  criminal_enforcement: "Thi hành án hình sự",
  civil_enforcement: "Thi hành án dân sự",
};

export type ClaimDto<Time> = {
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
  extensions: ClaimExtensions | null;
  received_on: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
  masked: boolean;
};

export type ClaimEventDto<Time> = {
  id: string;
  seq: number;
  type: string;
  date: string;
  ground: string | null;
  note: string | null;
  data: unknown;
  recorded_by: string | null;
  recorded_at: Time;
};

export type ClaimDeadlineDto<Time> = {
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
  computed_at: Time;
};

export type ClaimDocumentDto = {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  issued_on: string | null;
  file_name: string | null;
  size: number | null;
};

export type ClaimCorrectionDto<Time> = {
  id: string;
  /** "event" or "claim". */
  target: string;
  /** "correct" or "void". */
  action: string;
  event_id: string | null;
  /** The original (shown struck through) and the corrected value. */
  before: unknown;
  after: unknown;
  reason: string;
  closed_claim: boolean;
  corrected_by: string | null;
  /** Full name of the officer who made the correction (who/when/why on the claim screen). */
  corrected_by_name: string | null;
  corrected_at: Time;
};

export type ClaimDetailDto<Time> = ClaimDto<Time> & {
  events: ClaimEventDto<Time>[];
  deadlines: ClaimDeadlineDto<Time>[];
  documents: ClaimDocumentDto[];
  next_actions: NextAction[];
  /** "Chưa ghi nhận" warnings: steps a backfilled history lacks. */
  unrecorded: UnrecordedSteps[];
  /** Cải chính, oldest first: what was corrected or voided, the original, the reason. */
  corrections: ClaimCorrectionDto<Time>[];
};
