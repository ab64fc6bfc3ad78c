// Contract of Mẫu 09/BTNN — quyết định giải quyết bồi thường.
import { z } from "zod";
import {
  baseFields,
  claimantSchema,
  damageItemSchema,
  docRefSchema,
  isoDateSchema,
  moneySchema,
  sumAmounts,
  text,
} from "./common.ts";

export const compensationDecisionSchema = z
  .strictObject({
    ...baseFields,
    /** Thẩm quyền ban hành, e.g. "Cục trưởng Cục Thi hành án dân sự tỉnh Thanh Hóa". */
    issuing_authority: text(300),
    /** Extra "Căn cứ …" lines (e.g. the agency's functions decision), placed after the Law and Nghị định 68. */
    extra_legal_bases: z.array(text(1000)).optional(),
    claim_code: text(60).optional(),
    /** Điều 47 khoản 2 điểm a. */
    claimant: claimantSchema,
    /** Điều 47 khoản 2 điểm b — căn cứ xác định trách nhiệm bồi thường: the basis document. */
    basis_document: docRefSchema,
    /** Further text on the basis (the unlawful act, the Điều 7 ground). */
    liability_basis: text(5000).optional(),
    /** Biên bản kết quả thương lượng thành (Điều 47 khoản 1). */
    negotiation_minutes: z.strictObject({ date: isoDateSchema, number_symbol: text(80).optional() }),
    /** Điều 47 khoản 2 điểm c — damages and amounts. */
    items: z.array(damageItemSchema).min(1),
    restoration_of_other_rights: text(3000).optional(),
    payment_method: text(1000).optional(),
    other_matters: text(3000).optional(),
    /** Điều 47 khoản 2 điểm d — amount already advanced under Điều 44 (if any). */
    advance_paid: moneySchema.optional(),
    /** Who carries out the decision (Điều 3 / the last article). */
    executors: z.array(text(300)).min(1),
    /** Người giải quyết bồi thường who proposed the decision ("Theo đề nghị của …"). */
    proposed_by: text(300).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.advance_paid !== undefined && i.advance_paid > sumAmounts(i.items)) {
      ctx.addIssue({
        code: "custom",
        path: ["advance_paid"],
        message: "số tiền đã tạm ứng không được lớn hơn tổng số tiền bồi thường",
      });
    }
  });
export type CompensationDecisionInput = z.input<typeof compensationDecisionSchema>;
