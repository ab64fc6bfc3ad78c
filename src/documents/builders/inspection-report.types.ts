// Contract of the inspection report (báo cáo kiểm tra).
import { z } from "zod";
import { baseFields, docRefSchema, isoDateSchema, text } from "./common.ts";
import { sectionSchema } from "./meeting-report.types.ts";

export const inspectionReportSchema = z.strictObject({
  ...baseFields,
  /** Agency inspected, e.g. "Cục Thi hành án dân sự tỉnh Thanh Hóa". */
  inspected_agency: text(300),
  /** Decision or plan ordering the inspection (quyết định kiểm tra / kế hoạch kiểm tra). */
  mandate: docRefSchema,
  /** Period covered, e.g. "từ ngày 01/7/2018 đến ngày 31/12/2025". */
  period: text(300),
  inspected_on: isoDateSchema,
  team: z.array(text(300)).min(1),
  /** Overview of the agency's compensation work (số vụ việc, tình hình chung). */
  overview: z.array(text(10_000)).optional(),
  results: z.array(sectionSchema).min(1),
  shortcomings: z.array(text(5000)).optional(),
  recommendations: z.array(text(5000)).min(1),
  report_to: z.array(text(300)).optional(),
});
export type InspectionReportInput = z.input<typeof inspectionReportSchema>;
