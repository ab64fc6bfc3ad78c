// zod contracts of /api/claims/{id}/forms: the TT 04/2018 forms generated from a claim's record.
import { z } from "zod";
import { CLAIM_FORM_CODES, parseClaimFormCode } from "../../documents/claim-forms.ts";

export const ClaimFormParams = z.object({
  id: z.uuid({ error: "mã vụ việc (id) phải là UUID" }),
  form: z
    .string()
    .max(60)
    .refine((s) => parseClaimFormCode(s) !== undefined, {
      error: `biểu mẫu không được hỗ trợ; chỉ nhận Mẫu ${CLAIM_FORM_CODES.join(", ")}/BTNN (ví dụ "09")`,
    }),
});

export const ClaimFormQuery = z
  .object({
    /** Người ký (chức vụ, họ tên); absent → "THỦ TRƯỞNG CƠ QUAN" and a dotted line to sign over. */
    signer_title: z.string().trim().min(1).max(200).optional(),
    signer_name: z.string().trim().min(1).max(120).optional(),
  })
  .strict();

export const ClaimFormInfo = z.object({
  code: z.string(),
  form_code: z.string().nullable(),
  name: z.string(),
  /** The step whose record fills the form, and whether it is recorded. */
  steps: z.array(z.string()),
  available: z.boolean(),
  /** "05/QĐ-THADS" once numbered in the outgoing register. */
  number: z.string().nullable(),
  form_text_verified: z.boolean(),
});
