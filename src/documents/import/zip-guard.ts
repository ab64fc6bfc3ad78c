// Zip-bomb guard for .docx input: reads the ZIP central directory, refuses a file whose entries would inflate beyond
// the limits, and inflates every deflated entry with a hard output cap (a lying central directory cannot make it
// allocate more). Runs before mammoth/jszip, which inflate whole entries into memory without any limit.
import { inflateRawSync } from "node:zlib";

/** Total uncompressed size of all entries of one .docx (a plan is a few pages; pictures included, 64 MiB is ample). */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Largest single entry (word/document.xml of a 100-page document is a few MiB). */
export const MAX_DOCX_ENTRY_BYTES = 32 * 1024 * 1024;
/** More entries than any real .docx has. */
export const MAX_DOCX_ENTRIES = 2000;

export type ZipCheck =
  | { ok: true; entries: number; uncompressed: number }
  | { ok: false; reason: string; tooLarge?: boolean };

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const MiB = 1024 * 1024;

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * Checks the declared and the actual uncompressed sizes of every entry. `ok: false` carries a Vietnamese reason.
 * A structurally broken ZIP is `ok: false` too (the caller reports the file as unreadable).
 */
export function checkZipBounds(b: Buffer, limits: { total?: number; entry?: number; entries?: number } = {}): ZipCheck {
  const total = limits.total ?? MAX_DOCX_UNCOMPRESSED_BYTES;
  const perEntry = limits.entry ?? MAX_DOCX_ENTRY_BYTES;
  const maxEntries = limits.entries ?? MAX_DOCX_ENTRIES;
  if (b.length < 22) return { ok: false, reason: "tệp nén bị cắt cụt" };
  const eocd = findEocd(b);
  if (eocd < 0) return { ok: false, reason: "không tìm thấy mục lục tệp nén (tệp bị cắt cụt hoặc hỏng)" };
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: "tệp nén ZIP64 không được hỗ trợ" };
  if (count > maxEntries) return { ok: false, reason: `tệp nén có quá nhiều mục (${count})`, tooLarge: true };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: "mục lục tệp nén trỏ ra ngoài tệp (tệp hỏng)" };
  let p = cdOffset;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== CDH) return { ok: false, reason: "mục lục tệp nén bị hỏng" };
    const method = b.readUInt16LE(p + 10);
    const compSize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compSize === 0xffffffff) return { ok: false, reason: "tệp nén ZIP64 không được hỗ trợ" };
    if (size > perEntry)
      return {
        ok: false,
        reason: `mục "${name}" giải nén ra ${(size / MiB).toFixed(0)} MiB (tối đa ${perEntry / MiB} MiB)`,
        tooLarge: true,
      };
    sum += size;
    if (sum > total)
      return { ok: false, reason: `nội dung giải nén vượt ${total / MiB} MiB (nghi ngờ "bom nén")`, tooLarge: true };
    if (local + 30 > b.length || b.readUInt32LE(local) !== LFH) return { ok: false, reason: "tệp nén bị hỏng" };
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compSize > b.length) return { ok: false, reason: "tệp nén bị cắt cụt" };
    if (method === 0) {
      if (compSize !== size) return { ok: false, reason: `mục "${name}" khai báo sai kích thước` };
      continue;
    }
    if (method !== 8) return { ok: false, reason: `mục "${name}" dùng kiểu nén không hỗ trợ (${method})` };
    // The declared size may lie: inflate with a hard cap of the declared size (+1 byte to detect the lie).
    let actual: number;
    try {
      actual = inflateRawSync(b.subarray(start, start + compSize), { maxOutputLength: size + 1 }).length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        return {
          ok: false,
          reason: `mục "${name}" giải nén ra nhiều hơn kích thước khai báo (nghi ngờ "bom nén")`,
          tooLarge: true,
        };
      return { ok: false, reason: `mục "${name}" bị hỏng, không giải nén được` };
    }
    if (actual !== size) return { ok: false, reason: `mục "${name}" khai báo sai kích thước` };
  }
  return { ok: true, entries: count, uncompressed: sum };
}
