// Contract of Mẫu 08/BTNN — biên bản kết quả thương lượng việc bồi thường.
import { z } from "zod";
import { partySignatureSchema } from "../nd30/types.ts";
import {
  baseFields,
  claimantSchema,
  damageItemSchema,
  isoDateSchema,
  moneySchema,
  sumAmounts,
  text,
} from "./common.ts";

const personSchema = z.strictObject({ name: text(120), position: text(300) });

export const negotiationMinutesSchema = z
  .strictObject({
    ...baseFields,
    claim_code: text(60).optional(),
    held_on: isoDateSchema,
    /** "08 giờ 30" */
    start_time: text(20),
    end_time: text(20),
    venue: text(300),
    handling_agency: text(300),
    /** Đại diện cơ quan giải quyết bồi thường, including the người giải quyết bồi thường. */
    agency_representatives: z.array(personSchema).min(1),
    claimant: claimantSchema,
    /** Người thi hành công vụ gây thiệt hại (if present). */
    official: personSchema.optional(),
    finance_representative: personSchema.optional(),
    state_management_representative: personSchema.optional(),
    others: z.array(personSchema).optional(),
    outcome: z.enum(["agreed", "not_agreed"]),
    /** Agreed damage items (Điều 46 khoản 5: loại thiệt hại, số tiền). Required when agreed. */
    items: z.array(damageItemSchema).optional(),
    restoration_of_other_rights: text(3000).optional(),
    payment_method: text(1000).optional(),
    other_matters: text(3000).optional(),
    advance_paid: moneySchema.optional(),
    /** Why the negotiation failed (not agreed). */
    disagreement: text(5000).optional(),
    copies: z.number().int().min(1).max(20).optional(),
    /** Further parties signing next to the claimant (e.g. the finance agency representative). */
    extra_signatures: z.array(partySignatureSchema).max(2).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.outcome === "agreed" && !i.items?.length)
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message: "thương lượng thành phải ghi các khoản thiệt hại và số tiền đã thống nhất",
      });
    if (i.outcome === "not_agreed" && !i.disagreement)
      ctx.addIssue({
        code: "custom",
        path: ["disagreement"],
        message: "thương lượng không thành phải ghi nội dung không thống nhất",
      });
    if (i.advance_paid !== undefined && i.items && i.advance_paid > sumAmounts(i.items))
      ctx.addIssue({
        code: "custom",
        path: ["advance_paid"],
        message: "số tiền đã tạm ứng không được lớn hơn tổng số tiền bồi thường",
      });
  });
export type NegotiationMinutesInput = z.input<typeof negotiationMinutesSchema>;
