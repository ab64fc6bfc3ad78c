// XLSX template for taking over existing claims (from paper or Excel) and its reader. One row per claim; the dates
// and facts of the steps the file already has (backfill: a history may start anywhere and lack steps). Every bad
// cell is reported with its row, column letter and header in Vietnamese; the caller writes nothing unless all rows
// are valid. The filled template may also come back saved as CSV (same columns; its header row is found by its
// first header, the title rows above it may be kept or dropped).
import type ExcelJS from "exceljs";
import { CLAIM_FIELD_VI, CLAIM_FIELDS, type ClaimField } from "../../domain/claims/dto.ts";
import { PAYMENT_METHODS } from "../../domain/claims/event-data.ts";
import { isIsoDate } from "../../domain/shared/dates.ts";
import { CSV_SEPARATORS, decodeCsv, parseCsv } from "../csv.ts";
import { newWorkbook } from "./sheet.ts";

type ColumnKey =
  | "field"
  | "handling_agency_id"
  | "claimant_name"
  | "claimant_address"
  | "claimant_id_number"
  | "summary"
  | "received_on"
  | "amount_requested"
  | "accepted_on"
  | "officer_name"
  | "officer_decision"
  | "officer_on"
  | "decision_on"
  | "decision_number"
  | "amount_decided"
  | "effective_on"
  | "paid_on"
  | "amount_paid"
  | "payment_method";

type Column = {
  key: ColumnKey;
  header: string;
  kind: "text" | "date" | "money" | "field" | "method";
  required?: boolean;
};

export const IMPORT_COLUMNS: readonly Column[] = [
  { key: "field", header: "Lĩnh vực", kind: "field", required: true },
  { key: "handling_agency_id", header: "Mã cơ quan giải quyết", kind: "text", required: true },
  { key: "claimant_name", header: "Người yêu cầu bồi thường", kind: "text", required: true },
  { key: "claimant_address", header: "Địa chỉ", kind: "text" },
  { key: "claimant_id_number", header: "Số định danh", kind: "text" },
  { key: "summary", header: "Tóm tắt vụ việc", kind: "text" },
  { key: "received_on", header: "Ngày nhận hồ sơ", kind: "date" },
  { key: "amount_requested", header: "Số tiền yêu cầu (đồng)", kind: "money" },
  { key: "accepted_on", header: "Ngày thụ lý", kind: "date" },
  { key: "officer_name", header: "Người giải quyết bồi thường", kind: "text" },
  { key: "officer_decision", header: "Số QĐ cử người giải quyết", kind: "text" },
  { key: "officer_on", header: "Ngày cử người giải quyết", kind: "date" },
  { key: "decision_on", header: "Ngày ra quyết định giải quyết bồi thường", kind: "date" },
  { key: "decision_number", header: "Số quyết định giải quyết bồi thường", kind: "text" },
  { key: "amount_decided", header: "Số tiền bồi thường (đồng)", kind: "money" },
  { key: "effective_on", header: "Ngày quyết định có hiệu lực", kind: "date" },
  { key: "paid_on", header: "Ngày chi trả xong", kind: "date" },
  { key: "amount_paid", header: "Số tiền đã chi trả (đồng)", kind: "money" },
  { key: "payment_method", header: "Hình thức chi trả", kind: "method" },
];

const METHOD_VI: Record<(typeof PAYMENT_METHODS)[number], string> = { cash: "Tiền mặt", transfer: "Chuyển khoản" };
const SHEET = "Vụ việc";
const HEADER_ROW = 3;

export const colLetter = (i: number): string => String.fromCharCode(65 + i);

/** The blank template: title, a note on backfill, header row, list validations, an instructions sheet. */
export async function buildClaimImportTemplate(agencyIds: readonly string[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = "BTNN";
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.getCell("A1").value = "MẪU NHẬP VỤ VIỆC ĐÃ CÓ (NHẬP BỔ SUNG — BACKFILL)";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value =
    "Mỗi dòng một vụ việc. Chỉ điền các bước hồ sơ đã có; bước thiếu được ghi là “chưa ghi nhận”. Ngày dạng dd/mm/yyyy, số tiền là số nguyên đồng.";
  ws.getRow(HEADER_ROW).values = IMPORT_COLUMNS.map((c) => (c.required ? `${c.header} (*)` : c.header));
  ws.getRow(HEADER_ROW).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(14, Math.min(40, c.header.length + 4));
    if (c.kind === "date") col.numFmt = "dd/mm/yyyy";
    if (c.kind === "money") col.numFmt = "#,##0";
  });
  const lists = wb.addWorksheet("Danh mục");
  lists.getColumn(1).values = ["Lĩnh vực", ...CLAIM_FIELDS.map((f) => CLAIM_FIELD_VI[f])];
  lists.getColumn(2).values = ["Mã cơ quan giải quyết", ...agencyIds];
  lists.getColumn(3).values = ["Hình thức chi trả", ...PAYMENT_METHODS.map((m) => METHOD_VI[m])];
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + 1000; r++) {
    ws.getCell(r, 1).dataValidation = {
      type: "list",
      allowBlank: false,
      formulae: [`'Danh mục'!$A$2:$A$${CLAIM_FIELDS.length + 1}`],
    };
    ws.getCell(r, 2).dataValidation = {
      type: "list",
      allowBlank: false,
      formulae: [`'Danh mục'!$B$2:$B$${Math.max(2, agencyIds.length + 1)}`],
    };
    ws.getCell(r, IMPORT_COLUMNS.length).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`'Danh mục'!$C$2:$C$${PAYMENT_METHODS.length + 1}`],
    };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ImportIssue = { row: number; column: string; header: string; message: string };

