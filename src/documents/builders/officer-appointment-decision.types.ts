// Contract of Mẫu 05/BTNN — quyết định cử người giải quyết bồi thường.
import { z } from "zod";
import { baseFields, claimantSchema, isoDateSchema, text } from "./common.ts";

export const officerAppointmentDecisionSchema = z.strictObject({
  ...baseFields,
  issuing_authority: text(300),
  extra_legal_bases: z.array(text(1000)).optional(),
  claim_code: text(60).optional(),
  claimant: claimantSchema,
  accepted_on: isoDateSchema,
  officer: z.strictObject({ name: text(120), position: text(200), unit: text(300).optional() }),
  executors: z.array(text(300)).min(1),
  proposed_by: text(300).optional(),
});
export type OfficerAppointmentDecisionInput = z.input<typeof officerAppointmentDecisionSchema>;
