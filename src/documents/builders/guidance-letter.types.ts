// Contract of the guidance letter (công văn hướng dẫn nghiệp vụ).
import { z } from "zod";
import { baseFields, docRefSchema, ruleSchema, text } from "./common.ts";

export const guidanceLetterSchema = z.strictObject({
  ...baseFields,
  /** Kính gửi: the agency that asked for guidance. */
  addressees: z.array(text(300)).min(1),
  /** Trích yếu without "V/v"; default "hướng dẫn nghiệp vụ công tác bồi thường nhà nước". */
  subject: text(500).optional(),
  /** The request being answered (văn bản đề nghị hướng dẫn). */
  request: docRefSchema.optional(),
  /** What the request is about, e.g. "việc xác định cơ quan giải quyết bồi thường". */
  topic: text(1000),
  /**
   * Legal ground of the guidance, e.g. "điểm đ khoản 1 Điều 4 Thông tư số 08/2019/TT-BTP" (guidance after the
   * province already guided). Default: "Điều 4 Thông tư số 08/2019/TT-BTP".
   */
  legal_ground: text(500).optional(),
  /** Routing rule answered (e.g. "KH2021.II.3.2"): its citation replaces legal_ground (domain/routing/citation.ts). */
  rule: ruleSchema.optional(),
  /** The guidance itself: one paragraph per point (numbered 1., 2., … when more than one). */
  points: z.array(text(10_000)).min(1),
  /** Agencies that receive a copy "để phối hợp theo dõi" (e.g. Tổng cục THADS, KH 2021 mục II.3.3.b). */
  copy_for_monitoring: z.array(text(300)).optional(),
});
export type GuidanceLetterInput = z.input<typeof guidanceLetterSchema>;
