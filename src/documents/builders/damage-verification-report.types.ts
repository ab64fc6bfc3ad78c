// Contract of Mẫu 07/BTNN — báo cáo xác minh thiệt hại.
import { z } from "zod";
import { DAMAGE_HEADS } from "../../domain/claims/event-data.ts";
import { baseFields, claimantSchema, docRefSchema, isoDateSchema, moneySchema, text } from "./common.ts";

export const verifiedItemSchema = z.strictObject({
  type: z.enum(DAMAGE_HEADS),
  description: text(2000),
  /** Amount claimed in the file. */
  claimed_amount: moneySchema,
  /** Amount established by verification. */
  verified_amount: moneySchema,
  /** How it was verified / computed (tài liệu, định giá, giám định …). */
  basis: text(2000).optional(),
});

export const damageVerificationReportSchema = z.strictObject({
  ...baseFields,
  claim_code: text(60).optional(),
  claimant: claimantSchema,
  /** Văn bản làm căn cứ yêu cầu bồi thường. */
  basis_document: docRefSchema,
  /** Ngày thụ lý (the 15/30-day verification period runs from it — Điều 45 khoản 2). */
  accepted_on: isoDateSchema,
  /** Người giải quyết bồi thường. */
  officer: z.strictObject({ name: text(120), position: text(200) }),
  verification_from: isoDateSchema,
  verification_to: isoDateSchema,
  /** Methods used (Nghị định 68/2018/NĐ-CP Điều 14). */
  methods: z.array(text(2000)).optional(),
  /** Representatives of the state-management and finance agencies who took part (Điều 45 khoản 4). */
  participants: z.array(text(300)).optional(),
  /** Thỏa thuận kéo dài thời hạn xác minh (Điều 45 khoản 2 đoạn 2; Nghị định 68 Điều 14 khoản 2, Điều 20 khoản 4). */
  extension: z.strictObject({ agreed_on: isoDateSchema, reason: text(2000), extended_until: isoDateSchema }).optional(),
  items: z.array(verifiedItemSchema).min(1),
  conclusion: text(5000).optional(),
});
export type DamageVerificationReportInput = z.input<typeof damageVerificationReportSchema>;
