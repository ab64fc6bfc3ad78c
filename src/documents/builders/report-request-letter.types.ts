// Contract of the report request letter (công văn yêu cầu báo cáo).
import { z } from "zod";
import { baseFields, docRefSchema, isoDateSchema, ruleSchema, text } from "./common.ts";

/** Căn cứ theo dõi — Thông tư 08/2019/TT-BTP, Điều 9 khoản 1, điểm a–i. */
export const MONITORING_GROUNDS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i"] as const;
export type MonitoringGround = (typeof MONITORING_GROUNDS)[number];

export const reportRequestLetterSchema = z.strictObject({
  ...baseFields,
  /** Kính gửi: the UBND cấp tỉnh (Điều 11 khoản 2) or, for Tổng cục THADS, the local office. */
  addressees: z.array(text(300)).min(1),
  /** The handling agency that must report. */
  reporting_agency: text(300),
  /** The claim(s) concerned, e.g. "vụ việc yêu cầu bồi thường của ông Nguyễn Văn A". */
  matter: text(3000),
  monitoring_grounds: z.array(z.enum(MONITORING_GROUNDS)).min(1),
  evidence: z.array(docRefSchema).optional(),
  /** Contents of the report; default: giải quyết bồi thường, thực hiện trách nhiệm hoàn trả, xử lý kỷ luật. */
  contents: z.array(text(2000)).optional(),
  report_by: isoDateSchema.optional(),
  /** Where the report is also sent "để phối hợp theo dõi" (KH 2021 mục II.5.1: Tổng cục THADS). */
  send_copy_to: z.array(text(300)).optional(),
  /** true = the letter asks the UBND cấp tỉnh to direct the agency (Điều 11 khoản 2); false = asks directly. */
  via_province: z.boolean().optional(),
  /** Routing rule carried out; default KH2021.II.5.1.a (via the province) or KH2021.II.5.1.b. */
  rule: ruleSchema.optional(),
});
export type ReportRequestLetterInput = z.input<typeof reportRequestLetterSchema>;
