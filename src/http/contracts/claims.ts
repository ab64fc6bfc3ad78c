// zod contracts of /api/claims (shared with the web client). JSON keys follow GLOSSARY.md.

import { z } from "zod";
import { LAW_VERSIONS } from "../../db/schema/claims.ts";
import { MASK_CHAR } from "../../domain/access/mask.ts";
import {
  CLAIM_FIELDS,
  type ClaimCorrectionDto,
  type ClaimDeadlineDto,
  type ClaimDetailDto,
  type ClaimDocumentDto,
  type ClaimDto,
  type ClaimEventDto,
} from "../../domain/claims/dto.ts";
import { EVENT_TYPES } from "../../domain/claims/index.ts";
import type { UnrecordedSteps } from "../../domain/claims/phases.ts";
import { DUE_FILTERS } from "../../domain/inbox/index.ts";
import { AmountSchema, BoolQuery, IdNumberSchema, IsoDateSchema, PageQuery, PhoneSchema } from "./common.ts";
import type { Loosened, SameShape } from "./same-shape.ts";

const Amount = AmountSchema;
const Text = (max: number) => z.string().trim().max(max);
const Masked = z.string().max(50).regex(new RegExp(MASK_CHAR));

export const ClaimEventInput = z
  .object({
    type: z.enum(EVENT_TYPES),
    date: IsoDateSchema,
    ground: Text(20).optional(),
    note: Text(2000).optional(),
    data: z.record(z.string().max(100), z.unknown()).nullable().optional(),
  })
  .strict();

export const Extensions = z
  .object({
    verify: z.number().int().min(0).max(15).optional(),
    negotiation_end: z.number().int().min(0).max(10).optional(),
  })
  .strict();

export const ClaimFields = {
  code: Text(50).min(1).optional(),
  law_version: z.enum(LAW_VERSIONS).optional(),
  field: z.enum(CLAIM_FIELDS),
  complex: z.boolean().optional(),
  backlogged: z.boolean().optional(),
  prolonged: z.boolean().optional(),
  managing_agency_id: Text(100).min(1).nullable().optional(),
  handling_agency_id: Text(100).min(1),
  amount_requested: Amount.nullable().optional(),
  amount_decided: Amount.nullable().optional(),
  amount_paid: Amount.nullable().optional(),
  amount_advance: Amount.nullable().optional(),
  claimant_name: Text(300).min(1),
  claimant_id_number: IdNumberSchema.nullable().optional(),
  claimant_address: Text(500).nullable().optional(),
  claimant_phone: PhoneSchema.nullable().optional(),
  summary: Text(5000).nullable().optional(),
  extensions: Extensions.nullable().optional(),
};

export const ClaimCreate = z.object({ ...ClaimFields, events: z.array(ClaimEventInput).max(100).optional() }).strict();

// Amounts and the law are not patchable (domain/claims/editing.ts): the route refuses them with 422 before validation.
const {
  law_version: _law,
  amount_requested: _req,
  amount_decided: _dec,
  amount_paid: _paid,
  amount_advance: _adv,
  ...PatchableFields
} = ClaimFields;

export const ClaimPatch = z
  .object({
    ...PatchableFields,
    field: ClaimFields.field.optional(),
    handling_agency_id: ClaimFields.handling_agency_id.optional(),
    claimant_name: ClaimFields.claimant_name.optional(),
    // A form saved without revealing sends the masked values back: kept as they are (the repository keeps the stored
    // value when the mask matches it, refuses any other masked text).
    claimant_id_number: z.union([Masked, IdNumberSchema.nullable()]).optional(),
    claimant_phone: z.union([Masked, PhoneSchema.nullable()]).optional(),
    /** The version being replaced (or send If-Match). */
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const ClaimEventCreate = ClaimEventInput.extend({ version: z.number().int().min(1).optional() }).strict();

export const ClaimListQuery = PageQuery.extend({
  field: z.enum(CLAIM_FIELDS).optional(),
  law_version: z.enum(LAW_VERSIONS).optional(),
  /** One phase or several separated by commas. */
  state: z.string().max(500).optional(),
  open: BoolQuery.optional(),
  suspended: BoolQuery.optional(),
  agency_id: z.string().max(100).optional(),
  handling_agency_id: z.string().max(100).optional(),
  complex: BoolQuery.optional(),
  backlogged: BoolQuery.optional(),
  prolonged: BoolQuery.optional(),
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  sort: z.enum(["received_desc", "received_asc", "code", "updated_desc"]).optional(),
  due: z.enum(DUE_FILTERS).optional().describe("soon: thời hạn đến trong 5 ngày làm việc; overdue: đã quá hạn"),
}).strict();

export const ClaimGetQuery = z
  .object({ reveal: z.enum(["personal"]).optional(), as_of: IsoDateSchema.optional() })
  .strict();

export const Claim = z.object({
  id: z.string(),
  code: z.string(),
  law_version: z.string(),
  field: z.string(),
  complex: z.boolean(),
  backlogged: z.boolean(),
  prolonged: z.boolean(),
  managing_agency_id: z.string().nullable(),
  handling_agency_id: z.string(),
  amount_requested: z.number().nullable(),
  amount_decided: z.number().nullable(),
  amount_paid: z.number().nullable(),
  amount_advance: z.number().nullable(),
  claimant_name: z.string(),
  claimant_id_number: z.string().nullable(),
  claimant_address: z.string().nullable(),
  claimant_phone: z.string().nullable(),
  summary: z.string().nullable(),
  state: z.string(),
  state_label: z.string(),
  open: z.boolean(),
  suspended: z.boolean(),
  extensions: z.unknown(),
  received_on: z.string().nullable(),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
  /** True when the claimant's ID number, address and phone are masked. */
  masked: z.boolean(),
});

export const ClaimEvent = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  date: z.string(),
  ground: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  recorded_by: z.string().nullable(),
  recorded_at: z.string(),
});

