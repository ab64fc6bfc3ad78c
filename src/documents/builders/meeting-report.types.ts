// Contract of the meeting / field-trip report (báo cáo kết quả cuộc họp / đoàn công tác).
import { z } from "zod";
import { baseFields, docRefSchema, isoDateSchema, text } from "./common.ts";

export const sectionSchema = z.strictObject({
  heading: text(300),
  paragraphs: z.array(text(10_000)).min(1),
});

export const caseLineSchema = z.strictObject({
  claim_code: text(60).optional(),
  claimant: text(200),
  handling_agency: text(300),
  status: text(1000),
  direction: text(2000).optional(),
});

export const meetingReportSchema = z.strictObject({
  ...baseFields,
  /** "meeting" = cuộc họp (định kỳ/đột xuất); "field_trip" = đoàn công tác tại địa phương. */
  variant: z.enum(["meeting", "field_trip"]),
  /** What the meeting/trip was about, e.g. "giải quyết vụ việc phức tạp, tồn đọng, kéo dài tại tỉnh Thanh Hóa". */
  topic: text(500),
  held_on: isoDateSchema,
  /** Last day of a field trip. */
  held_until: isoDateSchema.optional(),
  venue: text(300),
  chair: text(300).optional(),
  participants: z.array(text(300)).min(1),
  /** Decision or plan setting up the trip (quyết định thành lập đoàn). */
  mandate: docRefSchema.optional(),
  /** Cases discussed (from the list of complex/backlogged/prolonged cases). */
  cases: z.array(caseLineSchema).optional(),
  /** Results, each section one heading with paragraphs. */
  results: z.array(sectionSchema).min(1),
  conclusions: z.array(text(5000)).min(1),
  proposals: z.array(text(5000)).optional(),
  /** Who the report goes to ("Lãnh đạo Bộ (để báo cáo)"). */
  report_to: z.array(text(300)).optional(),
});
export type MeetingReportInput = z.input<typeof meetingReportSchema>;
