// Reads a plan document from disk: .docx (via mammoth), .md or .txt → text for the plan parser.
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { DomainError } from "../../domain/shared/errors.ts";
import { htmlToPlanText } from "./html-to-text.ts";
import { withTypedNumbers } from "./word-numbering.ts";
import { checkZipBounds } from "./zip-guard.ts";

/** Largest file accepted (10 MiB): plans are a few pages; anything bigger is almost certainly the wrong file. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

export type PlanFileFormat = "docx" | "md" | "txt";

export interface PlanFile {
  text: string;
  format: PlanFileFormat;
  warnings: string[];
}

function fail(code: string, message: string): never {
  throw new DomainError(code, "file", message);
}

async function readBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) fail("not_a_file", `"${path}" không phải là tệp`);
    size = s.size;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    fail("unreadable", `không đọc được tệp "${path}"${code === "ENOENT" ? " (không tồn tại)" : ` (${code})`}`);
  }
  if (size > MAX_PLAN_FILE_BYTES) {
    fail(
      "too_large",
      `tệp "${path}" quá lớn (${(size / 1048576).toFixed(1)} MiB; tối đa ${MAX_PLAN_FILE_BYTES / 1048576} MiB)`,
    );
  }
  const fh = await open(path, "r");
  try {
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}
function isOle(b: Buffer): boolean {
  return b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;
}

function decodeText(b: Buffer, path: string): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b).replace(/^\uFEFF/u, "");
  } catch {
    fail("encoding", `tệp "${path}" không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8)`);
  }
}

/** Converts .docx bytes to plan text. */
export async function docxToText(bytes: Buffer, name = "tệp"): Promise<{ text: string; warnings: string[] }> {
  if (!isZip(bytes)) fail("not_docx", `${name} không phải tệp .docx hợp lệ (không phải tệp nén ZIP của Word)`);
  // Zip-bomb guard: mammoth inflates whole entries into memory without a limit.
  const zip = checkZipBounds(bytes);
  if (!zip.ok)
    fail(zip.tooLarge ? "docx_too_large" : "not_docx", `${name} không đọc được như tệp .docx (${zip.reason})`);
  const mammoth = (await import("mammoth")).default;
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const typed = await withTypedNumbers(bytes);
    const r = await mammoth.convertToHtml({ buffer: typed.bytes });
    html = r.value;
    messages = r.messages as Array<{ type: string; message: string }>;
  } catch (e) {
    fail("not_docx", `${name} không đọc được như tệp .docx (${(e as Error).message.split("\n")[0]})`);
  }
  const { text, autoNumbering } = htmlToPlanText(html);
  const warnings: string[] = [];
  if (autoNumbering)
    warnings.push(
      "Tài liệu dùng đánh số tự động của Word: số mục được dựng lại theo thứ tự (1., 2., …), cần kiểm tra lại số mục.",
    );
  const errors = messages.filter((m) => m.type === "error");
  if (errors.length > 0) warnings.push(`Trình đọc .docx báo ${errors.length} lỗi: ${errors[0].message}`);
  return { text, warnings };
}

/**
 * Reads a plan file. Format from the extension (.docx, .md/.markdown, .txt), else from the content (ZIP → docx).
 * Throws DomainError (field "file") with a one-line Vietnamese message when the file cannot be read.
 */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const bytes = await readBytes(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".doc" || isOle(bytes)) {
    fail("old_doc", `tệp "${path}" là định dạng Word 97–2003 (.doc) — hãy lưu lại thành .docx`);
  }
  if (ext === ".docx" || (ext !== ".md" && ext !== ".txt" && ext !== ".markdown" && isZip(bytes))) {
    const { text, warnings } = await docxToText(bytes, `tệp "${path}"`);
    return { text, format: "docx", warnings };
  }
  if (isZip(bytes)) fail("binary", `tệp "${path}" là tệp nén, không phải văn bản ${ext}`);
  const text = decodeText(bytes, path);
  if (text.includes("\0")) fail("binary", `tệp "${path}" không phải văn bản (có ký tự nhị phân)`);
  const format: PlanFileFormat = ext === ".md" || ext === ".markdown" ? "md" : "txt";
  return { text, format, warnings: [] };
}
