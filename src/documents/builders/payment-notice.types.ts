// Contract of Mẫu 19/BTNN — thông báo về việc chi trả tiền bồi thường.
import { z } from "zod";
import { baseFields, claimantSchema, docRefSchema, moneySchema, text } from "./common.ts";

export const paymentNoticeSchema = z
  .strictObject({
    ...baseFields,
    claimant: claimantSchema,
    /** The effective compensation decision or court judgment. */
    decision: docRefSchema,
    total_amount: moneySchema,
    advance_paid: moneySchema.optional(),
    /** When and where to collect, e.g. "từ 08 giờ ngày 20/3/2026 tại trụ sở …". */
    payment_time_place: text(1000),
    /** "tiền mặt" or "chuyển khoản" with account details. */
    payment_method: text(1000),
    contact: text(300).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.advance_paid !== undefined && i.advance_paid > i.total_amount)
      ctx.addIssue({
        code: "custom",
        path: ["advance_paid"],
        message: "số tiền đã tạm ứng không được lớn hơn tổng số tiền bồi thường",
      });
  });
export type PaymentNoticeInput = z.input<typeof paymentNoticeSchema>;
