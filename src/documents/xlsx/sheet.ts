// Generic XLSX export (exceljs): title rows with agency and period, a bold frozen header row with autofilter,
// dd/mm/yyyy dates, #,##0 money, Times New Roman. Every list of the application exports through this.
import type ExcelJS from "exceljs";
import { z } from "zod";
import { formatVi, isIsoDate } from "../../domain/shared/dates.ts";
import { parseInput } from "../errors.ts";

/** exceljs takes about a second to load: it is imported on the first export, not at server start. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

export const COLUMN_FORMATS = ["date", "money", "text", "integer"] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

/** Excel number formats per column format. */
export const NUM_FMT: Record<ColumnFormat, string> = {
  date: "dd/mm/yyyy",
  money: "#,##0",
  integer: "0",
  text: "@",
};

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

export const sheetColumnSchema = z.strictObject({
  key: z.string().trim().min(1).max(100),
  header: z.string().trim().min(1).max(200),
  width: z.number().positive().max(255).optional(),
  format: z.enum(COLUMN_FORMATS).optional(),
});
export type SheetColumn = z.input<typeof sheetColumnSchema>;

/** The row number column every list starts with (rows carry `stt`: 1, 2, …). */
export const STT_COLUMN: SheetColumn = { key: "stt", header: "STT", format: "integer", width: 6 };

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null(), z.undefined()]);

export const sheetInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(500),
    /** Second title line (e.g. the scope of the list). */
    subtitle: z.string().trim().min(1).max(500).optional(),
    columns: z.array(sheetColumnSchema).min(1).max(100),
    rows: z.array(z.record(z.string(), cellValue)).max(1_000_000),
    sheet_name: z
      .string()
      .trim()
      .min(1)
      .max(31)
      .refine((s) => !FORBIDDEN_SHEET_CHARS.test(s), {
        message: "tên trang tính không được chứa các ký tự [ ] : * ? / \\",
      }),
    meta: z
      .strictObject({
        agency: z.string().trim().min(1).max(300).optional(),
        period: z.string().trim().min(1).max(300).optional(),
        /** ISO date or date-time; shown as "Ngày lập: dd/mm/yyyy". */
        generated_at: z.string().trim().min(10).max(40).optional(),
      })
      .optional(),
    /** Keys of money/integer columns to total in a "Tổng cộng" row. */
    total_keys: z.array(z.string()).optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.columns.forEach((c, i) => {
      if (seen.has(c.key))
        ctx.addIssue({ code: "custom", path: ["columns", i, "key"], message: `khóa cột "${c.key}" bị trùng` });
      seen.add(c.key);
    });
    for (const [i, k] of (s.total_keys ?? []).entries()) {
      const col = s.columns.find((c) => c.key === k);
      if (!col || (col.format !== "money" && col.format !== "integer"))
        ctx.addIssue({
          code: "custom",
          path: ["total_keys", i],
          message: `"${k}" không phải cột số tiền hoặc số nguyên`,
        });
    }
  });
export type SheetInput = z.input<typeof sheetInputSchema>;

const FONT = "Times New Roman";
const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** "2026-03-05" → a Date at UTC midnight (Excel shows the same calendar day everywhere). */
function toDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v === "string") {
    const d = v.slice(0, 10);
    if (isIsoDate(d)) {
      const [y, m, day] = d.split("-").map(Number);
      return new Date(Date.UTC(y, m - 1, day));
    }
  }
  return null;
}

function convert(v: unknown, format: ColumnFormat | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null || v === "") return null;
  switch (format) {
    case "date":
      return toDate(v) ?? String(v);
    case "money":
    case "integer":
      return typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : String(v);
    default:
      return v instanceof Date ? formatVi(v.toISOString().slice(0, 10)) : (v as ExcelJS.CellValue);
  }
}

/** Default widths by format when none is given. */
function defaultWidth(c: SheetColumn): number {
  if (c.format === "date") return 12;
  if (c.format === "money") return 18;
  if (c.format === "integer") return 8;
  return Math.min(40, Math.max(12, c.header.length + 2));
}

/** Adds a sheet to `wb` and returns the header row number. */
export function addSheet(wb: ExcelJS.Workbook, input: SheetInput): number {
  const s = parseInput(sheetInputSchema, input);
  const n = s.columns.length;
  const ws = wb.addWorksheet(s.sheet_name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  s.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? defaultWidth(c);
  });

  let r = 1;
  const line = (text: string, font: Partial<ExcelJS.Font>, align: "left" | "center") => {
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: align, vertical: "middle", wrapText: true };
    r++;
  };
  if (s.meta?.agency) line(s.meta.agency.toUpperCase(), { bold: true }, "left");
  line(s.title.toUpperCase(), { bold: true, size: 14 }, "center");
  if (s.subtitle) line(s.subtitle, { bold: true }, "center");
  if (s.meta?.period) line(`Kỳ: ${s.meta.period}`, { italic: true }, "center");
  if (s.meta?.generated_at) {
    const d = s.meta.generated_at.slice(0, 10);
    line(`Ngày lập: ${isIsoDate(d) ? formatVi(d) : s.meta.generated_at}`, { italic: true }, "center");
  }
  r++; // blank line

  const headerRow = r;
  const hr = ws.getRow(headerRow);
  s.columns.forEach((c, i) => {
    const cell = hr.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  hr.height = 32;

  const totals = new Map<string, number>((s.total_keys ?? []).map((k) => [k, 0]));
  for (const row of s.rows) {
    r++;
    const xr = ws.getRow(r);
    s.columns.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      const v = convert(row[c.key], c.format);
      cell.value = v;
      if (c.format && typeof v !== "string") cell.numFmt = NUM_FMT[c.format];
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: c.format === undefined || c.format === "text",
        horizontal: c.format === "money" ? "right" : c.format === "date" || c.format === "integer" ? "center" : "left",
      };
      if (totals.has(c.key) && typeof v === "number") totals.set(c.key, totals.get(c.key)! + v);
    });
  }
  if (totals.size > 0) {
    r++;
    const tr = ws.getRow(r);
    s.columns.forEach((c, i) => {
      const cell = tr.getCell(i + 1);
      cell.value = i === 0 ? "Tổng cộng" : totals.has(c.key) ? totals.get(c.key)! : null;
      if (totals.has(c.key)) cell.numFmt = NUM_FMT[c.format ?? "money"];
      cell.font = { name: FONT, size: 12, bold: true };
      cell.border = BORDER;
    });
  }

  ws.views = [
    {
      state: "frozen",
      ySplit: headerRow,
      xSplit: 0,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(headerRow, r - (totals.size > 0 ? 1 : 0)), column: n },
  };
  return headerRow;
}

/** Builds a one-sheet workbook. Throws DocumentInputError (Vietnamese, naming the field) on bad input. */
export async function buildSheet(input: SheetInput): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "BTNN";
  addSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
