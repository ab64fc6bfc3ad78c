// Số, ký hiệu của văn bản — Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục II.3 and Phụ lục III.
// - Số: Arabic numerals, from 01 on 01 January each year; numbers below 10 take a leading 0.
// - Ký hiệu of a document with a type name: abbreviation of the type (Phụ lục III) + "-" + abbreviation of the issuer
//   ("12/KH-UBND", "05/QĐ-UBND").
// - Ký hiệu of a công văn: abbreviation of the issuer + "-" + abbreviation of the drafting unit or field ("15/BTNN-NV").
// - The year appears only in legal normative documents ("04/2018/TT-BTP"); pass `normative: true` for those.
// Allocation of the next number is the outgoing register's job (OutgoingRegister, src/db); this only formats.
import { z } from "zod";
import { parseInput } from "./errors.ts";

/** Output kinds (GLOSSARY) plus the other administrative types BTNN issues. */
export const DOCUMENT_KINDS = [
  "letter",
  "report",
  "minutes",
  "decision",
  "notice",
  "plan",
  "guidance",
  "submission",
  "invitation",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Nghị định 30/2020/NĐ-CP, Phụ lục III — chữ viết tắt tên loại văn bản (công văn has none). */
export const KIND_ABBREVIATION: Record<DocumentKind, string | null> = {
  letter: null, // công văn
  report: "BC", // báo cáo
  minutes: "BB", // biên bản
  decision: "QĐ", // quyết định
  notice: "TB", // thông báo
  plan: "KH", // kế hoạch
  guidance: "HD", // hướng dẫn
  submission: "TTr", // tờ trình
  invitation: "GM", // giấy mời
};

/** Vietnamese names of the kinds (tên loại văn bản). */
export const KIND_NAME_VI: Record<DocumentKind, string> = {
  letter: "Công văn",
  report: "Báo cáo",
  minutes: "Biên bản",
  decision: "Quyết định",
  notice: "Thông báo",
  plan: "Kế hoạch",
  guidance: "Hướng dẫn",
  submission: "Tờ trình",
  invitation: "Giấy mời",
};

const CODE_RE = /^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$/u;
const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(CODE_RE, 'chỉ gồm chữ in hoa (có thể có Đ), chữ số và dấu gạch nối, ví dụ "BTNN" hoặc "UBND"');

export const documentNumberInputSchema = z.strictObject({
  number: z.number().int().min(1).max(999_999),
  year: z.number().int().min(1945).max(2200).optional(),
  kind: z.enum(DOCUMENT_KINDS),
  issuer_code: codeSchema,
  unit_code: codeSchema.optional(),
  normative: z.boolean().optional(),
});
export type DocumentNumberInput = z.input<typeof documentNumberInputSchema>;

export const documentSymbolInputSchema = documentNumberInputSchema.omit({ number: true });
export type DocumentSymbolInput = z.input<typeof documentSymbolInputSchema>;

function symbolOf(i: z.output<typeof documentSymbolInputSchema>): string {
  const abbr = KIND_ABBREVIATION[i.kind];
  if (abbr === null) {
    // Công văn: cơ quan ban hành - đơn vị soạn thảo / lĩnh vực.
    return i.unit_code ? `${i.issuer_code}-${i.unit_code}` : i.issuer_code;
  }
  return `${abbr}-${i.issuer_code}`;
}

/**
 * Ký hiệu without the number: {kind:"letter", issuer_code:"BTNN", unit_code:"NV"} → "BTNN-NV";
 * {kind:"plan", issuer_code:"UBND"} → "KH-UBND". For non-letter kinds `unit_code` is not part of the symbol.
 */
export function documentSymbol(input: DocumentSymbolInput): string {
  return symbolOf(parseInput(documentSymbolInputSchema, input));
}

/** Số with the leading zero below 10: 5 → "05", 15 → "15". */
export function padDocumentNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Full "số/ký hiệu": {number:15, kind:"letter", issuer_code:"BTNN", unit_code:"NV"} → "15/BTNN-NV";
 * {number:12, kind:"plan", issuer_code:"UBND"} → "12/KH-UBND"; {number:5, kind:"decision", …} → "05/QĐ-…".
 * With `normative: true` and a year: "04/2018/TT-BTP"-style "số/năm/ký hiệu".
 */
export function formatDocumentNumber(input: DocumentNumberInput): string {
  const i = parseInput(documentNumberInputSchema, input);
  const num = padDocumentNumber(i.number);
  const symbol = symbolOf(i);
  return i.normative && i.year ? `${num}/${i.year}/${symbol}` : `${num}/${symbol}`;
}
