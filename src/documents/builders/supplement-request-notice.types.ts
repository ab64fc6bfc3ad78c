// Contract of Mẫu 02/BTNN — thông báo về việc bổ sung hồ sơ yêu cầu bồi thường.
import { z } from "zod";
import { baseFields, claimantSchema, isoDateSchema, text } from "./common.ts";

export const supplementRequestNoticeSchema = z.strictObject({
  ...baseFields,
  claimant: claimantSchema,
  /** Day the file was received (the 05-working-day check runs from it — Điều 42 khoản 2). */
  received_on: isoDateSchema,
  missing_documents: z.array(text(2000)).min(1),
  /** Where and how to submit. */
  submit_to: text(500).optional(),
});
export type SupplementRequestNoticeInput = z.input<typeof supplementRequestNoticeSchema>;
