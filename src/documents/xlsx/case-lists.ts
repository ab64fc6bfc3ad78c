// Periodic case lists of KH 2021 mục II.1 as XLSX:
// - II.1.1: every 6 months (done in the first month of the next period), the list of claims filed and accepted under
//   the 2017 law at the agencies managing the official and at the courts;
// - II.1.2: every quarter (first month of the quarter), the list of complex, backlogged, prolonged claims under the
//   2009 law, to agree on solutions.
// Transitional rule (Luật TNBTCNN 2017, điều khoản thi hành): claims accepted before 01/7/2018 stay under the 2009 law;
// the two lists therefore check the acceptance date against that day.
import { z } from "zod";
import { CLAIM_FIELD_VI, CLAIM_FIELDS } from "../../domain/claims/dto.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { parseInput } from "../errors.ts";
import { isoDateSchema } from "../nd30/types.ts";
import { buildSheet, type SheetColumn, STT_COLUMN } from "./sheet.ts";

/** Luật TNBTCNN 2017 in force 01/7/2018; claims accepted before stay under Luật TNBTCNN 2009. */
export const LAW_2017_IN_FORCE = "2018-07-01";

const str = (max: number) => z.string().trim().min(1).max(max);
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const caseList2017RowSchema = z.strictObject({
  claim_code: str(60),
  claimant: str(200),
  handling_agency: str(300),
  field: z.enum(CLAIM_FIELDS),
  accepted_on: isoDateSchema.refine((d) => d >= LAW_2017_IN_FORCE, {
    message: "vụ việc thụ lý trước ngày 01/7/2018 thuộc Luật TNBTCNN 2009, không thuộc danh mục này",
  }),
  /** Giai đoạn giải quyết, e.g. "Xác minh thiệt hại", "Đã có quyết định giải quyết bồi thường". */
  stage: str(200),
  claimed_amount: money.optional(),
  decided_amount: money.optional(),
  /** Mới thụ lý trong kỳ / kỳ trước chuyển sang. */
  origin: z.enum(["new", "carried_over"]),
  note: z.string().trim().max(2000).optional(),
});
export type CaseList2017Row = z.input<typeof caseList2017RowSchema>;

const listMeta = {
  /** Agency drawing up the list (cơ quan chủ trì: Cục BTNN). */
  agency: str(300),
  generated_at: z.string().trim().min(10).max(40).optional(),
};

export const caseList2017Schema = z.strictObject({
  ...listMeta,
  year: z.number().int().min(2018).max(2200),
  half: z.union([z.literal(1), z.literal(2)]),
  rows: z.array(caseList2017RowSchema),
});
export type CaseList2017Input = z.input<typeof caseList2017Schema>;

export const BACKLOG_FLAGS = ["complex", "backlogged", "prolonged"] as const;
export const BACKLOG_FLAG_VI: Record<(typeof BACKLOG_FLAGS)[number], string> = {
  complex: "Phức tạp",
  backlogged: "Tồn đọng",
  prolonged: "Kéo dài",
};