export type ImportedClaim = {
  row: number;
  field: ClaimField;
  handling_agency_id: string;
  claimant_name: string;
  claimant_address?: string;
  claimant_id_number?: string;
  summary?: string;
  events: Array<{ type: string; date: string; data?: Record<string, unknown> }>;
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/** Excel dates are day numbers shown as a calendar date: the stored Date's UTC day is that calendar date. */
function parseDate(v: ExcelJS.CellValue): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return v.toISOString().slice(0, 10);
  }
  const s = cellText(v);
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m && isIsoDate(s) ? s : null;
}

function parseMoney(v: ExcelJS.CellValue): number | null {
  if (typeof v === "number") return Number.isSafeInteger(v) && v > 0 ? v : null;
  const s = cellText(v)
    .replace(/[.\s]/g, "")
    .replace(/đ(ồng)?$/iu, "");
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim();

/** The cells of the uploaded sheet, rows and columns numbered from 1 as a spreadsheet program shows them. */
type Grid = { headerRow: number; lastRow: number; cell(row: number, col: number): ExcelJS.CellValue };

const headerText = (v: ExcelJS.CellValue) => fold(cellText(v).replace(/\s*\(\*\)$/, ""));
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function xlsxGrid(bytes: Buffer): Promise<Grid | string> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return "Tệp không phải bảng tính .xlsx đọc được";
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return "Tệp không có trang tính nào";
  return { headerRow: HEADER_ROW, lastRow: ws.rowCount, cell: (r, c) => ws.getCell(r, c).value };
}

/** A CSV: the separator that gives a row starting with the first header within the first 10 rows. */
function csvGrid(bytes: Buffer): Grid | string {
  const text = decodeCsv(bytes);
  if (text.includes("\u0000")) return "Tệp không phải bảng tính .xlsx hoặc .csv đọc được";
  const first = fold(IMPORT_COLUMNS[0].header);
  for (const sep of CSV_SEPARATORS) {
    const rows = parseCsv(text, sep);
    const at = rows.slice(0, 10).findIndex((r) => r.length > 1 && headerText(r[0]) === first);
    if (at >= 0) return { headerRow: at + 1, lastRow: rows.length, cell: (r, c) => rows[r - 1]?.[c - 1] ?? null };
  }
  return `Không đọc được tệp: cần bảng tính .xlsx theo mẫu hoặc tệp .csv lưu từ mẫu (không thấy dòng tiêu đề "${IMPORT_COLUMNS[0].header}", "${IMPORT_COLUMNS[1].header}", … trong 10 dòng đầu)`;
}

/**
 * Reads a filled template (.xlsx, or the same sheet saved as .csv). Returns the claims (with their backfill events)
 * and every cell problem; the header row must match the template. Row numbers are the sheet's row numbers (as the
 * user sees them in the spreadsheet program).
 */