export const ClaimDeadline = z.object({
  kind: z.string(),
  step: z.string(),
  label: z.string().nullable(),
  due: z.string().nullable(),
  unit: z.string().nullable(),
  days: z.number().nullable(),
  basis: z.string().nullable(),
  confidence: z.string().nullable(),
  status: z.string().nullable(),
  explanation: z.unknown(),
  details: z.unknown(),
  computed_at: z.string(),
});

/** A document as the claim's file lists it; the documents routes add file details and versions (claim-documents.ts). */
export const ClaimDocumentSummary = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  issued_on: z.string().nullable(),
  file_name: z.string().nullable(),
  size: z.number().nullable(),
});

export const ClaimCorrection = z.object({
  id: z.string(),
  target: z.string(),
  action: z.string(),
  event_id: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  closed_claim: z.boolean(),
  corrected_by: z.string().nullable(),
  corrected_by_name: z.string().nullable(),
  corrected_at: z.string(),
});

export const UnrecordedStep = z.object({
  index: z.number().int(),
  event: z.string(),
  date: z.string(),
  after: z.string().optional(),
  missing: z.array(z.string()),
  message: z.string(),
});

export const ClaimDetail = Claim.extend({
  events: z.array(ClaimEvent),
  deadlines: z.array(ClaimDeadline),
  documents: z.array(ClaimDocumentSummary),
  next_actions: z.array(z.unknown()),
  /** Cải chính, oldest first (the original in `before`, shown struck through). */
  corrections: z.array(ClaimCorrection),
  /** Backfill: steps the history lacks ("chưa ghi nhận"), each naming the missing steps. */
  unrecorded: z.array(UnrecordedStep),
});

// Each schema above is the DTO of src/domain/claims/dto.ts (the type the server sends): a key or a type that differs
// fails tsc. Described loosely on purpose, and named here: opaque JSON (a claim's extensions, a deadline's explanation
// and details, the next actions) and the event types of an unrecorded step (strings).
type ClaimShape = Loosened<ClaimDto<string>, { extensions: unknown }>;
type ClaimDeadlineShape = Loosened<ClaimDeadlineDto<string>, { explanation: unknown; details: unknown }>;
type UnrecordedStepShape = Loosened<UnrecordedSteps, { event: string; missing: string[] }>;
true satisfies SameShape<typeof Claim, ClaimShape>;
true satisfies SameShape<typeof ClaimEvent, ClaimEventDto<string>>;
true satisfies SameShape<typeof ClaimDeadline, ClaimDeadlineShape>;
true satisfies SameShape<typeof ClaimDocumentSummary, ClaimDocumentDto>;
true satisfies SameShape<typeof ClaimCorrection, ClaimCorrectionDto<string>>;
true satisfies SameShape<typeof UnrecordedStep, UnrecordedStepShape>;
true satisfies SameShape<
  typeof ClaimDetail,
  Loosened<
    ClaimDetailDto<string>,
    {
      extensions: unknown;
      deadlines: ClaimDeadlineShape[];
      next_actions: unknown[];
      unrecorded: UnrecordedStepShape[];
    }
  >
>;