export const backlogList2009RowSchema = z.strictObject({
  claim_code: str(60),
  claimant: str(200),
  handling_agency: str(300),
  field: z.enum(CLAIM_FIELDS),
  accepted_on: isoDateSchema.refine((d) => d < LAW_2017_IN_FORCE, {
    message: "vụ việc theo Luật TNBTCNN 2009 phải được thụ lý trước ngày 01/7/2018",
  }),
  flags: z.array(z.enum(BACKLOG_FLAGS)).min(1),
  status: str(2000),
  obstacles: z.string().trim().max(3000).optional(),
  proposal: z.string().trim().max(3000).optional(),
  claimed_amount: money.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type BacklogList2009Row = z.input<typeof backlogList2009RowSchema>;

export const backlogList2009Schema = z.strictObject({
  ...listMeta,
  year: z.number().int().min(2018).max(2200),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  rows: z.array(backlogList2009RowSchema),
});
export type BacklogList2009Input = z.input<typeof backlogList2009Schema>;

const ROMAN_Q = ["", "I", "II", "III", "IV"];

/** "6 tháng đầu năm 2026 (từ 01/01/2026 đến 30/06/2026)". */
export function halfYearLabel(year: number, half: 1 | 2): string {
  const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
  const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
  return `6 tháng ${half === 1 ? "đầu" : "cuối"} năm ${year} (từ ${formatVi(from)} đến ${formatVi(to)})`;
}

export function quarterLabel(year: number, quarter: 1 | 2 | 3 | 4): string {
  return `Quý ${ROMAN_Q[quarter]} năm ${year}`;
}

/** The claim columns both lists start with (rows sorted by acceptance date, see byAcceptance). */
const CLAIM_COLUMNS: SheetColumn[] = [
  STT_COLUMN,
  { key: "claim_code", header: "Mã vụ việc", width: 14 },
  { key: "claimant", header: "Người yêu cầu bồi thường", width: 24 },
  { key: "handling_agency", header: "Cơ quan giải quyết bồi thường", width: 28 },
  { key: "field", header: "Lĩnh vực", width: 18 },
  { key: "accepted_on", header: "Ngày thụ lý", format: "date" },
];

export const CASE_LIST_2017_COLUMNS: SheetColumn[] = [
  ...CLAIM_COLUMNS,
  { key: "stage", header: "Giai đoạn giải quyết", width: 22 },
  { key: "claimed_amount", header: "Số tiền yêu cầu bồi thường (đồng)", format: "money" },
  { key: "decided_amount", header: "Số tiền quyết định bồi thường (đồng)", format: "money" },
  { key: "origin", header: "Mới thụ lý / kỳ trước chuyển sang", width: 16 },
  { key: "note", header: "Ghi chú", width: 20 },
];

export const BACKLOG_LIST_2009_COLUMNS: SheetColumn[] = [
  ...CLAIM_COLUMNS,
  { key: "flags", header: "Tính chất (phức tạp, tồn đọng, kéo dài)", width: 18 },
  { key: "status", header: "Tình hình giải quyết", width: 30 },
  { key: "obstacles", header: "Khó khăn, vướng mắc", width: 28 },
  { key: "proposal", header: "Đề xuất giải pháp", width: 28 },
  { key: "claimed_amount", header: "Số tiền yêu cầu bồi thường (đồng)", format: "money" },
  { key: "note", header: "Ghi chú", width: 20 },
];

/** Rows by acceptance date, then claim code, numbered from 1 with the field in Vietnamese. */
function byAcceptance<R extends { accepted_on: string; claim_code: string; field: keyof typeof CLAIM_FIELD_VI }>(
  rows: R[],
) {
  return [...rows]
    .sort((a, b) =>
      a.accepted_on < b.accepted_on ? -1 : a.accepted_on > b.accepted_on ? 1 : a.claim_code.localeCompare(b.claim_code),
    )
    .map((r, k) => ({ ...r, stt: k + 1, field: CLAIM_FIELD_VI[r.field] }));
}

/** KH 2021 mục II.1.1 — 6-monthly list of 2017-law claims at managing agencies and courts. */
export async function buildCaseList2017(input: CaseList2017Input): Promise<Buffer> {
  const i = parseInput(caseList2017Schema, input);
  const rows = byAcceptance(i.rows).map((r) => ({
    ...r,
    origin: r.origin === "new" ? "Mới thụ lý" : "Kỳ trước chuyển sang",
  }));
  return buildSheet({
    title: "Danh mục vụ việc yêu cầu bồi thường và được thụ lý giải quyết theo Luật TNBTCNN năm 2017",
    subtitle: "tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại và Tòa án (KH 2021 mục II.1.1)",
    columns: CASE_LIST_2017_COLUMNS,
    rows,
    sheet_name: `Danh mục 6 tháng ${i.half === 1 ? "đầu" : "cuối"} ${i.year}`,
    meta: { agency: i.agency, period: halfYearLabel(i.year, i.half), generated_at: i.generated_at },
    total_keys: ["claimed_amount", "decided_amount"],
  });
}

/** KH 2021 mục II.1.2 — quarterly list of complex, backlogged, prolonged claims under the 2009 law. */
export async function buildBacklogList2009(input: BacklogList2009Input): Promise<Buffer> {
  const i = parseInput(backlogList2009Schema, input);
  const rows = byAcceptance(i.rows).map((r) => ({
    ...r,
    flags: BACKLOG_FLAGS.filter((f) => r.flags.includes(f))
      .map((f) => BACKLOG_FLAG_VI[f])
      .join(", "),
  }));
  return buildSheet({
    title: "Danh mục vụ việc phức tạp, tồn đọng, kéo dài theo Luật TNBTCNN năm 2009",
    subtitle: "(KH 2021 mục II.1.2)",
    columns: BACKLOG_LIST_2009_COLUMNS,
    rows,
    sheet_name: quarterLabel(i.year, i.quarter),
    meta: { agency: i.agency, period: quarterLabel(i.year, i.quarter), generated_at: i.generated_at },
    total_keys: ["claimed_amount"],
  });
}