export async function readClaimImport(
  bytes: Buffer,
  known: { agencyIds: ReadonlySet<string>; today: string },
): Promise<{ claims: ImportedClaim[]; issues: ImportIssue[] }> {
  const isXlsx = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const grid = isXlsx ? await xlsxGrid(bytes) : csvGrid(bytes);
  if (typeof grid === "string") return { claims: [], issues: [{ row: 0, column: "", header: "", message: grid }] };
  const issues: ImportIssue[] = [];
  const { headerRow } = grid;
  IMPORT_COLUMNS.forEach((c, i) => {
    if (headerText(grid.cell(headerRow, i + 1)) !== fold(c.header))
      issues.push({
        row: headerRow,
        column: colLetter(i),
        header: c.header,
        message: `Tiêu đề cột ${colLetter(i)} phải là "${c.header}" (hãy dùng mẫu tải về, không thêm bớt cột)`,
      });
  });
  if (issues.length) return { claims: [], issues };
  const claims: ImportedClaim[] = [];
  const fieldByLabel = new Map<string, ClaimField>();
  for (const f of CLAIM_FIELDS) {
    fieldByLabel.set(fold(CLAIM_FIELD_VI[f]), f);
    fieldByLabel.set(f, f);
  }
  const methodByLabel = new Map<string, string>();
  for (const m of PAYMENT_METHODS) {
    methodByLabel.set(fold(METHOD_VI[m]), m);
    methodByLabel.set(m, m);
  }
  for (let r = headerRow + 1; r <= grid.lastRow; r++) {
    const raw = IMPORT_COLUMNS.map((_, i) => grid.cell(r, i + 1));
    if (raw.every((v) => cellText(v) === "")) continue;
    const bad = (i: number, message: string) =>
      issues.push({ row: r, column: colLetter(i), header: IMPORT_COLUMNS[i].header, message });
    const v: Partial<Record<ColumnKey, string | number>> = {};
    IMPORT_COLUMNS.forEach((c, i) => {
      const cell = raw[i];
      const text = cellText(cell);
      if (text === "") {
        if (c.required) bad(i, `Ô ${colLetter(i)}${r} (${c.header}) không được để trống`);
        return;
      }
      if (c.kind === "date") {
        const d = parseDate(cell);
        if (!d) bad(i, `Ô ${colLetter(i)}${r} (${c.header}): "${text}" không phải ngày dạng dd/mm/yyyy`);
        else if (d > known.today) bad(i, `Ô ${colLetter(i)}${r} (${c.header}): ngày ${text} là ngày tương lai`);
        else v[c.key] = d;
      } else if (c.kind === "money") {
        const n = parseMoney(cell);
        if (n === null)
          bad(
            i,
            `Ô ${colLetter(i)}${r} (${c.header}): "${text}" không phải số tiền nguyên dương (đồng, không âm, không để 0)`,
          );
        else v[c.key] = n;
      } else if (c.kind === "field") {
        const f = fieldByLabel.get(fold(text));
        if (!f)
          bad(
            i,
            `Ô ${colLetter(i)}${r} (${c.header}): "${text}" không phải một trong: ${CLAIM_FIELDS.map((x) => CLAIM_FIELD_VI[x]).join(", ")}`,
          );
        else v[c.key] = f;
      } else if (c.kind === "method") {
        const m = methodByLabel.get(fold(text));
        if (!m) bad(i, `Ô ${colLetter(i)}${r} (${c.header}): "${text}" — chỉ nhận Tiền mặt hoặc Chuyển khoản`);
        else v[c.key] = m;
      } else if (c.key === "handling_agency_id" && !known.agencyIds.has(text)) {
        bad(
          i,
          `Ô ${colLetter(i)}${r} (${c.header}): cơ quan "${text}" không có trong danh mục hoặc ngoài phạm vi của bạn`,
        );
      } else v[c.key] = text;
    });
    // A fact without its step's date cannot be placed in the history.
    const needs: Array<[ColumnKey, ColumnKey]> = [
      ["amount_requested", "received_on"],
      ["officer_name", "officer_on"],
      ["officer_decision", "officer_on"],
      ["decision_number", "decision_on"],
      ["amount_decided", "decision_on"],
      ["amount_paid", "paid_on"],
      ["payment_method", "paid_on"],
    ];
    for (const [fact, date] of needs) {
      const di = IMPORT_COLUMNS.findIndex((c) => c.key === date);
      const fi = IMPORT_COLUMNS.findIndex((c) => c.key === fact);
      if (v[fact] !== undefined && v[date] === undefined && cellText(raw[di]) === "")
        bad(
          di,
          `Ô ${colLetter(di)}${r} (${IMPORT_COLUMNS[di].header}): cần ngày vì đã ghi "${IMPORT_COLUMNS[fi].header}"`,
        );
    }
    const events: ImportedClaim["events"] = [];
    const ev = (type: string, date: ColumnKey, data?: Record<string, unknown>) => {
      const d = v[date];
      if (typeof d !== "string") return;
      const clean = data && Object.fromEntries(Object.entries(data).filter(([, x]) => x !== undefined));
      events.push({ type, date: d, ...(clean && Object.keys(clean).length ? { data: clean } : {}) });
    };
    ev("received", "received_on", { amount_requested: v.amount_requested });
    ev("accepted", "accepted_on");
    ev("officer_appointed", "officer_on", { officer_name: v.officer_name, decision_number: v.officer_decision });
    ev("decision_issued", "decision_on", { decision_number: v.decision_number, amount: v.amount_decided });
    ev("decision_effective", "effective_on");
    ev("paid", "paid_on", { amount: v.amount_paid, method: v.payment_method });
    claims.push({
      row: r,
      field: v.field as ClaimField,
      handling_agency_id: v.handling_agency_id as string,
      claimant_name: v.claimant_name as string,
      ...(v.claimant_address ? { claimant_address: v.claimant_address as string } : {}),
      ...(v.claimant_id_number ? { claimant_id_number: String(v.claimant_id_number) } : {}),
      ...(v.summary ? { summary: v.summary as string } : {}),
      events,
    });
  }
  if (claims.length === 0 && issues.length === 0)
    issues.push({
      row: headerRow + 1,
      column: "A",
      header: IMPORT_COLUMNS[0].header,
      message: "Tệp chưa có dòng vụ việc nào",
    });
  return { claims, issues };
}

/** Where the template's header row is (rows above it are the title and the note). */
export const IMPORT_HEADER_ROW = HEADER_ROW;
