// Contract of the urging letter (công văn đôn đốc).
import { z } from "zod";
import { URGING_RUNGS } from "../../domain/routing/urging.ts";
import { baseFields, docRefSchema, isoDateSchema, text } from "./common.ts";

/** Căn cứ đôn đốc — Thông tư 08/2019/TT-BTP, Điều 14 (7 grounds, numbered as in the circular). */
export const URGING_GROUNDS = ["k1", "k2", "k3", "k4", "k5", "k6", "k7"] as const;
export type UrgingGround = (typeof URGING_GROUNDS)[number];

export const urgingLetterSchema = z
  .strictObject({
    ...baseFields,
    /** Rung of the KH 2021 ladder: II.6.1 ask the province to urge, II.6.2 urge directly, II.6.3 ask Tổng cục THADS. */
    rung: z.enum(URGING_RUNGS),
    addressees: z.array(text(300)).min(1),
    /** The agency being urged (cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại / cơ quan giải quyết). */
    urged_agency: text(300),
    /** What the agency has not done, e.g. "chưa thụ lý hồ sơ yêu cầu bồi thường của ông Nguyễn Văn A". */
    matter: text(5000),
    grounds: z.array(z.enum(URGING_GROUNDS)).min(1),
    /** Documents behind the grounds (đơn, báo cáo, quyết định …). */
    evidence: z.array(docRefSchema).optional(),
    /** Tasks the urged agency must carry out (Điều 15 khoản 1: urging states the task). */
    tasks: z.array(text(2000)).min(1),
    /** Earlier letter of rung II.6.1 (required for II.6.2: the province was asked first). */
    prior_request: docRefSchema.optional(),
    /** For II.6.2: whether the province did not urge or the agency did not comply. */
    prior_outcome: z.enum(["province_did_not_urge", "not_complied"]).optional(),
    /** Date by which the result must be reported back. */
    report_by: isoDateSchema.optional(),
    /** Agencies copied "để phối hợp theo dõi" (KH 2021: Tổng cục THADS). */
    copy_for_monitoring: z.array(text(300)).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.rung === "KH2021.II.6.2" && !i.prior_request) {
      ctx.addIssue({
        code: "custom",
        path: ["prior_request"],
        message:
          "đôn đốc trực tiếp (KH 2021 mục II.6.2) chỉ khi đã đề nghị UBND cấp tỉnh đôn đốc: ghi văn bản đề nghị trước đó",
      });
    }
  });
export type UrgingLetterInput = z.input<typeof urgingLetterSchema>;
