// Contract of Mẫu 03/BTNN — thông báo về việc thụ lý hoặc không thụ lý hồ sơ yêu cầu bồi thường.
import { z } from "zod";
import { baseFields, claimantSchema, isoDateSchema, text } from "./common.ts";

/** Không thụ lý — Luật TNBTCNN 2017, Điều 43 khoản 2, điểm a–h. */
export const REFUSAL_GROUNDS = ["a", "b", "c", "d", "đ", "e", "g", "h"] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const acceptanceNoticeSchema = z
  .strictObject({
    ...baseFields,
    decision: z.enum(["accepted", "refused"]),
    claimant: claimantSchema,
    /** Day the valid file was received (hồ sơ hợp lệ). */
    file_received_on: isoDateSchema,
    /** Ngày thụ lý (accepted). */
    accepted_on: isoDateSchema.optional(),
    /** Số thụ lý in the sổ thụ lý. */
    register_entry: text(60).optional(),
    refusal_grounds: z.array(z.enum(REFUSAL_GROUNDS)).optional(),
    refusal_reason: text(5000).optional(),
    /** Ground a: the competent agency the claimant should turn to (Điều 43 khoản 4). */
    competent_agency: text(300).optional(),
    /** Cơ quan quản lý nhà nước về công tác bồi thường nhà nước that must be informed (Điều 43 khoản 4). */
    state_management_agency: text(300),
  })
  .superRefine((i, ctx) => {
    if (i.decision === "accepted" && !i.accepted_on)
      ctx.addIssue({ code: "custom", path: ["accepted_on"], message: "thông báo thụ lý phải ghi ngày thụ lý" });
    if (i.decision === "refused" && !i.refusal_grounds?.length)
      ctx.addIssue({
        code: "custom",
        path: ["refusal_grounds"],
        message: "thông báo không thụ lý phải nêu căn cứ tại khoản 2 Điều 43",
      });
    if (i.decision === "refused" && i.refusal_grounds?.includes("a") && !i.competent_agency)
      ctx.addIssue({
        code: "custom",
        path: ["competent_agency"],
        message: "không thụ lý vì không thuộc trách nhiệm giải quyết phải hướng dẫn cơ quan có thẩm quyền",
      });
  });
export type AcceptanceNoticeInput = z.input<typeof acceptanceNoticeSchema>;
